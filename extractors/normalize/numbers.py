"""Numbers written in either decimal convention, as they appear on invoices and OCR output."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import pycountry
from text_to_num import alpha2digit

from oretrace.extractors.normalize._text import clean, fix_ocr_digits
from oretrace.extractors.normalize.result import Parsed

# Digits joined by separators. Space and apostrophe only group thousands, so they must be followed by
# exactly three digits; otherwise '12 5' is two numbers and "20' container" is 20 and a word.
_BODY = r"[0-9]+(?:(?:[.,]|['’ ](?=[0-9]{3}(?![0-9])))[0-9]+)*|\.[0-9]+"
_NUMBER = re.compile(rf"(?P<sign>[-+−])?(?P<body>{_BODY})(?P<exp>[eE][-+]?[0-9]{{1,3}}(?![0-9]))?")
_SEPARATOR = re.compile(r"[^0-9]")
# What may stand between an accounting parenthesis and the amount: a currency symbol or code.
_PAREN_BEFORE = re.compile(r"\(\s*(?:(?P<code>[A-Z]{3})\s*|(?:US)?[$€£¥฿]\s*)?$")
_PAREN_AFTER = re.compile(r"^\s*(?P<code>[A-Z]{3})?\s*\)")


@lru_cache(maxsize=1)
def _currency_codes() -> frozenset[str]:
    return frozenset(c.alpha_3 for c in pycountry.currencies)


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """One number found in a text: its value (None when malformed, with `reason`) and where it stands."""

    value: float | None
    start: int
    end: int
    text: str
    reason: str | None = None
    # Set when the value rests on the '20.000 -> 20000' rule: the separator, and the decimal reading.
    ambiguous_separator: str | None = None
    decimal_reading: float | None = None


def _grouped(parts: list[str]) -> bool:
    return 1 <= len(parts[0]) <= 3 and all(len(p) == 3 for p in parts[1:])


def _interpret(body: str, hint: str | None) -> tuple[float | None, str | None, str | None, float | None]:
    """(value, reason, ambiguous separator, decimal reading) for the digits-and-separators `body`."""
    if body.startswith("."):
        return float("0" + body), None, None, None
    parts = _SEPARATOR.split(body)
    seps = _SEPARATOR.findall(body)
    if not seps:
        return float(body), None, None, None
    kinds = list(dict.fromkeys(seps))
    bad = None, f"malformed number {body!r}", None, None
    if len(kinds) > 2:
        return bad
    if len(kinds) == 2:
        # '1,234.56' / '1.234,56' / "1'234.56": the last separator is the decimal mark, used once.
        decimal = kinds[1]
        if decimal not in ".," or seps.count(decimal) != 1 or seps[-1] != decimal or not _grouped(parts[:-1]):
            return bad
        return float("".join(parts[:-1]) + "." + parts[-1]), None, None, None
    sep = kinds[0]
    if sep not in ".," or len(seps) > 1:
        # Only grouping: '1 234 567', "1'234", '1.234.567'.
        if _grouped(parts) and not parts[0].startswith("0"):
            return float("".join(parts)), None, None, None
        # '33.069.34': groups of three, then one or two decimals behind the same mark. OCR reads a ','
        # as '.' (or back); the last mark can only be decimal.
        if sep in ".," and _grouped(parts[:-1]) and len(parts[-1]) in (1, 2) and not parts[0].startswith("0"):
            return float("".join(parts[:-1]) + "." + parts[-1]), None, None, None
        return bad
    head, tail = parts
    decimal_value = float(f"{head}.{tail}")
    if len(tail) != 3 or len(head) > 3 or head.startswith("0"):
        # Cannot be a thousands group ('12,5', '1234.567'), or a leading zero says decimal ('0.012').
        return decimal_value, None, None, None
    if hint is not None:
        return (decimal_value if sep == hint else float(head + tail)), None, None, None
    # '20.000' / '20,000' with no other clue: a thousands group, as most trade documents mean it.
    return float(head + tail), None, sep, decimal_value


def _preceded_by_word(text: str, start: int) -> bool:
    """True when a word touches the number on the left, unless it is a currency code ('USD1,000').

    A hyphen or slash between a word and the digits makes them one identifier ('INV-2025', 'B/L-7').
    """
    if start >= 2 and text[start - 1] in "-/" and text[start - 2].isalpha():
        return True
    if start == 0 or not text[start - 1].isalpha():
        return False
    word_start = start
    while word_start > 0 and text[word_start - 1].isalpha():
        word_start -= 1
    word = text[word_start:start]
    return not (len(word) == 3 and word.isupper() and word in _currency_codes())


def _in_accounting_parentheses(text: str, start: int, end: int) -> bool:
    before = _PAREN_BEFORE.search(text[max(0, start - 12) : start])
    after = _PAREN_AFTER.match(text[end : end + 12])
    if not before or not after:
        return False
    codes = [c for c in (before.group("code"), after.group("code")) if c]
    return all(c in _currency_codes() for c in codes)


def find_numbers(text: str, hint_decimal: str | None = None) -> list[NumberMatch]:
    """Every number in `text` (already cleaned), in order. Offsets index `text` itself."""
    if hint_decimal not in (None, ",", "."):
        raise ValueError(f"hint_decimal must be ',', '.' or None, not {hint_decimal!r}")
    found = []
    for match in _NUMBER.finditer(text):
        start = match.start("body")
        sign = match.group("sign") or ""
        sign_start = match.start()
        # A dash glued to a word or number is a hyphen ('INV-2025', '1-2'), not a minus.
        if sign and sign_start > 0 and text[sign_start - 1].isalnum():
            sign = ""
        if sign:
            start = sign_start
        if _preceded_by_word(text, match.start("body")):
            continue
        body = match.group("body")
        value, reason, ambiguous, decimal_reading = _interpret(body, hint_decimal)
        exponent = match.group("exp")
        if value is not None and exponent:
            # One separator before an exponent is a decimal mark; more, or a thousands mark (1'000E0), is malformed.
            mantissa = body.replace(",", ".")
            digits = mantissa.replace(".", "", 1)
            if len(_SEPARATOR.findall(body)) > 1 or not (digits.isascii() and digits.isdigit()):
                value, reason = None, f"malformed number {match.group()!r}"
            else:
                value = float(mantissa + exponent)
                ambiguous, decimal_reading = None, None
        negative = sign in ("-", "−") or _in_accounting_parentheses(text, match.start(), match.end())
        if value is not None:
            if not math.isfinite(value):
                value, reason = None, f"number out of range {match.group()!r}"
            elif negative:
                value = -value
                decimal_reading = -decimal_reading if decimal_reading is not None else None
        found.append(NumberMatch(value, start, match.end(), text[start : match.end()], reason, ambiguous,
                                 decimal_reading))  # fmt: skip
    return found


def prepare(text: str) -> str:
    """The cleaning every numeric parser applies first: Unicode compatibility forms, OCR digit slips."""
    return fix_ocr_digits(clean(text))


def parse_number(text: str, hint_decimal: str | None = None) -> Parsed[float]:
    """The one number in `text`: '1.234,56' -> 1234.56, '(1,000.00)' -> -1000.0, 'USD 2O,000' -> 20000.0.

    `hint_decimal` (',' or '.') is the document's decimal mark when known; it settles '20.000'.
    Currency and unit words around the number are ignored; two or more numbers are refused.
    """
    if not text or not text.strip():
        return Parsed.fail("empty text")
    numbers = find_numbers(prepare(text), hint_decimal)
    if not numbers:
        return Parsed.fail(f"no number in {text[:80]!r}")
    if len(numbers) > 1:
        shown = ", ".join(n.text for n in numbers[:4])
        return Parsed.fail(f"several numbers in {text[:80]!r}: {shown}")
    number = numbers[0]
    if number.value is None:
        return Parsed.fail(number.reason or f"malformed number in {text[:80]!r}")
    return Parsed.ok(number.value)


def _vote(body: str) -> str | None:
    """The decimal mark a number's own shape proves, if any."""
    parts = _SEPARATOR.split(body)
    seps = _SEPARATOR.findall(body)
    kinds = list(dict.fromkeys(seps))
    if not seps or body.startswith("."):
        return None
    if len(kinds) == 2:
        decimal = kinds[1]
        ok = decimal in ".," and seps.count(decimal) == 1 and seps[-1] == decimal and _grouped(parts[:-1])
        return decimal if ok else None
    sep = kinds[0]
    if sep not in ".,":
        return None
    if len(seps) > 1:
        return ("," if sep == "." else ".") if _grouped(parts) else None
    head, tail = parts
    if len(tail) != 3 or len(head) > 3 or head.startswith("0"):
        return sep
    return None


def detect_decimal_convention(texts: Iterable[str]) -> str | None:
    """',' or '.' as the decimal mark most numbers in `texts` unambiguously use; None when unclear or tied."""
    votes = {",": 0, ".": 0}
    for text in texts:
        if not isinstance(text, str) or not text:
            continue
        for match in _NUMBER.finditer(prepare(text)):
            mark = _vote(match.group("body"))
            if mark:
                votes[mark] += 1
    if votes[","] == votes["."]:
        return None
    return "," if votes[","] > votes["."] else "."


# The languages whose number words a document may spell a count in ('SAY SEVENTEEN BUNDLES ONLY').
NUMBER_WORD_LANGUAGES = ("en", "es", "fr", "pt")


def digits_for_words(text: str) -> str:
    """The text with the numbers it spells in words written in digits ('seventeen bundles' -> '17 bundles',
    'diecisiete atados' -> '17 atados'), in the first language whose number words it uses; unchanged if none."""
    lowered = text.lower()
    for language in NUMBER_WORD_LANGUAGES:
        converted = alpha2digit(lowered, language, threshold=0)
        if converted != lowered:
            return converted
    return text
