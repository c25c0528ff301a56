"""Canonical fields per document type; importing the package registers every type's extractor."""

from oretrace.extractors.fields import assay_certificate, certificate_of_origin, commercial_invoice, packing_list
from oretrace.extractors.fields.registry import EXTRACTORS, extract_fields

__all__ = [
    "EXTRACTORS",
    "assay_certificate",
    "certificate_of_origin",
    "commercial_invoice",
    "extract_fields",
    "packing_list",
]
