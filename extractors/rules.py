"""Ruled lines of a page (table rules, box borders): from a PDF's vector paths, or from a scan's long runs of ink.

Both give the same thing: each rule as the thin box it covers, normalised to 0-1 from the page's top-left
corner, horizontal rules flat and vertical rules narrow. `extractors.boxes` turns them into the cells that hold
the words.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable

import numpy as np
import pypdfium2
import pypdfium2.raw as pdfium_c

from oretrace.core.models import BBox

MIN_RULE_POINTS = 6.0  # a rule shorter than this (a tick box side is ~8 pt) is a glyph or an ornament
AXIS_TOLERANCE = 0.8  # points a segment may lean and still be horizontal or vertical
MAX_RULES = 2000  # a page drawn with more straight segments than this is a drawing, not a form

Segment = tuple[float, float, float, float]  # x0, y0, x1, y1 on the displayed page, in points


def path_rules(page: pypdfium2.PdfPage, to_display: Callable[[float, float], tuple[float, float]]) -> list[Segment]:
    """The straight horizontal and vertical segments of the page's vector paths (lines and rectangle sides),
    in displayed points. Curves (signatures, stamps, circles) are left out. Paths inside form XObjects are not
    read: their coordinates are relative to the form."""
    segments: list[Segment] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=0):
        matrix = obj.get_matrix()
        count = pdfium_c.FPDFPath_CountSegments(obj.raw)
        points: list[tuple[float, float]] = []
        start: tuple[float, float] | None = None
        for index in range(count):
            segment = pdfium_c.FPDFPath_GetPathSegment(obj.raw, index)
            kind = pdfium_c.FPDFPathSegment_GetType(segment)
            pdfium_c.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y))
            px = matrix.a * x.value + matrix.c * y.value + matrix.e
            py = matrix.b * x.value + matrix.d * y.value + matrix.f
            point = to_display(px, py)
            if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
                start = point
            elif kind == pdfium_c.FPDF_SEGMENT_LINETO and points:
                _add_straight(segments, points[-1], point)
            if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None:
                _add_straight(segments, point, start)
            points.append(point)
        if len(segments) > MAX_RULES:
            return []
    return segments


def _add_straight(segments: list[Segment], a: tuple[float, float], b: tuple[float, float]) -> None:
    (x0, y0), (x1, y1) = a, b
    dx, dy = abs(x1 - x0), abs(y1 - y0)
    if (dy <= AXIS_TOLERANCE and dx >= MIN_RULE_POINTS) or (dx <= AXIS_TOLERANCE and dy >= MIN_RULE_POINTS):
        segments.append((min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)))


def normalised(segments: list[Segment], width: float, height: float) -> list[BBox]:
    """Segments in points as 0-1 boxes, duplicates (a rectangle's side shared with its neighbour) merged."""
    seen: set[tuple[float, float, float, float]] = set()
    rules: list[BBox] = []
    for x0, y0, x1, y1 in segments:
        box = (
            round(max(0.0, min(1.0, x0 / width)), 4),
            round(max(0.0, min(1.0, y0 / height)), 4),
            round(max(0.0, min(1.0, x1 / width)), 4),
            round(max(0.0, min(1.0, y1 / height)), 4),
        )
        if box not in seen:
            seen.add(box)
            rules.append(box)
    return rules


def scan_rules(horizontal: np.ndarray, vertical: np.ndarray) -> list[BBox]:
    """Rules from the masks of long ink runs of a scan (see `ocr.rule_masks`): runs on neighbouring pixel rows
    that overlap make one rule (a printed rule is a few pixels thick)."""
    height, width = horizontal.shape
    rules = [_box(x0, y0, x1, y1, width, height) for x0, y0, x1, y1 in _bands(horizontal)]
    rules += [_box(x0, y0, x1, y1, width, height) for y0, x0, y1, x1 in _bands(vertical.T)]
    # Blurred small print can leave a run of ink as long as a short rule along a text line: a rule that tells
    # boxes apart is longer than that.
    long = [
        r
        for r in joined(rules)
        if (r[2] - r[0] >= MIN_SCAN_RULE_WIDTH if r[2] - r[0] >= r[3] - r[1] else r[3] - r[1] >= MIN_SCAN_RULE_HEIGHT)
    ]
    return main_networks(structural(long))


MIN_NETWORK_SHARE = 0.15  # of the largest network's total rule length


def main_networks(rules: list[BBox], tolerance: float = 0.006) -> list[BBox]:
    """The rules of the page's ruled networks (the form's grid, a table), without small closed figures of
    their own: a rubber stamp's frame meets only itself. A network is kept when its total rule length is at
    least MIN_NETWORK_SHARE of the largest one's."""
    if not rules:
        return rules
    parent = list(range(len(rules)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(rules):
        for j in range(i + 1, len(rules)):
            b = rules[j]
            if (
                a[0] - tolerance <= b[2]
                and b[0] - tolerance <= a[2]
                and a[1] - tolerance <= b[3]
                and b[1] - tolerance <= a[3]
            ):
                parent[find(i)] = find(j)
    length: dict[int, float] = {}
    for i, r in enumerate(rules):
        root = find(i)
        length[root] = length.get(root, 0.0) + max(r[2] - r[0], r[3] - r[1])
    largest = max(length.values())
    return [r for i, r in enumerate(rules) if length[find(i)] >= MIN_NETWORK_SHARE * largest]


def structural(rules: list[BBox], tolerance: float = 0.006) -> list[BBox]:
    """Rules that meet a rule across them at both ends: box borders and table rules end on the frame; a
    signature line, an underline or the side of a rubber stamp does not."""
    flat = [r for r in rules if r[2] - r[0] >= r[3] - r[1]]
    tall = [r for r in rules if r[2] - r[0] < r[3] - r[1]]

    def meets(end_x: float, end_y: float, others: list[BBox]) -> bool:
        return any(
            o[0] - tolerance <= end_x <= o[2] + tolerance and o[1] - tolerance <= end_y <= o[3] + tolerance
            for o in others
        )

    kept = []
    for r in flat:
        y = (r[1] + r[3]) / 2
        if meets(r[0], y, tall) and meets(r[2], y, tall):
            kept.append(r)
    for r in tall:
        x = (r[0] + r[2]) / 2
        if meets(x, r[1], flat) and meets(x, r[3], flat):
            kept.append(r)
    return kept


MIN_SCAN_RULE_WIDTH = 0.06  # of the page width (about 12 mm on A4)
MIN_SCAN_RULE_HEIGHT = 0.012  # of the page height (a one-line table cell's side)


JOIN_GAP = 0.015  # pieces of one rule broken by a scan's speckle or blur lie on one line with gaps this small
JOIN_OFFSET = 0.004


def joined(rules: list[BBox]) -> list[BBox]:
    """Collinear pieces of a rule with small gaps between them, as one rule."""
    flat = sorted((r for r in rules if r[2] - r[0] >= r[3] - r[1]), key=lambda r: ((r[1] + r[3]) / 2, r[0]))
    tall = sorted((r for r in rules if r[2] - r[0] < r[3] - r[1]), key=lambda r: ((r[0] + r[2]) / 2, r[1]))
    out: list[BBox] = []
    for group, along in ((flat, 0), (tall, 1)):
        current: list[float] | None = None
        for rule in group:
            a0, a1 = rule[along], rule[along + 2]  # extent along the rule
            c = (rule[1 - along] + rule[3 - along]) / 2  # position across it
            gap = max(a0 - current[along + 2], current[along] - a1) if current is not None else 1.0
            if current is not None and abs(c - current[4]) <= JOIN_OFFSET and gap <= JOIN_GAP:
                current[along] = min(current[along], a0)
                current[along + 2] = max(current[along + 2], a1)
                for i in (1 - along, 3 - along):
                    current[i] = min(current[i], rule[i]) if i < 2 else max(current[i], rule[i])
                continue
            if current is not None:
                out.append((current[0], current[1], current[2], current[3]))
            current = [*rule, c]
        if current is not None:
            out.append((current[0], current[1], current[2], current[3]))
    return out


def _bands(mask: np.ndarray) -> list[tuple[int, int, int, int]]:
    """(x0, y0, x1, y1) of each group of horizontal runs on consecutive rows that overlap in x."""
    # Only the rows with a run: rules are a small part of a page.
    inked = np.flatnonzero(mask.any(axis=1))
    padded = np.zeros((len(inked), mask.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = mask[inked]
    edges = np.diff(padded, axis=1)
    rows, starts = np.nonzero(edges == 1)
    _, ends = np.nonzero(edges == -1)
    rows = inked[rows]
    open_bands: list[list[int]] = []  # [x0, y0, x1, last row]
    done: list[tuple[int, int, int, int]] = []
    for row, start, end in zip(rows.tolist(), starts.tolist(), ends.tolist(), strict=True):
        growing = []
        for band in open_bands:
            if band[3] < row - 1:  # no run on the previous row: the band is finished
                done.append((band[0], band[1], band[2], band[3] + 1))
            else:
                growing.append(band)
        open_bands = growing
        for band in open_bands:
            if band[3] == row - 1 and min(band[2], end) - max(band[0], start) > 0:
                band[0], band[2], band[3] = min(band[0], start), max(band[2], end), row
                break
        else:
            open_bands.append([start, row, end, row])
    done += [(b[0], b[1], b[2], b[3] + 1) for b in open_bands]
    return done


def _box(x0: int, y0: int, x1: int, y1: int, width: int, height: int) -> BBox:
    return (round(x0 / width, 4), round(y0 / height, 4), round(x1 / width, 4), round(y1 / height, 4))


def turned(rules: list[BBox], clockwise: int) -> list[BBox]:
    """Rules of a page image turned clockwise by 90, 180 or 270 degrees, in the turned image's terms."""
    if clockwise % 360 == 0:
        return rules
    out: list[BBox] = []
    for x0, y0, x1, y1 in rules:
        corners = [(x0, y0), (x1, y1)]
        if clockwise % 360 == 90:
            moved = [(1 - y, x) for x, y in corners]
        elif clockwise % 360 == 180:
            moved = [(1 - x, 1 - y) for x, y in corners]
        else:
            moved = [(y, 1 - x) for x, y in corners]
        xs, ys = [p[0] for p in moved], [p[1] for p in moved]
        out.append((min(xs), min(ys), max(xs), max(ys)))
    return out
