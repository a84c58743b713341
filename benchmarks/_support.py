"""Shared pieces of the benchmarks: sizes, histories, timing, results and goals.

Every measure of one run lands in `RESULTS`; `conftest.py` turns it into the
summary table at the end of the run and checks the goals of issue 8 there.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
import os
import platform
import statistics
import time
from typing import Any

from ical.calendar import Calendar
from ical.calendar_stream import IcsCalendarStream
from ical.todo import Todo, TodoStatus

from custom_components.hamstring_coach.const import DOMAIN
from custom_components.hamstring_coach.core.models import Session, WeightUnit
from custom_components.hamstring_coach.core.programs import PROGRAMS
from custom_components.hamstring_coach.core.serialize import session_to_dict
from custom_components.hamstring_coach.core.sessions import prescribed, working_sets

FULL_SIZES: tuple[int, ...] = (0, 1_000, 20_000)
SMALL, LARGE = 1_000, 20_000
"""The two sizes the goals compare (only a full run has both)."""

UPDATE_GROWTH_LIMIT = 1.5
"""The 20,000-session update may cost at most this many 1,000-session ones."""
PROGRESS_LIMIT = 0.25
"""get_progress may cost at most this share of one pass over the whole log."""

TIME_ZONE = "Europe/Berlin"
PROGRAM = "strength_2day"
OPTIONS = {
    "program": PROGRAM,
    "training_days": ["mon", "thu"],
    "training_time": "18:00:00",
    "weight_unit": "kg",
}
TODO_DATA = {"todo_list_name": "Bench", "storage_key": "bench"}
TODO_ENTITY = "todo.bench"
COUNTER_ENTITY = "counter.bench"


def sizes() -> tuple[int, ...]:
    """History sizes of this run: `HC_BENCH_SIZES=0,10` for a smoke run."""
    raw = os.environ.get("HC_BENCH_SIZES", "")
    if not raw.strip():
        return FULL_SIZES
    return tuple(sorted({int(part) for part in raw.split(",") if part.strip()}))


def enforcing() -> bool:
    """Whether goals fail the run: by default only when both goal sizes ran."""
    forced = os.environ.get("HC_BENCH_ENFORCE")
    if forced is not None:
        return forced == "1"
    return {SMALL, LARGE} <= set(sizes())


def smoke() -> bool:
    """A run without the 20,000 size: few rounds, it only proves the suite runs."""
    return max(sizes()) < LARGE


# --- histories --------------------------------------------------------------


def make_sessions(count: int, *, before: datetime) -> list[Session]:
    """`count` sessions going back from `before`, 2-3 a week, as logged by the coach.

    The rotation of strength_2day (strength, control, light) makes two of
    three sessions hard; each carries the day's prescription, so the stored
    size per session is what a real log holds.
    """
    days = PROGRAMS[PROGRAM].days
    exercises = {d.id: prescribed(d, WeightUnit.KG) for d in days}
    sessions = []
    at = before.astimezone(UTC).replace(microsecond=0)
    for i in range(count):
        at -= timedelta(days=2 if i % 2 else 3)  # 2.8 sessions a week
        day = days[(count - i) % len(days)]
        logged = exercises[day.id]
        sessions.append(
            Session(
                id=f"bench{i:08d}",
                performed_at=at,
                hard=day.hard,
                working_sets=working_sets(logged),
                exercises=logged,
                program_day=day.id,
                duration_minutes=45,
                rpe=7.0,
            )
        )
    return sessions


def store_file(entry_id: str, sessions: list[Session]) -> dict[str, Any]:
    """The `.storage/hamstring_coach.<entry_id>` content holding `sessions`."""
    return {
        "version": 1,
        "minor_version": 1,
        "key": f"{DOMAIN}.{entry_id}",
        "data": {"sessions": [session_to_dict(s) for s in sessions], "reports": []},
    }


def make_todo_calendar(count: int) -> Calendar:
    """A local_todo calendar with `count` open items."""
    calendar = Calendar()
    calendar.prodid = "-//homeassistant.io//local_todo 2.0//EN"
    calendar.todos.extend(
        Todo(
            uid=f"bench-{i:08d}",
            summary=f"Item {i}",
            status=TodoStatus.NEEDS_ACTION,
            dtstamp=datetime(2026, 1, 1, tzinfo=UTC),
        )
        for i in range(count)
    )
    return calendar


def make_todo_ics(count: int) -> str:
    """The `.storage/local_todo.<key>.ics` content with `count` items."""
    return IcsCalendarStream.calendar_to_ics(make_todo_calendar(count))


# --- timing -----------------------------------------------------------------


async def time_rounds(
    run: Callable[[], Awaitable[object]],
    *,
    warmup: int = 2,
    min_rounds: int = 5,
    max_rounds: int = 40,
    budget: float = 6.0,
) -> list[float]:
    """Run `run` a few times and return each round's wall time in seconds.

    Rounds stop at `max_rounds`, or once `min_rounds` ran and `budget`
    seconds are spent. A round that returns a float timed itself (setup
    without its teardown). A smoke run does one warm-up and two rounds.
    """
    if smoke():
        warmup, min_rounds, max_rounds = 1, 2, 2
    for _ in range(warmup):
        await run()
    rounds: list[float] = []
    spent = 0.0
    while len(rounds) < max_rounds and (len(rounds) < min_rounds or spent < budget):
        start = time.perf_counter()
        result = await run()
        took = time.perf_counter() - start
        if isinstance(result, float):  # the round timed itself
            took = result
        rounds.append(took)
        spent += took
    return rounds


# --- results ----------------------------------------------------------------


@dataclass(slots=True)
class Timing:
    """The rounds of one subject at one size."""

    rounds: list[float]

    @property
    def median(self) -> float:
        """The median round in seconds."""
        return statistics.median(self.rounds)


@dataclass(slots=True)
class Results:
    """Everything measured in this run."""

    timings: dict[tuple[str, str, int], Timing] = field(default_factory=dict)
    values: dict[tuple[str, int], float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def time(self, measure: str, subject: str, size: int, rounds: list[float]) -> None:
        """Record rounds of `subject` (ours, peer, counter) for a measure."""
        self.timings[measure, subject, size] = Timing(rounds)

    def median(self, measure: str, subject: str, size: int) -> float | None:
        """The recorded median, if that measure ran."""
        timing = self.timings.get((measure, subject, size))
        return None if timing is None else timing.median

    def value(self, measure: str, size: int, number: float) -> None:
        """Record a plain number (bytes, counts)."""
        self.values[measure, size] = number


RESULTS = Results()

# measure keys
LOG = "log_session"
UPDATE = "update"
SETUP = "setup"
WRITE = "write"
MEMORY_LOG = "memory_log"
MEMORY_ENTRY = "memory_entry"
WAKEUPS = "wakeups"
WAKEUPS_BETWEEN = "wakeups_between"
BOUNDARIES = "boundaries"
OTHER_TIMERS = "other_timers"
OURS, PEER, COUNTER = "ours", "peer", "counter"


@dataclass(slots=True)
class Row:
    """One line of the summary table."""

    measure: str
    size: str
    ours: str
    peer: str = ""
    ratio: str = ""
    counter: str = ""
    goal: str = ""
    result: str = ""


def _ms(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    millis = seconds * 1000
    if millis >= 100:  # noqa: PLR2004
        return f"{millis:,.0f} ms"
    if millis >= 1:
        return f"{millis:.2f} ms"
    return f"{millis * 1000:.0f} us"


def _ratio(top: float | None, bottom: float | None) -> float | None:
    if top is None or bottom is None or bottom <= 0:
        return None
    return top / bottom


def _x(ratio: float | None) -> str:
    return "-" if ratio is None else f"{ratio:.2f}x"


def _verdict(ok: bool | None) -> str:
    if ok is None:
        return "n/a"
    if not enforcing():
        return "(pass)" if ok else "(miss)"
    return "PASS" if ok else "FAIL"


def build_rows(res: Results) -> tuple[list[Row], list[str]]:
    """The summary rows, and the goals that failed (only counted when enforcing)."""
    rows: list[Row] = []
    failed: list[str] = []

    def judge(name: str, ok: bool | None) -> str:
        if ok is False:
            failed.append(name)
        return _verdict(ok)

    counter = res.median(LOG, COUNTER, 0)
    for size in sizes():
        ours, peer = res.median(LOG, OURS, size), res.median(LOG, PEER, size)
        ratio = _ratio(ours, peer)
        rows.append(
            Row(
                "log_session via bus (durable write) vs todo.add_item",
                f"{size:,}",
                _ms(ours),
                _ms(peer),
                _x(ratio),
                _x(_ratio(ours, counter)),
                "<= 1.00x todo.add_item",
                judge(f"log_session <= todo.add_item at {size:,}", _le(ratio, 1.0)),
            )
        )
    rows.append(Row("counter.increment (state only)", "-", _ms(counter)))
    small = res.median(UPDATE, OURS, SMALL)
    for size in sizes():
        ours = res.median(UPDATE, OURS, size)
        growth = _ratio(ours, small) if size == LARGE else None
        rows.append(
            Row(
                "full coach update (publish, every snapshot entity)",
                f"{size:,}",
                _ms(ours),
                f"{SMALL:,}: {_ms(small)}" if size == LARGE else "",
                _x(growth),
                _x(_ratio(ours, counter)),
                f"<= {UPDATE_GROWTH_LIMIT}x the {SMALL:,} update"
                if size == LARGE
                else "",
                judge("update 20,000 <= 1.5x update 1,000", _le(growth, 1.5))
                if size == LARGE
                else "",
            )
        )
    for size in sizes():
        ours, peer = res.median(SETUP, OURS, size), res.median(SETUP, PEER, size)
        ratio = _ratio(ours, peer)
        rows.append(
            Row(
                "setup entry vs local_todo setup",
                f"{size:,}",
                _ms(ours),
                _ms(peer),
                _x(ratio),
                "",
                "<= 1.00x local_todo" if size == LARGE else "info",
                judge("setup 20,000 <= local_todo 20,000", _le(ratio, 1.0))
                if size == LARGE
                else "",
            )
        )
    large_setup = res.median(SETUP, OURS, LARGE)
    if large_setup is not None:
        rows.append(
            Row(
                "setup entry, goal 'well under a second'",
                f"{LARGE:,}",
                _ms(large_setup),
                goal="< 1 s (info)",
                result="ok" if large_setup < 1.0 else "slow",
            )
        )
    for size in sizes():
        ours, peer = res.median(WRITE, OURS, size), res.median(WRITE, PEER, size)
        rows.append(
            Row(
                "durable write only, real disk (Store+fsync vs .ics)",
                f"{size:,}",
                _ms(ours),
                _ms(peer),
                _x(_ratio(ours, peer)),
                "",
                "info",
            )
        )
    low, high = min(sizes()), max(sizes())
    for key, label in (
        (MEMORY_LOG, "memory per 1,000 sessions: sessions + TrainingLog"),
        (MEMORY_ENTRY, "memory per 1,000 sessions: loaded entry (HA)"),
    ):
        small_held, large_held = res.values.get((key, low)), res.values.get((key, high))
        if small_held is None or large_held is None or high == low:
            continue
        per = (large_held - small_held) / (high - low) * 1000
        rows.append(
            Row(
                label,
                f"{low:,}->{high:,}",
                f"{per / 1024:,.0f} KiB",
                f"total at {high:,}: {large_held / 2**20:,.1f} MiB",
                goal="info",
            )
        )
    for size in sizes():
        between = res.values.get((WAKEUPS_BETWEEN, size))
        if between is None:
            continue
        woke = int(res.values.get((WAKEUPS, size), 0))
        bounds = int(res.values.get((BOUNDARIES, size), 0))
        other = int(res.values.get((OTHER_TIMERS, size), 0))
        rows.append(
            Row(
                "idle week: wake-ups between boundaries",
                f"{size:,}",
                str(int(between)),
                f"{woke} wake-ups / {bounds} boundaries",
                "",
                f"periodic timers: {other}",
                "0 between, 0 periodic",
                judge(
                    f"zero wake-ups between boundaries at {size:,}",
                    between == 0 and other == 0 and woke == bounds,
                ),
            )
        )
    for size in sizes():
        ours = res.median("core_progress", OURS, size)
        yardstick = res.median("core_records", OURS, size)
        if ours is None:
            continue
        ratio = _ratio(ours, yardstick)
        rows.append(
            Row(
                "core get_progress, 12 weeks vs RecordBook.build (whole log)",
                f"{size:,}",
                _ms(ours),
                _ms(yardstick),
                _x(ratio),
                "",
                f"<= {PROGRESS_LIMIT}x RecordBook.build" if size == LARGE else "info",
                judge(
                    f"get_progress 20,000 <= {PROGRESS_LIMIT}x RecordBook.build",
                    _le(ratio, PROGRESS_LIMIT),
                )
                if size == LARGE
                else "",
            )
        )
    for key, label in (
        ("core_evaluate", "core evaluate() alone (pytest-benchmark)"),
        ("core_add", "core TrainingLog.add alone (pytest-benchmark)"),
        ("core_serialize", "core session_to_dict, whole log (pytest-benchmark)"),
        ("core_load", "core parse + index whole log (pytest-benchmark)"),
    ):
        for size in sizes():
            median = res.median(key, OURS, size)
            if median is not None:
                rows.append(Row(label, f"{size:,}", _ms(median), goal="info"))
    return rows, failed


def _le(value: float | None, limit: float) -> bool | None:
    return None if value is None else value <= limit


HEADER = (
    "measure",
    "size",
    "ours",
    "peer",
    "ours/peer",
    "ours/counter",
    "goal",
    "result",
)


def render(rows: list[Row]) -> str:
    """The rows as a Markdown table."""
    cells = [HEADER] + [
        (r.measure, r.size, r.ours, r.peer, r.ratio, r.counter, r.goal, r.result)
        for r in rows
    ]
    widths = [max(len(line[i]) for line in cells) for i in range(len(HEADER))]
    out = []
    for n, line in enumerate(cells):
        out.append(
            "| "
            + " | ".join(c.ljust(w) for c, w in zip(line, widths, strict=True))
            + " |"
        )
        if n == 0:
            out.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(out)


def machine() -> str:
    """One line naming the machine and software the numbers come from."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    from homeassistant.const import __version__ as ha_version  # noqa: PLC0415

    return (
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC; {cpu}, {os.cpu_count()} CPUs, "
        f"{platform.system()} {platform.release()}; Python "
        f"{platform.python_version()}; Home Assistant {ha_version}"
    )
