"""A CFDI 4.0 with the Comercio Exterior 2.0 complement dropped into a shipment folder as an XML file is read
as a commercial invoice; a hostile or foreign XML file is refused with its reason and costs nothing else.

The CFDI is tests/data/cfdi40_cce20_synthetic.xml: synthetic (every party, RFC and UUID invented), shaped by
SAT's Anexo 20 and the complements' schemas.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from oretrace.core.models import DocType, ExtractedDocument, Rejection
from oretrace.extractors.einvoice import MAX_XML_BYTES
from oretrace.extractors.filetype import XML, sniff_media_type
from samplegen.specimens import CfdiSpec, cfdi_xml
from tests.conftest import process_files
from tests.test_einvoice import BILLION_LAUGHS, EXTERNAL_ENTITY, cii

SPECIMEN = Path(__file__).parent / "data" / "cfdi40_cce20_synthetic.xml"
SHIPMENT = "SHP-CFDI"


def process(tmp_path: Path, files: dict[str, bytes]) -> dict[str, ExtractedDocument | Rejection]:
    return process_files(tmp_path, SHIPMENT, files)


def test_cfdi_with_comercio_exterior_is_a_commercial_invoice(tmp_path: Path) -> None:
    document = process(tmp_path, {"EXP-1043.xml": SPECIMEN.read_bytes()})["EXP-1043.xml"]
    assert isinstance(document, ExtractedDocument), document
    assert document.source.media_type == XML and document.doc_type == DocType.COMMERCIAL_INVOICE
    values = {name: field.value for name, field in document.fields.items() if field.found}
    assert values == {
        "invoice_number": "EXP-1043",
        "cfdi_uuid": "5F1C2A9E-3B7D-4C1A-9E8F-2D6B0A4C7E31",
        "invoice_date": "2025-03-14",
        "subtotal_amount": 242500.0,
        "total_amount": 242500.0,
        "currency": "USD",
        "seller_name": "MINERA ANTIMONIO DEL NORTE",
        "seller_tax_id": "MAN0101019A1",
        "buyer_name": "GREAT LAKES ALLOYS LLC",
        "buyer_tax_id": "123456789",  # the complement's tax number, not the generic XEXX010101000
        "seller_country": "MX",
        "buyer_country": "US",
        "hs_code": "811010",  # TIGIE 8110.10.01 -> HS 8110.10
        "net_weight_kg": 25000.0,  # 20 000 kg (unit 01) + 5 t (unit 14)
        "value_usd": 242500.0,
    }
    # A CFDI says nothing of where the goods were made: no origin is invented.
    assert "country_of_origin" not in document.fields
    uuid = document.fields["cfdi_uuid"].evidence[0]
    assert uuid.attachment == "EXP-1043.xml" and uuid.document_id == document.document_id
    assert uuid.element == "/Comprobante/Complemento/TimbreFiscalDigital/@UUID"
    weight = document.fields["net_weight_kg"].evidence
    assert [e.element for e in weight][:2] == [
        "/Comprobante/Complemento/ComercioExterior/Mercancias/Mercancia[1]/@CantidadAduana",
        "/Comprobante/Complemento/ComercioExterior/Mercancias/Mercancia[1]/@UnidadAduana",
    ]
    invoice = document.embedded_invoice
    assert invoice is not None and invoice.syntax == "CFDI 4.0 + Comercio Exterior 2.0"
    assert [(line.goods, line.hs_code, line.quantity, line.unit) for line in invoice.lines] == [
        ("Lingotes de antimonio 99.65%", "811010", 20000.0, "KGM"),
        ("Lingotes de antimonio 99.85%", "811010", 5000.0, "KGM"),
    ]


def test_pieces_give_no_weight_and_two_tariff_codes_no_single_hs_code(tmp_path: Path) -> None:
    text = SPECIMEN.read_text(encoding="utf-8")
    text = text.replace(
        'CantidadAduana="5"\n            UnidadAduana="14"', 'CantidadAduana="40"\n            UnidadAduana="06"'
    )
    text = text.replace(
        'FraccionArancelaria="81101001" CantidadAduana="40"', 'FraccionArancelaria="28258001" CantidadAduana="40"'
    )
    document = process(tmp_path, {"pieces.xml": text.encode()})["pieces.xml"]
    assert isinstance(document, ExtractedDocument)
    assert "net_weight_kg" not in document.fields and "hs_code" not in document.fields
    assert document.embedded_invoice is not None
    assert [(line.hs_code, line.quantity, line.unit) for line in document.embedded_invoice.lines] == [
        ("811010", 20000.0, "KGM"),
        ("282580", 40.0, None),
    ]


def test_hostile_or_foreign_xml_is_refused_and_the_rest_read(tmp_path: Path) -> None:
    oversized = SPECIMEN.read_bytes().replace(b"<cfdi:Emisor", b"<!--" + b"x" * MAX_XML_BYTES + b"--><cfdi:Emisor")
    outcomes = process(
        tmp_path,
        {
            "laughs.xml": BILLION_LAUGHS,
            "entity.xml": EXTERNAL_ENTITY,
            "oversized.xml": oversized,
            "broken.xml": SPECIMEN.read_bytes()[:900],
            "feed.xml": b'<?xml version="1.0"?><rss version="2.0"><channel/></rss>',
            "cfdi.xml": SPECIMEN.read_bytes(),
            "factur-x.xml": cii(),  # a CII invoice on its own is read as one too
        },
    )
    reasons = {name: o.reason for name, o in outcomes.items() if isinstance(o, Rejection)}
    assert set(reasons) == {"laughs.xml", "entity.xml", "oversized.xml", "broken.xml", "feed.xml"}
    assert "the file laughs.xml declares a DTD or entities" in reasons["laughs.xml"]
    assert "the file entity.xml declares a DTD or entities" in reasons["entity.xml"]
    assert f"bytes of XML; the limit is {MAX_XML_BYTES:,}" in reasons["oversized.xml"]
    assert "is not well-formed XML" in reasons["broken.xml"]
    assert "no invoice read here (its root element is 'rss'" in reasons["feed.xml"]
    cfdi, factur_x = outcomes["cfdi.xml"], outcomes["factur-x.xml"]
    assert isinstance(cfdi, ExtractedDocument) and cfdi.value("cfdi_uuid") == "5F1C2A9E-3B7D-4C1A-9E8F-2D6B0A4C7E31"
    assert isinstance(factur_x, ExtractedDocument) and factur_x.value("invoice_number") == "INV-2025-0042"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'\xef\xbb\xbf\n  <?xml version="1.0"?><a/>', XML),
        (b"<cfdi:Comprobante/>", XML),
        (b"just some text, not a document\n", None),
        (b"< not a tag", None),
    ],
)
def test_xml_is_known_by_its_first_bytes(head: bytes, expected: str | None) -> None:
    assert sniff_media_type(head) == expected


def test_samplegen_cfdi_reads_as_the_specimen_does(tmp_path: Path) -> None:
    outcomes = process(tmp_path, {"specimen.xml": SPECIMEN.read_bytes(), "generated.xml": cfdi_xml()})
    specimen, generated = outcomes["specimen.xml"], outcomes["generated.xml"]
    assert isinstance(specimen, ExtractedDocument) and isinstance(generated, ExtractedDocument)
    assert {n: f.value for n, f in generated.fields.items()} == {n: f.value for n, f in specimen.fields.items()}
    assert b"SYNTHETIC specimen" in cfdi_xml()
    other = process(tmp_path / "other", {"b.xml": cfdi_xml(CfdiSpec(folio="2001", currency="MXN"))})["b.xml"]
    assert isinstance(other, ExtractedDocument)
    assert other.value("invoice_number") == "EXP-2001" and other.value("currency") == "MXN"


PUBLIC = Path(__file__).parent / "data" / "cfdiutils" / "cfdi40-real.xml"  # MIT, see its PROVENANCE.md


def test_a_public_stamped_cfdi_without_the_trade_complement(tmp_path: Path) -> None:
    document = process(tmp_path, {"cfdi40-real.xml": PUBLIC.read_bytes()})["cfdi40-real.xml"]
    assert isinstance(document, ExtractedDocument)
    values = {name: field.value for name, field in document.fields.items() if field.found}
    assert values == {
        "cfdi_uuid": "04BF2854-FE7D-4377-9196-71248F060ABB",
        "invoice_date": "2022-01-12",
        "subtotal_amount": 396.0,
        "total_amount": 459.36,
        "currency": "MXN",
        "seller_name": "CREATIVITY AND SOMETHING MORE SAS DE CV",
        "seller_tax_id": "CSM190311AH6",
        "buyer_name": "MUNICIPIO DE CUAUTITLAN IZCALLI",
        "buyer_tax_id": "MCI7306249Y1",
    }  # no Serie or Folio, no complement: no number, HS code, weight or countries
    assert document.embedded_invoice is not None and document.embedded_invoice.syntax == "CFDI 4.0"


def test_cfdi_33_with_comercio_exterior_11_reads_the_same(tmp_path: Path) -> None:
    """CFDI 3.3 with cce11 names the same attributes in other namespaces (Anexo 20 v3.3, ComercioExterior11)."""
    older = (
        SPECIMEN.read_bytes()
        .replace(b"http://www.sat.gob.mx/cfd/4", b"http://www.sat.gob.mx/cfd/3")
        .replace(b"ComercioExterior20", b"ComercioExterior11")
        .replace(b'Version="4.0"', b'Version="3.3"')
        .replace(b'Version="2.0"', b'Version="1.1"')
    )
    outcomes = process(tmp_path, {"v4.xml": SPECIMEN.read_bytes(), "v33.xml": older})
    v4, v33 = outcomes["v4.xml"], outcomes["v33.xml"]
    assert isinstance(v4, ExtractedDocument) and isinstance(v33, ExtractedDocument)
    assert {n: f.value for n, f in v33.fields.items()} == {n: f.value for n, f in v4.fields.items()}
    assert v33.embedded_invoice is not None and v33.embedded_invoice.syntax == "CFDI 3.3 + Comercio Exterior 1.1"
