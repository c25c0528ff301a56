"""Assay results as mass percent, detection limits, and element names as symbols."""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz, process

from oretrace.core.folding import fold_chars
from oretrace.extractors.normalize.numbers import find_numbers, prepare
from oretrace.extractors.normalize.result import Parsed

# The periodic table in atomic-number order; names are IUPAC English spellings.
_SYMBOLS = (
    "H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge As Se Br Kr Rb Sr Y Zr "
    "Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm Yb Lu Hf Ta W Re Os Ir "
    "Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U Np Pu Am Cm Bk Cf Es Fm Md No Lr Rf Db Sg Bh Hs Mt Ds Rg Cn Nh Fl "
    "Mc Lv Ts Og"
).split()
_NAMES = (
    "hydrogen helium lithium beryllium boron carbon nitrogen oxygen fluorine neon sodium magnesium aluminium silicon "
    "phosphorus sulfur chlorine argon potassium calcium scandium titanium vanadium chromium manganese iron cobalt "
    "nickel copper zinc gallium germanium arsenic selenium bromine krypton rubidium strontium yttrium zirconium "
    "niobium molybdenum technetium ruthenium rhodium palladium silver cadmium indium tin antimony tellurium iodine "
    "xenon caesium barium lanthanum cerium praseodymium neodymium promethium samarium europium gadolinium terbium "
    "dysprosium holmium erbium thulium ytterbium lutetium hafnium tantalum tungsten rhenium osmium iridium platinum "
    "gold mercury thallium lead bismuth polonium astatine radon francium radium actinium thorium protactinium uranium "
    "neptunium plutonium americium curium berkelium californium einsteinium fermium mendelevium nobelium lawrencium "
    "rutherfordium dubnium seaborgium bohrium hassium meitnerium darmstadtium roentgenium copernicium nihonium "
    "flerovium moscovium livermorium tennessine oganesson"
).split()
# Elements no certificate of analysis reports: those without a stable or long-lived isotope, all after
# uranium, and the noble gases, which no solid metal, oxide or ore holds to be assayed. A symbol of theirs is an
# OCR slip or another word ('Po' for Pb, 'Mt' for metric tons, 'No.', 'Ne' for Ni), never an element.
_NEVER_ASSAYED = frozenset("He Ne Ar Kr Xe Tc Pm Po At Rn Fr Ra Ac Pa".split()) | frozenset(_SYMBOLS[92:])
# US and common variant spellings.
_ENGLISH_VARIANTS = {"aluminum": "Al", "sulphur": "S", "cesium": "Cs", "wolfram": "W", "columbium": "Nb"}
# Spanish names of the elements assay certificates report (accents are folded away before lookup).
_SPANISH = {
    "antimonio": "Sb", "arsenico": "As", "plomo": "Pb", "hierro": "Fe", "azufre": "S", "bismuto": "Bi",
    "cobre": "Cu", "mercurio": "Hg", "oro": "Au", "plata": "Ag", "selenio": "Se", "cadmio": "Cd",
    "niquel": "Ni", "estano": "Sn", "zinc": "Zn", "cinc": "Zn", "cobalto": "Co", "manganeso": "Mn",
    "molibdeno": "Mo", "wolframio": "W", "tungsteno": "W", "aluminio": "Al", "silicio": "Si", "calcio": "Ca",
    "magnesio": "Mg", "sodio": "Na", "potasio": "K", "fosforo": "P", "carbono": "C", "oxigeno": "O",
    "cromo": "Cr", "telurio": "Te", "talio": "Tl", "indio": "In", "galio": "Ga", "germanio": "Ge",
    "litio": "Li", "titanio": "Ti", "vanadio": "V", "circonio": "Zr", "zirconio": "Zr", "niobio": "Nb",
    "tantalio": "Ta", "platino": "Pt", "paladio": "Pd", "bario": "Ba", "estroncio": "Sr", "cloro": "Cl",
    "fluor": "F", "boro": "B", "berilio": "Be", "uranio": "U", "torio": "Th", "renio": "Re", "rodio": "Rh",
}  # fmt: skip
# Words that sit next to an element in a table cell and name no element ('Sb, %', 'As (ppm)').
_NOT_ELEMENT_WORDS = frozenset({"ppm", "ppb", "wt", "pct", "mg", "kg", "g", "t", "ug", "μg", "total", "content",
                                "contenido", "assay", "ley"})  # fmt: skip

# Mass percent per unit.
_PERCENT_PER_UNIT: dict[str, float] = {
    "%": 1.0, "wt%": 1.0, "wt.%": 1.0, "% w/w": 1.0, "%w/w": 1.0, "w/w%": 1.0, "mass%": 1.0, "% mass": 1.0,
    "pct": 1.0, "percent": 1.0, "g/100g": 1.0,
    "g/kg": 0.1, "kg/t": 0.1,
    "ppm": 1e-4, "mg/kg": 1e-4, "g/t": 1e-4, "gpt": 1e-4, "μg/g": 1e-4, "ug/g": 1e-4, "mcg/g": 1e-4,
    "mg/l": 1e-4,
    "ppb": 1e-7, "μg/kg": 1e-7, "ug/kg": 1e-7, "mg/t": 1e-7, "ng/g": 1e-7,
}  # fmt: skip
_ND = re.compile(
    r"(?i)^\s*(?:n\.?\s?d\.?|b\.?d\.?l\.?|<\s*l\.?o\.?[dq]\.?|<\s*l\.?[dc]\.?|not\s+detected|no\s+detectado)\s*$"
)
_LESS = re.compile(r"^\s*(?:<|&lt;|less than|menor (?:a|que))\s*", re.IGNORECASE)
_MORE = re.compile(r"^\s*(?:>|&gt;|more than|greater than|mayor (?:a|que))\s*", re.IGNORECASE)


@lru_cache(maxsize=1)
def _elements() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(exact symbols, lower-case symbols, folded names) -> symbol."""
    reported = [(n, s) for n, s in zip(_NAMES, _SYMBOLS, strict=True) if s not in _NEVER_ASSAYED]
    exact = {s: s for _, s in reported}
    lower = {s.lower(): s for _, s in reported}
    names = dict(reported)
    names.update(_ENGLISH_VARIANTS)
    names.update(_SPANISH)
    return exact, lower, names


def _element_word(word: str, allow_case_slip: bool) -> str | None:
    exact, lower, names = _elements()
    if word in exact:
        return word
    folded = fold_chars(word)
    if folded in names:
        return names[folded]
    if allow_case_slip and folded in lower and word.isupper():
        # OCR and all-caps tables write 'SB', 'PB'; safe only when the word stands alone.
        return lower[folded]
    if allow_case_slip and len(folded) >= 5:
        match = process.extract(folded, list(names), scorer=fuzz.ratio, limit=2, score_cutoff=85)
        if match and (len(match) == 1 or match[0][1] - match[1][1] >= 5):
            return names[match[0][0]]
    return None


_BROKEN_AT_HYPHEN = re.compile(r"[^\W\d_]-$")


def normalize_element(text: str) -> str | None:
    """Element symbol for 'Sb', 'SB', 'Antimony', 'Antimonio', 'Sb (Antimony)', 'Arsénico, %'; else None.

    Several different elements in one text ('Pb + Zn') give None rather than a guess.
    """
    if not text or not text.strip():
        return None
    if _BROKEN_AT_HYPHEN.search(text.strip()):
        return None  # 'In-' of 'In- house method' (OCR parted the word at its hyphen): a word, not indium
    words = [w for w in re.findall(r"[^\W\d_]+", text) if fold_chars(w) not in _NOT_ELEMENT_WORDS]
    if not words or len(words) > 4:
        return None
    alone = len(words) == 1
    found = {e for e in (_element_word(w, alone) for w in words) if e}
    if len(found) != 1:
        return None
    if not alone and any(_element_word(w, False) is None for w in words):
        # Some other word in the text ('Sample No 5'): not an element label.
        return None
    return found.pop()


def _unit_factor(unit: str) -> float | None:
    key = re.sub(r"\s+", "", fold_chars(unit)).replace("µ", "μ")
    key = key.strip("()[]:,")
    for spelling, factor in _PERCENT_PER_UNIT.items():
        if key == spelling.replace(" ", ""):
            return factor
    return None


# Marks OCR leaves beside a number from a stroke, a rule or dirt: no unit.
_SPECKS = frozenset("-–—|_.,:; ")


def _read(text: str, hint_decimal: str | None) -> tuple[float | None, float | None, str | None, str | None]:
    """(value, other reading of '1,250', unit written after the number, reason) for an assay cell."""
    prepared = prepare(text)
    numbers = find_numbers(prepared, hint_decimal)
    if not numbers:
        return None, None, None, f"no number in {text!r}"
    first = numbers[0]
    unit = prepared[first.end :].strip() or None
    if unit is not None and set(unit) <= _SPECKS:
        unit = None  # a speck or a stroke beside the number ('0.0089 -', '12.5 |'), not its unit
    # More numbers are fine only inside the unit ('g/100g').
    if len(numbers) > 1 and (unit is None or _unit_factor(unit) is None):
        return None, None, None, f"several numbers in {text!r}"
    if first.value is None:
        return None, None, None, first.reason
    other = first.decimal_reading if first.ambiguous_separator else None
    return first.value, other, unit, None


def parse_detection_limit(text: str, unit_text: str | None = None, default_unit: str | None = "%") -> float | None:
    """The detection limit in mass percent of '<0.001' (percent unless a unit says otherwise), '< 5 ppm'.

    None when `text` is not a below-limit result or states no limit ('ND').
    """
    if not text or not _LESS.match(text):
        return None
    value, other, written, _ = _read(_LESS.sub("", text, count=1), None)
    unit = written or unit_text or default_unit
    factor = _unit_factor(unit) if unit else None
    if value is None or factor is None:
        return None
    if other is not None:
        value = other  # limits are small: '<0,005' is five thousandths
    return float(f"{value * factor:.12g}") if value >= 0 else None


def parse_concentration(
    value_text: str, unit_text: str | None = None, default_unit: str | None = "%", hint_decimal: str | None = None
) -> Parsed[float]:
    """Mass percent from an assay result: ('0.5', 'ppm') -> 5e-05, '65,2 %' -> 65.2, '120 g/t' -> 0.012.

    A unit written with the value wins over `unit_text` (the column's unit), which wins over `default_unit`
    (None to refuse unitless values). Results below a detection limit ('<0.001', 'ND', 'BDL') fail with
    a reason naming the limit; see `parse_detection_limit` for the number itself.
    """
    if not value_text or not value_text.strip():
        return Parsed.fail("empty text")
    text = value_text.strip()
    if _ND.match(text):
        return Parsed.fail(f"below detection limit ({text})")
    if _LESS.match(text):
        limit = parse_detection_limit(text, unit_text, default_unit)
        if limit is None:
            return Parsed.fail(f"below detection limit ({text})")
        return Parsed.fail(f"below detection limit (<{limit:g} %)")
    if _MORE.match(text):
        return Parsed.fail(f"above reporting range ({text})")
    value, other, written, reason = _read(text, hint_decimal)
    if value is None:
        return Parsed.fail(reason or f"no number in {text!r}")
    unit = written or unit_text or default_unit
    if unit is None:
        return Parsed.fail(f"no unit for {text!r}")
    factor = _unit_factor(unit)
    if factor is None:
        return Parsed.fail(f"unknown concentration unit {unit!r}")
    if other is not None:
        # '1,250' / '1.250' without a known convention: keep the reading that is a possible mass fraction.
        possible = [v for v in (value, other) if 0 <= v * factor <= 100]
        if len(possible) != 1:
            return Parsed.fail(f"ambiguous number {text!r}: {value:g} or {other:g} {unit}")
        value = possible[0]
    percent = value * factor
    if percent < 0:
        return Parsed.fail(f"negative concentration {text!r}")
    if percent > 100.0001:
        return Parsed.fail(f"concentration above 100 % in {text!r} ({unit})")
    # 12 significant digits drop float noise from the unit factor (3 * 1e-4 -> 0.0003).
    return Parsed.ok(min(float(f"{percent:.12g}"), 100.0))
