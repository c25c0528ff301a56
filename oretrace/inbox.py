"""What an inbox holds: one sub-folder per shipment, plus documents dropped loose in its root."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

IGNORED_SUFFIXES = (".reason.txt", ".tmp", ".part", ".crdownload")


@dataclass(frozen=True)
class ShipmentFolder:
    shipment_id: str
    files: tuple[Path, ...]


def is_candidate(path: Path) -> bool:
    name = path.name
    return not name.startswith(".") and not name.endswith(IGNORED_SUFFIXES) and path.is_file()


def list_shipments(inbox: Path) -> list[ShipmentFolder]:
    """Shipment folders in name order, each with its files in name order; the inbox is only read."""
    shipments = []
    for folder in sorted(p for p in inbox.iterdir() if p.is_dir() and not p.name.startswith(".")):
        files = tuple(sorted(p for p in folder.rglob("*") if is_candidate(p)))
        shipments.append(ShipmentFolder(folder.name, files))
    return shipments


def list_loose_files(inbox: Path) -> list[Path]:
    return sorted(p for p in inbox.iterdir() if is_candidate(p))
