"""RMI reporting templates loaded per supplier (`oretrace suppliers load`): the smelters an exporter declared
once, used for every shipment of that exporter whose folder holds no template of its own.

One row per load; a supplier's latest load is the one in force. The supplier is keyed by its folded name
(oretrace.core.folding), the key shipments group their exporter by.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import String, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from oretrace.core.folding import fold
from oretrace.core.models import DueDiligenceTemplate
from oretrace.store.audit import append_entry
from oretrace.store.schema import Base, UTCDateTime


class SupplierTemplateRow(Base):
    __tablename__ = "supplier_templates"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Folded supplier name: what a shipment's exporter is compared with.
    supplier: Mapped[str] = mapped_column(String, index=True)
    supplier_printed: Mapped[str]
    kind: Mapped[str] = mapped_column(String(4))
    version: Mapped[str | None]
    source_name: Mapped[str]
    sha256: Mapped[str] = mapped_column(String(64))
    smelter_count: Mapped[int]
    # The whole DueDiligenceTemplate, as a shipment folder's template is stored on its extraction run.
    record_json: Mapped[dict[str, Any]]
    loaded_by: Mapped[str]
    loaded_at: Mapped[datetime] = mapped_column(UTCDateTime, server_default=func.now())


def save_template(
    session: Session, supplier: str, template: DueDiligenceTemplate, source_name: str, sha256: str, actor: str
) -> SupplierTemplateRow:
    row = SupplierTemplateRow(
        supplier=fold(supplier),
        supplier_printed=supplier,
        kind=template.kind,
        version=template.version,
        source_name=source_name,
        sha256=sha256,
        smelter_count=len(template.smelters),
        record_json=template.model_dump(mode="json"),
        loaded_by=actor,
    )
    session.add(row)
    session.flush()
    append_entry(
        session,
        actor=actor,
        action="supplier_template.loaded",
        subject=f"supplier:{row.supplier}",
        details={"id": row.id, "kind": row.kind, "source": source_name, "sha256": sha256,
                 "smelters": row.smelter_count},
        rows=[("supplier_templates", row.id)],
    )  # fmt: skip
    return row


def latest_rows(session: Session) -> list[SupplierTemplateRow]:
    """Each supplier's latest load, by supplier."""
    rows = session.scalars(select(SupplierTemplateRow).order_by(SupplierTemplateRow.id)).all()
    latest = {row.supplier: row for row in rows}
    return [latest[key] for key in sorted(latest)]


def templates_on_file(session: Session) -> dict[str, DueDiligenceTemplate]:
    """Folded supplier name -> the template in force for it."""
    return {row.supplier: DueDiligenceTemplate.model_validate(row.record_json) for row in latest_rows(session)}


def templates_in_force(database_url: str) -> dict[str, DueDiligenceTemplate]:
    """`templates_on_file` for callers without a session (flows, workers)."""
    from oretrace.store.db import url_session

    with url_session(database_url) as session:
        return templates_on_file(session)
