"""Finding shipment folders and their files in the inbox without following links or opening files.

The scan is the one `oretrace run` uses too (`oretrace.pipeline.inbox.scan_folders`), which also refuses a
file loose in the inbox root (LOOSE_PROBLEM): the watch service quarantines it, `run` lists it.
"""

from __future__ import annotations

from pathlib import Path

from oretrace.pipeline.inbox import name_problem, scan_folders
from oretrace.watch.models import ShipmentSnapshot

__all__ = ["name_problem", "scan_inbox"]


def scan_inbox(inbox: Path) -> list[ShipmentSnapshot]:
    """Every shipment folder with its files (name order), plus loose root files under LOOSE_FILES."""
    return [ShipmentSnapshot(shipment_id=f.shipment_id, files=f.files) for f in scan_folders(inbox)]
