"""declared_smelter_origin_mismatch (high): the supplier declares smelters of the shipped metal, none of them in
the declared country of origin.

What was chosen: the declared smelters considered are those of the metal shipped (by the HS code's commodity;
all of them when it is not known). A smelter's country is the Smelter Country the supplier typed, read as an
ISO code; a row whose country cannot be read is left out. One finding per shipment when at least one such
smelter lies in another country and none lies in the declared origin; a template declaring a smelter in the
origin country as well gives none, since the material may come from that one.
"""

from __future__ import annotations

from oretrace.checks import wording
from oretrace.checks.context import ShipmentContext
from oretrace.checks.declared import declared_smelters, for_metal_shipped
from oretrace.checks.registry import register
from oretrace.core.models import Finding, Severity


@register("declared_smelter_origin_mismatch", Severity.HIGH, "The supplier declares no smelter in the declared origin")
def declared_smelter_origin_mismatch(shipment: ShipmentContext) -> list[Finding]:
    origin = shipment.declared_origin
    located = [s for s in for_metal_shipped(shipment, declared_smelters(shipment)) if s.country]
    if origin is None or not located or any(s.country == origin for s in located):
        return []
    elsewhere = wording.enumerate_words(sorted({wording.country(s.country) for s in located}))
    names = wording.enumerate_words([f"'{s.name}'" for s in located])
    message = (
        f"The declared origin is {wording.country(origin)}, but the supplier's reporting template declares no "
        f"smelter there: its smelters of this metal ({names}) lie in {elsewhere}."
    )
    return [
        declared_smelter_origin_mismatch.finding(message, [*shipment.origin_evidence, *(s.evidence for s in located)])
    ]
