"""Portfolio checks: red flags that only show across many shipments, computed with SQL aggregates.

Every check reads the `shipment_facts` table (oretrace.store.portfolio_facts) grouped in the database; only
the aggregated rows (a subject and a quarter each) and the ids of the shipments behind a finding come back to
Python. Windows are quarters; a twelve-month window is the four quarters ending with the quarter checked.
The thresholds are `PortfolioThresholds` (docs/checks.md).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Row, func, select, text
from sqlalchemy.orm import Session

from oretrace.core.config import PortfolioThresholds
from oretrace.core.models import PortfolioFinding, Severity, Subject, Window
from oretrace.reference import ReferenceData
from oretrace.store.portfolio_facts import ShipmentFactsRow, quarter_end, quarter_of, quarter_start

KG_PER_TONNE = 1000.0


@dataclass(frozen=True)
class Span:
    """The quarters checked, first to last inclusive."""

    first: int
    last: int


@dataclass(frozen=True)
class PortfolioCheck:
    id: str
    severity: Severity
    title: str
    function: Callable[[Session, Span, ReferenceData, PortfolioThresholds], list[PortfolioFinding]]


PORTFOLIO_CHECKS: dict[str, PortfolioCheck] = {}


def _register(check_id: str, severity: Severity, title: str) -> Callable[[Callable], Callable]:
    def decorate(function: Callable) -> Callable:
        PORTFOLIO_CHECKS[check_id] = PortfolioCheck(check_id, severity, title, function)
        return function

    return decorate


def _window(first_quarter: int, last_quarter: int) -> Window:
    return Window(start=quarter_start(first_quarter), end=quarter_end(last_quarter))


def _label(quarter: int) -> str:
    return f"{quarter // 4} Q{quarter % 4 + 1}"


def _shipments(session: Session, column: str, value: str, first: int, last: int, *extra: object) -> list[str]:
    facts = ShipmentFactsRow
    stmt = select(facts.shipment_id).where(getattr(facts, column) == value, facts.quarter.between(first, last), *extra)
    return sorted(session.scalars(stmt))


def _t(kg: float | None) -> float:
    return round((kg or 0.0) / KG_PER_TONNE, 1)


# Rolling sums: a subject's tonnage per quarter, and beside it the four quarters before (or ending with) it.
_ROLLING = """
WITH q AS (
    SELECT {key} AS subject, quarter, SUM({weight}) AS kg, COUNT(*) AS n
    FROM shipment_facts
    WHERE {key} IS NOT NULL AND {weight} IS NOT NULL AND quarter BETWEEN :lo AND :hi {extra}
    GROUP BY {key}, quarter
)
SELECT cur.subject, cur.quarter, cur.kg,
       MAX(CASE WHEN p.quarter = cur.quarter - 4 THEN p.kg END) AS year_before,
       SUM(p.kg) AS four_quarters
FROM q cur LEFT JOIN q p ON p.subject = cur.subject AND p.quarter BETWEEN cur.quarter - {back} AND cur.quarter - {upto}
WHERE cur.quarter BETWEEN :first AND :last
GROUP BY cur.subject, cur.quarter, cur.kg
"""


def _rolling(
    session: Session, key: str, weight: str, span: Span, *, prior: bool, extra: str = "", **params: object
) -> list[Row]:
    """Per subject and quarter: its tonnage, the same quarter a year before, and the sum of the four quarters
    before it (`prior`) or of the four ending with it."""
    back, upto = (4, 1) if prior else (3, 0)
    sql = _ROLLING.format(key=key, weight=weight, extra=extra, back=back, upto=upto)
    bounds = {"lo": span.first - 4, "hi": span.last, "first": span.first, "last": span.last}
    return list(session.execute(text(sql), bounds | params))


def _worst(rows: Iterable[tuple[tuple[float, float], PortfolioFinding]]) -> list[PortfolioFinding]:
    """One finding per subject: the window with the highest (ratio, tonnes); consecutive windows say the same."""
    best: dict[tuple[str, object], tuple[tuple[float, float], PortfolioFinding]] = {}
    for ratio, finding in rows:
        key = (finding.subject.value, finding.figures.get("commodity"))
        if key not in best or ratio > best[key][0]:
            best[key] = (ratio, finding)
    return [finding for _, finding in best.values()]


@_register("supplier_volume_surge", Severity.HIGH, "An exporter's quarter far above its own history")
def supplier_volume_surge(
    session: Session, span: Span, reference: ReferenceData, limits: PortfolioThresholds
) -> list[PortfolioFinding]:
    check = PORTFOLIO_CHECKS["supplier_volume_surge"]
    # An exporter needs a year of history for "a year before" to mean anything; a new one is not a surge.
    first_seen = dict(
        session.execute(
            select(ShipmentFactsRow.exporter, func.min(ShipmentFactsRow.quarter))
            .where(ShipmentFactsRow.exporter.is_not(None))
            .group_by(ShipmentFactsRow.exporter)
        ).all()
    )
    found = []
    for exporter, quarter, kg, year_before, four in _rolling(session, "exporter", "net_kg", span, prior=True):
        if kg < limits.surge_min_tonnes * KG_PER_TONNE or first_seen[exporter] > quarter - 4:
            continue
        mean = (four or 0.0) / 4
        baseline = max(year_before or 0.0, mean)
        if baseline and kg < limits.surge_factor * baseline:
            continue
        ratio = kg / baseline if baseline else float("inf")
        printed = _printed(session, exporter)
        message = (
            f"{printed} declared {_t(kg):,} t in {_label(quarter)}: {_times(kg, year_before)} its "
            f"{_t(year_before):,} t a year before and {_times(kg, mean)} its quarterly mean of {_t(mean):,} t over "
            f"the four quarters before (threshold {limits.surge_factor:g} times both, "
            f"at least {limits.surge_min_tonnes:g} t)"
        )
        finding = PortfolioFinding(
            check=check.id,
            severity=check.severity,
            message=message,
            window=_window(quarter, quarter),
            subject=Subject(type="exporter", value=printed),
            figures={
                "tonnes": _t(kg),
                "tonnes_year_before": _t(year_before),
                "quarterly_mean_tonnes": _t(mean),
                "ratio": round(ratio, 1) if baseline else None,
            },
            shipments=_shipments(session, "exporter", exporter, quarter, quarter),
        )
        found.append(((ratio, kg), finding))
    return _worst(found)


def _times(kg: float, baseline: float | None) -> str:
    return f"{kg / baseline:,.1f} times" if baseline else "against none for"


def _printed(session: Session, exporter: str) -> str:
    """The exporter's name as a document printed it (rows group by its folded form)."""
    return (
        session.scalars(
            select(ShipmentFactsRow.exporter_printed).where(ShipmentFactsRow.exporter == exporter).limit(1)
        ).first()
        or exporter
    )


@_register("smelter_capacity_exceeded", Severity.HIGH, "More metal attributed to a smelter than it can make")
def smelter_capacity_exceeded(
    session: Session, span: Span, reference: ReferenceData, limits: PortfolioThresholds
) -> list[PortfolioFinding]:
    check = PORTFOLIO_CHECKS["smelter_capacity_exceeded"]
    found = []
    for smelter_id, quarter, _, _, twelve_months in _rolling(session, "smelter_id", "metal_kg", span, prior=False):
        smelter = reference.smelter(smelter_id)
        if smelter is None or smelter.capacity_tpa is None:
            continue
        tonnes = (twelve_months or 0.0) / KG_PER_TONNE
        if tonnes <= limits.capacity_share * smelter.capacity_tpa:
            continue
        message = (
            f"{tonnes:,.1f} t attributed to {smelter.name} ({smelter_id}) in the twelve months to "
            f"{quarter_end(quarter)}, above its capacity of {smelter.capacity_tpa:,.0f} t a year "
            f"({smelter.capacity_source})"
        )
        finding = PortfolioFinding(
            check=check.id,
            severity=check.severity,
            message=message,
            window=_window(quarter - 3, quarter),
            subject=Subject(type="smelter", value=smelter_id),
            figures={"tonnes": round(tonnes, 1), "capacity_tpa": smelter.capacity_tpa},
            shipments=_shipments(session, "smelter_id", smelter_id, quarter - 3, quarter),
        )
        ratio = tonnes / smelter.capacity_tpa if smelter.capacity_tpa else float("inf")
        found.append(((ratio, tonnes), finding))
    return _worst(found)


@dataclass(frozen=True)
class CountrySupply:
    """What a country can supply of a commodity in a year: production of the latest year listed plus the
    capacity listed for its smelters."""

    production_tonnes: float
    year: int | None
    capacity_tonnes: float
    # Smelters listed in the country for the commodity with no capacity stated (they add nothing to the sum).
    unstated: int = 0

    @property
    def tonnes(self) -> float:
        return self.production_tonnes + self.capacity_tonnes


def country_supply(reference: ReferenceData, commodity: str, country: str) -> CountrySupply:
    records = reference.production_of(commodity, country)
    year = max((r.year for r in records), default=None)
    production = sum(r.tonnes for r in records if r.year == year)
    smelters = reference.smelters_in(country, commodity)
    capacity = sum(s.capacity_tpa or 0.0 for s in smelters)
    return CountrySupply(production, year, capacity, sum(1 for s in smelters if s.capacity_tpa is None))


def _supply_text(supply: CountrySupply) -> str:
    year = f"production {supply.production_tonnes:,.0f} t in {supply.year}" if supply.year else "no production listed"
    text = f"{year} and {supply.capacity_tonnes:,.0f} t a year of listed smelter capacity"
    if supply.unstated:
        text += f" ({supply.unstated} listed smelter(s) with no capacity stated)"
    return text


@_register("origin_exceeds_production", Severity.HIGH, "More imported from a country than it can produce")
def origin_exceeds_production(
    session: Session, span: Span, reference: ReferenceData, limits: PortfolioThresholds
) -> list[PortfolioFinding]:
    check = PORTFOLIO_CHECKS["origin_exceeds_production"]
    commodities = session.scalars(
        select(ShipmentFactsRow.commodity).where(ShipmentFactsRow.commodity.is_not(None)).distinct()
    ).all()
    found = []
    for commodity in commodities:
        rows = _rolling(
            session, "origin", "metal_kg", span, prior=False, extra="AND commodity = :commodity", commodity=commodity
        )
        for origin, quarter, _, _, twelve_months in rows:
            tonnes = (twelve_months or 0.0) / KG_PER_TONNE
            supply = country_supply(reference, commodity, origin)
            if tonnes < limits.origin_min_tonnes or tonnes <= limits.origin_share * supply.tonnes:
                continue
            message = (
                f"{tonnes:,.1f} t of {commodity} declared from {origin} "
                f"in the twelve months to {quarter_end(quarter)}: "
                + (
                    f"{tonnes / supply.tonnes:.0%} of its {_supply_text(supply)} "
                    if supply.tonnes
                    else f"{origin} has {_supply_text(supply)} "
                )
                + f"(threshold {limits.origin_share:.0%}, at least {limits.origin_min_tonnes:g} t)"
            )
            finding = PortfolioFinding(
                check=check.id,
                severity=check.severity,
                message=message,
                window=_window(quarter - 3, quarter),
                subject=Subject(type="country", value=origin),
                figures={
                    "commodity": commodity,
                    "tonnes": round(tonnes, 1),
                    "production_tonnes": supply.production_tonnes,
                    "production_year": supply.year,
                    "capacity_tonnes": supply.capacity_tonnes,
                },
                shipments=_shipments(
                    session, "origin", origin, quarter - 3, quarter, ShipmentFactsRow.commodity == commodity
                ),
            )
            found.append(((tonnes / supply.tonnes if supply.tonnes else float("inf"), tonnes), finding))
    return _worst(found)


_NEW_ORIGINS = """
WITH eo AS (
    SELECT exporter, origin, MIN(quarter) AS first_quarter, COUNT(*) AS n
    FROM shipment_facts
    WHERE exporter IS NOT NULL AND origin IS NOT NULL AND quarter IS NOT NULL
    GROUP BY exporter, origin
)
SELECT eo_new.exporter, eo_new.origin, eo_new.first_quarter,
       (SELECT COUNT(*) FROM shipment_facts f
        WHERE f.exporter = eo_new.exporter AND f.origin IS NOT NULL AND f.origin <> eo_new.origin
          AND f.quarter < eo_new.first_quarter) AS prior
FROM eo AS eo_new
WHERE eo_new.first_quarter BETWEEN :first AND :last
  AND EXISTS (SELECT 1 FROM eo AS eo_old
              WHERE eo_old.exporter = eo_new.exporter AND eo_old.first_quarter < eo_new.first_quarter)
"""


@_register("origin_switch", Severity.HIGH, "An exporter declares a new origin")
def origin_switch(
    session: Session, span: Span, reference: ReferenceData, limits: PortfolioThresholds
) -> list[PortfolioFinding]:
    check = PORTFOLIO_CHECKS["origin_switch"]
    found = []
    for exporter, origin, quarter, prior in session.execute(
        text(_NEW_ORIGINS), {"first": span.first, "last": span.last}
    ):
        if prior < limits.switch_min_prior_shipments:
            continue
        shipments = _shipments(session, "exporter", exporter, quarter, span.last, ShipmentFactsRow.origin == origin)
        earlier = session.scalars(
            select(ShipmentFactsRow.origin)
            .where(ShipmentFactsRow.exporter == exporter, ShipmentFactsRow.quarter < quarter)
            .where(ShipmentFactsRow.origin.is_not(None))
            .distinct()
        ).all()
        commodity = session.scalars(
            select(ShipmentFactsRow.commodity).where(ShipmentFactsRow.shipment_id == shipments[0])
        ).first()
        supply = country_supply(reference, commodity, origin) if commodity else None
        low = supply is not None and supply.tonnes < limits.switch_low_production_tonnes
        printed = _printed(session, exporter)
        message = f"{printed} declared {origin} from {_label(quarter)} on, after {prior} shipments from " + ", ".join(
            sorted(earlier)
        )
        if supply is not None:
            message += f"; {origin} has {_supply_text(supply)} of {commodity}"
        found.append(
            PortfolioFinding(
                check=check.id,
                severity=Severity.HIGH if low else Severity.LOW,
                message=message,
                window=_window(quarter, span.last),
                subject=Subject(type="exporter", value=printed),
                figures={
                    "new_origin": origin,
                    "earlier_origins": ", ".join(sorted(earlier)),
                    "earlier_shipments": prior,
                    "origin_supply_tonnes": supply.tonnes if supply else None,
                },
                shipments=shipments,
            )
        )
    return found


# Median per commodity, currency and quarter with window functions (SQLite has no percentile function), over
# the stored unit value so both databases read it in the order of its index; the outliers are two index ranges.
_UNIT_VALUES = """
WITH ranked AS (
    SELECT commodity, currency, quarter, unit_value,
           ROW_NUMBER() OVER w AS rn,
           -- The same window (whole partition) as the row number, so neither database sorts a second time.
           COUNT(*) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS n
    FROM shipment_facts
    WHERE unit_value IS NOT NULL AND commodity IS NOT NULL AND currency IS NOT NULL
      AND quarter BETWEEN :first AND :last
    WINDOW w AS (PARTITION BY commodity, currency, quarter ORDER BY unit_value)
),
m AS (
    SELECT commodity, currency, quarter, AVG(unit_value) AS median, MAX(n) AS n
    FROM ranked WHERE rn IN ((n + 1) / 2, (n + 2) / 2)
    GROUP BY commodity, currency, quarter
    HAVING MAX(n) >= :min_peers
)
SELECT f.shipment_id, f.exporter, f.exporter_printed, f.commodity, f.currency, f.quarter, f.unit_value AS unit,
       m.median, m.n
FROM m JOIN shipment_facts f ON f.commodity = m.commodity AND f.currency = m.currency AND f.quarter = m.quarter
WHERE f.unit_value > m.median * :factor OR f.unit_value * :factor < m.median
"""


@_register("unit_value_outlier", Severity.MEDIUM, "A price per kg of metal far from the team's own median")
def unit_value_outlier(
    session: Session, span: Span, reference: ReferenceData, limits: PortfolioThresholds
) -> list[PortfolioFinding]:
    check = PORTFOLIO_CHECKS["unit_value_outlier"]
    params = {
        "first": span.first,
        "last": span.last,
        "min_peers": limits.unit_value_min_peers,
        "factor": limits.unit_value_factor,
    }
    groups: dict[tuple, list[Row]] = defaultdict(list)
    for row in session.execute(text(_UNIT_VALUES), params):
        groups[(row.exporter, row.commodity, row.currency, row.quarter)].append(row)
    found = []
    for (_, commodity, currency, quarter), rows in sorted(groups.items(), key=lambda g: (str(g[0][0]), g[0][1:])):
        median, printed = rows[0].median, rows[0].exporter_printed or "an exporter not confirmed by two documents"
        units = sorted(round(r.unit, 2) for r in rows)
        message = (
            f"{printed}: {len(rows)} shipment(s) of {commodity} in {_label(quarter)} priced at "
            f"{', '.join(f'{u:,.2f}' for u in units)} {currency}/kg of metal against a median of {median:,.2f} "
            f"over {rows[0].n} shipments (threshold {limits.unit_value_factor:g} times either way)"
        )
        found.append(
            PortfolioFinding(
                check=check.id,
                severity=check.severity,
                message=message,
                window=_window(quarter, quarter),
                subject=Subject(type="exporter", value=printed),
                figures={"commodity": commodity, "currency": currency, "median": round(median, 2), "peers": rows[0].n}
                | {"lowest": units[0], "highest": units[-1]},
                shipments=sorted(r.shipment_id for r in rows),
            )
        )
    return found


def data_span(session: Session) -> Span | None:
    """The quarters holding shipments, None when there are none."""
    lo, hi = session.execute(select(func.min(ShipmentFactsRow.quarter), func.max(ShipmentFactsRow.quarter))).one()
    return None if lo is None else Span(lo, hi)


def run_portfolio_checks(
    session: Session,
    reference: ReferenceData,
    limits: PortfolioThresholds,
    *,
    since: date | None = None,
    until: date | None = None,
    only: Iterable[str] | None = None,
) -> list[PortfolioFinding]:
    """Every portfolio check over the windows ending from `since` to `until` (default: every quarter held)."""
    held = data_span(session)
    if held is None:
        return []
    span = Span(quarter_of(since) if since else held.first, quarter_of(until) if until else held.last)
    wanted = set(only) if only is not None else None
    findings: list[PortfolioFinding] = []
    for check in PORTFOLIO_CHECKS.values():
        if wanted is None or check.id in wanted:
            findings += check.function(session, span, reference, limits)
    return findings


def check_touched(
    session: Session, shipment_ids: Iterable[str], reference: ReferenceData, limits: PortfolioThresholds
) -> list[PortfolioFinding]:
    """The checks over every window the given shipments fall in: their quarters, and the twelve-month windows
    ending up to three quarters after them. Nothing when none of them has a dated facts row."""
    ids = list(shipment_ids)
    lo, hi = session.execute(
        select(func.min(ShipmentFactsRow.quarter), func.max(ShipmentFactsRow.quarter)).where(
            ShipmentFactsRow.shipment_id.in_(ids)
        )
    ).one()
    held = data_span(session)
    if lo is None or held is None:
        return []
    return run_portfolio_checks(
        session, reference, limits, since=quarter_start(lo), until=quarter_end(min(hi + 3, held.last))
    )
