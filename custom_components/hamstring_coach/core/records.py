"""Personal records per exercise: estimated 1RM, heaviest lift, most reps, longest hold.

Which kinds an exercise log can set (only catalog exercises that are `working`
count; stretches, foam rolling, balance and unknown ids never do):

* a seconds-measured exercise with `seconds`: `LONGEST_HOLD`;
* a `loadable` reps exercise logged with a load > 0 and reps: `ESTIMATED_1RM`
  (Epley) and `HEAVIEST` (heaviest load, ties broken by more reps);
* any other reps exercise logged with reps (bodyweight, unrated band, or a
  loadable exercise done without load): `MOST_REPS`.

Loads are compared in kg (a load without a unit counts as kg), and values are
compared at the 0.1 precision they are shown with, so 220.5 lb (100.02 kg)
does not "beat" 100 kg, and float noise between equal Epley estimates never
makes a record. The book is a function of the set of sessions: the best value
holds the record, and of equal values the earliest (`performed_at`, then
session id) keeps it, whatever order sessions arrive in. Removing a session
is handled by rebuilding (`RecordBook.without`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from types import MappingProxyType

from .catalog import EXERCISES
from .models import ExerciseLog, Measure, Session, WeightUnit
from .serialize import JsonObject
from .timeline import utc

KG_PER_LB = 0.45359237


class RecordKind(StrEnum):
    """What a personal record measures."""

    ESTIMATED_1RM = "estimated_1rm"
    HEAVIEST = "heaviest"
    MOST_REPS = "most_reps"
    LONGEST_HOLD = "longest_hold"


_LOAD_KINDS = frozenset({RecordKind.ESTIMATED_1RM, RecordKind.HEAVIEST})


@dataclass(frozen=True, slots=True, kw_only=True)
class Record:
    """A personal record: `value` in kg for load kinds, else reps or seconds.

    `load`, `unit`, `reps` and `seconds` are the logged set, kept for display.
    """

    exercise: str
    kind: RecordKind
    value: float
    session_id: str
    performed_at: datetime
    load: float | None = None
    unit: WeightUnit | None = None
    reps: int | None = None
    seconds: int | None = None

    def beats(self, other: Record) -> bool:
        """Whether this record is strictly better than `other` (same exercise and kind).

        >>> from datetime import UTC, datetime
        >>> at = datetime(2026, 3, 2, tzinfo=UTC)
        >>> a = Record(exercise="x", kind=RecordKind.HEAVIEST, value=100.0,
        ...            session_id="a", performed_at=at, reps=5)
        >>> b = Record(exercise="x", kind=RecordKind.HEAVIEST, value=100.0,
        ...            session_id="b", performed_at=at, reps=6)
        >>> b.beats(a), a.beats(b), a.beats(a)
        (True, False, False)
        """
        return _rank(self) > _rank(other)


def kilograms(load: float, unit: WeightUnit | None) -> float:
    """A load in kg; a load without a unit is taken as kg.

    >>> round(kilograms(225, WeightUnit.LB), 2), kilograms(100, WeightUnit.KG)
    (102.06, 100.0)
    """
    return float(load) * KG_PER_LB if unit is WeightUnit.LB else float(load)


def epley(load: float, reps: int) -> float:
    """Estimated one-rep max by Epley, load x (1 + reps / 30); one rep is the load.

    >>> round(epley(100, 5), 1), epley(100, 1), epley(60, 10)
    (116.7, 100.0, 80.0)
    """
    if reps == 1:
        return float(load)
    return load * (1 + reps / 30)


def _tenths(value: float) -> int:
    """The value in tenths, the precision records are compared and shown at."""
    return round(value * 10)


def _rank(record: Record) -> tuple[int, int]:
    """Order of merit; `HEAVIEST` breaks equal loads by more reps."""
    tie = (record.reps or 0) if record.kind is RecordKind.HEAVIEST else 0
    return (_tenths(record.value), tie)


def _rank_of(kind: RecordKind, value: float, item: ExerciseLog) -> tuple[int, int]:
    """`_rank` of the record an entry would make, without making it."""
    tie = (item.reps or 0) if kind is RecordKind.HEAVIEST else 0
    return (_tenths(value), tie)


def _holds_over(new: Record, current: Record) -> bool:
    """Whether `new` takes the record: better, or equal and earlier."""
    if _rank(new) != _rank(current):
        return _rank(new) > _rank(current)
    return (new.performed_at, new.session_id) < (
        current.performed_at,
        current.session_id,
    )


def _values(item: ExerciseLog) -> list[tuple[RecordKind, float]]:
    """The kinds and values one exercise log could set as records."""
    spec = EXERCISES.get(item.exercise)
    if spec is None or not spec.working:
        return []
    if spec.measure is Measure.SECONDS:
        return [(RecordKind.LONGEST_HOLD, float(item.seconds))] if item.seconds else []
    if not item.reps:
        return []
    if spec.loadable and item.load:
        kg = kilograms(item.load, item.unit)
        return [
            (RecordKind.ESTIMATED_1RM, epley(kg, item.reps)),
            (RecordKind.HEAVIEST, kg),
        ]
    return [(RecordKind.MOST_REPS, float(item.reps))]


def entry_values(item: ExerciseLog) -> list[tuple[RecordKind, float]]:
    """The kinds and values (kg for loads) one exercise log could set as records."""
    return _values(item)


def _log_record(
    session: Session, item: ExerciseLog, kind: RecordKind, value: float
) -> Record:
    """One record candidate, with the logged set for display."""
    return Record(
        exercise=item.exercise,
        kind=kind,
        value=value,
        session_id=session.id,
        performed_at=session.performed_at,
        load=(item.load or None) if kind in _LOAD_KINDS else None,
        unit=item.unit if kind in _LOAD_KINDS else None,
        reps=None if kind is RecordKind.LONGEST_HOLD else item.reps,
        seconds=item.seconds if kind is RecordKind.LONGEST_HOLD else None,
    )


def _log_records(session: Session, item: ExerciseLog) -> list[Record]:
    """The records one exercise log could set."""
    return [_log_record(session, item, kind, value) for kind, value in _values(item)]


def session_records(session: Session) -> list[Record]:
    """The best record candidate per exercise and kind in one session.

    Of equal sets in one session the first logged is kept.

    >>> from datetime import UTC, datetime
    >>> s = Session(id="a", performed_at=datetime(2026, 3, 2, tzinfo=UTC),
    ...             hard=True, working_sets=2, exercises=(
    ...     ExerciseLog(exercise="nordic_curl", sets=1, reps=4),
    ...     ExerciseLog(exercise="nordic_curl", sets=1, reps=6),
    ...     ExerciseLog(exercise="hamstring_stretch", sets=1, seconds=30)))
    >>> [(r.kind.value, r.value) for r in session_records(s)]
    [('most_reps', 6.0)]
    """
    best: dict[tuple[str, RecordKind], Record] = {}
    for item in session.exercises:
        for record in _log_records(session, item):
            key = (record.exercise, record.kind)
            if key not in best or record.beats(best[key]):
                best[key] = record
    return list(best.values())


type RecordMap = Mapping[str, Mapping[RecordKind, Record]]


class RecordBook:
    """Immutable personal records of every exercise; `add` returns a new book.

    >>> from datetime import UTC, datetime
    >>> def lift(sid, day, kg, reps):
    ...     return Session(id=sid, performed_at=datetime(2026, 3, day, tzinfo=UTC),
    ...                    hard=True, working_sets=1, exercises=(ExerciseLog(
    ...         exercise="romanian_deadlift", sets=1, reps=reps, load=kg,
    ...         unit=WeightUnit.KG),))
    >>> book, beaten = RecordBook().add(lift("a", 2, 100, 5))
    >>> beaten
    []
    >>> book, beaten = book.add(lift("b", 5, 105, 3))
    >>> [(r.kind.value, round(r.value, 1)) for r in beaten]
    [('heaviest', 105.0)]
    >>> round(book.best("romanian_deadlift")[RecordKind.ESTIMATED_1RM].value, 1)
    116.7
    """

    __slots__ = ("_records",)

    def __init__(self) -> None:
        """An empty book; use `build` or `add` to fill it."""
        self._records: dict[str, Mapping[RecordKind, Record]] = {}

    @classmethod
    def build(cls, sessions: Iterable[Session]) -> RecordBook:
        """The book of a set of sessions, in any order.

        One pass with a single mutable table; a `Record` is only made for a
        candidate that ranks at least level with the current best, and the
        values of shared (identical) exercise entries are computed once.
        """
        best: dict[tuple[str, RecordKind], Record] = {}
        values: dict[ExerciseLog, list[tuple[RecordKind, float]]] = {}
        for session in sessions:
            for item in session.exercises:
                found = values.get(item)
                if found is None:
                    found = values[item] = _values(item)
                for kind, value in found:
                    current = best.get((item.exercise, kind))
                    if current is not None and _rank_of(kind, value, item) < _rank(
                        current
                    ):
                        continue
                    candidate = _log_record(session, item, kind, value)
                    if current is None or _holds_over(candidate, current):
                        best[(item.exercise, kind)] = candidate
        grouped: dict[str, dict[RecordKind, Record]] = {}
        for (exercise, kind), record in best.items():
            grouped.setdefault(exercise, {})[kind] = record
        book = cls()
        book._records = {e: MappingProxyType(k) for e, k in grouped.items()}
        return book

    def add(self, session: Session) -> tuple[RecordBook, list[Record]]:
        """Return the book with `session`, and the records it beat.

        A record is reported as beaten when it is strictly better (at 0.1
        precision) than the current best of its exercise and kind, whatever
        the session's date: a backdated session may beat a later record. The
        first log of an exercise and kind sets a record but is not reported:
        there was no previous best to beat, so it is no personal-record event.
        An equal value is not reported; the earlier session keeps the record.
        Cost: O(exercises in the session), plus a copy bounded by the catalog.
        """
        beaten: list[Record] = []
        return self._with(session, beaten), beaten

    def _with(self, session: Session, beaten: list[Record]) -> RecordBook:
        """A new book with `session`, appending beaten records to `beaten`."""
        records = dict(self._records)
        for record in session_records(session):
            kinds = records.get(record.exercise, {})
            current = kinds.get(record.kind)
            if current is not None and record.beats(current):
                beaten.append(record)
            if current is None or _holds_over(record, current):
                records[record.exercise] = MappingProxyType(
                    {**kinds, record.kind: record}
                )
        book = RecordBook()
        book._records = records
        return book

    def without(self, session_id: str, remaining: Iterable[Session]) -> RecordBook:
        """The book after a session is removed; `remaining` are the sessions left.

        Returns this book when the session held no record, else rebuilds.
        """
        if any(
            record.session_id == session_id
            for kinds in self._records.values()
            for record in kinds.values()
        ):
            return RecordBook.build(remaining)
        return self

    def best(self, exercise: str) -> dict[RecordKind, Record]:
        """The records of one exercise by kind (empty when it has none)."""
        return dict(self._records.get(exercise, {}))

    def all(self) -> RecordMap:
        """Every record, by exercise then kind (read-only)."""
        return MappingProxyType(self._records)

    def __eq__(self, other: object) -> bool:
        """Books are equal when they hold the same records."""
        if not isinstance(other, RecordBook):
            return NotImplemented
        return self._records == other._records

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        """A short summary."""
        return f"RecordBook({len(self._records)} exercises)"


def record_to_dict(record: Record) -> JsonObject:
    """A record as a dict for responses and events; `value` rounded to 0.1.

    >>> from datetime import UTC, datetime
    >>> d = record_to_dict(Record(exercise="nordic_curl", kind=RecordKind.MOST_REPS,
    ...     value=6.0, reps=6, session_id="a",
    ...     performed_at=datetime(2026, 3, 2, 18, tzinfo=UTC)))
    >>> d["kind"], d["value"], d["load"], d["performed_at"]
    ('most_reps', 6.0, None, '2026-03-02T18:00:00+00:00')
    """
    return {
        "exercise": record.exercise,
        "kind": str(record.kind),
        "value": _tenths(record.value) / 10,
        "load": record.load,
        "unit": None if record.unit is None else str(record.unit),
        "reps": record.reps,
        "seconds": record.seconds,
        "session_id": record.session_id,
        "performed_at": utc(record.performed_at).isoformat(),
    }
