"""What the on-disk caches share: a digest of the code that made an entry, and writing an entry whole or not at
all."""

from __future__ import annotations

import hashlib
import importlib.util
import os
import tempfile
from pathlib import Path


def code_digest(packages: tuple[str, ...]) -> str:
    """One digest over the source of the given packages (or modules), wherever they are installed."""
    digest = hashlib.sha256()
    for name in packages:
        spec = importlib.util.find_spec(name)
        if spec is None or spec.origin is None:
            raise ModuleNotFoundError(name)
        if spec.submodule_search_locations:
            base = Path(next(iter(spec.submodule_search_locations)))
            files = sorted(base.rglob("*.py"))
        else:
            base = Path(spec.origin).parent
            files = [Path(spec.origin)]
        for file in files:
            digest.update(f"{name}/{file.relative_to(base).as_posix()}".encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()


def write_atomically(path: Path, data: bytes) -> None:
    """Write then rename, so a crash never leaves half a file for the next reader to trust."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
