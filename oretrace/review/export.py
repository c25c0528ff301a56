"""History and queue as CSV or JSON, for the web app's downloads and the CLI."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from enum import StrEnum

from pydantic import BaseModel

from oretrace.core.csv_cells import CsvWriter
from oretrace.review.models import HistoryEntry, QueueItem

HISTORY_COLUMNS = ("seq", "created_at", "actor", "action", "subject", "details")
QUEUE_COLUMNS = (
    "finding_id",
    "shipment_id",
    "severity",
    "check",
    "status",
    "assignee",
    "exporter",
    "declared_origin",
    "age_days",
    "scope",
    "message",
)


class ExportFormat(StrEnum):
    CSV = "csv"
    JSON = "json"


def _csv(rows: Sequence[dict[str, object]], columns: Sequence[str]) -> str:
    out = io.StringIO(newline="")
    CsvWriter(out, columns).rows(rows)
    return out.getvalue()


def _json(records: Sequence[BaseModel]) -> str:
    return json.dumps([r.model_dump(mode="json") for r in records], ensure_ascii=False, indent=1) + "\n"


def history_export(entries: Sequence[HistoryEntry], fmt: ExportFormat) -> str:
    if fmt is ExportFormat.JSON:
        return _json(entries)
    rows = [
        e.model_dump(mode="json") | {"details": json.dumps(e.details, ensure_ascii=False, sort_keys=True)}
        for e in entries
    ]
    return _csv(rows, HISTORY_COLUMNS)


def queue_export(items: Sequence[QueueItem], fmt: ExportFormat) -> str:
    if fmt is ExportFormat.JSON:
        return _json(items)
    return _csv([i.model_dump(mode="json") for i in items], QUEUE_COLUMNS)
