"""Detect a file's type from its first bytes, never from its name."""

from __future__ import annotations

import re
from pathlib import Path

from oretrace.core.errors import UnreadableDocument

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
TIFF = "image/tiff"
XML = "application/xml"
# Any zip is taken for a workbook here; extractors/rmi_template.py refuses one that is not an .xlsx template.
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", PDF),
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"\xff\xd8\xff", JPEG),
    (b"II*\x00", TIFF),
    (b"MM\x00*", TIFF),
    (b"PK\x03\x04", XLSX),
)


def sniff_media_type(head: bytes) -> str | None:
    # PDF readers accept the header anywhere in the first KiB, so do we.
    if b"%PDF-" in head[:1024]:
        return PDF
    for magic, media_type in _MAGIC:
        if head.startswith(magic):
            return media_type
    # An XML invoice (a CFDI, a Factur-X or UBL file on its own) opens with its declaration or root element,
    # perhaps after a UTF-8 byte-order mark and blank lines.
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if text.startswith(b"<?xml") or re.match(rb"<[A-Za-z_]", text):
        return XML
    return None


def detect_media_type(path: Path) -> str:
    with path.open("rb") as handle:
        head = handle.read(1024)
    if not head:
        raise UnreadableDocument("the file is empty (0 bytes)")
    media_type = sniff_media_type(head)
    if media_type is None:
        raise UnreadableDocument("not a PDF, PNG, JPEG, TIFF or XML file, nor an .xlsx workbook (unrecognised content)")
    return media_type
