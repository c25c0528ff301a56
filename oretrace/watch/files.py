"""Moving a file's bytes out of the inbox without ever losing them: to the archive or to quarantine.

A rename when source and destination share a file system (atomic); otherwise a copy that is flushed to
disk and verified by sha256 before the source is removed. A link is moved as a link, never followed.
"""

from __future__ import annotations

import errno
import itertools
import os
import shutil
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from oretrace.extractors.document import sha256_of
from oretrace.pipeline.inbox import link_digest

__all__ = ["link_digest"]

PARTIAL_MARK = ".partial-"


class MoveError(Exception):
    """The bytes could not be moved; the source is untouched. `str(err)` says why in plain words."""


class SourceGone(MoveError):
    """Neither the inbox nor the destination holds the bytes: someone removed the file after it was read."""


class SourceChanged(MoveError):
    """The file in the inbox now has other content: those bytes are a new version, not this one's to move."""


@dataclass(frozen=True)
class MoveResult:
    destination: Path
    # False when the source could not be removed (a read-only inbox): the bytes are in both places.
    source_removed: bool
    note: str | None = None


def content_digest(path: Path) -> str:
    return link_digest(path) if path.is_symlink() else sha256_of(path)


def safe_name(name: str) -> str:
    """A file name fit for the archive: control characters and undecodable bytes replaced by '_'."""
    cleaned = "".join("_" if unicodedata.category(ch) in ("Cc", "Cs") else ch for ch in name)
    return cleaned.strip() or "unnamed"


def dated_folder(root: Path, when: datetime | None = None) -> Path:
    return root / (when or datetime.now(UTC)).strftime("%Y-%m-%d")


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def free_destination(folder: Path, name: str, sha256: str) -> Path:
    """`folder/name`, or `stem.<sha8>suffix` when that name is taken, then `stem.<sha8>-2suffix`, -3, ...:
    a name nothing holds yet, so a file dropped again is kept beside its earlier copy, never over it."""
    stem, dot, suffix = name.rpartition(".")
    base, ext = (stem, f".{suffix}") if dot and stem else (name, "")
    tagged = f"{base}.{sha256[:8]}"
    names = itertools.chain([name, f"{tagged}{ext}"], (f"{tagged}-{n}{ext}" for n in itertools.count(2)))
    return next(folder / n for n in names if not ((folder / n).exists() or (folder / n).is_symlink()))


def _holds(path: Path, sha256: str) -> bool:
    try:
        return (path.exists() or path.is_symlink()) and content_digest(path) == sha256
    except OSError:
        return False


def _remove_source(source: Path) -> str | None:
    try:
        source.unlink()
    except FileNotFoundError:
        return None
    except OSError as err:
        if err.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return f"the inbox is read-only ({err.strerror}): the file was copied and left in place"
        raise MoveError(f"the source could not be removed after copying ({err.strerror})") from err
    _fsync_dir(source.parent)
    return None


def _copy_verified(source: Path, destination: Path, sha256: str) -> None:
    partial = destination.with_name(f".{destination.name}{PARTIAL_MARK}{uuid.uuid4().hex[:8]}")
    try:
        if source.is_symlink():
            os.symlink(os.readlink(source), partial)
        else:
            with source.open("rb") as src, partial.open("xb") as dst:
                shutil.copyfileobj(src, dst, 1 << 20)
                dst.flush()
                os.fsync(dst.fileno())
            if sha256_of(partial) != sha256:
                raise MoveError("the copy does not match the original (sha256 differs); the original is kept")
        os.rename(partial, destination)
        _fsync_dir(destination.parent)
    except OSError as err:
        reason = "the disk is full" if err.errno == errno.ENOSPC else err.strerror or str(err)
        raise MoveError(
            f"the file could not be copied to {destination.parent} ({reason}); it stays where it is"
        ) from err
    finally:
        if partial.exists() or partial.is_symlink():
            partial.unlink()


def move_verified(source: Path, destination: Path, sha256: str) -> MoveResult:
    """Move source (whose content is sha256) to destination; idempotent after a crash at any point.

    If destination already holds these bytes (an earlier attempt finished the copy or rename), only the
    source is removed. If the source is gone and the destination holds the bytes, nothing is left to do.
    """
    destination.parent.mkdir(parents=True, exist_ok=True)
    source_present = source.exists() or source.is_symlink()
    if _holds(destination, sha256):
        if source_present and _holds(source, sha256):
            note = _remove_source(source)
            return MoveResult(destination, note is None, note)
        return MoveResult(destination, True)
    if not source_present:
        raise SourceGone("the file was removed from the inbox after it was read, before it could be moved")
    if not _holds(source, sha256):
        raise SourceChanged("the file was changed in the inbox after it was read; the new content is a new version")
    if destination.exists() or destination.is_symlink():
        raise MoveError(f"{destination} already holds a different file")
    try:
        os.rename(source, destination)
        _fsync_dir(destination.parent)
        _fsync_dir(source.parent)
        return MoveResult(destination, True)
    except OSError as err:
        if err.errno not in (errno.EXDEV, errno.EROFS, errno.EACCES, errno.EPERM):
            raise MoveError(f"the file could not be moved ({err.strerror})") from err
    _copy_verified(source, destination, sha256)
    note = _remove_source(source)
    return MoveResult(destination, note is None, note)


def write_reason(
    destination: Path, original: str, shipment_id: str, reason: str, sha256: str, original_bytes: bytes | None = None
) -> Path:
    """`<name>.reason.txt` beside a quarantined file, written atomically. `original_bytes`: the name as the file
    system held it, written out byte for byte when it differs from its display form `original`."""
    path = destination.with_name(destination.name + ".reason.txt")
    exact = ""
    if original_bytes is not None and original_bytes != original.encode("utf-8"):
        exact = f"Original location, byte for byte: {original_bytes!r}\n"
    text = (
        f"This file was not processed.\n\n"
        f"Reason: {reason}\n\n"
        f"Original location in the inbox: {original!r}\n"
        f"{exact}"
        f"Shipment: {shipment_id or '(none: the file was in the inbox root)'}\n"
        f"Content sha256: {sha256}\n"
        f"Quarantined at: {datetime.now(UTC).isoformat(timespec='seconds')}\n"
    )
    partial = path.with_name(f".{path.name}{PARTIAL_MARK}{uuid.uuid4().hex[:8]}")
    with partial.open("w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.rename(partial, path)
    return path
