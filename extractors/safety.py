"""Refusing PDFs that carry active content: JavaScript, launch actions, embedded files or rich media.

Trade documents have no use for any of these, and a review tool that renders pages should never hand
them on. Every object of the file is inspected (including those packed in compressed object streams),
so hiding the content from a plain byte search does not get it through.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFStream
from pdfminer.psparser import PSLiteral

from extractors.errors import UnreadableDocument
from extractors.filetype import PDF, sniff_media_type

# Objects inspected at most; a file with more is refused rather than scanned for minutes.
MAX_OBJECTS = 500_000

# Dictionary keys and action types (/S) that mean active content, with the words a user is shown.
ACTIVE_KEYS = {
    "JS": "JavaScript",
    "JavaScript": "JavaScript",
    "EmbeddedFiles": "an embedded file",
    "EmbeddedFile": "an embedded file",
    "EF": "an embedded file",
    "RichMedia": "embedded media (RichMedia)",
}
ACTIVE_ACTIONS = {
    "JavaScript": "JavaScript",
    "Launch": "an action that launches a program",
    "ImportData": "an action that imports data",
}
ACTIVE_TYPES = {"EmbeddedFile": "an embedded file", "Filespec": "an embedded file"}


def _name(value: Any) -> str | None:
    return value.name if isinstance(value, PSLiteral) else None


def active_content(obj: Any, depth: int = 0) -> str | None:
    """What active content a resolved PDF object (or a dictionary nested in it) is, in plain words, or None."""
    if depth > 32:
        return None
    if isinstance(obj, list):
        return next((found for item in obj if (found := active_content(item, depth + 1))), None)
    attrs = obj.attrs if isinstance(obj, PDFStream) else obj
    if not isinstance(attrs, dict):
        return None
    for key in attrs:
        if key in ACTIVE_KEYS:
            return ACTIVE_KEYS[key]
    action = _name(attrs.get("S"))
    if action in ACTIVE_ACTIONS:
        return ACTIVE_ACTIONS[action]
    kind = _name(attrs.get("Type"))
    if kind in ACTIVE_TYPES and not (kind == "Filespec" and "EF" not in attrs):
        return ACTIVE_TYPES[kind]
    # Direct (nested) dictionaries, e.g. an /OpenAction written inside the catalog; references are objects
    # of their own and are inspected in turn.
    return next((found for value in attrs.values() if (found := active_content(value, depth + 1))), None)


def find_active_content(path: Path) -> str | None:
    """The first kind of active content found in the PDF, or None (also when the PDF cannot be parsed:
    the reader then reports it as damaged or encrypted in its own words)."""
    try:
        with path.open("rb") as handle:
            document = PDFDocument(PDFParser(handle))
            seen = 0
            for xref in document.xrefs:
                for objid in xref.get_objids():
                    seen += 1
                    if seen > MAX_OBJECTS:
                        return f"more than {MAX_OBJECTS:,} objects, too many to inspect safely"
                    try:
                        obj = document.getobj(objid)
                    except Exception:  # a broken object is the reader's concern, not active content
                        continue
                    found = active_content(obj)
                    if found:
                        return found
    except Exception:
        return None
    return None


def refuse_hostile_pdf(path: Path) -> None:
    """Raise UnreadableDocument if path is a PDF with active content; other files pass untouched."""
    with path.open("rb") as handle:
        if sniff_media_type(handle.read(1024)) != PDF:
            return
    found = find_active_content(path)
    if found:
        raise UnreadableDocument(f"the PDF contains {found}, which a trade document has no need for; it was not opened")
