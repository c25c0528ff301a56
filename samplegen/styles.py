"""How each document of a shipment looks: layout, language, conventions, scan treatment and file name."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from samplegen.formatting import DATE_STYLES, WeightStyle

LAYOUTS: dict[str, tuple[str, ...]] = {
    "commercial_invoice": ("label_value_header", "boxed_grid", "letterhead_table"),
    "packing_list": ("lot_table", "boxed_summary", "bundle_register"),
    "certificate_of_origin": ("form_d", "usmca_elements", "chamber_boxed"),
    "assay_certificate": ("results_table", "label_above_grid", "letter_report"),
}
COO_LAYOUT = {"form_d": "form_d", "usmca": "usmca_elements", "chamber": "chamber_boxed"}
# Families added after the extractors were built (`--families all`); see samplegen/families.py.
ADDED_LAYOUTS: dict[str, tuple[str, ...]] = {
    "commercial_invoice": (
        "facture_arretee", "factura_electronica", "side_totals", "canada_customs", "lc_say_total", "courier_customs",
        "un_aligned", "erp_invoice", "spreadsheet_invoice", "sin_export", "provisional_final", "sap_billing",
        "tax_invoice", "payment_advice", "myinvois",
    ),
    "packing_list": (
        "bundle_lots", "lot_summary", "container_weights", "weight_certificate", "colisage_bilingual", "lots_across",
        "weight_tally", "weight_measurement", "say_packages", "load_plan", "delivery_note", "marks_sheet",
        "vehicle_loading", "sscc_pallets", "picking_list", "stuffing_tally", "ship_notice",
    ),
    "assay_certificate": (
        "horizontal_samples", "dotted_leaders", "signature_lab", "icp_printout", "inspection_duplicates",
        "informe_ensayo", "en10204_31", "quality_spec", "umpire_assay", "weight_quality", "test_report",
        "lims_report", "xrf_analyzer", "producer_quality", "method_grouped",
    ),
}  # fmt: skip
# Certificate families a trade lane can use, by the plan's kind of certificate (every family drawn).
COO_LAYOUTS_ALL: dict[str, tuple[str, ...]] = {
    "form_d": ("form_d", "e_form_d"),
    "usmca": ("usmca_elements", "usmca_letter", "cbp434"),
    "chamber": (
        "chamber_boxed",
        "icc_chamber",
        "generic_sworn",
        "chamber_affidavit",
        "chamber_latam",
        "form_b",
        "e_co_online",
        "chamber_stamped",
        "cis_general",
    ),
    "form_e": ("form_e",),
    "eur1": ("eur1",),
    "form_a": ("gsp_form_a",),
    "statement": ("statement_on_origin",),
    "ace36": ("aladi_ace36", "mercosur_bolivia"),
    "rcep": ("rcep",),
    "pacific": ("aic_pacific", "japan_epa"),
}
LANDSCAPE = frozenset({"container_weights", "lots_across"})
# Forms printed in English whatever the exporter's language (the ASEAN forms, GSP Form A, the EPA statement,
# the certificate under an economic partnership with Japan, the non-preferential certificate in Form B's boxes, the
# printed ATIGA e-Form D).
ENGLISH_ONLY = frozenset({"form_d", "form_e", "gsp_form_a", "statement_on_origin", "japan_epa", "form_b", "e_form_d"})
# Forms printed in one language whatever the exporter's: a French invoice and packing list, Spanish-only
# Latin-American forms and laboratory reports, the English invoice drawn for a documentary credit, the
# English packing list of Asian export houses and the chamber's e-CO printout (English, its subtitles apart).
FIXED_LANGUAGE = {
    "facture_arretee": "fr",
    "colisage_bilingual": "fr",
    "factura_electronica": "es",
    "aladi_ace36": "es",
    "informe_ensayo": "es",
    "lc_say_total": "en",
    "say_packages": "en",
    "chamber_latam": "es",
    "sin_export": "es",
    "e_co_online": "en",
    "tax_invoice": "en",
    "myinvois": "en",  # the MyInvois e-invoice printout, in English as the form is
    "mercosur_bolivia": "es",  # the MERCOSUR-Bolivia certificate, issued in Bolivia in Spanish
    "cis_general": "en",  # a chamber certificate in the CIS forms' boxes, made out in English
}
# Forms that always print decimal commas (the Spanish laboratory report).
COMMA_ONLY = frozenset({"informe_ensayo"})
SCAN_FORMATS = ("pdf", "png", "jpg", "tiff")


@dataclass
class DocStyle:
    doc_type: str
    language: str = "en"
    layout: str = ""
    conv: str = "dot"  # "dot" 1,234.56 | "comma" 1.234,56
    date_style: str = "iso"
    weight: WeightStyle = field(default_factory=lambda: WeightStyle("kg", 2))
    money_style: str = "code_before"
    hs_style: str = "dotted"
    font: str = "Helvetica"
    pagesize: str = "A4"
    pages: int = 1
    flags: set[str] = field(default_factory=set)
    scanned: bool = False
    fmt: str = "pdf"
    noise: str = "light"  # "light" | "medium" | "heavy"
    filename: str = ""


def pick_language(plan_lang: str, doc_type: str, layout: str) -> str:
    if layout in ENGLISH_ONLY:
        return "en"
    if layout in FIXED_LANGUAGE:
        return FIXED_LANGUAGE[layout]
    if plan_lang == "es":
        return "es"
    if plan_lang == "mixed":
        return "es" if doc_type in ("commercial_invoice", "packing_list") else "en"
    return "en"


def base_style(
    doc_type: str,
    layout: str,
    lang: str,
    declared: str,
    dest: str,
    rng: random.Random,
) -> DocStyle:
    st = DocStyle(doc_type=doc_type, language=lang, layout=layout)
    fixed_comma = declared == "BE" or lang == "fr" or layout in COMMA_ONLY
    if fixed_comma or (lang == "es" and rng.random() < 0.5) or rng.random() < 0.12:
        st.conv = "comma"
    st.date_style = rng.choice(DATE_STYLES[lang])
    if declared == "BE" and lang == "en" and rng.random() < 0.5:
        st.date_style = "dmy_dot"
    unit = rng.choice(("kg", "kg", "KGS", "MT", "metric tons"))
    if dest == "US" and rng.random() < 0.2:
        unit = "lbs"
    st.weight = WeightStyle(unit, {"kg": rng.choice((0, 2)), "KGS": 2, "MT": 3, "metric tons": 3, "lbs": 2}[unit])
    st.money_style = rng.choice(("code_before", "code_after", "symbol"))
    st.hs_style = rng.choice(("dotted", "dotted", "plain", "dotted8") + (("htsus",) if dest == "US" else ()))
    st.font = rng.choice(("Helvetica", "Helvetica", "Helvetica", "Times", "Times", "Courier"))
    us_style = dest in ("US", "CA") or declared in ("MX", "CA")
    st.pagesize = "LETTER" if us_style and rng.random() < 0.6 and layout not in ENGLISH_ONLY else "A4"
    if layout in LANDSCAPE:
        st.pagesize = "A4L"
    return st


def file_name(fmt: str, scanned: bool, when: str, rng: random.Random) -> str:
    ext = {"pdf": "pdf", "png": "png", "jpg": rng.choice(("jpg", "jpeg")), "tiff": rng.choice(("tif", "tiff"))}[fmt]
    hex4 = f"{rng.getrandbits(16):04x}"
    hex8 = f"{rng.getrandbits(32):08x}"
    n = rng.randrange(1, 9999)
    if scanned:
        patterns = [f"scan_{n:04d}.{ext}", f"doc-{hex4}.{ext}", f"{hex8}.{ext}", f"Scan_{when}_{n % 2400:04d}.{ext}"]
        if fmt in ("jpg", "png"):
            hhmmss = f"{rng.randrange(8, 18):02d}{rng.randrange(60):02d}{rng.randrange(60):02d}"
            patterns.append(f"IMG_{when.replace('-', '')}_{hhmmss}.{ext}")
        if fmt == "tiff":
            patterns.append(f"fax_{n:05d}.{ext}")
    else:
        patterns = [f"doc-{hex4}.pdf", f"{hex8}.pdf", f"file_{n:04d}.pdf", f"attachment-{hex4}.pdf"]
    return rng.choice(patterns)
