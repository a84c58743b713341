"""Export and import of the training history, as text.

Pure: the Home Assistant layer reads and writes the files and passes strings,
the time zone and the default weight unit in; nothing here touches a file or
the clock. One module per format:

* `export` writes our JSON and our CSV;
* `import_json` reads our JSON, `import_csv` our CSV, `import_strong` a
  Strong CSV and `import_hevy` a Hevy CSV; `parse_import` below detects
  which one a text is;
* `import_rows` holds what the CSV readers share (a checked row, cell
  readers), `import_build` groups checked rows into sessions,
  `exercise_names` maps exercise names from other apps to catalog ids and
  `import_result` has the formats, limits and the result.

Validation comes first: every malformed row or session is reported in
`ImportResult.errors` (``row 7: weight is negative``; rows are numbered as a
spreadsheet shows them, the header being row 1) and the caller stores nothing
while there are errors.
"""

from __future__ import annotations

from collections.abc import Mapping, Set as AbstractSet
import csv
from datetime import datetime, tzinfo

from .exercise_names import exercise_id_for
from .export import export_csv, export_json
from .import_build import build_sessions
from .import_csv import our_row
from .import_hevy import HEVY_REQUIRED, hevy_row
from .import_json import parse_json
from .import_result import (
    CSV_HEADER,
    FORMAT_CSV,
    FORMAT_HEVY,
    FORMAT_JSON,
    FORMAT_STRONG,
    ImportResult,
)
from .import_rows import Context, Row, RowError, header_of, lines_of
from .import_strong import STRONG_REQUIRED, strong_row
from .models import Session, WeightUnit
from .sessions import CoachError


def parse_import(
    text: str,
    *,
    tz: tzinfo,
    default_unit: WeightUnit,
    names: Mapping[str, str] | None = None,
    now: datetime | None = None,
) -> ImportResult:
    """Read an export of ours, Strong or Hevy into checked `Session`s.

    `tz` is the zone of local times in the file; `default_unit` the unit of
    Strong weights when the file does not say; `names` the program day names
    used by `export_csv` (to map them back); `now`, when given, refuses
    sessions in the future. Raises `CoachError("import_format_unknown")` when
    the text is none of the supported formats.
    """
    text = text.removeprefix("\ufeff")
    if text.lstrip().startswith("{"):
        return parse_json(text, now=now)
    header, delimiter = header_of(text)
    fields = set(header)
    if fields >= set(CSV_HEADER):
        kind = FORMAT_CSV
    elif fields >= HEVY_REQUIRED and fields & {"weight_kg", "weight_lbs"}:
        kind = FORMAT_HEVY
    elif fields >= STRONG_REQUIRED:
        kind = FORMAT_STRONG
    else:
        raise CoachError("import_format_unknown")
    reader = csv.reader(lines_of(text), delimiter=delimiter)
    next(reader)
    parse = {FORMAT_CSV: our_row, FORMAT_HEVY: hevy_row, FORMAT_STRONG: strong_row}
    context = Context(
        tz=tz,
        default_unit=default_unit,
        decimal_comma=delimiter == ";",
        header=tuple(header),
    )
    rows: list[Row] = []
    for number, values in enumerate(reader, start=2):
        if not any(v.strip() for v in values):
            continue
        record = dict(zip(header, values, strict=False))
        try:
            row = parse[kind](record, number, context)
        except RowError as err:
            context.errors.append(f"row {number}: {err}")
            continue
        if row is not None:
            rows.append(row)
    return build_sessions(rows, kind, context, names=names or {}, now=now)


def merge(
    existing_ids: AbstractSet[str], result: ImportResult
) -> tuple[tuple[Session, ...], int]:
    """The imported sessions not stored yet, and how many were already there.

    Refuses a result with errors: nothing of an invalid import is stored.
    """
    if result.errors:
        msg = "an import with errors cannot be merged"
        raise ValueError(msg)
    new = tuple(s for s in result.sessions if s.id not in existing_ids)
    return new, len(result.sessions) - len(new)


__all__ = [
    "CSV_HEADER",
    "FORMAT_CSV",
    "FORMAT_HEVY",
    "FORMAT_JSON",
    "FORMAT_STRONG",
    "ImportResult",
    "exercise_id_for",
    "export_csv",
    "export_json",
    "merge",
    "parse_import",
]
