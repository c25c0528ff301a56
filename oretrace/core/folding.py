"""Text folding, one set of rules for the whole package: case and Latin accents never matter.

`fold` is for matching labels and phrases (punctuation becomes spaces); `fold_chars` keeps one character per
character, for searching text whose offsets must stay valid (statements, evidence words, names).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NON_WORD = re.compile(r"[^0-9a-z%/#]+")
# An English possessive ends a word: "Exporter's name" is the exporter's label, as "Exporter name" is.
_POSSESSIVE = re.compile(r"(?<=[a-z])['’]s\b")
# 'N.º' and 'N.°' (the abbreviation with its point, as Spanish and Portuguese style guides write it) are 'Nº'.
_ORDINAL_NUMBER = re.compile(r"\bn\.\s?(?=[º°])")
_MARK_SLASH = re.compile(r"\b(no|nr|n)/(?=[a-z])")
# A plural in brackets ('Invoice number(s) and date(s)', 'factura(s)') is the word itself.
_BRACKETED_PLURAL = re.compile(r"(?<=[a-z])\((?:s|es)\)")
# Spanish 'Nro.' and 'Núm.' abbreviate 'número' as 'Nº' does: one number mark for every label.
_NUMBER_MARK_SPELLINGS = {"nro": "no", "num": "no"}


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """'Nº de Factura:' -> 'no de factura' ('N.º' too); keeps %, / and # which carry meaning in labels and units."""
    decomposed = unicodedata.normalize("NFKD", _ORDINAL_NUMBER.sub("n", text.casefold()))
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c))
    ascii_text = _POSSESSIVE.sub("", _BRACKETED_PLURAL.sub("", ascii_text.replace("º", "o").replace("°", "o")))
    # A slash between words separates alternatives ("Seller / Exporter"); inside a token it is a unit, except
    # after a number mark, which no unit begins with ('No/Date', 'Nº/Fecha': the number and the date).
    tokens = (t.strip("/") for t in _MARK_SLASH.sub(r"\1 ", _NON_WORD.sub(" ", ascii_text)).split())
    return " ".join(_NUMBER_MARK_SPELLINGS.get(t, t) for t in tokens if t)


@lru_cache(maxsize=8192)
def _fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char)
    # Only Latin diacritics are dropped: other scripts (Thai vowel signs) carry meaning in their marks.
    base = "".join(c for c in decomposed if not 0x300 <= ord(c) <= 0x36F)
    lowered = base.lower()
    if len(lowered) == 1:
        return lowered
    lowered = char.lower()
    return lowered if len(lowered) == 1 else char


def fold_chars(text: str) -> str:
    """Lower case without Latin accents, one character per character so offsets stay valid."""
    return "".join(_fold_char(c) for c in text)
