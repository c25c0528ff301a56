"""Weights in kilograms, from any unit trade documents use."""

from __future__ import annotations

import re
from functools import lru_cache

from oretrace.core.folding import fold_chars
from oretrace.extractors.normalize.numbers import NumberMatch, find_numbers, prepare
from oretrace.extractors.normalize.result import Parsed

_LB = 0.45359237
_KG_PER_UNIT: dict[float, tuple[str, ...]] = {
    1.0: ("kg", "kgs", "kilo", "kilos", "kilogram", "kilograms", "kilogramme", "kilogrammes", "kilogramo",
          "kilogramos", "k.g.", "kg.", "kgs.", "kgr", "kgrs"),
    # 'MTS', 'M/TS': the plural of 'MT' as exporters write it.
    1000.0: ("t", "mt", "mts", "m/t", "m/ts", "m.t.", "tm", "t.m.", "tonne", "tonnes", "metric ton", "metric tons",
             "metric tonne", "metric tonnes", "tonelada", "toneladas", "tonelada metrica", "toneladas metricas",
             "ton metrica", "ton metricas", "tons metricas", "ton. metrica", "tn", "tns", "dmt", "wmt"),
    0.001: ("g", "gr", "grs", "gram", "grams", "gramme", "grammes", "gramo", "gramos"),
    0.000001: ("mg",),
    # 'Ibs', 'Ib': OCR reads the 'l' of a printed 'lbs' as a capital 'I' (no other unit is spelt so).
    _LB: ("lb", "lbs", "lb.", "lbs.", "ibs", "ib", "pound", "pounds", "libra", "libras"),
    0.028349523125: ("oz", "ounce", "ounces", "onza", "onzas"),
    0.0311034768: ("ozt", "oz t", "troy oz", "troy ounce", "troy ounces", "onza troy", "onzas troy"),
    # Only spelt out: 'ST' and 'LT' are more often '1st' and litres than short and long tons.
    907.18474: ("short ton", "short tons", "tonelada corta", "toneladas cortas"),
    1016.0469088: ("long ton", "long tons", "tonelada larga", "toneladas largas"),
}  # fmt: skip
# 'ton' alone may be metric, short (907 kg) or long (1016 kg): never assumed.
_AMBIGUOUS_UNITS = frozenset({"ton", "tons", "ton.", "tons."})
_TONNE = 1000.0
_RANGE = re.compile(r"\s*(?:-|–|to|a|~|hasta)\s*")
# A lone '.' or ',' before exactly three digits: a thousands group ('19,719' = 19719) or a decimal mark
# (19.719), depending on the document's convention, which OCR also blurs by reading one mark as the other.
_TWO_READINGS = re.compile(r"[-−]?(?P<head>[1-9]\d{0,2})[.,](?P<tail>\d{3})")


@lru_cache(maxsize=1)
def _units() -> dict[str, float]:
    return {_unit_key(u): factor for factor, units in _KG_PER_UNIT.items() for u in units}


def _unit_key(unit: str) -> str:
    return re.sub(r"\s+", " ", fold_chars(unit).replace(".", " ")).strip()


@lru_cache(maxsize=1)
def _unit_pattern() -> re.Pattern[str]:
    # Longest spelling first, on folded text; dots and spaces inside a unit may vary ('t.m.', 'm. t.').
    spellings = sorted({*_units(), *(_unit_key(u) for u in _AMBIGUOUS_UNITS)}, key=len, reverse=True)
    alternatives = "|".join(r"[.\s]*".join(re.escape(part) for part in s.split(" ")) for s in spellings)
    return re.compile(rf"(?<![^\W\d_])(?P<unit>{alternatives})\.?(?![^\W\d_])")


def weight_unit_factor(unit: str) -> float | None:
    """Kilograms per `unit` ('MT' -> 1000.0, 'lbs' -> 0.45359237); None for unknown or ambiguous ('tons')."""
    if not unit or not unit.strip():
        return None
    return _units().get(_unit_key(unit))


def _unit_after(text: str, folded: str, number: NumberMatch) -> tuple[str, float | None] | None:
    """The unit written right after a number ('20 MT', '20,000kg', '20.000,00 KGS.'), if any."""
    gap = len(folded[number.end :]) - len(folded[number.end :].lstrip())
    match = _unit_pattern().match(folded, number.end + gap)
    if match is None:
        return None
    written = text[match.start("unit") : match.end("unit")]
    return written, weight_unit_factor(written)


def _other_reading(number: NumberMatch) -> float | None:
    """The number's value under the other reading of an ambiguous mark ('19,719' read as 19719 -> 19.719)."""
    match = _TWO_READINGS.fullmatch(number.text)
    if match is None or number.value is None:
        return None
    grouped, decimal = float(match["head"] + match["tail"]), float(f"{match['head']}.{match['tail']}")
    other = decimal if abs(abs(number.value) - grouped) < 1e-9 else grouped
    return -other if number.value < 0 else other


def _plausible_value(number: NumberMatch, factor: float, plausible_kg: tuple[float, float] | None) -> float:
    """The number's value, or its other reading when only that one gives a plausible weight."""
    assert number.value is not None
    if plausible_kg is None:
        return number.value
    low, high = plausible_kg
    other = _other_reading(number)
    if other is not None and not low <= number.value * factor <= high and low <= other * factor <= high:
        return other
    return number.value


# Units of what a packing list also measures beside weights: volume, and counts of packages or pieces.
_NOT_A_WEIGHT = re.compile(
    r"\s*(?:cbm|m3|m³|cu\.?\s?m|cft|cu\.?\s?ft|litres?|liters?|bundles?|pallets?|bags?|drums?|cases?|boxes|"
    r"packages?|pkgs?|bultos?|atados?|colis|sacos?|pcs|pieces?|ingots?)\b"
)


def parse_weight_kg(
    text: str,
    default_unit: str | None = None,
    hint_decimal: str | None = None,
    plausible_kg: tuple[float, float] | None = None,
) -> Parsed[float]:
    """Kilograms from a weight: '20 MT' -> 20000.0, '44,092.45 lbs' -> 20000.0, '20.000,00 KGS' -> 20000.0.

    A unit written elsewhere in the text ('Net weight (kg): 20,000') applies to a bare number; with none,
    `default_unit` does. Several weights must agree (to 0.5 %) or the text is refused. Tonnes written
    '20.000 MT' are read with three decimals (20 t), as metal trade writes them, unless `hint_decimal`
    says the document groups thousands with dots. With `plausible_kg`, a number whose mark can be read
    both ways ('17.662 kg', '19,719 MT') takes the reading inside that range when only one of them is.
    """
    if not text or not text.strip():
        return Parsed.fail("empty text")
    prepared = prepare(text)
    folded = fold_chars(prepared)
    numbers = [n for n in find_numbers(prepared, hint_decimal) if n.value is not None]
    if not numbers:
        return Parsed.fail(f"no number in {text[:80]!r}")
    weights: list[tuple[float, float]] = []  # (kg, factor)
    bare: list[NumberMatch] = []
    measures = 0  # numbers of a volume or a count
    for number, after in zip(numbers, [*numbers[1:], None], strict=True):
        if after is not None and _RANGE.fullmatch(folded[number.end : after.start]):
            return Parsed.fail(f"weight range in {text[:80]!r}")
        assert number.value is not None
        if folded[number.end :].lstrip().startswith("%"):
            continue  # a share ('Sb 99.85%'), never a weight
        if _NOT_A_WEIGHT.match(folded[number.end :]):
            measures += 1
            continue  # a volume ('3.432 CBM') or a count ('5 bundles'), whatever unit a label gives
        unit = _unit_after(prepared, folded, number)
        if unit is None:
            bare.append(number)
            continue
        written, factor = unit
        if factor is None:
            return Parsed.fail(f"ambiguous unit {written!r} (metric, short or long ton)")
        value = _plausible_value(number, factor, plausible_kg)
        if factor == _TONNE and number.ambiguous_separator == "." and number.decimal_reading is not None:
            value = number.decimal_reading
        weights.append((value * factor, factor))
    if not weights and not bare:
        if measures:
            return Parsed.fail(f"only volumes or counts in {text[:80]!r}")
        return Parsed.fail(f"only percentages in {text[:80]!r}")
    if not weights:
        units = {_unit_key(m.group("unit")) for m in _unit_pattern().finditer(folded)}
        if len(units) > 1:
            return Parsed.fail(f"several units in {text[:80]!r}")
        if units:
            unit_name = units.pop()
            factor = _units().get(unit_name)
            if factor is None:
                return Parsed.fail(f"ambiguous unit {unit_name!r} (metric, short or long ton)")
        elif default_unit is not None:
            factor = weight_unit_factor(default_unit)
            if factor is None:
                return Parsed.fail(f"unknown default unit {default_unit!r}")
        else:
            return Parsed.fail(f"no weight unit in {text[:80]!r}")
        if len(bare) > 1:
            return Parsed.fail(f"several numbers in {text[:80]!r}")
        number = bare[0]
        value = _plausible_value(number, factor, plausible_kg)
        if factor == _TONNE and number.ambiguous_separator == "." and number.decimal_reading is not None:
            value = number.decimal_reading
        weights.append((value * factor, factor))
    kilograms = [kg for kg, _ in weights]
    low, high = min(kilograms), max(kilograms)
    if high - low > 0.005 * max(abs(high), 1e-9):
        return Parsed.fail(f"several different weights in {text[:80]!r}")
    # Of equal weights, the one in the finest unit carries the most precision ('20 MT (20,012 kg)').
    kg = min(weights, key=lambda w: w[1])[0]
    if kg < 0:
        return Parsed.fail(f"negative weight in {text[:80]!r}")
    return Parsed.ok(round(kg, 6))
