"""One field extractor per document type, looked up by type."""

from __future__ import annotations

from collections.abc import Callable

from oretrace.core.models import FIELDS_BY_TYPE, DocType, FieldValue, Page
from oretrace.extractors.fields.parsers import DAY_FIRST, DECIMAL_MARK
from oretrace.extractors.fields.view import DocumentView
from oretrace.extractors.normalize import detect_day_first, detect_decimal_convention

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
    texts = [p.text for row in view.rows for p in row]
    token = DECIMAL_MARK.set(detect_decimal_convention(texts))
    day_first = DAY_FIRST.set(detect_day_first(texts))
    try:
        found = extractor(view)
    finally:
        DECIMAL_MARK.reset(token)
        DAY_FIRST.reset(day_first)
    return {
        name: found.get(name) or FieldValue.missing(name, "not extracted for this document type")
        for name in FIELDS_BY_TYPE[doc_type]
    }
