"""qr_certificate_mismatch (high): a certificate of origin's QR code names another certificate than the one
printed on it.

Issuing chambers print a QR code that leads to their verification page for that certificate
('...verify?cert=CO-2025-004711') or holds its number. A code copied from another certificate onto an altered
or forged one still scans, and the page it leads to shows the other certificate; nobody on the review side
fetches it (oretrace stays offline), but the number it carries can be compared with the printed one.

Only two-dimensional codes (QR, Data Matrix, Aztec) are read for a number; a payload that carries none (a bare
verification URL with an opaque token) is no evidence either way. Numbers are compared without spaces,
dashes, slashes and dots, in upper case. Evidence: the printed number and the code's box.
"""

from __future__ import annotations

import re

from oretrace.checks.context import ShipmentContext
from oretrace.checks.registry import CHECKS, register
from oretrace.core.models import DocType, Evidence, Finding, Severity
from oretrace.extractors.barcodes import MATRIX, certificate_number_in


def _bare(number: str) -> str:
    return re.sub(r"[^0-9A-Z]", "", number.upper())


@register("qr_certificate_mismatch", Severity.HIGH, "A certificate's QR code names another certificate number")
def qr_certificate_mismatch(shipment: ShipmentContext) -> list[Finding]:
    check = CHECKS["qr_certificate_mismatch"]
    findings: list[Finding] = []
    for document in shipment.of_type(DocType.CERTIFICATE_OF_ORIGIN):
        printed = document.fields.get("certificate_number")
        if printed is None or not isinstance(printed.value, str):
            continue
        for page in document.pages:
            for code in page.codes:
                carried = certificate_number_in(code.text) if code.format in MATRIX else None
                if carried is None or _bare(carried) == _bare(printed.value):
                    continue
                message = (
                    f"The certificate of origin {document.source.path} prints the certificate number "
                    f"{printed.value}, but the QR code on its page {page.number} carries {carried} "
                    f"({code.text[:120]}): the code belongs to another certificate, or the printed number "
                    "was changed."
                )
                code_evidence = Evidence(
                    page=page.number, bbox=code.bbox, text=code.text, document_id=document.document_id
                )
                findings.append(check.finding(message, [*printed.evidence, code_evidence]))
    return findings
