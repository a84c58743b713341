"""Fuzzing: every action called with random and hostile data.

Each call must either succeed with valid data or be rejected: by Home
Assistant's schema check (`vol.Invalid`) or by a translated
`ServiceValidationError` of this integration (or fail with a translated
`HomeAssistantError`, e.g. an export that cannot be written). After every
call the stored file re-parses with the integration's own parser, holds only
valid, finite values and no session in the future, and matches the state in
memory; after a rejected call it is what it was before.

Hypothesis cannot drive an async test that uses Home Assistant's
function-scoped fixtures, so each action's payloads are drawn first, through
a `@given`-decorated collector, and one async test per action replays them
against a single set-up integration, checking the invariants after each call.

Two modes:

- the fixed set (CI, `scripts/test`): `CALLS` (150) payloads per action,
  drawn with `derandomize=True`, the same on every run;
- at scale (`scripts/fuzz`): `HC_FUZZ_CALLS` payloads per action drawn from
  the seed `HC_FUZZ_SEED` (a fresh one per run, printed by the script, so a
  failing run is replayed with `scripts/fuzz --seed N`).

The draws cover the whole range of every type: integers beyond float range,
instants from 0001-01-01 to 9999-12-31, pause dates up to 9999, datetimes
where a date is expected, lone surrogates and control characters in texts,
over-long and odd paths. The cases that once crashed are pinned in
`test_fixed_bugs_stay_fixed`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from copy import deepcopy
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
import json
import math
import os
from pathlib import Path
import random
import re
from typing import Any
import zlib

from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.util import dt as dt_util
from hypothesis import HealthCheck, Phase, given, seed, settings, strategies as st
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
import voluptuous as vol
import yaml

from custom_components.hamstring_coach.const import DOMAIN
from custom_components.hamstring_coach.core.catalog import EXERCISES
from custom_components.hamstring_coach.core.models import Measure
from custom_components.hamstring_coach.core.programs import PROGRAMS
from custom_components.hamstring_coach.core.serialize import (
    controls_to_dict,
    report_to_dict,
    session_to_dict,
)
from custom_components.hamstring_coach.store import parse

from .conftest import make_entry

PACKAGE = Path(__file__).parent.parent / "custom_components" / DOMAIN
STRINGS = json.loads((PACKAGE / "strings.json").read_text(encoding="utf-8"))
EXCEPTIONS: dict[str, str] = {
    key: value["message"] for key, value in STRINGS["exceptions"].items()
}
ACTIONS_YAML = yaml.safe_load((PACKAGE / "services.yaml").read_text(encoding="utf-8"))

SEED = os.environ.get("HC_FUZZ_SEED")
"""The seed of a run at scale (`scripts/fuzz`); unset: the fixed set."""
CALLS = int(os.environ.get("HC_FUZZ_CALLS", "150"))
"""Calls per action (per program for `set_phase`)."""

NOW = datetime(2026, 11, 23, 9, tzinfo=UTC)  # conftest START: Monday 10:00 Berlin
NOW_NAIVE_LOCAL = datetime(2026, 11, 23, 10)  # noqa: DTZ001 - naive on purpose


# --- references resolved at call time -------------------------------------


@dataclass(frozen=True)
class Ref:
    """A value only known once Home Assistant runs (an entry id, a session id)."""

    kind: str  # "entry" | "unloaded_entry" | "session" | "path"
    index: int = 0

    def __repr__(self) -> str:
        """Short, for failure messages."""
        return f"<{self.kind}{self.index if self.kind in {'session', 'path'} else ''}>"


# --- hostile building blocks ----------------------------------------------

ODD_TEXT = st.sampled_from(
    [
        "",
        " ",
        "\x00",
        "\x00\x01\x7f",
        "🦵💪🏽",
        "\u202eevil\u202c",
        "שלום עולם",
        "مرحبا",
        "a\u0301\u0302\u0303",
        "\ufeff",
        "\n\t\r",
        "null",
        "None",
        "true",
        "NaN",
        "nan",
        "Infinity",
        "-inf",
        "-0",
        "1e400",
        "-1e400",
        "0x10",
        "1_000",
        " 7 ",
        "١٢٣",  # Arabic-Indic digits: float() reads them
        "${jndi:ldap://x}",
        "{{ states('sun.sun') }}",
        "'; DROP TABLE sessions; --",
        "../../../../etc/passwd",
    ]
)
LONG_TEXT = st.builds(
    lambda chunk, count: chunk * count,
    st.sampled_from(["a", "🦵", "\u202e", "\x00", " ", "ß"]),
    st.integers(100, 10_000),
)
SURROGATES = st.text(st.characters(categories=["Cs"]), min_size=1, max_size=3)
"""Lone surrogates: valid `str`, not encodable as UTF-8."""
TEXT = st.one_of(st.text(max_size=40), ODD_TEXT, LONG_TEXT, SURROGATES)

huge_int = st.one_of(
    st.integers(-(10**30), 10**30),
    st.sampled_from(
        [2**53 + 1, -(2**63), 2**64, 10**30, -(10**30), 10**400, -(10**400)]
    ),
)
"""Integers far out of range, some beyond float range (`float()` overflows)."""

FLOAT = st.one_of(
    st.floats(),  # NaN and ±inf included
    st.sampled_from(
        [math.nan, math.inf, -math.inf, -0.0, 1e308, -1e308, 5e-324, 0.5, 1e-9]
    ),
)
NUMBER = st.one_of(huge_int, FLOAT)
SCALAR = st.one_of(st.none(), st.booleans(), NUMBER, TEXT)
JUNK = st.one_of(
    SCALAR,
    st.lists(SCALAR, max_size=3),
    st.dictionaries(st.text(max_size=6), SCALAR, max_size=3),
    st.just(object()),
    st.just(b"bytes"),
    st.just({1, 2}),
    st.just(date(2026, 11, 23)),
)

FAR = st.one_of(
    st.datetimes(),  # 0001-01-01 to 9999-12-31, the very ends included
    st.sampled_from([datetime.min, datetime.max]),  # noqa: DTZ901 - naive on purpose
)
NEAR = st.datetimes(
    min_value=NOW_NAIVE_LOCAL - timedelta(days=60),
    max_value=NOW_NAIVE_LOCAL + timedelta(days=2),
)
ZONES = st.one_of(
    st.none(),  # naive: local time in Home Assistant's zone
    st.sampled_from(
        [
            UTC,
            timezone(timedelta(hours=14)),
            timezone(-timedelta(hours=12)),
            timezone(timedelta(hours=5, minutes=45)),
            dt_util.get_time_zone("Europe/Berlin"),
            dt_util.get_time_zone("America/Los_Angeles"),
        ]
    ),
)


def _format(moment: datetime, style: int) -> Any:
    if style == 0:
        return moment  # a datetime object
    text = moment.isoformat(sep=" " if style == 2 else "T")
    if style == 3:
        text = text.replace("+00:00", "Z")
    return text


INSTANT = st.one_of(
    st.builds(
        lambda moment, zone, style: _format(
            moment if zone is None else moment.replace(tzinfo=zone), style
        ),
        st.one_of(NEAR, NEAR, FAR),
        ZONES,
        st.integers(0, 3),
    ),
    st.sampled_from(
        [
            "2026-13-45T10:00:00",
            "2026-11-23T25:00:00",
            "2026-02-30",
            "yesterday",
            "now",
            "",
            "0000-01-01T00:00:00",
            "10000-01-01T00:00:00",
            "2026-11-23T10:00:00+24:00",
            "2026-11-23T10:00:00+99:99",
            "2026-11-23T10:00:00.9999999999+01:00",
            "1900-01-01",
            "2026-11-23",
            "1700000000",
        ]
    ),
    st.integers(-(2**40), 2**40),
    JUNK,
)

UNTIL = st.one_of(
    st.builds(
        lambda day, as_text: day.isoformat() if as_text else day,
        st.one_of(
            st.dates(date(2026, 11, 20), date(2027, 3, 1)),
            st.dates(),  # 0001-01-01 to 9999-12-31
        ),
        st.booleans(),
    ),
    st.datetimes(datetime(2026, 11, 1), datetime(2027, 3, 1)),  # noqa: DTZ001 - naive on purpose
    st.sampled_from(["2026-02-30", "2026-11-24T10:00:00", "tomorrow", "", "20261130"]),
    JUNK,
)


def mix(valid: st.SearchStrategy[Any], *hostile: st.SearchStrategy[Any]) -> Any:
    """Valid values about half the time, hostile ones otherwise."""
    return st.one_of(valid, *(hostile or (JUNK,)))


ENTRY_REF = st.just(Ref("entry"))
ENTRY_ID = st.one_of(
    ENTRY_REF,
    st.just(Ref("unloaded_entry")),
    st.just("0" * 26),
    TEXT,
    JUNK,
)


def payloads(
    fields: dict[str, st.SearchStrategy[Any]],
    required: dict[str, st.SearchStrategy[Any]] | None = None,
    *,
    clean: st.SearchStrategy[dict[str, Any]] | None = None,
) -> st.SearchStrategy[dict[str, Any]]:
    """Hostile payloads, or (about half the time) `clean` ones.

    Hostile: optional fields (and config_entry_id), now and then an unknown
    key. Clean: valid types and ranges, which the domain may still refuse.
    """
    hostile = _hostile(fields, required)
    return hostile if clean is None else st.tuples(clean, hostile)


def _hostile(
    fields: dict[str, st.SearchStrategy[Any]],
    required: dict[str, st.SearchStrategy[Any]] | None,
) -> st.SearchStrategy[dict[str, Any]]:
    base = st.fixed_dictionaries(
        required or {}, optional={"config_entry_id": ENTRY_ID, **fields}
    )
    extra = st.one_of(
        st.just({}),
        st.just({}),
        st.just({}),
        st.dictionaries(st.text(max_size=12), JUNK, min_size=1, max_size=2),
    )
    return st.builds(lambda known, more: {**more, **known}, base, extra)


def _exercise_item(exercise_id: str, sets: int, dose: int, load: float | None) -> dict:
    known = EXERCISES[exercise_id]
    item: dict[str, Any] = {"exercise": exercise_id, "sets": sets}
    item["seconds" if known.measure is Measure.SECONDS else "reps"] = dose
    if load is not None and known.loadable:
        item["load"] = load
    return item


VALID_EXERCISE = st.builds(
    _exercise_item,
    st.sampled_from(sorted(EXERCISES)),
    st.integers(1, 20),
    st.integers(1, 100),
    st.one_of(st.none(), st.floats(0, 1000)),
)
HOSTILE_EXERCISE = st.fixed_dictionaries(
    {},
    optional={
        "exercise": mix(st.sampled_from(sorted(EXERCISES)), TEXT, JUNK),
        "sets": mix(st.integers(0, 21), NUMBER, JUNK),
        "reps": mix(st.integers(0, 101), NUMBER, JUNK),
        "seconds": mix(st.integers(0, 3601), NUMBER, JUNK),
        "load": mix(st.floats(-1, 1001), NUMBER, JUNK),
        "unit": mix(
            st.sampled_from(["kg", "lb"]), st.sampled_from(["KG", "lbs"]), JUNK
        ),
        "target_sets": JUNK,
    },
)
EXERCISES_FIELD = st.one_of(
    st.lists(VALID_EXERCISE, min_size=1, max_size=5),
    st.lists(st.one_of(VALID_EXERCISE, HOSTILE_EXERCISE), max_size=32),
    HOSTILE_EXERCISE,
    JUNK,
)
DAYS = sorted({day.id for program in PROGRAMS.values() for day in program.days})

CLEAN_LOG = st.fixed_dictionaries(
    {},
    optional={
        "performed_at": st.builds(lambda m: m.isoformat(), NEAR),
        "program_day": st.sampled_from(DAYS),
        "exercises": st.lists(VALID_EXERCISE, min_size=1, max_size=5),
        "rpe": st.floats(1, 10),
        "soreness": st.integers(0, 10),
        "pain": st.booleans(),
        "notes": st.text(max_size=500),
        "duration_minutes": st.integers(1, 600),
    },
)
LOG_SESSION = st.tuples(
    CLEAN_LOG,
    _hostile(
        {
            "performed_at": INSTANT,
            "program_day": mix(st.sampled_from(DAYS), TEXT, JUNK),
            "exercises": EXERCISES_FIELD,
            "duration_minutes": mix(st.integers(0, 601), NUMBER, TEXT, JUNK),
            "rpe": mix(st.floats(0, 11), NUMBER, TEXT, JUNK),
            "soreness": mix(st.integers(-1, 11), NUMBER, TEXT, JUNK),
            "pain": mix(st.booleans(), st.sampled_from(["on", "off", "yes", 2])),
            "notes": mix(st.text(max_size=500), TEXT, JUNK),
        },
        None,
    ),
)

SESSION_REF = st.integers(0, 12).map(lambda i: Ref("session", i))
PATH_REF = st.integers(0, 40).map(lambda i: Ref("path", i))
PATH = mix(
    PATH_REF,
    st.sampled_from(
        [
            "/etc/passwd",
            "/etc/hamstring.json",
            "relative/history.json",
            "",
            ".",
            "/",
            "/proc/self/environ",
            "/dev/null",
            "/config/\x00evil.json",
            "C:\\history.json",
        ]
    ),
    TEXT,
    JUNK,
)
UPDATE_FIELDS = {
    "performed_at": INSTANT,
    "program_day": mix(st.sampled_from(DAYS), TEXT, JUNK),
    "exercises": EXERCISES_FIELD,
    "duration_minutes": mix(st.integers(0, 601), NUMBER, TEXT, JUNK),
    "rpe": mix(st.floats(0, 11), NUMBER, TEXT, JUNK),
    "soreness": mix(st.integers(-1, 11), NUMBER, TEXT, JUNK),
    "pain": mix(st.booleans(), st.sampled_from(["on", "off", "yes", 2])),
    "notes": mix(st.text(max_size=500), TEXT, JUNK),
}

STRATEGIES: dict[str, st.SearchStrategy[tuple[dict[str, Any], dict[str, Any]]]] = {
    "log_session": LOG_SESSION,
    "delete_session": payloads(
        {
            "session_id": mix(SESSION_REF, TEXT, JUNK),
            "last": mix(st.just(True), st.booleans(), TEXT, JUNK),
        },
        clean=st.one_of(
            st.fixed_dictionaries({"session_id": SESSION_REF}),
            st.just({"last": True}),
        ),
    ),
    "get_status": payloads(
        {}, clean=st.fixed_dictionaries({}, optional={"config_entry_id": ENTRY_REF})
    ),
    "get_history": payloads(
        {
            "start": INSTANT,
            "end": INSTANT,
            "exercise": mix(st.sampled_from(sorted(EXERCISES)), TEXT, JUNK),
        },
        clean=st.fixed_dictionaries(
            {},
            optional={
                "start": st.builds(lambda m: m.isoformat(), st.one_of(NEAR, FAR)),
                "end": st.builds(lambda m: m.isoformat(), st.one_of(NEAR, FAR)),
                "exercise": st.sampled_from(sorted(EXERCISES)),
            },
        ),
    ),
    "get_progress": payloads(
        {
            "weeks": mix(st.integers(1, 260), st.integers(-5, 400), NUMBER, JUNK),
            "start": UNTIL,
            "exercise": mix(st.sampled_from(sorted(EXERCISES)), TEXT, JUNK),
        },
        clean=st.fixed_dictionaries(
            {},
            optional={
                "weeks": st.integers(1, 260),
                "exercise": st.sampled_from(sorted(EXERCISES)),
            },
        ),
    ),
    "report_soreness": payloads(
        {"pain": mix(st.booleans(), TEXT, JUNK)},
        {"level": mix(st.integers(-1, 11), NUMBER, TEXT, JUNK)},
        clean=st.fixed_dictionaries(
            {"level": st.integers(0, 10)}, optional={"pain": st.booleans()}
        ),
    ),
    "set_phase": payloads(
        {},
        {"phase": mix(st.integers(-1, 6), NUMBER, TEXT, JUNK)},
        clean=st.fixed_dictionaries(
            {"phase": st.one_of(st.integers(0, 5), st.sampled_from(["2", 3.0]))}
        ),
    ),
    "skip_session": payloads(
        {"reason": mix(st.text(max_size=500), TEXT, JUNK)},
        clean=st.fixed_dictionaries({}, optional={"reason": st.text(max_size=500)}),
    ),
    "snooze_reminder": payloads(
        {},
        {"minutes": mix(st.integers(-5, 1500), NUMBER, TEXT, JUNK)},
        clean=st.fixed_dictionaries({"minutes": st.integers(1, 1440)}),
    ),
    "pause": payloads(
        {},
        {"until": UNTIL},
        clean=st.fixed_dictionaries(
            {
                "until": st.builds(
                    date.isoformat,
                    st.one_of(
                        st.dates(date(2026, 11, 22), date(2027, 6, 1)),
                        st.dates(date(2026, 11, 22), date(2100, 12, 31)),
                    ),
                )
            }
        ),
    ),
    "resume": payloads({}, clean=st.just({})),
    "install_sentences": payloads({}, clean=st.just({})),
    "update_session": st.tuples(
        st.builds(
            lambda ref, clean: {"session_id": ref, **clean}, SESSION_REF, CLEAN_LOG
        ),
        _hostile(UPDATE_FIELDS, {"session_id": mix(SESSION_REF, TEXT, JUNK)}),
    ),
    "export_history": payloads(
        {"format": mix(st.sampled_from(["json", "csv"]), TEXT, JUNK)},
        {"path": PATH},
        clean=st.fixed_dictionaries(
            {"path": PATH_REF},
            optional={"format": st.sampled_from(["json", "csv"])},
        ),
    ),
    "import_history": payloads(
        {"dry_run": mix(st.booleans(), TEXT, JUNK)},
        {"path": PATH},
        clean=st.fixed_dictionaries(
            {"path": PATH_REF}, optional={"dry_run": st.booleans()}
        ),
    ),
}
RETURNS: dict[str, bool | None] = {
    # True: response only; None: optional (drawn); False: none.
    "get_status": True,
    "get_history": True,
    "get_progress": True,
}


def _action_seed(action: str) -> int:
    """The run's seed, spread per action (each action draws its own sequence)."""
    return int(SEED or 0) * 1_000_003 + zlib.crc32(action.encode())


def draw(action: str, count: int = CALLS) -> list[dict[str, Any]]:
    """Payloads for one action, clean and hostile in turn (see the module doc)."""
    drawn: list[dict[str, Any]] = []

    @seed(_action_seed(action))
    @settings(
        max_examples=(count + 1) // 2,
        derandomize=SEED is None,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(STRATEGIES[action])
    def collect(pair: tuple[dict[str, Any], dict[str, Any]]) -> None:
        drawn.extend(pair)

    collect()
    # A small search space (get_status) may run out of distinct payloads.
    while len(drawn) < count:
        drawn.extend(drawn[: count - len(drawn)])
    return drawn[:count] if len(drawn) > count else drawn


# --- the checks -------------------------------------------------------------


@dataclass
class Tally:
    """Outcomes of one action's calls."""

    action: str
    outcomes: Counter[str]

    @property
    def calls(self) -> int:
        """All calls made."""
        return sum(self.outcomes.values())

    def __str__(self) -> str:
        """`log_session: 150 calls, 61 accepted, 70 invalid, 19 refused`."""
        return (
            f"{self.action}: {self.calls} calls, {self.outcomes['accepted']} accepted,"
            f" {self.outcomes['invalid']} schema-rejected,"
            f" {self.outcomes['refused']} refused (translated),"
            f" {self.outcomes['failed']} failed (translated HomeAssistantError)"
        )


def _walk_numbers(value: Any, path: str = "$") -> Iterator[tuple[str, float]]:
    if isinstance(value, bool):
        return
    if isinstance(value, int | float):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk_numbers(item, f"{path}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _walk_numbers(item, f"{path}[{i}]")


def _between(value: Any, low: float, high: float) -> bool:
    return value is None or (
        not isinstance(value, bool)
        and isinstance(value, int | float)
        and low <= value <= high
    )


def _check_session(raw: dict[str, Any], now: datetime) -> None:
    assert dt_util.parse_datetime(raw["performed_at"]) <= now, raw
    assert _between(raw["rpe"], 1, 10), raw
    assert _between(raw["soreness"], 0, 10), raw
    assert _between(raw["duration_minutes"], 1, 600), raw
    assert raw["pain"] in (None, True, False), raw
    assert raw["notes"] is None or (
        isinstance(raw["notes"], str) and len(raw["notes"]) <= 500
    ), raw
    assert isinstance(raw["working_sets"], int), raw
    assert raw["working_sets"] >= 0, raw
    assert raw["exercises"], raw
    assert len(raw["exercises"]) <= 30, raw
    for item in raw["exercises"]:
        assert item["exercise"] in EXERCISES, item
        assert isinstance(item["sets"], int), item
        assert 1 <= item["sets"] <= 20, item
        assert ("reps" in item) != ("seconds" in item), item
        assert _between(item.get("reps"), 1, 100), item
        assert _between(item.get("seconds"), 1, 3600), item
        assert _between(item.get("load"), 0, 1000), item
        assert item.get("unit") in (None, "kg", "lb"), item
    assert raw["program_day"] is None or raw["program_day"] in DAYS, raw


def check_stored(
    hass: HomeAssistant, hass_storage: dict[str, Any], entry: MockConfigEntry
) -> None:
    """The stored file is valid, parses, and is exactly the state in memory."""
    coordinator = entry.runtime_data
    stored = hass_storage.get(f"{DOMAIN}.{entry.entry_id}")
    if stored is None:  # nothing saved yet
        assert len(coordinator.log) == 0
        return
    data = stored["data"]
    zone = dt_util.get_default_time_zone()
    parse(data, zone)  # the integration's own reader accepts it
    json.dumps(data, allow_nan=False)  # strict JSON: no NaN/inf anywhere
    for path, number in _walk_numbers(data):
        assert math.isfinite(number), path
    now = dt_util.utcnow()
    for session in data["sessions"]:
        _check_session(session, now)
    for report in data["reports"]:
        assert 0 <= report["level"] <= 10, report
        assert dt_util.parse_datetime(report["reported_at"]) <= now, report
    controls = data["controls"]
    for skip in controls["skips"]:
        assert skip["reason"] is None or len(skip["reason"]) <= 500, skip
    if controls["snoozed_until"] is not None:
        snoozed = dt_util.parse_datetime(controls["snoozed_until"])
        assert now < snoozed <= now + timedelta(minutes=24 * 60), controls
    for pause in controls["pauses"]:
        start = dt_util.parse_datetime(pause["start"])
        assert start <= now, pause
        # `until` is after the day it started, or today once resumed.
        assert date.fromisoformat(pause["until"]) >= dt_util.as_local(start).date()
    assert 1 <= data["phase"]["current"] <= 4, data["phase"]
    # Nothing adopted unless saved, nothing saved unless adopted.
    state = coordinator.state
    memory = json.loads(
        json.dumps(
            {
                "sessions": [session_to_dict(s) for s in state.log],
                "reports": [report_to_dict(r) for r in state.reports],
                "controls": controls_to_dict(state.controls),
            }
        )
    )
    assert [s["id"] for s in data["sessions"]] == [s.id for s in state.log]
    assert data["sessions"] == memory["sessions"]
    assert data["reports"] == memory["reports"]
    assert controls == memory["controls"]
    assert data["phase"]["current"] == state.phase


PATHS: list[str] = []
"""Candidate files for export/import, filled by the transfer tests."""

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def check_refusal(err: HomeAssistantError, label: str) -> None:
    """A refusal is ours, translated, with every placeholder its message needs."""
    assert err.translation_domain == DOMAIN, label
    assert err.translation_key in EXCEPTIONS, label
    needed = set(_PLACEHOLDER.findall(EXCEPTIONS[err.translation_key]))
    given_ = set(err.translation_placeholders or {})
    assert needed <= given_, f"{label}: missing placeholders {needed - given_}"
    assert all(
        isinstance(v, str) for v in (err.translation_placeholders or {}).values()
    )


def _resolve(
    value: Any, hass: HomeAssistant, entry: MockConfigEntry, other: str
) -> Any:
    if not isinstance(value, Ref):
        return value
    if value.kind == "path":
        return PATHS[value.index % len(PATHS)] if PATHS else "/nonexistent"
    if value.kind == "entry":
        return entry.entry_id
    if value.kind == "unloaded_entry":
        return other
    ids = [s.id for s in entry.runtime_data.log]
    return ids[value.index % len(ids)] if ids else "01JD3Z6R8Q1WJ8T5V4X2N7K9AB"


def _label(action: str, payload: dict[str, Any]) -> str:
    text = repr(payload)
    return f"{action}({text[:300]}{'…' if len(text) > 300 else ''})"


async def fuzz(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    entry: MockConfigEntry,
    action: str,
    *,
    before_each: Callable[[int], Any] | None = None,
    check_response: Callable[[dict[str, Any], Any], None] | None = None,
    count: int = CALLS,
) -> Tally:
    """Replay the drawn payloads against the running integration."""
    other = make_entry("Unloaded")
    other.add_to_hass(hass)  # never set up: `entry_not_loaded`
    key = f"{DOMAIN}.{entry.entry_id}"
    rng = random.Random(_action_seed(action))
    tally = Tally(action, Counter())
    for i, drawn in enumerate(draw(action, count)):
        if before_each is not None:
            await before_each(i)
        payload = {
            k: _resolve(v, hass, entry, other.entry_id) for k, v in drawn.items()
        }
        label = _label(action, payload)
        wants = RETURNS.get(action)
        response = rng.random() < 0.7 if wants is None else wants
        before = deepcopy(hass_storage.get(key))
        try:
            result = await hass.services.async_call(
                DOMAIN, action, payload, blocking=True, return_response=response
            )
        except vol.Invalid:
            tally.outcomes["invalid"] += 1
            assert hass_storage.get(key) == before, f"stored after rejection: {label}"
        except ServiceValidationError as err:
            tally.outcomes["refused"] += 1
            check_refusal(err, label)
            assert hass_storage.get(key) == before, f"stored after rejection: {label}"
        except HomeAssistantError as err:
            if err.translation_domain != DOMAIN:
                pytest.fail(f"{label} raised untranslated {err!r}")
            tally.outcomes["failed"] += 1  # e.g. export_failed: translated
            check_refusal(err, label)
            assert hass_storage.get(key) == before, f"stored after failure: {label}"
        except Exception as err:  # any other error is the finding
            pytest.fail(f"{label} raised {type(err).__name__}: {err}")
        else:
            tally.outcomes["accepted"] += 1
            if response:
                assert isinstance(result, dict), label
                json.dumps(result, allow_nan=False)  # a valid action response
            if check_response is not None:
                check_response(payload, result)
        await hass.async_block_till_done()
        try:
            check_stored(hass, hass_storage, entry)
        except AssertionError as err:
            pytest.fail(f"after {label}: {err}")
    assert tally.calls >= count
    return tally


def report(record_property: Callable[[str, object], None], tally: Tally) -> None:
    """Record the tally (visible with -rP and in junit XML)."""
    record_property(tally.action, dict(tally.outcomes))
    print(tally)  # noqa: T201


# --- fixtures ---------------------------------------------------------------


@pytest.fixture
def program() -> str:
    """The program of the fuzzed entry (overridden by `set_phase`)."""
    return "strength_2day"


@pytest.fixture
def mock_config_entry(program: str) -> MockConfigEntry:
    """The conftest entry, on `program`."""
    return make_entry(program=program)


async def _log(hass: HomeAssistant, **data: Any) -> None:
    await hass.services.async_call(DOMAIN, "log_session", data, blocking=True)


async def _seed_history(hass: HomeAssistant) -> None:
    """A few sessions, some of them far in the past."""
    for when in (
        "1900-01-02T00:00:00+00:00",
        "1900-06-01T12:00:00+00:00",
        "2026-11-01T18:00:00+01:00",
        "2026-11-19T18:00:00+01:00",
    ):
        await _log(hass, performed_at=when)
    await _log(
        hass,
        exercises=[{"exercise": "nordic_curl", "sets": 3, "reps": 5}],
        notes="🦵" * 500,
    )


# --- one test per action ----------------------------------------------------


def test_every_action_is_fuzzed() -> None:
    """A new action in services.yaml needs a strategy here."""
    assert set(ACTIONS_YAML) <= set(STRATEGIES), set(ACTIONS_YAML) - set(STRATEGIES)


def test_payloads_are_deterministic() -> None:
    """The same payloads on every run, and enough of them."""
    first, second = draw("log_session", 20), draw("log_session", 20)
    assert repr(first) == repr(second)
    assert len(draw("get_status")) == CALLS


async def test_fuzz_log_session(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_storage: dict[str, Any],
    record_property: Callable[[str, object], None],
) -> None:
    """log_session: each session accepted is stored, or named as the stored repeat."""
    log = init_integration.runtime_data.log
    seen = {"size": len(log), "repeats": 0}

    def stored_session(_payload: dict[str, Any], result: Any) -> None:
        sessions = init_integration.runtime_data.log
        grew = len(sessions) - seen["size"]
        assert grew in (0, 1)
        seen["size"] = len(sessions)
        seen["repeats"] += grew == 0
        if result is not None:
            assert sessions.get(result["session_id"]) is not None
            assert result["duplicate"] is (grew == 0)

    tally = await fuzz(
        hass,
        hass_storage,
        init_integration,
        "log_session",
        check_response=stored_session,
    )
    report(record_property, tally)
    assert len(init_integration.runtime_data.log) == (
        len(log) + tally.outcomes["accepted"] - seen["repeats"]
    )
    assert tally.outcomes["accepted"] >= 20, tally
    assert tally.outcomes["invalid"] + tally.outcomes["refused"] >= 20, tally


async def test_fuzz_delete_session(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_storage: dict[str, Any],
    record_property: Callable[[str, object], None],
) -> None:
    """delete_session: removes exactly the session it names (or the last)."""
    coordinator = init_integration.runtime_data

    async def keep_three(_i: int) -> None:
        while len(coordinator.log) < 3:
            await _log(hass, allow_duplicate=True)

    def removed(payload: dict[str, Any], result: Any) -> None:
        if result is not None:
            assert coordinator.log.get(result["id"]) is None
            if isinstance(payload.get("session_id"), str):
                assert result["id"] == payload["session_id"]

    await _seed_history(hass)
    tally = await fuzz(
        hass,
        hass_storage,
        init_integration,
        "delete_session",
        before_each=keep_three,
        check_response=removed,
    )
    report(record_property, tally)
    assert tally.outcomes["accepted"] >= 10, tally


async def test_fuzz_get_status(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_storage: dict[str, Any],
    record_property: Callable[[str, object], None],
) -> None:
    """get_status: read-only, answers with the entity keys."""
    await _seed_history(hass)

    def has_keys(_payload: dict[str, Any], result: Any) -> None:
        assert {"next_session", "training_status", "weekly_sets"} <= set(result)

    tally = await fuzz(
        hass, hass_storage, init_integration, "get_status", check_response=has_keys
    )
    report(record_property, tally)
    assert tally.outcomes["accepted"] >= 10, tally


async def test_fuzz_get_history(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_storage: dict[str, Any],
    record_property: Callable[[str, object], None],
) -> None:
    """get_history: newest first, inside the window, only the exercise asked for."""
    await _seed_history(hass)
    coordinator = init_integration.runtime_data

    def filtered(payload: dict[str, Any], result: Any) -> None:
        sessions = result["sessions"]
        times = [dt_util.parse_datetime(s["performed_at"]) for s in sessions]
        assert times == sorted(times, reverse=True)
        assert {s["id"] for s in sessions} <= {s.id for s in coordinator.log}
        if "exercise" in payload:
            for session in sessions:
                assert payload["exercise"] in {
                    e["exercise"] for e in session["exercises"]
                }

    tally = await fuzz(
        hass, hass_storage, init_integration, "get_history", check_response=filtered
    )
    report(record_property, tally)
    assert tally.outcomes["accepted"] >= 10, tally


async def test_fuzz_get_progress(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_storage: dict[str, Any],
    record_property: Callable[[str, object], None],
) -> None:
    """get_progress: the weeks asked for, totals that add up, one exercise if asked."""
    await _seed_history(hass)

    def consistent(payload: dict[str, Any], result: Any) -> None:
        weeks = result["weeks"]
        if "start" not in payload:
            assert len(weeks) == payload.get("weeks", 12)
        assert weeks[-1]["current"]
        for week in weeks:
            assert week["working_sets"] == sum(
                s["working_sets"] for s in week["sessions"]
            )
        if "exercise" in payload:
            assert {t["exercise"] for t in result["exercises"]} <= {payload["exercise"]}

    tally = await fuzz(
        hass, hass_storage, init_integration, "get_progress", check_response=consistent
    )
    report(record_property, tally)
    assert tally.outcomes["accepted"] >= 10, tally


async def test_fuzz_report_soreness(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_storage: dict[str, Any],
    record_property: Callable[[str, object], None],
) -> None:
    """report_soreness: levels 0-10 only."""
    tally = await fuzz(hass, hass_storage, init_integration, "report_soreness")
    report(record_property, tally)
    assert tally.outcomes["accepted"] >= 10, tally


@pytest.mark.parametrize("program", ["rehab", "runner"])
async def test_fuzz_set_phase(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_storage: dict[str, Any],
    record_property: Callable[[str, object], None],
    program: str,
) -> None:
    """set_phase (admin): a stored phase (rehab) or a new start date (runner)."""
    phases = PROGRAMS[program].phases

    def moved(payload: dict[str, Any], _result: Any) -> None:
        start = init_integration.options.get("program_start")
        assert start is None or date.fromisoformat(start) <= NOW.date()
        assert 1 <= init_integration.runtime_data.state.phase <= phases

    tally = await fuzz(
        hass, hass_storage, init_integration, "set_phase", check_response=moved
    )
    report(record_property, tally)
    assert tally.outcomes["accepted"] >= 10, tally


async def test_fuzz_skip_session(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_storage: dict[str, Any],
    record_property: Callable[[str, object], None],
) -> None:
    """skip_session: a reason of at most 500 characters; refused while paused."""

    async def sometimes_paused(i: int) -> None:
        paused = bool(init_integration.runtime_data.state.controls.pauses) and (
            init_integration.runtime_data.data.status == "paused"
        )
        if i % 25 == 24 and not paused:
            await hass.services.async_call(
                DOMAIN, "pause", {"until": "2026-11-25"}, blocking=True
            )
        elif i % 25 == 0 and paused:
            await hass.services.async_call(DOMAIN, "resume", {}, blocking=True)

    tally = await fuzz(
        hass,
        hass_storage,
        init_integration,
        "skip_session",
        before_each=sometimes_paused,
    )
    report(record_property, tally)
    assert tally.outcomes["accepted"] >= 10, tally


async def test_fuzz_snooze_reminder(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_storage: dict[str, Any],
    record_property: Callable[[str, object], None],
) -> None:
    """snooze_reminder: 1-1440 whole minutes."""
    tally = await fuzz(hass, hass_storage, init_integration, "snooze_reminder")
    report(record_property, tally)
    assert tally.outcomes["accepted"] >= 10, tally


async def test_fuzz_pause(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_storage: dict[str, Any],
    record_property: Callable[[str, object], None],
) -> None:
    """pause: a local date after today, far future included."""

    def paused(payload: dict[str, Any], _result: Any) -> None:
        assert init_integration.runtime_data.current().status == "paused"

    tally = await fuzz(
        hass, hass_storage, init_integration, "pause", check_response=paused
    )
    report(record_property, tally)
    assert tally.outcomes["accepted"] >= 10, tally


async def test_fuzz_resume(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_storage: dict[str, Any],
    record_property: Callable[[str, object], None],
) -> None:
    """resume: ends a running pause; refused (not_paused) otherwise."""

    async def pause_every_other(i: int) -> None:
        if i % 2 == 0 and init_integration.runtime_data.current().status != "paused":
            await hass.services.async_call(
                DOMAIN, "pause", {"until": "2026-12-07"}, blocking=True
            )

    tally = await fuzz(
        hass,
        hass_storage,
        init_integration,
        "resume",
        before_each=pause_every_other,
    )
    report(record_property, tally)
    assert tally.outcomes["accepted"] >= 10, tally
    assert tally.outcomes["refused"] >= 10, tally


@pytest.fixture
async def config_dir(hass: HomeAssistant, tmp_path: Path) -> Path:
    """Install sentences into a temporary config directory."""
    hass.config.config_dir = str(tmp_path)
    return tmp_path


async def test_fuzz_install_sentences(
    hass: HomeAssistant,
    config_dir: Path,
    init_integration: MockConfigEntry,
    hass_storage: dict[str, Any],
    record_property: Callable[[str, object], None],
) -> None:
    """install_sentences (admin): takes no data; writes only under config/."""

    def installed(_payload: dict[str, Any], result: Any) -> None:
        if result is not None:
            assert set(result) == {"installed", "unchanged", "skipped"}
        files = {
            p.relative_to(config_dir)
            for p in config_dir.rglob("*")
            if p.is_file() and p.parent.name != ".storage"  # the coach's own files
        }
        assert files, "nothing installed"
        assert all(p.parts[0] == "custom_sentences" for p in files), files
        assert not any(p.name.startswith(".") for p in files), files

    tally = await fuzz(
        hass,
        hass_storage,
        init_integration,
        "install_sentences",
        check_response=installed,
    )
    report(record_property, tally)
    assert tally.outcomes["accepted"] >= 10, tally


async def test_fuzz_update_session(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_storage: dict[str, Any],
    record_property: Callable[[str, object], None],
) -> None:
    """update_session: the same checks as logging; id and count unchanged."""
    await _seed_history(hass)
    coordinator = init_integration.runtime_data
    count = len(coordinator.log)

    def same_id(payload: dict[str, Any], result: Any) -> None:
        assert len(coordinator.log) == count
        assert coordinator.log.get(payload["session_id"]) is not None
        if result is not None:
            assert result["id"] == payload["session_id"]

    tally = await fuzz(
        hass, hass_storage, init_integration, "update_session", check_response=same_id
    )
    report(record_property, tally)
    assert tally.outcomes["accepted"] >= 10, tally


@pytest.fixture
def transfer_dir(hass: HomeAssistant, tmp_path: Path) -> Iterator[Path]:
    """An allowed folder with exports, look-alikes and garbage to import."""
    allowed = tmp_path / "allowed"
    allowed.mkdir()
    hass.config.allowlist_external_dirs = {str(allowed)}
    samples = {
        "empty.json": "",
        "garbage.json": "\x00\xff not json",
        "list.json": "[1, 2, 3]",
        "object.json": '{"sessions": [{"id": 1}]}',
        "nan.json": '{"sessions": [{"performed_at": NaN}]}',
        "deep.json": "[" * 5000 + "]" * 5000,
        "bad.csv": 'a,b\n"unterminated\n',
        "strong.csv": "Date,Workout Name,Exercise Name,Set Order,Weight,Reps\n"
        "9999-12-31 10:00:00,Leg,Nordic Curl,1,1e400,99999999999\n"
        "2026-11-20 10:00:00,Leg,Romanian Deadlift,1,60,10\n",
        "bom.csv": "\ufeffDate,Exercise\n",
        "emoji.csv": "🦵,💪\n" * 100,
    }
    for name, text in samples.items():
        (allowed / name).write_text(text, encoding="utf-8")
    (allowed / "latin1.csv").write_bytes(b"Date\xe9,\xff\n")
    (allowed / "folder.json").mkdir()
    PATHS[:] = [
        *(str(allowed / name) for name in sorted(samples)),
        str(allowed / "latin1.csv"),
        str(allowed / "folder.json"),
        str(allowed / "export.json"),
        str(allowed / "export.csv"),
        str(allowed / "missing" / "deep" / "x.json"),
        str(allowed / ".." / "escape.json"),
        str(allowed) + "/../allowed/export.json",
        str(tmp_path / "outside.json"),
        str(allowed / "naïve 🦵.json"),
    ]
    yield allowed
    PATHS.clear()


@pytest.mark.parametrize("action", ["export_history", "import_history"])
async def test_fuzz_transfer(
    hass: HomeAssistant,
    transfer_dir: Path,
    init_integration: MockConfigEntry,
    hass_storage: dict[str, Any],
    record_property: Callable[[str, object], None],
    action: str,
) -> None:
    """export/import_history (admin): only allowed paths; imports stay valid."""
    await _seed_history(hass)
    outside = transfer_dir.parent

    async def export_now_and_then(i: int) -> None:
        if action == "import_history" and i % 30 == 0:
            for kind in ("json", "csv"):
                await hass.services.async_call(
                    DOMAIN,
                    "export_history",
                    {"path": str(transfer_dir / f"export.{kind}"), "format": kind},
                    blocking=True,
                )

    def contained(_payload: dict[str, Any], _result: Any) -> None:
        written = {p.name for p in outside.iterdir()}
        assert written == {"allowed"}, f"wrote outside the allowed folder: {written}"

    tally = await fuzz(
        hass,
        hass_storage,
        init_integration,
        action,
        before_each=export_now_and_then,
        check_response=contained,
    )
    report(record_property, tally)
    # Most import candidates are garbage by design; a few are real exports.
    assert tally.outcomes["accepted"] >= (10 if action == "export_history" else 5)


# --- bugs found by this fuzzing ----------------------------------------------


def _bug(reason: str) -> tuple[()]:
    """Cases that once crashed (the reason says how); fixed, now regression tests."""
    del reason
    return ()


_OVERFLOW = (
    "action_support.py `_real` catches TypeError/ValueError but not the "
    "OverflowError float() raises for an int beyond float range; add "
    "OverflowError to the except"
)
_INSTANT = (
    "action_support.py `instant`: dt_util.as_utc overflows (OverflowError) for "
    "instants within a day of datetime.min/max; catch it and raise vol.Invalid"
)
_PAUSE_MAX = (
    "pause until a date within ~15 days of 9999-12-31 is stored, then the "
    "snapshot overflows (core/schedule.py `first + timedelta(days=n)`): "
    "OverflowError, and every later call/entity update fails too; bound "
    "`until` in PAUSE_SCHEMA (plan_actions.py) or core/state.py `pause`"
)
_PAUSE_DATETIME = (
    "cv.date passes a datetime through (datetime is a date), then "
    "core/state.py compares it with a date: TypeError; in PAUSE_SCHEMA "
    "(plan_actions.py) refuse datetimes or take .date()"
)
_SURROGATE = (
    "cv.string accepts a lone surrogate; the save then fails (here TypeError "
    "from the JSON encoder; with the real Store a misleading `save_failed` "
    "HomeAssistantError and an ERROR log); refuse non-UTF-8-encodable text "
    "in the schema (action_support.py, e.g. a `text` validator "
    "that tries value.encode('utf-8'))"
)
_LONG_NAME = (
    "transfer.py `_allowed`: hass.config.is_allowed_path raises OSError "
    "(ENAMETOOLONG) from Path.exists() for a file name over 255 bytes; catch "
    "OSError/ValueError there and raise `path_not_allowed` (and call "
    "is_allowed_path in the executor: it does blocking I/O)"
)
_SURROGATE_INSTANT = (
    "action_support.py `instant`: cv.datetime hands a string with a lone "
    "surrogate to ciso8601, whose C parser crashes the whole process "
    "(segmentation fault, found by scripts/fuzz); check the text first"
)
HUGE = 10**400  # beyond float range: float(HUGE) raises OverflowError

KNOWN_BUGS = [
    pytest.param("log_session", {"duration_minutes": HUGE}, marks=_bug(_OVERFLOW)),
    pytest.param("log_session", {"rpe": -HUGE}, marks=_bug(_OVERFLOW)),
    pytest.param("log_session", {"soreness": HUGE}, marks=_bug(_OVERFLOW)),
    pytest.param(
        "log_session",
        {"exercises": [{"exercise": "nordic_curl", "sets": HUGE, "reps": 5}]},
        marks=_bug(_OVERFLOW),
    ),
    pytest.param("report_soreness", {"level": HUGE}, marks=_bug(_OVERFLOW)),
    pytest.param("snooze_reminder", {"minutes": HUGE}, marks=_bug(_OVERFLOW)),
    pytest.param("set_phase", {"phase": -HUGE}, marks=_bug(_OVERFLOW)),
    pytest.param(
        "log_session", {"performed_at": "0001-01-01T00:00:00"}, marks=_bug(_INSTANT)
    ),
    pytest.param(
        "log_session",
        {"performed_at": "0001-01-01T00:00:00+05:00"},
        marks=_bug(_INSTANT),
    ),
    pytest.param(
        "log_session",
        {"performed_at": "9999-12-31T23:00:00-05:00"},
        marks=_bug(_INSTANT),
    ),
    pytest.param("get_history", {"start": "0001-01-01T00:00:00"}, marks=_bug(_INSTANT)),
    pytest.param(
        "get_history", {"end": "9999-12-31T23:59:59-01:00"}, marks=_bug(_INSTANT)
    ),
    pytest.param("pause", {"until": "9999-12-31"}, marks=_bug(_PAUSE_MAX)),
    pytest.param("pause", {"until": "9999-12-20"}, marks=_bug(_PAUSE_MAX)),
    pytest.param(
        "export_history",
        {"path": "/" + "x" * 300 + ".json"},
        marks=_bug(_LONG_NAME),
    ),
    pytest.param(
        "import_history",
        {"path": "/" + "x" * 300 + ".csv"},
        marks=_bug(_LONG_NAME),
    ),
    pytest.param("log_session", {"notes": "a\ud800b"}, marks=_bug(_SURROGATE)),
    pytest.param("skip_session", {"reason": "\udfff"}, marks=_bug(_SURROGATE)),
    pytest.param(
        "log_session", {"performed_at": "2026\ud800"}, marks=_bug(_SURROGATE_INSTANT)
    ),
    pytest.param("get_history", {"start": "\udfff"}, marks=_bug(_SURROGATE_INSTANT)),
    pytest.param(
        "update_session",
        {"session_id": "x", "performed_at": "2026-11-23T10:00:00\ud800"},
        marks=_bug(_SURROGATE_INSTANT),
    ),
]


@pytest.mark.parametrize(("action", "payload"), KNOWN_BUGS)
async def test_fixed_bugs_stay_fixed(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_storage: dict[str, Any],
    action: str,
    payload: dict[str, Any],
) -> None:
    """Rejected with a translated error, nothing stored, the coach still works."""
    key = f"{DOMAIN}.{init_integration.entry_id}"
    before = deepcopy(hass_storage.get(key))
    with pytest.raises((vol.Invalid, ServiceValidationError)) as caught:
        await hass.services.async_call(
            DOMAIN, action, payload, blocking=True, return_response=True
        )
    if isinstance(caught.value, ServiceValidationError):
        check_refusal(caught.value, _label(action, payload))
    assert hass_storage.get(key) == before
    check_stored(hass, hass_storage, init_integration)
    status = await hass.services.async_call(
        DOMAIN, "get_status", {}, blocking=True, return_response=True
    )
    assert status["training_status"] != "paused"


async def test_pause_with_a_datetime_uses_its_date(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """A datetime for `until` (from a script) means that day; it once crashed."""
    response = await hass.services.async_call(
        DOMAIN,
        "pause",
        {"until": datetime(2026, 12, 7, 10)},  # noqa: DTZ001 - naive on purpose
        blocking=True,
        return_response=True,
    )
    assert response["training_status"] == "paused"
    assert response["next_session"] == "2026-12-07T17:00:00+00:00"
