"""Cleaning a scanned page before it is read: its skew, speckle, dark header bands, table rules with the grey
their blur left, dotted leaders. Plain image work on grey pixels (numpy and OpenCV); no reading."""

from __future__ import annotations

import math
from collections.abc import Iterator

import cv2
import numpy as np
from PIL import Image

MAX_SKEW_DEGREES = 5.0


def estimate_skew(gray: Image.Image, max_degrees: float = MAX_SKEW_DEGREES, step: float = 0.25) -> float:
    """Angle (degrees) that makes text lines horizontal: the rotation whose row-ink profile is sharpest.

    Each trial angle projects the ink pixels of a subsampled page (about 900 pixels on its long side) onto
    the rotated rows: one bincount per angle instead of rotating an image, a few milliseconds a page."""
    pixels = np.asarray(gray)
    step_px = max(1, math.ceil(max(pixels.shape) / 900))
    ink = pixels[::step_px, ::step_px] < 128
    height, width = ink.shape
    ys, xs = np.nonzero(ink)
    xs = xs - width / 2
    ys = ys - height / 2
    best_angle, best_score = 0.0, -1.0
    for angle in np.arange(-max_degrees, max_degrees + step / 2, step):
        # The row each ink pixel lands on once the page is turned by `angle` about its centre (as cv2 turns it).
        theta = np.deg2rad(angle)
        rows = np.rint(np.cos(theta) * ys - np.sin(theta) * xs + height / 2).astype(np.intp)
        profile = np.bincount(rows[(rows >= 0) & (rows < height)], minlength=height).astype(np.float64)
        score = float(np.square(np.diff(profile)).sum())
        if score > best_score:
            best_angle, best_score = float(angle), score
    return best_angle


def despeckle(gray: Image.Image) -> Image.Image:
    """Speckle from scanning breaks letters apart; a 3x3 median removes it and keeps strokes."""
    return Image.fromarray(cv2.medianBlur(np.asarray(gray), 3))


# Sizes at 300 dpi. A header cell filled dark with its caption in white ('BILL TO', 'COUNTRY OF ORIGIN' in a
# spreadsheet template's coloured band) is wider than a word and one or two lines tall; paper with black print
# is never this dark on average, nor a photograph or logo this flat.
BAND_SCALE = 4  # found on a quarter of the page's size: a band is large, its letters do not matter
BAND_MEAN_BELOW = 110  # mean grey over ~20 px
BAND_MIN_WIDTH = 150
BAND_HEIGHT = (16, 200)
# A band is flat: nearly all of its box darker than mid-grey and filled by it. Large bold print (a letterhead's
# name) darkens as wide a stretch, but only about half of its box.
BAND_MIN_INK_SHARE = 0.75
BAND_MIN_SOLIDITY = 0.65


def invert_dark_bands(gray: Image.Image) -> Image.Image:
    """Light lettering on a dark band turned dark on light. Tesseract reads white on dark poorly, and the
    rule search would take every row of the band for a rule and erase it with the letters."""
    pixels = np.asarray(gray)
    height, width = pixels.shape
    small = cv2.resize(pixels, (max(1, width // BAND_SCALE), max(1, height // BAND_SCALE)), cv2.INTER_AREA)
    dark = cv2.morphologyEx(
        (cv2.blur(small, (5, 5)) < BAND_MEAN_BELOW).astype(np.uint8), cv2.MORPH_CLOSE, np.ones((5, 5), np.uint8)
    )
    count, labels, stats, _ = cv2.connectedComponentsWithStats(dark, connectivity=8)
    bands = np.zeros(count, bool)
    for index in range(1, count):
        x, y, w, h = (int(v) * BAND_SCALE for v in stats[index, :4])
        solid = stats[index, cv2.CC_STAT_AREA] * BAND_SCALE**2 >= BAND_MIN_SOLIDITY * w * h
        if w >= BAND_MIN_WIDTH and BAND_HEIGHT[0] <= h <= BAND_HEIGHT[1] and solid:
            bands[index] = (pixels[y : y + h, x : x + w] < 128).mean() >= BAND_MIN_INK_SHARE
    if not bands.any():
        return gray
    # The band with its letters: every pixel not reachable from outside the band.
    outside = np.pad(bands[labels].astype(np.uint8), 1)
    cv2.floodFill(outside, None, (0, 0), 2)
    band = cv2.resize((outside[1:-1, 1:-1] != 2).astype(np.uint8), (width, height), interpolation=cv2.INTER_NEAREST)
    inside = band.astype(bool)
    light = 255 - pixels[inside].astype(np.float32)
    # The band's fill, turned, is a mid grey: stretched back to white paper, as the page around it.
    paper = max(float(np.median(light)), 1.0)
    turned = pixels.copy()
    turned[inside] = np.clip(light * (255.0 / paper), 0, 255).astype(np.uint8)
    # The band's edge, just outside what was found of it, turned light as well: left dark, its ends would be
    # read as brackets and bars beside the captions.
    edge = cv2.dilate(band, np.ones((2 * BAND_SCALE + 1, 2 * BAND_SCALE + 1), np.uint8)).astype(bool) & ~inside
    turned[edge] = np.maximum(turned[edge], 255 - turned[edge])
    return Image.fromarray(turned)


def rule_masks(gray: Image.Image, min_length: int = 80, ink_below: int = 200) -> tuple[np.ndarray, np.ndarray]:
    """Masks of the horizontal and of the vertical table rules and box borders: straight runs of ink at least
    `min_length` pixels long (text strokes are far shorter than a rule), and the hairlines a scan broke into
    dashes (`dashed_rule_masks`)."""
    pixels = np.asarray(gray)
    ink = ink_against_paper(pixels, ink_below).astype(np.uint8)

    def runs(shape: tuple[int, int], last: tuple[int, int]) -> np.ndarray:
        # An erosion marks each pixel that starts a long enough run; a dilation back over the run's length
        # restores the run. Beyond the page there is no ink.
        line = np.ones(shape, np.uint8)
        starts = cv2.erode(ink, line, anchor=(0, 0), borderType=cv2.BORDER_CONSTANT, borderValue=0)
        return cv2.dilate(starts, line, anchor=last, borderType=cv2.BORDER_CONSTANT, borderValue=0).astype(bool)

    dashed_horizontal, dashed_vertical = dashed_rule_masks(ink, min_length)
    return (
        _without_letter_tops(runs((1, min_length), (min_length - 1, 0)), ink) | dashed_horizontal,
        runs((min_length, 1), (0, min_length - 1)) | dashed_vertical,
    )


# Pixels at 300 dpi. In small print that a scan blurred, the tops of a word's letters run together into a row of
# ink as long as a rule. A rule has paper above and below it nearly all along; the letters' stems and bowls
# carry the ink on downwards in most of the row's columns.
STROKE_BEYOND = 8
LETTER_COLUMN_SHARE = 0.5


def _without_letter_tops(horizontal: np.ndarray, ink: np.ndarray) -> np.ndarray:
    """The horizontal runs less those whose ink carries on above or below them in most of their columns."""
    count, labels, stats, _ = cv2.connectedComponentsWithStats(horizontal.view(np.uint8), connectivity=8)
    letters = np.zeros(count, bool)
    for index in range(1, count):
        x, y, width, height = (int(v) for v in stats[index, :4])
        below = ink[y + height : y + height + STROKE_BEYOND, x : x + width]
        above = ink[max(0, y - STROKE_BEYOND) : y, x : x + width]
        beyond = np.zeros(width, bool)
        for side in (below, above):
            if side.shape[0] == STROKE_BEYOND:
                beyond |= side.all(axis=0)
        letters[index] = beyond.mean() >= LETTER_COLUMN_SHARE
    return horizontal & ~letters[labels] if letters.any() else horizontal


PAPER_WINDOW = 36  # pixels at 300 dpi: wider than the gaps inside a word, narrower than a shaded table cell
INK_SHARE_OF_PAPER = 0.8


def ink_against_paper(pixels: np.ndarray, ink_below: int) -> np.ndarray:
    """Pixels darker than `ink_below` and clearly darker than the paper around them (its lightest pixel
    within `PAPER_WINDOW`). On a shaded header cell the scan's blur darkens the gaps between bold letters
    below a fixed threshold, and a row through the lettering would read as one long rule and be erased."""
    height, width = pixels.shape
    scale = 4  # the paper's shade varies slowly: estimated on a quarter of the page's size
    small = cv2.resize(pixels, (max(1, width // scale), max(1, height // scale)), interpolation=cv2.INTER_AREA)
    window = np.ones((PAPER_WINDOW // scale, PAPER_WINDOW // scale), np.uint8)
    paper = cv2.resize(cv2.dilate(small, window), (width, height), interpolation=cv2.INTER_LINEAR)
    return (pixels < ink_below) & (pixels < paper.astype(np.float32) * INK_SHARE_OF_PAPER)


# Sizes at 300 dpi. A hairline is 1-4 px thick; the thinnest letter is taller than MAX_DASH_THICKNESS.
MAX_DASH_THICKNESS = 6
MIN_DASHES = 3
# Pixels between the dashes of one rule. A horizontal hairline the scan broke has short gaps; a vertical one is
# often a dashed separator with long ones, and its dashes must stand alone: the stroke of an 'l' or a '1' is
# as thin, but has the other letters of its word close beside it.
HORIZONTAL_DASH_GAP = 15
VERTICAL_DASH_GAP = 80
VERTICAL_DASH_CLEARANCE = 8
DASH_SEARCH_SCALE = 2  # the pieces are found on the page at half its resolution: a quarter of the pixels


def dashed_rule_masks(ink: np.ndarray, min_length: int = 80) -> tuple[np.ndarray, np.ndarray]:
    """Masks of the hairline rules a scan broke into dashes: rows (columns) of at least three thin ink
    pieces, each longer than it is thick, with short gaps between them and spanning a rule's length.

    Each piece is a connected component of its own: a letter, a digit or a hyphen between digits is never a
    thin piece in a row of thin pieces, so text keeps its ink however its strokes line up; a row of typed
    dashes ('-------') is a rule, which it was drawn to be."""
    scale = DASH_SEARCH_SCALE
    height, width = ink.shape
    # A reduced pixel is ink when any pixel it stands for is, so no gap opens that the page does not have.
    small = cv2.resize(ink * 255, (-(-width // scale), -(-height // scale)), interpolation=cv2.INTER_AREA) > 0
    length = min_length // scale
    # Where a dashed separator crosses a rule, the two make one cross-shaped piece that is neither: the
    # separators are found once the rules found so far are gone, and the rules again once the separators are.
    horizontal = _dashed_rules(small, 0, length, scale)
    vertical = _dashed_rules(small & ~horizontal, 1, length, scale)
    horizontal |= _dashed_rules(small & ~vertical, 0, length, scale)
    return tuple(  # type: ignore[return-value]
        cv2.resize(
            mask.view(np.uint8), (mask.shape[1] * scale, mask.shape[0] * scale), interpolation=cv2.INTER_NEAREST
        )[:height, :width].view(bool)
        for mask in (horizontal, vertical)
    )


def _dashed_rules(pieces: np.ndarray, along: int, min_length: int, scale: int) -> np.ndarray:
    """The mask of the dashed rules running along one axis (0: horizontal, 1: vertical), in the reduced page."""
    across = 1 - along
    _, _, stats, centroids = cv2.connectedComponentsWithStats(pieces.astype(np.uint8), connectivity=8)
    stats, centroids = stats[1:], centroids[1:]  # component 0 is the background
    start, length = stats[:, along], stats[:, 2 + along]  # CC_STAT_LEFT/TOP, CC_STAT_WIDTH/HEIGHT
    side, thickness = stats[:, across], stats[:, 2 + across]
    # A line can straddle the reduced pixels, and a long piece slopes across a few more (up to about 1 degree).
    thin = thickness <= -(-MAX_DASH_THICKNESS // scale) + 1 + length // 60
    dashes = np.flatnonzero(thin & (length >= np.maximum(2 * thickness, 4 // scale)))
    if along == 1:
        clearance = VERTICAL_DASH_CLEARANCE // scale
        dashes = np.array([d for d in dashes if _clear_beside(pieces, stats[d], clearance)], dtype=np.intp)
    gap = (HORIZONTAL_DASH_GAP if along == 0 else VERTICAL_DASH_GAP) // scale
    dashes = dashes[np.argsort(centroids[dashes, across], kind="stable")]
    mask = np.zeros(pieces.shape, dtype=bool)
    # Rows (columns) of dashes: a new one where the next dash lies more than a pixel further across.
    for row in np.split(dashes, np.flatnonzero(np.diff(centroids[dashes, across]) > 2 / scale) + 1):
        if len(row) < MIN_DASHES:
            continue
        row = row[np.argsort(start[row])]
        ends = np.maximum.accumulate(start[row] + length[row])
        gaps = start[row][1:] - ends[:-1]
        line = round(float(np.median(centroids[row, across])))
        # A longer gap is bridged where ink runs on along the rule: a separator crosses it there, and the dash
        # it crosses is part of the cross-shaped piece.
        bridged = [
            g <= gap or (g <= 3 * gap and _inked_along(pieces, along, line, int(e), int(e + g)))
            for g, e in zip(gaps, ends[:-1], strict=True)
        ]
        for chain in np.split(row, np.flatnonzero(~np.array(bridged, dtype=bool)) + 1):
            lo, hi = int(start[chain].min()), int((start[chain] + length[chain]).max())
            if len(chain) < MIN_DASHES or hi - lo < min_length:
                continue
            top, bottom = int(side[chain].min()), int((side[chain] + thickness[chain]).max())
            if along == 0:
                mask[top:bottom, lo:hi] = True
            else:
                mask[lo:hi, top:bottom] = True
    return mask


def _inked_along(ink: np.ndarray, along: int, line: int, lo: int, hi: int) -> bool:
    """Whether most of the stretch lo..hi of a rule's centre line (a row, or a column) is ink."""
    stretch = ink[line, lo:hi] if along == 0 else ink[lo:hi, line]
    return stretch.size > 0 and stretch.mean() >= 0.6


def _clear_beside(ink: np.ndarray, stat: np.ndarray, clearance: int) -> bool:
    """Whether a vertical piece has blank paper just left and right of it over its whole height."""
    x, y, width, height = (int(v) for v in stat[:4])
    rows = slice(y, y + height)
    left = ink[rows, max(0, x - clearance) : x]
    right = ink[rows, x + width : x + width + clearance]
    return not left.any() and not right.any()


# A scan blurs a rule: beside the ink the mask found lie a few pixels of grey too light to be counted as the
# rule's ink, which, left on the page, are dotted lines round every cell that Tesseract takes for text and
# whose columns it then fails to find. Pixels at 300 dpi across the rule.
RULE_HALO = 3
HALO_INK_BELOW = 220


def remove_rules(gray: Image.Image, masks: tuple[np.ndarray, np.ndarray] | None = None) -> Image.Image:
    """Erase table rules and box borders with the grey their blur left beside them. Tesseract reads ruled
    tables poorly (cells merge or vanish, rules come back as '|')."""
    horizontal, vertical = masks if masks is not None else rule_masks(gray)
    rules = horizontal | vertical
    if not rules.any():
        return gray
    cleaned = np.asarray(gray).copy()
    cleaned[rules | rule_halo(cleaned < HALO_INK_BELOW, horizontal, vertical)] = 255
    return Image.fromarray(cleaned)


def rule_halo(ink: np.ndarray, horizontal: np.ndarray, vertical: np.ndarray) -> np.ndarray:
    """The ink beside the rules that ends within RULE_HALO pixels of them: what the blur left of a rule. Ink
    running on further from the rule is a stroke that touches it (a letter, a digit set on the line) and is kept
    whole, so small or faint print near a rule loses nothing."""
    free = ink & ~(horizontal | vertical)
    halo = np.zeros_like(ink)
    reach = RULE_HALO + 1
    for rules, axis in ((horizontal, 0), (vertical, 1)):
        # Worked out on the bands of rows (columns) the rules run in, not the whole page.
        size = rules.shape[axis]
        for start, end in true_runs(rules.any(axis=1 - axis), max_gap=2 * reach):
            band = slice(max(start - reach, 0), min(end + reach, size))
            part = (band, slice(None)) if axis == 0 else (slice(None), band)
            halo[part] |= _ending_beside(rules[part], free[part], axis)
    return halo


def _ending_beside(rules: np.ndarray, free: np.ndarray, axis: int) -> np.ndarray:
    residue = np.zeros_like(free)
    for step in (-1, 1):  # above and below a horizontal rule, left and right of a vertical one
        reach = [rules]
        for _ in range(RULE_HALO + 1):
            reach.append(_shifted(reach[-1], axis, step) & free)
        # A pixel k steps out is residue unless its run of ink reaches one step beyond the halo.
        beyond = reach[-1]
        for k in range(RULE_HALO, 0, -1):
            beyond = _shifted(beyond, axis, -step)
            residue |= reach[k] & ~beyond
    return residue


def _shifted(mask: np.ndarray, axis: int, step: int) -> np.ndarray:
    """The mask moved one pixel along an axis (-1: up or left); what moves in from the edge is False."""
    out = np.zeros_like(mask)
    if axis == 0:
        if step > 0:
            out[1:] = mask[:-1]
        else:
            out[:-1] = mask[1:]
    elif step > 0:
        out[:, 1:] = mask[:, :-1]
    else:
        out[:, :-1] = mask[:, 1:]
    return out


MAX_DOT = 12  # pixels: a leader's dot at 300 dpi is 3-8 px across; a letter is larger
MIN_LEADER_DOTS = 8  # more than the five dots of a dot-matrix letter's bar
STAND_ALONE_SHARE = 0.8
ONE_PITCH_SHARE = 0.8  # of a leader's gaps: the rest may span a dot the scan lost
MAX_DOT_PITCH = 10  # dot sizes: farther apart, the dots are not one leader (typewriter leaders: ". . . .")
MAX_LOST_DOTS = 3  # side by side in a leader, the scan lost at most these


def remove_leaders(gray: Image.Image) -> Image.Image:
    """Erase dotted leaders ('Arsenic (As) ........ 0.0101 %'). Tesseract reads a run of dots as letters and
    garbles the words beside it; a leader is a row of at least eight small, round, evenly spaced specks on one
    baseline with blank paper above and below. A decimal point, a colon, an 'i' or dot-matrix print has no
    such row."""
    pixels = np.asarray(gray)
    ink = pixels < 160
    count, labels, stats, centroids = cv2.connectedComponentsWithStats(ink.astype(np.uint8))
    widths, heights = stats[:, cv2.CC_STAT_WIDTH], stats[:, cv2.CC_STAT_HEIGHT]
    sizes = np.maximum(widths, heights)
    small = (widths >= 2) & (widths <= MAX_DOT) & (heights >= 2) & (heights <= MAX_DOT)
    round_ = sizes <= 2 * np.minimum(widths, heights) + 1
    dots = np.flatnonzero(small & round_)
    dots = dots[dots > 0]  # component 0 is the background
    dots = dots[np.argsort(centroids[dots, 1], kind="stable")]
    # Rows of dots: a new row where the next dot stands more than 2 px lower.
    rows = np.split(dots, np.flatnonzero(np.diff(centroids[dots, 1]) > 2) + 1)
    erase = np.zeros(count, dtype=bool)
    for row in rows:
        if len(row) < MIN_LEADER_DOTS:
            continue
        row = row[np.argsort(centroids[row, 0])]
        for chain in _chains(row, centroids, widths, ink):
            if _stand_alone(chain, ink, centroids, sizes):
                erase[chain] = True
    if not erase.any():
        return gray
    # The grey fringe of each dot goes too: Tesseract reads faint rings as letters as well.
    mask = cv2.dilate(erase[labels].astype(np.uint8), np.ones((3, 3), np.uint8)).astype(bool)
    cleaned = pixels.copy()
    cleaned[mask] = 255
    return Image.fromarray(cleaned)


def _stand_alone(chain: np.ndarray, ink: np.ndarray, centroids: np.ndarray, sizes: np.ndarray) -> bool:
    """Whether most of a row of dots has blank paper just above and below it, as a leader has between the lines
    of a table; the dots of a dot-matrix letter have other dots of the letter there."""
    alone = 0
    for dot in chain:
        x, y, size = round(centroids[dot][0]), round(centroids[dot][1]), int(sizes[dot])
        columns = slice(max(0, x - size), x + size + 1)
        above = ink[max(0, y - 3 * size) : max(0, y - size), columns]
        below = ink[y + size + 1 : y + 3 * size + 1, columns]
        alone += not above.any() and not below.any()
    return alone >= STAND_ALONE_SHARE * len(chain)


def _chains(row: np.ndarray, centroids: np.ndarray, widths: np.ndarray, ink: np.ndarray) -> Iterator[np.ndarray]:
    """Runs of a row's dots evenly spaced as one leader's: one pitch apart, or a whole number of pitches over
    blank paper where the scan lost dots. A digit in such a gap ends the leader, so the decimal point after
    it is no dot of it."""
    xs = centroids[row, 0]
    gaps = np.diff(xs)
    near = (gaps > 0) & (gaps <= MAX_DOT_PITCH * np.maximum(widths[row][:-1], 2))
    if not near.any():
        return
    pitches = gaps / np.median(gaps[near])
    whole = np.rint(pitches)
    even = (gaps > 0) & (np.abs(pitches - whole) <= 0.25) & (whole <= MAX_LOST_DOTS + 1)
    for index in np.flatnonzero(even & (whole > 1)):
        y, left, right = round(centroids[row[index], 1]), round(xs[index]) + MAX_DOT, round(xs[index + 1]) - MAX_DOT
        even[index] = not ink[max(0, y - MAX_DOT) : y + 1, left:right].any()
    cuts = np.flatnonzero(~even) + 1
    for start, end in zip(np.r_[0, cuts], np.r_[cuts, len(row)], strict=True):
        if end - start >= MIN_LEADER_DOTS and (whole[start : end - 1] == 1).mean() >= ONE_PITCH_SHARE:
            yield row[start:end]


def true_runs(flags: np.ndarray, max_gap: int) -> list[tuple[int, int]]:
    """(start, end) of the stretches of True in `flags`, bridging gaps of up to `max_gap` False values."""
    runs: list[tuple[int, int]] = []
    for index in np.flatnonzero(flags):
        if runs and index - runs[-1][1] <= max_gap:
            runs[-1] = (runs[-1][0], int(index) + 1)
        else:
            runs.append((int(index), int(index) + 1))
    return runs
