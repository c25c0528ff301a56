"""The decision trail on SQLite and PostgreSQL: what a decision was based on, carry-overs naming the original
decider, replaced findings linking their successors, answered on one finding page over HTTP."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from oretrace.review import auth, service
from oretrace.review.auth import Role
from oretrace.review.models import DecisionRequest, HistoryFilters
from oretrace.review.web.app import create_app
from oretrace.store import schema
from oretrace.store.audit import verify_chain
from oretrace.store.db import session_scope
from oretrace.store.repository import record_shipment
from oretrace.store.review_tables import DecisionAction, FindingLink, FindingStatus
from tests import review_fixtures
from tests.store_fixtures import FINISHED_AT, INBOX_ROOT, SHIPMENT_ID, STARTED_AT, shipment
from tests.test_review_web import PASSWORD, client, form_login

store_engine = review_fixtures.store_engine
fast_argon2 = review_fixtures.fast_argon2
pytestmark = pytest.mark.usefixtures("fast_argon2")
NOTE = "Smelter alias of the Bolivian plant, see file 2024-117"
RERUN_AT = STARTED_AT + timedelta(days=1)


class Trail:
    """One shipment: alice dismisses its high finding, then the shipment is re-run."""

    def __init__(self, engine: Engine) -> None:
        with session_scope(engine) as session:
            self.first_run = record_shipment(session, shipment(), INBOX_ROOT, STARTED_AT, FINISHED_AT)
            auth.add_user(session, "alice", Role.REVIEWER, PASSWORD, by="cli")
            auth.add_user(session, "carol", Role.AUDITOR, PASSWORD, by="cli")
        with session_scope(engine) as session:
            self.alice = auth.actor_for(session, "alice")
            self.carol = auth.actor_for(session, "carol")
            first = session.scalars(
                select(schema.Finding).where(schema.Finding.shipment_run_id == self.first_run).order_by("id")
            ).all()
            self.high = next(f.id for f in first if f.severity == "high")
            self.low = next(f.id for f in first if f.severity == "low")
            request = DecisionRequest(action=DecisionAction.DISMISS, version=1, note=NOTE)
            service.decide(session, self.alice, self.high, request)
        with session_scope(engine) as session:
            self.second_run = record_shipment(session, shipment(), INBOX_ROOT, RERUN_AT, RERUN_AT)
            second = session.scalars(
                select(schema.Finding).where(schema.Finding.shipment_run_id == self.second_run).order_by("id")
            ).all()
            self.new_high = next(f.id for f in second if f.severity == "high")
            self.new_low = next(f.id for f in second if f.severity == "low")
            self.runs_of = {
                run: {
                    r.document.source_path: r.id
                    for r in session.scalars(
                        select(schema.ExtractionRun).where(schema.ExtractionRun.shipment_run_id == run)
                    )
                }
                for run in (self.first_run, self.second_run)
            }


@pytest.fixture
def trail(store_engine: Engine) -> Trail:
    return Trail(store_engine)


def test_decisions_record_their_basis_and_carry_overs_name_the_decider(store_engine: Engine, trail: Trail) -> None:
    with session_scope(store_engine) as session:
        view = service.finding_view(session, trail.carol, trail.new_high)
        old = service.finding_view(session, trail.carol, trail.high)
        old_low = service.finding_view(session, trail.carol, trail.low)
        entries = service.history(session, trail.carol, HistoryFilters(finding=trail.high))
        assert verify_chain(session).ok

    (carried,) = view.decisions
    assert carried.action is DecisionAction.CARRY_OVER and carried.user is None
    assert carried.origin is not None
    assert (carried.origin.user, carried.origin.action, carried.origin.finding_id) == (
        "alice",
        DecisionAction.DISMISS,
        trail.high,
    )
    assert carried.origin.shipment_run_id == trail.first_run
    assert carried.summary.startswith("dismissed by alice on ")
    assert carried.summary.endswith(f"(finding {trail.high}, run {trail.first_run}), carried over to this run")

    # Both decisions, oldest first, each with the extraction runs and values of its own shipment run.
    dismissed, again = view.trail
    assert (dismissed.finding_id, dismissed.user, dismissed.note) == (trail.high, "alice", NOTE)
    assert again.id == carried.id
    for decision, run in ((dismissed, trail.first_run), (again, trail.second_run)):
        assert decision.basis is not None
        assert [(b.source_path, b.field, b.value) for b in decision.basis] == [
            (f"{SHIPMENT_ID}/certificate_of_origin.pdf", "country_of_origin", "BO"),
            (f"{SHIPMENT_ID}/assay_SB-2403.pdf", "smelter_name", "Hsikwangshan Twinkling Star Co., Ltd."),
        ]
        assert [b.extraction_run_id for b in decision.basis] == [
            trail.runs_of[run][b.source_path] for b in decision.basis
        ]

    # Links both ways; the replaced findings say so.
    assert [(f.id, f.same_evidence) for f in view.predecessors] == [(trail.high, True)]
    assert [f.id for f in old.successors] == [trail.new_high] and not old.current
    assert old.status is FindingStatus.DISMISSED
    assert [f.id for f in old_low.successors] == [trail.new_low] and old_low.trail == []

    # The audit entry of the decision carries the extraction runs and the values too.
    (decided,) = entries
    assert decided.details["extraction_run_ids"] == sorted(
        trail.runs_of[trail.first_run][p]
        for p in (
            f"{SHIPMENT_ID}/certificate_of_origin.pdf",
            f"{SHIPMENT_ID}/assay_SB-2403.pdf",
        )
    )
    assert [v["value"] for v in decided.details["compared_values"]] == ["BO", "Hsikwangshan Twinkling Star Co., Ltd."]


def test_a_third_run_still_names_the_first_decider(store_engine: Engine, trail: Trail) -> None:
    later = RERUN_AT + timedelta(days=1)
    with session_scope(store_engine) as session:
        third = record_shipment(session, shipment(), INBOX_ROOT, later, later)
        newest = session.scalar(
            select(schema.Finding.id).where(schema.Finding.shipment_run_id == third, schema.Finding.severity == "high")
        )
        view = service.finding_view(session, trail.carol, newest)
        middle = service.finding_view(session, trail.carol, trail.new_high)
    assert view.decisions[0].origin is not None and view.decisions[0].origin.decision_id == view.trail[0].id
    assert view.decisions[0].origin.user == "alice" and view.decisions[0].origin.finding_id == trail.high
    assert [f.id for f in view.predecessors] == [trail.high, trail.new_high]
    assert [d.finding_id for d in view.trail] == [trail.high, trail.new_high, newest]
    # The middle finding sees the whole lineage too.
    assert [f.id for f in middle.predecessors] == [trail.high] and [f.id for f in middle.successors] == [newest]


def test_a_finding_on_changed_evidence_links_back_without_the_decision(store_engine: Engine, trail: Trail) -> None:
    changed = shipment()
    finding = next(f for f in changed.findings if f.severity.value == "high")
    moved = finding.model_copy(
        update={"evidence": [e.model_copy(update={"text": "Bolivia."}) for e in finding.evidence]}
    )
    changed = changed.model_copy(update={"findings": [moved if f is finding else f for f in changed.findings]})
    later = RERUN_AT + timedelta(days=1)
    with session_scope(store_engine) as session:
        third = record_shipment(session, changed, INBOX_ROOT, later, later)
        newest = session.scalar(
            select(schema.Finding.id).where(schema.Finding.shipment_run_id == third, schema.Finding.severity == "high")
        )
        link = session.get(FindingLink, newest)
        view = service.finding_view(session, trail.carol, newest)
    assert link is not None and (link.predecessor_id, link.same_evidence) == (trail.new_high, False)
    assert view.status is FindingStatus.OPEN and view.decisions == []
    # The earlier decisions stay in its trail, for the reviewer deciding again.
    assert [d.finding_id for d in view.trail] == [trail.high, trail.new_high]


def _trail_section(html: str) -> str:
    match = re.search(r'<section class="trail" id="trail".*?</section>', html, re.S)
    assert match, "the finding page has a Trail section"
    return match.group(0)


def test_the_auditor_answers_from_one_page(store_engine: Engine, trail: Trail, tmp_path: Path) -> None:
    """Who dismissed this finding, from which extraction, and what did the document say: one page, links."""
    c = client(create_app(store_engine, tmp_path / "home"))
    assert form_login(c, "carol").status_code == 303

    page = c.get(f"/findings/{trail.new_high}")
    assert page.status_code == 200
    status = re.search(r'<dd id="finding-carried">(.*?)</dd>', page.text, re.S)
    assert status and "dismissed by alice on " in status.group(1) and "carried over to this run" in status.group(1)
    assert f'href="/findings/{trail.high}"' in status.group(1)
    assert "by pipeline" not in re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", page.text))

    section = _trail_section(page.text)
    assert section.index('data-finding="' + str(trail.high)) < section.index('data-finding="' + str(trail.new_high))
    assert '<span class="decider">alice</span>' in section and NOTE in section
    assert "BO" in section and "Hsikwangshan Twinkling Star Co., Ltd." in section
    assert "Country of origin" in section and "Smelter or producer" in section
    run_links = re.findall(r'class="extraction-run" href="([^"]+)"', section)
    expected = {
        f"#run-{trail.runs_of[run][f'{SHIPMENT_ID}/{name}']}"
        for run in (trail.first_run, trail.second_run)
        for name in ("certificate_of_origin.pdf", "assay_SB-2403.pdf")
    }
    assert {link[link.index("#") :] for link in run_links} == expected
    assert f'class="predecessor" href="/findings/{trail.high}"' in section

    for link in run_links:
        path, anchor = link.split("#")
        versions = c.get(path)
        assert versions.status_code == 200 and f'id="{anchor}"' in versions.text
        # The versions page shows each version's field values.
        assert re.search(r'<table class="fields">.*?(BO|Hsikwangshan)', versions.text, re.S)
    original = c.get(f"/findings/{trail.high}")
    assert original.status_code == 200
    replaced = re.search(r'<dd id="finding-status"[^>]*>(.*?)</dd>', original.text, re.S)
    assert replaced and "dismissed, replaced by" in replaced.group(1)
    assert f'href="/findings/{trail.new_high}"' in replaced.group(1)
    assert f'class="successor" href="/findings/{trail.new_high}"' in _trail_section(original.text)

    old_low = c.get(f"/findings/{trail.low}").text
    low_status = re.search(r'<dd id="finding-status"[^>]*>(.*?)</dd>', old_low, re.S)
    assert (
        low_status
        and low_status.group(1).startswith("replaced by")
        and f"finding {trail.new_low}" in low_status.group(1)
    )


def test_history_names_files_and_shows_decided_values(store_engine: Engine, trail: Trail, tmp_path: Path) -> None:
    c = client(create_app(store_engine, tmp_path / "home"))
    form_login(c, "carol")
    page = c.get(f"/history?shipment={SHIPMENT_ID}&limit=200")
    assert page.status_code == 200
    assert f">{SHIPMENT_ID}/certificate_of_origin.pdf</a>" in page.text
    assert not re.search(r">document:[0-9a-f]{12}…</a>", page.text)
    decided = re.search(r'<tr data-action="finding.decided">.*?</tr>', page.text, re.S)
    assert decided and '<ul class="compared-values">' in decided.group(0)
    assert 'Country of origin: <span class="value">BO</span>' in decided.group(0)


def test_migration_links_findings_carried_over_before_it(store_engine: Engine, trail: Trail) -> None:
    """0009 on a store with earlier re-runs: carried-over findings get their link from the carry-over."""
    from alembic import command

    from oretrace.store.db import alembic_config

    with store_engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0008_server_keys")
    with store_engine.begin() as connection:
        command.upgrade(alembic_config(connection), "heads")  # 0009 and the later revisions the schema has
    with session_scope(store_engine) as session:
        links = session.scalars(select(FindingLink)).all()
        view = service.finding_view(session, trail.carol, trail.new_high)
        assert verify_chain(session).ok
    # The open finding had no carry-over to learn its predecessor from; the decisions survived the rebuild.
    assert [(x.finding_id, x.predecessor_id, x.same_evidence) for x in links] == [(trail.new_high, trail.high, True)]
    assert [d.basis for d in view.trail] == [None, None]
    assert view.decisions[0].origin is not None and view.decisions[0].origin.user == "alice"
