"""Workouts recorded by a wearable: one workout is one session, however often seen.

A wearable's "latest workout" is reported again after a restart, a reconnect
or a re-sync. Its start time is its identity: a session from a wearable that
starts within `SAME_START` of a stored wearable session is that session.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from .log import TrainingLog
from .models import Session

WEARABLE_SOURCE = "wearable"
"""`Session.source` of a workout recorded by a watch or fitness tracker."""

SAME_START = timedelta(minutes=1)
"""Start times closer than this are the same workout (exports round to seconds)."""


def same_workout(log: TrainingLog, performed_at: datetime) -> Session | None:
    """The stored wearable session that starts at `performed_at`, if any.

    >>> from datetime import UTC
    >>> from .models import Session
    >>> start = datetime(2026, 11, 23, 7, 5, tzinfo=UTC)
    >>> log = TrainingLog((Session(id="a", performed_at=start, hard=True,
    ...     working_sets=9, source="wearable"),), UTC)
    >>> same_workout(log, start + timedelta(seconds=20)).id
    'a'
    >>> same_workout(log, start + timedelta(minutes=5)) is None
    True
    """
    for stored in log.between(performed_at - SAME_START, performed_at + SAME_START):
        if (
            stored.source == WEARABLE_SOURCE
            and abs(stored.performed_at - performed_at) < SAME_START
        ):
            return stored
    return None
