"""The e-invoice XML a hybrid PDF embeds (Factur-X / ZUGFeRD 1 and 2 / XRechnung CII, and UBL), read as fields.

Such an invoice states its number, date, parties, totals, currency and lines exactly; the printed page is a
rendering of the same data. Fields found in the XML are the document's fields (evidence: the attachment's name
and the element's path); the page is still read, and its values are kept beside them for the
`embedded_data_mismatch` check.

The XML is parsed by defusedxml with every DTD refused: no entity can expand (billion laughs) or reach a file
or the network (external entities). An attachment larger than MAX_XML_BYTES is not parsed at all. Either is a
reason to refuse the file, in words a user understands.
"""

from __future__ import annotations

import ctypes
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pypdfium2
import pypdfium2.raw as pdfium_c
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from oretrace.core.errors import UnreadableDocument
from oretrace.core.models import EmbeddedInvoice, Evidence, FieldValue, InvoiceLine
from oretrace.extractors.normalize import parse_country, parse_hs_code

# An EN 16931 invoice of a few hundred lines is well under a megabyte; anything larger is not parsed.
MAX_XML_BYTES = 4 * 1024 * 1024
NO_BOX = (0.0, 0.0, 0.0, 0.0)  # XML evidence has no place on a page

# Root element (local name) -> syntax; the namespaces differ between versions, the local names do not.
SYNTAXES = {"CrossIndustryInvoice": "CII", "CrossIndustryDocument": "ZUGFeRD 1", "Invoice": "UBL", "CreditNote": "UBL"}
CII_HEADER = {"CII": "ExchangedDocument", "ZUGFeRD 1": "HeaderExchangedDocument"}
# Field -> element paths by local name under the root, tried in order (CII 2 names first, ZUGFeRD 1 after).
CII_PATHS: dict[str, tuple[str, ...]] = {
    "seller_name": (".//SellerTradeParty/Name",),
    "buyer_name": (".//BuyerTradeParty/Name",),
    "total_amount": (
        ".//SpecifiedTradeSettlementHeaderMonetarySummation/GrandTotalAmount",
        ".//SpecifiedTradeSettlementMonetarySummation/GrandTotalAmount",
    ),
    "currency": (".//ApplicableHeaderTradeSettlement/InvoiceCurrencyCode",
                 ".//ApplicableSupplyChainTradeSettlement/InvoiceCurrencyCode"),
}  # fmt: skip
UBL_PATHS: dict[str, tuple[str, ...]] = {
    "invoice_number": ("ID",),
    "invoice_date": ("IssueDate",),
    "seller_name": (
        "AccountingSupplierParty/Party/PartyLegalEntity/RegistrationName",
        "AccountingSupplierParty/Party/PartyName/Name",
    ),
    "buyer_name": (
        "AccountingCustomerParty/Party/PartyLegalEntity/RegistrationName",
        "AccountingCustomerParty/Party/PartyName/Name",
    ),
    "total_amount": ("LegalMonetaryTotal/TaxInclusiveAmount", "LegalMonetaryTotal/PayableAmount"),
    "currency": ("DocumentCurrencyCode",),
}
# Units whose billed quantity is a mass, as kilograms per unit (UN/ECE recommendation 20).
MASS_UNITS = {"KGM": 1.0, "TNE": 1000.0, "GRM": 0.001}


@dataclass(frozen=True)
class Attachment:
    name: str
    data: bytes


@dataclass(frozen=True)
class EmbeddedReading:
    """What the embedded XML states: the invoice record and its fields with XML evidence."""

    invoice: EmbeddedInvoice
    fields: dict[str, FieldValue]


def attachment_size(attachment: pypdfium2.PdfAttachment) -> int:
    size = ctypes.c_ulong()
    pdfium_c.FPDFAttachment_GetFile(attachment.raw, None, 0, ctypes.byref(size))
    return size.value


def read_attachments(path: Path, max_bytes: int = MAX_XML_BYTES) -> tuple[list[Attachment], list[str]]:
    """The PDF's embedded XML files (their bytes) and the names of its other embedded files.

    An XML file over `max_bytes` is refused before its bytes are copied. The caller holds the PDFium lock.
    """
    pdf = pypdfium2.PdfDocument(path)
    try:
        xml: list[Attachment] = []
        others: list[str] = []
        for index in range(pdf.count_attachments()):
            attachment = pdf.get_attachment(index)
            name = attachment.get_name()
            if not name.lower().endswith(".xml"):
                others.append(name)
                continue
            size = attachment_size(attachment)
            if size > max_bytes:
                raise UnreadableDocument(
                    f"the embedded file {name} is {size:,} bytes of XML; the limit is {max_bytes:,}, so it was not read"
                )
            try:
                data = bytes(attachment.get_data())
            except pypdfium2.PdfiumError:  # a damaged attachment costs its XML, not the page
                others.append(name)
                continue
            xml.append(Attachment(name, data))
        return xml, others
    finally:
        pdf.close()


def parse_xml(attachment: Attachment, kind: str = "embedded file") -> ET.Element:
    """The XML's root element; refused (UnreadableDocument) when it declares a DTD or entities or is malformed.

    `kind` names the XML in the reason: an embedded file of a PDF, or a file of its own in the inbox.
    """
    try:
        return fromstring(attachment.data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as err:
        raise UnreadableDocument(
            f"the {kind} {attachment.name} declares a DTD or entities ({type(err).__name__}), which an "
            "e-invoice has no need for and which can expand without end or read other files; it was not read"
        ) from err
    except ET.ParseError as err:
        raise UnreadableDocument(f"the {kind} {attachment.name} is not well-formed XML ({err})") from err


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def any_ns(path: str) -> str:
    """An ElementTree path by local names, in any namespace ('.//A/B' -> './/{*}A/{*}B')."""
    return "/".join(step if step in (".", "") else "{*}" + step for step in path.split("/"))


class ElementPaths:
    """Each element's path from the root by local names, with a position where siblings share a name."""

    def __init__(self, root: ET.Element) -> None:
        self.paths: dict[int, str] = {}
        stack = [(root, "/" + _local(root.tag))]
        while stack:
            element, path = stack.pop()
            self.paths[id(element)] = path
            counts: dict[str, int] = {}
            for child in element:
                counts[_local(child.tag)] = counts.get(_local(child.tag), 0) + 1
            seen: dict[str, int] = {}
            for child in element:
                name = _local(child.tag)
                seen[name] = seen.get(name, 0) + 1
                step = f"{name}[{seen[name]}]" if counts[name] > 1 else name
                stack.append((child, f"{path}/{step}"))

    def __call__(self, element: ET.Element) -> str:
        return self.paths[id(element)]


def _text(element: ET.Element | None) -> str | None:
    if element is None or element.text is None:
        return None
    text = " ".join(element.text.split())
    return text or None


def _first(root: ET.Element, paths: tuple[str, ...]) -> ET.Element | None:
    for path in paths:
        element = root.find(any_ns(path))
        if _text(element):
            return element
    return None


def _value(name: str, text: str) -> str | float | None:
    if name == "total_amount":
        try:
            return float(text)
        except ValueError:
            return None
    if name == "invoice_date":
        digits = re.sub(r"\D", "", text)  # CII format 102 (YYYYMMDD), UBL YYYY-MM-DD
        return f"{digits[:4]}-{digits[4:6]}-{digits[6:8]}" if len(digits) == 8 else None
    if name == "currency":
        return text.upper() if re.fullmatch(r"[A-Za-z]{3}", text) else None
    return text


def _line_items(root: ET.Element, syntax: str) -> list[ET.Element]:
    if syntax == "UBL":
        return root.findall(any_ns(".//InvoiceLine")) + root.findall(any_ns(".//CreditNoteLine"))
    return root.findall(any_ns(".//IncludedSupplyChainTradeLineItem"))


def _line(item: ET.Element, syntax: str) -> tuple[InvoiceLine, dict[str, ET.Element]]:
    """One line, and the elements its origin and HS code were read from."""
    if syntax == "UBL":
        product = item.find(any_ns("Item"))
        goods = _text(product.find(any_ns("Name"))) if product is not None else None
        origin = item.find(any_ns("Item/OriginCountry/IdentificationCode"))
        classes = item.findall(any_ns("Item/CommodityClassification/ItemClassificationCode"))
    else:
        goods = _text(item.find(any_ns(".//SpecifiedTradeProduct/Name")))
        origin = item.find(any_ns(".//SpecifiedTradeProduct/OriginTradeCountry/ID"))
        classes = item.findall(any_ns(".//SpecifiedTradeProduct/DesignatedProductClassification/ClassCode"))
    quantity = _quantity(item, syntax)
    hs_element = next((c for c in classes if (c.get("listID") or "").upper() == "HS" and _text(c)), None)
    hs = parse_hs_code(_text(hs_element) or "").value if hs_element is not None else None
    country = parse_country(_text(origin) or "").value if _text(origin) else None
    amount = None
    if quantity is not None and _text(quantity):
        try:
            amount = float(_text(quantity) or "")
        except ValueError:
            amount = None
    line = InvoiceLine(
        goods=goods,
        hs_code=hs,
        country_of_origin=country,
        quantity=amount,
        unit=quantity.get("unitCode") if quantity is not None else None,
    )
    sources = {"hs_code": hs_element, "country_of_origin": origin}
    return line, {name: element for name, element in sources.items() if element is not None}


def xml_field(name: str, value: str | float, attachment: str, elements: list[tuple[ET.Element, str]]) -> FieldValue:
    evidence = [
        Evidence(page=1, bbox=NO_BOX, text=_text(element) or "", attachment=attachment, element=path)
        for element, path in elements
    ]
    return FieldValue(name=name, value=value, confidence=1.0, evidence=evidence, raw=evidence[0].text)


def same_for_all(values: list[str | None]) -> str | None:
    """The lines' common value; None when a line lacks one or two lines differ (no single value to state)."""
    return values[0] if values and None not in values and len(set(values)) == 1 else None


def map_invoice(root: ET.Element, attachment: str) -> EmbeddedReading | None:
    """The canonical invoice fields the XML states; None when the XML is no invoice syntax read here."""
    syntax = SYNTAXES.get(_local(root.tag))
    if syntax is None:
        return None
    path_of = ElementPaths(root)
    if syntax == "UBL":
        paths = UBL_PATHS
    else:
        header = CII_HEADER[syntax]
        paths = {
            "invoice_number": (f"{header}/ID",),
            "invoice_date": (f"{header}/IssueDateTime/DateTimeString",),
            **CII_PATHS,
        }
    fields: dict[str, FieldValue] = {}
    for name, candidates in paths.items():
        element = _first(root, candidates)
        value = _value(name, _text(element) or "") if element is not None else None
        if element is not None and value is not None:
            fields[name] = xml_field(name, value, attachment, [(element, path_of(element))])
    lines: list[InvoiceLine] = []
    sources: list[dict[str, ET.Element]] = []
    for item in _line_items(root, syntax):
        line, found = _line(item, syntax)
        lines.append(line)
        sources.append(found)
    for name in ("hs_code", "country_of_origin"):
        common = same_for_all([getattr(line, name) for line in lines])
        if common is not None:
            elements = [(found[name], path_of(found[name])) for found in sources]
            fields[name] = xml_field(name, common, attachment, elements)
    if lines and all(line.unit in MASS_UNITS and line.quantity is not None for line in lines):
        kg = sum((line.quantity or 0.0) * MASS_UNITS[line.unit or ""] for line in lines)
        quantities = [q for item in _line_items(root, syntax) if (q := _quantity(item, syntax)) is not None]
        fields["net_weight_kg"] = xml_field("net_weight_kg", kg, attachment, [(q, path_of(q)) for q in quantities])
    invoice = EmbeddedInvoice(attachment=attachment, syntax=syntax, lines=lines)
    return EmbeddedReading(invoice=invoice, fields=fields)


def _quantity(item: ET.Element, syntax: str) -> ET.Element | None:
    # An element with no children is false: compare with None, never `or`.
    if syntax == "UBL":
        invoiced = item.find(any_ns("InvoicedQuantity"))
        return invoiced if invoiced is not None else item.find(any_ns("CreditedQuantity"))
    return item.find(any_ns(".//BilledQuantity"))


def read_embedded_invoice(attachments: list[Attachment]) -> EmbeddedReading | None:
    """The first embedded XML that is an invoice, read; hostile XML refuses the file (UnreadableDocument)."""
    for attachment in attachments:
        reading = map_invoice(parse_xml(attachment), attachment.name)
        if reading is not None and reading.fields:
            return reading
    return None


def merge_fields(
    page: dict[str, FieldValue], reading: EmbeddedReading
) -> tuple[dict[str, FieldValue], EmbeddedInvoice]:
    """The XML's values win; the page's reading of each field the XML gave is kept on the invoice record."""
    merged = {**page, **reading.fields}
    kept = {name: page[name] for name in reading.fields if name in page}
    return merged, reading.invoice.model_copy(update={"page_fields": kept})
