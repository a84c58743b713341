"""Progress over time: weekly totals against the targets, and per-exercise trends.

`weekly_history` reads the log's per-day index (seven look-ups a week) and one
bisect per week for the week's sessions, so twelve weeks cost the same with
20,000 sessions as with 20. `exercise_trends` reads the window's sessions, and
the sessions before it only to know the best value so far (a point is
marked a record only when it beat everything before it, not just the
window), and only for exercises whose personal record was set in or after
the window: an exercise whose record is older can set none in it.

The value of a trend point is the best of its session for the exercise's
metric: the Epley estimate (`estimated_1rm`) for loaded lifts, the most reps
(`most_reps`) for body-weight work, the longest hold (`longest_hold`) for
holds; the same values personal records are made of (records.py). An
exercise logged both with and without load follows its estimated 1RM.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from .log import TrainingLog
from .models import ExerciseLog, Session, WeightUnit
from .records import KG_PER_LB, RecordBook, RecordKind, entry_values
from .timeline import at_local, week_start

_WEEK = timedelta(days=7)
_METRIC_ORDER = (
    RecordKind.ESTIMATED_1RM,
    RecordKind.LONGEST_HOLD,
    RecordKind.MOST_REPS,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Targets:
    """What a week is measured against, and which weeks are special."""

    first_weekday: int = 0
    sessions: int = 2
    sets: int = 12
    light_only: bool = False
    """In a light-only phase every session counts toward the session target."""
    skips: Mapping[date, int] | None = None
    frozen: frozenset[date] = frozenset()


@dataclass(frozen=True, slots=True, kw_only=True)
class WeekProgress:
    """One week: its counted sessions and sets, targets, and flags."""

    start: date
    hard_sessions: int
    working_sets: int
    skipped: int
    sessions_target: int
    sets_target: int
    paused: bool
    current: bool
    sessions: tuple[Session, ...]

    @property
    def met(self) -> bool:
        """Both targets met (skips count toward the session target)."""
        return (
            not self.paused
            and self.hard_sessions + self.skipped >= self.sessions_target
            and self.working_sets >= self.sets_target
        )


def week_window(
    today: date, first_weekday: int, *, weeks: int, start: date | None = None
) -> tuple[date, int]:
    """The first day of the oldest week, and the number of weeks.

    The window ends with the week holding `today`; it starts `weeks` weeks
    back, or with the week holding `start` when one is given.

    >>> week_window(date(2026, 11, 25), 0, weeks=3)
    (datetime.date(2026, 11, 9), 3)
    >>> week_window(date(2026, 11, 25), 0, weeks=3, start=date(2026, 11, 1))
    (datetime.date(2026, 10, 26), 5)
    """
    last = week_start(today, first_weekday)
    if start is None:
        return last - (weeks - 1) * _WEEK, weeks
    first = min(week_start(start, first_weekday), last)
    return first, (last - first).days // 7 + 1


def weekly_history(
    log: TrainingLog,
    *,
    first: date,
    weeks: int,
    current: date,
    targets: Targets,
) -> list[WeekProgress]:
    """`weeks` weeks from the one starting on `first`, oldest first."""
    skips = targets.skips or {}
    out: list[WeekProgress] = []
    for n in range(weeks):
        day = first + n * _WEEK
        totals = [log.day_totals(day + timedelta(days=d)) for d in range(7)]
        counted = sum(
            t.sessions if targets.light_only else t.hard_sessions for t in totals
        )
        sessions = log.between(
            at_local(day, time(0), log.tz), at_local(day + _WEEK, time(0), log.tz)
        )
        out.append(
            WeekProgress(
                start=day,
                hard_sessions=counted,
                working_sets=sum(t.working_sets for t in totals),
                skipped=skips.get(day, 0),
                sessions_target=targets.sessions,
                sets_target=0 if targets.light_only else targets.sets,
                paused=day in targets.frozen,
                current=day == current,
                sessions=tuple(sessions),
            )
        )
    return out


@dataclass(frozen=True, slots=True, kw_only=True)
class TrendPoint:
    """The best set of one session for an exercise's metric."""

    session_id: str
    performed_at: datetime
    value: float
    record: bool
    item: ExerciseLog


@dataclass(frozen=True, slots=True, kw_only=True)
class ExerciseTrend:
    """One exercise over time: its metric, unit and points (oldest first)."""

    exercise: str
    metric: RecordKind
    unit: str
    points: tuple[TrendPoint, ...]


def _unit(metric: RecordKind, weight_unit: WeightUnit) -> str:
    if metric is RecordKind.ESTIMATED_1RM:
        return str(weight_unit)
    return "s" if metric is RecordKind.LONGEST_HOLD else "reps"


def _best_of_session(
    session: Session,
    wanted: Collection[str] | None,
    cache: dict[ExerciseLog, list[tuple[RecordKind, float]]],
) -> dict[tuple[str, RecordKind], tuple[float, ExerciseLog]]:
    """Per exercise and metric, the best value of one session (first of equals)."""
    best: dict[tuple[str, RecordKind], tuple[float, ExerciseLog]] = {}
    for item in session.exercises:
        if wanted is not None and item.exercise not in wanted:
            continue
        values = cache.get(item)
        if values is None:
            values = cache[item] = entry_values(item)
        for kind, value in values:
            if kind is RecordKind.HEAVIEST:
                continue
            key = (item.exercise, kind)
            if key not in best or round(value * 10) > round(best[key][0] * 10):
                best[key] = (value, item)
    return best


def _best_before(
    log: TrainingLog, start: datetime, wanted: Collection[str]
) -> dict[tuple[str, RecordKind], int]:
    """The best value (in tenths) per exercise and kind before `start`."""
    best: dict[tuple[str, RecordKind], int] = {}
    if not wanted:
        return best
    for session in log.between(None, start):
        for item in session.exercises:
            if item.exercise not in wanted:
                continue
            for kind, value in entry_values(item):
                key = (item.exercise, kind)
                tenths = round(value * 10)
                if tenths > best.get(key, -1):
                    best[key] = tenths
    return best


def _needs_history(
    wanted: Collection[str], records: RecordBook | None, start: datetime
) -> set[str]:
    """Exercises whose record may be beaten inside the window.

    When an exercise's records were all set before `start`, nothing in the
    window can beat them, so its earlier sessions need not be read.
    """
    if records is None:
        return set(wanted)
    return {
        exercise
        for exercise in wanted
        if any(r.performed_at >= start for r in records.best(exercise).values())
    }


def exercise_trends(
    log: TrainingLog,
    *,
    start: datetime,
    end: datetime,
    exercises: Collection[str] | None = None,
    weight_unit: WeightUnit = WeightUnit.KG,
    records: RecordBook | None = None,
) -> list[ExerciseTrend]:
    """Trends of the exercises logged in `[start, end)` (or only `exercises`).

    A point is a `record` when it beats (at 0.1) every earlier session of
    the exercise, the whole log included; the first session ever is one.
    With the log's `records`, sessions before the window are read only for
    exercises whose record was set in or after it.
    """
    window = log.between(start, end)
    wanted = (
        set(exercises)
        if exercises is not None
        else {item.exercise for s in window for item in s.exercises}
    )
    fresh = _needs_history(wanted, records, start)
    running = _best_before(log, start, fresh)
    if records is not None:
        for exercise in wanted - fresh:
            for kind, held in records.best(exercise).items():
                running[(exercise, kind)] = round(held.value * 10)
    cache: dict[ExerciseLog, list[tuple[RecordKind, float]]] = {}
    points: dict[tuple[str, RecordKind], list[TrendPoint]] = {}
    for session in window:
        for key, (value, item) in _best_of_session(session, wanted, cache).items():
            tenths = round(value * 10)
            record = key not in running or tenths > running[key]
            if record:
                running[key] = tenths
            points.setdefault(key, []).append(
                TrendPoint(
                    session_id=session.id,
                    performed_at=session.performed_at,
                    value=value,
                    record=record,
                    item=item,
                )
            )
    return _pick_metrics(points, weight_unit)


def _pick_metrics(
    points: Mapping[tuple[str, RecordKind], Sequence[TrendPoint]],
    weight_unit: WeightUnit,
) -> list[ExerciseTrend]:
    """One trend per exercise, on its first metric with points, by exercise id."""
    out: list[ExerciseTrend] = []
    for exercise in sorted({e for e, _ in points}):
        metric = next(k for k in _METRIC_ORDER if (exercise, k) in points)
        scale = (
            1 / KG_PER_LB
            if (metric is RecordKind.ESTIMATED_1RM and weight_unit is WeightUnit.LB)
            else 1.0
        )
        out.append(
            ExerciseTrend(
                exercise=exercise,
                metric=metric,
                unit=_unit(metric, weight_unit),
                points=tuple(
                    TrendPoint(
                        session_id=p.session_id,
                        performed_at=p.performed_at,
                        value=round(p.value * scale, 1),
                        record=p.record,
                        item=p.item,
                    )
                    for p in points[(exercise, metric)]
                ),
            )
        )
    return out
