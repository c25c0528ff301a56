"""Dashboard charts drawn by matplotlib as SVG images, and the links that go beside them.

Each chart is served as an image (`<img src=".../chart-id.svg">`): an SVG image runs no script and loads
nothing, so its own response may allow the inline `<style>` and style attributes that matplotlib writes
(CHART_CSP) while the page keeps the workspace's strict policy. Links cannot live inside an image, so every
row and figure of a chart is also listed in a table beside it, each linking to the filtered queue.

matplotlib is imported here only, on the first chart drawn (Agg backend, no pyplot state), so neither the
CLI nor the other pages pay for it.
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from oretrace.review.models import ChartData

# Only the image's own inline styles; nothing loaded, no script (an image runs none anyway), never framed.
CHART_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"
WIDTH_INCHES = 7.5
ROW_INCHES = 0.3
MARGIN_INCHES = 1.1
# The workspace's severity colours (static/app.css), then a palette for origins and other keys.
SEVERITY_COLOURS = {"high": "#b3261e", "medium": "#9a5c00", "low": "#4d6b3c"}
PALETTE = ("#0b5cad", "#6a8e23", "#b35c1e", "#7b4ea3", "#1e8a8a", "#a33a5c", "#8a7a1e", "#5b6570")
TEXT = "#1b1f24"
MARKER = "#1b1f24"
LABEL_CHARACTERS = 38

_lock = threading.Lock()


@dataclass(frozen=True)
class Link:
    text: str
    href: str


@dataclass(frozen=True)
class TableRow:
    label: Link
    values: list[Link]
    marker: str


@dataclass(frozen=True)
class ChartView:
    """What the dashboard page shows of one chart: its figures, the image's address and the linked table."""

    data: ChartData
    href: str
    image: str
    keys: list[str]
    rows: list[TableRow]


def queue_href(filters: dict[str, str]) -> str:
    return "/?" + urlencode(filters) if filters else "/"


def _number(value: float) -> str:
    return f"{value:,g}"


def chart_keys(data: ChartData) -> list[str]:
    """The segments' keys in legend order: severities from high to low, then the others alphabetically."""
    order = list(SEVERITY_COLOURS)
    return sorted(
        {s.key for r in data.rows for s in r.segments},
        key=lambda k: (k not in order, order.index(k) if k in order else 0, k),
    )


def chart_view(data: ChartData) -> ChartView:
    keys = chart_keys(data)
    rows = []
    for row in data.rows:
        by_key = {s.key: s for s in row.segments}
        values = [
            Link(_number(by_key[k].value), queue_href(by_key[k].queue)) if k in by_key else Link("", "") for k in keys
        ]
        marker = _number(row.marker) if row.marker is not None else ""
        rows.append(TableRow(Link(row.label, queue_href(row.queue)), values, marker))
    return ChartView(data, queue_href(data.queue), f"/dashboard/charts/{data.id}.svg", keys, rows)


def _colour(key: str, keys: list[str]) -> str:
    return SEVERITY_COLOURS.get(key) or PALETTE[keys.index(key) % len(PALETTE)]


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARACTERS else label[: LABEL_CHARACTERS - 1] + "…"


def _matplotlib() -> Any:
    """matplotlib's Figure class, imported and set up on first use."""
    import matplotlib

    matplotlib.use("Agg")
    # Text as <text> (small files, the reader's fonts); ids and metadata fixed, so a chart is the same bytes
    # for the same figures. Labels come from documents: "$" is a dollar sign, never the start of mathtext.
    matplotlib.rcParams.update(
        {"svg.fonttype": "none", "svg.hashsalt": "oretrace", "font.size": 9, "text.parse_math": False}
    )
    from matplotlib.figure import Figure

    return Figure


def chart_svg(data: ChartData) -> bytes:
    """The chart as SVG: one horizontal bar per row, its segments stacked, the row's marker as a line."""
    keys = chart_keys(data)
    with _lock:  # rcParams are process-wide; a figure is drawn at a time
        figure_class = _matplotlib()
        rows = max(len(data.rows), 1)
        figure = figure_class(figsize=(WIDTH_INCHES, MARGIN_INCHES + ROW_INCHES * rows), layout="constrained")
        axes = figure.add_subplot()
        positions = list(range(len(data.rows)))
        left = [0.0] * len(data.rows)
        for key in keys:
            widths = [next((s.value for s in r.segments if s.key == key), 0.0) for r in data.rows]
            axes.barh(positions, widths, left=left, height=0.7, color=_colour(key, keys), label=key)
            left = [a + b for a, b in zip(left, widths, strict=True)]
        for position, total in zip(positions, left, strict=True):
            axes.annotate(
                _number(total), (total, position), xytext=(3, 0), textcoords="offset points", va="center", fontsize=8
            )
        markers = [(p, r.marker) for p, r in zip(positions, data.rows, strict=True) if r.marker is not None]
        if markers:
            axes.vlines(
                [m for _, m in markers],
                [p - 0.45 for p, _ in markers],
                [p + 0.45 for p, _ in markers],
                colors=MARKER,
                linewidth=2,
                label=data.marker_label,
            )
        axes.set_yticks(positions, [_short(r.label) for r in data.rows])
        axes.invert_yaxis()  # the first row on top, as in the table beside
        axes.set_xlabel(data.unit)
        axes.xaxis.set_major_formatter("{x:,g}")
        peak = max([*left, *(m for _, m in markers), 0.0])
        axes.set_xlim(0, 100 if data.unit == "%" else (peak * 1.12 or 1))
        axes.grid(axis="x", color="#d5dbe1", linewidth=0.6)
        axes.set_axisbelow(True)
        axes.spines[["top", "right"]].set_visible(False)
        if len(keys) > 1 or markers:
            entries = len(keys) + (1 if markers else 0)
            figure.legend(loc="outside lower center", fontsize=8, frameon=False, ncols=min(entries, 6))
        if not data.rows:
            axes.text(0.5, 0.5, "nothing to show yet", transform=axes.transAxes, ha="center", color=TEXT)
            axes.set_yticks([])
        buffer = io.BytesIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()
