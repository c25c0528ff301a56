"""Loading the reference tables the generator draws smelter names and production facts from."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

REFERENCE_DIR = Path(__file__).resolve().parent.parent / "reference"


@dataclass(frozen=True)
class Smelter:
    smelter_id: str
    name: str
    aliases: tuple[str, ...]
    country: str
    region: str
    city: str
    commodities: tuple[str, ...]

    @property
    def place(self) -> str:
        """Where the facility is, as it could be printed ("Madero, Coahuila")."""
        parts = [p for p in (self.city.split(" (")[0], self.region) if p]
        return ", ".join(parts)


@dataclass(frozen=True)
class Reference:
    smelters: dict[str, Smelter]
    producing_countries: frozenset[str]  # antimony mine production > 0 t in production.csv

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


def load_reference(ref_dir: Path = REFERENCE_DIR) -> Reference:
    smelters: dict[str, Smelter] = {}
    with (ref_dir / "smelters.csv").open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            commodities = tuple(c.strip() for c in row["commodity"].split(";") if c.strip())
            if "antimony" not in commodities:
                continue
            smelters[row["smelter_id"]] = Smelter(
                smelter_id=row["smelter_id"],
                name=row["name"].strip(),
                aliases=tuple(a.strip() for a in row["aliases"].split(";") if a.strip()),
                country=row["country"].strip(),
                region=row["region"].strip(),
                city=row["city"].strip(),
                commodities=commodities,
            )
    producing: set[str] = set()
    with (ref_dir / "production.csv").open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["commodity"] == "antimony" and float(row["tonnes"] or 0) > 0:
                producing.add(row["country"])
    return Reference(smelters=smelters, producing_countries=frozenset(producing))
