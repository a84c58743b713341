"""The coach: from the log, the program, the settings and *now* to what the home shows.

Rules (SPEC §2): R1 at least `sessions_per_week` hard sessions a week; R2 at
least `min_rest_hours` between hard sessions; R3 `weekly_set_target` working
sets a week; R5 pain or high soreness means recovery work only.

Worked example (Mon/Thu at 18:00, 48 h rest): a hard session on Monday at
19:00 rests until Wednesday 19:00, so the next session is Thursday 18:00 and
the status is `resting` until Wednesday 19:00, `ready` until Thursday 18:00,
then `due` until a hard session is logged or Thursday ends.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from .log import Totals, TrainingLog
from .models import (
    NextReason,
    Program,
    ProgramDay,
    Session,
    Settings,
    SorenessReport,
    Status,
)
from .timeline import at_local, local_date, utc, week_start

HIGH_SORENESS = 7
"""Soreness (0-10) from which the person counts as very sore/tight (R5)."""

SIGNAL_LOOKBACK = 10
"""How many recent sessions may carry the newest soreness/pain signal."""

_WEEK = timedelta(days=7)


@dataclass(frozen=True, slots=True, kw_only=True)
class Wellness:
    """The newest soreness/pain signal, from a report or a session."""

    at: datetime
    soreness: int | None
    pain: bool

    @property
    def recovering(self) -> bool:
        """Pain, or soreness at or above `HIGH_SORENESS`, means recovery (R5)."""
        return self.pain or (
            self.soreness is not None and self.soreness >= HIGH_SORENESS
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Workout:
    """The next program day to do; `recovery` when it replaced a hard day (R5)."""

    day: ProgramDay
    recovery: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class CoachSnapshot:
    """Everything the coach knows at one instant; all datetimes are UTC."""

    now: datetime
    phase: int
    week_start: datetime
    week_end: datetime
    last_session: Session | None
    last_hard_session: Session | None
    days_since_last_session: int | None
    weekly_sessions: int
    weekly_sets: int
    sessions_target: int
    sets_target: int
    rest_until: datetime | None
    next_session: datetime
    next_session_reason: NextReason
    next_workout: Workout
    status: Status
    streak_weeks: int
    wellness: Wellness | None
    next_update: datetime

    @property
    def rest_required(self) -> bool:
        """Whether now is inside the rest window after a hard session (R2)."""
        return self.rest_until is not None and self.now < self.rest_until

    @property
    def session_due(self) -> bool:
        """Whether a hard session is due now (never while recovering)."""
        return self.now >= self.next_session and self.status in (
            Status.DUE,
            Status.BEHIND,
        )

    @property
    def weekly_goal_met(self) -> bool:
        """Whether both weekly targets (R1 sessions, R3 sets) are met."""
        return (
            self.weekly_sessions >= self.sessions_target
            and self.weekly_sets >= self.sets_target
        )


def current_phase(program: Program, settings: Settings, today: date) -> int:
    """Return the program phase in force on `today`.

    Calendar phases (runner: two-week blocks) count from `program_start`;
    progress phases (rehab) use the stored `settings.phase`.

    >>> from .programs import PROGRAMS
    >>> from dataclasses import replace
    >>> s = Settings(program="runner", training_days=frozenset({1, 4}),
    ...              training_time=time(18), program_start=date(2026, 1, 5))
    >>> current_phase(PROGRAMS["runner"], s, date(2026, 2, 2))
    3
    """
    if program.phase_weeks is None:
        return min(max(settings.phase, 1), program.phases)
    start = settings.program_start or today
    elapsed_weeks = max((today - start).days, 0) // 7
    return min(1 + elapsed_weeks // program.phase_weeks, program.phases)


def latest_wellness(log: TrainingLog, report: SorenessReport | None) -> Wellness | None:
    """Return the newest explicit soreness/pain signal.

    Candidates are the latest report and the last `SIGNAL_LOOKBACK` sessions
    that state soreness or pain; a later signal replaces an earlier one, so a
    pain-free report or session ends recovery.
    """
    signal = None
    if report is not None:
        signal = Wellness(
            at=utc(report.reported_at), soreness=report.level, pain=report.pain
        )
    for count, session in enumerate(log.newest_first()):
        if count >= SIGNAL_LOOKBACK or (
            signal is not None and session.performed_at <= signal.at
        ):
            break
        if session.soreness is not None or session.pain is not None:
            return Wellness(
                at=session.performed_at,
                soreness=session.soreness,
                pain=bool(session.pain),
            )
    return signal


def week_totals(log: TrainingLog, first_day: date) -> Totals:
    """Totals of the seven local days starting at `first_day`."""
    total = Totals()
    for offset in range(7):
        total += log.day_totals(first_day + timedelta(days=offset))
    return total


def streak_weeks(log: TrainingLog, this_week: date, settings: Settings) -> int:
    """Consecutive weeks meeting the session target, ending with the last one.

    Finished weeks are counted back from the week before `this_week`; the
    current week adds one as soon as its target is met, so the streak never
    drops in the middle of a week that can still be saved. The walk over past
    weeks is cached on the (immutable) log, so it runs once per log version.
    """
    target = settings.sessions_per_week
    key = ("streak", this_week, settings.first_weekday, target)
    past = log.memo(key)
    if past is None:
        past = 0
        first = log.first
        if first is not None:
            oldest = week_start(
                local_date(first.performed_at, log.tz), settings.first_weekday
            )
            week = this_week - _WEEK
            while week >= oldest and week_totals(log, week).hard_sessions >= target:
                past += 1
                week -= _WEEK
        log.remember(key, past)
    met_now = week_totals(log, this_week).hard_sessions >= target
    return past + int(met_now)


def next_workout(
    log: TrainingLog, program: Program, phase: int, recovering: bool
) -> Workout:
    """Return the next program day: the one after the latest logged day of the rotation.

    While recovering (R5) the phase's light day replaces it.
    """
    if recovering and (light := program.light_day(phase)) is not None:
        return Workout(day=light, recovery=True)
    rotation = program.rotation(phase)
    logged = [s for d in rotation if (s := log.last_of_day(d.id)) is not None]
    if not logged:
        return Workout(day=rotation[0])
    latest = max(logged, key=lambda s: (s.performed_at, s.id))
    ids = [d.id for d in rotation]
    return Workout(
        day=rotation[(ids.index(str(latest.program_day)) + 1) % len(rotation)]
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class _Week:
    """The frame the scheduler works in."""

    today: date
    end: datetime
    rest: timedelta
    rest_until: datetime | None
    remaining: int


def _slot_open(slot: datetime, frame: _Week) -> bool:
    return frame.rest_until is None or slot >= frame.rest_until


def _slots(frame: _Week, settings: Settings, tz: tzinfo, days: int) -> list[datetime]:
    """Training-time slots from today on; a slot stays open until its day ends."""
    first = frame.today
    if frame.rest_until is not None:
        first = max(first, local_date(frame.rest_until, tz))
    return [
        at_local(first + timedelta(days=n), settings.training_time, tz)
        for n in range(days)
    ]


def _preferred_fit(
    start: datetime, frame: _Week, settings: Settings, tz: tzinfo
) -> int:
    """How many sessions fit this week at preferred slots from `start`, with rest."""
    count, previous = 0, None
    for slot in _slots(frame, settings, tz, 8):
        if slot < start or slot >= frame.end:
            continue
        if local_date(slot, tz).weekday() not in settings.training_days:
            continue
        if previous is None or slot >= previous + frame.rest:
            count, previous = count + 1, slot
    return count


def plan_next_session(
    frame: _Week, settings: Settings, now: datetime, tz: tzinfo
) -> tuple[datetime, NextReason]:
    """Return the next hard session and why it was chosen.

    The earliest preferred day at the training time that is not inside the rest
    window; if keeping to preferred days would miss the week's target, the
    earliest open slot (any day's training time, or the end of the rest window)
    inside the week instead.
    """
    candidates = [s for s in _slots(frame, settings, tz, 15) if _slot_open(s, frame)]
    preferred = next(
        s for s in candidates if local_date(s, tz).weekday() in settings.training_days
    )
    if frame.remaining == 0 or (
        preferred < frame.end
        and _preferred_fit(preferred, frame, settings, tz) >= frame.remaining
    ):
        return preferred, NextReason.PREFERRED_DAY
    in_week = [s for s in candidates if s < frame.end]
    if frame.rest_until is not None and now <= frame.rest_until < frame.end:
        in_week.append(frame.rest_until)
    if not in_week:
        return preferred, NextReason.PREFERRED_DAY
    catch_up = min(in_week)
    reason = NextReason.PREFERRED_DAY if catch_up == preferred else NextReason.CATCH_UP
    return catch_up, reason


def evaluate(
    log: TrainingLog,
    program: Program,
    settings: Settings,
    *,
    now: datetime,
    report: SorenessReport | None = None,
) -> CoachSnapshot:
    """Compute the coach snapshot at `now`, in the log's time zone."""
    tz = log.tz
    now = utc(now)
    today = local_date(now, tz)
    first_day = week_start(today, settings.first_weekday)
    end_day = first_day + _WEEK
    phase = current_phase(program, settings, today)
    has_hard_days = any(d.hard for d in program.rotation(phase))
    totals = week_totals(log, first_day)
    sessions_target = settings.sessions_per_week if has_hard_days else 0
    sets_target = settings.weekly_set_target if has_hard_days else 0
    rest = timedelta(hours=settings.min_rest_hours)
    last_hard = log.last_hard
    frame = _Week(
        today=today,
        end=at_local(end_day, time(0), tz),
        rest=rest,
        rest_until=None if last_hard is None else last_hard.performed_at + rest,
        remaining=max(sessions_target - totals.hard_sessions, 0),
    )
    next_at, reason = plan_next_session(frame, settings, now, tz)
    wellness = latest_wellness(log, report)
    recovering = wellness is not None and wellness.recovering
    behind_at = _behind_from(frame)
    status = _status(frame, now, next_at, recovering, behind_at)
    last = log.last
    return CoachSnapshot(
        now=now,
        phase=phase,
        week_start=at_local(first_day, time(0), tz),
        week_end=frame.end,
        last_session=last,
        last_hard_session=last_hard,
        days_since_last_session=(
            None if last is None else (today - local_date(last.performed_at, tz)).days
        ),
        weekly_sessions=totals.hard_sessions,
        weekly_sets=totals.working_sets,
        sessions_target=sessions_target,
        sets_target=sets_target,
        rest_until=frame.rest_until,
        next_session=next_at,
        next_session_reason=reason,
        next_workout=next_workout(log, program, phase, recovering),
        status=status,
        streak_weeks=streak_weeks(log, first_day, settings),
        wellness=wellness,
        next_update=_next_update(
            now=now,
            today=today,
            tz=tz,
            frame=frame,
            next_at=next_at,
            behind_at=behind_at,
        ),
    )


def _behind_from(frame: _Week) -> datetime | None:
    """The instant from which the remaining sessions no longer fit (R1 with R2)."""
    if frame.remaining == 0:
        return None
    return frame.end - (frame.remaining - 1) * frame.rest


def _status(
    frame: _Week,
    now: datetime,
    next_at: datetime,
    recovering: bool,
    behind_at: datetime | None,
) -> Status:
    """Pick the status; earlier checks win (recovering, behind, resting, due)."""
    if recovering:
        return Status.RECOVERING
    earliest_start = max(now, frame.rest_until or now)
    if behind_at is not None and earliest_start >= behind_at:
        return Status.BEHIND
    if frame.rest_until is not None and now < frame.rest_until:
        return Status.RESTING
    if now >= next_at:
        return Status.DUE
    return Status.READY


def _next_update(
    *,
    now: datetime,
    today: date,
    tz: tzinfo,
    frame: _Week,
    next_at: datetime,
    behind_at: datetime | None,
) -> datetime:
    """The earliest future instant at which any output can change.

    Candidates: the end of the rest window, the next session, the moment the
    week falls behind, and the next local midnight (days since, slot expiry,
    week start).
    """
    midnight = at_local(today + timedelta(days=1), time(0), tz)
    candidates = [midnight, next_at, frame.rest_until, behind_at]
    return min(c for c in candidates if c is not None and c > now)
