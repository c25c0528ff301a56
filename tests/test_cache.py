"""The whole-extraction cache: hits on unchanged content, misses on every key part that changes the result."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from oretrace.core.config import Settings
from oretrace.core.models import DocType, ExtractedDocument
from oretrace.core.stored_files import code_digest
from oretrace.extractors.document_cache import (
    EXTRACTION_CODE,
    DocumentCache,
    ExtractionKey,
    extract_with_cache,
    extractor_fingerprint,
    read_settings_key,
)
from oretrace.extractors.ocr import OcrOptions
from oretrace.extractors.page_cache import PageCache
from oretrace.extractors.text import ReadOptions
from oretrace.pipeline.documents import process_document
from tests.conftest import INVOICE_LINES, pdf_bytes

MAX_BYTES = 10_000_000


def _extract(path: Path, cache: DocumentCache, options: ReadOptions | None = None) -> ExtractedDocument:
    return extract_with_cache(path, path.parent, options or ReadOptions(), MAX_BYTES, None, cache)


def _entries(cache: DocumentCache) -> list[Path]:
    return sorted(cache.directory.rglob("*.json"))


def _tamper(entry: Path) -> None:
    """Mark a stored entry so that a result read from the cache can be told from a new extraction."""
    document = ExtractedDocument.model_validate_json(entry.read_bytes())
    marked = document.model_copy(update={"pipeline_version": "read-from-cache"})
    entry.write_text(marked.model_dump_json())


def test_unchanged_content_is_served_from_the_cache(invoice_pdf: Path, tmp_path: Path) -> None:
    cache = DocumentCache(tmp_path / "documents")
    first = _extract(invoice_pdf, cache)
    assert first.doc_type is DocType.COMMERCIAL_INVOICE
    [entry] = _entries(cache)
    _tamper(entry)
    again = _extract(invoice_pdf, cache)
    assert again.pipeline_version == "read-from-cache"
    assert again.model_copy(update={"pipeline_version": first.pipeline_version}) == first


def test_a_copy_elsewhere_keeps_its_own_path_and_shipment(invoice_pdf: Path, tmp_path: Path) -> None:
    cache = DocumentCache(tmp_path / "documents")
    inbox = tmp_path / "inbox"
    for shipment in ("SHP-A", "SHP-B"):
        (inbox / shipment).mkdir(parents=True)
        shutil.copy2(invoice_pdf, inbox / shipment / "invoice.pdf")
    a = extract_with_cache(inbox / "SHP-A" / "invoice.pdf", inbox, ReadOptions(), MAX_BYTES, None, cache)
    b = extract_with_cache(inbox / "SHP-B" / "invoice.pdf", inbox, ReadOptions(), MAX_BYTES, None, cache)
    assert len(_entries(cache)) == 1
    assert (a.source.shipment_id, b.source.shipment_id) == ("SHP-A", "SHP-B")
    assert b.source.path == "SHP-B/invoice.pdf"
    assert b.fields == a.fields


def test_changed_content_is_extracted_again(invoice_pdf: Path, tmp_path: Path) -> None:
    cache = DocumentCache(tmp_path / "documents")
    first = _extract(invoice_pdf, cache)
    changed = [(font, size, text.replace("INV-2025-0042", "INV-2025-0043")) for font, size, text in INVOICE_LINES]
    invoice_pdf.write_bytes(pdf_bytes([changed]))
    second = _extract(invoice_pdf, cache)
    assert second.document_id != first.document_id
    assert (first.value("invoice_number"), second.value("invoice_number")) == ("INV-2025-0042", "INV-2025-0043")
    assert len(_entries(cache)) == 2


def test_settings_that_change_the_result_are_part_of_the_key(invoice_pdf: Path, tmp_path: Path) -> None:
    cache = DocumentCache(tmp_path / "documents")
    base = ReadOptions()
    variants = [
        ReadOptions(ocr=OcrOptions(languages="eng")),
        ReadOptions(ocr=OcrOptions(dpi=200)),
        ReadOptions(max_pages=3),
        ReadOptions(max_image_pixels=1_000_000),
    ]
    _extract(invoice_pdf, cache, base)
    [entry] = _entries(cache)
    _tamper(entry)
    for options in variants:
        assert _extract(invoice_pdf, cache, options).pipeline_version != "read-from-cache"
    assert len(_entries(cache)) == 1 + len(variants)
    assert _extract(invoice_pdf, cache, base).pipeline_version == "read-from-cache"
    assert read_settings_key(base, 1) != read_settings_key(base, 2)  # the file size limit decides reading too


def test_every_key_part_changes_the_entry() -> None:
    key = ExtractionKey(sha256="a" * 64, extractor="e1", settings="s1")
    others = [
        ExtractionKey(sha256="b" * 64, extractor="e1", settings="s1"),
        ExtractionKey(sha256="a" * 64, extractor="e2", settings="s1"),
        ExtractionKey(sha256="a" * 64, extractor="e1", settings="s2"),
    ]
    assert len({key.digest, *(k.digest for k in others)}) == 4


def test_another_extractor_misses(invoice_pdf: Path, tmp_path: Path) -> None:
    cache = DocumentCache(tmp_path / "documents")
    document = _extract(invoice_pdf, cache)
    settings = read_settings_key(ReadOptions(), MAX_BYTES)
    assert cache.get(ExtractionKey(document.document_id, extractor_fingerprint(), settings)) == document
    assert cache.get(ExtractionKey(document.document_id, "another-extractor", settings)) is None


def test_editing_code_changes_its_digest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "probe_package"
    (package / "inner").mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "inner" / "__init__.py").write_text("", encoding="utf-8")
    edited = package / "inner" / "rules.py"
    edited.write_text("LIMIT = 1\n", encoding="utf-8")
    (tmp_path / "probe_module.py").write_text("X = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    before = code_digest(("probe_package", "probe_module"))
    assert before == code_digest(("probe_package", "probe_module"))
    edited.write_text("LIMIT = 2\n", encoding="utf-8")
    assert code_digest(("probe_package", "probe_module")) != before
    edited.write_text("LIMIT = 1\n", encoding="utf-8")
    assert code_digest(("probe_package", "probe_module")) == before
    assert code_digest(EXTRACTION_CODE) != code_digest(("oretrace.extractors",)), "the stage records count too"


def test_a_damaged_entry_is_extracted_again(invoice_pdf: Path, tmp_path: Path) -> None:
    cache = DocumentCache(tmp_path / "documents")
    first = _extract(invoice_pdf, cache)
    [entry] = _entries(cache)
    entry.write_bytes(b'{"source": ')
    assert _extract(invoice_pdf, cache) == first
    assert ExtractedDocument.model_validate_json(entry.read_bytes()) == first


def test_process_document_uses_both_caches(invoice_pdf: Path, tmp_path: Path) -> None:
    settings = Settings(home=tmp_path / "home")
    first = process_document(invoice_pdf, invoice_pdf.parent, settings)
    assert isinstance(first, ExtractedDocument)
    assert list((settings.home / "cache" / "documents").rglob("*.json"))
    assert list((settings.home / "cache" / "pages").rglob("*.json"))
    assert process_document(invoice_pdf, invoice_pdf.parent, settings) == first


def test_pages_still_come_from_the_page_cache_when_only_extraction_changed(invoice_pdf: Path, tmp_path: Path) -> None:
    pages = PageCache(tmp_path / "pages")
    extract_with_cache(invoice_pdf, invoice_pdf.parent, ReadOptions(), MAX_BYTES, pages, DocumentCache(tmp_path / "d1"))
    [entry] = pages.directory.rglob("*.json")
    entry.write_text(entry.read_text().replace("INV-2025-0042", "INV-2025-0099"))
    # A new extractor (here: another document cache) reads its text from the page cache, not the file.
    second = extract_with_cache(invoice_pdf, invoice_pdf.parent, ReadOptions(), MAX_BYTES, pages,
                                DocumentCache(tmp_path / "d2"))  # fmt: skip
    assert second.value("invoice_number") == "INV-2025-0099"
