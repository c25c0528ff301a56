"""Hand-built pipeline records for the store tests: one antimony shipment as the pipeline would see it.

Shipment SHP-2024-0117: antimony ingots sold by a Chinese trader, with a certificate of origin claiming
Bolivia and an assay certificate from a Chinese smelter, so the origin check flags it.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from oretrace.core.models import (
    BBox,
    Classification,
    DocType,
    Evidence,
    ExtractedDocument,
    FieldData,
    FieldValue,
    Finding,
    Page,
    Rejection,
    Severity,
    ShipmentResult,
    SourceFile,
    TextSource,
    Word,
)

INBOX_ROOT = "/srv/oretrace/inbox"
SHIPMENT_ID = "SHP-2024-0117"
STARTED_AT = datetime(2024, 3, 20, 9, 0, 0, tzinfo=UTC)
FINISHED_AT = datetime(2024, 3, 20, 9, 0, 42, 500000, tzinfo=UTC)


def sha256_of(path: str) -> str:
    # Stand-in for the file's content hash: stable and 64 hex digits like the real thing.
    return hashlib.sha256(path.encode()).hexdigest()


def source(path: str, media_type: str = "application/pdf", size: int = 48_213) -> SourceFile:
    shipment_id = path.split("/", 1)[0] if "/" in path else None
    return SourceFile(path=path, sha256=sha256_of(path), size=size, media_type=media_type, shipment_id=shipment_id)


def found(name: str, value: FieldData, raw: str, bbox: BBox, sha: str, page: int = 1, conf: float = 0.93) -> FieldValue:
    evidence = Evidence(page=page, bbox=bbox, text=raw, document_id=sha)
    return FieldValue(name=name, value=value, confidence=conf, evidence=[evidence], raw=raw)


def words(*lines: str, top: float = 0.08) -> list[Word]:
    """Words laid out left to right, one text line per argument, as OCR or the text layer would give them."""
    out: list[Word] = []
    for line_no, line in enumerate(lines):
        y0 = top + 0.03 * line_no
        for i, token in enumerate(line.split()):
            x0 = 0.08 + 0.09 * i
            out.append(Word(text=token, bbox=(x0, y0, x0 + 0.08, y0 + 0.02), confidence=0.97, line=line_no))
    return out


def invoice(total: float = 236_000.0, pipeline_version: str = "0.1.0") -> ExtractedDocument:
    src = source(f"{SHIPMENT_ID}/invoice_INV-88412.pdf")
    sha = src.sha256
    page = Page(
        number=1,
        width=595.0,
        height=842.0,
        source=TextSource.TEXT_LAYER,
        language="eng",
        words=words(
            "COMMERCIAL INVOICE No. INV-88412",
            "Date: 14 March 2024",
            "Seller: Hunan Chenzhou Mining Co., Ltd.",
            "Buyer: Rotterdam Metals B.V.",
            "Antimony ingots 99.65% Sb Net weight 20,000 kg",
            f"Total USD {total:,.2f} CIF Rotterdam",
        ),
    )
    fields = {
        "invoice_number": found("invoice_number", "INV-88412", "INV-88412", (0.44, 0.08, 0.6, 0.1), sha, conf=0.99),
        "invoice_date": found("invoice_date", "2024-03-14", "14 March 2024", (0.17, 0.11, 0.44, 0.13), sha),
        "seller_name": found(
            "seller_name",
            "Hunan Chenzhou Mining Co., Ltd.",
            "Hunan Chenzhou Mining Co., Ltd.",
            (0.17, 0.14, 0.62, 0.16),
            sha,
        ),
        "buyer_name": found(
            "buyer_name", "Rotterdam Metals B.V.", "Rotterdam Metals B.V.", (0.17, 0.17, 0.44, 0.19), sha
        ),
        "hs_code": FieldValue.missing("hs_code", "no HS code printed on the invoice"),
        "net_weight_kg": found("net_weight_kg", 20000.0, "20,000 kg", (0.62, 0.2, 0.8, 0.22), sha),
        "total_amount": found("total_amount", total, f"{total:,.2f}", (0.26, 0.23, 0.42, 0.25), sha),
        "currency": found("currency", "USD", "USD", (0.17, 0.23, 0.25, 0.25), sha),
        "country_of_origin": found("country_of_origin", "CN", "Origin: China", (0.08, 0.3, 0.3, 0.32), sha, conf=0.7),
        # Read but not canonical for invoices: kept in the record, left out of exports.
        "incoterm": found("incoterm", "CIF", "CIF Rotterdam", (0.44, 0.23, 0.6, 0.25), sha),
    }
    return ExtractedDocument(
        source=src,
        pipeline_version=pipeline_version,
        classification=Classification(
            doc_type=DocType.COMMERCIAL_INVOICE, confidence=0.96, scores={"commercial_invoice": 0.96, "other": 0.04}
        ),
        pages=[page],
        fields=fields,
    )


def packing_list() -> ExtractedDocument:
    src = source(f"{SHIPMENT_ID}/packing_list.png", media_type="image/png", size=1_204_551)
    sha = src.sha256
    page = Page(
        number=1,
        width=2480.0,
        height=3508.0,
        source=TextSource.OCR,
        language="eng",
        rotation=90,
        skew=-1.25,
        words=words("PACKING LIST Ref INV-88412", "20 bags net 20000 kg", "Lots SB-2403-01 SB-2403-02"),
    )
    fields = {
        "invoice_number": found("invoice_number", "INV-88412", "INV-88412", (0.35, 0.08, 0.5, 0.1), sha),
        "net_weight_kg": found("net_weight_kg", 20000.0, "20000 kg", (0.35, 0.11, 0.5, 0.13), sha),
        "gross_weight_kg": FieldValue.missing("gross_weight_kg", "no gross weight on the page"),
        "package_count": found("package_count", 20, "20 bags", (0.08, 0.11, 0.25, 0.13), sha),
        "lot_numbers": found(
            "lot_numbers", ["SB-2403-01", "SB-2403-02"], "SB-2403-01 SB-2403-02", (0.17, 0.14, 0.42, 0.16), sha
        ),
    }
    return ExtractedDocument(
        source=src,
        pipeline_version="0.1.0",
        classification=Classification(doc_type=DocType.PACKING_LIST, confidence=0.88),
        pages=[page],
        fields=fields,
    )


def certificate_of_origin() -> ExtractedDocument:
    src = source(f"{SHIPMENT_ID}/certificate_of_origin.pdf", size=301_877)
    sha = src.sha256
    pages = [
        Page(
            number=1,
            width=595.0,
            height=842.0,
            source=TextSource.TEXT_LAYER,
            language="spa",
            words=words("CERTIFICADO DE ORIGEN No. BO-2024-55120", "País de origen: Bolivia"),
        ),
        Page(number=2, width=595.0, height=842.0, source=TextSource.OCR, language="spa", words=words("Firma")),
    ]
    fields = {
        "certificate_number": found("certificate_number", "BO-2024-55120", "BO-2024-55120", (0.5, 0.08, 0.7, 0.1), sha),
        "exporter_name": found(
            "exporter_name", "Hunan Chenzhou Mining Co., Ltd.", "Hunan Chenzhou", (0.1, 0.2, 0.5, 0.22), sha
        ),
        "consignee_name": found(
            "consignee_name", "Rotterdam Metals B.V.", "Rotterdam Metals", (0.1, 0.24, 0.5, 0.26), sha
        ),
        "country_of_origin": found("country_of_origin", "BO", "Bolivia", (0.35, 0.11, 0.5, 0.13), sha),
        "hs_code": found("hs_code", "811010", "8110.10", (0.1, 0.3, 0.25, 0.32), sha),
        "net_weight_kg": found("net_weight_kg", 20000.0, "20.000 kg", (0.1, 0.34, 0.25, 0.36), sha),
        "invoice_number": found("invoice_number", "INV-88412", "INV-88412", (0.1, 0.38, 0.25, 0.4), sha),
        "issue_date": found("issue_date", "2024-03-12", "12/03/2024", (0.6, 0.9, 0.8, 0.92), sha, page=2, conf=0.61),
    }
    return ExtractedDocument(
        source=src,
        pipeline_version="0.1.0",
        classification=Classification(doc_type=DocType.CERTIFICATE_OF_ORIGIN, confidence=0.91),
        pages=pages,
        fields=fields,
    )


def assay_certificate() -> ExtractedDocument:
    src = source(f"{SHIPMENT_ID}/assay_SB-2403.pdf", size=88_004)
    sha = src.sha256
    page = Page(
        number=1,
        width=612.0,
        height=792.0,
        source=TextSource.TEXT_LAYER,
        language="eng",
        words=words(
            "CERTIFICATE OF ANALYSIS AC-7781", "Smelter: Hsikwangshan Twinkling Star", "Sb 99.65 As 0.12 Pb 0.05"
        ),
    )
    fields = {
        "certificate_number": found("certificate_number", "AC-7781", "AC-7781", (0.53, 0.08, 0.65, 0.1), sha),
        "laboratory": FieldValue.missing("laboratory", "no laboratory name found"),
        "lot_number": found("lot_number", "SB-2403-01", "SB-2403-01", (0.1, 0.15, 0.3, 0.17), sha),
        "smelter_name": found(
            "smelter_name",
            "Hsikwangshan Twinkling Star Co., Ltd.",
            "Hsikwangshan Twinkling Star",
            (0.17, 0.11, 0.6, 0.13),
            sha,
        ),
        "composition_pct": found(
            "composition_pct",
            {"Sb": 99.65, "As": 0.12, "Pb": 0.05},
            "Sb 99.65 As 0.12 Pb 0.05",
            (0.08, 0.14, 0.6, 0.16),
            sha,
        ),
    }
    return ExtractedDocument(
        source=src,
        pipeline_version="0.1.0",
        classification=Classification(doc_type=DocType.ASSAY_CERTIFICATE, confidence=0.97),
        pages=[page],
        fields=fields,
    )


def origin_finding() -> Finding:
    coo, assay = certificate_of_origin(), assay_certificate()
    return Finding(
        check="origin_vs_smelter",
        severity=Severity.HIGH,
        message="Certificate of origin states Bolivia, but the assay names a smelter in China.",
        evidence=[
            coo.fields["country_of_origin"].evidence[0],
            assay.fields["smelter_name"].evidence[0],
        ],
    )


def weight_note() -> Finding:
    return Finding(check="gross_weight_missing", severity=Severity.LOW, message="Packing list has no gross weight.")


def rejected_scan() -> Rejection:
    return Rejection(
        source_path=f"{SHIPMENT_ID}/scan_003.tiff",
        shipment_id=SHIPMENT_ID,
        reason="The file is damaged and could not be opened.",
    )


def shipment() -> ShipmentResult:
    return ShipmentResult(
        shipment_id=SHIPMENT_ID,
        documents=[invoice(), packing_list(), certificate_of_origin(), assay_certificate()],
        rejected=[rejected_scan()],
        declared_origin="BO",
        findings=[origin_finding(), weight_note()],
    )
