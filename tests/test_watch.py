"""The watch service's plain functions: scanning, stability, versions and duplicates, claims, moves, status."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from oretrace.core.config import Settings
from oretrace.extractors.document import sha256_of
from oretrace.store import schema
from oretrace.store.claims import FileState, WatchFile
from oretrace.store.db import make_engine, migrate, session_scope
from oretrace.watch import files, steps
from oretrace.watch.discover import scan_inbox
from oretrace.watch.ledger import ClaimLost, claim_shipment, fence, release_claim, renew_claim
from oretrace.watch.models import LOOSE_FILES, BatchReport, SeenFile, ShipmentSnapshot, WatchPlaces
from oretrace.watch.service import pass_summary
from oretrace.watch.stability import StabilityTracker
from oretrace.watch.status import format_status, gather_status
from tests.conftest import INVOICE_LINES, pdf_bytes
from tests.watch_fixtures import postgres_schema_url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'oretrace.db'}"
        return
    with postgres_schema_url() as url:
        if url is None:
            pytest.skip("PostgreSQL not configured: set ORETRACE_TEST_POSTGRES_URL")
        yield url


@pytest.fixture
def places(tmp_path: Path, database_url: str) -> Iterator[WatchPlaces]:
    engine = make_engine(database_url)
    migrate(engine)
    engine.dispose()
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    settings = Settings(home=tmp_path / "home", database_url=database_url)
    yield WatchPlaces(
        inbox=inbox,
        archive=tmp_path / "archive",
        quarantine=tmp_path / "quarantine",
        settings=settings,
        worker_id="test-host:1",
        lease_seconds=60,
    )
    steps.engine_for(database_url).dispose()


def invoice(marker: str = "") -> bytes:
    return pdf_bytes([INVOICE_LINES]) + (f"\n% {marker}\n".encode() if marker else b"")


def one_pass(places: WatchPlaces, shipment_id: str) -> None:
    snapshot = next(s for s in scan_inbox(places.inbox) if s.shipment_id == shipment_id)
    engine = steps.engine_for(places.database_url)
    claim = claim_shipment(engine, shipment_id, str(places.inbox), places.worker_id, places.lease_seconds)
    assert claim is not None
    try:
        steps.process_claimed(places, claim, snapshot)
    finally:
        release_claim(engine, claim)


def rows(places: WatchPlaces) -> list[WatchFile]:
    with session_scope(steps.engine_for(places.database_url)) as session:
        return list(session.execute(select(WatchFile).order_by(WatchFile.id)).scalars())


# --- scanning and stability -----------------------------------------------------------------------------


def test_scan_sees_folders_nested_files_and_loose_files_without_following_links(tmp_path: Path) -> None:
    (tmp_path / "S1" / "sub").mkdir(parents=True)
    (tmp_path / "S1" / "a.pdf").write_bytes(b"a")
    (tmp_path / "S1" / "sub" / "b.pdf").write_bytes(b"bb")
    (tmp_path / "S1" / ".hidden").write_bytes(b"x")
    (tmp_path / "S1" / "c.pdf.part").write_bytes(b"x")
    (tmp_path / "S1" / "link").symlink_to("/etc")
    (tmp_path / "loose.pdf").write_bytes(b"l")
    snapshots = {s.shipment_id: s for s in scan_inbox(tmp_path)}
    assert [f.relative for f in snapshots["S1"].files] == ["S1/a.pdf", "S1/link", "S1/sub/b.pdf"]
    link = snapshots["S1"].files[1]
    assert link.is_symlink and "outside the inbox" in (link.problem or "")
    assert [f.relative for f in snapshots[LOOSE_FILES].files] == ["loose.pdf"]


def test_a_shipment_is_ready_only_after_the_quiet_period_without_change() -> None:
    now = [0.0]
    tracker = StabilityTracker(quiet_seconds=5, clock=lambda: now[0])
    folder = Path("/inbox/S1")

    def snapshot(size: int) -> ShipmentSnapshot:
        seen = SeenFile(path=folder / "a.pdf", relative="S1/a.pdf", shipment_id="S1", size=size, mtime_ns=size)
        return ShipmentSnapshot(shipment_id="S1", files=(seen,))

    assert tracker.observe([snapshot(10)]) == []
    now[0] = 4
    assert tracker.observe([snapshot(20)]) == []  # still growing: the clock starts again
    now[0] = 8
    assert tracker.observe([snapshot(20)]) == []
    now[0] = 9.5
    ready = tracker.observe([snapshot(20)])
    assert [s.shipment_id for s in ready] == ["S1"]
    tracker.handled(ready[0])
    now[0] = 30
    assert tracker.observe([snapshot(20)]) == [], "handled and unchanged: not handed out again"
    tracker.handled(ready[0], retry_after=5)
    now[0] = 36
    assert tracker.observe([snapshot(20)]) != [], "a failed pass is retried"


# --- versions, duplicates, archive ----------------------------------------------------------------------


def test_same_content_is_processed_once_and_a_changed_file_is_a_new_version(places: WatchPlaces) -> None:
    folder = places.inbox / "S1"
    folder.mkdir()
    (folder / "invoice.pdf").write_bytes(invoice())
    one_pass(places, "S1")
    assert [(r.state, r.version) for r in rows(places)] == [(FileState.DONE, 1)]
    archived = Path(rows(places)[0].destination or "")
    assert archived.parent == places.archive / datetime.now(UTC).strftime("%Y-%m-%d") / "S1"
    assert archived.read_bytes() == invoice() and not (folder / "invoice.pdf").exists()

    # The same bytes dropped again, under another name: recognised, archived, not processed again.
    (folder / "invoice copy.pdf").write_bytes(invoice())
    # A changed file at the first path: its next version.
    (folder / "invoice.pdf").write_bytes(invoice("corrected"))
    one_pass(places, "S1")
    states = [(r.source_path, r.state, r.version) for r in rows(places)]
    assert states == [
        ("S1/invoice.pdf", FileState.DONE, 1),
        ("S1/invoice copy.pdf", FileState.DUPLICATE, 1),
        ("S1/invoice.pdf", FileState.DONE, 2),
    ]
    assert all(r.archived_at is not None for r in rows(places))
    assert not list(folder.iterdir())
    with session_scope(steps.engine_for(places.database_url)) as session:
        documents = session.execute(select(schema.Document.source_path)).scalars().all()
        runs = session.execute(select(schema.ShipmentRun)).scalars().all()
    assert sorted(documents) == ["S1/invoice.pdf", "S1/invoice.pdf"]  # two versions, two sha256
    assert len(runs) == 2
    second = places.archive / datetime.now(UTC).strftime("%Y-%m-%d") / "S1"
    assert sorted(p.name for p in second.iterdir())[0].startswith("invoice")
    assert len(list(second.iterdir())) == 3, "every version and the copy kept, none overwritten"


def test_a_file_dropped_again_at_the_same_path_is_archived_as_a_duplicate_beside_the_first(
    places: WatchPlaces, caplog: pytest.LogCaptureFixture
) -> None:
    folder = places.inbox / "S1"
    folder.mkdir()
    (folder / "invoice.pdf").write_bytes(invoice())
    one_pass(places, "S1")
    engine = steps.engine_for(places.database_url)
    for drop in (2, 3):  # the same bytes, same path, after the earlier copy was archived
        (folder / "invoice.pdf").write_bytes(invoice())
        assert gather_status(engine, places.inbox).waiting_in_inbox == {"S1": 1}, "status counts it as waiting"
        with caplog.at_level("INFO", logger="oretrace.watch"):
            one_pass(places, "S1")
        assert not list(folder.iterdir()), f"drop {drop} left the inbox"
        assert "S1/invoice.pdf: dropped again" in caplog.text
    (folder / "invoice.pdf").write_bytes(invoice("corrected"))  # other bytes at that path: a new version
    one_pass(places, "S1")
    assert [(r.state, r.version, r.arrival) for r in rows(places)] == [
        (FileState.DONE, 1, 1),
        (FileState.DUPLICATE, 1, 2),
        (FileState.DUPLICATE, 1, 3),
        (FileState.DONE, 2, 1),
    ]
    archived = [Path(r.destination or "") for r in rows(places)]
    assert len(set(archived)) == 4 and all(r.archived_at is not None for r in rows(places))
    assert [p.read_bytes() for p in archived] == [invoice()] * 3 + [invoice("corrected")], "none overwritten"
    status = gather_status(engine, places.inbox)
    assert status.counts["duplicate"] == 2 and status.waiting_in_inbox == {}
    with session_scope(engine) as session:
        assert len(session.execute(select(schema.ShipmentRun)).scalars().all()) == 2, "duplicates not re-checked"


def test_a_commit_after_the_claim_was_taken_over_writes_nothing(places: WatchPlaces) -> None:
    engine = steps.engine_for(places.database_url)
    first = claim_shipment(engine, "S1", str(places.inbox), "host-a:1", lease_seconds=-1)  # expired at once
    assert first is not None
    second = claim_shipment(engine, "S1", str(places.inbox), "host-b:2", lease_seconds=60)
    assert second is not None and second.token != first.token
    assert not renew_claim(engine, first, 60)
    with pytest.raises(ClaimLost), session_scope(engine) as session:
        fence(session, first, 60)
    assert claim_shipment(engine, "S1", str(places.inbox), "host-c:3", lease_seconds=60) is None


def test_a_claim_left_by_a_dead_process_of_this_host_is_taken_at_once(places: WatchPlaces) -> None:
    import socket
    import subprocess

    engine = steps.engine_for(places.database_url)
    child = subprocess.Popen(["true"])
    child.wait()  # a pid that no longer runs
    dead = f"{socket.gethostname()}:{child.pid}"
    assert claim_shipment(engine, "S1", str(places.inbox), dead, lease_seconds=600) is not None
    assert claim_shipment(engine, "S1", str(places.inbox), f"{socket.gethostname()}:{os.getpid()}", 60) is not None


def test_racing_watchers_get_one_claim_each_round(places: WatchPlaces) -> None:
    """Many rounds of two threads claiming the same shipment at the same instant: exactly one wins."""
    engine = steps.engine_for(places.database_url)
    for round_ in range(15):
        shipment = f"S{round_}"
        barrier = threading.Barrier(2)
        won: list[str] = []

        def claim(
            worker: str, shipment: str = shipment, barrier: threading.Barrier = barrier, won: list[str] = won
        ) -> None:
            barrier.wait()
            if claim_shipment(engine, shipment, str(places.inbox), worker, 60) is not None:
                won.append(worker)

        threads = [threading.Thread(target=claim, args=(f"other-host:{n}",)) for n in (1, 2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len(won) == 1, f"round {round_}: {won}"


# --- moves ----------------------------------------------------------------------------------------------


def test_move_is_idempotent_after_a_crash_between_copy_and_removal(tmp_path: Path) -> None:
    source = tmp_path / "in" / "a.pdf"
    source.parent.mkdir()
    source.write_bytes(b"content")
    digest = sha256_of(source)
    destination = tmp_path / "archive" / "a.pdf"
    destination.parent.mkdir()
    destination.write_bytes(b"content")  # the copy finished, the source was not yet removed
    result = files.move_verified(source, destination, digest)
    assert result.source_removed and not source.exists() and destination.read_bytes() == b"content"
    assert files.move_verified(source, destination, digest).destination == destination  # nothing left to do


def test_move_refuses_to_overwrite_or_move_changed_bytes(tmp_path: Path) -> None:
    source = tmp_path / "a.pdf"
    source.write_bytes(b"new")
    destination = tmp_path / "archive" / "a.pdf"
    destination.parent.mkdir()
    destination.write_bytes(b"other")
    with pytest.raises(files.MoveError, match="changed"):
        files.move_verified(source, destination.with_name("b.pdf"), sha256_of(destination))
    with pytest.raises(files.MoveError, match="already holds"):
        files.move_verified(source, destination, sha256_of(source))
    assert source.read_bytes() == b"new" and destination.read_bytes() == b"other"
    assert files.free_destination(destination.parent, "a.pdf", "0123456789abcdef").name == "a.01234567.pdf"


def test_cross_device_move_copies_verifies_and_removes(tmp_path: Path) -> None:
    shm = Path("/dev/shm")
    if not shm.is_dir() or os.stat(shm).st_dev == os.stat(tmp_path).st_dev:
        pytest.skip("no second file system to move across")
    source = shm / f"oretrace-move-{os.getpid()}.pdf"
    source.write_bytes(b"across devices")
    try:
        destination = tmp_path / "archive" / "x.pdf"
        result = files.move_verified(source, destination, sha256_of(source))
        assert result.source_removed and destination.read_bytes() == b"across devices"
        assert not source.exists()
        assert not [p for p in destination.parent.iterdir() if files.PARTIAL_MARK in p.name]
    finally:
        source.unlink(missing_ok=True)


# --- status ---------------------------------------------------------------------------------------------


def test_status_counts_waiting_done_quarantined_and_shows_errors(places: WatchPlaces) -> None:
    (places.inbox / "S1").mkdir()
    (places.inbox / "S1" / "invoice.pdf").write_bytes(invoice())
    (places.inbox / "S1" / "empty.pdf").write_bytes(b"")
    one_pass(places, "S1")
    (places.inbox / "S2").mkdir()
    (places.inbox / "S2" / "new.pdf").write_bytes(invoice("new"))
    engine: Engine = steps.engine_for(places.database_url)
    claim = claim_shipment(engine, "S2", str(places.inbox), places.worker_id, 60)
    assert claim is not None
    release_claim(engine, claim, error="OperationalError: the database went away")
    status = gather_status(engine, places.inbox)
    assert status.waiting_in_inbox == {"S2": 1}
    assert status.counts["done"] == 1 and status.counts["quarantined"] == 1
    assert status.last_errors[0].message == "OperationalError: the database went away"
    text = format_status(status)
    assert "S2: 1" in text and "1 files" in text and "database went away" in text
    with session_scope(engine) as session:
        verdict = session.execute(select(schema.ShipmentRun.verdict)).scalar_one()
    flagged = int(verdict == "flagged")
    assert (status.flagged, status.shipments) == (flagged, 1)
    assert f"{flagged} of 1 shipments flagged" in text


def test_a_pass_is_summed_up_as_n_of_m_shipments_flagged() -> None:
    reports = [
        BatchReport(shipment_id="A", processed=2, verdict="flagged"),
        BatchReport(shipment_id="B", processed=1, quarantined=1, verdict="clear"),
        BatchReport(shipment_id="C", duplicates=1),  # nothing new to check
    ]
    assert pass_summary(reports) == (
        "pass: 1 of 2 shipments flagged; 3 documents recorded, 1 duplicates, 1 quarantined"
    )


def test_the_review_finds_a_document_moved_to_the_archive(places: WatchPlaces) -> None:
    from oretrace.review.page_images import locate_source

    (places.inbox / "S1").mkdir()
    (places.inbox / "S1" / "invoice.pdf").write_bytes(invoice())
    one_pass(places, "S1")
    with session_scope(steps.engine_for(places.database_url)) as session:
        document = session.execute(select(schema.Document)).scalar_one()
        found = locate_source(session, document)
    assert found is not None and found.is_relative_to(places.archive)
    assert found.read_bytes() == invoice()


def test_run_progress_shows_every_stage_up_to_the_summary(capsys: pytest.CaptureFixture) -> None:
    from oretrace.cli.progress_bar import run_progress
    from oretrace.pipeline import progress

    with run_progress(12, 3):
        progress.advance("read ahead", 5)  # read while Prefect starts, then found in the cache by the flow
        progress.advance("documents", 12)
        for _ in range(3):
            progress.advance("checked")
            progress.advance("stored")
        progress.advance("summary")
    err = capsys.readouterr().err
    for label, count in (("read and classify documents", "12/12"), ("check shipments", "3/3"),
                         ("store shipments", "3/3"), ("summarise the run", "1/1")):  # fmt: skip
        assert any(label in line and count in line for line in err.splitlines()), (label, err)
    with run_progress(12, 3, min_documents=100):
        progress.advance("documents")  # no bar, no listener: nothing happens
    assert capsys.readouterr().err == ""


def test_a_process_killed_while_migrating_sqlite_leaves_no_half_made_schema(tmp_path: Path) -> None:
    """The process dies (os._exit, as under SIGKILL) after the third CREATE TABLE; the next start migrates."""
    import subprocess
    import sys

    url = f"sqlite:///{tmp_path / 'oretrace.db'}"
    script = (
        "import os, sys\n"
        "from sqlalchemy import event\n"
        "from oretrace.store.db import make_engine, migrate\n"
        "engine = make_engine(sys.argv[1])\n"
        "created = []\n"
        "@event.listens_for(engine, 'after_cursor_execute')\n"
        "def die(conn, cursor, statement, *args):\n"
        "    if statement.lstrip().upper().startswith('CREATE TABLE'):\n"
        "        created.append(statement)\n"
        "        if len(created) == 3:\n"
        "            os._exit(9)\n"
        "migrate(engine)\n"
    )
    killed = subprocess.run([sys.executable, "-c", script, url], cwd=Path(__file__).resolve().parents[1])
    assert killed.returncode == 9
    engine = make_engine(url)
    with engine.connect() as connection:
        tables = connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'").scalars().all()
    assert tables == [], "the interrupted migration left nothing behind"
    migrate(engine)  # and the next start completes it
    with session_scope(engine) as session:
        assert session.execute(select(WatchFile)).all() == []
    engine.dispose()
