"""Decisions carried over to a shipment's re-run.

A re-run inserts new finding rows. A new finding identical to one of the previous run (same shipment, same
check, same evidence: document, page and text of every value compared) inherits that finding's review state
(status and assignee), recorded as a 'carry_over' decision pointing at the decision it repeats and as an
audit entry. A finding whose evidence changed (a document re-read differently, a new document) starts open:
the reviewer decided on other evidence.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from oretrace.store import schema
from oretrace.store.audit import append_entry
from oretrace.store.review_tables import Decision, DecisionAction, FindingStatus


def finding_fingerprint(check_id: str, evidence: list[dict[str, Any]]) -> str:
    """What makes two findings of one shipment the same finding: the check and the evidence it compared."""
    values = sorted((e.get("document_id") or "", int(e.get("page", 0)), e.get("text", "")) for e in evidence)
    return hashlib.sha256(json.dumps([check_id, values], ensure_ascii=False).encode("utf-8")).hexdigest()


def carry_over_decisions(session: Session, run: schema.ShipmentRun) -> int:
    """Give the run's findings the review state of identical findings of the shipment's previous run.

    Returns how many findings inherited a state.
    """
    previous_id = session.scalar(
        select(func.max(schema.ShipmentRun.id)).where(
            schema.ShipmentRun.shipment_id == run.shipment_id, schema.ShipmentRun.id < run.id
        )
    )
    if previous_id is None:
        return 0
    reviewed = session.scalars(
        select(schema.Finding).where(
            schema.Finding.shipment_run_id == previous_id,
            (schema.Finding.status != FindingStatus.OPEN.value) | schema.Finding.assignee_id.is_not(None),
        )
    ).all()
    by_fingerprint = {finding_fingerprint(f.check_id, f.evidence_json): f for f in reviewed}
    carried = 0
    now = datetime.now(UTC)
    for finding in run.findings:
        earlier = by_fingerprint.pop(finding_fingerprint(finding.check_id, finding.evidence_json), None)
        if earlier is None:
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
        session.add(
            decision := Decision(
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
            )
        )
        session.flush()
        append_entry(
            session,
            actor="pipeline",
            action="finding.carried_over",
            subject=f"finding:{finding.id}",
            details={
                "from_finding_id": earlier.id,
                "shipment_id": finding.shipment_id,
                "status": earlier.status,
                "assignee_id": earlier.assignee_id,
                "carried_from_decision_id": last_decision.id if last_decision else None,
            },
            rows=[("decisions", decision.id), ("findings", finding.id)],
        )
        carried += 1
    return carried
