"""The dashboard's figures: tonnage per origin and month, each exporter against its own history, each named
smelter against its capacity, open findings by check and severity, the flag rate per origin and quarter. Each
figure names the queue filters that list the findings behind it; the pages draw them as SVG and the API
returns them as they are."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable

from sqlalchemy import case, exists, extract, func, select
from sqlalchemy.orm import Session

from oretrace.review.auth import Actor, Permission
from oretrace.review.models import SEVERITY_RANK, ChartData, ChartRow, ChartSegment, Dashboard, QueueFilters
from oretrace.review.service.queue import list_queue
from oretrace.store.portfolio import KG_PER_TONNE, data_span
from oretrace.store.portfolio_facts import ShipmentFactsRow as Facts
from oretrace.store.reference_store import active_reference
from oretrace.store.schema import Finding

# Enough for a screen; the API returns the same cut.
MONTHS = 24
TOP_ROWS = 12
# Flag rate: the last QUARTERS quarters held, for the FLAG_ORIGINS origins with the most shipments in them.
QUARTERS = 4
FLAG_ORIGINS = 5
ALL = {"status": "all"}


def _tonnes(kg: float | None) -> float:
    return round((kg or 0.0) / KG_PER_TONNE, 1)


def origin_months(session: Session) -> ChartData:
    year, month = extract("year", Facts.shipped_on), extract("month", Facts.shipped_on)
    rows = session.execute(
        select(year, month, Facts.origin, func.sum(Facts.net_kg))
        .where(Facts.origin.is_not(None), Facts.shipped_on.is_not(None), Facts.net_kg.is_not(None))
        .group_by(year, month, Facts.origin)
    ).all()
    by_month: dict[str, dict[str, float]] = defaultdict(dict)
    for y, m, origin, kg in rows:
        by_month[f"{int(y):04d}-{int(m):02d}"][origin] = _tonnes(kg)
    return ChartData(
        id="origin-months",
        title="Tonnage per origin and month",
        unit="t",
        rows=[
            ChartRow(
                label=label,
                segments=[
                    ChartSegment(key=o, value=t, queue={"declared_origin": o} | ALL)
                    for o, t in sorted(by_month[label].items())
                ],
                queue=ALL,
            )
            for label in sorted(by_month)[-MONTHS:]
        ],
        queue=ALL,
    )


def exporter_history(session: Session) -> ChartData:
    """Each exporter's latest quarter with shipments, against its quarterly mean over the four quarters before."""
    sums = session.execute(
        select(Facts.exporter, func.min(Facts.exporter_printed), Facts.quarter, func.sum(Facts.net_kg))
        .where(Facts.exporter.is_not(None), Facts.net_kg.is_not(None), Facts.quarter.is_not(None))
        .group_by(Facts.exporter, Facts.quarter)
    ).all()
    quarters: dict[str, dict[int, float]] = defaultdict(dict)
    printed: dict[str, str] = {}
    for exporter, name, quarter, kg in sums:
        printed[exporter] = name or exporter
        quarters[exporter][quarter] = kg or 0.0
    latest = {e: max(q) for e, q in quarters.items()}
    before = {e: sum(kg for q, kg in quarters[e].items() if latest[e] - 4 <= q < latest[e]) for e in quarters}
    ranked = sorted(quarters, key=lambda e: (-latest[e], -quarters[e][latest[e]], e))[:TOP_ROWS]
    rows = []
    for e in ranked:
        queue = {"exporter": printed[e]} | ALL
        label = f"{printed[e]} ({latest[e] // 4} Q{latest[e] % 4 + 1})"
        segment = ChartSegment(key="latest quarter", value=_tonnes(quarters[e][latest[e]]), queue=queue)
        rows.append(ChartRow(label=label, segments=[segment], marker=_tonnes(before[e] / 4), queue=queue))
    return ChartData(
        id="exporter-history",
        title="Each exporter's latest quarter against its own history",
        unit="t",
        marker_label="quarterly mean of the four quarters before",
        rows=rows,
        queue={"check": "supplier_volume_surge"} | ALL,
    )


def smelter_capacity(session: Session) -> ChartData:
    """Metal attributed to each named smelter over the four quarters ending with the latest held."""
    span = data_span(session)
    rows: list[ChartRow] = []
    if span is not None:
        reference = active_reference(session)
        sums = session.execute(
            select(Facts.smelter_id, func.sum(Facts.metal_kg))
            .where(Facts.smelter_id.is_not(None), Facts.metal_kg.is_not(None))
            .where(Facts.quarter.between(span.last - 3, span.last))
            .group_by(Facts.smelter_id)
        ).all()
        for smelter_id, kg in sorted(sums, key=lambda r: (-(r[1] or 0.0), r[0]))[:TOP_ROWS]:
            smelter = reference.smelter(smelter_id)
            queue = {"check": "smelter_capacity_exceeded", "shipment": f"portfolio:smelter:{smelter_id}"} | ALL
            rows.append(
                ChartRow(
                    label=f"{smelter.name if smelter else smelter_id} ({smelter_id})",
                    segments=[ChartSegment(key="twelve months", value=_tonnes(kg), queue=queue)],
                    marker=smelter.capacity_tpa if smelter else None,
                    queue=queue,
                )
            )
    return ChartData(
        id="smelter-capacity",
        title="Metal per named smelter over twelve months, against its capacity",
        unit="t",
        marker_label="capacity a year",
        rows=rows,
        queue={"check": "smelter_capacity_exceeded"} | ALL,
    )


def open_findings(session: Session, actor: Actor) -> ChartData:
    counts = Counter((i.check, i.severity) for i in list_queue(session, actor, QueueFilters()).items)
    checks = sorted({check for check, _ in counts})
    return ChartData(
        id="open-findings",
        title="Open findings by check and severity",
        unit="findings",
        rows=[
            ChartRow(
                label=check,
                segments=[
                    ChartSegment(
                        key=severity, value=counts[(check, severity)], queue={"check": check, "severity": severity}
                    )
                    for severity in sorted(SEVERITY_RANK, key=SEVERITY_RANK.__getitem__)
                    if counts[(check, severity)]
                ],
                queue={"check": check},
            )
            for check in checks
        ],
        queue={},
    )


def flag_rate(session: Session) -> ChartData:
    """Per declared origin and quarter, the share of shipments whose latest check raised a finding. Rows written
    without a check (the synthetic history) count as shipments never flagged."""
    span = data_span(session)
    rows: list[ChartRow] = []
    if span is not None:
        flagged = exists().where(Finding.shipment_run_id == Facts.shipment_run_id)
        counts = session.execute(
            select(Facts.origin, Facts.quarter, func.count(), func.sum(case((flagged, 1), else_=0)))
            .where(Facts.origin.is_not(None), Facts.quarter.between(span.last - QUARTERS + 1, span.last))
            .group_by(Facts.origin, Facts.quarter)
        ).all()
        totals: Counter[str] = Counter()
        for origin, _, shipments, _ in counts:
            totals[origin] += shipments
        origins = sorted(totals, key=lambda o: (-totals[o], o))[:FLAG_ORIGINS]
        shown = [r for r in counts if r[0] in origins]
        for origin, quarter, shipments, hits in sorted(shown, key=lambda r: (origins.index(r[0]), r[1])):
            queue = {"declared_origin": origin} | ALL
            rate = round(100.0 * (hits or 0) / shipments, 1)
            label = f"{origin} {quarter // 4} Q{quarter % 4 + 1} ({hits or 0}/{shipments})"
            rows.append(
                ChartRow(label=label, segments=[ChartSegment(key="flagged", value=rate, queue=queue)], queue=queue)
            )
    return ChartData(
        id="flag-rate",
        title="Share of shipments flagged, per origin and quarter",
        unit="%",
        rows=rows,
        queue=ALL,
    )


# In the page's order; the ids are the charts' addresses (/dashboard/charts/<id>.svg).
CHARTS: dict[str, Callable[[Session, Actor], ChartData]] = {
    "origin-months": lambda session, _: origin_months(session),
    "exporter-history": lambda session, _: exporter_history(session),
    "smelter-capacity": lambda session, _: smelter_capacity(session),
    "open-findings": open_findings,
    "flag-rate": lambda session, _: flag_rate(session),
}


def dashboard(session: Session, actor: Actor) -> Dashboard:
    actor.require(Permission.READ)
    return Dashboard(charts=[figures(session, actor) for figures in CHARTS.values()])


def chart(session: Session, actor: Actor, chart_id: str) -> ChartData | None:
    """One chart's figures, None for an id that names none."""
    actor.require(Permission.READ)
    figures = CHARTS.get(chart_id)
    return figures(session, actor) if figures else None
