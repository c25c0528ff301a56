"""Portfolio facts: a stored unit value, and one covering index per portfolio check.

Revision ID: 0014_portfolio_indexes
Revises: 0013_supplier_templates
Create Date: 2026-12-06

Each index holds every column its check groups and sums, so the aggregates over 100,000 shipments are
index-only scans in key order. The unit value (value / metal_kg when both are positive) is filled for the rows
already held.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0014_portfolio_indexes"
down_revision: str | None = "0013_supplier_templates"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None

OLD = ("exporter", "smelter_id", "origin", "commodity")
NEW = (
    ("exporter", "quarter", "net_kg"),
    ("exporter", "origin", "quarter"),
    ("smelter_id", "quarter", "metal_kg"),
    ("commodity", "origin", "quarter", "metal_kg"),
    ("commodity", "currency", "quarter", "unit_value"),
)


def upgrade() -> None:
    op.add_column("shipment_facts", sa.Column("unit_value", sa.Float(), nullable=True))
    op.execute(
        "UPDATE shipment_facts SET unit_value = value / metal_kg "
        "WHERE value IS NOT NULL AND metal_kg IS NOT NULL AND value > 0 AND metal_kg > 0"
    )
    for column in OLD:
        op.drop_index(f"ix_shipment_facts_{column}_quarter", table_name="shipment_facts")
    for columns in NEW:
        op.create_index(f"ix_shipment_facts_{'_'.join(columns)}", "shipment_facts", list(columns))


def downgrade() -> None:
    for columns in NEW:
        op.drop_index(f"ix_shipment_facts_{'_'.join(columns)}", table_name="shipment_facts")
    for column in OLD:
        op.create_index(f"ix_shipment_facts_{column}_quarter", "shipment_facts", [column, "quarter"])
    with op.batch_alter_table("shipment_facts") as batch:
        batch.drop_column("unit_value")
