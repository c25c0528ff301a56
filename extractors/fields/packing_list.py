"""Packing list fields."""

from __future__ import annotations

from oretrace.core.models import DocType, FieldValue
from oretrace.extractors.fields import parsers
from oretrace.extractors.fields.labels import LABELS
from oretrace.extractors.fields.registry import register
from oretrace.extractors.fields.spec import LabelledField, extract_labelled, first_found
from oretrace.extractors.fields.totals import (
    ColumnTotalField,
    lot_numbers,
    packages_in_total_row,
    packages_numbered,
    packages_said,
    total_of_repeated_label,
    weight_field,
    weights_in_total_row,
)
from oretrace.extractors.fields.view import DocumentView

# On a packing list a bare 'Ref.' line cites the invoice the goods were packed for ('Ref.: INV-2025-0042');
# 'Our ref.' is the packing list's own number and is another label.
INVOICE_LABELS = (*LABELS["invoice_number"], "ref", "reference", "referencia")

WEIGHTS = (weight_field("net_weight_kg"), weight_field("gross_weight_kg"))
FIELDS = (
    LabelledField("invoice_number", INVOICE_LABELS, parsers.identifier),
    *WEIGHTS,
    ColumnTotalField("package_count", LABELS["package_count"], parsers.count),
)


@register(DocType.PACKING_LIST)
def extract(view: DocumentView) -> dict[str, FieldValue]:
    values, skip = extract_labelled(view, FIELDS)
    values["lot_numbers"] = lot_numbers(view, skip)
    values["package_count"] = first_found(
        values["package_count"], packages_in_total_row(view), packages_said(view), packages_numbered(view)
    )
    for field in WEIGHTS:
        # Subtotals under every lot carry the same label as the total; the first one read is not the total.
        total = total_of_repeated_label(view, field.name)
        values[field.name] = (
            total if total.found else first_found(values[field.name], weights_in_total_row(view, field.name))
        )
    return values
