"""Typed rows of the reference CSVs and the `ReferenceData` bundle the checks read.

Units: assay profiles keep the unit of the CSV (`pct` or `ppm`) and offer values in mass percent, the unit of
`composition_pct` on extracted assay certificates.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from functools import cached_property

from pydantic import BaseModel, ConfigDict, Field

# Mass percent per profile unit.
PERCENT_PER_UNIT: dict[str, float] = {"pct": 1.0, "ppm": 1e-4}


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Smelter(_Frozen):
    smelter_id: str
    name: str
    aliases: tuple[str, ...] = ()
    country: str = Field(description="ISO 3166-1 alpha-2")
    region: str = ""
    city: str = ""
    commodities: tuple[str, ...] = Field(default=(), description="lower case, e.g. ('antimony', 'gold')")
    source: str = ""
    id_assigned: bool = Field(default=False, description="the CSV row had no smelter_id; one was derived")

    def produces(self, commodity: str) -> bool:
        return commodity.lower() in self.commodities


class Unit(StrEnum):
    PCT = "pct"
    PPM = "ppm"


class ElementStats(_Frozen):
    """Lot-to-lot distribution of one element in one smelter's product."""

    unit: Unit
    mean: float = Field(ge=0)
    sd: float = Field(gt=0)
    n: int = Field(ge=1)

    @property
    def mean_pct(self) -> float:
        return self.mean * PERCENT_PER_UNIT[self.unit]

    @property
    def sd_pct(self) -> float:
        return self.sd * PERCENT_PER_UNIT[self.unit]


class AssayProfile(_Frozen):
    smelter_id: str
    elements: dict[str, ElementStats] = Field(description="element symbol -> stats")


class Stage(StrEnum):
    MINE = "mine"
    REFINERY = "refinery"


class ProductionRecord(_Frozen):
    commodity: str
    country: str = Field(description="ISO 3166-1 alpha-2")
    stage: Stage
    year: int
    tonnes: float = Field(ge=0)
    source: str = ""


class HsCode(_Frozen):
    """One row of reference/hs_codes.csv: a tariff code (digits only) and the commodity it covers."""

    code: str = Field(description="digits only, 6 to 10 of them")
    description: str = ""
    commodity: str


class ReferenceData(_Frozen):
    smelters: tuple[Smelter, ...]
    assay_profiles: dict[str, AssayProfile] = Field(description="smelter_id -> profile")
    production: tuple[ProductionRecord, ...]
    hs_codes: tuple[HsCode, ...] = ()
    version: str = Field(description="sha256 over the canonical content of the files read")

    @cached_property
    def smelters_by_id(self) -> dict[str, Smelter]:
        return {s.smelter_id: s for s in self.smelters}

    def smelter(self, smelter_id: str) -> Smelter | None:
        return self.smelters_by_id.get(smelter_id)

    def smelters_in(self, country: str, commodity: str | None = None) -> list[Smelter]:
        return [s for s in self.smelters if s.country == country and (commodity is None or s.produces(commodity))]

    def production_of(self, commodity: str, country: str, stage: Stage | None = None) -> list[ProductionRecord]:
        return [
            r
            for r in self.production
            if r.commodity == commodity and r.country == country and (stage is None or r.stage == stage)
        ]

    def commodities_for_hs(self, hs_code: str) -> set[str]:
        """Commodities whose tariff code shares the leading digits of `hs_code` (6-digit heading level).

        A 6-digit code from a document matches longer national codes below it and vice versa; some headings
        (8112.92) cover several commodities, so a set comes back.
        """
        digits = "".join(ch for ch in hs_code if ch.isdigit())
        if len(digits) < 6:
            return set()
        return {h.commodity for h in self.hs_codes if h.code[:6] == digits[:6]}


def unique(items: Iterable[str]) -> tuple[str, ...]:
    """Items in first-seen order without duplicates (case-insensitive), blanks dropped."""
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        item = item.strip()
        if item and item.casefold() not in seen:
            seen.add(item.casefold())
            out.append(item)
    return tuple(out)
