"""Hybrid e-invoices: the CII / UBL XML embedded in a real PDF is read first, checked against the page, and
hostile XML refuses the file without costing the rest of the shipment.

Each PDF is the project's test invoice (tests/conftest.py, drawn by ReportLab) with an XML file attached by
pikepdf after the page was printed, the way a Factur-X writer attaches it.
"""

from __future__ import annotations

import hashlib
import io
import xml.etree.ElementTree as ET
from pathlib import Path

import pikepdf
import pytest

from oretrace.checks import ShipmentContext, run_checks
from oretrace.checks.context import no_nlp
from oretrace.core.config import Limits, Settings
from oretrace.core.models import DocType, ExtractedDocument, Rejection, Severity
from oretrace.extractors.einvoice import MAX_XML_BYTES, map_invoice
from oretrace.pipeline.documents import process_document
from oretrace.review import page_images
from tests.conftest import INVOICE_LINES, pdf_bytes

SHIPMENT = "SHP-EINVOICE"
NS = (
    'xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" '
    'xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100" '
    'xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"'
)


def cii(total: str = "250000.00", currency: str = "USD", buyer: str = "Great Lakes Alloys LLC") -> bytes:
    """The printed invoice's data as Factur-X EN 16931 CII, with one line of goods (BT-158 HS, BT-159 origin)."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rsm:CrossIndustryInvoice {NS}>
  <rsm:ExchangedDocument><ram:ID>INV-2025-0042</ram:ID><ram:TypeCode>380</ram:TypeCode>
    <ram:IssueDateTime><udt:DateTimeString format="102">20250314</udt:DateTimeString></ram:IssueDateTime>
  </rsm:ExchangedDocument>
  <rsm:SupplyChainTradeTransaction>
    <ram:IncludedSupplyChainTradeLineItem>
      <ram:SpecifiedTradeProduct><ram:Name>Antimony ingots 99.65%</ram:Name>
        <ram:DesignatedProductClassification><ram:ClassCode listID="HS">811010</ram:ClassCode>
        </ram:DesignatedProductClassification>
        <ram:OriginTradeCountry><ram:ID>TH</ram:ID></ram:OriginTradeCountry>
      </ram:SpecifiedTradeProduct>
      <ram:SpecifiedLineTradeDelivery><ram:BilledQuantity unitCode="KGM">20000</ram:BilledQuantity>
      </ram:SpecifiedLineTradeDelivery>
    </ram:IncludedSupplyChainTradeLineItem>
    <ram:ApplicableHeaderTradeAgreement>
      <ram:SellerTradeParty><ram:Name>Siam Antimony Trading Co., Ltd.</ram:Name></ram:SellerTradeParty>
      <ram:BuyerTradeParty><ram:Name>{buyer}</ram:Name></ram:BuyerTradeParty>
    </ram:ApplicableHeaderTradeAgreement>
    <ram:ApplicableHeaderTradeSettlement><ram:InvoiceCurrencyCode>{currency}</ram:InvoiceCurrencyCode>
      <ram:SpecifiedTradeSettlementHeaderMonetarySummation>
        <ram:GrandTotalAmount>{total}</ram:GrandTotalAmount>
      </ram:SpecifiedTradeSettlementHeaderMonetarySummation>
    </ram:ApplicableHeaderTradeSettlement>
  </rsm:SupplyChainTradeTransaction>
</rsm:CrossIndustryInvoice>
""".encode()


def with_attachments(*attachments: tuple[str, bytes], page: bytes | None = None) -> bytes:
    with pikepdf.open(io.BytesIO(page or pdf_bytes([INVOICE_LINES]))) as pdf:
        for name, data in attachments:
            pdf.attachments[name] = pikepdf.AttachedFileSpec(pdf, data)
        out = io.BytesIO()
        pdf.save(out)
        return out.getvalue()


def javascript_pdf() -> bytes:
    with pikepdf.open(io.BytesIO(pdf_bytes([INVOICE_LINES]))) as pdf:
        pdf.Root.OpenAction = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)"))
        out = io.BytesIO()
        pdf.save(out)
        return out.getvalue()


def process(tmp_path: Path, files: dict[str, bytes]) -> dict[str, ExtractedDocument | Rejection]:
    inbox = tmp_path / "inbox"
    (inbox / SHIPMENT).mkdir(parents=True)
    settings = Settings(home=tmp_path / "home")
    outcomes = {}
    for name, data in files.items():
        (inbox / SHIPMENT / name).write_bytes(data)
        outcomes[name] = process_document(inbox / SHIPMENT / name, inbox, settings)
    return outcomes


def findings_of(documents: list[ExtractedDocument]) -> list:
    context = ShipmentContext.build(documents, shipment_id=SHIPMENT, load_nlp=no_nlp)
    return run_checks(context, only=["embedded_data_mismatch"])


def test_embedded_xml_is_read_first_and_the_page_kept(tmp_path: Path) -> None:
    buyer = "Great Lakes Alloys LLC, Cleveland Works"  # what only the XML says
    document = process(tmp_path, {"factur-x.pdf": with_attachments(("factur-x.xml", cii(buyer=buyer)))})["factur-x.pdf"]
    assert isinstance(document, ExtractedDocument)
    assert document.doc_type == DocType.COMMERCIAL_INVOICE
    values = {name: field.value for name, field in document.fields.items() if field.found}
    assert values["buyer_name"] == buyer
    assert values["invoice_number"] == "INV-2025-0042" and values["invoice_date"] == "2025-03-14"
    assert values["total_amount"] == 250000.0 and values["currency"] == "USD"
    assert values["country_of_origin"] == "TH" and values["hs_code"] == "811010"
    assert values["net_weight_kg"] == 20000.0
    total = document.fields["total_amount"].evidence[0]
    assert total.attachment == "factur-x.xml" and total.document_id == document.document_id
    assert total.element.endswith("SpecifiedTradeSettlementHeaderMonetarySummation/GrandTotalAmount")
    embedded = document.embedded_invoice
    assert embedded is not None and embedded.syntax == "CII"
    assert [(line.hs_code, line.country_of_origin, line.unit) for line in embedded.lines] == [("811010", "TH", "KGM")]
    # The page's own reading is kept, with its words on the page.
    assert embedded.page_fields["buyer_name"].value == "Great Lakes Alloys LLC"
    assert embedded.page_fields["total_amount"].evidence[0].attachment is None
    # A buyer the page never prints is the one difference between the page and its XML.
    [finding] = findings_of([document])
    assert "states the buyer 'Great Lakes Alloys LLC', but its embedded factur-x.xml states" in finding.message


def test_xml_changed_after_printing_is_a_finding_untouched_is_not(tmp_path: Path) -> None:
    outcomes = process(
        tmp_path,
        {
            "untouched.pdf": with_attachments(("factur-x.xml", cii())),
            "changed.pdf": with_attachments(("factur-x.xml", cii(total="275000.00", currency="EUR"))),
        },
    )
    untouched, changed = outcomes["untouched.pdf"], outcomes["changed.pdf"]
    assert isinstance(untouched, ExtractedDocument) and isinstance(changed, ExtractedDocument)
    assert findings_of([untouched]) == []
    findings = findings_of([changed])
    assert {f.severity for f in findings} == {Severity.HIGH}
    messages = " ".join(f.message for f in findings)
    assert "a total of 250,000.00, but its embedded factur-x.xml states 275,000.00 (GrandTotalAmount)" in messages
    assert "the currency USD, but its embedded factur-x.xml states EUR" in messages
    total = next(f for f in findings if "GrandTotalAmount" in f.message)
    page_words, xml = total.evidence
    assert "250,000.00" in page_words.text and page_words.attachment is None and page_words.bbox[2] > 0
    assert xml.text == "275000.00" and xml.element.endswith("GrandTotalAmount")


def test_a_pdf_beside_the_xml_is_recorded_and_its_active_content_still_refused(tmp_path: Path) -> None:
    timesheet = pdf_bytes([[("Helvetica", 11, "Timesheet March 2025")]])
    outcomes = process(
        tmp_path,
        {
            "with-annex.pdf": with_attachments(("factur-x.xml", cii()), ("timesheet.pdf", timesheet)),
            "with-script-annex.pdf": with_attachments(("factur-x.xml", cii()), ("annex.pdf", javascript_pdf())),
            "annex-in-annex.pdf": with_attachments(
                ("factur-x.xml", cii()), ("annex.pdf", with_attachments(("inner.pdf", timesheet)))
            ),
            "fake-annex.pdf": with_attachments(("factur-x.xml", cii()), ("annex.pdf", b"MZ\x90\x00 a program")),
        },
    )
    read = outcomes["with-annex.pdf"]
    assert isinstance(read, ExtractedDocument) and read.attachments == ["timesheet.pdf"]
    assert read.value("total_amount") == 250000.0
    # The PDF beside the XML is a document of its own, named after its carrier and linked to it.
    [annex] = read.embedded_documents
    assert annex.source.path == f"{SHIPMENT}/with-annex.pdf#timesheet.pdf" and annex.source.shipment_id == SHIPMENT
    assert annex.source.parent is not None and annex.source.parent.sha256 == read.document_id
    assert annex.source.parent.attachment == "timesheet.pdf"
    assert "Timesheet March 2025" in annex.pages[0].text and annex.embedded_invoice is None
    reasons = {name: o.reason for name, o in outcomes.items() if isinstance(o, Rejection)}
    assert set(reasons) == {"with-script-annex.pdf", "annex-in-annex.pdf", "fake-annex.pdf"}
    assert "an embedded PDF (annex.pdf) that contains JavaScript" in reasons["with-script-annex.pdf"]
    assert "a PDF (inner.pdf) embedded in an embedded PDF" in reasons["annex-in-annex.pdf"]
    assert "whose content is not a PDF file" in reasons["fake-annex.pdf"]


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100">&lol4;
</rsm:CrossIndustryInvoice>"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE invoice [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"><ID>&secret;</ID></Invoice>"""


def test_hostile_xml_refuses_its_file_and_nothing_else(tmp_path: Path) -> None:
    padding = b"<!--" + b"x" * MAX_XML_BYTES + b"-->"
    oversized = cii().replace(b"<rsm:ExchangedDocument>", padding + b"<rsm:ExchangedDocument>")
    outcomes = process(
        tmp_path,
        {
            "laughs.pdf": with_attachments(("factur-x.xml", BILLION_LAUGHS)),
            "entity.pdf": with_attachments(("xrechnung.xml", EXTERNAL_ENTITY)),
            "oversized.pdf": with_attachments(("factur-x.xml", oversized)),
            "fine.pdf": with_attachments(("factur-x.xml", cii())),
        },
    )
    reasons = {name: o.reason for name, o in outcomes.items() if isinstance(o, Rejection)}
    assert set(reasons) == {"laughs.pdf", "entity.pdf", "oversized.pdf"}
    assert "factur-x.xml declares a DTD or entities" in reasons["laughs.pdf"]
    assert "xrechnung.xml declares a DTD or entities" in reasons["entity.pdf"]
    assert f"bytes of XML; the limit is {MAX_XML_BYTES:,}" in reasons["oversized.pdf"]
    fine = outcomes["fine.pdf"]
    assert isinstance(fine, ExtractedDocument) and fine.value("invoice_number") == "INV-2025-0042"


def test_ubl_invoice_fields() -> None:
    ubl = b"""<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
      xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
      xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
      <cbc:ID>UBL-7</cbc:ID><cbc:IssueDate>2025-03-14</cbc:IssueDate>
      <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
      <cac:AccountingSupplierParty><cac:Party><cac:PartyLegalEntity>
      <cbc:RegistrationName>Seller SE</cbc:RegistrationName></cac:PartyLegalEntity></cac:Party>
      </cac:AccountingSupplierParty>
      <cac:LegalMonetaryTotal><cbc:TaxInclusiveAmount currencyID="EUR">119.00</cbc:TaxInclusiveAmount>
      </cac:LegalMonetaryTotal>
      <cac:InvoiceLine><cbc:InvoicedQuantity unitCode="TNE">2</cbc:InvoicedQuantity><cac:Item><cbc:Name>Tin</cbc:Name>
      <cac:OriginCountry><cbc:IdentificationCode>BO</cbc:IdentificationCode></cac:OriginCountry></cac:Item></cac:InvoiceLine>
    </Invoice>"""
    reading = map_invoice(ET.fromstring(ubl), "invoice.xml")
    assert reading is not None and reading.invoice.syntax == "UBL"
    values = {name: field.value for name, field in reading.fields.items()}
    assert values == {
        "invoice_number": "UBL-7",
        "invoice_date": "2025-03-14",
        "seller_name": "Seller SE",
        "total_amount": 119.0,
        "currency": "EUR",
        "country_of_origin": "BO",
        "net_weight_kg": 2000.0,
    }
    assert map_invoice(ET.fromstring(b"<Catalogue/>"), "other.xml") is None


def test_the_page_alone_still_reads_without_xml(tmp_path: Path) -> None:
    document = process(tmp_path, {"plain.pdf": pdf_bytes([INVOICE_LINES])})["plain.pdf"]
    assert isinstance(document, ExtractedDocument) and document.embedded_invoice is None
    assert document.value("total_amount") == 250000.0


SPECIMEN = Path(__file__).parent / "data" / "zugferd-annex" / "zugferd_2p0_EN16931_Betriebskostenabrechnung.pdf"


def test_real_zugferd_invoice_with_an_annex_is_two_documents_of_the_shipment(tmp_path: Path) -> None:
    """The ZUGFeRD corpus' statement of service charges embeds the landlord's scanned statement as a PDF."""
    from sqlalchemy import select

    from oretrace.pipeline.documents import assemble_shipment
    from oretrace.store import schema
    from oretrace.store.db import make_engine, migrate, session_scope
    from oretrace.store.repository import record_shipment
    from tests.store_fixtures import FINISHED_AT, STARTED_AT

    carrier = process(tmp_path, {"invoice.pdf": SPECIMEN.read_bytes()})["invoice.pdf"]
    assert isinstance(carrier, ExtractedDocument)
    assert carrier.value("invoice_number") == "471102" and carrier.value("total_amount") == 18310.63
    [annex] = carrier.embedded_documents
    assert annex.source.path == f"{SHIPMENT}/invoice.pdf#AWV_13_Betriebskosten.pdf"
    assert "Abrechnung 2010" in annex.pages[0].text  # a scan: read by OCR like any scanned file

    shipment = assemble_shipment(SHIPMENT, [carrier])
    assert [d.source.path for d in shipment.documents] == [carrier.source.path, annex.source.path]
    assert shipment.documents[0].embedded_documents == []  # listed once, as itself
    engine = make_engine(f"sqlite:///{tmp_path / 'store.db'}")
    migrate(engine)
    with session_scope(engine) as session:
        record_shipment(session, shipment, str(tmp_path / "inbox"), STARTED_AT, FINISHED_AT)
    with session_scope(engine) as session:
        rows = {row.source_path: row for row in session.scalars(select(schema.Document))}
        assert rows[annex.source.path].parent_id == rows[carrier.source.path].id
        assert rows[carrier.source.path].parent_id is None and rows[annex.source.path].sha256 == annex.document_id
        # The reviewer sees the annex's pages and can download it: its bytes come from the carrier's file.
        with page_images.open_source(session, rows[annex.source.path]) as handle:
            assert hashlib.sha256(handle.read()).hexdigest() == annex.document_id
        copy = page_images.locate_source(session, rows[annex.source.path], tmp_path / "annexes")
        assert copy is not None and copy.read_bytes().startswith(b"%PDF-")
        png = page_images.cached_page_png(tmp_path / "pages", copy, annex.document_id, "application/pdf", 1)
        assert png.is_file()
        # A carrier changed since is no source for its annex.
        inbox_file = tmp_path / "inbox" / SHIPMENT / "invoice.pdf"
        inbox_file.write_bytes(inbox_file.read_bytes() + b"\n%changed\n")
        with pytest.raises(page_images.SourceUnavailable, match="has changed"):
            page_images.open_source(session, rows[annex.source.path])
        assert page_images.locate_source(session, rows[annex.source.path], tmp_path / "other-annexes") is None


def test_an_annex_over_the_limits_is_refused_and_its_carrier_still_read(tmp_path: Path) -> None:
    pages = [[("Helvetica", 11, f"Timesheet page {n}")] for n in range(1, 5)]
    outcomes = {}
    for name, limit in (("long-annex.pdf", 3), ("short-annex.pdf", 4)):
        folder = tmp_path / name
        inbox = folder / "inbox"
        (inbox / SHIPMENT).mkdir(parents=True)
        (inbox / SHIPMENT / name).write_bytes(
            with_attachments(("factur-x.xml", cii()), ("timesheet.pdf", pdf_bytes(pages)))
        )
        settings = Settings(home=folder / "home", limits=Limits(max_pages=limit))
        outcomes[name] = process_document(inbox / SHIPMENT / name, inbox, settings)
    refused, read = outcomes["long-annex.pdf"], outcomes["short-annex.pdf"]
    assert isinstance(refused, ExtractedDocument) and refused.value("invoice_number") == "INV-2025-0042"
    assert refused.embedded_documents == []
    [rejection] = refused.embedded_rejections
    assert rejection.source_path == f"{SHIPMENT}/long-annex.pdf#timesheet.pdf"
    assert rejection.reason == "the PDF has 4 pages; the limit is 3"
    assert isinstance(read, ExtractedDocument) and len(read.embedded_documents[0].pages) == 4
