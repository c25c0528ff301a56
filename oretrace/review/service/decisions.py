"""Deciding a finding: confirm, dismiss, escalate, reopen or assign, once per version, audited."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from oretrace.review.auth import Actor, Permission, Role
from oretrace.review.models import (
    DecisionRequest,
    FindingView,
)
from oretrace.review.service.errors import DecisionConflict, InvalidDecision, NotFound
from oretrace.review.service.views import finding_view, latest_run_of
from oretrace.store import schema
from oretrace.store.audit import append_entry
from oretrace.store.decision_basis import audit_basis, basis_json, finding_basis
from oretrace.store.review_tables import Decision, DecisionAction, FindingStatus, User

# Which statuses each decision may start from, and where it leads (None: the status does not change).
TRANSITIONS: dict[DecisionAction, tuple[frozenset[FindingStatus], FindingStatus | None]] = {
    DecisionAction.CONFIRM: (frozenset({FindingStatus.OPEN, FindingStatus.ESCALATED}), FindingStatus.CONFIRMED),
    DecisionAction.DISMISS: (frozenset({FindingStatus.OPEN, FindingStatus.ESCALATED}), FindingStatus.DISMISSED),
    DecisionAction.ESCALATE: (frozenset({FindingStatus.OPEN}), FindingStatus.ESCALATED),
    DecisionAction.REOPEN: (
        frozenset({FindingStatus.CONFIRMED, FindingStatus.DISMISSED, FindingStatus.ESCALATED}),
        FindingStatus.OPEN,
    ),
    DecisionAction.ASSIGN: (frozenset(FindingStatus), None),
}
NOTE_OPTIONAL = frozenset({DecisionAction.ASSIGN})
MAX_NOTE_LENGTH = 4000


def _assignee_id(session: Session, name: str | None) -> int | None:
    if not name:
        return None
    user = session.scalar(select(User).where(User.name == name))
    if user is None or not user.active:
        raise InvalidDecision(f"no active user named {name!r}")
    if Role(user.role) is not Role.REVIEWER:
        raise InvalidDecision(f"{name} is {user.role}, not a reviewer: only reviewers can be assigned findings")
    return user.id


def decide(session: Session, actor: Actor, finding_id: int, request: DecisionRequest) -> FindingView:
    """Apply a decision (confirm, dismiss, escalate, reopen, assign) if the finding is still at request.version.

    Exactly one of several concurrent decisions on the same version wins: the update is conditional on the
    version, and the database serialises the row. The others raise DecisionConflict with the current state.
    """
    actor.require(Permission.DECIDE)
    if request.action is DecisionAction.CARRY_OVER:
        raise InvalidDecision("carry_over is written by the pipeline, not by reviewers")
    note = request.note.strip()
    if not note and request.action not in NOTE_OPTIONAL:
        raise InvalidDecision(f"a note is required to {request.action.value} a finding")
    if len(note) > MAX_NOTE_LENGTH:
        raise InvalidDecision(f"the note is longer than {MAX_NOTE_LENGTH} characters")

    finding = session.execute(
        select(schema.Finding).where(schema.Finding.id == finding_id).execution_options(populate_existing=True)
    ).scalar_one_or_none()
    if finding is None:
        raise NotFound(f"no finding {finding_id}")
    if finding.version != request.version:
        raise DecisionConflict(finding_view(session, actor, finding_id), request.version)
    if finding.shipment_run_id != latest_run_of(session, finding.shipment_id):
        raise InvalidDecision(
            f"finding {finding_id} belongs to an earlier run of {finding.shipment_id}; decide the current one"
        )
    allowed_from, target = TRANSITIONS[request.action]
    current_status = FindingStatus(finding.status)
    if current_status not in allowed_from:
        raise InvalidDecision(f"cannot {request.action.value} a finding that is {current_status.value}")
    new_status = target or current_status
    values: dict[str, Any] = {"status": new_status.value, "version": schema.Finding.version + 1}
    assignee_id = finding.assignee_id
    if request.action is DecisionAction.ASSIGN:
        assignee_id = _assignee_id(session, request.assignee)
        values["assignee_id"] = assignee_id

    result = session.execute(
        update(schema.Finding)
        .where(schema.Finding.id == finding_id, schema.Finding.version == request.version)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        # Another decision committed between our read and this update.
        raise DecisionConflict(finding_view(session, actor, finding_id), request.version)

    new_version = request.version + 1
    # What the reviewer was shown: the finding's evidence as its run's extractions read it.
    basis = finding_basis(session, finding)
    decision = Decision(
        finding_id=finding_id,
        shipment_id=finding.shipment_id,
        action=request.action.value,
        from_status=current_status.value,
        to_status=new_status.value,
        note=note,
        user_id=actor.user_id,
        assignee_id=assignee_id if request.action is DecisionAction.ASSIGN else None,
        finding_version=new_version,
        created_at=datetime.now(UTC),
        basis_json=basis_json(basis),
    )
    session.add(decision)
    session.flush()
    audit_action = {
        DecisionAction.REOPEN: "finding.reopened",
        DecisionAction.ASSIGN: "finding.assigned",
    }.get(request.action, "finding.decided")
    append_entry(
        session,
        actor=actor.audit_name,
        action=audit_action,
        subject=f"finding:{finding_id}",
        details={
            "decision_id": decision.id,
            "shipment_id": finding.shipment_id,
            "shipment_run_id": finding.shipment_run_id,
            "check": finding.check_id,
            "decision": request.action.value,
            "from": current_status.value,
            "to": new_status.value,
            "note": note,
            "assignee": request.assignee if request.action is DecisionAction.ASSIGN else None,
            "version": new_version,
            **audit_basis(basis),
        },
        rows=[("decisions", decision.id), ("findings", finding_id)],
    )
    return finding_view(session, actor, finding_id)
