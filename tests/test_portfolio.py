"""Portfolio checks over the store (SQLite and PostgreSQL): the planted history, each threshold, and the rule
that no portfolio figure rests on a field only one document states."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine
from typer.testing import CliRunner

from oretrace.checks.context import ShipmentContext, no_nlp
from oretrace.checks.facts import shipment_facts
from oretrace.cli.main import app
from oretrace.core.config import PortfolioThresholds, Settings
from oretrace.core.models import Severity, ShipmentFacts
from oretrace.pipeline.documents import assemble_shipment, process_document
from oretrace.reference import default_reference
from oretrace.store.db import make_engine, migrate, session_scope
from oretrace.store.portfolio import check_touched, run_portfolio_checks
from oretrace.store.portfolio_facts import ShipmentFactsRow
from oretrace.store.repository import record_shipment
from oretrace.store.schema import Finding
from oretrace.watch.steps import portfolio_pass
from samplegen.history import HistoryShipment, Planted, planted_history, write_history
from tests import store_fixtures as fx
from tests.conftest import SAMPLE_DOCS

LIMITS = PortfolioThresholds()


def _found(engine: Engine, limits: PortfolioThresholds = LIMITS, **kwargs: object) -> set[tuple[str, str]]:
    with session_scope(engine) as session:
        return {
            (f.check, f.subject.value) for f in run_portfolio_checks(session, default_reference(), limits, **kwargs)
        }


def _ship(number: int, exporter: str, origin: str, day: date, tonnes: float, **facts: object) -> HistoryShipment:
    values = {"commodity": "antimony", "net_kg": tonnes * 1000, "metal_kg": tonnes * 1000, "currency": "USD"}
    values |= {"value": tonnes * 1000 * 12.0} | facts
    return HistoryShipment(
        f"T-{number:04d}",
        ShipmentFacts(exporter=exporter, exporter_printed=exporter, origin=origin, shipped_on=day, **values),
    )


def _write(engine: Engine, shipments: list[HistoryShipment]) -> None:
    with session_scope(engine) as session:
        write_history(session, shipments)


# --- the planted history ---------------------------------------------------------------------------------------


def test_the_planted_history_finds_each_planted_case_and_nothing_else(engine: Engine) -> None:
    history = planted_history()
    assert len(history) >= 150
    _write(engine, history)
    with session_scope(engine) as session:
        findings = run_portfolio_checks(session, default_reference(), LIMITS)
    assert {(f.check, f.subject.value) for f in findings} == Planted.all()
    by_check = {f.check: f for f in findings}
    assert by_check["origin_switch"].severity == Severity.HIGH  # to a country without production
    surge = by_check["supplier_volume_surge"]
    assert surge.shipments and all(s.startswith("SYN-") for s in surge.shipments)
    assert "2024" in by_check["origin_exceeds_production"].message or "no production" in (
        by_check["origin_exceeds_production"].message
    )
    assert len(by_check["unit_value_outlier"].shipments) == 2


def test_only_the_windows_asked_for_are_checked(engine: Engine) -> None:
    _write(engine, planted_history())
    # Before December 2024 there is neither surge, switch nor underpriced shipment.
    found = _found(engine, until=date(2024, 9, 30))
    assert Planted.surge not in found and Planted.switch not in found and Planted.price not in found
    assert Planted.capacity in found  # 2 x 300 t of ingot a month exceed SM0003 from the first full year


# --- thresholds, at and around each ----------------------------------------------------------------------------


def _surge_history(current_tonnes: float) -> list[HistoryShipment]:
    # 10 t in each quarter of 2024, then `current_tonnes` in 2025 Q1.
    past = [_ship(n, "acme", "CN", date(2024, 1 + 3 * n, 5), 10) for n in range(4)]
    return [*past, _ship(9, "acme", "CN", date(2025, 2, 5), current_tonnes)]


@pytest.mark.parametrize(
    ("factor", "min_tonnes", "fires"),
    [(5.0, 50.0, True), (5.01, 50.0, False), (4.99, 50.0, True), (5.0, 50.01, False)],
)
def test_surge_threshold(engine: Engine, factor: float, min_tonnes: float, fires: bool) -> None:
    _write(engine, _surge_history(50))  # exactly 5 times 10 t, exactly 50 t
    limits = PortfolioThresholds(surge_factor=factor, surge_min_tonnes=min_tonnes)
    assert (("supplier_volume_surge", "acme") in _found(engine, limits)) is fires


def test_a_new_exporter_is_not_a_surge(engine: Engine) -> None:
    _write(engine, [_ship(1, "newco", "CN", date(2024, 11, 5), 1), _ship(2, "newco", "CN", date(2025, 2, 5), 500)])
    assert not _found(engine, only=["supplier_volume_surge"])


@pytest.mark.parametrize(("tonnes", "fires"), [(2400.0, False), (2401.0, True)])
def test_capacity_threshold(engine: Engine, tonnes: float, fires: bool) -> None:
    # SM0012 (Madero) has a stated capacity of 2,400 t a year; two shipments inside twelve months.
    half = tonnes / 2
    _write(
        engine,
        [
            _ship(1, "a", "MX", date(2024, 4, 1), half, smelter_id="SM0012"),
            _ship(2, "b", "MX", date(2025, 3, 1), half, smelter_id="SM0012"),
        ],
    )
    assert (("smelter_capacity_exceeded", "SM0012") in _found(engine, only=["smelter_capacity_exceeded"])) is fires


def test_capacity_counts_twelve_months_only(engine: Engine) -> None:
    _write(
        engine,
        [
            _ship(1, "a", "MX", date(2024, 1, 1), 1300, smelter_id="SM0012"),
            _ship(2, "b", "MX", date(2025, 1, 1), 1300, smelter_id="SM0012"),  # five quarters later
        ],
    )
    assert not _found(engine, only=["smelter_capacity_exceeded"])


@pytest.mark.parametrize(("tonnes", "fires"), [(800.0, False), (800.1, True)])
def test_origin_share_threshold(engine: Engine, tonnes: float, fires: bool) -> None:
    # Mexico: 800 t mined in 2024 plus 2,400 t of listed capacity; 25% of 3,200 t is 800 t.
    _write(engine, [_ship(1, "a", "MX", date(2025, 1, 10), tonnes)])
    assert (("origin_exceeds_production", "MX") in _found(engine, only=["origin_exceeds_production"])) is fires


@pytest.mark.parametrize(("tonnes", "fires"), [(19.9, False), (20.0, True)])
def test_origin_minimum_for_a_country_without_production(engine: Engine, tonnes: float, fires: bool) -> None:
    _write(engine, [_ship(1, "a", "TH", date(2025, 1, 10), tonnes)])
    assert (("origin_exceeds_production", "TH") in _found(engine, only=["origin_exceeds_production"])) is fires


@pytest.mark.parametrize(("prior", "fires"), [(1, False), (2, True)])
def test_switch_needs_earlier_shipments(engine: Engine, prior: int, fires: bool) -> None:
    earlier = [_ship(n, "acme", "CN", date(2024, 3, 1 + n), 5) for n in range(prior)]
    _write(engine, [*earlier, _ship(9, "acme", "TH", date(2024, 12, 1), 5)])
    assert (("origin_switch", "acme") in _found(engine, only=["origin_switch"])) is fires


def test_switch_to_a_producing_country_is_low(engine: Engine) -> None:
    earlier = [_ship(n, "acme", "CN", date(2024, 3, 1 + n), 5) for n in range(3)]
    _write(engine, [*earlier, _ship(9, "acme", "RU", date(2024, 12, 1), 5)])
    with session_scope(engine) as session:
        (finding,) = run_portfolio_checks(session, default_reference(), LIMITS, only=["origin_switch"])
    assert finding.severity == Severity.LOW and "13,000 t in 2024" in finding.message


def _priced(peers: int, odd_price: float) -> list[HistoryShipment]:
    normal = [_ship(n, f"p{n}", "CN", date(2025, 1, 2 + n), 10) for n in range(peers - 1)]
    return [*normal, _ship(99, "odd", "CN", date(2025, 2, 1), 10, value=10_000 * odd_price)]


@pytest.mark.parametrize(
    ("peers", "odd_price", "fires"),
    [(9, 4.0, False), (9, 3.99, True), (9, 36.0, False), (9, 36.01, True), (7, 1.0, False), (8, 1.0, True)],
)
def test_unit_value_threshold(engine: Engine, peers: int, odd_price: float, fires: bool) -> None:
    # The median is 12 USD/kg; three times either way is 4 and 36.
    _write(engine, _priced(peers, odd_price))
    assert (("unit_value_outlier", "odd") in _found(engine, only=["unit_value_outlier"])) is fires


def test_the_index_migration_fills_the_unit_value_of_rows_already_held(engine: Engine) -> None:
    from alembic import command

    from oretrace.store.db import alembic_config

    _write(engine, [*_priced(9, 1.0), _ship(90, "free", "CN", date(2024, 2, 1), 5.0, value=None)])
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0013_supplier_templates")
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0014_portfolio_indexes")
    with session_scope(engine) as session:
        units = dict(session.execute(select(ShipmentFactsRow.exporter, ShipmentFactsRow.unit_value)).all())
    assert units["odd"] == pytest.approx(1.0) and units["free"] is None
    assert ("unit_value_outlier", "odd") in _found(engine, only=["unit_value_outlier"])


# --- no figure rests on one document's word --------------------------------------------------------------------


def test_facts_keep_only_what_two_documents_state_alike() -> None:
    context = ShipmentContext.build(
        [fx.invoice(), fx.packing_list(), fx.certificate_of_origin(), fx.assay_certificate()], load_nlp=no_nlp
    )
    facts = shipment_facts(context)
    assert facts.exporter == "hunan chenzhou mining co ltd"  # invoice seller and certificate exporter agree
    assert facts.origin is None  # invoice says CN, certificate BO
    assert facts.smelter_id is None  # named on the assay certificate only
    assert facts.net_kg == 20_000 and facts.shipped_on == date(2024, 3, 14) and facts.currency == "USD"
    assert facts.commodity == "antimony"  # 8110.10 on the certificate
    assert facts.metal_kg is not None and facts.metal_kg < facts.net_kg


def test_one_document_alone_does_not_count() -> None:
    facts = shipment_facts(ShipmentContext.build([fx.certificate_of_origin()], load_nlp=no_nlp))
    assert facts.exporter is None and facts.origin is None


def test_recording_a_shipment_writes_its_facts_row(engine: Engine) -> None:
    result = fx.shipment()
    facts = shipment_facts(ShipmentContext.build(result.documents, load_nlp=no_nlp))
    now = datetime.now(UTC)
    with session_scope(engine) as session:
        record_shipment(session, result.model_copy(update={"facts": facts}), "/inbox", now, now)
        record_shipment(session, result.model_copy(update={"facts": facts}), "/inbox", now, now)
    with session_scope(engine) as session:
        rows = session.scalars(select(ShipmentFactsRow)).all()
        assert [(r.shipment_id, r.exporter, r.origin, r.synthetic) for r in rows] == [
            (fx.SHIPMENT_ID, "hunan chenzhou mining co ltd", None, False)
        ]
        assert rows[0].quarter == 2024 * 4  # 2024 Q1


# --- when they run ---------------------------------------------------------------------------------------------


def test_a_new_shipment_checks_only_the_windows_it_falls_in(engine: Engine) -> None:
    history = planted_history()
    _write(engine, history)
    early = next(s.shipment_id for s in history if s.facts.shipped_on < date(2024, 1, 1))
    late = next(s.shipment_id for s in history if s.facts.shipped_on >= date(2025, 1, 1))
    with session_scope(engine) as session:
        after_early = {(f.check, f.subject.value) for f in check_touched(session, [early], default_reference(), LIMITS)}
        after_late = {(f.check, f.subject.value) for f in check_touched(session, [late], default_reference(), LIMITS)}
        assert check_touched(session, ["no-such-shipment"], default_reference(), LIMITS) == []
    # 2023 Q4 reaches twelve-month windows up to 2024 Q3: the smelter's, not the 2025 surge or prices.
    assert Planted.capacity in after_early and Planted.surge not in after_early and Planted.price not in after_early
    # The switch to Thailand happened in 2024 Q4 and was reported then; 2025 Q1 holds everything else.
    assert after_late == Planted.all() - {Planted.switch}
    assert portfolio_pass(engine, late) == len(after_late)
    # The watch's pass also stored every window's findings for review, the switch included.
    with session_scope(engine) as session:
        stored = session.scalars(select(Finding.check_id).where(Finding.shipment_id.startswith("portfolio:"))).all()
    assert sorted(stored) == sorted(check for check, _ in Planted.all())


@pytest.fixture
def home(cli_home: Path) -> Path:
    return cli_home


def _home_with_history(home: Path) -> None:
    engine = make_engine(f"sqlite:///{home / 'oretrace.db'}")
    migrate(engine)
    _write(engine, planted_history())
    engine.dispose()


def test_the_portfolio_command_in_each_format(home: Path) -> None:
    _home_with_history(home)
    result = CliRunner().invoke(app, ["portfolio", "--format", "json"])
    assert result.exit_code == 0, result.output
    findings = json.loads(result.output)
    assert {(f["check"], f["subject"]["value"]) for f in findings} == Planted.all()
    assert set(findings[0]) == {"check", "severity", "message", "window", "subject", "figures", "shipments"}
    assert set(findings[0]["window"]) == {"from", "to"}

    result = CliRunner().invoke(app, ["portfolio", "--format", "csv", "--until", "2024-09-30"])
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert result.exit_code == 0 and [r["check"] for r in rows] == [
        "smelter_capacity_exceeded",
        "origin_exceeds_production",
    ]

    result = CliRunner().invoke(app, ["portfolio", "--since", "2025-01-01"])
    assert result.exit_code == 0 and "supplier_volume_surge" in result.output and "portfolio findings" in result.output


def test_the_portfolio_command_refuses_what_it_cannot_do(home: Path) -> None:
    assert CliRunner().invoke(app, ["portfolio"]).exit_code == 3  # an empty store
    _home_with_history(home)
    result = CliRunner().invoke(app, ["portfolio", "--since", "2025-02-01", "--until", "2025-01-01"])
    assert result.exit_code == 2 and "is after" in result.output


def test_export_ends_with_the_portfolio_findings(home: Path) -> None:
    _home_with_history(home)
    engine = make_engine(f"sqlite:///{home / 'oretrace.db'}")
    now = datetime.now(UTC)
    with session_scope(engine) as session:
        record_shipment(session, fx.shipment(), "/inbox", now, now)  # export wants at least one document
    engine.dispose()
    result = CliRunner().invoke(app, ["export", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    portfolio = [line for line in lines if line["kind"] == "portfolio_finding"]
    assert lines[-len(portfolio) :] == portfolio  # after documents and shipments
    assert {(p["check"], p["subject"]["value"]) for p in portfolio} == Planted.all()
    surge = next(p for p in portfolio if p["check"] == "supplier_volume_surge")
    assert set(surge) == {"kind", "check", "severity", "message", "window", "subject", "figures", "shipments"}
    assert surge["window"] == {"from": "2024-10-01", "to": "2024-12-31"} and surge["subject"]["type"] == "exporter"
    assert surge["figures"]["tonnes"] > 50 and all(s.startswith("SYN-") for s in surge["shipments"])


def test_the_csv_keeps_a_formula_in_a_name_as_text(home: Path) -> None:
    _home_with_history(home)
    engine = make_engine(f"sqlite:///{home / 'oretrace.db'}")
    hostile = "=HYPERLINK(evil)"
    _write(engine, [_ship(500 + n, hostile, "CN", date(2025, 3, 1), 10, value=10.0) for n in range(1)])
    engine.dispose()
    result = CliRunner().invoke(app, ["portfolio", "--format", "csv", "--since", "2025-01-01"])
    rows = list(csv.DictReader(io.StringIO(result.output)))
    odd = [r for r in rows if "HYPERLINK" in r["subject"]]
    assert odd and all(not r["subject"].startswith("=") for r in odd)


def test_a_sample_shipment_read_end_to_end_gives_corroborated_facts(tmp_path: Path) -> None:
    inbox = SAMPLE_DOCS / "inbox"
    settings = Settings(home=tmp_path)
    outcomes = [process_document(p, inbox, settings) for p in sorted((inbox / "SHP-2025-0001").iterdir())]
    facts = assemble_shipment("SHP-2025-0001", outcomes).facts
    assert facts is not None
    # Invoice and certificate name the same exporter and origin; the smelter is named on two documents.
    assert facts.exporter_printed == "Chao Phraya Metal Resources Co., Ltd." and facts.origin == "TH"
    assert facts.smelter_id == "SM0021" and facts.commodity == "antimony" and facts.currency == "USD"
    assert facts.net_kg and facts.metal_kg and facts.metal_kg <= facts.net_kg and facts.shipped_on


def test_a_listed_smelter_without_a_stated_capacity_is_named_not_counted() -> None:
    """Thailand's one antimony smelter has no capacity in a public source: it adds 0 t, and the message says so
    rather than implying there is no smelter."""
    from oretrace.store.portfolio import _supply_text, country_supply

    supply = country_supply(default_reference(), "antimony", "TH")
    assert supply.capacity_tonnes == 0 and supply.unstated >= 1
    assert "listed smelter(s) with no capacity stated" in _supply_text(supply)
    hunan = country_supply(default_reference(), "antimony", "CN")
    assert hunan.capacity_tonnes > 0
