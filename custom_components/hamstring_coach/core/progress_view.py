"""The `get_progress` answer: weekly history, streak and exercise trends as JSON.

`progress_dict` is the whole computation behind the action, pure like the
rest of the core: the caller passes the local date of *now*, the targets and
the record book.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta

from .log import TrainingLog
from .models import WeightUnit
from .present import exercise_name
from .progress import (
    ExerciseTrend,
    Targets,
    TrendPoint,
    WeekProgress,
    exercise_trends,
    week_window,
    weekly_history,
)
from .records import RecordBook, record_to_dict
from .serialize import JsonObject
from .timeline import at_local, utc
from .wording import ENGLISH, Wording

MAX_WEEKS = 260
"""The longest window asked for at once (five years of weeks)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ProgressQuery:
    """What was asked: the window and, optionally, one exercise."""

    today: date
    weeks: int = 12
    start: date | None = None
    exercise: str | None = None


def _week_dict(week: WeekProgress) -> JsonObject:
    return {
        "week_start": week.start.isoformat(),
        "hard_sessions": week.hard_sessions,
        "working_sets": week.working_sets,
        "skipped": week.skipped,
        "sessions_target": week.sessions_target,
        "sets_target": week.sets_target,
        "met": week.met,
        "paused": week.paused,
        "current": week.current,
        "sessions": [
            {
                "session_id": s.id,
                "performed_at": utc(s.performed_at).isoformat(),
                "program_day": s.program_day,
                "hard": s.hard,
                "working_sets": s.working_sets,
            }
            for s in week.sessions
        ],
    }


def _point_dict(point: TrendPoint) -> JsonObject:
    item = point.item
    return {
        "performed_at": utc(point.performed_at).isoformat(),
        "session_id": point.session_id,
        "value": point.value,
        "record": point.record,
        "load": item.load,
        "unit": None if item.unit is None else str(item.unit),
        "reps": item.reps,
        "seconds": item.seconds,
    }


def _trend_dict(
    trend: ExerciseTrend, records: RecordBook, wording: Wording
) -> JsonObject:
    return {
        "exercise": trend.exercise,
        "name": exercise_name(trend.exercise, wording),
        "metric": str(trend.metric),
        "unit": trend.unit,
        "points": [_point_dict(p) for p in trend.points],
        "records": [record_to_dict(r) for r in records.best(trend.exercise).values()],
    }


def progress_dict(
    log: TrainingLog,
    records: RecordBook,
    query: ProgressQuery,
    *,
    targets: Targets,
    streak: int,
    weight_unit: WeightUnit = WeightUnit.KG,
    wording: Wording = ENGLISH,
) -> JsonObject:
    """Weeks (oldest first), the streak and the trends of the window's exercises."""
    current = week_window(query.today, targets.first_weekday, weeks=1)[0]
    first, count = week_window(
        query.today, targets.first_weekday, weeks=query.weeks, start=query.start
    )
    weeks = weekly_history(
        log, first=first, weeks=count, current=current, targets=targets
    )
    trends = exercise_trends(
        log,
        start=at_local(first, time(0), log.tz),
        end=at_local(current + timedelta(days=7), time(0), log.tz),
        exercises=None if query.exercise is None else (query.exercise,),
        weight_unit=weight_unit,
        records=records,
    )
    return {
        "week_start": first.isoformat(),
        "weeks": [_week_dict(w) for w in weeks],
        "streak": streak,
        "exercises": [_trend_dict(t, records, wording) for t in trends],
    }
