"""Hostile and broken input: each file ends in quarantine with a reason in plain words (or, when its content
is a fine document under a misleading name, is processed by content), and the service stays alive."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pikepdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from oretrace.core.config import Limits, Settings
from oretrace.core.errors import UnreadableDocument
from oretrace.core.models import Rejection
from oretrace.extractors.filetype import sniff_media_type
from oretrace.extractors.safety import find_active_content, refuse_hostile_pdf
from oretrace.pipeline.documents import process_document
from oretrace.store import schema
from oretrace.store.claims import FileState, WatchFile
from oretrace.store.db import make_engine, migrate, session_scope
from oretrace.watch.discover import name_problem, scan_inbox
from tests.conftest import INVOICE_LINES, pdf_bytes, render
from tests.watch_fixtures import WatchRun, inbox_files, sha256_bytes, stop_gracefully, wait_until

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from oretrace.watch.models import Claim, FileTicket, WatchPlaces

SHIPMENT = "SHP-HOSTILE"
MAX_PAGES = 50


# --- the corpus -----------------------------------------------------------------------------------------


def invoice_pdf() -> bytes:
    return pdf_bytes([INVOICE_LINES])


def _with_pikepdf(change: str, attachment: tuple[str, bytes] = ("payload.bin", b"MZ\x90\x00 not a document")) -> bytes:
    with pikepdf.open(io.BytesIO(invoice_pdf())) as pdf:
        if change == "javascript":
            pdf.Root.OpenAction = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)"))
        elif change == "embedded":
            pdf.attachments[attachment[0]] = pikepdf.AttachedFileSpec(pdf, attachment[1])
        out = io.BytesIO()
        # Object streams: the active content is compressed, invisible to a byte search.
        pdf.save(out, object_stream_mode=pikepdf.ObjectStreamMode.generate)
        return out.getvalue()


def encrypted_pdf() -> bytes:
    return pdf_bytes([INVOICE_LINES], encrypt="a-password")


def jpeg_of_invoice() -> bytes:
    out = io.BytesIO()
    render(invoice_pdf(), dpi=150).convert("L").save(out, format="JPEG", quality=85, dpi=(150, 150))
    return out.getvalue()


def png_bomb(side: int = 20_000) -> bytes:
    """A 1-bit PNG of side x side pixels (400 megapixels) in a few dozen kilobytes."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")

    compressor = zlib.compressobj(9)
    row = b"\x00" * (1 + side // 8)
    body = b"".join(compressor.compress(row) for _ in range(side)) + compressor.flush()
    header = side.to_bytes(4, "big") * 2 + bytes([1, 0, 0, 0, 0])
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")


def many_pages_pdf(pages: int = 500) -> bytes:
    return pdf_bytes([[("Helvetica", 11, f"Annex page {n}")] for n in range(1, pages + 1)])


# name in the inbox -> (content, words the quarantine reason must contain)
def hostile_corpus() -> dict[str, tuple[bytes, str]]:
    whole = invoice_pdf()
    return {
        "empty.pdf": (b"", "empty"),
        "truncated.pdf": (whole[: len(whole) // 2], "damaged"),
        "encrypted.pdf": (encrypted_pdf(), "password"),
        "with javascript.pdf": (_with_pikepdf("javascript"), "JavaScript"),
        "with attachment.pdf": (_with_pikepdf("embedded"), "embedded file"),
        "bomb.png": (png_bomb(), "too large to process safely"),
        "annexes-500-pages.pdf": (many_pages_pdf(), f"500 pages; the limit is {MAX_PAGES}"),
        "notes.txt": (b"just some text, not a document\n", "not a PDF, PNG, JPEG, TIFF or XML"),
        "line\nbreak.pdf": (whole, "line break"),
    }


# Fine documents under misleading or unusual names: processed by content and archived.
def fine_corpus() -> dict[str, tuple[bytes, str]]:
    return {
        "scan.pdf": (jpeg_of_invoice(), "image/jpeg"),
        "invoice.jpg": (invoice_pdf(), "application/pdf"),
        "invoice with spaces.pdf": (invoice_pdf() + b"\n% spaces\n", "application/pdf"),
        "factura nº 7 – año 2025 ✓.pdf": (invoice_pdf() + b"\n% unicode\n", "application/pdf"),
    }


# --- plain functions ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    for name, (data, _words) in hostile_corpus().items():
        (root / SHIPMENT).mkdir(exist_ok=True)
        (root / SHIPMENT / name).write_bytes(data)
    return root


@pytest.mark.parametrize("name", [n for n in hostile_corpus() if "\n" not in n])
def test_pipeline_rejects_each_hostile_file_with_its_reason(corpus_dir: Path, tmp_path: Path, name: str) -> None:
    settings = Settings(home=tmp_path, limits=Limits(max_pages=MAX_PAGES))
    outcome = process_document(corpus_dir / SHIPMENT / name, corpus_dir, settings)
    assert isinstance(outcome, Rejection), f"{name} was accepted"
    assert hostile_corpus()[name][1] in outcome.reason


def test_active_content_is_found_inside_compressed_object_streams(tmp_path: Path) -> None:
    for change, words in (("javascript", "JavaScript"), ("embedded", "an embedded file (payload.bin)")):
        data = _with_pikepdf(change)
        if change == "javascript":
            assert b"JavaScript" not in data and b"/JS" not in data  # hidden from a byte search
        path = tmp_path / f"{change}.pdf"
        path.write_bytes(data)
        assert find_active_content(path) == words
    clean = tmp_path / "clean.pdf"
    clean.write_bytes(invoice_pdf())
    assert find_active_content(clean) is None


@pytest.mark.parametrize(
    ("attachment", "refused"),
    [
        (("factur-x.xml", b'<?xml version="1.0"?><rsm:CrossIndustryInvoice/>'), None),
        (("dmp.json", b'{"RefSchemaUrl": "https://schemas.s1seven.com/coa-schemas/v1.1.0/schema.json"}'), None),
        (("factur-x.xml", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00"), "not XML text"),
        (("invoice.exe", b"MZ\x90\x00"), "an embedded file (invoice.exe)"),
        # A PDF beside the XML (a timesheet, a receipt) is a document in its own right, inspected the same way.
        (("nested.pdf", invoice_pdf()), None),
        (("nested.pdf", _with_pikepdf("javascript")), "an embedded PDF (nested.pdf) that contains JavaScript"),
        (("nested.pdf", b"MZ\x90\x00"), "whose content is not a PDF file"),
    ],
)
def test_embedded_structured_data_is_allowed_other_embedded_files_are_not(
    tmp_path: Path, attachment: tuple[str, bytes], refused: str | None
) -> None:
    """Hybrid e-invoices (Factur-X/ZUGFeRD XML) and digital certificates (JSON) embed their data as text,
    and e-invoices often carry annexes as PDFs."""
    path = tmp_path / "hybrid.pdf"
    path.write_bytes(_with_pikepdf("embedded", attachment))
    found = find_active_content(path)
    assert (found is None) if refused is None else (refused in (found or ""))


@given(st.binary(max_size=4096))
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_type_sniffing_and_pdf_inspection_never_raise_on_arbitrary_bytes(tmp_path: Path, data: bytes) -> None:
    sniff_media_type(data)
    path = tmp_path / "fuzz.pdf"
    path.write_bytes(b"%PDF-1.7\n" + data)
    find_active_content(path)  # returns a finding or None, never raises
    with contextlib.suppress(UnreadableDocument):
        refuse_hostile_pdf(path)


@given(st.text(max_size=80))
def test_file_names_are_judged_without_error(name: str) -> None:
    control = any(ord(ch) < 32 or 127 <= ord(ch) < 160 for ch in name)
    undecodable = any(0xD800 <= ord(ch) <= 0xDFFF for ch in name)
    assert (name_problem(name) is not None) == (control or undecodable)


# --- the real service -----------------------------------------------------------------------------------


def _service(tmp_path: Path, **kwargs: object) -> WatchRun:
    run = WatchRun(tmp_path, quiet=1.5, extra_env={"ORETRACE_LIMIT_MAX_PAGES": str(MAX_PAGES)}, **kwargs)
    run.inbox.mkdir(parents=True)
    return run


def _file_rows(run: WatchRun) -> dict[str, WatchFile]:
    engine = run.engine()
    try:
        with session_scope(engine) as session:
            return {row.source_path: row for row in session.execute(select(WatchFile)).scalars()}
    except Exception:
        return {}
    finally:
        engine.dispose()


def _slow_writer(path: Path, data: bytes, seconds: float) -> threading.Thread:
    """Writes data in pieces over `seconds`, like a scanner saving over a slow share."""

    def write() -> None:
        pieces = 8
        step = len(data) // pieces + 1
        with path.open("wb") as handle:
            for start in range(0, len(data), step):
                handle.write(data[start : start + step])
                handle.flush()
                time.sleep(seconds / pieces)

    thread = threading.Thread(target=write)
    thread.start()
    return thread


@pytest.mark.slow
def test_service_quarantines_the_hostile_corpus_and_stays_alive(tmp_path: Path) -> None:
    run = _service(tmp_path)
    hostile, fine = hostile_corpus(), fine_corpus()  # built once: pikepdf writes a new /ID each time
    outside = tmp_path / "outside" / "secret.pdf"
    outside.parent.mkdir()
    outside.write_bytes(invoice_pdf() + b"\n% outside\n")
    process = run.start()
    try:
        folder = run.inbox / SHIPMENT
        folder.mkdir()
        for name, (data, _words) in (hostile | fine).items():
            (folder / name).write_bytes(data)
        (folder / "link-outside.pdf").symlink_to(outside)
        (run.inbox / "loose.pdf").write_bytes(invoice_pdf() + b"\n% loose\n")
        # A file still being written when the service looks, and one removed before it is read.
        growing = invoice_pdf() + b"\n% written slowly\n"
        (run.inbox / "SHP-SLOW").mkdir()
        writer = _slow_writer(run.inbox / "SHP-SLOW" / "slow.pdf", growing, seconds=4.0)
        (folder / "removed soon.pdf").write_bytes(invoice_pdf() + b"\n% removed\n")
        time.sleep(0.3)
        (folder / "removed soon.pdf").unlink()
        writer.join()

        wait_until(lambda: not inbox_files(run.inbox), timeout=120, what="the inbox to empty")
        wait_until(lambda: all(r.archived_at for r in _file_rows(run).values()), timeout=30, what="every move recorded")
        assert process.poll() is None, "the service is still running"
        assert stop_gracefully(process) == 0
    except BaseException:
        print(run.logs()[-8000:])
        raise
    finally:
        run.kill_all()

    rows = _file_rows(run)
    quarantined = {p: r for p, r in rows.items() if r.state == FileState.QUARANTINED}
    for name, (data, words) in hostile.items():
        row = quarantined[f"{SHIPMENT}/{name}"]
        assert words in (row.reason or ""), name
        destination = Path(row.destination or "")
        assert destination.parent.parent == run.quarantine and "\n" not in destination.name
        assert destination.read_bytes() == data
        reason_file = destination.with_name(destination.name + ".reason.txt").read_text()
        assert words in reason_file and repr(f"{SHIPMENT}/{name}") in reason_file

    link = Path(quarantined[f"{SHIPMENT}/link-outside.pdf"].destination or "")
    assert link.is_symlink() and os.readlink(link) == str(outside), "the link itself is quarantined"
    assert "outside the inbox" in (quarantined[f"{SHIPMENT}/link-outside.pdf"].reason or "")
    assert outside.read_bytes().endswith(b"% outside\n"), "the link's target is never touched"
    assert quarantined["loose.pdf"].reason == "not in a shipment folder: put it in INBOX/<shipment>/"

    engine = run.engine()
    with session_scope(engine) as session:
        media = dict(session.execute(select(schema.Document.source_path, schema.Document.media_type)).all())
        slow_sha = session.execute(
            select(schema.Document.sha256).where(schema.Document.source_path == "SHP-SLOW/slow.pdf")
        ).scalar_one()
    engine.dispose()
    for name, (_data, media_type) in fine.items():
        assert media[f"{SHIPMENT}/{name}"] == media_type, name
        assert rows[f"{SHIPMENT}/{name}"].state == FileState.DONE
    assert slow_sha == sha256_bytes(growing), "the file was read only once it was complete"
    assert f"{SHIPMENT}/removed soon.pdf" not in media
    assert sorted(rows) == sorted(
        [f"{SHIPMENT}/{n}" for n in hostile | fine] + [f"{SHIPMENT}/link-outside.pdf", "loose.pdf", "SHP-SLOW/slow.pdf"]
    )


def _registered_shipment(
    tmp_path: Path, files: dict[str, bytes]
) -> tuple[WatchPlaces, Engine, Claim, list[FileTicket]]:
    """Shipment folder S1 holding `files`, claimed by a watch worker and its files registered: (places, engine,
    claim, tickets), ready for the watch steps that follow."""
    from oretrace.watch import steps
    from oretrace.watch.ledger import claim_shipment
    from oretrace.watch.models import WatchPlaces

    inbox = tmp_path / "inbox"
    (inbox / "S1").mkdir(parents=True)
    for name, data in files.items():
        (inbox / "S1" / name).write_bytes(data)
    settings = Settings(home=tmp_path / "home", database_url=f"sqlite:///{tmp_path / 'oretrace.db'}")
    migrate(make_engine(settings.resolved_database_url))
    places = WatchPlaces(
        inbox=inbox, archive=tmp_path / "archive", quarantine=tmp_path / "q", settings=settings, worker_id="t:1"
    )
    engine = steps.engine_for(places.database_url)
    claim = claim_shipment(engine, "S1", str(inbox), "t:1", 60)
    assert claim is not None
    return places, engine, claim, steps.register(places, scan_inbox(inbox)[0])


def test_a_file_removed_between_registration_and_reading_is_recorded_as_vanished(tmp_path: Path) -> None:
    from oretrace.watch import steps

    files = {"invoice.pdf": invoice_pdf(), "gone.pdf": invoice_pdf() + b"\n% gone\n"}
    places, engine, claim, tickets = _registered_shipment(tmp_path, files)
    (places.inbox / "S1" / "gone.pdf").unlink()
    outcomes = [steps.extract(places, t) for t in tickets]
    result = steps.check(places, "S1", tickets, outcomes)
    report = steps.commit(
        places,
        claim,
        tickets,
        outcomes,
        result,
        datetime.now(UTC),
    )
    moves = steps.settle(places, "S1")
    assert (report.processed, report.vanished) == (1, 1)
    assert [m.moved for m in moves] == [True]
    with session_scope(engine) as session:
        states = dict(session.execute(select(WatchFile.source_path, WatchFile.state)).all())
        assert session.execute(select(func.count()).select_from(schema.Document)).scalar_one() == 1
    assert states == {"S1/invoice.pdf": "done", "S1/gone.pdf": "vanished"}


# --- read-only inbox and full disk (need mount: root in a container that allows it) --------------------


@pytest.fixture
def mount_point(tmp_path: Path) -> Iterator[Callable[..., None]]:
    mounted: list[Path] = []

    def mount(*args: str, target: Path) -> None:
        target.mkdir(parents=True, exist_ok=True)
        result = subprocess.run(["mount", *args, str(target)], capture_output=True, text=True)
        if result.returncode != 0:
            pytest.skip(f"cannot mount here ({result.stderr.strip() or result.returncode}); needs root with mount")
        mounted.append(target)

    yield mount
    for target in reversed(mounted):
        subprocess.run(["umount", "-l", str(target)], check=False)


@pytest.mark.slow
def test_read_only_inbox_is_processed_once_and_left_in_place(tmp_path: Path, mount_point: Callable[..., None]) -> None:
    if os.geteuid() != 0:
        pytest.skip("a read-only bind mount needs root")
    source = tmp_path / "share"
    (source / "S-RO").mkdir(parents=True)
    (source / "S-RO" / "invoice.pdf").write_bytes(invoice_pdf())
    run = WatchRun(tmp_path / "svc", quiet=1.0)
    mount_point("--bind", str(source), target=run.inbox)
    subprocess.run(["mount", "-o", "remount,bind,ro", str(run.inbox)], check=True)
    with pytest.raises(OSError):
        (run.inbox / "probe").write_bytes(b"")
    process = run.start()
    try:
        wait_until(lambda: any(r.archived_at for r in _file_rows(run).values()), timeout=90, what="the copy")
        time.sleep(3)  # several more passes: the file still there must not be processed again
        assert process.poll() is None
        assert stop_gracefully(process) == 0
    except BaseException:
        print(run.logs()[-6000:])
        raise
    finally:
        run.kill_all()
    row = _file_rows(run)["S-RO/invoice.pdf"]
    assert row.state == FileState.DONE and "read-only" in (row.last_error or "")
    assert Path(row.destination or "").read_bytes() == invoice_pdf()
    assert (source / "S-RO" / "invoice.pdf").read_bytes() == invoice_pdf()
    engine = run.engine()
    with session_scope(engine) as session:
        assert session.execute(select(func.count()).select_from(schema.ExtractionRun)).scalar_one() == 1
    engine.dispose()


@pytest.mark.slow
def test_full_archive_disk_keeps_the_file_and_retries(tmp_path: Path, mount_point: Callable[..., None]) -> None:
    run = WatchRun(tmp_path, quiet=1.0, extra_args=["--retry-seconds", "2"])
    mount_point("-t", "tmpfs", "-o", "size=256k", "tmpfs", target=run.archive)
    filler = run.archive / "filler"
    with filler.open("wb") as handle, contextlib.suppress(OSError):  # fill the small disk
        handle.write(b"\0" * 1024 * 1024)
    data = invoice_pdf() + b"\0" * 100_000  # more than the space left, less than the whole disk
    run.inbox.mkdir(parents=True)
    (run.inbox / "S-FULL").mkdir()
    (run.inbox / "S-FULL" / "invoice.pdf").write_bytes(data)
    process = run.start()
    try:
        wait_until(
            lambda: "disk is full" in (getattr(_file_rows(run).get("S-FULL/invoice.pdf"), "last_error", "") or ""),
            timeout=90,
            what="the full disk to be reported",
        )
        assert process.poll() is None, "the service survives a full disk"
        assert (run.inbox / "S-FULL" / "invoice.pdf").read_bytes() == data, "the source is untouched"
        assert not [p for p in run.archive.rglob("*") if ".partial-" in p.name], "no partial copy is left"
        filler.unlink()  # space again: the next retry moves it
        wait_until(lambda: not inbox_files(run.inbox), timeout=60, what="the retried move")
        assert stop_gracefully(process) == 0
    except BaseException:
        print(run.logs()[-6000:])
        raise
    finally:
        run.kill_all()
    row = _file_rows(run)["S-FULL/invoice.pdf"]
    assert Path(row.destination or "").read_bytes() == data and row.archived_at is not None
    engine = run.engine()
    with session_scope(engine) as session:
        assert session.execute(select(func.count()).select_from(schema.ExtractionRun)).scalar_one() == 1
    engine.dispose()


def test_quarantine_reason_file_names_original(tmp_path: Path) -> None:
    from oretrace.extractors.document import sha256_of
    from oretrace.watch.files import move_verified, write_reason

    source = tmp_path / "in" / "bad.pdf"
    source.parent.mkdir()
    source.write_bytes(b"broken")
    destination = tmp_path / "q" / "bad.pdf"
    destination.parent.mkdir()
    write_reason(destination, "S/bad.pdf", "S", "the PDF is damaged", sha256_of(source))
    move_verified(source, destination, sha256_of(source))
    assert not source.exists() and destination.read_bytes() == b"broken"
    assert "Reason: the PDF is damaged" in (tmp_path / "q" / "bad.pdf.reason.txt").read_text()


# --- a fault of the reading code on one document --------------------------------------------------------

BROKEN_MARK = "Annex: a page the extractor fails on"


def _fails_on_marked_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """The invoice extractor, failing (as a bug in it would) on documents that carry BROKEN_MARK."""
    from oretrace.core.models import DocType
    from oretrace.extractors.fields.registry import EXTRACTORS

    real = EXTRACTORS[DocType.COMMERCIAL_INVOICE]

    def extractor(view):  # type: ignore[no-untyped-def]
        if any(BROKEN_MARK in p.text for row in view.rows for p in row):
            raise KeyError((1, 20))
        return real(view)

    monkeypatch.setitem(EXTRACTORS, DocType.COMMERCIAL_INVOICE, extractor)


def test_a_fault_reading_one_document_quarantines_it_and_the_shipment_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from oretrace.watch import steps

    _fails_on_marked_pages(monkeypatch)
    broken = pdf_bytes([[*INVOICE_LINES, ("Helvetica", 11, BROKEN_MARK)]])
    files = {"invoice.pdf": invoice_pdf(), "broken.pdf": broken}
    places, engine, claim, tickets = _registered_shipment(tmp_path, files)
    outcomes = [steps.extract(places, t) for t in tickets]
    result = steps.check(places, "S1", tickets, outcomes)
    assert [d.source.path for d in result.documents] == ["S1/invoice.pdf"], "the shipment's other document is read"
    [rejection] = result.rejected
    assert rejection.source_path == "S1/broken.pdf" and rejection.reason.endswith("(KeyError: (1, 20))")
    report = steps.commit(places, claim, tickets, outcomes, result, datetime.now(UTC))
    steps.settle(places, "S1")
    assert (report.processed, report.quarantined) == (1, 1)
    with session_scope(engine) as session:
        rows = {r.source_path: r for r in session.execute(select(WatchFile)).scalars()}
        stored = dict(session.execute(select(schema.Rejection.source_path, schema.Rejection.reason)).all())
    assert stored == {"S1/broken.pdf": rejection.reason}
    destination = Path(rows["S1/broken.pdf"].destination or "")
    assert destination.read_bytes() == broken, "quarantined whole, never deleted or overwritten"
    assert "KeyError" in destination.with_name(destination.name + ".reason.txt").read_text()
    assert rows["S1/invoice.pdf"].state == FileState.DONE
