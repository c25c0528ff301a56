"""assay_fingerprint_mismatch (high): the assay's impurities fit another smelter's profile, not the claimed one.

Statistic and threshold: `checks.fingerprint` (log-space chi-square over the impurities present on both the
certificate and the profile, df = elements compared, limit = chi-square quantile at p = 0.999).

Which profile the composition must fit (the *claimed* source):

* the smelter the assay certificate names, if it resolves to the reference list and has a profile
  (all smelters sharing the name if it is ambiguous);
* otherwise (no smelter named, or an unknown one) the profiles of the smelters in the declared country;
* otherwise nothing can be said and there is no finding (e.g. a declared country without any smelter; that
  is `no_domestic_production`'s business).

Decision: HIGH when no claimed profile fits AND the nearest profile overall fits (is below its own limit)
AND that profile's smelter is in another country than the declared origin. Requiring the nearest profile
to fit is the "clear margin": a composition that fits nothing (a misread value, a source not in the list) is
not evidence of a particular other origin, and gives only a LOW note; so does a composition that fits
another smelter in the declared country (wrong smelter named, same origin).
"""

from __future__ import annotations

from dataclasses import dataclass

from oretrace.checks import wording
from oretrace.checks.context import ShipmentContext
from oretrace.checks.fingerprint import P_CONSISTENT, ProfileFit, fit_all, plausible_impurities
from oretrace.checks.registry import register
from oretrace.checks.smelters import NamedProducer, assay_producers
from oretrace.checks.text import field_evidence
from oretrace.core.models import DocType, Evidence, ExtractedDocument, Finding, Severity
from oretrace.extractors.normalize.composition import normalize_element

SHOWN_DEVIATIONS = 4


def element_evidence(document: ExtractedDocument) -> dict[str, Evidence]:
    """Composition evidence per element symbol (the extractor writes one evidence per result row)."""
    composition = document.value("composition_pct")
    evidence = field_evidence(document, "composition_pct")
    if not isinstance(composition, dict):
        return {}
    by_element: dict[str, Evidence] = {}
    for item in evidence:
        words = item.text.split()
        for size in (1, 2):  # "Arsénico 0.0326 %", "Arsenic As 0.0747 %"
            element = normalize_element(" ".join(words[:size])) if len(words) >= size else None
            if element in composition and element not in by_element:
                by_element[element] = item
                break
    if len(by_element) < len(composition) and len(evidence) == len(composition):
        # Fall back to position: the extractor lists evidence in the order of the composition.
        for element, item in zip(composition, evidence, strict=True):
            by_element.setdefault(element, item)
    return by_element


def _amounts(observed: float, expected: float) -> str:
    """Both values in the unit that suits the expected level: ppm below 0.001 %, else %."""
    if expected < 0.001:
        return f"{observed * 1e4:.3g} ppm vs {expected * 1e4:.3g} ppm expected"
    return f"{observed:.3g} % vs {expected:.3g} % expected"


def _deviations(fit: ProfileFit) -> str:
    shown = [d for d in fit.deviations if abs(d.z) >= 3][:SHOWN_DEVIATIONS] or list(fit.deviations[:2])
    return "; ".join(f"{d.element} {_amounts(d.observed_pct, d.expected_pct)}" for d in shown)


def _describe(fit: ProfileFit) -> str:
    return f"chi-square {fit.statistic:.1f} on {fit.df} elements, limit {fit.threshold:.1f} at p = {P_CONSISTENT}"


@dataclass(frozen=True)
class Claim:
    """The profiles the composition should fit, and why (see the module docstring)."""

    smelter_ids: tuple[str, ...]
    wording: str  # "names the smelter X (Thailand (TH))"
    evidence: list[Evidence]


def _claim(shipment: ShipmentContext, producer: NamedProducer | None) -> Claim | None:
    reference = shipment.reference
    match = producer.match if producer else None
    if match is not None and producer is not None:
        ids = tuple(s.smelter_id for s in match.candidates if s.smelter_id in reference.assay_profiles)
        if ids:
            evidence = [e for m in producer.mentions if m.match is not None for e in m.evidence]
            return Claim(
                ids, f"names the smelter {match.smelter.name} ({wording.country(match.smelter.country)})", evidence
            )
    origin = shipment.declared_origin
    if origin is None:
        return None
    ids = tuple(s.smelter_id for s in reference.smelters_in(origin) if s.smelter_id in reference.assay_profiles)
    if not ids:
        return None
    named = f"names the unlisted producer '{producer.printed}'" if producer else "names no smelter"
    return Claim(ids, f"{named} and the declared origin is {wording.country(origin)}", shipment.origin_evidence)


def _claimed_profiles(shipment: ShipmentContext, claim: Claim) -> str:
    names = [s.name for i in claim.smelter_ids if (s := shipment.reference.smelter(i)) is not None]
    if len(names) == 1:
        return f"the reference profile of {names[0]}"
    return f"any of the reference profiles of {wording.enumerate_words(names).replace(' and ', ' or ')}"


@register("assay_fingerprint_mismatch", Severity.HIGH, "The assay composition fits another smelter's profile")
def assay_fingerprint_mismatch(shipment: ShipmentContext) -> list[Finding]:
    reference = shipment.reference
    origin = shipment.declared_origin
    producers = {p.document.document_id: p for p in assay_producers(shipment)}
    findings: list[Finding] = []
    for document in shipment.of_type(DocType.ASSAY_CERTIFICATE):
        composition = document.value("composition_pct")
        claim = _claim(shipment, producers.get(document.document_id))
        if not isinstance(composition, dict) or claim is None:
            continue
        impurities, impossible = plausible_impurities(composition)
        fits = fit_all(impurities, reference.assay_profiles)
        claimed = [f for f in fits if f.smelter_id in claim.smelter_ids]
        if not claimed or any(f.consistent for f in claimed):
            continue  # too few elements to judge, or consistent with the claimed source
        best_claimed, nearest = claimed[0], fits[0]
        nearest_smelter = reference.smelter(nearest.smelter_id)
        assert nearest_smelter is not None
        by_element = element_evidence(document)
        evidence = claim.evidence + [by_element[d.element] for d in best_claimed.deviations if d.element in by_element]
        message = (
            f"The assay certificate {claim.wording}, but its impurities do not fit "
            f"{_claimed_profiles(shipment, claim)} ({_describe(best_claimed)}; {_deviations(best_claimed)})."
        )
        if impossible:
            readings = ", ".join(f"{e} {v:g} %" for e, v in impossible.items())
            message += f" Set aside as physically impossible readings: {readings}."
        severity = Severity.LOW
        if nearest.consistent and nearest.smelter_id not in claim.smelter_ids:
            also = [f for f in fits[1:] if f.consistent and f.smelter_id not in claim.smelter_ids]
            others = f"; {len(also)} other profile(s) fit as well" if also else ""
            message += (
                f" They fit {nearest_smelter.name} in {wording.country(nearest_smelter.country)} "
                f"({_describe(nearest)}{others})."
            )
            claimed_countries = {s.country for i in claim.smelter_ids if (s := reference.smelter(i)) is not None}
            if nearest_smelter.country != origin and nearest_smelter.country not in claimed_countries:
                severity = Severity.HIGH
                evidence = shipment.origin_evidence + evidence
            else:
                message += " That smelter is in the declared or named country: the wrong smelter may be named."
        else:
            message += (
                f" They fit no reference profile (nearest: {nearest_smelter.name}, "
                f"{wording.country(nearest_smelter.country)}, chi-square {nearest.statistic:.1f}): a misread value "
                f"or a source outside the reference list is more likely than a particular other origin."
            )
        findings.append(assay_fingerprint_mismatch.finding(message, evidence, severity))
    return findings
