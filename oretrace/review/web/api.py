"""The workspace's JSON API: the queue, shipments, findings and decisions, history, audit and users."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse, Response
from pydantic import Field

from oretrace.core.models import Frozen
from oretrace.review import auth, service
from oretrace.review.auth import Role, UserError
from oretrace.review.export import ExportFormat, history_export
from oretrace.review.models import (
    Dashboard,
    DecisionRequest,
    DocumentHistory,
    FindingView,
    HistoryEntry,
    QueueResult,
    ShipmentView,
    StoreText,
)
from oretrace.review.web.deps import DB, DocumentId, ExpectHead, FindingId, Login, ShipmentId, UserName, WriteLogin
from oretrace.review.web.forms import checked_history_filters, checked_queue_filters
from oretrace.review.web.render import download
from oretrace.store.audit_rows import AuditReport

router = APIRouter(prefix="/api")


class NewUser(Frozen):
    name: StoreText = Field(max_length=auth.MAX_NAME_LENGTH)
    role: Role
    password: StoreText = Field(max_length=auth.MAX_PASSWORD_LENGTH)


class UserChange(Frozen):
    role: Role | None = None
    active: bool | None = None


@router.get("/dashboard", response_model=Dashboard, tags=["review"])
def api_dashboard(session: DB, login: Login) -> Dashboard:
    """The dashboard's figures; each names the queue filters listing the findings behind it."""
    return service.dashboard(session, login.actor)


@router.get("/queue", response_model=QueueResult, tags=["review"])
def api_queue(request: Request, session: DB, login: Login) -> QueueResult:
    """Findings of each shipment's latest run. Query: status, severity, check (repeatable), shipment,
    exporter, declared_origin, assignee ('-' for unassigned), min_age_days, max_age_days, sort, descending."""
    return service.list_queue(session, login.actor, checked_queue_filters(request.query_params))


@router.get("/shipments/{shipment_id}", response_model=ShipmentView, tags=["review"])
def api_shipment(shipment_id: ShipmentId, session: DB, login: Login) -> ShipmentView:
    return service.shipment_view(session, login.actor, shipment_id)


@router.get("/findings/{finding_id}", response_model=FindingView, tags=["review"])
def api_finding(finding_id: FindingId, session: DB, login: Login) -> FindingView:
    return service.finding_view(session, login.actor, finding_id)


@router.post(
    "/findings/{finding_id}/decisions",
    response_model=FindingView,
    tags=["review"],
    responses={409: {"description": "the finding changed since `version`; body has `current`"}},
)
def api_decide(finding_id: FindingId, body: DecisionRequest, session: DB, login: WriteLogin) -> Response:
    """Confirm, dismiss, escalate, reopen or assign. Send the finding's `version` as last read."""
    try:
        view = service.decide(session, login.actor, finding_id, body)
        session.commit()
    except service.DecisionConflict as conflict:
        return JSONResponse(
            {"detail": str(conflict), "current": conflict.current.model_dump(mode="json")}, status_code=409
        )
    return JSONResponse(view.model_dump(mode="json"))


@router.get("/history", response_model=list[HistoryEntry], tags=["history"])
def api_history(request: Request, session: DB, login: Login) -> list[HistoryEntry]:
    """Audit entries, newest first. Query: shipment, document, finding, user, since, until, limit."""
    return service.history(session, login.actor, checked_history_filters(request.query_params))


@router.get("/history/export", tags=["history"])
def api_history_export(request: Request, session: DB, login: Login, format: ExportFormat) -> Response:
    entries = service.history(session, login.actor, checked_history_filters(request.query_params))
    return download(history_export(entries, format), format, "history")


@router.get("/documents/{document_id}/versions", response_model=DocumentHistory, tags=["history"])
def api_document_versions(document_id: DocumentId, session: DB, login: Login) -> DocumentHistory:
    return service.document_history(session, login.actor, document_id)


@router.get("/audit/verify", response_model=AuditReport, tags=["history"])
def api_audit_verify(request: Request, login: Login, expect_head: ExpectHead = None) -> AuditReport:
    """The audit log verified now (auditors and admins): `ok`, `entries`, `head_hash` and `problem` are the
    chain's check; `rows` lists every recorded row that differs from its audit entry or is gone, and every
    row of an audited table that no entry records. `ok` is false if anything failed."""
    return service.verify_audit_log(request.app.state.engine, login.actor, expect_head)


@router.get("/users", response_model=list[auth.UserInfo], tags=["users"])
def api_users(session: DB, login: Login) -> list[auth.UserInfo]:
    return auth.list_users(session, login.actor)


@router.post("/users", response_model=auth.UserInfo, status_code=201, tags=["users"])
def api_add_user(body: NewUser, session: DB, login: WriteLogin) -> auth.UserInfo:
    try:
        user = auth.add_user_as(session, login.actor, body.name, body.role, body.password)
        session.commit()
        return user
    except UserError as err:
        raise HTTPException(422, str(err)) from err


@router.patch("/users/{name}", response_model=auth.UserInfo, tags=["users"])
def api_change_user(name: UserName, body: UserChange, session: DB, login: WriteLogin) -> auth.UserInfo:
    """Change a user's role or (de)activate them (admins). Deactivation ends the user's logins."""
    try:
        user = auth.change_user_as(session, login.actor, name, role=body.role, active=body.active)
    except UserError as err:
        raise HTTPException(422, str(err)) from err
    session.commit()
    return user
