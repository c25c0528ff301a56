"""The review service layer (oretrace/review/service/, oretrace/review/auth.py) on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, select

from oretrace.review import auth, service
from oretrace.review.auth import Actor, AuthError, PermissionDenied, Role, UserError
from oretrace.review.models import DecisionRequest, HistoryFilters, QueueFilters, QueueSort
from oretrace.store import schema
from oretrace.store.audit import verify_chain
from oretrace.store.db import session_scope
from oretrace.store.repository import record_document, record_shipment
from oretrace.store.review_tables import Decision, DecisionAction, FindingStatus
from tests import review_fixtures
from tests.store_fixtures import FINISHED_AT, INBOX_ROOT, SHIPMENT_ID, STARTED_AT, invoice, shipment

store_engine = review_fixtures.store_engine
fast_argon2 = review_fixtures.fast_argon2
pytestmark = pytest.mark.usefixtures("fast_argon2")
PASSWORD = "correct horse battery"


class Team:
    def __init__(self, engine: Engine) -> None:
        with session_scope(engine) as session:
            for name, role in (("alice", Role.REVIEWER), ("bob", Role.REVIEWER), ("carol", Role.AUDITOR)):
                auth.add_user(session, name, role, PASSWORD, by="cli")
            auth.add_user(session, "dave", Role.ADMIN, PASSWORD, by="cli")
            self.alice = auth.actor_for(session, "alice")
            self.bob = auth.actor_for(session, "bob")
            self.carol = auth.actor_for(session, "carol")
            self.dave = auth.actor_for(session, "dave")


@pytest.fixture
def team(store_engine: Engine) -> Team:
    with session_scope(store_engine) as session:
        record_shipment(session, shipment(), INBOX_ROOT, STARTED_AT, FINISHED_AT)
    return Team(store_engine)


def _queue(engine: Engine, actor: Actor, **filters: object):
    with session_scope(engine) as session:
        return service.list_queue(session, actor, QueueFilters(**filters))


def _decide(engine: Engine, actor: Actor, finding_id: int, action: DecisionAction, version: int, **kw: object):
    with session_scope(engine) as session:
        return service.decide(
            session, actor, finding_id, DecisionRequest(action=action, version=version, note="checked", **kw)
        )


def _high_finding(engine: Engine, actor: Actor) -> int:
    (item,) = _queue(engine, actor, severity=["high"]).items
    return item.finding_id


# --- users and logins ---------------------------------------------------------------------------------------


def test_login_and_session(store_engine: Engine) -> None:
    with session_scope(store_engine) as session:
        auth.add_user(session, "alice", Role.REVIEWER, PASSWORD, by="cli")
    with session_scope(store_engine) as session:
        with pytest.raises(AuthError):
            auth.login(session, "alice", "wrong password!")
        with pytest.raises(AuthError):
            auth.login(session, "nobody", PASSWORD)
        login = auth.login(session, "alice", PASSWORD)
    with session_scope(store_engine) as session:
        resolved = auth.resolve(session, login.token)
        assert resolved is not None and resolved.actor.name == "alice" and resolved.csrf_token == login.csrf_token
        # The store keeps only the token's hash.
        from oretrace.store.review_tables import UserSession

        stored = session.scalars(select(UserSession.token_hash)).all()
        assert login.token not in stored and auth.hash_token(login.token) in stored
        assert auth.resolve(session, login.token, now=login.expires_at + timedelta(seconds=1)) is None
        assert auth.resolve(session, "forged-token") is None
    with session_scope(store_engine) as session:
        auth.change_user(session, "alice", by="cli", active=False)
    with session_scope(store_engine) as session:
        assert auth.resolve(session, login.token) is None
        with pytest.raises(AuthError):
            auth.login(session, "alice", PASSWORD)


def test_user_rules(store_engine: Engine) -> None:
    with session_scope(store_engine) as session:
        with pytest.raises(UserError, match="at least"):
            auth.add_user(session, "alice", Role.REVIEWER, "short", by="cli")
        with pytest.raises(UserError, match="letters"):
            auth.add_user(session, "<b>x</b>", Role.REVIEWER, PASSWORD, by="cli")
        auth.add_user(session, "alice", Role.REVIEWER, PASSWORD, by="cli")
        with pytest.raises(UserError, match="already exists"):
            auth.add_user(session, "alice", Role.AUDITOR, PASSWORD, by="cli")
        reviewer = auth.actor_for(session, "alice")
        with pytest.raises(PermissionDenied):
            auth.add_user_as(session, reviewer, "eve", Role.ADMIN, PASSWORD)
        stored = session.scalar(select(auth.User.password_hash).where(auth.User.name == "alice"))
        assert stored.startswith("$argon2id$") and PASSWORD not in stored
    # Outside the tests, the library's recommended costs (RFC 9106 low-memory profile).
    assert auth.PasswordHasher().hash(PASSWORD).startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    with session_scope(store_engine) as session:
        result = verify_chain(session)
    assert result.ok and result.entries == 1  # one user.added; the failed attempts left nothing


# --- queue --------------------------------------------------------------------------------------------------


def test_queue_filters_sorts_and_counts(store_engine: Engine, team: Team) -> None:
    queue = _queue(store_engine, team.carol)
    assert [i.severity for i in queue.items] == ["high", "low"]
    assert queue.counts == {"open": 2, "confirmed": 0, "dismissed": 0, "escalated": 0}
    item = queue.items[0]
    assert item.shipment_id == SHIPMENT_ID and item.declared_origin == "BO"
    assert item.exporter == "Hunan Chenzhou Mining Co., Ltd."  # certificate of origin's exporter
    assert _queue(store_engine, team.carol, check=["gross_weight_missing"]).total == 1
    assert _queue(store_engine, team.carol, exporter="chenzhou").total == 2
    assert _queue(store_engine, team.carol, exporter="rotterdam").total == 0
    assert _queue(store_engine, team.carol, declared_origin="bo").total == 2
    assert _queue(store_engine, team.carol, declared_origin="CN").total == 0
    assert _queue(store_engine, team.carol, sort=QueueSort.SEVERITY, descending=True).items[0].severity == "low"
    assert _queue(store_engine, team.carol, max_age_days=-1).total == 0
    # Forgiving text: case, accents and punctuation aside; the origin by its code or its country's name.
    for exporter in ("HUNAN CHÉNZHOU", "hunan chenzhou mining co ltd", "Chenzhou Mining Co., Ltd"):
        assert _queue(store_engine, team.carol, exporter=exporter).total == 2, exporter
    assert _queue(store_engine, team.carol, shipment="shp 2024-0117").total == 2
    for origin in ("Bolivia", "bolivia", "BOLÍVIA", "Estado Plurinacional de Bolivia"):
        assert _queue(store_engine, team.carol, declared_origin=origin).total == 2, origin
    for origin in ("China", "Atlantis", "ZZ"):
        assert _queue(store_engine, team.carol, declared_origin=origin).total == 0, origin

    high = item.finding_id
    _decide(store_engine, team.alice, high, DecisionAction.ASSIGN, 1, assignee="bob")
    assert [i.finding_id for i in _queue(store_engine, team.carol, assignee="bob").items] == [high]
    assert _queue(store_engine, team.carol, assignee="-").total == 1
    _decide(store_engine, team.bob, high, DecisionAction.CONFIRM, 2)
    queue = _queue(store_engine, team.carol)
    assert queue.total == 1 and queue.counts["confirmed"] == 1 and queue.counts["open"] == 1
    assert _queue(store_engine, team.carol, status=[]).total == 2


# --- decisions ----------------------------------------------------------------------------------------------


def test_decision_rules(store_engine: Engine, team: Team) -> None:
    high = _high_finding(store_engine, team.alice)
    for actor in (team.carol, team.dave):
        with pytest.raises(PermissionDenied), session_scope(store_engine) as session:
            service.decide(session, actor, high, DecisionRequest(action=DecisionAction.CONFIRM, version=1, note="x"))
    with pytest.raises(service.InvalidDecision, match="note is required"), session_scope(store_engine) as session:
        service.decide(session, team.alice, high, DecisionRequest(action=DecisionAction.DISMISS, version=1, note="  "))
    with pytest.raises(service.InvalidDecision, match="cannot reopen"):
        _decide(store_engine, team.alice, high, DecisionAction.REOPEN, 1)
    with pytest.raises(service.InvalidDecision, match="not a reviewer"):
        _decide(store_engine, team.alice, high, DecisionAction.ASSIGN, 1, assignee="carol")

    view = _decide(store_engine, team.alice, high, DecisionAction.ESCALATE, 1)
    assert (view.status, view.version) == (FindingStatus.ESCALATED, 2)
    view = _decide(store_engine, team.bob, high, DecisionAction.DISMISS, 2)
    assert (view.status, view.version) == (FindingStatus.DISMISSED, 3)
    view = _decide(store_engine, team.alice, high, DecisionAction.REOPEN, 3)
    assert view.status is FindingStatus.OPEN
    assert [(d.action, d.user) for d in view.decisions] == [
        (DecisionAction.ESCALATE, "alice"),
        (DecisionAction.DISMISS, "bob"),
        (DecisionAction.REOPEN, "alice"),
    ]
    # A decision on a version someone else already moved past is a conflict carrying the current state.
    with pytest.raises(service.DecisionConflict) as conflict:
        _decide(store_engine, team.bob, high, DecisionAction.CONFIRM, 2)
    assert conflict.value.current.version == 4 and conflict.value.current.status is FindingStatus.OPEN
    assert "reopen" in str(conflict.value)

    with session_scope(store_engine) as session:
        entries = service.history(session, team.carol, HistoryFilters(finding=high))
        assert [e.action for e in entries] == ["finding.reopened", "finding.decided", "finding.decided"]
        assert entries[1].details["note"] == "checked" and entries[1].actor == "user:bob"
        assert verify_chain(session).ok


def test_finding_view_maps_evidence_to_fields(store_engine: Engine, team: Team) -> None:
    high = _high_finding(store_engine, team.alice)
    with session_scope(store_engine) as session:
        view = service.finding_view(session, team.carol, high)
    assert [(e.doc_type, e.field, e.value) for e in view.evidence] == [
        ("certificate_of_origin", "country_of_origin", "BO"),
        ("assay_certificate", "smelter_name", "Hsikwangshan Twinkling Star Co., Ltd."),
    ]
    assert view.current


def _race(engine: Engine, first: Actor, second: Actor, finding_id: int) -> tuple[list[object], list[object]]:
    """`first` decides and holds its transaction open; `second` decides meanwhile; then `first` commits."""
    first_decided = threading.Event()
    wins: list[object] = []
    conflicts: list[object] = []
    errors: list[BaseException] = []

    def run_first() -> None:
        try:
            with session_scope(engine) as session:
                request = DecisionRequest(action=DecisionAction.CONFIRM, version=1, note="confirmed by first")
                wins.append(service.decide(session, first, finding_id, request))
                first_decided.set()
                # Keep the row locked while the second reviewer's update arrives.
                threading.Event().wait(0.8)
        except BaseException as error:
            first_decided.set()
            errors.append(error)

    def run_second() -> None:
        first_decided.wait(10)
        try:
            with session_scope(engine) as session:
                request = DecisionRequest(action=DecisionAction.DISMISS, version=1, note="dismissed by second")
                wins.append(service.decide(session, second, finding_id, request))
        except service.DecisionConflict as conflict:
            conflicts.append(conflict)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=run_first), threading.Thread(target=run_second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    return wins, conflicts


def test_concurrent_decisions_exactly_one_wins(store_engine: Engine, team: Team) -> None:
    """Two reviewers decide the same finding at once over two connections: one wins, one gets a conflict."""
    high = _high_finding(store_engine, team.alice)
    wins, conflicts = _race(store_engine, team.alice, team.bob, high)
    assert len(wins) == 1 and len(conflicts) == 1
    conflict = conflicts[0]
    assert isinstance(conflict, service.DecisionConflict)
    # The loser sees the winner's decision.
    assert conflict.current.status is FindingStatus.CONFIRMED and conflict.current.version == 2
    assert conflict.current.decisions[-1].user == "alice"
    with session_scope(store_engine) as session:
        rows = session.scalars(select(Decision).where(Decision.finding_id == high)).all()
        assert [(d.action, d.note) for d in rows] == [("confirm", "confirmed by first")]
        assert verify_chain(session).ok


def _simultaneous(engine: Engine, team: Team, finding_id: int, version: int) -> list[str]:
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def reviewer(actor: Actor, action: DecisionAction) -> None:
        start.wait()
        try:
            with session_scope(engine) as session:
                request = DecisionRequest(action=action, version=version, note=f"{actor.name} at once")
                service.decide(session, actor, finding_id, request)
            outcomes.append("win")
        except service.DecisionConflict:
            outcomes.append("conflict")

    threads = [
        threading.Thread(target=reviewer, args=(team.alice, DecisionAction.CONFIRM)),
        threading.Thread(target=reviewer, args=(team.bob, DecisionAction.DISMISS)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return sorted(outcomes)


def test_simultaneous_decisions_from_a_barrier(store_engine: Engine, team: Team) -> None:
    """Both threads released together, several rounds: every round has exactly one winner."""
    high = _high_finding(store_engine, team.alice)
    version = 1
    for _ in range(3):
        assert _simultaneous(store_engine, team, high, version) == ["conflict", "win"]
        _decide(store_engine, team.alice, high, DecisionAction.REOPEN, version + 1)
        version += 2


# --- re-runs, history ---------------------------------------------------------------------------------------


def test_rerun_carries_decisions_over_identical_findings(store_engine: Engine, team: Team) -> None:
    high = _high_finding(store_engine, team.alice)
    _decide(store_engine, team.alice, high, DecisionAction.CONFIRM, 1)
    later = STARTED_AT + timedelta(days=1)
    with session_scope(store_engine) as session:
        record_shipment(session, shipment(), INBOX_ROOT, later, later + timedelta(minutes=1))
    with session_scope(store_engine) as session:
        # As if the first run had been a year ago.
        session.get(schema.Finding, high).created_at = STARTED_AT
    queue = _queue(store_engine, team.carol, status=[])
    new_high = next(i for i in queue.items if i.severity == "high")
    assert new_high.finding_id != high and new_high.status is FindingStatus.CONFIRMED
    # Its age runs from the first run that reported it, not from the re-run.
    assert new_high.first_seen_at == STARTED_AT and new_high.age_days > 365
    assert new_high.created_at > STARTED_AT
    with session_scope(store_engine) as session:
        view = service.finding_view(session, team.carol, new_high.finding_id)
        (carried,) = view.decisions
        assert carried.action is DecisionAction.CARRY_OVER and carried.user is None
        assert f"from finding {high}" in carried.note and carried.note.endswith("checked")
        # The earlier run's finding is history now: readable, not decidable.
        old = service.finding_view(session, team.carol, high)
        assert not old.current
    with pytest.raises(service.InvalidDecision, match="earlier run"):
        _decide(store_engine, team.alice, high, DecisionAction.REOPEN, 2)

    # Different evidence (the assay re-read names no smelter text in the same place): no carry-over.
    changed = shipment()
    finding = changed.findings[0]
    moved = finding.model_copy(
        update={"evidence": [e.model_copy(update={"text": "Bolivia."}) for e in finding.evidence]}
    )
    changed = changed.model_copy(update={"findings": [moved, *changed.findings[1:]]})
    with session_scope(store_engine) as session:
        record_shipment(session, changed, INBOX_ROOT, later, later + timedelta(minutes=2))
    queue = _queue(store_engine, team.carol)
    assert [i.severity for i in queue.items] == ["high", "low"]
    with session_scope(store_engine) as session:
        assert verify_chain(session).ok


def test_document_history_shows_changes_between_versions(store_engine: Engine, team: Team) -> None:
    with session_scope(store_engine) as session:
        record_document(
            session, invoice(total=240_000.0, pipeline_version="0.2.0"), INBOX_ROOT, STARTED_AT, FINISHED_AT
        )
    sha = invoice().source.sha256
    with session_scope(store_engine) as session:
        result = service.document_history(session, team.carol, sha)
        entries = service.history(session, team.carol, HistoryFilters(document=sha))
    first, second = result.versions
    assert (first.pipeline_version, second.pipeline_version) == ("0.1.0", "0.2.0")
    assert first.changes == []
    (change,) = second.changes
    assert (change.name, change.kind, change.before, change.after) == ("total_amount", "changed", 236000.0, 240000.0)
    assert [e.action for e in entries] == ["extraction.recorded", "extraction.recorded"]
    assert entries[0].details["extraction_run_id"] == second.extraction_run_id


def test_history_filters(store_engine: Engine, team: Team) -> None:
    high = _high_finding(store_engine, team.alice)
    _decide(store_engine, team.bob, high, DecisionAction.DISMISS, 1)
    with session_scope(store_engine) as session:
        by_shipment = service.history(session, team.carol, HistoryFilters(shipment=SHIPMENT_ID))
        by_bob = service.history(session, team.carol, HistoryFilters(user="bob"))
        future = service.history(session, team.carol, HistoryFilters(since=datetime.now(UTC) + timedelta(hours=1)))
        everything = service.history(session, team.carol, HistoryFilters())
    actions = {e.action for e in by_shipment}
    assert {"shipment_run.recorded", "extraction.recorded", "finding.decided"} <= actions
    assert "user.added" not in actions
    assert [e.action for e in by_bob] == ["finding.decided", "user.added"]
    assert future == []
    assert [e.seq for e in everything] == sorted((e.seq for e in everything), reverse=True)


def test_history_by_action_user_in_any_case_and_text_page_by_page(store_engine: Engine, team: Team) -> None:
    high = _high_finding(store_engine, team.alice)
    with session_scope(store_engine) as session:
        note = "Smelter alias, same plant (100% owned)"
        service.decide(session, team.bob, high, DecisionRequest(action=DecisionAction.DISMISS, version=1, note=note))

    def read(**filters: object) -> list[str]:
        with session_scope(store_engine) as session:
            return [f"{e.action} {e.subject}" for e in service.history(session, team.carol, HistoryFilters(**filters))]

    assert read(user="BOB") == read(user="bob") == [f"finding.decided finding:{high}", "user.added user:bob"]
    assert read(action="user") == read(action="user.added") and len(read(action="user")) == 4
    assert read(action="finding.decided") == [f"finding.decided finding:{high}"]
    assert read(action="finding.dec") == []
    assert read(text="SAME PLANT") == read(text="100%") == [f"finding.decided finding:{high}"]
    # LIKE's wildcards are text like any other.
    assert read(text="%") == read(text="100%") and read(text="_") != read()

    everything = read()
    pages, before = [], None
    with session_scope(store_engine) as session:
        while True:
            page = service.history_page(session, team.carol, HistoryFilters(limit=3, before=before))
            assert page.total == len(everything) and page.newer == sum(len(p) for p in pages)
            pages.append([f"{e.action} {e.subject}" for e in page.entries])
            if page.next_before is None:
                break
            before = page.next_before
    assert [entry for p in pages for entry in p] == everything
    assert all(len(p) == 3 for p in pages[:-1]) and 1 <= len(pages[-1]) <= 3
