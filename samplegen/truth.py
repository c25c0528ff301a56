"""Ground-truth records: the expected checks of each shipment and the reasons, in words."""

from __future__ import annotations

from typing import Any

from samplegen.facts import Shipment
from samplegen.formatting import country_name
from samplegen.profiles import Profile
from samplegen.reference import Reference, smelter_place

DOC_WORDS = {
    "commercial_invoice": "commercial invoice",
    "packing_list": "packing list",
    "certificate_of_origin": "certificate of origin",
    "assay_certificate": "assay certificate",
}


def _fingerprint_reason(s: Shipment, ref: Reference, profiles: dict[str, Profile]) -> str:
    named = profiles[s.smelter.smelter_id or ""]
    true = profiles[s.profile_smelter_id]
    true_smelter = ref.smelters[s.profile_smelter_id]
    parts = []
    for element in ("As", "Se", "Bi", "Hg", "Pb", "Sn", "Ni"):
        n, t = named.stats[element], true.stats[element]
        z = abs(float(s.composition[element]) - n.mean_pct) / n.sd_pct
        if z > 4:
            unit = "%" if n.unit == "pct" else " ppm"
            value = float(s.composition[element]) * (1 if n.unit == "pct" else 10_000)
            parts.append(
                f"{element} {value:.3g}{unit} (named-smelter profile {n.mean:g}{unit}, "
                f"{true_smelter.region} profile {t.mean:g}{unit})"
            )
    detail = "; ".join(parts[:4])
    return (
        f"Assay composition was drawn from the profile of {true_smelter.name} ({smelter_place(true_smelter)}, CN) "
        f"while the certificate names {s.smelter.printed} "
        f"({s.smelter.country}): {detail}."
    )


def shipment_truth(
    s: Shipment,
    ref: Reference,
    profiles: dict[str, Profile],
    doc_fields: dict[str, dict[str, Any]],
    smelter_printed: bool,
) -> dict[str, Any]:
    plan = s.plan
    reasons: list[str] = []
    declared = plan.declared
    for check in plan.checks:
        if check == "smelter_origin_mismatch":
            where = [
                DOC_WORDS[d]
                for d in ("assay_certificate", "commercial_invoice")
                if d in doc_fields and (d == "assay_certificate" or s.plan.smelter_on_invoice)
            ]
            smelter = ref.smelters[s.smelter.smelter_id or ""]
            reasons.append(
                f"The {' and the '.join(where)} name{'s' if len(where) == 1 else ''} the smelter "
                f"'{s.smelter.printed}' ({smelter_place(smelter) or smelter.region}, {smelter.country}) "
                f"while the declared origin is {declared} ({country_name(declared, 'en')})."
            )
        elif check == "assay_fingerprint_mismatch":
            reasons.append(_fingerprint_reason(s, ref, profiles))
        elif check == "quantity_mismatch":
            inv = doc_fields["commercial_invoice"]["net_weight_kg"]
            other = plan.qty_doc or ""
            value = doc_fields[other]["net_weight_kg"]
            pct = (value - inv) / inv * 100
            reasons.append(
                f"Net weight on the commercial invoice is {inv:,.3f} kg but the {DOC_WORDS[other]} states "
                f"{value:,.3f} kg after unit conversion ({pct:+.1f} %)."
            )
        elif check == "reference_mismatch":
            other = plan.ref_doc or ""
            cited = doc_fields[other]["invoice_number"]
            reasons.append(
                f"The {DOC_WORDS[other]} cites invoice '{cited}' but the commercial invoice is '{s.invoice_no}'."
            )
        elif check == "origin_text_contradiction":
            text = next(iter(s.china_text.values()))
            where = {
                "commercial_invoice": "description of goods on the commercial invoice",
                "packing_list": "marks and numbers on the packing list",
                "certificate_of_origin": "producer element of the certificate of origin",
            }[plan.text_doc or ""]
            reasons.append(
                f"The {where} reads '{text}', placing the goods or their producer in China, "
                f"while the declared origin is {declared}."
            )
        elif check == "no_domestic_production":
            mine = ref.output(declared, "mine")
            mined = f"; it mines antimony ({mine:,.0f} t a year)" if mine > 0 else ""
            reasons.append(
                f"Declared origin {declared} ({country_name(declared, 'en')}) for refined antimony ({s.product}), "
                f"but reference/production.csv records no antimony refinery production there and "
                f"reference/smelters.csv lists no antimony smelter or refinery there{mined}."
            )
        elif check == "unknown_smelter":
            reasons.append(
                f"The smelter '{s.smelter.printed}' ({s.smelter.place}) is not in "
                f"reference/smelters.csv under its name or any alias."
            )
        elif check == "missing_document":
            reasons.append(f"The shipment folder has no {DOC_WORDS[plan.missing or '']}.")
    if plan.clean:
        reasons.append(_clean_reason(s, ref))
    has_assay = plan.missing != "assay_certificate"
    return {
        "shipment_id": s.shipment_id,
        "declared_origin": declared,
        "scenario": "clean" if plan.clean else "laundered",
        "expected_checks": list(plan.checks),
        "reasons": reasons,
        "true_origin": s.true_origin,
        "named_smelter": s.smelter.printed if smelter_printed else None,
        "named_smelter_id": s.smelter.smelter_id if smelter_printed else None,
        "assay_profile_smelter_id": s.profile_smelter_id if has_assay else None,
        "product": s.product,
        "plan": plan.key,
    }


def _clean_reason(s: Shipment, ref: Reference) -> str:
    smelter = ref.smelters[s.smelter.smelter_id or ""]
    hard = []
    if s.plan.lang != "en":
        hard.append("Spanish labels")
    if s.plan.heavy_noise:
        hard.append("heavy scan noise")
    if s.plan.alias:
        hard.append(f"smelter written by an alias ('{s.smelter.printed}' for '{smelter.name}')")
    if s.plan.lbs:
        hard.append("weights in pounds that reconcile with kg/MT")
    extra = f" Hard case: {', '.join(hard)}." if hard else ""
    return (
        f"Consistent: declared origin {s.declared}, smelter {smelter.name} is in {smelter.country}, its assay "
        f"profile matches, quantities and invoice references agree.{extra}"
    )
