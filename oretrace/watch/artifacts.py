"""A shipment's findings as a table: rows for a Prefect table artifact (and anything else that shows tables)."""

from __future__ import annotations

import re
from typing import Any

from oretrace.core.models import ShipmentResult


def findings_table(result: ShipmentResult) -> list[dict[str, Any]]:
    """One row per finding; a shipment without findings gets one row saying so, so the table is never empty."""
    rows = [
        {
            "shipment": result.shipment_id,
            "check": finding.check,
            "severity": finding.severity.value,
            "message": finding.message,
            "documents": ", ".join(sorted({e.document_id[:12] for e in finding.evidence if e.document_id})),
        }
        for finding in result.findings
    ]
    if not rows:
        rows.append(
            {"shipment": result.shipment_id, "check": "", "severity": "", "message": "no findings", "documents": ""}
        )
    return rows


def artifact_key(shipment_id: str) -> str:
    """Prefect artifact keys allow lowercase letters, digits and dashes only."""
    return "findings-" + (re.sub(r"[^a-z0-9-]+", "-", shipment_id.lower()).strip("-") or "inbox-root")


def describe(result: ShipmentResult) -> str:
    origin = result.declared_origin or "unknown"
    return (
        f"Shipment {result.shipment_id}: declared origin {origin}, verdict {result.verdict}, "
        f"{len(result.documents)} documents, {len(result.rejected)} rejected files, {len(result.findings)} findings."
    )
