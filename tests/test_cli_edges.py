"""The commands at their edges, through the real CLI: nothing to do, a missing folder, loose files."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from oretrace.cli.main import app
from oretrace.pipeline.inbox import LOOSE_PROBLEM
from oretrace.store import schema
from oretrace.store.db import make_engine, migrate, session_scope
from oretrace.store.repository import record_shipment
from oretrace.watch.discover import scan_inbox
from tests.conftest import INVOICE_LINES, SAMPLE_DOCS, command_env, pdf_bytes
from tests.store_fixtures import FINISHED_AT, INBOX_ROOT, STARTED_AT, shipment


@pytest.fixture
def home(cli_home: Path) -> Path:
    return cli_home


def store_one_shipment(home: Path) -> None:
    engine = make_engine(f"sqlite:///{home / 'oretrace.db'}")
    migrate(engine)
    with session_scope(engine) as session:
        record_shipment(session, shipment(), INBOX_ROOT, STARTED_AT, FINISHED_AT)
    engine.dispose()


# --- export ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("format", ["jsonl", "csv"])
def test_export_of_an_empty_store_says_so_and_exits_3(home: Path, tmp_path: Path, format: str) -> None:
    out = tmp_path / "out.txt"
    result = CliRunner().invoke(app, ["export", "--format", format, "--output", str(out)])
    assert result.exit_code == 3, result.output
    assert "nothing to export" in result.output
    assert not out.exists(), "no file with only a header"


def test_export_into_a_missing_folder_names_it_in_one_line_and_exits_2(home: Path, tmp_path: Path) -> None:
    store_one_shipment(home)
    missing = tmp_path / "no such folder"
    result = CliRunner().invoke(app, ["export", "--output", str(missing / "out.jsonl")])
    assert result.exit_code == 2, result.output
    assert f"the folder {missing} does not exist" in result.output
    assert "Traceback" not in result.output and len(result.output.splitlines()) <= 2
    assert not missing.exists(), "the folder is not made behind the user's back"


def test_export_writes_the_stored_documents(home: Path, tmp_path: Path) -> None:
    store_one_shipment(home)
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(app, ["export", "--format", "csv", "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert len(out.read_text().splitlines()) == 1 + len(shipment().documents)


# --- run ------------------------------------------------------------------------------------------------


def oretrace(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = command_env(ORETRACE_HOME=str(home))
    return subprocess.run(
        [sys.executable, "-m", "oretrace", *args], env=env, capture_output=True, text=True, timeout=600, check=False
    )


def stored(home: Path) -> tuple[list[str], dict[str, str]]:
    """Document paths and rejection reasons by path."""
    engine = make_engine(f"sqlite:///{home / 'oretrace.db'}")
    with session_scope(engine) as session:
        documents = list(session.scalars(select(schema.Document.source_path)))
        rejections = dict(session.execute(select(schema.Rejection.source_path, schema.Rejection.reason)).all())
    engine.dispose()
    return documents, rejections


def test_run_over_an_empty_inbox_says_so_and_exits_3_before_prefect_starts(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    (inbox / "SHP-EMPTY").mkdir(parents=True)  # an empty shipment folder is nothing to process either
    started = time.perf_counter()
    done = oretrace(tmp_path / "home", "run", str(inbox))
    elapsed = time.perf_counter() - started
    assert done.returncode == 3, done.stderr
    assert f"nothing to do: {inbox} has no shipment folder with files" in done.stderr
    assert not (tmp_path / "home" / "prefect").exists(), "Prefect was never configured, let alone started"
    print(f"empty inbox: exit 3 after {elapsed:.1f} s")


def test_run_refuses_loose_files_as_watch_does_lists_them_and_exits_3(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    names = [f"loose-{n}.pdf" for n in range(4)]
    for name in names:
        (inbox / name).write_bytes(pdf_bytes([INVOICE_LINES]) + f"\n% {name}\n".encode())
    done = oretrace(tmp_path / "home", "run", str(inbox))
    assert done.returncode == 3, done.stderr
    for name in names:
        assert f"(inbox root)         rejected {name}: {LOOSE_PROBLEM}" in done.stdout
    assert "its 4 loose files were not processed" in done.stderr
    documents, rejections = stored(tmp_path / "home")
    assert documents == [] and rejections == dict.fromkeys(names, LOOSE_PROBLEM), "refused unread, as watch does"
    assert scan_inbox(inbox)[0].files[0].problem == LOOSE_PROBLEM, "the watch service's scan says the same"


@pytest.mark.slow
def test_run_summary_counts_flagged_shipments_and_loose_files_are_not_documents(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    shutil.copytree(SAMPLE_DOCS / "inbox" / "SHP-2025-0001", inbox / "SHP-2025-0001")
    (inbox / "stray.pdf").write_bytes(pdf_bytes([INVOICE_LINES]))
    home = tmp_path / "home"
    done = oretrace(home, "run", str(inbox))
    assert done.returncode == 0, done.stderr
    summary = r"^[01] of 1 shipments flagged; \d+ documents, .*; 1 loose files not processed$"
    assert re.search(summary, done.stdout, re.M), done.stdout
    assert f"rejected stray.pdf: {LOOSE_PROBLEM}" in done.stdout
    assert (home / "runs").is_dir() and not any((home / "runs").iterdir()), "the snapshot's file is removed"
    documents, rejections = stored(home)
    assert "stray.pdf" not in documents and rejections["stray.pdf"] == LOOSE_PROBLEM
    exported = oretrace(home, "export", "--format", "csv")
    paths = [row.split(",")[1] for row in exported.stdout.splitlines()[1:]]
    assert sorted(paths) == sorted(documents) and len(set(paths)) == len(paths), "each document once"
    again = oretrace(home, "run", str(inbox))
    assert again.returncode == 0 and re.search(r"[01] of 1 shipments flagged, as stored", again.stdout)


# --- nothing read ---------------------------------------------------------------------------------------

DAMAGED = b"%PDF-1.7\n1 0 obj << /Type /Catalog"  # a PDF cut short: refused by every command


@pytest.mark.slow
def test_run_where_every_file_is_rejected_says_nothing_was_read_and_exits_7(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    (inbox / "SHP-BROKEN").mkdir(parents=True)
    (inbox / "SHP-BROKEN" / "invoice.pdf").write_bytes(DAMAGED)
    (inbox / "SHP-BROKEN" / "notes.txt").write_bytes(b"not a document\n")
    home = tmp_path / "home"
    done = oretrace(home, "run", str(inbox))
    assert done.returncode == 7, done.stderr
    assert "nothing was read: all 2 files in 1 shipment folders" in done.stderr
    assert "rejected SHP-BROKEN/invoice.pdf" in done.stdout
    again = oretrace(home, "run", str(inbox))
    assert again.returncode == 7, "a run that read nothing is not remembered as done: it says so again"


def test_watch_once_exits_7_when_every_file_is_quarantined_and_3_on_an_empty_inbox(home: Path, tmp_path: Path) -> None:
    inbox, quarantine = tmp_path / "inbox", tmp_path / "quarantine"
    (inbox / "SHP-BROKEN").mkdir(parents=True)
    (inbox / "SHP-BROKEN" / "invoice.pdf").write_bytes(DAMAGED)
    places = ["--archive", str(tmp_path / "archive"), "--quarantine", str(quarantine)]
    once = ["watch", str(inbox), "--once", "--no-prefect", *places]
    result = CliRunner().invoke(app, once)
    assert result.exit_code == 7, result.output
    assert "nothing was read: all 1 files in 1 shipment folders were rejected" in result.output
    assert [p.read_bytes() for p in quarantine.rglob("invoice.pdf")] == [DAMAGED], "quarantined, not lost"
    empty = CliRunner().invoke(app, once)
    assert empty.exit_code == 3, empty.output
    assert "has no shipment folder with files" in empty.output


def test_eval_exits_7_when_no_document_is_read_and_3_when_none_is_listed(home: Path, tmp_path: Path) -> None:
    (tmp_path / "inbox" / "S1").mkdir(parents=True)
    (tmp_path / "inbox" / "S1" / "invoice.pdf").write_bytes(DAMAGED)
    document = {"path": "inbox/S1/invoice.pdf", "shipment_id": "S1", "doc_type": "commercial_invoice", "fields": {}}
    truth = tmp_path / "ground_truth.json"
    truth.write_text(json.dumps({"documents": [document], "shipments": []}))
    result = CliRunner().invoke(app, ["eval", str(tmp_path)])
    assert result.exit_code == 7, result.output
    assert "rejected S1/invoice.pdf" in result.output and "nothing was read: all 1 files" in result.output
    truth.write_text(json.dumps({"documents": [], "shipments": []}))
    result = CliRunner().invoke(app, ["eval", str(tmp_path)])
    assert result.exit_code == 3, result.output
    assert "lists no document" in result.output


def test_a_large_inbox_reaches_the_flow_as_a_file_not_as_a_parameter(tmp_path: Path) -> None:
    """Prefect's API refuses a flow run whose parameters exceed 512 KB, as the snapshot of a 2,000-shipment
    inbox does (about 1 MB): the run hands the flow the snapshot's file instead, and removes it afterwards."""
    from pydantic_core import to_json

    from oretrace.core.config import Settings
    from oretrace.pipeline.inbox import InboxSnapshot, ShipmentFolder, save_snapshot

    root = tmp_path / "inbox"
    shipments = tuple(
        ShipmentFolder(shipment_id=f"SHP-{i:05d}", files=(root / f"SHP-{i:05d}" / "commercial-invoice.pdf",))
        for i in range(3000)
    )
    snapshot = InboxSnapshot(
        root=root, shipments=shipments, sha256={f"SHP-{i:05d}/commercial-invoice.pdf": "0" * 64 for i in range(3000)}
    )
    settings = Settings(home=tmp_path / "home")
    limit = 524_288
    assert len(to_json({"inbox": root, "settings": settings, "snapshot": snapshot})) > limit
    path = save_snapshot(snapshot, settings)
    assert len(to_json({"inbox": root, "settings": settings, "snapshot_file": path})) < limit
    assert InboxSnapshot.model_validate_json(path.read_bytes()) == snapshot
