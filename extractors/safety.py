"""Refusing PDFs that carry active content: JavaScript, launch actions, embedded files or rich media.

Trade documents have no use for these, and a review tool that renders pages should never hand them on.
One exception: structured data a hybrid document embeds as a text file, such as the XML of a Factur-X /
ZUGFeRD / XRechnung e-invoice (EN 16931) or the JSON of a digital material certificate (EN 10204); an
embedded file is allowed only when it is named .xml or .json and its bytes are UTF-8 text starting like
XML or JSON. Every object of the file is inspected (including those packed in compressed object streams),
so hiding content from a byte search does not help.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFObjRef, PDFStream, resolve1
from pdfminer.psparser import PSLiteral

from oretrace.core.errors import UnreadableDocument
from oretrace.extractors.filetype import PDF, sniff_media_type

# Objects inspected at most; a file with more is refused rather than scanned for minutes.
MAX_OBJECTS = 500_000
# Nesting followed at most (dictionaries, arrays and references); stays well inside Python's recursion limit.
MAX_DEPTH = 150

# Dictionary keys and action types (/S) that mean active content, with the words a user is shown.
ACTIVE_KEYS = {"JS": "JavaScript", "JavaScript": "JavaScript", "RichMedia": "embedded media (RichMedia)"}
ACTIVE_ACTIONS = {
    "JavaScript": "JavaScript",
    "Launch": "an action that launches a program",
    "ImportData": "an action that imports data",
}
# Embedded files allowed as data: their name's extension, and how their text must start.
DATA_FILE_STARTS = {".xml": (b"<",), ".json": (b"{", b"[")}
DATA_CHECK_BYTES = 1 << 16


def _name(value: Any) -> str | None:
    return value.name if isinstance(value, PSLiteral) else None


def _text(value: Any) -> str:
    if isinstance(value, bytes):
        for encoding in ("utf-16" if value.startswith((b"\xfe\xff", b"\xff\xfe")) else "latin-1",):
            return value.decode(encoding, errors="replace")
    return str(value) if value is not None else ""


@dataclass
class _Inspection:
    found: str | None = None
    # Embedded-file streams named as data files (.xml, .json) by their file specification: id -> extension.
    data_streams: dict[int, str] = field(default_factory=dict)
    embedded_streams: dict[int, PDFStream] = field(default_factory=dict)
    visited: set[int] = field(default_factory=set)
    document: PDFDocument | None = None


def _visit(objid: int, state: _Inspection, depth: int = 0) -> None:
    """Inspect one indirect object, once; references inside it are followed (not every object of an
    object stream is listed by the cross-reference tables pdfminer reads)."""
    if state.found or objid in state.visited or state.document is None:
        return
    state.visited.add(objid)
    if len(state.visited) > MAX_OBJECTS:
        state.found = f"more than {MAX_OBJECTS:,} objects, too many to inspect safely"
        return
    try:
        obj = state.document.getobj(objid)
    except Exception:  # a broken object is the reader's concern, not active content
        return
    if isinstance(obj, PDFStream) and _name(obj.attrs.get("Type")) == "EmbeddedFile":
        state.embedded_streams[objid] = obj
    _inspect(obj, state, depth + 1)


def _inspect(obj: Any, state: _Inspection, depth: int = 0) -> None:
    if state.found or depth > MAX_DEPTH:
        return
    if isinstance(obj, PDFObjRef):
        _visit(obj.objid, state, depth)
        return
    if isinstance(obj, list):
        for item in obj:
            _inspect(item, state, depth + 1)
        return
    attrs = obj.attrs if isinstance(obj, PDFStream) else obj
    if not isinstance(attrs, dict):
        return
    for key in attrs:
        if key in ACTIVE_KEYS:
            state.found = ACTIVE_KEYS[key]
            return
    action = _name(attrs.get("S"))
    if action in ACTIVE_ACTIONS:
        state.found = ACTIVE_ACTIONS[action]
        return
    if "EF" in attrs:  # a file specification with the file's bytes inside this PDF
        name = _text(attrs.get("UF") or attrs.get("F")).strip()
        try:
            embedded = resolve1(attrs["EF"])
        except Exception:
            embedded = None
        embedded = embedded if isinstance(embedded, dict) else {}
        refs = [ref for ref in embedded.values() if isinstance(ref, PDFObjRef)]
        extension = Path(name.lower()).suffix
        if extension in DATA_FILE_STARTS and refs:
            state.data_streams.update((ref.objid, extension) for ref in refs)
        else:
            state.found = f"an embedded file ({name or 'unnamed'})"
            return
    for value in attrs.values():
        _inspect(value, state, depth + 1)


def _is_data(stream: PDFStream, extension: str) -> bool:
    """Whether the embedded bytes are UTF-8 text that starts like the XML or JSON its name says."""
    try:
        data = stream.get_data()[:DATA_CHECK_BYTES]
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        if err.start < len(data) - 4:  # a multi-byte character cut at the end of the sample is fine
            return False
    except Exception:
        return False
    return data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(DATA_FILE_STARTS[extension])


def find_active_content(path: Path) -> str | None:
    """The first kind of active content found in the PDF, or None (also when the PDF cannot be parsed:
    the reader then reports it as damaged or encrypted in its own words)."""
    state = _Inspection()
    try:
        with path.open("rb") as handle:
            state.document = PDFDocument(PDFParser(handle))
            _inspect(state.document.catalog, state)
            for xref in state.document.xrefs:
                for objid in xref.get_objids():
                    _visit(objid, state)
                    if state.found:
                        return state.found
            if state.found:
                return state.found
            # Embedded bytes are allowed only as data files (see DATA_FILE_STARTS) named by a file specification.
            for objid, stream in state.embedded_streams.items():
                extension = state.data_streams.get(objid)
                if extension is None:
                    return "an embedded file"
                if not _is_data(stream, extension):
                    return f"an embedded file named {extension} whose content is not {extension[1:].upper()} text"
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
