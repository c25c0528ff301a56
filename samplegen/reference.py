"""The reference tables the generator draws smelter names and production facts from: oretrace's own
reference data (one reader, one `Smelter` type), seen as the generator needs it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from oretrace.reference import DEFAULT_DIRECTORY, ReferenceData, Smelter, load_reference

REFERENCE_DIR = DEFAULT_DIRECTORY
COMMODITY = "antimony"


def smelter_place(smelter: Smelter) -> str:
    """Where the facility is, as it could be printed ("Madero, Coahuila")."""
    return ", ".join(p for p in (smelter.city.split(" (")[0], smelter.region) if p)


@dataclass(frozen=True)
class Reference:
    data: ReferenceData

    @cached_property
    def smelters(self) -> dict[str, Smelter]:
        """The antimony smelters by id."""
        return {s.smelter_id: s for s in self.data.smelters if s.produces(COMMODITY)}

    def output(self, country: str, stage: str) -> float:
        """The latest antimony production at `stage` (mine, refinery) recorded for `country`, in tonnes."""
        rows = [r for r in self.data.production_of(COMMODITY, country) if r.stage == stage]
        return max(rows, key=lambda r: r.year).tonnes if rows else 0.0

    def printable_aliases(self, smelter_id: str) -> list[str]:
        """Aliases safe to print: no annotations and not shared with another smelter."""
        counts: dict[str, int] = {}
        for s in self.smelters.values():
            for alias in s.aliases:
                counts[alias] = counts.get(alias, 0) + 1
        return [a for a in self.smelters[smelter_id].aliases if "(" not in a and counts[a] == 1]

    def refines(self, country: str) -> bool:
        """The rule behind the no_domestic_production check in the ground truth, for refined goods (every
        shipment here carries ingots or trioxide): refinery production above 0 t, or a listed smelter, refinery,
        roaster or metallurgical plant, or a listed facility whose kind is not recorded."""
        if self.output(country, "refinery") > 0:
            return True
        refining = {"smelter", "refinery", "roaster", "plant"}
        return any(s.country == country and (not s.kinds or refining & set(s.kinds)) for s in self.smelters.values())


def load_samplegen_reference(ref_dir: Path = REFERENCE_DIR) -> Reference:
    return Reference(load_reference(ref_dir))
