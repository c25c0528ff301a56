"""What an inbox holds, taken once per run: one sub-folder per shipment, plus documents dropped loose in its root.

A run lists and hashes the inbox once (`InboxSnapshot.take`) and hands the snapshot to everything that needs
it: the digest that decides whether anything changed, the read-ahead, the progress bar and the flow.
"""

from __future__ import annotations

from pathlib import Path

from oretrace.core.models import Frozen
from oretrace.extractors.document import sha256_of

IGNORED_SUFFIXES = (".reason.txt", ".tmp", ".part", ".crdownload")


class ShipmentFolder(Frozen):
    shipment_id: str
    files: tuple[Path, ...]


class InboxSnapshot(Frozen):
    root: Path
    shipments: tuple[ShipmentFolder, ...]
    loose_files: tuple[Path, ...]
    # Content hash by path relative to the root; None for a file that could not be read when it was taken.
    sha256: dict[str, str | None]

    @classmethod
    def take(cls, inbox: Path) -> InboxSnapshot:
        """Shipment folders in name order, each with its files in name order, and every file hashed once.
        The inbox is only read."""
        root = inbox.resolve()
        shipments = tuple(
            ShipmentFolder(
                shipment_id=folder.name, files=tuple(sorted(p for p in folder.rglob("*") if is_candidate(p)))
            )
            for folder in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))
        )
        loose = tuple(sorted(p for p in root.iterdir() if is_candidate(p)))
        paths = [p for s in shipments for p in s.files] + list(loose)
        return cls(
            root=root,
            shipments=shipments,
            loose_files=loose,
            sha256={p.relative_to(root).as_posix(): _hash_or_none(p) for p in paths},
        )

    @property
    def paths(self) -> list[Path]:
        """Every file: the shipments' in order, then the loose ones."""
        return [p for s in self.shipments for p in s.files] + list(self.loose_files)

    def sha256_of(self, path: Path) -> str | None:
        return self.sha256.get(path.relative_to(self.root).as_posix())


def is_candidate(path: Path) -> bool:
    name = path.name
    return not name.startswith(".") and not name.endswith(IGNORED_SUFFIXES) and path.is_file()


def _hash_or_none(path: Path) -> str | None:
    try:
        return sha256_of(path)
    except OSError:
        return None  # extraction reports why the file cannot be read
