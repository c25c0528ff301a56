"""Tesseract through its library (tesserocr), kept loaded between pages.

Running the `tesseract` program costs a process start and a model load for every call (about 0.15 s with
eng+spa, and a page takes two calls). Here each thread keeps one engine per language set and page segmentation
mode, so a page costs its recognition alone; tesserocr releases the GIL while Tesseract works, so threads read
pages side by side. tesserocr is built against the system's libtesseract (`make setup`), the library the
`tesseract` program runs on, with its language models: both read a page alike, word for word.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import re
import subprocess
import threading
from dataclasses import dataclass
from functools import cache

# Tesseract's OpenMP threads oversubscribe a small CPU: one thread per engine is 2.4x faster here, and
# parallelism comes from reading several pages at once instead. OpenMP reads the limit when Tesseract's library
# is loaded, by the import below; the `tesseract` program started for a page's orientation inherits it.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

import tesserocr
from PIL import Image

from oretrace.core.errors import UnreadableDocument

# Leptonica, which Tesseract segments the page with, prints its internal complaints ('Error in
# boxClipToRectangle: box outside rectangle') on the process's stderr; the `tesseract` program's were captured
# with its output. They report nothing about the reading: silenced, as Leptonica's setMsgSeverity allows.
L_SEVERITY_NONE = 6


def _quiet_leptonica() -> None:
    name = ctypes.util.find_library("lept") or ctypes.util.find_library("leptonica")
    # Another Leptonica build leaves its messages on stderr; the reading is the same.
    with contextlib.suppress(OSError, AttributeError):
        if name is not None:
            ctypes.CDLL(name).setMsgSeverity(L_SEVERITY_NONE)


_quiet_leptonica()
_engines = threading.local()
_QUOTED = re.compile(r'"([^"]+)"')


@dataclass(frozen=True)
class RecognizedWord:
    text: str
    confidence: float  # 0 to 1
    left: int
    top: int
    width: int
    height: int


@cache
def tessdata_dir() -> str:
    """The folder of the language models, as the installed `tesseract` program reports it."""
    listing = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, check=False)
    found = _QUOTED.search(listing.stdout + listing.stderr)
    if found is None:
        raise UnreadableDocument("Tesseract's language models were not found (`tesseract --list-langs`)")
    return found.group(1)


def _engine(languages: str, psm: int) -> tesserocr.PyTessBaseAPI:
    cached: dict[tuple[str, int], tesserocr.PyTessBaseAPI] = _engines.__dict__.setdefault("by_setting", {})
    if (languages, psm) not in cached:
        cached[languages, psm] = tesserocr.PyTessBaseAPI(
            path=tessdata_dir(), lang=languages, psm=psm, oem=tesserocr.OEM.DEFAULT
        )
    return cached[languages, psm]


def recognize(image: Image.Image, languages: str, psm: int, timeout_seconds: float) -> list[RecognizedWord]:
    """The words Tesseract reads on `image`, with their boxes in its pixels."""
    engine = _engine(languages, psm)
    # The grey pixels alone, with no resolution: Tesseract estimates it from the lettering, as the program does
    # for a PGM file (an image handed over whole would pass on the resolution its scan's file states, not the
    # one the page was resampled to).
    gray = image if image.mode == "L" else image.convert("L")
    engine.SetImageBytes(gray.tobytes(), gray.width, gray.height, 1, gray.width)
    # Tesseract takes a zero timeout for none at all.
    if not engine.Recognize(timeout=max(1, round(timeout_seconds * 1000))):
        raise UnreadableDocument(f"OCR took longer than {timeout_seconds:g} s on one page")
    words: list[RecognizedWord] = []
    iterator = engine.GetIterator()
    if iterator is None:
        return words  # nothing on the image Tesseract took for text
    for word in tesserocr.iterate_level(iterator, tesserocr.RIL.WORD):
        try:
            text = word.GetUTF8Text(tesserocr.RIL.WORD)
        except RuntimeError:  # a block Tesseract found but read no text in
            continue
        box = word.BoundingBox(tesserocr.RIL.WORD)
        if not text or not text.strip() or box is None:
            continue
        left, top, right, bottom = box
        confidence = word.Confidence(tesserocr.RIL.WORD) / 100.0
        words.append(RecognizedWord(text, confidence, left, top, right - left, bottom - top))
    return words
