"""Pages already read, kept on disk by content: an unchanged file is never OCR'd twice.

The key is the file's sha256 plus everything that changes what reading produces (OCR languages and
resolution, the text-reading version), so a new setting or reader invalidates exactly what it should.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from pydantic import TypeAdapter

from oretrace.core.models import Page
from oretrace.core.stored_files import write_atomically

# Bumped whenever text-layer reading or OCR changes the pages they produce.
TEXT_READER_VERSION = "37"  # 32: lines read poorly are read again without a lighter stamp's ink
_PAGES = TypeAdapter(list[Page])


class PageCache:
    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _path(self, sha256: str, settings_key: str) -> Path:
        key = hashlib.sha256(f"{sha256}|{settings_key}|{TEXT_READER_VERSION}".encode()).hexdigest()
        return self.directory / key[:2] / f"{key}.json"

    def get(self, sha256: str, settings_key: str) -> list[Page] | None:
        path = self._path(sha256, settings_key)
        try:
            return _PAGES.validate_json(path.read_bytes())
        except (OSError, ValueError):
            return None  # absent or unreadable: read the document again

    def put(self, sha256: str, settings_key: str, pages: list[Page]) -> None:
        write_atomically(self._path(sha256, settings_key), _PAGES.dump_json(pages))


def settings_key(languages: str, dpi: int) -> str:
    return json.dumps({"languages": languages, "dpi": dpi}, sort_keys=True)
