"""Two specimen families drawn apart from the shipment sample: a Mexican CFDI 4.0 with the Comercio Exterior
2.0 complement (an XML invoice, no page), and a certificate of origin bearing a QR code with its verification
URL. Both are SYNTHETIC: every party, RFC, UUID, seal and certificate number is invented; the CFDI's shape
follows SAT's Anexo 20, the TimbreFiscalDigital 1.1 and Comercio Exterior 2.0 schemas.

``python -m samplegen --specimens DIR`` writes one shipment folder of them; the tests draw them directly.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from samplegen.draw import FOOTER_MARK

CFDI = "http://www.sat.gob.mx/cfd/4"
CCE = "http://www.sat.gob.mx/ComercioExterior20"
TFD = "http://www.sat.gob.mx/TimbreFiscalDigital"
SYNTHETIC_NOTE = (
    " SYNTHETIC specimen (oretrace samplegen): every party, RFC, UUID, seal and amount is invented. Its shape "
    "follows SAT's Anexo 20 (CFDI 4.0), the TimbreFiscalDigital 1.1 and Comercio Exterior 2.0 schemas. "
)
VERIFY_URL = "https://verify.chamber.example/coo?cert={}&lang=en"  # .example: a domain that never resolves


@dataclass(frozen=True)
class Mercancia:
    """One line of goods: the CFDI concept and its Comercio Exterior entry."""

    code: str  # NoIdentificacion, joining the two
    description: str
    fraccion: str  # TIGIE tariff code, 8 digits
    quantity: str  # CantidadAduana
    unit: str  # c_UnidadAduana: 01 kg, 02 g, 06 piece, 14 t, ...
    unit_value: str
    value_usd: str


@dataclass(frozen=True)
class CfdiSpec:
    serie: str = "EXP"
    folio: str = "1043"
    date: str = "2025-03-14T10:22:05"
    uuid: str = "5f1c2a9e-3b7d-4c1a-9e8f-2d6b0a4c7e31"
    seller: tuple[str, str, str] = ("MAN0101019A1", "MINERA ANTIMONIO DEL NORTE", "MEX")  # Rfc, Nombre, Pais
    buyer: tuple[str, str, str] = ("123456789", "GREAT LAKES ALLOYS LLC", "USA")  # tax id abroad, Nombre, Pais
    currency: str = "USD"
    goods: tuple[Mercancia, ...] = field(
        default=(
            Mercancia("SB-INGOT-9965", "Lingotes de antimonio 99.65%", "81101001", "20000", "01", "9.25", "185000.00"),
            Mercancia("SB-INGOT-9985", "Lingotes de antimonio 99.85%", "81101001", "5", "14", "11500.00", "57500.00"),
        )
    )

    @property
    def total(self) -> str:
        return f"{sum(float(g.value_usd) for g in self.goods):.2f}"


def cfdi_xml(spec: CfdiSpec = CfdiSpec()) -> bytes:
    """The CFDI as XML bytes, stamped (with a SYNTHETIC seal) and with its Comercio Exterior complement."""
    for prefix, uri in (("cfdi", CFDI), ("cce20", CCE), ("tfd", TFD)):
        ET.register_namespace(prefix, uri)
    root = ET.Element(f"{{{CFDI}}}Comprobante", {
        "Version": "4.0", "Serie": spec.serie, "Folio": spec.folio, "Fecha": spec.date, "Sello": "SYNTHETIC",
        "NoCertificado": "00001000000500000000", "Certificado": "SYNTHETIC", "SubTotal": spec.total,
        "Moneda": spec.currency, "TipoCambio": "17.0500", "Total": spec.total, "TipoDeComprobante": "I",
        "Exportacion": "02", "MetodoPago": "PUE", "FormaPago": "03", "LugarExpedicion": "78395",
    })  # fmt: skip
    ET.SubElement(root, f"{{{CFDI}}}Emisor", {"Rfc": spec.seller[0], "Nombre": spec.seller[1], "RegimenFiscal": "601"})
    ET.SubElement(root, f"{{{CFDI}}}Receptor", {
        "Rfc": "XEXX010101000", "Nombre": spec.buyer[1], "DomicilioFiscalReceptor": "78395",
        "RegimenFiscalReceptor": "616", "UsoCFDI": "S01", "ResidenciaFiscal": spec.buyer[2],
        "NumRegIdTrib": spec.buyer[0],
    })  # fmt: skip
    concepts = ET.SubElement(root, f"{{{CFDI}}}Conceptos")
    for g in spec.goods:
        ET.SubElement(concepts, f"{{{CFDI}}}Concepto", {
            "ClaveProdServ": "11101700", "NoIdentificacion": g.code, "Cantidad": g.quantity, "Descripcion":
            g.description, "ValorUnitario": g.unit_value, "Importe": g.value_usd, "ObjetoImp": "01",
        })  # fmt: skip
    complement = ET.SubElement(root, f"{{{CFDI}}}Complemento")
    trade = ET.SubElement(complement, f"{{{CCE}}}ComercioExterior", {
        "Version": "2.0", "ClaveDePedimento": "A1", "CertificadoOrigen": "0", "Incoterm": "FCA",
        "TipoCambioUSD": "1", "TotalUSD": spec.total,
    })  # fmt: skip
    emisor = ET.SubElement(trade, f"{{{CCE}}}Emisor")
    ET.SubElement(emisor, f"{{{CCE}}}Domicilio", {"Calle": "Carretera 57", "Estado": "SLP", "Pais": spec.seller[2]})
    receptor = ET.SubElement(trade, f"{{{CCE}}}Receptor", {"NumRegIdTrib": spec.buyer[0]})
    ET.SubElement(receptor, f"{{{CCE}}}Domicilio", {"Calle": "Lakeside Ave", "Estado": "OH", "Pais": spec.buyer[2]})
    goods = ET.SubElement(trade, f"{{{CCE}}}Mercancias")
    for g in spec.goods:
        ET.SubElement(goods, f"{{{CCE}}}Mercancia", {
            "NoIdentificacion": g.code, "FraccionArancelaria": g.fraccion, "CantidadAduana": g.quantity,
            "UnidadAduana": g.unit, "ValorUnitarioAduana": g.unit_value, "ValorDolares": g.value_usd,
        })  # fmt: skip
    ET.SubElement(complement, f"{{{TFD}}}TimbreFiscalDigital", {
        "Version": "1.1", "UUID": spec.uuid, "FechaTimbrado": spec.date, "RfcProvCertif": "SPR190613I52",
        "SelloCFD": "SYNTHETIC", "NoCertificadoSAT": "00001000000500000001", "SelloSAT": "SYNTHETIC",
    })  # fmt: skip
    root.insert(0, ET.Comment(SYNTHETIC_NOTE))
    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n"


def qr_certificate(number: str, qr_payload: str) -> bytes:
    """A one-page certificate of origin with `number` printed and a 3 cm QR code of `qr_payload` at the top
    right, drawn with ReportLab's own QR widget; the footer marks it synthetic."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    pdf.setSubject("SYNTHETIC specimen: fictional certificate of origin")
    y = A4[1] - 72
    for font, size, text in (
        ("Helvetica-Bold", 18, "CERTIFICATE OF ORIGIN"),
        ("Helvetica", 11, f"Certificate No: {number}"),
        ("Helvetica", 11, "Exporter: Siam Antimony Trading Co., Ltd."),
        ("Helvetica", 11, "Consignee: Great Lakes Alloys LLC"),
        ("Helvetica", 11, "Country of Origin: Thailand"),
        ("Helvetica", 11, "Description of goods: Antimony ingots 99.65%, HS 8110.10"),
        ("Helvetica", 11, "Issue Date: 14 March 2025"),
    ):
        pdf.setFont(font, size)
        pdf.drawString(72, y, text)
        y -= size * 2.2
    widget = QrCodeWidget(qr_payload)
    x0, y0, x1, y1 = widget.getBounds()
    size = 85.0  # points, about 3 cm: modules of about 1 mm
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(widget)
    renderPDF.draw(drawing, pdf, A4[0] - 72 - size, A4[1] - 72 - size)
    pdf.setFont("Helvetica", 7)
    pdf.drawString(72, 30, FOOTER_MARK)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def write_specimens(out: Path) -> list[Path]:
    """One shipment folder: the CFDI, a certificate whose QR code matches it, and one whose code names
    another certificate (the case `qr_certificate_mismatch` reports)."""
    folder = out / "SHP-SPECIMEN-MX"
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "EXP-1043.xml": cfdi_xml(),
        "coo-qr.pdf": qr_certificate("CO-2025-004711", VERIFY_URL.format("CO-2025-004711")),
        "coo-qr-other.pdf": qr_certificate("CO-2025-004711", VERIFY_URL.format("CO-2025-003388")),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return [folder / name for name in files]
