"""Portfolio facts: one row per shipment with the corroborated exporter, origin and smelter, weights, value
and date that the portfolio checks aggregate.

Revision ID: 0011_portfolio
Revises: 0009_decision_trail
Create Date: 2026-12-06

Shipments recorded before this revision have no row until they are checked again.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0011_portfolio"
down_revision: str | None = "0009_decision_trail"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None


def upgrade() -> None:
    op.create_table(
        "shipment_facts",
        sa.Column("shipment_id", sa.String(), nullable=False),
        sa.Column("shipment_run_id", sa.Integer(), nullable=True),
        sa.Column("commodity", sa.String(), nullable=True),
        sa.Column("exporter", sa.String(), nullable=True),
        sa.Column("exporter_printed", sa.String(), nullable=True),
        sa.Column("origin", sa.String(length=2), nullable=True),
        sa.Column("smelter_id", sa.String(), nullable=True),
        sa.Column("net_kg", sa.Float(), nullable=True),
        sa.Column("metal_kg", sa.Float(), nullable=True),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=True),
        sa.Column("shipped_on", sa.Date(), nullable=True),
        sa.Column("quarter", sa.Integer(), nullable=True),
        sa.Column("synthetic", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.ForeignKeyConstraint(
            ["shipment_id"], ["shipments.id"], name="fk_shipment_facts_shipment_id_shipments", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["shipment_run_id"],
            ["shipment_runs.id"],
            name="fk_shipment_facts_shipment_run_id_shipment_runs",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("shipment_id", name="pk_shipment_facts"),
    )
    for column in ("exporter", "smelter_id", "origin", "commodity"):
        op.create_index(f"ix_shipment_facts_{column}_quarter", "shipment_facts", [column, "quarter"])


def downgrade() -> None:
    op.drop_table("shipment_facts")
