"""Exports of the store's latest state: JSONL (documents, then shipments) and a flat CSV of documents.

The layout is a contract with downstream users and the evaluation: change it only with them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, TextIO

from sqlalchemy.orm import Session

from oretrace.core.config import PortfolioThresholds
from oretrace.core.csv_cells import CsvWriter
from oretrace.core.models import FIELDS_BY_TYPE, Evidence, ExtractedDocument, FieldData, Finding, PortfolioFinding
from oretrace.store.portfolio import run_portfolio_checks
from oretrace.store.reference_store import active_reference
from oretrace.store.repository import ShipmentSummary, latest_documents, latest_shipments

# Every canonical field once, in FIELDS_BY_TYPE order: the CSV's field columns.
ALL_FIELDS: tuple[str, ...] = tuple(dict.fromkeys(name for names in FIELDS_BY_TYPE.values() for name in names))
CSV_COLUMNS: tuple[str, ...] = ("document_id", "source_path", "shipment_id", "doc_type", *ALL_FIELDS)


def _canonical_fields(doc: ExtractedDocument) -> dict[str, FieldData | None]:
    # Only the doc type's canonical fields, every one of them: missing ones are null, extras are left out.
    return {name: doc.value(name) for name in FIELDS_BY_TYPE[doc.doc_type]}


def document_record(doc: ExtractedDocument) -> dict[str, Any]:
    return {
        "kind": "document",
        "document_id": doc.document_id,
        "source_path": doc.source.path,
        "sha256": doc.source.sha256,
        "shipment_id": doc.source.shipment_id,
        "doc_type": doc.doc_type.value,
        "fields": _canonical_fields(doc),
    }


def _evidence(evidence: Evidence) -> dict[str, Any]:
    return {
        "document_id": evidence.document_id,
        "page": evidence.page,
        "bbox": [float(v) for v in evidence.bbox],
        "text": evidence.text,
    }


def _finding(finding: Finding) -> dict[str, Any]:
    return {
        "check": finding.check,
        "severity": finding.severity.value,
        "message": finding.message,
        "evidence": [_evidence(e) for e in finding.evidence],
    }


def shipment_record(summary: ShipmentSummary) -> dict[str, Any]:
    return {
        "kind": "shipment",
        "shipment_id": summary.shipment_id,
        "declared_origin": summary.declared_origin,
        "verdict": summary.verdict,
        "findings": [_finding(f) for f in summary.findings],
    }


def portfolio_record(finding: PortfolioFinding) -> dict[str, Any]:
    # window as {"from", "to"}: the aliases of core.models.Window.
    return {"kind": "portfolio_finding"} | finding.model_dump(mode="json", by_alias=True)


def records(session: Session, portfolio: PortfolioThresholds | None = None) -> Iterator[dict[str, Any]]:
    """The JSONL records in output order: every document, then every shipment, then (given the thresholds)
    every portfolio finding over the whole store."""
    for doc in latest_documents(session):
        yield document_record(doc)
    for summary in latest_shipments(session):
        yield shipment_record(summary)
    if portfolio is not None:
        for finding in run_portfolio_checks(session, active_reference(session), portfolio):
            yield portfolio_record(finding)


def write_jsonl(session: Session, out: TextIO, portfolio: PortfolioThresholds | None = None) -> int:
    """Write one JSON object per line; returns the number of lines."""
    count = 0
    for record in records(session, portfolio):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def _cell(value: FieldData | None) -> str | int | float:
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(value)
    if isinstance(value, dict):
        # Composition keeps its structure; one JSON cell beats a column per element.
        return json.dumps(value, ensure_ascii=False)
    return value


def write_csv(session: Session, out: TextIO) -> int:
    """Write one row per document (latest extraction); returns the number of rows.

    Open files with newline="" as the csv module requires. Fields outside the doc type stay empty. Text that a
    spreadsheet would run as a formula (a folder named "=HYPERLINK(...)") is written as text (core.csv_cells).
    """
    writer = CsvWriter(out, CSV_COLUMNS)
    count = 0
    for doc in latest_documents(session):
        row: dict[str, Any] = {
            "document_id": doc.document_id,
            "source_path": doc.source.path,
            "shipment_id": doc.source.shipment_id or "",
            "doc_type": doc.doc_type.value,
        }
        row.update({name: _cell(value) for name, value in _canonical_fields(doc).items()})
        writer.row(row)
        count += 1
    return count
