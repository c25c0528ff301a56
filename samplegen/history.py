"""A synthetic shipment history written straight into the store, for the portfolio checks and their benchmark.

Every exporter, volume and price here is made up (SYNTHETIC); only the smelter ids and the countries' figures
they are checked against come from the reference data. Rows go into `shipments` and `shipment_facts` marked
`synthetic`, without documents or runs: the pipeline is not involved, so 100,000 shipments take seconds.

`planted_history` holds, beside benign exporters that must not fire (a seasonal one, one growing steadily,
a new one in a producing country, steady ones), the pattern seen in the 2024-25 antimony relabelling: an
exporter surging about 27 times, an exporter switching its declared origin to a country without production,
a smelter credited with more than its capacity, and two shipments priced far below everyone else's.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import insert
from sqlalchemy.orm import Session

from oretrace.core.folding import fold
from oretrace.core.models import ShipmentFacts
from oretrace.store.portfolio_facts import ShipmentFactsRow, facts_row
from oretrace.store.schema import Shipment

SYNTHETIC_ROOT = "synthetic-history"
START = date(2023, 10, 1)  # 18 months, 2023 Q4 to 2025 Q1: the relabelling surge falls in the last two quarters
MONTHS = 18
USD_PER_KG_METAL = 45.0  # synthetic price level, near the sample documents' (so a demo store mixing both stays calm)
OXIDE_SB = 83.5  # Sb in Sb2O3 by mass (stoichiometry), the share the assay would state
INGOT_SB = 99.6


@dataclass(frozen=True)
class HistoryShipment:
    shipment_id: str
    facts: ShipmentFacts


@dataclass(frozen=True)
class Planted:
    """What the planted history must make each check report: (check id, subject value)."""

    surge = ("supplier_volume_surge", "Siam Oxide Trading Co., Ltd. (synthetic)")
    switch = ("origin_switch", "Pacific Rim Metals Ltd. (synthetic)")
    capacity = ("smelter_capacity_exceeded", "SM0003")
    origin = ("origin_exceeds_production", "TH")
    price = ("unit_value_outlier", "Delta Minerals Co. (synthetic)")

    @classmethod
    def all(cls) -> set[tuple[str, str]]:
        return {cls.surge, cls.switch, cls.capacity, cls.origin, cls.price}


def _month(index: int) -> date:
    year, month = divmod(START.month - 1 + index, 12)
    return date(START.year + year, month + 1, 1)


def _shipment(
    rng: random.Random,
    number: int,
    exporter: str,
    origin: str,
    day: date,
    net_t: float,
    *,
    smelter: str | None = None,
    sb_pct: float = OXIDE_SB,
    price: float = USD_PER_KG_METAL,
    prefix: str = "SYN",
) -> HistoryShipment:
    net_kg = round(net_t * 1000 * rng.uniform(0.95, 1.05), 1)
    metal_kg = net_kg * sb_pct / 100
    return HistoryShipment(
        f"{prefix}-{number:06d}",
        ShipmentFacts(
            commodity="antimony",
            exporter=fold(exporter),
            exporter_printed=exporter,
            origin=origin,
            smelter_id=smelter,
            net_kg=net_kg,
            metal_kg=round(metal_kg, 1),
            value=round(metal_kg * price * rng.uniform(0.9, 1.1), 2),
            currency="USD",
            shipped_on=day,
        ),
    )


def planted_history(seed: int = 7) -> list[HistoryShipment]:
    rng = random.Random(seed)
    out: list[HistoryShipment] = []

    def add(exporter: str, origin: str, day: date, net_t: float, **kwargs: object) -> None:
        out.append(_shipment(rng, len(out) + 1, exporter, origin, day, net_t, **kwargs))  # type: ignore[arg-type]

    for m in range(MONTHS):
        month = _month(m)
        quarter_of_year = (month.month - 1) // 3
        for day in (month + timedelta(days=4), month + timedelta(days=18)):
            # Benign: steady growth of 3% a month, from a producing country and a smelter far below capacity.
            add("Hunan Steady Antimony Trading (synthetic)", "CN", day, 20 * 1.03**m, smelter="SM0001")
            # Planted: declares CN, then from December 2024 Thailand, which has neither mine nor listed smelter.
            add("Pacific Rim Metals Ltd. (synthetic)", "TH" if month >= date(2024, 12, 1) else "CN", day, 20)
            # Planted: 2 x 300 t of ingot a month credited to SM0003 (capacity 6,000 t a year): 7,200 t a year.
            add("Lengshuijiang Metals Export (synthetic)", "CN", day, 300, smelter="SM0003", sb_pct=INGOT_SB)
        # Benign: seasonal, a fourth-quarter peak every year (ten shipments against three).
        for k in range(10 if quarter_of_year == 3 else 1):
            add("Xiangjiang Seasonal Metals (synthetic)", "CN", month + timedelta(days=2 + 2 * k), 20, smelter="SM0001")
        # Benign: a new supplier from 2024 Q3 in a producing country (Tajikistan), steady from its start.
        if month >= date(2024, 7, 1):
            add("Sughd Antimony New Supplier (synthetic)", "TJ", month + timedelta(days=10), 20)
        # Planted: two shipments in 2025 Q1 at a fifth of the price; the rest priced like everyone's.
        price = USD_PER_KG_METAL / 5 if month in (date(2025, 1, 1), date(2025, 2, 1)) else USD_PER_KG_METAL
        add("Delta Minerals Co. (synthetic)", "CN", month + timedelta(days=12), 15, price=price)
        # Planted: one 10 t shipment a quarter, then from December 2024 three 30 t a month: 27 times a quarter.
        siam = "Siam Oxide Trading Co., Ltd. (synthetic)"
        if month >= date(2024, 12, 1):
            for k in range(3):
                add(siam, "TH", month + timedelta(days=3 + 9 * k), 30)
        elif month.month in (1, 4, 7, 10):
            add(siam, "TH", month + timedelta(days=3), 10)
    return out


def bulk_history(count: int, seed: int = 11, exporters: int = 400) -> Iterator[HistoryShipment]:
    """`count` benign shipments over three years from `exporters` synthetic exporters (for timing).

    Shipments are small (50-250 kg) and origins taken in turn, so that even 100,000 of them stay well within
    each country's production and no benign exporter fires.
    """
    rng = random.Random(seed)
    origins = ("CN", "CN", "CN", "RU", "TJ", "BO", "MM")
    smelters = (None, "SM0001", "SM0002", "SM0003", "SM0009")
    profile = [
        (f"Bulk Exporter {n:04d} (synthetic)", origins[n % len(origins)], smelters[n % 5]) for n in range(exporters)
    ]
    days = 3 * 365
    for number in range(count):
        exporter, origin, smelter = profile[rng.randrange(exporters)]
        day = date(2023, 1, 1) + timedelta(days=rng.randrange(days))
        net_t = rng.uniform(0.05, 0.25)
        yield _shipment(rng, number + 1, exporter, origin, day, net_t, smelter=smelter, prefix="SYNB")


def write_history(session: Session, shipments: Iterable[HistoryShipment], batch: int = 5_000) -> int:
    """Insert the shipments and their facts rows (marked synthetic) in batches; returns how many."""
    written = 0
    chunk: list[HistoryShipment] = []

    def flush() -> None:
        session.execute(insert(Shipment), [{"id": s.shipment_id, "inbox_root": SYNTHETIC_ROOT} for s in chunk])
        rows = [facts_row(s.shipment_id, s.facts, shipment_run_id=None, synthetic=True) for s in chunk]
        session.execute(insert(ShipmentFactsRow), rows)
        chunk.clear()

    for shipment in shipments:
        chunk.append(shipment)
        written += 1
        if len(chunk) >= batch:
            flush()
    if chunk:
        flush()
    return written


def write_demo_history() -> int:
    """Put the planted history into the store the settings name, once (the demo's dashboard and portfolio
    findings draw on it); returns how many shipments were written, 0 when it is there already."""
    from sqlalchemy import func, select

    from oretrace.core.config import get_settings
    from oretrace.store.db import make_engine, migrate, session_scope

    settings = get_settings()
    settings.home.mkdir(parents=True, exist_ok=True)
    engine = make_engine(settings.resolved_database_url)
    migrate(engine)
    with session_scope(engine) as session:
        present = session.scalar(
            select(func.count()).select_from(Shipment).where(Shipment.inbox_root == SYNTHETIC_ROOT)
        )
        written = 0 if present else write_history(session, planted_history())
    engine.dispose()
    return written


if __name__ == "__main__":
    count = write_demo_history()
    print(f"synthetic shipment history: {count} shipments written" if count else "synthetic shipment history: present")
