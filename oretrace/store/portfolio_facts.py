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


def unit_value(value: float | None, metal_kg: float | None) -> float | None:
    """Price per kg of contained metal; None without a positive value and weight."""
    return value / metal_kg if value and metal_kg and value > 0 and metal_kg > 0 else None


class ShipmentFactsRow(Base):
    __tablename__ = "shipment_facts"
    # One index per check, each holding every column its aggregate reads (migration 0013), so the grouping is
    # an index-only scan in key order on SQLite and PostgreSQL alike instead of a table read and a sort.
    __table_args__ = (
        Index("ix_shipment_facts_exporter_quarter_net_kg", "exporter", "quarter", "net_kg"),
        Index("ix_shipment_facts_exporter_origin_quarter", "exporter", "origin", "quarter"),
        Index("ix_shipment_facts_smelter_id_quarter_metal_kg", "smelter_id", "quarter", "metal_kg"),
        Index("ix_shipment_facts_commodity_origin_quarter_metal_kg", "commodity", "origin", "quarter", "metal_kg"),
        Index(
            "ix_shipment_facts_commodity_currency_quarter_unit_value", "commodity", "currency", "quarter", "unit_value"
        ),
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
    # value / metal_kg when both are positive: stored so the median per commodity, currency and quarter reads
    # it in index order.
    unit_value: Mapped[float | None] = mapped_column(Float)
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
        "unit_value": unit_value(facts.value, facts.metal_kg),
        "synthetic": synthetic,
    }


def record_facts(session: Session, shipment_id: str, facts: ShipmentFacts, shipment_run_id: int) -> None:
    """Replace the shipment's row with the facts of its latest run."""
    session.execute(delete(ShipmentFactsRow).where(ShipmentFactsRow.shipment_id == shipment_id))
    session.add(ShipmentFactsRow(**facts_row(shipment_id, facts, shipment_run_id=shipment_run_id, synthetic=False)))
