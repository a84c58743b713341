"""Today and the next hard session, told apart; the warnings of a log.

While recovering, "next session" can name a light day a week away; people
want two answers instead: what to do today, and when the next hard session
is. `outlook` gives both from the snapshot and the plan ahead.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, tzinfo
from enum import StrEnum

from .coach import CoachSnapshot
from .plan import Planned
from .present import day_name
from .serialize import JsonObject
from .state import LogOutcome
from .timeline import local_date
from .wording import ENGLISH, Wording

HOUR_SECONDS = 3600


class Today(StrEnum):
    """What today holds."""

    TRAIN = "train"
    """A hard session is planned today."""
    REST = "rest"
    """Resting or recovering: rest or light mobility only."""
    FREE = "free"
    """Nothing planned today and no reason to hold back."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Outlook:
    """Today's kind and the next hard session (None when none is planned)."""

    today: Today
    next_hard: Planned | None


def is_hard(planned: Planned) -> bool:
    """A planned hard day that is not a recovery swap."""
    return planned.workout.day.hard and not planned.workout.recovery


def next_hard(planned: Iterable[Planned]) -> Planned | None:
    """The first planned hard day that is not a recovery swap."""
    return next((p for p in planned if is_hard(p)), None)


@dataclass(frozen=True, slots=True, kw_only=True)
class Ahead:
    """The first planned session and the first hard one (None when none)."""

    first: Planned | None
    next_hard: Planned | None


def ahead_of(planned: Iterable[Planned]) -> Ahead:
    """Walk the plan up to its first hard session, and no further.

    >>> ahead_of(())
    Ahead(first=None, next_hard=None)
    """
    first = None
    for item in planned:
        first = first or item
        if is_hard(item):
            return Ahead(first=first, next_hard=item)
    return Ahead(first=first, next_hard=None)


def outlook(snapshot: CoachSnapshot, hard: Planned | None, tz: tzinfo) -> Outlook:
    """Today and the next hard session `hard`, as of the snapshot's `now`."""
    today = local_date(snapshot.now, tz)
    if hard is not None and local_date(hard.start, tz) == today:
        kind = Today.TRAIN
    elif (
        snapshot.rest_required
        or snapshot.advice is not None
        or snapshot.next_workout.recovery
    ):
        kind = Today.REST
    else:
        kind = Today.FREE
    return Outlook(today=kind, next_hard=hard)


def outlook_dict(view: Outlook, wording: Wording = ENGLISH) -> JsonObject:
    """`today` and `next_hard_session` for `get_status`."""
    hard = view.next_hard
    return {
        "today": str(view.today),
        "next_hard_session": None
        if hard is None
        else {
            "start": hard.start.isoformat(),
            "program_day": hard.workout.day.id,
            "name": day_name(hard.workout.day, wording),
        },
    }


def log_warnings(outcome: LogOutcome, next_session: datetime) -> list[JsonObject]:
    """What the person should know about a logged session, as ids with values."""
    warnings: list[JsonObject] = []
    if outcome.rest_violation and outcome.since_last_hard is not None:
        hours = outcome.since_last_hard.total_seconds() / HOUR_SECONDS
        warnings.append(
            {
                "id": "rest_day_violation",
                "hours_since_last_hard": round(hours, 1),
                "next_session": next_session.isoformat(),
            }
        )
    return warnings
