"""Countries as ISO 3166 alpha-2 codes, from names in English, Spanish, French, Portuguese and local languages,
and codes.

Names come from pycountry (ISO names, official and common names) and CLDR via babel (English, Spanish, French
and Portuguese, the languages of the trade documents, and each country's own official languages); only
abbreviations those lack are listed here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache, partial

import pycountry
from babel import Locale, UnknownLocaleError
from babel.languages import get_official_languages
from rapidfuzz import fuzz, process

from oretrace.core import index_files
from oretrace.extractors.normalize._text import Token, name_key, word_tokens
from oretrace.extractors.normalize.result import Parsed

# Names and abbreviations the libraries lack; they override the library data.
_ALIASES: dict[str, str] = {
    "Turkey": "TR",
    "Holland": "NL",
    "Great Britain": "GB",
    "Britain": "GB",
    "England": "GB",
    "Scotland": "GB",
    "Wales": "GB",
    "Northern Ireland": "GB",
    "Burma": "MM",
    "Ivory Coast": "CI",
    "Swaziland": "SZ",
    "Macedonia": "MK",
    "P.R. China": "CN",
    "PR China": "CN",
    "Mainland China": "CN",
    "China (Mainland)": "CN",
    "República Popular China": "CN",
    "República Popular de China": "CN",
    "Estados Unidos Mexicanos": "MX",
    "Estados Unidos de América": "US",
    "EE UU": "US",  # 'EE. UU.' with its space: the Spanish abbreviation, never Estonia's code
    "Reino de Tailandia": "TH",
    "Estado Plurinacional de Bolivia": "BO",
    "Federación de Rusia": "RU",
    "República de Corea": "KR",
    "Republic of Korea": "KR",
    "DR Congo": "CD",
    "D.R. Congo": "CD",
    "Congo (DRC)": "CD",
    "Congo (Kinshasa)": "CD",
    "Congo (Brazzaville)": "CG",
}
# Abbreviations, matched in running text only in capitals; the flag says they need dots ('U.S.', not 'US').
_ABBREVIATIONS: dict[str, tuple[str, bool]] = {
    "prc": ("CN", False),
    "rpc": ("CN", False),
    "uk": ("GB", False),
    "usa": ("US", False),
    "us": ("US", True),
    "eeuu": ("US", False),
    "eua": ("US", False),
    "uae": ("AE", False),
    "eau": ("AE", False),
    "drc": ("CD", False),
    "rdc": ("CD", False),
    "rok": ("KR", False),
    "ksa": ("SA", False),
}
# Names that do not say which country on their own: better no answer than a coin toss.
_AMBIGUOUS: dict[str, tuple[str, ...]] = {"congo": ("CG", "CD"), "korea": ("KR", "KP")}
# Codes that are also words, units, company suffixes, trade terms or US state abbreviations in documents
# ('MADE IN', 'NET WT KG', 'S.A. DE C.V.', 'VAT', 'SGS', 'Houston, TX' style addresses, a vessel's 'MV', the
# 'Nam' of Vietnamese places).
_STOP_CODES = frozenset(
    """IN TO AS IT NO BE AT ME IS MY AM DO SO BY US DE LA ES SE AL CO SA CV ID NA ST NE AD AG MA PM TV
    KG MT LB TM MG MM CM KM GT BL PK ML GR LC IO PE PA GA BO LT TN SI NI GE CA FI PR RE SV BS BT CF
    AZ IL KY MD MN MO MS NC SC SD VA VI AR AI BA SR CR HR PT EC ET QA PL CI TT CC BV
    ARE CAN AND PER MAR NOR TON COM SUR AGO GIN MAC BEN FIN TUN DOM GAB ATA PAN SOM MLI COL VAT ARM
    GUY ALA SGS COD CAF PNG IOT TLS GUM STP LIE EST MV NAM""".split()
)
# Country names that in running text more often name a place, person or thing.
_NOT_IN_RUNNING_TEXT = frozenset({"guadalupe", "granada", "georgia", "jordan", "reunion", "santa elena", "man"})
_NEEDS_CAPITAL = frozenset({"china", "turkey", "chad", "cuba", "guinea", "chile", "malta", "japan", "panama", "india",
                            "jersey", "niger", "mali", "peru", "togo"})  # fmt: skip
_PRECEDED_NOT = frozenset({"new", "nuevo", "nueva"})  # 'New Mexico', 'Nuevo México' are not Mexico

FIELD_ONLY_PRIORITY = 4.2
# Bumped when the layout of the kept index file changes (`_encode`).
INDEX_FORMAT = "1"
_FUZZY_CUTOFF = 85.0
_FUZZY_MARGIN = 4.0
_PARENS = re.compile(r"\s*\(([^()]*)\)\s*")


@dataclass(frozen=True)
class _Index:
    names: dict[str, str | None]  # key -> alpha-2, None when ambiguous
    codes: dict[str, str]  # lower-case alpha-2/alpha-3 -> alpha-2
    max_words: int
    fuzzy_keys: list[str]
    # Names known only in French or Portuguese ('Suède', 'Salvador', 'Grenade' are words and names in running
    # text): read as a field's whole value, never picked out of running text.
    field_only: frozenset[str]


def _variants(name: str) -> list[tuple[str, bool]]:
    """A name and the forms derived from it: (text, derived)."""
    found = [(name, False)]
    inner = _PARENS.findall(name)
    if inner:
        found.append((_PARENS.sub(" ", name).strip(), True))
        found.extend((part, True) for part in inner)
    if ", " in name:
        # 'Korea, Republic of' -> 'Republic of Korea'
        head, _, tail = name.partition(", ")
        found.append((f"{tail} {head}", True))
    return found


@lru_cache(maxsize=1)
def _index() -> _Index:
    """Built once per process (about a second: it loads CLDR data for ~150 languages), or loaded from the data
    directory's index files (`oretrace.core.index_files`)."""
    key = partial(index_files.fingerprint, (__name__, name_key.__module__), ("pycountry", "babel"), INDEX_FORMAT)
    return index_files.load_or_build("country-names", key, _build_index, _encode, _decode)


def _encode(index: _Index) -> dict[str, object]:
    return {
        "names": index.names,
        "codes": index.codes,
        "max_words": index.max_words,
        "fuzzy_keys": index.fuzzy_keys,
        "field_only": sorted(index.field_only),
    }


def _decode(data: dict) -> _Index:
    return _Index(data["names"], data["codes"], data["max_words"], data["fuzzy_keys"], frozenset(data["field_only"]))


def _build_index() -> _Index:
    entries: list[tuple[str, str, float]] = []  # key, alpha-2, priority (lower wins)

    def add(name: str | None, code: str, priority: float) -> None:
        if not name:
            return
        for variant, derived in _variants(name):
            key = name_key(variant)
            if key:
                entries.append((key, code, priority + (0.5 if derived else 0.0)))

    codes: dict[str, str] = {}
    known = set()
    for country in pycountry.countries:
        code = country.alpha_2
        known.add(code)
        codes[code.lower()] = code
        codes[country.alpha_3.lower()] = code
        for attr in ("name", "official_name", "common_name"):
            add(getattr(country, attr, None), code, 1)
    for priority, language in ((2, "en"), (3, "es")):
        for code, name in Locale(language).territories.items():
            if code in known:
                add(name, code, priority)
    locales: dict[str, Locale | None] = {}
    for code in sorted(known):
        for language in get_official_languages(code, de_facto=True)[:2]:
            if language not in locales:
                try:
                    locales[language] = Locale.parse(language)
                except (UnknownLocaleError, ValueError):
                    locales[language] = None
            locale = locales[language]
            if locale is not None:
                add(locale.territories.get(code), code, 4)
    # French and Portuguese names ('Mexique', 'États-Unis', 'Bolívia') rank after every country's own: exact
    # matches only, never fuzzy ones.
    for priority, language in ((FIELD_ONLY_PRIORITY, "fr"), (FIELD_ONLY_PRIORITY + 0.2, "pt")):
        for code, name in Locale(language).territories.items():
            if code in known:
                add(name, code, priority)
    for name, code in _ALIASES.items():
        add(name, code, 0)

    best: dict[str, float] = {}
    winners: dict[str, set[str]] = {}
    for key, code, priority in entries:
        if key not in best or priority < best[key]:
            best[key], winners[key] = priority, {code}
        elif priority == best[key]:
            winners[key].add(code)
    names: dict[str, str | None] = {key: (next(iter(c)) if len(c) == 1 else None) for key, c in winners.items()}
    for key in _AMBIGUOUS:
        names[key] = None
    for key in list(names):
        if key in codes or key in _ABBREVIATIONS:
            # Three-letter names such as 'Oman' are fine, but a name equal to a code is matched as a code.
            del names[key]
    fuzzy_keys = [k for k, v in names.items() if v is not None and len(k) >= 4 and best.get(k, 0) < 4]
    field_only = frozenset(k for k in names if best.get(k, 0) >= FIELD_ONLY_PRIORITY)
    return _Index(names, codes, max(len(k.split()) for k in names), fuzzy_keys, field_only)


def _code_token(token: Token, text: str) -> str | None:
    """The country a standalone code or abbreviation in running text stands for, if any."""
    original = text[token.start : token.end].rstrip(".")
    letters = original.replace(".", "")
    if not letters.isalpha() or not letters.isupper() or not letters.isascii():
        return None
    abbreviation = _ABBREVIATIONS.get(token.key)
    if abbreviation is not None:
        code, needs_dots = abbreviation
        return code if token.dotted or not needs_dots else None
    if token.dotted or len(letters) not in (2, 3) or letters in _STOP_CODES:
        return None
    return _index().codes.get(token.key)


def find_countries(text: str) -> list[tuple[str, int, int]]:
    """Country mentions in running text as (alpha-2, start, end), in order.

    Names are matched whole-word, longest first ('Papua New Guinea' before 'Guinea'). Codes count only
    when written in capitals on their own, and never codes that double as words ('IN', 'TO', 'KG').
    """
    if not text:
        return []
    index = _index()
    words = [t for t in word_tokens(text) if t.key != "the"]
    found: list[tuple[str, int, int]] = []
    i = 0
    while i < len(words):
        matched = 0
        for size in range(min(index.max_words, len(words) - i), 0, -1):
            key = " ".join(t.key for t in words[i : i + size])
            if key not in index.names:
                continue
            matched = size
            code = index.names[key]
            start, end = words[i].start, words[i + size - 1].end
            skip = (
                code is None
                or key in _NOT_IN_RUNNING_TEXT
                or key in index.field_only
                or (key in _NEEDS_CAPITAL and not text[start].isupper())
                or (size == 1 and i > 0 and words[i - 1].key in _PRECEDED_NOT)
                or text[end : end + 1] == "$"  # 'US$': a currency, not a country
            )
            if not skip:
                found.append((code, start, end))
            break
        if not matched:
            code = _code_token(words[i], text)
            if code is not None:
                found.append((code, words[i].start, words[i].end))
            matched = 1
        i += matched
    return found


def _exact(text: str) -> tuple[str | None, str | None]:
    """(alpha-2, reason) for a field that is nothing but a country name or code."""
    index = _index()
    key = name_key(text)
    if not key:
        return None, None
    if key in index.names:
        code = index.names[key]
        if code is None:
            choices = "/".join(_AMBIGUOUS.get(key, ()))
            return None, f"ambiguous country {text.strip()!r}" + (f" ({choices})" if choices else "")
        return code, None
    if " " not in key:
        if key in _ABBREVIATIONS:
            return _ABBREVIATIONS[key][0], None
        letters = re.sub(r"[^A-Za-z]", "", text)
        # A bare two-letter word is a code only in capitals ('IN' yes, 'in' no).
        if key in index.codes and (len(key) == 3 or letters.isupper() or letters.upper() not in _STOP_CODES):
            return index.codes[key], None
    return None, None


def _ocr_variants(text: str) -> list[str]:
    """'Tha1land' -> 'Thailand' / 'Thalland': digits OCR reads inside words, mapped back to letters."""
    if not any(c.isdigit() for c in text):
        return []
    base = text.replace("0", "o").replace("5", "s").replace("8", "b")
    return list(dict.fromkeys([base.replace("1", "i"), base.replace("1", "l")]))


def _fuzzy(text: str) -> tuple[str | None, str | None]:
    index = _index()
    best: dict[str, float] = {}
    for variant in [text, *_ocr_variants(text)]:
        key = name_key(variant)
        if len(key) < 4 or len(key) > 60:
            continue
        for choice, score, _ in process.extract(
            key, index.fuzzy_keys, scorer=fuzz.ratio, limit=8, score_cutoff=_FUZZY_CUTOFF - _FUZZY_MARGIN
        ):
            code = index.names[choice]
            if code is not None and score > best.get(code, 0.0):
                best[code] = score
    ranked = sorted(best.items(), key=lambda item: -item[1])
    if not ranked or ranked[0][1] < _FUZZY_CUTOFF:
        return None, None
    if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < _FUZZY_MARGIN:
        return None, f"unclear country {text.strip()!r}: {ranked[0][0]} or {ranked[1][0]}"
    return ranked[0][0], None


# 'US$ 981,170.90', 'R$ 10': a dollar or real marked with its country's letters, then the amount.
_MONEY = re.compile(r"\b[A-Z]{1,3}\$\s*\d")


def parse_country(text: str) -> Parsed[str]:
    """ISO alpha-2 for a country field: 'Tailandia' -> 'TH', 'P.R. China' -> 'CN', 'U.S.A.' -> 'US'."""
    if not text or not text.strip():
        return Parsed.fail("empty text")
    if _MONEY.search(text):
        return Parsed.fail(f"a money amount, not a country: {text[:80]!r}")
    reasons: list[str] = []
    candidates = [text]
    if ":" in text:
        # 'Country of origin: Thailand' -> the part after the label.
        candidates.append(text.rsplit(":", 1)[1])
    for candidate in [*candidates, *(v for c in candidates for v in _ocr_variants(c))]:
        code, reason = _exact(candidate)
        if code:
            return Parsed.ok(code)
        if reason:
            reasons.append(reason)
    found = find_countries(text)
    mentions = list(dict.fromkeys(code for code, _, _ in found))
    if len(mentions) == 1:
        # A code among other words ('VIET Ni NAM': Namibia's 'NAM') where the words read, without OCR's specks of
        # one or two letters, as a country's name, is that name's last word.
        if all(end - start <= 3 for _, start, end in found):
            words = _without_specks(text)
            code = (_exact(words)[0] or _fuzzy(words)[0]) if words != text.strip() else None
            if code is not None:
                return Parsed.ok(code)
        return Parsed.ok(mentions[0])
    if len(mentions) > 1:
        return Parsed.fail(f"several countries in {text[:80]!r}: {', '.join(mentions)}")
    if reasons:
        return Parsed.fail(reasons[0])
    for candidate in dict.fromkeys([*candidates, _without_specks(text)]):
        code, reason = _fuzzy(candidate)
        if code:
            return Parsed.ok(code)
        if reason:
            return Parsed.fail(reason)
    return Parsed.fail(f"no country in {text[:80]!r}")


def _without_specks(text: str) -> str:
    """The words of a text without OCR's specks of one or two letters ('VIET Ni NAM' -> 'VIET NAM')."""
    return " ".join(w for w in text.split() if len(w.strip(".,;:")) > 2)
