"""What a reviewer reads: a shipment with its documents and findings, a finding with its evidence and
decisions, a page image."""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from oretrace.extractors.filetype import JPEG, PDF, PNG, TIFF
from oretrace.review.auth import Actor, Permission
from oretrace.review.models import (
    DecisionOrigin,
    DecisionView,
    DocumentPageView,
    DocumentView,
    EvidenceView,
    FieldView,
    FindingRef,
    FindingView,
    PageView,
    RejectionView,
    Scope,
    ShipmentView,
)
from oretrace.review.page_images import PageSize, SourceUnavailable, cached_page_png, locate_source, open_source
from oretrace.review.service.errors import NotFound, PageUnavailable
from oretrace.review.service.queue import exporters_of_runs, user_names
from oretrace.store import schema
from oretrace.store.decision_basis import BasisValue, bbox_close
from oretrace.store.portfolio_review import is_portfolio
from oretrace.store.review_tables import Decision, DecisionAction, FindingLink, FindingStatus

# The types a download may be sent as; the store's text is never echoed as a content type otherwise.
DOCUMENT_TYPES = frozenset({PDF, PNG, JPEG, TIFF})

# What each decision did, in words ("dismissed by alice ...").
DECIDED = {
    DecisionAction.CONFIRM: "confirmed",
    DecisionAction.DISMISS: "dismissed",
    DecisionAction.ESCALATE: "escalated",
    DecisionAction.REOPEN: "reopened",
    DecisionAction.CARRY_OVER: "carried over",
}


def decided(action: DecisionAction, assignee: str | None = None) -> str:
    if action is DecisionAction.ASSIGN:
        return f"assigned to {assignee}" if assignee else "unassigned"
    return DECIDED[action]


def _runs_of(session: Session, finding_ids: set[int]) -> dict[int, int]:
    """Each finding's shipment run."""
    rows = session.execute(
        select(schema.Finding.id, schema.Finding.shipment_run_id).where(schema.Finding.id.in_(finding_ids))
    )
    return {finding_id: run_id for finding_id, run_id in rows}


def _origins(session: Session, carried: list[Decision]) -> dict[int, DecisionOrigin]:
    """For each carry-over decision, the decision a person took that it repeats (through every re-run)."""
    rows: dict[int, Decision] = {d.id: d for d in carried}
    wanted = {d.carried_from_id for d in carried if d.carried_from_id} - set(rows)
    while wanted:
        found = session.scalars(select(Decision).where(Decision.id.in_(wanted))).all()
        rows |= {d.id: d for d in found}
        wanted = {d.carried_from_id for d in found if d.carried_from_id} - set(rows)
    originals: dict[int, Decision] = {}
    for decision in carried:
        step: Decision | None = decision
        # Each step goes to an earlier decision (smaller id), so this ends.
        while step is not None and step.action == DecisionAction.CARRY_OVER.value:
            step = rows.get(step.carried_from_id) if step.carried_from_id else None
        if step is not None:
            originals[decision.id] = step
    runs = _runs_of(session, {d.finding_id for d in originals.values()})
    names = user_names(session, {d.user_id for d in originals.values()} | {d.assignee_id for d in originals.values()})
    return {
        decision_id: DecisionOrigin(
            decision_id=d.id,
            finding_id=d.finding_id,
            shipment_run_id=runs[d.finding_id],
            action=DecisionAction(d.action),
            to_status=FindingStatus(d.to_status),
            user=names.get(d.user_id) if d.user_id else None,
            assignee=names.get(d.assignee_id) if d.assignee_id else None,
            created_at=d.created_at,
        )
        for decision_id, d in originals.items()
    }


def _summary(
    action: DecisionAction, user: str | None, assignee: str | None, created_at: datetime, origin: DecisionOrigin | None
) -> str:
    if origin is not None:
        return (
            f"{decided(origin.action, origin.assignee)} by {origin.user or 'a removed user'} on "
            f"{origin.created_at:%Y-%m-%d %H:%M} UTC (finding {origin.finding_id}, run {origin.shipment_run_id}), "
            "carried over to this run"
        )
    if action is DecisionAction.CARRY_OVER:
        return f"carried over by the pipeline on {created_at:%Y-%m-%d %H:%M} UTC; the decision it repeats is gone"
    return f"{decided(action, assignee)} by {user or 'a removed user'} on {created_at:%Y-%m-%d %H:%M} UTC"


def decision_views(session: Session, finding_ids: list[int]) -> dict[int, list[DecisionView]]:
    if not finding_ids:
        return {}
    decisions = session.scalars(
        select(Decision).where(Decision.finding_id.in_(finding_ids)).order_by(Decision.id)
    ).all()
    runs = _runs_of(session, set(finding_ids))
    origins = _origins(session, [d for d in decisions if d.action == DecisionAction.CARRY_OVER.value])
    names = user_names(session, {d.user_id for d in decisions} | {d.assignee_id for d in decisions})
    out: dict[int, list[DecisionView]] = defaultdict(list)
    for d in decisions:
        user = names.get(d.user_id) if d.user_id else None
        assignee = names.get(d.assignee_id) if d.assignee_id else None
        action = DecisionAction(d.action)
        out[d.finding_id].append(
            DecisionView(
                id=d.id,
                finding_id=d.finding_id,
                shipment_id=d.shipment_id,
                action=action,
                from_status=FindingStatus(d.from_status),
                to_status=FindingStatus(d.to_status),
                note=d.note,
                user=user,
                assignee=assignee,
                carried_from_id=d.carried_from_id,
                finding_version=d.finding_version,
                created_at=d.created_at,
                shipment_run_id=runs.get(d.finding_id),
                basis=None if d.basis_json is None else [BasisValue.model_validate(b) for b in d.basis_json],
                origin=origins.get(d.id),
                summary=_summary(action, user, assignee, d.created_at, origins.get(d.id)),
            )
        )
    return out


def _refs(session: Session, links: list[tuple[int, bool]]) -> list[FindingRef]:
    """Findings by id (with whether their link kept the evidence), in the order given."""
    rows = {
        f.id: f for f in session.scalars(select(schema.Finding).where(schema.Finding.id.in_([i for i, _ in links])))
    }
    return [
        FindingRef(
            id=i, shipment_run_id=rows[i].shipment_run_id, status=FindingStatus(rows[i].status), same_evidence=same
        )
        for i, same in links
    ]


def lineage(session: Session, finding_id: int) -> tuple[list[FindingRef], list[FindingRef]]:
    """The findings this one replaces, oldest first, and those replacing it, in order of the re-runs."""
    before: list[tuple[int, bool]] = []
    link = session.get(FindingLink, finding_id)
    while link is not None:
        before.insert(0, (link.predecessor_id, link.same_evidence))
        link = session.get(FindingLink, link.predecessor_id)
    after: list[tuple[int, bool]] = []
    frontier = [finding_id]
    while frontier:
        links = session.scalars(
            select(FindingLink).where(FindingLink.predecessor_id.in_(frontier)).order_by(FindingLink.finding_id)
        ).all()
        after += [(x.finding_id, x.same_evidence) for x in links]
        frontier = [x.finding_id for x in links]
    return _refs(session, before), _refs(session, after)


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
            shipment_id=evidence.get("shipment_id"),
        )
        document = self.documents.get(view.document_id or "")
        if document is None:
            return view
        extra: dict[str, Any] = {"doc_type": document.doc_type, "source_path": document.source_path}
        for field in document.fields:
            if any(e.page == view.page and bbox_close(e.bbox, view.bbox) for e in field.evidence):
                extra |= {"field": field.name, "value": field.value}
                break
        return view.model_copy(update=extra)


def _evidence(evidence: dict[str, Any]) -> EvidenceView:
    return EvidenceView(
        document_id=evidence.get("document_id"),
        page=int(evidence.get("page", 1)),
        bbox=tuple(evidence.get("bbox", (0.0, 0.0, 0.0, 0.0))),
        text=str(evidence.get("text", "")),
        shipment_id=evidence.get("shipment_id"),
    )


def _document_view(run: schema.ExtractionRun) -> DocumentView:
    return DocumentView(
        document_id=run.document.sha256,
        source_path=run.document.source_path,
        media_type=run.document.media_type,
        doc_type=run.doc_type,
        doc_type_confidence=run.doc_type_confidence,
        pipeline_version=run.pipeline_version,
        extraction_run_id=run.id,
        pages=[
            PageView(number=p.number, width=p.width, height=p.height, source=p.source, rotation=p.rotation, skew=p.skew)
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


def _documents(session: Session, shipment_run_id: int) -> list[DocumentView]:
    runs = session.scalars(
        select(schema.ExtractionRun).where(schema.ExtractionRun.shipment_run_id == shipment_run_id)
    ).all()
    return sorted((_document_view(run) for run in runs), key=lambda d: d.source_path)


def _finding_views(
    session: Session, findings: list[schema.Finding], documents: list[DocumentView], latest_run_id: int | None
) -> list[FindingView]:
    index = _FieldIndex(documents)
    decisions = decision_views(session, [f.id for f in findings])
    names = user_names(session, {f.assignee_id for f in findings if f.assignee_id})
    successors: dict[int, list[tuple[int, bool]]] = defaultdict(list)
    for link in session.scalars(
        select(FindingLink)
        .where(FindingLink.predecessor_id.in_([f.id for f in findings]))
        .order_by(FindingLink.finding_id)
    ):
        successors[link.predecessor_id].append((link.finding_id, link.same_evidence))
    return [
        FindingView(
            id=f.id,
            shipment_id=f.shipment_id,
            scope=Scope.PORTFOLIO if is_portfolio(f.shipment_id) else Scope.SHIPMENT,
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
            successors=_refs(session, successors[f.id]) if f.id in successors else [],
        )
        for f in findings
    ]


def latest_run_of(session: Session, shipment_id: str) -> int | None:
    return session.scalar(select(func.max(schema.ShipmentRun.id)).where(schema.ShipmentRun.shipment_id == shipment_id))


def shipment_view(session: Session, actor: Actor, shipment_id: str) -> ShipmentView:
    """A shipment as its latest run left it: documents with fields, findings with evidence and decisions."""
    actor.require(Permission.READ)
    run_id = latest_run_of(session, shipment_id)
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
        exporter=exporters_of_runs(session, [run_id]).get(run_id),
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
    view = _finding_views(session, [finding], documents, latest_run_of(session, finding.shipment_id))[0]
    predecessors, successors = lineage(session, finding_id)
    related = decision_views(session, [finding_id, *(f.id for f in predecessors), *(f.id for f in successors)])
    trail = sorted((d for ds in related.values() for d in ds), key=lambda d: d.id)
    return view.model_copy(update={"predecessors": predecessors, "successors": successors, "trail": trail})


def document_page(session: Session, actor: Actor, document_id: str, page: int) -> DocumentPageView:
    """One page of a document with the fields its latest extraction read, for the page viewer."""
    actor.require(Permission.READ)
    run = session.scalars(
        select(schema.ExtractionRun)
        .join(schema.Document, schema.Document.id == schema.ExtractionRun.document_id)
        .where(schema.Document.sha256 == document_id)
        .order_by(schema.ExtractionRun.id.desc())
        .limit(1)
    ).first()
    if run is None:
        raise NotFound(f"no document {document_id}")
    document = _document_view(run)
    shown = next((p for p in document.pages if p.number == page), None)
    if shown is None:
        raise NotFound(f"document {document_id[:12]} has no page {page}")
    return DocumentPageView(document=document, shipment_id=run.document.shipment_id, page=shown)


def _document_rows(session: Session, document_id: str) -> list[schema.Document]:
    rows = session.scalars(
        select(schema.Document).where(schema.Document.sha256 == document_id).order_by(schema.Document.id)
    ).all()
    if not rows:
        raise NotFound(f"no document {document_id}")
    return list(rows)


@dataclass(frozen=True)
class OriginalFile:
    """The document's file as it was read, open at its start (its SHA-256 checked through this handle)."""

    name: str
    media_type: str
    size: int
    source_path: str
    handle: BinaryIO


def original_file(session: Session, actor: Actor, document_id: str) -> OriginalFile:
    """The original file of a document, from wherever a copy with its content still lies. Raises
    SourceUnavailable (changed or gone) when none does: the most telling reason, a changed file first."""
    actor.require(Permission.READ)
    problems: list[SourceUnavailable] = []
    for row in _document_rows(session, document_id):
        try:
            handle = open_source(session, row)
        except SourceUnavailable as err:
            problems.append(err)
            continue
        return OriginalFile(
            name=PurePosixPath(row.source_path).name or "document",
            # Only the types the pipeline reads; the store's text is never echoed as a content type.
            media_type=row.media_type if row.media_type in DOCUMENT_TYPES else "application/octet-stream",
            size=_size(handle),
            source_path=row.source_path,
            handle=handle,
        )
    raise next((p for p in problems if p.changed), problems[0])


def _size(handle: BinaryIO) -> int:
    """The bytes left from the handle's start (a file, or an embedded document's bytes in memory)."""
    size = handle.seek(0, os.SEEK_END)
    handle.seek(0)
    return size


def page_image(
    session: Session, actor: Actor, document_id: str, page: int, cache_dir: Path, size: PageSize = PageSize.SCREEN
) -> Path:
    """A PNG of the document's page as the latest extraction read it (same turn and deskew as OCR)."""
    actor.require(Permission.READ)
    rows = _document_rows(session, document_id)
    annexes = cache_dir / "annexes"  # embedded documents' bytes, taken from their carriers' files
    source = next((path for row in rows if (path := locate_source(session, row, annexes)) is not None), None)
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
        cache_dir,
        source,
        document_id,
        rows[0].media_type,
        page,
        rotation=page_row.rotation,
        skew=page_row.skew,
        size=size,
    )
