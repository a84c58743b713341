"""Export: the complete history as our JSON, or one CSV row per set.

`export_json` writes the complete history (re-importable, nothing lost);
`export_csv` writes one row per set in the Strong/Hevy style with the header
`CSV_HEADER`. `date` is local time in ISO 8601 with its offset; the session's
RPE and notes repeat on each of its rows; a session without exercises is one
row with empty exercise columns.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
import csv
from datetime import tzinfo
import json

from .catalog import EXERCISES
from .import_result import CSV_HEADER, JSON_FORMAT_NAME, JSON_VERSION
from .models import Session
from .serialize import JsonObject, session_to_dict


def export_json(sessions: Sequence[Session]) -> str:
    """The complete history as JSON, in the stored form of each session."""
    document: JsonObject = {
        "format": JSON_FORMAT_NAME,
        "version": JSON_VERSION,
        "sessions": [session_to_dict(s) for s in sessions],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


class _Text:
    """A write-only text buffer for `csv.writer` (core/ may not import io)."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, text: str) -> int:
        self.parts.append(text)
        return len(text)


def export_csv(
    sessions: Sequence[Session], tz: tzinfo, names: Mapping[str, str]
) -> str:
    """One row per set; `names` maps program day ids to the names shown."""
    out = _Text()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for session in sessions:
        day = session.program_day
        common = (
            session.performed_at.astimezone(tz).isoformat(),
            "" if day is None else names.get(day, day),
        )
        tail = (_number_text(session.rpe), session.notes or "", session.id)
        if not session.exercises:
            writer.writerow((*common, "", "", "", "", "", "", "", *tail))
        for item in session.exercises:
            known = EXERCISES.get(item.exercise)
            for order in range(1, item.sets + 1):
                writer.writerow(
                    (
                        *common,
                        item.exercise if known is None else known.name,
                        item.exercise,
                        order,
                        _number_text(item.load),
                        "" if item.unit is None else str(item.unit),
                        _number_text(item.reps),
                        _number_text(item.seconds),
                        *tail,
                    )
                )
    return "".join(out.parts)


def _number_text(value: float | None) -> str:
    """A number as written to CSV: whole numbers without a decimal point."""
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    return str(int(value)) if value.is_integer() else repr(value)
