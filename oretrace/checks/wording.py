"""Words for messages: country and document names a reviewer reads without looking anything up."""

from __future__ import annotations

from collections.abc import Sequence

import pycountry

from oretrace.core.models import DocType

DOC_NAMES: dict[DocType, str] = {
    DocType.COMMERCIAL_INVOICE: "commercial invoice",
    DocType.PACKING_LIST: "packing list",
    DocType.CERTIFICATE_OF_ORIGIN: "certificate of origin",
    DocType.ASSAY_CERTIFICATE: "assay certificate",
    DocType.DUE_DILIGENCE_TEMPLATE: "reporting template",
    DocType.OTHER: "unclassified document",
}


def country(iso2: str | None) -> str:
    """'China (CN)'; the bare code when pycountry does not know it."""
    if not iso2:
        return "an unknown country"
    record = pycountry.countries.get(alpha_2=iso2)
    if record is None:
        return iso2
    name = getattr(record, "common_name", None) or record.name
    return f"{name} ({iso2})"


def document(doc_type: DocType) -> str:
    return DOC_NAMES[doc_type]


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def enumerate_words(items: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    items = list(dict.fromkeys(items))
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def kg(value: float) -> str:
    """'20,000 kg', '19,123.5 kg', '19.244 kg' (no decimals hidden, none invented)."""
    return f"{value:,.3f}".rstrip("0").rstrip(".") + " kg"


def declared_by(doc_type: DocType | None) -> str:
    """'The certificate of origin declares' / 'The commercial invoice declares'."""
    return f"The {document(doc_type)} declares" if doc_type else "The documents declare"
