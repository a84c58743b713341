"""`get_progress` through the service bus: weekly history and trends, bad input."""

from __future__ import annotations

from copy import deepcopy
from datetime import date, timedelta
from typing import Any

from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.hamstring_coach.core.records import epley

from .test_services import SCHEMA, _assert_rejected, call

MONDAY = date(2026, 11, 23)  # the fixture's today (Berlin)


def _rdl(load: float, reps: int) -> list[dict[str, Any]]:
    return [
        {"exercise": "romanian_deadlift", "sets": 3, "reps": reps, "load": load},
        {"exercise": "nordic_curl", "sets": 3, "reps": 5},
    ]


async def _seed(hass: HomeAssistant) -> list[tuple[date, float, int]]:
    """Four weeks back: two sessions in weeks -3 and -1, one in -2, one today."""
    plan = [
        (MONDAY - timedelta(weeks=3), 60.0, 8),
        (MONDAY - timedelta(weeks=3, days=-3), 62.5, 8),
        (MONDAY - timedelta(weeks=2), 60.0, 6),
        (MONDAY - timedelta(weeks=1), 65.0, 8),
        (MONDAY - timedelta(weeks=1, days=-3), 65.0, 10),
        (MONDAY, 67.5, 8),
    ]
    for day, load, reps in plan:
        await call(
            hass,
            "log_session",
            {
                "performed_at": f"{day.isoformat()}T08:00:00+01:00",
                "program_day": "strength_day",
                "exercises": _rdl(load, reps),
            },
        )
    return plan


async def test_get_progress_weeks_and_trend(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Weekly totals, met flags, streak and the lift's Epley trend with records."""
    plan = await _seed(hass)
    out = await call(hass, "get_progress", {"weeks": 5})
    weeks = out["weeks"]
    assert [w["week_start"] for w in weeks] == [
        (MONDAY - timedelta(weeks=n)).isoformat() for n in (4, 3, 2, 1, 0)
    ]
    assert [w["hard_sessions"] for w in weeks] == [0, 2, 1, 2, 1]
    assert [w["working_sets"] for w in weeks] == [0, 12, 6, 12, 6]
    assert [w["met"] for w in weeks] == [False, True, False, True, False]
    assert [w["current"] for w in weeks] == [False] * 4 + [True]
    assert {(w["sessions_target"], w["sets_target"]) for w in weeks} == {(2, 12)}
    assert len(weeks[1]["sessions"]) == 2
    status = await call(hass, "get_status")
    assert out["streak"] == status["streak"] == 1
    trends = {t["exercise"]: t for t in out["exercises"]}
    assert set(trends) == {"romanian_deadlift", "nordic_curl"}
    lift = trends["romanian_deadlift"]
    assert (lift["metric"], lift["unit"]) == ("estimated_1rm", "kg")
    expected = [round(epley(load, reps), 1) for _, load, reps in plan]
    assert [p["value"] for p in lift["points"]] == expected
    best = 0.0
    marks = []
    for value in expected:
        marks.append(value > best)
        best = max(best, value)
    assert [p["record"] for p in lift["points"]] == marks
    assert trends["nordic_curl"]["metric"] == "most_reps"
    # One exercise only, and a start date instead of a week count.
    only = await call(
        hass,
        "get_progress",
        {"exercise": "nordic_curl", "start": (MONDAY - timedelta(days=9)).isoformat()},
    )
    assert len(only["weeks"]) == 3
    assert [t["exercise"] for t in only["exercises"]] == ["nordic_curl"]
    assert len(only["exercises"][0]["points"]) == 4


async def test_get_progress_default_is_twelve_weeks(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Without arguments: twelve empty weeks, no trends, on an empty log."""
    out = await call(hass, "get_progress")
    assert len(out["weeks"]) == 12
    assert out["exercises"] == []
    assert out["streak"] == 0
    assert not any(w["met"] for w in out["weeks"])


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param({"exercise": "leg_press"}, "unknown_exercise", id="unknown"),
        pytest.param({"start": "1990-01-01"}, "range_too_long", id="too-long"),
        pytest.param({"config_entry_id": "nope"}, "entry_not_found", id="entry"),
        pytest.param({"weeks": 0}, SCHEMA, id="weeks-0"),
        pytest.param({"weeks": 261}, SCHEMA, id="weeks-261"),
        pytest.param({"weeks": 4, "start": "2026-11-01"}, SCHEMA, id="both"),
        pytest.param({"start": "not a day"}, SCHEMA, id="bad-start"),
    ],
)
async def test_get_progress_rejects_bad_input(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_storage: dict[str, Any],
    data: dict[str, Any],
    expected: str,
) -> None:
    """Bad calls are refused with a translated error and store nothing."""
    await call(hass, "log_session", {"performed_at": "2026-11-20T18:00:00+01:00"})
    before = deepcopy(hass_storage)
    await _assert_rejected(hass, "get_progress", data, expected)
    assert hass_storage == before
