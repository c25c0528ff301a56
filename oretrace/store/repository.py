"""Writing pipeline records to the store and reading the latest ones back.

Plain functions over a Session; the caller owns the transaction (see store.db.session_scope).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import Table, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, selectinload

from oretrace.core.models import ExtractedDocument, Finding, Frozen, Rejection, ShipmentResult, TextSource
from oretrace.store import schema
from oretrace.store.audit import append_entry, canonical_details
from oretrace.store.portfolio_facts import record_facts
from oretrace.store.review_carry_over import carry_over_decisions

# Rows fetched per round trip when streaming; bounds memory whatever the store's size.
STREAM_BATCH = 200


class ShipmentSummary(Frozen):
    """A shipment as its latest check left it."""

    shipment_id: str
    declared_origin: str | None
    verdict: str
    findings: list[Finding]
    # sha256 of each document read in that check, ordered by source path.
    document_ids: list[str]


def _insert(session: Session, table: Table) -> Any:
    # ON CONFLICT makes "get or create" safe when parallel tasks record the same shipment or file.
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        return postgresql.insert(table)
    if dialect == "sqlite":
        return sqlite.insert(table)
    raise NotImplementedError(f"no upsert for {dialect}")


# The verdict of a portfolio subject's run (store.portfolio_review), which no shipment check gives.
PORTFOLIO_VERDICT = "portfolio"


def _upsert_shipment(session: Session, shipment_id: str, inbox_root: str) -> None:
    table = schema.Shipment.__table__
    stmt = _insert(session, table).values(id=shipment_id, inbox_root=inbox_root)
    stmt = stmt.on_conflict_do_update(
        index_elements=[table.c.id],
        # onupdate defaults do not apply to ON CONFLICT, hence updated_at spelled out.
        set_={"inbox_root": stmt.excluded.inbox_root, "updated_at": func.now()},
    )
    session.execute(stmt)


def _document_id(session: Session, sha256: str, source_path: str) -> int | None:
    return session.execute(
        select(schema.Document.id).where(schema.Document.sha256 == sha256, schema.Document.source_path == source_path)
    ).scalar_one_or_none()


def _document_row_id(session: Session, doc: ExtractedDocument) -> int:
    source = doc.source
    table = schema.Document.__table__
    # The carrier is recorded before the documents it embeds (pipeline.documents.with_embedded keeps that order).
    parent_id = _document_id(session, source.parent.sha256, source.parent.path) if source.parent else None
    stmt = _insert(session, table).values(
        sha256=source.sha256,
        source_path=source.path,
        shipment_id=source.shipment_id,
        media_type=source.media_type,
        size=source.size,
        parent_id=parent_id,
    )
    session.execute(stmt.on_conflict_do_nothing(index_elements=[table.c.sha256, table.c.source_path]))
    return session.execute(
        select(schema.Document.id).where(
            schema.Document.sha256 == source.sha256, schema.Document.source_path == source.path
        )
    ).scalar_one()


def _text_sources(doc: ExtractedDocument) -> str | None:
    sources = {page.source for page in doc.pages}
    if not sources:
        return None
    return TextSource(sources.pop()).value if len(sources) == 1 else "mixed"


def _record_document(
    session: Session,
    doc: ExtractedDocument,
    inbox_root: str,
    started_at: datetime,
    finished_at: datetime,
    shipment_run_id: int | None,
) -> int:
    if doc.source.shipment_id is not None:
        _upsert_shipment(session, doc.source.shipment_id, inbox_root)
    run = schema.ExtractionRun(
        document_id=_document_row_id(session, doc),
        shipment_run_id=shipment_run_id,
        pipeline_version=doc.pipeline_version,
        started_at=started_at,
        finished_at=finished_at,
        doc_type=doc.doc_type.value,
        doc_type_confidence=doc.classification.confidence,
        page_count=len(doc.pages),
        text_sources=_text_sources(doc),
        record_json=doc.model_dump(mode="json"),
        pages=[
            schema.Page(
                number=page.number,
                width=page.width,
                height=page.height,
                source=page.source.value,
                language=page.language,
                rotation=page.rotation,
                skew=page.skew,
                text=page.text,
            )
            for page in doc.pages
        ],
        field_values=[
            schema.FieldValue(
                # The dict key is what readers look fields up by.
                name=name,
                value_json=field.value,
                confidence=field.confidence,
                reason=field.reason,
                raw=field.raw,
                evidence_json=[evidence.model_dump(mode="json") for evidence in field.evidence],
            )
            for name, field in doc.fields.items()
        ],
    )
    session.add(run)
    session.flush()
    append_entry(
        session,
        actor="pipeline",
        action="extraction.recorded",
        subject=f"document:{doc.source.sha256}",
        details={
            "extraction_run_id": run.id,
            "source_path": doc.source.path,
            "shipment_run_id": shipment_run_id,
            "pipeline_version": doc.pipeline_version,
            "doc_type": doc.doc_type.value,
            # Hash of the stored record: the audit log vouches for what this run said, not only that it ran.
            "record_sha256": hashlib.sha256(canonical_details(run.record_json).encode("utf-8")).hexdigest(),
        },
        rows=[("extraction_runs", run.id)],
    )
    return run.id


def record_document(
    session: Session, doc: ExtractedDocument, inbox_root: str, started_at: datetime, finished_at: datetime
) -> int:
    """Record one extraction of one document; returns the new extraction_run id.

    The shipment and document rows are created on first sight and reused after; the run is always new.
    """
    return _record_document(session, doc, inbox_root, started_at, finished_at, shipment_run_id=None)


def _record_rejection(session: Session, rejection: Rejection, sha256: str | None, shipment_run_id: int | None) -> int:
    row = schema.Rejection(
        source_path=rejection.source_path,
        shipment_id=rejection.shipment_id,
        sha256=sha256,
        shipment_run_id=shipment_run_id,
        reason=rejection.reason,
    )
    session.add(row)
    session.flush()
    return row.id


def record_rejection(session: Session, rejection: Rejection, sha256: str | None) -> int:
    """Record a file that could not be read (sha256 when it could at least be hashed); returns the row id."""
    return _record_rejection(session, rejection, sha256, shipment_run_id=None)


def record_refused(session: Session, rejections: Iterable[Rejection]) -> None:
    """Record files refused without being read that belong to no shipment (loose in the inbox root)."""
    for rejection in rejections:
        record_rejection(session, rejection, sha256=None)


def record_shipment(
    session: Session,
    result: ShipmentResult,
    inbox_root: str,
    started_at: datetime,
    finished_at: datetime,
    *,
    pipeline_version: str | None = None,
) -> int:
    """Record one check of a shipment: its documents, rejected files, verdict and findings (status 'open').

    Each document gets an extraction run stamped with the shipment's start and finish times.
    pipeline_version defaults to the documents' version(s). Returns the new shipment_run id.
    """
    _upsert_shipment(session, result.shipment_id, inbox_root)
    # The shipment row mirrors its latest check, including an origin that is no longer declared.
    session.execute(
        update(schema.Shipment)
        .where(schema.Shipment.id == result.shipment_id)
        .values(declared_origin=result.declared_origin)
    )

    if pipeline_version is None:
        versions = sorted({doc.pipeline_version for doc in result.documents})
        pipeline_version = ",".join(versions) or None
    run = schema.ShipmentRun(
        shipment_id=result.shipment_id,
        started_at=started_at,
        finished_at=finished_at,
        pipeline_version=pipeline_version,
        verdict=result.verdict,
        declared_origin=result.declared_origin,
        reference_version=result.reference_version,
        findings=[
            schema.Finding(
                shipment_id=result.shipment_id,
                check_id=finding.check,
                severity=finding.severity.value,
                message=finding.message,
                evidence_json=[evidence.model_dump(mode="json") for evidence in finding.evidence],
            )
            for finding in result.findings
        ],
    )
    session.add(run)
    session.flush()

    for doc in result.documents:
        _record_document(session, doc, inbox_root, started_at, finished_at, shipment_run_id=run.id)
    for rejection in result.rejected:
        _record_rejection(session, rejection, sha256=None, shipment_run_id=run.id)
    if result.facts is not None:
        record_facts(session, result.shipment_id, result.facts, run.id)
    append_entry(
        session,
        actor="pipeline",
        action="shipment_run.recorded",
        subject=f"shipment:{result.shipment_id}",
        details={
            "shipment_run_id": run.id,
            "verdict": result.verdict,
            "declared_origin": result.declared_origin,
            "pipeline_version": pipeline_version,
            "finding_ids": [finding.id for finding in run.findings],
            "rejected": [rejection.source_path for rejection in result.rejected],
        },
        rows=[("shipment_runs", run.id), *(("findings", finding.id) for finding in run.findings)],
    )
    # Identical findings keep the previous run's review decisions (see store.review_carry_over).
    carry_over_decisions(session, run)
    return run.id


def _latest_extraction_ids() -> Any:
    # Ids grow with every insert, so the highest id is the most recently recorded run.
    return select(func.max(schema.ExtractionRun.id)).group_by(schema.ExtractionRun.document_id)


def latest_documents(session: Session) -> Iterator[ExtractedDocument]:
    """Each document row's latest extraction, rebuilt exactly from its record; ordered by source path.

    Streams in batches (a server-side cursor on PostgreSQL): consume it inside the session's scope.
    """
    stmt = (
        select(schema.ExtractionRun.record_json)
        .join(schema.Document)
        .where(schema.ExtractionRun.id.in_(_latest_extraction_ids()))
        .order_by(schema.Document.source_path, schema.Document.id)
        .execution_options(yield_per=STREAM_BATCH)
    )
    result = session.execute(stmt)
    try:
        for record in result.scalars():
            yield ExtractedDocument.model_validate(record)
    finally:
        # Frees the cursor when the caller stops early.
        result.close()


def _summary(run: schema.ShipmentRun) -> ShipmentSummary:
    return ShipmentSummary(
        shipment_id=run.shipment_id,
        declared_origin=run.declared_origin,
        verdict=run.verdict,
        findings=[
            Finding(check=row.check_id, severity=row.severity, message=row.message, evidence=row.evidence_json)
            for row in run.findings
        ],
        document_ids=[
            extraction.document.sha256
            for extraction in sorted(run.extraction_runs, key=lambda e: (e.document.source_path, e.id))
        ],
    )


def latest_shipments(session: Session) -> Iterator[ShipmentSummary]:
    """Each shipment as its latest check left it, ordered by shipment id. Streams like latest_documents.
    Portfolio subjects' runs (store.portfolio_review) are no shipments: the export lists portfolio findings apart."""
    latest = select(func.max(schema.ShipmentRun.id)).group_by(schema.ShipmentRun.shipment_id)
    stmt = (
        select(schema.ShipmentRun)
        .where(schema.ShipmentRun.id.in_(latest), schema.ShipmentRun.verdict != PORTFOLIO_VERDICT)
        .order_by(schema.ShipmentRun.shipment_id)
        .options(
            selectinload(schema.ShipmentRun.findings),
            # Only what the summary needs: not the (large) record_json of each extraction.
            selectinload(schema.ShipmentRun.extraction_runs)
            .load_only(schema.ExtractionRun.id, schema.ExtractionRun.document_id)
            .selectinload(schema.ExtractionRun.document)
            .load_only(schema.Document.sha256, schema.Document.source_path),
        )
        .execution_options(yield_per=STREAM_BATCH)
    )
    result = session.scalars(stmt)
    try:
        for run in result:
            yield _summary(run)
    finally:
        result.close()


def run_counts(session: Session) -> dict[str, int]:
    """Row counts per table, plus findings still open: a cheap overview for `oretrace status`."""
    counts = {
        table: session.execute(select(func.count()).select_from(model)).scalar_one()
        for table, model in (
            ("shipments", schema.Shipment),
            ("documents", schema.Document),
            ("extraction_runs", schema.ExtractionRun),
            ("shipment_runs", schema.ShipmentRun),
            ("findings", schema.Finding),
            ("rejections", schema.Rejection),
        )
    }
    counts["open_findings"] = session.execute(
        select(func.count()).select_from(schema.Finding).where(schema.Finding.status == "open")
    ).scalar_one()
    return counts
