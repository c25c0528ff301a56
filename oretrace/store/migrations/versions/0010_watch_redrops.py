"""Watched folder: the same file dropped again at the same path is a row of its own (its `arrival`), and a
file copied out of a read-only inbox is marked as left in place.

Revision ID: 0010_watch_redrops
Revises: 0004_watch
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0010_watch_redrops"
down_revision: str | None = "0004_watch"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None


def upgrade() -> None:
    # batch mode: SQLite cannot drop a constraint otherwise (PostgreSQL gets plain ALTERs).
    with op.batch_alter_table("watch_files") as batch:
        batch.add_column(sa.Column("arrival", sa.Integer(), server_default="1", nullable=False))
        batch.add_column(sa.Column("left_in_place", sa.Boolean(), server_default=sa.false(), nullable=False))
        batch.drop_constraint("uq_watch_files_source_path_sha256", type_="unique")
        batch.create_unique_constraint(
            "uq_watch_files_source_path_sha256_arrival", ["source_path", "sha256", "arrival"]
        )


def downgrade() -> None:
    # Later arrivals of a (path, content) pair cannot be kept under the old one-row-per-pair key.
    op.execute(sa.text("DELETE FROM watch_files WHERE arrival > 1"))
    with op.batch_alter_table("watch_files") as batch:
        batch.drop_constraint("uq_watch_files_source_path_sha256_arrival", type_="unique")
        batch.create_unique_constraint("uq_watch_files_source_path_sha256", ["source_path", "sha256"])
        batch.drop_column("left_in_place")
        batch.drop_column("arrival")
