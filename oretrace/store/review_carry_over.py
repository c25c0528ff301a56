"""Decisions carried over to a shipment's re-run.

A re-run inserts new finding rows, each linked to the previous run's finding it replaces (finding_links).
A new finding identical to one of the previous run (same shipment, same check, same evidence: document, page
and text of every value compared) inherits that finding's review state (status and assignee), recorded as a
'carry_over' decision pointing at the decision it repeats and as an audit entry. A finding whose evidence
changed (a document re-read differently, a new document) starts open: the reviewer decided on other evidence.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from oretrace.store import schema
from oretrace.store.audit import append_entry
from oretrace.store.decision_basis import audit_basis, basis_json, finding_basis
from oretrace.store.review_tables import Decision, DecisionAction, FindingLink, FindingStatus


def finding_fingerprint(check_id: str, evidence: list[dict[str, Any]]) -> str:
    """What makes two findings of one shipment the same finding: the check and the evidence it compared."""
    values = sorted((e.get("document_id") or "", int(e.get("page", 0)), e.get("text", "")) for e in evidence)
    return hashlib.sha256(json.dumps([check_id, values], ensure_ascii=False).encode("utf-8")).hexdigest()


def _link_predecessors(
    session: Session, run: schema.ShipmentRun, earlier: list[schema.Finding]
) -> dict[int, schema.Finding]:
    """Record which finding of the previous run each of the run's findings replaces; returns the identical
    ones (new finding id -> earlier finding).

    The identical finding first; else, when a check reported exactly one finding in each run and the evidence
    changed, those two. Several findings of one check whose evidence changed are left unlinked rather than
    paired by guess.
    """
    by_fingerprint = {finding_fingerprint(f.check_id, f.evidence_json): f for f in earlier}
    identical: dict[int, schema.Finding] = {}
    for finding in run.findings:
        match = by_fingerprint.pop(finding_fingerprint(finding.check_id, finding.evidence_json), None)
        if match is not None:
            identical[finding.id] = match
    left_new: dict[str, list[schema.Finding]] = defaultdict(list)
    for finding in run.findings:
        if finding.id not in identical:
            left_new[finding.check_id].append(finding)
    left_old: dict[str, list[schema.Finding]] = defaultdict(list)
    for finding in by_fingerprint.values():
        left_old[finding.check_id].append(finding)
    changed = {
        new[0].id: left_old[check][0]
        for check, new in left_new.items()
        if len(new) == 1 and len(left_old.get(check, [])) == 1
    }
    for finding_id, predecessor in identical.items():
        session.add(FindingLink(finding_id=finding_id, predecessor_id=predecessor.id, same_evidence=True))
    for finding_id, predecessor in changed.items():
        session.add(FindingLink(finding_id=finding_id, predecessor_id=predecessor.id, same_evidence=False))
    return identical


def carry_over_decisions(session: Session, run: schema.ShipmentRun) -> int:
    """Link the run's findings to those of the shipment's previous run they replace, and give the identical
    ones the earlier finding's review state.

    Returns how many findings inherited a state.
    """
    previous_id = session.scalar(
        select(func.max(schema.ShipmentRun.id)).where(
            schema.ShipmentRun.shipment_id == run.shipment_id, schema.ShipmentRun.id < run.id
        )
    )
    if previous_id is None:
        return 0
    earlier_findings = session.scalars(
        select(schema.Finding).where(schema.Finding.shipment_run_id == previous_id).order_by(schema.Finding.id)
    ).all()
    identical = _link_predecessors(session, run, list(earlier_findings))
    carried = 0
    now = datetime.now(UTC)
    for finding in run.findings:
        earlier = identical.get(finding.id)
        if earlier is None or (earlier.status == FindingStatus.OPEN.value and earlier.assignee_id is None):
            continue
        last_decision = session.scalars(
            select(Decision).where(Decision.finding_id == earlier.id).order_by(Decision.id.desc()).limit(1)
        ).first()
        finding.status = earlier.status
        finding.assignee_id = earlier.assignee_id
        finding.version = (finding.version or 1) + 1
        note = f"carried over from finding {earlier.id} of shipment run {previous_id}"
        if last_decision is not None:
            note += f": {last_decision.note}"
        # The run's documents are recorded by now: the basis is this run's reading of the same evidence.
        basis = finding_basis(session, finding)
        decision = Decision(
            finding_id=finding.id,
            shipment_id=finding.shipment_id,
            action=DecisionAction.CARRY_OVER.value,
            from_status=FindingStatus.OPEN.value,
            to_status=earlier.status,
            note=note,
            user_id=None,
            assignee_id=earlier.assignee_id,
            carried_from_id=last_decision.id if last_decision else None,
            finding_version=finding.version,
            created_at=now,
            basis_json=basis_json(basis),
        )
        session.add(decision)
        session.flush()
        append_entry(
            session,
            actor="pipeline",
            action="finding.carried_over",
            subject=f"finding:{finding.id}",
            details={
                "decision_id": decision.id,
                "from_finding_id": earlier.id,
                "shipment_id": finding.shipment_id,
                "status": earlier.status,
                "assignee_id": earlier.assignee_id,
                "carried_from_decision_id": last_decision.id if last_decision else None,
                **audit_basis(basis),
            },
            rows=[("decisions", decision.id), ("findings", finding.id)],
        )
        carried += 1
    return carried
