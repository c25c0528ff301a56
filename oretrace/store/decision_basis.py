"""What a decision on a finding was based on: for each piece of the finding's evidence, the extraction run
that read it and the field value it belongs to, as the finding's shipment run recorded them.

Recorded with every decision (decisions.basis_json) and carry-over, so the trail answers "from which
extraction, and what did the document say" without re-deriving it from runs recorded later.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from oretrace.core.models import Frozen
from oretrace.store import schema


class BasisValue(Frozen):
    extraction_run_id: int
    # The document's sha256, and its path in the inbox when the run read it.
    document_id: str
    source_path: str
    doc_type: str
    page: int
    # The text on the page the check compared.
    text: str
    # The extracted field that evidence belongs to, and its normalised value; None when it is no field's.
    field: str | None = None
    value: Any = None


def bbox_close(a: Any, b: Any) -> bool:
    return len(a) == 4 and len(b) == 4 and all(abs(float(x) - float(y)) < 1e-6 for x, y in zip(a, b, strict=True))


def _field_of(run: schema.ExtractionRun, page: int, bbox: Any) -> schema.FieldValue | None:
    for field in run.field_values:
        if any(int(e.get("page", 1)) == page and bbox_close(e.get("bbox", ()), bbox) for e in field.evidence_json):
            return field
    return None


def finding_basis(session: Session, finding: schema.Finding) -> list[BasisValue]:
    """The finding's evidence resolved against the extraction runs of its shipment run (evidence on no
    recorded document, e.g. a missing one, has no basis)."""
    shas = {e.get("document_id") for e in finding.evidence_json if e.get("document_id")}
    if not shas:
        return []
    runs = session.scalars(
        select(schema.ExtractionRun)
        .join(schema.Document, schema.Document.id == schema.ExtractionRun.document_id)
        .where(schema.ExtractionRun.shipment_run_id == finding.shipment_run_id, schema.Document.sha256.in_(shas))
        .order_by(schema.ExtractionRun.id)
    ).all()
    by_sha = {run.document.sha256: run for run in runs}
    basis = []
    for evidence in finding.evidence_json:
        run = by_sha.get(evidence.get("document_id"))
        if run is None:
            continue
        page = int(evidence.get("page", 1))
        field = _field_of(run, page, evidence.get("bbox", ()))
        basis.append(
            BasisValue(
                extraction_run_id=run.id,
                document_id=run.document.sha256,
                source_path=run.document.source_path,
                doc_type=run.doc_type,
                page=page,
                text=str(evidence.get("text", "")),
                field=field.name if field else None,
                value=field.value_json if field else None,
            )
        )
    return basis


def basis_json(basis: list[BasisValue]) -> list[dict[str, Any]]:
    return [b.model_dump(mode="json") for b in basis]


def audit_basis(basis: list[BasisValue]) -> dict[str, Any]:
    """The basis as a decision's audit entry carries it (and the history shows it)."""
    return {
        "extraction_run_ids": sorted({b.extraction_run_id for b in basis}),
        "compared_values": [
            {"source_path": b.source_path, "field": b.field, "value": b.value, "text": b.text} for b in basis
        ],
    }
