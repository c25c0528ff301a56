"""Watched-folder service: file versions seen in the inbox, shipment claims, service heartbeats.

Revision ID: 0004_watch
Revises: 0001_initial
Create Date: 2026-11-28

Written out in full, not imported from store.claims, so this revision keeps meaning what it meant.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0004_watch"
down_revision: str | None = "0001_initial"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None


def _timestamp(name: str, *, nullable: bool = False, server_default: bool = False) -> sa.Column:
    return sa.Column(
        name,
        sa.DateTime(timezone=True),
        server_default=sa.func.now() if server_default else None,
        nullable=nullable,
    )


def upgrade() -> None:
    op.create_table(
        "watch_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("inbox_root", sa.String(), nullable=False),
        sa.Column("source_path", sa.String(), nullable=False),
        sa.Column("shipment_id", sa.String(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.String(), nullable=True),
        sa.Column("destination", sa.String(), nullable=True),
        _timestamp("archived_at", nullable=True),
        sa.Column("processed_by", sa.String(), nullable=True),
        sa.Column("last_error", sa.String(), nullable=True),
        _timestamp("created_at", server_default=True),
        _timestamp("updated_at", server_default=True),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name="fk_watch_files_document_id_documents", ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_watch_files"),
        sa.UniqueConstraint("source_path", "sha256", name="uq_watch_files_source_path_sha256"),
    )
    op.create_index("ix_watch_files_shipment_id", "watch_files", ["shipment_id"])
    op.create_index("ix_watch_files_sha256", "watch_files", ["sha256"])
    op.create_index("ix_watch_files_state", "watch_files", ["state"])

    op.create_table(
        "watch_shipments",
        sa.Column("shipment_id", sa.String(), nullable=False),
        sa.Column("inbox_root", sa.String(), nullable=False),
        sa.Column("claimed_by", sa.String(), nullable=True),
        sa.Column("claim_token", sa.String(length=32), nullable=True),
        _timestamp("lease_expires_at", nullable=True),
        sa.Column("runs", sa.Integer(), server_default="0", nullable=False),
        _timestamp("last_run_at", nullable=True),
        sa.Column("last_error", sa.String(), nullable=True),
        _timestamp("last_error_at", nullable=True),
        sa.PrimaryKeyConstraint("shipment_id", name="pk_watch_shipments"),
    )

    op.create_table(
        "watch_heartbeats",
        sa.Column("worker_id", sa.String(), nullable=False),
        sa.Column("inbox_root", sa.String(), nullable=False),
        _timestamp("started_at"),
        _timestamp("beat_at"),
        sa.Column("state", sa.String(), nullable=False),
        sa.Column("current_shipment", sa.String(), nullable=True),
        sa.PrimaryKeyConstraint("worker_id", name="pk_watch_heartbeats"),
    )


def downgrade() -> None:
    op.drop_table("watch_heartbeats")
    op.drop_table("watch_shipments")
    op.drop_index("ix_watch_files_state", table_name="watch_files")
    op.drop_index("ix_watch_files_sha256", table_name="watch_files")
    op.drop_index("ix_watch_files_shipment_id", table_name="watch_files")
    op.drop_table("watch_files")
