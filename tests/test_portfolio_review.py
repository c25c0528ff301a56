"""Portfolio findings stored for review (store.portfolio_review): in the queue, decided, audited, carried over;
on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine, text

from oretrace.core.config import PortfolioThresholds
from oretrace.core.models import ShipmentFacts
from oretrace.reference import default_reference
from oretrace.review import auth, service
from oretrace.review.auth import Actor, PermissionDenied, Role
from oretrace.review.models import DecisionRequest, QueueFilters, Scope
from oretrace.store.audit_rows import verify_audit
from oretrace.store.db import session_scope
from oretrace.store.portfolio_review import StoredEvaluation, evaluate_and_store
from oretrace.store.repository import latest_shipments, record_shipment
from oretrace.store.review_tables import DecisionAction, FindingStatus
from samplegen.history import HistoryShipment, write_history
from tests import review_fixtures
from tests.store_fixtures import FINISHED_AT, INBOX_ROOT, STARTED_AT, shipment

store_engine = review_fixtures.store_engine
fast_argon2 = review_fixtures.fast_argon2
pytestmark = pytest.mark.usefixtures("fast_argon2")
SURGE = "supplier_volume_surge"


def _ship(number: int, day: date, tonnes: float) -> HistoryShipment:
    facts = ShipmentFacts(
        exporter="acme", exporter_printed="Acme", origin="CN", shipped_on=day, commodity="antimony",
        net_kg=tonnes * 1000, metal_kg=tonnes * 1000, value=tonnes * 12_000.0, currency="USD",
    )  # fmt: skip
    return HistoryShipment(f"T-{number:04d}", facts)


def _evaluate(engine: Engine) -> StoredEvaluation:
    with session_scope(engine) as session:
        return evaluate_and_store(session, default_reference(), PortfolioThresholds())


def _queue(engine: Engine, actor: Actor, **filters: object):
    with session_scope(engine) as session:
        return service.list_queue(session, actor, QueueFilters(status=[], **filters)).items


def _decide(engine: Engine, actor: Actor, finding_id: int, version: int, note: str = "checked with the exporter"):
    request = DecisionRequest(action=DecisionAction.CONFIRM, version=version, note=note)
    with session_scope(engine) as session:
        return service.decide(session, actor, finding_id, request)


@pytest.fixture
def actors(store_engine: Engine) -> dict[str, Actor]:
    with session_scope(store_engine) as session:
        # A shipment of the inbox beside the portfolio: both scopes in one queue.
        record_shipment(session, shipment(), INBOX_ROOT, STARTED_AT, FINISHED_AT)
        # 10 t a quarter through 2024, then 60 t in 2025 Q1: a surge.
        write_history(
            session, [*(_ship(n, date(2024, 1 + 3 * n, 5), 10) for n in range(4)), _ship(9, date(2025, 2, 5), 60)]
        )
        auth.add_user(session, "alice", Role.REVIEWER, "correct horse battery", by="cli")
        auth.add_user(session, "carol", Role.AUDITOR, "correct horse battery", by="cli")
        return {name: auth.actor_for(session, name) for name in ("alice", "carol")}


def test_portfolio_findings_are_queued_decided_audited_and_carried_over(
    store_engine: Engine, actors: dict[str, Actor]
) -> None:
    alice, carol = actors["alice"], actors["carol"]
    assert _evaluate(store_engine).findings == 1
    (item,) = _queue(store_engine, alice, scope=Scope.PORTFOLIO)
    assert (item.check, item.shipment_id, item.scope) == (SURGE, "portfolio:exporter:Acme", Scope.PORTFOLIO)
    shipment_items = _queue(store_engine, alice, scope=Scope.SHIPMENT)
    assert shipment_items and all(i.scope is Scope.SHIPMENT for i in shipment_items)
    assert len(_queue(store_engine, alice)) == len(shipment_items) + 1
    assert [i.finding_id for i in _queue(store_engine, alice, exporter="acme", scope=Scope.PORTFOLIO)] == [
        item.finding_id
    ]
    # Not a shipment of the export.
    with session_scope(store_engine) as session:
        assert all(not s.shipment_id.startswith("portfolio:") for s in latest_shipments(session))

    with session_scope(store_engine) as session:
        view = service.finding_view(session, alice, item.finding_id)
    assert [e.shipment_id for e in view.evidence if e.shipment_id] == ["T-0009"]
    assert view.evidence[0].text == "window 2025-01-01..2025-03-31"

    with pytest.raises(PermissionDenied):
        _decide(store_engine, carol, item.finding_id, item.version)
    decided = _decide(store_engine, alice, item.finding_id, item.version)
    assert decided.status is FindingStatus.CONFIRMED
    with pytest.raises(service.DecisionConflict):
        _decide(store_engine, alice, item.finding_id, item.version)

    # The same finding again: a new row that inherits the decision.
    assert _evaluate(store_engine).carried_over == 1
    (again,) = _queue(store_engine, alice, scope=Scope.PORTFOLIO)
    assert again.finding_id != item.finding_id and again.status is FindingStatus.CONFIRMED

    # A new shipment behind it: another finding, open.
    with session_scope(store_engine) as session:
        write_history(session, [_ship(10, date(2025, 3, 1), 5)])
    assert _evaluate(store_engine).carried_over == 0
    (changed,) = _queue(store_engine, alice, scope=Scope.PORTFOLIO)
    assert changed.status is FindingStatus.OPEN
    with session_scope(store_engine) as session:
        view = service.finding_view(session, alice, changed.finding_id)
    assert [e.shipment_id for e in view.evidence if e.shipment_id] == ["T-0009", "T-0010"]

    report = verify_audit(store_engine)
    assert report.ok, [p.message for p in report.rows.problems]
    with store_engine.begin() as connection:
        connection.execute(
            text("UPDATE decisions SET note = 'never asked' WHERE finding_id = :id"), {"id": item.finding_id}
        )
    report = verify_audit(store_engine)
    assert not report.ok and {p.table for p in report.rows.problems} == {"decisions"}


def test_a_finding_no_longer_raised_leaves_the_queue(store_engine: Engine, actors: dict[str, Actor]) -> None:
    _evaluate(store_engine)
    assert _queue(store_engine, actors["alice"], scope=Scope.PORTFOLIO)
    with store_engine.begin() as connection:
        connection.execute(text("UPDATE shipment_facts SET net_kg = 10000 WHERE shipment_id = 'T-0009'"))
    assert _evaluate(store_engine).subjects == 1
    assert _queue(store_engine, actors["alice"], scope=Scope.PORTFOLIO) == []


def test_dashboard_figures_on_both_backends(store_engine: Engine, actors: dict[str, Actor]) -> None:
    _evaluate(store_engine)
    with session_scope(store_engine) as session:
        charts = {chart.id: chart for chart in service.dashboard(session, actors["carol"]).charts}
    months = {row.label: {s.key: s.value for s in row.segments} for row in charts["origin-months"].rows}
    assert months == {"2024-01": {"CN": 10.0}, "2024-04": {"CN": 10.0}, "2024-07": {"CN": 10.0},
                      "2024-10": {"CN": 10.0}, "2025-02": {"CN": 60.0}}  # fmt: skip
    (acme,) = charts["exporter-history"].rows
    assert (acme.segments[0].value, acme.marker) == (60.0, 10.0)
    assert {s.key for row in charts["open-findings"].rows for s in row.segments} >= {"high"}
