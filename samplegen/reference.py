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

    @cached_property
    def producing_countries(self) -> frozenset[str]:
        """Countries with any antimony production above 0 t."""
        return frozenset(r.country for r in self.data.production if r.commodity == COMMODITY and r.tonnes > 0)

    def printable_aliases(self, smelter_id: str) -> list[str]:
        """Aliases safe to print: no annotations and not shared with another smelter."""
        counts: dict[str, int] = {}
        for s in self.smelters.values():
            for alias in s.aliases:
                counts[alias] = counts.get(alias, 0) + 1
        return [a for a in self.smelters[smelter_id].aliases if "(" not in a and counts[a] == 1]

    def smelter_countries(self) -> frozenset[str]:
        return frozenset(s.country for s in self.smelters.values())

    def has_domestic_production(self, country: str) -> bool:
        """The rule behind the no_domestic_production check in the ground truth."""
        return country in self.producing_countries or country in self.smelter_countries()


def load_samplegen_reference(ref_dir: Path = REFERENCE_DIR) -> Reference:
    return Reference(load_reference(ref_dir))
