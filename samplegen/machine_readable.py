"""Shipments whose paperwork carries its own data, drawn after the planned ones (ids follow theirs):

- a Factur-X invoice whose embedded CII XML states what its page prints (nothing to report);
- the same invoice whose XML total and currency were changed after the page was printed (`embedded_data_mismatch`);
- a certificate of origin whose QR code names another certificate than the one printed (`qr_certificate_mismatch`);
- a shipment with hostile files beside a good invoice: an XML bomb, an XML file reaching for a local file through
  an external entity, and a workbook that would inflate to 80 MiB. Each is refused with its reason (listed in
  the shipment's `expected_rejections`) and the invoice is still read.

Every document is SYNTHETIC, like the rest of the set. The ground truth of an e-invoice is what its XML states,
since the XML's values are the invoice's fields (`extractors/einvoice.py`).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pikepdf
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from samplegen.draw import FOOTER_MARK
from samplegen.families import Family, family_of
from samplegen.specimens import VERIFY_URL, qr_certificate

FACTUR_X = family_of("commercial_invoice", "factur_x")
QR_CHAMBER = family_of("certificate_of_origin", "qr_chamber")
CII_NS = (
    'xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" '
    'xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100" '
    'xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"'
)


@dataclass(frozen=True)
class Invoice:
    number: str
    date: str  # YYYY-MM-DD
    seller: str
    buyer: str
    goods: str
    hs: str
    origin: str  # ISO alpha-2
    kg: float
    total: float
    currency: str

    def fields(self) -> dict[str, Any]:
        return {
            "invoice_number": self.number,
            "invoice_date": self.date,
            "seller_name": self.seller,
            "buyer_name": self.buyer,
            "hs_code": self.hs,
            "net_weight_kg": self.kg,
            "total_amount": self.total,
            "currency": self.currency,
            "country_of_origin": self.origin,
        }


COUNTRY_NAMES = {"TH": "Thailand", "BO": "Bolivia"}


def invoice_page(invoice: Invoice) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    y = A4[1] - 72
    for font, size, text in (
        ("Helvetica-Bold", 18, "COMMERCIAL INVOICE"),
        ("Helvetica", 11, f"Invoice No: {invoice.number}"),
        ("Helvetica", 11, f"Invoice Date: {invoice.date}"),
        ("Helvetica", 11, f"Seller: {invoice.seller}"),
        ("Helvetica", 11, f"Buyer: {invoice.buyer}"),
        ("Helvetica", 11, f"Goods: {invoice.goods}, HS {invoice.hs[:4]}.{invoice.hs[4:]}"),
        ("Helvetica", 11, f"Country of Origin: {COUNTRY_NAMES[invoice.origin]}"),
        ("Helvetica", 11, f"Net Weight: {invoice.kg:,.2f} kg"),
        ("Helvetica", 11, f"Total Amount: {invoice.currency} {invoice.total:,.2f}"),
    ):
        pdf.setFont(font, size)
        pdf.drawString(72, y, text)
        y -= size * 2.2
    pdf.setFont("Helvetica", 7)
    pdf.drawString(72, 30, FOOTER_MARK)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def cii_xml(invoice: Invoice) -> bytes:
    """The invoice as Factur-X EN 16931 CII, one line of goods with its HS code (BT-158) and origin (BT-159)."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<!-- SYNTHETIC specimen (oretrace samplegen): every party and amount is invented. -->
<rsm:CrossIndustryInvoice {CII_NS}>
  <rsm:ExchangedDocument><ram:ID>{invoice.number}</ram:ID><ram:TypeCode>380</ram:TypeCode>
    <ram:IssueDateTime><udt:DateTimeString format="102">{invoice.date.replace("-", "")}</udt:DateTimeString>
    </ram:IssueDateTime>
  </rsm:ExchangedDocument>
  <rsm:SupplyChainTradeTransaction>
    <ram:IncludedSupplyChainTradeLineItem>
      <ram:SpecifiedTradeProduct><ram:Name>{invoice.goods}</ram:Name>
        <ram:DesignatedProductClassification><ram:ClassCode listID="HS">{invoice.hs}</ram:ClassCode>
        </ram:DesignatedProductClassification>
        <ram:OriginTradeCountry><ram:ID>{invoice.origin}</ram:ID></ram:OriginTradeCountry>
      </ram:SpecifiedTradeProduct>
      <ram:SpecifiedLineTradeDelivery><ram:BilledQuantity unitCode="KGM">{invoice.kg:.2f}</ram:BilledQuantity>
      </ram:SpecifiedLineTradeDelivery>
    </ram:IncludedSupplyChainTradeLineItem>
    <ram:ApplicableHeaderTradeAgreement>
      <ram:SellerTradeParty><ram:Name>{invoice.seller}</ram:Name></ram:SellerTradeParty>
      <ram:BuyerTradeParty><ram:Name>{invoice.buyer}</ram:Name></ram:BuyerTradeParty>
    </ram:ApplicableHeaderTradeAgreement>
    <ram:ApplicableHeaderTradeSettlement><ram:InvoiceCurrencyCode>{invoice.currency}</ram:InvoiceCurrencyCode>
      <ram:SpecifiedTradeSettlementHeaderMonetarySummation>
        <ram:GrandTotalAmount>{invoice.total:.2f}</ram:GrandTotalAmount>
      </ram:SpecifiedTradeSettlementHeaderMonetarySummation>
    </ram:ApplicableHeaderTradeSettlement>
  </rsm:SupplyChainTradeTransaction>
</rsm:CrossIndustryInvoice>
""".encode()


def factur_x(printed: Invoice, stated: Invoice | None = None) -> bytes:
    """The page of `printed` with the XML of `stated` (by default the same invoice) attached as factur-x.xml."""
    with pikepdf.open(io.BytesIO(invoice_page(printed))) as pdf:
        pdf.attachments["factur-x.xml"] = pikepdf.AttachedFileSpec(pdf, cii_xml(stated or printed))
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True)
        return out.getvalue()


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100">&lol4;
</rsm:CrossIndustryInvoice>
"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE invoice [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"><ID>&secret;</ID></Invoice>
"""


CONTENT_TYPES = b"""<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Override PartName="/xl/workbook.xml"
 ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>
"""


def inflating_workbook() -> bytes:
    """An .xlsx package whose one extra part is 80 MiB of zeros, deflated to about 80 KB (fixed dates, so the
    same bytes on every run)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in (
            ("[Content_Types].xml", CONTENT_TYPES),
            ("xl/workbook.xml", b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'),
            ("xl/media/padding.bin", b"\0" * (80 * 1024 * 1024)),
        ):
            target.writestr(zipfile.ZipInfo(name, (2025, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


SIAM = Invoice(
    number="FX-2025-0311",
    date="2025-03-11",
    seller="Siam Antimony Trading Co., Ltd.",
    buyer="Great Lakes Alloys LLC",
    goods="Antimony ingots 99.65%",
    hs="811010",
    origin="TH",
    kg=20000.0,
    total=248600.0,
    currency="USD",
)
TAMPERED = replace(SIAM, number="FX-2025-0312", date="2025-03-12")
BESIDE_HOSTILE = replace(SIAM, number="FX-2025-0313", date="2025-03-13")
QR_CERTIFICATE = "CO-2025-004711"
QR_OTHER = "CO-2025-003388"


@dataclass(frozen=True)
class Drawn:
    """One shipment of this module: its files, the documents' truth, the shipment's truth."""

    files: dict[str, bytes]
    documents: list[dict[str, Any]]
    shipment: dict[str, Any]


def _document(shipment_id: str, name: str, family: Family, fields: dict[str, Any]) -> dict[str, Any]:
    return {
        "path": f"inbox/{shipment_id}/{name}",
        "shipment_id": shipment_id,
        "doc_type": family.doc_type,
        "scanned": False,
        "format": "pdf",
        "pages": 1,
        "language": "en",
        "layout": family.layout,
        "family": family.id,
        "fields": fields,
    }


def _shipment(shipment_id: str, scenario: str, checks: list[str], reason: str, families: list[str]) -> dict[str, Any]:
    # One document per shipment: the three types it lacks are the low `missing_document` notes.
    return {
        "shipment_id": shipment_id,
        "declared_origin": "TH",
        "scenario": scenario,
        "expected_checks": sorted({*checks, "missing_document"}),
        "reasons": [reason],
        "true_origin": "TH",
        "plan": "machine_readable",
        "families": families,
    }


def draw(first_number: int) -> list[Drawn]:
    """The four shipments, numbered SHP-2025-<first_number> onwards."""
    ids = [f"SHP-2025-{first_number + i:04d}" for i in range(4)]
    stated = replace(TAMPERED, total=275000.0, currency="EUR")
    coo_fields = {
        "certificate_number": QR_CERTIFICATE,
        "exporter_name": "Siam Antimony Trading Co., Ltd.",
        "consignee_name": "Great Lakes Alloys LLC",
        "country_of_origin": "TH",
        "hs_code": "811010",
        "net_weight_kg": None,
        "invoice_number": None,
        "issue_date": "2025-03-14",
    }
    hostile = {
        "laughs.xml": (BILLION_LAUGHS, "declares a DTD or entities"),
        "entity.xml": (EXTERNAL_ENTITY, "declares a DTD or entities"),
        "inflating.xlsx": (inflating_workbook(), "would inflate to"),
    }
    return [
        Drawn(
            {"fx-invoice.pdf": factur_x(SIAM)},
            [_document(ids[0], "fx-invoice.pdf", FACTUR_X, SIAM.fields())],
            _shipment(
                ids[0], "clean", [], "A Factur-X invoice whose embedded XML states what its page prints.", [FACTUR_X.id]
            ),
        ),
        Drawn(
            {"fx-invoice.pdf": factur_x(TAMPERED, stated)},
            [_document(ids[1], "fx-invoice.pdf", FACTUR_X, stated.fields())],
            _shipment(
                ids[1],
                "tampered",
                ["embedded_data_mismatch"],
                "The embedded XML's total (275,000.00 EUR) was changed after the page (USD 248,600.00) was printed.",
                [FACTUR_X.id],
            ),
        ),
        Drawn(
            {"coo-qr.pdf": qr_certificate(QR_CERTIFICATE, VERIFY_URL.format(QR_OTHER))},
            [_document(ids[2], "coo-qr.pdf", QR_CHAMBER, coo_fields)],
            _shipment(
                ids[2],
                "tampered",
                ["qr_certificate_mismatch"],
                f"The certificate prints {QR_CERTIFICATE}; its QR code verifies {QR_OTHER}.",
                [QR_CHAMBER.id],
            ),
        ),
        Drawn(
            {"fx-invoice.pdf": factur_x(BESIDE_HOSTILE), **{name: data for name, (data, _) in hostile.items()}},
            [_document(ids[3], "fx-invoice.pdf", FACTUR_X, BESIDE_HOSTILE.fields())],
            _shipment(
                ids[3], "clean", [], "A good Factur-X invoice beside three hostile files, each refused.", [FACTUR_X.id]
            )
            | {"expected_rejections": [{"path": f"inbox/{ids[3]}/{n}", "reason": r} for n, (_, r) in hostile.items()]},
        ),
    ]


def write(inbox: Path, first_number: int) -> list[Drawn]:
    """Write the shipments under `inbox`; their truth is returned for ground_truth.json."""
    drawn = draw(first_number)
    for item in drawn:
        folder = inbox / item.shipment["shipment_id"]
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in item.files.items():
            (folder / name).write_bytes(data)
    return drawn
