"""Synthetic assay profiles (composition fingerprints) of the antimony smelters in the reference list.

The numbers are MADE UP for tests and samples (see reference/assay_profiles.SOURCE.md). They are loosely
anchored to the GB/T 1599-2014 impurity limits and to qualitative origin signals from the research report
(Hg in Tajik and Mexican feed, Au in Australian/Russian/Omani gold-antimony feed, Pb-Sn-Zn in Guangxi
polymetallic ores, Pb-Sn in Belgian battery-recycling feed). Profiles of different countries are kept
several standard deviations apart on several impurity elements.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

ELEMENTS: tuple[str, ...] = ("Sb", "As", "Fe", "S", "Pb", "Cu", "Bi", "Se", "Cd", "Hg", "Au", "Ni", "Sn", "Zn")
PCT_ELEMENTS = frozenset({"Sb", "As", "Fe", "S", "Pb", "Cu"})
CORE_ELEMENTS: tuple[str, ...] = ("Sb", "As", "Fe", "S", "Pb", "Cu", "Bi", "Se", "Cd")
PROFILE_COLUMNS = ("smelter_id", "element", "unit", "mean", "sd", "n")

# Impurity means: pct for As..Cu, ppm for Bi..Zn. Relative sd is given separately.
_TEMPLATES: dict[str, dict[str, float]] = {
    # Xikuangshan-type single-Sb stibnite ore (Lengshuijiang): As, Se, Bi, Sn elevated; Ni, Hg low.
    "hunan": {"As": 0.045, "Fe": 0.0090, "S": 0.022, "Pb": 0.028, "Cu": 0.0035,
              "Bi": 22, "Se": 18, "Cd": 4.0, "Hg": 1.2, "Au": 0.4, "Ni": 6, "Sn": 25, "Zn": 12},
    # Dachang-type Sn-Pb-Zn-Sb polymetallic ore (Hechi / Nandan): Pb, Sn, Zn, Cd high.
    "guangxi": {"As": 0.060, "Fe": 0.0140, "S": 0.030, "Pb": 0.110, "Cu": 0.0090,
                "Bi": 35, "Se": 9, "Cd": 9.0, "Hg": 2.0, "Au": 0.3, "Ni": 5, "Sn": 160, "Zn": 45},
    # Thai refiner of imported concentrates: clean metal, Ni slightly elevated.
    "thai": {"As": 0.009, "Fe": 0.0060, "S": 0.012, "Pb": 0.009, "Cu": 0.0018,
             "Bi": 6, "Se": 3.5, "Cd": 1.2, "Hg": 0.4, "Au": 0.15, "Ni": 16, "Sn": 8, "Zn": 6},
    # Mexican feed (Los Juárez type, mercury-bearing).
    "mexico": {"As": 0.022, "Fe": 0.0120, "S": 0.018, "Pb": 0.045, "Cu": 0.0070,
               "Bi": 10, "Se": 5, "Cd": 2.0, "Hg": 28, "Au": 1.0, "Ni": 10, "Sn": 12, "Zn": 30},
    # US plant on imported (Mexican/Australian) intermediates.
    "us": {"As": 0.020, "Fe": 0.0100, "S": 0.016, "Pb": 0.040, "Cu": 0.0060,
           "Bi": 9, "Se": 5, "Cd": 1.8, "Hg": 12, "Au": 2.5, "Ni": 11, "Sn": 12, "Zn": 25},
    # Belgian recycler (spent lead batteries): Pb, Sn, Bi high; S, Hg, Au very low.
    "belgium": {"As": 0.030, "Fe": 0.0040, "S": 0.004, "Pb": 0.150, "Cu": 0.0120,
                "Bi": 40, "Se": 2, "Cd": 6.0, "Hg": 0.1, "Au": 0.05, "Ni": 12, "Sn": 90, "Zn": 20},
    # Omani roaster on gold-antimony concentrates: Au high.
    "oman": {"As": 0.035, "Fe": 0.0150, "S": 0.025, "Pb": 0.020, "Cu": 0.0060,
             "Bi": 8, "Se": 6, "Cd": 1.5, "Hg": 3, "Au": 9, "Ni": 20, "Sn": 10, "Zn": 15},
    # Tajik (Anzob/Konchoch) mercury-antimony ore: Hg very high.
    "tajik": {"As": 0.030, "Fe": 0.0100, "S": 0.020, "Pb": 0.018, "Cu": 0.0040,
              "Bi": 7, "Se": 4, "Cd": 1.0, "Hg": 65, "Au": 1.5, "Ni": 9, "Sn": 6, "Zn": 20},
    "kyrgyz": {"As": 0.050, "Fe": 0.0110, "S": 0.024, "Pb": 0.025, "Cu": 0.0050,
               "Bi": 9, "Se": 5, "Cd": 1.5, "Hg": 18, "Au": 0.8, "Ni": 8, "Sn": 8, "Zn": 18},
    "turkey": {"As": 0.040, "Fe": 0.0130, "S": 0.020, "Pb": 0.020, "Cu": 0.0050,
               "Bi": 8, "Se": 4, "Cd": 1.5, "Hg": 6, "Au": 0.5, "Ni": 14, "Sn": 9, "Zn": 22},
    # Russian and Australian gold-antimony concentrates: Au high, As from arsenopyrite.
    "russia": {"As": 0.065, "Fe": 0.0120, "S": 0.025, "Pb": 0.015, "Cu": 0.0040,
               "Bi": 6, "Se": 4, "Cd": 1.0, "Hg": 4, "Au": 13, "Ni": 10, "Sn": 7, "Zn": 12},
    "australia": {"As": 0.028, "Fe": 0.0100, "S": 0.020, "Pb": 0.012, "Cu": 0.0030,
                  "Bi": 5, "Se": 3, "Cd": 0.8, "Hg": 2, "Au": 10, "Ni": 9, "Sn": 6, "Zn": 10},
}  # fmt: skip

# smelter_id -> (template, per-smelter scale applied to impurity means, relative sd, n)
_ASSIGNMENT: dict[str, tuple[str, float, float, int]] = {
    "SM0001": ("hunan", 1.00, 0.12, 60),
    "SM0002": ("hunan", 1.10, 0.14, 40),
    "SM0003": ("hunan", 0.95, 0.13, 32),
    "SM0004": ("hunan", 1.05, 0.13, 36),
    "SM0005": ("guangxi", 1.00, 0.14, 30),
    "SM0006": ("guangxi", 1.08, 0.14, 28),
    "SM0007": ("guangxi", 0.94, 0.15, 26),
    "SM0008": ("oman", 1.00, 0.13, 24),
    "SM0009": ("tajik", 1.00, 0.15, 20),
    "SM0010": ("tajik", 1.15, 0.16, 18),
    "SM0011": ("kyrgyz", 1.00, 0.15, 18),
    "SM0012": ("mexico", 1.00, 0.13, 40),
    "SM0013": ("mexico", 0.92, 0.15, 20),
    "SM0014": ("us", 1.00, 0.12, 36),
    "SM0015": ("belgium", 1.00, 0.12, 48),
    "SM0016": ("turkey", 1.00, 0.15, 16),
    "SM0017": ("russia", 1.05, 0.15, 20),
    "SM0018": ("russia", 0.92, 0.15, 20),
    "SM0019": ("australia", 1.00, 0.14, 22),
    "SM0020": ("australia", 0.90, 0.15, 18),
    "SM0021": ("thai", 1.00, 0.12, 44),
}


@dataclass(frozen=True)
class ElementStat:
    unit: str  # "pct" | "ppm"
    mean: float
    sd: float

    @property
    def mean_pct(self) -> float:
        return self.mean if self.unit == "pct" else self.mean / 10_000

    @property
    def sd_pct(self) -> float:
        return self.sd if self.unit == "pct" else self.sd / 10_000


@dataclass(frozen=True)
class Profile:
    smelter_id: str
    stats: dict[str, ElementStat]
    n: int


def _sig(value: float, digits: int = 3) -> float:
    return float(f"{value:.{digits}g}")


def build_profiles() -> dict[str, Profile]:
    profiles: dict[str, Profile] = {}
    for smelter_id, (template, scale, rel_sd, n) in _ASSIGNMENT.items():
        stats: dict[str, ElementStat] = {}
        impurity_pct = 0.0
        for element, base in _TEMPLATES[template].items():
            unit = "pct" if element in PCT_ELEMENTS else "ppm"
            mean = _sig(base * scale)
            stats[element] = ElementStat(unit, mean, _sig(mean * rel_sd, 2))
            impurity_pct += mean if unit == "pct" else mean / 10_000
        sb = round(100.0 - impurity_pct - 0.008, 3)
        profiles[smelter_id] = Profile(smelter_id, {"Sb": ElementStat("pct", sb, 0.03), **stats}, n)
    return profiles


def write_profiles(path: Path) -> None:
    profiles = build_profiles()
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(PROFILE_COLUMNS)
        for smelter_id in sorted(profiles):
            profile = profiles[smelter_id]
            for element in ELEMENTS:
                stat = profile.stats[element]
                writer.writerow([smelter_id, element, stat.unit, f"{stat.mean:g}", f"{stat.sd:g}", profile.n])


def load_profiles(path: Path) -> dict[str, Profile]:
    rows: dict[str, dict[str, ElementStat]] = {}
    counts: dict[str, int] = {}
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            stat = ElementStat(row["unit"], float(row["mean"]), float(row["sd"]))
            rows.setdefault(row["smelter_id"], {})[row["element"]] = stat
            counts[row["smelter_id"]] = int(row["n"])
    return {sid: Profile(sid, stats, counts[sid]) for sid, stats in rows.items()}


def sample_composition(profile: Profile, rng: random.Random) -> dict[str, Decimal]:
    """Draw one lot's composition in mass percent; Sb is 100 minus impurities minus unreported rest."""
    values: dict[str, Decimal] = {}
    total = 0.0
    for element in ELEMENTS[1:]:
        stat = profile.stats[element]
        value = max(rng.gauss(stat.mean_pct, stat.sd_pct), 0.2 * stat.mean_pct)
        values[element] = Decimal(f"{value:.3g}")
        total += value
    rest = rng.uniform(0.003, 0.012)
    values["Sb"] = Decimal(f"{100.0 - total - rest:.4f}")
    return {e: values[e] for e in ELEMENTS}
