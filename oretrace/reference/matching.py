"""Match a smelter name as printed on a document to the reference list.

Names are compared on their *distinctive* words: accents folded, case ignored, punctuation dropped, and
without legal suffixes ("Co., Ltd.", "S.A. de C.V.", "CJSC", "NV"), filler words ("de", "the") and generic
descriptors ("antimony", "smelter", "mining", "plant"). "Hunan Zhirong Antimony Co., Ltd." and "HUNAN
ZHIRONG ANTIMONY" are then the same key, "hunan zhirong".

Score (0-100), best over the smelter's name, aliases and derived forms (name without its parenthesis, the
parenthesis, each half of "A - B"):

* `token_sort_ratio` of the two keys: the same words in any order, tolerant of OCR slips inside words
  ("Hsikwangshan Twinkllng Star" scores 96 against "Hsikwangshan Twinkling Star");
* or, when every word of the printed key is (fuzzily) one of the form's words and at least one of them
  belongs to this smelter alone, `token_set_ratio` (100 for a clean subset): an abbreviation that still
  identifies the smelter ("Zhirong Antimony", "Hunan Zhenhong Mining"). A subset made only of shared or short
  words ("Hunan", "Star") is not accepted this way, so a province name alone does not pick a smelter.

The printed text is also tried cut at each comma ("SPMP, Sohar" -> "SPMP"; "Campine NV, Beerse, Antwerp"
-> "Campine NV") and without parenthesised parts, because producer lines often carry the address.

`DEFAULT_THRESHOLD` = 88: one wrong letter in a ten-letter key still passes (90), two do not (80); the
names of different reference smelters score far lower against each other (below 60 on the shipped list).
Smelters tied at the best score are all returned (`candidates`): an alias such as "USAC" belongs to three
plants in two countries, and callers must not pick one of them at random.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from oretrace.core.folding import fold_chars
from oretrace.reference.models import ReferenceData, Smelter

DEFAULT_THRESHOLD = 88.0
# A printed word counts as one of the form's words above this similarity (OCR slips inside a word).
_WORD_THRESHOLD = 85.0
# An abbreviation must keep a word of at least this length that names one smelter only ("zhirong", "unipet"):
# short words ("star", "gold") recur across company names.
_OWN_WORD_MIN = 5

_LEGAL = frozenset(
    "co ltd limited inc incorporated corp corporation company llc lp plc nv bv ag gmbh kg cjsc jsc ojsc pjsc ooo "
    "zao oao pt tbk sa sas sab srl spa bhd sdn pte pty cv rl sc sl ab oy as kk".split()
)
_FILLER = frozenset("de del la las los el y e and the of for und".split())
# Words that describe what a facility is rather than which one it is.
_GENERIC = frozenset(
    "antimony antimonio antimon antimoine smelter smelting smeltery fundicion fundidora refinery refining refiner "
    "refineria roaster plant planta mill mine mines mining minera mineria metal metals metallurgical metalurgica "
    "industry industries industrial industrias products productos trading group grupo holding holdings resources "
    "recursos materials producer productor manufacturer fabricante".split()
)
_PARENTHESIS = re.compile(r"\([^)]*[)}\]]?")


def _is_generic(word: str) -> bool:
    if word in _GENERIC:
        return True
    # OCR turns label words into near misses ("funcidora"); only long words, short ones collide too easily.
    return len(word) >= 6 and any(fuzz.ratio(word, g) >= _WORD_THRESHOLD for g in _GENERIC if len(g) >= 6)


def distinctive_words(text: str) -> tuple[str, ...]:
    """The words that identify a company: no legal suffix, filler, generic descriptor or single letter."""
    words = re.findall(r"[a-z0-9]+", fold_chars(text))
    return tuple(w for w in words if len(w) > 1 and w not in _LEGAL and w not in _FILLER and not _is_generic(w))


def _forms(smelter: Smelter) -> list[str]:
    """Name, aliases and the forms derived from them (see the module docstring)."""
    # In aliases, parentheses hold notes ("(machine-translated name on ...)"), not names: keep the rest only.
    forms = [smelter.name, *(" ".join(_PARENTHESIS.sub(" ", a).split()) for a in smelter.aliases)]
    outer = " ".join(_PARENTHESIS.sub(" ", smelter.name).split())
    if outer != smelter.name:
        forms.append(outer)
        forms.extend(m.strip("(){}[] ") for m in _PARENTHESIS.findall(smelter.name))
    for form in list(forms):
        if " - " in form:
            forms.extend(part.strip() for part in _PARENTHESIS.sub(" ", form).split(" - "))
    return forms


def _query_variants(name: str) -> list[str]:
    """The printed text, without parentheses, and cut after each comma-separated part."""
    variants = [name]
    bare = _PARENTHESIS.sub(" ", name)
    if bare != name:
        variants.append(bare)
    parts = [p for p in re.split(r",", bare) if p.strip()]
    for end in range(1, len(parts)):
        variants.append(",".join(parts[:end]))
    return variants


@dataclass(frozen=True)
class SmelterMatch:
    query: str
    smelter: Smelter
    score: float
    matched_form: str
    candidates: tuple[Smelter, ...]  # every smelter tied at `score`, `smelter` first

    @property
    def countries(self) -> frozenset[str]:
        return frozenset(s.country for s in self.candidates)

    @property
    def ambiguous(self) -> bool:
        return len(self.candidates) > 1


@dataclass(frozen=True)
class _Form:
    smelter: Smelter
    text: str
    words: tuple[str, ...]


class SmelterMatcher:
    def __init__(self, smelters: tuple[Smelter, ...]) -> None:
        self._smelters = smelters
        self._forms: list[_Form] = []
        owners: dict[str, set[str]] = {}
        for smelter in smelters:
            for text in _forms(smelter):
                words = distinctive_words(text)
                if words:
                    self._forms.append(_Form(smelter, text, words))
                    for word in words:
                        owners.setdefault(word, set()).add(smelter.smelter_id)
        # Words that name exactly one smelter: an abbreviation made of them still identifies it.
        self._own_words = {w for w, ids in owners.items() if len(ids) == 1}

    def _score(self, words: tuple[str, ...], form: _Form) -> float:
        query_key, form_key = " ".join(words), " ".join(form.words)
        score = fuzz.token_sort_ratio(query_key, form_key)
        matches = [max(form.words, key=lambda f, w=w: fuzz.ratio(w, f)) for w in words]
        subset = all(fuzz.ratio(w, m) >= _WORD_THRESHOLD for w, m in zip(words, matches, strict=True))
        if subset and any(m in self._own_words and len(m) >= _OWN_WORD_MIN for m in matches):
            score = max(score, fuzz.token_set_ratio(query_key, form_key))
        return score

    def match(self, name: str, threshold: float = DEFAULT_THRESHOLD) -> SmelterMatch | None:
        """The best-scoring reference smelter for `name` at or above `threshold`, or None."""
        best: dict[str, tuple[float, str]] = {}
        for variant in _query_variants(name):
            words = distinctive_words(variant)
            if not words:
                continue
            for form in self._forms:
                score = self._score(words, form)
                if score > best.get(form.smelter.smelter_id, (-1.0, ""))[0]:
                    best[form.smelter.smelter_id] = (score, form.text)
        if not best:
            return None
        top = max(score for score, _ in best.values())
        if top < threshold:
            return None
        tied = [s for s in self._smelters if s.smelter_id in best and best[s.smelter_id][0] >= top - 1e-9]
        return SmelterMatch(
            query=name,
            smelter=tied[0],
            score=round(top, 1),
            matched_form=best[tied[0].smelter_id][1],
            candidates=tuple(tied),
        )


@lru_cache(maxsize=8)
def _matcher(smelters: tuple[Smelter, ...]) -> SmelterMatcher:
    return SmelterMatcher(smelters)


def matcher_for(reference: ReferenceData) -> SmelterMatcher:
    return _matcher(reference.smelters)


def match_smelter(name: str, reference: ReferenceData, threshold: float = DEFAULT_THRESHOLD) -> SmelterMatch | None:
    """The reference smelter a printed name stands for, if one is close enough."""
    return matcher_for(reference).match(name, threshold)
