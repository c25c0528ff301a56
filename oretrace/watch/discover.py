"""Finding shipment folders and their files in the inbox without following links or opening files.

The scan is the one `oretrace run` uses too (`oretrace.pipeline.inbox.scan_folders`); the watch service adds
one rule of its own: a file loose in the inbox root is quarantined, since it belongs to no shipment folder.
"""

from __future__ import annotations

from pathlib import Path

from oretrace.pipeline.inbox import LOOSE_FILES, name_problem, scan_folders
from oretrace.watch.models import ShipmentSnapshot

__all__ = ["name_problem", "scan_inbox"]

ROOT_PROBLEM = "the file lies in the inbox root; documents must be inside a shipment folder"


def scan_inbox(inbox: Path) -> list[ShipmentSnapshot]:
    """Every shipment folder with its files (name order), plus loose root files under LOOSE_FILES."""
    snapshots = []
    for folder in scan_folders(inbox):
        files = folder.files
        if folder.shipment_id == LOOSE_FILES:
            files = tuple(f.model_copy(update={"problem": f.problem or ROOT_PROBLEM}) for f in files)
        snapshots.append(ShipmentSnapshot(shipment_id=folder.shipment_id, files=files))
    return snapshots
