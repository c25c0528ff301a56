"""Whether an extracted value is the expected one, by the kind of field.

Identifiers compare on their letters and digits ('# BLR_WFLD2015' is 'BLR_WFLD2015'); names after
folding and without legal forms, one name may run on from the other ('Free' printed as 'Free Service
Abonné'; not when the shorter is half numbers) and one or two OCR slips are tolerated in long names;
amounts and concentrations within 0.1 % (and half a cent); dates, currencies and other text exactly
after folding. A composition counts one unit per element.
"""

from __future__ import annotations

import re
from typing import Any

from rapidfuzz import fuzz

from oretrace.core.folding import fold
from oretrace.evaluation.ground_truth import values_equal

NAME_FIELDS = frozenset({"seller_name", "buyer_name", "smelter_name", "laboratory", "exporter_name", "consignee_name"})
ID_FIELDS = frozenset({"invoice_number", "certificate_number", "lot_number"})
# Legal forms and their abbreviations, folded: not what tells two companies apart.
LEGAL_FORMS = frozenset(
    """inc incorporated ltd limited llc plc corp corporation co company gmbh ag se kg ohg bv b v nv n v sa s a sas
    sarl sl srl spa sp z o o pvt private pte sdn bhd s b sb oy ab as a s kft zrt sro s r o""".split()
)
NAME_SIMILARITY = 90  # rapidfuzz ratio for names of 12+ characters read with an OCR slip


def name_core(name: str) -> list[str]:
    return [t for t in fold(name).replace("/", " ").split() if t not in LEGAL_FORMS]


def names_equal(expected: str, found: str) -> bool:
    want, got = name_core(expected), name_core(found)
    if not want or not got:
        return fold(expected) == fold(found)
    if want == got:
        return True
    shorter, longer = sorted((want, got), key=len)
    # One name may run on from the other ('Free' / 'Free Service Abonné'), but a code with its number
    # ('GLN 4333741000005') is not the start of a name.
    words = sum(1 for t in shorter if not t.isdigit())
    if longer[: len(shorter)] == shorter and words > len(shorter) - words:
        return True
    a, b = " ".join(want), " ".join(got)
    return min(len(a), len(b)) >= 12 and fuzz.ratio(a, b) >= NAME_SIMILARITY


def identifiers_equal(expected: str, found: str) -> bool:
    def key(text: str) -> str:
        return re.sub(r"[\W_]+", "", text.casefold())

    return key(str(expected)) == key(str(found))


def numbers_equal(expected: float, found: float) -> bool:
    return abs(expected - found) <= 0.005 or values_equal(float(expected), float(found))


def field_equal(name: str, expected: Any, found: Any) -> bool:
    if found is None:
        return False
    if name in NAME_FIELDS and isinstance(expected, str) and isinstance(found, str):
        return names_equal(expected, found)
    if name in ID_FIELDS and isinstance(found, str | int):
        return identifiers_equal(str(expected), str(found))
    if isinstance(expected, int | float) and isinstance(found, int | float) and not isinstance(found, bool):
        return numbers_equal(float(expected), float(found))
    return values_equal(expected, found)


def units(name: str, expected: Any, found: Any) -> list[tuple[str, Any, Any]]:
    """(unit, expected, found) to score: one per element of a composition, else the field itself."""
    if isinstance(expected, dict):
        found_map = found if isinstance(found, dict) else {}
        return [(f"{name}.{element}", value, found_map.get(element)) for element, value in sorted(expected.items())]
    return [(name, expected, found)]
