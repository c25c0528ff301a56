"""File names as the file system holds them, and as text that the store, logs and terminals can take.

On Linux a name is any bytes but "/" and NUL. Python hands bytes that are not UTF-8 over as lone surrogates
(PEP 383), which no database driver, JSON encoder or UTF-8 terminal accepts. `display_name` writes those bytes
as `\\xNN` instead, and leaves every other character as it is, so names that are UTF-8 are stored unchanged.
"""

from __future__ import annotations

import os
import unicodedata


def display_name(name: str) -> str:
    """Valid UTF-8 text for a name or path from the file system: undecodable bytes written as `\\xNN`."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def is_decodable(name: str) -> bool:
    """Whether the name was valid UTF-8 on disk (no byte was kept as a lone surrogate)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def printable(text: str) -> str:
    """Text for one line of a terminal or log: control characters written as escapes (`\\n`, `\\x1b`)."""
    if not any(unicodedata.category(ch) == "Cc" for ch in text):
        return text
    return "".join(
        ch.encode("unicode_escape").decode("ascii") if unicodedata.category(ch) == "Cc" else ch for ch in text
    )
