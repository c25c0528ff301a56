"""Hostile input measured from outside: each finding is a test here, on the plain functions and through the
`oretrace run` and `oretrace watch` commands over one hostile inbox (tests/hostile_corpus.py)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from sqlalchemy import Engine

from oretrace.core.csv_cells import escape_cell
from oretrace.extractors.safety import find_active_content
from oretrace.store.db import session_scope
from oretrace.store.export import write_csv
from oretrace.store.repository import record_document
from tests.hostile_corpus import (
    FORMULA_SHIPMENTS,
    in_object_streams,
    invoice_pdf,
    javascript_chain_pdf,
    javascript_update_pdf,
    object_flood_pdf,
)
from tests.store_fixtures import FINISHED_AT, INBOX_ROOT, STARTED_AT, invoice, source

# --- item 3: the active-content filter walks every object once ---------------------------------------------


@pytest.mark.parametrize(
    "build",
    [
        pytest.param(lambda: javascript_chain_pdf(74), id="chain-74"),
        pytest.param(lambda: javascript_chain_pdf(200), id="chain-200"),
        pytest.param(lambda: javascript_chain_pdf(200, at=199), id="chain-200-at-the-end"),
        pytest.param(lambda: javascript_chain_pdf(5000, at=4999), id="chain-5000"),
        pytest.param(lambda: javascript_chain_pdf(200, arrays=True), id="array-chain-200"),
        pytest.param(lambda: in_object_streams(javascript_chain_pdf(200)), id="chain-200-in-object-streams"),
        pytest.param(javascript_update_pdf, id="incremental-update"),
    ],
)
def test_javascript_is_found_however_deep_the_chain_that_reaches_it_first(tmp_path: Path, build) -> None:
    path = tmp_path / "hostile.pdf"
    path.write_bytes(build())
    assert find_active_content(path) == "JavaScript"


def test_the_clean_documents_of_the_chains_pass(tmp_path: Path) -> None:
    path = tmp_path / "clean.pdf"
    path.write_bytes(invoice_pdf())
    assert find_active_content(path) is None


def test_a_file_with_more_objects_than_the_limit_is_refused_not_half_inspected(tmp_path: Path) -> None:
    path = tmp_path / "flood.pdf"
    path.write_bytes(object_flood_pdf(1000))
    assert find_active_content(path, max_objects=2000) is None
    assert find_active_content(path, max_objects=500) == "more than 500 objects, too many to inspect safely"


# --- item 5: one CSV writer, formula cells escaped everywhere ----------------------------------------------


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=HYPERLINK(1)", "'=HYPERLINK(1)"),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(1)", "'@SUM(1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("INV-88412", "INV-88412"),
        (-12.5, -12.5),
        (None, ""),
    ],
)
def test_cells_a_spreadsheet_would_run_are_written_as_text(value: object, cell: object) -> None:
    assert escape_cell(value) == cell


def test_export_csv_escapes_formulas_from_folder_names_and_document_text(engine: Engine) -> None:
    for n, folder in enumerate(FORMULA_SHIPMENTS):
        doc = invoice()
        src = source(f"{folder}/invoice-{n}.pdf")
        fields = dict(doc.fields)
        fields["seller_name"] = fields["seller_name"].model_copy(update={"value": "=1+2"})
        doc = doc.model_copy(update={"source": src, "fields": fields})
        with session_scope(engine) as session:
            record_document(session, doc, INBOX_ROOT, STARTED_AT, FINISHED_AT)
    out = io.StringIO(newline="")
    with session_scope(engine) as session:
        assert write_csv(session, out) == len(FORMULA_SHIPMENTS)
    rows = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    for row in rows:
        for column, value in row.items():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), (column, value)
    assert sorted(r["shipment_id"] for r in rows) == sorted("'" + f for f in FORMULA_SHIPMENTS)
    assert {r["seller_name"] for r in rows} == {"'=1+2"}
