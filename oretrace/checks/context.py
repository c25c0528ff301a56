"""What a check sees: one shipment's documents, the origin they declare, the reference data, and (lazily) the
NER pipeline and page geometry per document (the entities the checks use: `checks.entities`)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from oretrace.checks.text import DocumentText, PageText, field_evidence
from oretrace.core.models import DocType, DueDiligenceTemplate, Evidence, ExtractedDocument
from oretrace.core.shipment import ORIGIN_AUTHORITY
from oretrace.reference import ReferenceData, default_reference

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

T = TypeVar("T")
NlpLoader = Callable[[ReferenceData], "Language | None"]


def load_default_nlp(reference: ReferenceData) -> Language | None:
    """The project's NER pipeline with a ruler for `reference`'s smelters; None (checks fall back to the
    gazetteer) when it cannot be loaded."""
    # Imported on first use: spaCy takes most of a second to import, and extraction alone never needs it.
    from oretrace.nlp_models.pipeline import load_pipeline

    try:
        return load_pipeline(reference)
    except Exception as err:  # a missing or broken model must not stop the checks
        log.warning("NER pipeline unavailable, using the gazetteer only: %s", err)
        return None


def no_nlp(reference: ReferenceData) -> None:
    return None


@dataclass(frozen=True)
class ShipmentContext:
    documents: tuple[ExtractedDocument, ...]
    declared_origin: str | None  # ISO 3166-1 alpha-2, from the certificate of origin, else the invoice
    reference: ReferenceData
    shipment_id: str | None = None
    load_nlp: NlpLoader = load_default_nlp
    # RMI templates loaded per supplier (`oretrace suppliers load`), by folded supplier name.
    supplier_templates: Mapping[str, DueDiligenceTemplate] = field(default_factory=dict)
    # Results computed on first use and shared by the checks (entities, statements, smelter mentions).
    _memo: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def build(
        cls,
        documents: Iterable[ExtractedDocument],
        reference: ReferenceData | None = None,
        *,
        shipment_id: str | None = None,
        load_nlp: NlpLoader = load_default_nlp,
        supplier_templates: Mapping[str, DueDiligenceTemplate] | None = None,
    ) -> ShipmentContext:
        docs = tuple(documents)
        origin_doc = _origin_document(docs)
        origin = origin_doc.value("country_of_origin") if origin_doc else None
        return cls(
            documents=docs,
            declared_origin=origin if isinstance(origin, str) else None,
            reference=reference or default_reference(),
            shipment_id=shipment_id,
            load_nlp=load_nlp,
            supplier_templates=supplier_templates or {},
        )

    # --- shared, computed once ----------------------------------------------------------------------------

    def memo(self, key: Any, compute: Callable[[], T]) -> T:
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def of_type(self, doc_type: DocType) -> list[ExtractedDocument]:
        return [d for d in self.documents if d.doc_type == doc_type]

    @property
    def origin_document(self) -> ExtractedDocument | None:
        """The document the declared origin was taken from."""
        return self.memo("origin_document", lambda: _origin_document(self.documents))

    @property
    def origin_evidence(self) -> list[Evidence]:
        doc = self.origin_document
        return field_evidence(doc, "country_of_origin") if doc else []

    def text(self, document: ExtractedDocument) -> DocumentText:
        return self.memo(("text", document.document_id), lambda: DocumentText(document))

    def page_text(self, document: ExtractedDocument, page: int) -> PageText:
        return self.text(document).pages[page]

    @property
    def nlp(self) -> Language | None:
        return self.memo("nlp", lambda: self.load_nlp(self.reference))


def _origin_document(documents: tuple[ExtractedDocument, ...]) -> ExtractedDocument | None:
    """The document whose country of origin is the declared one: certificate of origin, then invoice."""
    for doc_type in ORIGIN_AUTHORITY:
        for document in documents:
            if document.doc_type == doc_type and isinstance(document.value("country_of_origin"), str):
                return document
    return None
