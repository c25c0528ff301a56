"""Captions as forms word them (number marks before the noun, bracketed plurals, abbreviated weights, a letter's
own reference, a fiscal invoice's customer), titles that name the document at body size, words grouped into the
line they stand on, and values beside or under their captions."""

from __future__ import annotations

import pytest

from oretrace.core.folding import fold
from oretrace.core.models import DocType, Page, TextSource
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


def test_an_fob_value_under_a_quantity_caption_is_money_not_weight() -> None:
    """'9. Quantity (gross / net) and FOB value': the amount in dollars below the weights adds nothing to them."""
    words = _line("CERTIFICATE OF ORIGIN", 0.4, 0.07, 0.016)
    words += _line("9. Quantity (gross / net) and FOB value", 0.52, 0.3, 0.008)
    words += _line("G.W. 20,540 KGS", 0.52, 0.35, 0.011) + _line("Net weight", 0.52, 0.364, 0.011)
    words += _line("20,235 KGS", 0.52, 0.376, 0.011) + _line("FOB", 0.52, 0.388, 0.011)
    words += _line("US$ 981,170.90", 0.52, 0.4, 0.011)
    fields = extract_fields(DocType.CERTIFICATE_OF_ORIGIN, [_page(words, _frame(0.51, 0.29, 0.7, 0.45))])
    assert fields["net_weight_kg"].value == 20235.0


@pytest.mark.parametrize(
    ("caption", "field", "value"),
    [
        ("Lote (declarado por el cliente)", "lot_number", "LT-2505-082"),
        ("Productor / Marca", "smelter_name", "Hunan Zhirong Antimony"),
        ("Client sample ref. (lot)", "lot_number", "B-2501-241"),
    ],
)
def test_a_qualified_caption_in_a_cell_of_its_own_has_its_value_in_the_next_cell(
    caption: str, field: str, value: str
) -> None:
    """A report's particulars as a ruled two-column table: the caption's bracket or alternative qualifies it, it
    does not describe a box to fill in under it."""
    words = _line("TEST REPORT", 0.07, 0.12, 0.016)
    rows = [(0.22, "Lab. sample ref.", "S25-51890"), (0.24, caption, value), (0.26, "Date received", "19/05/2025"),
            (0.28, "Sampling", "Sample delivered by the client.")]  # fmt: skip
    rules = []
    for y, left, right in rows:
        words += _line(left, 0.08, y + 0.003, 0.011) + _line(right, 0.38, y + 0.003, 0.011)
        rules += _frame(0.07, y, 0.37, y + 0.018) + _frame(0.37, y, 0.93, y + 0.018)
    fields = extract_fields(DocType.ASSAY_CERTIFICATE, [_page(words, rules)])
    assert fields[field].value == value


@pytest.mark.parametrize(
    "title", ["TRUCK LOADING LIST", "LISTE DE CHARGEMENT", "LISTA DE CARGA POR UNIDAD", "REMISIÓN No. 0456"]
)
def test_a_plants_loading_list_or_delivery_note_is_the_packing_list(title: str) -> None:
    words = _line("Kempen Specialty Oxides BV", 0.09, 0.05, 0.011) + _line(title, 0.6, 0.05, 0.016)
    words += _line("Truck | Container | Seal Lot Packages Net kg Gross kg", 0.14, 0.27, 0.011)
    words += _line("1-HNZ-380 H1603982 KS-2509-178 1 1.000,0 1.025,0", 0.14, 0.29, 0.011)
    assert classify([_page(words, [])]).doc_type is DocType.PACKING_LIST


def test_the_invoice_value_before_a_provisional_payment_is_the_total() -> None:
    words = _line("FINAL INVOICE", 0.3, 0.1, 0.016)
    words += _line("Invoice value USD", 0.09, 0.688, 0.011) + _line("964.198,23", 0.84, 0.688, 0.011)
    words += _line("Less provisional invoice P-0889 (90 % x USD 972.860,76)", 0.09, 0.706, 0.011)
    words += _line("- 875.574,68", 0.83, 0.706, 0.011)
    words += _line("BALANCE DUE USD", 0.09, 0.727, 0.011) + _line("88.623,55", 0.84, 0.727, 0.011)
    assert extract_fields(DocType.COMMERCIAL_INVOICE, [_page(words, [])])["total_amount"].value == 964198.23


def test_total_weights_captioned_total_first_beat_the_vehicles_subtotals() -> None:
    words = _line("LISTA DE CARGA POR UNIDAD", 0.3, 0.05, 0.016)
    words += _table([(0.27, ["Lote No.", "Bultos", "Neto kg"]), (0.29, ["CA-2505-178", "8", "8.138,50"]),
                     (0.31, ["Total unidad", "12", "12.169,50"])], (0.55, 0.7, 0.8))  # fmt: skip
    words += _line("Total peso neto: 24.395 kg", 0.08, 0.41, 0.011)
    words += _line("Total peso bruto: 24.747 kg", 0.08, 0.43, 0.011)
    fields = extract_fields(DocType.PACKING_LIST, [_page(words, [])])
    assert (fields["net_weight_kg"].value, fields["gross_weight_kg"].value) == (24395.0, 24747.0)


def _scanned_page(words: list[tuple[str, float, float, float, float]]) -> Page:
    raw = [RawWord(text, x0, y0, x1, y1, 0.9) for text, x0, y0, x1, y1 in words]
    return Page(number=1, width=2550, height=3300, source=TextSource.OCR, language="eng", words=order_words(raw))


def test_noise_under_a_scanned_table_and_a_parted_method_name_add_no_element() -> None:
    """'7] In- house method' beside selenium's row (a speck, then 'In-house' parted at its hyphen), then 'o | 7' and
    'Y. | 1' from a footnote's specks: selenium keeps its result, and no indium, oxygen or yttrium appears."""
    words = _line("TEST REPORT", 0.07, 0.12, 0.016)
    rows = [
        (0.38, ["Analyte", "Method", "Detection limit", "Result", "Unit"]),
        (0.40, ["Antimony (Sb)", "In-house method (KBrO3)", "-", "99.86", "%"]),
        (0.42, ["Arsenic (As)", "In-house method (HG-AFS)", "0.001", "0.0524", "%"]),
        (0.44, ["Selenium (Se)", "7] In- house method (HG-AFS)", "0.2", "22.1", "ppm"]),
        (0.47, ["o", "", "", "7", ""]),
        (0.49, ["Y.", "", "", "1", ""]),
    ]
    words += _table(rows, (0.08, 0.25, 0.5, 0.65, 0.8))
    composition = extract_fields(DocType.ASSAY_CERTIFICATE, [_scanned_page(words)])["composition_pct"].value
    assert composition == {"Sb": 99.86, "As": 0.0524, "Se": 0.00221}


def test_a_bracket_listing_a_boxs_contents_still_has_its_value_under_it() -> None:
    """'(Exporter Name and Address)' describes what to fill in below; the next box's caption beside it is no
    value."""
    words = _line("CERTIFICADO DE ORIGEN", 0.4, 0.088, 0.016)
    words += _line("1. Nombre y domicilio del exportador (Exporter Name and Address)", 0.08, 0.124, 0.008)
    words += _line("2. Periodo que cubre (Blanket Period)", 0.52, 0.124, 0.008)
    words += _line("Comercializadora Antimonio del Bajío, S.A. de C.V.", 0.084, 0.138, 0.011)
    words += _line("Av. Tecnológico 2150, Int. 4", 0.084, 0.151, 0.011)
    fields = extract_fields(DocType.CERTIFICATE_OF_ORIGIN, [_page(words, [])])
    assert fields["exporter_name"].value == "Comercializadora Antimonio del Bajío, S.A. de C.V."


def test_a_limit_of_quantification_column_holds_no_result() -> None:
    """'Unit | LOQ | Result': gold not detected ('ND') has no result, whatever its limit of quantification."""
    words = _line("TEST REPORT", 0.07, 0.12, 0.016)
    rows = [
        (0.38, ["Test item", "Method", "Unit", "LOQ", "Result"]),
        (0.40, ["Cadmium (Cd)", "In-house SOP (ICP-MS)", "mg/kg", "0.2", "1.5"]),
        (0.42, ["Gold (Au)", "In-house SOP (ICP-MS)", "mg/kg", "0.2", "ND"]),
        (0.44, ["Tin (Sn)", "In-house SOP (ICP-OES)", "mg/kg", "1", "9.3"]),
    ]
    words += _table(rows, (0.08, 0.3, 0.55, 0.65, 0.78))
    composition = extract_fields(DocType.ASSAY_CERTIFICATE, [_page(words, [])])["composition_pct"].value
    assert composition == {"Cd": 0.00015, "Sn": 0.00093}


def test_a_labels_own_value_unread_is_not_replaced_by_the_line_below() -> None:
    """'Commercial Invoice No.: 2025:0604' (OCR's colon for the slash) over 'Per: MV Sea Lotus V.093W': the voyage
    below is no invoice number, which would cite another invoice than the invoice's own."""
    words = _line("WEIGHT AND MEASUREMENT LIST", 0.5, 0.058, 0.016)
    words += _line("Commercial Invoice No.: 2025:0604", 0.094, 0.11, 0.011)
    words += _line("Date:", 0.094, 0.124, 0.011) + _line("9 Oct 2025", 0.16, 0.124, 0.011)
    words += _line("Per:", 0.094, 0.135, 0.011) + _line("MV Sea Lotus V.093W", 0.16, 0.135, 0.011)
    fields = extract_fields(DocType.PACKING_LIST, [_page(words, [])])
    assert fields["invoice_number"].value is None


@pytest.mark.parametrize(
    "cell", [["PARTIDA", "ARANC."], ["HS code", "(importing", "Party)"], ["Partida", "arancelaria"]]
)
def test_a_header_cell_holding_one_caption_cut_short_or_qualified_heads_the_column_under_it(cell: list[str]) -> None:
    """A caption wrapped in its header cell, a word cut short with a point or a bracketed qualifier under it: the
    code stands in the column under the cell."""
    words = _line("FACTURA COMERCIAL", 0.3, 0.05, 0.016)
    words += _line("# DESCRIPCIÓN DE LA MERCANCÍA", 0.096, 0.408, 0.011)
    for n, text in enumerate(cell):
        words += _line(text, 0.5, 0.402 + 0.012 * n, 0.008)
    words += _line("CANT. (kg)", 0.62, 0.408, 0.011)
    bottom = 0.402 + 0.012 * len(cell) + 0.004
    words += _table(
        [(bottom + 0.01, ["1", "Lingotes de antimonio", "811010", "2.016,5 kg"])], (0.096, 0.136, 0.5, 0.62)
    )
    fields = extract_fields(DocType.COMMERCIAL_INVOICE, [_page(words, _frame(0.474, 0.397, 0.586, bottom))])
    assert fields["hs_code"].value == "811010"


@pytest.mark.parametrize(
    ("caption", "field", "value"),
    [
        ("Marca / Produtor:", "smelter_name", "Fundición Altiplano de Antimonio S.A."),
        ("Producteur :", "smelter_name", "Fundición Altiplano de Antimonio S.A."),
    ],
)
def test_portuguese_and_french_captions_of_the_producer(caption: str, field: str, value: str) -> None:
    words = _line("CERTIFICADO DE QUALIDADE E PESO", 0.29, 0.13, 0.016)
    words += _line(f"{caption} {value}", 0.081, 0.206, 0.011)
    assert extract_fields(DocType.ASSAY_CERTIFICATE, [_page(words, [])])[field].value == value


def test_the_tariff_nomenclature_column_gives_the_hs_code() -> None:
    words = _line("FACTURE", 0.3, 0.05, 0.016)
    rows = [(0.363, ["N°", "DESCRIPTION", "NOMENCLATURE", "QUANTITÉ (kg)"]),
            (0.387, ["1", "Trioxyde d'antimoine", "2825.80", "5.000 kg"])]  # fmt: skip
    words += _table(rows, (0.094, 0.14, 0.5, 0.62))
    assert extract_fields(DocType.COMMERCIAL_INVOICE, [_page(words, [])])["hs_code"].value == "282580"


def test_a_column_caption_wrapped_onto_a_second_header_line_of_an_open_table_heads_its_column() -> None:
    """'Código' over 'arancelario', 'Cantidad de' over 'bultos', no rules: each caption is read whole."""
    words = _line("CERTIFICADO DE ORIGEN", 0.35, 0.05, 0.016)
    columns = (0.077, 0.223, 0.326, 0.626, 0.729, 0.831)
    words += _table([(0.44, ["Marcas y números", "Cantidad de", "Denominación", "Código", "Peso bruto", "Peso neto"]),
                     (0.4495, ["", "bultos", "", "arancelario", "", ""]),
                     (0.469, ["ZME/MMT", "5 atados", "Lingotes de antimonio", "8110.10.00", "5,074.50 KGS",
                              "5,003.50 KGS"])], columns)  # fmt: skip
    fields = extract_fields(DocType.CERTIFICATE_OF_ORIGIN, [_page(words, [])])
    assert fields["hs_code"].value == "811010"


def test_nothing_across_an_empty_stretch_of_the_page_is_a_labels_value() -> None:
    """A signature's '/ exporter' role: the line at the foot of the page, far below, is not the exporter."""
    words = _line("Eastern Seaboard Alloy Supply Co., Ltd.", 0.084, 0.03, 0.013)
    words += _line("COMMERCIAL INVOICE", 0.3, 0.05, 0.016)
    words += _line("Kittipong Wongsawat", 0.083, 0.553, 0.011)
    words += _line("Sales Director", 0.083, 0.567, 0.011) + _line("/ exporter", 0.2, 0.567, 0.011)
    words += _line("Form CI-07 Printed On Recycled Paper", 0.09, 0.961, 0.011)
    fields = extract_fields(DocType.COMMERCIAL_INVOICE, [_page(words, [])])
    assert fields["seller_name"].value == "Eastern Seaboard Alloy Supply Co., Ltd."


def test_a_house_number_mark_labels_nothing_under_the_address() -> None:
    """'No. 7, Jalan Bendahara' is an address; the telephone line under it is no certificate number."""
    words = _line("Perak Analytical Services Sdn. Bhd.", 0.071, 0.043, 0.011)
    words += _line("No. 7, Jalan Bendahara, 31650 Ipoh, Perak, Malaysia", 0.071, 0.064, 0.011)
    words += _line("+60 5 241 3390 lab@perakanalytical.example", 0.071, 0.078, 0.011)
    words += _line("REFEREE ANALYSIS CERTIFICATE", 0.305, 0.112, 0.016)
    words += _line("Umpire cert. No.: COA-2502-468", 0.071, 0.148, 0.011)
    fields = extract_fields(DocType.ASSAY_CERTIFICATE, [_page(words, [])])
    assert fields["certificate_number"].value == "COA-2502-468"


def test_a_results_conformity_run_into_its_cell_is_not_part_of_the_figure() -> None:
    """A LIMS printout: 'Antimony, Sb | % | min. 99.85 | 99.89 Pass', the analysis code before the element."""
    words = _line("Certificate of Analysis", 0.35, 0.1, 0.016) + _line("Report ID: COA-2503-729", 0.07, 0.134, 0.011)
    rows = [
        (0.327, ["Analysis", "Parameter", "Units", "Specification", "Result Status"]),
        (0.349, ["SB-TIT", "Antimony, Sb", "%", "min. 99.85", "99.89 Pass"]),
        (0.367, ["HYDRIDE_AFS", "Arsenic, As", "%", "<= 0.05", "0.0376 Pass"]),
        (0.386, ["", "Selenium, Se", "mg/kg", "<= 10", "4.8 Pass"]),
    ]
    words += _table(rows, (0.077, 0.263, 0.45, 0.6, 0.75))
    fields = extract_fields(DocType.ASSAY_CERTIFICATE, [_page(words, [])])
    assert fields["composition_pct"].value == {"Sb": 99.89, "As": 0.0376, "Se": 0.00048}
    assert fields["certificate_number"].value == "COA-2503-729"


def test_the_caption_of_a_partys_number_does_not_name_the_party() -> None:
    """'Customer No. 1239872' over another line of the header: the buyer is the addressee, not that line."""
    words = _line("Zarafshon Metals Export LLC", 0.07, 0.037, 0.011)
    words += _line("Maasvlakte Metals Trading B.V.", 0.071, 0.102, 0.011)
    words += _line("Europaweg 210", 0.071, 0.117, 0.011) + _line("3199 LD Rotterdam", 0.071, 0.132, 0.011)
    words += _line("NETHERLANDS", 0.071, 0.146, 0.011)
    words += _line("Invoice No. 2025/0043", 0.552, 0.098, 0.011) + _line("Customer No.", 0.552, 0.126, 0.011)
    words += _line("1239872", 0.69, 0.126, 0.011) + _line("Export Invoice", 0.071, 0.176, 0.016)
    words += _line("Sales Office Khujand", 0.552, 0.14, 0.011)
    fields = extract_fields(DocType.COMMERCIAL_INVOICE, [_page(words, [])])
    assert fields["buyer_name"].value == "Maasvlakte Metals Trading B.V."


def test_a_columns_application_identifier_after_its_caption_is_no_value() -> None:
    """GS1 pallets: 'Lote (10)', 'Neto kg (3101)' head the lot and net weight columns."""
    words = _line("PACKING LIST / LISTA DE EMPAQUE", 0.32, 0.076, 0.016)
    rows = [
        (0.306, ["No.", "SSCC (00)", "Lote (10)", "Lingotes (37)", "Neto kg (3101)", "P.B. (kg)"]),
        (0.322, ["1", "375052596991498138", "CA-2505-178", "41", "1,036.0", "1,050.5"]),
        (0.339, ["2", "375052596991498145", "CA-2505-180", "41", "1,016.0", "1,033.0"]),
        (0.356, ["", "Total 2 atados", "", "82", "2,052.0", "2,083.5"]),
    ]
    words += _table(rows, (0.076, 0.12, 0.35, 0.5, 0.65, 0.8))
    fields = extract_fields(DocType.PACKING_LIST, [_page(words, [])])
    assert fields["lot_numbers"].value == ["CA-2505-178", "CA-2505-180"]
    assert fields["net_weight_kg"].value == 2052.0


def test_a_labels_stem_on_a_scan_is_another_word_and_an_erp_names_its_billing_document() -> None:
    """'Embarcado en: Camión placas 724-G32' (shipped on) is no 'Embarcador' (shipper) read with a slip; 'Documento
    de facturación' is the invoice's number."""
    words = _line("Exportadora Sierra Madre Metals, S. de R.L. de C.V.", 0.079, 0.048, 0.011)
    words += _line("Documento de facturación: EXP-2506-847", 0.53, 0.1, 0.011)
    words += _line("Factura comercial", 0.079, 0.222, 0.016)
    words += _line("Embarcado en: Camión placas 724-G32", 0.53, 0.539, 0.011)
    fields = extract_fields(DocType.COMMERCIAL_INVOICE, [_scanned_page(words)])
    assert fields["invoice_number"].value == "EXP-2506-847"
    assert fields["seller_name"].value == "Exportadora Sierra Madre Metals, S. de R.L. de C.V."
