"""Soreness and pain (R5): who is recovering, extra rest, and what to tell them.

Articles 000 and 003: when the hamstrings are very tight or painful, take an
extra rest day or only light mobility work; stop on sharp pain, a pop or a
pull and give it first aid (rest, ice, compression, elevation, 000); symptoms
lasting more than a day, or a warning sign (a pop, bruising, a visible dent,
trouble walking, pain getting worse, no improvement over weeks, 003) mean
seeing a physiotherapist or doctor. Stretch only once pain has settled (003).

- A bad signal is pain or soreness >= `HIGH_SORENESS`, from a check-in or a
  session. After one, no hard session that local day, whatever is reported
  later that day.
- Soreness >= `HIGH_SORENESS` without pain: recovering for 24 h from the
  report, and the rest window after the last hard session grows by 24 h.
- Pain: recovering until a later report or session says pain-free.
- Doses hold (pain: step back) after a bad signal until a pain-free hard
  session has been done, however late the signal came (`Assessment`).
- The advice escalates with the length of the episode: first aid on the
  first day, a physiotherapist or doctor once it lasts more than 24 hours.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum
from itertools import islice

from .log import TrainingLog
from .models import HIGH_SORENESS, Session, SorenessReport
from .timeline import local_date, utc

SIGNAL_LOOKBACK = 10
"""How many recent sessions may carry the newest soreness/pain signal."""

SIGNAL_WINDOW = 60
"""Sessions looked back over for pain holds and the episode start (bounded work).

About seven months of three sessions a week; a pain-free hard session
inside that span has long cleared anything older. Check-ins are all kept
(at most 100) and always walked.
"""

EXTRA_REST = timedelta(hours=24)
"""The extra rest day after high soreness."""

ESCALATE_AFTER = timedelta(hours=24)
"""Symptoms lasting longer than this mean seeing a professional (003)."""

WARNING_SIGNS: tuple[str, ...] = (
    "pop",
    "bruising",
    "dent",
    "trouble_walking",
    "worsening",
    "no_improvement",
)
"""Article 003's reasons to see a physiotherapist or doctor, as ids."""

FIRST_AID: tuple[str, ...] = ("rest", "ice", "compression", "elevation")
"""Article 000's first aid for a minor pull (RICE), as ids."""


class Advice(StrEnum):
    """Guidance shown while recovering; each id has its text in the translations.

    `extra_rest`: very sore, first day. `pain`: pain, first day: stop, first
    aid, and the warning signs that mean seeing someone now. `see_professional`:
    pain or high soreness lasting more than 24 hours. `rest_today`: a bad signal
    earlier today that has since eased; still no hard session today.
    """

    EXTRA_REST = "extra_rest"
    PAIN = "pain"
    SEE_PROFESSIONAL = "see_professional"
    REST_TODAY = "rest_today"


@dataclass(frozen=True, slots=True, kw_only=True)
class Wellness:
    """The newest soreness/pain signal, from a report or a session."""

    at: datetime
    soreness: int | None
    pain: bool

    @property
    def high_soreness(self) -> bool:
        """Soreness at or above `HIGH_SORENESS`."""
        return self.soreness is not None and self.soreness >= HIGH_SORENESS

    @property
    def advice(self) -> Advice | None:
        """Pain outranks soreness."""
        if self.pain:
            return Advice.PAIN
        return Advice.EXTRA_REST if self.high_soreness else None

    def recovering(self, now: datetime) -> bool:
        """Pain until a pain-free signal; high soreness for one day."""
        return self.pain or (self.high_soreness and now < self.at + EXTRA_REST)

    def recovery_ends(self, now: datetime) -> datetime | None:
        """When recovery ends by itself (high soreness only), if still ahead."""
        end = self.at + EXTRA_REST
        return end if not self.pain and self.high_soreness and end > now else None

    def pushes_back(self, last_hard: datetime | None) -> bool:
        """High soreness (no pain) reported after the last hard session."""
        return (
            self.high_soreness
            and not self.pain
            and (last_hard is None or self.at >= last_hard)
        )

    def rest_until(self, rest_until: datetime | None, planned: datetime) -> datetime:
        """The rest window after high soreness (R5).

        The session that was planned when the soreness was reported moves
        back by at least a day.
        """
        extended = max(self.at, planned) + EXTRA_REST
        return extended if rest_until is None else max(rest_until, extended)


def latest_wellness(
    log: TrainingLog, reports: Sequence[SorenessReport]
) -> Wellness | None:
    """The newest explicit signal among the last report and recent sessions.

    A later signal replaces an earlier one, so a pain-free report or session
    ends recovery; a session that says nothing leaves the last signal in force.
    """
    signal = None
    if reports:
        last = reports[-1]
        signal = Wellness(at=utc(last.reported_at), soreness=last.level, pain=last.pain)
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


@dataclass(frozen=True, slots=True, kw_only=True)
class Signal:
    """One explicit soreness/pain signal: a check-in or a session that said so."""

    at: datetime
    soreness: int | None
    pain: bool

    @property
    def bad(self) -> bool:
        """Pain or soreness at or above `HIGH_SORENESS`."""
        return self.pain or (
            self.soreness is not None and self.soreness >= HIGH_SORENESS
        )


def _session_signal(session: Session) -> Signal | None:
    if session.soreness is None and session.pain is None:
        return None
    return Signal(
        at=session.performed_at, soreness=session.soreness, pain=bool(session.pain)
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Assessment:
    """What the recent signals mean for today and for the doses (R5).

    `holds` are the bad signals since the last pain-free hard session, oldest
    first; `episode_start` is when the current run of bad signals began (None
    when the latest signal is not bad); `pain_now` says pain is in force.
    """

    holds: tuple[Signal, ...] = ()
    episode_start: datetime | None = None
    last_bad: datetime | None = None
    pain_now: bool = False

    def after(self, when: datetime) -> tuple[int | None, bool]:
        """Highest soreness and any pain among the holds at or after `when`.

        Pain in force counts for every exercise, whenever it was last done.
        """
        late = [s for s in self.holds if s.at >= when]
        levels = [s.soreness for s in late if s.soreness is not None]
        return (max(levels) if levels else None), self.pain_now or any(
            s.pain for s in late
        )

    def bad_on(self, day: date, tz: tzinfo) -> bool:
        """Whether a bad signal came in on this local day (no hard session then)."""
        return self.last_bad is not None and local_date(self.last_bad, tz) == day

    def escalates_at(self) -> datetime | None:
        """When the current episode has lasted long enough to see a professional."""
        return (
            None if self.episode_start is None else self.episode_start + ESCALATE_AFTER
        )


def _events(
    log: TrainingLog, reports: Sequence[SorenessReport]
) -> list[tuple[datetime, Session | None, Signal | None]]:
    """Recent sessions and all kept check-ins, oldest first."""
    # Light sessions that say nothing change nothing: left out.
    events: list[tuple[datetime, Session | None, Signal | None]] = [
        (s.performed_at, s, _session_signal(s))
        for s in islice(log.newest_first(), SIGNAL_WINDOW)
        if s.hard or s.soreness is not None or s.pain is not None
    ]
    events.extend(
        (
            utc(r.reported_at),
            None,
            Signal(at=utc(r.reported_at), soreness=r.level, pain=r.pain),
        )
        for r in reports
    )
    events.sort(key=lambda e: (e[0], e[1] is None))
    return events


def assess(log: TrainingLog, reports: Sequence[SorenessReport]) -> Assessment:
    """Walk the recent signals in time order (bounded by `SIGNAL_WINDOW`).

    A hard session clears the holds when it carries no bad signal and was
    not done while pain was in force (unless it says pain-free itself).
    A session's own signal counts after the session.
    """
    holds: list[Signal] = []
    episode: datetime | None = None
    last_bad: datetime | None = None
    in_pain = False
    for _at, session, signal in _events(log, reports):
        if (
            session is not None
            and session.hard
            and (signal is None or not signal.bad)
            and (session.pain is False or not in_pain)
        ):
            holds.clear()
        if signal is None:
            continue
        in_pain = signal.pain
        if signal.bad:
            holds.append(signal)
            last_bad = signal.at
            episode = signal.at if episode is None else episode
        else:
            episode = None
    return Assessment(
        holds=tuple(holds), episode_start=episode, last_bad=last_bad, pain_now=in_pain
    )


def advice_for(
    wellness: Wellness | None,
    assessment: Assessment,
    *,
    now: datetime,
    bad_today: bool,
) -> Advice | None:
    """The guidance id for now: escalates once an episode lasts past 24 h."""
    if wellness is not None and wellness.recovering(now):
        escalate = assessment.escalates_at()
        if escalate is not None and now >= escalate:
            return Advice.SEE_PROFESSIONAL
        return wellness.advice
    return Advice.REST_TODAY if bad_today else None
