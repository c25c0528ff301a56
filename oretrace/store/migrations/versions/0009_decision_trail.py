"""The decision trail: what each decision was based on, and which finding a re-run's finding replaces.

Revision ID: 0009_decision_trail
Revises: 0008_server_keys
Create Date: 2026-12-06

Findings carried over before this revision get their link from the carry-over decision; other re-runs
recorded before it stay unlinked, and earlier decisions have no recorded basis.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0009_decision_trail"
down_revision: str | None = "0008_server_keys"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None


def upgrade() -> None:
    # A nullable column without a constraint: a plain ADD COLUMN, no table rebuild on SQLite.
    op.add_column("decisions", sa.Column("basis_json", sa.JSON(none_as_null=True), nullable=True))
    op.create_table(
        "finding_links",
        sa.Column("finding_id", sa.Integer(), nullable=False),
        sa.Column("predecessor_id", sa.Integer(), nullable=False),
        sa.Column("same_evidence", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["finding_id"], ["findings.id"], name="fk_finding_links_finding_id_findings", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["predecessor_id"], ["findings.id"], name="fk_finding_links_predecessor_id_findings", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("finding_id", name="pk_finding_links"),
    )
    op.create_index("ix_finding_links_predecessor_id", "finding_links", ["predecessor_id"])

    decisions = sa.table(
        "decisions",
        sa.column("id", sa.Integer),
        sa.column("finding_id", sa.Integer),
        sa.column("action", sa.String),
        sa.column("carried_from_id", sa.Integer),
    )
    links = sa.table(
        "finding_links",
        sa.column("finding_id", sa.Integer),
        sa.column("predecessor_id", sa.Integer),
        sa.column("same_evidence", sa.Boolean),
    )
    carried = decisions.alias("carried")
    origin = decisions.alias("origin")
    op.execute(
        links.insert().from_select(
            ["finding_id", "predecessor_id", "same_evidence"],
            sa.select(carried.c.finding_id, origin.c.finding_id, sa.true())
            .join(origin, origin.c.id == carried.c.carried_from_id)
            .where(carried.c.action == "carry_over")
            .distinct(),
        )
    )


def downgrade() -> None:
    op.drop_index("ix_finding_links_predecessor_id", table_name="finding_links")
    op.drop_table("finding_links")
    # A plain DROP COLUMN (SQLite 3.35+): a batch rebuild of decisions would drop the old table, and with
    # foreign keys on that nulls carried_from_id in the copy (its self-reference follows the table's name).
    op.drop_column("decisions", "basis_json")
