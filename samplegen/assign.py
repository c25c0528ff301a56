"""Deciding, across the whole sample, how each document looks so that layouts, languages, scan formats
and two-page documents are spread evenly."""

from __future__ import annotations

import random
from collections.abc import Iterator

from samplegen.facts import Shipment
from samplegen.formatting import WeightStyle
from samplegen.scenarios import DOC_TYPES
from samplegen.styles import (
    ADDED_LAYOUTS,
    COO_LAYOUT,
    COO_LAYOUTS_ALL,
    LAYOUTS,
    SCAN_FORMATS,
    DocStyle,
    base_style,
    file_name,
    pick_language,
)


def _cycle(items: tuple[str, ...], rng: random.Random) -> Iterator[str]:
    while True:
        batch = list(items)
        rng.shuffle(batch)
        yield from batch


def assign_styles(
    shipments: list[Shipment], two_page_pl: set[str], rng: random.Random, all_families: bool = False
) -> dict[tuple[str, str], DocStyle]:
    """With `all_families` the added layout families are drawn too; without, the set is the one the
    extractors were built on (sample_docs), drawn exactly as before the families were added."""
    styles: dict[tuple[str, str], DocStyle] = {}
    layouts = {dt: LAYOUTS[dt] + (ADDED_LAYOUTS.get(dt, ()) if all_families else ()) for dt in LAYOUTS}
    layout_cycles = {dt: _cycle(layouts[dt], rng) for dt in DOC_TYPES if dt != "certificate_of_origin"}
    coo_cycles = {kind: _cycle(names, rng) for kind, names in COO_LAYOUTS_ALL.items()} if all_families else {}
    with_invoice = [s for s in shipments if s.plan.missing != "commercial_invoice" and len(s.lots) >= 3]
    two_page_inv = {s.shipment_id for s in rng.sample(with_invoice, 2)}
    with_assay = [s for s in shipments if s.plan.missing != "assay_certificate"]
    two_page_assay = {s.shipment_id for s in rng.sample(with_assay, 2)}

    for s in shipments:
        plan = s.plan
        for dt in DOC_TYPES:
            if dt == plan.missing:
                continue
            if dt == "certificate_of_origin":
                layout = next(coo_cycles[plan.coo_kind]) if all_families else COO_LAYOUT[plan.coo_kind]
            elif dt == "packing_list" and plan.key in two_page_pl:
                layout = "bundle_register"
            elif dt == "assay_certificate" and s.shipment_id in two_page_assay:
                layout = rng.choice(("results_table", "letter_report"))
            else:
                layout = next(layout_cycles[dt])
            lang = pick_language(plan.lang, dt, layout)
            st = base_style(dt, layout, lang, plan.declared, plan.dest, rng)
            if (
                (dt == "packing_list" and plan.key in two_page_pl)
                # the later invoice families are drawn on one page
                or (dt == "commercial_invoice" and s.shipment_id in two_page_inv and layout in LAYOUTS[dt])
                or (dt == "assay_certificate" and s.shipment_id in two_page_assay)
            ):
                st.pages = 2
            _flags(st, s, rng)
            styles[(s.shipment_id, dt)] = st
        if plan.lbs:
            target = "certificate_of_origin" if plan.coo_kind != "form_d" else "commercial_invoice"
            for dt in (target, "packing_list"):
                if (s.shipment_id, dt) in styles:
                    styles[(s.shipment_id, dt)].weight = WeightStyle("lbs", 2)
                    break

    _assign_scans(shipments, styles, rng)
    for s in shipments:
        used: set[str] = set()
        for dt in DOC_TYPES:
            st = styles.get((s.shipment_id, dt))
            if st is None:
                continue
            name = file_name(st.fmt, st.scanned, s.invoice_date.isoformat(), rng)
            while name in used:
                name = file_name(st.fmt, st.scanned, s.invoice_date.isoformat(), rng)
            used.add(name)
            st.filename = name
    return styles


def _flags(st: DocStyle, s: Shipment, rng: random.Random) -> None:
    plan = s.plan
    dt = st.doc_type
    if dt == "commercial_invoice":
        if plan.missing != "certificate_of_origin" and rng.random() < 0.2:
            st.flags.add("omit_origin")
        same_country = plan.named is not None and s.smelter.country == plan.declared
        if plan.smelter_on_invoice or (same_country and rng.random() < 0.25):
            st.flags.add("smelter")
    elif dt == "certificate_of_origin":
        if st.layout in ("usmca_elements", "usmca_letter"):
            if rng.random() < 0.3:
                st.flags.add("no_cert_no")
            if plan.qty_doc == "certificate_of_origin" or rng.random() < 0.5:
                st.flags.add("qty")
            if (
                plan.ref_doc != "certificate_of_origin"
                and plan.qty_doc != "certificate_of_origin"
                and rng.random() < 0.25
            ):
                st.flags.add("blanket")
        elif rng.random() < 0.5:
            st.flags.add("producer")
    elif dt == "assay_certificate":
        if "assay_fingerprint_mismatch" not in plan.checks and rng.random() < 0.25:
            st.flags.add("core_elements")
        unit_mode = rng.random()
        if unit_mode < 0.25:
            st.flags.add("mgkg")
        elif unit_mode < 0.5:
            st.flags.add("all_pct")
        if rng.random() < 0.6:
            st.flags.add("smelter_place")


def _assign_scans(shipments: list[Shipment], styles: dict[tuple[str, str], DocStyle], rng: random.Random) -> None:
    keys = list(styles)
    heavy = {s.shipment_id for s in shipments if s.plan.heavy_noise}
    scanned = {k for k in keys if k[0] in heavy}
    rest = [k for k in keys if k not in scanned]
    rng.shuffle(rest)
    target = len(keys) // 2
    scanned.update(rest[: max(0, target - len(scanned))])
    formats = _cycle(SCAN_FORMATS, rng)
    multipage = _cycle(("pdf", "tiff"), rng)
    for key in keys:
        st = styles[key]
        if key not in scanned:
            continue
        st.scanned = True
        st.fmt = next(multipage) if st.pages > 1 else next(formats)
        if key[0] in heavy:
            st.noise = "heavy"
        else:
            st.noise = "medium" if rng.random() < 0.3 else "light"
