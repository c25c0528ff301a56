"""Normalisers: raw field text in, a canonical value (or the reason there is none) out.

Every parser is a pure function returning `Parsed`; none raises on arbitrary text.
"""

from oretrace.extractors.normalize.composition import normalize_element, parse_concentration, parse_detection_limit
from oretrace.extractors.normalize.countries import find_countries, parse_country
from oretrace.extractors.normalize.currency import parse_currency
from oretrace.extractors.normalize.dates import detect_day_first, parse_date
from oretrace.extractors.normalize.hs import parse_hs_code
from oretrace.extractors.normalize.names import clean_party_name, is_legal_form, names_match
from oretrace.extractors.normalize.numbers import detect_decimal_convention, digits_for_words, parse_number
from oretrace.extractors.normalize.result import Parsed
from oretrace.extractors.normalize.weights import parse_weight_kg, weight_unit_factor

__all__ = [
    "Parsed",
    "clean_party_name",
    "detect_day_first",
    "detect_decimal_convention",
    "digits_for_words",
    "find_countries",
    "is_legal_form",
    "names_match",
    "normalize_element",
    "parse_concentration",
    "parse_country",
    "parse_currency",
    "parse_date",
    "parse_detection_limit",
    "parse_hs_code",
    "parse_number",
    "parse_weight_kg",
    "weight_unit_factor",
]
