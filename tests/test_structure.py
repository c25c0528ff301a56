"""Reading structure before words: ruled lines from a PDF's paths and a scan's ink, the boxes they make, a box's
caption as the label of what is inside it, grouped identifiers, and captions that are not a field's label."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageFilter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from oretrace.core.folding import fold
from oretrace.core.models import DocType, Page, TextSource, Word
from oretrace.extractors.boxes import PageBoxes
from oretrace.extractors.classify import classify
from oretrace.extractors.fields import extract_fields
from oretrace.extractors.fields.labels import LABELS
from oretrace.extractors.fields.parsers import identifier
from oretrace.extractors.fields.spec import names_other
from oretrace.extractors.fields.view import DocumentView
from oretrace.extractors.layout import RawWord, order_words, split_phrases
from oretrace.extractors.ocr import OcrOptions, ocr_page, prepare_image, without_specks
from oretrace.extractors.rules import joined, main_networks, scan_rules, structural, turned
from oretrace.extractors.scan_cleaning import remove_leaders, remove_rules, rule_masks
from oretrace.extractors.text import ReadOptions, read_pages
from tests.conftest import render

MM = 72 / 25.4


def _pdf(tmp_path: Path, draw) -> Path:  # type: ignore[no-untyped-def]
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1)
    draw(canvas)
    canvas.showPage()
    canvas.save()
    path = tmp_path / "page.pdf"
    path.write_bytes(buffer.getvalue())
    return path


def test_rules_come_from_the_pdf_paths_but_not_its_curves(tmp_path: Path) -> None:
    def draw(c: Canvas) -> None:
        c.setFont("Helvetica", 9)
        c.drawString(30 * MM, 250 * MM, "A line of text for the text layer to be usable here")
        c.rect(20 * MM, 200 * MM, 100 * MM, 40 * MM)  # four sides
        c.line(20 * MM, 150 * MM, 150 * MM, 150 * MM)  # one rule
        c.circle(150 * MM, 100 * MM, 10 * MM)  # curves: a stamp, not a rule
        c.line(20 * MM, 120 * MM, 21 * MM, 120 * MM)  # a tick, too short

    [page] = read_pages(_pdf(tmp_path, draw), "application/pdf", ReadOptions())
    assert page.source is TextSource.TEXT_LAYER
    width, height = A4
    expected = [
        (20 * MM / width, (297 - 240) * MM / height, 120 * MM / width, (297 - 240) * MM / height),
        (20 * MM / width, (297 - 200) * MM / height, 120 * MM / width, (297 - 200) * MM / height),
        (20 * MM / width, (297 - 240) * MM / height, 20 * MM / width, (297 - 200) * MM / height),
        (120 * MM / width, (297 - 240) * MM / height, 120 * MM / width, (297 - 200) * MM / height),
        (20 * MM / width, (297 - 150) * MM / height, 150 * MM / width, (297 - 150) * MM / height),
    ]
    assert len(page.rules) == len(expected)
    for rule in expected:
        assert any(all(abs(a - b) < 0.002 for a, b in zip(rule, found, strict=True)) for found in page.rules)


def _grid_mask(height: int = 1000, width: int = 800) -> tuple[np.ndarray, np.ndarray]:
    """Masks of a scan's long ink runs: a two-box frame, a separate stamp frame, a signature line."""
    horizontal = np.zeros((height, width), dtype=bool)
    vertical = np.zeros((height, width), dtype=bool)
    for y in (100, 300, 500):
        horizontal[y : y + 3, 100:700] = True
    for x in (100, 400, 700):
        vertical[100:503, x : x + 3] = True
    horizontal[700:703, 500:640] = True  # a stamp: closed, but on its own
    horizontal[780:783, 500:640] = True
    vertical[700:783, 500:503] = True
    vertical[700:783, 637:640] = True
    horizontal[900:902, 100:300] = True  # a signature line
    return horizontal, vertical


def test_scan_rules_keep_the_form_and_drop_stamps_and_lone_lines() -> None:
    rules = scan_rules(*_grid_mask())
    flat = sorted(round((r[1] + r[3]) / 2, 2) for r in rules if r[2] - r[0] > r[3] - r[1])
    tall = sorted(round((r[0] + r[2]) / 2, 2) for r in rules if r[2] - r[0] < r[3] - r[1])
    assert flat == [0.1, 0.3, 0.5]
    assert tall == [0.13, 0.5, 0.88]


def test_rule_pieces_join_only_across_small_gaps() -> None:
    pieces = [(0.1, 0.5, 0.4, 0.501), (0.405, 0.5005, 0.8, 0.5015), (0.5, 0.1, 0.501, 0.2), (0.5004, 0.6, 0.5014, 0.7)]
    out = joined(pieces)
    assert (0.1, 0.5, 0.8, 0.5015) in out
    assert sum(1 for r in out if r[3] - r[1] > r[2] - r[0]) == 2  # the two vertical pieces stay apart
    lone = [(0.1, 0.1, 0.5, 0.1)]
    assert structural(lone) == []
    frame = [(0.1, 0.1, 0.5, 0.1), (0.1, 0.3, 0.5, 0.3), (0.1, 0.1, 0.1, 0.3), (0.5, 0.1, 0.5, 0.3)]
    small = [(0.7, 0.7, 0.72, 0.7), (0.7, 0.71, 0.72, 0.71), (0.7, 0.7, 0.7, 0.71), (0.72, 0.7, 0.72, 0.71)]
    assert sorted(main_networks(structural(frame + small))) == sorted(frame)


def test_rules_turn_with_the_page() -> None:
    assert turned([(0.1, 0.2, 0.3, 0.2)], 90) == [(0.8, 0.1, 0.8, 0.3)]
    assert turned([(0.1, 0.2, 0.3, 0.2)], 180) == [(0.7, 0.8, 0.9, 0.8)]


def _page(words: list[tuple[str, float, float, float, float]], rules: list[tuple[float, float, float, float]]) -> Page:
    raw = [RawWord(text, x0, y0, x1, y1) for text, x0, y0, x1, y1 in words]
    return Page(number=1, width=595, height=842, source=TextSource.TEXT_LAYER, language="", words=order_words(raw),
                rules=rules)  # fmt: skip


def _line(text: str, x: float, y: float, size: float) -> list[tuple[str, float, float, float, float]]:
    """Words of one printed line at (x, y) (top of the line), `size` its height as a page fraction."""
    out = []
    for word in text.split():
        width = 0.0075 * len(word) * size / 0.011
        out.append((word, x, y, x + width, y + size))
        x += width + 0.006
    return out


def _frame(x0: float, y0: float, x1: float, y1: float) -> list[tuple[float, float, float, float]]:
    return [(x0, y0, x1, y0), (x0, y1, x1, y1), (x0, y0, x0, y1), (x1, y0, x1, y1)]


def _table(
    rows: list[tuple[float, list[str]]], columns: tuple[float, ...]
) -> list[tuple[str, float, float, float, float]]:
    """Words of an unruled table: each row's cells at its top y and the columns' x; an empty cell prints nothing."""
    return [
        word
        for y, cells in rows
        for x, text in zip(columns, cells, strict=True)
        if text
        for word in _line(text, x, y, 0.011)
    ]


def test_a_box_caption_is_told_apart_from_its_content() -> None:
    words = _line("1. Goods consigned from (Exporter's name, address, country)", 0.11, 0.105, 0.008)
    words += _line("Andaman Minerals Trading Co., Ltd.", 0.12, 0.125, 0.011)
    words += _line("Bangkok 10120, Thailand", 0.12, 0.142, 0.011)
    words += _line("Outside any box", 0.11, 0.5, 0.011)
    page = _page(words, _frame(0.1, 0.1, 0.5, 0.2))
    boxes = PageBoxes(page)
    [box] = boxes.boxes
    assert box.caption.startswith("1. Goods consigned from")
    assert [" ".join(w.text for w in line) for line in box.content] == [
        "Andaman Minerals Trading Co., Ltd.",
        "Bangkok 10120, Thailand",
    ]
    outside = next(w for w in page.words if w.text == "Outside")
    assert boxes.box_of(outside) is None


def test_a_box_number_ocr_set_on_a_line_of_its_own_begins_the_caption() -> None:
    """'1.' a little above 'Vendor (name and address)' (the scan read them as two lines): the caption is both,
    and the vendor's name under it is the box's first line of content, and the seller."""
    words = _line("1.", 0.11, 0.1, 0.011)
    words += _line("Vendor (name and address) - Vendeur (nom et adresse)", 0.13, 0.108, 0.008)
    words += _line("Exportadora Sierra Madre Metals, S. de R.L. de C.V.", 0.12, 0.125, 0.011)
    words += _line("Saltillo, Coahuila, C.P. 25000", 0.12, 0.142, 0.011)
    page = _page(words, _frame(0.1, 0.095, 0.6, 0.2))
    [box] = PageBoxes(page).boxes
    assert box.caption == "1. Vendor (name and address) - Vendeur (nom et adresse)"
    fields = extract_fields(DocType.COMMERCIAL_INVOICE, [page])
    assert fields["seller_name"].value == "Exportadora Sierra Madre Metals, S. de R.L. de C.V."


def test_a_pages_box_outline_says_which_box_each_word_is_in() -> None:
    words = _line("1. Goods consigned from (Exporter's name, address, country)", 0.11, 0.105, 0.008)
    words += _line("Andaman Minerals Trading Co., Ltd.", 0.12, 0.125, 0.011)
    words += _line("Outside any box", 0.11, 0.5, 0.011)
    page = _page(words, _frame(0.1, 0.1, 0.5, 0.2))
    boxes = PageBoxes(page)
    outline = boxes.outline
    assert outline.captions == (boxes.boxes[0].caption,) and outline.header_only == (False,)
    assert outline.word_boxes == tuple(0 if w.text != "Outside" and w.line < 2 else -1 for w in page.words)


def _numbered_box_certificate() -> Page:
    """The numbered boxes of a Form D-style certificate, each value where the form puts it."""
    words: list[tuple[str, float, float, float, float]] = []
    rules: list[tuple[float, float, float, float]] = []
    # 1: exporter; 3: country of origin, wrapped in its narrow box
    words += _line("1. Goods consigned from (Exporter's business name, address, country)", 0.11, 0.105, 0.008)
    words += _line("Sierra Madre Metals", 0.12, 0.125, 0.011)
    rules += _frame(0.1, 0.1, 0.5, 0.2)
    words += _line("3. Country of origin", 0.51, 0.105, 0.008)
    words += _line("ESTADOS UNIDOS", 0.52, 0.125, 0.011)
    words += _line("MEXICANOS", 0.52, 0.142, 0.011)
    rules += _frame(0.5, 0.1, 0.9, 0.2)
    # header cells over their entries: 8 (origin criterion), 9 (weights), 10 (invoice)
    for x0, x1, caption in (
        (0.1, 0.3, "8. Origin criterion (see Overleaf Notes)"),
        (0.3, 0.6, "9. Gross weight or other quantity"),
        (0.6, 0.9, "10. Number and date of invoices"),
    ):
        words += _line(caption, x0 + 0.01, 0.205, 0.008)
        rules += _frame(x0, 0.2, x1, 0.25) + _frame(x0, 0.25, x1, 0.4)
    words += _line('"PE"', 0.12, 0.26, 0.011)
    words += _line("Gross Weight: 7.084 M/T", 0.31, 0.26, 0.011)
    words += _line("Net Wt.: 6.961 M/T", 0.31, 0.28, 0.011)
    words += _line("VNE/EXP/25/120", 0.61, 0.26, 0.011)
    words += _line("2025-10-01", 0.61, 0.28, 0.011)
    # 11 and 12: the exporter's declaration and the certification, each with its own place and date
    words += _line("11. Declaration by the exporter", 0.11, 0.405, 0.008)
    words += _line("Saltillo, 2025-10-06", 0.12, 0.45, 0.011)
    words += _line("Place and date, signature of authorised signatory", 0.11, 0.48, 0.008)
    rules += _frame(0.1, 0.4, 0.5, 0.5)
    words += _line("12. Certification", 0.51, 0.405, 0.008)
    words += _line("Reference No. VN 2025 0398340", 0.52, 0.425, 0.011)
    words += _line("Hanoi, 2025-10-08", 0.52, 0.45, 0.011)
    words += _line("Place and date, signature and stamp of certifying authority", 0.51, 0.48, 0.008)
    rules += _frame(0.5, 0.4, 0.9, 0.5)
    return _page(words, rules)


def test_header_cells_hand_their_label_to_the_box_below() -> None:
    boxes = PageBoxes(_numbered_box_certificate())
    header = next(b for b in boxes.boxes if b.caption.startswith("10."))
    assert header.header_only
    below = boxes.box_below(header)
    assert below is not None and [w.text for w in below.words] == ["VNE/EXP/25/120", "2025-10-01"]


def test_fields_are_read_from_the_box_their_caption_names() -> None:
    fields = extract_fields(DocType.CERTIFICATE_OF_ORIGIN, [_numbered_box_certificate()])
    assert fields["invoice_number"].value == "VNE/EXP/25/120"
    assert fields["net_weight_kg"].value == pytest.approx(6961.0)
    # wrapped over two lines of its box: Mexico, not the United States; the criterion 'PE' is not Peru
    assert fields["country_of_origin"].value == "MX"
    assert fields["exporter_name"].value == "Sierra Madre Metals"
    assert fields["certificate_number"].value == "VN 2025 0398340"
    # the certifying authority's place and date, not the exporter's
    assert fields["issue_date"].value == "2025-10-08"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("VN 2025 0398340", "VN 2025 0398340"),
        ("A 123.456", "A 123.456"),
        ("TH25 31 25164", "TH25 31 25164"),
        ("F-00624 19 Sep 2025", "F-00624"),
        ("2025/0423 USD 12,000", "2025/0423"),
        ("L-2508-013, L-2508-014", "L-2508-013"),
        ("INV-001 2 bundles", "INV-001"),
        ("EXP- 2509-986", "EXP-2509-986"),  # OCR's space after a hyphen: no reference ends in one
        ("MX-USMCA- 25-3836", "MX-USMCA-25-3836"),
        ("MX -USMCA-25-6674", "MX-USMCA-25-6674"),  # nor starts with one
        ("ES-INV~25-0845", "ES-INV-25-0845"),  # OCR's tilde for a hyphen set high
        ("123 / 2025", "123"),  # a slash between spaces parts two figures
        ("602,131.60 USD EXP-2501-505", "EXP-2501-505"),  # an amount in thousands with cents is no reference
        ("1.234,56 EUR F-00711", "F-00711"),
        ("21,170 kg F-00111", "F-00111"),  # a quantity, in thousands or with its unit, is no reference
        ("18.114 MT F-00111", "F-00111"),
        ("18.114 metric tons F-00111", "F-00111"),
    ],
)
def test_identifiers_keep_their_groups_and_nothing_else(text: str, expected: str) -> None:
    assert identifier(text).value == expected


@pytest.mark.parametrize("text", ["17 Mar 2025", "marzo de 2025", "March 17, 2025"])
def test_the_year_of_a_date_is_no_reference(text: str) -> None:
    """A date beside an invoice label whose number OCR lost ('Invoice date  17 Mar 2025') gives no reference:
    its year would contradict every other document's invoice number."""
    assert not identifier(text).found


def test_a_word_is_in_no_box_without_rules_all_round() -> None:
    words = _line("Open on the right", 0.11, 0.105, 0.011)
    page = _page(words, [(0.1, 0.1, 0.5, 0.1), (0.1, 0.2, 0.5, 0.2), (0.1, 0.1, 0.1, 0.2)])
    assert PageBoxes(page).boxes == []
    assert Page.model_validate(page.model_dump()).rules == page.rules
    assert isinstance(page.words[0], Word)


def test_a_number_mark_run_into_its_number_is_two_words() -> None:
    [mark, number] = order_words([RawWord("No.MY2025-27-1233546", 0.1, 0.1, 0.3, 0.11)])
    assert (mark.text, number.text) == ("No.", "MY2025-27-1233546")
    assert mark.bbox[2] == pytest.approx(number.bbox[0])
    assert [w.text for w in order_words([RawWord("No.5", 0.1, 0.1, 0.2, 0.11)])] == ["No.5"]  # no digit run after


def test_a_caption_wrapped_over_lines_is_one_label() -> None:
    """A narrow header cell breaks '10. Number and date of invoices' anywhere; the label is read whole."""
    words = _line("10. Number and", 0.61, 0.205, 0.008) + _line("date of invoices", 0.61, 0.218, 0.008)
    words += _line("VNE/EXP/25/120", 0.61, 0.26, 0.011)
    rules = _frame(0.6, 0.2, 0.75, 0.25) + _frame(0.6, 0.25, 0.75, 0.4)
    fields = extract_fields(DocType.CERTIFICATE_OF_ORIGIN, [_page(words, rules)])
    assert fields["invoice_number"].value == "VNE/EXP/25/120"


def test_the_exporters_reference_number_is_not_the_documents() -> None:
    statement = "The exporter of the products covered by this document (Exporter Reference No BE0712345678) declares"
    words = _line(statement, 0.05, 0.3, 0.011)
    fields = extract_fields(DocType.CERTIFICATE_OF_ORIGIN, [_page(words, [])])
    assert fields["certificate_number"].value is None


def _scanned_page(words: list[tuple[str, float, float, float, float, float]]) -> Page:
    raw = [RawWord(text, x0, y0, x1, y1, conf) for text, x0, y0, x1, y1, conf in words]
    return Page(number=1, width=2480, height=3508, source=TextSource.OCR, language="eng", words=order_words(raw))


def test_element_rows_read_through_leaders_and_trust_names_over_symbols() -> None:
    rows = [
        ("Antimony (Sb)", "........................", "99.71 %"),
        ("As", "...................", "0.0667 %"),
        ("Lead (Pd)", "......................", "0.0123 %"),  # OCR slip in the symbol: the name says lead
        ("Ne", "", "0.0020 %"),  # a speck read as a symbol, doubted by OCR: not neon
    ]
    words = []
    for i, (element, leader, value) in enumerate(rows):
        y = 0.3 + 0.02 * i
        confidence = 0.3 if element == "Ne" else 0.95
        words.append((element.split()[0], 0.1, y, 0.16, y + 0.01, confidence))
        if len(element.split()) > 1:
            words.append((element.split()[1], 0.165, y, 0.2, y + 0.01, confidence))
        if leader:
            words.append((leader, 0.205, y, 0.45, y + 0.01, 0.9))
        number, unit = value.split()
        words += [(number, 0.455, y, 0.52, y + 0.01, 0.95), (unit, 0.525, y, 0.54, y + 0.01, 0.95)]
    fields = extract_fields(DocType.ASSAY_CERTIFICATE, [_scanned_page(words)])
    assert fields["composition_pct"].value == {"Sb": 99.71, "As": 0.0667, "Pb": 0.0123}


def _grid_rows(rows: list[list[str]], confidence: float = 0.9, y: float = 0.3) -> list[tuple]:
    """Words of sideways table rows, one cell every 0.1 of the page width from 0.1."""
    words = []
    for i, cells in enumerate(rows):
        top = y + 0.025 * i
        for j, text in enumerate(cells):
            if text:
                words.append((text, 0.1 + 0.1 * j, top, 0.1 + 0.1 * j + 0.012 * len(text), top + 0.01, confidence))
    return words


def test_a_sideways_table_reads_slipped_symbols_its_continuation_and_lost_decimal_points() -> None:
    words = _grid_rows(
        [
            ["Results, % (m/m)"],
            ["Sb", "As", "Fe", "Ss", "Pb", "s"],  # 'S' with its letter doubled; 'C' would be 'c' (not here)
            ["99.88", "0.0383", "0.0078", "0.0249", "0.0309", "00038"],  # a point lost after the zero
            ["Trace elements, ppm"],
            ["Bi", "Se", "Cd", "Hg"],
            ["21.8", "45", "4.2", "1.1"],  # '4.5' with its point lost, among one-decimal results
            ["Zn"],  # the table goes on under its first column
            ["12.3"],
        ]
    )
    fields = extract_fields(DocType.ASSAY_CERTIFICATE, [_scanned_page(words)])
    assert fields["composition_pct"].value == {
        "Sb": 99.88, "As": 0.0383, "Fe": 0.0078, "S": 0.0249, "Pb": 0.0309, "Bi": 0.00218, "Se": 0.00045,
        "Cd": 0.00042, "Hg": 0.00011, "Zn": 0.00123,
    }  # fmt: skip


def test_a_bare_number_is_kept_where_the_text_layer_printed_it() -> None:
    """Only OCR loses points: a printed integer among decimals stays as printed."""
    words = _grid_rows([["Trace elements, ppm"], ["Bi", "Se", "Cd", "Hg"], ["21.8", "45", "4.2", "1.1"]], 1.0)
    fields = extract_fields(DocType.ASSAY_CERTIFICATE, [_scanned_page(words)])
    assert fields["composition_pct"].value["Se"] == 0.0045


def test_the_mean_row_of_samples_is_told_by_its_values_when_its_caption_is_lost() -> None:
    words = _grid_rows(
        [
            ["Sample", "Sb", "As", "Pb"],
            ["LT-1/A", "83.63", "0.0208", "0.151"],
            ["", "82.97", "0.0204", "0.148"],  # captions under a stamp
            ["", "83.30", "0.0206", "0.150"],
        ]
    )
    fields = extract_fields(DocType.ASSAY_CERTIFICATE, [_scanned_page(words)])
    assert fields["composition_pct"].value == {"Sb": 83.30, "As": 0.0206, "Pb": 0.150}
    # Rows of samples without a mean: the first sample, as before.
    words = _grid_rows([["Sample", "Sb", "As", "Pb"], ["LT-1/A", "83.63", "0.0208", "0.151"],
                        ["LT-1/B", "82.97", "0.0204", "0.148"], ["LT-1/C", "83.00", "0.0201", "0.140"]])  # fmt: skip
    fields = extract_fields(DocType.ASSAY_CERTIFICATE, [_scanned_page(words)])
    assert fields["composition_pct"].value == {"Sb": 83.63, "As": 0.0208, "Pb": 0.151}


def test_lot_numbers_of_another_form_than_the_list_are_left_out() -> None:
    """A figure the lot list also holds (a date, a count of lots) or a lot OCR broke is not reported."""
    words = _grid_rows([["Lot numbers:", "L-2503-018,", "L-2503-019,", "250301,", "L-2503-020", "41lots"]], 0.9)
    fields = extract_fields(DocType.PACKING_LIST, [_scanned_page(words)])
    assert fields["lot_numbers"].value == ["L-2503-018", "L-2503-019", "L-2503-020"]
    # A lot whose capitals OCR read as small letters ('ur' for 'LT') is of another form too.
    words = _grid_rows([["Lot numbers:", "LT-2501-092,", "LT-2501-095,", "ur-2501-095,", "LT-2501-096"]], 0.9)
    fields = extract_fields(DocType.PACKING_LIST, [_scanned_page(words)])
    assert fields["lot_numbers"].value == ["LT-2501-092", "LT-2501-095", "LT-2501-096"]
    words = _grid_rows([["Lot numbers:", "L-2503-018,", "250301"]], 0.9)  # too few to tell a form
    fields = extract_fields(DocType.PACKING_LIST, [_scanned_page(words)])
    assert fields["lot_numbers"].value == ["L-2503-018", "250301"]


def test_a_long_title_is_found_across_a_space_ocr_put_into_it() -> None:
    """'F ACTURA COMERCIAL' is a commercial invoice; a short title ('bill') is never found inside a word."""
    words = [("F", 0.3, 0.05, 0.32, 0.08, 0.9), ("ACTURA", 0.33, 0.05, 0.45, 0.08, 0.92),
             ("COMERCIAL", 0.46, 0.05, 0.62, 0.08, 0.96)]  # fmt: skip
    words += _grid_rows([["Fecha", "24 de marzo de 2025"], ["Comprador", "Great Lakes Alloy Supply Inc."]], 0.9)
    assert classify([_scanned_page(words)]).doc_type == DocType.COMMERCIAL_INVOICE
    billing = [("Billing", 0.3, 0.05, 0.45, 0.08, 0.9), ("address", 0.46, 0.05, 0.6, 0.08, 0.9)]
    assert classify([_scanned_page(billing)]).doc_type == DocType.OTHER


def test_a_rule_ocr_read_as_a_word_is_in_no_box() -> None:
    """OCR reads a ruled line crossing a box as '|' on a line of its own; the page's rows drop it, so a box that
    kept it had a line no row stands for (KeyError (1, 20) on a scanned certificate)."""
    words = _line("Invoice No.", 0.11, 0.105, 0.011)
    words += [("|", 0.3, 0.125, 0.302, 0.138)]
    words += _line("INV-2025-001", 0.11, 0.145, 0.011)
    page = _page(words, _frame(0.1, 0.1, 0.5, 0.2))
    [box] = PageBoxes(page).boxes
    assert [w.text for w in box.words] == ["Invoice", "No.", "INV-2025-001"]
    view = DocumentView([page])
    [hit] = view.find_labels(("Invoice No.",))
    assert [c.text for c in view.value_candidates(hit)][:1] == ["INV-2025-001"]


def test_a_row_of_a_lone_bracket_is_no_element() -> None:
    """OCR reads a stroke beside a results table as '(' on a line of its own: no word to take as a symbol
    (IndexError on a scanned assay certificate)."""
    words = [("(", 0.1, 0.28, 0.105, 0.29, 0.51)]
    words += [
        ("Sb", 0.1, 0.3, 0.13, 0.31, 0.95),
        ("99.71", 0.455, 0.3, 0.52, 0.31, 0.95),
        ("%", 0.525, 0.3, 0.54, 0.31, 0.95),
    ]
    fields = extract_fields(DocType.ASSAY_CERTIFICATE, [_scanned_page(words)])
    assert fields["composition_pct"].value == {"Sb": 99.71}


def _rcep_style_certificate() -> Page:
    """Captions with possessives, a header cell whose wording holds digits in brackets, a number printed with
    spaces, and a signature caption that lists what its box holds."""
    words: list[tuple[str, float, float, float, float]] = []
    rules: list[tuple[float, float, float, float]] = []
    words += _line("1. Exporter's name, address and country", 0.11, 0.105, 0.008)
    words += _line("Andaman Minerals Trading Co., Ltd.", 0.12, 0.125, 0.011)
    rules += _frame(0.1, 0.1, 0.5, 0.2)
    words += _line("Certificate No.", 0.51, 0.105, 0.008)
    words += _line("TH25 RCEP 906751", 0.52, 0.125, 0.011)
    rules += _frame(0.5, 0.1, 0.9, 0.2)
    words += _line("9. HS Code of the", 0.11, 0.205, 0.008) + _line("goods (6 digit-level)", 0.11, 0.218, 0.008)
    rules += _frame(0.1, 0.2, 0.3, 0.25) + _frame(0.1, 0.25, 0.3, 0.3)
    words += _line("2825.80", 0.12, 0.26, 0.011)
    words += _line("14. Certification", 0.51, 0.405, 0.008)
    words += _line("Nonthaburi, 15 Apr 2025", 0.52, 0.45, 0.011)
    words += _line("Place and date, signature and seal of the issuing body", 0.51, 0.48, 0.008)
    rules += _frame(0.5, 0.4, 0.9, 0.5)
    return _page(words, rules)


def test_a_header_cells_bracketed_digits_are_wording_and_captions_read_through_possessives() -> None:
    boxes = PageBoxes(_rcep_style_certificate())
    header = next(b for b in boxes.boxes if b.caption.startswith("9."))
    assert header.header_only  # '(6 digit-level)' is the caption's wording, not an entry
    fields = extract_fields(DocType.CERTIFICATE_OF_ORIGIN, [_rcep_style_certificate()])
    assert fields["hs_code"].value == "282580"
    assert fields["exporter_name"].value == "Andaman Minerals Trading Co., Ltd."
    assert fields["certificate_number"].value == "TH25 RCEP 906751"
    assert fields["issue_date"].value == "2025-04-15"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TH25 RCEP 906751", "TH25 RCEP 906751"),
        ("CP-INV-25-0278 DATED 22 Jul 2025", "CP-INV-25-0278"),
        ("INV-1 PO 4579335", "INV-1"),
        ("A12 USD 1234", "A12"),
    ],
)
def test_a_number_spaced_around_a_capital_word_is_one_reference_only_when_it_fills_the_cell(
    text: str, expected: str
) -> None:
    assert identifier(text).value == expected


def test_a_table_on_its_side_gives_the_total_column() -> None:
    """Row captions on the left, one column per lot and a total column: the total, not the first lot."""
    words = _line("LISTA DE EMBALAGEM", 0.6, 0.05, 0.016)
    rows = [
        (0.20, ["Lote No.", "", "", "TOTAL GERAL"]),
        (0.22, ["Lotes", "L-2509-352", "L-2509-355", ""]),
        (0.24, ["Peso líquido (kg)", "2,056.5", "20,249.5", "22,306.0"]),
        (0.26, ["Peso bruto (kg)", "2,084.0", "20,548.0", "22,632.0"]),
        (0.28, ["Volumes", "2", "20", "22"]),
    ]
    words += _table(rows, (0.05, 0.3, 0.5, 0.7))
    fields = extract_fields(DocType.PACKING_LIST, [_page(words, [])])
    assert fields["net_weight_kg"].value == pytest.approx(22306.0)
    assert fields["gross_weight_kg"].value == pytest.approx(22632.0)
    assert fields["package_count"].value == 22
    assert fields["lot_numbers"].value == ["L-2509-352", "L-2509-355"]


def test_a_title_beside_a_small_caption_on_its_line_is_still_a_title() -> None:
    words = _line("1. Exporter's name, address and country", 0.05, 0.05, 0.008)
    words += _line("Andaman Minerals Trading Co., Ltd.", 0.05, 0.07, 0.011)
    words += _line("2. Producer's name and address, if known", 0.05, 0.14, 0.008)
    words += _line("CERTIFICATE OF ORIGIN", 0.55, 0.14, 0.016)
    for n, y in enumerate((0.3, 0.32, 0.34, 0.36, 0.38, 0.40)):
        words += _line(f"{n + 1} PALLETS gross weight packages marks and numbers", 0.05, y, 0.008)
    assert classify([_page(words, [])]).doc_type is DocType.CERTIFICATE_OF_ORIGIN


def test_a_loose_scan_match_of_another_fields_longer_label_is_not_this_fields_label() -> None:
    """On a scan 'Goods consigned' is within reach of 'goods consigned to', but the caption goes on to name
    'Goods consigned from': the exporter's box, never the consignee."""
    words = [
        ("1.", 0.11, 0.105, 0.12, 0.113, 0.9),
        ("Goods", 0.125, 0.105, 0.16, 0.113, 0.9),
        ("consigned", 0.165, 0.105, 0.22, 0.113, 0.9),
        ("from", 0.225, 0.105, 0.25, 0.113, 0.9),
        ("(Exporter's", 0.255, 0.105, 0.3, 0.113, 0.9),
        ("business", 0.305, 0.105, 0.34, 0.113, 0.9),
        ("name,", 0.345, 0.105, 0.37, 0.113, 0.9),
        ("address,", 0.375, 0.105, 0.41, 0.113, 0.9),
        ("country)", 0.415, 0.105, 0.45, 0.113, 0.9),
        ("Kinta", 0.12, 0.125, 0.15, 0.136, 0.9),
        ("Metals", 0.155, 0.125, 0.2, 0.136, 0.9),
    ]
    raw = [RawWord(text, x0, y0, x1, y1, conf) for text, x0, y0, x1, y1, conf in words]
    page = Page(number=1, width=2480, height=3508, source=TextSource.OCR, language="eng", words=order_words(raw),
                rules=_frame(0.1, 0.1, 0.5, 0.2))  # fmt: skip
    [loose] = DocumentView([page]).find_labels(LABELS["consignee_name"])
    assert loose.label == "goods consigned to"  # within OCR's reach of the words printed
    assert names_other(loose, LABELS["consignee_name"])
    fields = extract_fields(DocType.CERTIFICATE_OF_ORIGIN, [page])
    assert fields["exporter_name"].value == "Kinta Metals"
    assert fields["consignee_name"].value is None


def test_a_number_mark_in_a_captioned_box_gives_the_number_of_what_the_box_names() -> None:
    words = _line("4. Factura comercial / Commercial invoice", 0.51, 0.105, 0.008)
    words += _line("N°: 2025/0894", 0.52, 0.125, 0.011)
    words += _line("Fecha: 2025-01-22", 0.52, 0.142, 0.011)
    fields = extract_fields(DocType.CERTIFICATE_OF_ORIGIN, [_page(words, _frame(0.5, 0.1, 0.9, 0.2))])
    assert fields["invoice_number"].value == "2025/0894"


def test_an_invoice_header_gives_its_number_after_a_bare_mark_but_not_after_a_tax_number() -> None:
    words = _line("FACTURA", 0.7, 0.05, 0.016)
    words += _line("Núm. reg. id. trib.: 3120001123456", 0.5, 0.08, 0.011)
    words += _line("No.:", 0.6, 0.1, 0.011) + _line("F-00659", 0.75, 0.1, 0.011)
    words += _line("B/L No.: ANR9519494", 0.5, 0.5, 0.011)
    fields = extract_fields(DocType.COMMERCIAL_INVOICE, [_page(words, [])])
    assert fields["invoice_number"].value == "F-00659"
    lower = _line("FACTURA", 0.7, 0.05, 0.016) + _line("No.: ANR9519494", 0.5, 0.5, 0.011)
    assert extract_fields(DocType.COMMERCIAL_INVOICE, [_page(lower, [])])["invoice_number"].value is None


@pytest.mark.parametrize("caption", ["Fatura No./Data", "Fatura No/Data", "Fatura Nº/Data"])
def test_a_cell_captioned_with_number_and_date_gives_both(caption: str) -> None:
    """The number mark's slash parts the number from the date whether a point or nothing comes before it; a
    slash inside a unit ('mg/kg', 'B/L') still holds its token together."""
    words = _line("LISTA DE EMBALAGEM", 0.6, 0.05, 0.016)
    words += _line(caption, 0.5, 0.1, 0.008) + _line("F-00501 / 15/05/2025", 0.5, 0.115, 0.011)
    fields = extract_fields(DocType.PACKING_LIST, [_page(words, [])])
    assert fields["invoice_number"].value == "F-00501"
    assert (fold("Nº/Fecha"), fold("mg/kg"), fold("B/L No.")) == ("no fecha", "mg/kg", "b/l no")


def test_the_origin_of_the_ore_is_not_the_origin_of_the_goods() -> None:
    words = _line("INVOICE", 0.7, 0.05, 0.016)
    words += _line("Origin of ore: Hechi, Guangxi, P.R. China", 0.05, 0.3, 0.011)
    words += _line("Origin of goods:", 0.05, 0.5, 0.011) + _line("Thailand", 0.3, 0.5, 0.011)
    fields = extract_fields(DocType.COMMERCIAL_INVOICE, [_page(words, [])])
    assert fields["country_of_origin"].value == "TH"


def test_the_result_column_is_read_beside_duplicate_determinations_and_an_address_heads_no_column() -> None:
    """'Element | Unit | A | B | Result': the certified result, not the first determination; the laboratory's
    e-mail 'assay@...' above the table is no 'Assay' column caption."""
    words = _line("Tel. +66 38 490 552", 0.1, 0.08, 0.011) + _line("assay@lab.example", 0.45, 0.08, 0.011)
    rows = [
        (0.30, ["Element", "Unit", "A", "B", "Result"]),
        (0.33, ["Arsenic (As)", "%", "0.0474", "0.0472", "0.0473"]),
        (0.35, ["Lead (Pb)", "%", "0.0285", "0.0279", "0.0282"]),
        (0.37, ["Bismuth (Bi)", "mg/kg", "19.4", "19.0", "19.2"]),
    ]
    words += _table(rows, (0.07, 0.25, 0.45, 0.6, 0.8))
    fields = extract_fields(DocType.ASSAY_CERTIFICATE, [_page(words, [])])
    assert fields["composition_pct"].value == {"As": 0.0473, "Pb": 0.0282, "Bi": 0.00192}


def test_the_total_row_counts_the_packages_when_their_column_caption_is_unreadable() -> None:
    words = _line("LISTA DE EMPAQUE", 0.6, 0.05, 0.016)
    rows = [
        (0.30, ["Lote No.", "Bali", "Peso neto"]),  # 'Bultos' as OCR read it
        (0.32, ["MA-2503-050", "10 atados", "10.247,00 KGS"]),
        (0.34, ["MA-2503-053", "6 atados", "6.053,50 KGS"]),
        (0.36, ["TOTAL", "16 atados", "16.300,50 KGS"]),
    ]
    words += _table(rows, (0.07, 0.3, 0.6))
    fields = extract_fields(DocType.PACKING_LIST, [_page(words, [])])
    assert fields["package_count"].value == 16


def test_a_caption_with_the_next_columns_caption_run_into_it_is_still_a_label() -> None:
    """'Net weight Origin' over '21,000 MT Belgium': two column captions OCR read as one phrase; the run-on
    caption is never the value ('Productor fundidora' over the producer's name)."""
    words = _line("INVOICE DECLARATION", 0.6, 0.05, 0.016)
    words += _line("Description of goods", 0.05, 0.3, 0.011) + _line("Net weight Origin", 0.6, 0.3, 0.011)
    words += _line("Antimony trioxide", 0.05, 0.32, 0.011) + _line("21,000 MT Belgium", 0.6, 0.32, 0.011)
    fields = extract_fields(DocType.CERTIFICATE_OF_ORIGIN, [_page(words, [])])
    assert fields["net_weight_kg"].value == pytest.approx(21000.0)
    words = _line("CERTIFICADO DE ANALISIS", 0.5, 0.05, 0.016)
    words += _line("Productor fundidora", 0.05, 0.3, 0.011) + _line("Hunan Zhirong Antimony", 0.05, 0.32, 0.011)
    fields = extract_fields(DocType.ASSAY_CERTIFICATE, [_page(words, [])])
    assert fields["smelter_name"].value == "Hunan Zhirong Antimony"
    words = _line("CERTIFICADO DE ANALISIS", 0.5, 0.05, 0.016)
    words += _line("Productor / fundidora: Fundición de Antimonio de San Luis, S.A. de C.V.", 0.05, 0.3, 0.011)
    words += _line("San Luis Potosí, S.L.P., México", 0.05, 0.32, 0.011)
    fields = extract_fields(DocType.ASSAY_CERTIFICATE, [_page(words, [])])
    assert fields["smelter_name"].value == "Fundición de Antimonio de San Luis, S.A. de C.V."


def test_a_scanned_duplicate_table_reads_its_certified_column_unread_units_and_small_letter_symbols() -> None:
    """'Element | Unit | A | B | Certified': the certified column; a unit OCR could not read takes the unit of
    the rows around it when they agree; 's' and 'cd' are S and Cd read in small letters."""
    rows = [
        ["Element", "Unit", "A", "B", "Certified"],
        ["As", "%", "0.0081", "0.0079", "0.0080"],
        ["s", "%", "0.0123", "0.0119", "0.0121"],
        ["Bi", "mg/kg", "7.4", "6.8", "7.1"],
        ["cd", "OMA", "1.0", "1.6", "1.3"],
        ["Hg", "mg/kg", "0.37", "0.37", "0.37"],
    ]
    words = []
    for i, cells in enumerate(rows):
        top = 0.3 + 0.025 * i
        for x, text in zip((0.1, 0.25, 0.45, 0.6, 0.8), cells, strict=True):
            words.append((text, x, top, x + 0.012 * len(text), top + 0.01, 0.9))
    fields = extract_fields(DocType.ASSAY_CERTIFICATE, [_scanned_page(words)])
    assert fields["composition_pct"].value == {"As": 0.008, "S": 0.0121, "Bi": 0.00071, "Cd": 0.00013, "Hg": 3.7e-05}


def test_a_scanned_result_row_survives_a_stroke_before_its_unit_a_speck_after_its_result_and_an_unread_unit() -> None:
    """No header names the columns: 'Antimonio (Sb) | 1% | 99,89' is the unit read with a stroke, then the
    result; '29.4.' ends with a speck; 'on' stands where a unit stands and takes the unit of the rows around."""
    rows = [
        ["Antimonio (Sb)", "1%", "99,89", "0,001"],
        ["Arsénico (As)", "%", "0,0228", "0,001"],
        ["Bismuto (Bi)", "ppm", "8,9", "0,5"],
        ["Estaño (Sn)", "on", "10,9", "0,5"],
        ["Zinc (Zn)", "ppm", "29.4.", "0,5"],
    ]
    words = []
    for i, cells in enumerate(rows):
        top = 0.3 + 0.025 * i
        for x, text in zip((0.1, 0.35, 0.5, 0.7), cells, strict=True):
            for j, word in enumerate(text.split()):
                left = x + 0.07 * j
                words.append((word, left, top, left + 0.011 * len(word), top + 0.01, 0.9))
    fields = extract_fields(DocType.ASSAY_CERTIFICATE, [_scanned_page(words)])
    assert fields["composition_pct"].value == {
        "Sb": 99.89, "As": 0.0228, "Bi": 0.00089, "Sn": 0.00109, "Zn": 0.00294
    }  # fmt: skip


def test_a_symbol_in_capitals_among_symbols_in_capital_and_small_letters_is_repaired_or_dropped() -> None:
    """'PD' among 'Arsenic (As)', 'Iron (Fe)', 'Sulphur (S)': OCR's reading of Pb, not palladium; 'CU' where Cu is
    already listed names nothing to repair to and is dropped, never invented."""
    rows = [["Arsenic (As)", "0.0473 %"], ["Iron (Fe)", "0.0113 %"], ["Sulphur (S)", "0.0209 %"],
            ["Copper (Cu)", "0.0035 %"], ["PD", "0.0273 %"], ["CU", "0.0031 %"]]  # fmt: skip
    words = []
    for i, (element, value) in enumerate(rows):
        top = 0.3 + 0.025 * i
        words += [
            (w, 0.1 + 0.09 * j, top, 0.1 + 0.09 * j + 0.08, top + 0.01, 0.9) for j, w in enumerate(element.split())
        ]
        words += [(w, 0.5 + 0.09 * j, top, 0.5 + 0.09 * j + 0.08, top + 0.01, 0.9) for j, w in enumerate(value.split())]
    fields = extract_fields(DocType.ASSAY_CERTIFICATE, [_scanned_page(words)])
    assert fields["composition_pct"].value == {"As": 0.0473, "Fe": 0.0113, "S": 0.0209, "Cu": 0.0035, "Pb": 0.0273}


@pytest.mark.parametrize(
    ("font", "lost_dots"),
    [("Helvetica", 0), ("Courier", 0), ("Courier", 2)],  # Courier: a typewriter's '. . . .', dots far apart
)
def test_dotted_leaders_are_erased_before_ocr_and_the_rows_read_clean(font: str, lost_dots: int) -> None:
    """Tesseract reads a leader's dots as letters and digits ('Arsenic (AS) 2... 0.0 c cc teens 0.0101 %');
    erased first, each row reads as its element and its result, and the results keep their decimal points.
    A leader is one even where the scan lost dots of it (`lost_dots` side by side in each)."""
    rows = [("Arsenic (As)", "0.0101 %"), ("Iron (Fe)", "0.0061 %"), ("Sulphur (S)", "0.0112 %"),
            ("Lead (Pb)", "0.0099 %"), ("Bismuth (Bi)", "5.7 mg/kg"), ("Selenium (Se)", "3.5 mg/kg")]  # fmt: skip
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1)
    canvas.setFont(font, 10)
    for i, (name, value) in enumerate(rows):
        y = (250 - 8 * i) * MM
        canvas.drawString(30 * MM, y, name)
        start = 30 * MM + canvas.stringWidth(name, font, 10) + 4
        canvas.drawString(start, y, " ".join("." * int((140 * MM - start) / canvas.stringWidth(". ", font, 10))))
        canvas.drawRightString(160 * MM, y, value)
        if lost_dots:  # white over dots in the leader's middle, as a faint scan leaves them
            pitch = canvas.stringWidth(". ", font, 10)
            canvas.setFillGray(1)
            canvas.rect(start + 5 * pitch - 1, y - 1, lost_dots * pitch, 4, stroke=0, fill=1)
            canvas.setFillGray(0)
    canvas.showPage()
    canvas.save()
    image = render(buffer.getvalue(), dpi=300)
    erased = np.asarray(remove_leaders(image)) < 160
    assert erased.sum() < 0.9 * (np.asarray(image) < 160).sum()  # the dots were a good part of the ink
    page = ocr_page(image, 1, 300, OcrOptions())
    # Each row is its element and its result, nothing between them (Tesseract reads Courier's '%' as it likes).
    lines = [line for line in page.text.splitlines() if line.strip()]
    assert [line.split()[: len(name.split()) + 1] for line in lines] == [
        [*name.split(), value.split()[0]] for name, value in rows
    ]


def test_a_surveyors_weight_certificate_is_read_as_a_packing_list() -> None:
    """A certificate of weight states what a packing list states: its title says so, and its table's columns are
    captioned with their unit ('Gross kg', 'Net kg') or abbreviated ('Pkgs')."""
    words = _line("WEIGHT CERTIFICATE", 0.35, 0.05, 0.02)
    words += _line("Client's invoice: F-00431", 0.07, 0.12, 0.011)
    rows = [
        (0.30, ["Container", "Lots", "Pkgs", "Gross kg", "Tare kg", "Net kg"]),
        (0.32, ["CMAU2842544", "LT-2504-047", "18", "18,427.0", "427.0", "18,000.0"]),
        (0.34, ["CMAU5402593", "LT-2504-053", "1", "1,022.0", "22.0", "1,000.0"]),
        (0.36, ["TOTAL", "", "19", "19,449.0", "449.0", "19,000.0"]),
    ]
    words += _table(rows, (0.07, 0.25, 0.42, 0.52, 0.67, 0.82))
    page = _page(words, [])
    assert classify([page]).doc_type is DocType.PACKING_LIST
    fields = extract_fields(DocType.PACKING_LIST, [page])
    assert fields["invoice_number"].value == "F-00431"
    assert fields["package_count"].value == 19
    assert fields["gross_weight_kg"].value == pytest.approx(19449.0)
    assert fields["net_weight_kg"].value == pytest.approx(19000.0)


def test_a_preferential_certificate_in_french_is_a_certificate_of_origin() -> None:
    """An EUR.1 drawn in French carries no English title: its name and the wording of its boxes say what it is,
    and its invoices box ('10. Factures') gives the invoice."""
    words = _line("EUR.1 No MX 8553109", 0.55, 0.05, 0.014)
    words += _line("2. Certificat utilisé dans les échanges préférentiels entre", 0.55, 0.1, 0.008)
    words += _line("4. Pays dont les produits sont considérés comme originaires", 0.55, 0.2, 0.008)
    words += _line("9. Masse brute (kg)", 0.4, 0.3, 0.008) + _line("10. Factures", 0.7, 0.3, 0.008)
    words += _line("10.235 kg", 0.4, 0.32, 0.011) + _line("F-00575", 0.7, 0.32, 0.011)
    words += _line("11. VISA DE LA DOUANE", 0.05, 0.5, 0.008)
    words += _line("12. DÉCLARATION DE L'EXPORTATEUR", 0.55, 0.5, 0.008)
    page = _page(words, [])
    assert classify([page]).doc_type is DocType.CERTIFICATE_OF_ORIGIN
    assert extract_fields(DocType.CERTIFICATE_OF_ORIGIN, [page])["invoice_number"].value == "F-00575"


def test_the_certifying_box_dates_the_certificate_whatever_other_dates_are_labelled() -> None:
    """'CERTIFICACIÓN DE ORIGEN ... La Paz, 3 de marzo de 2025' with no label, beside a 'Fecha:' of the invoice
    and of the exporter's declaration: the certifying side's date is the issue date. Its regional tariff
    nomenclature ('NALADISA') and its 'Peso o cantidad' are read too."""
    words = _line("CERTIFICADO DE ORIGEN", 0.35, 0.05, 0.02)
    rows = [
        (0.2, ["NALADISA", "Denominación de las mercaderías", "Peso o cantidad"]),
        (0.22, ["2825.80", "24 TARIMAS DE TRIÓXIDO DE ANTIMONIO", "24,000 kg"]),
    ]
    words += _table(rows, (0.07, 0.25, 0.75))
    words += _line("Factura comercial N°: MA-INV-25-0213 Fecha: 28/02/2025", 0.07, 0.3, 0.011)
    words += _line("DECLARACIÓN DE ORIGEN", 0.07, 0.405, 0.009)
    words += _line("Fecha: 1 de marzo de 2025", 0.07, 0.45, 0.011)
    words += _line("CERTIFICACIÓN DE ORIGEN", 0.52, 0.405, 0.009)
    words += _line("Certificamos la veracidad de la declaración", 0.52, 0.425, 0.011)
    words += _line("La Paz, 3 de marzo de 2025", 0.52, 0.45, 0.011)
    rules = _frame(0.05, 0.4, 0.5, 0.5) + _frame(0.5, 0.4, 0.95, 0.5)
    fields = extract_fields(DocType.CERTIFICATE_OF_ORIGIN, [_page(words, rules)])
    assert fields["issue_date"].value == "2025-03-03"
    assert fields["hs_code"].value == "282580"
    assert fields["net_weight_kg"].value == pytest.approx(24000.0)


def test_a_results_grid_in_column_pairs_gives_every_element() -> None:
    """'Elemento | Valor | Elemento | Valor': each row holds two or three element/result pairs, and OCR may lose
    the gap between a result and the next pair's element ('6.9 ppm Se')."""
    words = _line("CERTIFICATE OF QUALITY AND ANALYSIS", 0.3, 0.05, 0.016)
    rows = [
        (0.30, ["Elemento", "Valor", "Elemento", "Valor"]),
        (0.32, ["Sb", "99.70 %", "As", "0.0732 %"]),
        (0.34, ["Fe", "0.0153 %", "S", "0.0389 %"]),
    ]
    words += _table(rows, (0.07, 0.25, 0.5, 0.68))
    words += (
        _line("Bi", 0.07, 0.36, 0.011) + _line("6.9 ppm Se", 0.25, 0.36, 0.011) + _line("4.1 ppm", 0.68, 0.36, 0.011)
    )
    fields = extract_fields(DocType.ASSAY_CERTIFICATE, [_page(words, [])])
    assert fields["composition_pct"].value == {
        "Sb": 99.7, "As": 0.0732, "Fe": 0.0153, "S": 0.0389, "Bi": 0.00069, "Se": 0.00041,
    }  # fmt: skip


def test_a_french_invoice_names_its_buyer_after_doit_and_its_total_net_a_payer() -> None:
    """'Doit :' names who owes the invoice; 'NET À PAYER' is the amount due, though 'net' also starts weights."""
    words = _line("FACTURE COMMERCIALE", 0.55, 0.05, 0.016)
    words += _line("Doit :", 0.07, 0.2, 0.011) + _line("Gulf Coast Flame Retardants LLC", 0.07, 0.22, 0.011)
    words += _line("Poids net total :", 0.5, 0.5, 0.011) + _line("23,188 t", 0.75, 0.5, 0.011)
    words += _line("NET À PAYER :", 0.5, 0.52, 0.011) + _line("1.337.686,88 USD", 0.75, 0.52, 0.011)
    fields = extract_fields(DocType.COMMERCIAL_INVOICE, [_page(words, [])])
    assert fields["buyer_name"].value == "Gulf Coast Flame Retardants LLC"
    assert fields["total_amount"].value == pytest.approx(1337686.88)


def test_an_instrument_printout_reads_the_avg_column_and_units_ocr_slipped_on() -> None:
    """Replicates beside their 'Avg'; a unit column OCR read as 'mg ky' or 'mg Ag' (mg/kg), and at the table's
    foot a unit it could not read at all, which takes the unit of the run above it."""
    words = _line("Quantitative Analysis Report", 0.5, 0.05, 0.016)
    rows = [
        (0.30, ["Line", "Unit", "L-1", "L-2", "Avg", "RSD %"]),
        (0.32, ["As 188.980", "%", "0.0417", "0.0413", "0.0415", "0.49"]),
        (0.34, ["Bi 223.061", "mg Ag", "20.1", "19.9", "20.0", "0.51"]),
        (0.36, ["Cd 228.802", "mg ky", "3.8", "3.6", "3.7", "0.65"]),
        (0.38, ["Zn 213.857", "me ke", "9.8", "9.6", "9.7", "1.03"]),
    ]
    words += _table(rows, (0.07, 0.25, 0.38, 0.5, 0.62, 0.76))
    page = _scanned_page([(*word, 0.9) for word in words])  # read by OCR
    fields = extract_fields(DocType.ASSAY_CERTIFICATE, [page])
    assert fields["composition_pct"].value == {"As": 0.0415, "Bi": 0.002, "Cd": 0.00037, "Zn": 0.00097}


def test_a_unit_whose_slash_ocr_read_as_a_stroke_is_still_its_unit() -> None:
    """'git' and 'mglkg': OCR took the slash of g/t and mg/kg for an upright stroke. Read as percent, 30,2 g/t
    of bismuth would be 30 % of the ingot; with the antimony row under a stamp, no total over 100 % says not."""
    words = _line("INFORME DE ANALISIS", 0.35, 0.05, 0.016)
    rows = [
        (0.30, ["Elemento", "Unidad", "Resultado"]),
        (0.34, ["Arsénico (As)", "%", "0,0685"]),
        (0.36, ["Bismuto (Bi)", "git", "30,2"]),
        (0.38, ["Selenio (Se)", "ppm", "10,7"]),
        (0.40, ["Mercurio (Hg)", "mglkg", "2,3"]),
    ]
    words += _table(rows, (0.07, 0.35, 0.55))
    fields = extract_fields(DocType.ASSAY_CERTIFICATE, [_scanned_page([(*w, 0.9) for w in words])])
    assert fields["composition_pct"].value == {"As": 0.0685, "Bi": 0.00302, "Se": 0.00107, "Hg": 0.00023}


def test_an_e_invoice_names_its_parties_emisor_and_receptor() -> None:
    words = _line("FACTURA", 0.6, 0.05, 0.016)
    words += _line("Emisor", 0.07, 0.12, 0.011) + _line("Comercializadora Antimonio del Bajío", 0.07, 0.14, 0.011)
    words += _line("Receptor", 0.07, 0.22, 0.011) + _line("Cascade Battery Metals Corp.", 0.07, 0.24, 0.011)
    fields = extract_fields(DocType.COMMERCIAL_INVOICE, [_page(words, [])])
    assert fields["seller_name"].value == "Comercializadora Antimonio del Bajío"
    assert fields["buyer_name"].value == "Cascade Battery Metals Corp."


def test_the_mean_of_duplicate_determinations_is_told_by_its_values_when_its_caption_is_lost() -> None:
    """'Elemento | Unidad | A | B | Promedio', the caption OCR read as 'Ficmectio': the last column is the mean
    of the determinations before it on most rows, so it is the result."""
    words = _line("CERTIFICATE OF ANALYSIS", 0.35, 0.05, 0.016)
    rows = [
        (0.30, ["Elemento", "Unidad", "A", "B", "Ficmectio"]),
        (0.32, ["Antimony (Sb)", "%", "83,36", "83,34", "83,35"]),
        (0.34, ["Arsenic (As)", "%", "0,0505", "0,0499", "0,0502"]),
        (0.36, ["Lead (Pb)", "%", "0,0339", "0,0337", "0,0338"]),
        (0.38, ["Bismuth (Bi)", "g/t", "30,47", "30,5", "30,6"]),  # a slip OCR made in one determination
    ]
    words += _table(rows, (0.07, 0.3, 0.45, 0.6, 0.75))
    fields = extract_fields(DocType.ASSAY_CERTIFICATE, [_scanned_page([(*w, 0.9) for w in words])])
    assert fields["composition_pct"].value == {"Sb": 83.35, "As": 0.0502, "Pb": 0.0338, "Bi": 0.00306}


def test_a_spanish_invoice_whose_title_ocr_lost_is_told_by_its_wording() -> None:
    words = _line("Folio: F-00711", 0.6, 0.08, 0.011) + _line("Moneda: USD", 0.6, 0.1, 0.011)
    words += _line("Facturar a", 0.07, 0.2, 0.011) + _line("Maasvlakte Metals Trading B.V.", 0.07, 0.22, 0.011)
    words += _line("Descripción", 0.07, 0.3, 0.011) + _line("Importe", 0.7, 0.3, 0.011)
    words += _line("Precio unitario USD 42.520,00/TM", 0.07, 0.4, 0.011)
    assert classify([_page(words, [])]).doc_type is DocType.COMMERCIAL_INVOICE


def test_a_speck_between_pairs_is_read_through_and_a_doubled_letter_invents_no_element() -> None:
    """A speck between a result and the next pair's element ('0.0084 % . Fe') neither joins them nor hides the
    result. 'Cc' (Copper as OCR left it) is no carbon: an element is never made of an OCR slip."""
    words = _line("CERTIFICATE OF ANALYSIS", 0.35, 0.05, 0.016)
    words += _line("As", 0.07, 0.3, 0.011) + _line("0.0084 % . Fe", 0.25, 0.3, 0.011)
    words += _line("0.0058 %", 0.68, 0.3, 0.011)
    words += _line("Cc", 0.07, 0.32, 0.011) + _line("0.0032 %", 0.25, 0.32, 0.011)
    fields = extract_fields(DocType.ASSAY_CERTIFICATE, [_scanned_page([(*w, 0.9) for w in words])])
    assert fields["composition_pct"].value == {"As": 0.0084, "Fe": 0.0058}


def test_a_dollar_sign_where_a_row_names_its_element_is_sulphur() -> None:
    """OCR reads a small-print 'S' as '$': at the head of a row of results it is sulphur, the wavelength after
    it no result. A '$' among the results is no element."""
    words = _line("CERTIFICATE OF ANALYSIS", 0.35, 0.05, 0.016)
    words += _line("Element", 0.07, 0.25, 0.011) + _line("Unit", 0.3, 0.25, 0.011) + _line("Result", 0.5, 0.25, 0.011)
    words += _line("Fe 238.204", 0.07, 0.3, 0.011) + _line("%", 0.3, 0.3, 0.011) + _line("0.0101", 0.5, 0.3, 0.011)
    words += _line("$ 181.972", 0.07, 0.32, 0.011) + _line("%", 0.3, 0.32, 0.011) + _line("0.0134", 0.5, 0.32, 0.011)
    words += _line("Fee", 0.07, 0.36, 0.011) + _line("$", 0.3, 0.36, 0.011) + _line("120.00", 0.5, 0.36, 0.011)
    fields = extract_fields(DocType.ASSAY_CERTIFICATE, [_scanned_page([(*w, 0.9) for w in words])])
    assert fields["composition_pct"].value == {"Fe": 0.0101, "S": 0.0134}


def test_a_symbol_read_twice_is_its_letter_when_no_other_symbol_could_have_slipped_into_it() -> None:
    """'Ss' in a table of element/result pairs is sulphur: no symbol repeats its letter, and no S-symbol's second
    letter looks like an 's'. 'Cc' could be Co, Ce or Cu as well as carbon (see the speck test above)."""
    words = _line("CERTIFICATE OF ANALYSIS", 0.35, 0.05, 0.016)
    for i, row in enumerate(["Sb 99.95 As 0.0101 Fe 0.0061", "Ss 0.0112 Pb 0.0099 Cu 0.0021"]):
        cells = row.split()
        for j, (element, value) in enumerate(zip(cells[::2], cells[1::2], strict=True)):
            words += _line(element, 0.07 + 0.3 * j, 0.3 + 0.02 * i, 0.011)
            words += _line(f"{value} %", 0.13 + 0.3 * j, 0.3 + 0.02 * i, 0.011)
    fields = extract_fields(DocType.ASSAY_CERTIFICATE, [_scanned_page([(*w, 0.9) for w in words])])
    assert fields["composition_pct"].value == {"Sb": 99.95, "As": 0.0101, "Fe": 0.0061, "S": 0.0112, "Pb": 0.0099,
                                               "Cu": 0.0021}  # fmt: skip


def test_a_b_read_as_h_is_restored_and_a_noble_gas_is_never_an_assayed_element() -> None:
    """'Sh' and 'Ph' are no elements: a scan opened the bowl of their 'b'. 'He' and 'Ne' are elements, but no
    assay of a solid reports a noble gas: such a row is a garbled symbol and is left out, never invented."""
    words = _line("CERTIFICATE OF ANALYSIS", 0.35, 0.05, 0.016)
    for i, row in enumerate(["Sh 99.88", "As 0.0221", "Ph 0.0447", "He 0.0026", "Ne 0.0008", "Cu 0.0065"]):
        element, value = row.split()
        words += _line(element, 0.07, 0.3 + 0.02 * i, 0.011)
        words += _line(f"{value} %", 0.4, 0.3 + 0.02 * i, 0.011)
    fields = extract_fields(DocType.ASSAY_CERTIFICATE, [_scanned_page([(*w, 0.9) for w in words])])
    assert fields["composition_pct"].value == {"Sb": 99.88, "As": 0.0221, "Pb": 0.0447, "Cu": 0.0065}


def test_a_numbered_caption_after_a_caption_ending_in_a_colon_heads_its_own_box() -> None:
    """'3. Nombre del productor: | 4. Nombre y domicilio del importador': the second caption is no role named
    as the first one's value ('Notify: | Consignee'), but the importer's box."""
    words = _line("CERTIFICADO DE ORIGEN", 0.38, 0.05, 0.016)
    words += _line("3. Nombre y domicilio del productor:", 0.08, 0.22, 0.008)
    words += _line("4. Nombre y domicilio del importador", 0.52, 0.22, 0.008)
    words += _line("Fundidora del Norte, S.A. de C.V.", 0.08, 0.235, 0.011)
    words += _line("Great Lakes Alloy Supply Inc.", 0.52, 0.235, 0.011)
    fields = extract_fields(DocType.CERTIFICATE_OF_ORIGIN, [_page(words, [])])
    assert fields["consignee_name"].value == "Great Lakes Alloy Supply Inc."


def test_a_consignee_same_as_the_buyer_is_no_name_and_the_notify_party_is_another_box() -> None:
    """'Consignatario: El mismo comprador' refers to the buyer's box; the 'Notificar:' line under it is the
    notify party's, never the consignee's name. The letterhead name stops where the title OCR ran into it."""
    words = _line("Metales y Minerales del Bravo, S.A. de C.V. FACTURA COMERCIAL", 0.07, 0.04, 0.013)
    words += _line("Consignatario:", 0.55, 0.2, 0.011) + _line("El mismo comprador", 0.55, 0.22, 0.011)
    words += _line("Notificar: Daniel Kowalski", 0.55, 0.24, 0.011)
    fields = extract_fields(DocType.COMMERCIAL_INVOICE, [_page(words, [])])
    assert fields["seller_name"].value == "Metales y Minerales del Bravo, S.A. de C.V."
    assert fields["buyer_name"].value is None


def test_hairline_rules_a_scan_broke_into_dashes_are_rules_and_text_keeps_its_ink() -> None:
    """A hairline the scan broke into dashes is erased and kept as a rule, horizontal (short gaps) and vertical
    (a dashed separator, long gaps); dates with hyphens, digits with round counters and a column of values
    ending in '1' under one another keep every pixel, and the rows read clean."""
    rows = [("Arsenic (As)", "%", "0,0369"), ("Iron (Fe)", "%", "0,0131"), ("Lead (Pb)", "%", "0,0181"),
            ("Bismuth (Bi)", "mg/kg", "8,8"), ("Tin (Sn)", "mg/kg", "9,9"), ("Zinc (Zn)", "mg/kg", "15,0")]  # fmt: skip
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1)
    canvas.setFont("Helvetica", 10)
    canvas.drawString(30 * MM, 270 * MM, "Received 12-03-2018, 08-08-2008, 0000 8888 0000")
    for i, (name, unit, value) in enumerate(rows):
        y = (250 - 8 * i) * MM
        canvas.drawString(32 * MM, y, name)
        canvas.drawString(82 * MM, y, unit)
        canvas.drawRightString(150 * MM, y, value)
        canvas.drawRightString(180 * MM, y + 14 * MM, "0,001")  # a tight column of values ending in '1'
    canvas.setLineWidth(0.4)
    canvas.setDash(6, 1.5)  # the hairline as a scan leaves it: dashes and short gaps
    for i in range(len(rows) + 1):
        canvas.line(30 * MM, (255 - 8 * i) * MM, 155 * MM, (255 - 8 * i) * MM)
    canvas.setDash(7, 12)  # a dashed column separator: long gaps
    canvas.line(78 * MM, 255 * MM, 78 * MM, (255 - 8 * len(rows)) * MM)
    canvas.showPage()
    canvas.save()
    image = render(buffer.getvalue(), dpi=300)
    pixels = np.asarray(image)
    horizontal, vertical = rule_masks(image)
    px = 300 / 25.4  # pixels per mm
    for i in range(len(rows) + 1):  # every dashed rule is in the mask along most of its length
        y = round((297 - 255 + 8 * i) * px)
        assert horizontal[y - 3 : y + 4, round(32 * px) : round(153 * px)].any(axis=0).mean() > 0.95
    rows_mm = slice(round((297 - 253) * px), round((297 - 257 + 8 * len(rows)) * px))
    assert vertical[rows_mm, round(77 * px) : round(79 * px)].any(axis=1).mean() > 0.9
    # The dates, the digits and the column of values: ink there, and none of it taken for a rule.
    for top_mm, bottom_mm, left_mm, right_mm in ((23, 29, 28, 130), (40, 100, 158, 185)):
        area = (slice(round(top_mm * px), round(bottom_mm * px)), slice(round(left_mm * px), round(right_mm * px)))
        assert (pixels[area] < 200).any()
        assert not (horizontal | vertical)[area].any()
    page = ocr_page(image, 1, 300, OcrOptions())
    for name, unit, value in rows:
        assert f"{name} {unit} {value}" in page.text


def test_small_print_a_scan_blurred_is_no_rule_and_a_blurred_rule_is_erased_with_its_grey() -> None:
    """Blur runs the tops of a small caption's letters into a row of ink as long as a rule: its letters carry
    on below it, so it is no rule, and the caption keeps its ink. The box's own border is a rule, erased with
    the grey its blur spread beside it."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1)
    canvas.rect(20 * MM, 230 * MM, 120 * MM, 40 * MM)
    canvas.setFont("Helvetica", 7)
    canvas.drawString(22 * MM, 266 * MM, "1. Consignor / exporter (name, full address, country)")
    canvas.showPage()
    canvas.save()
    image = render(buffer.getvalue(), dpi=300).filter(ImageFilter.GaussianBlur(2.5))
    pixels = np.asarray(image)
    px = 300 / 25.4  # pixels per mm
    caption = (slice(round((297 - 268) * px), round((297 - 265) * px)), slice(round(21 * px), round(100 * px)))
    top = round((297 - 270) * px)
    beside_border = (slice(top - 8, top + 9), slice(round(30 * px), round(130 * px)))
    horizontal, vertical = rule_masks(image)
    assert not horizontal[caption].any()
    assert horizontal[beside_border].any(axis=0).all()
    cleaned = np.asarray(remove_rules(image, (horizontal, vertical)))
    assert (pixels[beside_border] < 220).sum() > 5000
    assert not (cleaned[beside_border] < 220).any()
    assert ((cleaned[caption] < 160) == (pixels[caption] < 160)).all()


def test_lines_under_a_lighter_stamp_are_read_again_in_the_prints_ink_alone() -> None:
    """A grey 'VERIFIED' stamp pressed across the element names garbles them on the first reading; read again
    with the stamp's lighter ink whitened, the symbols and the row the stamp's frame crosses come back, and a
    row the stamp leaves alone is read as it was."""
    rows = [("Antimony (Sb)", "99.87 %"), ("Arsenic (As)", "0.0473 %"), ("Iron (Fe)", "0.0113 %"),
            ("Lead (Pb)", "0.0273 %")]  # fmt: skip
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1)
    canvas.setFont("Helvetica", 11)
    for i, (name, value) in enumerate(rows):
        canvas.drawString(30 * MM, (250 - 7 * i) * MM, name)
        canvas.drawRightString(150 * MM, (250 - 7 * i) * MM, value)
    canvas.setFillGray(0.45)
    canvas.setStrokeGray(0.45)
    canvas.setLineWidth(2)
    canvas.translate(28 * MM, 238 * MM)
    canvas.rotate(8)
    canvas.setFont("Helvetica-Bold", 30)
    canvas.drawString(0, 0, "VERIFIED")
    canvas.roundRect(-3 * MM, -3 * MM, 62 * MM, 16 * MM, 4 * MM)
    canvas.showPage()
    canvas.save()
    image = render(buffer.getvalue(), dpi=300).filter(ImageFilter.GaussianBlur(0.8))
    text = ocr_page(image, 1, 300, OcrOptions()).text
    assert "(Sb) 99.87 %" in text
    assert "Iron (Fe) 0.0113 %" in text
    assert "Lead (Pb) 0.0273 %" in text


def test_specks_read_as_letters_are_dropped_and_a_full_stop_is_kept() -> None:
    """Where rules crossed, a few pixels of ink are read as '5' or 'a' in an empty header cell, and the cell
    would seem to hold its value; a word that small is no print. A full stop on its own is larger."""
    size = (2500, 3500)
    px = 1 / size[0], 1 / size[1]

    def word(text: str, x: int, y: int, w: int, h: int) -> RawWord:
        return RawWord(text, x * px[0], y * px[1], (x + w) * px[0], (y + h) * px[1])

    words = [word("País", 2000, 1000, 70, 22), word("5", 2100, 1040, 3, 4), word("a", 2200, 1040, 3, 3),
             word("C.V", 300, 1200, 50, 20), word(".", 352, 1214, 7, 7)]  # fmt: skip
    assert [w.text for w in without_specks(words, 21.0, size)] == ["País", "C.V", "."]


def test_a_row_of_dots_is_a_leader_only_with_blank_paper_above_and_below() -> None:
    """Dot-matrix print (a receipt's) makes its letters of rows of evenly spaced dots, with other dots of the
    letters just above and below; only a row that stands alone is a leader and erased."""
    page = np.full((400, 800), 255, dtype=np.uint8)
    for x in range(100, 700, 20):
        page[98:103, x : x + 5] = 0  # a leader: one row of dots
        for y in (280, 294, 308):  # dot-matrix letters: rows of dots 14 px apart
            page[y : y + 5, x : x + 5] = 0
    cleaned = np.asarray(remove_leaders(Image.fromarray(page)))
    assert (cleaned[90:110] == 255).all()
    assert (cleaned[270:320] == page[270:320]).all()


def test_a_bilingual_caption_ending_in_its_translation_has_its_value_below() -> None:
    """'A01 Herstellerwerk / Manufacturer's plant': the rest is the caption's translation, possessive and all,
    so no word of it ('plant') is the producer; the name stands under the caption."""
    words = _line("Abnahmeprüfzeugnis 3.1 / Inspection certificate 3.1", 0.3, 0.02, 0.014)
    words += _line("A01 Herstellerwerk / Manufacturer's plant", 0.35, 0.044, 0.009)
    words += _line("Steel Mill SE", 0.35, 0.061, 0.011)
    fields = extract_fields(DocType.ASSAY_CERTIFICATE, [_page(words, [])])
    assert fields["smelter_name"].value == "Steel Mill SE"


@pytest.mark.parametrize("doc_type", [DocType.CERTIFICATE_OF_ORIGIN, DocType.COMMERCIAL_INVOICE])
def test_an_hs_code_named_inside_the_description_of_goods_is_read(doc_type: DocType) -> None:
    """'Description of goods: Antimony ingots 99.65%, HS 8110.10': the code follows its name in the text, with no
    caption of its own; the purity before it is no code, and a line naming no code gives none."""
    words = _line("CERTIFICATE OF ORIGIN", 0.3, 0.05, 0.016)
    words += _line("Description of goods: Antimony ingots 99.65%, HS 8110.10", 0.07, 0.2, 0.011)
    assert extract_fields(doc_type, [_page(words, [])])["hs_code"].value == "811010"
    plain = _line("CERTIFICATE OF ORIGIN", 0.3, 0.05, 0.016)
    plain += _line("Description of goods: Antimony ingots 99.65%, 8110 tonnes this year", 0.07, 0.2, 0.011)
    assert extract_fields(doc_type, [_page(plain, [])])["hs_code"].value is None


def test_french_origin_spanish_client_invoice_and_the_e_invoices_receiver_section_are_captions() -> None:
    """'Origine : Thaïlande' on a French invoice, 'Factura del cliente:' on a surveyor's weight certificate and the
    'Datos del receptor' section of a Mexican e-invoice, its name on the line under it."""
    invoice = _line("FACTURE COMMERCIALE", 0.55, 0.04, 0.016) + _line("Origine : Thaïlande", 0.07, 0.5, 0.011)
    assert extract_fields(DocType.COMMERCIAL_INVOICE, [_page(invoice, [])])["country_of_origin"].value == "TH"
    weights = _line("CERTIFICADO DE PESAJE", 0.35, 0.05, 0.016) + _line(
        "Factura del cliente: 2025/0894", 0.07, 0.12, 0.011
    )
    assert extract_fields(DocType.PACKING_LIST, [_page(weights, [])])["invoice_number"].value == "2025/0894"
    cfdi = _line("FACTURA ELECTRÓNICA", 0.55, 0.04, 0.016) + _line("Datos del receptor", 0.07, 0.3, 0.011)
    cfdi += _line("Rheinland Legierungen GmbH", 0.07, 0.32, 0.011) + _line("Hafenstraße 41", 0.07, 0.34, 0.011)
    assert (
        extract_fields(DocType.COMMERCIAL_INVOICE, [_page(cfdi, [])])["buyer_name"].value
        == "Rheinland Legierungen GmbH"
    )


def test_the_exporter_of_an_origin_declaration_on_its_own_paper_is_its_letterhead() -> None:
    """An invoice declaration in the EU agreements' wording ('The exporter of the products covered by this document
    ... declares') is made out by the exporter on its own paper: the letterhead names it. A chamber's certificate
    without that wording takes no name from its letterhead."""
    words = _line("Kempen Specialty Oxides BV", 0.07, 0.04, 0.014) + _line("INVOICE DECLARATION", 0.6, 0.04, 0.014)
    words += _line("Industriepark 14, 2300 Turnhout, Belgium", 0.07, 0.06, 0.011)
    declaration = _line(
        "The exporter of the products covered by this document declares that, except where", 0.07, 0.4, 0.011
    )
    declaration += _line(
        "otherwise clearly indicated, these products are of EU preferential origin.", 0.07, 0.42, 0.011
    )
    fields = extract_fields(DocType.CERTIFICATE_OF_ORIGIN, [_page(words + declaration, [])])
    assert fields["exporter_name"].value == "Kempen Specialty Oxides BV"
    chamber = _line("Antwerp Chamber of Commerce BV", 0.07, 0.04, 0.014) + _line(
        "CERTIFICATE OF ORIGIN", 0.6, 0.04, 0.014
    )
    assert extract_fields(DocType.CERTIFICATE_OF_ORIGIN, [_page(chamber, [])])["exporter_name"].value is None


def test_a_list_of_lots_wrapped_over_its_ruled_cell_is_read_whole() -> None:
    """'LT-2509-073, LT-2509-074,' / 'LT-2509-075, LT-2509-076' in one ruled cell under 'Lots': every lot, not only
    those of the cell's first line."""
    words = _line("CERTIFICATE OF WEIGHT", 0.35, 0.05, 0.016)
    rules: list[tuple[float, float, float, float]] = []
    for x0, x1, caption, lines in (
        (0.1, 0.3, "Container", ["TGHU8679595"]),
        (0.3, 0.6, "Lots", ["LT-2509-073, LT-2509-074,", "LT-2509-075, LT-2509-076"]),
        (0.6, 0.9, "Net kg", ["17,184.0"]),
    ):
        words += _line(caption, x0 + 0.01, 0.205, 0.009)
        rules += _frame(x0, 0.2, x1, 0.23) + _frame(x0, 0.23, x1, 0.29)
        for i, text in enumerate(lines):
            words += _line(text, x0 + 0.01, 0.235 + 0.018 * i, 0.011)
    fields = extract_fields(DocType.PACKING_LIST, [_page(words, rules)])
    assert fields["lot_numbers"].value == ["LT-2509-073", "LT-2509-074", "LT-2509-075", "LT-2509-076"]


def test_a_trace_result_keeps_its_significant_digits() -> None:
    """'Au 0.048 ppm' is 4.8e-06 %: rounded to six decimals it would read 5e-06 %, another result."""
    words = _line("CERTIFICATE OF ANALYSIS", 0.35, 0.05, 0.016)
    rows = [(0.30, ["Element", "Result"]), (0.32, ["Antimony (Sb)", "99.65 %"]), (0.34, ["Arsenic (As)", "0.0213 %"]),
            (0.36, ["Gold (Au)", "0.048 ppm"]), (0.38, ["Mercury (Hg)", "0.12 ppm"])]  # fmt: skip
    words += _table(rows, (0.1, 0.4))
    composition = extract_fields(DocType.ASSAY_CERTIFICATE, [_page(words, [])])["composition_pct"].value
    assert composition == {"Sb": 99.65, "As": 0.0213, "Au": 4.8e-06, "Hg": 1.2e-05}


def test_results_whose_unit_is_lost_are_in_mg_per_kg_where_percent_would_weigh_more_than_the_sample() -> None:
    """A unit column OCR lost: 'Níquel (Ni) 16,6' after 'Antimonio (Sb) 99,95' cannot be 16.6 % (the sample would
    weigh over 100 %); the table lists percent first, then mg/kg. A concentrate's results summing under 100 %
    stay in percent."""
    header = (0.30, ["Elemento", "Resultado"])
    refined = [header, (0.32, ["Antimonio (Sb)", "99,95"]), (0.34, ["Arsénico (As)", "0,0080"]),
               (0.36, ["Azufre (S)", "0,0121"]), (0.38, ["Níquel (Ni)", "16,6"]),
               (0.40, ["Estaño (Sn)", "7,6"])]  # fmt: skip
    words = _line("INFORME DE ENSAYO", 0.35, 0.05, 0.016) + _table(refined, (0.1, 0.4))
    composition = extract_fields(DocType.ASSAY_CERTIFICATE, [_page(words, [])])["composition_pct"].value
    assert composition == {"Sb": 99.95, "As": 0.008, "S": 0.0121, "Ni": 0.00166, "Sn": 0.00076}
    concentrate = [header, (0.32, ["Antimonio (Sb)", "65,2"]), (0.34, ["Plomo (Pb)", "1,2"]),
                   (0.36, ["Arsénico (As)", "0,8"])]  # fmt: skip
    words = _line("INFORME DE ENSAYO", 0.35, 0.05, 0.016) + _table(concentrate, (0.1, 0.4))
    composition = extract_fields(DocType.ASSAY_CERTIFICATE, [_page(words, [])])["composition_pct"].value
    assert composition == {"Sb": 65.2, "Pb": 1.2, "As": 0.8}


def test_a_stamp_read_in_capitals_beside_a_table_of_proper_symbols_is_no_element() -> None:
    """'«ER FIED»', a 'CERTIFIED' stamp across the results, stands where an element would: in a table printing
    its symbols 'Cu', 'Bi', capitals in quotes are a slip and never erbium."""
    rows = [(0.30, ["Element", "Result"]), (0.32, ["Antimony (Sb)", "99.86 %"]), (0.34, ["Copper (Cu)", "0.0034 %"]),
            (0.36, ["«ER", "0.0034 %"]), (0.38, ["Bismuth (Bi)", "0.0027 %"])]  # fmt: skip
    words = _line("CERTIFICATE OF ANALYSIS", 0.35, 0.05, 0.016) + _table(rows, (0.1, 0.4))
    page = _scanned_page([(*word, 0.9) for word in words])
    composition = extract_fields(DocType.ASSAY_CERTIFICATE, [page])["composition_pct"].value
    assert composition == {"Sb": 99.86, "Cu": 0.0034, "Bi": 0.0027}


def test_the_mean_row_of_samples_whose_captions_ocr_lost_is_the_result() -> None:
    """Symbols over three rows of results, the sample names and 'Average' lost: the last row is, element by
    element, the mean of the two above to within one unit of its last digit (each is rounded), so it is the
    certificate's result, not the first sample."""
    rows = [(0.30, ["Sb (%)", "As (%)", "Fe (%)", "S (%)", "Pb (%)"]),
            (0.32, ["99.69", "0.0216", "0.0134", "0.0207", "0.0484"]),
            (0.34, ["99.61", "0.0212", "0.0132", "0.0204", "0.0477"]),
            (0.36, ["99.65", "0.0213", "0.0132", "0.0206", "0.0481"])]  # fmt: skip
    words = _line("CERTIFICATE OF ANALYSIS", 0.35, 0.05, 0.016) + _table(rows, (0.1, 0.25, 0.4, 0.55, 0.7))
    page = _scanned_page([(*word, 0.9) for word in words])
    composition = extract_fields(DocType.ASSAY_CERTIFICATE, [page])["composition_pct"].value
    assert composition == {"Sb": 99.65, "As": 0.0213, "Fe": 0.0132, "S": 0.0206, "Pb": 0.0481}


def test_a_field_word_standing_as_another_captions_value_is_no_caption() -> None:
    """'1. Certifier: Exporter' says who certifies; the line under it is no exporter's name. The exporter's own
    caption, further down, is."""
    words = _line("CERTIFICATION OF ORIGIN", 0.35, 0.05, 0.016)
    words += _line("1. Certifier:", 0.07, 0.12, 0.011) + _line("Exporter", 0.3, 0.12, 0.011)
    words += _line("2. Certifier name and address:", 0.07, 0.14, 0.011)
    words += _line("Marc-André Gagnon, Vice-President, Trade", 0.3, 0.14, 0.011)
    fields = extract_fields(DocType.CERTIFICATE_OF_ORIGIN, [_page(words, [])])
    assert fields["exporter_name"].value is None
    words += _line("3. Exporter:", 0.07, 0.2, 0.011) + _line("Laurentian Specialty Metals Inc.", 0.3, 0.2, 0.011)
    fields = extract_fields(DocType.CERTIFICATE_OF_ORIGIN, [_page(words, [])])
    assert fields["exporter_name"].value == "Laurentian Specialty Metals Inc."


@pytest.mark.parametrize(
    ("doc_type", "line", "name", "expected"),
    [
        (DocType.COMMERCIAL_INVOICE, "Moeda: USD", "currency", "USD"),
        (DocType.CERTIFICATE_OF_ORIGIN, "Date d'émission : 19/09/2025 Lieu : Paris", "issue_date", "2025-09-19"),
        (DocType.COMMERCIAL_INVOICE, "Fornecedor: Minerales Andinos del Sur S.R.L.", "seller_name",
         "Minerales Andinos del Sur S.R.L."),
        (DocType.COMMERCIAL_INVOICE, "Destinataire : Penang Solder Works Sdn. Bhd.", "buyer_name",
         "Penang Solder Works Sdn. Bhd."),
        (DocType.CERTIFICATE_OF_ORIGIN, "Nom du destinataire : Kansai Flame Chemicals K.K.", "consignee_name",
         "Kansai Flame Chemicals K.K."),
        (DocType.PACKING_LIST, "Masa bruta: 19.449 kg", "gross_weight_kg", 19449.0),
    ],
)  # fmt: skip
def test_captions_in_the_other_languages_of_the_trade_lanes(
    doc_type: DocType, line: str, name: str, expected: object
) -> None:
    words = _line("DOCUMENT", 0.4, 0.04, 0.016) + _line(line, 0.07, 0.2, 0.011)
    assert extract_fields(doc_type, [_page(words, [])])[name].value == expected


def test_a_bilingual_caption_runs_on_to_a_colon_ocr_put_a_speck_beside() -> None:
    """'Nombre de colis / Numher of packages :° 21 palettes': the caption and its translation run on for five
    words before the colon, OCR slipped on one and glued a speck to the colon; the count follows it."""
    words = _line("LISTE DE COLISAGE / PACKING LIST", 0.3, 0.05, 0.016)
    words += _line("Nombre de colis / Numher of packages :° 21 palettes / pallets", 0.07, 0.6, 0.011)
    page = _scanned_page([(*word, 0.9) for word in words])
    assert extract_fields(DocType.PACKING_LIST, [page])["package_count"].value == 21


def test_bold_captions_on_a_shaded_header_keep_their_ink_and_its_borders_are_rules() -> None:
    """A grey header cell with bold captions, scanned at 150 dpi: the blur darkens the gaps between the
    letters, so a fixed threshold sees rows through the lettering as long rules and erases them. Told
    against the paper around it, the lettering keeps its ink and the cell's borders are still rules."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1)
    canvas.setFillGray(0.78)
    canvas.setLineWidth(0.8)
    canvas.rect(20 * MM, 240 * MM, 170 * MM, 9 * MM, stroke=1, fill=1)
    canvas.setFillGray(0)
    canvas.setFont("Helvetica-Bold", 10)
    captions = ["Elemento", "Resultado", "Unidad", "Incertidumbre"]
    for i, caption in enumerate(captions):
        canvas.drawString((24 + 42 * i) * MM, 243 * MM, caption)
    canvas.showPage()
    canvas.save()
    scan = render(buffer.getvalue(), dpi=150).filter(ImageFilter.GaussianBlur(0.6))  # a scanner's optics
    image = prepare_image(scan, 150, 300)
    horizontal, _ = rule_masks(image)
    px = 300 / 25.4
    lettering = (slice(round((297 - 247) * px), round((297 - 242.5) * px)), slice(round(24 * px), round(186 * px)))
    assert (np.asarray(image)[lettering] < 128).any()
    assert not horizontal[lettering].any()
    for border_mm in (240, 249):
        y = round((297 - border_mm) * px)
        assert horizontal[y - 3 : y + 4, round(22 * px) : round(188 * px)].any(axis=0).mean() > 0.95
    page = ocr_page(scan, 1, 150, OcrOptions())
    assert all(caption in page.text for caption in captions)


def test_a_line_of_specks_between_the_rows_of_a_sideways_table_does_not_end_it() -> None:
    """OCR reads a speck between two sample rows as a line (':'); the rows under it, the average among
    them, still belong to the table."""
    words = _grid_rows(
        [
            ["Sample", "Sb", "As", "Pb"],
            ["LT-1/A", "83.63", "0.0208", "0.151"],
            [":"],
            ["LT-1/B", "82.97", "0.0204", "0.148"],
            ["AVG", "83.30", "0.0206", "0.150"],
        ]
    )
    fields = extract_fields(DocType.ASSAY_CERTIFICATE, [_scanned_page(words)])
    assert fields["composition_pct"].value == {"Sb": 83.30, "As": 0.0206, "Pb": 0.150}
    # A line of words there ends the table: the figures under it are another table's.
    words = _grid_rows([["Sample", "Sb", "As", "Pb"], ["LT-1/A", "83.63", "0.0208", "0.151"], ["Remarks: none"],
                        ["AVG", "83.30", "0.0206", "0.150"]])  # fmt: skip
    fields = extract_fields(DocType.ASSAY_CERTIFICATE, [_scanned_page(words)])
    assert fields["composition_pct"].value == {"Sb": 83.63, "As": 0.0208, "Pb": 0.151}


def test_a_row_name_ocr_cut_to_capitals_gives_way_to_the_symbol_beside_it() -> None:
    """'Selenio' read as 'PA' beside its symbol 'Se': the symbol column names the element, not protactinium;
    a name in capitals that is its own symbol ('AS | As') reads the same either way."""
    words = _grid_rows(
        [
            ["Elemento", "Símbolo", "Resultado"],
            ["Arsénico", "As", "0.0274 %"],
            ["PA", "Se", "0.00056 %"],
            ["AS", "As", "0.0274 %"],
        ]
    )
    fields = extract_fields(DocType.ASSAY_CERTIFICATE, [_scanned_page(words)])
    assert fields["composition_pct"].value == {"As": 0.0274, "Se": 0.00056}


def test_a_result_with_its_unit_misread_as_the_shapes_of_its_sign_keeps_its_value() -> None:
    """'0.0017 oP': OCR read the '%' written after the result as the circles and stroke it is made of. The
    result stands; its unit is the one its neighbours have, as for any unit OCR could not read."""
    words = _line("CERTIFICATE OF ANALYSIS", 0.35, 0.05, 0.016)
    for i, (element, result) in enumerate([("Nickel (Ni)", "0.0017 %"), ("Tin (Sn)", "0.00078 oP"),
                                           ("Zinc (Zn)", "0.00062 %")]):  # fmt: skip
        words += _line(element, 0.1, 0.3 + 0.025 * i, 0.011) + _line(result, 0.5, 0.3 + 0.025 * i, 0.011)
    fields = extract_fields(DocType.ASSAY_CERTIFICATE, [_scanned_page([(*w, 0.9) for w in words])])
    assert fields["composition_pct"].value == {"Ni": 0.0017, "Sn": 0.00078, "Zn": 0.00062}


def test_a_figure_with_a_speck_read_as_a_colon_does_not_end_its_column() -> None:
    """'1,022.0:' in a gross weight column captions nothing: the column goes on to its total row."""
    words = _line("PACKING LIST", 0.4, 0.05, 0.02)
    rows = [
        (0.30, ["Bundle No.", "Net weight (kg)", "Gross weight (kg)"]),
        (0.32, ["001", "1,000.0", "1,016.0"]),
        (0.34, ["002", "1,005.0", "1,022.0:"]),
        (0.36, ["003", "998.5", "1,013.5"]),
        (0.38, ["TOTAL", "3,003.5", "3,051.5"]),
    ]
    words += _table(rows, (0.1, 0.4, 0.7))
    fields = extract_fields(DocType.PACKING_LIST, [_scanned_page([(*w, 0.9) for w in words])])
    assert fields["net_weight_kg"].value == 3003.5
    assert fields["gross_weight_kg"].value == 3051.5


def test_a_one_word_header_ocr_joined_to_the_header_before_it_heads_its_own_column() -> None:
    """'Colis n° / Pkg No. Lot' read as one phrase: 'Lot' heads the column under it. A lot followed by a speck
    read as a colon ('KS-2506-056 :1.000,0') is a value, not a caption that ends the column, and a lot with a
    speck read as a letter before it ('UKS-2506-054') is the lot above it again."""
    words = _line("LISTE DE COLISAGE / PACKING LIST", 0.3, 0.05, 0.016)
    words += _line("Colis n° / Pkg No. Lot", 0.08, 0.3, 0.011)
    words += _line("Poids net / Net wt. (kg)", 0.5, 0.3, 0.011)
    rows = [("1", "KS-2506-054", "1.000,0"), ("2", "UKS-2506-054", "1.000,0"), ("3", "KS-2506-056", ":1.000,0"),
            ("4", "KS-2506-058", "1.000,0")]  # fmt: skip
    for i, (package, lot, net) in enumerate(rows):
        y = 0.33 + 0.025 * i
        words += _line(package, 0.08, y, 0.011) + _line(lot, 0.212, y, 0.011) + _line(net, 0.5, y, 0.011)
    fields = extract_fields(DocType.PACKING_LIST, [_scanned_page([(*w, 0.9) for w in words])])
    assert fields["lot_numbers"].value == ["KS-2506-054", "KS-2506-056", "KS-2506-058"]


def test_a_rule_between_two_words_ends_the_phrase() -> None:
    """Two header cells whose words stand a space apart are two phrases; a number printed across a column rule
    stays with the unit beside it."""
    y0, y1 = 0.105, 0.116
    header = [("No.", 0.11, y0, 0.125, y1), ("de", 0.13, y0, 0.14, y1), ("orden", 0.145, y0, 0.185, y1)]
    header += [("NALADISA", 0.193, y0, 0.25, y1)]  # less than a space after 'orden', beyond the rule at 0.19
    row = [("18,168", 0.17, 0.135, 0.205, 0.146), ("toneladas", 0.21, 0.135, 0.27, 0.146)]  # across the rule
    rules = _frame(0.1, 0.1, 0.19, 0.12) + _frame(0.19, 0.1, 0.4, 0.12)
    rules += [(0.1, 0.15, 0.4, 0.15), (0.1, 0.12, 0.1, 0.15), (0.4, 0.12, 0.4, 0.15), (0.19, 0.13, 0.19, 0.15)]
    page = _page(header + row, rules)
    boxes = PageBoxes(page)
    by_text = {w.text: w for w in page.words}
    assert boxes.ruled_apart(by_text["orden"], by_text["NALADISA"])
    assert not boxes.ruled_apart(by_text["de"], by_text["orden"])
    assert not boxes.ruled_apart(by_text["18,168"], by_text["toneladas"])
    view = DocumentView([page])
    assert [[p.text for p in row] for row in view.rows] == [["No. de orden", "NALADISA"], ["18,168 toneladas"]]
    assert view.find_labels(LABELS["hs_code"])[0].phrase.text == "NALADISA"


@pytest.mark.parametrize(
    "sentence",
    [
        "The undersigned Jane Doe, Export Manager, for Andaman Minerals Trading Co., Ltd. declares that",
        "I, Jane Doe, acting on behalf of Andaman Minerals Trading Co., Ltd., hereby declare that",
        "El suscrito, Juan Pérez, en representación de Andaman Minerals Trading Co., Ltd., declara que",
        "The goods described below were exported by Andaman Minerals Trading Co., Ltd. from Bangkok.",
        "The undersigned Nguyen Thi Thu Ha for (Owner or Agent) Andaman Minerals Trading Co., Ltd. (Name and",
        "El suscrito Juan Pérez, por cuenta de Andaman Minerals Trading Co., Ltd., declara que",
    ],
)
def test_the_exporter_a_sworn_statement_names(sentence: str) -> None:
    words = _line("CERTIFICATE OF ORIGIN", 0.35, 0.05, 0.016) + _line(sentence, 0.07, 0.2, 0.011)
    fields = extract_fields(DocType.CERTIFICATE_OF_ORIGIN, [_page(words, [])])
    assert fields["exporter_name"].value == "Andaman Minerals Trading Co., Ltd."


def test_a_total_before_a_weight_label_still_names_the_weight() -> None:
    """'Total net' and 'Total gross' at a packing list's foot give the shipment's weights."""
    words = _line("PACKING LIST", 0.4, 0.05, 0.016)
    words += _line("Total net:", 0.07, 0.6, 0.011) + _line("15.000 MT", 0.3, 0.6, 0.011)
    words += _line("Total gross", 0.07, 0.62, 0.011) + _line("15.355 MT", 0.3, 0.62, 0.011)
    fields = extract_fields(DocType.PACKING_LIST, [_scanned_page([(*w, 0.9) for w in words])])
    assert (fields["net_weight_kg"].value, fields["gross_weight_kg"].value) == (15000.0, 15355.0)


def test_parties_named_in_a_chamber_declaration_are_read_from_its_sentence() -> None:
    """A chamber certificate in the US form's wording names the shipper and the consignee in its sentence; a
    sentence's 'to the United States' names no party."""
    words = _line("CERTIFICATE OF ORIGIN", 0.35, 0.05, 0.016)
    sentence = [
        "The undersigned Somchai Rattanakul, Export Manager for Andaman Minerals Trading Co., Ltd.,",
        "Bangkok, declares that the following goods shipped on MV Sierra Azul on 2025-05-28 consigned to",
        "Great Lakes Alloy Supply Inc., Cleveland, OH, are the products of Thailand.",
    ]
    for i, line in enumerate(sentence):
        words += _line(line, 0.07, 0.2 + 0.02 * i, 0.011)
    fields = extract_fields(DocType.CERTIFICATE_OF_ORIGIN, [_page(words, [])])
    assert fields["exporter_name"].value == "Andaman Minerals Trading Co., Ltd."
    assert fields["consignee_name"].value == "Great Lakes Alloy Supply Inc."
    assert fields["country_of_origin"].value == "TH"
    plain = _line("CERTIFICATE OF ORIGIN", 0.35, 0.05, 0.016)
    plain += _line("The goods exported to the United States are the products of Thailand.", 0.07, 0.2, 0.011)
    fields = extract_fields(DocType.CERTIFICATE_OF_ORIGIN, [_page(plain, [])])
    assert fields["consignee_name"].value is None and fields["exporter_name"].value is None


@pytest.mark.parametrize(
    "caption", ["Purchaser's name and address", "Messrs.", "To Messrs.", "Invoiced to", "Recipient"]
)
def test_the_buyer_under_the_words_other_invoices_use_for_it(caption: str) -> None:
    words = _line("COMMERCIAL INVOICE", 0.35, 0.05, 0.016) + _line("Invoice No.: F-00311", 0.6, 0.1, 0.011)
    words += _line(f"{caption}:", 0.07, 0.2, 0.011) + _line("Great Lakes Alloy Supply Inc.", 0.07, 0.22, 0.011)
    words += _line("1650 Columbus Road, Cleveland, OH 44113", 0.07, 0.24, 0.011)
    fields = extract_fields(DocType.COMMERCIAL_INVOICE, [_page(words, [])])
    assert fields["buyer_name"].value == "Great Lakes Alloy Supply Inc."


def test_lots_one_per_line_that_a_cell_joined_are_each_a_lot() -> None:
    """A ruled lot column whose row rules the scan lost holds its lots as the lines of one cell."""
    words = _line("PACKING LIST", 0.4, 0.05, 0.016)
    words += _line("Lot No.", 0.07, 0.3, 0.011) + _line("Packages", 0.27, 0.3, 0.011)
    for i, (lot, packages) in enumerate([("LT-2507-049", "8 bundles"), ("LT-2507-051", "4 bundles"),
                                         ("LT-2507-052", "4 bundles"), ("LT-2507-053", "1 bundle")]):  # fmt: skip
        words += _line(lot, 0.07, 0.325 + 0.02 * i, 0.011) + _line(packages, 0.27, 0.325 + 0.02 * i, 0.011)
    words += _line("TOTAL", 0.07, 0.415, 0.011) + _line("17 bundles", 0.27, 0.415, 0.011)
    rules = _frame(0.06, 0.29, 0.25, 0.32) + _frame(0.25, 0.29, 0.45, 0.32)
    rules += _frame(0.06, 0.32, 0.25, 0.41) + _frame(0.25, 0.32, 0.45, 0.41)
    rules += _frame(0.06, 0.41, 0.25, 0.43) + _frame(0.25, 0.41, 0.45, 0.43)
    fields = extract_fields(DocType.PACKING_LIST, [_page(words, rules)])
    assert fields["lot_numbers"].value == ["LT-2507-049", "LT-2507-051", "LT-2507-052", "LT-2507-053"]


def test_a_header_spanning_two_weight_columns_gives_their_unit() -> None:
    """The chamber form's 'Weight in Kilos' over 'Gross' and 'Net': the bare numbers under each are kilograms."""
    words = _line("CERTIFICATE OF ORIGIN", 0.35, 0.05, 0.016)
    words += _line("Marks and Numbers", 0.07, 0.5, 0.009) + _line("No. of Pkgs", 0.25, 0.5, 0.009)
    words += _line("Weight in Kilos", 0.45, 0.49, 0.009) + _line("Full Description of Item", 0.65, 0.5, 0.009)
    words += _line("Gross", 0.42, 0.505, 0.009) + _line("Net", 0.52, 0.505, 0.009)
    words += _line("AMT/SPA", 0.07, 0.53, 0.011) + _line("17 bundles", 0.25, 0.53, 0.011)
    words += _line("17,400.50", 0.42, 0.53, 0.011) + _line("17,153.50", 0.52, 0.53, 0.011)
    words += _line("Antimony metal ingots", 0.65, 0.53, 0.011)
    for page in (_page(words, []), _scanned_page([(*w, 0.9) for w in words])):
        assert extract_fields(DocType.CERTIFICATE_OF_ORIGIN, [page])["net_weight_kg"].value == 17153.5


def test_the_numbers_the_packages_carry_count_them_when_no_count_is_stated() -> None:
    """A weight list's 'Pkg No.' column (1 to 4) or the marks' 'BUNDLE NO. 1-17' count the packages; numbers with
    a gap, or bundle codes, count nothing."""
    rows = [(0.3, ["Pkg No.", "Description", "Net Wt (kg)", "Gross Wt (kg)"])]
    rows += [(0.32 + 0.02 * i, [str(i + 1), "Antimony ingots", "1,000.0", f"1,02{i}.0"]) for i in range(4)]
    rows.append((0.42, ["TOTAL", "", "4,000.0", "4,086.0"]))
    header = _line("WEIGHT AND MEASUREMENT LIST", 0.3, 0.05, 0.016)
    words = header + _table(rows, (0.06, 0.2, 0.5, 0.7))
    assert extract_fields(DocType.PACKING_LIST, [_page(words, [])])["package_count"].value == 4
    gap = header + _table([rows[0], rows[1], rows[3], rows[4], rows[5]], (0.06, 0.2, 0.5, 0.7))
    assert extract_fields(DocType.PACKING_LIST, [_page(gap, [])])["package_count"].value is None
    marks = header + _line("Marks and numbers:", 0.07, 0.5, 0.011) + _line("BUNDLE NO. 1-17", 0.07, 0.52, 0.011)
    assert extract_fields(DocType.PACKING_LIST, [_page(marks, [])])["package_count"].value == 17


def test_a_customs_invoice_leaves_the_buyer_to_the_consignee() -> None:
    """The Canada customs invoice's '5. Purchaser's name and address (if other than consignee)' says 'Same as
    consignee': the buyer is in '4. Consignee (name and address)', a caption whose description is no other
    field's label. The net weight stands in a sub-box of '16. Total weight'."""
    boxes = [
        (0.05, 0.08, 0.5, 0.2, "1. Vendor (name and address)", "Andaman Minerals Trading Co., Ltd."),
        (0.05, 0.2, 0.5, 0.32, "4. Consignee (name and address)", "Laurentian Specialty Metals Inc."),
        (0.5, 0.2, 0.95, 0.32, "5. Purchaser's name and address (if other than consignee)", "Same as consignee"),
        (0.05, 0.56, 0.5, 0.58, "16. Total weight - Poids total", ""),
        (0.05, 0.58, 0.275, 0.62, "Net", "17,153.50 kg"),
        (0.275, 0.58, 0.5, 0.62, "Gross", "17,400.50 kg"),
    ]
    words, rules = _line("CANADA CUSTOMS INVOICE", 0.35, 0.03, 0.016), []
    for x0, y0, x1, y1, caption, value in boxes:
        rules += _frame(x0, y0, x1, y1)
        words += _line(caption, x0 + 0.01, y0 + 0.005, 0.007) + (
            _line(value, x0 + 0.01, y0 + 0.018, 0.011) if value else []
        )
    fields = extract_fields(DocType.COMMERCIAL_INVOICE, [_page(words, rules)])
    assert fields["buyer_name"].value == "Laurentian Specialty Metals Inc."
    assert fields["seller_name"].value == "Andaman Minerals Trading Co., Ltd."
    assert fields["net_weight_kg"].value == 17153.5


@pytest.mark.parametrize(
    "said",
    ["SAY SEVENTEEN (17) BUNDLES ONLY", "SAY TOTAL: SEVENTEEN BUNDLES ONLY", "SAY: DIECISIETE ATADOS SOLAMENTE"],
)
def test_a_count_of_packages_written_out_in_words(said: str) -> None:
    words = _line("PACKING LIST", 0.4, 0.05, 0.016) + _line("TOTAL NET WEIGHT: 17,153.50 KGS", 0.07, 0.5, 0.011)
    words += _line(said, 0.07, 0.52, 0.011)
    assert extract_fields(DocType.PACKING_LIST, [_page(words, [])])["package_count"].value == 17


def test_a_leader_of_spaced_dots_runs_from_the_element_to_its_result() -> None:
    """'Sb . . . . . . 99.95 %': a text layer sets each dot of a spaced leader as a word of its own."""
    words = _line("CERTIFICATE OF ANALYSIS", 0.35, 0.05, 0.016)
    for i, (element, result) in enumerate([("Sb", "99.95 %"), ("As", "0.0088 %"), ("Bi", "5.5 mg/kg")]):
        words += _line(f"{element} {'. ' * 30}{result}", 0.07, 0.3 + 0.02 * i, 0.011)
    fields = extract_fields(DocType.ASSAY_CERTIFICATE, [_page(words, [])])
    assert fields["composition_pct"].value == {"Sb": 99.95, "As": 0.0088, "Bi": 0.00055}


def test_a_continuing_row_of_symbols_with_one_ocr_garbled_still_continues_the_table() -> None:
    """'Bi | Se | ca' under the main row of symbols: 'ca' (Cd as OCR read it) is no symbol, and no calcium, but
    it does not end the table: Bi and Se are read with the unit of their heading."""
    words = _grid_rows(
        [
            ["Results, % (m/m)"],
            ["Sb", "As", "Fe", "Pb", "Cu"],
            ["99.95", "0.0095", "0.0057", "0.0094", "0.0022"],
            ["Trace elements, ppm"],
            ["Bi", "Se", "ca"],
            ["5.7", "3.2", "1.3"],
        ]
    )
    fields = extract_fields(DocType.ASSAY_CERTIFICATE, [_scanned_page(words)])
    assert fields["composition_pct"].value == {
        "Sb": 99.95, "As": 0.0095, "Fe": 0.0057, "Pb": 0.0094, "Cu": 0.0022, "Bi": 0.00057, "Se": 0.00032,
    }  # fmt: skip


def test_a_speck_read_as_a_digit_before_a_result_gives_way_to_the_result_column() -> None:
    """'Plomo (Pb) | 8 | 0,0096 | 0,001': the results of the other rows stand in one column; the '8' left of it
    is a speck, the result is the number in the column."""
    words = _line("INFORME DE ENSAYO", 0.35, 0.05, 0.016)
    rows = [("Antimonio (Sb)", "", "99,95"), ("Arsénico (As)", "", "0,0080"), ("Hierro (Fe)", "", "0,0046"),
            ("Plomo (Pb)", "8", "0,0096")]  # fmt: skip
    for i, (element, speck, result) in enumerate(rows):
        y = 0.3 + 0.02 * i
        words += _line(element, 0.07, y, 0.011) + _line(result, 0.4, y, 0.011) + _line("0,001", 0.6, y, 0.011)
        words += _line(speck, 0.3, y, 0.011) if speck else []
    fields = extract_fields(DocType.ASSAY_CERTIFICATE, [_scanned_page([(*w, 0.9) for w in words])])
    assert fields["composition_pct"].value == {"Sb": 99.95, "As": 0.008, "Fe": 0.0046, "Pb": 0.0096}


def test_the_transport_documents_number_is_not_the_invoices() -> None:
    """'Documento de transporte No.' (a waybill's number) is no 'Document No.' of the invoice, however loosely OCR
    reads it; with the invoice's own number unreadable, there is none."""
    words = _line("FACTURA COMERCIAL DE EXPORTACIÓN", 0.3, 0.05, 0.016)
    words += _line("Lugar de emisión", 0.07, 0.12, 0.009) + _line("Documento de transporte No.", 0.6, 0.12, 0.009)
    words += _line("Khujand", 0.07, 0.14, 0.011) + _line("SUB2463062", 0.6, 0.14, 0.011)
    fields = extract_fields(DocType.COMMERCIAL_INVOICE, [_scanned_page([(*w, 0.9) for w in words])])
    assert fields["invoice_number"].value is None


@pytest.mark.parametrize("header", ["Commodity code", "Código SA", "Code tarifaire"])
def test_the_tariff_code_under_the_headers_customs_invoices_give_it(header: str) -> None:
    words = _line("COMMERCIAL INVOICE", 0.35, 0.05, 0.016)
    rows = [(0.3, ["Description of goods", header, "Quantity"]), (0.32, ["Antimony ingots", "8110.10", "1,001 M/T"])]
    words += _table(rows, (0.07, 0.4, 0.6))
    assert extract_fields(DocType.COMMERCIAL_INVOICE, [_page(words, [])])["hs_code"].value == "811010"


def test_a_ruled_cell_of_numbers_one_per_line_is_rows_whose_rules_were_lost() -> None:
    """A weight column whose rule between two rows the scan lost holds both rows' weights in one cell: each line
    is a row of the column, and the last row sums them."""
    words = (
        _line("PACKING LIST", 0.4, 0.05, 0.016) + _line("Lot", 0.07, 0.3, 0.011) + _line("N.W. (kg)", 0.32, 0.3, 0.011)
    )
    for i, (lot, net) in enumerate([("L-2508-019", "980.5"), ("L-2508-022", "4,084.5"), ("L-2508-023", "9,087.5")]):
        words += _line(lot, 0.07, 0.325 + 0.02 * i, 0.011) + _line(net, 0.32, 0.325 + 0.02 * i, 0.011)
    words += _line("3 lots", 0.07, 0.395, 0.011) + _line("14,152.5", 0.32, 0.395, 0.011)
    rules = [(0.06, y, 0.45, y) for y in (0.29, 0.32, 0.34, 0.39, 0.41)]  # the rule at 0.36 lost
    rules += [(x, 0.29, x, 0.41) for x in (0.06, 0.3, 0.45)]
    fields = extract_fields(DocType.PACKING_LIST, [_page(words, rules)])
    assert fields["net_weight_kg"].value == 14152.5


def test_a_column_reads_on_past_the_marks_wrapped_in_the_column_beside_it() -> None:
    """The shipping marks of the first row run over three lines of their own column; the lot column goes on
    under them."""
    rows = [(0.3, ["MARKS & NOS.", "BATCH / LOT", "PACKAGES", "N.W. (KGS)"]),
            (0.32, ["ESA/DVP", "L-2505-343", "6", "6,101.00"]), (0.34, ["ANTIMONY INGOTS", "", "", ""]),
            (0.36, ["BUNDLE NO. 1-14", "", "", ""]), (0.38, ["MADE IN THAILAND", "", "", ""]),
            (0.40, ["", "L-2505-346", "6", "6,054.00"]), (0.42, ["", "L-2505-348", "2", "1,985.50"]),
            (0.44, ["TOTAL:", "", "14", "14,140.50"])]  # fmt: skip
    words = _line("PACKING LIST", 0.4, 0.05, 0.016) + _table(rows, (0.07, 0.3, 0.5, 0.65))
    fields = extract_fields(DocType.PACKING_LIST, [_page(words, [])])
    assert fields["lot_numbers"].value == ["L-2505-343", "L-2505-346", "L-2505-348"]
    assert fields["net_weight_kg"].value == 14140.5


def test_a_package_word_after_a_count_is_its_unit_not_a_caption() -> None:
    """A total row '3 lots | 11 | pallets | 15.972 | 11,000.0': 'pallets' names the unit of the 11 before it; the
    volume after it is no count of packages."""
    rows = [(0.3, ["C/Nos.", "Lot", "Qty", "", "Meas. (CBM)", "N.W. (kg)"]),
            (0.32, ["1-3", "LT-2509-320", "3", "", "4.356", "3,000.0"]),
            (0.34, ["4-11", "LT-2509-322", "8", "", "11.616", "8,000.0"]),
            (0.36, ["3 lots", "", "11", "pallets", "15.972", "11,000.0"])]  # fmt: skip
    words = _line("PACKING LIST", 0.4, 0.05, 0.016) + _table(rows, (0.07, 0.15, 0.3, 0.36, 0.5, 0.65))
    fields = extract_fields(DocType.PACKING_LIST, [_scanned_page([(*w, 0.9) for w in words])])
    assert fields["package_count"].value == 11


def test_a_bilingual_customs_invoice_names_its_invoice_tariff_and_net_weight_its_own_way() -> None:
    """'Inv.: CP-INV-25-0278' among the other references, 'HS / SH 8110.10' under the goods, and the net weight
    in field 16 ('Net 23.214 MT') before the sum of a quantity column that lost a row's weight."""
    words = _line("CANADA CUSTOMS INVOICE", 0.35, 0.03, 0.016) + _line("Inv.: CP-INV-25-0278", 0.55, 0.1, 0.011)
    rows = [(0.3, ["12. Specification of commodities", "13. Quantity", "15. Total"]),
            (0.32, ["9 bundles, lot LT-2507-082", "9,019 KGS", "473,046.55"]),
            (0.34, ["3 bundles, lot LT-2507-083", "3,010.50 KGS", "157,900.72"]),
            (0.36, ["11 bundles, lot LT-2507-086", "", "586,600.80"])]  # fmt: skip
    words += _table(rows, (0.07, 0.45, 0.65)) + _line("HS / SH 8110.10", 0.07, 0.38, 0.011)
    words += _line("16. Total weight", 0.07, 0.45, 0.009) + _line("Net 23.214 MT", 0.07, 0.47, 0.011)
    fields = extract_fields(DocType.COMMERCIAL_INVOICE, [_page(words, [])])
    assert fields["invoice_number"].value == "CP-INV-25-0278"
    assert fields["hs_code"].value == "811010"
    assert fields["net_weight_kg"].value == 23214.0


@pytest.mark.parametrize("text", ["P.O. No. 4567443", "L/C No.: DC752563210", "Order No 12345", "S/C No. SC 252216"])
def test_a_line_naming_another_papers_number_holds_no_reference_of_ours(text: str) -> None:
    assert not identifier(text).found


def test_a_share_over_a_hundred_percent_lost_its_point_after_two_digits() -> None:
    words = _line("CERTIFICATE OF ANALYSIS", 0.35, 0.05, 0.016)
    for i, (element, result) in enumerate(
        [("Antimony Sb", "9995 %"), ("Arsenic As", "0.0110 %"), ("Iron Fe", "0.0053 %")]
    ):
        words += _line(element, 0.07, 0.3 + 0.02 * i, 0.011) + _line(result, 0.4, 0.3 + 0.02 * i, 0.011)
    fields = extract_fields(DocType.ASSAY_CERTIFICATE, [_scanned_page([(*w, 0.9) for w in words])])
    assert fields["composition_pct"].value == {"Sb": 99.95, "As": 0.011, "Fe": 0.0053}


def test_a_packing_list_cites_its_invoice_as_fact_no() -> None:
    words = _line("LISTA DE PESOS Y DIMENSIONES", 0.4, 0.05, 0.016) + _line(
        "Fact. No.: MY-INV-25-0291", 0.07, 0.12, 0.011
    )
    assert extract_fields(DocType.PACKING_LIST, [_page(words, [])])["invoice_number"].value == "MY-INV-25-0291"


@pytest.mark.parametrize(
    ("text", "lab"),
    [
        ("Siam Metallurgical Testing Laboratory Co., Ltd.", True),
        ("Análisis Minerales de Torreón, S.A. de C.V.", True),
        ("INFORME DE ENSAYO / CERTIFICADO DE ANÁLISIS", False),  # the certificate's title
        ("Rapport d'analyse", False),
        ("Chemical analysis", False),
    ],
)
def test_a_title_of_laboratory_words_names_no_laboratory(text: str, lab: bool) -> None:
    from oretrace.extractors.fields.letterhead import is_lab_name

    assert is_lab_name(text) is lab


def test_a_laboratory_signing_under_its_label_beats_a_stamp_read_beside_the_label() -> None:
    """'Analysed and certified by | Expbr': OCR read a stamp beside the label; the laboratory signs under it."""
    words = _line("Eastern Seaboard Alloy Supply Co., Ltd.", 0.05, 0.03, 0.013)
    words += _line("MILL CERTIFICATE", 0.4, 0.1, 0.016)
    words += _line("Client: Eastern Seaboard Alloy Supply Co., Ltd.", 0.05, 0.16, 0.011)
    words += _line("Analysed and certified by", 0.05, 0.8, 0.011) + _line("Expbr", 0.5, 0.8, 0.011)
    words += _line("Laem Chabang Inspection & Assay Co., Ltd.", 0.05, 0.82, 0.011)
    fields = extract_fields(DocType.ASSAY_CERTIFICATE, [_page(words, [])])
    assert fields["laboratory"].value == "Laem Chabang Inspection & Assay Co., Ltd."


def test_the_client_a_report_is_addressed_to_is_no_laboratory() -> None:
    words = _line("INFORME DE ENSAYO / CERTIFICADO DE ANÁLISIS", 0.3, 0.1, 0.014)
    words += _line("Para: Exportadora Sierra Madre Metals, S. de R.L. de C.V.", 0.05, 0.16, 0.011)
    words += _line("Lote: LT-2505-387", 0.05, 0.2, 0.011)
    fields = extract_fields(DocType.ASSAY_CERTIFICATE, [_page(words, [])])
    assert fields["laboratory"].value is None
    words += _line("Análisis Minerales de Torreón, S.A. de C.V.", 0.05, 0.03, 0.014)
    fields = extract_fields(DocType.ASSAY_CERTIFICATE, [_page(words, [])])
    assert fields["laboratory"].value == "Análisis Minerales de Torreón, S.A. de C.V."


def test_a_stamp_across_the_sample_rows_neither_ends_the_table_nor_hides_its_result_row() -> None:
    """Debris OCR read from a stamp ('a', 'rd', '=') between the samples' rows is no end of the table, and does
    not use up the rows the result row is looked for in; a one-letter symbol in the wrong case ('s') is counted
    among the symbols that make the row a table's head."""
    debris = [["i"], ["A"], ["a"], ["rd"], ["="], ["7"]]
    words = _grid_rows(
        [
            ["Sample", "Sb", "s", "Pb", "Cu", "Bi"],
            ["Unit", "%", "%", "%", "%", "%"],
            *debris[:2],
            ["L-1/A", "99.95", "0.0112", "0.0103", "0.0018", "0.00061"],
            *debris[2:],
            ["L-1/B", "99.95", "0.0110", "0.0101", "0.0018", "0.00061"],
            ["Result", "99.95", "0.0111", "0.0102", "0.0018", "0.00061"],
        ]
    )
    fields = extract_fields(DocType.ASSAY_CERTIFICATE, [_scanned_page(words)])
    assert fields["composition_pct"].value == {"Sb": 99.95, "S": 0.0111, "Pb": 0.0102, "Cu": 0.0018, "Bi": 0.00061}


def test_a_line_under_several_symbols_is_no_row_of_results() -> None:
    """The next table's head, its symbols run together into one phrase with a digit in it, under the first
    table's symbols: not a row of results, so the first table ends at its own result row."""
    words = _grid_rows(
        [
            ["Sample", "Sb", "As", "Fe", "Pb", "Cu"],
            ["L-1/A", "99.89", "0.0241", "0.0131", "0.0268", "0.0065"],
            ["L-1/B", "99.89", "0.0235", "0.0129", "0.0262", "0.0063"],
            ["Result", "99.89", "0.0238", "0.0130", "0.0265", "0.0064"],
            ["Oe"],
        ]
    )
    words.append(("Se(ppm) Cd (ppm) Hg (ppm)] 7", 0.2, 0.425, 0.52, 0.435, 0.9))
    words += _grid_rows([["Sample"], ["L-1/A", "5.7", "1.6", "28.9", "0.87", "9.6"],
                         ["Result", "5.7", "1.6", "29.0", "0.88", "9.7"]], y=0.425)  # fmt: skip
    fields = extract_fields(DocType.ASSAY_CERTIFICATE, [_scanned_page(words)])
    assert fields["composition_pct"].value == {"Sb": 99.89, "As": 0.0238, "Fe": 0.013, "Pb": 0.0265, "Cu": 0.0064}


def test_a_certificate_whose_title_ocr_garbled_is_told_by_the_rules_of_origin_it_cites() -> None:
    """An ALADI certificate whose title OCR lost: packing-list words ('Peso bruto', 'TARIMAS') stand on it too,
    but the association's name and the 'Normas de origen' column say what it is."""
    words = _line("ASOCIACION LATINOAMERICANA DE INTEGRACION", 0.2, 0.04, 0.014)
    words += _line("CERTIFI-? peewee see", 0.3, 0.08, 0.016)
    words += _line("24 TARIMAS DE TRIOXIDO DE ANTIMONIO", 0.1, 0.3, 0.011)
    words += _line("N° de orden Normas de origen", 0.1, 0.4, 0.011)
    words += _line("Peso bruto: 24.564 kg", 0.1, 0.45, 0.011)
    words += _line("y son originarias de BOLIVIA", 0.1, 0.6, 0.011)
    assert classify([_page(words, [])]).doc_type is DocType.CERTIFICATE_OF_ORIGIN


def test_a_caption_run_into_its_bracketed_unit_is_still_its_label() -> None:
    """'G.W.(KG)', 'NET WT.(KGS)': the caption and its unit are one word; the label still heads its column."""
    words = _line("PACKING LIST", 0.4, 0.05, 0.016)
    rows = [
        (0.30, ["LOT NO.", "PKGS", "NET WT.(KGS)", "G.W.(KG)"]),
        (0.32, ["L-2503-290", "10", "10,003.5", "10,146.0"]),
        (0.34, ["L-2503-291", "2", "1,986.0", "2,018.0"]),
        (0.36, ["TOTAL:", "12", "11,989.5", "12,164.0"]),
    ]
    words += _table(rows, (0.07, 0.3, 0.45, 0.65))
    fields = extract_fields(DocType.PACKING_LIST, [_page(words, [])])
    assert fields["gross_weight_kg"].value == pytest.approx(12164.0)
    assert fields["net_weight_kg"].value == pytest.approx(11989.5)


def test_a_box_caption_beside_the_buyers_is_no_buyer_and_a_french_tariff_caption_heads_the_hs_column() -> None:
    """'Bill to | Shipment': the caption of the voyage's box is not the buyer's name, the name stands under
    'Bill to'. 'N° tarifaire SH' heads the column of HS numbers."""
    words = _line("COMMERCIAL INVOICE", 0.5, 0.05, 0.016)
    words += _line("Bill to", 0.05, 0.2, 0.011) + _line("Shipment", 0.5, 0.2, 0.011)
    words += _line("Cascade Battery Metals Corp.", 0.05, 0.22, 0.011) + _line("MV Sierra Azul V.078S", 0.5, 0.22, 0.011)
    rows = [
        (0.40, ["Colis", "Désignation", "N° tarifaire SH", "Origine"]),
        (0.42, ["2", "Lingots d'antimoine", "8110.10", "Thaïlande"]),
    ]
    words += _table(rows, (0.05, 0.15, 0.45, 0.65))
    fields = extract_fields(DocType.COMMERCIAL_INVOICE, [_page(words, [])])
    assert fields["buyer_name"].value == "Cascade Battery Metals Corp."
    assert fields["hs_code"].value == "811010"


def test_a_symbol_no_assay_reports_is_no_element_and_a_row_caption_is_no_missing_symbol() -> None:
    """'Po' is lead as OCR read it (no certificate reports polonium): not read as an element; 'sb', read surely,
    is antimony. The row is still the table's head: 'Sample' captions it, and four of the five other cells are
    symbols."""
    words = _grid_rows(
        [
            ["Sample", "sb", "s", "Po", "Cu", "Bi"],
            ["L-1/A", "99.95", "0.0112", "0.0103", "0.0018", "0.00061"],
            ["Result", "99.95", "0.0111", "0.0102", "0.0018", "0.00061"],
        ]
    )
    fields = extract_fields(DocType.ASSAY_CERTIFICATE, [_scanned_page(words)])
    assert fields["composition_pct"].value == {"Sb": 99.95, "S": 0.0111, "Cu": 0.0018, "Bi": 0.00061}


def test_a_header_symbol_read_surely_in_small_letters_is_its_element_and_a_stroke_after_a_result_no_unit() -> None:
    """'sb', 'cd': OCR sure of a symbol's letters but not of its capital. Read as uncertainly, the same small
    letters may be another symbol garbled ('ca' for Cd) and are left. '0.0089 -': a stroke beside a result is
    no unit."""
    rows = [["Sample", "sb", "As", "cd", "Pb", "Fe"], ["Result", "99.88", "0.0444", "0.0053", "0.0256", "0.0089 -"]]
    fields = extract_fields(DocType.ASSAY_CERTIFICATE, [_scanned_page(_grid_rows(rows, 0.9))])
    assert fields["composition_pct"].value == {"Sb": 99.88, "As": 0.0444, "Fe": 0.0089, "Cd": 0.0053, "Pb": 0.0256}
    fields = extract_fields(DocType.ASSAY_CERTIFICATE, [_scanned_page(_grid_rows(rows, 0.6))])
    assert fields["composition_pct"].value == {"As": 0.0444, "Fe": 0.0089, "Pb": 0.0256}


def test_a_certificate_gives_its_number_after_a_bare_mark_and_its_origin_on_the_next_line_of_its_column() -> None:
    """The ALADI form: 'Número: 9511980' under the title; the declaration '... y son originarias de' in the
    left column, the certification's lines interleaved beside it, the country on the declaration's next line."""
    words = _line("CERTIFICADO DE ORIGEN", 0.35, 0.08, 0.016)
    words += _line("Número: 9511980", 0.68, 0.12, 0.011)
    words += _line("establecido en las normas de origen, y son originarias de", 0.09, 0.389, 0.009)
    words += _line("Servicio Nacional de Verificación de", 0.51, 0.395, 0.009)
    words += _line("Exportaciones", 0.71, 0.402, 0.009)
    words += _line("La Paz, 3 de marzo de 2025", 0.51, 0.418, 0.009)
    words += _line("BOLIVIA", 0.26, 0.42, 0.009)
    fields = extract_fields(DocType.CERTIFICATE_OF_ORIGIN, [_page(words, [])])
    assert fields["certificate_number"].value == "9511980"
    assert fields["country_of_origin"].value == "BO"


def test_a_weight_and_measurement_list_is_a_packing_list_whose_title_shares_the_sellers_line() -> None:
    """OCR ran the title into the seller's name on one line, and garbled a column caption; the document's
    own name still says what it is, against the invoice's words ('Invoice No.', 'Qty') on it."""
    words = _line("Laurentian Specialty Metals Inc. WEIGHT AND MEASUREMENT LIST", 0.07, 0.05, 0.016)
    words += _line("Invoice No.: F-00503", 0.07, 0.11, 0.011)
    words += _line("Case Nos. Lot Qty Disenstons Meas. (CBM) N.W. (kg)", 0.08, 0.2, 0.011)
    words += _line("Total packages: 11 bundles", 0.07, 0.3, 0.011)
    assert classify([_page(words, [])]).doc_type is DocType.PACKING_LIST


def test_a_sideways_packages_row_with_a_cell_ocr_garbled_gives_the_total_under_its_caption() -> None:
    """Lots across the page, 'TOTAL GENERAL' heading the last column over six rows; OCR read the first lot's
    packages as 'ty'. The packages are the total column's, not the first cell that reads as a number."""
    words = _line("LISTA DE EMPAQUE", 0.6, 0.05, 0.016)
    columns = (0.33, 0.47, 0.62, 0.76, 0.9)
    rows = [
        ("Lote No.", ["", "", "", "", "TOTAL GENERAL"]),
        ("Lotes", ["B-2506-050", "B-2506-052", "B-2506-053", "B-2506-055", ""]),
        ("Peso neto (kg)", ["2.016,5", "3.031,0", "1.020,5", "15.073,0", "21.141,0"]),
        ("Tara (kg)", ["32,5", "43,5", "14,5", "227,0", "317,5"]),
        ("Peso bruto (kg)", ["2.049,0", "3.074,5", "1.035,0", "15.300,0", "21.458,5"]),
        ("Medidas (m3)", ["0,4", "0,6", "0,2", "2,9", "4,1"]),
        ("Bultos", ["ty", "3", "1", "15", "21"]),
    ]
    for i, (caption, cells) in enumerate(rows):
        y = 0.2 + 0.03 * i
        words += _line(caption, 0.06, y, 0.011)
        for x, cell in zip(columns, cells, strict=True):
            words += _line(cell, x, y, 0.011) if cell else []
    fields = extract_fields(DocType.PACKING_LIST, [_page(words, [])])
    assert fields["package_count"].value == 21
    assert fields["net_weight_kg"].value == pytest.approx(21141.0)


def test_the_numbers_packages_carry_are_counted_never_added_up() -> None:
    """'Colis n° / Pkg No.' over 1 to 4: the packages are numbered, so there are four of them, not ten."""
    words = _line("LISTE DE COLISAGE / PACKING LIST", 0.5, 0.05, 0.016)
    rows = [
        (0.30, ["Colis n° / Pkg No.", "Lot", "Poids net / Net wt. (kg)"]),
        (0.32, ["1", "B-2507-179", "1,023.0"]),
        (0.34, ["2", "B-2507-179", "1,021.0"]),
        (0.36, ["3", "B-2507-181", "985.0"]),
        (0.38, ["4", "B-2507-181", "999.5"]),
        (0.40, ["TOTAL", "2 lots", "4,028.5"]),
    ]
    words += _table(rows, (0.07, 0.3, 0.55))
    fields = extract_fields(DocType.PACKING_LIST, [_page(words, [])])
    assert fields["package_count"].value == 4


def test_the_number_at_the_head_of_an_origin_declaration_is_its_invoices() -> None:
    """The EU wording made out on the exporter's own paper: 'No. 2025/0604' at its head numbers the invoice the
    declaration is written on; the declaration has no number of its own."""
    words = _line("Kempen Specialty Oxides BV", 0.07, 0.04, 0.014) + _line("ORIGIN DECLARATION", 0.6, 0.04, 0.014)
    words += _line("No. 2025/0604", 0.2, 0.13, 0.011) + _line("Date: October 9, 2025", 0.07, 0.15, 0.011)
    words += _line(
        "The exporter of the products covered by this document declares that, except where", 0.07, 0.4, 0.011
    )
    fields = extract_fields(DocType.CERTIFICATE_OF_ORIGIN, [_page(words, [])])
    assert fields["invoice_number"].value == "2025/0604"
    assert fields["certificate_number"].value is None


def test_a_result_run_together_with_a_misread_unit_under_the_unit_column_keeps_its_value() -> None:
    """'83.29 4': OCR joined the result with its unit and read the '%' as '4'; the '4' stands under the 'Unidad'
    header, so it is the unit, misread, and the rows around say which."""
    words = _line("CERTIFICADO DE ANÁLISIS", 0.35, 0.05, 0.016)
    for text, x in (("Elemento", 0.09), ("Símbolo", 0.32), ("Resultado", 0.505), ("Unidad", 0.62)):
        words += _line(text, x, 0.3, 0.011)
    for i, (name, symbol, result) in enumerate([("Antimonio", "Sb", "83.29 4"), ("Arsénico", "As", "0.0274 %"),
                                                ("Hierro", "Fe", "0.0117 %")]):  # fmt: skip
        y = 0.33 + 0.025 * i
        words += _line(name, 0.09, y, 0.011) + _line(symbol, 0.32, y, 0.011) + _line(result, 0.575, y, 0.011)
    fields = extract_fields(DocType.ASSAY_CERTIFICATE, [_scanned_page([(*w, 0.9) for w in words])])
    assert fields["composition_pct"].value == {"Sb": 83.29, "As": 0.0274, "Fe": 0.0117}


def test_a_french_invoice_reference_caption_heads_the_invoice_number() -> None:
    """'Référence facture' over '2025/0603' in the header grid of a French export invoice."""
    words = _line("FACTURE D'EXPORTATION", 0.07, 0.044, 0.016)
    words += _line("Référence facture", 0.57, 0.038, 0.008) + _line("Date de facture", 0.75, 0.038, 0.008)
    words += _line("2025/0603", 0.575, 0.054, 0.011) + _line("21 janvier 2025", 0.75, 0.054, 0.011)
    fields = extract_fields(DocType.COMMERCIAL_INVOICE, [_page(words, [])])
    assert fields["invoice_number"].value == "2025/0603"


def test_a_weight_note_gives_the_grand_total_of_its_lots_not_the_first_lots_net() -> None:
    """'NOTA DE PESOS': every lot's net, tare and gross on one line after its grid of bundles, and the grand total
    in another unit at the foot. The total is the weight that sums the others, wherever it stands."""
    words = _line("NOTA DE PESOS", 0.4, 0.05, 0.016) + _line("Factura No.: 2025/0228", 0.07, 0.1, 0.011)
    lots = [("CA-2505-181", "3,065.5", "45.0", "3,110.5"), ("CA-2505-184", "15,114.5", "215.5", "15,330.0"),
            ("CA-2505-185", "5,040.5", "76.0", "5,116.5")]  # fmt: skip
    for i, (lot, net, tare, gross) in enumerate(lots):
        y = 0.2 + 0.1 * i
        words += _line(f"Lote No. {lot} Neto (kg)", 0.08, y, 0.011) + _line("1,028.5 1,018.0", 0.16, y + 0.03, 0.011)
        words += _line(f"Neto: {net} kg Tara: {tare} kg Bruto: {gross} kg", 0.6, y + 0.055, 0.011)
    words += _line("Marcas: TOTAL GENERAL", 0.07, 0.53, 0.011)
    words += _line("Neto: 23.2205 metric tons", 0.5, 0.56, 0.011) + _line("Bruto: 23,557.00 kg", 0.5, 0.58, 0.011)
    page = _page(words, [])
    assert classify([page]).doc_type is DocType.PACKING_LIST
    fields = extract_fields(DocType.PACKING_LIST, [page])
    assert fields["net_weight_kg"].value == pytest.approx(23220.5)
    assert fields["gross_weight_kg"].value == pytest.approx(23557.0)


def test_an_inspection_certificate_reads_its_actual_column_and_its_symbol_beside_a_garbled_code() -> None:
    """EN 10204 3.1: 'Code | Element | Unit | Min. | Max. | Actual', the 'Max.' caption under a stamp, and one code
    cell ('C77') OCR read as 'cr' beside the symbol 'Bi'. The result is the 'Actual' column's; the element the
    symbol column's."""
    words = _line("INSPECTION CERTIFICATE", 0.4, 0.05, 0.016)
    rows = [
        (0.30, ["Code", "Element", "Unit", "Min.", "\\ cmPY", "Actual"]),
        (0.32, ["C72", "As", "%", "", "0.05", "0.0192"]),
        (0.34, ["C73", "Fe", "%", "", "0.02", "0.0140"]),
        (0.36, ["C75", "Pb", "%", "", "0.1", "0.0415"]),
        (0.38, ["cr", "Bi", "ppm", "", "20", "9.3"]),
    ]
    words += _table(rows, (0.07, 0.17, 0.3, 0.45, 0.6, 0.8))
    words += _line("Analysed by: Laboratorio Metalúrgico del Norte, S.C.", 0.07, 0.5, 0.011)
    fields = extract_fields(DocType.ASSAY_CERTIFICATE, [_scanned_page([(*w, 0.9) for w in words])])
    assert fields["composition_pct"].value == {"As": 0.0192, "Fe": 0.014, "Pb": 0.0415, "Bi": 0.00093}
    # The label's own colon makes what follows it the value, though it starts with a laboratory word.
    assert fields["laboratory"].value == "Laboratorio Metalúrgico del Norte, S.C."


def test_a_buyer_box_that_refers_to_the_consignee_names_no_buyer_of_its_own() -> None:
    """The aligned invoice's 'Buyer (if not consignee)' box holding 'SAME AS CONSIGNEE': the buyer is the
    consignee named in the box beside it; and 'MADE IN CANADA' in the shipping marks is no declared origin."""
    words = _line("EXPORT INVOICE", 0.6, 0.05, 0.016)
    words += _line("Consignee", 0.07, 0.17, 0.009) + _line("Buyer (if not consignee)", 0.5, 0.17, 0.009)
    words += _line("Great Lakes Alloy Supply Inc.", 0.07, 0.19, 0.011) + _line("SAME AS CONSIGNEE", 0.5, 0.19, 0.011)
    words += _line("1650 Columbus Road", 0.07, 0.205, 0.011)
    words += _line("LSM/GLA", 0.07, 0.4, 0.011) + _line("MADE IN CANADA", 0.07, 0.42, 0.011)
    words += _line("Lot LT-2506-042: 4 bundles", 0.3, 0.42, 0.011)
    fields = extract_fields(DocType.COMMERCIAL_INVOICE, [_page(words, [])])
    assert fields["buyer_name"].value == "Great Lakes Alloy Supply Inc."
    assert fields["country_of_origin"].value is None


def test_an_invoice_written_into_a_certificates_description_as_fact_is_its_invoice_number() -> None:
    """CBP Form 434 in Spanish: no invoice box; the invoice of the single shipment is written into field 5 as
    'Fact. EXP-2506-847' under the lots."""
    words = _line("CERTIFICADO DE ORIGEN", 0.38, 0.07, 0.016)
    words += _line("Lote B-2505-273: 3 atados, 3,020 toneladas métricas", 0.06, 0.4, 0.011)
    words += _line("Fact. EXP-2506-847", 0.06, 0.48, 0.011)
    fields = extract_fields(DocType.CERTIFICATE_OF_ORIGIN, [_page(words, [])])
    assert fields["invoice_number"].value == "EXP-2506-847"


def test_a_dash_on_a_tilted_line_keeps_the_words_after_it_on_that_line() -> None:
    """A row of a results table tilted by a fraction of a degree: the '-' of an empty cell is a sliver of a word,
    lower than its neighbours' centres by more than its own height, but on their line."""
    words = [RawWord("Bi", 0.0934, 0.458, 0.1047, 0.4647), RawWord("50", 0.6127, 0.4585, 0.6255, 0.4652),
             RawWord("ppm", 0.2756, 0.4599, 0.2978, 0.4667), RawWord("-", 0.4893, 0.4622, 0.4924, 0.4633),
             RawWord("36,6", 0.884, 0.4588, 0.9066, 0.4669), RawWord("Se", 0.0919, 0.4745, 0.1059, 0.4854)]  # fmt: skip
    lines: dict[int, list[str]] = {}
    for word in order_words(words):
        lines.setdefault(word.line, []).append(word.text)
    assert list(lines.values()) == [["Bi", "ppm", "-", "50", "36,6"], ["Se"]]


def test_the_line_amounts_column_gives_the_total_where_its_caption_is_unreadable() -> None:
    """The aligned invoice's 'Invoice total (state currency)' caption garbled by OCR: the amounts column still
    totals the lots in its last row, above the amount repeated beside the certification."""
    words = _line("FACTURA COMERCIAL", 0.6, 0.05, 0.016)
    rows = [
        (0.55, ["Partida / bultos", "Cantidad", "Precio (USD/TM)", "Importe (USD)"]),
        (0.575, ["Lote B-2506-050", "2,017 MT", "55.110,00", "111.129,32"]),
        (0.605, ["Lote B-2506-052", "3,031 MT", "55.110,00", "167.038,41"]),
        (0.635, ["Lote B-2506-055", "15.073 MT", "55.110,00", "830.673,03"]),
        (0.67, ["Peso neto total / 21 atados", "20,121 MT", "", "1.108.840,76"]),
        (0.72, ["impone total de la tactura", "", "", ""]),
        (0.74, ["mercancias descritas y que todos los datos son verdaderos", "", "", "USD 1.108.840,76"]),
    ]
    words += _table(rows, (0.08, 0.5, 0.65, 0.82))
    fields = extract_fields(DocType.COMMERCIAL_INVOICE, [_scanned_page([(*w, 0.9) for w in words])])
    assert fields["total_amount"].value == pytest.approx(1108840.76)


def test_a_lettered_sub_box_number_is_no_part_of_its_caption() -> None:
    """CBP Form 434's field 11 in sub-boxes: '11e. DATE (mm/dd/yyyy)' over the date of the certification."""
    words = _line("CERTIFICATE OF ORIGIN", 0.38, 0.05, 0.016)
    words += _line("11c. NAME", 0.09, 0.8, 0.009) + _line("11d. TITLE", 0.5, 0.8, 0.009)
    words += _line("LAURA TREVIÑO GARZA", 0.09, 0.83, 0.011) + _line("Gerente de Exportación", 0.5, 0.83, 0.011)
    words += _line("11e. DATE (mm/dd/yyyy)", 0.09, 0.85, 0.009) + _line("11f. TELEPHONE NUMBERS", 0.5, 0.85, 0.009)
    words += _line("6 Aug 2025", 0.09, 0.875, 0.011) + _line("+52 866 633 1840 (Voice)", 0.5, 0.875, 0.011)
    fields = extract_fields(DocType.CERTIFICATE_OF_ORIGIN, [_page(words, [])])
    assert fields["issue_date"].value == "2025-08-06"


def test_a_row_without_a_unit_cell_between_two_rows_of_one_unit_is_in_that_unit() -> None:
    """'Mercurio (Hg) | | 0,36' between 'mg/kg' rows: the unit cell OCR lost entirely, so percent would be assumed
    and, with the percent results summing under 100 %, nothing would say otherwise."""
    words = _line("INFORME DE ENSAYO", 0.4, 0.05, 0.016)
    rows = [
        (0.30, ["Elemento", "Unidad", "Resultado"]),
        (0.32, ["Antimonio (Sb)", "%", "99,95"]),
        (0.34, ["Plomo (Pb)", "%", "0,0101"]),
        (0.36, ["Cadmio (Cd)", "mg/kg", "1,0"]),
        (0.38, ["Mercurio (Hg)", "", "0,36"]),
        (0.40, ["Oro (Au)", "mg/kg", "0,18"]),
    ]
    words += _table(rows, (0.07, 0.35, 0.55))
    fields = extract_fields(DocType.ASSAY_CERTIFICATE, [_scanned_page([(*w, 0.9) for w in words])])
    assert fields["composition_pct"].value == {"Sb": 99.95, "Pb": 0.0101, "Cd": 0.0001, "Hg": 3.6e-05, "Au": 1.8e-05}


def test_name_and_address_captions_of_a_spanish_certificate_head_its_parties() -> None:
    """The T-MEC certificate in Spanish only: '1. Nombre y domicilio del exportador:' and '4. Nombre y domicilio
    del importador:' over the names, the producer's box between them."""
    words = _line("CERTIFICADO DE ORIGEN", 0.4, 0.08, 0.016)
    words += _line("1. Nombre y domicilio del exportador:", 0.08, 0.12, 0.009)
    words += _line("Comercializadora Antimonio del Bajío, S.A. de C.V.", 0.084, 0.136, 0.011)
    words += _line("3. Nombre y domicilio del productor:", 0.08, 0.234, 0.009)
    words += _line("4. Nombre y domicilio del importador:", 0.52, 0.234, 0.009)
    words += _line("USAMSA, Madero, Coahuila", 0.084, 0.249, 0.011)
    words += _line("Delaware Valley Polymer Additives Inc.", 0.52, 0.249, 0.011)
    fields = extract_fields(DocType.CERTIFICATE_OF_ORIGIN, [_page(words, [])])
    assert fields["exporter_name"].value == "Comercializadora Antimonio del Bajío, S.A. de C.V."
    assert fields["consignee_name"].value == "Delaware Valley Polymer Additives Inc."


def test_unread_units_heading_a_table_are_percent_not_the_trace_unit_below_them() -> None:
    """EN 10204 3.1 scanned: every '%' of the unit column read as '$', '3' or '4', then 'mg/kg' rows. A table lists
    its percent results first, so the rows above the first unit read are not in mg/kg (83.44 mg/kg of antimony
    in an antimony ingot)."""
    words = _line("INSPECTION CERTIFICATE", 0.4, 0.05, 0.016)
    rows = [
        (0.30, ["Code", "Element", "Unit", "Min.", "Max.", "Actual"]),
        (0.32, ["C71", "Sb (Antimony)", "$", "-", "-", "83.44"]),
        (0.34, ["C72", "As (Arsenic)", "$", "-", "0.01", "0.0074"]),
        (0.36, ["C73", "Fe (Iron)", "3", "-", "0.01", "0.0058"]),
        (0.38, ["C77", "Bi (Bismuth)", "mg/kg", "-", "10", "6.4"]),
        (0.40, ["C78", "Se (Selenium)", "mg/kg", "-", "5", "2.8"]),
    ]
    words += _table(rows, (0.07, 0.15, 0.35, 0.48, 0.6, 0.8))
    fields = extract_fields(DocType.ASSAY_CERTIFICATE, [_scanned_page([(*w, 0.9) for w in words])])
    assert fields["composition_pct"].value == {"Sb": 83.44, "As": 0.0074, "Fe": 0.0058, "Bi": 0.00064, "Se": 0.00028}


def test_a_parenthesized_caption_under_a_fill_in_line_names_the_whole_line_above_it() -> None:
    """The chamber's sworn certificate: '(Nombre y domicilio del exportador)' centred under the filled line, the
    declaration's next line under it; the exporter is the line above, not the sentence below."""
    words = _line("CERTIFICADO DE ORIGEN", 0.33, 0.074, 0.016)
    words += _line("El suscrito Laura Treviño Garza en representación de", 0.069, 0.128, 0.011)
    words += _line("Metales y Minerales del Bravo, S.A. de C.V.", 0.074, 0.166, 0.011)
    words += _line("Blvd. Harold R. Pape 1420, Monclova, Coahuila, México", 0.42, 0.166, 0.011)
    words += _line("(Nombre y domicilio del exportador)", 0.623, 0.182, 0.009)
    words += _line("declara que las mercancías abajo mencionadas, embarcadas en MV Andaman Pearl", 0.069, 0.203, 0.011)
    fields = extract_fields(DocType.CERTIFICATE_OF_ORIGIN, [_page(words, [])])
    assert fields["exporter_name"].value == "Metales y Minerales del Bravo, S.A. de C.V."


def test_a_weight_list_whose_title_was_lost_is_no_invoice_for_its_invoice_reference() -> None:
    """Its title under a stamp, a weight list's head is its seller and 'Invoice No.: 2025/0086' (the invoice it was
    packed for): a reference label names another document. Tare and the lots' weights say what it is."""
    words = _line("Chao Phraya Metal Resources Co., Ltd.", 0.32, 0.067, 0.011)
    words += _line("Invoice No.: 2025/0086", 0.075, 0.096, 0.011) + _line("B/L: BKK3242215", 0.35, 0.096, 0.011)
    words += _line("Lot No. L-2508-141 (2 x BUNDLE) Net (kg)", 0.084, 0.169, 0.011)
    words += _line("Net: 1,993.5 kg Tare: 30.0 kg Gross: 2,023.5 kg", 0.49, 0.223, 0.011)
    words += _line("Marks: GRAND TOTAL Packages: 11", 0.074, 0.388, 0.011)
    assert classify([_scanned_page([(*w, 0.9) for w in words])]).doc_type is DocType.PACKING_LIST


def test_a_sworn_certificate_whose_title_was_lost_is_told_by_its_declaration() -> None:
    """'The undersigned ... (Owner or Agent) ... declares that the following mentioned goods ... are the product of
    OMAN': the chamber's certificate of origin, though 'Manufacturer' and 'sample' appear on it."""
    words = _line("No. 2025/OM/90383", 0.69, 0.055, 0.011)
    words += _line("The undersigned Salim Al-Balushi", 0.097, 0.125, 0.011)
    words += _line("(Owner or Agent)", 0.52, 0.14, 0.009)
    words += _line("declares that the following mentioned goods shipped on Sea MV Andaman Pearl", 0.096, 0.195, 0.011)
    words += _line("are the product of OMAN", 0.097, 0.288, 0.011)
    words += _line("Marks and Numbers No. Of Pkgs Weight in Kilos", 0.103, 0.326, 0.011)
    words += _line("according to the manufacturer's invoice, the sample of", 0.097, 0.6, 0.011)
    assert classify([_scanned_page([(*w, 0.9) for w in words])]).doc_type is DocType.CERTIFICATE_OF_ORIGIN


def test_a_weight_label_with_its_value_beside_it_heads_no_column() -> None:
    """CBP Form 434's description field: 'Net weight: 14.500,00 KGS', then the invoice and the purchase order on
    the lines under it. Read as a column, their numbers would add up to a 4,540-tonne shipment."""
    words = _line("CERTIFICATE OF ORIGIN", 0.38, 0.05, 0.016)
    words += _line("ANTIMONY METAL INGOTS, SB 99.85% MIN", 0.09, 0.4, 0.011)
    words += _line("Net weight: 14.500,00 KGS", 0.09, 0.47, 0.011)
    words += _line("invoice No. CA-INV-25-0357", 0.09, 0.483, 0.011)
    words += _line("Customer PO 4540122", 0.09, 0.496, 0.011)
    fields = extract_fields(DocType.CERTIFICATE_OF_ORIGIN, [_scanned_page([(*w, 0.9) for w in words])])
    assert fields["net_weight_kg"].value == pytest.approx(14500.0)


def test_a_spreadsheet_invoice_reads_its_parties_beside_a_ship_to_caption_and_abbreviated_captions() -> None:
    """A spreadsheet template's invoice: 'Vendido a' with the 'Enviar a' caption of the next box on its row,
    'Factura N.º:' with the point Spanish style puts in the abbreviation, a tariff caption abbreviated
    ('Partida Aranc.') and the country of manufacture under a line of the goods."""
    words = _line("FACTURA", 0.6, 0.04, 0.016) + _line("Factura N.º: F-00862", 0.6, 0.08, 0.011)
    words += _line("Vendido a", 0.08, 0.17, 0.009) + _line("Enviar a", 0.5, 0.17, 0.009)
    words += _line("Kansai Flame Chemicals K.K.", 0.08, 0.19, 0.011) + _line("Igual que facturar a", 0.5, 0.19, 0.011)
    words += _line("Lingotes de antimonio, Sb 99.85% mín., en bruto", 0.08, 0.39, 0.011)
    words += _line("Country of manufacture: Mexico", 0.1, 0.405, 0.011)
    words += _line("Partida Aranc.", 0.08, 0.66, 0.011) + _line("811010", 0.2, 0.66, 0.011)
    fields = extract_fields(DocType.COMMERCIAL_INVOICE, [_page(words, [])])
    assert fields["invoice_number"].value == "F-00862"
    assert fields["buyer_name"].value == "Kansai Flame Chemicals K.K."
    assert fields["hs_code"].value == "811010"
    assert fields["country_of_origin"].value == "MX"


def test_a_caption_of_words_parted_by_a_slash_is_a_label() -> None:
    """'Parcel / lot:' and 'Brand / producer:' on an umpire assay: the slash parts alternatives, and the words on
    both sides make the label."""
    words = _line("UMPIRE ASSAY CERTIFICATE", 0.33, 0.12, 0.016)
    words += _line("Parcel / lot:", 0.07, 0.19, 0.011) + _line("LT-2509-049", 0.2, 0.19, 0.011)
    words += _line("Brand / producer: Thai Unipet Industries", 0.45, 0.19, 0.011)
    fields = extract_fields(DocType.ASSAY_CERTIFICATE, [_page(words, [])])
    assert fields["lot_number"].value == "LT-2509-049"
    assert fields["smelter_name"].value == "Thai Unipet Industries"


def test_a_quantity_box_gives_the_net_figure_over_its_bracketed_caption_not_the_gross_under_it() -> None:
    """Box 11 'Quantity & Unit' of a preferential certificate: '21,216.50 KGS' over '(NET WEIGHT)', then
    'G.W. 21,520 KGS'. Scanned, the brackets lost, a bare 'NET' over the gross line names the figure above it."""
    for net_caption in ("(NET WEIGHT)", "NET"):
        words = _line("PREFERENTIAL CERTIFICATE OF ORIGIN", 0.5, 0.07, 0.014)
        words += _line("10 Description of Goods", 0.1, 0.35, 0.009) + _line("11 Quantity & Unit", 0.75, 0.35, 0.009)
        words += _line("ANTIMONY INGOTS, 21 BUNDLES", 0.1, 0.38, 0.011) + _line("21,216.50 KGS", 0.75, 0.37, 0.011)
        words += _line(net_caption, 0.75, 0.385, 0.011) + _line("G.W. 21,520 KGS", 0.75, 0.4, 0.011)
        rules = _frame(0.05, 0.34, 0.7, 0.5) + _frame(0.7, 0.34, 0.95, 0.5)
        fields = extract_fields(DocType.CERTIFICATE_OF_ORIGIN, [_scanned_page([(*w, 0.9) for w in words])])
        assert fields["net_weight_kg"].value == pytest.approx(21216.5), net_caption
        boxed = extract_fields(DocType.CERTIFICATE_OF_ORIGIN, [_page(words, rules)])
        assert boxed["net_weight_kg"].value == pytest.approx(21216.5), net_caption


def test_a_load_plan_of_two_containers_gives_the_grand_total_not_the_first_containers() -> None:
    """One table per container, each with its total row under the same captions, and the grand total stated
    below them: the shipment's weights and packages are the grand total's."""
    columns = (0.08, 0.25, 0.45, 0.6, 0.75)
    header = ["Marks", "Lot No.", "No. of Pkgs", "N.W. (kg)", "G.W. (kg)"]
    rows = [(0.36, header), (0.38, ["CAD/GLA", "L-2507-202", "7", "7,000.0", "7,168.0"]),
            (0.40, ["CAD/GLA", "L-2507-204", "4", "4,000.0", "4,094.0"]),
            (0.42, ["Container total", "", "11", "11,000.0", "11,262.0"]),
            (0.48, header), (0.50, ["CAD/GLA", "L-2507-204", "10", "10,000.0", "10,241.0"]),
            (0.52, ["Container total", "", "10", "10,000.0", "10,241.0"])]  # fmt: skip
    words = _line("CONTAINER LOADING PLAN", 0.6, 0.04, 0.016) + _table(rows, columns)
    words += _line("No. of packages", 0.28, 0.58, 0.011) + _line("Net weight", 0.45, 0.58, 0.011)
    words += _line("Gross weight", 0.62, 0.58, 0.011) + _line("GRAND TOTAL", 0.08, 0.59, 0.011)
    words += _line("21 pallets", 0.28, 0.6, 0.011) + _line("21,000 kg", 0.45, 0.6, 0.011)
    words += _line("21,503 kg", 0.62, 0.6, 0.011)
    fields = extract_fields(DocType.PACKING_LIST, [_page(words, [])])
    assert fields["net_weight_kg"].value == pytest.approx(21000.0)
    assert fields["gross_weight_kg"].value == pytest.approx(21503.0)


def test_captions_printed_light_on_dark_header_bands_are_read() -> None:
    """A spreadsheet template's header cells filled dark with their captions in white: turned dark on light
    before Tesseract reads the page (read as they are, they come back as noise and their rows are erased as
    rules); the values under them are read as before."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    bands = [(700, ("VESSEL", "COUNTRY OF ORIGIN"), ("MV Mekong Star", "Thailand")),
             (640, ("BILL TO", "DESTINATION PORT"), ("Penang Solder Works", "Penang, Malaysia"))]  # fmt: skip
    for y, captions, values in bands:
        canvas.setFillGray(0.25)
        canvas.rect(50, y, A4[0] - 100, 16, stroke=0, fill=1)
        canvas.setFont("Helvetica-Bold", 9)
        canvas.setFillGray(1)
        canvas.drawString(56, y + 4.5, captions[0])
        canvas.drawString(300, y + 4.5, captions[1])
        canvas.setFont("Helvetica", 10)
        canvas.setFillGray(0)
        canvas.drawString(56, y - 16, values[0])
        canvas.drawString(300, y - 16, values[1])
    canvas.showPage()
    canvas.save()
    page = ocr_page(render(buffer.getvalue(), dpi=200), 1, 200, OcrOptions())
    text = " ".join(w.text for w in page.words)
    for caption in ("VESSEL", "COUNTRY OF ORIGIN", "BILL TO", "DESTINATION PORT", "Thailand", "Penang Solder Works"):
        assert caption in text


def test_the_documents_title_labels_nothing_under_it() -> None:
    """'COMMERCIAL INVOICE' in large print over the seller's address: the street number under it is no invoice
    number; the number stands under its own caption."""
    words = _line("COMMERCIAL INVOICE", 0.1, 0.06, 0.02)
    words += _line("Laurentian Specialty Metals Inc.", 0.09, 0.11, 0.011) + _line("INVOICE NO.", 0.62, 0.11, 0.009)
    words += _line("2250 Rue Guénette", 0.09, 0.13, 0.011) + _line("F-00503", 0.62, 0.13, 0.011)
    words += _line("Saint-Laurent, QC H4R 2E9", 0.09, 0.145, 0.011)
    fields = extract_fields(DocType.COMMERCIAL_INVOICE, [_page(words, [])])
    assert fields["invoice_number"].value == "F-00503"


def test_a_bare_folio_heading_a_header_cell_gives_the_invoices_number_under_it() -> None:
    """A Mexican customs invoice's header grid: 'Folio | Fecha' over 'F-00106 | 18 de marzo de 2025', the
    title 'FACTURA COMERCIAL' on the left between them."""
    words = _line("Folio", 0.58, 0.038, 0.009) + _line("Fecha", 0.75, 0.038, 0.009)
    words += _line("FACTURA COMERCIAL", 0.07, 0.044, 0.016)
    words += _line("F-00106", 0.58, 0.053, 0.011) + _line("18 de marzo de 2025", 0.75, 0.053, 0.011)
    words += _line("Remitente / exportador", 0.07, 0.1, 0.009)
    words += _line("Comercializadora Antimonio del Bajío, S.A. de C.V.", 0.07, 0.115, 0.011)
    fields = extract_fields(DocType.COMMERCIAL_INVOICE, [_page(words, [])])
    assert fields["invoice_number"].value == "F-00106"


def test_a_letterheads_large_name_beside_small_print_is_one_phrase() -> None:
    """'Khujand Assay Centre LLC' in large print and 'Umpire laboratory agreed by seller and buyer' in small print
    on one line: the spaces of the large name are wider than the small print's, not cell gaps, so the name is
    one phrase and the laboratory's, not the sentence beside it."""
    words = [("Khujand", 0.0714, 0.0431, 0.1563, 0.0574), ("Assay", 0.1682, 0.0431, 0.229, 0.0574),
             ("Centre", 0.2411, 0.0431, 0.3138, 0.0574), ("LLC", 0.3259, 0.0431, 0.3623, 0.0574)]  # fmt: skip
    words += _line("Umpire laboratory agreed by seller and buyer", 0.62, 0.0477, 0.0082)
    words += _line("UMPIRE ASSAY CERTIFICATE", 0.34, 0.113, 0.012)
    page = _page(words, [])
    first_row = [phrase.text for phrase in split_phrases(page)[0]]
    assert first_row[0] == "Khujand Assay Centre LLC"
    assert extract_fields(DocType.ASSAY_CERTIFICATE, [page])["laboratory"].value == "Khujand Assay Centre LLC"


def test_a_spanish_container_load_plan_is_a_packing_list_and_a_lot_code_is_the_lot() -> None:
    """'PLAN DE CARGA DE CONTENEDORES' over the invoice it belongs to ('Factura comercial No.') is a packing
    list; an 'Informe de ensayo' names its lot under 'Código de lote:'."""
    words = _line("PLAN DE CARGA DE CONTENEDORES", 0.55, 0.04, 0.016)
    words += _line("Factura comercial No.", 0.5, 0.095, 0.009) + _line("F-00657", 0.5, 0.107, 0.011)
    words += _line("Lote Bultos Peso neto (kg) Peso bruto (kg)", 0.08, 0.367, 0.011)
    words += _line("L-2504-239 1 1,017.50 1,034.50", 0.08, 0.385, 0.011)
    words += _line("Subtotal 1 1,017.50 1,034.50", 0.08, 0.4, 0.011)
    assert classify([_page(words, [])]).doc_type == DocType.PACKING_LIST
    report = _line("INFORME DE ENSAYO", 0.38, 0.1, 0.016) + _line("Código de lote: B-2508-137", 0.09, 0.21, 0.011)
    assert extract_fields(DocType.ASSAY_CERTIFICATE, [_page(report, [])])["lot_number"].value == "B-2508-137"


@pytest.mark.parametrize("title", ["DELIVERY NOTE", "NOTA DE ENTREGA", "NOTA DE REMISIÓN", "BON DE LIVRAISON"])
def test_a_producers_delivery_note_is_a_packing_list(title: str) -> None:
    """The note listing the goods delivered by lot, packages and weight, with the invoice it belongs to and no
    prices, states what a packing list states."""
    words = _line(title, 0.1, 0.29, 0.016)
    words += _line("Commercial invoice No. EXP-2507-389", 0.58, 0.23, 0.009)
    words += _line("Pos. Code Description Packages Net kg Gross kg", 0.11, 0.357, 0.011)
    words += _line("1 ATO-9950 Antimony trioxide 2 2.000 2.046", 0.11, 0.379, 0.011)
    words += _line("Total packages 2", 0.12, 0.58, 0.011)
    assert classify([_page(words, [])]).doc_type == DocType.PACKING_LIST


def test_an_erp_invoice_gives_its_number_after_the_title_and_its_buyer_from_the_window_address() -> None:
    """An ERP's invoice prints 'Fatura KS-INV-25-0210' as its title and the customer's postal address, with no
    caption, where a window envelope shows it; the issuer's own address block is no buyer's."""
    words = _line("Kempen Specialty Oxides BV", 0.07, 0.065, 0.012) + _line("Industriepark 14", 0.07, 0.079, 0.011)
    words += _line("2300 Turnhout, Antwerpen", 0.07, 0.091, 0.011) + _line("Bélgica", 0.07, 0.104, 0.011)
    words += _line("Kansai Flame Chemicals K.K.", 0.53, 0.097, 0.011)
    words += _line("2-4-11 Nankohigashi, Suminoe-ku", 0.53, 0.111, 0.011)
    words += _line("Osaka 559-0031", 0.53, 0.125, 0.011) + _line("Japão", 0.53, 0.139, 0.011)
    words += _line("Fatura KS-INV-25-0210", 0.07, 0.187, 0.016)
    words += _line("Descrição Quantidade Preço Unitário Valor", 0.08, 0.284, 0.011)
    fields = extract_fields(DocType.COMMERCIAL_INVOICE, [_page(words, [])])
    assert fields["invoice_number"].value == "KS-INV-25-0210"
    assert fields["seller_name"].value == "Kempen Specialty Oxides BV"
    assert fields["buyer_name"].value == "Kansai Flame Chemicals K.K."
    alone = [w for w in words if w[1] < 0.5]  # the issuer's block alone
    assert extract_fields(DocType.COMMERCIAL_INVOICE, [_page(alone, [])])["buyer_name"].value is None


def test_a_labels_value_ends_where_the_next_caption_on_its_line_begins() -> None:
    """'Peso líquido: 40.000,000 kg - Peso bruto total: 40.958,000 kg' in an invoice's terms note: the net
    weight is the figure after its own colon, not the one after the gross weight's caption."""
    words = _line("INVOICE INV-2025-0210", 0.07, 0.05, 0.016)
    words += _line("Peso líquido: 40.000,000 kg - Peso bruto total: 40.958,000 kg - Volumes: 40 paletes", 0.07,
                   0.66, 0.011)  # fmt: skip
    fields = extract_fields(DocType.COMMERCIAL_INVOICE, [_page(words, [])])
    assert fields["net_weight_kg"].value == 40000.0


def test_brazils_ncm_sh_caption_gives_the_hs_code() -> None:
    """'NCM/SH' (the Mercosur code over the HS) is one word to folding, as a unit is; it is the code's label."""
    words = _line("FATURA KS-INV-25-0210", 0.07, 0.05, 0.016)
    words += _line("NCM/SH: 2825.80 - Volumes: 40 paletes", 0.07, 0.68, 0.011)
    assert extract_fields(DocType.COMMERCIAL_INVOICE, [_page(words, [])])["hs_code"].value == "282580"


def test_a_header_row_boxed_on_its_own_hands_its_captions_to_the_values_under_it() -> None:
    """A goods table whose header row is one ruled box (the column rules lost on the scan), its captions
    wrapped onto a second line ('Partida' over 'arancelaria'): each caption's value stands under the box."""
    words = _line("CERTIFICADO DE ORIGEN", 0.35, 0.11, 0.016)
    header = [("Marcas", 0.09), ("Cantidad de", 0.23), ("Partida", 0.5), ("Peso bruto", 0.6), ("Peso neto", 0.7),
              ("Factura N° y fecha", 0.8)]  # fmt: skip
    for text, x in header:
        words += _line(text, x, 0.377, 0.009)
    words += _line("bultos", 0.23, 0.388, 0.009) + _line("arancelaria", 0.5, 0.388, 0.009)
    values = [("ESA/GLA", 0.09), ("20 tarimas", 0.23), ("2825.80", 0.5), ("20,468 kg", 0.6), ("19,999 kg", 0.7),
              ("ES-INV-25-0845", 0.8)]  # fmt: skip
    for text, x in values:
        words += _line(text, x, 0.41, 0.011)
    band = [(0.08, 0.372, 0.92, 0.3725), (0.08, 0.4, 0.92, 0.4005), (0.08, 0.372, 0.0805, 0.4005),
            (0.9195, 0.372, 0.92, 0.4005)]  # fmt: skip
    fields = extract_fields(DocType.CERTIFICATE_OF_ORIGIN, [_page(words, band)])
    assert (fields["hs_code"].value, fields["net_weight_kg"].value) == ("282580", 19999.0)
    assert fields["invoice_number"].value == "ES-INV-25-0845"


def test_an_invoice_date_caption_is_no_invoice_number_label_and_a_delivery_note_names_its_related_invoice() -> None:
    """'Invoice Date:' heading a row of captions is the date's caption: the product code in brackets further
    down is no invoice number, the title's is. A delivery note gives the invoice it belongs to as 'Related
    invoice'."""
    words = _line("Invoice ES-INV-25-0845", 0.07, 0.184, 0.016)
    words += _line("Invoice Date: Due Date: Source:", 0.07, 0.224, 0.009)
    words += _line("Sep 22, 2025 Oct 22, 2025 S37827", 0.07, 0.243, 0.011)
    words += _line("Description Quantity Amount", 0.08, 0.278, 0.011)
    words += _line("[SB203-FR] Antimony trioxide 20,000.00 kg 1,021,600.00 USD", 0.08, 0.299, 0.011)
    assert extract_fields(DocType.COMMERCIAL_INVOICE, [_page(words, [])])["invoice_number"].value == "ES-INV-25-0845"
    note = _line("DELIVERY NOTE / PACKING LIST", 0.11, 0.3, 0.016)
    note += _line("Related invoice CP-INV-25-0232", 0.59, 0.225, 0.011)
    assert extract_fields(DocType.PACKING_LIST, [_page(note, [])])["invoice_number"].value == "CP-INV-25-0232"


def test_a_header_cell_holding_its_wrapped_caption_alone_hands_it_to_the_cell_below() -> None:
    """'Partida' over 'arancelaria' in a ruled header cell is one caption: the HS code is in the cell under it,
    not the caption's second line."""
    words = _line("CERTIFICADO DE ORIGEN", 0.34, 0.1, 0.016)
    words += _line("Partida", 0.63, 0.38, 0.009) + _line("arancelaria", 0.63, 0.389, 0.009)
    words += _line("2825.80", 0.63, 0.409, 0.011) + _line("ídem", 0.63, 0.474, 0.011)
    cells = [(0.62, 0.376, 0.723, 0.3765), (0.62, 0.403, 0.723, 0.4035), (0.62, 0.757, 0.723, 0.7575),
             (0.62, 0.376, 0.6205, 0.7575), (0.7225, 0.376, 0.723, 0.7575)]  # fmt: skip
    assert extract_fields(DocType.CERTIFICATE_OF_ORIGIN, [_page(words, cells)])["hs_code"].value == "282580"


def test_a_value_after_a_labels_bracketed_description_is_read_but_a_translated_caption_is_not() -> None:
    """'Number of packages (bundles) 22': the bracket describes what is counted, the count follows it.
    'Vendor (name and address) Vendeur (nom et adresse)': what follows the bracket is the caption in French,
    no seller."""
    words = _line("DELIVERY NOTE", 0.12, 0.27, 0.016)
    words += _line("Number of packages (bundles) 22", 0.13, 0.475, 0.011)
    assert extract_fields(DocType.PACKING_LIST, [_page(words, [])])["package_count"].value == 22
    invoice = _line("COMMERCIAL INVOICE", 0.35, 0.05, 0.016)
    invoice += _line("1. Vendor (name and address) Vendeur (nom et adresse)", 0.08, 0.12, 0.009)
    invoice += _line("Comercializadora Antimonio del Bajío, S.A. de C.V.", 0.08, 0.135, 0.011)
    seller = extract_fields(DocType.COMMERCIAL_INVOICE, [_page(invoice, [])])["seller_name"].value
    assert seller == "Comercializadora Antimonio del Bajío, S.A. de C.V."


def test_the_principal_result_under_a_misread_symbol_is_antimonys() -> None:
    """An EN 10204 certificate's first row read 'C71 Se" % 99.70 99.73': the one result over half the metal, on
    a scan with no Sb read, is antimony's; the selenium row further down keeps its own result."""
    rows = [(0.33, ["C71", 'Se"', "%", "99.70", "99.73"]), (0.35, ["C72", "As", "%", "0.1", "0.0711"]),
            (0.37, ["C73", "Fe", "%", "0.05", "0.0158"]), (0.39, ["C78", "Se", "g/t", "20", "11.4"])]  # fmt: skip
    words = _line("INSPECTION CERTIFICATE", 0.45, 0.07, 0.016)
    words += _table([(0.31, ["", "Element", "Unit", "Max", "Result"]), *rows], (0.08, 0.2, 0.4, 0.6, 0.8))
    composition = extract_fields(DocType.ASSAY_CERTIFICATE, [_scanned_page([(*w, 0.9) for w in words])])
    assert composition["composition_pct"].value == {"Sb": 99.73, "As": 0.0711, "Fe": 0.0158, "Se": 0.00114}


def test_container_tables_without_a_readable_grand_total_add_up_and_one_table_counts_once() -> None:
    """A load plan whose grand total a stamp made unreadable: the containers' own total rows add up to the
    shipment's weight and packages. One table with its net weight in two columns ('N.W. (kg)', 'Quantity (MT)')
    is counted once."""
    columns = (0.08, 0.25, 0.45, 0.6, 0.75)
    header = ["Pkg. Nos.", "Lot No.", "Pkgs", "N.W. (kg)", "Gross kg"]
    rows = [(0.36, header), (0.38, ["1-8", "L-2510-164", "8", "8,086.00", "8,211.00"]),
            (0.40, ["9-12", "L-2510-166", "4", "4,034.00", "4,095.50"]),
            (0.42, ["Total this container", "", "12", "12,120.00", "12,306.50"]),
            (0.48, header), (0.50, ["13-23", "L-2510-166", "11", "11,132.00", "11,300.50"]),
            (0.52, ["Total this container", "", "11", "11,132.00", "11,300.50"])]  # fmt: skip
    words = _line("CONTAINER LOAD PLAN", 0.6, 0.04, 0.016) + _table(rows, columns)
    fields = extract_fields(DocType.PACKING_LIST, [_page(words, [])])
    assert fields["net_weight_kg"].value == pytest.approx(23252.0)
    assert fields["package_count"].value == 23
    one = [(0.36, ["Lot No.", "Pkgs", "Quantity (MT)", "N.W. (kg)", "G.W. (kg)"]),
           (0.38, ["L-2504-239", "6", "6.000", "6,000.00", "6,090.00"]),
           (0.40, ["L-2504-240", "7", "7.000", "7,000.00", "7,105.00"]),
           (0.42, ["TOTAL", "13", "13.000", "13,000.00", "13,195.00"])]  # fmt: skip
    words = _line("PACKING LIST", 0.6, 0.04, 0.016) + _table(one, columns)
    assert extract_fields(DocType.PACKING_LIST, [_page(words, [])])["net_weight_kg"].value == pytest.approx(13000.0)


def test_a_longer_caption_ocr_misread_a_letter_of_is_no_value_beside_a_label() -> None:
    """A scanned Spanish invoice: 'Comprador' with 'Pais de origen de las mcrancias' (the caption of the next
    box, one letter misread) beside it on its row; the buyer is the name under 'Comprador'."""
    words = _line("FACTURA COMERCIAL", 0.37, 0.06, 0.016)
    words += _line("Comprador", 0.106, 0.203, 0.009) + _line("Pais de origen de las mcrancias", 0.45, 0.203, 0.009)
    words += _line("Gulf Coast Flame Retardants LLC", 0.109, 0.216, 0.011) + _line("México", 0.45, 0.216, 0.011)
    words += _line("8400 Bay Area Blvd, Suite 210", 0.11, 0.232, 0.011)
    fields = extract_fields(DocType.COMMERCIAL_INVOICE, [_scanned_page([(*w, 0.9) for w in words])])
    assert fields["buyer_name"].value == "Gulf Coast Flame Retardants LLC"


def test_a_scanned_title_is_no_other_label_and_a_chamber_number_is_the_certificates() -> None:
    """A sworn chamber certificate on a scan: 'CERTIFICATE OF ORIGIN' read loosely as 'Certificate no' would take
    the shipper's street number ('88/12 Moo 3') for the certificate's; the number is the chamber's."""
    words = _line("Chamber No. 2025/TH/24687", 0.7, 0.041, 0.011) + _line("CERTIFICATE OF ORIGIN", 0.34, 0.069, 0.016)
    words += _line("The undersigned Nattaya Srisuk", 0.074, 0.108, 0.011)
    words += _line("88/12 Moo 3, Sukhumvit Road, Thung Sukhla, Si Racha, Chonburi 20230, Thailand", 0.084, 0.152, 0.011)
    fields = extract_fields(DocType.CERTIFICATE_OF_ORIGIN, [_scanned_page([(*w, 0.9) for w in words])])
    assert fields["certificate_number"].value == "2025/TH/24687"


def test_lots_are_read_row_by_row_from_a_table_body_ruled_as_one_box() -> None:
    """A packing list whose rules enclose the whole table body in one box under its header: each row's lot is its
    first token (a speck read as a quote before it), not the pieces of '4,093.00' a comma would part; a column
    naming one lot on most of its rows keeps that form over the few rows OCR garbled."""
    columns = (0.1, 0.33, 0.6, 0.8)
    rows = [(0.32, ["CP-2505-073", "4 pallets", "4,000.00 KGS", "4,093.00 KGS"]),
            (0.34, ["“CP-2505-076", "4 pallets", "4,000.00 KGS", "4,093.00 KGS"]),
            (0.36, ["CP-2505-077", "6 pallets", "6,000.00 KGS", "6,145.00 KGS"]),
            (0.38, ["CP-2505-078", "1 pallet", "1,000.00 KGS", "1,024.00 KGS"])]  # fmt: skip
    words = _line("PACKING LIST", 0.6, 0.06, 0.016)
    words += _table([(0.3, ["Lot No.", "Packages", "Net weight", "Gross weight"]), *rows], columns)
    rules = _frame(0.09, 0.295, 0.95, 0.31) + _frame(0.09, 0.31, 0.95, 0.4)
    lots = extract_fields(DocType.PACKING_LIST, [_page(words, rules)])["lot_numbers"].value
    assert lots == ["CP-2505-073", "CP-2505-076", "CP-2505-077", "CP-2505-078"]
    garbled = ["L-2503-290", "L-2503-290", "12503-2902", "L-2503-290", "12503-2900", "L-2503-290", "L-2503-291"]
    words = _line("LISTA DE EMPAQUE", 0.6, 0.06, 0.016)
    table = [(0.2, ["Lote No.", "Peso neto (kg)"])] + [
        (0.22 + 0.02 * i, [lot, "1,000.0"]) for i, lot in enumerate(garbled)
    ]
    words += _table(table, (0.2, 0.5))
    assert extract_fields(DocType.PACKING_LIST, [_page(words, [])])["lot_numbers"].value == ["L-2503-290", "L-2503-291"]


def test_spanish_number_and_date_and_commodity_code_captions_and_a_wrapped_brackets_tail() -> None:
    """The UN-aligned invoice in Spanish: 'N° y fecha de factura' over the number and date, 'Código de mercancía'
    over the HS code; the Canada Customs Invoice's caption wrapped into '... de' / 'acheteur)' labels no buyer."""
    words = _line("FACTURA COMERCIAL", 0.5, 0.061, 0.011)
    words += _line("N° y fecha de factura", 0.515, 0.082, 0.009) + _line("Referencia del vendedor", 0.7, 0.082, 0.009)
    words += _line("F-00862", 0.519, 0.097, 0.011) + _line("Lista de empaque PL-250862", 0.7, 0.097, 0.011)
    words += _line("22/08/2025", 0.519, 0.108, 0.011)
    words += _line("Código de mercancía", 0.55, 0.379, 0.009) + _line("811010", 0.55, 0.396, 0.011)
    fields = extract_fields(DocType.COMMERCIAL_INVOICE, [_page(words, [])])
    assert (fields["invoice_number"].value, fields["hs_code"].value) == ("F-00862", "811010")
    words = _line("CANADA CUSTOMS INVOICE", 0.36, 0.058, 0.016)
    words += _line("3. Other references (include purchaser's order No.)", 0.52, 0.131, 0.009)
    words += _line("(inclure le n° de commande de", 0.53, 0.14, 0.009) + _line("acheteur)", 0.53, 0.149, 0.009)
    words += _line("Invoice No. BM-INV-25-0684", 0.53, 0.16, 0.011)
    words += _line("4. Consignee (name and address)", 0.08, 0.203, 0.009)
    words += _line("5. Purchaser's name and address (if other than consignee)", 0.52, 0.203, 0.009)
    words += _line("Maasvlakte Metals Trading B.V.", 0.09, 0.223, 0.011)
    words += _line("Maasvlakte Metals Trading B.V.", 0.52, 0.223, 0.011)
    fields = extract_fields(DocType.COMMERCIAL_INVOICE, [_page(words, [])])
    assert fields["buyer_name"].value == "Maasvlakte Metals Trading B.V."


def test_a_sworn_certificates_caption_under_the_blank_read_with_a_brace_is_passed_over() -> None:
    """'for {Owner or Agent) Andaman Minerals Trading Co., Ltd.': OCR read the caption's bracket as a brace."""
    words = _line("CERTIFICATE OF ORIGIN", 0.33, 0.073, 0.016)
    words += _line("The undersigned Somchai Rattanakul for", 0.08, 0.124, 0.011)
    words += _line("{Owner or Agent)", 0.35, 0.14, 0.009)
    words += _line(
        "Andaman Minerals Trading Co., Ltd. 1168/45 Rama III Road, Bangkok 10120, Thailand", 0.084, 0.161, 0.011
    )
    fields = extract_fields(DocType.CERTIFICATE_OF_ORIGIN, [_scanned_page([(*w, 0.9) for w in words])])
    assert fields["exporter_name"].value == "Andaman Minerals Trading Co., Ltd."


def test_garbled_units_of_a_tables_last_rows_turn_to_mg_per_kg_where_percent_would_overfill_the_sample() -> None:
    """Duplicate results with their units read '%' down to copper, then 'sa', 'a', 'A' where 'mg/kg' was
    printed: percent from the rows above would make bismuth 10 % of a 99.87 % antimony ingot."""
    rows = [(0.334, ["Sb", "%", "99.89", "99.85", "99.87"]), (0.353, ["As", "%", "0.0231", "0.0229", "0.0230"]),
            (0.373, ["Pb", "%", "0.0460", "0.0458", "0.0459"]), (0.392, ["Cu", "%", "0.0075", "0.0073", "0.0074"]),
            (0.411, ["Bi", "sa", "10.3", "9.7", "10.0"]), (0.430, ["Se", "a", "4.9", "4.5", "4.7"]),
            (0.449, ["Cd", "A", "2.4", "1.8", "2.1"])]  # fmt: skip
    words = _line("CERTIFICATE OF QUALITY", 0.36, 0.125, 0.016)
    words += _table([(0.315, ["Elemento", "Unidad", "A", "B", "Resultado"]), *rows], (0.087, 0.27, 0.45, 0.62, 0.8))
    fields = extract_fields(DocType.ASSAY_CERTIFICATE, [_scanned_page([(*w, 0.9) for w in words])])
    composition = fields["composition_pct"].value
    assert (composition["Bi"], composition["Se"], composition["Cd"]) == (0.001, 0.00047, 0.00021)


def test_a_sideways_header_with_garbled_cells_and_bracketed_units_still_heads_its_results() -> None:
    """A shaded header row OCR read in part ('asc)', 'Chr', 'KED: »)' for three of its symbols) still heads the
    columns it names; in the row continuing it, 'Cd (moles)' and 'Au(mgKg)' are cadmium and gold, in the mg/kg of
    their neighbours."""
    columns = (0.09, 0.22, 0.32, 0.42, 0.52, 0.62, 0.72, 0.82)
    first = ["Sample", "Sb (%)", "asc)", "Chr", "KED: »)", "Pb (%)", "Cu (%)", "Bi (mg/kg)"]
    second = ["Sample", "Se (mg/kg)", "Cd (moles)", "Hg (mg/kg)", "Au(mgKg)", "Ni (mg/kg)", "Sn (mg/kg)", "Zn (mg/kg)"]
    rows = [(0.268, first), (0.285, ["Average", "99.95", "0.0080", "0.0046", "0.0121", "0.0096", "0.0014", "7.1"]),
            (0.374, second), (0.392, ["Average", "4.3", "1.3", "0.37", "0.15", "16.6", "7.6", "5.8"])]  # fmt: skip
    words = _line("ANALYSIS REPORT", 0.4, 0.117, 0.016) + _table(rows, columns)
    composition = extract_fields(DocType.ASSAY_CERTIFICATE, [_scanned_page([(*w, 0.9) for w in words])])
    found = composition["composition_pct"].value
    assert {k: found[k] for k in ("Sb", "Pb", "Cu", "Bi", "Cd", "Au")} == {
        "Sb": 99.95, "Pb": 0.0096, "Cu": 0.0014, "Bi": 0.00071, "Cd": 0.00013, "Au": 1.5e-05
    }  # fmt: skip


def test_a_column_of_gross_and_net_lines_is_neither_weights_and_a_count_after_a_slash_leaves_the_value_beside() -> None:
    """The aligned invoice's goods lines: 'Gross / Net Wt.' over 'G 3,068.00 KGS' and 'N 3,000.00 KGS' per lot,
    then 'Net Weight / 11 pallets' beside '11,000.00 KGS': the column adds gross and net alike; the net weight
    is the figure beside its caption."""
    columns = (0.1, 0.3, 0.55, 0.75)
    rows = [(0.61, ["Lot / Packages", "Gross / Net Wt.", "Quantity", "Amount (USD)"]),
            (0.637, ["Lot LT-2509-320", "G 3,068.00 KGS", "3.000 MT", "152,880.00"]),
            (0.648, ["3 pallets", "N 3,000.00 KGS", "", ""]),
            (0.668, ["Lot LT-2509-322", "G 8,182.00 KGS", "8.000 MT", "407,680.00"]),
            (0.68, ["8 pallets", "N 8,000.00 KGS", "", ""]),
            (0.728, ["Net Weight / 11 pallets", "11,000.00 KGS", "11.000 MT", "560,560.00"])]  # fmt: skip
    words = _line("EXPORT INVOICE", 0.5, 0.073, 0.016) + _table(rows, columns)
    assert extract_fields(DocType.COMMERCIAL_INVOICE, [_page(words, [])])["net_weight_kg"].value == 11000.0


def test_the_packages_caption_of_the_goods_box_is_no_document_number() -> None:
    """'10 No. & Kind of Packages: Description of Goods' over '19 PALLETS ... SB203': the number of packages, not
    the certificate's number, which 'Certificate No.' gives."""
    words = _line("PREFERENTIAL CERTIFICATE OF ORIGIN", 0.5, 0.081, 0.014)
    words += _line("Certificate No. MX-AP-25-11916", 0.5, 0.101, 0.011)
    words += _line("10 No. & Kind of Packages: Description of Goods", 0.27, 0.33, 0.009)
    words += _line("19 PALLETS (NINETEEN) OF ANTIMONY TRIOXIDE SB203 99.50%", 0.27, 0.354, 0.011)
    fields = extract_fields(DocType.CERTIFICATE_OF_ORIGIN, [_scanned_page([(*w, 0.9) for w in words])])
    assert fields["certificate_number"].value == "MX-AP-25-11916"


def test_a_house_number_after_no_is_an_address_not_the_reports_number() -> None:
    """A Malaysian laboratory's letterhead: 'No. 7, Jalan Bendahara, 31650 Ipoh' is its address; the report's
    number stands after its own 'N°'."""
    words = _line("Perak Analytical Services Sdn. Bhd.", 0.3, 0.04, 0.014)
    words += _line("No. 7, Jalan Bendahara, 31650 Ipoh, Perak, Malasia", 0.3, 0.062, 0.011)
    words += _line("INFORME DE ENSAYO", 0.38, 0.1, 0.016) + _line("N°", 0.36, 0.124, 0.011)
    words += _line("COA-2502-468", 0.4, 0.124, 0.011)
    fields = extract_fields(DocType.ASSAY_CERTIFICATE, [_scanned_page([(*w, 0.9) for w in words])])
    assert fields["certificate_number"].value == "COA-2502-468"
