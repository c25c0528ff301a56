"""Captions as forms word them (number marks before the noun, bracketed plurals, abbreviated weights, a letter's
own reference, a fiscal invoice's customer), titles that name the document at body size, words grouped into the
line they stand on, and values beside or under their captions."""

from __future__ import annotations

import pytest

from oretrace.core.folding import fold
from oretrace.core.models import DocType
from oretrace.extractors.classify import classify
from oretrace.extractors.fields import extract_fields
from oretrace.extractors.layout import RawWord, order_words
from tests.test_structure import _frame, _line, _page, _table


def test_a_bracketed_plural_and_spanish_number_marks_fold_to_the_plain_caption() -> None:
    assert fold("Invoice number(s) and date(s)") == "invoice number and date"
    assert fold("Factura(s)") == "factura"
    assert fold("Nro. FACTURA") == fold("Núm. Factura") == "no factura"


def test_box_of_invoice_numbers_and_dates_in_the_plural_gives_the_number() -> None:
    words = _line("CERTIFICATE OF ORIGIN", 0.6, 0.05, 0.016)
    words += _line("8. Invoice number(s) and date(s)", 0.62, 0.3, 0.008)
    words += _line("ES-INV-25-0747", 0.62, 0.33, 0.011) + _line("May 27, 2025", 0.62, 0.345, 0.011)
    fields = extract_fields(DocType.CERTIFICATE_OF_ORIGIN, [_page(words, _frame(0.6, 0.29, 0.95, 0.4))])
    assert fields["invoice_number"].value == "ES-INV-25-0747"


@pytest.mark.parametrize("caption", ["Nro. FACTURA:", "N° Facture :", "Nº Fatura:"])
def test_the_number_mark_may_come_before_the_invoice(caption: str) -> None:
    words = _line("FACTURA COMERCIAL DE EXPORTACIÓN", 0.3, 0.1, 0.016)
    words += _line(f"{caption} 2025/0604", 0.55, 0.05, 0.011)
    assert extract_fields(DocType.COMMERCIAL_INVOICE, [_page(words, [])])["invoice_number"].value == "2025/0604"


def test_a_fiscal_invoice_names_its_customer_by_name_or_company_name() -> None:
    """'Nombre/Razón Social' is the customer's caption on Latin American fiscal invoices; the issuer is in the
    letterhead."""
    words = _line("Kempen Specialty Oxides BV", 0.07, 0.04, 0.011)
    words += _line("FACTURA COMERCIAL DE EXPORTACIÓN", 0.3, 0.14, 0.016)
    words += _line("Nombre/Razón Social: Kansai Flame Chemicals K.K.", 0.08, 0.21, 0.011)
    fields = extract_fields(DocType.COMMERCIAL_INVOICE, [_page(words, [])])
    assert fields["buyer_name"].value == "Kansai Flame Chemicals K.K."


def test_a_company_name_wrapped_in_its_value_column_is_read_whole() -> None:
    words = _line("FACTURA COMERCIAL DE EXPORTACIÓN", 0.3, 0.14, 0.016)
    words += _line("NOMBRE/RAZÓN SOCIAL:", 0.08, 0.209, 0.011)
    words += _line("Qinzhou Harbour Flame Retardant", 0.237, 0.209, 0.011)
    words += _line("Materials Co., Ltd.", 0.237, 0.221, 0.011)
    words += _line("NIT/CI/CEX: 91450700MA5K123456", 0.08, 0.235, 0.011)
    fields = extract_fields(DocType.COMMERCIAL_INVOICE, [_page(words, [])])
    assert fields["buyer_name"].value == "Qinzhou Harbour Flame Retardant Materials Co., Ltd."


def test_a_name_ending_in_its_legal_form_takes_nothing_from_the_line_below() -> None:
    words = _line("COMMERCIAL INVOICE", 0.3, 0.1, 0.016)
    words += _line("Buyer: Kansai Flame Chemicals K.K.", 0.08, 0.2, 0.011)
    words += _line("Yokohama Trading Co., Ltd.", 0.134, 0.212, 0.011)
    assert extract_fields(DocType.COMMERCIAL_INVOICE, [_page(words, [])])["buyer_name"].value == (
        "Kansai Flame Chemicals K.K."
    )


@pytest.mark.parametrize(
    ("net", "gross"),
    [
        ("Kilos netos: 16.000,00 kg", "Peso bruto total: 16.381,00 kg"),
        ("Total N.W.: 16,000.00 kg", "Total G.W.: 16,381.00 kg"),
        ("Total P.N. : 16,000 MT", "Total P.B. : 16,381 MT"),
    ],
)
def test_abbreviated_weight_captions_beat_the_weights_of_single_packages(net: str, gross: str) -> None:
    words = _line("PACKING LIST", 0.3, 0.05, 0.016)
    for y, x in ((0.3, 0.1), (0.3, 0.5), (0.4, 0.1)):
        words += _line("N.W. 1,028.5 KG", x, y, 0.011) + _line("G.W. 1,044.0 KG", x, y + 0.012, 0.011)
    words += _line(net, 0.1, 0.7, 0.011) + _line(gross, 0.1, 0.72, 0.011)
    fields = extract_fields(DocType.PACKING_LIST, [_page(words, [])])
    assert (fields["net_weight_kg"].value, fields["gross_weight_kg"].value) == (16000.0, 16381.0)


def test_the_total_in_the_invoice_currency_beats_its_conversion_into_the_local_one() -> None:
    """'Monto total EUR | 813.120,00' and 'Total general (Bs) | 6.122.793,60': the caption names the currency."""
    words = _line("FACTURA COMERCIAL", 0.3, 0.1, 0.016)
    for y, caption, amount in ((0.6, "Monto total EUR", "813.120,00"), (0.62, "Total general (Bs)", "6.122.793,60")):
        words += _line(caption, 0.5, y, 0.011) + _line(amount, 0.84, y, 0.011)
    assert extract_fields(DocType.COMMERCIAL_INVOICE, [_page(words, [])])["total_amount"].value == 813120.0


def test_a_letter_gives_its_own_reference_as_the_certificate_number() -> None:
    words = _line("Laem Chabang Inspection & Assay Co., Ltd.", 0.08, 0.05, 0.011)
    words += _line("Our ref. COA-2507-994", 0.6, 0.05, 0.011)
    words += _line("CERTIFICATE OF ANALYSIS", 0.3, 0.13, 0.016)
    fields = extract_fields(DocType.ASSAY_CERTIFICATE, [_page(words, [])])
    assert fields["certificate_number"].value == "COA-2507-994"


def test_the_value_beside_a_box_caption_colon_comes_before_the_lines_under_it() -> None:
    words = _line("PACKING LIST", 0.3, 0.05, 0.016)
    words += _line("Total packages:", 0.085, 0.58, 0.011) + _line("10 bundles", 0.24, 0.58, 0.011)
    words += _line("Total net weight: 10,121.50 kg", 0.085, 0.6, 0.011)
    words += _line("Total gross weight: 10,265.50 kg", 0.085, 0.62, 0.011)
    fields = extract_fields(DocType.PACKING_LIST, [_page(words, _frame(0.075, 0.574, 0.48, 0.64))])
    assert fields["package_count"].value == 10


@pytest.mark.parametrize(
    "title",
    ["CERTIFICATE OF WEIGHT AND QUALITY", "CERTIFICATE OF WEIGHT, SAMPLING AND ANALYSIS",
     "CERTIFICADO DE PESO, MUESTREO Y ANÁLISIS", "CERTIFICAT DE POIDS ET QUALITÉ"],
)  # fmt: skip
def test_a_surveyors_certificate_of_weight_and_quality_is_the_assay_certificate(title: str) -> None:
    """The weighing makes the title a weight certificate's, the analysis or quality it names an assay's: the
    longer title counts."""
    words = _line(title, 0.2, 0.13, 0.016)
    words += _line("Lot No. Packages Gross weight (kg) Tare (kg) Net weight (kg)", 0.09, 0.3, 0.011)
    words += _line("Element Result Unit", 0.09, 0.43, 0.011) + _line("Sb 99.95 %", 0.09, 0.45, 0.011)
    assert classify([_page(words, [])]).doc_type is DocType.ASSAY_CERTIFICATE


def test_a_title_set_in_capitals_no_taller_than_the_body_still_names_the_document() -> None:
    """OCR's box of a word in capitals has no descender: a title in capitals is measured against the page's other
    words in capitals, not against all its words, and so is large print (a caption in larger type is not all
    there is)."""
    words = _line("1. Goods consigned from (Exporter's name, address, country)", 0.08, 0.05, 0.013)
    words += _line("CERTIFICATE OF ORIGIN", 0.61, 0.08, 0.0113)
    words += _line("Batinah Metals Export LLC", 0.09, 0.066, 0.0096)
    words += _line("SOHAR FREEZONE, SOHAR", 0.09, 0.091, 0.0079) + _line("OMAN", 0.09, 0.103, 0.0079)
    words += _line("MADE IN OMAN", 0.09, 0.437, 0.0079)
    words += _line("6. Marks and numbers; number and kind of packages", 0.08, 0.36, 0.0096)
    words += _line("7. Quantity (gross weight or other)", 0.6, 0.36, 0.0096)
    words += _line("Gross weight: 12,337.50 kg", 0.6, 0.4, 0.0096)
    assert classify([_page(words, [])]).doc_type is DocType.CERTIFICATE_OF_ORIGIN


def test_a_word_between_two_lines_joins_the_one_whose_centre_is_nearer() -> None:
    """Two columns set at different line pitches: the value half a line below the left column's line belongs to
    its caption's line."""
    raw = [
        RawWord("Plot", 0.07, 0.1403, 0.09, 0.1499),
        RawWord("88,", 0.1, 0.1403, 0.12, 0.1499),
        RawWord("EXP-2509-958", 0.68, 0.1449, 0.77, 0.1546),
        RawWord("Inv.", 0.52, 0.1453, 0.54, 0.1548),
        RawWord("No.:", 0.55, 0.1453, 0.57, 0.1548),
    ]
    lines = {w.text: w.line for w in order_words(raw)}
    assert lines["EXP-2509-958"] == lines["Inv."] != lines["Plot"]


def test_a_caption_wrapped_onto_the_second_line_of_a_boxed_header_row_heads_its_column() -> None:
    """'CÓDIGO' over 'NANDINA' in a header row boxed on its own: the line holding the caption's second word has
    fewer captions side by side than the row's first line, and the code still stands under the box."""
    words = _line("FACTURA COMERCIAL DE EXPORTACIÓN", 0.21, 0.14, 0.016)
    columns = (0.076, 0.154, 0.25, 0.326, 0.412)
    words += _table([(0.357, ["CÓDIGO", "CÓDIGO", "CANTIDAD", "UNIDAD", "DESCRIPCIÓN"])], columns)
    words += _table([(0.37, ["PRODUCTO /", "NANDINA", "", "", ""]), (0.381, ["SERVICIO", "", "", "", ""])], columns)
    words += _table([(0.401, ["SB-281", "282580", "2.000,00", "KILOGRAMO", "Trióxido de antimonio"])], columns)
    fields = extract_fields(DocType.COMMERCIAL_INVOICE, [_page(words, _frame(0.07, 0.351, 0.93, 0.395))])
    assert fields["hs_code"].value == "282580"


def test_a_caption_of_two_alternatives_is_the_label_of_either() -> None:
    """'Partida / lote:' names the lot as 'Parcel / lot' does; a single word inside running text stays text."""
    words = _line("INFORME DE DIRIMENCIA", 0.36, 0.12, 0.016)
    words += _line("Partida / lote:", 0.07, 0.19, 0.011) + _line("LT-2505-387", 0.21, 0.19, 0.011)
    words += _line("Muestra tomada del lote completo", 0.07, 0.3, 0.011)
    fields = extract_fields(DocType.ASSAY_CERTIFICATE, [_page(words, [])])
    assert fields["lot_number"].value == "LT-2505-387"
