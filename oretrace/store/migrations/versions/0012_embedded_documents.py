"""Embedded documents: a PDF an e-invoice carries as an attachment is a document row of its own, linked to the
document that carries it.

Revision ID: 0012_embedded_documents
Revises: 0011_portfolio
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0012_embedded_documents"
down_revision: str | None = "0011_portfolio"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None


def upgrade() -> None:
    # batch mode: SQLite cannot add a foreign key to an existing table otherwise.
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("parent_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            "fk_documents_parent_id_documents", "documents", ["parent_id"], ["id"], ondelete="SET NULL"
        )
        batch.create_index("ix_documents_parent_id", ["parent_id"])


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_index("ix_documents_parent_id")
        batch.drop_constraint("fk_documents_parent_id_documents", type_="foreignkey")
        batch.drop_column("parent_id")
