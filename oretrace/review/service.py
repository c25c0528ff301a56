"""The review workspace's operations: queue, shipment and finding views, decisions, history, page images.

Every function takes the acting user and checks the role's permission before touching anything; the web
app, the JSON API and the CLI all go through here. Functions work inside the caller's transaction
(store.db.session_scope).

The queue shows the findings of each shipment's latest run. Findings of earlier runs stay readable (history)
but cannot be decided: a re-run's identical finding inherits their decision (store.review_carry_over).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from oretrace.core.errors import Conflict, OretraceError
from oretrace.review.auth import Actor, Permission, Role
from oretrace.review.models import (
    SEVERITY_RANK,
    UNASSIGNED,
    DecisionRequest,
    DecisionView,
    DocumentHistory,
    DocumentView,
    EvidenceView,
    ExtractionVersion,
    FieldChange,
    FieldView,
    FindingView,
    HistoryEntry,
    HistoryFilters,
    PageView,
    QueueFilters,
    QueueItem,
    QueueResult,
    QueueSort,
    RejectionView,
    ShipmentView,
)
from oretrace.review.page_images import cached_page_png, locate_source
from oretrace.store import schema
from oretrace.store.audit import AuditEntry, append_entry
from oretrace.store.review_carry_over import finding_fingerprint
from oretrace.store.review_tables import Decision, DecisionAction, FindingStatus, User

# Fields naming the party that exported the goods, by preference.
EXPORTER_FIELDS = ("exporter_name", "seller_name")
# Which statuses each decision may start from, and where it leads (None: the status does not change).
TRANSITIONS: dict[DecisionAction, tuple[frozenset[FindingStatus], FindingStatus | None]] = {
    DecisionAction.CONFIRM: (frozenset({FindingStatus.OPEN, FindingStatus.ESCALATED}), FindingStatus.CONFIRMED),
    DecisionAction.DISMISS: (frozenset({FindingStatus.OPEN, FindingStatus.ESCALATED}), FindingStatus.DISMISSED),
    DecisionAction.ESCALATE: (frozenset({FindingStatus.OPEN}), FindingStatus.ESCALATED),
    DecisionAction.REOPEN: (
        frozenset({FindingStatus.CONFIRMED, FindingStatus.DISMISSED, FindingStatus.ESCALATED}),
        FindingStatus.OPEN,
    ),
    DecisionAction.ASSIGN: (frozenset(FindingStatus), None),
}
NOTE_OPTIONAL = frozenset({DecisionAction.ASSIGN})
MAX_NOTE_LENGTH = 4000


class NotFound(OretraceError, LookupError):
    """No such finding, shipment, document or page."""


class InvalidDecision(OretraceError, ValueError):
    """The decision is not allowed (missing note, wrong status, superseded finding, unknown assignee)."""


class DecisionConflict(Conflict):
    """Someone changed the finding since the reviewer loaded it; `current` is its state now."""

    def __init__(self, current: FindingView, expected_version: int) -> None:
        last = current.decisions[-1] if current.decisions else None
        by = f" by {last.user or 'the pipeline'} ({last.action.value})" if last else ""
        super().__init__(
            f"finding {current.id} changed{by} since version {expected_version}: it is now "
            f"{current.status.value}, version {current.version}"
        )
        self.current = current
        self.expected_version = expected_version


# --- reading ------------------------------------------------------------------------------------------------


def _latest_run_ids() -> Any:
    return select(func.max(schema.ShipmentRun.id)).group_by(schema.ShipmentRun.shipment_id)


def _user_names(session: Session, ids: set[int]) -> dict[int, str]:
    ids.discard(None)  # type: ignore[arg-type]
    if not ids:
        return {}
    return {user_id: name for user_id, name in session.execute(select(User.id, User.name).where(User.id.in_(ids)))}


def _exporters(session: Session, run_ids: list[int]) -> dict[int, str]:
    """The exporter named in each shipment run's documents (certificate of origin, else invoice seller)."""
    if not run_ids:
        return {}
    rows = session.execute(
        select(schema.ExtractionRun.shipment_run_id, schema.FieldValue.name, schema.FieldValue.value_json)
        .join(schema.FieldValue, schema.FieldValue.run_id == schema.ExtractionRun.id)
        .where(schema.ExtractionRun.shipment_run_id.in_(run_ids), schema.FieldValue.name.in_(EXPORTER_FIELDS))
    ).all()
    found: dict[int, dict[str, str]] = defaultdict(dict)
    for run_id, name, value in rows:
        if isinstance(value, str) and value:
            found[run_id].setdefault(name, value)
    return {run_id: next(names[f] for f in EXPORTER_FIELDS if f in names) for run_id, names in found.items() if names}


def _sort_key(sort: QueueSort) -> Any:
    keys = {
        QueueSort.SEVERITY: lambda i: (SEVERITY_RANK.get(i.severity, 9), i.shipment_id, i.finding_id),
        QueueSort.CHECK: lambda i: (i.check, SEVERITY_RANK.get(i.severity, 9), i.finding_id),
        QueueSort.SHIPMENT: lambda i: (i.shipment_id, SEVERITY_RANK.get(i.severity, 9), i.finding_id),
        QueueSort.EXPORTER: lambda i: ((i.exporter or "").casefold(), i.shipment_id, i.finding_id),
        QueueSort.ORIGIN: lambda i: (i.declared_origin or "", i.shipment_id, i.finding_id),
        QueueSort.AGE: lambda i: (-i.age_days, i.finding_id),
        QueueSort.ASSIGNEE: lambda i: (i.assignee or "", i.shipment_id, i.finding_id),
        QueueSort.STATUS: lambda i: (i.status.value, SEVERITY_RANK.get(i.severity, 9), i.finding_id),
    }
    return keys[sort]


def _passes(item: QueueItem, filters: QueueFilters) -> bool:
    if filters.severity and item.severity not in filters.severity:
        return False
    if filters.check and item.check not in filters.check:
        return False
    if filters.shipment and filters.shipment.casefold() not in item.shipment_id.casefold():
        return False
    if filters.exporter and filters.exporter.casefold() not in (item.exporter or "").casefold():
        return False
    if filters.declared_origin and (item.declared_origin or "").upper() != filters.declared_origin.upper():
        return False
    if filters.assignee:
        wanted = None if filters.assignee == UNASSIGNED else filters.assignee
        if item.assignee != wanted:
            return False
    if filters.min_age_days is not None and item.age_days < filters.min_age_days:
        return False
    return filters.max_age_days is None or item.age_days <= filters.max_age_days


def _first_seen(session: Session, shipment_ids: set[str]) -> dict[tuple[str, str], datetime]:
    """When each finding (shipment and fingerprint: check and evidence) first appeared in any run."""
    if not shipment_ids:
        return {}
    rows = session.execute(
        select(
            schema.Finding.shipment_id, schema.Finding.check_id, schema.Finding.evidence_json, schema.Finding.created_at
        )
        .where(schema.Finding.shipment_id.in_(shipment_ids))
        .execution_options(yield_per=500)
    )
    first: dict[tuple[str, str], datetime] = {}
    for shipment_id, check_id, evidence, created_at in rows:
        key = (shipment_id, finding_fingerprint(check_id, evidence))
        if key not in first or created_at < first[key]:
            first[key] = created_at
    return first


def list_queue(session: Session, actor: Actor, filters: QueueFilters, *, now: datetime | None = None) -> QueueResult:
    """The latest run's findings of every shipment, filtered and sorted, with counts per status.

    Filtering happens in Python over the current findings (one row per finding of each latest run), which
    keeps the exporter (a field of the shipment's documents) and age filters simple at review-queue scale.
    """
    actor.require(Permission.READ)
    now = now or datetime.now(UTC)
    rows = session.execute(
        select(schema.Finding, schema.ShipmentRun.declared_origin)
        .join(schema.ShipmentRun, schema.ShipmentRun.id == schema.Finding.shipment_run_id)
        .where(schema.Finding.shipment_run_id.in_(_latest_run_ids()))
    ).all()
    names = _user_names(session, {f.assignee_id for f, _ in rows})
    exporters = _exporters(session, sorted({f.shipment_run_id for f, _ in rows}))
    # Age counts from the finding's first appearance: a re-run does not make an old finding new.
    first_seen = _first_seen(session, {f.shipment_id for f, _ in rows})

    def since(f: schema.Finding) -> datetime:
        return first_seen.get((f.shipment_id, finding_fingerprint(f.check_id, f.evidence_json)), f.created_at)

    items = [
        QueueItem(
            finding_id=f.id,
            shipment_id=f.shipment_id,
            shipment_run_id=f.shipment_run_id,
            check=f.check_id,
            severity=f.severity,
            message=f.message,
            status=FindingStatus(f.status),
            version=f.version,
            assignee=names.get(f.assignee_id) if f.assignee_id else None,
            exporter=exporters.get(f.shipment_run_id),
            declared_origin=origin,
            created_at=f.created_at,
            first_seen_at=since(f),
            age_days=round((now - since(f)).total_seconds() / 86400, 2),
        )
        for f, origin in rows
    ]
    matching = [i for i in items if _passes(i, filters)]
    counts = {status.value: 0 for status in FindingStatus}
    for item in matching:
        counts[item.status.value] += 1
    wanted = set(filters.status)
    selected = [i for i in matching if not wanted or i.status in wanted]
    selected.sort(key=_sort_key(filters.sort), reverse=filters.descending)
    return QueueResult(items=selected, counts=counts, checks=sorted({i.check for i in items}), total=len(selected))


def _decision_views(session: Session, finding_ids: list[int]) -> dict[int, list[DecisionView]]:
    if not finding_ids:
        return {}
    decisions = session.scalars(
        select(Decision).where(Decision.finding_id.in_(finding_ids)).order_by(Decision.id)
    ).all()
    names = _user_names(session, {d.user_id for d in decisions} | {d.assignee_id for d in decisions})
    out: dict[int, list[DecisionView]] = defaultdict(list)
    for d in decisions:
        out[d.finding_id].append(
            DecisionView(
                id=d.id,
                finding_id=d.finding_id,
                shipment_id=d.shipment_id,
                action=DecisionAction(d.action),
                from_status=FindingStatus(d.from_status),
                to_status=FindingStatus(d.to_status),
                note=d.note,
                user=names.get(d.user_id) if d.user_id else None,
                assignee=names.get(d.assignee_id) if d.assignee_id else None,
                carried_from_id=d.carried_from_id,
                finding_version=d.finding_version,
                created_at=d.created_at,
            )
        )
    return out


def _bbox_close(a: Any, b: Any) -> bool:
    return len(a) == 4 and len(b) == 4 and all(abs(float(x) - float(y)) < 1e-6 for x, y in zip(a, b, strict=True))


class _FieldIndex:
    """The fields of a shipment run's documents, to say which field each piece of evidence shows."""

    def __init__(self, documents: list[DocumentView]) -> None:
        self.documents = {d.document_id: d for d in documents}

    def describe(self, evidence: dict[str, Any]) -> EvidenceView:
        view = EvidenceView(
            document_id=evidence.get("document_id"),
            page=int(evidence.get("page", 1)),
            bbox=tuple(evidence.get("bbox", (0.0, 0.0, 0.0, 0.0))),
            text=str(evidence.get("text", "")),
        )
        document = self.documents.get(view.document_id or "")
        if document is None:
            return view
        extra: dict[str, Any] = {"doc_type": document.doc_type, "source_path": document.source_path}
        for field in document.fields:
            if any(e.page == view.page and _bbox_close(e.bbox, view.bbox) for e in field.evidence):
                extra |= {"field": field.name, "value": field.value}
                break
        return view.model_copy(update=extra)


def _evidence(evidence: dict[str, Any]) -> EvidenceView:
    return EvidenceView(
        document_id=evidence.get("document_id"),
        page=int(evidence.get("page", 1)),
        bbox=tuple(evidence.get("bbox", (0.0, 0.0, 0.0, 0.0))),
        text=str(evidence.get("text", "")),
    )


def _documents(session: Session, shipment_run_id: int) -> list[DocumentView]:
    runs = session.scalars(
        select(schema.ExtractionRun).where(schema.ExtractionRun.shipment_run_id == shipment_run_id)
    ).all()
    views = [
        DocumentView(
            document_id=run.document.sha256,
            source_path=run.document.source_path,
            media_type=run.document.media_type,
            doc_type=run.doc_type,
            doc_type_confidence=run.doc_type_confidence,
            pipeline_version=run.pipeline_version,
            extraction_run_id=run.id,
            pages=[
                PageView(
                    number=p.number, width=p.width, height=p.height, source=p.source, rotation=p.rotation, skew=p.skew
                )
                for p in run.pages
            ],
            fields=[
                FieldView(
                    name=f.name,
                    value=f.value_json,
                    confidence=f.confidence,
                    raw=f.raw,
                    reason=f.reason,
                    evidence=[_evidence(e) for e in f.evidence_json],
                )
                for f in run.field_values
            ],
        )
        for run in runs
    ]
    return sorted(views, key=lambda d: d.source_path)


def _finding_views(
    session: Session, findings: list[schema.Finding], documents: list[DocumentView], latest_run_id: int | None
) -> list[FindingView]:
    index = _FieldIndex(documents)
    decisions = _decision_views(session, [f.id for f in findings])
    names = _user_names(session, {f.assignee_id for f in findings if f.assignee_id})
    return [
        FindingView(
            id=f.id,
            shipment_id=f.shipment_id,
            shipment_run_id=f.shipment_run_id,
            check=f.check_id,
            severity=f.severity,
            message=f.message,
            status=FindingStatus(f.status),
            version=f.version,
            assignee=names.get(f.assignee_id) if f.assignee_id else None,
            created_at=f.created_at,
            current=f.shipment_run_id == latest_run_id,
            evidence=[index.describe(e) for e in f.evidence_json],
            decisions=decisions.get(f.id, []),
        )
        for f in findings
    ]


def _latest_run_of(session: Session, shipment_id: str) -> int | None:
    return session.scalar(select(func.max(schema.ShipmentRun.id)).where(schema.ShipmentRun.shipment_id == shipment_id))


def shipment_view(session: Session, actor: Actor, shipment_id: str) -> ShipmentView:
    """A shipment as its latest run left it: documents with fields, findings with evidence and decisions."""
    actor.require(Permission.READ)
    run_id = _latest_run_of(session, shipment_id)
    if run_id is None:
        raise NotFound(f"no shipment {shipment_id!r}")
    run = session.get(schema.ShipmentRun, run_id)
    assert run is not None
    documents = _documents(session, run_id)
    findings = session.scalars(
        select(schema.Finding).where(schema.Finding.shipment_run_id == run_id).order_by(schema.Finding.id)
    ).all()
    rejections = session.scalars(
        select(schema.Rejection).where(schema.Rejection.shipment_run_id == run_id).order_by(schema.Rejection.id)
    ).all()
    runs = session.scalar(select(func.count()).where(schema.ShipmentRun.shipment_id == shipment_id)) or 0
    return ShipmentView(
        shipment_id=shipment_id,
        shipment_run_id=run_id,
        declared_origin=run.declared_origin,
        verdict=run.verdict,
        exporter=_exporters(session, [run_id]).get(run_id),
        pipeline_version=run.pipeline_version,
        finished_at=run.finished_at,
        runs=runs,
        documents=documents,
        findings=_finding_views(session, list(findings), documents, run_id),
        rejections=[RejectionView(source_path=r.source_path, reason=r.reason) for r in rejections],
    )


def finding_view(session: Session, actor: Actor, finding_id: int) -> FindingView:
    actor.require(Permission.READ)
    finding = session.execute(
        select(schema.Finding).where(schema.Finding.id == finding_id).execution_options(populate_existing=True)
    ).scalar_one_or_none()
    if finding is None:
        raise NotFound(f"no finding {finding_id}")
    documents = _documents(session, finding.shipment_run_id)
    return _finding_views(session, [finding], documents, _latest_run_of(session, finding.shipment_id))[0]


def next_finding_id(session: Session, actor: Actor, after: int, filters: QueueFilters) -> int | None:
    """The queue's next finding after `after` (the first one when `after` is not in the queue)."""
    items = list_queue(session, actor, filters).items
    ids = [i.finding_id for i in items]
    if not ids:
        return None
    if after in ids:
        position = ids.index(after)
        return ids[position + 1] if position + 1 < len(ids) else None
    return ids[0]


# --- deciding -----------------------------------------------------------------------------------------------


def _assignee_id(session: Session, name: str | None) -> int | None:
    if not name:
        return None
    user = session.scalar(select(User).where(User.name == name))
    if user is None or not user.active:
        raise InvalidDecision(f"no active user named {name!r}")
    if Role(user.role) is not Role.REVIEWER:
        raise InvalidDecision(f"{name} is {user.role}, not a reviewer: only reviewers can be assigned findings")
    return user.id


def decide(session: Session, actor: Actor, finding_id: int, request: DecisionRequest) -> FindingView:
    """Apply a decision (confirm, dismiss, escalate, reopen, assign) if the finding is still at request.version.

    Exactly one of several concurrent decisions on the same version wins: the update is conditional on the
    version, and the database serialises the row. The others raise DecisionConflict with the current state.
    """
    actor.require(Permission.DECIDE)
    if request.action is DecisionAction.CARRY_OVER:
        raise InvalidDecision("carry_over is written by the pipeline, not by reviewers")
    note = request.note.strip()
    if not note and request.action not in NOTE_OPTIONAL:
        raise InvalidDecision(f"a note is required to {request.action.value} a finding")
    if len(note) > MAX_NOTE_LENGTH:
        raise InvalidDecision(f"the note is longer than {MAX_NOTE_LENGTH} characters")

    finding = session.execute(
        select(schema.Finding).where(schema.Finding.id == finding_id).execution_options(populate_existing=True)
    ).scalar_one_or_none()
    if finding is None:
        raise NotFound(f"no finding {finding_id}")
    if finding.version != request.version:
        raise DecisionConflict(finding_view(session, actor, finding_id), request.version)
    if finding.shipment_run_id != _latest_run_of(session, finding.shipment_id):
        raise InvalidDecision(
            f"finding {finding_id} belongs to an earlier run of {finding.shipment_id}; decide the current one"
        )
    allowed_from, target = TRANSITIONS[request.action]
    current_status = FindingStatus(finding.status)
    if current_status not in allowed_from:
        raise InvalidDecision(f"cannot {request.action.value} a finding that is {current_status.value}")
    new_status = target or current_status
    values: dict[str, Any] = {"status": new_status.value, "version": schema.Finding.version + 1}
    assignee_id = finding.assignee_id
    if request.action is DecisionAction.ASSIGN:
        assignee_id = _assignee_id(session, request.assignee)
        values["assignee_id"] = assignee_id

    result = session.execute(
        update(schema.Finding)
        .where(schema.Finding.id == finding_id, schema.Finding.version == request.version)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        # Another decision committed between our read and this update.
        raise DecisionConflict(finding_view(session, actor, finding_id), request.version)

    new_version = request.version + 1
    decision = Decision(
        finding_id=finding_id,
        shipment_id=finding.shipment_id,
        action=request.action.value,
        from_status=current_status.value,
        to_status=new_status.value,
        note=note,
        user_id=actor.user_id,
        assignee_id=assignee_id if request.action is DecisionAction.ASSIGN else None,
        finding_version=new_version,
        created_at=datetime.now(UTC),
    )
    session.add(decision)
    session.flush()
    audit_action = {
        DecisionAction.REOPEN: "finding.reopened",
        DecisionAction.ASSIGN: "finding.assigned",
    }.get(request.action, "finding.decided")
    append_entry(
        session,
        actor=actor.audit_name,
        action=audit_action,
        subject=f"finding:{finding_id}",
        details={
            "decision_id": decision.id,
            "shipment_id": finding.shipment_id,
            "shipment_run_id": finding.shipment_run_id,
            "check": finding.check_id,
            "decision": request.action.value,
            "from": current_status.value,
            "to": new_status.value,
            "note": note,
            "assignee": request.assignee if request.action is DecisionAction.ASSIGN else None,
            "version": new_version,
        },
    )
    return finding_view(session, actor, finding_id)


# --- history ------------------------------------------------------------------------------------------------


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
    views = _decision_views(session, list(session.scalars(stmt)))
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


# --- page images --------------------------------------------------------------------------------------------


class PageUnavailable(LookupError):
    pass


def page_image(session: Session, actor: Actor, document_id: str, page: int, cache_dir: Path) -> Path:
    """A PNG of the document's page as the latest extraction read it (same turn and deskew as OCR)."""
    actor.require(Permission.READ)
    rows = session.scalars(select(schema.Document).where(schema.Document.sha256 == document_id)).all()
    if not rows:
        raise NotFound(f"no document {document_id}")
    source = next((path for row in rows if (path := locate_source(session, row)) is not None), None)
    if source is None:
        raise PageUnavailable("the document's file is no longer where it was read, or its content changed")
    page_row = session.execute(
        select(schema.Page)
        .join(schema.ExtractionRun, schema.ExtractionRun.id == schema.Page.run_id)
        .where(schema.ExtractionRun.document_id.in_([r.id for r in rows]), schema.Page.number == page)
        .order_by(schema.ExtractionRun.id.desc())
        .limit(1)
    ).scalar_one_or_none()
    if page_row is None:
        raise NotFound(f"document {document_id[:12]} has no page {page}")
    return cached_page_png(
        cache_dir, source, document_id, rows[0].media_type, page, rotation=page_row.rotation, skew=page_row.skew
    )
