"""Typed records passed between pipeline stages.

Every stage takes and returns these models; only the store maps them to tables.
They are pydantic models so that they round-trip through JSON (cache, export, Prefect results).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

# A value a field can hold once normalised: text, a number, a list of lot numbers,
# or a composition mapping element symbol -> mass percent.
FieldScalar = str | int | float
FieldData = FieldScalar | list[str] | dict[str, float]

# x0, y0, x1, y1 in page coordinates normalised to 0-1 from the top-left corner.
BBox = Annotated[tuple[float, float, float, float], Field(description="x0, y0, x1, y1 in 0-1, top-left origin")]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class DocType(StrEnum):
    COMMERCIAL_INVOICE = "commercial_invoice"
    PACKING_LIST = "packing_list"
    CERTIFICATE_OF_ORIGIN = "certificate_of_origin"
    ASSAY_CERTIFICATE = "assay_certificate"
    # A supplier's RMI reporting template (CMRT / EMRT / AMRT workbook): declared smelters, not a trade document.
    DUE_DILIGENCE_TEMPLATE = "due_diligence_template"
    OTHER = "other"


class TextSource(StrEnum):
    TEXT_LAYER = "text_layer"
    OCR = "ocr"


class Severity(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class Word(Frozen):
    text: str
    bbox: BBox
    confidence: float = Field(ge=0.0, le=1.0)
    # Index of the text line the word belongs to on its page (reading order).
    line: int = 0


class PageCode(Frozen):
    """A QR code or barcode found on a page image, decoded offline; its payload is text, never fetched."""

    format: str = Field(description="symbology as zxing-cpp names it, e.g. QRCode, DataMatrix, Code128")
    text: str = Field(description="the decoded payload")
    bbox: BBox


class Page(Frozen):
    number: int = Field(ge=1, description="1-based page number within the document")
    width: float = Field(gt=0, description="page width in PDF points (images: pixels)")
    height: float = Field(gt=0)
    source: TextSource
    language: str = Field(description="Tesseract language code(s) used or detected, e.g. 'eng' or 'spa'")
    rotation: int = Field(default=0, description="clockwise degrees the page was turned before reading")
    skew: float = Field(default=0.0, description="degrees of deskew applied before OCR")
    words: list[Word] = Field(default_factory=list)
    # Ruled lines (table rules, box borders), each as the thin box it covers: what tells the page's boxes apart.
    rules: list[BBox] = Field(default_factory=list, description="ruled lines as thin boxes, 0-1, top-left origin")
    codes: list[PageCode] = Field(default_factory=list, description="QR codes and barcodes decoded on the page")

    @property
    def text(self) -> str:
        lines: dict[int, list[str]] = {}
        for word in self.words:
            lines.setdefault(word.line, []).append(word.text)
        return "\n".join(" ".join(tokens) for _, tokens in sorted(lines.items()))


class BoxOutline(Frozen):
    """What a page's ruled boxes tell about its words, as plain values (`extractors.boxes.PageBoxes.outline`):
    the box each word stands in, each box's caption, which boxes are all caption (header cells) and, for each
    of those, the box below that holds its entry. Boxes are numbered in the order the page lists them."""

    word_boxes: tuple[int, ...] = Field(description="per word of Page.words, the number of its box; -1 for none")
    captions: tuple[str, ...] = Field(description="per box, its caption ('' for none)")
    header_only: tuple[bool, ...] = Field(description="per box, True for a header cell: all caption")
    entry_below: tuple[int, ...] = Field(description="per header cell, the number of the box below it; else -1")


class SourceFile(Frozen):
    """A file as found in the inbox. `path` is relative to the inbox root."""

    path: str
    sha256: str
    size: int
    media_type: str = Field(description="type detected from the content, e.g. application/pdf, image/png")
    shipment_id: str | None = Field(description="name of the shipment sub-folder; None when loose in the root")
    # A PDF an e-invoice carries as an attachment is a document of its own; `path` is then the carrier's path,
    # '#' and the attachment's name. Left out of the JSON otherwise, so other documents store as before.
    parent: ParentDocument | None = Field(default=None, exclude_if=lambda v: v is None)


class ParentDocument(Frozen):
    """The document that carries an embedded one: its hash and path, as in its own SourceFile."""

    sha256: str
    path: str
    attachment: str = Field(description="the embedded file's name in the carrying document")


class Evidence(Frozen):
    page: int
    bbox: BBox
    text: str
    document_id: str | None = Field(default=None, description="sha256 of the document the evidence is on")
    # Evidence read from a file embedded in the document (an e-invoice's XML) rather than from its page; left out
    # of the JSON when unset, so page evidence is stored, exported and fingerprinted as it always was.
    attachment: str | None = Field(
        default=None, description="embedded file the value was read from", exclude_if=lambda v: v is None
    )
    element: str | None = Field(
        default=None, description="path of the XML element within the attachment", exclude_if=lambda v: v is None
    )


class FieldValue(Frozen):
    """One canonical field of a document: a normalised value with its evidence, or a reason it is absent."""

    name: str
    value: FieldData | None = None
    confidence: float = Field(default=0.0, ge=0.0, le=1.0)
    evidence: list[Evidence] = Field(default_factory=list)
    raw: str | None = Field(default=None, description="text the value was read from, before normalisation")
    reason: str | None = Field(default=None, description="why value is None")

    @classmethod
    def missing(cls, name: str, reason: str) -> FieldValue:
        return cls(name=name, reason=reason)

    @property
    def found(self) -> bool:
        return self.value is not None


class Classification(Frozen):
    doc_type: DocType
    confidence: float = Field(ge=0.0, le=1.0)
    scores: dict[str, float] = Field(default_factory=dict)


class InvoiceLine(Frozen):
    """One line of an embedded e-invoice: the goods and what the profile states of them."""

    goods: str | None = None
    hs_code: str | None = Field(default=None, description="BT-158 classified with the HS scheme")
    country_of_origin: str | None = Field(default=None, description="BT-159, ISO 3166-1 alpha-2")
    quantity: float | None = None
    unit: str | None = Field(default=None, description="UN/ECE rec. 20 unit code, e.g. KGM")


class EmbeddedInvoice(Frozen):
    """The structured invoice a hybrid PDF carries (Factur-X / ZUGFeRD / XRechnung / UBL XML)."""

    attachment: str = Field(description="name of the embedded file, e.g. factur-x.xml")
    syntax: str = Field(description="CII, ZUGFeRD 1 or UBL")
    lines: list[InvoiceLine] = Field(default_factory=list)
    # The page's own reading of each field the XML gave (the XML value is the document's field).
    page_fields: dict[str, FieldValue] = Field(default_factory=dict)


class DeclaredSmelter(Frozen):
    """One row of a reporting template's Smelter List, as the supplier typed it."""

    metal: str
    name: str
    country: str | None = Field(description="ISO 3166-1 alpha-2 when the typed country is recognised")
    country_text: str
    smelter_id: str | None = Field(description="the Smelter Identification column (e.g. CID001234), if filled")
    evidence: Evidence  # the row's Smelter Name cell: `attachment` is the sheet, `element` the cell


class DueDiligenceTemplate(Frozen):
    kind: str = Field(description="CMRT, EMRT or AMRT")
    version: str | None
    company: str | None
    company_evidence: Evidence | None
    smelters: list[DeclaredSmelter]


class ExtractedDocument(Frozen):
    """Everything one extraction run learned about one document."""

    source: SourceFile
    pipeline_version: str
    classification: Classification
    pages: list[Page]
    fields: dict[str, FieldValue]
    embedded_invoice: EmbeddedInvoice | None = None
    attachments: list[str] = Field(default_factory=list, description="other embedded files, by name")
    # Only a reporting template has one; left out of the JSON otherwise, so other documents store as before.
    due_diligence: DueDiligenceTemplate | None = Field(default=None, exclude_if=lambda v: v is None)
    # The PDFs embedded in this one, each read as a document of its own (or refused, with the reason); a
    # shipment lists them beside their carrier (`pipeline.documents.with_embedded`).
    embedded_documents: list[ExtractedDocument] = Field(default_factory=list, exclude_if=lambda v: not v)
    embedded_rejections: list[Rejection] = Field(default_factory=list, exclude_if=lambda v: not v)
    # The outline of each page's boxes by page number, kept when the pages are left out between a run's stages
    # (`pipeline.documents.without_pages`) so the checks need not build the boxes again; never serialised.
    box_outlines: dict[int, BoxOutline] = Field(default_factory=dict, exclude=True)

    def box_outline(self, page: Page) -> BoxOutline | None:
        """The outline of `page`'s boxes kept for its number when it fits the page's words; None when there is
        none (a document read back from the cache), and the reader builds it (`extractors.boxes`)."""
        kept = self.box_outlines.get(page.number)
        if kept is not None and len(kept.word_boxes) == len(page.words):
            return kept
        return None

    @property
    def document_id(self) -> str:
        return self.source.sha256

    @property
    def doc_type(self) -> DocType:
        return self.classification.doc_type

    def value(self, name: str) -> FieldData | None:
        field = self.fields.get(name)
        return field.value if field else None


class Finding(Frozen):
    check: str
    severity: Severity
    message: str
    evidence: list[Evidence] = Field(default_factory=list)


class Rejection(Frozen):
    """A file that could not be read, and why, in words a user understands."""

    source_path: str
    shipment_id: str | None
    reason: str


ExtractedDocument.model_rebuild()  # it names Rejection, defined after it


class ShipmentFacts(Frozen):
    """What the portfolio checks count of one shipment; a party or origin is kept only when corroborated.

    exporter, origin and smelter are None unless at least two of the shipment's documents state them alike and
    none states otherwise, so no portfolio finding rests on one misread field (oretrace.checks.facts).
    """

    commodity: str | None = None
    exporter: str | None = Field(default=None, description="folded exporter name, the key shipments group by")
    exporter_printed: str | None = None
    origin: str | None = Field(default=None, description="ISO 3166-1 alpha-2")
    smelter_id: str | None = None
    net_kg: float | None = None
    metal_kg: float | None = Field(default=None, description="contained metal; net weight when no assay states it")
    value: float | None = None
    currency: str | None = None
    shipped_on: date | None = None


class ShipmentJudgement(Frozen):
    """What a shipment's documents say taken together: the origin they declare, the checks' findings and the
    facts the portfolio compares. Small: it travels back from a worker process without the documents."""

    declared_origin: str | None = None
    findings: list[Finding] = Field(default_factory=list)
    reference_version: str | None = None
    facts: ShipmentFacts | None = None


class ShipmentResult(Frozen):
    shipment_id: str
    documents: list[ExtractedDocument]
    rejected: list[Rejection] = Field(default_factory=list)
    declared_origin: str | None = None
    findings: list[Finding] = Field(default_factory=list)
    reference_version: str | None = Field(default=None, description="version of the reference data checked against")
    facts: ShipmentFacts | None = None

    @property
    def verdict(self) -> str:
        flagged = any(f.severity in (Severity.HIGH, Severity.MEDIUM) for f in self.findings)
        return "flagged" if flagged else "clear"


class ShipmentSummary(Frozen):
    """What a run reports of a checked and stored shipment, without its documents' pages and fields."""

    shipment_id: str
    # None when the shipment could not be stored (see `error`).
    shipment_run_id: int | None
    declared_origin: str | None
    verdict: str
    document_types: list[DocType]
    pages: int
    findings: list[Finding]
    rejected: list[Rejection]
    reference_version: str | None
    error: str | None = None

    @classmethod
    def of(cls, result: ShipmentResult, shipment_run_id: int) -> ShipmentSummary:
        return cls(
            shipment_id=result.shipment_id,
            shipment_run_id=shipment_run_id,
            declared_origin=result.declared_origin,
            verdict=result.verdict,
            document_types=sorted(d.doc_type for d in result.documents),
            pages=sum(len(d.pages) for d in result.documents),
            findings=result.findings,
            rejected=result.rejected,
            reference_version=result.reference_version,
        )

    @classmethod
    def failed(cls, shipment_id: str, error: str) -> ShipmentSummary:
        """A shipment that could not be checked or stored: the run reports it and the others go on."""
        return cls(
            shipment_id=shipment_id,
            shipment_run_id=None,
            declared_origin=None,
            verdict="error",
            document_types=[],
            pages=0,
            findings=[],
            rejected=[],
            reference_version=None,
            error=error,
        )


# Canonical fields per document type (issue contract; the export and evaluation rely on these names).
FIELDS_BY_TYPE: dict[DocType, tuple[str, ...]] = {
    DocType.COMMERCIAL_INVOICE: (
        "invoice_number",
        "invoice_date",
        "seller_name",
        "buyer_name",
        "hs_code",
        "net_weight_kg",
        "total_amount",
        "currency",
        "country_of_origin",
    ),
    DocType.PACKING_LIST: ("invoice_number", "net_weight_kg", "gross_weight_kg", "package_count", "lot_numbers"),
    DocType.CERTIFICATE_OF_ORIGIN: (
        "certificate_number",
        "exporter_name",
        "consignee_name",
        "country_of_origin",
        "hs_code",
        "net_weight_kg",
        "invoice_number",
        "issue_date",
    ),
    DocType.ASSAY_CERTIFICATE: ("certificate_number", "laboratory", "lot_number", "smelter_name", "composition_pct"),
    DocType.OTHER: (),
}


class Window(Frozen):
    start: date = Field(serialization_alias="from")
    end: date = Field(serialization_alias="to")


class Subject(Frozen):
    type: Literal["exporter", "smelter", "country"]
    value: str


class PortfolioFinding(Frozen):
    """A red flag that only shows across shipments: the figures behind it and the shipments that make them."""

    check: str
    severity: Severity
    message: str
    window: Window
    subject: Subject
    figures: dict[str, float | int | str | None]
    shipments: list[str] = Field(description="ids of the shipments counted, sorted")
