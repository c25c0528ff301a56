"""Refusing PDFs that carry active content: JavaScript, launch actions, embedded files or rich media.

Trade documents have no use for these, and a review tool that renders pages should never hand them on.
Exceptions: structured data a hybrid document embeds as a text file, such as the XML of a Factur-X /
ZUGFeRD / XRechnung e-invoice (EN 16931) or the JSON of a digital material certificate (EN 10204), and
the documents an e-invoice commonly carries beside its XML (a PDF of the timesheet, a PNG of a
measurement); an embedded file is allowed only when it is named .xml, .json, .pdf, .png or .jpg and its
bytes are what the name says (UTF-8 text starting like XML or JSON; a PDF, PNG or JPEG signature). An
embedded PDF is inspected like the file itself (its streams' inflated size, its active content), one level
deep: a PDF inside an embedded PDF is refused. Every object of the file is inspected (including those packed
in compressed object streams), so hiding content from a byte search does not help.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFObjRef, PDFStream, resolve1
from pdfminer.psparser import PSLiteral

from oretrace.core.errors import UnreadableDocument
from oretrace.extractors.budget import Budget, check_pdf_streams, check_stream_sizes
from oretrace.extractors.filetype import PDF, sniff_media_type

# Indirect objects inspected at most; a file with more is refused rather than scanned for minutes.
MAX_OBJECTS = 500_000

# Dictionary keys and action types (/S) that mean active content, with the words a user is shown.
ACTIVE_KEYS = {"JS": "JavaScript", "JavaScript": "JavaScript", "RichMedia": "embedded media (RichMedia)"}
ACTIVE_ACTIONS = {
    "JavaScript": "JavaScript",
    "Launch": "an action that launches a program",
    "ImportData": "an action that imports data",
}
# Embedded files allowed: their name's extension, and how their bytes must start. Text files must be UTF-8.
DATA_FILE_STARTS = {
    ".xml": (b"<",),
    ".json": (b"{", b"["),
    ".pdf": (b"%PDF-",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
}
TEXT_FILES = frozenset({".xml", ".json"})
DATA_CHECK_BYTES = 1 << 16
# PDFs inspected inside one another at most: the file, and the PDFs it embeds.
MAX_PDF_DEPTH = 1


def _name(value: Any) -> str | None:
    return value.name if isinstance(value, PSLiteral) else None


def _text(value: Any) -> str:
    if isinstance(value, bytes):
        for encoding in ("utf-16" if value.startswith((b"\xfe\xff", b"\xff\xfe")) else "latin-1",):
            return value.decode(encoding, errors="replace")
    return str(value) if value is not None else ""


class _TooManyObjects(Exception):
    pass


@dataclass
class _Inspection:
    """One walk over a PDF's object graph: every indirect object is inspected exactly once.

    An explicit stack instead of recursion, so no nesting depth is too deep to follow; an object is marked
    when it is taken on, and taken on only once, so nothing marked is ever left uninspected.
    """

    document: PDFDocument
    max_objects: int = MAX_OBJECTS
    found: str | None = None
    # Embedded-file streams of an allowed kind (see DATA_FILE_STARTS) by their file specification: id -> name.
    data_streams: dict[int, str] = field(default_factory=dict)
    embedded_streams: dict[int, PDFStream] = field(default_factory=dict)
    visited: set[int] = field(default_factory=set)
    stack: list[Any] = field(default_factory=list)

    def enter(self, objid: int) -> None:
        """Take an indirect object on: marked now, inspected when the stack reaches it."""
        if objid in self.visited:
            return
        self.visited.add(objid)
        if len(self.visited) > self.max_objects:
            raise _TooManyObjects
        try:
            obj = self.document.getobj(objid)
        except Exception:  # a broken object is the reader's concern, not active content
            return
        if isinstance(obj, PDFStream) and _name(obj.attrs.get("Type")) == "EmbeddedFile":
            self.embedded_streams[objid] = obj
        self.stack.append(obj)

    def drain(self) -> None:
        """Inspect everything on the stack and everything it refers to, until the stack is empty."""
        while self.stack and not self.found:
            self._inspect(self.stack.pop())

    def _inspect(self, obj: Any) -> None:
        if isinstance(obj, PDFObjRef):
            self.enter(obj.objid)
            return
        if isinstance(obj, list):
            self.stack.extend(reversed(obj))
            return
        attrs = obj.attrs if isinstance(obj, PDFStream) else obj
        if not isinstance(attrs, dict):
            return
        for key in attrs:
            if key in ACTIVE_KEYS:
                self.found = ACTIVE_KEYS[key]
                return
        action = _name(attrs.get("S"))
        if action in ACTIVE_ACTIONS:
            self.found = ACTIVE_ACTIONS[action]
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
                self.data_streams.update((ref.objid, name) for ref in refs)
            else:
                self.found = f"an embedded file ({name or 'unnamed'})"
                return
        self.stack.extend(reversed(list(attrs.values())))


def _is_data(data: bytes, extension: str) -> bool:
    """Whether the embedded bytes are what their name says: UTF-8 text starting like XML or JSON, or the
    signature of a PDF, PNG or JPEG."""
    if extension not in TEXT_FILES:
        return data.startswith(DATA_FILE_STARTS[extension])
    sample = data[:DATA_CHECK_BYTES]
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as err:
        if err.start < len(sample) - 4:  # a multi-byte character cut at the end of the sample is fine
            return False
    return sample.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(DATA_FILE_STARTS[extension])


def _embedded_file_problem(stream: PDFStream, name: str, depth: int, max_objects: int) -> str | None:
    """Why an embedded file of an allowed kind is refused all the same, or None."""
    extension = Path(name.lower()).suffix
    try:
        data = stream.get_data()
    except Exception:
        return f"an embedded file ({name}) that cannot be decoded"
    if not _is_data(data, extension):
        kind = f"{extension[1:].upper()} text" if extension in TEXT_FILES else f"a {extension[1:].upper()} file"
        return f"an embedded file named {extension} whose content is not {kind}"
    if extension != ".pdf":
        return None
    if depth >= MAX_PDF_DEPTH:
        return f"a PDF ({name}) embedded in an embedded PDF"
    try:
        check_stream_sizes(data, Budget())
    except UnreadableDocument as err:
        return f"an embedded PDF ({name}) that {err}".replace("that the PDF holds", "that holds")
    found = _find_in(io.BytesIO(data), max_objects, depth + 1)
    return f"an embedded PDF ({name}) that contains {found}" if found else None


def find_active_content(path: Path, max_objects: int = MAX_OBJECTS) -> str | None:
    """The first kind of active content found in the PDF, or None (also when the PDF cannot be parsed:
    the reader then reports it as damaged or encrypted in its own words).

    The walk starts at the catalog, then takes on every object listed by any cross-reference section (every
    incremental update included) that the catalog does not reach; references are followed however deep.
    A file with more than `max_objects` indirect objects is refused.
    """
    try:
        with path.open("rb") as handle:
            return _find_in(handle, max_objects, depth=0)
    except Exception:
        return None


def _find_in(handle: BinaryIO, max_objects: int, depth: int) -> str | None:
    """find_active_content of an open PDF, which is itself embedded `depth` levels deep."""
    try:
        document = PDFDocument(PDFParser(handle))
        state = _Inspection(document, max_objects)
        try:
            state.stack.append(document.catalog)
            state.drain()
            for xref in document.xrefs:
                for objid in xref.get_objids():
                    if state.found:
                        return state.found
                    state.enter(objid)
                    state.drain()
        except _TooManyObjects:
            return f"more than {max_objects:,} objects, too many to inspect safely"
        if state.found:
            return state.found
        # Embedded bytes are allowed only as the kinds of DATA_FILE_STARTS, named by a file specification.
        for objid, stream in state.embedded_streams.items():
            name = state.data_streams.get(objid)
            if name is None:
                return "an embedded file"
            problem = _embedded_file_problem(stream, name, depth, max_objects)
            if problem:
                return problem
    except Exception:
        return None
    return None


def refuse_hostile_pdf(path: Path, budget: Budget | None = None) -> None:
    """Raise UnreadableDocument if path is a PDF with a stream that inflates beyond the budget (checked first,
    before a PDF library decodes anything) or with active content; other files pass untouched."""
    with path.open("rb") as handle:
        if sniff_media_type(handle.read(1024)) != PDF:
            return
    check_pdf_streams(path, budget or Budget())
    found = find_active_content(path)
    if found:
        raise UnreadableDocument(f"the PDF contains {found}, which a trade document has no need for; it was not opened")
