"""Whole extractions kept on disk by content: an unchanged file is read, classified and extracted once.

Beside the page cache (text of each page), this keeps the finished `ExtractedDocument`, so a second run over an
unchanged inbox skips text reading, classification and field extraction alike. The key is the file's sha256
plus everything that changes what extraction produces:

- the extractor fingerprint: the pipeline and text-reader versions, a digest of the extraction code itself
  (`extractors/` and the stage records in `oretrace/models.py`) and the versions of the libraries and of the
  Tesseract binary it relies on, so editing an extractor invalidates its results even without a version bump;
- the settings that matter: OCR languages and resolution, and the limits that decide whether a file is read.

The NER model and the reference data are not part of the key: they serve the consistency checks, which run
on every shipment every time (they are cheap) and never read this cache.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import pytesseract

from oretrace.core.models import ExtractedDocument
from oretrace.core.stored_files import code_digest, write_atomically
from oretrace.extractors.document import PIPELINE_VERSION, describe_source, extract_document, placement
from oretrace.extractors.page_cache import TEXT_READER_VERSION, PageCache
from oretrace.extractors.text import ReadOptions

# Bumped when the layout of a cache entry changes.
ENTRY_FORMAT = "1"
# The code whose changes change what extraction returns (the stage records included).
EXTRACTION_CODE = ("oretrace.extractors", "oretrace.core")
LIBRARIES = ("pdfplumber", "pdfminer.six", "pypdfium2", "pytesseract", "tesserocr", "Pillow", "numpy", "pycountry",
             "babel", "rapidfuzz")  # fmt: skip


def _library_versions() -> dict[str, str]:
    versions = {}
    for name in LIBRARIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "absent"
    try:
        versions["tesseract"] = str(pytesseract.get_tesseract_version())
    except (pytesseract.TesseractNotFoundError, OSError):
        versions["tesseract"] = "absent"
    return versions


@lru_cache(maxsize=1)
def extractor_fingerprint() -> str:
    """What extraction is made of, as one digest; computed once per process."""
    parts = {
        "pipeline": PIPELINE_VERSION,
        "text_reader": TEXT_READER_VERSION,
        "code": code_digest(EXTRACTION_CODE),
        "libraries": _library_versions(),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def read_settings_key(options: ReadOptions, max_bytes: int) -> str:
    """The settings that change what extraction returns or whether a file is read at all."""
    return json.dumps(
        {
            "languages": options.ocr.languages,
            "dpi": options.ocr.dpi,
            "ocr_timeout": options.ocr.timeout_seconds,
            "max_pages": options.max_pages,
            "max_image_pixels": options.max_image_pixels,
            "max_page_points": options.max_page_points,
            "max_decoded_bytes": options.max_decoded_bytes,
            "max_bytes": max_bytes,
        },
        sort_keys=True,
    )


@dataclass(frozen=True)
class ExtractionKey:
    sha256: str
    extractor: str
    settings: str

    @property
    def digest(self) -> str:
        return hashlib.sha256(f"{ENTRY_FORMAT}|{self.sha256}|{self.extractor}|{self.settings}".encode()).hexdigest()


class DocumentCache:
    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _path(self, key: ExtractionKey) -> Path:
        digest = key.digest
        return self.directory / digest[:2] / f"{digest}.json"

    def get(self, key: ExtractionKey) -> ExtractedDocument | None:
        try:
            document = ExtractedDocument.model_validate_json(self._path(key).read_bytes())
        except (OSError, ValueError):
            return None  # absent or unreadable: extract again
        return document if document.source.sha256 == key.sha256 else None

    def contains(self, key: ExtractionKey) -> bool:
        return self._path(key).is_file()

    def put(self, key: ExtractionKey, document: ExtractedDocument) -> None:
        write_atomically(self._path(key), document.model_dump_json().encode())


def extract_with_cache(
    path: Path,
    inbox_root: Path,
    options: ReadOptions,
    max_bytes: int,
    pages: PageCache | None,
    documents: DocumentCache,
    known_sha256: str | None = None,
) -> ExtractedDocument:
    """The cached extraction of the file's content when there is one (with this file's own path and shipment),
    else a new extraction, stored for next time. With `known_sha256` (the file was hashed already) a cached
    extraction is found without reading the file again."""
    settings = read_settings_key(options, max_bytes)
    if known_sha256 is not None:
        cached = documents.get(ExtractionKey(known_sha256, extractor_fingerprint(), settings))
        if cached is not None:
            return cached.model_copy(update={"source": cached.source.model_copy(update=placement(path, inbox_root))})
    source = describe_source(path, inbox_root, max_bytes, options.budget)
    cached = documents.get(ExtractionKey(source.sha256, extractor_fingerprint(), settings))
    if cached is not None:
        return cached.model_copy(update={"source": source})
    document = extract_document(path, inbox_root, options, max_bytes, pages, source)
    # Keyed by the content actually extracted, in case the file changed since it was hashed above.
    documents.put(ExtractionKey(document.source.sha256, extractor_fingerprint(), settings), document)
    return document
