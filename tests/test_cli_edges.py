"""The commands at their edges, through the real CLI: nothing to do, a missing folder, loose files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from oretrace.cli.main import app
from oretrace.core.config import get_settings
from oretrace.store.db import make_engine, migrate, session_scope
from oretrace.store.repository import record_shipment
from tests.store_fixtures import FINISHED_AT, INBOX_ROOT, STARTED_AT, shipment


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty SQLite store the CLI reaches through ORETRACE_HOME."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("ORETRACE_HOME", str(home))
    monkeypatch.delenv("ORETRACE_DATABASE_URL", raising=False)
    get_settings.cache_clear()
    yield home
    get_settings.cache_clear()


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
