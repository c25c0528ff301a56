"""Harmonized System codes, reduced to the six digits every country shares ('811010')."""

from __future__ import annotations

import re

from oretrace.extractors.normalize._text import clean, fix_ocr_digits
from oretrace.extractors.normalize.result import Parsed

# A heading (4 digits) and subheading (2), then national digits, joined by dots, spaces or dashes:
# '8110.10', '8110.10.0000', '811010', '2825 80', '8110.10.00.00'; or chapter pairs '81.10.10'.
# A space may only split off a two-digit subheading ('2825 80', not '8110 8110').
# The national tail is possessive so long digit runs cannot backtrack exponentially.
_CODE = re.compile(
    r"(?<![0-9.,])(?:(?P<heading>[0-9]{4})(?:[.-]?(?P<sub>[0-9]{2})|\s(?P<spaced>[0-9]{2})(?![0-9]))(?P<rest>(?:[.\s-]?[0-9]+)*+)"
    r"|(?P<c>[0-9]{2})\.(?P<h>[0-9]{2})\.(?P<s>[0-9]{2}))(?![0-9])"
)
_SPLIT_HEADING = re.compile(r"(?<![0-9.,])([0-9]{2})\s([0-9]{2})\.([0-9]{2})(?![0-9])")
_LABEL = re.compile(r"(?i)\b(?:h\.?\s?t?\.?\s?s\.?|tariff|arancel\w*|fracci[oó]n|partida|hs\s?code|commodity)\b")
# Digits glued to letters by a hyphen ('L-2507-270', 'MY-2502-307') are a lot or reference number, unless the
# letters name the code ('HS-8110.10').
_IDENTIFIER_BEFORE = re.compile(r"[A-Za-z]-$")
_NAMED_BEFORE = re.compile(r"(?i)\bh\.?t?\.?s\.?-$")
_DATE_LIKE = re.compile(r"(?:19|20)[0-9]{2}[-./](?:0[1-9]|1[0-2])[-./][0-9]{2}")
# Chapter 77 is reserved in the nomenclature; 98-99 are national, never part of an HS-6 code.
_CHAPTERS = frozenset(range(1, 98)) - {77}


def parse_hs_code(text: str) -> Parsed[str]:
    """The HS-6 code in `text`: 'HTS: 8110.10.00.00' -> '811010', '2825 80' -> '282580'.

    Codes right after a label ('HS', 'HTS', 'Tariff', 'Fracción arancelaria') win over others; date-shaped
    digits are skipped. Fewer than six digits, or a chapter outside 01-97, is refused.
    """
    if not text or not text.strip():
        return Parsed.fail("empty text")
    prepared = fix_ocr_digits(clean(text))
    candidates: list[tuple[bool, str]] = []
    for match in _CODE.finditer(prepared):
        if _DATE_LIKE.fullmatch(match.group().strip()):
            continue
        before = prepared[: match.start()]
        if _IDENTIFIER_BEFORE.search(before) and not _NAMED_BEFORE.search(before):
            continue
        if match.group("heading"):
            digits = match.group("heading") + (match.group("sub") or match.group("spaced"))
        else:
            digits = match.group("c") + match.group("h") + match.group("s")
        labelled = bool(_LABEL.search(prepared[max(0, match.start() - 30) : match.start()]))
        candidates.append((labelled, digits))
    if not candidates:
        # OCR splits a heading at a gap between its digits ('81 10.10'): taken only where no whole code stands.
        split = [m.group(1) + m.group(2) + m.group(3) for m in _SPLIT_HEADING.finditer(prepared)]
        candidates = [(False, digits) for digits in split[:1]]
    if not candidates:
        if re.search(r"[0-9]{2}", prepared):
            return Parsed.fail(f"no six-digit HS code in {text[:80]!r}")
        return Parsed.fail(f"no HS code in {text[:80]!r}")
    labelled = [digits for is_labelled, digits in candidates if is_labelled]
    digits = (labelled or [digits for _, digits in candidates])[0]
    if int(digits[:2]) not in _CHAPTERS:
        return Parsed.fail(f"HS chapter {digits[:2]} does not exist ({digits})")
    return Parsed.ok(digits)
