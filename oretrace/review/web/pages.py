"""The workspace's server-rendered pages: queue, shipment, finding and its decision form, history, document
versions, the page viewer and page images, users, the audit check, and the downloads (queue, history,
original files)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response, StreamingResponse
from pydantic import ValidationError
from sqlalchemy.orm import Session
from starlette.datastructures import QueryParams

from oretrace.review import auth, service
from oretrace.review.auth import LoginSession, Permission, Role, UserError
from oretrace.review.export import ExportFormat, history_export, queue_export
from oretrace.review.models import DecisionRequest
from oretrace.review.page_images import PageImageError, PageSize, checked_chunks
from oretrace.review.web.charts import CHART_CSP, chart_svg, chart_view
from oretrace.review.web.deps import (
    DB,
    DocumentId,
    ExpectHead,
    FindingId,
    Login,
    PageNumber,
    ShipmentId,
    UserName,
    check_csrf,
)
from oretrace.review.web.forms import (
    checked_history_filters,
    checked_queue_filters,
    history_filters_or_problem,
    queue_filters_or_problem,
)
from oretrace.review.web.render import attachment, download, evidence_pages, field_page, page
from oretrace.store.review_tables import DecisionAction

router = APIRouter(include_in_schema=False)

HISTORY_PAGE_SIZE = 50
DECISION_ACTIONS = [
    DecisionAction.CONFIRM,
    DecisionAction.DISMISS,
    DecisionAction.ESCALATE,
    DecisionAction.REOPEN,
]


@router.get("/", response_class=HTMLResponse)
def queue_page(request: Request, session: DB, login: Login) -> Response:
    users = [u.name for u in auth.list_users(session, login.actor) if u.role is Role.REVIEWER]
    filters, problem = queue_filters_or_problem(request.query_params)
    result = service.list_queue(session, login.actor, filters)
    unknown_origin = bool(filters.declared_origin) and service.origin_code(filters.declared_origin or "") is None
    return page(
        request,
        "queue.html",
        login,
        reviewers=users,
        queue=result,
        filters=filters,
        query="" if problem else str(request.query_params),
        unknown_origin=unknown_origin,
        problem=problem,
        status=422 if problem else 200,
    )


@router.get("/dashboard", response_class=HTMLResponse)
def dashboard_page(request: Request, session: DB, login: Login) -> Response:
    figures = service.dashboard(session, login.actor)
    return page(request, "dashboard.html", login, charts=[chart_view(chart) for chart in figures.charts])


@router.get("/dashboard/charts/{chart_id}.svg")
def dashboard_chart(chart_id: str, session: DB, login: Login) -> Response:
    figures = service.chart(session, login.actor, chart_id)
    if figures is None:
        raise service.NotFound(f"no chart {chart_id!r}")
    return Response(chart_svg(figures), media_type="image/svg+xml", headers={"Content-Security-Policy": CHART_CSP})


@router.get("/shipments/{shipment_id}", response_class=HTMLResponse)
def shipment_page(request: Request, shipment_id: ShipmentId, session: DB, login: Login) -> Response:
    view = service.shipment_view(session, login.actor, shipment_id)
    return page(request, "shipment.html", login, shipment=view)


def _finding_page(
    request: Request,
    session: Session,
    login: LoginSession,
    finding_id: int,
    query: str,
    *,
    conflict: str | None = None,
    error: str | None = None,
    assign_error: str | None = None,
    note: str = "",
    chosen_action: str | None = None,
    status: int = 200,
) -> Response:
    view = service.finding_view(session, login.actor, finding_id)
    filters = checked_queue_filters(QueryParams(query))
    next_id = service.next_finding_id(session, login.actor, finding_id, filters)
    reviewers = [u.name for u in auth.list_users(session, login.actor) if u.role is Role.REVIEWER and u.active]
    return page(
        request,
        "finding.html",
        login,
        status,
        finding=view,
        pages=evidence_pages(view),
        next_id=next_id if next_id != finding_id else None,
        query=query,
        actions=DECISION_ACTIONS,
        reviewers=reviewers,
        conflict=conflict,
        error=error,
        assign_error=assign_error,
        note=note,
        chosen_action=chosen_action,
    )


@router.get("/findings/{finding_id}", response_class=HTMLResponse)
def finding_page(request: Request, finding_id: FindingId, session: DB, login: Login) -> Response:
    return _finding_page(request, session, login, finding_id, str(request.query_params))


@router.post("/findings/{finding_id}/decide")
async def decide_form(request: Request, finding_id: FindingId, session: DB, login: Login) -> Response:
    form = await request.form()
    check_csrf(login, str(form.get("csrf_token", "")))
    query = str(form.get("query", ""))
    login.actor.require(Permission.DECIDE)
    # What the reviewer entered goes back into the form with any error, so nothing has to be typed again.
    action, note = str(form.get("action", "")), str(form.get("note", ""))
    entered = {"note": note, "chosen_action": action if action in {a.value for a in DECISION_ACTIONS} else None}
    # An assignment's error shows beside the assignment, not in the decision form.
    error_key = "assign_error" if action == DecisionAction.ASSIGN.value else "error"
    try:
        request_model = DecisionRequest(
            action=DecisionAction(action),
            note=note,
            version=int(str(form.get("version", "0"))),
            assignee=str(form.get("assignee") or "") or None,
        )
    except (ValueError, ValidationError):
        entered[error_key] = "Choose a decision and write a note."
        return _finding_page(request, session, login, finding_id, query, status=422, **entered)
    filters = checked_queue_filters(QueryParams(query))
    next_id = service.next_finding_id(session, login.actor, finding_id, filters)
    try:
        service.decide(session, login.actor, finding_id, request_model)
        session.commit()
    except service.DecisionConflict as conflict:
        # The reviewer's note stays in the form, to decide again on the current state.
        return _finding_page(request, session, login, finding_id, query, conflict=str(conflict), status=409, **entered)
    except service.InvalidDecision as err:
        entered[error_key] = str(err)
        return _finding_page(request, session, login, finding_id, query, status=422, **entered)
    suffix = f"?{query}" if query else ""
    if request_model.action is DecisionAction.ASSIGN or next_id is None or next_id == finding_id:
        return RedirectResponse(f"/findings/{finding_id}{suffix}", status_code=303)
    return RedirectResponse(f"/findings/{next_id}{suffix}", status_code=303)


@router.get("/history", response_class=HTMLResponse)
def history_page(request: Request, session: DB, login: Login) -> Response:
    filters, problem = history_filters_or_problem(request.query_params)
    if problem or "limit" not in request.query_params:
        filters = filters.model_copy(update={"limit": HISTORY_PAGE_SIZE})
    result = service.history_page(session, login.actor, filters)
    # The filters without the page position: for the next page's link, the first page and the downloads.
    kept = [] if problem else [(k, v) for k, v in request.query_params.multi_items() if k != "before" and v]
    return page(
        request,
        "history.html",
        login,
        result=result,
        entries=result.entries,
        filters=filters,
        actions=service.actions(session, login.actor),
        query=urlencode(kept),
        older=urlencode([*kept, ("before", str(result.next_before))]) if result.next_before else None,
        problem=problem,
        status=422 if problem else 200,
    )


@router.get("/documents/{document_id}/history", response_class=HTMLResponse)
def document_history_page(request: Request, document_id: DocumentId, session: DB, login: Login) -> Response:
    view = service.document_history(session, login.actor, document_id)
    return page(request, "document_history.html", login, document=view)


@router.get("/documents/{document_id}/pages/{number}.png")
def page_png(
    request: Request,
    document_id: DocumentId,
    number: PageNumber,
    session: DB,
    login: Login,
    size: PageSize = PageSize.SCREEN,
) -> Response:
    image_cache: Path = request.app.state.image_cache
    try:
        path = service.page_image(session, login.actor, document_id, number, image_cache, size)
    except (service.PageUnavailable, PageImageError) as err:
        raise service.NotFound(str(err)) from err
    return FileResponse(path, media_type="image/png", headers={"Cache-Control": "private, max-age=3600"})


# After page_png: "/pages/2.png" is the image, "/pages/2" the viewer.
@router.get("/documents/{document_id}/pages/{number}", response_class=HTMLResponse)
def page_viewer(request: Request, document_id: DocumentId, number: PageNumber, session: DB, login: Login) -> Response:
    view = service.document_page(session, login.actor, document_id, number)
    figure, rows = field_page(view)
    return page(
        request, "viewer.html", login, view=view, document=view.document, number=number, figure=figure, rows=rows
    )


@router.get("/documents/{document_id}/original")
def original_download(document_id: DocumentId, session: DB, login: Login) -> Response:
    """The file as it was read; a file changed or gone since is refused (409 or 410, see app.py)."""
    original = service.original_file(session, login.actor, document_id)
    headers = {"Content-Disposition": attachment(original.name), "Content-Length": str(original.size)}
    chunks = checked_chunks(original.handle, document_id, original.source_path)
    return StreamingResponse(chunks, media_type=original.media_type, headers=headers)


@router.get("/users", response_class=HTMLResponse)
def users_page(request: Request, session: DB, login: Login) -> Response:
    """Everyone's role and state: read by auditors, changed by admins (the forms show only to them)."""
    login.actor.require(Permission.READ_USERS)
    return page(request, "users.html", login, users=auth.list_users(session, login.actor), error=None)


@router.post("/users")
async def users_add(request: Request, session: DB, login: Login) -> Response:
    form = await request.form()
    check_csrf(login, str(form.get("csrf_token", "")))
    login.actor.require(Permission.MANAGE_USERS)
    try:
        auth.add_user_as(
            session, login.actor, str(form.get("name", "")), Role(str(form.get("role"))), str(form.get("password"))
        )
    except (UserError, ValueError) as err:
        users = auth.list_users(session, login.actor)
        return page(request, "users.html", login, 422, users=users, error=str(err))
    session.commit()
    return RedirectResponse("/users", status_code=303)


@router.post("/users/{name}")
async def users_change(request: Request, name: UserName, session: DB, login: Login) -> Response:
    form = await request.form()
    check_csrf(login, str(form.get("csrf_token", "")))
    try:
        auth.change_user_as(
            session, login.actor, name, role=Role(str(form.get("role"))), active=form.get("active") == "on"
        )
    except (UserError, ValueError) as err:
        users = auth.list_users(session, login.actor)
        return page(request, "users.html", login, 422, users=users, error=str(err))
    session.commit()
    return RedirectResponse("/users", status_code=303)


@router.get("/audit", response_class=HTMLResponse)
def audit_page(request: Request, login: Login, expect_head: ExpectHead = None) -> Response:
    """The audit log verified now (auditors and admins): the chain, its head and anchor, and every row it
    records compared with the store, each problem linked to the page about the row it names."""
    report = service.verify_audit_log(request.app.state.engine, login.actor, expect_head)
    return page(request, "audit.html", login, report=report, rows=report.rows)


@router.get("/export/queue.{fmt}")
def export_queue(request: Request, fmt: ExportFormat, session: DB, login: Login) -> Response:
    result = service.list_queue(session, login.actor, checked_queue_filters(request.query_params))
    return download(queue_export(result.items, fmt), fmt, "queue")


@router.get("/export/history.{fmt}")
def export_history(request: Request, fmt: ExportFormat, session: DB, login: Login) -> Response:
    entries = service.history(session, login.actor, checked_history_filters(request.query_params))
    return download(history_export(entries, fmt), fmt, "history")
