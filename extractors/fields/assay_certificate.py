"""Assay certificate (certificate of analysis) fields."""

from __future__ import annotations

from oretrace.core.folding import fold
from oretrace.core.models import DocType, FieldValue
from oretrace.extractors.fields import parsers
from oretrace.extractors.fields.composition import extract_composition
from oretrace.extractors.fields.labels import LABELS
from oretrace.extractors.fields.letterhead import laboratory_name
from oretrace.extractors.fields.registry import register
from oretrace.extractors.fields.spec import LabelledField, extract_labelled
from oretrace.extractors.fields.view import DocumentView

# The shipment's parties named on the certificate ('Client:', 'Exporter:', a report addressed 'Para:' / 'To:'
# its client): never its laboratory.
PARTY_FIELDS = (
    LabelledField(
        "seller_name",
        (*LABELS["seller_name"], "client", "cliente", "customer", "applicant", "solicitante", "para", "to", "pour"),
        parsers.party_name,
        inline_needs_colon=True,
    ),
)

FIELDS = (
    LabelledField("certificate_number", LABELS["certificate_number"], parsers.certificate_reference),
    LabelledField("laboratory", LABELS["laboratory"], parsers.party_name, inline_needs_colon=True),
    LabelledField("lot_number", LABELS["lot_number"], parsers.identifier),
    LabelledField("smelter_name", LABELS["smelter_name"], parsers.party_name, inline_needs_colon=True),
)


@register(DocType.ASSAY_CERTIFICATE)
def extract(view: DocumentView) -> dict[str, FieldValue]:
    values, skip = extract_labelled(view, FIELDS)
    parties = {fold(v.value) for v in extract_labelled(view, PARTY_FIELDS)[0].values() if isinstance(v.value, str)}
    values["laboratory"] = laboratory_name(view, values["laboratory"], skip, parties)
    values["composition_pct"] = extract_composition(view)
    return values
