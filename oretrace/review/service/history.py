"""The trail: audit entries by shipment, document, finding, user and time; decisions; a document's versions."""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from oretrace.review.auth import Actor, Permission
from oretrace.review.models import (
    DecisionView,
    DocumentHistory,
    ExtractionVersion,
    FieldChange,
    HistoryEntry,
    HistoryFilters,
)
from oretrace.review.service.errors import NotFound
from oretrace.review.service.views import decision_views
from oretrace.store import schema
from oretrace.store.audit import AuditEntry
from oretrace.store.review_tables import Decision, User


def _shipment_subjects(session: Session, shipment_id: str) -> list[str]:
    finding_ids = session.scalars(select(schema.Finding.id).where(schema.Finding.shipment_id == shipment_id)).all()
    shas = session.scalars(
        select(schema.Document.sha256).where(schema.Document.shipment_id == shipment_id).distinct()
    ).all()
    return [f"shipment:{shipment_id}", *(f"finding:{i}" for i in finding_ids), *(f"document:{s}" for s in shas)]


def history(session: Session, actor: Actor, filters: HistoryFilters) -> list[HistoryEntry]:
    """Audit entries (extraction runs, decisions, user changes, reference loads) matching every filter given."""
    actor.require(Permission.READ)
    stmt = select(AuditEntry)
    if filters.shipment:
        stmt = stmt.where(AuditEntry.subject.in_(_shipment_subjects(session, filters.shipment)))
    if filters.document:
        stmt = stmt.where(AuditEntry.subject == f"document:{filters.document}")
    if filters.finding is not None:
        stmt = stmt.where(AuditEntry.subject == f"finding:{filters.finding}")
    if filters.user:
        stmt = stmt.where(or_(AuditEntry.actor == f"user:{filters.user}", AuditEntry.subject == f"user:{filters.user}"))
    if filters.since:
        stmt = stmt.where(AuditEntry.created_at >= filters.since)
    if filters.until:
        stmt = stmt.where(AuditEntry.created_at <= filters.until)
    entries = session.scalars(stmt.order_by(AuditEntry.seq.desc()).limit(filters.limit)).all()
    return [
        HistoryEntry(
            seq=e.seq, created_at=e.created_at, actor=e.actor, action=e.action, subject=e.subject, details=e.details
        )
        for e in entries
    ]


def decisions(
    session: Session, actor: Actor, *, shipment: str | None = None, user: str | None = None
) -> list[DecisionView]:
    actor.require(Permission.READ)
    stmt = select(Decision.finding_id).distinct()
    if shipment:
        stmt = stmt.where(Decision.shipment_id == shipment)
    if user:
        stmt = stmt.join(User, User.id == Decision.user_id).where(User.name == user)
    views = decision_views(session, list(session.scalars(stmt)))
    flat = [d for ds in views.values() for d in ds if not user or d.user == user]
    return sorted(flat, key=lambda d: d.id)


def _field_changes(before: dict[str, Any], after: dict[str, Any]) -> list[FieldChange]:
    changes = []
    for name in sorted(set(before) | set(after)):
        old, new = before.get(name), after.get(name)
        old_value = old.get("value") if old else None
        new_value = new.get("value") if new else None
        if old_value == new_value:
            continue
        kind = "added" if old_value is None else "removed" if new_value is None else "changed"
        changes.append(
            FieldChange(
                name=name,
                kind=kind,
                before=old_value,
                after=new_value,
                before_confidence=old.get("confidence") if old else None,
                after_confidence=new.get("confidence") if new else None,
            )
        )
    return changes


def document_history(session: Session, actor: Actor, document_id: str) -> DocumentHistory:
    """Every extraction run of a document (by content hash), oldest first, each with its changes."""
    actor.require(Permission.READ)
    rows = session.scalars(select(schema.Document).where(schema.Document.sha256 == document_id)).all()
    if not rows:
        raise NotFound(f"no document {document_id}")
    paths = {row.id: row.source_path for row in rows}
    runs = session.scalars(
        select(schema.ExtractionRun)
        .where(schema.ExtractionRun.document_id.in_(list(paths)))
        .order_by(schema.ExtractionRun.id)
    ).all()
    versions = []
    previous: schema.ExtractionRun | None = None
    for run in runs:
        fields = run.record_json.get("fields", {})
        before_fields = previous.record_json.get("fields", {}) if previous else {}
        versions.append(
            ExtractionVersion(
                extraction_run_id=run.id,
                shipment_run_id=run.shipment_run_id,
                source_path=paths[run.document_id],
                pipeline_version=run.pipeline_version,
                started_at=run.started_at,
                finished_at=run.finished_at,
                doc_type=run.doc_type,
                doc_type_confidence=run.doc_type_confidence,
                page_count=run.page_count,
                text_sources=run.text_sources,
                doc_type_before=previous.doc_type if previous and previous.doc_type != run.doc_type else None,
                changes=_field_changes(before_fields, fields) if previous else [],
            )
        )
        previous = run
    return DocumentHistory(
        document_id=document_id,
        source_paths=sorted(set(paths.values())),
        shipment_id=rows[0].shipment_id,
        versions=versions,
    )
