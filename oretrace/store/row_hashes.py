"""Content hashes of the rows the audit log records, so that the log vouches for the records, not only for itself.

An audit entry written with `append_entry(..., rows=[("decisions", 12)])` carries, inside its details (and so
inside its chained hash), the SHA-256 of a canonical serialisation of that row as the database holds it at the
moment of the append, and the list of columns that went into it:

    "~rows": {"rows": [{"table": "decisions", "id": 12, "sha256": "..."}],
              "columns": {"decisions": ["id", "finding_id", ...]}}

The key sorts after every other key, so in the stored (sorted, canonical) text the details come first and the
recorded rows last: the history's text search looks only at what comes before them (RECORDED_MARKER).

`oretrace audit verify` (store.audit_rows) reads the live rows again and compares. The columns hashed for each
table are listed once, in ROW_COLUMNS below; adding a column there is one line. Because every entry names the
columns it hashed, rows recorded before a column was added still verify against the columns they were hashed
with, and rows recorded after it cover the new column too.

The serialisation is the same on SQLite and PostgreSQL for the same stored values: timestamps as UTC ISO 8601
with microseconds, decimals without trailing zeros, floats by their shortest round-trip text, JSON values with
sorted keys, booleans as JSON booleans. Every row is read back with a SELECT after a flush, so values the
database fills in (server defaults such as created_at) are hashed as they were stored.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, time
from decimal import Decimal
from enum import Enum
from typing import Any
from uuid import UUID

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from oretrace.store.schema import Base

# THE registry: table -> the columns whose values each row hash covers, in this order. One column a line, so
# adding a column to the hash is adding one line (entries written before keep verifying with their own list).
ROW_COLUMNS: dict[str, tuple[str, ...]] = {
    "decisions": (
        "id",
        "finding_id",
        "shipment_id",
        "action",
        "from_status",
        "to_status",
        "note",
        "user_id",
        "assignee_id",
        "carried_from_id",
        "finding_version",
        "created_at",
        "basis_json",
    ),
    "findings": (
        "id",
        "shipment_run_id",
        "shipment_id",
        "check_id",
        "severity",
        "message",
        "evidence_json",
        "status",
        "created_at",
        "version",
        "assignee_id",
    ),
    "extraction_runs": (
        "id",
        "document_id",
        "shipment_run_id",
        "pipeline_version",
        "started_at",
        "finished_at",
        "doc_type",
        "doc_type_confidence",
        "page_count",
        "text_sources",
        "record_json",
        "created_at",
    ),
    "shipment_runs": (
        "id",
        "shipment_id",
        "started_at",
        "finished_at",
        "pipeline_version",
        "verdict",
        "declared_origin",
        "reference_version",
    ),
    "users": (
        "id",
        "name",
        "role",
        "password_hash",
        "active",
        "created_at",
    ),
    "supplier_templates": (
        "id",
        "supplier",
        "supplier_printed",
        "kind",
        "version",
        "source_name",
        "sha256",
        "smelter_count",
        "record_json",
        "loaded_by",
        "loaded_at",
    ),
    "reference_loads": (
        "id",
        "version",
        "mode",
        "source",
        "actor",
        "loaded_at",
    ),
    "reference_versions": (
        "version",
        "content_json",
        "smelters",
        "assay_profiles",
        "production_records",
        "hs_codes",
        "created_at",
    ),
}

# The column that identifies a row, where it is not "id".
ROW_KEY_COLUMN: dict[str, str] = {"reference_versions": "version"}

# The details key an entry's recorded rows live under: "~" sorts after the letters every other key starts with.
RECORDED_KEY = "~rows"
# Where the recorded rows begin in an entry's stored details text.
RECORDED_MARKER = f'"{RECORDED_KEY}":'


def key_column(table: str) -> str:
    return ROW_KEY_COLUMN.get(table, "id")


def table_of(name: str) -> Table:
    """The mapped table `name`: its module registered it on Base.metadata when it was imported (writers
    import their own tables; store.audit_rows imports every audited one)."""
    return Base.metadata.tables[name]


def canonical_value(value: Any) -> Any:
    """A stored value as the JSON value that stands for it in a row hash, alike on every backend."""
    # The JSON columns' own types first, by exact type: most of a row's values are in them, and testing
    # for the abstract Mapping is slow.
    kind = type(value)
    if kind is str or kind is int or value is None or kind is bool:
        return value
    if kind is dict:
        return {str(k): canonical_value(v) for k, v in value.items()}
    if kind is list:
        return [canonical_value(v) for v in value]
    if isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        # Shortest round-trip text; NaN and the infinities, which JSON lacks, as text.
        return value if math.isfinite(value) else repr(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            return str(value)
        # 1.2300 (PostgreSQL numeric(12,4)) and 1.23 (SQLite) are the same number.
        return "0" if value == 0 else format(value.normalize(), "f")
    if isinstance(value, datetime):
        # Naive values (a timestamp without zone) are taken as UTC, as the store writes them.
        moment = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
        return moment.isoformat(timespec="microseconds")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    if isinstance(value, Enum):
        return canonical_value(value.value)
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, Mapping):
        return {str(k): canonical_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [canonical_value(v) for v in value]
    raise TypeError(f"no canonical form for a stored {type(value).__name__}")


def canonical_row(table: str, values: Mapping[str, Any], columns: Sequence[str]) -> str:
    """The text a row hash is taken over: the table's name and each listed column's canonical value.

    The values are a row read from the store, whose JSON columns come back with text keys: their dicts,
    lists, text and numbers are their own canonical form, and the JSON encoder (compiled code) writes them
    as they are; `canonical_value` is asked only for the other values (timestamps, decimals). A value with
    no finite JSON form (NaN) falls back to the walk through `canonical_value`."""
    row = {column: values[column] for column in columns}
    try:
        return _canonical_text({"table": table, "row": row}, default=canonical_value)
    except ValueError:
        return _canonical_text({"table": table, "row": {c: canonical_value(v) for c, v in row.items()}})


def _canonical_text(value: Any, default: Callable[[Any], Any] | None = None) -> str:
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False, default=default
    )


def row_sha256(table: str, values: Mapping[str, Any], columns: Sequence[str]) -> str:
    return hashlib.sha256(canonical_row(table, values, columns).encode("utf-8")).hexdigest()


def split_recorded_rows(details: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """An entry's details without the rows it records, and those rows ({"table", "id", "sha256"} each)."""
    recorded = details.get(RECORDED_KEY)
    rows = recorded.get("rows") if isinstance(recorded, dict) else None
    if not isinstance(rows, list):
        return details, []
    rest = {k: v for k, v in details.items() if k != RECORDED_KEY}
    return rest, [r for r in rows if isinstance(r, dict)]


def _json_key(key: Any) -> Any:
    # Integer ids stay numbers; other keys (a reference version) are text.
    return key if isinstance(key, int) and not isinstance(key, bool) else str(key)


def recorded_rows(session: Session, rows: Iterable[tuple[str, Any]]) -> dict[str, Any]:
    """The details fragment that records `rows` ((table, key) pairs) as they are stored now, after a flush.

    One SELECT per table. Raises LookupError for a row that is not there (a caller's bug, not a tamper).
    """
    wanted: dict[str, list[Any]] = {}
    for table, key in rows:
        if table not in ROW_COLUMNS:
            raise KeyError(f"{table!r} has no row hash: add its columns to ROW_COLUMNS")
        keys = wanted.setdefault(table, [])
        if key not in keys:
            keys.append(key)
    if not wanted:
        return {}
    session.flush()
    records: list[dict[str, Any]] = []
    columns_used: dict[str, list[str]] = {}
    for table, keys in wanted.items():
        columns = ROW_COLUMNS[table]
        mapped = table_of(table)
        key_col = mapped.c[key_column(table)]
        fetched = {
            row[key_column(table)]: row
            for row in session.execute(select(*(mapped.c[c] for c in columns)).where(key_col.in_(keys))).mappings()
        }
        for key in keys:
            values = fetched.get(key)
            if values is None:
                raise LookupError(f"cannot record {table} {key}: no such row")
            records.append({"table": table, "id": _json_key(key), "sha256": row_sha256(table, values, columns)})
        columns_used[table] = list(columns)
    return {RECORDED_KEY: {"rows": records, "columns": columns_used}}
