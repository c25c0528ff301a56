"""Detect a file's type from its first bytes, never from its name."""

from __future__ import annotations

from pathlib import Path

from oretrace.core.errors import UnreadableDocument

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
TIFF = "image/tiff"
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
    return None


def detect_media_type(path: Path) -> str:
    with path.open("rb") as handle:
        head = handle.read(1024)
    if not head:
        raise UnreadableDocument("the file is empty (0 bytes)")
    media_type = sniff_media_type(head)
    if media_type is None:
        raise UnreadableDocument("not a PDF, PNG, JPEG or TIFF file, nor an .xlsx workbook (unrecognised content)")
    return media_type
