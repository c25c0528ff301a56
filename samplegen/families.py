"""Layout families: every way a document type is drawn, with the public form it follows.

A family's id is `<doc_type>/<layout>`. The ground truth names the family of every document and the families
of every shipment, so that `oretrace eval` can hold some families out of development and report figures on
them apart (`oretrace.evaluation.split`). Families marked `seen_in_development` were used while the
extractors were built, before the split existed; they are never held out.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Family:
    doc_type: str
    layout: str
    modelled_on: str
    seen_in_development: bool = False

    @property
    def id(self) -> str:
        return f"{self.doc_type}/{self.layout}"

    def record(self) -> dict[str, object]:
        return {
            "doc_type": self.doc_type,
            "layout": self.layout,
            "modelled_on": self.modelled_on,
            "seen_in_development": self.seen_in_development,
        }


_FAMILIES: tuple[Family, ...] = (
    # --- the original twelve, used to build the extractors ---
    Family("commercial_invoice", "label_value_header", "a common commercial invoice: labels and values in a "
           "header block, line items in a ruled table", True),
    Family("commercial_invoice", "boxed_grid", "the boxed commercial invoice of freight forwarders' templates", True),
    Family("commercial_invoice", "letterhead_table", "a letterhead invoice with an item table and totals", True),
    Family("packing_list", "lot_table", "a packing list with one row per lot and a total row", True),
    Family("packing_list", "boxed_summary", "a boxed packing list summary in the style of the commercial "
           "invoice grid", True),
    Family("packing_list", "bundle_register", "a register of every bundle or pallet, running onto a second "
           "page", True),
    Family("certificate_of_origin", "form_d", "ATIGA Form D (ASEAN Trade in Goods Agreement), boxes 1-13", True),
    Family("certificate_of_origin", "usmca_elements", "USMCA / T-MEC certification of origin, the minimum data "
           "elements of Annex 5-A", True),
    Family("certificate_of_origin", "chamber_boxed", "a chamber of commerce non-preferential certificate of "
           "origin, boxes 1-8", True),
    Family("assay_certificate", "results_table", "a laboratory certificate of analysis with a results table",
           True),
    Family("assay_certificate", "label_above_grid", "a certificate of analysis laid out as a grid of captioned "
           "cells", True),
    Family("assay_certificate", "letter_report", "an analysis report written as a letter with a results "
           "list", True),
    # --- the machine-readable specimens (samplegen/machine_readable.py), used to build the XML and QR readers ---
    Family("commercial_invoice", "factur_x", "a Factur-X / ZUGFeRD EN 16931 hybrid invoice: a printed page and "
           "its CII XML embedded as factur-x.xml", True),
    Family("certificate_of_origin", "qr_chamber", "a chamber certificate of origin with a QR code of its "
           "verification URL at the top right", True),
    # --- added afterwards; held out by fold (oretrace/evaluation/split.py) ---
    Family("certificate_of_origin", "form_e", "ASEAN-China FTA Form E, boxes 1-13 (scribd.com/document/370560452, "
           "paperzz.com/doc/7862683)"),
    Family("certificate_of_origin", "gsp_form_a", "GSP certificate of origin Form A, boxes 1-12 (studylib.net/doc/"
           "10441333; UNCTAD format notes)"),
    Family("certificate_of_origin", "eur1", "movement certificate EUR.1, boxes 1-12, in English, Spanish or French "
           "(HMRC guide, gov.uk/government/publications/eur1-and-eur-med-movement-certificate)"),
    Family("certificate_of_origin", "icc_chamber", "a chamber's non-preferential certificate with bilingual "
           "captions, boxes 1-8 (ICC international certificate of origin guidelines)"),
    Family("certificate_of_origin", "usmca_letter", "a USMCA certification as a letter listing the nine minimum "
           "data elements of Annex 5-A"),
    Family("certificate_of_origin", "statement_on_origin", "an origin declaration on an annex to the invoice, "
           "in the EU agreements' wording (tullverket.se sample texts)"),
    Family("packing_list", "bundle_lots", "a header grid over a per-bundle table with a lot column and "
           "subtotals per lot"),
    Family("packing_list", "lot_summary", "reference lines, packages by container, the lots only at the foot "
           "(table or comma-separated line); English, Spanish or Portuguese captions"),
    Family("packing_list", "container_weights", "a landscape weight list per container and lot with seal, tare "
           "and verified gross mass (SOLAS VI/2)"),
    Family("assay_certificate", "horizontal_samples", "element symbols as column headers, one row per sample "
           "and their mean"),
    Family("assay_certificate", "dotted_leaders", "results joined to their elements by dotted leaders, trace "
           "elements in ppm or g/t"),
    Family("assay_certificate", "signature_lab", "a quality certificate on the exporter's letterhead with a QC "
           "mark, the laboratory named only in the signature block"),
)  # fmt: skip

FAMILIES: dict[str, Family] = {f.id: f for f in _FAMILIES}


def family_of(doc_type: str, layout: str) -> Family:
    return FAMILIES[f"{doc_type}/{layout}"]


def register(family: Family) -> Family:
    if family.id in FAMILIES:
        raise ValueError(f"family {family.id} registered twice")
    FAMILIES[family.id] = family
    return family
