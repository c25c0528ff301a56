"""Value parsers for label-based fields: text in, a normalised value or a reason out.

Each wraps a normaliser from `extractors.normalize` and also accepts a value embedded in a longer
phrase ("No. INV-2025-0042 dated 3 Mar 2025"), since phrases do not always end where values do.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextvars import ContextVar

import pycountry

from oretrace.core.folding import fold
from oretrace.extractors.fields.view import is_descriptor
from oretrace.extractors.normalize import (
    Parsed,
    clean_party_name,
    digits_for_words,
    parse_country,
    parse_currency,
    parse_date,
    parse_hs_code,
    parse_number,
    parse_weight_kg,
)
from oretrace.extractors.normalize.dates import month_names

Parser = Callable[[str], Parsed]

# The decimal mark the document being read uses, when its numbers tell: "19,719 MT" is 19.719 t on a
# page that writes "496,0 kg". Set per document by `extract_fields`.
DECIMAL_MARK: ContextVar[str | None] = ContextVar("DECIMAL_MARK", default=None)
# Whether the document writes numeric dates day first, when its unambiguous dates tell ('11/17/2017' on a
# page makes '11/03/2017' the 3rd of November). Set per document by `extract_fields`.
DAY_FIRST: ContextVar[bool | None] = ContextVar("DAY_FIRST", default=None)

# An identifier: letters, digits and separators, with at least one digit.
_IDENT = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-/._]*[0-9][A-Za-z0-9\-/._]*|[0-9]+")
_DATE_LIKE = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$")
_NOT_IDS = {"no", "nr", "n", "number", "date", "fecha"}  # folded: 'Num.' is 'no'


def identifier(text: str) -> Parsed[str]:
    """The first reference number in the text. A number printed in groups keeps its groups ('VN 2025 0398340',
    'A 123.456', 'TH25 31 25164'): a short capital prefix before it and the digit groups after it belong to it,
    a date or a word after it does not."""
    if _OTHER_REFERENCE.match(text):
        return Parsed.fail(f"another paper's reference: {text!r}")
    # A hyphen or slash never ends or starts a reference: a space beside one is OCR's ('EXP- 2509-986',
    # 'MX -USMCA-25-6674').
    text = _SPACE_BEFORE_JOINER.sub("", _SPACE_AFTER_JOINER.sub("", _TILDE_FOR_HYPHEN.sub("-", text)))
    # '602,131.60', '21,170': a number in thousands is an amount or a quantity, no reference, nor are its groups.
    raw = [t for part in text.split() if not _AMOUNT.fullmatch(part.strip("()")) for t in _split_commas(part)]
    tokens = [t.strip(".:;,()[]") for t in raw]
    for index, token in enumerate(tokens):
        if fold(token) in _NOT_IDS or len(token) < 3:
            continue
        if _year_of_a_date(tokens, index):
            continue  # '17 Mar 2025': the year of a date beside the label, never the reference
        if index + 1 < len(tokens) and fold(tokens[index + 1]) in _QUANTITY_UNITS:
            continue  # '18.114 MT', '2,016 kg': a quantity beside the label, never the reference
        match = _IDENT.fullmatch(token)
        if match and not _DATE_LIKE.match(token) and len(token) <= 40:
            if _spaced_code(tokens[index:]):
                return Parsed.ok(" ".join(tokens[index:]))
            return Parsed.ok(" ".join(_grouped(tokens, index, raw)))
    return Parsed.fail(f"no reference number in {text!r}")


# OCR reads a hyphen set high in its line as a tilde ('ES-INV~25-0845'); no reference is written with one.
_TILDE_FOR_HYPHEN = re.compile(r"(?<=[A-Za-z0-9])[~∼˜](?=[A-Za-z0-9])")

# 'P.O. No. 4567443', 'L/C No.: DC752563210', 'S/C No. CT-2025-105': a line that starts by naming another paper's
# number (purchase order, credit, contract, transport document) holds that number.
_OTHER_REFERENCE = re.compile(
    r"\s*(?:p\.?\s?o\.?|purchase\s+order|order|l\s?/\s?c|s\s?/\s?c|contract|b\s?/\s?l|awb|pedido|contrato)"
    r"\s*(?:no\.?|n[°º]\.?|#|number|nr\.?)\s*[:.]?\s*\w",
    re.IGNORECASE,
)
_SPACE_AFTER_JOINER = re.compile(r"(?<=\w[-/])\s+(?=\w)")
_SPACE_BEFORE_JOINER = re.compile(r"(?<=\w)\s+(?=[-/]\w)")
_AMOUNT = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3})+,\d+")
_QUANTITY_UNITS = frozenset("kg kgs mt t tm lb lbs tons tonnes metric ppm pct".split())
_CODE_WORD = re.compile(r"[A-Z]{3,5}")
# Capital words that start another reference or a date rather than continue this one.
_NOT_CODE_WORDS = frozenset("REF INV DATED DATE LOT BATCH CONT AWB".split())


def _spaced_code(tokens: list[str]) -> bool:
    """A reference printed with spaces that fills the rest of its cell, capital words between digit groups
    ('TH25 RCEP 281213', 'MX 2025 USMCA 00417'): it starts and ends with digits and holds nothing else."""
    if not 2 <= len(tokens) <= 5 or not tokens[-1].isdigit() or len(tokens[-1]) < 3:
        return False
    if not any(c.isdigit() for c in tokens[0]) or _DATE_LIKE.match(tokens[-1]):
        return False
    words = [t for t in tokens[1:-1] if not _GROUP.fullmatch(t)]
    return bool(words) and all(_code_word(t) for t in words) and not parse_date(" ".join(tokens)).found


def _code_word(token: str) -> bool:
    return (
        bool(_CODE_WORD.fullmatch(token))
        and token not in _NOT_CODE_WORDS
        and fold(token) not in month_names()
        and pycountry.currencies.get(alpha_3=token) is None
    )


def _year_of_a_date(tokens: list[str], index: int) -> bool:
    """A four-digit year written after a month's name ('17 Mar 2025', 'marzo 2025', 'March 17, 2025')."""
    if not re.fullmatch(r"(?:19|20)\d\d", tokens[index]) or index == 0:
        return False
    months = month_names()
    before = [fold(t).rstrip(".") for t in tokens[max(0, index - 2) : index]]
    return any(word in months for word in before)


_GROUP = re.compile(r"\d+(?:[.\-/]\d+)*")
_PREFIX = re.compile(r"[A-Z]{1,3}")
_NOT_PREFIXES = _NOT_IDS | {"ref", "de", "del", "of", "dd", "id", "nos", "inv"}


def _split_commas(part: str) -> list[str]:
    """'A,B' -> ['A,', 'B']: a comma ends a token (and a grouped number), its mark kept on the token."""
    pieces = part.split(",")
    return [p + "," for p in pieces[:-1] if p] + ([pieces[-1]] if pieces[-1] else [])


def _grouped(tokens: list[str], start: int, raw: list[str]) -> list[str]:
    """The tokens of a grouped number around its first token: a capital prefix ('VN', 'A') before it when the
    first token is all digits, and the digit groups after it (a group of one or two digits only when another
    group follows it); never the start of a date ('19 Sep 2025')."""
    parts = [tokens[start]]
    if (
        start > 0
        and not raw[start - 1].endswith((",", ";"))
        and _GROUP.fullmatch(tokens[start])
        and _PREFIX.fullmatch(tokens[start - 1])
        and fold(tokens[start - 1]) not in _NOT_PREFIXES
    ):
        parts.insert(0, tokens[start - 1])
    index = start + 1
    while (
        index < len(tokens)
        and not raw[index - 1].endswith((",", ";"))
        and _GROUP.fullmatch(tokens[index])
        and not _DATE_LIKE.match(tokens[index])
    ):
        digits = sum(c.isdigit() for c in tokens[index])
        following = index + 1 < len(tokens) and _GROUP.fullmatch(tokens[index + 1])
        if digits < 3 and not following:
            break
        if parse_date(" ".join(tokens[index : index + 3])).found:
            break
        parts.append(tokens[index])
        index += 1
    return parts


def certificate_reference(text: str) -> Parsed[str]:
    """A certificate's number: an identifier, or a short serial standing alone in its cell ('43')."""
    parsed = identifier(text)
    if not parsed.found and re.fullmatch(r"\d{2}", text.strip()):
        return Parsed.ok(text.strip())
    return parsed


def date(text: str) -> Parsed[str]:
    day_first = DAY_FIRST.get()
    parsed = parse_date(text, day_first=day_first)
    if parsed.found:
        return parsed
    # The date may be one of several tokens ("Date: 14/03/2025 Page 1 of 2").
    tokens = text.split()
    for size in (3, 4, 1, 2, 5):
        for start in range(len(tokens) - size + 1):
            sub = parse_date(" ".join(tokens[start : start + size]), day_first=day_first)
            if sub.found:
                return sub
    return parsed


# A web or mail address, '@' lost to OCR or not ('laboratorio € lmnorte.example', 'www.sgs.com'); its first
# letter may be a capital where OCR read the '@' as a letter ('assay Olcinspection.example'), but
# 'INDUSTRIES.CO' is a name run into its legal form.
_ADDRESS = re.compile(r"(?:^|[\s@€])(?:[A-Za-z0-9][a-z0-9-]+\.)+(?:com|net|org|edu|gov|example|co|info|biz|[a-z]{2})\b")


# "Same as consignee", "El mismo comprador", "Idem": the party named in another box, not a name of its own.
_SAME_AS = re.compile(
    r"^(?:same as\b|the same\b|as above\b|as per\b|as (?:the )?(?:consignee|buyer|shipper)\b|idem\b|ditto\b|"
    r"(?:el|la) mism[oa]\b|mism[oa] que\b|"
    r"igual\b|o mesmo\b|a mesma\b|le meme\b|la meme\b|identique\b)"
)
# A caption's qualifier read as its box's value: 'Buyer (if not consignee)', 'Comprador (si no es el destinatario)'.
_IF_NOT_QUALIFIER = re.compile(
    r"\b(?:if not|other than|not consignee|si no es|si es distinto|distinto del|si autre|si different|se diferente|"
    r"se nao for)\b"
)


def party_name(text: str) -> Parsed[str]:
    # A name has a word of three letters or more; "2025/TH/79071" or "B" is something else.
    if not re.search(r"(?<![\w/-])[^\W\d_]{3,}", text) or "@" in text or is_descriptor(text):
        return Parsed.fail(f"no name in {text!r}")
    if _ADDRESS.search(text):
        return Parsed.fail(f"a web or mail address, not a name: {text!r}")
    if not any(c.isupper() for c in text):
        # Names are written with capitals; 'fictional', 'labdx' are words of another line read as a value.
        return Parsed.fail(f"no capital letter, not a name: {text!r}")
    if _SAME_AS.match(fold(text)) or _IF_NOT_QUALIFIER.search(fold(text)):
        return Parsed.fail(f"a reference to another party, not a name: {text!r}")
    # "Globale Nummer: 4000001123452 (GTIN)", "Tel: +49 ...": a labelled number, not a name.
    head, colon, tail = text.partition(":")
    if colon and len(head.split()) <= 3 and sum(c.isdigit() for c in tail) > sum(c.isalpha() for c in tail):
        return Parsed.fail(f"a labelled number, not a name: {text!r}")
    # "GLN 4333741000005": a code and its number, more digits than letters.
    if sum(c.isdigit() for c in text) > sum(c.isalpha() for c in text):
        return Parsed.fail(f"a number, not a name: {text!r}")
    return clean_party_name(text)


def country(text: str) -> Parsed[str]:
    return parse_country(text)


def currency(text: str) -> Parsed[str]:
    return parse_currency(text)


def hs_code(text: str) -> Parsed[str]:
    return parse_hs_code(text)


# What the goods of one consignment, or one line of it, can weigh: a container carries up to about 28 t and
# a lot of concentrate rarely exceeds a few thousand tonnes. Decides '17.662 kg' (17,662 kg) and '19,719 MT'
# (19.719 t) when the document's decimal mark is unclear or OCR has read one mark as the other.
CONSIGNMENT_WEIGHT_KG = (100.0, 5_000_000.0)


def weight_kg(default_unit: str | None = None) -> Parser:
    def parse(text: str) -> Parsed[float]:
        parsed = parse_weight_kg(
            text, default_unit=default_unit, hint_decimal=DECIMAL_MARK.get(), plausible_kg=CONSIGNMENT_WEIGHT_KG
        )
        if parsed.found and default_unit and parse_currency(text).found:
            # 'US$ 981,170.90' under a 'Quantity and FOB value' caption: money, unless a weight unit says so.
            unit_stated = parse_weight_kg(text, hint_decimal=DECIMAL_MARK.get(), plausible_kg=CONSIGNMENT_WEIGHT_KG)
            if not unit_stated.found:
                return Parsed.fail(f"a money amount, not a weight: {text!r}")
        if parsed.found and parsed.value is not None and parsed.value > CONSIGNMENT_WEIGHT_KG[1]:
            return Parsed.fail(f"heavier than a consignment can be: {text!r}")  # a reference read as a weight
        if parsed.found and parsed.value is not None and parsed.value > 0:
            return parsed
        return parsed if not parsed.found else Parsed.fail("weight is zero")

    return parse


def amount(text: str) -> Parsed[float]:
    # Credit notes and corrections total below zero ('Bruttosumme -8,79'); nothing totals zero.
    parsed = parse_number(text, hint_decimal=DECIMAL_MARK.get())
    if parsed.found and parsed.value is not None and parsed.value != 0:
        return parsed
    # A currency code run into the amount ('RM24.00'): the amount is the number with its cents.
    glued = _GLUED_AMOUNT.search(text)
    if glued:
        parsed = parse_number(glued.group(1), hint_decimal=DECIMAL_MARK.get())
        if parsed.found and parsed.value is not None and parsed.value > 0:
            return parsed
    # Faint receipt print loses the decimal point ('6 00') or the cents ('RM40.'): a lone amount in its
    # cell, with at most a currency mark, still reads as one.
    if lost := _LOST_DECIMALS.fullmatch(text.strip()):
        cents = lost["cents"] or "00"
        value = float(f"{lost['units']}.{cents}")
        if value > 0:
            return Parsed.ok(value)
    return Parsed.fail(f"no amount in {text!r}")


_GLUED_AMOUNT = re.compile(r"(?<=[A-Za-z$€£¥])(\d{1,3}(?:[.,]\d{3})*[.,]\d{2}|\d+[.,]\d{2})(?![\d.,])")
_LOST_DECIMALS = re.compile(r"(?:RM|\$|[A-Z]{3})?\s*(?P<units>\d{1,6})(?: (?P<cents>\d{2})|[.,])")


# The most packages one consignment can have: the heaviest consignment (CONSIGNMENT_WEIGHT_KG) in 25 kg bags.
# A larger number by a package caption is a reference (an order or seal number in the shipping marks).
MAX_PACKAGES = int(CONSIGNMENT_WEIGHT_KG[1] / 25)


def count(text: str) -> Parsed[int]:
    # A standalone number ("18 pallets"), not digits inside a reference like "B-2507-245"; a count spelt in
    # words ("SEVENTEEN BUNDLES") is read as its digits.
    if not any(c.isdigit() for c in text):
        text = digits_for_words(text)
    match = re.search(r"(?<![\w/-])\d[\d,.]*(?![\w/-])", text)
    if not match:
        return Parsed.fail(f"no count in {text!r}")
    number = parse_number(match.group(0).strip())
    if not number.found or number.value is None or number.value != int(number.value) or number.value <= 0:
        return Parsed.fail(f"not a whole count: {text!r}")
    if number.value > MAX_PACKAGES:
        return Parsed.fail(f"more packages than a consignment can have: {text!r}")
    return Parsed.ok(int(number.value))
