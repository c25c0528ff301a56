"""A shipment's documents taken together: the origin it declares."""

from __future__ import annotations

from oretrace.models import DocType, ExtractedDocument

# The certificate of origin is the document that legally states origin; the invoice is a fallback.
ORIGIN_AUTHORITY = (DocType.CERTIFICATE_OF_ORIGIN, DocType.COMMERCIAL_INVOICE)


def declared_origin(documents: list[ExtractedDocument]) -> str | None:
    for doc_type in ORIGIN_AUTHORITY:
        for document in documents:
            if document.doc_type == doc_type:
                value = document.value("country_of_origin")
                if isinstance(value, str):
                    return value
    return None
