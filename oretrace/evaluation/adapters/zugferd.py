"""ZUGFeRD / Factur-X sample invoices (github.com/ZUGFeRD/corpus, Apache-2.0): the CII XML embedded in
each PDF, saved beside it, is the ground truth of its visible pages.

Mapping (UN/CEFACT Cross Industry Invoice paths): ExchangedDocument/ID -> invoice_number,
ExchangedDocument/IssueDateTime (format 102, YYYYMMDD) -> invoice_date, SellerTradeParty/Name ->
seller_name, BuyerTradeParty/Name -> buyer_name, SpecifiedTradeSettlementHeaderMonetarySummation/
GrandTotalAmount (taxes included) -> total_amount, InvoiceCurrencyCode -> currency. Credit notes
(type 381) are scored as invoices: they carry the same fields.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from oretrace.core.models import FieldData
from oretrace.evaluation.expected import ExpectedDocument

SET = "zugferd-corpus"
XML_SUFFIXES = (".zugferd-invoice.xml", ".factur-x.xml")
NS = {
    "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
    "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
    "udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
}
PATHS = {
    "invoice_number": "rsm:ExchangedDocument/ram:ID",
    "invoice_date": "rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString",
    "seller_name": ".//ram:SellerTradeParty/ram:Name",
    "buyer_name": ".//ram:BuyerTradeParty/ram:Name",
    "total_amount": ".//ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:GrandTotalAmount",
    "currency": ".//ram:ApplicableHeaderTradeSettlement/ram:InvoiceCurrencyCode",
}

_CREDIT_NOTE = "a credit note (type 381) states its amounts positive in the XML; the page prints -233,47 €"
_SALUTATION = "the XML name starts with the salutation 'Herrn' (Mr), which is not part of the name"
DISAGREEMENTS: dict[str, dict[str, str]] = {
    "ZUGFeRDv2/correct/FNFE-factur-x-examples/Avoir_FR_type381_BASIC.pdf": {"total_amount": _CREDIT_NOTE},
    "ZUGFeRDv2/correct/intarsys/BASIC/zugferd_2p0_BASIC_Rechnungskorrektur.pdf": {
        "seller_name": "the XML name holds the GLN and supplier number lines above 'MUSTERLIEFERANT GMBH'",
        "buyer_name": "the XML name holds the GLN and customer number lines above 'MUSTER-KUNDE GMBH'",
    },
    "ZUGFeRDv2/correct/intarsys/EN16931/zugferd_2p0_EN16931_Haftpflichtversicherung_Versicherungssteuer.pdf": {
        "buyer_name": _SALUTATION
    },
    "ZUGFeRDv2/correct/intarsys/EN16931/zugferd_2p0_EN16931_Kraftfahrversicherung_Bruttopreise.pdf": {
        "buyer_name": _SALUTATION
    },
    "ZUGFeRDv2/correct/intarsys/EN16931/zugferd_2p0_EN16931_Sachversicherung_berechneter_Steuersatz.pdf": {
        "buyer_name": _SALUTATION
    },
}


def load(folder: Path) -> list[ExpectedDocument]:
    documents = []
    for pdf in sorted(folder.rglob("*.pdf")):
        xml = next((x for s in XML_SUFFIXES if (x := pdf.with_name(pdf.stem + s)).is_file()), None)
        if xml is None:
            continue
        root = ET.parse(xml).getroot()
        fields: dict[str, FieldData] = {}
        for name, path in PATHS.items():
            node = root.find(path, NS)
            if node is None or not (node.text or "").strip():
                continue
            text = node.text.strip()
            if name == "invoice_date":
                fields[name] = f"{text[:4]}-{text[4:6]}-{text[6:8]}"
            elif name == "total_amount":
                fields[name] = float(text)
            else:
                fields[name] = text
        path = pdf.relative_to(folder).as_posix()
        documents.append(ExpectedDocument.invoice(SET, path, fields, DISAGREEMENTS.get(path, {})))
    return documents
