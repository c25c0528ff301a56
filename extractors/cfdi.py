"""A Mexican CFDI (Comprobante Fiscal Digital por Internet, versions 3.3 and 4.0) dropped as an XML file: a
commercial invoice whose data is attributes, read as fields.

SAT's Anexo 20 defines the invoice: `Comprobante` (Serie, Folio, Fecha, SubTotal, Total, Moneda), `Emisor` and
`Receptor` (Rfc, Nombre), and in `Complemento` the stamp `tfd:TimbreFiscalDigital` (its UUID is the folio
fiscal that identifies the invoice at SAT) and, for exports, the Comercio Exterior complement (cce20 or cce11):
`Mercancia` with FraccionArancelaria (the TIGIE code, whose first six digits are the HS subheading),
CantidadAduana / UnidadAduana, ValorDolares, and the parties' `Domicilio/@Pais`. A CFDI states no origin of
the goods, so no `country_of_origin` is read from it.

The file is parsed as einvoice.py parses an embedded one: defusedxml with DTDs and entities refused, and
nothing over MAX_XML_BYTES read at all. Evidence is the file's name and the attribute's path
('/Comprobante/Emisor/@Nombre').
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import partial
from pathlib import Path

from oretrace.core.errors import UnreadableDocument
from oretrace.core.models import EmbeddedInvoice, FieldValue, InvoiceLine
from oretrace.extractors.einvoice import (
    MAX_XML_BYTES,
    Attachment,
    ElementPaths,
    EmbeddedReading,
    any_ns,
    map_invoice,
    parse_xml,
    same_for_all,
    xml_field,
)
from oretrace.extractors.normalize import parse_country, parse_hs_code

CFDI_NAMESPACES = ("http://www.sat.gob.mx/cfd/4", "http://www.sat.gob.mx/cfd/3")
# c_UnidadAduana (Anexo 22, apéndice 7; the catalogue the Comercio Exterior complement cites for
# UnidadAduana): 01 KILO, 02 GRAMO, 14 TONELADA, 16 GRAMO NETO are masses, as kilograms per unit. The others
# (03 METRO LINEAL, 06 PIEZA, 08 LITRO, ...) are no mass and give no weight.
MASS_UNITS = {"01": 1.0, "02": 0.001, "14": 1000.0, "16": 0.001}


class _Attr:
    """An attribute as the evidence cites it: its element, its name, its path ('/Comprobante/Emisor/@Rfc')."""

    def __init__(self, element: ET.Element, name: str, path_of: ElementPaths) -> None:
        self.element, self.name, self.path = element, name, f"{path_of(element)}/@{name}"
        self.text = " ".join((element.get(name) or "").split())


def _attr(element: ET.Element | None, name: str, path_of: ElementPaths) -> _Attr | None:
    if element is None or not " ".join((element.get(name) or "").split()):
        return None
    return _Attr(element, name, path_of)


def _evidence_field(name: str, value: str | float, file_name: str, attrs: list[_Attr]) -> FieldValue:
    # einvoice.xml_field cites an element's text; an attribute is cited by a stand-in element holding its value.
    stand_ins = []
    for attr in attrs:
        holder = ET.Element("value")
        holder.text = attr.text
        stand_ins.append((holder, attr.path))
    return xml_field(name, value, file_name, stand_ins)


Found = dict[str, tuple[str | float, list[_Attr]]]


def _put(found: Found, name: str, value: str | float | None, *attrs: _Attr | None) -> None:
    """A field found when it has a value and at least one attribute to cite."""
    cited = [a for a in attrs if a is not None]
    if value is not None and cited:
        found[name] = (value, cited)


def _amount(attr: _Attr | None) -> float | None:
    try:
        return float(attr.text) if attr is not None else None
    except ValueError:
        return None


def read_xml_file(path: Path, max_bytes: int = MAX_XML_BYTES) -> bytes:
    size = path.stat().st_size
    if size > max_bytes:
        raise UnreadableDocument(f"the file is {size:,} bytes of XML; the limit is {max_bytes:,}, so it was not read")
    return path.read_bytes()


def read_invoice_xml(name: str, data: bytes) -> EmbeddedReading:
    """The invoice an XML file states: a CFDI, or a CII / UBL e-invoice on its own; any other XML is refused."""
    root = parse_xml(Attachment(name, data), kind="file")
    reading = map_cfdi(root, name) if _is_cfdi(root) else map_invoice(root, name)
    if reading is None or not reading.fields:
        raise UnreadableDocument(
            f"an XML file, but no invoice read here (its root element is {root.tag.rsplit('}', 1)[-1]!r}; "
            "a CFDI, Factur-X/ZUGFeRD CII or UBL invoice is expected)"
        )
    return reading


def _is_cfdi(root: ET.Element) -> bool:
    return root.tag in {f"{{{ns}}}Comprobante" for ns in CFDI_NAMESPACES}


def map_cfdi(root: ET.Element, file_name: str) -> EmbeddedReading:
    path_of = ElementPaths(root)
    emisor, receptor = root.find(any_ns("Emisor")), root.find(any_ns("Receptor"))
    stamp = root.find(any_ns("Complemento/TimbreFiscalDigital"))
    trade = root.find(any_ns("Complemento/ComercioExterior"))
    found: Found = {}
    put = partial(_put, found)
    serie, folio = _attr(root, "Serie", path_of), _attr(root, "Folio", path_of)
    # Serie and Folio together are the invoice's number as it is printed ('A-1043'); either alone is the number.
    number = "-".join(a.text for a in (serie, folio) if a is not None) or None
    put("invoice_number", number, serie, folio)
    uuid = _attr(stamp, "UUID", path_of)
    put("cfdi_uuid", uuid.text.upper() if uuid else None, uuid)
    fecha = _attr(root, "Fecha", path_of)  # ISO 8601 date and time, 'AAAA-MM-DDThh:mm:ss'
    put("invoice_date", fecha.text[:10] if fecha and len(fecha.text) >= 10 else None, fecha)
    for name, attr_name in (("subtotal_amount", "SubTotal"), ("total_amount", "Total")):
        attr = _attr(root, attr_name, path_of)
        put(name, _amount(attr), attr)
    moneda = _attr(root, "Moneda", path_of)
    put("currency", moneda.text.upper() if moneda and len(moneda.text) == 3 else None, moneda)
    for party, element in (("seller", emisor), ("buyer", receptor)):
        nombre = _attr(element, "Nombre", path_of)
        put(f"{party}_name", nombre.text if nombre else None, nombre)
        rfc = _attr(element, "Rfc", path_of)
        put(f"{party}_tax_id", rfc.text if rfc else None, rfc)
    lines: list[InvoiceLine] = []
    if trade is not None:
        lines = _read_trade(trade, root, path_of, found)
    fields = {name: _evidence_field(name, value, file_name, attrs) for name, (value, attrs) in found.items()}
    syntax = "CFDI " + (root.get("Version") or "?")
    if trade is not None:
        syntax += " + Comercio Exterior " + (trade.get("Version") or "?")
    return EmbeddedReading(invoice=EmbeddedInvoice(attachment=file_name, syntax=syntax, lines=lines), fields=fields)


def _read_trade(trade: ET.Element, root: ET.Element, path_of: ElementPaths, found: Found) -> list[InvoiceLine]:
    """The Comercio Exterior complement's fields into `found`: the parties' countries, the goods' tariff code,
    weight and dollar value; and its lines of goods."""
    put = partial(_put, found)
    lines: list[InvoiceLine] = []
    for party, step in (("seller", "Emisor/Domicilio"), ("buyer", "Receptor/Domicilio")):
        pais = _attr(trade.find(any_ns(step)), "Pais", path_of)  # c_Pais: ISO 3166-1 alpha-3, e.g. MEX
        put(f"{party}_country", parse_country(pais.text).value if pais else None, pais)
    # A buyer abroad has the generic RFC XEXX010101000 in the CFDI; the complement holds its real tax number.
    foreign_id = _attr(trade.find(any_ns("Receptor")), "NumRegIdTrib", path_of)
    if foreign_id is not None:
        put("buyer_tax_id", foreign_id.text, foreign_id)
    descriptions = {c.get("NoIdentificacion"): c.get("Descripcion") for c in root.findall(any_ns("Conceptos/Concepto"))}
    goods = trade.findall(any_ns("Mercancias/Mercancia"))
    hs_attrs: list[_Attr | None] = []
    kg_attrs: list[_Attr | None] = []
    usd_attrs: list[_Attr | None] = []
    kg_total, all_mass = 0.0, bool(goods)
    for item in goods:
        fraccion = _attr(item, "FraccionArancelaria", path_of)
        hs = parse_hs_code(fraccion.text).value if fraccion else None
        quantity, unit = _attr(item, "CantidadAduana", path_of), _attr(item, "UnidadAduana", path_of)
        amount = _amount(quantity)
        factor = MASS_UNITS.get(unit.text) if unit else None
        kg = amount * factor if amount is not None and factor is not None else None
        lines.append(
            InvoiceLine(
                goods=descriptions.get(item.get("NoIdentificacion")),
                hs_code=hs,
                quantity=kg if kg is not None else amount,
                unit="KGM" if kg is not None else None,
            )
        )
        hs_attrs.append(fraccion)
        if kg is None or quantity is None:
            all_mass = False
        else:
            kg_total += kg
            kg_attrs += [quantity, unit]
        usd_attrs.append(_attr(item, "ValorDolares", path_of))
    common = same_for_all([line.hs_code for line in lines])
    if common is not None:
        put("hs_code", common, *hs_attrs)
    if all_mass:
        put("net_weight_kg", kg_total, *kg_attrs)
    total_usd = _attr(trade, "TotalUSD", path_of)
    if total_usd is not None:
        put("value_usd", _amount(total_usd), total_usd)
    elif goods and all(a is not None for a in usd_attrs):
        put("value_usd", sum(_amount(a) or 0.0 for a in usd_attrs), *usd_attrs)
    return lines
