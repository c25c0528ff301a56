"""Turning a scenario plan into the concrete facts of one shipment (parties, lots, numbers, dates)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from samplegen.formatting import country_name
from samplegen.parties import (
    BUYERS,
    CHINESE_PRODUCERS,
    EXPORTERS,
    LABS,
    OVERLAND_PORTS,
    PORTS,
    UNKNOWN_SMELTERS,
    VESSELS,
    Party,
)
from samplegen.profiles import Profile, sample_composition
from samplegen.reference import Reference, smelter_place
from samplegen.scenarios import Plan

SB_IN_SB2O3 = Decimal("0.8353")  # 2 x 121.760 / 291.518
HS_BY_PRODUCT = {"ingot": "811010", "trioxide": "282580"}
INGOT_GRADES = (Decimal("99.90"), Decimal("99.85"), Decimal("99.70"), Decimal("99.65"), Decimal("99.50"))


@dataclass
class Lot:
    number: str
    package_nets: list[Decimal]
    package_gross: list[Decimal]

    @property
    def packages(self) -> int:
        return len(self.package_nets)

    @property
    def net_kg(self) -> Decimal:
        return sum(self.package_nets, Decimal(0))

    @property
    def gross_kg(self) -> Decimal:
        return sum(self.package_gross, Decimal(0))


@dataclass(frozen=True)
class SmelterMention:
    printed: str  # the name exactly as the documents print it
    smelter_id: str | None  # None when the smelter is not in the reference list
    country: str
    place: str


@dataclass
class Shipment:
    shipment_id: str
    plan: Plan
    seller: Party
    buyer: Party
    lab: Party
    smelter: SmelterMention
    profile_smelter_id: str
    composition: dict[str, Decimal]  # mass percent as sampled (before printing)
    sb2o3_pct: Decimal | None
    product: str
    hs6: str
    grade_pct: Decimal
    lots: list[Lot]  # as invoiced
    pl_lots: list[Lot]  # as packed (differs for a quantity mismatch on the packing list)
    coo_net_kg: Decimal
    invoice_no: str
    invoice_date: date
    pl_no: str
    coo_no: str
    coo_date: date
    assay_no: str
    assay_date: date
    departure_date: date
    unit_price: Decimal  # per metric ton
    currency: str
    incoterm: str
    place_loading: str
    place_discharge: str
    transport: str
    vessel: str
    bl_no: str
    pl_invoice_ref: str
    coo_invoice_ref: str
    china_text: dict[str, str] = field(default_factory=dict)
    producer_line: str | None = None  # USMCA element 4 text
    buyer_po: str = ""
    true_origin: str = ""

    @property
    def net_kg(self) -> Decimal:
        return sum((lot.net_kg for lot in self.lots), Decimal(0))

    @property
    def gross_kg(self) -> Decimal:
        return sum((lot.gross_kg for lot in self.lots), Decimal(0))

    @property
    def packages(self) -> int:
        return sum(lot.packages for lot in self.lots)

    @property
    def declared(self) -> str:
        return self.plan.declared

    @property
    def assay_lot(self) -> Lot:
        return self.lots[0]

    def line_amount(self, lot: Lot) -> Decimal:
        return (lot.net_kg / 1000 * self.unit_price).quantize(Decimal("0.01"))

    @property
    def total_amount(self) -> Decimal:
        return sum((self.line_amount(lot) for lot in self.lots), Decimal(0))

    def package_word(self, lang: str, plural: bool = True) -> str:
        if self.product == "ingot":
            return ("bundles" if plural else "bundle") if lang == "en" else ("atados" if plural else "atado")
        return ("pallets" if plural else "pallet") if lang == "en" else ("tarimas" if plural else "tarima")

    def description(self, lang: str) -> str:
        if self.product == "ingot":
            if lang == "es":
                return f"Lingotes de antimonio, Sb {self.grade_pct}% mín., en bruto"
            return f"Antimony metal ingots, Sb {self.grade_pct}% min, unwrought"
        if lang == "es":
            return f"Trióxido de antimonio Sb2O3 {self.grade_pct}% mín., grado retardante de flama"
        return f"Antimony trioxide Sb2O3 {self.grade_pct}% min, flame-retardant grade"

    def packing_text(self, lang: str) -> str:
        if self.product == "ingot":
            return (
                "ingots approx. 25 kg, 40 ingots per strapped bundle on wooden pallet"
                if lang == "en"
                else "lingotes de aprox. 25 kg, 40 lingotes por atado flejado sobre tarima"
            )
        return (
            "25 kg paper bags, 40 bags per shrink-wrapped pallet"
            if lang == "en"
            else "sacos de papel de 25 kg, 40 sacos por tarima emplayada"
        )

    def marks(self, lang: str, packing_list: bool = False) -> list[str]:
        """Shipping marks; laundered 'MADE IN CHINA' marks appear on the packing list only."""
        seller_code = "".join(w[0] for w in self.seller.name.split()[:3]).upper()
        buyer_code = "".join(w[0] for w in self.buyer.name.split()[:3]).upper()
        product = "ANTIMONY INGOTS" if self.product == "ingot" else "ANTIMONY TRIOXIDE"
        china = self.china_text.get("marks") if packing_list else None
        origin = china or _made_in(self.declared, lang)
        return [
            f"{seller_code}/{buyer_code}",
            f"{product} - PO {self.buyer_po}",
            f"{'BUNDLE' if self.product == 'ingot' else 'PALLET'} NO. 1-{self.packages}",
            origin,
        ]


def _made_in(country: str, lang: str) -> str:
    if lang == "es":
        return f"HECHO EN {country_name(country, 'es', upper=True)}"
    return f"MADE IN {country_name(country, 'en', upper=True)}"


def _pick(rng: random.Random, items: tuple | list):  # type: ignore[type-arg]
    return items[rng.randrange(len(items))]


def _smelter_mention(plan: Plan, ref: Reference, rng: random.Random) -> SmelterMention:
    if plan.named is None:
        name, place = UNKNOWN_SMELTERS.get(plan.declared, UNKNOWN_SMELTERS["TH"])
        return SmelterMention(name, None, plan.declared, place)
    smelter = ref.smelters[plan.named]
    printed = smelter.name
    aliases = ref.printable_aliases(smelter.smelter_id)
    if plan.alias and aliases:
        printed = _pick(rng, aliases)
    return SmelterMention(printed, smelter.smelter_id, smelter.country, smelter_place(smelter))


def _lots(plan: Plan, prefix: str, when: date, rng: random.Random, two_page_pl: bool) -> list[Lot]:
    n_packages = rng.randrange(34, 44) if two_page_pl else rng.randrange(10, 25)
    n_lots = rng.randrange(3, 6) if two_page_pl else rng.randrange(2, 5)
    split = sorted(rng.sample(range(1, n_packages), n_lots - 1))
    sizes = [b - a for a, b in zip([0, *split], [*split, n_packages], strict=True)]
    seq = rng.randrange(10, 400)
    lots = []
    for size in sizes:
        seq += rng.randrange(1, 4)
        number = f"{prefix}-{when:%y%m}-{seq:03d}"
        nets: list[Decimal] = []
        gross: list[Decimal] = []
        for _ in range(size):
            if two_page_pl and plan.product == "ingot":
                net = Decimal(rng.randrange(980, 1040)) / 2  # half-ton bundles
                tare = Decimal(rng.randrange(14, 22)) / 2
            elif plan.product == "ingot":
                net = Decimal(rng.randrange(1960, 2080)) / 2
                tare = Decimal(rng.randrange(24, 36)) / 2
            else:
                net = Decimal(1000)
                tare = Decimal(rng.choice((22, 24, 25)))
            nets.append(net)
            gross.append(net + tare)
        lots.append(Lot(number, nets, gross))
    return lots


def _altered_lots(lots: list[Lot], rng: random.Random) -> list[Lot]:
    """Packing-list lots that differ from the invoice by more than 3 % of net weight."""
    total = sum((lot.net_kg for lot in lots), Decimal(0))
    altered = [Lot(lot.number, list(lot.package_nets), list(lot.package_gross)) for lot in lots]
    last = altered[-1]
    add = rng.random() < 0.5 or last.packages < 3
    while True:
        if add:
            last.package_nets.append(last.package_nets[-1])
            last.package_gross.append(last.package_gross[-1])
        else:
            last.package_nets.pop()
            last.package_gross.pop()
        new_total = sum((lot.net_kg for lot in altered), Decimal(0))
        if abs(new_total - total) / total > Decimal("0.03"):
            return altered


def build_shipment(
    plan: Plan,
    shipment_id: str,
    index: int,
    ref: Reference,
    profiles: dict[str, Profile],
    rng: random.Random,
    two_page_pl: bool,
) -> Shipment:
    seller = _pick(rng, EXPORTERS[plan.declared])
    buyer = _pick(rng, BUYERS[plan.dest])
    lab = _pick(rng, LABS[plan.declared])
    smelter = _smelter_mention(plan, ref, rng)
    profile_id = plan.profile_smelter or plan.named or "SM0021"
    composition = sample_composition(profiles[profile_id], rng)
    product = plan.product
    if product == "ingot":
        grade = next((g for g in INGOT_GRADES if g <= composition["Sb"]), INGOT_GRADES[-1])
        sb2o3 = None
    else:
        sb2o3 = (composition["Sb"] - Decimal(rng.randrange(5, 16)) / 100).quantize(Decimal("0.01"))
        grade = Decimal("99.80") if sb2o3 >= Decimal("99.80") else Decimal("99.50")

    invoice_date = date(2025, 1, 6) + timedelta(days=rng.randrange(0, 290))
    assay_date = invoice_date - timedelta(days=rng.randrange(3, 15))
    departure = invoice_date + timedelta(days=rng.randrange(2, 8))
    coo_date = invoice_date + timedelta(days=rng.randrange(0, 5))
    prefix = "".join(w[0] for w in seller.name.replace(",", "").split()[:2]).upper()
    lot_prefix = _pick(rng, ("L", "LT", "B", prefix))
    lots = _lots(plan, lot_prefix, assay_date, rng, two_page_pl)
    seq = rng.randrange(40, 990)
    invoice_no = _pick(
        rng,
        (
            f"{prefix}-INV-{invoice_date:%y}-{seq:04d}",
            f"{invoice_date:%Y}/{seq:04d}",
            f"EXP-{invoice_date:%y%m}-{seq:03d}",
            f"F-{seq:05d}",
        ),
    )
    shipment = Shipment(
        shipment_id=shipment_id,
        plan=plan,
        seller=seller,
        buyer=buyer,
        lab=lab,
        smelter=smelter,
        profile_smelter_id=profile_id,
        composition=composition,
        sb2o3_pct=sb2o3,
        product=product,
        hs6=HS_BY_PRODUCT[product],
        grade_pct=grade,
        lots=lots,
        pl_lots=lots,
        coo_net_kg=Decimal(0),
        invoice_no=invoice_no,
        invoice_date=invoice_date,
        pl_no=f"PL-{invoice_date:%y}{seq:04d}",
        coo_no="",
        coo_date=coo_date,
        assay_no=_pick(
            rng,
            (f"COA-{assay_date:%y%m}-{rng.randrange(100, 999)}", f"AR{assay_date:%y}-{rng.randrange(1000, 9999)}"),
        ),
        assay_date=assay_date,
        departure_date=departure,
        unit_price=Decimal(rng.randrange(3800, 5900)) * 10,
        currency="EUR" if plan.declared == "BE" and plan.dest != "US" else "USD",
        incoterm="",
        place_loading="",
        place_discharge="",
        transport="Sea",
        vessel="",
        bl_no=f"{_pick(rng, ('BKK', 'MZO', 'ANR', 'SOH', 'PKL', 'SUB'))}{rng.randrange(1000000, 9999999)}",
        pl_invoice_ref=invoice_no,
        coo_invoice_ref=invoice_no,
        true_origin=plan.declared if plan.clean else "CN",
    )
    shipment.coo_net_kg = shipment.net_kg
    shipment.buyer_po = f"{rng.randrange(4500000, 4599999)}"
    shipment.coo_no = _coo_number(plan, coo_date, rng)
    _transport(shipment, rng)
    _launder(shipment, rng)
    return shipment


def _coo_number(plan: Plan, when: date, rng: random.Random) -> str:
    if plan.coo_kind == "form_d":
        return f"{plan.declared}{when:%Y}-{rng.randrange(10, 99)}-{rng.randrange(1000000, 9999999)}"
    if plan.coo_kind == "usmca":
        return f"{plan.declared}-USMCA-{when:%y}-{rng.randrange(100, 9999):04d}"
    if plan.coo_kind in ("form_e", "form_a"):
        # Reference numbers printed in groups: 'TH 2025 0398340', 'E253000612340077'.
        return _pick(
            rng,
            (
                f"{plan.declared} {when:%Y} {rng.randrange(100000, 9999999):07d}",
                f"E{when:%y}{rng.randrange(10, 99)}{rng.randrange(1000000000, 9999999999)}",
                f"{plan.declared}{when:%y} {rng.randrange(10, 99)} {rng.randrange(10000, 99999)}",
            ),
        )
    if plan.coo_kind == "eur1":
        # EUR.1 forms carry a pre-printed serial: a letter and six digits, grouped.
        return _pick(
            rng, (f"A {rng.randrange(100, 999)}.{rng.randrange(100, 999)}", f"MX {rng.randrange(1000000, 9999999)}")
        )
    if plan.coo_kind == "statement":
        return ""  # a statement on origin has no number of its own
    if plan.coo_kind == "ace36":
        return f"{rng.randrange(1, 9999999):07d}"  # ALADI forms carry a plain serial
    if plan.coo_kind == "rcep":
        return f"{plan.declared}{when:%y} RCEP {rng.randrange(100000, 999999)}"
    if plan.coo_kind == "pacific":
        return f"{plan.declared}-AP-{when:%y}-{rng.randrange(1, 99999):05d}"
    return f"{when:%Y}/{plan.declared}/{rng.randrange(1000, 99999):05d}"


def _transport(s: Shipment, rng: random.Random) -> None:
    key = (s.plan.declared, s.plan.dest)
    if key in OVERLAND_PORTS:
        loading, discharge, means = OVERLAND_PORTS[key]
        s.place_loading, s.place_discharge, s.transport = loading, discharge, means
        s.vessel = f"Truck plates {rng.randrange(100, 999)}-{rng.choice('ABCDEFGH')}{rng.randrange(10, 99)}"
        if means.startswith("Rail"):
            s.vessel = f"Wagon no. {rng.randrange(50000000, 59999999)}"
        s.incoterm = f"FCA {loading.split(',')[0]}" if means != "Truck" else f"DAP {discharge.split(',')[0]}"
    else:
        s.place_loading = _pick(rng, PORTS[s.plan.declared])
        s.place_discharge = _pick(rng, PORTS[s.plan.dest])
        s.vessel = f"{_pick(rng, VESSELS)} V.{rng.randrange(10, 99):03d}{rng.choice('EWNS')}"
        s.incoterm = f"{_pick(rng, ('CIF', 'CFR', 'FOB'))} {s.place_discharge.split(',')[0]}"
        if s.incoterm.startswith("FOB"):
            s.incoterm = f"FOB {s.place_loading.split(',')[0]}"


def _wrong_invoice_number(number: str, rng: random.Random) -> str:
    digits = [i for i, ch in enumerate(number) if ch.isdigit()]
    tail = digits[-3:]
    chars = list(number)
    if len(tail) >= 2 and chars[tail[-1]] != chars[tail[-2]] and rng.random() < 0.5:
        chars[tail[-1]], chars[tail[-2]] = chars[tail[-2]], chars[tail[-1]]  # transposed digits
    else:
        pos = tail[-2]
        chars[pos] = str((int(chars[pos]) + rng.randrange(1, 9)) % 10)
    return "".join(chars)


def _launder(s: Shipment, rng: random.Random) -> None:
    plan = s.plan
    if plan.qty_doc == "packing_list":
        s.pl_lots = _altered_lots(s.lots, rng)
    elif plan.qty_doc == "certificate_of_origin":
        factor = Decimal(rng.choice((-1, 1))) * Decimal(rng.randrange(40, 110)) / 1000
        s.coo_net_kg = (s.net_kg * (1 + factor) / 500).quantize(Decimal(1)) * 500
    if plan.ref_doc == "packing_list":
        s.pl_invoice_ref = _wrong_invoice_number(s.invoice_no, rng)
    elif plan.ref_doc == "certificate_of_origin":
        s.coo_invoice_ref = _wrong_invoice_number(s.invoice_no, rng)
    if plan.text_doc == "commercial_invoice":
        s.china_text["description"] = _pick(
            rng, ("Origin of ore: Hechi, Guangxi, P.R. China", "Ore origin: Nandan county, Guangxi, China")
        )
    elif plan.text_doc == "packing_list":
        s.china_text["marks"] = _pick(rng, ("MADE IN CHINA", "PRODUCT OF P.R. CHINA"))
    elif plan.text_doc == "certificate_of_origin":
        name, place = _pick(rng, CHINESE_PRODUCERS)
        s.china_text["producer"] = f"{name}, {place}"
    if plan.coo_kind == "usmca":
        if "producer" in s.china_text:
            s.producer_line = s.china_text["producer"]
        elif plan.named and s.smelter.country == plan.declared:
            s.producer_line = ", ".join(p for p in (s.smelter.printed, s.smelter.place) if p)
        else:
            s.producer_line = None  # "Available upon request by the importing authorities"
