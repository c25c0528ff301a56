"""Completed `oretrace run`s of an inbox, each with the digest of everything its results depend on.

A run whose digest matches the latest completed run of the same inbox, and whose shipments have not been
checked since by anything else, has nothing to do: the store already holds exactly what it would write.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import String, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from oretrace.core.models import Frozen
from oretrace.store.schema import Base, ShipmentRun, _created_at


class InboxRun(Base):
    __tablename__ = "inbox_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    inbox_path: Mapped[str] = mapped_column(index=True)
    input_digest: Mapped[str] = mapped_column(String(64))
    # {shipment_id: shipment_run id} of the checks this run stored.
    shipment_runs: Mapped[dict[str, Any]]
    finished_at: Mapped[datetime] = _created_at()


class UpToDate(Frozen):
    finished_at: datetime
    shipments: int
    flagged: int


def record_inbox_run(session: Session, inbox_path: str, input_digest: str, shipment_runs: dict[str, int]) -> None:
    session.add(InboxRun(inbox_path=inbox_path, input_digest=input_digest, shipment_runs=shipment_runs))


def up_to_date(session: Session, inbox_path: str, input_digest: str) -> UpToDate | None:
    """The latest completed run of this inbox when it had this digest and its shipment checks are still each
    shipment's latest; None when the inbox needs processing."""
    latest = session.scalars(
        select(InboxRun).where(InboxRun.inbox_path == inbox_path).order_by(InboxRun.id.desc()).limit(1)
    ).first()
    if latest is None or latest.input_digest != input_digest:
        return None
    recorded: dict[str, int] = latest.shipment_runs
    newest = dict(
        session.execute(
            select(ShipmentRun.shipment_id, func.max(ShipmentRun.id))
            .where(ShipmentRun.shipment_id.in_(recorded))
            .group_by(ShipmentRun.shipment_id)
        ).all()
    )
    if newest != recorded:
        return None  # a shipment was checked since (another inbox, the watch service) or deleted
    flagged = session.scalar(
        select(func.count()).where(ShipmentRun.id.in_(recorded.values()), ShipmentRun.verdict == "flagged")
    )
    return UpToDate(finished_at=latest.finished_at, shipments=len(recorded), flagged=flagged or 0)
