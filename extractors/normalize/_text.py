"""Text helpers shared by the normalisers: folding, OCR digit repair and word tokens with offsets."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

from oretrace.core.folding import fold_chars

V = TypeVar("V")


def clean(text: str) -> str:
    """NFKC so fullwidth digits, no-break and thin spaces, 'µ' and ligatures read as their plain forms."""
    return unicodedata.normalize("NFKC", text)


# A run of digits that OCR may have read as letters (O for 0, l/I/| for 1), with inner separators.
_OCR_RUN = re.compile(r"[0-9OoIl|]+(?:[.,][0-9OoIl|]+)*")
_OCR_ONES = frozenset("Il|")


def fix_ocr_digits(text: str) -> str:
    """'2O.5O' -> '20.50', 'l4/O3' -> '14/03'; words ('No.', 'lbs', 'Oil') are left alone.

    A run is repaired only when it holds a real digit and no letter touches it. l/I/| at the end of
    a run stay, since '20l' is more likely litres than 201. Length is preserved.
    """
    if not any(c in text for c in "OoIl|"):
        return text
    chars = list(text)
    for match in _OCR_RUN.finditer(text):
        start, end = match.span()
        run = match.group()
        if not any(c.isdigit() for c in run):
            continue
        if (start > 0 and text[start - 1].isalpha()) or (end < len(text) and text[end].isalpha()):
            continue
        for offset, char in enumerate(run):
            if char in "Oo":
                chars[start + offset] = "0"
            elif char in _OCR_ONES and offset < len(run) - 1:
                chars[start + offset] = "1"
    return "".join(chars)


@dataclass(frozen=True, slots=True)
class Token:
    key: str  # folded, without dots and apostrophes: 'U.S.A.' -> 'usa'
    start: int
    end: int
    dotted: bool  # written with dots ('U.S.', 'S.A.'), which makes short codes abbreviations, not words


# Letters only, so '1,000USD' still yields 'usd'; inner dots/apostrophes join 'U.S.A.' and "People's".
_WORD = re.compile(r"[^\W\d_]+(?:[.'’][^\W\d_]+)*\.?")


def word_tokens(text: str) -> list[Token]:
    folded = fold_chars(text)
    tokens = []
    for match in _WORD.finditer(folded):
        raw = match.group()
        key = raw.replace(".", "").replace("'", "").replace("’", "")
        if key:
            dotted = "." in raw.rstrip(".")
            # A final dot belongs to 'U.S.A.' but is sentence punctuation after 'USA.' or 'China.'.
            end = match.end() - (1 if raw.endswith(".") and not dotted else 0)
            tokens.append(Token(key, match.start(), end, dotted))
    return tokens


def name_key(text: str) -> str:
    """Key under which a name is indexed and looked up: 'The Republic of the Congo' -> 'republic of congo'."""
    return " ".join(t.key for t in word_tokens(text) if t.key != "the")


@dataclass(frozen=True, slots=True)
class PhraseMatch(Generic[V]):
    value: V
    start: int
    end: int
    first: int  # index of the first token
    count: int  # number of tokens


def match_phrases(tokens: list[Token], index: Mapping[str, V], max_words: int) -> list[PhraseMatch[V]]:
    """Greedy longest match of consecutive tokens against `index` ('the' is transparent)."""
    words = [t for t in tokens if t.key != "the"]
    found: list[PhraseMatch[V]] = []
    i = 0
    while i < len(words):
        for size in range(min(max_words, len(words) - i), 0, -1):
            key = " ".join(t.key for t in words[i : i + size])
            if key in index:
                found.append(PhraseMatch(index[key], words[i].start, words[i + size - 1].end, i, size))
                i += size
                break
        else:
            i += 1
    return found
