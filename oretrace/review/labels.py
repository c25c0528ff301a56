"""What the workspace's pages call checks, fields and document types. Ids stay ids in the JSON API, the CLI
and exports; pages show these labels (with the id at hand) instead.

Check labels are the titles the checks register with (oretrace.checks.registry), so a new check brings its
own; field and document-type labels are listed here for every field of core.models.FIELDS_BY_TYPE
(tests/test_review_labels.py keeps the lists complete). Anything unlisted is shown as its id in words.
"""

from __future__ import annotations

import oretrace.checks  # noqa: F401  (registers every check with its title)
from oretrace.checks.registry import CHECKS
from oretrace.core.models import DocType
from oretrace.store.portfolio import PORTFOLIO_CHECKS

FIELD_LABELS: dict[str, str] = {
    "invoice_number": "Invoice number",
    "invoice_date": "Invoice date",
    "seller_name": "Seller",
    "buyer_name": "Buyer",
    "hs_code": "HS code",
    "net_weight_kg": "Net weight (kg)",
    "gross_weight_kg": "Gross weight (kg)",
    "total_amount": "Total amount",
    "currency": "Currency",
    "country_of_origin": "Country of origin",
    "package_count": "Packages",
    "lot_numbers": "Lot numbers",
    "certificate_number": "Certificate number",
    "exporter_name": "Exporter",
    "consignee_name": "Consignee",
    "issue_date": "Date of issue",
    "laboratory": "Laboratory",
    "lot_number": "Lot number",
    "smelter_name": "Smelter or producer",
    "composition_pct": "Composition (mass %)",
}

DOC_TYPE_LABELS: dict[str, str] = {
    DocType.COMMERCIAL_INVOICE.value: "Commercial invoice",
    DocType.PACKING_LIST.value: "Packing list",
    DocType.CERTIFICATE_OF_ORIGIN.value: "Certificate of origin",
    DocType.ASSAY_CERTIFICATE.value: "Assay certificate",
    DocType.DUE_DILIGENCE_TEMPLATE.value: "Smelter reporting template (RMI)",
    DocType.OTHER.value: "Other document",
}


def _words(identifier: str) -> str:
    text = identifier.replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def check_label(check_id: str) -> str:
    check = CHECKS.get(check_id) or PORTFOLIO_CHECKS.get(check_id)
    return check.title if check else _words(check_id)


def field_label(name: str | None) -> str:
    return FIELD_LABELS.get(name, _words(name)) if name else "—"


def doc_type_label(doc_type: str | None) -> str:
    return DOC_TYPE_LABELS.get(doc_type, _words(doc_type)) if doc_type else "—"
