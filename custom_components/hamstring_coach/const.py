"""Constants of the Hamstring Coach integration."""

from __future__ import annotations

import logging
from typing import Final

DOMAIN: Final = "hamstring_coach"
LOGGER = logging.getLogger(__package__)

DEFAULT_NAME: Final = "Hamstring Coach"
DEFAULT_TRAINING_DAYS: Final = ("mon", "thu")
DEFAULT_TRAINING_TIME: Final = "18:00:00"

CONF_PROGRAM: Final = "program"
CONF_TRAINING_DAYS: Final = "training_days"
CONF_TRAINING_TIME: Final = "training_time"
CONF_SESSIONS_PER_WEEK: Final = "sessions_per_week"
CONF_MIN_REST_HOURS: Final = "min_rest_hours"
CONF_WEEKLY_SET_TARGET: Final = "weekly_set_target"
CONF_FIRST_WEEKDAY: Final = "first_weekday"
CONF_WEIGHT_UNIT: Final = "weight_unit"
CONF_PROGRAM_START: Final = "program_start"
CONF_PHASE_SESSIONS: Final = "phase_sessions"
CONF_PERSON: Final = "person"
CONF_SPEAKER_DEVICES: Final = "speaker_devices"
CONF_SPEAKER_AREAS: Final = "speaker_areas"
"""Entry option linking a coach to a `person.*` entity (whose user speaks)."""
CONF_HARD_RUN_DAY: Final = "hard_run_day"
NO_RUN_DAY: Final = "none"

DEFAULT_SESSIONS_PER_WEEK: Final = 2
DEFAULT_MIN_REST_HOURS: Final = 48
DEFAULT_WEEKLY_SET_TARGET: Final = 12
DEFAULT_FIRST_WEEKDAY: Final = "mon"
DEFAULT_PHASE_SESSIONS: Final = 4

EVENT_SESSION_LOGGED: Final = f"{DOMAIN}_session_logged"
EVENT_SESSION_DUE: Final = f"{DOMAIN}_session_due"
EVENT_PERSONAL_RECORD: Final = f"{DOMAIN}_personal_record"
EVENT_GOAL_AT_RISK: Final = f"{DOMAIN}_goal_at_risk"
EVENT_REST_DAY_VIOLATION: Final = f"{DOMAIN}_rest_day_violation"

PLAN_WEEKS: Final = 4
SIGNAL_COACH_EVENT: Final = f"{DOMAIN}_coach_event_{{}}"
"""Dispatcher signal per entry id: (event type, data) for the event entity."""

STORAGE_VERSION: Final = 1
STORAGE_MINOR_VERSION: Final = 3
