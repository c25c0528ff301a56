"""Row hashes in the audit log (store/row_hashes.py, store/audit_rows.py): records edited, deleted or inserted
directly in the database, behind the log's back, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy import JSON, Boolean, Column, Engine, Float, Integer, MetaData, Numeric, String, Table, select, text

from oretrace.core.models import DueDiligenceTemplate
from oretrace.reference import default_reference
from oretrace.review import auth
from oretrace.review.auth import Actor, Role
from oretrace.review.models import DecisionRequest
from oretrace.review.service import decide
from oretrace.store import audit, schema
from oretrace.store.audit import AuditEntry, verify_chain
from oretrace.store.audit_rows import RowProblem, RowProblemKind, RowVerification, verify_audit, verify_rows
from oretrace.store.db import session_scope
from oretrace.store.reference_store import LoadMode, save_reference
from oretrace.store.repository import record_shipment
from oretrace.store.review_tables import Decision, DecisionAction
from oretrace.store.row_hashes import RECORDED_KEY, ROW_COLUMNS, canonical_row, recorded_rows, table_of
from oretrace.store.schema import UTCDateTime
from oretrace.store.supplier_templates import save_template
from tests import review_fixtures
from tests.store_fixtures import FINISHED_AT, INBOX_ROOT, SHIPMENT_ID, STARTED_AT, shipment

store_engine = review_fixtures.store_engine
fast_argon2 = review_fixtures.fast_argon2
pytestmark = pytest.mark.usefixtures("fast_argon2")
PASSWORD = "correct horse battery"


@dataclass
class Store:
    engine: Engine
    # The high-severity finding of the latest run, its reviewer's decision and the carried-over one.
    finding_id: int
    decision_id: int
    carried_decision_id: int
    shipment_run_id: int
    extraction_run_id: int


def _fill(engine: Engine) -> Store:
    """Everything that writes audited rows: two runs of a shipment (the second carries a decision over),
    users added, changed and given a new password, a decision, a reference load."""
    with session_scope(engine) as session:
        first_run = record_shipment(session, shipment(), INBOX_ROOT, STARTED_AT, FINISHED_AT)
        alice = auth.add_user(session, "alice", Role.REVIEWER, PASSWORD, by="cli")
        auth.add_user(session, "carol", Role.AUDITOR, PASSWORD, by="cli")
        auth.add_user(session, "bob", Role.REVIEWER, PASSWORD, by="cli")
    with session_scope(engine) as session:
        high = session.scalar(
            select(schema.Finding.id).where(
                schema.Finding.shipment_run_id == first_run, schema.Finding.severity == "high"
            )
        )
        actor = Actor(user_id=alice.id, name="alice", role=Role.REVIEWER)
        decide(session, actor, high, DecisionRequest(action=DecisionAction.CONFIRM, note="smelter in CN", version=1))
    with session_scope(engine) as session:
        auth.change_user(session, "bob", by="user:carol", role=Role.AUDITOR)
        auth.set_password(session, "carol", PASSWORD + "!", by="cli")
        save_reference(session, default_reference(), mode=LoadMode.REPLACE, source="bundled", actor="cli")
        template = DueDiligenceTemplate(kind="CMRT", version="6.5", company="Acme", company_evidence=None, smelters=[])
        save_template(session, "Acme Metals", template, "cmrt.xlsx", "0" * 64, actor="cli")
    # The re-run: its identical high finding inherits the decision as a carry-over.
    with session_scope(engine) as session:
        run_id = record_shipment(session, shipment(), INBOX_ROOT, STARTED_AT, FINISHED_AT)
    with session_scope(engine) as session:
        finding_id = session.scalar(
            select(schema.Finding.id).where(schema.Finding.shipment_run_id == run_id, schema.Finding.severity == "high")
        )
        decision_id = session.scalar(select(Decision.id).where(Decision.finding_id == high))
        carried = session.scalar(select(Decision.id).where(Decision.finding_id == finding_id))
        extraction = session.scalar(
            select(schema.ExtractionRun.id).where(schema.ExtractionRun.shipment_run_id == run_id).limit(1)
        )
    assert carried is not None, "the re-run should carry the decision over"
    return Store(engine, finding_id, decision_id, carried, run_id, extraction)


@pytest.fixture
def store(store_engine: Engine) -> Store:
    return _fill(store_engine)


def _rows(engine: Engine, **kwargs: object) -> RowVerification:
    with session_scope(engine) as session:
        return verify_rows(session, **kwargs)  # type: ignore[arg-type]


def _execute(engine: Engine, sql: str, **params: object) -> None:
    with engine.begin() as connection:
        connection.execute(text(sql), params)


def _recording_entry(engine: Engine, table: str, row_id: object) -> int:
    """The latest audit entry whose recorded rows include (table, row_id)."""
    with session_scope(engine) as session:
        latest = None
        for entry in session.scalars(select(AuditEntry).order_by(AuditEntry.seq)):
            rows = entry.details.get(RECORDED_KEY, {}).get("rows", [])
            if any(r["table"] == table and r["id"] == row_id for r in rows):
                latest = entry.seq
        assert latest is not None, f"no entry records {table} {row_id}"
        return latest


def _only_problem(engine: Engine) -> RowProblem:
    result = _rows(engine)
    assert not result.ok and result.problem_count == 1, result.problems
    return result.problems[0]


def test_untouched_store_verifies(store: Store) -> None:
    result = _rows(store.engine)
    assert result.ok, [p.message for p in result.problems]
    assert result.problems == [] and result.predating == 0
    with session_scope(store.engine) as session:
        audited = sum(session.scalar(text(f"SELECT count(*) FROM {t}")) for t in ROW_COLUMNS)
    # Every row of every audited table was compared.
    assert result.checked == audited > 20
    report = verify_audit(store.engine)
    assert report.ok and report.chain_ok and report.rows.ok and report.entries > 10


def test_every_caller_records_its_rows(store: Store) -> None:
    """Each kind of entry carries the hash of the rows it is about."""
    expected = {
        "extraction.recorded": {"extraction_runs"},
        "shipment_run.recorded": {"shipment_runs", "findings"},
        "finding.decided": {"decisions", "findings"},
        "finding.carried_over": {"decisions", "findings"},
        "user.added": {"users"},
        "user.changed": {"users"},
        "user.password_set": {"users"},
        "reference.load": {"reference_loads", "reference_versions"},
        "supplier_template.loaded": {"supplier_templates"},
    }
    seen: dict[str, set[str]] = {}
    with session_scope(store.engine) as session:
        for entry in session.scalars(select(AuditEntry)):
            recorded = entry.details.get(RECORDED_KEY, {})
            seen.setdefault(entry.action, set()).update(r["table"] for r in recorded.get("rows", []))
            for table, columns in recorded.get("columns", {}).items():
                assert tuple(columns) == ROW_COLUMNS[table]
    assert seen == expected


def test_edited_decision_is_named(store: Store) -> None:
    _execute(store.engine, "UPDATE decisions SET note = 'dismissed by phone' WHERE id = :id", id=store.decision_id)
    problem = _only_problem(store.engine)
    seq = _recording_entry(store.engine, "decisions", store.decision_id)
    with session_scope(store.engine) as session:
        finding = session.get_one(Decision, store.decision_id).finding_id
    assert problem.kind is RowProblemKind.DIFFERS and problem.table == "decisions"
    assert problem.message == (
        f"decision {store.decision_id} on finding {finding} (shipment {SHIPMENT_ID}) differs from audit entry {seq}"
    )
    assert problem.link is not None and (problem.link.page, problem.link.key) == ("finding", str(finding))
    # The chain itself is whole: only the row check sees this.
    with session_scope(store.engine) as session:
        assert verify_chain(session).ok


def test_edited_carried_over_decision_is_named(store: Store) -> None:
    _execute(store.engine, "UPDATE decisions SET to_status = 'dismissed' WHERE id = :id", id=store.carried_decision_id)
    problem = _only_problem(store.engine)
    assert (problem.kind, problem.table, problem.row_id) == (
        RowProblemKind.DIFFERS,
        "decisions",
        str(store.carried_decision_id),
    )
    assert problem.seq == _recording_entry(store.engine, "decisions", store.carried_decision_id)


def test_edited_extraction_run_is_named(store: Store) -> None:
    _execute(
        store.engine, "UPDATE extraction_runs SET doc_type = 'packing_list' WHERE id = :id", id=store.extraction_run_id
    )
    problem = _only_problem(store.engine)
    seq = _recording_entry(store.engine, "extraction_runs", store.extraction_run_id)
    assert (problem.kind, problem.table, problem.row_id, problem.seq) == (
        RowProblemKind.DIFFERS,
        "extraction_runs",
        str(store.extraction_run_id),
        seq,
    )
    assert problem.message.startswith(f"extraction run {store.extraction_run_id} of {SHIPMENT_ID}/")
    assert problem.message.endswith(f"differs from audit entry {seq}")
    assert problem.link is not None and problem.link.page == "document" and len(problem.link.key) == 64


def test_edited_shipment_run_is_named(store: Store) -> None:
    _execute(store.engine, "UPDATE shipment_runs SET verdict = 'clear' WHERE id = :id", id=store.shipment_run_id)
    problem = _only_problem(store.engine)
    seq = _recording_entry(store.engine, "shipment_runs", store.shipment_run_id)
    assert (
        problem.message
        == f"shipment run {store.shipment_run_id} of shipment {SHIPMENT_ID} differs from audit entry {seq}"
    )
    assert problem.link is not None and (problem.link.page, problem.link.key) == ("shipment", SHIPMENT_ID)


def test_edited_user_is_compared_with_its_latest_entry(store: Store) -> None:
    # bob was added as a reviewer, then made an auditor: the latest entry is the one that counts.
    _execute(store.engine, "UPDATE users SET role = 'admin' WHERE name = 'bob'")
    problem = _only_problem(store.engine)
    with session_scope(store.engine) as session:
        bob = session.scalar(text("SELECT id FROM users WHERE name = 'bob'"))
        changed = session.scalar(
            select(AuditEntry.seq).where(AuditEntry.action == "user.changed", AuditEntry.subject == "user:bob")
        )
    assert problem.seq == changed == _recording_entry(store.engine, "users", bob)
    assert problem.message == f"user bob (id {bob}) differs from audit entry {changed}, the latest that records it"
    assert problem.link is not None and problem.link.page == "users"


def test_password_hash_swapped_in_the_database_is_named(store: Store) -> None:
    _execute(
        store.engine,
        "UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE name = 'alice') WHERE name = 'carol'",
    )
    problem = _only_problem(store.engine)
    assert problem.table == "users" and problem.message.startswith("user carol ")


def test_edited_finding_status_is_named(store: Store) -> None:
    _execute(store.engine, "UPDATE findings SET status = 'dismissed' WHERE id = :id", id=store.finding_id)
    problem = _only_problem(store.engine)
    assert (problem.table, problem.row_id, problem.kind) == ("findings", str(store.finding_id), RowProblemKind.DIFFERS)
    assert problem.message.startswith(f"finding {store.finding_id} (origin_vs_smelter) of shipment {SHIPMENT_ID}")


def test_edited_reference_content_is_named(store: Store) -> None:
    _execute(store.engine, "UPDATE reference_versions SET smelters = smelters + 1")
    problem = _only_problem(store.engine)
    assert problem.table == "reference_versions" and problem.kind is RowProblemKind.DIFFERS


def test_edited_supplier_template_is_named(store: Store) -> None:
    _execute(store.engine, "UPDATE supplier_templates SET smelter_count = smelter_count + 1")
    problem = _only_problem(store.engine)
    assert problem.table == "supplier_templates" and problem.kind is RowProblemKind.DIFFERS


def test_deleted_decision_is_named(store: Store) -> None:
    seq = _recording_entry(store.engine, "decisions", store.carried_decision_id)
    _execute(store.engine, "DELETE FROM decisions WHERE id = :id", id=store.carried_decision_id)
    problem = _only_problem(store.engine)
    assert problem.kind is RowProblemKind.GONE
    assert problem.message == (
        f"decision {store.carried_decision_id} on finding {store.finding_id} (shipment {SHIPMENT_ID}), "
        f"recorded by audit entry {seq}, is gone"
    )
    assert problem.link is not None and problem.link.key == str(store.finding_id)


def test_inserted_decision_is_named(store: Store) -> None:
    with session_scope(store.engine) as session:
        session.add(
            Decision(
                finding_id=store.finding_id,
                shipment_id=SHIPMENT_ID,
                action="dismiss",
                from_status="confirmed",
                to_status="dismissed",
                note="slipped in",
                user_id=None,
                finding_version=3,
                created_at=datetime.now(UTC),
            )
        )
        session.flush()
        inserted = session.scalar(select(Decision.id).where(Decision.note == "slipped in"))
    problem = _only_problem(store.engine)
    assert problem.kind is RowProblemKind.UNRECORDED and problem.seq is None
    assert problem.message == (
        f"decision {inserted} on finding {store.finding_id} (shipment {SHIPMENT_ID}) is recorded by no audit entry: "
        "it was inserted behind the log's back"
    )


def test_inserted_user_is_named(store: Store) -> None:
    _execute(
        store.engine,
        "INSERT INTO users (name, role, password_hash, active, created_at) "
        "VALUES ('mallory', 'admin', 'x', true, CURRENT_TIMESTAMP)",
    )
    problem = _only_problem(store.engine)
    assert problem.kind is RowProblemKind.UNRECORDED and problem.message.startswith("user mallory ")


def test_several_problems_are_all_named_in_several_passes(store: Store) -> None:
    _execute(store.engine, "UPDATE decisions SET note = 'x' WHERE id = :id", id=store.decision_id)
    _execute(store.engine, "UPDATE shipment_runs SET verdict = 'clear' WHERE id = :id", id=store.shipment_run_id)
    _execute(store.engine, "DELETE FROM decisions WHERE id = :id", id=store.carried_decision_id)
    one_pass = _rows(store.engine)
    # Memory bounded to a few rows at a time: many passes, the same problems.
    many_passes = _rows(store.engine, pass_rows=3)
    assert one_pass.passes == 1 and many_passes.passes > 5
    assert sorted(p.message for p in one_pass.problems) == sorted(p.message for p in many_passes.problems)
    assert {(p.table, p.kind) for p in one_pass.problems} == {
        ("decisions", RowProblemKind.DIFFERS),
        ("shipment_runs", RowProblemKind.DIFFERS),
        ("decisions", RowProblemKind.GONE),
    }
    assert one_pass.checked == many_passes.checked


def test_rows_written_before_row_hashes_count_as_present(store_engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    """A store from before row hashes: its entries name their rows without a hash. Those rows are present but
    not compared; a row no entry names at all is still caught."""
    monkeypatch.setattr(audit, "recorded_rows", lambda session, rows: {})
    store = _fill(store_engine)
    monkeypatch.undo()
    result = _rows(store.engine)
    assert result.ok and result.checked == 0 and result.predating > 20, [p.message for p in result.problems]
    # New writes carry hashes again, and an inserted row is still caught.
    with session_scope(store.engine) as session:
        auth.add_user(session, "erin", Role.REVIEWER, PASSWORD, by="cli")
    _execute(
        store.engine,
        "INSERT INTO users (name, role, password_hash, active, created_at) "
        "VALUES ('mallory', 'admin', 'x', true, CURRENT_TIMESTAMP)",
    )
    result = _rows(store.engine)
    assert result.checked == 1 and [p.message[:12] for p in result.problems] == ["user mallory"]


def test_a_column_added_to_the_registry_leaves_earlier_entries_verifiable(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Entries keep the columns they hashed: adding a column to ROW_COLUMNS changes no earlier verdict, and
    rows recorded afterwards cover it."""
    monkeypatch.setitem(ROW_COLUMNS, "users", ROW_COLUMNS["users"][:-1])  # as if created_at came later
    with session_scope(store.engine) as session:
        auth.add_user(session, "erin", Role.REVIEWER, PASSWORD, by="cli")
    monkeypatch.undo()
    assert _rows(store.engine).ok
    _execute(store.engine, "UPDATE users SET role = 'admin' WHERE name = 'erin'")
    assert _only_problem(store.engine).message.startswith("user erin ")


def test_verify_audit_reports_chain_rows_and_expected_head(store: Store) -> None:
    report = verify_audit(store.engine)
    assert report.ok and report.expect_head is None and report.anchor.path is None
    head = report.head_hash
    _execute(store.engine, "UPDATE decisions SET note = 'x' WHERE id = :id", id=store.decision_id)
    tampered = verify_audit(store.engine, expect_head=head)
    assert not tampered.ok and tampered.chain_ok and tampered.expect_head_seq == tampered.entries
    assert tampered.failures == ["1 row differs from what it records"]
    assert not verify_audit(store.engine, expect_head="f" * 64).ok


# --- the same serialisation on both backends ----------------------------------------------------------------

_TYPES = MetaData()
_SAMPLE = Table(
    "row_hash_sample",
    _TYPES,
    Column("id", Integer, primary_key=True),
    Column("at", UTCDateTime),
    Column("amount", Numeric(12, 4)),
    Column("ratio", Float),
    Column("flag", Boolean),
    Column("label", String),
    Column("doc", JSON(none_as_null=True)),
)
_SAMPLE_VALUES = {
    "id": 7,
    "at": datetime(2024, 3, 20, 9, 0, 42, 123456, tzinfo=UTC),
    "amount": Decimal("1234.5600"),
    "ratio": 0.1 + 0.2,
    "flag": True,
    "label": "Bolivia — País «origen» ✓",
    "doc": {"z": [1, 2.5, None, "ü"], "a": {"nested": True, "n": 20000.0}, "m": "\u00e9"},
}
_SAMPLE_TEXT = (
    '{"row":{"amount":"1234.56","at":"2024-03-20T09:00:42.123456+00:00","doc":{"a":{"n":20000.0,"nested":true},'
    '"m":"é","z":[1,2.5,null,"ü"]},"flag":true,"id":7,"label":"Bolivia — País «origen» ✓",'
    '"ratio":0.30000000000000004},"table":"row_hash_sample"}'
)


@pytest.fixture
def sample_table(store_engine: Engine) -> Iterator[Engine]:
    _TYPES.create_all(store_engine)
    yield store_engine
    _TYPES.drop_all(store_engine)


def test_timestamps_decimals_and_json_serialise_alike_on_every_backend(sample_table: Engine) -> None:
    with sample_table.begin() as connection:
        connection.execute(_SAMPLE.insert().values(**_SAMPLE_VALUES))
        stored = connection.execute(select(_SAMPLE)).mappings().one()
    assert canonical_row("row_hash_sample", stored, list(_SAMPLE.c.keys())) == _SAMPLE_TEXT
    # What was written and what was read back are the same text.
    assert canonical_row("row_hash_sample", _SAMPLE_VALUES, list(_SAMPLE.c.keys())) == _SAMPLE_TEXT


def test_a_value_with_no_json_form_is_written_in_its_canonical_form() -> None:
    # NaN has no JSON form: the whole row takes the walk through canonical_value, decimals and all.
    values = {"id": 1, "doc": {"b": float("nan"), "a": [Decimal("1.50"), 2.5]}}
    text = '{"row":{"doc":{"a":["1.5",2.5],"b":"nan"},"id":1},"table":"t"}'
    assert canonical_row("t", values, ["id", "doc"]) == text


def test_real_rows_hash_alike_on_every_backend(store_engine: Engine) -> None:
    at = datetime(2025, 1, 2, 3, 4, 5, 678901, tzinfo=UTC)
    with session_scope(store_engine) as session:
        session.execute(
            table_of("shipments").insert().values(id="SHP-X", inbox_root="/in", first_seen_at=at, updated_at=at)
        )
        session.execute(
            table_of("shipment_runs")
            .insert()
            .values(id=5, shipment_id="SHP-X", started_at=at, finished_at=at, verdict="flagged", declared_origin="BO")
        )
        session.execute(
            table_of("findings")
            .insert()
            .values(
                id=9,
                shipment_run_id=5,
                shipment_id="SHP-X",
                check_id="origin_vs_smelter",
                severity="high",
                message="Bolivia ≠ China",
                evidence_json=[
                    {"page": 1, "bbox": [0.1, 0.25, 0.5, 0.3], "text": "País: Bolivia", "document_id": None}
                ],
                status="open",
                created_at=at,
                version=1,
            )
        )
        session.execute(
            table_of("users")
            .insert()
            .values(id=41, name="zoë", role="auditor", password_hash="$argon2id$x", active=True, created_at=at)
        )
        session.execute(
            table_of("decisions")
            .insert()
            .values(
                id=3,
                finding_id=9,
                shipment_id="SHP-X",
                action="confirm",
                from_status="open",
                to_status="confirmed",
                note="«smelter» in CN",
                user_id=41,
                finding_version=2,
                created_at=at,
                basis_json=[{"extraction_run_id": 7, "field": "net_weight_kg", "value": 1250.5, "text": "1.250,5 kg"}],
            )
        )
        recorded = recorded_rows(session, [("users", 41), ("decisions", 3), ("findings", 9), ("shipment_runs", 5)])[
            RECORDED_KEY
        ]["rows"]
    shas = {(r["table"], r["id"]): r["sha256"] for r in recorded}
    assert shas == EXPECTED_REAL_SHAS


# Taken on SQLite; PostgreSQL must agree.
EXPECTED_REAL_SHAS = {
    ("users", 41): "823336cabfff2d757a1c5b7072f5a9bdc7e9e8ed26eb4ed3d398e6467ee40062",
    ("decisions", 3): "7356f571bcb6fb02f752aeb7911df8f3430e50421809947e85dd95b9ff2166d9",
    ("findings", 9): "65253764a65b52076b40c6955485fc2104ab1c3552e0bdf963b6d41e8f32894f",
    ("shipment_runs", 5): "17b5b0f4ac12439ee92a92a76657a933c7f7f85f9d8cbaab89dc2617a1a8970f",
}


def test_registry_names_real_columns() -> None:
    for table, columns in ROW_COLUMNS.items():
        mapped = table_of(table)
        assert len(set(columns)) == len(columns), table
        assert set(columns) <= set(mapped.c.keys()), (table, set(columns) - set(mapped.c.keys()))


def test_details_hold_recorded_rows_last() -> None:
    """The history's text search looks only before the recorded rows: they must sort after every other key."""
    details = audit.canonical_details({"zeta": 1, "note": "x"} | {RECORDED_KEY: {"rows": []}})
    assert json.loads(details) and details.index(RECORDED_KEY) > details.index("zeta")


def test_a_password_rehashed_at_login_is_recorded(store_engine: Engine) -> None:
    """A login that rehashes the password (the hashing parameters changed) changes the user's row: it writes
    an entry recording it, so verification stays clean."""
    from argon2 import PasswordHasher

    with session_scope(store_engine) as session:
        auth.add_user(session, "alice", Role.REVIEWER, PASSWORD, by="cli")
    previous = auth._HASHER
    auth._HASHER = PasswordHasher(time_cost=2, memory_cost=8192, parallelism=1)
    try:
        with session_scope(store_engine) as session:
            auth.login(session, "alice", PASSWORD)
    finally:
        auth._HASHER = previous
    with session_scope(store_engine) as session:
        actions = list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)))
    assert actions == ["user.added", "user.password_rehashed"]
    result = _rows(store_engine)
    assert result.ok and result.checked == 1
