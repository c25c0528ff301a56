"""Typed records of the review workspace, shared by the service layer, the web app, the JSON API and the CLI."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import AfterValidator, Field

from oretrace.core.models import BBox, Frozen, Severity
from oretrace.store.decision_basis import BasisValue
from oretrace.store.review_tables import DecisionAction, FindingStatus

SEVERITY_RANK = {"high": 0, "medium": 1, "low": 2}
# Assignee filter value meaning "nobody".
UNASSIGNED = "-"
# The store's ids, versions and page numbers are INTEGER columns: 64-bit on SQLite but 32-bit on PostgreSQL,
# so no stored value goes beyond this. Larger numbers from a request are refused as invalid (422).
MAX_STORE_INT = 2**31 - 1
# Filter text longer than this matches nothing anyway (ids, names and check ids are short).
MAX_FILTER_TEXT = 200


def _no_nul(text: str) -> str:
    # PostgreSQL refuses NUL in text; no name, note or filter of the workspace needs one.
    if "\x00" in text:
        raise ValueError("contains a NUL character")
    return text


# Text that goes to the database.
StoreText = Annotated[str, AfterValidator(_no_nul)]
FilterText = Annotated[str, Field(max_length=MAX_FILTER_TEXT), AfterValidator(_no_nul)]
StoreId = Annotated[int, Field(ge=1, le=MAX_STORE_INT)]


class Scope(StrEnum):
    """What a finding is about: one shipment's documents, or many shipments (store.portfolio_review)."""

    SHIPMENT = "shipment"
    PORTFOLIO = "portfolio"


class QueueSort(StrEnum):
    SEVERITY = "severity"
    CHECK = "check"
    SHIPMENT = "shipment"
    EXPORTER = "exporter"
    ORIGIN = "origin"
    AGE = "age"
    ASSIGNEE = "assignee"
    STATUS = "status"


class QueueFilters(Frozen):
    # Empty: every status.
    status: list[FindingStatus] = Field(default_factory=lambda: [FindingStatus.OPEN])
    severity: list[Severity] = Field(default_factory=list)
    check: list[FilterText] = Field(default_factory=list)
    # Both compared without case, accents or punctuation.
    shipment: FilterText | None = Field(default=None, description="shipment id, or part of it")
    exporter: FilterText | None = Field(default=None, description="part of the exporter's (or seller's) name")
    declared_origin: FilterText | None = Field(
        default=None, description="ISO 3166 alpha-2, or the country's name in English or Spanish"
    )
    assignee: FilterText | None = Field(default=None, description=f"user name, or {UNASSIGNED!r} for unassigned")
    min_age_days: float | None = Field(default=None, ge=-1_000_000, le=1_000_000, allow_inf_nan=False)
    max_age_days: float | None = Field(default=None, ge=-1_000_000, le=1_000_000, allow_inf_nan=False)
    # None: both scopes.
    scope: Scope | None = None
    sort: QueueSort = QueueSort.SEVERITY
    descending: bool = False


class QueueItem(Frozen):
    finding_id: int
    shipment_id: str
    shipment_run_id: int
    check: str
    severity: str
    message: str
    status: FindingStatus
    version: int
    assignee: str | None
    exporter: str | None
    declared_origin: str | None
    created_at: datetime
    # The first run that reported this finding (same check and evidence); age counts from it.
    first_seen_at: datetime
    age_days: float
    scope: Scope = Scope.SHIPMENT


class QueueResult(Frozen):
    items: list[QueueItem]
    # Per status over the findings that pass every filter but the status one.
    counts: dict[str, int]
    checks: list[str]
    total: int


class EvidenceView(Frozen):
    document_id: str | None
    page: int
    bbox: BBox
    text: str
    # A portfolio finding's evidence names the shipments behind it, one a row.
    shipment_id: str | None = None
    # The extracted field this evidence belongs to, when it is one of the document's fields.
    doc_type: str | None = None
    source_path: str | None = None
    field: str | None = None
    value: Any = None


class DecisionOrigin(Frozen):
    """The decision a carry-over repeats, followed back through every re-run to the one a person took."""

    decision_id: int
    finding_id: int
    shipment_run_id: int
    action: DecisionAction
    to_status: FindingStatus
    user: str | None
    assignee: str | None
    created_at: datetime


class DecisionView(Frozen):
    id: int
    finding_id: int
    shipment_id: str
    action: DecisionAction
    from_status: FindingStatus
    to_status: FindingStatus
    note: str
    user: str | None
    assignee: str | None
    carried_from_id: int | None
    finding_version: int
    created_at: datetime
    # The decided finding's shipment run.
    shipment_run_id: int | None = None
    # The extraction runs and field values it was based on; None when not recorded (decided before 0009).
    basis: list[BasisValue] | None = None
    # For a carry-over: the original decision (who, when, on which finding and run).
    origin: DecisionOrigin | None = None
    # In words, e.g. "dismissed by alice on 2026-12-05 14:02 UTC (finding 12, run 3), carried over to this run".
    summary: str = ""


class FindingRef(Frozen):
    """A finding of another run that this one replaces, or that replaces it."""

    id: int
    shipment_run_id: int
    status: FindingStatus
    # The same evidence (the later finding inherited the decision), or the same check on changed evidence.
    same_evidence: bool


class FindingView(Frozen):
    id: int
    shipment_id: str
    scope: Scope = Scope.SHIPMENT
    shipment_run_id: int
    check: str
    severity: str
    message: str
    status: FindingStatus
    version: int
    assignee: str | None
    created_at: datetime
    # False when a later run of the shipment superseded this finding; only current findings are decided.
    current: bool
    evidence: list[EvidenceView]
    decisions: list[DecisionView]
    # The findings of earlier runs this one replaces (oldest first) and those of later runs replacing it.
    predecessors: list[FindingRef] = Field(default_factory=list)
    successors: list[FindingRef] = Field(default_factory=list)
    # Every decision on this finding and on its predecessors and successors, oldest first (finding view only).
    trail: list[DecisionView] = Field(default_factory=list)


class FieldView(Frozen):
    name: str
    value: Any
    confidence: float
    raw: str | None
    reason: str | None
    evidence: list[EvidenceView]


class PageView(Frozen):
    number: int
    width: float
    height: float
    source: str
    rotation: int
    skew: float


class DocumentView(Frozen):
    document_id: str
    source_path: str
    media_type: str
    doc_type: str
    doc_type_confidence: float
    pipeline_version: str
    extraction_run_id: int
    pages: list[PageView]
    fields: list[FieldView]


class DocumentPageView(Frozen):
    """One page of a document, with every field the extraction read (the viewer marks those on this page)."""

    document: DocumentView
    shipment_id: str | None
    page: PageView


class RejectionView(Frozen):
    source_path: str
    reason: str


class ShipmentView(Frozen):
    shipment_id: str
    shipment_run_id: int
    declared_origin: str | None
    verdict: str
    exporter: str | None
    pipeline_version: str | None
    finished_at: datetime
    runs: int
    documents: list[DocumentView]
    findings: list[FindingView]
    rejections: list[RejectionView]


class DecisionRequest(Frozen):
    action: DecisionAction
    # Required for every action but assign; at most 4,000 characters (checked by the service).
    note: StoreText = Field(default="", max_length=20_000)
    # The finding's version the reviewer saw; a decision on an older version is a conflict.
    version: int = Field(ge=0, le=MAX_STORE_INT)
    # For "assign": the user to assign, or None to unassign.
    assignee: FilterText | None = None


class HistoryFilters(Frozen):
    shipment: FilterText | None = None
    document: FilterText | None = Field(default=None, description="document sha256")
    finding: StoreId | None = None
    user: FilterText | None = Field(default=None, description="user name (as actor or subject), any case")
    action: FilterText | None = Field(
        default=None, description="an action ('finding.decided') or its family ('finding', 'login')"
    )
    text: FilterText | None = Field(default=None, description="text in the details, subject or actor, any case")
    since: datetime | None = None
    until: datetime | None = None
    # Entries older than this position (the `seq` of the last entry of the page before).
    before: StoreId | None = None
    limit: int = Field(default=500, ge=1, le=10_000)


class RecordedRow(Frozen):
    """A row an audit entry records, with the content hash `audit verify` compares (store.row_hashes)."""

    table: str
    id: int | str
    sha256: str


class HistoryEntry(Frozen):
    seq: int
    created_at: datetime
    actor: str
    action: str
    subject: str
    # What the entry says, without the rows it records (those are `rows`).
    details: dict[str, Any]
    # The document's file name(s) for a document subject, when the store knows the document.
    subject_label: str | None = None
    rows: list[RecordedRow] = Field(default_factory=list)


class HistoryPage(Frozen):
    entries: list[HistoryEntry]
    # Entries matching the filters in all, and how many of them are newer than this page.
    total: int
    newer: int
    # `before` for the next (older) page, None on the last one.
    next_before: int | None


class FieldChange(Frozen):
    name: str
    kind: str = Field(description="added, removed or changed")
    before: Any = None
    after: Any = None
    before_confidence: float | None = None
    after_confidence: float | None = None


class FieldSnapshot(Frozen):
    name: str
    value: Any = None
    confidence: float | None = None


class ExtractionVersion(Frozen):
    extraction_run_id: int
    shipment_run_id: int | None
    source_path: str
    pipeline_version: str
    started_at: datetime
    finished_at: datetime
    doc_type: str
    doc_type_confidence: float
    page_count: int
    text_sources: str | None
    # Against the version before it (empty for the first, and when nothing changed).
    doc_type_before: str | None = None
    changes: list[FieldChange]
    # Every field this run read, with its value (None when missing).
    fields: list[FieldSnapshot] = Field(default_factory=list)


class DocumentHistory(Frozen):
    document_id: str
    source_paths: list[str]
    shipment_id: str | None
    versions: list[ExtractionVersion]


class ChartSegment(Frozen):
    """One part of a bar: what it counts (an origin, a severity...), its figure, and the queue it opens."""

    key: str
    value: float
    queue: dict[str, str]


class ChartRow(Frozen):
    label: str
    segments: list[ChartSegment]
    # What the bar is measured against (the exporter's mean before, the smelter's capacity); None: nothing.
    marker: float | None = None
    queue: dict[str, str]


class ChartData(Frozen):
    id: str
    title: str
    unit: str
    # What the marker stands for, when the rows have one.
    marker_label: str | None = None
    rows: list[ChartRow]
    queue: dict[str, str]


class Dashboard(Frozen):
    charts: list[ChartData]
