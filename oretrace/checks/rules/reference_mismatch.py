"""reference_mismatch (medium): the certificate of origin or packing list cites another invoice number.

Numbers are compared after removing case, spaces and punctuation ("INV 2025/0423" == "inv-2025-0423"), so
that only a different number counts, not a different way of writing it. Documents without a readable number
are skipped. A difference that rests on a number the OCR read with low confidence
(`checks.text.DOUBTFUL_CONFIDENCE`), or one the extractor did not read beside its own label
(`checks.text.WEAK_EXTRACTION`), or on a document the classifier took for its type on little evidence
(`checks.text.DOUBTFUL_TYPE`: another form's number read under this type's labels), or one character OCR mistakes
for another on a scanned page ('FXP-2507-075' against 'EXP-2507-075', `checks.text.ocr_lookalike`), is reported
LOW: OCR inserts and swaps characters too, and a reviewer should compare the page before the shipment is flagged.
"""

from __future__ import annotations

import re

from oretrace.checks import wording
from oretrace.checks.context import ShipmentContext
from oretrace.checks.registry import register
from oretrace.checks.text import (
    DOUBTFUL_CONFIDENCE,
    WEAK_EXTRACTION,
    doubtful_type,
    field_evidence,
    ocr_lookalike,
    read_by_ocr,
    reading_confidence,
)
from oretrace.core.models import DocType, Finding, Severity

CITING = (DocType.CERTIFICATE_OF_ORIGIN, DocType.PACKING_LIST)


def normalise(number: str) -> str:
    return re.sub(r"[\W_]+", "", number).upper()


@register("reference_mismatch", Severity.MEDIUM, "A document cites another invoice number")
def reference_mismatch(shipment: ShipmentContext) -> list[Finding]:
    invoices = [
        (doc, value)
        for doc in shipment.of_type(DocType.COMMERCIAL_INVOICE)
        if isinstance(value := doc.value("invoice_number"), str) and normalise(value)
    ]
    if not invoices:
        return []
    known = {normalise(value) for _, value in invoices}
    findings: list[Finding] = []
    for doc_type in CITING:
        for document in shipment.of_type(doc_type):
            cited = document.value("invoice_number")
            if not isinstance(cited, str) or not normalise(cited) or normalise(cited) in known:
                continue
            invoice_numbers = wording.enumerate_words([f"'{v}'" for _, v in invoices])
            message = (
                f"The {wording.document(doc_type)} cites invoice '{cited}', but the commercial invoice is "
                f"{invoice_numbers}."
            )
            readings = [(document, reading_confidence(document, "invoice_number"))]
            readings += [(invoice, reading_confidence(invoice, "invoice_number")) for invoice, _ in invoices]
            doubtful = [(doc, conf) for doc, conf in readings if conf < DOUBTFUL_CONFIDENCE]
            if doubtful:
                where = wording.enumerate_words(
                    [f"on the {wording.document(d.doc_type)} ({c:.2f})" for d, c in doubtful]
                )
                message += f" The OCR read the number with low confidence {where}: compare the page."
            unlabelled = [
                doc
                for doc in (document, *(invoice for invoice, _ in invoices))
                if (field := doc.fields.get("invoice_number")) is not None and field.confidence < WEAK_EXTRACTION
            ]
            if unlabelled:
                where = wording.enumerate_words([f"the {wording.document(d.doc_type)}" for d in unlabelled])
                message += f" The number on {where} was not read beside its own label: compare the page."
            # 'FXP-2507-075' for 'EXP-2507-075': one character OCR mistakes for another, on a page it read.
            lookalike = any(ocr_lookalike(normalise(cited), number) for number in known) and any(
                read_by_ocr(doc, "invoice_number") for doc in (document, *(invoice for invoice, _ in invoices))
            )
            if lookalike:
                message += " The numbers differ in one character OCR mistakes for another: compare the page."
            typed_on_little = [doc for doc in (document, *(invoice for invoice, _ in invoices)) if doubtful_type(doc)]
            for doc in typed_on_little:
                message += (
                    f" The document read as the {wording.document(doc.doc_type)} was taken for one on little "
                    "evidence: compare the page."
                )
            evidence = field_evidence(document, "invoice_number") + [
                e for invoice, _ in invoices for e in field_evidence(invoice, "invoice_number")
            ]
            weak = doubtful or unlabelled or typed_on_little or lookalike
            findings.append(reference_mismatch.finding(message, evidence, Severity.LOW if weak else None))
    return findings
