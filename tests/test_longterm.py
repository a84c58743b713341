"""Long-term statistics: sets and sessions under hamstring_coach: ids."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.recorder import Recorder, history
from homeassistant.components.recorder.statistics import (
    list_statistic_ids,
    statistics_during_period,
)
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.components.recorder.common import (
    async_wait_recording_done,
)

from custom_components.hamstring_coach.const import DOMAIN
from custom_components.hamstring_coach.longterm import statistic_ids

from .conftest import START, TIME_ZONE, make_entry


@pytest.fixture
async def coach(
    recorder_mock: Recorder, hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> MockConfigEntry:
    """A coach with the recorder running."""
    await hass.config.async_set_time_zone(TIME_ZONE)
    freezer.move_to(START)
    entry = make_entry()
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    return entry


async def stats(
    hass: HomeAssistant, entry: MockConfigEntry
) -> dict[str, list[dict[str, Any]]]:
    """Hourly rows of both statistics since October."""
    await hass.async_block_till_done()
    await async_wait_recording_done(hass)
    start = dt_util.parse_datetime("2026-10-01T00:00:00+00:00")
    assert start is not None
    return await hass.async_add_executor_job(
        statistics_during_period,
        hass,
        start,
        None,
        set(statistic_ids(entry.entry_id)),
        "hour",
        None,
        {"state", "sum"},
    )


async def call(hass: HomeAssistant, service: str, data: dict[str, Any]) -> Any:
    """Call one of our actions with a response."""
    return await hass.services.async_call(
        DOMAIN, service, data, blocking=True, return_response=True
    )


async def test_backdated_sessions_land_in_their_weeks(
    hass: HomeAssistant, coach: MockConfigEntry
) -> None:
    """Sessions logged late appear at their own hour, with running sums."""
    sets_id, sessions_id = statistic_ids(coach.entry_id)
    assert sets_id == f"hamstring_coach:{coach.entry_id.lower()}_working_sets"
    await call(hass, "log_session", {"performed_at": "2026-11-09T18:00:00+01:00"})
    await call(hass, "log_session", {"performed_at": "2026-11-02T18:30:00+01:00"})
    rows = await stats(hass, coach)
    sets = [(r["start"], r["state"], r["sum"]) for r in rows[sets_id]]
    start_2 = dt_util.parse_datetime("2026-11-02T17:00:00+00:00").timestamp()  # type: ignore[union-attr]
    start_9 = dt_util.parse_datetime("2026-11-09T17:00:00+00:00").timestamp()  # type: ignore[union-attr]
    # The second (backdated) log is the next workout, Day 2: 9 working sets.
    assert sets == [(start_2, 9.0, 9.0), (start_9, 11.0, 20.0)]
    assert [r["sum"] for r in rows[sessions_id]] == [1.0, 2.0]


async def test_deleting_rewrites_later_sums(
    hass: HomeAssistant, coach: MockConfigEntry
) -> None:
    """After a delete, the emptied hour reads zero and later sums drop."""
    sets_id, _ = statistic_ids(coach.entry_id)
    first = await call(
        hass, "log_session", {"performed_at": "2026-11-02T18:00:00+01:00"}
    )
    await call(hass, "log_session", {"performed_at": "2026-11-05T18:00:00+01:00"})
    await call(hass, "delete_session", {"session_id": first["session_id"]})
    rows = await stats(hass, coach)
    assert [(r["state"], r["sum"]) for r in rows[sets_id]] == [(0.0, 0.0), (9.0, 9.0)]


async def test_existing_log_is_written_at_setup(
    recorder_mock: Recorder,
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    hass_storage: dict[str, Any],
) -> None:
    """A log stored before the recorder knew about it is written when the entry loads."""
    await hass.config.async_set_time_zone(TIME_ZONE)
    freezer.move_to(START)
    entry = make_entry()
    hass_storage[f"{DOMAIN}.{entry.entry_id}"] = {
        "version": 1,
        "minor_version": 3,
        "key": f"{DOMAIN}.{entry.entry_id}",
        "data": {
            "sessions": [
                {
                    "id": f"s{n}",
                    "performed_at": (
                        dt_util.parse_datetime("2026-10-05T17:00:00+00:00")
                        + timedelta(days=3 * n)  # type: ignore[operator]
                    ).isoformat(),
                    "hard": True,
                    "working_sets": 10,
                    "exercises": [],
                }
                for n in range(4)
            ],
            "reports": [],
        },
    }
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    rows = await stats(hass, entry)
    assert [r["sum"] for r in rows[statistic_ids(entry.entry_id)[0]]] == [
        10.0,
        20.0,
        30.0,
        40.0,
    ]


async def test_prose_attributes_are_not_recorded(
    hass: HomeAssistant, coach: MockConfigEntry
) -> None:
    """History keeps the workout day and the status, not the texts beside them."""
    await hass.services.async_call(
        DOMAIN, "report_soreness", {"level": 8}, blocking=True
    )
    await hass.async_block_till_done()
    await async_wait_recording_done(hass)
    workout, status = "sensor.alex_next_workout", "sensor.alex_training_status"
    live = {e: hass.states.get(e) for e in (workout, status)}
    assert {"exercises", "name"} <= set(live[workout].attributes)  # type: ignore[union-attr]
    assert live[status].attributes["guidance"]  # type: ignore[union-attr]
    start = dt_util.parse_datetime("2026-11-23T00:00:00+00:00")
    recorded = await hass.async_add_executor_job(
        history.get_significant_states, hass, start, None, [workout, status]
    )
    assert recorded[workout][-1].attributes.keys() & {"exercises", "name"} == set()
    assert "guidance" not in recorded[status][-1].attributes
    assert recorded[status][-1].state == "recovering"


async def test_removing_the_entry_clears_its_statistics(
    hass: HomeAssistant, coach: MockConfigEntry
) -> None:
    """No statistics of a removed entry stay behind."""
    await call(hass, "log_session", {"performed_at": "2026-11-09T18:00:00+01:00"})
    assert set(await stats(hass, coach)) == set(statistic_ids(coach.entry_id))
    await hass.config_entries.async_remove(coach.entry_id)
    assert await stats(hass, coach) == {}


async def test_statistics_have_units_for_the_graph_card(
    hass: HomeAssistant, coach: MockConfigEntry
) -> None:
    """The metadata a statistics graph reads: units, no unit class, a sum."""
    sets_id, sessions_id = statistic_ids(coach.entry_id)
    await call(hass, "log_session", {"performed_at": "2026-11-09T18:00:00+01:00"})
    await stats(hass, coach)
    listed = await hass.async_add_executor_job(
        list_statistic_ids, hass, {sets_id, sessions_id}
    )
    by_id = {item["statistic_id"]: item for item in listed}
    assert {
        key: (
            item["statistics_unit_of_measurement"],
            item["display_unit_of_measurement"],
            item["unit_class"],
            item["has_sum"],
            item["source"],
        )
        for key, item in by_id.items()
    } == {
        sets_id: ("sets", "sets", None, True, DOMAIN),
        sessions_id: ("sessions", "sessions", None, True, DOMAIN),
    }
