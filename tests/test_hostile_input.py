"""Hostile input measured from outside: each finding is a test here, on the plain functions and through the
`oretrace run` and `oretrace watch` commands over one hostile inbox (tests/hostile_corpus.py)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from typer.testing import CliRunner

from oretrace.cli.main import app
from oretrace.core.config import get_settings
from oretrace.core.csv_cells import escape_cell
from oretrace.extractors.safety import find_active_content
from oretrace.store.audit import ProblemKind, append_entry, verify_chain
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
from tests.test_review_cli import cli_store, fast_argon2

__all__ = ["cli_store", "fast_argon2"]  # fixtures of the review CLI's tests, used here

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


# --- item 9: cutting the log's end and setting the head back ------------------------------------------------


@pytest.fixture
def anchor_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    anchor = tmp_path / "anchor" / "audit-head.log"
    monkeypatch.setenv("ORETRACE_AUDIT_ANCHOR", str(anchor))
    get_settings.cache_clear()
    yield anchor
    get_settings.cache_clear()


@pytest.fixture
def anchored_store(anchor_file: Path, cli_store: Engine) -> tuple[Engine, Path]:
    """The review CLI's store (one recorded shipment), its audit entries anchored in a file outside it
    (anchor_file comes first: the setting is in force before the shipment is recorded)."""
    return cli_store, anchor_file


def _cut_the_end(engine: Engine, entries: int) -> None:
    """What an attacker with the database's credentials does: delete the last entries, set the head back."""
    with engine.begin() as connection:
        last = connection.execute(text("SELECT max(seq) FROM audit_log")).scalar_one()
        keep = last - entries
        connection.execute(text("DELETE FROM audit_log WHERE seq > :keep"), {"keep": keep})
        connection.execute(
            text(
                "UPDATE audit_head SET last_seq = :keep, "
                "last_hash = (SELECT entry_hash FROM audit_log WHERE seq = :keep)"
            ),
            {"keep": keep},
        )


def test_a_cut_end_with_the_head_set_back_fails_a_plain_audit_verify(
    anchored_store: tuple[Engine, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    engine, anchor = anchored_store
    lines = anchor.read_text().splitlines()
    assert lines, "every commit that appended entries wrote its head to the anchor file"
    verified = CliRunner().invoke(app, ["audit", "verify"])
    assert verified.exit_code == 0 and f"matches the anchor file {anchor}" in verified.output, verified.output

    _cut_the_end(engine, entries=2)
    broken = CliRunner().invoke(app, ["audit", "verify"])
    assert broken.exit_code == 1, broken.output
    assert "(truncated)" in broken.output and "the last entries were deleted" in broken.output

    # What is not detected without the anchor: the shorter chain is consistent in itself.
    monkeypatch.delenv("ORETRACE_AUDIT_ANCHOR")
    get_settings.cache_clear()
    unanchored = CliRunner().invoke(app, ["audit", "verify"])
    assert unanchored.exit_code == 0 and "a cut end with its head set back would go unseen" in unanchored.output


def test_a_rewritten_log_no_longer_holds_the_anchored_entry(anchored_store: tuple[Engine, Path]) -> None:
    engine, anchor = anchored_store
    seq, digest = anchor.read_text().splitlines()[-1].split()[:2]
    with engine.begin() as connection:  # the anchored entry replaced by one whose hash was recomputed
        connection.execute(text("UPDATE audit_log SET entry_hash = :h WHERE seq = :s"), {"h": "f" * 64, "s": int(seq)})
        connection.execute(text("UPDATE audit_head SET last_hash = :h"), {"h": "f" * 64})
    with session_scope(engine) as session:
        result = verify_chain(session, anchor)
    assert (
        not result.ok
        and result.problem is not None
        and result.problem.kind
        in (
            ProblemKind.ALTERED,
            ProblemKind.DELETED,
        )
    )
    assert digest != "f" * 64


def test_a_rolled_back_append_is_not_anchored(engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    anchor = tmp_path / "anchor.log"
    monkeypatch.setenv("ORETRACE_AUDIT_ANCHOR", str(anchor))
    get_settings.cache_clear()
    try:
        with session_scope(engine) as session:
            append_entry(session, actor="cli", action="test.kept", subject="t:1", details={})
        with pytest.raises(RuntimeError), session_scope(engine) as session:
            append_entry(session, actor="cli", action="test.dropped", subject="t:2", details={})
            raise RuntimeError("rolled back")
        with session_scope(engine) as session:
            append_entry(session, actor="cli", action="test.kept", subject="t:3", details={})
            append_entry(session, actor="cli", action="test.kept", subject="t:4", details={})
    finally:
        get_settings.cache_clear()
    assert [line.split()[0] for line in anchor.read_text().splitlines()] == ["1", "3"]
    with session_scope(engine) as session:
        assert verify_chain(session, anchor).ok
