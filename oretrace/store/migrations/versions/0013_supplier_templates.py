"""Supplier templates: RMI reporting templates (CMRT / EMRT / AMRT) loaded per supplier with `oretrace suppliers
load`, for the declared-smelter checks of shipments whose folder holds none.

Revision ID: 0013_supplier_templates
Revises: 0012_embedded_documents
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0013_supplier_templates"
down_revision: str | None = "0012_embedded_documents"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None


def upgrade() -> None:
    op.create_table(
        "supplier_templates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("supplier", sa.String(), nullable=False),
        sa.Column("supplier_printed", sa.String(), nullable=False),
        sa.Column("kind", sa.String(length=4), nullable=False),
        sa.Column("version", sa.String(), nullable=True),
        sa.Column("source_name", sa.String(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("smelter_count", sa.Integer(), nullable=False),
        sa.Column("record_json", sa.JSON(none_as_null=True), nullable=False),
        sa.Column("loaded_by", sa.String(), nullable=False),
        sa.Column("loaded_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_supplier_templates"),
    )
    op.create_index("ix_supplier_templates_supplier", "supplier_templates", ["supplier"])


def downgrade() -> None:
    op.drop_index("ix_supplier_templates_supplier", table_name="supplier_templates")
    op.drop_table("supplier_templates")
