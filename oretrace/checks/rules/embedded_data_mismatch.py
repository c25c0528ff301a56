"""embedded_data_mismatch (high): a printed invoice says something other than the e-invoice XML it embeds.

A Factur-X / ZUGFeRD / XRechnung invoice is one document twice: the page a person reads and the XML a
buyer's system books. The extractor takes the XML's values as the invoice's fields and keeps the page's own
reading beside them (`ExtractedDocument.embedded_invoice.page_fields`); this check compares the two for the
total, currency, seller, buyer, country of origin and net weight.

A page value that was not read is no evidence. Because the page's reading of a field can pick the wrong
number or name, a difference counts only when the XML's value is printed nowhere on the page either: an
amount or weight in any decimal convention (a credit note may print its total negative while its XML states
it positive), each word of a name. Evidence: the page words and the XML element.
"""

from __future__ import annotations

import re

from oretrace.checks import wording
from oretrace.checks.context import ShipmentContext
from oretrace.checks.registry import CHECKS, register
from oretrace.core.folding import fold
from oretrace.core.models import ExtractedDocument, FieldData, Finding, Severity
from oretrace.extractors.normalize.numbers import find_numbers, prepare

FIELDS = ("total_amount", "currency", "seller_name", "buyer_name", "country_of_origin", "net_weight_kg")
NUMBERS = frozenset({"total_amount", "net_weight_kg"})
NAMES = frozenset({"seller_name", "buyer_name"})
LABELS = {
    "total_amount": "a total of",
    "currency": "the currency",
    "seller_name": "the seller",
    "buyer_name": "the buyer",
    "country_of_origin": "the country of origin",
    "net_weight_kg": "a net weight of",
}
# Half a cent, or a rounding of the last printed digit of a weight.
ABSOLUTE_TOLERANCE = 0.005
RELATIVE_TOLERANCE = 0.0005


def _printed_numbers(document: ExtractedDocument) -> list[float]:
    found: list[float] = []
    for page in document.pages:
        for hint in (".", ","):
            found += [abs(n.value) for n in find_numbers(prepare(page.text), hint) if n.value is not None]
    return found


def _close(a: float, b: float) -> bool:
    return abs(abs(a) - abs(b)) <= max(ABSOLUTE_TOLERANCE, RELATIVE_TOLERANCE * abs(a))


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", fold(text)))


def _differs(document: ExtractedDocument, name: str, xml: FieldData, page: FieldData) -> bool:
    if name in NUMBERS and isinstance(xml, int | float) and isinstance(page, int | float):
        return not _close(float(xml), float(page)) and not any(
            _close(float(xml), n) for n in _printed_numbers(document)
        )
    if name in NAMES and isinstance(xml, str) and isinstance(page, str):
        printed = set().union(*(_words(p.text) for p in document.pages)) | _words(page)
        return not _words(xml) <= printed
    return xml != page


def _shown(name: str, value: FieldData) -> str:
    if name == "country_of_origin" and isinstance(value, str):
        return wording.country(value)
    if name == "net_weight_kg" and isinstance(value, int | float):
        return wording.kg(float(value))
    if name == "total_amount" and isinstance(value, int | float):
        return f"{value:,.2f}"
    return repr(value) if name in NAMES else str(value)


@register("embedded_data_mismatch", Severity.HIGH, "The printed invoice differs from its embedded XML")
def embedded_data_mismatch(shipment: ShipmentContext) -> list[Finding]:
    check = CHECKS["embedded_data_mismatch"]
    findings: list[Finding] = []
    for document in shipment.documents:
        embedded = document.embedded_invoice
        if embedded is None:
            continue
        for name in FIELDS:
            xml, page = document.fields.get(name), embedded.page_fields.get(name)
            if xml is None or page is None or xml.value is None or page.value is None:
                continue
            if not _differs(document, name, xml.value, page.value):
                continue
            element = xml.evidence[0].element if xml.evidence else None
            message = (
                f"The printed {wording.document(document.doc_type)} {document.source.path} states "
                f"{LABELS[name]} {_shown(name, page.value)}, but its embedded {embedded.attachment} states "
                f"{_shown(name, xml.value)}" + (f" ({element.rsplit('/', 1)[-1]})" if element else "")
                + ": the data a buyer's system books is not what the page shows."
            )  # fmt: skip
            findings.append(check.finding(message, [*page.evidence, *xml.evidence]))
    return findings
