"""The training log: sessions in time order with indexes for cheap queries.

Every query the coach makes per update (last session, last hard session,
totals of one week, latest session of a program day) costs O(log n) or O(1),
so an update with 20,000 sessions costs about what one with 1,000 does. Only
adding or removing a session copies the indexes.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, tzinfo

from .models import Session
from .timeline import local_date, utc

type _Key = tuple[datetime, str]

RECENT_PER_EXERCISE = 2
"""Sessions kept per exercise for progression (the last and the one before)."""


def _exercise_ids(session: Session) -> set[str]:
    return {item.exercise for item in session.exercises}


@dataclass(frozen=True, slots=True)
class Totals:
    """Session and set counts over some span of days."""

    sessions: int = 0
    hard_sessions: int = 0
    working_sets: int = 0
    hard_sets: int = 0
    """Working sets of hard sessions only (R3's dedicated sets)."""

    def __add__(self, other: Totals) -> Totals:
        """Add two totals."""
        return Totals(
            self.sessions + other.sessions,
            self.hard_sessions + other.hard_sessions,
            self.working_sets + other.working_sets,
            self.hard_sets + other.hard_sets,
        )

    def __sub__(self, other: Totals) -> Totals:
        """Subtract totals (used when a session leaves a day)."""
        return Totals(
            self.sessions - other.sessions,
            self.hard_sessions - other.hard_sessions,
            self.working_sets - other.working_sets,
            self.hard_sets - other.hard_sets,
        )


def _totals_of(session: Session) -> Totals:
    hard = int(session.hard)
    return Totals(1, hard, session.working_sets, hard * session.working_sets)


def _key(session: Session) -> _Key:
    return (session.performed_at, session.id)


@dataclass(slots=True)
class _Index:
    """The mutable indexes behind one log version; copied, never shared."""

    tz: tzinfo
    sessions: list[Session] = field(default_factory=list)
    keys: list[_Key] = field(default_factory=list)
    hard: list[Session] = field(default_factory=list)
    hard_keys: list[_Key] = field(default_factory=list)
    by_id: dict[str, Session] = field(default_factory=dict)
    by_day: dict[date, Totals] = field(default_factory=dict)
    last_of_day: dict[str, Session] = field(default_factory=dict)
    recent: dict[str, tuple[Session, ...]] = field(default_factory=dict)

    @classmethod
    def build(cls, sessions: Iterable[Session], tz: tzinfo) -> _Index:
        """Index many sessions at once: one sort, then linear passes."""
        ordered = sorted(map(_normalised, sessions), key=_key)
        index = cls(tz, ordered, [_key(s) for s in ordered])
        index.hard = [s for s in ordered if s.hard]
        index.hard_keys = [_key(s) for s in index.hard]
        index.by_id = {s.id: s for s in ordered}
        if len(index.by_id) != len(ordered):
            msg = "duplicate session id"
            raise ValueError(msg)
        by_day = index.by_day
        for session in ordered:
            day = local_date(session.performed_at, tz)
            by_day[day] = by_day.get(day, Totals()) + _totals_of(session)
            if session.program_day is not None:
                index.last_of_day[session.program_day] = session
        recent = index.recent
        for session in reversed(ordered):
            for exercise in _exercise_ids(session):
                kept = recent.get(exercise, ())
                if len(kept) < RECENT_PER_EXERCISE:
                    recent[exercise] = (*kept, session)
        return index

    def copy(self) -> _Index:
        """A copy whose containers can change without touching this one."""
        return _Index(
            self.tz,
            list(self.sessions),
            list(self.keys),
            list(self.hard),
            list(self.hard_keys),
            dict(self.by_id),
            dict(self.by_day),
            dict(self.last_of_day),
            dict(self.recent),
        )

    def insert(self, session: Session) -> None:
        """Insert in time order and update every index: O(n) copy, O(log n) search."""
        if session.id in self.by_id:
            msg = f"duplicate session id {session.id}"
            raise ValueError(msg)
        key = _key(session)
        position = bisect_right(self.keys, key)
        self.keys.insert(position, key)
        self.sessions.insert(position, session)
        if session.hard:
            where = bisect_right(self.hard_keys, key)
            self.hard_keys.insert(where, key)
            self.hard.insert(where, session)
        self.by_id[session.id] = session
        day = local_date(session.performed_at, self.tz)
        self.by_day[day] = self.by_day.get(day, Totals()) + _totals_of(session)
        if session.program_day is not None:
            previous = self.last_of_day.get(session.program_day)
            if previous is None or _key(previous) < key:
                self.last_of_day[session.program_day] = session
        for exercise in _exercise_ids(session):
            ordered = sorted(
                (*self.recent.get(exercise, ()), session), key=_key, reverse=True
            )
            self.recent[exercise] = tuple(ordered[:RECENT_PER_EXERCISE])

    def delete(self, session: Session) -> None:
        """Remove a session that is in the index."""
        key = _key(session)
        position = bisect_left(self.keys, key)
        del self.keys[position]
        del self.sessions[position]
        del self.by_id[session.id]
        if session.hard:
            where = bisect_left(self.hard_keys, key)
            del self.hard_keys[where]
            del self.hard[where]
        day = local_date(session.performed_at, self.tz)
        left = self.by_day[day] - _totals_of(session)
        if left.sessions:
            self.by_day[day] = left
        else:
            del self.by_day[day]
        if session.program_day is not None and (
            self.last_of_day.get(session.program_day) is session
        ):
            del self.last_of_day[session.program_day]
            for other in reversed(self.sessions):
                if other.program_day == session.program_day:
                    self.last_of_day[session.program_day] = other
                    break
        for exercise in _exercise_ids(session):
            if session in self.recent.get(exercise, ()):
                found = [
                    s for s in reversed(self.sessions) if exercise in _exercise_ids(s)
                ]
                self.recent[exercise] = tuple(found[:RECENT_PER_EXERCISE])
                if not found:
                    del self.recent[exercise]


class TrainingLog:
    """An immutable, time-ordered log indexed by local day.

    >>> from datetime import UTC, datetime
    >>> s = Session(id="a", performed_at=datetime(2026, 3, 2, 18, tzinfo=UTC),
    ...             hard=True, working_sets=11)
    >>> log = TrainingLog((), UTC).add(s)
    >>> len(log), log.last is s, log.day_totals(s.performed_at.date()).working_sets
    (1, True, 11)
    """

    __slots__ = ("_ix", "_memo")

    def __init__(
        self, sessions: Iterable[Session], tz: tzinfo, *, _index: _Index | None = None
    ) -> None:
        """Index sessions (any order) with local days taken in `tz`."""
        self._ix = _Index.build(sessions, tz) if _index is None else _index
        self._memo: dict[tuple[object, ...], int] = {}

    @property
    def tz(self) -> tzinfo:
        """The zone that decides local days."""
        return self._ix.tz

    def add(self, session: Session) -> TrainingLog:
        """Return a new log that also holds `session`."""
        index = self._ix.copy()
        index.insert(_normalised(session))
        return TrainingLog((), index.tz, _index=index)

    def remove(self, session_id: str) -> tuple[TrainingLog, Session]:
        """Return a new log without the session, and that session."""
        session = self._ix.by_id[session_id]
        index = self._ix.copy()
        index.delete(session)
        return TrainingLog((), index.tz, _index=index), session

    def __len__(self) -> int:
        """Return the number of sessions."""
        return len(self._ix.sessions)

    def __iter__(self) -> Iterator[Session]:
        """Iterate oldest first."""
        return iter(self._ix.sessions)

    def newest_first(self) -> Iterator[Session]:
        """Iterate newest first."""
        return reversed(self._ix.sessions)

    def hard_newest_first(self) -> Iterator[Session]:
        """Iterate the hard sessions newest first."""
        return reversed(self._ix.hard)

    def get(self, session_id: str) -> Session | None:
        """Return a session by id."""
        return self._ix.by_id.get(session_id)

    @property
    def last(self) -> Session | None:
        """The most recent session."""
        return self._ix.sessions[-1] if self._ix.sessions else None

    @property
    def last_hard(self) -> Session | None:
        """The most recent hard session."""
        return self._ix.hard[-1] if self._ix.hard else None

    @property
    def first(self) -> Session | None:
        """The oldest session."""
        return self._ix.sessions[0] if self._ix.sessions else None

    def last_of_day(self, program_day: str) -> Session | None:
        """The most recent session logged as this program day."""
        return self._ix.last_of_day.get(program_day)

    def recent_of_exercise(self, exercise: str) -> tuple[Session, ...]:
        """The latest sessions holding this exercise, newest first (at most two)."""
        return self._ix.recent.get(exercise, ())

    def between(
        self, start: datetime | None, end: datetime | None
    ) -> Sequence[Session]:
        """Sessions with `start <= performed_at < end` (open ends allowed)."""
        low = 0 if start is None else bisect_left(self._ix.keys, (utc(start), ""))
        high = (
            len(self._ix.keys)
            if end is None
            else bisect_left(self._ix.keys, (utc(end), ""))
        )
        return self._ix.sessions[low:high]

    def day_totals(self, day: date) -> Totals:
        """Totals of one local day."""
        return self._ix.by_day.get(day, Totals())

    def memo(self, key: tuple[object, ...]) -> int | None:
        """A value cached on this (immutable) log, such as a streak."""
        return self._memo.get(key)

    def remember(self, key: tuple[object, ...], value: int) -> int:
        """Cache a value derived from this log and return it."""
        self._memo[key] = value
        return value


def _normalised(session: Session) -> Session:
    """Keep instants in UTC so ordering and arithmetic never depend on zones."""
    if session.performed_at.tzinfo is UTC:
        return session
    return replace(session, performed_at=utc(session.performed_at))
