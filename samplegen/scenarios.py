"""The fixed scenario mix: which shipments are clean and how the others are laundered.

The plan is a hand-written table so that every check id appears in at least three shipments; the seed only
changes the concrete details (companies, numbers, layouts, file names) and the order of the shipments.
"""

from __future__ import annotations

from dataclasses import dataclass

CHECKS: dict[str, str] = {
    "smelter_origin_mismatch": (
        "An assay certificate or invoice names a smelter located in another country (here: Hunan or Guangxi, "
        "China) than the declared origin."
    ),
    "assay_fingerprint_mismatch": (
        "The assay composition fits a Chinese smelter's profile in reference/assay_profiles.csv far better "
        "than the profile of the smelter named on the certificate."
    ),
    "quantity_mismatch": (
        "Net weights on invoice, packing list and certificate of origin differ by more than 2 % after unit conversion."
    ),
    "reference_mismatch": "The certificate of origin or packing list cites a different invoice number.",
    "origin_text_contradiction": (
        "Free text (description of goods, marks and numbers, producer address) places the goods or the "
        "producer in China."
    ),
    "no_domestic_production": (
        "The declared origin cannot have produced the goods: refined antimony (ingots, trioxide) needs refinery "
        "production > 0 t in reference/production.csv or a listed smelter or refinery in reference/smelters.csv."
    ),
    "unknown_smelter": "The smelter named on the documents is not in reference/smelters.csv.",
    "missing_document": "One of the four documents (invoice, packing list, certificate of origin, assay) is absent.",
}

DOC_TYPES: tuple[str, ...] = ("commercial_invoice", "packing_list", "certificate_of_origin", "assay_certificate")


@dataclass(frozen=True)
class Plan:
    key: str
    declared: str  # origin the documents declare (ISO alpha-2)
    dest: str  # buyer's country
    product: str  # "ingot" (HS 8110.10) | "trioxide" (HS 2825.80)
    coo_kind: str  # "form_d" | "usmca" | "chamber"; with all families also "form_e" | "eur1" | "form_a" |
    # "statement" | "ace36" | "rcep" | "pacific"
    named: str | None  # smelter_id named on the documents; None = a fictional smelter not in the reference
    checks: tuple[str, ...] = ()
    alias: bool = False  # print one of the smelter's aliases instead of its reference name
    profile_smelter: str | None = None  # smelter whose profile the assay draws from, when not the named one
    lang: str = "en"  # "en" | "es" | "mixed" (invoice and packing list in Spanish)
    missing: str | None = None  # document type absent from the folder
    heavy_noise: bool = False
    lbs: bool = False  # print some weights in pounds
    qty_doc: str | None = None  # document whose net weight is off
    ref_doc: str | None = None  # document citing another invoice number
    text_doc: str | None = None  # document carrying China free text
    smelter_on_invoice: bool = False

    @property
    def clean(self) -> bool:
        return not self.checks


PLANS: tuple[Plan, ...] = (
    # --- clean (12 of 30 = 40 %) ---
    Plan("C01", "TH", "VN", "ingot", "form_d", "SM0021"),
    Plan("C02", "TH", "US", "trioxide", "chamber", "SM0021", alias=True, heavy_noise=True),
    Plan("C03", "TH", "MY", "ingot", "form_d", "SM0021", lbs=True),
    Plan("C04", "TH", "MX", "ingot", "chamber", "SM0021", lang="mixed", smelter_on_invoice=True),
    Plan("C05", "MX", "US", "ingot", "usmca", "SM0012", alias=True, lang="es", lbs=True),
    Plan("C06", "MX", "US", "trioxide", "usmca", "SM0012", alias=True, smelter_on_invoice=True),
    Plan("C07", "MX", "US", "ingot", "usmca", "SM0012", lang="es", heavy_noise=True),
    Plan("C08", "MX", "DE", "ingot", "chamber", "SM0012", lang="es"),
    Plan("C09", "BE", "US", "trioxide", "chamber", "SM0015", lbs=True),
    Plan("C10", "BE", "JP", "trioxide", "chamber", "SM0015", alias=True),
    Plan("C11", "OM", "NL", "ingot", "chamber", "SM0008", alias=True, smelter_on_invoice=True),
    Plan("C12", "TJ", "NL", "ingot", "chamber", "SM0009"),
    # --- laundered ---
    Plan("L01", "TH", "VN", "ingot", "form_d", "SM0001", ("smelter_origin_mismatch",), alias=True),
    Plan(
        "L02",
        "MX",
        "US",
        "ingot",
        "usmca",
        "SM0003",
        ("smelter_origin_mismatch", "quantity_mismatch"),
        lang="es",
        qty_doc="packing_list",
        smelter_on_invoice=True,
    ),
    Plan(
        "L03",
        "TH",
        "US",
        "ingot",
        "chamber",
        "SM0006",
        ("smelter_origin_mismatch", "origin_text_contradiction"),
        text_doc="commercial_invoice",
    ),
    Plan("L04", "MY", "VN", "ingot", "form_d", "SM0002", ("no_domestic_production", "smelter_origin_mismatch")),
    Plan("L05", "TH", "US", "trioxide", "chamber", "SM0021", ("assay_fingerprint_mismatch",), profile_smelter="SM0001"),
    Plan(
        "L06",
        "MX",
        "US",
        "ingot",
        "usmca",
        "SM0012",
        ("assay_fingerprint_mismatch",),
        profile_smelter="SM0006",
        lang="es",
        lbs=True,
    ),
    Plan(
        "L07",
        "TH",
        "ID",
        "ingot",
        "form_d",
        "SM0021",
        ("assay_fingerprint_mismatch", "reference_mismatch"),
        profile_smelter="SM0004",
        ref_doc="certificate_of_origin",
    ),
    Plan("L08", "TH", "US", "ingot", "chamber", "SM0021", ("quantity_mismatch",), qty_doc="certificate_of_origin"),
    Plan(
        "L09",
        "MX",
        "US",
        "trioxide",
        "usmca",
        "SM0012",
        ("quantity_mismatch", "reference_mismatch"),
        qty_doc="packing_list",
        ref_doc="packing_list",
        alias=True,
    ),
    Plan("L10", "TH", "VN", "ingot", "form_d", "SM0021", ("reference_mismatch",), ref_doc="certificate_of_origin"),
    Plan(
        "L11",
        "MX",
        "US",
        "ingot",
        "usmca",
        "SM0012",
        ("origin_text_contradiction",),
        lang="es",
        text_doc="certificate_of_origin",
    ),
    Plan(
        "L12",
        "TH",
        "US",
        "trioxide",
        "chamber",
        "SM0021",
        ("origin_text_contradiction", "missing_document"),
        missing="commercial_invoice",
        text_doc="packing_list",
    ),
    Plan(
        "L13",
        "ID",
        "PH",
        "ingot",
        "form_d",
        None,
        ("no_domestic_production", "unknown_smelter"),
        profile_smelter="SM0021",
    ),
    Plan(
        "L14",
        "CA",
        "US",
        "ingot",
        "usmca",
        None,
        ("no_domestic_production", "missing_document"),
        missing="assay_certificate",
        lbs=True,
    ),
    Plan(
        "L15",
        "TH",
        "US",
        "ingot",
        "chamber",
        None,
        ("unknown_smelter",),
        profile_smelter="SM0021",
        smelter_on_invoice=True,
    ),
    Plan("L16", "MX", "US", "trioxide", "usmca", None, ("unknown_smelter",), profile_smelter="SM0012", lang="es"),
    Plan("L17", "TH", "MY", "ingot", "form_d", "SM0021", ("missing_document",), missing="certificate_of_origin"),
    Plan(
        "L18",
        "MX",
        "US",
        "ingot",
        "usmca",
        "SM0012",
        ("missing_document", "quantity_mismatch"),
        missing="packing_list",
        qty_doc="certificate_of_origin",
    ),
)


# Shipments added when every layout family is drawn (`--families all`): trade lanes whose paperwork uses the
# added certificate families (ASEAN-China Form E, EUR.1 under the EU-Mexico agreement, GSP Form A to Japan,
# a statement on origin under the EU-Japan agreement), and origins that mine antimony but list no refinery
# (Bolivia, Vietnam), which cannot be the origin of refined ingots.
EXTRA_PLANS: tuple[Plan, ...] = (
    Plan("X01", "TH", "CN", "ingot", "form_e", "SM0021"),
    Plan("X02", "TH", "CN", "trioxide", "form_e", "SM0021", ("reference_mismatch",), ref_doc="certificate_of_origin"),
    Plan("X03", "MX", "DE", "ingot", "eur1", "SM0012", lang="es"),
    Plan(
        "X04",
        "MX",
        "DE",
        "trioxide",
        "eur1",
        "SM0012",
        ("quantity_mismatch",),
        qty_doc="certificate_of_origin",
        alias=True,
    ),
    Plan(
        "X05",
        "BO",
        "JP",
        "ingot",
        "form_a",
        None,
        ("no_domestic_production", "unknown_smelter"),
        profile_smelter="SM0006",
        lang="es",
    ),
    Plan(
        "X06",
        "VN",
        "US",
        "ingot",
        "chamber",
        None,
        ("no_domestic_production", "unknown_smelter"),
        profile_smelter="SM0004",
    ),
    Plan("X07", "BE", "JP", "trioxide", "statement", "SM0015"),
    Plan("X08", "TH", "US", "ingot", "chamber", "SM0021", smelter_on_invoice=True),
    Plan("X09", "MX", "US", "ingot", "usmca", "SM0012", alias=True),
    Plan("X10", "TJ", "NL", "ingot", "chamber", "SM0009", lang="mixed"),
    # Regional agreements: Bolivia to Brazil under ACE 36 (Bolivia refines no antimony), Thailand to Japan
    # and China under RCEP, Mexico to Japan under the CPTPP / Pacific Alliance certification.
    Plan(
        "X11",
        "BO",
        "BR",
        "ingot",
        "ace36",
        None,
        ("no_domestic_production", "unknown_smelter"),
        profile_smelter="SM0006",
        lang="es",
    ),
    Plan(
        "X12",
        "BO",
        "BR",
        "trioxide",
        "ace36",
        "SM0002",
        ("no_domestic_production", "smelter_origin_mismatch"),
        lang="es",
    ),
    Plan("X13", "TH", "JP", "ingot", "rcep", "SM0021"),
    Plan(
        "X14",
        "TH",
        "CN",
        "trioxide",
        "rcep",
        "SM0021",
        ("origin_text_contradiction",),
        text_doc="certificate_of_origin",
    ),
    Plan("X15", "MX", "JP", "ingot", "pacific", "SM0012", alias=True, lang="es"),
    Plan("X16", "MX", "JP", "trioxide", "pacific", "SM0012", ("quantity_mismatch",), qty_doc="certificate_of_origin"),
)
