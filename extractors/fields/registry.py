"""One field extractor per document type, looked up by type."""

from __future__ import annotations

from collections.abc import Callable

from extractors.fields.parsers import DECIMAL_MARK
from extractors.fields.view import DocumentView
from extractors.normalize import detect_decimal_convention
from oretrace.models import FIELDS_BY_TYPE, DocType, FieldValue, Page

FieldExtractor = Callable[[DocumentView], dict[str, FieldValue]]

EXTRACTORS: dict[DocType, FieldExtractor] = {}


def register(doc_type: DocType) -> Callable[[FieldExtractor], FieldExtractor]:
    def add(extractor: FieldExtractor) -> FieldExtractor:
        EXTRACTORS[doc_type] = extractor
        return extractor

    return add


def extract_fields(doc_type: DocType, pages: list[Page]) -> dict[str, FieldValue]:
    """Every canonical field of the type: a value with evidence, or absent with a reason."""
    extractor = EXTRACTORS.get(doc_type)
    if extractor is None:
        return {}
    view = DocumentView(pages)
    token = DECIMAL_MARK.set(detect_decimal_convention(p.text for row in view.rows for p in row))
    try:
        found = extractor(view)
    finally:
        DECIMAL_MARK.reset(token)
    return {
        name: found.get(name) or FieldValue.missing(name, "not extracted for this document type")
        for name in FIELDS_BY_TYPE[doc_type]
    }
