"""Which language a page is written in, from its words: stop-word votes, enough for labels and boilerplate."""

from __future__ import annotations

import re

# Short, frequent function words and document vocabulary; a page is in the language with most hits.
STOPWORDS: dict[str, frozenset[str]] = {
    "eng": frozenset(
        "the of and to for by with from on in at no date invoice weight net gross country origin "
        "certificate total description quantity this that are is".split()
    ),
    "spa": frozenset(
        "el la los las de del y para por con en al fecha factura peso neto bruto país origen "
        "certificado descripción cantidad este esta que es son".split()
    ),
    "deu": frozenset("der die das und für mit von auf im rechnung datum gewicht ursprung".split()),
    "fra": frozenset("le la les des et pour avec du au facture date poids pays origine".split()),
}

_TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)


def detect_language(text: str, candidates: tuple[str, ...] = ("eng", "spa")) -> str:
    tokens = [t.lower() for t in _TOKEN.findall(text)]
    if not tokens:
        return candidates[0]
    votes = {lang: sum(1 for t in tokens if t in STOPWORDS[lang]) for lang in candidates if lang in STOPWORDS}
    return max(votes, key=lambda lang: votes[lang]) if votes else candidates[0]
