"""Soreness and pain (R5): who is recovering, extra rest, and what to tell them.

Articles 000 and 003: when the hamstrings are very tight or painful, take an
extra rest day or only light mobility work; stop on sharp pain, a pop or a
pull; symptoms lasting more than a day mean scaling back and seeing a
professional.

- Soreness >= `HIGH_SORENESS` without pain: recovering for 24 h from the
  report, and the rest window after the last hard session grows by 24 h.
- Pain: recovering until a later report or session says pain-free.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from .log import TrainingLog
from .models import HIGH_SORENESS, Session, SorenessReport
from .timeline import utc

SIGNAL_LOOKBACK = 10
"""How many recent sessions may carry the newest soreness/pain signal."""

EXTRA_REST = timedelta(hours=24)
"""The extra rest day after high soreness."""

NEXT_DAY = timedelta(hours=48)
"""Reports this soon after a session count as its next-day check (R4)."""


class Advice(StrEnum):
    """Guidance shown while recovering."""

    EXTRA_REST = "extra_rest"
    PAIN = "pain"


GUIDANCE = {
    Advice.EXTRA_REST: (
        "Very sore: take an extra rest day or do only the light mobility day; "
        "the next hard session moves back by at least a day."
    ),
    Advice.PAIN: (
        "Pain reported: do only light activation and mobility. Stop at once if "
        "the pain is sharp or you feel a pop, and see a physiotherapist or "
        "doctor if it lasts more than 24 hours."
    ),
}
"""Plain-language advice (articles 000 and 003, in our words)."""


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


def after_session(
    session: Session, reports: Sequence[SorenessReport]
) -> tuple[int | None, bool]:
    """Highest soreness and any pain reported with or within 48 h after a session.

    `reports` are in time order (as stored), so the window is found by bisection.
    """
    times = [r.reported_at for r in reports]
    start = bisect_right(times, session.performed_at)
    end = bisect_right(times, session.performed_at + NEXT_DAY)
    window = reports[start:end]
    levels = [r.level for r in window]
    if session.soreness is not None:
        levels.append(session.soreness)
    pain = bool(session.pain) or any(r.pain for r in window)
    return (max(levels) if levels else None), pain
