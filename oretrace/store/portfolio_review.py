"""Portfolio findings in the review store, decided in the same queue as the shipments' findings.

A portfolio finding is stored as a row of `findings` whose "shipment" is its subject: shipment id
`portfolio:<subject type>:<subject>` (a `shipments` row with inbox root `portfolio`, never an inbox folder), and
whose run is a `shipment_runs` row written for the evaluation (verdict `portfolio`). So the queue, the versioned
decisions, the audit entries and the carry-over to a re-evaluation are the shipments' own code, unchanged.

The evidence holds the window and one entry per shipment behind the finding, so the carry-over's fingerprint
(check and evidence, within one subject) is check + subject + window + shipment list: a re-evaluation finding
the same thing inherits its decision, and a new shipment behind it makes it a new, open finding.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from oretrace.core.config import PortfolioThresholds
from oretrace.core.models import PortfolioFinding
from oretrace.reference import ReferenceData
from oretrace.store import schema
from oretrace.store.audit import append_entry
from oretrace.store.portfolio import run_portfolio_checks
from oretrace.store.repository import PORTFOLIO_VERDICT, _upsert_shipment
from oretrace.store.review_carry_over import carry_over_decisions

PREFIX = "portfolio:"
INBOX_ROOT = "portfolio"
_NO_BOX = (0.0, 0.0, 0.0, 0.0)


def subject_key(finding: PortfolioFinding) -> str:
    return f"{PREFIX}{finding.subject.type}:{finding.subject.value}"


def is_portfolio(shipment_id: str) -> bool:
    return shipment_id.startswith(PREFIX)


def exporter_of(shipment_id: str) -> str | None:
    """The exporter a portfolio subject names (`portfolio:exporter:<name>`), else None."""
    kind, _, value = shipment_id.removeprefix(PREFIX).partition(":")
    return value if is_portfolio(shipment_id) and kind == "exporter" else None


def evidence_of(finding: PortfolioFinding) -> list[dict[str, Any]]:
    """The window, then each shipment behind the finding (no document: these are facts across shipments)."""
    window = f"window {finding.window.start.isoformat()}..{finding.window.end.isoformat()}"
    return [{"page": 0, "bbox": list(_NO_BOX), "text": window}] + [
        {"page": 0, "bbox": list(_NO_BOX), "text": shipment_id, "shipment_id": shipment_id}
        for shipment_id in finding.shipments
    ]


@dataclass(frozen=True)
class StoredEvaluation:
    subjects: int
    findings: int
    carried_over: int


def _flagged_subjects(session: Session) -> set[str]:
    """Portfolio subjects whose latest run still holds findings."""
    latest = (
        select(func.max(schema.ShipmentRun.id))
        .where(schema.ShipmentRun.shipment_id.startswith(PREFIX, autoescape=True))
        .group_by(schema.ShipmentRun.shipment_id)
    )
    return set(session.scalars(select(schema.Finding.shipment_id).where(schema.Finding.shipment_run_id.in_(latest))))


def store_evaluation(session: Session, findings: Sequence[PortfolioFinding]) -> StoredEvaluation:
    """Record an evaluation over every window held: one run per subject flagged now or at the last evaluation
    (an empty run retires findings no longer raised), each carrying decisions over from the subject's last run."""
    by_subject: dict[str, list[PortfolioFinding]] = defaultdict(list)
    for finding in findings:
        by_subject[subject_key(finding)].append(finding)
    keys = sorted(set(by_subject) | _flagged_subjects(session))
    now = datetime.now(UTC)
    carried = 0
    for key in keys:
        # An upsert: two watch workers may evaluate at once.
        _upsert_shipment(session, key, INBOX_ROOT)
        run = schema.ShipmentRun(shipment_id=key, started_at=now, finished_at=now, verdict=PORTFOLIO_VERDICT)
        session.add(run)
        session.flush()
        for finding in by_subject.get(key, []):
            session.add(
                schema.Finding(
                    shipment_run_id=run.id,
                    shipment_id=key,
                    check_id=finding.check,
                    severity=finding.severity.value,
                    message=finding.message,
                    evidence_json=evidence_of(finding),
                )
            )
        session.flush()
        session.refresh(run, ["findings"])
        # Recorded like a shipment run, so `oretrace audit verify` vouches for these rows too.
        append_entry(
            session,
            actor="pipeline",
            action="portfolio_run.recorded",
            subject=f"shipment:{key}",
            details={"shipment_run_id": run.id, "finding_ids": [f.id for f in run.findings]},
            rows=[("shipment_runs", run.id), *(("findings", f.id) for f in run.findings)],
        )
        carried += carry_over_decisions(session, run)
    return StoredEvaluation(subjects=len(keys), findings=len(findings), carried_over=carried)


def evaluate_and_store(session: Session, reference: ReferenceData, limits: PortfolioThresholds) -> StoredEvaluation:
    """Every window held, not only those a run touched: a subject's latest run must hold all its findings, since
    the queue shows each subject's latest run."""
    return store_evaluation(session, run_portfolio_checks(session, reference, limits))
