"""Turning a born-digital PDF into a plausible scan: raster, stamp, skew, blur, noise, compression."""

from __future__ import annotations

import io
import random
from dataclasses import dataclass

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter
from reportlab import rl_config
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from samplegen.draw import Drawn
from samplegen.stamp import STAMP_COLOURS, STAMP_TEXTS, apply_stamp, make_stamp, place_stamp

rl_config.useA85 = 0  # embed JPEG data as binary: smaller files, no slow pure-Python ASCII85

NOISE = {
    # blur radius at 200 dpi, gaussian sigma (0-255), speckles per megapixel, jpeg quality range
    "light": (0.45, 4.0, 40, (55, 75)),
    "medium": (0.7, 8.0, 120, (40, 60)),
    "heavy": (1.0, 15.0, 400, (30, 42)),
}


@dataclass(frozen=True)
class ScanSettings:
    fmt: str
    noise: str
    dpi: int
    angle: float
    colour: str
    keep_colour: bool
    jpeg_quality: int
    stamp_lines: tuple[str, ...]


def choose_settings(fmt: str, noise: str, lang: str, rng: random.Random) -> ScanSettings:
    if fmt == "tiff":
        dpi = rng.choice((200, 240, 300))
    elif fmt == "png":
        dpi = rng.choice((150, 170, 200))
    else:
        dpi = rng.choice((150, 170, 200, 220))
    colour = rng.choice(tuple(STAMP_COLOURS))
    keep_colour = fmt in ("jpg", "pdf") and colour != "grey" and rng.random() < 0.4
    q_lo, q_hi = NOISE[noise][3]
    return ScanSettings(
        fmt=fmt,
        noise=noise,
        dpi=dpi,
        angle=round(rng.choice((-1, 1)) * (rng.uniform(1.5, 3.0) if rng.random() < 0.35 else rng.uniform(0.0, 1.5)), 2),
        colour=colour,
        keep_colour=keep_colour,
        jpeg_quality=rng.randrange(q_lo, q_hi + 1),
        stamp_lines=rng.choice(STAMP_TEXTS[lang]),
    )


def rasterize(pdf: bytes, dpi: int) -> list[Image.Image]:
    doc = pdfium.PdfDocument(pdf)
    try:
        return [doc[i].render(scale=dpi / 72).to_pil().convert("RGB") for i in range(len(doc))]
    finally:
        doc.close()


def _degrade(page: np.ndarray, s: ScanSettings, nrng: np.random.Generator) -> Image.Image:
    blur, sigma, speckles, _ = NOISE[s.noise]
    if s.keep_colour:
        img = Image.fromarray(np.clip(page * 255, 0, 255).astype(np.uint8), "RGB")
    else:
        gray = page @ np.array([0.299, 0.587, 0.114], dtype=np.float32)
        img = Image.fromarray(np.clip(gray * 255, 0, 255).astype(np.uint8), "L")
    fill = (255, 255, 255) if s.keep_colour else 255
    img = img.rotate(s.angle, resample=Image.Resampling.BILINEAR, expand=True, fillcolor=fill)
    img = img.filter(ImageFilter.GaussianBlur(blur * s.dpi / 200))
    arr = np.array(img, dtype=np.float32)
    h, w = arr.shape[:2]
    # uneven paper / illumination and sensor noise
    shade = 1.0 - 0.04 * np.linspace(0, 1, w, dtype=np.float32)[None, :] * nrng.uniform(0.3, 1.0)
    if arr.ndim == 3:
        shade = shade[..., None]
    arr *= shade * np.float32(0.985)
    arr += nrng.standard_normal(arr.shape, dtype=np.float32) * np.float32(sigma)
    n_specks = int(speckles * h * w / 1e6)
    ys = nrng.integers(0, h, n_specks)
    xs = nrng.integers(0, w, n_specks)
    arr[ys, xs] = nrng.uniform(0, 120, n_specks)[:, None] if arr.ndim == 3 else nrng.uniform(0, 120, n_specks)
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB" if arr.ndim == 3 else "L")


def _jpeg_roundtrip(img: Image.Image, quality: int) -> Image.Image:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality)
    buf.seek(0)
    return Image.open(buf).convert(img.mode)


def _clean_background(img: Image.Image, threshold: int) -> Image.Image:
    """Scanner 'background removal': near-white becomes white, then grey levels are posterised."""
    arr = np.asarray(img, dtype=np.uint8)
    arr = np.where(arr > threshold, 255, (arr // 16) * 16 + 8).astype(np.uint8)
    return Image.fromarray(arr, img.mode)


def _encode(images: list[Image.Image], s: ScanSettings) -> bytes:
    buf = io.BytesIO()
    dpi = (s.dpi, s.dpi)
    if s.fmt == "jpg":
        images[0].save(buf, "JPEG", quality=s.jpeg_quality, optimize=True, dpi=dpi)
    elif s.fmt == "png":
        img = _clean_background(_jpeg_roundtrip(images[0], s.jpeg_quality), 200)
        img.save(buf, "PNG", compress_level=6, dpi=dpi)
    elif s.fmt == "tiff":
        bilevel = [
            _jpeg_roundtrip(im.convert("L"), s.jpeg_quality).point(lambda v: 255 if v > 150 else 0).convert("1")
            for im in images
        ]
        bilevel[0].save(buf, "TIFF", compression="group4", dpi=dpi, save_all=True, append_images=bilevel[1:])
    else:
        canvas = Canvas(buf, invariant=1, pageCompression=1)
        canvas.setCreator("samplegen scanner")
        for im in images:
            jpg = io.BytesIO()
            im.save(jpg, "JPEG", quality=s.jpeg_quality, optimize=True, dpi=dpi)
            jpg.seek(0)
            w_pt = im.width * 72 / s.dpi
            h_pt = im.height * 72 / s.dpi
            canvas.setPageSize((w_pt, h_pt))
            canvas.drawImage(ImageReader(jpg), 0, 0, w_pt, h_pt)
            canvas.showPage()
        canvas.save()
    return buf.getvalue()


def scan_document(pdf: bytes, drawn: list[list[Drawn]], s: ScanSettings, seed: int) -> tuple[bytes, int]:
    """Return the encoded scan and the number of stamps that had to be skipped (no safe place)."""
    rng = random.Random(seed)
    nrng = np.random.default_rng(seed)
    pages = rasterize(pdf, s.dpi)
    scale = s.dpi / 72
    out: list[Image.Image] = []
    skipped = 0
    for i, page in enumerate(pages):
        arr = np.asarray(page, dtype=np.float32) / 255.0
        if i == 0 or rng.random() < 0.3:
            mask = make_stamp(s.stamp_lines, s.dpi / 25.4, rng)
            pos = place_stamp(drawn[i], mask.size, page.size, scale, rng)
            if pos is None:
                skipped += 1
            else:
                arr = arr.copy()
                apply_stamp(arr, mask, pos, STAMP_COLOURS[s.colour], rng.uniform(0.65, 0.9))
        out.append(_degrade(arr, s, nrng))
    return _encode(out, s), skipped
