"""What the pages show: the templates (autoescaped), values as text, numbered evidence boxes on page images,
downloads and their file names."""

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
from oretrace.review.models import DocumentPageView, EvidenceView, FieldView, FindingView
from oretrace.review.service.views import decided
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
    env.filters["decided"] = decided
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


def attachment(filename: str) -> str:
    """Content-Disposition for a download named `filename` (RFC 6266): the exact name percent-encoded as UTF-8
    in filename*, and for older clients an ASCII copy with quotes, backslashes, percent signs and control or
    non-ASCII characters replaced. Neither can end the header or add another."""
    fallback = "".join(c if " " <= c <= "~" and c not in '"\\%' else "_" for c in filename) or "download"
    encoded = quote(filename.encode("utf-8", "replace"), safe="")
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{encoded}"


# Outlines stand this far outside the word box (percent of the page's width and height: about 4 px at the
# page's screen size), so no stroke crosses a letter.
BOX_MARGIN = (0.4, 0.3)
# A number's tag in percent of the page's width and height (its 18 x 16 px on a page fitted to a wide screen).
TAG_SIZE = (3.0, 1.5)

Rect = tuple[float, float, float, float]


class PageBox(Frozen):
    """An evidence box on a page image, in percent of the page from its top-left corner (percentages place
    SVG shapes without stretching the number drawn beside them, and need no inline style under the CSP)."""

    n: int
    x: float
    y: float
    w: float
    h: float
    # The number's tag stands left of the box, or right of it.
    tag_left: bool
    text: str

    @property
    def tag_x(self) -> float:
        return self.x if self.tag_left else round(self.x + self.w, 2)


def _outline(bbox: tuple[float, ...]) -> Rect:
    """`bbox` (0-1 from the top-left corner, as in oretrace.models.Evidence) in percent, grown by BOX_MARGIN."""
    x0, y0, x1, y1 = (min(max(v, 0.0), 1.0) * 100 for v in bbox)
    mx, my = BOX_MARGIN
    x0, y0 = max(x0 - mx, 0.0), max(y0 - my, 0.0)
    return x0, y0, min(max(x1 + mx, x0 + 0.2), 100.0), min(max(y1 + my, y0 + 0.2), 100.0)


def _overlap(a: Rect, b: Rect) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def page_boxes(items: list[tuple[int, tuple[float, ...], str]]) -> list[PageBox]:
    """The numbered outlines of one page, from (number, bbox, text). A number goes right of its box, where
    there is usually blank paper after a value (its label is on the left), unless that leaves the page or
    covers another box or number; then left, if that side is clear."""
    outlines = [_outline(bbox) for _, bbox, _ in items]
    tw, th = TAG_SIZE
    placed: list[Rect] = []
    boxes = []
    for i, ((n, _, text), (x0, y0, x1, y1)) in enumerate(zip(items, outlines, strict=True)):
        right, left = (x1, y0, x1 + tw, y0 + th), (x0 - tw, y0, x0, y0 + th)
        others = outlines[:i] + outlines[i + 1 :] + placed

        def clear(tag: Rect, others: list[Rect] = others) -> bool:
            return tag[0] >= 0 and tag[2] <= 100 and not any(_overlap(tag, o) for o in others)

        tag_left = not clear(right) and (clear(left) or right[2] > 100)
        placed.append(left if tag_left else right)
        x, y, w, h = (round(v, 2) for v in (x0, y0, x1 - x0, y1 - y0))
        boxes.append(PageBox(n=n, x=x, y=y, w=w, h=h, tag_left=tag_left, text=text))
    return boxes


class EvidencePage(Frozen):
    """One page image with the numbered evidence boxes that lie on it."""

    document_id: str
    page: int
    source_path: str | None
    doc_type: str | None
    boxes: list[PageBox]


def evidence_pages(view: FindingView) -> list[EvidencePage]:
    """The pages a finding's evidence lies on; box n is row n of the compared values."""
    pages: dict[tuple[str, int], list[tuple[int, EvidenceView]]] = {}
    for number, evidence in enumerate(view.evidence, start=1):
        if evidence.document_id:
            pages.setdefault((evidence.document_id, evidence.page), []).append((number, evidence))
    return [
        EvidencePage(
            document_id=document_id,
            page=page,
            source_path=items[0][1].source_path,
            doc_type=items[0][1].doc_type,
            boxes=page_boxes([(n, e.bbox, e.text) for n, e in items]),
        )
        for (document_id, page), items in pages.items()
    ]


class FieldRow(Frozen):
    """A field in the page viewer's table: its number, and the pages its evidence lies on."""

    n: int
    field: FieldView
    pages: list[int]
    here: bool


def field_page(view: DocumentPageView) -> tuple[EvidencePage, list[FieldRow]]:
    """The viewed page with a box for each field read on it; field n's boxes carry n (a field read from
    several places on the page has several)."""
    document, number = view.document, view.page.number
    rows, items = [], []
    for n, field in enumerate(document.fields, start=1):
        here = [e for e in field.evidence if e.page == number]
        items.extend((n, e.bbox, e.text) for e in here)
        rows.append(FieldRow(n=n, field=field, pages=sorted({e.page for e in field.evidence}), here=bool(here)))
    figure = EvidencePage(
        document_id=document.document_id,
        page=number,
        source_path=document.source_path,
        doc_type=document.doc_type,
        boxes=page_boxes(items),
    )
    return figure, rows
