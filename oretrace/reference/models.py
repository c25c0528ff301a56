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


class Stage(StrEnum):
    MINE = "mine"
    REFINERY = "refinery"


# What a facility does, as smelters.csv writes it (column `stage`, ';'-separated), and the production stage
# each kind stands for: mines and mills (concentrators) yield ore and concentrate, smelters, refineries,
# roasters and metallurgical plants yield refined metal and oxides.
FACILITY_STAGES: dict[str, Stage] = {
    "mine": Stage.MINE,
    "mill": Stage.MINE,
    "concentrator": Stage.MINE,
    "smelter": Stage.REFINERY,
    "refinery": Stage.REFINERY,
    "roaster": Stage.REFINERY,
    "plant": Stage.REFINERY,
}


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
    kinds: tuple[str, ...] = Field(
        default=(), description="what the facility does (mine, mill, smelter, refinery, roaster, plant); empty: unknown"
    )
    capacity_tpa: float | None = Field(
        default=None, ge=0, description="tonnes a year of the commodity; None: not stated"
    )
    capacity_source: str = Field(default="", description="where the capacity figure is stated")

    def produces(self, commodity: str) -> bool:
        return commodity.lower() in self.commodities

    @property
    def stages(self) -> frozenset[Stage]:
        """The production stages the facility stands for; every stage when its kind is not known."""
        if not self.kinds:
            return frozenset(Stage)
        return frozenset(FACILITY_STAGES[k] for k in self.kinds if k in FACILITY_STAGES)


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


class ProductionRecord(_Frozen):
    commodity: str
    country: str = Field(description="ISO 3166-1 alpha-2")
    stage: Stage
    year: int
    tonnes: float = Field(ge=0)
    source: str = ""


class GoodsStage(StrEnum):
    """How far the goods a tariff code covers are processed."""

    ORE = "ore"  # ores and concentrates: come from mines
    REFINED = "refined"  # metal, oxides and other compounds: come from smelters and refineries
    SCRAP = "scrap"  # waste and scrap: arises wherever the metal is used


# Chapter 26 of the Harmonized System is 'Ores, slag and ash'; the chapters after it hold chemicals (28) and
# base metals (72-81), products of smelting and refining (WCO HS 2022 nomenclature, section and chapter titles).
ORE_CHAPTERS = frozenset({"26"})


class HsCode(_Frozen):
    """One row of reference/hs_codes.csv: a tariff code (digits only) and the commodity it covers."""

    code: str = Field(description="digits only, 6 to 10 of them")
    description: str = ""
    commodity: str
    stage: GoodsStage | None = Field(default=None, description="as written in the CSV; None: from the chapter")

    @property
    def goods_stage(self) -> GoodsStage:
        if self.stage is not None:
            return self.stage
        return GoodsStage.ORE if self.code[:2] in ORE_CHAPTERS else GoodsStage.REFINED


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
        return {h.commodity for h in self.hs_rows(hs_code)}

    def hs_rows(self, hs_code: str) -> list[HsCode]:
        """The rows whose code shares the leading six digits of `hs_code`."""
        digits = "".join(ch for ch in hs_code if ch.isdigit())
        if len(digits) < 6:
            return []
        return [h for h in self.hs_codes if h.code[:6] == digits[:6]]

    def goods_stages(self, hs_code: str, commodity: str) -> set[GoodsStage]:
        """How processed the goods under `hs_code` are, for one commodity (a heading may mix stages)."""
        return {h.goods_stage for h in self.hs_rows(hs_code) if h.commodity == commodity}


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
