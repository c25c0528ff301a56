"""Finding shipment folders and their files in the inbox without following links or opening files."""

from __future__ import annotations

import os
import stat
import unicodedata
from pathlib import Path

from oretrace.pipeline.inbox import IGNORED_SUFFIXES
from oretrace.watch.models import LOOSE_FILES, SeenFile, ShipmentSnapshot


def name_problem(relative: str) -> str | None:
    """Why a file name cannot be processed as is, or None. Spaces and non-ASCII letters are fine."""
    try:
        relative.encode("utf-8")
    except UnicodeEncodeError:
        return "the file name is not valid UTF-8 text, so it cannot be recorded faithfully; rename the file"
    if any(unicodedata.category(ch) == "Cc" for ch in relative):
        return (
            "the file name contains a line break or another control character, which would corrupt logs, "
            "exports and reports; rename the file"
        )
    return None


def _is_ignored(name: str) -> bool:
    # Hidden files and partial downloads are still being written by someone else (or are not documents).
    return name.startswith(".") or name.endswith(IGNORED_SUFFIXES)


def _seen(inbox: Path, path: Path, shipment_id: str, info: os.stat_result) -> SeenFile:
    relative = path.relative_to(inbox).as_posix()
    problem = name_problem(relative)
    is_link = stat.S_ISLNK(info.st_mode)
    if is_link:
        target = os.readlink(path)
        resolved = (path.parent / target).resolve()
        where = "outside the inbox" if not resolved.is_relative_to(inbox) else "inside the inbox"
        problem = f"a symbolic link pointing {where} ({target}); links are never followed, only real files are read"
    elif not stat.S_ISREG(info.st_mode):
        problem = "not a regular file (a device, pipe or socket)"
    elif shipment_id == LOOSE_FILES and problem is None:
        problem = "the file lies in the inbox root; documents must be inside a shipment folder"
    return SeenFile(
        path=path,
        relative=relative,
        shipment_id=shipment_id,
        size=info.st_size,
        mtime_ns=info.st_mtime_ns,
        problem=problem,
        is_symlink=is_link,
    )


def _walk(inbox: Path, folder: Path, shipment_id: str) -> list[SeenFile]:
    found: list[SeenFile] = []
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return found  # the folder was removed while scanning
    for entry in entries:
        if _is_ignored(entry.name):
            continue
        path = Path(entry.path)
        try:
            info = entry.stat(follow_symlinks=False)
        except FileNotFoundError:
            continue
        if stat.S_ISDIR(info.st_mode):
            found.extend(_walk(inbox, path, shipment_id))
        else:
            found.append(_seen(inbox, path, shipment_id, info))
    return found


def scan_inbox(inbox: Path) -> list[ShipmentSnapshot]:
    """Every shipment folder with its files (name order), plus loose root files under LOOSE_FILES."""
    inbox = inbox.resolve()
    loose: list[SeenFile] = []
    shipments: list[ShipmentSnapshot] = []
    for entry in sorted(os.scandir(inbox), key=lambda e: e.name):
        if _is_ignored(entry.name):
            continue
        path = Path(entry.path)
        try:
            info = entry.stat(follow_symlinks=False)
        except FileNotFoundError:
            continue
        if stat.S_ISDIR(info.st_mode):
            problem = name_problem(entry.name)
            files = sorted(_walk(inbox, path, entry.name), key=lambda f: f.relative)
            if problem:
                files = [f.model_copy(update={"problem": f.problem or problem}) for f in files]
            shipments.append(ShipmentSnapshot(shipment_id=entry.name, files=tuple(files)))
        else:
            loose.append(_seen(inbox, path, LOOSE_FILES, info))
    if loose:
        shipments.append(ShipmentSnapshot(shipment_id=LOOSE_FILES, files=tuple(loose)))
    return shipments
