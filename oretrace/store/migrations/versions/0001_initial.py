"""Initial schema: shipments, documents, extraction runs with their pages and field values,
shipment runs with their findings, and rejected files.

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-28

Written out in full, not imported from store.schema, so this revision keeps meaning what it meant when
the models change. tests/test_store.py checks the result matches store.schema on SQLite and PostgreSQL.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001_initial"
down_revision: str | None = None
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None


def _timestamp(name: str, *, server_default: bool = False) -> sa.Column:
    return sa.Column(
        name,
        sa.DateTime(timezone=True),
        server_default=sa.func.now() if server_default else None,
        nullable=False,
    )


def upgrade() -> None:
    op.create_table(
        "shipments",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("inbox_root", sa.String(), nullable=False),
        _timestamp("first_seen_at", server_default=True),
        _timestamp("updated_at", server_default=True),
        sa.Column("declared_origin", sa.String(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_shipments"),
    )

    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("source_path", sa.String(), nullable=False),
        sa.Column("shipment_id", sa.String(), nullable=True),
        sa.Column("media_type", sa.String(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        _timestamp("first_seen_at", server_default=True),
        sa.ForeignKeyConstraint(["shipment_id"], ["shipments.id"], name="fk_documents_shipment_id_shipments"),
        sa.PrimaryKeyConstraint("id", name="pk_documents"),
        sa.UniqueConstraint("sha256", "source_path", name="uq_documents_sha256_source_path"),
    )
    op.create_index("ix_documents_shipment_id", "documents", ["shipment_id"])

    op.create_table(
        "shipment_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shipment_id", sa.String(), nullable=False),
        _timestamp("started_at"),
        _timestamp("finished_at"),
        sa.Column("pipeline_version", sa.String(), nullable=True),
        sa.Column("verdict", sa.String(), nullable=False),
        sa.Column("declared_origin", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(
            ["shipment_id"], ["shipments.id"], name="fk_shipment_runs_shipment_id_shipments", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_shipment_runs"),
    )
    op.create_index("ix_shipment_runs_shipment_id", "shipment_runs", ["shipment_id"])

    op.create_table(
        "extraction_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("shipment_run_id", sa.Integer(), nullable=True),
        sa.Column("pipeline_version", sa.String(), nullable=False),
        _timestamp("started_at"),
        _timestamp("finished_at"),
        sa.Column("doc_type", sa.String(), nullable=False),
        sa.Column("doc_type_confidence", sa.Float(), nullable=False),
        sa.Column("page_count", sa.Integer(), nullable=False),
        sa.Column("text_sources", sa.String(), nullable=True),
        sa.Column("record_json", sa.JSON(), nullable=False),
        _timestamp("created_at", server_default=True),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name="fk_extraction_runs_document_id_documents", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["shipment_run_id"],
            ["shipment_runs.id"],
            name="fk_extraction_runs_shipment_run_id_shipment_runs",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_extraction_runs"),
    )
    op.create_index("ix_extraction_runs_document_id", "extraction_runs", ["document_id"])
    op.create_index("ix_extraction_runs_shipment_run_id", "extraction_runs", ["shipment_run_id"])

    op.create_table(
        "pages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("width", sa.Float(), nullable=False),
        sa.Column("height", sa.Float(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("language", sa.String(), nullable=False),
        sa.Column("rotation", sa.Integer(), nullable=False),
        sa.Column("skew", sa.Float(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"], ["extraction_runs.id"], name="fk_pages_run_id_extraction_runs", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_pages"),
    )
    op.create_index("ix_pages_run_id", "pages", ["run_id"])

    op.create_table(
        "field_values",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("value_json", sa.JSON(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("reason", sa.String(), nullable=True),
        sa.Column("raw", sa.String(), nullable=True),
        sa.Column("evidence_json", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"], ["extraction_runs.id"], name="fk_field_values_run_id_extraction_runs", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_field_values"),
        sa.UniqueConstraint("run_id", "name", name="uq_field_values_run_id_name"),
    )

    op.create_table(
        "findings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shipment_run_id", sa.Integer(), nullable=False),
        sa.Column("shipment_id", sa.String(), nullable=False),
        sa.Column("check_id", sa.String(), nullable=False),
        sa.Column("severity", sa.String(), nullable=False),
        sa.Column("message", sa.String(), nullable=False),
        sa.Column("evidence_json", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(), server_default="open", nullable=False),
        _timestamp("created_at", server_default=True),
        sa.ForeignKeyConstraint(
            ["shipment_id"], ["shipments.id"], name="fk_findings_shipment_id_shipments", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["shipment_run_id"],
            ["shipment_runs.id"],
            name="fk_findings_shipment_run_id_shipment_runs",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_findings"),
    )
    op.create_index("ix_findings_shipment_id", "findings", ["shipment_id"])
    op.create_index("ix_findings_shipment_run_id", "findings", ["shipment_run_id"])

    op.create_table(
        "rejections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_path", sa.String(), nullable=False),
        sa.Column("shipment_id", sa.String(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("shipment_run_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.String(), nullable=False),
        _timestamp("created_at", server_default=True),
        sa.ForeignKeyConstraint(
            ["shipment_run_id"],
            ["shipment_runs.id"],
            name="fk_rejections_shipment_run_id_shipment_runs",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_rejections"),
    )
    op.create_index("ix_rejections_shipment_run_id", "rejections", ["shipment_run_id"])


def downgrade() -> None:
    # Children first; dropping a table drops its indexes with it.
    for table in (
        "rejections",
        "findings",
        "field_values",
        "pages",
        "extraction_runs",
        "shipment_runs",
        "documents",
        "shipments",
    ):
        op.drop_table(table)
