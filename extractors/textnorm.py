"""Text folding for matching labels: case, accents and punctuation do not matter."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NON_WORD = re.compile(r"[^0-9a-z%/#]+")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """'Nº de Factura:' -> 'no de factura'; keeps %, / and # which carry meaning in labels and units."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c))
    ascii_text = ascii_text.replace("º", "o").replace("°", "o")
    # A slash between words separates alternatives ("Seller / Exporter"); inside a token it is a unit.
    tokens = (t.strip("/") for t in _NON_WORD.sub(" ", ascii_text).split())
    return " ".join(t for t in tokens if t)
