"""smelter_origin_mismatch (high): a named smelter lies in another country than the declared origin.

Smelter names come from the assay certificate's smelter field, producer lines in any document and the
NER's reference-list matches (`checks.smelters`), resolved with the fuzzy matcher of `reference_data`.
One finding per smelter, with the evidence of every mention. A name shared by smelters in several countries
("USAC": Mexico and the United States) is a mismatch only if none of them is in the declared country.
"""

from __future__ import annotations

from oretrace.checks import wording
from oretrace.checks.context import ShipmentContext
from oretrace.checks.registry import register
from oretrace.checks.smelters import SmelterMention, smelter_mentions
from oretrace.core.models import Evidence, Finding, Severity


def _unique(evidence: list[Evidence]) -> list[Evidence]:
    return list({(e.document_id, e.page, e.bbox): e for e in evidence}.values())


def _location(mention: SmelterMention) -> str:
    assert mention.match is not None
    countries = wording.enumerate_words(sorted(wording.country(c) for c in mention.match.countries))
    smelter = mention.match.smelter
    place = ", ".join(p for p in (smelter.city, smelter.region) if p)
    if len(mention.match.candidates) == 1 and place:
        return f"{countries} ({place})"
    return countries.replace(" and ", " or ")


@register("smelter_origin_mismatch", Severity.HIGH, "A named smelter is in another country")
def smelter_origin_mismatch(shipment: ShipmentContext) -> list[Finding]:
    origin = shipment.declared_origin
    if origin is None:
        return []
    groups: dict[frozenset[str], list[SmelterMention]] = {}
    for mention in smelter_mentions(shipment):
        if mention.match is not None:
            groups.setdefault(frozenset(s.smelter_id for s in mention.match.candidates), []).append(mention)
    findings: list[Finding] = []
    origin_doc = shipment.origin_document
    for mentions in groups.values():
        match = mentions[0].match
        assert match is not None
        if origin in match.countries:
            continue
        documents = wording.enumerate_words([f"the {wording.document(m.document.doc_type)}" for m in mentions])
        verb = "names" if len({m.document.document_id for m in mentions}) == 1 else "name"
        if len(match.candidates) == 1:
            smelter = match.smelter.name
        else:
            smelter = f"'{mentions[0].printed}' (" + "; ".join(s.name for s in match.candidates) + ")"
        printed = {m.printed for m in mentions} - {match.smelter.name}
        as_printed = f" (printed as {wording.enumerate_words(sorted(repr(p) for p in printed))})" if printed else ""
        message = (
            f"{wording.declared_by(origin_doc.doc_type if origin_doc else None)} origin {wording.country(origin)}, "
            f"but {documents} {verb} the smelter {smelter}{as_printed}, which the reference list places in "
            f"{_location(mentions[0])}."
        )
        evidence = shipment.origin_evidence + [e for m in mentions for e in m.evidence]
        findings.append(smelter_origin_mismatch.finding(wording.capitalised(message), _unique(evidence)))
    return findings
