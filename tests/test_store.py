"""Tests of the review store (store/) on SQLite and, when configured, PostgreSQL.

PostgreSQL runs need ORETRACE_TEST_POSTGRES_URL, e.g.
postgresql+psycopg://postgres:postgres@127.0.0.1:5432/oretrace_test; each test gets its own schema.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, func, inspect, select, text
from sqlalchemy.exc import IntegrityError

from oretrace.core.models import FIELDS_BY_TYPE, DocType, ExtractedDocument, Rejection, ShipmentResult
from oretrace.store import db as store_db
from oretrace.store import schema, tables
from oretrace.store.db import alembic_config, database_url, make_engine, migrate, session_scope
from oretrace.store.export import CSV_COLUMNS, write_csv, write_jsonl
from oretrace.store.repository import (
    ShipmentSummary,
    latest_documents,
    latest_shipments,
    record_document,
    record_rejection,
    record_shipment,
    run_counts,
)
from tests.store_fixtures import (
    FINISHED_AT,
    INBOX_ROOT,
    SHIPMENT_ID,
    STARTED_AT,
    assay_certificate,
    certificate_of_origin,
    invoice,
    origin_finding,
    packing_list,
    rejected_scan,
    sha256_of,
    shipment,
)

# Every table the models declare; the migrations must build exactly these (checked column by column below).
TABLES = set(tables.metadata.tables)
LATER = datetime(2024, 3, 21, 8, 30, tzinfo=UTC)


# --- fixtures -------------------------------------------------------------------------------------------


def _record_shipment(engine: Engine, result: ShipmentResult, started_at: datetime = STARTED_AT) -> int:
    with session_scope(engine) as session:
        return record_shipment(session, result, INBOX_ROOT, started_at, FINISHED_AT)


def _record_document(engine: Engine, doc: ExtractedDocument, started_at: datetime = STARTED_AT) -> int:
    with session_scope(engine) as session:
        return record_document(session, doc, INBOX_ROOT, started_at, FINISHED_AT)


def _jsonl(engine: Engine) -> list[dict]:
    out = io.StringIO()
    with session_scope(engine) as session:
        write_jsonl(session, out)
    assert out.getvalue().endswith("\n")
    return [json.loads(line) for line in out.getvalue().splitlines()]


def _csv(engine: Engine) -> tuple[list[str], list[dict[str, str]]]:
    out = io.StringIO(newline="")
    with session_scope(engine) as session:
        write_csv(session, out)
    reader = csv.DictReader(io.StringIO(out.getvalue(), newline=""))
    rows = list(reader)
    return list(reader.fieldnames or []), rows


# --- connection and migrations --------------------------------------------------------------------------


def test_database_url_env_wins(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.delenv(store_db.DATABASE_URL_ENV, raising=False)
    assert database_url(tmp_path) == f"sqlite:///{tmp_path}/oretrace.db"
    monkeypatch.setenv(store_db.DATABASE_URL_ENV, "postgresql://reviewer@db/oretrace")
    assert database_url(tmp_path) == "postgresql://reviewer@db/oretrace"


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://reviewer:secret@db:5432/oretrace",
        "postgres://reviewer:secret@db:5432/oretrace",
        "postgresql+psycopg://reviewer:secret@db:5432/oretrace",
    ],
)
def test_make_engine_uses_psycopg3(url: str) -> None:
    engine = make_engine(url)  # does not connect
    assert engine.url.drivername == "postgresql+psycopg"
    assert (engine.url.host, engine.url.database, engine.url.password) == ("db", "oretrace", "secret")


def test_make_engine_refuses_other_backends() -> None:
    with pytest.raises(ValueError, match="unsupported database"):
        make_engine("mysql://reviewer@db/oretrace")


def test_sqlite_engine_pragmas(tmp_path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path}/oretrace.db")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == store_db.SQLITE_BUSY_TIMEOUT_MS
    engine.dispose()


def test_migrations_up_and_down(bare_engine: Engine) -> None:
    migrate(bare_engine)
    assert set(inspect(bare_engine).get_table_names()) == TABLES | {"alembic_version"}

    # The hand-written migration builds exactly what store.schema declares.
    with bare_engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), schema.Base.metadata)
    assert diff == []

    with bare_engine.begin() as connection:
        command.downgrade(alembic_config(connection), "base")
    assert set(inspect(bare_engine).get_table_names()) == {"alembic_version"}

    migrate(bare_engine)
    assert set(inspect(bare_engine).get_table_names()) == TABLES | {"alembic_version"}
    with bare_engine.connect() as connection:
        heads = ScriptDirectory.from_config(alembic_config(connection)).get_heads()
        assert set(MigrationContext.configure(connection).get_current_heads()) == set(heads)


def test_migrate_current_database_is_a_noop(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("migrate() ran Alembic on an up-to-date database")

    monkeypatch.setattr(command, "upgrade", fail)
    migrate(engine)


def test_the_migration_files_name_the_schema_heads(bare_engine: Engine) -> None:
    """`schema_heads` (the up-to-date check that needs no Alembic) reads the heads Alembic finds."""
    with bare_engine.connect() as connection:
        scripts = ScriptDirectory.from_config(alembic_config(connection))
    assert store_db.schema_heads() == set(scripts.get_heads())
    assert len(store_db.schema_heads()) > 1  # the history branches: every head counts


def test_a_store_one_migration_behind_is_brought_up(bare_engine: Engine) -> None:
    migrate(bare_engine)
    with bare_engine.begin() as connection:
        command.downgrade(alembic_config(connection), "-1")
    migrate(bare_engine)
    with bare_engine.connect() as connection:
        assert set(MigrationContext.configure(connection).get_current_heads()) == store_db.schema_heads()


def test_session_scope_rolls_back_on_error(engine: Engine) -> None:
    with pytest.raises(RuntimeError), session_scope(engine) as session:
        record_document(session, invoice(), INBOX_ROOT, STARTED_AT, FINISHED_AT)
        raise RuntimeError("pipeline crashed")
    with session_scope(engine) as session:
        assert run_counts(session)["extraction_runs"] == 0


def test_foreign_keys_are_enforced(engine: Engine) -> None:
    with pytest.raises(IntegrityError), session_scope(engine) as session:
        session.add(
            schema.Page(
                run_id=999, number=1, width=1, height=1, source="ocr", language="eng", rotation=0, skew=0.0, text=""
            )
        )


# --- recording ------------------------------------------------------------------------------------------


def test_record_document_round_trip(engine: Engine) -> None:
    doc = invoice()
    run_id = _record_document(engine, doc)
    assert isinstance(run_id, int)

    with session_scope(engine) as session:
        assert list(latest_documents(session)) == [doc]  # rebuilt exactly, extra fields and words included

        run = session.get_one(schema.ExtractionRun, run_id)
        assert (run.pipeline_version, run.doc_type, run.doc_type_confidence) == ("0.1.0", "commercial_invoice", 0.96)
        assert (run.page_count, run.text_sources) == (1, "text_layer")
        assert (run.started_at, run.finished_at) == (STARTED_AT, FINISHED_AT)
        assert run.created_at.tzinfo is not None  # server-side default, read back as aware UTC
        assert run.document.sha256 == doc.document_id
        assert run.document.source_path == f"{SHIPMENT_ID}/invoice_INV-88412.pdf"
        assert (run.document.shipment_id, run.document.media_type, run.document.size) == (
            SHIPMENT_ID,
            "application/pdf",
            48_213,
        )

        (page,) = run.pages
        assert (page.number, page.source, page.language, page.width, page.height) == (1, "text_layer", "eng", 595, 842)
        assert page.text.startswith("COMMERCIAL INVOICE No. INV-88412\nDate: 14 March 2024")

        values = {fv.name: fv for fv in run.field_values}
        assert set(values) == set(doc.fields)
        assert values["net_weight_kg"].value_json == 20000.0
        assert values["net_weight_kg"].raw == "20,000 kg"
        assert values["net_weight_kg"].evidence_json == [
            {"page": 1, "bbox": [0.62, 0.2, 0.8, 0.22], "text": "20,000 kg", "document_id": doc.document_id}
        ]
        assert (values["hs_code"].value_json, values["hs_code"].reason) == (None, "no HS code printed on the invoice")
        # Missing is SQL NULL, not the JSON text 'null'.
        missing = session.scalars(select(schema.FieldValue.name).where(schema.FieldValue.value_json.is_(None))).all()
        assert missing == ["hs_code"]

        shipment_row = session.get_one(schema.Shipment, SHIPMENT_ID)
        assert (shipment_row.inbox_root, shipment_row.declared_origin) == (INBOX_ROOT, None)


def test_text_sources_mixed_and_loose_file(engine: Engine) -> None:
    coo = certificate_of_origin()  # page 1 text layer, page 2 OCR
    loose = invoice().model_copy(
        update={"source": invoice().source.model_copy(update={"path": "stray.pdf", "shipment_id": None})}
    )
    coo_run, loose_run = _record_document(engine, coo), _record_document(engine, loose)
    with session_scope(engine) as session:
        assert session.get_one(schema.ExtractionRun, coo_run).text_sources == "mixed"
        assert session.get_one(schema.ExtractionRun, loose_run).document.shipment_id is None
        assert run_counts(session)["shipments"] == 1


def test_rerecording_appends_a_run_and_exports_the_latest_once(engine: Engine) -> None:
    first = _record_document(engine, invoice(total=236_000.0))
    second = _record_document(engine, invoice(total=237_500.0, pipeline_version="0.2.0"), started_at=LATER)
    assert second > first

    with session_scope(engine) as session:
        counts = run_counts(session)
        assert (counts["documents"], counts["extraction_runs"]) == (1, 2)
        # Append-only: the first run and its children are untouched.
        assert session.scalar(select(func.count()).select_from(schema.Page)) == 2
        old_total = session.scalar(
            select(schema.FieldValue.value_json).where(
                schema.FieldValue.run_id == first, schema.FieldValue.name == "total_amount"
            )
        )
        assert old_total == 236_000.0
        (latest,) = latest_documents(session)
        assert (latest.pipeline_version, latest.value("total_amount")) == ("0.2.0", 237_500.0)

    lines = _jsonl(engine)
    assert [line["document_id"] for line in lines] == [invoice().document_id]
    assert lines[0]["fields"]["total_amount"] == 237_500.0
    _, rows = _csv(engine)
    assert [row["total_amount"] for row in rows] == ["237500.0"]


def test_same_content_at_two_paths_is_two_documents(engine: Engine) -> None:
    doc = invoice()
    copy = doc.model_copy(
        update={
            "source": doc.source.model_copy(
                update={"path": "SHP-2024-0118/invoice.pdf", "shipment_id": "SHP-2024-0118"}
            )
        }
    )
    _record_document(engine, doc)
    _record_document(engine, copy)
    with session_scope(engine) as session:
        paths = [d.source.path for d in latest_documents(session)]
    assert paths == ["SHP-2024-0117/invoice_INV-88412.pdf", "SHP-2024-0118/invoice.pdf"]


def test_record_shipment(engine: Engine) -> None:
    result = shipment()
    run_id = _record_shipment(engine, result)

    with session_scope(engine) as session:
        run = session.get_one(schema.ShipmentRun, run_id)
        assert (run.shipment_id, run.verdict, run.declared_origin, run.pipeline_version) == (
            SHIPMENT_ID,
            "flagged",
            "BO",
            "0.1.0",
        )
        assert (run.started_at, run.finished_at) == (STARTED_AT, FINISHED_AT)
        assert [(f.check_id, f.severity, f.status) for f in run.findings] == [
            ("origin_vs_smelter", "high", "open"),
            ("gross_weight_missing", "low", "open"),
        ]
        assert all(f.shipment_id == SHIPMENT_ID and f.created_at.tzinfo for f in run.findings)
        assert len(run.extraction_runs) == 4
        assert session.get_one(schema.Shipment, SHIPMENT_ID).declared_origin == "BO"
        (rejection,) = session.scalars(select(schema.Rejection)).all()
        assert (rejection.source_path, rejection.shipment_id, rejection.shipment_run_id, rejection.sha256) == (
            f"{SHIPMENT_ID}/scan_003.tiff",
            SHIPMENT_ID,
            run_id,
            None,
        )
        assert run_counts(session) == {
            "shipments": 1,
            "documents": 4,
            "extraction_runs": 4,
            "shipment_runs": 1,
            "findings": 2,
            "rejections": 1,
            "open_findings": 2,
        }
        (summary,) = latest_shipments(session)
    assert summary == ShipmentSummary(
        shipment_id=SHIPMENT_ID,
        declared_origin="BO",
        verdict="flagged",
        findings=result.findings,
        document_ids=[d.document_id for d in sorted(result.documents, key=lambda d: d.source.path)],
    )


def test_latest_shipment_reflects_the_latest_check(engine: Engine) -> None:
    _record_shipment(engine, shipment())
    # The certificate of origin was withdrawn: the next check has no declared origin and no findings.
    recheck = ShipmentResult(
        shipment_id=SHIPMENT_ID, documents=[invoice(), packing_list(), assay_certificate()], declared_origin=None
    )
    _record_shipment(engine, recheck, started_at=LATER)

    with session_scope(engine) as session:
        (summary,) = latest_shipments(session)
        assert (summary.verdict, summary.declared_origin, summary.findings) == ("clear", None, [])
        assert set(summary.document_ids) == {
            invoice().document_id,
            packing_list().document_id,
            assay_certificate().document_id,
        }
        assert session.get_one(schema.Shipment, SHIPMENT_ID).declared_origin is None
        counts = run_counts(session)
    # Nothing from the first check is lost.
    assert (counts["shipment_runs"], counts["findings"], counts["extraction_runs"], counts["documents"]) == (2, 2, 7, 4)


def test_record_rejection(engine: Engine) -> None:
    with session_scope(engine) as session:
        hashed = record_rejection(session, rejected_scan(), sha256_of("scan_003.tiff"))
        # A loose file in the inbox root, whose shipment was never recorded and which could not even be hashed.
        loose = record_rejection(
            session, Rejection(source_path="notes.docx", shipment_id=None, reason="Word files are not supported."), None
        )
    with session_scope(engine) as session:
        rows = {r.id: r for r in session.scalars(select(schema.Rejection))}
        assert (rows[hashed].sha256, rows[hashed].shipment_id) == (sha256_of("scan_003.tiff"), SHIPMENT_ID)
        assert (rows[loose].sha256, rows[loose].shipment_id, rows[loose].reason) == (
            None,
            None,
            "Word files are not supported.",
        )
        assert all(r.created_at.tzinfo is not None and r.shipment_run_id is None for r in rows.values())
        assert run_counts(session)["shipments"] == 0


def test_naive_timestamps_are_refused(engine: Engine) -> None:
    with pytest.raises(Exception, match="naive datetime"), session_scope(engine) as session:
        record_document(session, invoice(), INBOX_ROOT, datetime(2024, 3, 20, 9, 0), FINISHED_AT)


def test_latest_documents_streams_and_can_stop_early(engine: Engine) -> None:
    _record_shipment(engine, shipment())
    with session_scope(engine) as session:
        docs = latest_documents(session)
        assert next(docs).source.path == f"{SHIPMENT_ID}/assay_SB-2403.pdf"  # ordered by source path
        if engine.dialect.name == "postgresql":
            # Rows come through a server-side cursor, not one big fetch.
            assert session.scalar(text("SELECT count(*) FROM pg_cursors")) == 1
        docs.close()
        # The session is still usable after abandoning the stream.
        assert run_counts(session)["documents"] == 4


# --- export contract ------------------------------------------------------------------------------------


def _assert_bbox(bbox: object) -> None:
    assert isinstance(bbox, list) and len(bbox) == 4
    assert all(type(v) is float for v in bbox)


def test_export_jsonl_contract(engine: Engine) -> None:
    result = shipment()
    _record_shipment(engine, result)
    lines = _jsonl(engine)

    documents = [line for line in lines if line["kind"] == "document"]
    shipments = [line for line in lines if line["kind"] == "shipment"]
    assert [line["kind"] for line in lines] == ["document"] * 4 + ["shipment"]
    for line in documents:
        assert list(line) == ["kind", "document_id", "source_path", "sha256", "shipment_id", "doc_type", "fields"]
        assert line["document_id"] == line["sha256"] and len(line["sha256"]) == 64
        assert line["shipment_id"] == SHIPMENT_ID
        assert not line["source_path"].startswith("/")  # relative to the inbox root
        assert list(line["fields"]) == list(FIELDS_BY_TYPE[DocType(line["doc_type"])])

    by_type = {line["doc_type"]: line for line in documents}
    assert by_type["commercial_invoice"] == {
        "kind": "document",
        "document_id": invoice().document_id,
        "source_path": "SHP-2024-0117/invoice_INV-88412.pdf",
        "sha256": invoice().document_id,
        "shipment_id": "SHP-2024-0117",
        "doc_type": "commercial_invoice",
        "fields": {
            "invoice_number": "INV-88412",
            "invoice_date": "2024-03-14",
            "seller_name": "Hunan Chenzhou Mining Co., Ltd.",
            "buyer_name": "Rotterdam Metals B.V.",
            "hs_code": None,
            "net_weight_kg": 20000.0,
            "total_amount": 236000.0,
            "currency": "USD",
            "country_of_origin": "CN",
        },
    }
    packing = by_type["packing_list"]["fields"]
    assert packing["lot_numbers"] == ["SB-2403-01", "SB-2403-02"]
    assert type(packing["package_count"]) is int and packing["gross_weight_kg"] is None
    assert by_type["assay_certificate"]["fields"]["composition_pct"] == {"Sb": 99.65, "As": 0.12, "Pb": 0.05}

    (line,) = shipments
    assert list(line) == ["kind", "shipment_id", "declared_origin", "verdict", "findings"]
    assert (line["shipment_id"], line["declared_origin"], line["verdict"]) == (SHIPMENT_ID, "BO", "flagged")
    for finding in line["findings"]:
        assert list(finding) == ["check", "severity", "message", "evidence"]
        assert finding["severity"] in {"high", "medium", "low"}
        for evidence in finding["evidence"]:
            assert list(evidence) == ["document_id", "page", "bbox", "text"]
            assert type(evidence["page"]) is int
            _assert_bbox(evidence["bbox"])
    assert line["findings"][0] == {
        "check": "origin_vs_smelter",
        "severity": "high",
        "message": origin_finding().message,
        "evidence": [
            {
                "document_id": certificate_of_origin().document_id,
                "page": 1,
                "bbox": [0.35, 0.11, 0.5, 0.13],
                "text": "Bolivia",
            },
            {
                "document_id": assay_certificate().document_id,
                "page": 1,
                "bbox": [0.17, 0.11, 0.6, 0.13],
                "text": "Hsikwangshan Twinkling Star",
            },
        ],
    }
    assert line["findings"][1] == {
        "check": "gross_weight_missing",
        "severity": "low",
        "message": "Packing list has no gross weight.",
        "evidence": [],
    }


def test_export_jsonl_integer_bbox_becomes_floats(engine: Engine) -> None:
    # Evidence built with integer coordinates must still export as floats.
    finding = origin_finding()
    evidence = finding.evidence[0].model_copy(update={"bbox": (0, 0, 1, 1)})
    result = ShipmentResult(
        shipment_id=SHIPMENT_ID, documents=[], findings=[finding.model_copy(update={"evidence": [evidence]})]
    )
    _record_shipment(engine, result)
    (line,) = _jsonl(engine)
    assert line["findings"][0]["evidence"][0]["bbox"] == [0.0, 0.0, 1.0, 1.0]
    _assert_bbox(line["findings"][0]["evidence"][0]["bbox"])


def test_export_csv_contract(engine: Engine) -> None:
    _record_shipment(engine, shipment())
    header, rows = _csv(engine)

    assert header == list(CSV_COLUMNS)
    assert header == [
        "document_id", "source_path", "shipment_id", "doc_type",
        "invoice_number", "invoice_date", "seller_name", "buyer_name", "hs_code", "net_weight_kg",
        "total_amount", "currency", "country_of_origin",
        "gross_weight_kg", "package_count", "lot_numbers",
        "certificate_number", "exporter_name", "consignee_name", "issue_date",
        "laboratory", "lot_number", "smelter_name", "composition_pct",
    ]  # fmt: skip
    assert len(rows) == 4  # one row per document
    by_type = {row["doc_type"]: row for row in rows}

    inv = by_type["commercial_invoice"]
    assert (inv["document_id"], inv["source_path"], inv["shipment_id"]) == (
        invoice().document_id,
        "SHP-2024-0117/invoice_INV-88412.pdf",
        SHIPMENT_ID,
    )
    assert (inv["net_weight_kg"], inv["total_amount"], inv["hs_code"]) == ("20000.0", "236000.0", "")
    assert inv["lot_numbers"] == inv["smelter_name"] == ""  # not invoice fields

    packing = by_type["packing_list"]
    assert (packing["lot_numbers"], packing["package_count"], packing["gross_weight_kg"]) == (
        "SB-2403-01;SB-2403-02",
        "20",
        "",
    )
    assert packing["seller_name"] == ""  # read nowhere on a packing list

    assay = by_type["assay_certificate"]
    assert json.loads(assay["composition_pct"]) == {"Sb": 99.65, "As": 0.12, "Pb": 0.05}
    assert assay["laboratory"] == ""
    assert by_type["certificate_of_origin"]["country_of_origin"] == "BO"
