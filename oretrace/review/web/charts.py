"""Dashboard charts as SVG geometry: horizontal stacked bars, one row each, with an optional marker line.

Computed here and drawn by templates/dashboard.html with presentation attributes and CSS classes only, so the
charts need neither script nor inline style under the workspace's Content-Security-Policy.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from oretrace.review.models import ChartData

WIDTH = 720
LABEL_WIDTH = 270
VALUE_WIDTH = 70
ROW_HEIGHT = 22
BAR_HEIGHT = 14
TOP = 6
# Colours for keys that are not severities (origins), by the key's place in the chart's sorted keys.
PALETTE_SIZE = 8


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    css: str
    href: str
    title: str


@dataclass(frozen=True)
class Row:
    label: str
    label_y: float
    href: str
    total: float
    marker_x: float | None
    marker_title: str


@dataclass(frozen=True)
class SvgChart:
    data: ChartData
    href: str
    width: int
    height: int
    label_width: int
    rects: list[Rect]
    rows: list[Row]
    legend: list[tuple[str, str]]


def queue_href(filters: dict[str, str]) -> str:
    return "/?" + urlencode(filters) if filters else "/"


def _css(key: str, keys: list[str]) -> str:
    if key in ("high", "medium", "low"):
        return f"bar-{key}"
    return f"bar-{keys.index(key) % PALETTE_SIZE}" if key in keys else "bar-0"


def svg_chart(data: ChartData) -> SvgChart:
    keys = sorted({s.key for r in data.rows for s in r.segments})
    peak = max([sum(s.value for s in r.segments) for r in data.rows] + [r.marker or 0 for r in data.rows] + [0])
    scale = (WIDTH - LABEL_WIDTH - VALUE_WIDTH) / peak if peak else 0.0
    rects: list[Rect] = []
    rows: list[Row] = []
    for n, row in enumerate(data.rows):
        y = TOP + n * ROW_HEIGHT
        x = float(LABEL_WIDTH)
        for segment in row.segments:
            width = max(segment.value * scale, 1.0 if segment.value else 0.0)
            title = f"{row.label}, {segment.key}: {segment.value:,g} {data.unit}"
            rects.append(Rect(x, y, width, BAR_HEIGHT, _css(segment.key, keys), queue_href(segment.queue), title))
            x += width
        marker = LABEL_WIDTH + row.marker * scale if row.marker is not None else None
        marker_title = f"{data.marker_label}: {row.marker:,g} {data.unit}" if row.marker is not None else ""
        total = sum(s.value for s in row.segments)
        rows.append(Row(row.label, y + BAR_HEIGHT - 3, queue_href(row.queue), total, marker, marker_title))
    return SvgChart(
        data=data,
        href=queue_href(data.queue),
        width=WIDTH,
        height=TOP * 2 + max(len(data.rows), 1) * ROW_HEIGHT,
        label_width=LABEL_WIDTH,
        rects=rects,
        rows=rows,
        legend=[(key, _css(key, keys)) for key in keys] if len(keys) > 1 else [],
    )
