"""The trail: audit entries by shipment, document, finding, user and time; decisions; a document's versions."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.orm import Session

from oretrace.review.auth import Actor, Permission
from oretrace.review.models import (
    DecisionView,
    DocumentHistory,
    ExtractionVersion,
    FieldChange,
    FieldSnapshot,
    HistoryEntry,
    HistoryFilters,
    HistoryPage,
)
from oretrace.review.service.errors import NotFound
from oretrace.review.service.views import decision_views
from oretrace.store import schema
from oretrace.store.audit import AuditEntry
from oretrace.store.review_tables import Decision, User
from oretrace.store.row_hashes import RECORDED_MARKER, split_recorded_rows


def _shipment_subjects(session: Session, shipment_id: str) -> list[str]:
    finding_ids = session.scalars(select(schema.Finding.id).where(schema.Finding.shipment_id == shipment_id)).all()
    shas = session.scalars(
        select(schema.Document.sha256).where(schema.Document.shipment_id == shipment_id).distinct()
    ).all()
    return [f"shipment:{shipment_id}", *(f"finding:{i}" for i in finding_ids), *(f"document:{s}" for s in shas)]


def _details_contain(needle: str) -> ColumnElement[bool]:
    """The details' text holds `needle` (lower case) before the rows the entry records (store.row_hashes): their
    hashes and column names are nobody's search."""
    details = func.lower(AuditEntry.details_json)
    escaped = needle.replace("/", "//").replace("%", "/%").replace("_", "/_")
    return or_(
        and_(~details.contains(RECORDED_MARKER, autoescape=True), details.contains(needle, autoescape=True)),
        details.like(f"%{escaped}%{RECORDED_MARKER}%", escape="/"),
    )


def _filtered(session: Session, filters: HistoryFilters) -> Select[tuple[AuditEntry]]:
    stmt = select(AuditEntry)
    if filters.shipment:
        stmt = stmt.where(AuditEntry.subject.in_(_shipment_subjects(session, filters.shipment)))
    if filters.document:
        stmt = stmt.where(AuditEntry.subject == f"document:{filters.document}")
    if filters.finding is not None:
        stmt = stmt.where(AuditEntry.subject == f"finding:{filters.finding}")
    if filters.user:
        # Any case: the users spelled that way, and the name as given (a login tried for a name nobody has).
        wanted = filters.user.casefold()
        names = {n for n in session.scalars(select(User.name)) if n.casefold() == wanted} | {filters.user}
        tags = [f"user:{n}" for n in sorted(names)]
        stmt = stmt.where(or_(AuditEntry.actor.in_(tags), AuditEntry.subject.in_(tags)))
    if filters.action:
        family = filters.action.rstrip(".")
        stmt = stmt.where(or_(AuditEntry.action == family, AuditEntry.action.startswith(family + ".", autoescape=True)))
    if filters.text:
        needle = filters.text.lower()
        stmt = stmt.where(
            or_(
                _details_contain(needle),
                *(
                    func.lower(column).contains(needle, autoescape=True)
                    for column in (AuditEntry.subject, AuditEntry.actor)
                ),
            )
        )
    if filters.since:
        stmt = stmt.where(AuditEntry.created_at >= filters.since)
    if filters.until:
        stmt = stmt.where(AuditEntry.created_at <= filters.until)
    return stmt


def _document_sha(subject: str) -> str | None:
    kind, _, ident = subject.partition(":")
    return ident if kind == "document" else None


def _entries(session: Session, rows: Sequence[AuditEntry]) -> list[HistoryEntry]:
    """The entries, a document subject named by its file(s) rather than its hash when the store has it."""
    shas = {sha for e in rows if (sha := _document_sha(e.subject))}
    paths: dict[str, set[str]] = defaultdict(set)
    if shas:
        for sha, path in session.execute(
            select(schema.Document.sha256, schema.Document.source_path).where(schema.Document.sha256.in_(shas))
        ):
            paths[sha].add(path)
    entries = []
    for e in rows:
        sha = _document_sha(e.subject)
        label = ", ".join(sorted(paths[sha])) if sha and sha in paths else None
        details, recorded = split_recorded_rows(e.details)
        entries.append(
            HistoryEntry(
                seq=e.seq,
                created_at=e.created_at,
                actor=e.actor,
                action=e.action,
                subject=e.subject,
                details=details,
                rows=recorded,
                subject_label=label,
            )
        )
    return entries


def history(session: Session, actor: Actor, filters: HistoryFilters) -> list[HistoryEntry]:
    """Audit entries (extraction runs, decisions, logins, user changes, reference loads) matching every filter
    given, newest first: at most `limit`, older than `before` if given."""
    actor.require(Permission.READ)
    stmt = _filtered(session, filters)
    if filters.before is not None:
        stmt = stmt.where(AuditEntry.seq < filters.before)
    entries = session.scalars(stmt.order_by(AuditEntry.seq.desc()).limit(filters.limit)).all()
    return _entries(session, entries)


def history_page(session: Session, actor: Actor, filters: HistoryFilters) -> HistoryPage:
    """One page of `history`, with the count of all matching entries and of those newer than the page."""
    entries = history(session, actor, filters)
    matching = _filtered(session, filters).subquery()
    total = session.scalar(select(func.count()).select_from(matching)) or 0
    newer = 0
    if filters.before is not None:
        newer = session.scalar(select(func.count()).select_from(matching).where(matching.c.seq >= filters.before)) or 0
    shown_to = newer + len(entries)
    next_before = entries[-1].seq if entries and shown_to < total else None
    return HistoryPage(entries=entries, total=total, newer=newer, next_before=next_before)


def actions(session: Session, actor: Actor) -> list[str]:
    """Every action the audit log holds, for the history's filter."""
    actor.require(Permission.READ)
    return sorted(session.scalars(select(AuditEntry.action).distinct()))


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
                fields=[
                    FieldSnapshot(name=name, value=field.get("value"), confidence=field.get("confidence"))
                    for name, field in sorted(fields.items())
                ],
            )
        )
        previous = run
    return DocumentHistory(
        document_id=document_id,
        source_paths=sorted(set(paths.values())),
        shipment_id=rows[0].shipment_id,
        versions=versions,
    )
