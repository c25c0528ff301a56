"""Reference data loading and matching, every check on both sides of its threshold, and the scoring helper.

Documents are built by hand as the extractors would return them: pages of words with boxes (printed lines,
columns as separate word runs) and typed fields whose evidence points at those words.
"""

from __future__ import annotations

import csv
import hashlib
import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest

from oretrace.checks import CHECKS, ShipmentContext, run_checks
from oretrace.checks.fingerprint import chi2_quantile, fit, plausible_impurities
from oretrace.checks.text import PageText
from oretrace.core.models import (
    Classification,
    DocType,
    Evidence,
    ExtractedDocument,
    FieldValue,
    Finding,
    Page,
    Severity,
    SourceFile,
    TextSource,
    Word,
)
from oretrace.evaluation.checks import score_shipments
from oretrace.reference import (
    DEFAULT_DIRECTORY,
    GoodsStage,
    ReferenceData,
    ReferenceError,
    assigned_smelter_id,
    load_reference,
    match_smelter,
)

# --- building documents ---------------------------------------------------------------------------------

LEFT = 0.08
LINE_STEP = 0.022
CHAR_WIDTH = 0.0075
WORD_HEIGHT = 0.012
SPACE = 0.006

Line = str | Sequence[tuple[float, str]]  # one run of words at the left margin, or (x0, text) runs (columns)


def make_page(lines: Sequence[Line], number: int = 1) -> Page:
    words: list[Word] = []
    for index, line in enumerate(lines):
        runs = [(LEFT, line)] if isinstance(line, str) else list(line)
        y0 = 0.05 + index * LINE_STEP
        for x0, text in runs:
            x = x0
            for token in text.split():
                x1 = x + CHAR_WIDTH * len(token)
                words.append(Word(text=token, bbox=(x, y0, x1, y0 + WORD_HEIGHT), confidence=0.97, line=index))
                x = x1 + SPACE
    return Page(number=number, width=595.0, height=842.0, source=TextSource.TEXT_LAYER, language="eng", words=words)


def evidence_of(page: Page, text: str) -> Evidence:
    """Evidence for the first run of words on `page` that reads `text` (as an extractor would record it)."""
    wanted = text.split()
    lines: dict[int, list[Word]] = {}
    for word in page.words:
        lines.setdefault(word.line, []).append(word)
    for words in lines.values():
        for start in range(len(words) - len(wanted) + 1):
            run = words[start : start + len(wanted)]
            if [w.text for w in run] == wanted:
                box = (run[0].bbox[0], min(w.bbox[1] for w in run), run[-1].bbox[2], max(w.bbox[3] for w in run))
                return Evidence(page=page.number, bbox=box, text=text)
    raise AssertionError(f"{text!r} is not on the page")


def make_doc(
    doc_type: DocType,
    lines: Sequence[Line],
    fields: dict[str, tuple[object, str]],
    name: str,
    *,
    shipment: str = "SHP-TEST",
) -> ExtractedDocument:
    """`fields`: name -> (normalised value, printed text the evidence points at)."""
    page = make_page(lines)
    values = {
        field: FieldValue(name=field, value=value, confidence=0.95, evidence=[evidence_of(page, printed)], raw=printed)
        for field, (value, printed) in fields.items()
    }
    sha = hashlib.sha256(f"{shipment}/{name}".encode()).hexdigest()
    return ExtractedDocument(
        source=SourceFile(
            path=f"{shipment}/{name}", sha256=sha, size=1000, media_type="application/pdf", shipment_id=shipment
        ),
        pipeline_version="test",
        classification=Classification(doc_type=doc_type, confidence=0.99),
        pages=[page],
        fields=values,
    )


def invoice(
    *,
    number: str = "2025/0423",
    net: float = 20000.0,
    origin: str = "TH",
    extra: Sequence[Line] = (),
    hs: str = "8110.10",
) -> ExtractedDocument:
    country = {"TH": "Thailand", "MX": "Mexico", "MY": "Malaysia", "CA": "Canada", "BO": "Bolivia",
               "BE": "Belgium", "VN": "Viet Nam"}[origin]  # fmt: skip
    printed_net = f"{net:,.2f} kg"
    lines: list[Line] = [
        "Andaman Minerals Trading Co., Ltd. COMMERCIAL INVOICE",
        "1168/45 Rama III Road, Bangkok 10120, Thailand",
        f"Invoice No.: {number}",
        "Date: 19 Sep 2025",
        [(LEFT, "Sold to:"), (0.5, "Ship to / consignee:")],
        [(LEFT, "Great Lakes Alloy Supply Inc."), (0.5, "Same as buyer")],
        [(LEFT, "1650 Columbus Road, Cleveland, OH 44113"), (0.5, "Notify: Daniel Kowalski")],
        "United States of America",
        [(LEFT, "Port of loading: Bangkok (PAT), Thailand"), (0.5, "Port of discharge: Shanghai, China")],
        [(LEFT, "Description of goods"), (0.45, "HS code"), (0.6, "Quantity (net)")],
        [(LEFT, "Antimony metal ingots, Sb 99.65% min"), (0.45, hs), (0.6, printed_net)],
        *extra,
        f"Total net weight: {printed_net}",
        f"Country of origin: {country}",
    ]
    fields = {
        "invoice_number": (number, number),
        "net_weight_kg": (net, f"Total net weight: {printed_net}"),
        "hs_code": (hs.replace(".", ""), hs),
        "country_of_origin": (origin, country),
    }
    return make_doc(DocType.COMMERCIAL_INVOICE, lines, fields, "invoice.pdf")


def packing_list(
    *, invoice_ref: str = "2025/0423", net: float = 20000.0, marks: str = "MADE IN THAILAND"
) -> ExtractedDocument:
    printed_net = f"{net:,.1f} kg"
    lines: list[Line] = [
        "Andaman Minerals Trading Co., Ltd. PACKING LIST",
        f"Invoice No.: {invoice_ref}",
        "Consignee: Great Lakes Alloy Supply Inc., Cleveland, OH 44113, United States of America",
        "Pkg No. Lot No. Ingots Net weight (kg)",
        "1 AM-2509-017 20 490.0",
        f"Total net weight: {printed_net}",
        "Marks and numbers:",
        "AMT/GLA",
        marks,
    ]
    fields = {"invoice_number": (invoice_ref, invoice_ref), "net_weight_kg": (net, printed_net)}
    return make_doc(DocType.PACKING_LIST, lines, fields, "packing.pdf")


def certificate_of_origin(
    *,
    origin: str = "TH",
    invoice_ref: str = "2025/0423",
    net: float = 20000.0,
    extra: Sequence[Line] = (),
    hs: str = "8110.10.00",
) -> ExtractedDocument:
    country = {"TH": "THAILAND", "MX": "MEXICO", "MY": "MALAYSIA", "CA": "CANADA", "CN": "CHINA", "BO": "BOLIVIA",
               "BE": "BELGIUM", "VN": "VIET NAM"}[origin]  # fmt: skip
    printed_net = f"{net:,.1f} kg"
    lines: list[Line] = [
        [(LEFT, "1. Goods consigned from (exporter)"), (0.55, "CERTIFICATE OF ORIGIN")],
        "Andaman Minerals Trading Co., Ltd., Bangkok 10120, Thailand",
        [(LEFT, "2. Consignee (name, full address, country)"), (0.55, "3. Country of origin")],
        [(LEFT, "Great Lakes Alloy Supply Inc."), (0.55, country)],
        "United States of America",
        f"Commercial invoice {invoice_ref}",
        f"35 BUNDLES OF ANTIMONY METAL INGOTS, SB 99.65% MIN, HS {hs}",
        *extra,
        f"Net weight: {printed_net}",
    ]
    fields = {
        "country_of_origin": (origin, country),
        "invoice_number": (invoice_ref, invoice_ref),
        "net_weight_kg": (net, printed_net),
        "hs_code": (hs.replace(".", "")[:6], hs),
    }
    return make_doc(DocType.CERTIFICATE_OF_ORIGIN, lines, fields, "origin.pdf")


# Thai Unipet (SM0021) profile means, in mass %.
THAI_COMPOSITION = {
    "Sb": 99.95, "As": 0.0091, "Fe": 0.0059, "S": 0.0118, "Pb": 0.0092, "Cu": 0.0018, "Bi": 0.00061,
    "Se": 0.00034, "Cd": 0.00012, "Hg": 0.00004, "Au": 0.000015, "Ni": 0.0016, "Sn": 0.00079, "Zn": 0.00061,
}  # fmt: skip
# Hsikwangshan Twinkling Star (SM0001, Hunan) profile means, in mass %.
HUNAN_COMPOSITION = {
    "Sb": 99.88, "As": 0.045, "Fe": 0.009, "S": 0.022, "Pb": 0.028, "Cu": 0.0035, "Bi": 0.0022,
    "Se": 0.0018, "Cd": 0.0004, "Hg": 0.00012, "Au": 0.00004, "Ni": 0.0006, "Sn": 0.0025, "Zn": 0.0012,
}  # fmt: skip


def assay(
    *, smelter: str | None = "Thai Unipet Industries", composition: dict[str, float] | None = None
) -> ExtractedDocument:
    composition = dict(THAI_COMPOSITION if composition is None else composition)
    rows = [f"{element} {value:.6f} %" for element, value in composition.items()]
    lines: list[Line] = [
        "Siam Metallurgical Testing Laboratory Co., Ltd.",
        "55 Soi Bangna-Trad 25, Bang Na, Bangkok 10260, Thailand",
        "CERTIFICATE OF ANALYSIS",
        "Client: Andaman Minerals Trading Co., Ltd.",
        "Product: Antimony metal ingots",
    ]
    if smelter:
        lines.append(f"Producer / smelter: {smelter}")
    lines += ["Sample: Composite of drillings from 5 ingots", "Element Result Unit", *rows]
    fields: dict[str, tuple[object, str]] = {}
    if smelter:
        fields["smelter_name"] = (smelter, smelter)
    doc = make_doc(DocType.ASSAY_CERTIFICATE, lines, fields, "assay.pdf")
    page = doc.pages[0]
    composition_field = FieldValue(
        name="composition_pct", value=composition, confidence=0.9, evidence=[evidence_of(page, r) for r in rows]
    )
    return doc.model_copy(update={"fields": {**doc.fields, "composition_pct": composition_field}})


@pytest.fixture(scope="module")
def reference() -> ReferenceData:
    return load_reference()


def context(documents: Sequence[ExtractedDocument], reference: ReferenceData) -> ShipmentContext:
    return ShipmentContext.build(documents, reference, shipment_id="SHP-TEST")


def only(check_id: str, shipment: ShipmentContext) -> list[Finding]:
    return CHECKS[check_id](shipment)


def evidence_texts(finding: Finding) -> list[str]:
    return [e.text for e in finding.evidence]


def clean_shipment(**overrides: ExtractedDocument) -> list[ExtractedDocument]:
    docs = {
        "invoice": invoice(),
        "packing_list": packing_list(),
        "origin": certificate_of_origin(),
        "assay": assay(),
    }
    docs.update(overrides)
    return list(docs.values())


# --- reference data ----------------------------------------------------------------------------------------


def test_reference_loads_typed_and_versioned(reference: ReferenceData) -> None:
    assert len(reference.smelters) == 23
    zhirong = reference.smelter("SM0003")
    assert zhirong is not None and zhirong.country == "CN" and zhirong.produces("antimony")
    arsenic = reference.assay_profiles["SM0001"].elements["As"]
    assert (arsenic.unit, arsenic.mean, arsenic.n) == ("pct", 0.045, 60)
    assert reference.assay_profiles["SM0001"].elements["Bi"].mean_pct == pytest.approx(0.0022)
    assert {r.stage for r in reference.production_of("antimony", "CN")} == {"mine"}
    assert "antimony" in reference.commodities_for_hs("8110.10.00")
    assert len(reference.version) == 64 and reference.version == load_reference().version


def _copy_reference(tmp_path: Path) -> Path:
    target = tmp_path / "reference"
    shutil.copytree(DEFAULT_DIRECTORY, target)
    return target


def test_reference_version_ignores_row_order_and_changes_with_content(tmp_path: Path, reference: ReferenceData) -> None:
    directory = _copy_reference(tmp_path)
    path = directory / "production.csv"
    header, *rows = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([header, *reversed(rows)]) + "\n", encoding="utf-8")
    assert load_reference(directory).version == reference.version
    changed = path.read_text(encoding="utf-8").replace("antimony,CN,mine,2024,60000", "antimony,CN,mine,2024,60001")
    path.write_text(changed, encoding="utf-8")
    assert load_reference(directory).version != reference.version


def test_reference_errors_name_file_line_and_column(tmp_path: Path) -> None:
    directory = _copy_reference(tmp_path)
    smelters = directory / "smelters.csv"
    lines = smelters.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace(",CN,Hunan,Lengshuijiang,", ",XX,Hunan,Lengshuijiang,")  # line 4: SM0003
    lines.append(lines[1])  # duplicate SM0001 on the last line
    smelters.write_text("\n".join(lines) + "\n", encoding="utf-8")
    profiles = directory / "assay_profiles.csv"
    rows = profiles.read_text(encoding="utf-8").splitlines()
    rows[2] = "SM0001,As,ppb,0.045,0.0054,60"  # line 3: unit
    rows[3] = "SM0001,Fe,pct,0.009,-0.0011,60"  # line 4: negative sd
    profiles.write_text("\n".join(rows) + "\n", encoding="utf-8")
    production = directory / "production.csv"
    text = production.read_text(encoding="utf-8").splitlines()
    production.write_text("\n".join([text[0].replace(",tonnes", ",tons"), *text[1:]]) + "\n", encoding="utf-8")

    with pytest.raises(ReferenceError) as caught:
        load_reference(directory)
    message = str(caught.value)
    assert "smelters.csv, line 4, column 4 (country): 'XX' is not an ISO 3166-1 alpha-2 country code" in message
    assert f"smelters.csv, line {len(lines)}, column 1 (smelter_id): duplicate smelter_id 'SM0001'" in message
    assert "assay_profiles.csv, line 3, column 3 (unit): 'ppb' is not a unit" in message
    assert "assay_profiles.csv, line 4, column 5 (sd): '-0.0011' must be greater than zero" in message
    assert "production.csv, line 1, column (tonnes): required column is missing" in message
    assert len(caught.value.problems) == 5  # every problem at once, nothing else


def test_blank_smelter_id_gets_a_stable_assigned_id(tmp_path: Path) -> None:
    directory = _copy_reference(tmp_path)
    smelters = directory / "smelters.csv"
    smelters.write_text(
        smelters.read_text(encoding="utf-8") + ',"PT Sinar Antimon Smelting",,ID,Jawa Timur,Gresik,antimony,test\n',
        encoding="utf-8",
    )
    loaded = load_reference(directory)
    added = [s for s in loaded.smelters if s.id_assigned]
    assert [s.name for s in added] == ["PT Sinar Antimon Smelting"]
    assert added[0].smelter_id == assigned_smelter_id("pt sinar  antimon smelting", "id")
    assert added[0].smelter_id == load_reference(directory).smelters[-1].smelter_id


def test_missing_file_is_reported(tmp_path: Path) -> None:
    directory = _copy_reference(tmp_path)
    (directory / "assay_profiles.csv").unlink()
    with pytest.raises(ReferenceError, match=r"assay_profiles\.csv: file not found"):
        load_reference(directory)


# --- smelter matcher -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "smelter_id"),
    [
        ("Hunan Zhirong Antimony", "SM0003"),
        ("USAMSA", "SM0012"),  # alias
        ("Unipet Industries", "SM0021"),  # alias
        ("SPMP, Sohar", "SM0008"),  # alias followed by the address
        ("HSIKWANGSHAN TWINKLING STAR CO., LTD.", "SM0001"),  # case and legal suffix
        ("Madero smelter (United States Antimony Corporation}", "SM0012"),  # OCR bracket
        ("Zhirong Antimony", "SM0003"),  # abbreviation that still names one smelter
    ],
)
def test_matcher_finds_names_and_aliases(printed: str, smelter_id: str, reference: ReferenceData) -> None:
    match = match_smelter(printed, reference)
    assert match is not None and match.smelter.smelter_id == smelter_id and match.score >= 88


def test_matcher_tolerates_ocr_noise_but_not_other_names(reference: ReferenceData) -> None:
    noisy = match_smelter("Thai Unlpet Industrles", reference)
    assert noisy is not None and noisy.smelter.smelter_id == "SM0021" and 88 <= noisy.score < 100
    twinkling = match_smelter("Hsikwangshan Twinkllng Star", reference)
    assert twinkling is not None and twinkling.smelter.smelter_id == "SM0001"
    for other in (
        "Siam Eastern Antimony Refinery Co., Ltd.",
        "PT Sinar Antimon Smelting",
        "Hunan",
        "funcidora",
        "Fundición de Antimonio de San Luis, S.A. de C.V.",
    ):
        assert match_smelter(other, reference) is None, other


def test_matcher_returns_every_smelter_sharing_an_alias(reference: ReferenceData) -> None:
    match = match_smelter("USAC", reference)
    assert match is not None and match.ambiguous
    assert {s.smelter_id for s in match.candidates} == {"SM0012", "SM0013", "SM0014"}
    assert match.countries == {"MX", "US"}


# --- text geometry ----------------------------------------------------------------------------------------


def test_page_text_maps_character_offsets_to_words() -> None:
    page = make_page(["Producer: Hunan Zhirong Antimony", [(LEFT, "Consignee: X"), (0.6, "MADE IN CHINA")]])
    text = PageText(page)
    assert text.text == page.text
    start = page.text.index("Zhirong")
    [token] = text.tokens_between(start, start + len("Zhirong"))
    assert token.word.text == "Zhirong" and token.word.bbox[0] > LEFT
    assert [s.text for s in text.lines[1].segments] == ["Consignee: X", "MADE IN CHINA"]


# --- the checks ------------------------------------------------------------------------------------------------


def test_entities_are_read_where_the_checks_use_them(reference: ReferenceData) -> None:
    """The model reads the lines of statements with a line of context each side, the ruler alone the others;
    what the checks use is what the model finds reading every page whole."""
    from oretrace.checks.entities import document_entities
    from oretrace.nlp_models.pipeline import extract_entities

    lines = [
        "Andaman Minerals Trading Co., Ltd. COMMERCIAL INVOICE",
        "1168/45 Rama III Road, Bangkok 10120, Thailand",
        "Remarks: ingots cast by TWINKLING STAR",
        "Invoice No.: 2025/0423",
        "Date: 19 Sep 2025",
        "Payment terms: 30 days",
        "Country of origin: Thailand",
    ]
    document = make_doc(DocType.COMMERCIAL_INVOICE, lines, {}, "invoice.pdf")
    shipment = context([document], reference)
    found = document_entities(shipment, document)
    assert {(e.label, e.entity.text, e.tokens[0].line) for e in found if e.tokens[0].line < 5} == {
        ("SMELTER", "TWINKLING STAR", 2)
    }, "above the statement's context only the ruler reads"
    assert shipment.nlp is not None
    whole = extract_entities(shipment.page_text(document, 1).text, shipment.nlp)
    read = [e.entity for e in found]
    assert [e for e in read if e.smelter_ids] == [e for e in whole if e.smelter_ids]
    origin_line = shipment.page_text(document, 1).lines[6].tokens[0].start
    assert [e for e in read if e.start_char >= origin_line] == [e for e in whole if e.start_char >= origin_line]
    assert any(e.label == "GPE" and e.text == "Thailand" and e.start_char >= origin_line for e in read)


def test_registry_has_every_check_with_a_fixed_severity() -> None:
    severities = {check_id: check.severity for check_id, check in CHECKS.items()}
    assert list(severities.items()) == list(
        {
            "missing_document": Severity.LOW,
            "quantity_mismatch": Severity.MEDIUM,
            "reference_mismatch": Severity.MEDIUM,
            "smelter_origin_mismatch": Severity.HIGH,
            "unknown_smelter": Severity.MEDIUM,
            "assay_fingerprint_mismatch": Severity.HIGH,
            "origin_text_contradiction": Severity.HIGH,
            "no_domestic_production": Severity.MEDIUM,
            "embedded_data_mismatch": Severity.HIGH,
            "qr_certificate_mismatch": Severity.HIGH,
            "smelter_not_declared": Severity.MEDIUM,
            "declared_smelter_origin_mismatch": Severity.HIGH,
        }.items()
    )  # the ids, their order and their severities are fixed


def test_consistent_shipment_has_no_findings(reference: ReferenceData) -> None:
    shipment = context(clean_shipment(), reference)
    assert shipment.declared_origin == "TH"
    assert run_checks(shipment) == []


def test_missing_document(reference: ReferenceData) -> None:
    documents = [d for d in clean_shipment() if d.doc_type != DocType.PACKING_LIST]
    [finding] = only("missing_document", context(documents, reference))
    assert finding.severity == Severity.LOW and "no packing list" in finding.message


def test_quantity_within_tolerance_is_no_finding(reference: ReferenceData) -> None:
    documents = clean_shipment(packing_list=packing_list(net=20300.0))  # +1.5 %
    assert only("quantity_mismatch", context(documents, reference)) == []


def test_quantity_mismatch_beyond_tolerance(reference: ReferenceData) -> None:
    documents = clean_shipment(origin=certificate_of_origin(net=21000.0))  # +5 %
    [finding] = only("quantity_mismatch", context(documents, reference))
    assert finding.severity == Severity.MEDIUM
    assert "21,000 kg (+5.0%)" in finding.message and "commercial invoice is 20,000 kg" in finding.message
    assert evidence_texts(finding) == ["Total net weight: 20,000.00 kg", "20,000.0 kg", "21,000.0 kg"]
    assert all(e.document_id for e in finding.evidence)


def test_quantity_unit_slip_is_low_and_missing_weight_is_no_evidence(reference: ReferenceData) -> None:
    documents = clean_shipment(origin=certificate_of_origin(net=20.0))  # 20 "kg" for 20 t
    [finding] = only("quantity_mismatch", context(documents, reference))
    assert finding.severity == Severity.LOW and "factor of 1000" in finding.message
    without = certificate_of_origin()
    missing = FieldValue.missing("net_weight_kg", "no net_weight_kg next to its labels")
    without = without.model_copy(update={"fields": {**without.fields, "net_weight_kg": missing}})
    assert only("quantity_mismatch", context(clean_shipment(origin=without), reference)) == []


def test_reference_numbers_compared_without_case_spaces_and_punctuation(reference: ReferenceData) -> None:
    documents = clean_shipment(
        invoice=invoice(number="INV 2025/0423"),
        packing_list=packing_list(invoice_ref="inv-2025-0423"),
        origin=certificate_of_origin(invoice_ref="INV2025.0423"),
    )
    assert only("reference_mismatch", context(documents, reference)) == []


def test_reference_mismatch(reference: ReferenceData) -> None:
    documents = clean_shipment(origin=certificate_of_origin(invoice_ref="2025/0432"))
    [finding] = only("reference_mismatch", context(documents, reference))
    assert finding.message == (
        "The certificate of origin cites invoice '2025/0432', but the commercial invoice is '2025/0423'."
    )
    assert evidence_texts(finding) == ["2025/0432", "2025/0423"]


def doubtful(document: ExtractedDocument, word: str, confidence: float = 0.6) -> ExtractedDocument:
    """The document as if the OCR had read `word` with low confidence."""
    page = document.pages[0]
    words = [w.model_copy(update={"confidence": confidence}) if w.text == word else w for w in page.words]
    pages = [page.model_copy(update={"words": words, "source": TextSource.OCR})]
    return document.model_copy(update={"pages": pages})


def test_reference_mismatch_on_a_doubtful_reading_is_low(reference: ReferenceData) -> None:
    documents = clean_shipment(origin=doubtful(certificate_of_origin(invoice_ref="2025/04423"), "2025/04423"))
    [finding] = only("reference_mismatch", context(documents, reference))
    assert finding.severity == Severity.LOW and "low confidence on the certificate of origin (0.60)" in finding.message


def test_a_reference_one_ocr_lookalike_apart_is_low_and_one_digit_apart_is_not(reference: ReferenceData) -> None:
    """'FXP-2025-0423' read surely from a scanned certificate against 'EXP-2025-0423': E and F are a pair OCR
    confuses, so the reviewer compares the page before the shipment is flagged. 'EXP-2025-0424' cites another
    invoice, and so does the lookalike on a text layer, which OCR never read."""

    def cited(reference_number: str, scanned: bool = True) -> list[ExtractedDocument]:
        origin = certificate_of_origin(invoice_ref=reference_number)
        if scanned:
            origin = doubtful(origin, reference_number, confidence=0.95)
        return clean_shipment(
            invoice=invoice(number="EXP-2025-0423"),
            packing_list=packing_list(invoice_ref="EXP-2025-0423"),
            origin=origin,
        )

    [slip] = only("reference_mismatch", context(cited("FXP-2025-0423"), reference))
    assert slip.severity == Severity.LOW and "one character OCR mistakes" in slip.message
    [other] = only("reference_mismatch", context(cited("EXP-2025-0424"), reference))
    assert other.severity == Severity.MEDIUM
    [typed] = only("reference_mismatch", context(cited("FXP-2025-0423", scanned=False), reference))
    assert typed.severity == Severity.MEDIUM


def test_a_reference_cited_by_a_document_of_doubtful_type_is_low(reference: ReferenceData) -> None:
    """Another form taken for a packing list on a one-cue lead (an EUR.1 whose 'Export document No. 8297259'
    was read as the invoice it cites) flags no clean shipment; the same document classified surely does."""
    cited = packing_list(invoice_ref="8297259")
    unsure = cited.model_copy(
        update={"classification": Classification(doc_type=DocType.PACKING_LIST, confidence=0.622)}
    )
    [finding] = only("reference_mismatch", context(clean_shipment(packing_list=unsure), reference))
    assert finding.severity == Severity.LOW and "taken for one on little evidence" in finding.message
    [sure] = only("reference_mismatch", context(clean_shipment(packing_list=cited), reference))
    assert sure.severity == Severity.MEDIUM


def test_quantity_difference_left_after_undoing_a_unit_slip_is_medium(reference: ReferenceData) -> None:
    documents = clean_shipment(origin=certificate_of_origin(net=18_500_000.0))  # "18,500 t" misread; -7.5 % anyway
    [finding] = only("quantity_mismatch", context(documents, reference))
    assert finding.severity == Severity.MEDIUM and "-7.5% after a factor of 1000" in finding.message


def test_smelter_in_the_declared_country_is_no_mismatch(reference: ReferenceData) -> None:
    assert only("smelter_origin_mismatch", context(clean_shipment(), reference)) == []


def test_smelter_origin_mismatch(reference: ReferenceData) -> None:
    documents = clean_shipment(assay=assay(smelter="Hunan Zhirong Antimony", composition=HUNAN_COMPOSITION))
    [finding] = only("smelter_origin_mismatch", context(documents, reference))
    assert finding.severity == Severity.HIGH
    assert finding.message == (
        "The certificate of origin declares origin Thailand (TH), but the assay certificate names the smelter "
        "Hunan Zhirong Antimony, which the reference list places in China (CN) (Lengshuijiang, Hunan)."
    )
    texts = evidence_texts(finding)
    assert texts[0] == "THAILAND" and "Hunan Zhirong Antimony" in texts
    zhirong = next(e for e in finding.evidence if e.text == "Hunan Zhirong Antimony")
    assert zhirong.bbox[1] == pytest.approx(0.05 + 5 * LINE_STEP)  # the producer line of the assay


def test_shared_alias_is_a_mismatch_only_if_no_bearer_is_in_the_declared_country(reference: ReferenceData) -> None:
    in_mexico = clean_shipment(origin=certificate_of_origin(origin="MX"), assay=assay(smelter="USAC"))
    assert only("smelter_origin_mismatch", context(in_mexico, reference)) == []
    [finding] = only("smelter_origin_mismatch", context(clean_shipment(assay=assay(smelter="USAC")), reference))
    assert "Mexico (MX) or United States (US)" in finding.message


def test_unknown_smelter(reference: ReferenceData) -> None:
    unknown = clean_shipment(assay=assay(smelter="Siam Eastern Antimony Refinery Co., Ltd."))
    [finding] = only("unknown_smelter", context(unknown, reference))
    assert finding.severity == Severity.MEDIUM
    assert "'Siam Eastern Antimony Refinery Co., Ltd.'" in finding.message
    assert "Siam Eastern Antimony Refinery Co., Ltd." in evidence_texts(finding)
    assert only("unknown_smelter", context(clean_shipment(), reference)) == []
    # Nothing readable as a producer name is not evidence of an unknown producer.
    assert only("unknown_smelter", context(clean_shipment(assay=assay(smelter=None)), reference)) == []
    assert only("unknown_smelter", context(clean_shipment(assay=assay(smelter="fundidora")), reference)) == []


def test_producer_under_a_garbled_label_is_still_read(reference: ReferenceData) -> None:
    garbled = assay(smelter=None)
    printed = garbled.pages[0].text.splitlines()
    # OCR turned "Producer / smelter:" into "[PEPA ter:", and the extractor found no smelter field.
    page = make_page(
        ["Client: PT Nusantara Logam Niaga", "[PEPA ter: PT Sinar Antimon Smelting", "Gresik, Jawa Timur", *printed]
    )
    garbled = garbled.model_copy(update={"pages": [page]})
    [finding] = only("unknown_smelter", context(clean_shipment(assay=garbled), reference))
    assert "'PT Sinar Antimon Smelting'" in finding.message
    assert evidence_texts(finding) == ["PT Sinar Antimon Smelting"]


def test_fingerprint_statistic_and_threshold() -> None:
    exact = {3: 16.266, 8: 26.124, 13: 34.528}  # chi-square 0.999 quantiles
    for df, value in exact.items():
        assert chi2_quantile(0.999, df) == pytest.approx(value, rel=0.02)
    reference = load_reference()
    profile = reference.assay_profiles["SM0021"]
    impurities, impossible = plausible_impurities(THAI_COMPOSITION | {"Hg": 26.4})  # ppm left unconverted
    assert impossible == {"Hg": 26.4}
    at_mean = fit(impurities, profile)
    assert at_mean is not None and at_mean.df == 12 and at_mean.consistent
    # One element far off (a misread value) is set aside; two are not (log-space widths are about 0.16).
    assert fit(impurities | {"As": 0.09}, profile).consistent  # type: ignore[union-attr]
    assert fit(impurities | {"As": 0.016, "Pb": 0.016}, profile).consistent  # type: ignore[union-attr]
    assert not fit(impurities | {"As": 0.045, "Pb": 0.045}, profile).consistent  # type: ignore[union-attr]
    assert fit({"As": 0.009, "Pb": 0.009}, profile) is None  # too few elements to judge


def test_assay_consistent_with_named_smelter(reference: ReferenceData) -> None:
    assert only("assay_fingerprint_mismatch", context(clean_shipment(), reference)) == []


def test_assay_fingerprint_mismatch(reference: ReferenceData) -> None:
    documents = clean_shipment(assay=assay(composition=HUNAN_COMPOSITION))
    [finding] = only("assay_fingerprint_mismatch", context(documents, reference))
    assert finding.severity == Severity.HIGH
    assert finding.message.startswith(
        "The assay certificate names the smelter Thai Unipet Industries (Thailand (TH)), but its impurities do not "
        "fit the reference profile of Thai Unipet Industries (chi-square"
    )
    assert "in China (CN)" in finding.message
    texts = evidence_texts(finding)
    assert texts[0] == "THAILAND" and "Thai Unipet Industries" in texts
    assert {t.split()[0] for t in texts if t.endswith("%")} == set(HUNAN_COMPOSITION) - {"Sb"}  # every compared value


def test_assay_that_fits_no_profile_is_only_a_note(reference: ReferenceData) -> None:
    odd = {element: value * 40 for element, value in THAI_COMPOSITION.items() if element != "Sb"}
    [finding] = only("assay_fingerprint_mismatch", context(clean_shipment(assay=assay(composition=odd)), reference))
    assert finding.severity == Severity.LOW and "fit no reference profile" in finding.message


def test_unnamed_smelter_is_judged_against_the_declared_country(reference: ReferenceData) -> None:
    documents = clean_shipment(assay=assay(smelter=None, composition=HUNAN_COMPOSITION))
    [finding] = only("assay_fingerprint_mismatch", context(documents, reference))
    assert finding.severity == Severity.HIGH and "names no smelter" in finding.message


def test_origin_text_contradiction_in_goods_description(reference: ReferenceData) -> None:
    documents = clean_shipment(invoice=invoice(extra=["Origin of ore: Hechi, Guangxi, P.R. China"]))
    [finding] = only("origin_text_contradiction", context(documents, reference))
    assert finding.severity == Severity.HIGH
    assert finding.message == (
        "The certificate of origin declares origin Thailand (TH), but an origin statement on the commercial invoice "
        "reads 'Origin of ore: Hechi, Guangxi, P.R. China', placing the goods or their producer in China (CN) "
        "(Hechi, Guangxi and P.R. China)."
    )
    assert evidence_texts(finding) == ["THAILAND", "Origin of ore: Hechi, Guangxi, P.R. China"]
    line = finding.evidence[1]
    assert line.bbox[0] == pytest.approx(LEFT) and line.document_id == documents[0].document_id


def test_origin_text_marking(reference: ReferenceData) -> None:
    documents = clean_shipment(packing_list=packing_list(marks="MADE IN CHINA"))
    [finding] = only("origin_text_contradiction", context(documents, reference))
    assert "the marking on the packing list reads 'MADE IN CHINA'" in finding.message
    assert "MADE IN CHINA" in evidence_texts(finding)


def test_addresses_ports_and_destinations_are_not_origin_statements(reference: ReferenceData) -> None:
    # The clean invoice already names Shanghai as port of discharge and the US buyer; add a Chinese lab too.
    documents = clean_shipment(
        origin=certificate_of_origin(
            extra=[
                "Laboratory: Hunan Nonferrous Testing Centre, Changsha, China",
                "Destination: Baltimore, United States of America",
            ]
        ),
    )
    assert only("origin_text_contradiction", context(documents, reference)) == []


def test_smelter_name_does_not_double_fire_as_origin_text(reference: ReferenceData) -> None:
    producer = ["Productor / fundidora: Hunan Zhirong Antimony", "Lengshuijiang, Hunan, China"]
    documents = clean_shipment(invoice=invoice(extra=producer))
    shipment = context(documents, reference)
    assert only("origin_text_contradiction", shipment) == []
    [finding] = only("smelter_origin_mismatch", shipment)
    assert "the commercial invoice names the smelter Hunan Zhirong Antimony" in finding.message


def test_unlisted_producer_address_is_an_origin_statement(reference: ReferenceData) -> None:
    box = [
        [(LEFT, "4. Producer name and address"), (0.5, "5. Importer name and address")],
        [(LEFT, "Xinhua Fuyuan Antimony Products Co., Ltd.,"), (0.5, "Great Lakes Alloy Supply Inc.")],
        [(LEFT, "Loudi, Hunan, China"), (0.5, "Cleveland, OH 44113")],
    ]
    documents = clean_shipment(origin=certificate_of_origin(extra=box))
    [finding] = only("origin_text_contradiction", context(documents, reference))
    assert "the producer named on the certificate of origin reads '4. Producer name and address Xinhua" in (
        finding.message
    )
    assert "Loudi, Hunan, China" in evidence_texts(finding)
    assert "Cleveland" not in " ".join(evidence_texts(finding))


def test_a_possessive_producer_box_that_may_stay_empty_is_an_origin_statement(reference: ReferenceData) -> None:
    """The RCEP certificate's '2. Producer's name and address, if known': the possessive and the qualifier of
    an optional box do not stop its caption heading the producer named under it."""
    box = [
        [(LEFT, "2. Producer's name and address, if known")],
        [(LEFT, "Lianyuan Hengtai Metal Products Co., Ltd., Lengshuijiang,")],
        [(LEFT, "Hunan, China")],
    ]
    documents = clean_shipment(origin=certificate_of_origin(extra=box))
    [finding] = only("origin_text_contradiction", context(documents, reference))
    assert "Hunan, China" in evidence_texts(finding)


def test_no_domestic_production(reference: ReferenceData) -> None:
    malaysia = clean_shipment(invoice=invoice(origin="MY"), origin=certificate_of_origin(origin="MY"))
    [finding] = only("no_domestic_production", context(malaysia, reference))
    assert finding.severity == Severity.MEDIUM
    assert "Malaysia (MY)" in finding.message and "refined antimony" in finding.message
    assert "no antimony refinery production" in finding.message
    assert evidence_texts(finding) == ["MALAYSIA", "8110.10", "8110.10.00"]
    canada = clean_shipment(invoice=invoice(origin="CA"), origin=certificate_of_origin(origin="CA"))
    [zero] = only("no_domestic_production", context(canada, reference))
    assert "no antimony refinery production" in zero.message


def shipment_of(origin: str, hs: str) -> list[ExtractedDocument]:
    return clean_shipment(invoice=invoice(origin=origin, hs=hs), origin=certificate_of_origin(origin=origin, hs=hs))


def test_refined_goods_need_refinery_output(reference: ReferenceData) -> None:
    """Bolivia mines antimony (production.csv) but no refinery is listed: not an origin of ingots or oxide."""
    for hs in ("8110.10", "2825.80"):
        [finding] = only("no_domestic_production", context(shipment_of("BO", hs), reference))
        assert "refined antimony" in finding.message
        assert "mine production only (3,700 t in 2024)" in finding.message
    # Its ores and concentrates come from its mines.
    assert only("no_domestic_production", context(shipment_of("BO", "2617.10"), reference)) == []


def test_ore_needs_mine_output(reference: ReferenceData) -> None:
    """Belgium refines imported feed (a listed refinery) and mines nothing: an origin of oxide, not of ore."""
    assert only("no_domestic_production", context(shipment_of("BE", "2825.80"), reference)) == []
    [finding] = only("no_domestic_production", context(shipment_of("BE", "2617.10"), reference))
    assert "ore or concentrate" in finding.message and "no antimony mine production" in finding.message
    assert "lists only a smelter or refinery there" in finding.message


def test_a_facility_of_unknown_kind_counts_for_both_stages(reference: ReferenceData) -> None:
    """Thailand's listed plant is of unrecorded kind: a gap in the reference data raises nothing."""
    thai = reference.smelters_in("TH", "antimony")
    assert thai and all(not s.kinds for s in thai)
    for hs in ("8110.10", "2617.10"):
        assert only("no_domestic_production", context(shipment_of("TH", hs), reference)) == []


def test_scrap_and_unreadable_codes(reference: ReferenceData) -> None:
    # Waste and scrap arise wherever antimony is used: nothing to check.
    assert only("no_domestic_production", context(shipment_of("MY", "8110.20"), reference)) == []
    # Without a readable code, any output will do; Vietnam mines antimony.
    vietnam = shipment_of("VN", "8110.10")
    assert only("no_domestic_production", context(vietnam, reference))
    unread = [d.model_copy(update={"fields": {k: v for k, v in d.fields.items() if k != "hs_code"}}) for d in vietnam]
    assert only("no_domestic_production", context(unread, reference)) == []


def test_listed_smelter_or_mine_production_means_domestic_production(reference: ReferenceData) -> None:
    assert only("no_domestic_production", context(clean_shipment(), reference)) == []
    china = clean_shipment(origin=certificate_of_origin(origin="CN"))
    assert only("no_domestic_production", context(china, reference)) == []
    mexico = shipment_of("MX", "8110.10")  # mine production and the Madero smelter
    assert only("no_domestic_production", context(mexico, reference)) == []
    assert only("no_domestic_production", context(shipment_of("MX", "2617.10"), reference)) == []


def test_facility_and_goods_stages_are_read_and_validated(tmp_path: Path) -> None:
    root = _copy_reference(tmp_path)
    reference = load_reference(root)
    assert {k for s in reference.smelters for k in s.kinds} <= {"mine", "mill", "smelter", "refinery", "roaster",
                                                                  "plant"}  # fmt: skip
    assert reference.goods_stages("2617.10.00", "antimony") == {GoodsStage.ORE}
    assert reference.goods_stages("811020", "antimony") == {GoodsStage.SCRAP}
    assert reference.goods_stages("8110.10", "antimony") == {GoodsStage.REFINED}
    # Both columns may be left out of a team's files; the chapter then tells ore from refined goods.
    for name in ("smelters.csv", "hs_codes.csv"):
        rows = list(csv.reader((root / name).open(encoding="utf-8")))
        stage = rows[0].index("stage")
        with (root / name).open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(row[:stage] + row[stage + 1 :] for row in rows)
    plain = load_reference(root)
    assert all(not s.kinds for s in plain.smelters)
    assert plain.goods_stages("2617.10", "antimony") == {GoodsStage.ORE}
    assert plain.goods_stages("8110.20", "antimony") == {GoodsStage.REFINED}
    rows = list(csv.reader((root / "smelters.csv").open(encoding="utf-8")))
    rows[0].insert(8, "stage")
    for row in rows[1:]:
        row.insert(8, "")
    rows[1][8] = "warehouse"
    with (root / "smelters.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    with pytest.raises(ReferenceError, match=r"smelters.csv, line 2, column 9 \(stage\): warehouse not one of"):
        load_reference(root)


def test_without_declared_origin_origin_checks_stay_silent(reference: ReferenceData) -> None:
    bare = invoice()
    bare = bare.model_copy(update={"fields": {k: v for k, v in bare.fields.items() if k != "country_of_origin"}})
    origin = certificate_of_origin()
    origin = origin.model_copy(update={"fields": {k: v for k, v in origin.fields.items() if k != "country_of_origin"}})
    documents = clean_shipment(invoice=bare, origin=origin, assay=assay(smelter="Hunan Zhirong Antimony"))
    shipment = context(documents, reference)
    assert shipment.declared_origin is None
    for check_id in ("smelter_origin_mismatch", "origin_text_contradiction", "no_domestic_production"):
        assert only(check_id, shipment) == []


# --- scoring -------------------------------------------------------------------------------------------------


def test_score_shipments() -> None:
    truth = [
        {"shipment_id": "A", "scenario": "clean", "expected_checks": []},
        {"shipment_id": "B", "scenario": "laundered", "expected_checks": ["quantity_mismatch"]},
        {"shipment_id": "C", "scenario": "laundered", "expected_checks": ["missing_document"]},
        {"shipment_id": "D", "scenario": "laundered", "expected_checks": ["smelter_origin_mismatch"]},
    ]
    low = Finding(check="missing_document", severity=Severity.LOW, message="no packing list")
    predicted = {"A": [low], "B": ["quantity_mismatch"], "C": ["missing_document"], "D": ["unknown_smelter"]}
    scores = score_shipments(predicted, truth)
    flag = scores["flag"]
    assert (flag["precision"], flag["recall"], flag["tp"], flag["fn"], flag["missed"]) == (1.0, 0.6667, 2, 1, ["C"])
    assert scores["per_check"]["quantity_mismatch"]["recall"] == 1.0
    assert scores["per_check"]["smelter_origin_mismatch"]["recall"] == 0.0
    assert scores["per_check"]["missing_document"]["precision"] == 0.5  # fired on A (low) and C
    assert scores["clean_with_findings"] == {"count": 0, "shipments": []}
    expected_mode = score_shipments(predicted, truth, should_flag="expected")["flag"]
    assert (expected_mode["recall"], expected_mode["f1"]) == (1.0, 1.0)


def test_a_smelter_loaded_into_the_store_is_tagged_matched_and_digested(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One source of truth: the reference set in force feeds the NER's ruler, the checks and the inbox digest."""
    from typer.testing import CliRunner

    from oretrace.cli.main import app
    from oretrace.core.config import Settings, get_settings
    from oretrace.nlp_models.pipeline import extract_entities, load_pipeline
    from oretrace.pipeline.inbox import InboxSnapshot
    from oretrace.pipeline.inbox_digest import inbox_digest
    from oretrace.store.reference_store import reference_in_force

    name = "Synthetic Chonburi Antimony Refinery"
    folder = _copy_reference(tmp_path)
    with (folder / "smelters.csv").open("a", encoding="utf-8") as handle:
        handle.write(f"TH9002,{name},,TH,Chonburi,Si Racha,antimony,synthetic test row\n")
    monkeypatch.setenv("ORETRACE_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("ORETRACE_DATABASE_URL", raising=False)
    get_settings.cache_clear()
    try:
        loaded = CliRunner().invoke(app, ["reference", "load", str(folder)])
        assert loaded.exit_code == 0, loaded.output
        settings = get_settings()
        in_force = reference_in_force(settings.resolved_database_url)
    finally:
        get_settings.cache_clear()
    bundled = load_reference()
    assert in_force.smelter("TH9002") is not None and bundled.smelter("TH9002") is None

    line = f"Produced by {name}, Si Racha, Chonburi."
    tagged = [e for e in extract_entities(line, load_pipeline(in_force)) if e.label == "SMELTER"]
    assert [(e.text, e.smelter_id, e.country) for e in tagged] == [(name, "TH9002", "TH")]
    assert not any(e.smelter_id == "TH9002" for e in extract_entities(line, load_pipeline(bundled)))

    shipment = clean_shipment(assay=assay(smelter=name))
    assert only("unknown_smelter", context(shipment, in_force)) == []
    assert only("unknown_smelter", context(shipment, bundled)) != [], "unknown before the load"

    (tmp_path / "inbox" / "SHP-1").mkdir(parents=True)
    (tmp_path / "inbox" / "SHP-1" / "invoice.pdf").write_bytes(b"%PDF-1.4 probe")
    snapshot = InboxSnapshot.take(tmp_path / "inbox")
    plain = Settings(home=tmp_path / "home")
    assert inbox_digest(snapshot, plain, in_force.version) != inbox_digest(snapshot, plain, bundled.version)


def _boxed(document: ExtractedDocument, boxes: Sequence[tuple[int, int]]) -> ExtractedDocument:
    """The document with ruled boxes drawn around the given runs of lines (first, last), full width."""
    rules: list[tuple[float, float, float, float]] = []
    for first, last in boxes:
        top = 0.05 + first * LINE_STEP - 0.004
        bottom = 0.05 + last * LINE_STEP + WORD_HEIGHT + 0.004
        rules += [(0.05, top, 0.95, top), (0.05, bottom, 0.95, bottom), (0.05, top, 0.05, bottom)]
        rules += [(0.95, top, 0.95, bottom)]
    page = document.pages[0].model_copy(update={"rules": rules})
    return document.model_copy(update={"pages": [page]})


def test_transport_and_party_boxes_hold_no_origin_statements(reference: ReferenceData) -> None:
    """A place in a box captioned for transport or a party says where the goods travel or a company sits,
    whatever label stands before it in the box: Bolivian goods shipped through Arica, Chile."""
    base = 7  # the lines certificate_of_origin() prints before the extra ones
    extra = [
        "3. Means of transport and route (as far as known)",
        "Goods loaded at: Arica, Chile",
        "2. Goods consigned to (Consignee's name, address, country)",
        "Goods for: Qinzhou Harbour Trading, Qinzhou, Guangxi, China",
    ]
    plain = clean_shipment(origin=certificate_of_origin(extra=extra))
    # Without the rules the lines read as goods statements naming Chile and China.
    assert only("origin_text_contradiction", context(plain, reference))
    boxed = _boxed(certificate_of_origin(extra=extra), [(base, base + 1), (base + 2, base + 3)])
    assert only("origin_text_contradiction", context(clean_shipment(origin=boxed), reference)) == []


def _weakly_read(document: ExtractedDocument, name: str) -> ExtractedDocument:
    field = document.fields[name].model_copy(update={"confidence": 0.6})
    return document.model_copy(update={"fields": {**document.fields, name: field}})


def test_a_finding_above_low_rests_on_values_read_beside_their_labels(reference: ReferenceData) -> None:
    """A weight or invoice number pieced together by a fallback (a total row without its label) is worth a
    look, not a flag; the same difference read beside its label flags."""
    heavy = packing_list(net=23000.0)
    [flagged] = only("quantity_mismatch", context(clean_shipment(packing_list=heavy), reference))
    assert flagged.severity == Severity.MEDIUM
    weak = _weakly_read(heavy, "net_weight_kg")
    [note] = only("quantity_mismatch", context(clean_shipment(packing_list=weak), reference))
    assert note.severity == Severity.LOW and "read with low confidence" in note.message
    cited = _weakly_read(packing_list(invoice_ref="2025/0432"), "invoice_number")
    [reference_note] = only("reference_mismatch", context(clean_shipment(packing_list=cited), reference))
    assert reference_note.severity == Severity.LOW and "not read beside its own label" in reference_note.message


def test_a_weight_read_from_the_wrong_box_of_an_honest_document_is_low(reference: ReferenceData) -> None:
    """A packing list whose total agrees with the invoice, its net weight read off one lot's row: the
    documents agree, the reading does not; worth a look, not a flag. A packing list that prints no weight of
    the invoice's still flags."""
    lines: list[Line] = [
        "Andaman Minerals Trading Co., Ltd. PACKING LIST",
        "Invoice No.: 2025/0423",
        "Lot No. Ingots Net weight (kg)",
        "AM-2509-017 10 5,028.0",
        "AM-2509-018 10 14,972.0",
        "Total net weight: 20,000.0 kg",
    ]
    fields = {"invoice_number": ("2025/0423", "2025/0423"), "net_weight_kg": (5028.0, "5,028.0")}
    misread = make_doc(DocType.PACKING_LIST, lines, fields, "packing.pdf")
    [note] = only("quantity_mismatch", context(clean_shipment(packing_list=misread), reference))
    assert note.severity == Severity.LOW and "also prints the other's weight" in note.message
    [flagged] = only("quantity_mismatch", context(clean_shipment(packing_list=packing_list(net=5028.0)), reference))
    assert flagged.severity == Severity.MEDIUM


def test_an_address_number_is_no_weight_the_other_document_prints(reference: ReferenceData) -> None:
    """A certificate of origin stating 18,500 kg against the invoice's 20,000, whose consignee lives at
    '2-4-20 Nankohigashi': the '20' of the address is no 20 t, so the difference still flags."""
    origin = certificate_of_origin(net=18500.0, extra=["2-4-20 Nankohigashi, Suminoe-ku, Osaka 559-0031"])
    [finding] = only("quantity_mismatch", context(clean_shipment(origin=origin), reference))
    assert finding.severity == Severity.MEDIUM
