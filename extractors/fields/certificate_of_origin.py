"""Certificate of origin fields (ATIGA Form D, USMCA certification, chamber-of-commerce certificates)."""

from __future__ import annotations

from oretrace.core.folding import fold
from oretrace.core.models import DocType, FieldValue
from oretrace.extractors.fields import parsers
from oretrace.extractors.fields.labels import LABELS
from oretrace.extractors.fields.letterhead import letterhead_name
from oretrace.extractors.fields.registry import register
from oretrace.extractors.fields.running_text import declared_origin_in_text, hs_code_in_text, party_in_text
from oretrace.extractors.fields.spec import (
    LabelledField,
    bare_number,
    extract_labelled,
    field_value,
    first_found,
)
from oretrace.extractors.fields.totals import weight_field, weights_in_total_row
from oretrace.extractors.fields.view import Candidate, DocumentView

# The certifying side of a certificate, whose place and date are the certificate's issue (the exporter's
# declaration has a place and date of its own).
CERTIFYING_WORDS = frozenset(
    """certifying certification certified authority authorities customs endorsement issuing issue issued
    certificacion certifica autoridad aduana visado expedicion emision certificat visa douane delivrance
    chamber camara""".split()
)

# A certificate's 'Document No.' is its own number, not the invoice's; a bare 'Factura' caption on a certificate
# introduces the invoice it covers (on an invoice it is the title, read by the title line).
INVOICE_LABELS = (
    *(label for label in LABELS["invoice_number"] if label not in ("document no", "doc no")),
    "factura",
    "fatura",
    "facture",
)

# The wording of an origin declaration the exporter makes out on its own invoice or an annex to it (the EU
# agreements' text: 'The exporter of the products covered by this document ... declares that ...'), in English,
# French, Spanish and Portuguese: the paper is the exporter's own, so its letterhead names the exporter.
EXPORTERS_DECLARATION = (
    "exporter of the products covered by this document",
    "exportateur des produits couverts par le present document",
    "exportador de los productos incluidos en el presente documento",
    "exportador dos produtos abrangidos pelo presente documento",
)

FIELDS = (
    LabelledField("certificate_number", LABELS["certificate_number"], parsers.identifier),
    LabelledField("exporter_name", LABELS["exporter_name"], parsers.party_name, inline_needs_colon=True),
    LabelledField("consignee_name", LABELS["consignee_name"], parsers.party_name, inline_needs_colon=True),
    LabelledField("country_of_origin", LABELS["country_of_origin"], parsers.country, join_lines=True),
    LabelledField("hs_code", LABELS["hs_code"], parsers.hs_code),
    weight_field("net_weight_kg"),
    LabelledField("invoice_number", INVOICE_LABELS, parsers.identifier),
    LabelledField("issue_date", LABELS["issue_date"], parsers.date, look_above=True, prefer_words=CERTIFYING_WORDS),
)


@register(DocType.CERTIFICATE_OF_ORIGIN)
def extract(view: DocumentView) -> dict[str, FieldValue]:
    values, skip = extract_labelled(view, FIELDS)
    values["certificate_number"] = first_found(values["certificate_number"], bare_number(view, "certificate_number"))
    if is_exporters_declaration(view):
        values["exporter_name"] = first_found(values["exporter_name"], letterhead_name(view, "exporter_name", skip))
        if values["certificate_number"].found and not values["invoice_number"].found:
            # Made out on the exporter's invoice, the declaration has no number of its own: 'No. 2025/0604' at
            # its head is the invoice's.
            values["invoice_number"] = values["certificate_number"].model_copy(update={"name": "invoice_number"})
            values["certificate_number"] = FieldValue.missing(
                "certificate_number", "an origin declaration on the exporter's own paper has no number of its own"
            )
    for party in ("exporter_name", "consignee_name"):
        values[party] = first_found(values[party], party_in_text(view, party))
    values["country_of_origin"] = first_found(
        values["country_of_origin"], declared_origin_in_text(view, "country_of_origin")
    )
    values["net_weight_kg"] = first_found(values["net_weight_kg"], weights_in_total_row(view, "net_weight_kg"))
    values["hs_code"] = first_found(values["hs_code"], hs_code_in_text(view))
    values["issue_date"] = first_found(certified_date(view), values["issue_date"])
    return values


def is_exporters_declaration(view: DocumentView) -> bool:
    text = " ".join(fold(phrase.text) for row in view.rows for phrase in row)
    return any(wording in text for wording in EXPORTERS_DECLARATION)


def certified_date(view: DocumentView) -> FieldValue:
    """The date the certifying side wrote in its box ('12. Certification ... Hanoi, 2025-10-08', 'CERTIFICACIÓN
    DE ORIGEN ... La Paz, 3 de marzo de 2025'), labelled or not: the certificate's issue date, whatever other
    dates (the exporter's declaration, the invoice's) carry a 'Date' label."""
    for box in view.boxes():
        if len(box.lines) < 2 or not CERTIFYING_WORDS & set(fold(" ".join(w.text for w in box.lines[0])).split()):
            continue
        for line in reversed(box.lines[1:]):  # the place and date close the box
            text = " ".join(w.text for w in line)
            parsed = parsers.date(text)
            if parsed.found:
                candidate = Candidate(text, line, box.page, "box")
                return field_value("issue_date", parsed.value, candidate)
    return FieldValue.missing("issue_date", "no date in a certifying box")
