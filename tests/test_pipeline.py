"""The plain pipeline functions: one document, the page cache, read-ahead, shipment assembly."""

from __future__ import annotations

import shutil
from pathlib import Path

from oretrace.core.config import Settings
from oretrace.core.models import DocType, ExtractedDocument, Rejection
from oretrace.extractors.document import sha256_of
from oretrace.extractors.page_cache import settings_key
from oretrace.pipeline.documents import assemble_shipment, page_cache, process_document


def _inbox(tmp_path: Path, invoice_pdf: Path) -> Path:
    inbox = tmp_path / "inbox"
    (inbox / "SHP-1").mkdir(parents=True)
    shutil.copy(invoice_pdf, inbox / "SHP-1" / "a.pdf")
    (inbox / "SHP-1" / "empty.pdf").touch()
    return inbox


def test_document_and_rejection_with_reasons(tmp_path: Path, invoice_pdf: Path) -> None:
    inbox = _inbox(tmp_path, invoice_pdf)
    settings = Settings(home=tmp_path / "home")
    good = process_document(inbox / "SHP-1" / "a.pdf", inbox, settings)
    bad = process_document(inbox / "SHP-1" / "empty.pdf", inbox, settings)
    assert isinstance(good, ExtractedDocument) and good.doc_type is DocType.COMMERCIAL_INVOICE
    assert good.source.path == "SHP-1/a.pdf" and good.source.shipment_id == "SHP-1"
    assert all(e.document_id == good.document_id for f in good.fields.values() for e in f.evidence)
    assert isinstance(bad, Rejection) and "empty" in bad.reason
    shipment = assemble_shipment("SHP-1", [good, bad])
    assert shipment.declared_origin == "TH"  # the invoice states it when there is no certificate
    assert shipment.rejected == [bad]


def test_pages_are_cached_by_content_and_reading_settings(tmp_path: Path, invoice_pdf: Path) -> None:
    inbox = _inbox(tmp_path, invoice_pdf)
    settings = Settings(home=tmp_path / "home")
    process_document(inbox / "SHP-1" / "a.pdf", inbox, settings)
    key = settings_key(settings.ocr_languages, settings.ocr_dpi)
    pages = page_cache(settings).get(sha256_of(inbox / "SHP-1" / "a.pdf"), key)
    assert pages is not None and "INV-2025-0042" in pages[0].text
    # A different OCR setting is a different key: nothing stale is served.
    assert page_cache(settings).get(sha256_of(inbox / "SHP-1" / "a.pdf"), settings_key("deu", 300)) is None
