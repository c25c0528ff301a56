"""The work of the flows as plain functions: one document, one shipment. Tested without Prefect."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path

from oretrace.checks import ShipmentContext, run_checks
from oretrace.checks.facts import shipment_facts
from oretrace.core.config import Settings
from oretrace.core.errors import UnreadableDocument
from oretrace.core.models import (
    DueDiligenceTemplate,
    ExtractedDocument,
    Rejection,
    ShipmentJudgement,
    ShipmentResult,
)
from oretrace.extractors.boxes import PageBoxes
from oretrace.extractors.document import placement
from oretrace.extractors.document_cache import (
    DocumentCache,
    ExtractionKey,
    extract_with_cache,
    extractor_fingerprint,
    read_settings_key,
)
from oretrace.extractors.ocr import OcrOptions
from oretrace.extractors.page_cache import PageCache
from oretrace.extractors.text import ReadOptions
from oretrace.reference import ReferenceData

log = logging.getLogger("oretrace.pipeline")


def read_options(settings: Settings) -> ReadOptions:
    limits = settings.limits
    return ReadOptions(
        ocr=OcrOptions(
            languages=settings.ocr_languages,
            dpi=settings.ocr_dpi,
            timeout_seconds=limits.ocr_seconds_per_page,
            max_pixels=limits.max_image_pixels,
        ),
        max_pages=limits.max_pages,
        max_image_pixels=limits.max_image_pixels,
        max_page_points=limits.max_page_points,
        max_decoded_bytes=limits.max_decoded_bytes,
    )


def page_cache(settings: Settings) -> PageCache:
    return PageCache(settings.home / "cache" / "pages")


def document_cache(settings: Settings) -> DocumentCache:
    return DocumentCache(settings.home / "cache" / "documents")


def extraction_key(sha256: str, settings: Settings) -> ExtractionKey:
    return ExtractionKey(
        sha256, extractor_fingerprint(), read_settings_key(read_options(settings), settings.limits.max_file_bytes)
    )


def is_extracted(sha256: str | None, settings: Settings) -> bool:
    """True when content with this hash is already in the extraction cache."""
    return sha256 is not None and document_cache(settings).contains(extraction_key(sha256, settings))


def process_document(
    path: Path, inbox_root: Path, settings: Settings, sha256: str | None = None
) -> ExtractedDocument | Rejection:
    """Extract one document; a file that cannot be read becomes a Rejection with the reason, never an error.
    So does a fault of the reading code on this one file (its class and message are the reason): the rest of
    the shipment and of the run go on, and the file is quarantined like any unreadable one.

    `sha256`, when the caller hashed the file already (an inbox snapshot), finds a cached extraction without
    reading the file again.
    """
    try:
        options = read_options(settings)
        return extract_with_cache(
            path,
            inbox_root,
            options,
            settings.limits.max_file_bytes,
            page_cache(settings),
            document_cache(settings),
            known_sha256=sha256,
        )
    except UnreadableDocument as err:
        return rejected(path, inbox_root, str(err))
    except OSError as err:
        return rejected(path, inbox_root, f"the file could not be read ({err.strerror or err})")
    except Exception as err:
        log.exception("reading %s failed", path)  # the traceback, for whoever fixes the reader
        return rejected(path, inbox_root, f"reading failed on an error in oretrace ({type(err).__name__}: {err})")


def without_pages(outcome: ExtractedDocument | Rejection) -> ExtractedDocument | Rejection:
    """The outcome as a run carries it between stages: fields and classification, not the pages' words, which
    stay in the extraction cache until the shipment is checked (so a long backlog is never held at once). The
    outline of each page's boxes (`BoxOutline`) is built here, while the pages are at hand, and travels with
    it, so the checks need not build the boxes again from the cached pages."""
    if isinstance(outcome, Rejection):
        return outcome
    outlines = {page.number: outcome.box_outline(page) or PageBoxes(page).outline for page in outcome.pages}
    return outcome.model_copy(update={"pages": [], "box_outlines": outlines})


def with_pages(document: ExtractedDocument, inbox_root: Path, settings: Settings) -> ExtractedDocument:
    """A document from `without_pages` made whole again from the extraction cache; one missing from the cache
    (evicted, or extracted on another machine) is read again from its file."""
    if document.pages:
        return document
    cached = document_cache(settings).get(extraction_key(document.source.sha256, settings))
    if cached is None:
        cached = process_document(inbox_root / document.source.path, inbox_root, settings)
        if isinstance(cached, Rejection) or cached.source.sha256 != document.source.sha256:
            return document  # the file changed or vanished since: checked on the fields read before
    return document.model_copy(update={"pages": cached.pages})


def rejected(path: Path, inbox_root: Path, reason: str) -> Rejection:
    """The file refused with `reason`, placed in its shipment."""
    where = placement(path, inbox_root)
    return Rejection(source_path=where["path"], shipment_id=where["shipment_id"], reason=reason)


def with_embedded(outcomes: list[ExtractedDocument | Rejection]) -> list[ExtractedDocument | Rejection]:
    """Each document followed by the PDFs it embeds (and those refused), every one a document of the shipment;
    the carrier no longer holds them, so each is checked and stored once, as itself."""
    flat: list[ExtractedDocument | Rejection] = []
    for outcome in outcomes:
        if isinstance(outcome, Rejection) or not (outcome.embedded_documents or outcome.embedded_rejections):
            flat.append(outcome)
            continue
        flat.append(outcome.model_copy(update={"embedded_documents": [], "embedded_rejections": []}))
        flat += [*outcome.embedded_documents, *outcome.embedded_rejections]
    return flat


def judge_shipment(
    shipment_id: str,
    documents: list[ExtractedDocument],
    reference: ReferenceData | None = None,
    supplier_templates: Mapping[str, DueDiligenceTemplate] | None = None,
) -> ShipmentJudgement:
    """A shipment's documents taken together: the origin they declare, the checks' findings, the facts."""
    context = ShipmentContext.build(
        documents, reference, shipment_id=shipment_id, supplier_templates=supplier_templates
    )
    return ShipmentJudgement(
        declared_origin=context.declared_origin,
        findings=run_checks(context),
        reference_version=context.reference.version,
        facts=shipment_facts(context),
    )


def shipment_result(
    shipment_id: str, outcomes: list[ExtractedDocument | Rejection], judgement: ShipmentJudgement
) -> ShipmentResult:
    """The shipment as it is stored: its documents (embedded ones as their own), its rejections, the judgement."""
    outcomes = with_embedded(outcomes)
    return ShipmentResult(
        shipment_id=shipment_id,
        documents=[o for o in outcomes if isinstance(o, ExtractedDocument)],
        rejected=[o for o in outcomes if isinstance(o, Rejection)],
        declared_origin=judgement.declared_origin,
        findings=judgement.findings,
        reference_version=judgement.reference_version,
        facts=judgement.facts,
    )


def assemble_shipment(
    shipment_id: str,
    outcomes: list[ExtractedDocument | Rejection],
    reference: ReferenceData | None = None,
    supplier_templates: Mapping[str, DueDiligenceTemplate] | None = None,
) -> ShipmentResult:
    """A shipment's documents and rejections with their judgement (`judge_shipment`)."""
    documents = [o for o in with_embedded(outcomes) if isinstance(o, ExtractedDocument)]
    return shipment_result(shipment_id, outcomes, judge_shipment(shipment_id, documents, reference, supplier_templates))
