"""Dates as ISO 'YYYY-MM-DD', from numeric forms and textual months in the languages the documents use."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from rapidfuzz import fuzz, process

from oretrace.core.folding import fold_chars
from oretrace.extractors.normalize._text import clean, fix_ocr_digits
from oretrace.extractors.normalize.result import Parsed

# Languages whose month names are read ('14 de marzo', '7. Mai', '02 Juillet', '19 april', '3 marca').
DATE_LANGUAGES = ("en", "es", "de", "fr", "nl", "pl")
MIN_YEAR = 1990
MAX_YEAR = 2100

_SEP = r"\s*[-/.]\s*"
_ISO = re.compile(rf"(?<![0-9])(?P<y>[0-9]{{4}}){_SEP}(?P<m>[0-9]{{1,2}}){_SEP}(?P<d>[0-9]{{1,2}})(?![0-9])")
_NUMERIC = re.compile(
    rf"(?<![0-9.])(?P<a>[0-9]{{1,2}}){_SEP}(?P<b>[0-9]{{1,2}}){_SEP}(?P<y>[0-9]{{4}}|[0-9]{{2}})(?![0-9])"
)
_COMPACT = re.compile(r"^\s*(?P<y>(?:19|20)[0-9]{2})(?P<m>[0-9]{2})(?P<d>[0-9]{2})\s*$")
# Textual months, matched on folded text: '14 de marzo de 2025', '14-MAR-25', 'March 14th, 2025', '2025-Mar-14'.
_MONTH = r"(?P<mon>[a-z]{3,11})\.?"
_ORD = r"(?:st|nd|rd|th|o|º|°)?"
_ORDINAL_SIGN = re.compile(r"(?<=[0-9])\s?[º°ª]")
_ORDINAL = re.compile(r"(?<=[0-9])(?:st|nd|rd|th|o|º|°)(?![a-z])")
_TEXTUAL = (
    re.compile(rf"(?<![0-9])(?P<d>[0-9]{{1,2}}){_ORD}\s*(?:de\s+)?[-/.]?\s*{_MONTH}\s*[-/.,]?\s*(?:del?\s+)?(?P<y>[0-9]{{4}}|[0-9]{{2}})(?![0-9])"),
    re.compile(rf"(?<![a-z]){_MONTH}\s*[-/.]?\s*(?P<d>[0-9]{{1,2}}){_ORD}\s*,?\s*(?:del?\s+)?(?P<y>[0-9]{{4}})(?![0-9])"),
    re.compile(rf"(?<![0-9])(?P<y>[0-9]{{4}})[-/. ]{_MONTH}[-/. ](?P<d>[0-9]{{1,2}})(?![0-9])"),
)  # fmt: skip

# Relative words ('today', 'hace 2 días') must never become dates, so only absolute parsing is enabled.
_DATEPARSER_SETTINGS = {
    "PARSERS": ["absolute-time"],
    "STRICT_PARSING": True,
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "DATE_ORDER": "DMY",
}


@lru_cache(maxsize=16)
def _month_names(languages: tuple[str, ...]) -> dict[str, int]:
    """Folded month names and abbreviations ('marzo', 'mar', 'sept') -> month number, from CLDR."""
    names: dict[str, int] = {}
    for language in languages:
        try:
            locale = Locale.parse(language)
        except (UnknownLocaleError, ValueError, TypeError):
            continue
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in locale.months[context][width].items():
                    names.setdefault(fold_chars(name).rstrip(".").replace(".", ""), number)
    # Common abbreviations CLDR spells differently ('sept' vs 'sep', Peruvian 'setiembre').
    for extra, number in (("sept", 9), ("sep", 9), ("setiembre", 9)):
        names.setdefault(extra, number)
    return names


def month_names() -> dict[str, int]:
    """Folded month names and abbreviations of every language dates are read in -> month number."""
    return _month_names(DATE_LANGUAGES)


def _two_digit_year(year: int) -> int:
    # POSIX pivot: 00-68 -> 2000s, 69-99 -> 1900s; the range check then rejects anything before 1990.
    return year + (2000 if year < 69 else 1900)


def _make(year: int, month: int, day: int) -> Parsed[str]:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return Parsed.fail(f"year {year} outside {MIN_YEAR}-{MAX_YEAR}")
    try:
        return Parsed.ok(dt.date(year, month, day).isoformat())
    except ValueError:
        return Parsed.fail(f"no such date {year:04d}-{month:02d}-{day:02d}")


def _numeric(match: re.Match[str], day_first: bool | None) -> Parsed[str]:
    a, b, year_text = int(match["a"]), int(match["b"]), match["y"]
    year = int(year_text) if len(year_text) == 4 else _two_digit_year(int(year_text))
    # Day first unless told otherwise; the other order only when the preferred one is impossible.
    readings = [(b, a), (a, b)] if day_first is not False else [(a, b), (b, a)]
    first = _make(year, *readings[0])
    if first.found:
        return first
    second = _make(year, *readings[1])
    return second if second.found else first


@lru_cache(maxsize=4096)
def _dateparser(snippet: str, languages: tuple[str, ...]) -> str | None:
    import dateparser  # slow to import and to run, so only here and only for textual months

    try:
        parsed = dateparser.parse(snippet, languages=list(languages), settings=_DATEPARSER_SETTINGS)
    except Exception:  # dateparser raises assorted errors on odd input; any of them means "not a date"
        return None
    return parsed.date().isoformat() if parsed else None


def _month_number(word: str, languages: tuple[str, ...]) -> int | None:
    names = _month_names(languages)
    if word in names:
        return names[word]
    if len(word) < 4:
        return None
    # OCR slips in a month word ('Marcn', 'Fcbrero'): the nearest names, if they all mean one month.
    best = process.extract(word, list(names), scorer=fuzz.ratio, limit=3, score_cutoff=80)
    months = {names[name] for name, _, _ in best}
    return months.pop() if len(months) == 1 else None


def _textual(text: str, match: re.Match[str], languages: tuple[str, ...]) -> Parsed[str]:
    word = match["mon"]
    month = _month_number(word, languages)
    if month is None:
        return Parsed.fail(f"unknown month {word!r}")
    year_text = match["y"]
    year = int(year_text) if len(year_text) == 4 else _two_digit_year(int(year_text))
    day = int(match["d"])
    from_parts = _make(year, month, day)
    if word not in _month_names(languages):
        # A misspelt month dateparser would refuse; the regex already has every part.
        return from_parts
    snippet = _ORDINAL.sub("", text[match.start() : match.end()])
    iso = _dateparser(snippet, languages)
    if iso is None or not from_parts.found or iso == from_parts.value:
        return from_parts
    # The two readings disagree (a two-digit year, an odd layout): better no date than a wrong one.
    return Parsed.fail(f"ambiguous date {snippet!r}: {iso} or {from_parts.value}")


def parse_date(text: str, languages: Sequence[str] = DATE_LANGUAGES, day_first: bool | None = None) -> Parsed[str]:
    """The first date in `text` as 'YYYY-MM-DD'.

    Numeric dates are read day first ('14/03/2025', '03/04/2025' -> 3 April) unless `day_first` is False
    or that reading is impossible ('03/14/2025'). Textual months go through dateparser in `languages`.
    """
    if not text or not text.strip():
        return Parsed.fail("empty text")
    # 'º' must go before NFKC turns it into an 'o' that the OCR repair would read as a zero ('1º' -> '10').
    prepared = fix_ocr_digits(clean(_ORDINAL_SIGN.sub("", text)))
    folded = fold_chars(prepared)
    langs = tuple(languages)
    candidates: list[tuple[int, int, re.Match[str]]] = []
    compact = _COMPACT.match(prepared)
    if compact:
        return _make(int(compact["y"]), int(compact["m"]), int(compact["d"]))
    for match in _ISO.finditer(prepared):
        candidates.append((match.start(), 0, match))
    for match in _NUMERIC.finditer(prepared):
        candidates.append((match.start(), 1, match))
    for rank, pattern in enumerate(_TEXTUAL, start=2):
        for match in pattern.finditer(folded):
            candidates.append((match.start(), rank, match))
    if not candidates:
        return Parsed.fail(f"no date in {text[:80]!r}")
    first_failure: Parsed[str] | None = None
    for _, kind, match in sorted(candidates, key=lambda c: (c[0], c[1])):
        if kind == 0:
            result = _make(int(match["y"]), int(match["m"]), int(match["d"]))
        elif kind == 1:
            result = _numeric(match, day_first)
        else:
            result = _textual(folded, match, langs)
        if result.found:
            return result
        first_failure = first_failure or result
    assert first_failure is not None
    return first_failure


def detect_day_first(texts: Iterable[str]) -> bool | None:
    """Whether a document writes numeric dates day first, from the dates that can only be read one way:
    '17/11/2017' is day first, '11/17/2017' month first. None when no date tells or they disagree."""
    votes = {True: 0, False: 0}
    for text in texts:
        if not isinstance(text, str) or not text:
            continue
        for match in _NUMERIC.finditer(text):
            a, b = int(match["a"]), int(match["b"])
            if a > 12 >= b >= 1:
                votes[True] += 1
            elif b > 12 >= a >= 1 and b <= 31:
                votes[False] += 1
    if votes[True] == votes[False]:
        return None
    return votes[True] > votes[False]
