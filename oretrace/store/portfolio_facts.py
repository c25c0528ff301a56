"""Per-shipment facts the portfolio checks aggregate in SQL, one row per shipment as its latest check left it.

The row is derived from the documents (oretrace.checks.facts) when a shipment run is recorded, so the checks
sum and group indexed columns instead of reading every field value of every document.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, Float, ForeignKey, Index, Integer, String, delete, false
from sqlalchemy.orm import Mapped, Session, mapped_column

from oretrace.core.models import ShipmentFacts
from oretrace.store.schema import Base


def quarter_of(day: date) -> int:
    """Quarters numbered on one line (year * 4 + quarter - 1), so "a year before" is minus four in SQL."""
    return day.year * 4 + (day.month - 1) // 3


def quarter_start(quarter: int) -> date:
    return date(quarter // 4, quarter % 4 * 3 + 1, 1)


def quarter_end(quarter: int) -> date:
    following = quarter_start(quarter + 1)
    return date.fromordinal(following.toordinal() - 1)


class ShipmentFactsRow(Base):
    __tablename__ = "shipment_facts"
    __table_args__ = (
        Index("ix_shipment_facts_exporter_quarter", "exporter", "quarter"),
        Index("ix_shipment_facts_smelter_id_quarter", "smelter_id", "quarter"),
        Index("ix_shipment_facts_origin_quarter", "origin", "quarter"),
        Index("ix_shipment_facts_commodity_quarter", "commodity", "quarter"),
    )

    shipment_id: Mapped[str] = mapped_column(ForeignKey("shipments.id", ondelete="CASCADE"), primary_key=True)
    # NULL for rows written by the synthetic history generator, which records no runs.
    shipment_run_id: Mapped[int | None] = mapped_column(ForeignKey("shipment_runs.id", ondelete="SET NULL"))
    commodity: Mapped[str | None] = mapped_column(String)
    exporter: Mapped[str | None] = mapped_column(String)
    exporter_printed: Mapped[str | None] = mapped_column(String)
    origin: Mapped[str | None] = mapped_column(String(2))
    smelter_id: Mapped[str | None] = mapped_column(String)
    net_kg: Mapped[float | None] = mapped_column(Float)
    metal_kg: Mapped[float | None] = mapped_column(Float)
    value: Mapped[float | None] = mapped_column(Float)
    currency: Mapped[str | None] = mapped_column(String(3))
    shipped_on: Mapped[date | None] = mapped_column(Date)
    quarter: Mapped[int | None] = mapped_column(Integer)
    synthetic: Mapped[bool] = mapped_column(Boolean, server_default=false())


def facts_row(
    shipment_id: str, facts: ShipmentFacts, *, shipment_run_id: int | None, synthetic: bool
) -> dict[str, object]:
    """Column values of one shipment's row (a dict: the shape SQLAlchemy's bulk insert takes)."""
    return {
        "shipment_id": shipment_id,
        "shipment_run_id": shipment_run_id,
        **facts.model_dump(),
        "quarter": quarter_of(facts.shipped_on) if facts.shipped_on else None,
        "synthetic": synthetic,
    }


def record_facts(session: Session, shipment_id: str, facts: ShipmentFacts, shipment_run_id: int) -> None:
    """Replace the shipment's row with the facts of its latest run."""
    session.execute(delete(ShipmentFactsRow).where(ShipmentFactsRow.shipment_id == shipment_id))
    session.add(ShipmentFactsRow(**facts_row(shipment_id, facts, shipment_run_id=shipment_run_id, synthetic=False)))
