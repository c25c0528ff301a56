"""What an inbox holds, taken once per run: one sub-folder per shipment, plus files dropped loose in its root.

One scan serves `oretrace run` and `oretrace watch` (`scan_folders`): it lists the inbox with lstat, never
follows a link and opens no file. A link (to a file or a folder, inside the inbox or out of it), anything but
a regular file or folder, a name that cannot be recorded faithfully, and a file loose in the root (it belongs
to no shipment) are found here and refused with their reason, never read. Names are recorded in their display
form (`oretrace.core.names.display_name`); the path itself is kept to read the file, and `fs_path` finds a
file again from its recorded name.

A run lists and hashes the inbox once (`InboxSnapshot.take`) and hands the snapshot to everything that needs
it: the digest that decides whether anything changed, the read-ahead, the progress bar and the flow.
"""

from __future__ import annotations

import hashlib
import os
import stat
import unicodedata
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path

from pydantic import Field

from oretrace.core.config import Settings
from oretrace.core.models import Frozen, Rejection
from oretrace.core.names import display_name, is_decodable
from oretrace.extractors.document import sha256_of

IGNORED_SUFFIXES = (".reason.txt", ".tmp", ".part", ".crdownload")
# The folder key of files dropped loose in the inbox root (not in a shipment folder).
LOOSE_FILES = ""
# Why a loose file is refused, by `run` and `watch` alike: which shipment it belongs to is not guessed.
LOOSE_PROBLEM = "not in a shipment folder: put it in INBOX/<shipment>/"


def name_problem(relative: str) -> str | None:
    """Why a file name cannot be processed as is, or None. Spaces and non-ASCII letters are fine."""
    if not is_decodable(relative):
        return "the file name is not valid UTF-8 text, so it cannot be recorded faithfully; rename the file"
    if any(unicodedata.category(ch) == "Cc" for ch in relative):
        return (
            "the file name contains a line break or another control character, which would corrupt logs, "
            "exports and reports; rename the file"
        )
    return None


class InboxFile(Frozen):
    """A file found in the inbox, as the scan saw it (nothing read yet)."""

    # Where it is: may hold undecodable bytes (as Python's surrogates); never stored or shown as is.
    path: Path
    # Relative to the inbox root, "/"-separated, in display form: what the store records and users see.
    relative: str
    # The shipment folder's display name; LOOSE_FILES for a file in the root.
    shipment_id: str
    size: int
    mtime_ns: int
    # Set when the file must be refused without being opened (a link, a name that cannot be recorded...).
    problem: str | None = None
    is_symlink: bool = False


class InboxFolder(Frozen):
    """One shipment folder (or the root's loose files, under LOOSE_FILES) with its files in name order."""

    shipment_id: str
    files: tuple[InboxFile, ...]


def _is_ignored(name: str) -> bool:
    # Hidden files and partial downloads are still being written by someone else (or are not documents).
    return name.startswith(".") or name.endswith(IGNORED_SUFFIXES)


def link_problem(path: Path, inbox: Path) -> str:
    target = os.readlink(path)
    resolved = (path.parent / target).resolve()
    where = "outside the inbox" if not resolved.is_relative_to(inbox) else "inside the inbox"
    shown = display_name(target)
    return f"a symbolic link pointing {where} ({shown}); links are never followed, only real files are read"


def _file(inbox: Path, path: Path, shipment_id: str, info: os.stat_result, folder_problem: str | None) -> InboxFile:
    raw_relative = path.relative_to(inbox).as_posix()
    problem = name_problem(raw_relative)
    is_link = stat.S_ISLNK(info.st_mode)
    if is_link:
        problem = link_problem(path, inbox)
    elif not stat.S_ISREG(info.st_mode):
        problem = "not a regular file (a device, pipe or socket)"
    return InboxFile(
        path=path,
        relative=display_name(raw_relative),
        shipment_id=shipment_id,
        size=info.st_size,
        mtime_ns=info.st_mtime_ns,
        problem=problem or folder_problem,
        is_symlink=is_link,
    )


def _listed(entries: Iterable[os.DirEntry[str]]) -> Iterator[tuple[os.DirEntry[str], Path, os.stat_result]]:
    """The entries not ignored, each with its own lstat (a link is never followed); one removed meanwhile is
    skipped."""
    for entry in entries:
        if _is_ignored(entry.name):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except FileNotFoundError:
            continue
        yield entry, Path(entry.path), info


def _walk(inbox: Path, folder: Path, shipment_id: str, folder_problem: str | None) -> list[InboxFile]:
    found: list[InboxFile] = []
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return found  # the folder was removed while scanning
    for _entry, path, info in _listed(entries):
        if stat.S_ISDIR(info.st_mode):
            found.extend(_walk(inbox, path, shipment_id, folder_problem))
        else:
            found.append(_file(inbox, path, shipment_id, info, folder_problem))
    return found


def scan_folders(inbox: Path) -> list[InboxFolder]:
    """Every shipment folder with its files (name order), then the root's loose files under LOOSE_FILES, every
    one refused (LOOSE_PROBLEM, unless it is a link or its name cannot be recorded).

    A link in the root, also one to a folder, is a loose file refused as a link: its target is never listed.
    Every file of a folder whose name cannot be recorded is refused with that reason.
    """
    inbox = inbox.resolve()
    loose: list[InboxFile] = []
    folders: list[InboxFolder] = []
    for entry, path, info in _listed(sorted(os.scandir(inbox), key=lambda e: e.name)):
        if stat.S_ISDIR(info.st_mode):
            problem = name_problem(entry.name)
            files = sorted(_walk(inbox, path, display_name(entry.name), problem), key=lambda f: f.relative)
            folders.append(InboxFolder(shipment_id=display_name(entry.name), files=tuple(files)))
        else:
            file = _file(inbox, path, LOOSE_FILES, info, None)
            loose.append(file.model_copy(update={"problem": file.problem or LOOSE_PROBLEM}))
    if loose:
        folders.append(InboxFolder(shipment_id=LOOSE_FILES, files=tuple(loose)))
    return folders


def fs_path(inbox: Path, relative: str) -> Path:
    """The file recorded as `relative` (display form): the same path when its name is UTF-8, else the entry of
    each folder along the way whose display name matches."""
    direct = inbox / relative
    if direct.exists() or direct.is_symlink() or "\\x" not in relative:
        return direct
    current = inbox
    for part in relative.split("/"):
        candidate = current / part
        if not (candidate.exists() or candidate.is_symlink()):
            try:
                names = sorted(os.listdir(current))
            except OSError:
                names = []
            candidate = next((current / name for name in names if display_name(name) == part), candidate)
        current = candidate
    return current


def refusal(file: InboxFile) -> Rejection:
    """The record of a file the scan refused."""
    assert file.problem is not None
    return Rejection(source_path=file.relative, shipment_id=file.shipment_id or None, reason=file.problem)


def link_digest(path: Path) -> str:
    """A link's identity: its target text, not what it points at (which is never read)."""
    return hashlib.sha256(b"symlink\0" + os.fsencode(os.readlink(path))).hexdigest()


class ShipmentFolder(Frozen):
    shipment_id: str
    files: tuple[Path, ...]
    # Files refused by the scan (links, names that cannot be recorded): never opened.
    refused: tuple[Rejection, ...] = ()


class InboxSnapshot(Frozen):
    root: Path
    # Shipment folders holding at least one file (an empty folder is nothing to process, as for `watch`).
    shipments: tuple[ShipmentFolder, ...]
    # Content hash by path relative to the root; None for a file that could not be read when it was taken.
    sha256: dict[str, str | None]
    # Files loose in the root: refused, never read (LOOSE_PROBLEM).
    loose_refused: tuple[Rejection, ...] = ()
    # Identity of every refused file, by its recorded path: a link's target text, else its size and time.
    refused_keys: dict[str, str] = Field(default_factory=dict)

    @classmethod
    def take(cls, inbox: Path) -> InboxSnapshot:
        """Shipment folders in name order, each with its files in name order, and every file hashed once.
        The inbox is only read; links are refused, never followed (`scan_folders`)."""
        root = inbox.resolve()
        shipments: list[ShipmentFolder] = []
        loose_refused: tuple[Rejection, ...] = ()
        keys: dict[str, str] = {}
        for folder in scan_folders(root):
            readable = tuple(f.path for f in folder.files if f.problem is None)
            refused = tuple(refusal(f) for f in folder.files if f.problem is not None)
            keys |= {f.relative: _refused_key(f) for f in folder.files if f.problem is not None}
            if folder.shipment_id == LOOSE_FILES:
                loose_refused = refused
            elif folder.files:
                shipments.append(ShipmentFolder(shipment_id=folder.shipment_id, files=readable, refused=refused))
        return cls(
            root=root,
            shipments=tuple(shipments),
            sha256={p.relative_to(root).as_posix(): _hash_or_none(p) for s in shipments for p in s.files},
            loose_refused=loose_refused,
            refused_keys=keys,
        )

    @property
    def paths(self) -> list[Path]:
        """Every file to read, the shipments' in order (refused files are not among them)."""
        return [p for s in self.shipments for p in s.files]

    @property
    def refused(self) -> list[Rejection]:
        return [r for s in self.shipments for r in s.refused] + list(self.loose_refused)

    def sha256_of(self, path: Path) -> str | None:
        return self.sha256.get(path.relative_to(self.root).as_posix())


def _refused_key(file: InboxFile) -> str:
    if file.is_symlink:
        try:
            return link_digest(file.path)
        except OSError:
            return "gone"
    return f"{file.size}:{file.mtime_ns}"


def _hash_or_none(path: Path) -> str | None:
    try:
        return sha256_of(path)
    except OSError:
        return None  # extraction reports why the file cannot be read


def save_snapshot(snapshot: InboxSnapshot, settings: Settings) -> Path:
    """The snapshot as a JSON file in the data directory, for a flow that reads it by path (`process_inbox`):
    the caller removes it once the flow is done."""
    folder = settings.home / "runs"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"inbox-snapshot-{uuid.uuid4().hex}.json"
    path.write_text(snapshot.model_dump_json(), encoding="utf-8")
    return path
