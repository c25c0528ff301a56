"""What the pages show: the templates (autoescaped), values as text, evidence boxes on page images, downloads."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

from fastapi import Request, Response
from jinja2 import Environment, PackageLoader
from starlette.templating import Jinja2Templates

from oretrace.core.models import Frozen
from oretrace.review.auth import LoginSession, Permission
from oretrace.review.export import ExportFormat
from oretrace.review.labels import check_label, doc_type_label, field_label
from oretrace.review.models import FindingView
from oretrace.store.audit_rows import RowLink


def format_value(value: Any) -> str:
    """A value as plain text; the templates escape it."""
    if value is None:
        return "—"
    if isinstance(value, dict):
        return ", ".join(f"{k} {format_value(v)}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(format_value(v) for v in value)
    if isinstance(value, float):
        return f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.2f}"
    return str(value)


def row_url(link: RowLink) -> str:
    """The workspace page about a row the audit page names."""
    if link.page == "finding":
        return f"/findings/{quote(link.key, safe='')}"
    if link.page == "shipment":
        return f"/shipments/{quote(link.key, safe='')}"
    if link.page == "document":
        return f"/documents/{quote(link.key, safe='')}/history"
    return "/users"


def _templates() -> Jinja2Templates:
    # Autoescaping on for every template, whatever its name: all data shown is treated as text.
    env = Environment(loader=PackageLoader("oretrace.review.web", "templates"), autoescape=True)
    env.filters["value"] = format_value
    env.filters["check_label"] = check_label
    env.filters["field_label"] = field_label
    env.filters["doc_label"] = doc_type_label
    env.globals["urlencode"] = urlencode
    env.filters["row_url"] = row_url
    return Jinja2Templates(env=env)


templates = _templates()


def page(request: Request, name: str, login: LoginSession, status: int = 200, **context: Any) -> Response:
    """A page of the workspace for a logged-in user: the template gets the login and what it may do."""
    base = {"login": login, "can_decide": login.actor.can(Permission.DECIDE)}
    base["can_manage_users"] = login.actor.can(Permission.MANAGE_USERS)
    base["can_read_users"] = login.actor.can(Permission.READ_USERS)
    base["can_verify_audit"] = login.actor.can(Permission.VERIFY_AUDIT)
    return templates.TemplateResponse(request, name, base | context, status)


def download(body: str, fmt: ExportFormat, stem: str) -> Response:
    media = "text/csv; charset=utf-8" if fmt is ExportFormat.CSV else "application/json"
    return Response(body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{stem}.{fmt}"'})


class EvidencePage(Frozen):
    """One page image with the evidence boxes that lie on it."""

    document_id: str
    page: int
    source_path: str | None
    doc_type: str | None
    boxes: list[dict[str, Any]]


def evidence_pages(view: FindingView) -> list[EvidencePage]:
    pages: dict[tuple[str, int], EvidencePage] = {}
    for number, evidence in enumerate(view.evidence, start=1):
        if not evidence.document_id:
            continue
        key = (evidence.document_id, evidence.page)
        if key not in pages:
            pages[key] = EvidencePage(
                document_id=evidence.document_id,
                page=evidence.page,
                source_path=evidence.source_path,
                doc_type=evidence.doc_type,
                boxes=[],
            )
        x0, y0, x1, y1 = (min(max(v, 0.0), 1.0) for v in evidence.bbox)
        # SVG user units on a 1000x1000 viewBox stretched over the image: no inline styles needed (CSP).
        pages[key].boxes.append(
            {
                "n": number,
                "x": round(x0 * 1000, 1),
                "y": round(y0 * 1000, 1),
                "w": round(max(x1 - x0, 0.002) * 1000, 1),
                "h": round(max(y1 - y0, 0.002) * 1000, 1),
                "text": evidence.text,
            }
        )
    return list(pages.values())
