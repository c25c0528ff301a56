"""One file in, one extracted document out: type detection, text, classification, fields."""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

from oretrace import __version__
from oretrace.core.errors import UnreadableDocument
from oretrace.core.models import (
    Classification,
    DocType,
    EmbeddedInvoice,
    Evidence,
    ExtractedDocument,
    FieldValue,
    ParentDocument,
    Rejection,
    SourceFile,
)
from oretrace.extractors.annexes import read_pdf_attachments
from oretrace.extractors.barcodes import code_fields
from oretrace.extractors.budget import Budget
from oretrace.extractors.cfdi import read_invoice_xml, read_xml_file
from oretrace.extractors.classify import classify
from oretrace.extractors.einvoice import Attachment, merge_fields, read_attachments, read_embedded_invoice
from oretrace.extractors.fields import extract_fields
from oretrace.extractors.filetype import PDF, XLSX, XML, detect_media_type
from oretrace.extractors.page_cache import PageCache, settings_key
from oretrace.extractors.rmi_template import as_document_part, read_template
from oretrace.extractors.safety import refuse_hostile_pdf
from oretrace.extractors.text import PDFIUM_LOCK, ReadOptions, read_pages

# Bumped whenever text reading, classification or field extraction changes what they produce.
EXTRACTOR_VERSION = "2"
PIPELINE_VERSION = f"oretrace-{__version__}+extractors.{EXTRACTOR_VERSION}"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def describe_source(path: Path, inbox_root: Path, max_bytes: int, budget: Budget | None = None) -> SourceFile:
    if path.is_symlink():  # the inbox scan refuses links; one put in a file's place since is refused here
        raise UnreadableDocument("a symbolic link; links are never followed, only real files are read")
    if not path.is_file():
        raise UnreadableDocument("the file disappeared before it could be read")
    size = path.stat().st_size
    if size > max_bytes:
        raise UnreadableDocument(f"the file is {size:,} bytes; the limit is {max_bytes:,}")
    refuse_hostile_pdf(path, budget or Budget())
    return SourceFile(
        sha256=sha256_of(path), size=size, media_type=detect_media_type(path), **placement(path, inbox_root)
    )


def placement(path: Path, inbox_root: Path) -> dict[str, str | None]:
    """Where a file lies in the inbox: its relative path and shipment (None when loose in the root)."""
    relative = path.relative_to(inbox_root)
    return {"path": relative.as_posix(), "shipment_id": relative.parts[0] if len(relative.parts) > 1 else None}


def extract_document(
    path: Path,
    inbox_root: Path,
    options: ReadOptions,
    max_bytes: int = 200 * 1024 * 1024,
    cache: PageCache | None = None,
    source: SourceFile | None = None,
) -> ExtractedDocument:
    """`source`: the file as its caller just described it (`describe_source`), so it is not read and checked
    twice."""
    source = source or describe_source(path, inbox_root, max_bytes, options.budget)
    if source.media_type == XML:
        return _extract_xml(path, source)
    if source.media_type == XLSX:
        return _template_document(path, source)
    document = _extract_pages(path, source, options, cache)
    if source.media_type != PDF:
        return document
    with PDFIUM_LOCK:
        annexes, refused = read_pdf_attachments(str(path), max_bytes)
    embedded = [_extract_annex(source, annex, options, cache) for annex in annexes]
    rejections = [_annex_rejection(source, r.name, r.reason) for r in refused]
    rejections += [outcome for outcome in embedded if isinstance(outcome, Rejection)]
    return document.model_copy(
        update={
            "embedded_documents": [outcome for outcome in embedded if isinstance(outcome, ExtractedDocument)],
            "embedded_rejections": rejections,
        }
    )


def _extract_pages(path: Path, source: SourceFile, options: ReadOptions, cache: PageCache | None) -> ExtractedDocument:
    """A PDF or image read page by page: text, class, fields, and the e-invoice XML a PDF embeds."""
    key = settings_key(options.ocr.languages, options.ocr.dpi)
    pages = cache.get(source.sha256, key) if cache else None
    if pages is None:
        pages = read_pages(path, source.media_type, options)
        if cache:
            cache.put(source.sha256, key, pages)
    classification = classify(pages)
    xml, attachments = [], []
    if source.media_type == PDF:
        with PDFIUM_LOCK:
            xml, attachments = read_attachments(path)
    reading = read_embedded_invoice(xml)
    embedded = None
    if reading is not None:
        # The XML is an invoice by its syntax, whatever the page looks like.
        classification = Classification(
            doc_type=DocType.COMMERCIAL_INVOICE, confidence=1.0, scores=classification.scores
        )
    fields = extract_fields(classification.doc_type, pages) | code_fields(pages, classification.doc_type)
    if reading is not None:
        fields, embedded = merge_fields(fields, reading)
    # Evidence points at this document so findings can cite it across a shipment.
    fields = _cite(fields, source.sha256)
    return ExtractedDocument(
        source=source,
        pipeline_version=PIPELINE_VERSION,
        classification=classification,
        pages=pages,
        fields=fields,
        embedded_invoice=_with_document(embedded, source.sha256),
        attachments=attachments,
    )


def _extract_annex(
    carrier: SourceFile, annex: Attachment, options: ReadOptions, cache: PageCache | None
) -> ExtractedDocument | Rejection:
    """An embedded PDF read as a document of its own, under the limits a file of its own has; the PDFs it
    embeds in turn are not read (the safety check refused the carrier if there were any)."""
    source = SourceFile(
        path=f"{carrier.path}#{annex.name}",
        sha256=hashlib.sha256(annex.data).hexdigest(),
        size=len(annex.data),
        media_type=PDF,
        shipment_id=carrier.shipment_id,
        parent=ParentDocument(sha256=carrier.sha256, path=carrier.path, attachment=annex.name),
    )
    with tempfile.TemporaryDirectory(prefix="oretrace-annex-") as folder:
        path = Path(folder) / "annex.pdf"
        path.write_bytes(annex.data)
        try:
            refuse_hostile_pdf(path, options.budget)
            return _extract_pages(path, source, options, cache)
        except UnreadableDocument as err:
            return _annex_rejection(carrier, annex.name, str(err))


def _annex_rejection(carrier: SourceFile, name: str, reason: str) -> Rejection:
    return Rejection(source_path=f"{carrier.path}#{name}", shipment_id=carrier.shipment_id, reason=reason)


def _extract_xml(path: Path, source: SourceFile) -> ExtractedDocument:
    """An XML invoice on its own (a CFDI, or a CII / UBL file): its fields are the XML's, it has no page."""
    reading = read_invoice_xml(path.name, read_xml_file(path))
    return ExtractedDocument(
        source=source,
        pipeline_version=PIPELINE_VERSION,
        classification=Classification(doc_type=DocType.COMMERCIAL_INVOICE, confidence=1.0),
        pages=[],
        fields=_cite(reading.fields, source.sha256),
        embedded_invoice=reading.invoice,
    )


def _template_document(path: Path, source: SourceFile) -> ExtractedDocument:
    """A workbook is read only as an RMI reporting template; any other workbook is refused with the reason."""
    template = as_document_part(read_template(path))
    template = template.model_copy(
        update={
            "company_evidence": _on(template.company_evidence, source.sha256),
            "smelters": [s.model_copy(update={"evidence": _on(s.evidence, source.sha256)}) for s in template.smelters],
        }
    )
    return ExtractedDocument(
        source=source,
        pipeline_version=PIPELINE_VERSION,
        classification=Classification(doc_type=DocType.DUE_DILIGENCE_TEMPLATE, confidence=1.0, scores={}),
        pages=[],
        fields={},
        due_diligence=template,
    )


def _on(evidence: Evidence | None, sha256: str) -> Evidence | None:
    return evidence.model_copy(update={"document_id": sha256}) if evidence is not None else None


def _with_document(embedded: EmbeddedInvoice | None, sha256: str) -> EmbeddedInvoice | None:
    if embedded is None:
        return None
    return embedded.model_copy(update={"page_fields": _cite(embedded.page_fields, sha256)})


def _cite(fields: dict[str, FieldValue], sha256: str) -> dict[str, FieldValue]:
    return {
        name: value.model_copy(
            update={"evidence": [e.model_copy(update={"document_id": sha256}) for e in value.evidence]}
        )
        for name, value in fields.items()
    }
