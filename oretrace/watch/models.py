"""Typed records passed between the watch service's steps."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from oretrace.core.config import Settings
from oretrace.pipeline.inbox import LOOSE_FILES, InboxFile

__all__ = ["LOOSE_FILES", "SeenFile"]

# SeenFile: a file found in the inbox, as the scan saw it (nothing read yet); the scan is run's as well.
SeenFile = InboxFile


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class ShipmentSnapshot(Frozen):
    """One shipment folder at one scan."""

    shipment_id: str
    files: tuple[SeenFile, ...]

    @property
    def signature(self) -> tuple[tuple[str, int, int], ...]:
        return tuple((f.relative, f.size, f.mtime_ns) for f in self.files)


class WatchPlaces(Frozen):
    """Where the service reads and where it puts what it read; plus the settings of the pipeline."""

    inbox: Path
    archive: Path
    quarantine: Path
    settings: Settings
    worker_id: str
    lease_seconds: float = 120.0

    @classmethod
    def of(
        cls,
        settings: Settings,
        inbox: Path,
        worker_id: str,
        archive: Path | None = None,
        quarantine: Path | None = None,
        lease_seconds: float | None = None,
    ) -> WatchPlaces:
        """The places for `inbox`; archive and quarantine default to folders of the data directory."""
        home = settings.home.resolve()
        return cls(
            inbox=inbox.resolve(),
            archive=(archive or home / "archive").resolve(),
            quarantine=(quarantine or home / "quarantine").resolve(),
            settings=settings,
            worker_id=worker_id,
            lease_seconds=lease_seconds or settings.watch_lease_seconds,
        )

    @property
    def database_url(self) -> str:
        return self.settings.resolved_database_url


class Claim(Frozen):
    """This watcher's claim on one shipment; the token fences the commit."""

    shipment_id: str
    worker_id: str
    token: str
    expires_at: datetime


class FileTicket(Frozen):
    """A registered file version this batch has to deal with."""

    row_id: int
    path: Path
    relative: str
    shipment_id: str
    sha256: str
    size: int
    version: int
    state: str
    problem: str | None = None
    is_symlink: bool = False


class MoveOutcome(Frozen):
    row_id: int
    relative: str
    destination: str | None
    moved: bool
    note: str | None = None


class BatchReport(Frozen):
    """What one pass over one claimed shipment did."""

    shipment_id: str
    processed: int = 0
    quarantined: int = 0
    duplicates: int = 0
    vanished: int = 0
    moved: int = 0
    verdict: str | None = None
    findings: int = 0
    # Portfolio findings in the windows the shipment falls in, checked after its commit.
    portfolio_findings: int = 0
    errors: tuple[str, ...] = ()
