"""Rubber stamps: drawing one and finding a place where it overlaps text but no field value."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from samplegen.draw import Drawn

FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
)
STAMP_COLOURS = {
    "red": (190, 30, 45),
    "blue": (35, 60, 165),
    "violet": (105, 40, 135),
    "grey": (85, 85, 85),
}
STAMP_TEXTS = {
    "en": (("RECEIVED", "IMPORT DEPT."), ("COPY",), ("CHECKED", "DOCS CONTROL"), ("ORIGINAL",), ("VERIFIED",)),
    "es": (("RECIBIDO", "COMERCIO EXTERIOR"), ("COPIA",), ("REVISADO",), ("ORIGINAL",)),
    "fr": (("REÇU", "SERVICE IMPORT"), ("COPIE",), ("VÉRIFIÉ",), ("ORIGINAL",)),
}


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for path in FONT_CANDIDATES:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size=size)


def make_stamp(lines: tuple[str, ...], px_per_mm: float, rng: random.Random) -> Image.Image:
    """An 'L' mask (255 = full ink) of a rectangular or oval stamp, slightly rotated and unevenly inked."""
    size = int(6.2 * px_per_mm)
    font = _font(size)
    small = _font(int(size * 0.6))
    fonts = [font] + [small] * (len(lines) - 1)
    widths = [font_i.getbbox(t)[2] for font_i, t in zip(fonts, lines, strict=True)]
    heights = [font_i.getbbox(t)[3] for font_i, t in zip(fonts, lines, strict=True)]
    pad = int(2.5 * px_per_mm)
    w = max(widths) + 2 * pad
    h = sum(heights) + pad * 2 + int(1.5 * px_per_mm) * (len(lines) - 1)
    mask = Image.new("L", (w, h), 0)
    draw = ImageDraw.Draw(mask)
    border = max(2, int(0.6 * px_per_mm))
    if rng.random() < 0.7:
        draw.rounded_rectangle((1, 1, w - 2, h - 2), radius=int(1.5 * px_per_mm), outline=255, width=border)
        inner = border + int(0.8 * px_per_mm)
        if rng.random() < 0.5:
            draw.rounded_rectangle(
                (inner, inner, w - inner, h - inner), radius=int(px_per_mm), outline=255, width=max(1, border // 2)
            )
    else:
        draw.ellipse((1, 1, w - 2, h - 2), outline=255, width=border)
    y = pad
    for font_i, text, tw, th in zip(fonts, lines, widths, heights, strict=True):
        draw.text(((w - tw) // 2, y), text, fill=255, font=font_i)
        y += th + int(1.5 * px_per_mm)
    mask = mask.rotate(rng.uniform(-12, 12), resample=Image.Resampling.BICUBIC, expand=True)
    arr = np.asarray(mask, dtype=np.float32) / 255.0
    nrng = np.random.default_rng(rng.getrandbits(32))
    ink = np.clip(nrng.normal(0.85, 0.18, arr.shape), 0.25, 1.0)
    return Image.fromarray((arr * ink * 255).astype(np.uint8), "L")


def _overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def place_stamp(
    drawn: list[Drawn], stamp_size: tuple[int, int], page_px: tuple[int, int], scale: float, rng: random.Random
) -> tuple[int, int] | None:
    """Top-left pixel position where the stamp covers some label/static text and no value at all."""
    margin = 4 * scale
    values = [
        (d.x0 * scale - margin, d.y0 * scale - margin, d.x1 * scale + margin, d.y1 * scale + margin)
        for d in drawn
        if d.kind == "value"
    ]
    others = [d for d in drawn if d.kind != "value" and len(d.text.strip()) > 3]
    w, h = stamp_size
    candidates = list(others)
    rng.shuffle(candidates)
    for target in candidates[:400]:
        cx = (target.x0 + target.x1) / 2 * scale + rng.uniform(-0.3, 0.3) * w
        cy = (target.y0 + target.y1) / 2 * scale + rng.uniform(-0.3, 0.3) * h
        box = (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
        if box[0] < 0 or box[1] < 0 or box[2] > page_px[0] or box[3] > page_px[1]:
            continue
        if any(_overlaps(box, v) for v in values):
            continue
        return int(box[0]), int(box[1])
    return None


def apply_stamp(
    img: np.ndarray, mask: Image.Image, pos: tuple[int, int], colour: tuple[int, int, int], opacity: float
) -> None:
    """Multiply-blend the stamp ink onto an RGB float image in place."""
    m = np.asarray(mask, dtype=np.float32)[..., None] / 255.0 * opacity
    x, y = pos
    h, w = m.shape[:2]
    region = img[y : y + h, x : x + w, :]
    m = m[: region.shape[0], : region.shape[1]]
    tint = np.array(colour, dtype=np.float32) / 255.0
    region *= 1.0 - m * (1.0 - tint)
