"""The findings queue: each shipment's latest run, filtered and sorted, and the next finding after one."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from oretrace.core.folding import fold
from oretrace.extractors.normalize import parse_country
from oretrace.review.auth import Actor, Permission
from oretrace.review.models import (
    SEVERITY_RANK,
    UNASSIGNED,
    QueueFilters,
    QueueItem,
    QueueResult,
    QueueSort,
    Scope,
)
from oretrace.store import schema
from oretrace.store.portfolio_review import exporter_of, is_portfolio
from oretrace.store.review_carry_over import finding_fingerprint
from oretrace.store.review_tables import FindingStatus, User

# Fields naming the party that exported the goods, by preference.
EXPORTER_FIELDS = ("exporter_name", "seller_name")


def latest_run_ids() -> Any:
    return select(func.max(schema.ShipmentRun.id)).group_by(schema.ShipmentRun.shipment_id)


def user_names(session: Session, ids: set[int]) -> dict[int, str]:
    ids.discard(None)  # type: ignore[arg-type]
    if not ids:
        return {}
    return {user_id: name for user_id, name in session.execute(select(User.id, User.name).where(User.id.in_(ids)))}


def exporters_of_runs(session: Session, run_ids: list[int]) -> dict[int, str]:
    """The exporter named in each shipment run's documents (certificate of origin, else invoice seller)."""
    if not run_ids:
        return {}
    rows = session.execute(
        select(schema.ExtractionRun.shipment_run_id, schema.FieldValue.name, schema.FieldValue.value_json)
        .join(schema.FieldValue, schema.FieldValue.run_id == schema.ExtractionRun.id)
        .where(schema.ExtractionRun.shipment_run_id.in_(run_ids), schema.FieldValue.name.in_(EXPORTER_FIELDS))
    ).all()
    found: dict[int, dict[str, str]] = defaultdict(dict)
    for run_id, name, value in rows:
        if isinstance(value, str) and value:
            found[run_id].setdefault(name, value)
    return {run_id: next(names[f] for f in EXPORTER_FIELDS if f in names) for run_id, names in found.items() if names}


def _sort_key(sort: QueueSort) -> Any:
    keys = {
        QueueSort.SEVERITY: lambda i: (SEVERITY_RANK.get(i.severity, 9), i.shipment_id, i.finding_id),
        QueueSort.CHECK: lambda i: (i.check, SEVERITY_RANK.get(i.severity, 9), i.finding_id),
        QueueSort.SHIPMENT: lambda i: (i.shipment_id, SEVERITY_RANK.get(i.severity, 9), i.finding_id),
        QueueSort.EXPORTER: lambda i: ((i.exporter or "").casefold(), i.shipment_id, i.finding_id),
        QueueSort.ORIGIN: lambda i: (i.declared_origin or "", i.shipment_id, i.finding_id),
        QueueSort.AGE: lambda i: (-i.age_days, i.finding_id),
        QueueSort.ASSIGNEE: lambda i: (i.assignee or "", i.shipment_id, i.finding_id),
        QueueSort.STATUS: lambda i: (i.status.value, SEVERITY_RANK.get(i.severity, 9), i.finding_id),
    }
    return keys[sort]


def origin_code(text: str) -> str | None:
    """The ISO 3166 alpha-2 code a declared-origin filter means: a code ('bo') or a country's name in English
    or Spanish ('Bolivia', 'República Popular China'), read by the same normaliser as the documents."""
    parsed = parse_country(text)
    if parsed.value:
        return parsed.value
    stripped = text.strip()
    return stripped.upper() if len(stripped) == 2 and stripped.isalpha() else None


def _contains(wanted: str | None, text: str | None) -> bool:
    # Case, accents and punctuation aside: 'societe miniere' finds 'Société Minière S.A.'.
    return not wanted or fold(wanted) in fold(text or "")


def _passes(item: QueueItem, filters: QueueFilters, origin: str | None) -> bool:
    if filters.severity and item.severity not in filters.severity:
        return False
    if filters.check and item.check not in filters.check:
        return False
    if filters.scope and item.scope is not filters.scope:
        return False
    if not _contains(filters.shipment, item.shipment_id) or not _contains(filters.exporter, item.exporter):
        return False
    if filters.declared_origin and (item.declared_origin or "").upper() != origin:
        return False
    if filters.assignee:
        wanted = None if filters.assignee == UNASSIGNED else filters.assignee
        if item.assignee != wanted:
            return False
    if filters.min_age_days is not None and item.age_days < filters.min_age_days:
        return False
    return filters.max_age_days is None or item.age_days <= filters.max_age_days


def _first_seen(session: Session, shipment_ids: set[str]) -> dict[tuple[str, str], datetime]:
    """When each finding (shipment and fingerprint: check and evidence) first appeared in any run."""
    if not shipment_ids:
        return {}
    rows = session.execute(
        select(
            schema.Finding.shipment_id, schema.Finding.check_id, schema.Finding.evidence_json, schema.Finding.created_at
        )
        .where(schema.Finding.shipment_id.in_(shipment_ids))
        .execution_options(yield_per=500)
    )
    first: dict[tuple[str, str], datetime] = {}
    for shipment_id, check_id, evidence, created_at in rows:
        key = (shipment_id, finding_fingerprint(check_id, evidence))
        if key not in first or created_at < first[key]:
            first[key] = created_at
    return first


def list_queue(session: Session, actor: Actor, filters: QueueFilters, *, now: datetime | None = None) -> QueueResult:
    """The latest run's findings of every shipment, filtered and sorted, with counts per status.

    Filtering happens in Python over the current findings (one row per finding of each latest run), which
    keeps the exporter (a field of the shipment's documents) and age filters simple at review-queue scale.
    """
    actor.require(Permission.READ)
    now = now or datetime.now(UTC)
    rows = session.execute(
        select(schema.Finding, schema.ShipmentRun.declared_origin)
        .join(schema.ShipmentRun, schema.ShipmentRun.id == schema.Finding.shipment_run_id)
        .where(schema.Finding.shipment_run_id.in_(latest_run_ids()))
    ).all()
    names = user_names(session, {f.assignee_id for f, _ in rows})
    exporters = exporters_of_runs(session, sorted({f.shipment_run_id for f, _ in rows}))
    # Age counts from the finding's first appearance: a re-run does not make an old finding new.
    first_seen = _first_seen(session, {f.shipment_id for f, _ in rows})

    def since(f: schema.Finding) -> datetime:
        return first_seen.get((f.shipment_id, finding_fingerprint(f.check_id, f.evidence_json)), f.created_at)

    items = [
        QueueItem(
            finding_id=f.id,
            shipment_id=f.shipment_id,
            shipment_run_id=f.shipment_run_id,
            check=f.check_id,
            severity=f.severity,
            message=f.message,
            status=FindingStatus(f.status),
            version=f.version,
            assignee=names.get(f.assignee_id) if f.assignee_id else None,
            exporter=exporters.get(f.shipment_run_id) or exporter_of(f.shipment_id),
            declared_origin=origin,
            created_at=f.created_at,
            first_seen_at=since(f),
            age_days=round((now - since(f)).total_seconds() / 86400, 2),
            scope=Scope.PORTFOLIO if is_portfolio(f.shipment_id) else Scope.SHIPMENT,
        )
        for f, origin in rows
    ]
    origin = origin_code(filters.declared_origin) if filters.declared_origin else None
    matching = [i for i in items if _passes(i, filters, origin)]
    counts = {status.value: 0 for status in FindingStatus}
    for item in matching:
        counts[item.status.value] += 1
    wanted = set(filters.status)
    selected = [i for i in matching if not wanted or i.status in wanted]
    selected.sort(key=_sort_key(filters.sort), reverse=filters.descending)
    return QueueResult(items=selected, counts=counts, checks=sorted({i.check for i in items}), total=len(selected))


def next_finding_id(session: Session, actor: Actor, after: int, filters: QueueFilters) -> int | None:
    """The queue's next finding after `after` (the first one when `after` is not in the queue)."""
    items = list_queue(session, actor, filters).items
    ids = [i.finding_id for i in items]
    if not ids:
        return None
    if after in ids:
        position = ids.index(after)
        return ids[position + 1] if position + 1 < len(ids) else None
    return ids[0]
