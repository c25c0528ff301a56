"""Reference data versions and loads; the reference version each shipment check used.

Revision ID: 0005_reference
Revises: 0001_initial
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0005_reference"
down_revision: str | None = "0001_initial"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None


def _created_at(name: str) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False)


def upgrade() -> None:
    op.create_table(
        "reference_versions",
        sa.Column("version", sa.String(length=64), nullable=False),
        sa.Column("content_json", sa.JSON(none_as_null=True), nullable=False),
        sa.Column("smelters", sa.Integer(), nullable=False),
        sa.Column("assay_profiles", sa.Integer(), nullable=False),
        sa.Column("production_records", sa.Integer(), nullable=False),
        sa.Column("hs_codes", sa.Integer(), nullable=False),
        _created_at("created_at"),
        sa.PrimaryKeyConstraint("version", name="pk_reference_versions"),
    )
    op.create_table(
        "reference_loads",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.String(length=64), nullable=False),
        sa.Column("mode", sa.String(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("actor", sa.String(), nullable=False),
        _created_at("loaded_at"),
        sa.ForeignKeyConstraint(
            ["version"], ["reference_versions.version"], name="fk_reference_loads_version_reference_versions"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_reference_loads"),
    )
    op.create_index("ix_reference_loads_version", "reference_loads", ["version"])
    # batch mode: SQLite cannot add a column with a constraint otherwise (and it keeps PostgreSQL plain ALTERs).
    with op.batch_alter_table("shipment_runs") as batch:
        batch.add_column(sa.Column("reference_version", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("shipment_runs") as batch:
        batch.drop_column("reference_version")
    op.drop_table("reference_loads")
    op.drop_table("reference_versions")
