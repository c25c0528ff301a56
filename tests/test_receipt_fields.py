"""Fields of a scanned till receipt: the total (its labels, OCR slips in the amount, and the receipt's own
arithmetic, cash tendered minus change and total plus rounding, settling a misread digit) and the date."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from oretrace.core.models import Page, TextSource, Word
from oretrace.extractors.fields import parsers
from oretrace.extractors.fields.commercial_invoice import extract
from oretrace.extractors.fields.view import DocumentView

CHAR_WIDTH = 0.018
LINE_STEP = 0.03
SPACE = 0.012

# A line: (x0, text) runs, each run optionally with the OCR confidence of its words.
Run = tuple[float, str] | tuple[float, str, float]


def receipt(lines: Sequence[Sequence[Run]]) -> Page:
    """A narrow OCR'd receipt page: each line's runs of words at their left edges."""
    words: list[Word] = []
    for index, runs in enumerate(lines):
        y0 = 0.05 + index * LINE_STEP
        for run in runs:
            x0, text = run[0], run[1]
            confidence = run[2] if len(run) > 2 else 0.9
            x = x0
            for token in text.split():
                x1 = x + CHAR_WIDTH * len(token)
                words.append(Word(text=token, bbox=(x, y0, x1, y0 + 0.012), confidence=confidence, line=index))
                x = x1 + SPACE
    return Page(number=1, width=600.0, height=1500.0, source=TextSource.OCR, language="eng", words=words)


def total_of(lines: Sequence[Sequence[Run]]) -> object:
    return extract(DocumentView([receipt(lines)]))["total_amount"]


def test_grand_total_beside_its_label_not_the_cash_line_under_it() -> None:
    total = total_of([
        [(0.05, "SUB TOTAL"), (0.75, "6.00")],
        [(0.05, "GRAND TOTAL"), (0.75, "6.00")],
        [(0.05, "CASH 50.00 MYR"), (0.75, "50.00")],
        [(0.05, "CHANGE DUE"), (0.75, "44.00")],
    ])  # fmt: skip
    assert total.value == 6.0


def test_total_of_one_tax_rate_is_not_the_total_payable() -> None:
    total = total_of([
        [(0.05, "Total 6% supplies (excl. GST):"), (0.75, "28.32")],
        [(0.05, "Total 6% supplies (Inc. GST):"), (0.75, "30.01")],
        [(0.05, "Total 0% supplies:"), (0.75, "-7.43")],
        [(0.05, "Total Payable:"), (0.75, "22.58")],
    ])  # fmt: skip
    assert total.value == 22.58


def test_total_that_states_the_tax_it_includes_is_the_total() -> None:
    total = total_of([
        [(0.05, "Sub Total"), (0.75, "10.00")],
        [(0.05, "Total Includes GST 6%"), (0.75, "10.60")],
    ])  # fmt: skip
    assert total.value == 10.6


def test_total_of_the_tax_is_not_the_total() -> None:
    total = total_of([
        [(0.05, "Total Sales (Excluding GST) :"), (0.75, "20.00")],
        [(0.05, "Total GST"), (0.75, "1.20")],
        [(0.05, "Rounding"), (0.75, "0.00")],
        [(0.05, "Total Sales (Inclusive of GST) :"), (0.75, "21.20")],
        [(0.05, "CASH :"), (0.75, "21.20")],
        [(0.05, "Change :"), (0.75, "0.00")],
    ])  # fmt: skip
    assert total.value == 21.2


def test_misread_l_and_lost_decimal_point() -> None:
    total = total_of([
        [(0.05, "Tota! incl"), (0.4, "of GST"), (0.75, "6 00")],
        [(0.05, "Payment"), (0.75, "6.00")],
    ])  # fmt: skip
    assert total.value == 6.0


def test_amount_with_its_cents_lost() -> None:
    assert total_of([[(0.05, "Sub Total")], [(0.05, "Total"), (0.7, "RM40.")]]).value == 40.0


def test_amount_on_the_line_under_its_label_to_the_right() -> None:
    total = total_of([
        [(0.05, "89"), (0.3, "1"), (0.7, "89.00")],
        [(0.05, "Total RM")],
        [(0.7, "89.00")],
        [(0.05, "Cash")],
    ])  # fmt: skip
    assert total.value == 89.0


def test_amount_including_tax_with_ocr_noise_after_it() -> None:
    total = total_of([
        [(0.05, "Pay parking ticket"), (0.7, "5.00 Ri")],
        [(0.05, "Amount Incl. GST"), (0.7, "5.00 Ri")],
        [(0.05, "GST 6%"), (0.7, "0.28 RM")],
    ])  # fmt: skip
    assert total.value == 5.0


def test_tendered_minus_change_corrects_a_digit_lost_from_the_total() -> None:
    total = total_of([
        [(0.05, "Fried Rice 3 Pax"), (0.5, "1"), (0.7, "71.00")],
        [(0.05, "TOTAL"), (0.7, "1.00", 0.67)],
        [(0.05, "Cash"), (0.7, "71.00", 0.95)],
        [(0.05, "Cash Received"), (0.7, "101,00", 0.82)],
        [(0.05, "Change"), (0.7, "30.00", 0.91)],
    ])  # fmt: skip
    assert total.value == 71.0
    assert {e.text for e in total.evidence} >= {"1.00", "101,00", "30.00"}
    assert total.confidence < 0.67


def test_cash_lines_read_less_surely_than_the_total_do_not_overrule_it() -> None:
    total = total_of([
        [(0.05, "Total Sales (Inclusive of GST) :"), (0.75, "178.08", 0.55)],
        [(0.05, "CASH :"), (0.75, "'78.08", 0.51)],
        [(0.05, "Change :"), (0.75, "0.00", 0.95)],
    ])  # fmt: skip
    assert total.value == 178.08


def test_two_total_lines_that_agree_outweigh_a_misread_cash_line() -> None:
    total = total_of([
        [(0.05, "TakeOut Total (incl GST)"), (0.75, "18.90", 0.89)],
        [(0.05, "Total Rounded"), (0.75, "18.90", 0.94)],
        [(0.05, "Cash Tendered"), (0.75, "50.09", 0.94)],
        [(0.05, "Change"), (0.75, "31.10", 0.95)],
    ])  # fmt: skip
    assert total.value == 18.9


def test_total_plus_rounding_corrects_a_misread_rounded_total() -> None:
    total = total_of([
        [(0.05, "Total"), (0.75, "9.00")],
        [(0.05, "Rounding Adjustment"), (0.75, "0.00")],
        [(0.05, "Rounded Total (RM):"), (0.75, "9.60")],
        [(0.05, "Cash"), (0.75, "10.00")],
    ])  # fmt: skip
    assert total.value == 9.0


def test_sum_of_a_later_table_is_not_the_total_before_rounding() -> None:
    total = total_of([
        [(0.05, "Rounding"), (0.75, "0.01")],
        [(0.05, "Total Sales (inclusive of GST)"), (0.75, "4.25")],
        [(0.05, "CASH"), (0.75, "4.30")],
        [(0.05, "CHANGE"), (0.75, "0.05")],
        [(0.05, "Total:"), (0.5, "4.00"), (0.75, "0.24")],
    ])  # fmt: skip
    assert total.value == 4.25


@pytest.mark.parametrize(
    ("text", "value"),
    [("6 00", 6.0), ("RM40.", 40.0), ("RM 5.00", 5.0), ("12 500", 12500.0), ("1,234.50", 1234.5)],
)
def test_amount_parser_reads_receipt_print(text: str, value: float) -> None:
    assert parsers.amount(text).value == value


@pytest.mark.parametrize("text", ["6 00 12", "Total 6 00", "0 00", "RM"])
def test_amount_parser_reads_no_decimals_into_other_text(text: str) -> None:
    assert not parsers.amount(text).found


def test_unlabelled_iso_date_beside_the_time() -> None:
    page = receipt([
        [(0.05, "[Sales]2018-01-05 22:55:25"), (0.7, "PosNo:86")],
        [(0.05, "Fried Rice"), (0.7, "71.00")],
    ])  # fmt: skip
    assert extract(DocumentView([page]))["invoice_date"].value == "2018-01-05"


def test_total_after_the_rounding_line_is_the_amount_paid() -> None:
    total = total_of([
        [(0.05, "Total (ESO 681):")],
        [(0.7, "21.30")],
        [(0.05, "GST payable (6%):"), (0.75, "1.31")],
        [(0.05, "Total (Inclusive of GST):"), (0.75, "23.26")],
        [(0.05, "Rounding"), (0.75, "~0.0)")],
        [(0.05, "TOTAL:"), (0.75, "23.25")],
        [(0.05, "Closed:"), (0.5, "29-10-2017")],
    ])  # fmt: skip
    assert total.value == 23.25


def test_both_checks_agreeing_overrule_a_total_misread_beyond_one_digit() -> None:
    total = total_of([
        [(0.05, "Total Amount(incl. GST)"), (0.75, "31.47")],
        [(0.05, "Rounding"), (0.75, "-0.02")],
        [(0.05, "TOTAL"), (0.75, "1,4")],
        [(0.05, "CASH"), (0.75, "50.00")],
        [(0.05, "CHANGE"), (0.75, "18.55")],
    ])  # fmt: skip
    assert total.value == 31.45
    assert len(total.evidence) == 5


def test_total_caption_over_the_line_items_gives_no_total() -> None:
    total = total_of([
        [(0.05, "Item"), (0.45, "Qty"), (0.75, "Total")],
        [(0.05, "SR 100100000031 Chicken")],
        [(0.05, "$2.70"), (0.45, "1"), (0.75, "$270")],
        [(0.05, "SR 100100000064 4 Vege")],
        [(0.05, "$5.50"), (0.45, "1"), (0.75, "$5.50")],
        [(0.05, "GST REG 000656195584")],
    ])  # fmt: skip
    assert not total.found


def test_a_house_number_written_like_a_short_date_is_no_unlabelled_date() -> None:
    """'2-4-11 Nankohigashi' (a Japanese address) reads as 2 April 2011; without a label only a date written
    out more fully is taken."""
    page = receipt([
        [(0.05, "Kansai Flame Chemicals K.K.")],
        [(0.05, "2-4-11 Nankohigashi, Suminoe-ku")],
        [(0.05, "Fried Rice"), (0.7, "71.00")],
    ])  # fmt: skip
    assert extract(DocumentView([page]))["invoice_date"].value is None


def test_an_unlabelled_date_written_out_in_spanish() -> None:
    """'Fecha' garbled by OCR ('Founa:'): the date after it is still the first whole date at the head."""
    page = receipt([
        [(0.05, "Comercializadora Antimonio del Bajío"), (0.7, "No.: EXP-2503-926")],
        [(0.6, "Founa: 24 de marzo de 2025")],
        [(0.05, "5 bundles 2025"), (0.7, "71.00")],
    ])  # fmt: skip
    assert extract(DocumentView([page]))["invoice_date"].value == "2025-03-24"
