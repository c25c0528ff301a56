"""What the watch service is doing, read from the store (and the inbox, when given): `oretrace status`."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from pydantic import BaseModel
from sqlalchemy import Engine, func, or_, select

from oretrace.store.claims import FileState, WatchFile, WatchHeartbeat, WatchShipment
from oretrace.store.db import session_scope
from oretrace.store.schema import ShipmentRun
from oretrace.watch.discover import scan_inbox


class Heartbeat(BaseModel):
    worker_id: str
    inbox: str
    state: str
    current_shipment: str | None
    seconds_ago: float


class ErrorLine(BaseModel):
    at: datetime | None
    where: str
    message: str


class WatchStatus(BaseModel):
    # Files in the inbox not yet recorded (still settling, or the service is not running), by shipment.
    waiting_in_inbox: dict[str, int]
    registered_waiting: int
    running: list[str]
    counts: dict[str, int]
    not_yet_moved: int
    # Shipments the service has checked, and how many of them their latest check flagged.
    shipments: int
    flagged: int
    last_errors: list[ErrorLine]
    heartbeats: list[Heartbeat]


def gather_status(engine: Engine, inbox: Path | None = None, errors: int = 5) -> WatchStatus:
    now = datetime.now(UTC)
    with session_scope(engine) as session:
        counts = dict(session.execute(select(WatchFile.state, func.count()).group_by(WatchFile.state)).all())
        not_moved = session.execute(
            select(func.count())
            .select_from(WatchFile)
            .where(WatchFile.archived_at.is_(None), WatchFile.destination.is_not(None))
        ).scalar_one()
        running = list(
            session.execute(
                select(WatchShipment.shipment_id).where(
                    WatchShipment.claimed_by.is_not(None), WatchShipment.lease_expires_at > now
                )
            ).scalars()
        )
        shipment_errors = [
            ErrorLine(at=at, where=f"shipment {sid}", message=msg)
            for sid, msg, at in session.execute(
                select(WatchShipment.shipment_id, WatchShipment.last_error, WatchShipment.last_error_at)
                .where(WatchShipment.last_error.is_not(None))
                .order_by(WatchShipment.last_error_at.desc())
                .limit(errors)
            ).all()
        ]
        file_errors = [
            ErrorLine(at=at, where=path, message=msg)
            for path, msg, at in session.execute(
                select(WatchFile.source_path, WatchFile.last_error, WatchFile.updated_at)
                .where(WatchFile.last_error.is_not(None))
                .order_by(WatchFile.updated_at.desc())
                .limit(errors)
            ).all()
        ]
        heartbeats = [
            Heartbeat(
                worker_id=row.worker_id,
                inbox=row.inbox_root,
                state=row.state,
                current_shipment=row.current_shipment,
                seconds_ago=(now - row.beat_at).total_seconds(),
            )
            for row in session.execute(select(WatchHeartbeat).order_by(WatchHeartbeat.beat_at.desc())).scalars()
        ]
        # The latest check of every shipment the service has taken.
        latest = (
            select(func.max(ShipmentRun.id))
            .where(ShipmentRun.shipment_id.in_(select(WatchShipment.shipment_id)))
            .group_by(ShipmentRun.shipment_id)
        )
        verdicts = list(session.execute(select(ShipmentRun.verdict).where(ShipmentRun.id.in_(latest))).scalars())
        waiting: dict[str, int] = {}
        if inbox is not None and inbox.is_dir():
            # Files whose recorded bytes already left the inbox and are there again are waiting too (dropped again).
            still_in_inbox = or_(
                WatchFile.archived_at.is_(None), WatchFile.left_in_place, WatchFile.destination.is_(None)
            )
            known = {
                (path, size)
                for path, size in session.execute(
                    select(WatchFile.source_path, WatchFile.size).where(
                        still_in_inbox, WatchFile.state != FileState.VANISHED
                    )
                ).all()
            }
            for snapshot in scan_inbox(inbox):
                fresh = [f for f in snapshot.files if (f.relative, f.size) not in known]
                if fresh:
                    waiting[snapshot.shipment_id or "(inbox root)"] = len(fresh)
    last_errors = sorted(
        shipment_errors + file_errors, key=lambda e: e.at or datetime.min.replace(tzinfo=UTC), reverse=True
    )[:errors]
    return WatchStatus(
        waiting_in_inbox=waiting,
        registered_waiting=counts.get(FileState.WAITING, 0),
        running=running,
        counts={state.value: counts.get(state, 0) for state in FileState},
        not_yet_moved=not_moved,
        shipments=len(verdicts),
        flagged=verdicts.count("flagged"),
        last_errors=last_errors,
        heartbeats=heartbeats,
    )


def format_status(status: WatchStatus) -> str:
    lines = []
    waiting_files = sum(status.waiting_in_inbox.values())
    lines.append(
        f"waiting:     {waiting_files} new files in {len(status.waiting_in_inbox)} shipment folders, "
        f"{status.registered_waiting} registered and not yet recorded"
    )
    for shipment, count in sorted(status.waiting_in_inbox.items()):
        lines.append(f"             {shipment}: {count}")
    lines.append(f"running:     {', '.join(status.running) or 'nothing'}")
    counts = status.counts
    lines.append(f"shipments:   {status.flagged} of {status.shipments} shipments flagged (latest check of each)")
    lines.append(f"done:        {counts['done']} documents recorded, {counts['duplicate']} duplicates archived")
    lines.append(f"quarantined: {counts['quarantined']} files; {counts['vanished']} removed before they were read")
    if status.not_yet_moved:
        lines.append(f"not moved:   {status.not_yet_moved} recorded files still in the inbox (retried each pass)")
    lines.append("last errors:" + ("" if status.last_errors else " none"))
    for error in status.last_errors:
        when = error.at.strftime("%Y-%m-%d %H:%M:%S") if error.at else "?"
        lines.append(f"  {when}  {error.where}: {error.message}")
    lines.append("heartbeat:" + ("" if status.heartbeats else " no watcher has run on this store"))
    for hb in status.heartbeats:
        current = f", on {hb.current_shipment}" if hb.current_shipment else ""
        lines.append(f"  {hb.worker_id} ({hb.state}{current}) last beat {hb.seconds_ago:.0f} s ago, inbox {hb.inbox}")
    return "\n".join(lines)
