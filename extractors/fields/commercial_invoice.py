"""Commercial invoice fields."""

from __future__ import annotations

from oretrace.core.models import DocType, FieldValue
from oretrace.extractors.fields import parsers
from oretrace.extractors.fields.labels import LABELS
from oretrace.extractors.fields.letterhead import (
    address_block_name,
    letterhead_name,
    title_reference,
    unlabelled_date,
)
from oretrace.extractors.fields.registry import register
from oretrace.extractors.fields.running_text import MARKS_ORIGIN, declared_origin_in_text, hs_code_in_text
from oretrace.extractors.fields.spec import (
    LabelledField,
    bare_number,
    extract_labelled,
    first_found,
)
from oretrace.extractors.fields.totals import (
    AmountField,
    amount_column_total,
    currency_near_amounts,
    weight_field,
    weights_in_total_row,
)
from oretrace.extractors.fields.view import DocumentView

# 'MADE IN CANADA' on an invoice is a line of the shipping marks painted on the packages, not the origin the
# invoice declares in its own box or sentence.
ORIGIN_LABELS = tuple(label for label in LABELS["country_of_origin"] if label not in MARKS_ORIGIN)
FIELDS = (
    LabelledField("invoice_number", LABELS["invoice_number"], parsers.identifier),
    LabelledField("invoice_date", LABELS["invoice_date"], parsers.date),
    LabelledField("seller_name", LABELS["seller_name"], parsers.party_name, inline_needs_colon=True),
    LabelledField("buyer_name", LABELS["buyer_name"], parsers.party_name, inline_needs_colon=True),
    LabelledField("hs_code", LABELS["hs_code"], parsers.hs_code),
    weight_field("net_weight_kg"),
    AmountField("total_amount", LABELS["total_amount"], parsers.amount),
    LabelledField("currency", LABELS["currency"], parsers.currency),
    LabelledField("country_of_origin", ORIGIN_LABELS, parsers.country),
)


@register(DocType.COMMERCIAL_INVOICE)
def extract(view: DocumentView) -> dict[str, FieldValue]:
    values, skip = extract_labelled(view, FIELDS)
    title_number, title_date = title_reference(view)
    values["invoice_number"] = first_found(values["invoice_number"], title_number, bare_number(view, "invoice_number"))
    # A date the title line gives its number ('Nr. 471102 vom 05.03.2018') is the invoice's own; a 'Date'
    # label may head another one (delivery, due, order).
    values["invoice_date"] = first_found(title_date, values["invoice_date"], unlabelled_date(view, "invoice_date"))
    values["seller_name"] = first_found(
        values["seller_name"], letterhead_name(view, "seller_name", skip, first_line=True)
    )
    seller = values["seller_name"].value if values["seller_name"].found else None
    values["buyer_name"] = first_found(
        values["buyer_name"], address_block_name(view, "buyer_name", skip, str(seller) if seller else None)
    )
    values["country_of_origin"] = first_found(
        values["country_of_origin"], declared_origin_in_text(view, "country_of_origin", marks_declare=False)
    )
    if not values["total_amount"].found:
        values["total_amount"] = first_found(values["total_amount"], amount_column_total(view))
    values["currency"] = first_found(values["currency"], _currency_of_total(values["total_amount"]),
                                     currency_near_amounts(view, "currency"))  # fmt: skip
    values["net_weight_kg"] = first_found(values["net_weight_kg"], weights_in_total_row(view, "net_weight_kg"))
    values["hs_code"] = first_found(values["hs_code"], hs_code_in_text(view))
    return values


def _currency_of_total(total: FieldValue) -> FieldValue:
    """The currency written beside the total ('USD 123,456.00')."""
    if not total.found:
        return FieldValue.missing("currency", "no total to read a currency from")
    parsed = parsers.currency(total.evidence[0].text)
    if not parsed.found:
        return FieldValue.missing("currency", parsed.reason or "no currency beside the total")
    return total.model_copy(update={"name": "currency", "value": parsed.value, "raw": total.evidence[0].text})
