"""Completed runs of an inbox with the digest of their inputs, so an unchanged inbox is not processed again.

Revision ID: 0006_inbox_runs
Revises: 0001_initial
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0006_inbox_runs"
down_revision: str | None = "0001_initial"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None


def upgrade() -> None:
    op.create_table(
        "inbox_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("inbox_path", sa.String(), nullable=False),
        sa.Column("input_digest", sa.String(length=64), nullable=False),
        sa.Column("shipment_runs", sa.JSON(none_as_null=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_inbox_runs"),
    )
    op.create_index("ix_inbox_runs_inbox_path", "inbox_runs", ["inbox_path"])


def downgrade() -> None:
    op.drop_index("ix_inbox_runs_inbox_path", table_name="inbox_runs")
    op.drop_table("inbox_runs")
