"""Normalisers: table-driven hard cases, and properties that hold for any text."""

from __future__ import annotations

import datetime as dt

import pycountry
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from oretrace.extractors.normalize import (
    Parsed,
    clean_party_name,
    detect_decimal_convention,
    find_countries,
    names_match,
    normalize_element,
    parse_concentration,
    parse_country,
    parse_currency,
    parse_date,
    parse_detection_limit,
    parse_hs_code,
    parse_number,
    parse_weight_kg,
    weight_unit_factor,
)

# Arbitrary text, plus text built from the characters documents are made of, so that the properties
# also reach the deeper branches (separators, units, symbols, OCR letters) and not only "no match".
DOCUMENTISH = st.text(
    alphabet=st.sampled_from(list("0123456789.,' -/()OolI|$€£¥฿:%<>kgtMTLBSsbeEnAaCcDdUuhinorxyzº\n\u00a0")),
    max_size=40,
)
TEXT = st.one_of(st.text(), DOCUMENTISH)
PROPERTY = settings(deadline=None)  # first calls build lookup tables; later ones are fast


def assert_parsed(result: object) -> None:
    """A parser's answer is a Parsed with exactly one of a value and a non-empty reason."""
    assert isinstance(result, Parsed)
    if result.found:
        assert result.reason is None
    else:
        assert result.value is None
        assert isinstance(result.reason, str) and result.reason


# --- Parsed -----------------------------------------------------------------------------------------------


def test_parsed_ok_and_fail() -> None:
    assert Parsed.ok(1.5).found and Parsed.ok(1.5).value == 1.5
    failed = Parsed.fail("no number")
    assert not failed.found and failed.reason == "no number" and failed.value is None
    assert Parsed.ok(0.0).found  # zero is a value, not a miss


def test_parsed_needs_exactly_one_of_value_and_reason() -> None:
    with pytest.raises(ValueError):
        Parsed(value=1, reason="both")
    with pytest.raises(ValueError):
        Parsed()
    with pytest.raises(AttributeError):
        Parsed.ok(1).value = 2  # type: ignore[misc]


# --- numbers ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,234.56", 1234.56),
        ("1.234,56", 1234.56),
        ("1 234,56", 1234.56),
        ("1\u00a0234,56", 1234.56),
        ("1\u202f234.56", 1234.56),
        ("1'234.56", 1234.56),
        ("1’234.56", 1234.56),
        ("20.000", 20000.0),
        ("20,000", 20000.0),
        ("0.012", 0.012),
        ("0,012", 0.012),
        ("12,5", 12.5),
        ("1,23", 1.23),
        ("1234.567", 1234.567),
        ("1.234.567", 1234567.0),
        ("1,234,567.89", 1234567.89),
        ("1.234.567,89", 1234567.89),
        (".5", 0.5),
        ("2O,OOO", 20000.0),
        ("1O.5", 10.5),
        ("1l,000.00", 11000.0),
        ("USD 1,234.56", 1234.56),
        ("1,234.56 USD", 1234.56),
        ("US$1,000", 1000.0),
        ("USD1,000", 1000.0),
        ("€1.234,56", 1234.56),
        ("Total: 44,092.45 lbs", 44092.45),
        ("20 kg", 20.0),
        ("20kg", 20.0),
        ("(1,234.56)", -1234.56),
        ("USD (1,234.56)", -1234.56),
        ("(20 MT)", 20.0),  # a parenthesised quantity with a unit is not an accounting negative
        ("-5", -5.0),
        ("−5", -5.0),
        ("１２３", 123.0),
        ("1.5e-3", 0.0015),
        ("20' container", 20.0),
        # One mark throughout, the last before one or two digits: OCR turned the decimal mark into the
        # grouping one (or back); only the last can be decimal.
        ("1,234,56", 1234.56),
        ("33.069.34 lbs", 33069.34),
    ],
)
def test_parse_number(text: str, expected: float) -> None:
    result = parse_number(text)
    assert result.found, result.reason
    assert result.value == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "reason_part"),
    [
        ("", "empty"),
        ("abc", "no number"),
        ("12 5", "several numbers"),
        ("1-2", "several numbers"),
        ("14.03.2025", "malformed"),
        ("12.34.5", "malformed"),
        ("0.034.12", "malformed"),
        ("1'000E0", "malformed"),  # a thousands mark before an exponent
        ("1e400", "out of range"),
        ("INV-2025", "no number"),  # digits glued to a word by a hyphen are an identifier
        ("ISO9001", "no number"),
    ],
)
def test_parse_number_refuses(text: str, reason_part: str) -> None:
    result = parse_number(text)
    assert not result.found
    assert reason_part in (result.reason or "")


@pytest.mark.parametrize(
    ("text", "hint", "expected"),
    [
        ("20.000", ".", 20.0),
        ("20.000", ",", 20000.0),
        ("20,000", ",", 20.0),
        ("20,000", ".", 20000.0),
        ("1,234", ".", 1234.0),
        ("12,5", ".", 12.5),  # cannot be a thousands group, whatever the hint
        ("1.234,56", ".", 1234.56),  # both marks present: the shape decides
    ],
)
def test_parse_number_hint(text: str, hint: str, expected: float) -> None:
    assert parse_number(text, hint_decimal=hint).value == pytest.approx(expected)


def test_parse_number_rejects_bad_hint() -> None:
    with pytest.raises(ValueError):
        parse_number("1,5", hint_decimal=";")


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["1.234,56", "12,5", "20.000"], ","),
        (["Total 1,234.56", "Qty 3.5"], "."),
        (["1.234.567"], ","),
        (["20.000", "20,000"], None),  # only ambiguous numbers: no evidence
        (["12,5", "1.5"], None),  # a tie
        ([], None),
        (["14.03.2025 no numbers here"], None),
    ],
)
def test_detect_decimal_convention(texts: list[str], expected: str | None) -> None:
    assert detect_decimal_convention(texts) == expected


@PROPERTY
@given(
    st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from([(",", "."), (".", ","), (" ", ","), ("'", ".")]),
)
def test_parse_number_round_trips_both_conventions(amount, marks) -> None:
    group, decimal = marks
    english = f"{amount:,.2f}"  # '1,234.56'
    written = english.replace(",", "\0").replace(".", decimal).replace("\0", group)
    result = parse_number(written, hint_decimal=decimal)
    assert result.value == pytest.approx(float(amount))


@PROPERTY
@given(TEXT, st.sampled_from([None, ",", "."]))
def test_parse_number_never_raises(text: str, hint: str | None) -> None:
    assert_parsed(parse_number(text, hint_decimal=hint))


@PROPERTY
@given(st.lists(TEXT, max_size=5))
def test_detect_decimal_convention_never_raises(texts: list[str]) -> None:
    assert detect_decimal_convention(texts) in (None, ",", ".")


# --- dates ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-03-14", "2025-03-14"),
        ("2025/3/4", "2025-03-04"),
        ("14/03/2025", "2025-03-14"),
        ("03/04/2025", "2025-04-03"),  # day first by default
        ("03/14/2025", "2025-03-14"),  # month first because day first is impossible
        ("14.03.2025", "2025-03-14"),
        ("14-03-25", "2025-03-14"),
        ("14 / 03 / 2025", "2025-03-14"),
        ("20250314", "2025-03-14"),
        ("March 14, 2025", "2025-03-14"),
        ("Mar. 14th, 2025", "2025-03-14"),
        ("14 Mar 2025", "2025-03-14"),
        ("14th March 2025", "2025-03-14"),
        ("14-MAR-25", "2025-03-14"),
        ("14-Mar-99", "1999-03-14"),
        ("14.MAR.2025", "2025-03-14"),
        ("2025-Mar-14", "2025-03-14"),
        ("14 de marzo de 2025", "2025-03-14"),
        ("marzo 14, 2025", "2025-03-14"),
        ("1º de abril de 2025", "2025-04-01"),
        ("14 de diciembre del 2025", "2025-12-14"),
        ("14 Sept 2025", "2025-09-14"),
        ("3 setiembre 2025", "2025-09-03"),
        ("l4/O3/2O25", "2025-03-14"),  # OCR letters for digits
        ("14 Marcn 2025", "2025-03-14"),  # OCR slip in the month name
        ("Fecha: 14/03/2025", "2025-03-14"),
        ("Date 14/03/2025 Page 1 of 2", "2025-03-14"),
        ("99/99/2025 then 14/03/2025", "2025-03-14"),
    ],
)
def test_parse_date(text: str, expected: str) -> None:
    result = parse_date(text)
    assert result.value == expected, result.reason


@pytest.mark.parametrize(
    ("text", "reason_part"),
    [
        ("", "empty"),
        ("today", "no date"),
        ("hoy", "no date"),
        ("14 Mar", "no date"),  # no year: never filled in from the clock
        ("31/02/2025", "no such date"),
        ("14/03/1985", "outside"),
        ("14/03/2150", "outside"),
        ("2025-13-01", "no such date"),
    ],
)
def test_parse_date_refuses(text: str, reason_part: str) -> None:
    result = parse_date(text)
    assert not result.found
    assert reason_part in (result.reason or "")


@pytest.mark.parametrize(
    ("text", "day_first", "expected"),
    [
        ("03/04/2025", False, "2025-03-04"),
        ("03/04/2025", True, "2025-04-03"),
        ("14/03/2025", False, "2025-03-14"),  # the preferred order is impossible
    ],
)
def test_parse_date_day_first(text: str, day_first: bool, expected: str) -> None:
    assert parse_date(text, day_first=day_first).value == expected


@PROPERTY
@given(
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31)),
    st.sampled_from(["%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d %b %Y", "%B %d, %Y", "%d-%b-%Y"]),
)
def test_parse_date_round_trips(date: dt.date, layout: str) -> None:
    assert parse_date(date.strftime(layout)).value == date.isoformat()


@PROPERTY
@given(TEXT, st.sampled_from([None, True, False]))
def test_parse_date_never_raises(text: str, day_first: bool | None) -> None:
    result = parse_date(text, day_first=day_first)
    assert_parsed(result)
    if result.found:
        assert 1990 <= dt.date.fromisoformat(result.value).year <= 2100


# --- countries --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thailand", "TH"),
        ("Tailandia", "TH"),
        ("Kingdom of Thailand", "TH"),
        ("TH", "TH"),
        ("THA", "TH"),
        ("ไทย", "TH"),
        ("México", "MX"),
        ("Mexico", "MX"),
        ("MEXICO", "MX"),
        ("United Mexican States", "MX"),
        ("Estados Unidos Mexicanos", "MX"),
        ("China", "CN"),
        ("People's Republic of China", "CN"),
        ("P.R. China", "CN"),
        ("PRC", "CN"),
        ("República Popular China", "CN"),
        ("中国", "CN"),
        ("Viet Nam", "VN"),
        ("Vietnam", "VN"),
        ("USA", "US"),
        ("U.S.A.", "US"),
        ("United States of America", "US"),
        ("Estados Unidos", "US"),
        ("EE.UU.", "US"),
        ("Bolivia", "BO"),
        ("Plurinational State of Bolivia", "BO"),
        ("Türkiye", "TR"),
        ("Turkey", "TR"),
        ("Korea, Republic of", "KR"),
        ("Republic of Korea", "KR"),
        ("South Korea", "KR"),
        ("Corea del Sur", "KR"),
        ("Russia", "RU"),
        ("Russian Federation", "RU"),
        ("Deutschland", "DE"),
        ("Democratic Republic of the Congo", "CD"),
        ("DRC", "CD"),
        ("Republic of the Congo", "CG"),
        ("UK", "GB"),
        ("Côte d'Ivoire", "CI"),
        ("Ivory Coast", "CI"),
        ("Thailánd", "TH"),  # OCR accent
        ("Tha1land", "TH"),  # OCR digit for letter
        ("Thailamd", "TH"),  # OCR letter slip, fuzzy
        ("Chna", "CN"),
        ("Country of origin: Thailand", "TH"),
        ("Made in China", "CN"),
        ("CN (China)", "CN"),
        ("Thailand / Tailandia", "TH"),
        ("Mexique", "MX"),  # French
        ("Bolívia", "BO"),  # Portuguese
        ("Origine des marchandises : Mexique", "MX"),
    ],
)
def test_parse_country(text: str, expected: str) -> None:
    result = parse_country(text)
    assert result.value == expected, result.reason


@pytest.mark.parametrize(
    ("text", "reason_part"),
    [
        ("", "empty"),
        ("Korea", "ambiguous"),
        ("Congo", "ambiguous"),
        ("Thailand / China", "several"),
        ("Austrlia", "unclear"),  # as close to Austria as to Australia
        ("New Mexico", "no country"),
        ("xyz", "no country"),
        ("in", "no country"),
    ],
)
def test_parse_country_refuses(text: str, reason_part: str) -> None:
    result = parse_country(text)
    assert not result.found
    assert reason_part in (result.reason or "")


def test_parse_country_knows_every_iso_country() -> None:
    # Names, official and common names, and both codes of every ISO 3166 country resolve to it.
    wrong = []
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name", "alpha_2", "alpha_3"):
            text = getattr(country, attr, None)
            if text and text != "Congo" and parse_country(text).value != country.alpha_2:
                wrong.append((text, country.alpha_2, parse_country(text)))
    assert not wrong


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("GOODS ARE OF THAILAND ORIGIN, NET WT 20 MT, MADE IN CHINA", [("TH", "THAILAND"), ("CN", "CHINA")]),
        ("Origin: PRC; destination USA. Tested by SGS in TH.", [("CN", "PRC"), ("US", "USA"), ("TH", "TH")]),
        (
            "ACME CO., LTD. S.A. DE C.V., Guadalupe, Nuevo León, México to Houston, TX, U.S.A.",
            [("MX", "México"), ("US", "U.S.A.")],
        ),
        (
            "Papua New Guinea, Guinea-Bissau and Guinea",
            [("PG", "Papua New Guinea"), ("GW", "Guinea-Bissau"), ("GN", "Guinea")],
        ),
        ("shipped IN bags TO the port AS agreed; IT is NO problem; BE AT ME", []),
        ("NET WT KG 20,000 / 20 MT / 44,092 LB; VAT; COD; PNG", []),
        ("china clay in a cuba; Republic of the Congo", [("CG", "Republic of the Congo")]),
        ("Estados Unidos Mexicanos y Viet Nam", [("MX", "Estados Unidos Mexicanos"), ("VN", "Viet Nam")]),
        # French and Portuguese names only as a field's whole value: in running text they are words and names
        ("suede gloves; Salvador Ruiz; a grenade", []),
        ("", []),
    ],
)
def test_find_countries(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(code, text[start:end]) for code, start, end in find_countries(text)] == expected


@PROPERTY
@given(TEXT)
def test_parse_country_never_raises(text: str) -> None:
    result = parse_country(text)
    assert_parsed(result)
    if result.found:
        assert pycountry.countries.get(alpha_2=result.value) is not None


@PROPERTY
@given(TEXT)
def test_find_countries_spans_are_valid(text: str) -> None:
    previous_end = 0
    for code, start, end in find_countries(text):
        assert pycountry.countries.get(alpha_2=code) is not None
        assert previous_end <= start < end <= len(text)
        previous_end = end


# --- currency ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("US$", "USD"),
        ("$", "USD"),
        ("USD", "USD"),
        ("usd", "USD"),
        ("USD 1,234.56", "USD"),
        ("Total: 1,234.56 USD", "USD"),
        ("US Dollars", "USD"),
        ("dólares", "USD"),
        ("Dólares Americanos", "USD"),
        ("dólares estadounidenses", "USD"),
        ("USD DLLS", "USD"),
        ("ALL PRICES IN USD", "USD"),
        ("€", "EUR"),
        ("EUR", "EUR"),
        ("Euro", "EUR"),
        ("euros", "EUR"),
        ("£", "GBP"),
        ("CN¥", "CNY"),
        ("RMB ¥ 1,000", "CNY"),  # the code settles the yen/yuan sign
        ("MXN", "MXN"),
        ("M.N.", "MXN"),
        ("$ 1,000.00 M.N.", "MXN"),  # '$' yields to a named currency
        ("MX$ 100", "MXN"),
        ("pesos mexicanos", "MXN"),
        ("THB", "THB"),
        ("฿", "THB"),
        ("Baht", "THB"),
        ("Thai Baht", "THB"),
        ("Yen", "JPY"),
        ("Yuan Renminbi", "CNY"),
    ],
)
def test_parse_currency(text: str, expected: str) -> None:
    result = parse_currency(text)
    assert result.value == expected, result.reason


@pytest.mark.parametrize(
    ("text", "reason_part"),
    [
        ("", "empty"),
        ("¥", "ambiguous"),
        ("¥ 1,000", "ambiguous"),
        ("Pesos", "ambiguous"),
        ("EUR / USD", "several"),
        ("20,000 KGS", "no currency"),  # the Kyrgyz som code is kilograms in a weight
        ("xyz", "no currency"),
    ],
)
def test_parse_currency_refuses(text: str, reason_part: str) -> None:
    result = parse_currency(text)
    assert not result.found
    assert reason_part in (result.reason or "")


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [("¥", "CN", "CNY"), ("¥", "JP", "JPY"), ("pesos", "MX", "MXN"), ("pesos", "CL", "CLP"), ("$", "MX", "USD")],
)
def test_parse_currency_with_country(text: str, country: str, expected: str) -> None:
    assert parse_currency(text, country=country).value == expected


@PROPERTY
@given(TEXT, st.sampled_from([None, "CN", "JP", "MX", "ZZ", "", "xx"]))
def test_parse_currency_never_raises(text: str, country: str | None) -> None:
    result = parse_currency(text, country=country)
    assert_parsed(result)
    if result.found:
        assert pycountry.currencies.get(alpha_3=result.value) is not None


# --- weights ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20,000 kg", 20000.0),
        ("20,000kg", 20000.0),
        ("20 MT", 20000.0),
        ("20.000 metric tons", 20000.0),  # tonnes with three decimals
        ("20.000 MT", 20000.0),
        ("20,000 MT", 20_000_000.0),  # a comma groups thousands
        ("20 t", 20000.0),
        ("20 tonnes", 20000.0),
        ("20.5 T.M.", 20500.0),
        ("20 TM", 20000.0),
        ("20 toneladas métricas", 20000.0),
        ("20.000 Kilogramos", 20000.0),
        ("44,092.45 lbs", 20000.0),
        ("44,092.45 Ibs", 20000.0),  # OCR reading of "lbs"
        ("52,910.94 Ib", 23999.999),  # OCR reading of "lb"
        ("44092 LB", 19999.79),
        ("20.000,00 KGS", 20000.0),
        ("20,000 KGS.", 20000.0),
        ("Peso neto: 20.000,000 kg", 20000.0),
        ("Net weight (kg): 20,000", 20000.0),
        ("20 MT (20,000 kg)", 20000.0),
        ("44,092.45 LBS / 20,000.00 KGS", 20000.0),
        ("20 short tons", 18143.69),
        ("1st lot 20 MT", 20000.0),
    ],
)
def test_parse_weight_kg(text: str, expected: float) -> None:
    result = parse_weight_kg(text)
    assert result.found, result.reason
    assert result.value == pytest.approx(expected, rel=1e-5)


@pytest.mark.parametrize(
    ("text", "reason_part"),
    [
        ("", "empty"),
        ("20 tons", "ambiguous unit"),  # metric, short or long: never assumed
        ("20 ton", "ambiguous unit"),
        ("20000", "no weight unit"),
        ("Net 19,500 kg Gross 20,000 kg", "several different"),
        ("20 to 30 kg", "range"),
        ("-5 kg", "negative"),
        ("heavy", "no number"),
        ("Antimony ingots, Sb 99.85% min.", "only percentages"),  # a share is no weight, whatever the unit
    ],
)
def test_parse_weight_kg_refuses(text: str, reason_part: str) -> None:
    result = parse_weight_kg(text)
    assert not result.found
    assert reason_part in (result.reason or "")


@pytest.mark.parametrize("text", ["3.432 CBM", "3.432 M3", "14 bundles", "6 pallets"])
def test_a_volume_or_a_count_is_no_weight_whatever_unit_the_caption_gives(text: str) -> None:
    result = parse_weight_kg(text, default_unit="kg")
    assert not result.found and "only volumes or counts" in (result.reason or "")
    assert parse_weight_kg(f"13,368.00 KGS TOTAL MEAS.: {text}").value == 13368.0


def test_parse_weight_kg_default_unit_and_hint() -> None:
    assert parse_weight_kg("20000", default_unit="kg").value == 20000.0
    assert parse_weight_kg("20", default_unit="MT").value == 20000.0
    assert not parse_weight_kg("20", default_unit="ton").found
    assert not parse_weight_kg("Sb 99.85 % min., en bruto", default_unit="kg").found
    # A document known to group with dots: '20.000 toneladas' is twenty thousand tonnes.
    assert parse_weight_kg("20.000 toneladas", hint_decimal=",").value == 20_000_000.0


CONSIGNMENT = (100.0, 5_000_000.0)


@pytest.mark.parametrize(
    ("text", "hint", "expected"),
    [
        ("17.662 kg", ".", 17_662.0),  # 17.662 kg is no consignment; 17,662 kg is
        ("19,719 MT", None, 19_719.0),  # 19,719 t is too much; 19.719 t is not
        ("19,719 MT", ".", 19_719.0),  # even against the document's convention: OCR swaps the marks
        ("17.662 kg", ",", 17_662.0),
        ("1,500 MT", None, 1_500_000.0),  # both readings plausible: the usual reading stands
        ("20.000 MT", None, 20_000.0),
        ("12.5 kg", None, 12.5),  # one reading only: implausible but not reinterpreted
        ("Net 17.662 kg / Gross 17.960 kg", None, None),  # two different weights are still refused
    ],
)
def test_parse_weight_kg_plausible_reading(text: str, hint: str | None, expected: float | None) -> None:
    parsed = parse_weight_kg(text, hint_decimal=hint, plausible_kg=CONSIGNMENT)
    assert parsed.value == (pytest.approx(expected) if expected is not None else None)


def test_parse_weight_kg_without_plausible_range_keeps_the_convention() -> None:
    assert parse_weight_kg("17.662 kg", hint_decimal=".").value == pytest.approx(17.662)
    assert parse_weight_kg("19,719 MT").value == 19_719_000.0


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        ("kg", 1.0),
        ("KGS", 1.0),
        ("MT", 1000.0),
        ("m.t.", 1000.0),
        ("Toneladas Métricas", 1000.0),
        ("lbs", 0.45359237),
        ("g", 0.001),
        ("short ton", 907.18474),
        ("ton", None),
        ("tons", None),
        ("furlong", None),
        ("", None),
    ],
)
def test_weight_unit_factor(unit: str, expected: float | None) -> None:
    assert weight_unit_factor(unit) == (pytest.approx(expected) if expected is not None else None)


@PROPERTY
@given(TEXT, st.sampled_from([None, "kg", "MT", "ton", "bogus"]))
def test_parse_weight_kg_never_raises(text: str, default_unit: str | None) -> None:
    result = parse_weight_kg(text, default_unit=default_unit)
    assert_parsed(result)
    if result.found:
        assert result.value >= 0


@PROPERTY
@given(TEXT)
def test_weight_unit_factor_never_raises(text: str) -> None:
    factor = weight_unit_factor(text)
    assert factor is None or factor > 0


# --- HS codes ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("8110.10", "811010"),
        ("8110.10.0000", "811010"),
        ("811010", "811010"),
        ("8110100000", "811010"),
        ("HS 2825.80.00", "282580"),
        ("2825 80", "282580"),
        ("HTS: 8110.10.00.00", "811010"),
        ("81.10.10", "811010"),
        ("0101.21", "010121"),
        ("8ll0.1O", "811010"),  # OCR letters for digits
        ("Fracción arancelaria 2825.80.01", "282580"),
        ("Invoice 2025/0001 HS code 8110.10", "811010"),
        ("Inv 20250314 HS 8110.20", "811020"),  # the labelled code wins
        ("8110.10 20 MT", "811010"),
        ("Lingotes de antimonio, en bruto 81 10.10", "811010"),  # OCR split the heading
        ("81 10.10 and 2825.80", "282580"),  # a whole code wins over a split one
        ("HS-8110.10", "811010"),  # glued to the letters that name it
    ],
)
def test_parse_hs_code(text: str, expected: str) -> None:
    result = parse_hs_code(text)
    assert result.value == expected, result.reason


@pytest.mark.parametrize(
    ("text", "reason_part"),
    [
        ("", "empty"),
        ("8110", "six-digit"),
        ("HS 28.25", "six-digit"),
        ("8110 8110", "six-digit"),
        ("2025-03-14", "six-digit"),
        ("7701.10", "chapter 77"),
        ("9801.00", "chapter 98"),
        ("0001.10", "chapter 00"),
        ("antimony", "no HS code"),
        ("Lote L-2507-270", "six-digit"),  # a lot number's digits, glued to its letters
        ("MY-2502-307", "six-digit"),
    ],
)
def test_parse_hs_code_refuses(text: str, reason_part: str) -> None:
    result = parse_hs_code(text)
    assert not result.found
    assert reason_part in (result.reason or "")


@PROPERTY
@given(st.integers(min_value=1, max_value=97), st.integers(0, 99), st.integers(0, 99), st.integers(0, 9999))
def test_parse_hs_code_reads_any_dotted_code(chapter: int, heading: int, sub: int, national: int) -> None:
    if chapter == 77:
        return
    code = f"{chapter:02d}{heading:02d}{sub:02d}"
    assert parse_hs_code(f"{code[:4]}.{code[4:]}.{national:04d}").value == code


@PROPERTY
@given(TEXT)
def test_parse_hs_code_never_raises(text: str) -> None:
    result = parse_hs_code(text)
    assert_parsed(result)
    if result.found:
        assert len(result.value) == 6 and result.value.isdigit() and 1 <= int(result.value[:2]) <= 97


def test_parse_hs_code_long_digit_runs_are_fast() -> None:
    # A possessive tail keeps digit runs linear; a backtracking one would hang here.
    assert parse_hs_code("811010" + "1" * 5001 + "x").value == "811010"


# --- composition ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        ("65.2", None, 65.2),
        ("65,2 %", None, 65.2),
        ("99.95 % w/w", None, 99.95),
        ("0.5 wt%", None, 0.5),
        ("0.5", "wt.%", 0.5),
        ("0.5", "ppm", 0.00005),
        ("120", "ppm", 0.012),
        ("120 g/t", None, 0.012),
        ("5 mg/kg", None, 0.0005),
        ("10 ppb", None, 0.000001),
        ("3 μg/g", None, 0.0003),
        ("3 µg/g", None, 0.0003),  # micro sign, not Greek mu
        ("65.123%", None, 65.123),
        ("1.250 %", None, 1.25),  # 1250 % is impossible, so the dot is decimal
        ("0,005", None, 0.005),
        ("1.2E-3 %", None, 0.0012),
        ("12 ppm", "%", 0.0012),  # the unit written with the value wins over the column's
    ],
)
def test_parse_concentration(value: str, unit: str | None, expected: float) -> None:
    result = parse_concentration(value, unit)
    assert result.found, result.reason
    assert result.value == pytest.approx(expected)


@pytest.mark.parametrize(
    ("value", "unit", "reason"),
    [
        ("<0.001", None, "below detection limit (<0.001 %)"),
        ("< 5 ppm", None, "below detection limit (<0.0005 %)"),
        ("<5", "ppm", "below detection limit (<0.0005 %)"),
        ("ND", None, "below detection limit (ND)"),
        ("n.d.", None, "below detection limit (n.d.)"),
        ("BDL", None, "below detection limit (BDL)"),
        ("<LOD", None, "below detection limit (<LOD)"),
    ],
)
def test_parse_concentration_below_detection_limit(value: str, unit: str | None, reason: str) -> None:
    result = parse_concentration(value, unit)
    assert not result.found
    assert result.reason == reason


@pytest.mark.parametrize(
    ("value", "unit", "reason_part"),
    [
        ("", None, "empty"),
        ("120", None, "above 100"),
        ("1,250", "ppm", "ambiguous"),  # 1250 ppm and 1.25 ppm are both possible
        ("5 furlongs", None, "unknown concentration unit"),
        (">99.9", None, "above reporting range"),
        ("-5", None, "negative"),
        ("abc", None, "no number"),
    ],
)
def test_parse_concentration_refuses(value: str, unit: str | None, reason_part: str) -> None:
    result = parse_concentration(value, unit)
    assert not result.found
    assert reason_part in (result.reason or "")


def test_parse_concentration_without_default_unit() -> None:
    assert not parse_concentration("65.2", default_unit=None).found
    assert parse_concentration("65.2 %", default_unit=None).value == pytest.approx(65.2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<0.001", 0.001),
        ("< 5 ppm", 0.0005),
        ("<0,005", 0.005),
        ("less than 10 ppb", 0.000001),
        ("ND", None),
        ("0.5", None),
        ("", None),
    ],
)
def test_parse_detection_limit(text: str, expected: float | None) -> None:
    limit = parse_detection_limit(text)
    assert limit == (pytest.approx(expected) if expected is not None else None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sb", "Sb"),
        ("SB", "Sb"),
        ("PB", "Pb"),
        ("AS", "As"),
        ("Antimony", "Sb"),
        ("Antimonio", "Sb"),
        ("Arsenic", "As"),
        ("Arsénico", "As"),
        ("Plomo", "Pb"),
        ("Hierro", "Fe"),
        ("Azufre", "S"),
        ("Bismuto", "Bi"),
        ("Cobre", "Cu"),
        ("Mercurio", "Hg"),
        ("Oro", "Au"),
        ("Selenio", "Se"),
        ("Cadmio", "Cd"),
        ("Níquel", "Ni"),
        ("Estaño", "Sn"),
        ("Zinc", "Zn"),
        ("Aluminum", "Al"),
        ("Sulphur", "S"),
        ("Antimonv", "Sb"),  # OCR slip in a name
        ("Sb (Antimony)", "Sb"),
        ("Antimonio (Sb)", "Sb"),
        ("Sb, %", "Sb"),
        ("Fe %", "Fe"),
        ("Pb + Zn", None),
        ("Sample No", None),
        # no assay reports an element without a stable or long-lived isotope: an OCR slip or another word
        ("Po", None),  # 'Pb' as OCR read it
        ("No", None),
        ("Mt", None),
        ("Polonium", None),
        ("U", "U"),
        ("Th", "Th"),
        ("as", None),  # a lower-case word, not a case slip
        ("Total", None),
        ("Sb2O3", None),
        ("", None),
    ],
)
def test_normalize_element(text: str, expected: str | None) -> None:
    assert normalize_element(text) == expected


@PROPERTY
@given(TEXT, st.sampled_from([None, "%", "ppm", "g/t", "bogus"]))
def test_parse_concentration_never_raises(text: str, unit: str | None) -> None:
    result = parse_concentration(text, unit)
    assert_parsed(result)
    if result.found:
        assert 0.0 <= result.value <= 100.0


@PROPERTY
@given(TEXT)
def test_parse_detection_limit_and_element_never_raise(text: str) -> None:
    limit = parse_detection_limit(text)
    assert limit is None or limit >= 0
    element = normalize_element(text)
    assert element is None or (1 <= len(element) <= 2 and element[0].isupper())


# --- names ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Exporter: ACME MINING CO., LTD.\n123 Moo 4, Rayong, Thailand", "ACME MINING CO., LTD."),
        (
            "1. Goods consigned from (Exporter's business name, address, country)\nThai Antimony Co., Ltd.\n55 Moo 2",
            "Thai Antimony Co., Ltd.",
        ),
        ("1 Goods consigned from Thai Metals Co., Ltd.", "Thai Metals Co., Ltd."),
        ("Seller ACME Co", "ACME Co"),
        ("SELLER / VENDEDOR: Minera del Norte S.A. de C.V.", "Minera del Norte S.A. de C.V."),
        ("Razón social: Minera del Norte, S.A. de C.V., Av. Juárez 123", "Minera del Norte, S.A. de C.V."),
        ("Exporter's name, address and country:\nSiam Sb Co", "Siam Sb Co"),
        ("(1) Exporter: Hunan Gold Corp.", "Hunan Gold Corp."),
        ("Messrs. ACME GmbH", "ACME GmbH"),
        ('  "ACME Ltd." ', "ACME Ltd."),
        ("ACME Trading Co., Ltd, 88/9 Sukhumvit Rd", "ACME Trading Co., Ltd"),
        ("ACME Trading Co Ltd Tel: +66 2 123 4567", "ACME Trading Co Ltd"),
        ("Buyer: Apex Inc (USA", "Apex Inc"),
        ("Thai Metals.", "Thai Metals"),
        ("3M Company", "3M Company"),  # digits that start a name stay
        ("Producer Metals Inc", "Producer Metals Inc"),  # a weak label word without a colon is the name
        ("Luzon Glass 8 Ceramics Corp.", "Luzon Glass & Ceramics Corp."),  # OCR: '&' read as '8'
        ("Eastern Seaboard Alloy Supply Co., Lid", "Eastern Seaboard Alloy Supply Co., Ltd"),  # 't' read as 'i'
        ("Unit 8 Smelter Co., Ltd.", "Unit 8 Smelter Co., Ltd."),  # a numbered unit, not an ampersand
        ("Lido Metals", "Lido Metals"),
        ("Metales y Minerales de! Bravo, S.A. de C.V.", "Metales y Minerales del Bravo, S.A. de C.V."),  # 'l' as '!'
        ("Andean Meta!s Co.", "Andean Metals Co."),
        ("Yahoo! Trading Inc.", "Yahoo! Trading Inc."),  # a capitalised word keeps its mark
        # a street run on after the name without a comma
        (
            "Metales y Minerales del Bravo, S.A. de C.V. Blvd. Harold R. Pape 1420",
            "Metales y Minerales del Bravo, S.A. de C.V.",
        ),
        ("Silk Road Trading Co., Ltd.", "Silk Road Trading Co., Ltd."),
        ("Rue Royale Metals SA", "Rue Royale Metals SA"),
        ("Agent: Chao Phraya Metal Resources Co. Ltd.", "Chao Phraya Metal Resources Co. Ltd."),  # who signs, as what
        ("Agent Metals Inc", "Agent Metals Inc"),
    ],
)
def test_clean_party_name(text: str, expected: str) -> None:
    result = clean_party_name(text)
    assert result.value == expected, result.reason


@pytest.mark.parametrize("text", ["", "Consignee:", "Exporter", "12", "---", "   \n  "])
def test_clean_party_name_refuses(text: str) -> None:
    assert not clean_party_name(text).found


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("ACME Mining Co., Ltd.", "ACME MINING COMPANY LIMITED", True),
        ("ACME Mining Co., Ltd.", "Acme Mlning Co", True),
        ("Minera del Norte S.A. de C.V.", "MINERA DEL NORTE, SA DE CV", True),
        ("Hunan Gold Corp", "Hunan Gold Corporation Limited", True),
        ("A&B Trading", "A and B Trading", True),
        ("The Apex Group", "Apex Group", True),
        ("Thai Metals", "Thai Metals Trading", True),
        ("ACME", "ACME Mining", False),  # one shared word is not the same company
        ("Thai Metals Co", "Siam Metals Co", False),
        ("Apex Inc", "Zenith Inc", False),
        ("", "", False),
    ],
)
def test_names_match(a: str, b: str, expected: bool) -> None:
    assert names_match(a, b) is expected
    assert names_match(b, a) is expected


@PROPERTY
@given(TEXT)
def test_clean_party_name_never_raises(text: str) -> None:
    result = clean_party_name(text)
    assert_parsed(result)
    if result.found:
        assert result.value == result.value.strip() and "\n" not in result.value


@PROPERTY
@given(TEXT, TEXT)
def test_names_match_is_symmetric_and_never_raises(a: str, b: str) -> None:
    assert names_match(a, b) is names_match(b, a)


@PROPERTY
@given(st.from_regex(r"[A-Za-z]{2,10}( [A-Za-z]{2,10}){0,3}", fullmatch=True))
def test_names_match_is_reflexive(name: str) -> None:
    assert names_match(name, name)


def test_a_word_parted_at_its_hyphen_names_no_element() -> None:
    """'In- house method' under a scanned results table: OCR parted 'In-house', which is no indium."""
    assert normalize_element("In-") is None and normalize_element("In") == "In" and normalize_element("Se") == "Se"


def test_ocr_marks_at_the_edge_of_a_name_are_dropped() -> None:
    assert clean_party_name("= Thai Unipet Industries").value == "Thai Unipet Industries"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("VIET Ni NAM", "VN"), ("US$ 981,170.90", None), ("MADE IN USA", "US"), ("BOLIVIA BOL", "BO"),
     ("MV Andaman Pearl V.082N", None), ("EE UU", "US")],
)  # fmt: skip
def test_a_country_is_no_code_inside_an_ocr_slipped_name_nor_a_currency(text: str, expected: str | None) -> None:
    """'VIET Ni NAM' (OCR's speck inside 'VIET NAM') holds Namibia's alpha-3 code 'NAM' but names Viet Nam; a
    dollar amount marked 'US$' names no country, nor a motor vessel's 'MV' the Maldives, nor Spanish 'EE UU'
    Estonia."""
    assert parse_country(text).value == expected
