"""The review CLI (oretrace users|review|history|audit) on SQLite and PostgreSQL, through the real command."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text
from typer.testing import CliRunner

from oretrace.cli.main import app
from oretrace.core.config import get_settings
from oretrace.store.db import make_engine, migrate, session_scope
from oretrace.store.repository import record_shipment
from oretrace.store.schema import Finding
from tests import review_fixtures
from tests.review_fixtures import PostgresSchema, postgres_url
from tests.store_fixtures import FINISHED_AT, INBOX_ROOT, STARTED_AT, shipment

PASSWORD = "correct horse battery"
fast_argon2 = review_fixtures.fast_argon2
pytestmark = pytest.mark.usefixtures("fast_argon2")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def cli_store(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    """A store with one recorded shipment, which the CLI reaches through ORETRACE_HOME / ORETRACE_DATABASE_URL."""
    monkeypatch.setenv("ORETRACE_HOME", str(tmp_path / "home"))
    schema: PostgresSchema | None = None
    if request.param == "sqlite":
        monkeypatch.delenv("ORETRACE_DATABASE_URL", raising=False)
        url = f"sqlite:///{tmp_path / 'home' / 'oretrace.db'}"
        (tmp_path / "home").mkdir()
    else:
        schema = PostgresSchema(postgres_url())
        url = f"{postgres_url()}?options=-csearch_path%3D{schema.name}"
        monkeypatch.setenv("ORETRACE_DATABASE_URL", url)
    get_settings.cache_clear()
    engine = make_engine(url)
    migrate(engine)
    with session_scope(engine) as session:
        record_shipment(session, shipment(), INBOX_ROOT, STARTED_AT, FINISHED_AT)
    try:
        yield engine
    finally:
        engine.dispose()
        get_settings.cache_clear()
        if schema is not None:
            schema.drop()


def run(*args: str, stdin: str | None = None) -> object:
    return CliRunner().invoke(app, list(args), input=stdin)


def test_users_review_and_history(cli_store: Engine) -> None:
    added = run("users", "add", "alice", "--role", "reviewer", "--password-stdin", stdin=PASSWORD + "\n")
    assert added.exit_code == 0, added.output
    assert "added alice (reviewer)" in added.output
    assert run("users", "add", "alice", "--role", "auditor", "--password-stdin", stdin=PASSWORD + "\n").exit_code == 1
    assert run("users", "add", "carol", "--role", "auditor", "--password-stdin", stdin=PASSWORD + "\n").exit_code == 0
    assert "short" not in run("users", "list").output and "carol" in run("users", "list").output

    listed = run("review", "list", "--format", "json")
    assert listed.exit_code == 0, listed.output
    items = json.loads(listed.output)
    assert [i["severity"] for i in items] == ["high", "low"]
    high = items[0]["finding_id"]
    table = run("review", "list", "--severity", "low")
    assert "gross_weight_missing" in table.output and "1 shown" in table.output
    assert "0 shown" in run("review", "list", "--scope", "portfolio").output
    assert "2 shown" in run("review", "list", "--scope", "shipment").output
    assert run("review", "list", "--scope", "elsewhere").exit_code != 0

    shown = run("review", "show", str(high))
    assert json.loads(shown.output)["check"] == "origin_vs_smelter"
    assert json.loads(run("review", "show", "SHP-2024-0117").output)["declared_origin"] == "BO"
    assert run("review", "show", "999999").exit_code == 1

    refused = run("review", "resolve", str(high), "--action", "confirm", "--note", "x", "--as", "carol")
    assert refused.exit_code == 1 and "may not decide" in refused.output
    no_note = run("review", "resolve", str(high), "--action", "confirm", "--as", "alice")
    assert no_note.exit_code == 1 and "note is required" in no_note.output
    decided = run("review", "resolve", str(high), "--action", "confirm", "--note", "smelter in CN", "--as", "alice")
    assert decided.exit_code == 0, decided.output
    assert f"finding {high}: confirmed (version 2)" in decided.output
    stale = run(
        "review", "resolve", str(high), "--action", "dismiss", "--note", "late", "--as", "alice", "--version", "1"
    )
    assert stale.exit_code == 4 and "changed" in stale.output and "confirmed" in stale.output

    history_csv = run("history", "--finding", str(high), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(history_csv.output)))
    assert [(r["actor"], r["action"]) for r in rows] == [("user:alice", "finding.decided")]
    assert json.loads(rows[0]["details"])["note"] == "smelter in CN"
    by_user = run("history", "--user", "alice")
    assert "finding.decided" in by_user.output and "user.added" in by_user.output
    added_json = run("history", "--user", "ALICE", "--action", "user", "--format", "json")
    assert [e["action"] for e in json.loads(added_json.output)] == ["user.added"]
    noted = json.loads(run("history", "--text", "SMELTER IN cn", "--format", "json").output)
    assert [e["subject"] for e in noted] == [f"finding:{high}"]
    sha = json.loads(shown.output)["evidence"][0]["document_id"]
    versions = json.loads(run("history", "--document", sha, "--versions").output)
    assert len(versions["versions"]) == 1

    verified = run("audit", "verify")
    assert verified.exit_code == 0 and "audit chain OK" in verified.output
    head = verified.output.splitlines()[0].split("head ")[1].strip()
    assert run("audit", "verify", "--expect-head", head).exit_code == 0
    assert run("audit", "verify", "--expect-head", "f" * 64).exit_code == 1


def test_show_names_the_original_decider_after_a_rerun(cli_store: Engine) -> None:
    assert run("users", "add", "alice", "--role", "reviewer", "--password-stdin", stdin=PASSWORD + "\n").exit_code == 0
    high = json.loads(run("review", "list", "--format", "json").output)[0]["finding_id"]
    note = "smelter is the Bolivian plant's alias"
    assert run("review", "resolve", str(high), "--action", "dismiss", "--note", note, "--as", "alice").exit_code == 0
    later = STARTED_AT + timedelta(days=1)
    with session_scope(cli_store) as session:
        rerun = record_shipment(session, shipment(), INBOX_ROOT, later, later)
        new = session.scalar(select(Finding.id).where(Finding.shipment_run_id == rerun, Finding.severity == "high"))

    shown = run("review", "show", str(new))
    assert shown.exit_code == 0, shown.output
    view = json.loads(shown.output)
    (carried,) = view["decisions"]
    assert carried["summary"].startswith("dismissed by alice on ")
    assert carried["summary"].endswith(f"(finding {high}, run 1), carried over to this run")
    assert (carried["origin"]["user"], carried["origin"]["finding_id"]) == ("alice", high)
    assert [p["id"] for p in view["predecessors"]] == [high]
    original, _ = view["trail"]
    assert (original["user"], original["note"], original["shipment_run_id"]) == ("alice", note, 1)
    assert [(b["field"], b["value"]) for b in original["basis"]] == [
        ("country_of_origin", "BO"),
        ("smelter_name", "Hsikwangshan Twinkling Star Co., Ltd."),
    ]
    replaced = json.loads(run("review", "show", str(high)).output)
    assert [s["id"] for s in replaced["successors"]] == [new] and replaced["current"] is False
    listed = run("history", "--shipment", "SHP-2024-0117").output
    assert "SHP-2024-0117/certificate_of_origin.pdf (document:" in listed


def _tamper(engine: Engine, sql: str) -> None:
    with engine.begin() as connection:
        connection.execute(text(sql))


@pytest.mark.parametrize(
    ("tampering", "expected"),
    [
        ("UPDATE audit_log SET details_json = '{}' WHERE seq = 3", "BROKEN at entry 3 (altered)"),
        ("DELETE FROM audit_log WHERE seq = 2", "BROKEN at entry 2 (deleted)"),
        (
            # A copy of entry 2 slipped in after it: well-formed, but entry 3 links past it.
            "UPDATE audit_log SET seq = seq + 100 WHERE seq >= 3; "
            "INSERT INTO audit_log (id, seq, created_at, actor, action, subject, details_json, prev_hash, entry_hash) "
            "SELECT 1000, 3, created_at, actor, action, subject, details_json, prev_hash, entry_hash "
            "FROM audit_log WHERE seq = 2; "
            "UPDATE audit_log SET seq = seq - 99 WHERE seq >= 103",
            "BROKEN at entry 3 (inserted)",
        ),
    ],
    ids=["edited", "deleted", "inserted"],
)
def test_audit_verify_catches_tampering(cli_store: Engine, tampering: str, expected: str) -> None:
    assert run("audit", "verify").exit_code == 0
    for statement in tampering.split("; "):
        _tamper(cli_store, statement)
    result = run("audit", "verify")
    assert result.exit_code == 1
    assert expected in result.output, result.output


def test_audit_verify_names_a_decision_note_edited_in_the_database(cli_store: Engine) -> None:
    """The reported case: a decision's note edited in the database changed what `review show` displays, and
    `audit verify` must now say so, naming the decision, its finding and shipment, and the entry."""
    assert run("users", "add", "alice", "--role", "reviewer", "--password-stdin", stdin=PASSWORD + "\n").exit_code == 0
    high = json.loads(run("review", "list", "--format", "json").output)[0]["finding_id"]
    assert (
        run("review", "resolve", str(high), "--action", "dismiss", "--note", "same plant", "--as", "alice").exit_code
        == 0
    )
    verified = run("audit", "verify")
    assert verified.exit_code == 0 and "audit chain OK" in verified.output, verified.output
    assert "recorded rows OK" in verified.output
    _tamper(cli_store, "UPDATE decisions SET note = 'approved by the director'")
    shown = json.loads(run("review", "show", str(high)).output)
    assert "approved by the director" in json.dumps(shown)
    with cli_store.connect() as connection:
        decision = connection.execute(text("SELECT id FROM decisions")).scalar_one()
        seq = connection.execute(text("SELECT max(seq) FROM audit_log WHERE action = 'finding.decided'")).scalar_one()
    result = run("audit", "verify")
    assert result.exit_code == 1
    assert "audit chain OK" in result.output and "recorded rows CHANGED: 1 problem" in result.output
    assert (
        f"decision {decision} on finding {high} (shipment SHP-2024-0117) differs from audit entry {seq}"
        in result.output
    )
