"""Assay certificate (certificate of analysis) fields."""

from __future__ import annotations

from oretrace.core.models import DocType, FieldValue
from oretrace.extractors.fields import parsers
from oretrace.extractors.fields.composition import extract_composition
from oretrace.extractors.fields.labels import LABELS
from oretrace.extractors.fields.letterhead import letterhead_name
from oretrace.extractors.fields.registry import register
from oretrace.extractors.fields.spec import LabelledField, extract_labelled, first_found
from oretrace.extractors.fields.view import DocumentView

FIELDS = (
    LabelledField("certificate_number", LABELS["certificate_number"], parsers.certificate_reference),
    LabelledField("laboratory", LABELS["laboratory"], parsers.party_name, inline_needs_colon=True),
    LabelledField("lot_number", LABELS["lot_number"], parsers.identifier),
    LabelledField("smelter_name", LABELS["smelter_name"], parsers.party_name, inline_needs_colon=True),
)


@register(DocType.ASSAY_CERTIFICATE)
def extract(view: DocumentView) -> dict[str, FieldValue]:
    values, skip = extract_labelled(view, FIELDS)
    values["laboratory"] = first_found(values["laboratory"], letterhead_name(view, "laboratory", skip))
    values["composition_pct"] = extract_composition(view)
    return values
