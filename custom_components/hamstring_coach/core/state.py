"""A person's whole coaching state and its pure transitions.

The coordinator holds one `CoachState`, persists each new state before it
answers, and publishes the snapshot. Every mutation here returns a new state
and leaves the old one untouched, so a failed write simply keeps the old one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, tzinfo

from .coach import CoachSnapshot, evaluate
from .duplicates import find_duplicate
from .log import TrainingLog
from .models import (
    NO_CONTROLS,
    Controls,
    ExerciseLog,
    Pause,
    Program,
    Session,
    Settings,
    Skip,
    SorenessReport,
    Status,
)
from .phases import phase_progress
from .progression import Dose
from .records import Record, RecordBook
from .recovery import latest_wellness
from .sessions import CoachError, SessionInput, build_session
from .timeline import local_date
from .wearable import WEARABLE_SOURCE, same_workout
from .workout import Workout, workout_for_day

MAX_REPORTS = 100
"""Soreness reports kept; only recent ones matter to the coach."""


@dataclass(frozen=True, slots=True, kw_only=True)
class CoachState:
    """The log, soreness reports, rehab phase and personal records."""

    log: TrainingLog
    reports: tuple[SorenessReport, ...] = ()
    phase: int = 1
    phase_since: datetime | None = None
    records: RecordBook
    controls: Controls = NO_CONTROLS

    @classmethod
    def load(
        cls,
        sessions: Iterable[Session],
        reports: Iterable[SorenessReport],
        tz: tzinfo,
        *,
        phase: int = 1,
        phase_since: datetime | None = None,
        controls: Controls = NO_CONTROLS,
    ) -> CoachState:
        """Build the state from stored parts."""
        log = TrainingLog(sessions, tz)
        ordered = tuple(sorted(reports, key=lambda r: r.reported_at))
        return cls(
            log=log,
            reports=ordered[-MAX_REPORTS:],
            phase=phase,
            phase_since=phase_since,
            records=RecordBook.build(log),
            controls=controls,
        )

    def with_zone(self, tz: tzinfo) -> CoachState:
        """The same state with local days taken in another zone."""
        return replace(self, log=TrainingLog(self.log, tz))

    def settings(self, base: Settings) -> Settings:
        """Options plus the stored rehab phase."""
        return replace(base, phase=self.phase, phase_since=self.phase_since)

    def snapshot(
        self, program: Program, base: Settings, now: datetime
    ) -> CoachSnapshot:
        """The coach's view at `now`."""
        return evaluate(
            self.log,
            program,
            self.settings(base),
            now=now,
            reports=self.reports,
            controls=self.controls,
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class LogOutcome:
    """What logging a session caused: next doses, records beaten, a new phase."""

    session: Session
    decisions: tuple[Dose, ...] = ()
    records: tuple[Record, ...] = ()
    phase_changed: int | None = None
    rest_violation: bool = False
    """A hard session logged inside the rest window of the previous one (R2)."""
    since_last_hard: timedelta | None = None
    """Time from the previous hard session to this one, when this one is hard."""
    duplicate: bool = False
    """Nothing stored: `session` is the stored session this report repeats."""


def _workout_for(
    state: CoachState,
    program: Program,
    base: Settings,
    data: SessionInput,
    now: datetime,
) -> Workout:
    """The workout the reported session is measured against (its targets)."""
    next_workout = state.snapshot(program, base, now).next_workout
    if data.program_day is None or data.program_day == next_workout.day.id:
        return next_workout
    day = program.day(data.program_day)
    if day is None:
        raise CoachError("unknown_program_day", program_day=data.program_day)
    return workout_for_day(
        state.log, day, reports=state.reports, now=now, unit=base.weight_unit
    )


def _checked_session(
    state: CoachState,
    program: Program,
    base: Settings,
    *,
    session_id: str,
    data: SessionInput,
    now: datetime,
) -> Session:
    """Check a reported session against the workout it belongs to."""
    workout = _workout_for(state, program, base, data, now)
    return build_session(
        session_id,
        data,
        program=program,
        workout=workout,
        unit=base.weight_unit,
        now=now,
    )


def _breaks_rest(previous: Session | None, session: Session, base: Settings) -> bool:
    """Whether a hard session falls inside the rest window of the previous one (R2)."""
    if previous is None or not session.hard:
        return False
    rest_until = previous.performed_at + timedelta(hours=base.min_rest_hours)
    return previous.performed_at <= session.performed_at < rest_until


def _repeated(
    state: CoachState, session: Session, data: SessionInput
) -> Session | None:
    """The stored session a report repeats (the day compared as reported)."""
    if data.allow_duplicate:
        return None
    return find_duplicate(
        state.log,
        performed_at=session.performed_at,
        hard=session.hard,
        program_day=None if data.program_day is None else session.program_day,
        exercises=data.exercises,
    )


def log_session(
    state: CoachState,
    program: Program,
    base: Settings,
    *,
    session_id: str,
    data: SessionInput,
    now: datetime,
) -> tuple[CoachState, LogOutcome]:
    """Add a checked session; advance the rehab phase when it is earned (R6).

    A wearable workout already stored (same start), or a repeated report of a
    session just stored, adds nothing: the state
    comes back unchanged with the stored session and `duplicate` set.
    """
    session = _checked_session(
        state, program, base, session_id=session_id, data=data, now=now
    )
    if session.source == WEARABLE_SOURCE and (
        stored := same_workout(state.log, session.performed_at)
    ):
        return state, LogOutcome(session=stored, duplicate=True)
    if (stored := _repeated(state, session, data)) is not None:
        return state, LogOutcome(session=stored, duplicate=True)
    previous = state.log.last_hard
    violation = _breaks_rest(previous, session, base)
    log = state.log.add(session)
    records, beaten = state.records.add(session)
    new = _after_pain(
        state,
        replace(state, log=log, records=records),
        program,
        pain=session.pain,
        now=now,
    )
    progress = phase_progress(
        log, program, new.settings(base), new.reports, local_date(now, log.tz)
    )
    changed = None if new.phase == state.phase else new.phase
    if progress.ready and changed is None:
        changed = progress.phase + 1
        new = replace(new, phase=changed, phase_since=now)
    day = program.day(session.program_day) if session.program_day else None
    decisions: tuple[Dose, ...] = ()
    if day is not None and day.hard:
        after = workout_for_day(
            log, day, reports=new.reports, now=now, unit=base.weight_unit
        )
        decisions = after.doses
    return new, LogOutcome(
        session=session,
        decisions=decisions,
        records=tuple(beaten),
        phase_changed=changed,
        rest_violation=violation,
        since_last_hard=None
        if previous is None or not violation
        else session.performed_at - previous.performed_at,
    )


def delete_session(
    state: CoachState, session_id: str | None
) -> tuple[CoachState, Session]:
    """Remove a session by id, or the latest when `session_id` is None (undo)."""
    target = state.log.last if session_id is None else state.log.get(session_id)
    if target is None:
        key = "no_sessions" if session_id is None else "unknown_session"
        raise CoachError(key, session_id=str(session_id))
    log, removed = state.log.remove(target.id)
    records = state.records.without(removed.id, log)
    return replace(state, log=log, records=records), removed


def _after_pain(
    before: CoachState,
    after: CoachState,
    program: Program | None,
    *,
    pain: bool | None,
    now: datetime,
) -> CoachState:
    """R6: new pain in a later rehab phase steps the phase back by one.

    Only the start of a pain episode steps back: pain that was already in
    force (the latest signal before this one) does not step back again.
    """
    if (
        not pain
        or program is None
        or program.phases == 1
        or program.phase_weeks is not None
        or before.phase <= 1
    ):
        return after
    previous = latest_wellness(before.log, before.reports)
    if previous is not None and previous.pain:
        return after
    return replace(after, phase=before.phase - 1, phase_since=now)


def report_soreness(
    state: CoachState,
    *,
    level: int,
    pain: bool,
    now: datetime,
    program: Program | None = None,
) -> CoachState:
    """Add a soreness/pain check-in (R5); pain in a later rehab phase steps back (R6)."""
    report = SorenessReport(reported_at=now, level=level, pain=pain)
    new = replace(state, reports=(*state.reports, report)[-MAX_REPORTS:])
    return _after_pain(state, new, program, pain=pain, now=now)


def set_phase(
    state: CoachState, program: Program, *, phase: int, now: datetime
) -> CoachState:
    """Move a phased program (rehab, runner) to a phase by hand."""
    if program.phases == 1:
        raise CoachError("phase_not_manual", program=program.id)
    if not 1 <= phase <= program.phases:
        raise CoachError("unknown_phase", phase=str(phase), phases=str(program.phases))
    return replace(state, phase=phase, phase_since=now)


MAX_SNOOZE_MINUTES = 24 * 60
MAX_PAUSE = timedelta(days=366)
"""A pause longer than a year is a typing error (and would freeze too many weeks)."""
MAX_SKIPS = 500


def skip_session(
    state: CoachState,
    program: Program,
    base: Settings,
    *,
    reason: str | None,
    now: datetime,
) -> tuple[CoachState, Skip]:
    """Skip the next planned session: its slot closes and the streak is kept."""
    snapshot = state.snapshot(program, base, now)
    if snapshot.status is Status.PAUSED:
        raise CoachError("paused")
    skip = Skip(at=max(snapshot.next_session, now), reason=reason)
    controls = replace(state.controls, skips=(*state.controls.skips, skip)[-MAX_SKIPS:])
    return replace(state, controls=controls), skip


def snooze(state: CoachState, *, minutes: int, now: datetime) -> CoachState:
    """Silence the reminder for a while."""
    if not 1 <= minutes <= MAX_SNOOZE_MINUTES:
        raise CoachError("invalid_snooze", minutes=str(minutes))
    return replace(
        state,
        controls=replace(
            state.controls, snoozed_until=now + timedelta(minutes=minutes)
        ),
    )


def pause(state: CoachState, *, until: date, now: datetime) -> CoachState:
    """Pause the plan until `until` (training resumes that day)."""
    today = local_date(now, state.log.tz)
    if until <= today:
        raise CoachError("pause_in_past", until=until.isoformat())
    if until > today + MAX_PAUSE:
        raise CoachError("pause_too_long", until=until.isoformat())
    kept = tuple(
        p for p in state.controls.pauses if active_pause_at(p, now, state) is None
    )
    controls = replace(state.controls, pauses=(*kept, Pause(start=now, until=until)))
    return replace(state, controls=controls)


def resume(state: CoachState, *, now: datetime) -> CoachState:
    """End the running pause today."""
    today = local_date(now, state.log.tz)
    if not any(active_pause_at(p, now, state) for p in state.controls.pauses):
        raise CoachError("not_paused")
    pauses = tuple(
        replace(p, until=today) if active_pause_at(p, now, state) else p
        for p in state.controls.pauses
    )
    return replace(state, controls=replace(state.controls, pauses=pauses))


def active_pause_at(pause_: Pause, now: datetime, state: CoachState) -> Pause | None:
    """The pause if it is in force at `now`."""
    return (
        pause_
        if pause_.start <= now and local_date(now, state.log.tz) < pause_.until
        else None
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class SessionChanges:
    """New values for a logged session; None leaves a field as it is."""

    performed_at: datetime | None = None
    program_day: str | None = None
    exercises: tuple[ExerciseLog, ...] | None = None
    duration_minutes: int | None = None
    rpe: float | None = None
    soreness: int | None = None
    pain: bool | None = None
    notes: str | None = None


def _pick[T](new: T | None, old: T) -> T:
    return old if new is None else new


def update_session(
    state: CoachState,
    program: Program,
    base: Settings,
    *,
    session_id: str,
    changes: SessionChanges,
    now: datetime,
) -> tuple[CoachState, Session]:
    """Edit a logged session with the same checks as logging it.

    The session keeps its id and source; hardness and working sets are
    derived again from its (new) day and exercises.
    """
    old = state.log.get(session_id)
    if old is None:
        raise CoachError("unknown_session", session_id=session_id)
    log, _ = state.log.remove(session_id)
    data = SessionInput(
        performed_at=_pick(changes.performed_at, old.performed_at),
        program_day=_pick(changes.program_day, old.program_day),
        exercises=_pick(changes.exercises, old.exercises),
        duration_minutes=_pick(changes.duration_minutes, old.duration_minutes),
        rpe=_pick(changes.rpe, old.rpe),
        soreness=_pick(changes.soreness, old.soreness),
        pain=_pick(changes.pain, old.pain),
        notes=_pick(changes.notes, old.notes),
        source=old.source,
    )
    session = _checked_session(
        replace(state, log=log),
        program,
        base,
        session_id=session_id,
        data=data,
        now=now,
    )
    new_log = log.add(session)
    return replace(state, log=new_log, records=RecordBook.build(new_log)), session


def import_sessions(state: CoachState, sessions: tuple[Session, ...]) -> CoachState:
    """Add checked, new sessions in one step (one index build, one write)."""
    log = TrainingLog((*state.log, *sessions), state.log.tz)
    return replace(state, log=log, records=RecordBook.build(log))
