"""Currencies as ISO 4217 codes, from codes, symbols and English/Spanish names.

Codes and names come from pycountry and CLDR via babel; symbols from CLDR for a set of locales that cover
the trading countries. Only what those lack ('M.N.', 'RMB', 'DLLS') is listed here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pycountry
from babel import Locale
from babel.numbers import get_territory_currencies

from oretrace.extractors.normalize._text import clean, name_key, word_tokens
from oretrace.extractors.normalize.result import Parsed

# Not money: precious metals, bond units, test codes; and index/fund units no invoice is paid in.
_NOT_MONEY = frozenset(
    "BOV CHE CHW CLF COU MXV USN UYI UYW XAG XAU XBA XBB XBC XBD XDR XPD XPT XSU XTS XUA XXX".split()
)
# Codes that are words or units in running text ('ALL PRICES', '20,000 KGS', 'Hong Kong SAR').
_STOP_CODES = frozenset("ALL TOP CUP TRY GEL PEN MAD SOS MOP BAM BOB RON SAR KGS CRC".split())
_SYMBOL_LOCALES = ("en", "es", "th", "zh", "ja", "ko", "ru", "tr", "de", "fr", "pt_BR", "hi", "vi", "id")
# Names and marks the libraries lack.
_ALIASES: dict[str, str] = {
    "M.N.": "MXN",  # moneda nacional, on Mexican invoices
    "moneda nacional": "MXN",
    "RMB": "CNY",
    "renminbi": "CNY",
    "yuan": "CNY",
    "baht": "THB",
    "bath": "THB",  # common misspelling on Thai documents
    "dólares americanos": "USD",
    "dólar americano": "USD",
    "US dlls": "USD",
    "US dls": "USD",
}
_EXTRA_SYMBOLS: dict[str, str] = {"U$S": "USD", "U$D": "USD", "Mex$": "MXN"}
# Words naming a family of currencies; `default` when the family has a usual member in trade documents.
_GENERIC: dict[str, tuple[str, str | None]] = {
    "dollar": ("Dollar", "USD"),
    "dollars": ("Dollar", "USD"),
    "dolar": ("Dollar", "USD"),
    "dolares": ("Dollar", "USD"),
    "dlls": ("Dollar", "USD"),
    "dls": ("Dollar", "USD"),
    "peso": ("Peso", None),
    "pesos": ("Peso", None),
    "franc": ("Franc", None),
    "francs": ("Franc", None),
}


@dataclass(frozen=True)
class _Tables:
    codes: frozenset[str]
    names: dict[str, str | None]  # name key -> code, None when two currencies share the name
    max_words: int
    symbols: dict[str, frozenset[str]]
    symbol_pattern: re.Pattern[str]
    families: dict[str, frozenset[str]]


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    codes = frozenset(c.alpha_3 for c in pycountry.currencies if c.alpha_3 not in _NOT_MONEY)
    entries: list[tuple[str, str, int]] = []
    for currency in pycountry.currencies:
        if currency.alpha_3 in codes:
            entries.append((name_key(currency.name), currency.alpha_3, 1))
    for priority, language in ((2, "en"), (3, "es")):
        locale = Locale(language)
        plurals = locale._data["currency_names_plural"]  # CLDR plural names ('pesos mexicanos')
        for code in codes:
            names = [locale.currencies.get(code)]
            if code in plurals:
                names.extend(plurals[code].values())
            entries.extend((name_key(n), code, priority) for n in names if n)
    entries.extend((name_key(name), code, 0) for name, code in _ALIASES.items())
    best: dict[str, int] = {}
    winners: dict[str, set[str]] = {}
    for key, code, priority in entries:
        if not key:
            continue
        if key not in best or priority < best[key]:
            best[key], winners[key] = priority, {code}
        elif priority == best[key]:
            winners[key].add(code)
    names = {k: (next(iter(v)) if len(v) == 1 else None) for k, v in winners.items() if k not in _GENERIC}

    symbols: dict[str, set[str]] = {}
    for language in _SYMBOL_LOCALES:
        for code, symbol in Locale.parse(language).currency_symbols.items():
            symbol = clean(symbol)
            # Letter-only symbols ('Rs', 'Rp', 'THB') are codes or collide with words.
            if code in codes and not symbol.isalpha():
                symbols.setdefault(symbol, set()).add(code)
    for symbol, code in _EXTRA_SYMBOLS.items():
        symbols[symbol] = {code}
    ordered = sorted(symbols, key=len, reverse=True)
    pattern = re.compile(r"(?<![^\W\d_])(?:" + "|".join(re.escape(s) for s in ordered) + ")")

    families: dict[str, set[str]] = {}
    for currency in pycountry.currencies:
        if currency.alpha_3 in codes:
            for family, _ in set(_GENERIC.values()):
                if currency.name.split()[-1] == family:
                    families.setdefault(family, set()).add(currency.alpha_3)
    return _Tables(
        codes,
        names,
        max(len(k.split()) for k in names),
        {s: frozenset(c) for s, c in symbols.items()},
        pattern,
        {f: frozenset(c) for f, c in families.items()},
    )


@dataclass(frozen=True)
class _Mention:
    candidates: frozenset[str]
    default: str | None
    label: str


def _mentions(text: str) -> tuple[list[str], list[_Mention]]:
    """(currencies the text names outright, mentions that need a default or context)."""
    tables = _tables()
    strong: list[str] = []
    weak: list[_Mention] = []
    for match in tables.symbol_pattern.finditer(text):
        symbol = match.group()
        candidates = tables.symbols[symbol]
        if symbol == "$":
            # Many dollars and pesos write '$'; trade documents mean US dollars unless they say otherwise.
            weak.append(_Mention(candidates, "USD", symbol))
        elif len(candidates) == 1:
            strong.extend(candidates)
        else:
            weak.append(_Mention(candidates, None, symbol))
    tokens = word_tokens(text)
    whole = len(tokens) == 1 and text.strip(" .:;,()") == text[tokens[0].start : tokens[0].end]
    i = 0
    while i < len(tokens):
        size_matched = 0
        for size in range(min(tables.max_words, len(tokens) - i), 0, -1):
            key = " ".join(t.key for t in tokens[i : i + size])
            if key in tables.names:
                code = tables.names[key]
                if code is not None:
                    strong.append(code)
                size_matched = size
                break
        if not size_matched:
            token = tokens[i]
            original = text[token.start : token.end]
            upper = original.upper()
            if key_generic := _GENERIC.get(token.key):
                family, default = key_generic
                weak.append(_Mention(tables.families.get(family, frozenset()), default, original))
            elif (
                len(original) == 3
                and upper in tables.codes
                and ((original.isupper() and upper not in _STOP_CODES) or whole)
            ):
                # Codes count in capitals; in any case only when they are the whole field ('usd').
                strong.append(upper)
            size_matched = 1
        i += size_matched
    return strong, weak


def parse_currency(text: str, country: str | None = None) -> Parsed[str]:
    """ISO 4217 code for a currency field: 'US$' -> 'USD', '€' -> 'EUR', 'pesos mexicanos' -> 'MXN'.

    Bare '$' and 'dollars' read as USD unless the text names another currency ('$ 1,000 M.N.' -> MXN).
    Symbols and words several currencies share ('¥', 'pesos') need `country`, the alpha-2 code of the
    country whose currency is meant, else they fail.
    """
    if not text or not text.strip():
        return Parsed.fail("empty text")
    strong, weak = _mentions(clean(text))
    distinct = list(dict.fromkeys(strong))
    if len(distinct) == 1:
        return Parsed.ok(distinct[0])
    if len(distinct) > 1:
        return Parsed.fail(f"several currencies in {text[:80]!r}: {', '.join(distinct)}")
    if not weak:
        return Parsed.fail(f"no currency in {text[:80]!r}")
    local: set[str] = set()
    if country:
        try:
            local = set(get_territory_currencies(country.upper(), tender=True))
        except Exception:  # babel raises on codes it does not know; no context then
            local = set()
    resolved: list[str] = []
    for mention in weak:
        in_country = sorted(mention.candidates & local)
        if len(in_country) == 1:
            resolved.append(in_country[0])
        elif mention.default:
            resolved.append(mention.default)
        else:
            choices = "/".join(sorted(mention.candidates)[:6])
            return Parsed.fail(f"ambiguous currency {mention.label!r} ({choices}); needs the country")
    distinct = list(dict.fromkeys(resolved))
    if len(distinct) > 1:
        return Parsed.fail(f"several currencies in {text[:80]!r}: {', '.join(distinct)}")
    return Parsed.ok(distinct[0])
