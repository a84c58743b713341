"""The coach: from the log, the program, the settings and *now* to what the home shows.

Rules (docs/coaching.md): R1 at least `sessions_per_week` hard sessions a week; R2 at
least `min_rest_hours` between hard sessions; R3 `weekly_set_target` working
sets a week; R4 progression (progression.py); R5 pain and soreness
(recovery.py); R6/R7 phases (phases.py) and the runner's hard run day
(schedule.py).

Worked example (Mon/Thu at 18:00, 48 h rest): a hard session on Monday at
19:00 rests until Wednesday 19:00, so the next session is Thursday 18:00 and
the status is `resting` until Wednesday 19:00, `ready` until Thursday 18:00,
then `due` until a hard session is logged or Thursday ends.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, tzinfo

from .catalog import EXERCISES
from .controls import active_pause, closed_through, frozen_weeks, skips_by_week
from .log import Totals, TrainingLog
from .models import (
    NO_CONTROLS,
    Controls,
    NextReason,
    Program,
    Session,
    Settings,
    SorenessReport,
    Status,
)
from .phases import PhaseProgress, current_phase, phase_progress
from .recovery import (
    WARNING_SIGNS,
    Advice,
    Wellness,
    advice_for,
    assess,
    latest_wellness,
)
from .schedule import Frame, behind_from, blocked_weekdays, plan_next_session
from .timeline import at_local, local_date, utc, week_start
from .workout import Workout, next_workout

_WEEK = timedelta(days=7)
_DAY = timedelta(days=1)

__all__ = ["CoachSnapshot", "current_phase", "evaluate", "streak_weeks", "week_totals"]


@dataclass(frozen=True, slots=True, kw_only=True)
class CoachSnapshot:
    """Everything the coach knows at one instant; all datetimes are UTC."""

    now: datetime
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
    advice: Advice | None
    phase: PhaseProgress
    next_update: datetime
    snoozed_until: datetime | None = None
    symptoms_since: datetime | None = None
    """When the current run of pain or high soreness began (R5)."""

    @property
    def warning_signs(self) -> tuple[str, ...]:
        """Article 003's warning signs, listed with the pain guidance (R5)."""
        if self.advice in (Advice.PAIN, Advice.SEE_PROFESSIONAL):
            return WARNING_SIGNS
        return ()

    @property
    def rest_required(self) -> bool:
        """Whether now is inside the rest window after a hard session (R2)."""
        return self.rest_until is not None and self.now < self.rest_until

    @property
    def session_due(self) -> bool:
        """Whether to remind now: due, not recovering or paused, not snoozed."""
        if self.snoozed_until is not None and self.now < self.snoozed_until:
            return False
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


def week_totals(log: TrainingLog, first_day: date) -> Totals:
    """Totals of the seven local days starting at `first_day`."""
    total = Totals()
    for offset in range(7):
        total += log.day_totals(first_day + timedelta(days=offset))
    return total


def _counted(totals: Totals, light_only: bool) -> int:
    """Hard sessions count for R1; in a light-only phase every session does."""
    return totals.sessions if light_only else totals.hard_sessions


def streak_weeks(
    log: TrainingLog,
    this_week: date,
    settings: Settings,
    *,
    light_only: bool = False,
    skips: Mapping[date, int] | None = None,
    frozen: frozenset[date] = frozenset(),
) -> int:
    """Consecutive weeks meeting the session target, ending with the last one.

    Finished weeks are counted back from the week before `this_week`; the
    current week adds one as soon as its target is met, so the streak never
    drops in the middle of a week that can still be saved. Skips count toward
    the target; paused (`frozen`) weeks are stepped over. The walk is cached
    on the (immutable) log, so it runs once per log version.
    """
    skips = skips or {}
    target = settings.sessions_per_week

    def met(week: date) -> bool:
        return (
            _counted(week_totals(log, week), light_only) + skips.get(week, 0) >= target
        )

    key = (
        "streak",
        this_week,
        settings.first_weekday,
        target,
        light_only,
        tuple(sorted(skips.items())),
        frozen,
    )
    past = log.memo(key)
    if past is None:
        past = 0
        first = log.first
        if first is not None:
            oldest = week_start(
                local_date(first.performed_at, log.tz), settings.first_weekday
            )
            week = this_week - _WEEK
            while week >= oldest and (week in frozen or met(week)):
                past += int(week not in frozen)
                week -= _WEEK
        log.remember(key, past)
    return past + int(this_week not in frozen and met(this_week))


def evaluate(
    log: TrainingLog,
    program: Program,
    settings: Settings,
    *,
    now: datetime,
    reports: Sequence[SorenessReport] = (),
    controls: Controls = NO_CONTROLS,
) -> CoachSnapshot:
    """Compute the coach snapshot at `now`, in the log's time zone."""
    tz, now = log.tz, utc(now)
    today = local_date(now, tz)
    first_day = week_start(today, settings.first_weekday)
    skips = skips_by_week(controls, tz, settings.first_weekday)
    paused = active_pause(controls, now, tz) is not None
    progress = phase_progress(log, program, settings, reports, today)
    light_only = not any(d.hard for d in program.rotation(progress.phase))
    totals = week_totals(log, first_day)
    wellness = latest_wellness(log, reports)
    assessment = assess(log, reports)
    bad_today = assessment.bad_on(today, tz)
    recovering = bad_today or (wellness is not None and wellness.recovering(now))
    frame = _frame(
        log,
        settings,
        today=today,
        first_day=first_day,
        totals=totals,
        light_only=light_only,
        closed=closed_through(controls, now, tz),
        skipped=skips.get(first_day, 0),
        paused=paused,
    )
    frame = _recovery_frame(
        frame, log, settings, wellness, bad_today=bad_today, today=today
    )
    next_at, reason = plan_next_session(frame, settings, now, tz)
    behind_at = behind_from(frame)
    last = log.last
    return CoachSnapshot(
        now=now,
        week_start=at_local(first_day, time(0), tz),
        week_end=frame.end,
        last_session=last,
        last_hard_session=log.last_hard,
        days_since_last_session=(
            None if last is None else (today - local_date(last.performed_at, tz)).days
        ),
        weekly_sessions=_counted(totals, light_only),
        weekly_sets=totals.working_sets if light_only else totals.hard_sets,
        sessions_target=settings.sessions_per_week,
        sets_target=sets_target(program, progress.phase, settings, light_only),
        rest_until=frame.rest_until,
        next_session=next_at,
        next_session_reason=reason,
        next_workout=next_workout(
            log,
            program,
            progress.phase,
            recovering=recovering,
            reports=reports,
            now=now,
            unit=settings.weight_unit,
            pain_free_done=progress.sessions_done or 0,
            assessment=assessment,
        ),
        status=Status.PAUSED
        if paused
        else _status(frame, now, next_at, recovering, behind_at),
        streak_weeks=streak_weeks(
            log,
            first_day,
            settings,
            light_only=light_only,
            skips=skips,
            frozen=frozen_weeks(controls, tz, settings.first_weekday),
        ),
        snoozed_until=controls.snoozed_until,
        wellness=wellness,
        advice=advice_for(wellness, assessment, now=now, bad_today=bad_today),
        symptoms_since=assessment.episode_start if recovering else None,
        phase=progress,
        next_update=_next_update(
            now,
            today,
            tz,
            (
                frame.rest_until,
                next_at,
                behind_at,
                None if wellness is None else wellness.recovery_ends(now),
                assessment.escalates_at(),
                controls.snoozed_until,
            ),
        ),
    )


def sets_target(
    program: Program, phase: int, settings: Settings, light_only: bool
) -> int:
    """The weekly working-set target (R3) for this program and phase.

    Article 001's 12 dedicated sets are for training muscle. Rehab (003) has
    no weekly set count: its target is the phase's own hard day as written
    (its low sets) times the sessions a week, so it can be met; a light-only
    phase has none.

    >>> from datetime import time
    >>> from .programs import PROGRAMS
    >>> s = Settings(program="rehab", training_days=frozenset({0, 3}),
    ...              training_time=time(18))
    >>> sets_target(PROGRAMS["rehab"], 2, s, False)
    16
    """
    if light_only:
        return 0
    if program.phases == 1 or program.phase_weeks is not None:
        return settings.weekly_set_target
    day = next(d for d in program.rotation(phase) if d.hard)
    per_session = sum(
        p.sets.low for p in day.exercises if EXERCISES[p.exercise].working
    )
    return per_session * settings.sessions_per_week


def _recovery_frame(
    frame: Frame,
    log: TrainingLog,
    settings: Settings,
    wellness: Wellness | None,
    *,
    bad_today: bool,
    today: date,
) -> Frame:
    """R5: high soreness moves the planned session back a day; a bad signal closes today."""
    tz = log.tz
    last_hard = log.last_hard
    if wellness is not None and wellness.pushes_back(
        None if last_hard is None else last_hard.performed_at
    ):
        at_report = replace(frame, today=local_date(wellness.at, tz))
        planned, _ = plan_next_session(at_report, settings, wellness.at, tz)
        frame = replace(
            frame, rest_until=wellness.rest_until(frame.rest_until, planned)
        )
    if bad_today:
        # No hard session on the day of a bad signal, whatever came after.
        frame = replace(frame, closed_through=max(frame.closed_through or today, today))
    return frame


def _frame(
    log: TrainingLog,
    settings: Settings,
    *,
    today: date,
    first_day: date,
    totals: Totals,
    light_only: bool,
    closed: date | None,
    skipped: int,
    paused: bool,
) -> Frame:
    """The scheduling frame for this week."""
    rest_until = None
    if (last_hard := log.last_hard) is not None:
        rest_until = last_hard.performed_at + timedelta(hours=settings.min_rest_hours)
    done_today = light_only and log.day_totals(today).sessions > 0
    return Frame(
        today=today,
        end=at_local(first_day + _WEEK, time(0), log.tz),
        spacing=_DAY if light_only else timedelta(hours=settings.min_rest_hours),
        rest_until=rest_until,
        remaining=(
            0
            if paused
            else max(
                settings.sessions_per_week - _counted(totals, light_only) - skipped, 0
            )
        ),
        blocked=blocked_weekdays(settings.hard_run_day),
        closed_through=max(
            (d for d in (closed, today if done_today else None) if d is not None),
            default=None,
        ),
    )


def _status(
    frame: Frame,
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
    now: datetime, today: date, tz: tzinfo, candidates: tuple[datetime | None, ...]
) -> datetime:
    """The earliest future instant at which any output can change.

    Candidates: the end of the rest window, the next session, the moment the
    week falls behind, the end of a soreness day, and the next local midnight
    (days since, slot expiry, week start, runner phase change).
    """
    midnight = at_local(today + _DAY, time(0), tz)
    return min(c for c in (midnight, *candidates) if c is not None and c > now)
