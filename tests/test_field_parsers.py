"""Property tests of the field parsers: whatever text a page holds, each returns a value or a reason, never raises."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from oretrace.extractors.fields import parsers
from oretrace.extractors.normalize.result import Parsed

PARSERS = {
    "identifier": parsers.identifier,
    "certificate_reference": parsers.certificate_reference,
    "date": parsers.date,
    "party_name": parsers.party_name,
    "country": parsers.country,
    "currency": parsers.currency,
    "hs_code": parsers.hs_code,
    "weight_kg": parsers.weight_kg(),
    "weight_kg_in_mt": parsers.weight_kg("MT"),
    "amount": parsers.amount,
    "count": parsers.count,
}
# Text as OCR and text layers produce it: letters of several scripts, digits, separators, units, currency signs.
PAGE_TEXT = st.text(
    alphabet=st.sampled_from(list("0123456789.,;:/-'() %$€£¥<>\n\tkgMTlbsUSDEURNo.ABCxyzéñßł中文\u200b\u00a0")),
    max_size=60,
) | st.text(max_size=60)


@pytest.mark.parametrize("name", sorted(PARSERS))
@settings(max_examples=150, deadline=None)
@given(text=PAGE_TEXT, decimal=st.sampled_from([None, ",", "."]), day_first=st.sampled_from([None, True, False]))
def test_parser_never_raises(name: str, text: str, decimal: str | None, day_first: bool | None) -> None:
    marks = parsers.DECIMAL_MARK.set(decimal), parsers.DAY_FIRST.set(day_first)
    try:
        result = PARSERS[name](text)
    finally:
        parsers.DECIMAL_MARK.reset(marks[0])
        parsers.DAY_FIRST.reset(marks[1])
    assert isinstance(result, Parsed)
    assert result.found == (result.value is not None)
    if not result.found:
        assert result.reason, f"{name} gave no value and no reason for {text!r}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("23 atados", 23), ("1,200 bags", 1200), ("PO 4576084", None), ("Pkgs 18 / Seal 9921034", 18)],
)
def test_a_package_count_is_no_larger_than_a_consignment_allows(text: str, expected: int | None) -> None:
    """A number by a package caption larger than the heaviest consignment in the smallest packages is an order
    or seal number, not a count."""
    assert parsers.count(text).value == expected


def test_a_weight_heavier_than_a_consignment_is_refused() -> None:
    """'PO 4523914' under a 'kg' caption, or two numbers OCR ran together, is no weight of one consignment."""
    assert parsers.weight_kg("kg")("19,449.0").value == 19449.0
    assert not parsers.weight_kg("kg")("PO 4523914 4523914.0").found
    assert not parsers.weight_kg("kg")("17 253 474.539").found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("www.lcinspection.example", None),
        ("assay@lcinspection.example", None),
        ("assay Olcinspection.example", None),  # OCR read the '@' as an 'O'
        ("Tel. +66 38 490 552 sales.antimony.com", None),
        ("Laem Chabang Inspection & Assay Co., Ltd.", "Laem Chabang Inspection & Assay Co., Ltd."),
        ("THAI UNIPET INDUSTRIES.CO LTD", "THAI UNIPET INDUSTRIES.CO LTD"),
        ("labdx", None),  # the start of a mail address under a 'Laboratorio' caption
        ("fictional company", None),
        # a reference to another party, or the caption's qualifier, in a buyer's box
        ("As per consignee", None),
        ("As consignee", None),
        ("Igual al destinatario", None),
        ("Ut not consignee)", None),  # '(if not consignee)', its '(if' garbled
        ("Ul other than consignee", None),
        ("Comprador (si no es el consignatario)", None),
    ],
)
def test_a_web_or_mail_address_or_lower_case_words_are_no_party_name(text: str, name: str | None) -> None:
    parsed = parsers.party_name(text)
    assert parsed.value == name
