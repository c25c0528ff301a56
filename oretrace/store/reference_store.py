"""Reference data in the store: every loaded version kept whole, every load recorded, the latest one in force.

Keeping the data itself (not a path to CSVs) in the database means every worker that reaches the store checks
against the same version, and an auditor can reload exactly the reference a past run used.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import ForeignKey, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from oretrace.core.models import Frozen
from oretrace.reference import ReferenceData, default_reference
from oretrace.store.audit import append_entry
from oretrace.store.schema import Base, _created_at


class LoadMode(StrEnum):
    REPLACE = "replace"
    UPDATE = "update"


class ReferenceVersion(Base):
    """One distinct reference data set, keyed by the sha256 of its canonical content."""

    __tablename__ = "reference_versions"

    version: Mapped[str] = mapped_column(String(64), primary_key=True)
    # The whole ReferenceData, so the version can be used again exactly as it was loaded.
    content_json: Mapped[dict[str, Any]]
    smelters: Mapped[int]
    assay_profiles: Mapped[int]
    production_records: Mapped[int]
    hs_codes: Mapped[int]
    created_at: Mapped[datetime] = _created_at()


class ReferenceLoad(Base):
    """One `oretrace reference load`; the latest load's version is the one in force."""

    __tablename__ = "reference_loads"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[str] = mapped_column(ForeignKey("reference_versions.version"), index=True)
    mode: Mapped[str]
    source: Mapped[str]
    actor: Mapped[str]
    loaded_at: Mapped[datetime] = _created_at()


class LoadSummary(Frozen):
    version: str
    previous_version: str
    new_version: bool
    smelters: int
    assay_profiles: int
    production_records: int
    hs_codes: int


def active_version(session: Session) -> str | None:
    """The version of the latest load, or None when nothing was ever loaded (the bundled data is in force)."""
    return session.execute(
        select(ReferenceLoad.version).order_by(ReferenceLoad.id.desc()).limit(1)
    ).scalar_one_or_none()


def active_reference(session: Session) -> ReferenceData:
    """The reference data in force: the latest load's, else the data bundled with oretrace."""
    version = active_version(session)
    if version is None:
        return default_reference()
    return reference_version(session, version)


def reference_version(session: Session, version: str) -> ReferenceData:
    # Versions are content hashes: a version parsed once never needs parsing again in this process.
    parsed = _PARSED.get(version)
    if parsed is None:
        content = session.get_one(ReferenceVersion, version).content_json
        parsed = _PARSED[version] = ReferenceData.model_validate(content)
    return parsed


_PARSED: dict[str, ReferenceData] = {}


def save_reference(
    session: Session, reference: ReferenceData, *, mode: LoadMode, source: str, actor: str
) -> LoadSummary:
    """Record a load of `reference` (its version is stored once however often it is loaded) and put it in force."""
    previous = active_version(session) or default_reference().version
    new_version = session.get(ReferenceVersion, reference.version) is None
    if new_version:
        session.add(
            ReferenceVersion(
                version=reference.version,
                content_json=reference.model_dump(mode="json"),
                smelters=len(reference.smelters),
                assay_profiles=len(reference.assay_profiles),
                production_records=len(reference.production),
                hs_codes=len(reference.hs_codes),
            )
        )
        session.flush()
    load = ReferenceLoad(version=reference.version, mode=mode.value, source=source, actor=actor)
    session.add(load)
    session.flush()
    summary = LoadSummary(
        version=reference.version,
        previous_version=previous,
        new_version=new_version,
        smelters=len(reference.smelters),
        assay_profiles=len(reference.assay_profiles),
        production_records=len(reference.production),
        hs_codes=len(reference.hs_codes),
    )
    append_entry(
        session,
        actor=actor,
        action="reference.load",
        subject=f"reference:{reference.version}",
        details={"mode": mode.value, "source": source} | summary.model_dump(exclude={"version"}),
        rows=[("reference_loads", load.id), ("reference_versions", reference.version)],
    )
    return summary


def load_history(session: Session) -> list[ReferenceLoad]:
    """Every load, newest first."""
    return list(session.scalars(select(ReferenceLoad).order_by(ReferenceLoad.id.desc())))


def reference_in_force(database_url: str) -> ReferenceData:
    """`active_reference` for callers without a session (flows, workers)."""
    from oretrace.store.db import url_session

    with url_session(database_url) as session:
        return active_reference(session)
