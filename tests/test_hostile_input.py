"""Hostile input measured from outside: each finding is a test here, on the plain functions and through the
`oretrace run` and `oretrace watch` commands over one hostile inbox (tests/hostile_corpus.py)."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import time
import zlib
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import Engine, func, select, text
from typer.testing import CliRunner

from oretrace.cli.main import app
from oretrace.core.config import Limits, Settings, get_settings
from oretrace.core.csv_cells import escape_cell
from oretrace.core.models import ExtractedDocument, Rejection
from oretrace.core.names import display_name, is_decodable, printable
from oretrace.extractors.safety import find_active_content
from oretrace.pipeline.documents import process_document
from oretrace.pipeline.inbox import InboxSnapshot, fs_path
from oretrace.review import page_images
from oretrace.store import schema
from oretrace.store.audit import ProblemKind, append_entry, verify_chain
from oretrace.store.claims import FileState, WatchFile
from oretrace.store.db import make_engine, session_scope
from oretrace.store.export import write_csv
from oretrace.store.inbox_runs import InboxRun
from oretrace.store.portfolio_review import INBOX_ROOT as PORTFOLIO_ROOT
from oretrace.store.repository import record_document
from tests.conftest import command_env
from tests.hostile_corpus import (
    FORMULA_SHIPMENTS,
    INVOICE_TEXT,
    HostileInbox,
    blank_huge_pdf,
    build_hostile_inbox,
    in_object_streams,
    invoice_pdf,
    javascript_chain_pdf,
    javascript_update_pdf,
    low_dpi_png,
    object_flood_pdf,
    page_objects,
    pdf_from_objects,
    text_huge_pdf,
)
from tests.store_fixtures import FINISHED_AT, INBOX_ROOT, STARTED_AT, invoice, source
from tests.test_review_cli import cli_store, fast_argon2
from tests.watch_fixtures import WatchRun, postgres_schema_url, sha256_bytes, stop_gracefully, wait_until

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

    # Two entries that record no row (failed logins), then cut from the end with the head set back.
    with session_scope(engine) as session:
        for _ in range(2):
            append_entry(session, actor="client:192.0.2.7", action="login.failed", subject="user:x", details={})
    _cut_the_end(engine, entries=2)
    broken = CliRunner().invoke(app, ["audit", "verify"])
    assert broken.exit_code == 1, broken.output
    assert "(truncated)" in broken.output and "the last entries were deleted" in broken.output

    # What is not detected without the anchor: the shorter chain is consistent in itself.
    monkeypatch.delenv("ORETRACE_AUDIT_ANCHOR")
    get_settings.cache_clear()
    unanchored = CliRunner().invoke(app, ["audit", "verify"])
    assert unanchored.exit_code == 0 and "a cut end with its head set back would go unseen" in unanchored.output

    # Cut entries that recorded rows are seen even so: their rows are still in the store, recorded by no entry
    # (deleting those rows too would change rows that other entries record).
    _cut_the_end(engine, entries=2)
    cut_records = CliRunner().invoke(app, ["audit", "verify"])
    assert cut_records.exit_code == 1 and "recorded by no audit entry" in cut_records.output, cut_records.output


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


# --- item 1: a resource budget that holds before the work starts --------------------------------------------


def _one(tmp_path: Path, name: str, data: bytes, **limits: object) -> Rejection | ExtractedDocument:
    (tmp_path / "S").mkdir(exist_ok=True)
    path = tmp_path / "S" / name
    path.write_bytes(data)
    return process_document(path, tmp_path, Settings(home=tmp_path / "home", limits=Limits(**limits)))


def test_a_page_larger_than_any_document_is_refused_before_it_is_rendered(tmp_path: Path) -> None:
    # A blank page needs rendering for OCR; a 1,200 pt page is refused under a 1,000 pt limit, unrendered.
    outcome = _one(tmp_path, "blank.pdf", blank_huge_pdf(1200), max_page_points=1000)
    assert isinstance(outcome, Rejection)
    assert "page 1 is 1,200 x 1,200 pt (42 x 42 cm); the largest page read is 1,000 pt" in outcome.reason


def test_a_born_digital_page_seven_metres_wide_is_refused_though_its_text_reads(tmp_path: Path) -> None:
    outcome = _one(tmp_path, "text.pdf", text_huge_pdf())
    assert isinstance(outcome, Rejection) and "20,000 x 20,000 pt (706 x 706 cm)" in outcome.reason


def test_a_page_whose_bitmap_would_exceed_the_pixel_budget_is_refused_before_rendering(tmp_path: Path) -> None:
    outcome = _one(tmp_path, "a2.pdf", blank_huge_pdf(1191), max_image_pixels=10_000_000)  # A2 at 300 dpi
    assert isinstance(outcome, Rejection)
    assert "would be 4,962 x 4,962 pixels at 300 dpi (25 megapixels); the limit is 10 megapixels" in outcome.reason


def test_an_image_stating_a_low_resolution_is_refused_from_its_header(tmp_path: Path) -> None:
    outcome = _one(tmp_path, "low.png", low_dpi_png(1000, 50), max_image_pixels=10_000_000)
    assert isinstance(outcome, Rejection)
    assert "1000x1000 pixels stated at 50 dpi: read at 300 dpi it would be 5,998 x 5,998 pixels" in outcome.reason


def test_an_image_whose_decoded_bytes_exceed_the_budget_is_refused_unloaded(tmp_path: Path) -> None:
    out = io.BytesIO()
    Image.new("RGB", (1500, 1500), "white").save(out, format="PNG", dpi=(300, 300))
    outcome = _one(tmp_path, "rgb.png", out.getvalue(), max_decoded_bytes=4_000_000)
    assert isinstance(outcome, Rejection) and "in mode RGB decode to 9 MiB; the limit is 4 MiB" in outcome.reason


def test_a_stream_that_inflates_beyond_the_budget_is_refused_before_a_pdf_library_reads_it(tmp_path: Path) -> None:
    zeros = zlib.compress(b"\0" * (8 << 20), 9)
    objects = page_objects(text=INVOICE_TEXT)
    objects[9] = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(zeros) + zeros + b"\nendstream"
    outcome = _one(tmp_path, "bomb.pdf", pdf_from_objects(objects), max_decoded_bytes=4 << 20)
    assert isinstance(outcome, Rejection) and "inflates to more than 4 MiB" in outcome.reason
    fine = _one(tmp_path, "fine.pdf", pdf_from_objects(objects), max_decoded_bytes=16 << 20)
    assert isinstance(fine, ExtractedDocument)


def test_a_page_drawing_an_image_that_decodes_beyond_the_budget_is_refused_before_rendering(tmp_path: Path) -> None:
    side = 4000  # 16 MB of gray pixels, run-length encoded into 250 KB
    data = b"\x81\x00" * (side * side // 128) + b"\x80"
    objects = page_objects()
    objects[3] = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 6 0 R >> >> "
        b"/Contents 7 0 R >>"
    )
    objects[6] = (
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 "
        b"/Filter /RunLengthDecode /Length %d >>\nstream\n" % (side, side, len(data)) + data + b"\nendstream"
    )
    draw = b"q 595 0 0 842 0 0 cm /Im1 Do Q"
    objects[7] = b"<< /Length %d >>\nstream\n" % len(draw) + draw + b"\nendstream"
    outcome = _one(tmp_path, "image.pdf", pdf_from_objects(objects), max_decoded_bytes=8 << 20)
    assert isinstance(outcome, Rejection)
    assert "draws images that decode to more than 8 MiB (one is 4000x4000 pixels)" in outcome.reason


def test_workspace_page_images_keep_the_budget_and_a_screens_size(tmp_path: Path) -> None:
    big = tmp_path / "big.pdf"
    big.write_bytes(text_huge_pdf(5000))  # allowed, but 8,333 pixels a side at 120 dpi
    full = page_images.PageSize.FULL
    for size in page_images.PageSize:
        png = page_images.cached_page_png(tmp_path / "cache", big, "b" * 64, "application/pdf", 1, size=size)
        with Image.open(png) as image:
            assert max(image.size) == page_images.DISPLAY_LONG_SIDE
    # The full size of an A4 page is sharper than its screen size, within the same bound.
    a4 = tmp_path / "a4.pdf"
    a4.write_bytes(invoice_pdf())
    screen, full_size = (
        Image.open(page_images.cached_page_png(tmp_path / "cache", a4, "a" * 64, "application/pdf", 1, size=s))
        for s in page_images.PageSize
    )
    with screen, full_size:
        assert screen.width < full_size.width and max(full_size.size) == page_images.DISPLAY_LONG_SIDE
    huge = tmp_path / "huge.pdf"
    huge.write_bytes(text_huge_pdf())
    with pytest.raises(page_images.PageImageError, match="20,000 x 20,000 pt"):
        page_images.cached_page_png(tmp_path / "cache", huge, "c" * 64, "application/pdf", 1)
    with pytest.raises(page_images.PageImageError, match="20,000 x 20,000 pt"):
        page_images.cached_page_png(tmp_path / "cache", huge, "c" * 64, "application/pdf", 1, size=full)
    assert not list((tmp_path / "cache").glob("cc/*.png"))


def test_workspace_renders_a_page_once_when_requests_arrive_together(tmp_path: Path, monkeypatch) -> None:
    source = tmp_path / "invoice.pdf"
    source.write_bytes(invoice_pdf())
    calls = []
    real = page_images.render_page

    def counted(*args: object, **kwargs: object) -> Image.Image:
        calls.append(args)
        time.sleep(0.2)
        return real(*args, **kwargs)

    monkeypatch.setattr(page_images, "render_page", counted)
    with ThreadPoolExecutor(4) as pool:
        paths = set(
            pool.map(
                lambda _: page_images.cached_page_png(tmp_path / "c", source, "d" * 64, "application/pdf", 1), range(4)
            )
        )
    assert len(paths) == 1 and len(calls) == 1


# --- items 2 and 4: every name the file system holds; no link followed ---------------------------------------


def test_the_inbox_snapshot_refuses_links_and_unrecordable_names_without_opening_them(tmp_path: Path) -> None:
    inbox = build_hostile_inbox(tmp_path, with_good_shipment=False)
    snapshot = InboxSnapshot.take(inbox.root)
    read = {p.relative_to(inbox.root).as_posix() for p in snapshot.paths}
    refused = {r.source_path: r.reason for r in snapshot.refused}
    for relative, words in inbox.refused.items():
        shown = relative.decode("utf-8", "backslashreplace")
        if words in ("symbolic link", "UTF-8"):
            assert shown not in read and words in refused[shown], shown
    assert all(not (inbox.root / p).is_symlink() for p in read)
    assert "SHP-LINKED" not in {s.shipment_id for s in snapshot.shipments}
    assert refused["SHP-NAMES/factura-\\xe9.pdf"].startswith("the file name is not valid UTF-8")
    assert {s.shipment_id for s in snapshot.shipments} >= {"SHP-\\xff\\xfe", "SHP-NAMES", "SHP-LINKS"}
    assert "SHP-LINKS/invoice.pdf" in read and "SHP-NAMES/invoice.pdf" in read
    # The file behind a recorded display name is found again (to be moved to quarantine).
    assert fs_path(inbox.root, "SHP-NAMES/factura-\\xe9.pdf").read_bytes().startswith(b"%PDF")
    assert fs_path(inbox.root, "SHP-\\xff\\xfe/invoice.pdf").is_file()


def test_display_names_are_valid_utf8_and_utf8_names_are_unchanged() -> None:
    raw = os.fsdecode(b"factura-\xe9 \xe2\x9c\x93.pdf")
    assert display_name(raw) == "factura-\\xe9 \u2713.pdf"
    display_name(raw).encode("utf-8")
    assert display_name("año ✓.pdf") == "año ✓.pdf"
    assert printable("line\nbreak") == "line\\nbreak"


# --- the hostile inbox through the real commands -------------------------------------------------------------


def _env(home: Path, url: str) -> dict[str, str]:
    return command_env(ORETRACE_HOME=str(home), ORETRACE_DATABASE_URL=url)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'oretrace.db'}"
        return
    with postgres_schema_url() as url:
        if url is None:
            pytest.skip("PostgreSQL not configured: set ORETRACE_TEST_POSTGRES_URL to run these tests against it")
        yield url


def _stored(url: str) -> tuple[set[str], dict[str, str], set[str], int]:
    """Document paths, rejection reasons by path, shipments with a run, completed inbox runs."""
    engine = make_engine(url)
    try:
        with session_scope(engine) as session:
            documents = set(session.scalars(select(schema.Document.source_path)))
            rejections = dict(session.execute(select(schema.Rejection.source_path, schema.Rejection.reason)).all())
            # Inbox shipments only: the portfolio's subjects are stored as runs of their own.
            shipments = set(
                session.scalars(
                    select(schema.ShipmentRun.shipment_id)
                    .join(schema.Shipment, schema.Shipment.id == schema.ShipmentRun.shipment_id)
                    .where(schema.Shipment.inbox_root != PORTFOLIO_ROOT)
                )
            )
            runs = session.scalar(select(func.count()).select_from(InboxRun)) or 0
    finally:
        engine.dispose()
    return documents, rejections, shipments, runs


def _expected(inbox: HostileInbox) -> tuple[set[str], set[str]]:
    documents = {f"{shipment}/{name}" for shipment, names in inbox.good.items() for name in names}
    shipments = set(inbox.good) | {"SHP-HUGE", "SHP-JS", "SHP-NAMES", "SHP-\\xff\\xfe"}
    return documents, shipments


@pytest.mark.slow
def test_oretrace_run_over_the_hostile_inbox(tmp_path: Path, store_url: str) -> None:
    inbox = build_hostile_inbox(tmp_path)
    env = _env(tmp_path / "home", store_url)
    command = [sys.executable, "-m", "oretrace", "run", str(inbox.root)]
    done = subprocess.run(command, env=env, cwd=tmp_path, capture_output=True, timeout=900, check=False)
    stdout = done.stdout.decode("utf-8")  # strict: everything printed is valid UTF-8
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")[-4000:]

    documents, rejections, shipments, runs = _stored(store_url)
    expected_documents, expected_shipments = _expected(inbox)
    assert documents == expected_documents, "the good shipments whole, nothing hostile stored as a document"
    assert shipments == expected_shipments and runs == 1, "every shipment recorded, the run completed"
    for relative, words in inbox.refused.items():
        shown = relative.decode("utf-8", "backslashreplace")
        assert words in rejections[shown], (shown, rejections.get(shown))
        assert f"rejected {shown}: " in stdout
    outside = {sha256_bytes(p.read_bytes()) for p in inbox.outside.rglob("*.pdf")}
    assert not outside & {schema_sha for schema_sha in _document_hashes(store_url)}, "nothing outside was stored"

    again = subprocess.run(command, env=env, cwd=tmp_path, capture_output=True, timeout=300, check=False)
    assert again.returncode == 0 and b"unchanged since the run that finished" in again.stdout

    exported = subprocess.run(
        [sys.executable, "-m", "oretrace", "export", "--format", "csv"], env=env, cwd=tmp_path, capture_output=True,
        timeout=300, check=True,
    )  # fmt: skip
    rows = list(csv.reader(io.StringIO(exported.stdout.decode("utf-8"), newline="")))
    assert len(rows) == len(expected_documents) + 1
    assert not [cell for row in rows for cell in row if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]


def _document_hashes(url: str) -> set[str]:
    engine = make_engine(url)
    try:
        with session_scope(engine) as session:
            return set(session.scalars(select(schema.Document.sha256)))
    finally:
        engine.dispose()


def _remaining(root: Path) -> list[str]:
    """Every file and link left under root, links not followed."""
    left = []
    for folder, dirs, names in os.walk(root, followlinks=False):
        left += [os.path.join(folder, n) for n in names]
        left += [os.path.join(folder, d) for d in dirs if os.path.islink(os.path.join(folder, d))]
    return left


@pytest.mark.slow
def test_oretrace_watch_over_the_hostile_inbox(tmp_path: Path, store_url: str) -> None:
    run = WatchRun(tmp_path / "svc", database_url=store_url, quiet=1.0)
    run.root.mkdir()
    inbox = build_hostile_inbox(run.root)
    process = run.start()
    try:
        wait_until(lambda: not _remaining(run.inbox), timeout=300, what="every file out of the inbox")
        assert process.poll() is None, "the service is still running"
        assert stop_gracefully(process) == 0
    except BaseException:
        print(run.logs()[-8000:])
        raise
    finally:
        run.kill_all()

    documents, _rejections, _shipments, _runs = _stored(store_url)
    expected_documents, _ = _expected(inbox)
    assert documents == expected_documents
    engine = make_engine(store_url)
    with session_scope(engine) as session:
        rows = {row.source_path: row for row in session.scalars(select(WatchFile))}
    engine.dispose()
    for path in expected_documents:
        assert rows[path].state == FileState.DONE and Path(rows[path].destination or "").is_file(), path
    for relative, words in inbox.refused.items():
        shown = relative.decode("utf-8", "backslashreplace")
        row = rows[shown]
        assert row.state == FileState.QUARANTINED and words in (row.reason or ""), (shown, row.reason)
        destination = Path(row.destination or "")
        assert destination.is_symlink() or destination.is_file(), shown
        reason_file = destination.with_name(destination.name + ".reason.txt").read_text(encoding="utf-8")
        assert words in reason_file
        if not is_decodable(os.fsdecode(relative)):
            assert f"byte for byte: {relative!r}" in reason_file
