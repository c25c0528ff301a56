"""Tables of the review store.

Runs are append-only: re-reading a file adds an extraction_run (with its pages and field values) and
re-checking a shipment adds a shipment_run (with its findings); nothing already written is changed,
so the history of what the pipeline said, and when, stays reviewable.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, DateTime, Dialect, Float, ForeignKey, MetaData, String, UniqueConstraint, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

# Fixed constraint names, so migrations can refer to them and both backends name them alike.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC timestamps on every backend.

    SQLite has no timezone type and would silently drop the offset, so values are converted to UTC on the
    way in and marked UTC on the way out; naive datetimes are refused rather than guessed at.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: pass a timezone-aware one, e.g. datetime.now(UTC)")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


# SQL NULL (not JSON 'null') for absent values, so "missing" is queryable with IS NULL.
Json = JSON(none_as_null=True)


def _created_at() -> Mapped[datetime]:
    return mapped_column(UTCDateTime, server_default=func.now())


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime, dict[str, Any]: Json, list[Any]: Json}


class Shipment(Base):
    __tablename__ = "shipments"

    # The shipment sub-folder's name in the inbox.
    id: Mapped[str] = mapped_column(String, primary_key=True)
    inbox_root: Mapped[str]
    first_seen_at: Mapped[datetime] = _created_at()
    updated_at: Mapped[datetime] = mapped_column(server_default=func.now(), onupdate=func.now())
    declared_origin: Mapped[str | None]


class Document(Base):
    """A file in the inbox, identified by its content hash and where it lies."""

    __tablename__ = "documents"
    # Leads with sha256, so it also serves look-ups by hash; a separate sha256 index would be redundant.
    __table_args__ = (UniqueConstraint("sha256", "source_path"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64))
    # Relative to the inbox root, so the store survives moving the inbox.
    source_path: Mapped[str]
    shipment_id: Mapped[str | None] = mapped_column(ForeignKey("shipments.id"), index=True)
    media_type: Mapped[str]
    size: Mapped[int]
    first_seen_at: Mapped[datetime] = _created_at()
    # The document that carries this one as an embedded file (a PDF attached to an e-invoice); its
    # source_path is then the carrier's, '#' and the attachment's name.
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"), index=True)


class ShipmentRun(Base):
    """One check of one shipment: its verdict and the findings behind it."""

    __tablename__ = "shipment_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    shipment_id: Mapped[str] = mapped_column(ForeignKey("shipments.id", ondelete="CASCADE"), index=True)
    started_at: Mapped[datetime]
    finished_at: Mapped[datetime]
    # Nullable: ShipmentResult carries no version, and a shipment with no readable document has none to borrow.
    pipeline_version: Mapped[str | None]
    verdict: Mapped[str]
    declared_origin: Mapped[str | None]
    # The reference data version the checks ran against (see store.reference_store).
    reference_version: Mapped[str | None] = mapped_column(String(64))

    findings: Mapped[list[Finding]] = relationship(order_by="Finding.id")
    extraction_runs: Mapped[list[ExtractionRun]] = relationship(order_by="ExtractionRun.id")


class ExtractionRun(Base):
    """One reading of one document."""

    __tablename__ = "extraction_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    # Which shipment check read the document, so a shipment's current documents are those of its latest run
    # (a file replaced in the folder is a new document row and must not linger in the shipment).
    shipment_run_id: Mapped[int | None] = mapped_column(ForeignKey("shipment_runs.id", ondelete="SET NULL"), index=True)
    pipeline_version: Mapped[str]
    started_at: Mapped[datetime]
    finished_at: Mapped[datetime]
    doc_type: Mapped[str]
    doc_type_confidence: Mapped[float] = mapped_column(Float)
    page_count: Mapped[int]
    # "text_layer", "ocr" or "mixed"; NULL when the document had no pages.
    text_sources: Mapped[str | None]
    # The whole ExtractedDocument, so a run can be reloaded exactly; the columns and child rows are for SQL.
    record_json: Mapped[dict[str, Any]]
    created_at: Mapped[datetime] = _created_at()

    document: Mapped[Document] = relationship()
    pages: Mapped[list[Page]] = relationship(order_by="Page.number")
    field_values: Mapped[list[FieldValue]] = relationship(order_by="FieldValue.id")


class Page(Base):
    __tablename__ = "pages"

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("extraction_runs.id", ondelete="CASCADE"), index=True)
    number: Mapped[int]
    width: Mapped[float] = mapped_column(Float)
    height: Mapped[float] = mapped_column(Float)
    source: Mapped[str]
    language: Mapped[str]
    rotation: Mapped[int]
    skew: Mapped[float] = mapped_column(Float)
    text: Mapped[str]


class FieldValue(Base):
    __tablename__ = "field_values"
    # Also the index for the run_id foreign key.
    __table_args__ = (UniqueConstraint("run_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("extraction_runs.id", ondelete="CASCADE"))
    name: Mapped[str]
    # The normalised value JSON-encoded (text, number, lot list or composition); NULL when missing.
    value_json: Mapped[Any | None] = mapped_column(Json)
    confidence: Mapped[float] = mapped_column(Float)
    reason: Mapped[str | None]
    raw: Mapped[str | None]
    evidence_json: Mapped[list[Any]]


class Finding(Base):
    __tablename__ = "findings"

    id: Mapped[int] = mapped_column(primary_key=True)
    shipment_run_id: Mapped[int] = mapped_column(ForeignKey("shipment_runs.id", ondelete="CASCADE"), index=True)
    # Denormalised from the run so a reviewer's queue ("open findings of shipment X") needs no join.
    shipment_id: Mapped[str] = mapped_column(ForeignKey("shipments.id", ondelete="CASCADE"), index=True)
    check_id: Mapped[str]
    severity: Mapped[str]
    message: Mapped[str]
    evidence_json: Mapped[list[Any]]
    # The one column a reviewer changes (open -> accepted/dismissed); the pipeline only ever inserts 'open'.
    status: Mapped[str] = mapped_column(server_default="open")
    created_at: Mapped[datetime] = _created_at()
    # Review state (store.review_tables): bumped by every decision, so concurrent decisions on the same
    # version conflict instead of overwriting each other.
    version: Mapped[int] = mapped_column(server_default="1")
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)


class Rejection(Base):
    """A file that could not be read, and why."""

    __tablename__ = "rejections"

    id: Mapped[int] = mapped_column(primary_key=True)
    source_path: Mapped[str]
    # No foreign key: a file can be rejected before (or without) its shipment ever being recorded.
    shipment_id: Mapped[str | None]
    sha256: Mapped[str | None] = mapped_column(String(64))
    # The shipment check that met the file, if any, so the current rejections are those of the latest run.
    shipment_run_id: Mapped[int | None] = mapped_column(ForeignKey("shipment_runs.id", ondelete="SET NULL"), index=True)
    reason: Mapped[str]
    created_at: Mapped[datetime] = _created_at()
