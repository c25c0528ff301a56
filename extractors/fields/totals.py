"""What tables and totals carry: weights in a column's total row, the invoice amount chosen by meaning
(and checked by a receipt's own arithmetic), the currency beside amounts, lot numbers listed under their header."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from itertools import takewhile

from oretrace.core.folding import fold
from oretrace.core.models import FieldValue
from oretrace.extractors.fields import parsers
from oretrace.extractors.fields.labels import LABELS
from oretrace.extractors.fields.parsers import Parser
from oretrace.extractors.fields.spec import (
    LabelledField,
    ends_reading,
    field_value,
    is_label,
    own_label_ids,
    run_on_caption,
    translated_value,
)
from oretrace.extractors.fields.view import Candidate, DocumentView, LabelHit, is_descriptor
from oretrace.extractors.layout import Phrase
from oretrace.extractors.normalize import digits_for_words, parse_currency, parse_number

_UNIT_IN_LABEL = {"kg": "kg", "kgs": "kg", "kilos": "kg", "mt": "mt", "t": "t", "tm": "mt", "lbs": "lb", "lb": "lb"}
# A "total" that is not the invoice amount: the total weight, count or quantity.
_NOT_MONEY = frozenset(
    "weight weights peso pesos net gross neto bruto packages package bultos bundles pallets bags qty quantity "
    "cantidad kg kgs mt tons lbs units".split()
    # nor the amount before tax ('Total HT', 'Total excl. GST', 'Summe ohne USt.', 'Exclusief BTW')
    + "ht excl exclusief ohne netto untaxed subtotal subtotaal zwischensumme".split()
)
# What is left to pay after prepayments and open items: the total only when no gross total is printed.
_PAYABLE_LABELS = frozenset(
    """amount due|total due|balance due|amount payable|total payable|zahlbetrag|net a payer|somme a payer|
    te betalen|do zaplaty|razem do zaplaty|kwota do zaplaty|total a pagar""".replace("\n", "").split("|")
)


_BRACKETED = re.compile(r"\([^)]*\)")
_TAX_WORDS = frozenset("gst vat tax sst iva tva mwst ust btw".split())
_RATE = re.compile(r"\d\s?%")
_INCLUSIVE = re.compile(r"\b(?:incl?|includes?|including|inclusive|inkl|ttc|brutto)\b", re.IGNORECASE)


def _tax_rate_line(text: str) -> bool:
    """'Total 6% supplies', 'Total 0% rated', 'Total 6% supplies (Inc. GST)': one line of a tax breakdown
    by rate, not the total; a line that says the total includes the tax at a rate ('Total Includes GST 6%')
    is the total."""
    rate = _RATE.search(text)
    if rate is None:
        return False
    inclusive = _INCLUSIVE.search(text)
    return inclusive is None or inclusive.start() > rate.start()


def _tax_total(text: str) -> bool:
    """'Total GST 1.20', 'Total Tax': the total of the tax, not the total including it."""
    words = fold(text).split()
    return len(words) > 1 and words[1] in _TAX_WORDS and not _INCLUSIVE.search(text)


def label_unit(hit: LabelHit) -> str | None:
    """'Net Weight (MT)' -> 'mt': a unit stated in the label applies to bare numbers under it."""
    for token in fold(hit.phrase.text).split():
        if token in _UNIT_IN_LABEL:
            return _UNIT_IN_LABEL[token]
    return None


# Words that mark a table's total row ('TOTAL', 'Grand total', 'Total general', 'Gesamt'); a subtotal is not it.
_TOTAL_WORDS = frozenset("total totals totales totaux summe suma sum gesamt gesamtsumme totaal".split())
_SUBTOTAL = re.compile(r"\b(?:sub|sous|zwischen)[\s-]?(?:total|summe)", re.IGNORECASE)


def is_total_row(view: DocumentView, cell: Phrase) -> bool:
    """The row of the cell is a total row: a cell of it starts with a total word, or names the grand total;
    'Subtotal' rows are not."""
    row = view.rows[view.row_index(cell)]
    for phrase in row:
        if _SUBTOTAL.search(phrase.text):
            return False
    return any(_total_caption(p.text) for p in row)


def is_subtotal_row(view: DocumentView, cell: Phrase) -> bool:
    return any(_SUBTOTAL.search(p.text) for p in view.rows[view.row_index(cell)])


def _total_caption(text: str) -> bool:
    words = fold(text).split()
    return bool(words) and (
        words[0] in _TOTAL_WORDS or (len(words) > 1 and words[0] == "grand" and words[1] in _TOTAL_WORDS)
    )


def unit_over(view: DocumentView, hit: LabelHit) -> str | None:
    """The unit a header spanning the label's column states ('Weight in Kilos' over 'Gross' and 'Net'): it
    applies to the bare numbers under each of them. The nearest header over the label within two rows
    decides (the other headers of a two-row header row stand beside it)."""
    label, row = hit.phrase, view.row_index(hit.phrase)
    for above in reversed(view.rows[max(0, row - 2) : row]):
        over = [p for p in above if p.page == label.page and p.overlaps_horizontally(label)]
        if over:
            return next((_UNIT_IN_LABEL[t] for t in fold(over[0].text).split() if t in _UNIT_IN_LABEL), None)
    return None


# Net-weight labels that name a quantity rather than the weight: the goods sold by weight are counted in it.
QUANTITY_LABELS = frozenset(
    ("quantity", "cantidad", "quantite", "quantidade", "net quantity", "peso o cantidad", "weight or quantity")
)


def _unit_of_a_count(view: DocumentView, hit: LabelHit) -> bool:
    """'11 | pallets': a package word after a number in the cell before it is that count's unit, no caption."""
    if hit.rest or len(hit.phrase.words) != 1 or fold(hit.phrase.text) not in PACKAGE_WORDS:
        return False
    before = view.phrase_before(hit.phrase)
    return before is not None and bool(re.fullmatch(r"\d[\d,.]*", before.words[-1].text))


def column_until_label(view: DocumentView, hit: LabelHit, skip: set[int], whole_cells: bool = False) -> list[Phrase]:
    """The column under a header, ending where another field's label starts."""
    cells = []
    for cell in view.column_below(hit.phrase, whole_cells=whole_cells):
        if id(cell.words[0]) in skip:
            break
        cells.append(cell)
    return cells


SUM_TOLERANCE = 0.005  # subtotals rounded one by one, a total in another unit ('52,910.94 lbs' over kg lots)


class ColumnTotalField(LabelledField):
    """A quantity next to its label or, when the label heads a table column, the column's total row."""

    def parser(self, view: DocumentView, hit: LabelHit) -> Parser:
        return self.parse_for_label(view, hit) if self.parse_for_label else self.parse

    def extract(self, view: DocumentView, skip: set[int]) -> FieldValue:
        # A total first; a quantity column only after the labels that name the weight ('Net' over 'Quantity').
        hits = sorted(
            view.find_labels(self.labels),
            key=lambda h: (-("total" in fold(h.label)), fold(h.label) in QUANTITY_LABELS),
        )
        found = [read for hit in hits if (read := self._read(view, hit, hits, skip)) is not None]
        if not found:
            return FieldValue.missing(self.name, f"no {self.name} next to its labels")
        return _whole_of_tables(found) or found[0][0]

    def _read(
        self, view: DocumentView, hit: LabelHit, hits: list[LabelHit], skip: set[int]
    ) -> tuple[FieldValue, bool] | None:
        """The value one label gives, and whether it is the total row of a column the label heads."""
        parse = self.parser(view, hit)
        if not is_label(hit, parse) or _unit_of_a_count(view, hit) or _numbers_packages(hit):
            return None
        # 'Net weight: 14.500,00 KGS': a label with its value beside it heads no column.
        valued = bool(hit.rest) and parse(" ".join(w.text for w in hit.rest)).found
        numeric = [] if valued else [c for c in column_until_label(view, hit, skip) if parse(c.text).found]
        if len(numeric) > 1 and _names_both_weights(_whole_caption(view, hit)):
            return None  # 'Gross / Net Wt.' over alternating 'G 3,068.00' and 'N 3,000.00': neither's column
        if len(numeric) > 1:
            return self._column_total(view, numeric, parse, hit.score / 100)
        across = cells_across(view, hit)
        readable = [c for c in across if parse(c.text).found]
        if len(across) > 1 and len(readable) == len(across):
            return self._row_total(view, across, parse, hit.score / 100), False
        if len(readable) > 1 and any(_under_total_caption(view, c) for c in readable):
            # A cell OCR garbled ('ty' for 2) leaves the total under its caption to be read.
            return self._row_total(view, readable, parse, hit.score / 100), False
        own = own_label_ids(hits)
        for candidate in translated_value(view, self.labels, hit, parse, view.value_candidates(hit)):
            if run_on_caption(candidate, hit):
                continue
            if candidate.where != "inline" and id(candidate.words[0]) in skip:
                if ends_reading(candidate, skip, own):
                    break
                continue
            if candidate.where != "inline" and _labelled_as_other_weight(self.name, candidate.text):
                continue  # 'G.W. 19,446 kg' under a 'Net' caption is the gross weight
            parsed = parse(candidate.text)
            if parsed.found:
                return field_value(self.name, parsed.value, candidate, hit.score / 100), False
        return None

    def _column_total(
        self, view: DocumentView, cells: list[Phrase], parse: Parser, score: float
    ) -> tuple[FieldValue, bool]:
        """The column's total: the row marked total, else a last row that sums the others, else the sum; and
        whether the column ends in its own total (a row marked total, or a last row that sums the others). Only
        such a column is one table of several ('Total this container')."""
        # Subtotals repeat the lines above them: they are neither lines nor the total.
        cells = [c for c in cells if not is_subtotal_row(view, c)]
        marked = [i for i, c in enumerate(cells) if is_total_row(view, c)]
        values = [float(parse(c.text).value or 0) for c in cells]
        # Under a single line the total repeats it: only its caption ('Container total') tells it is one.
        named = any(
            word in _TOTAL_WORDS
            for phrase in view.rows[view.row_index(cells[-1])]
            for word in fold(phrase.text).split()
        )
        sums = len(values) > 1 and values[-1] > 0 and _last_sums_the_others(values)
        return self._total(cells, marked, parse, score), bool(marked) or (sums and (len(values) > 2 or named))

    def _row_total(self, view: DocumentView, cells: list[Phrase], parse: Parser, score: float) -> FieldValue:
        """A table turned on its side ('Net weight (kg) | 2,056.5 | 20,249.5 | 22,306.0' under a row of lots):
        the cell under a total caption, else a last cell that sums the others, else the sum."""
        marked = [i for i, c in enumerate(cells) if _under_total_caption(view, c)]
        return self._total(cells, marked, parse, score)

    def _total(self, cells: list[Phrase], marked: list[int], parse: Parser, score: float) -> FieldValue:
        values = [float(parse(c.text).value) for c in cells]
        if marked:
            chosen = [marked[-1]]
        elif _last_sums_the_others(values):
            chosen = [len(cells) - 1]
        else:
            chosen = list(range(len(cells)))
        total = sum(values[i] for i in chosen)
        value = int(total) if all(isinstance(parse(cells[i].text).value, int) for i in chosen) else round(total, 3)
        evidence = [
            field_value(self.name, value, Candidate(cells[i].text, tuple(cells[i].words), cells[i].page, "column"),
                        score).evidence[0]
            for i in chosen
        ]  # fmt: skip
        first = cells[chosen[0]]
        result = field_value(self.name, value, Candidate(first.text, tuple(first.words), first.page, "column"), score)
        return result.model_copy(update={"evidence": evidence})


def _last_sums_the_others(values: list[float]) -> bool:
    return abs(values[-1] - sum(values[:-1])) <= SUM_TOLERANCE * values[-1]


_OTHER_WEIGHT = {"net_weight_kg": "gross_weight_kg", "gross_weight_kg": "net_weight_kg"}


def _whole_caption(view: DocumentView, hit: LabelHit) -> str:
    """The text of the phrase a label was found in, the words before it included ('Gross / Net Wt.')."""
    first = hit.phrase.words[0]
    row = view.rows[view.row_index(hit.phrase)]
    return next((p.text for p in row if any(w is first for w in p.words)), hit.phrase.text)


def _names_both_weights(text: str) -> bool:
    folded = f" {fold(text)} "
    return all(any(f" {fold(label)} " in folded for label in LABELS[name]) for name in _OTHER_WEIGHT)


def _labelled_as_other_weight(name: str, text: str) -> bool:
    """A value that carries the other weight's label before it ('G.W. 19,446 kg' read for the net weight)."""
    other = _OTHER_WEIGHT.get(name)
    if other is None:
        return False
    folded = f"{fold(text)} "
    return any(folded.startswith(f"{fold(label)} ") for label in LABELS[other]) and any(c.isdigit() for c in text)


def _whole_of_tables(found: list[tuple[FieldValue, bool]]) -> FieldValue | None:
    """One table per container or truck on the page, each closed by its total row under the same caption: the
    document's figure is the value stated elsewhere that sums the tables' totals ('GRAND TOTAL ... 21,000 kg'),
    else their sum, not the first table's. Tables on different pages may carry one total forward into the next,
    and are left alone."""
    tables: list[FieldValue] = []
    for value, closed in found:
        # Two captions over one table ('N.W. (KGS)', 'QUANTITY' in tonnes) close it on one row: one table.
        if closed and value.evidence and not any(_same_row(value, table) for table in tables):
            tables.append(value)
    if len(tables) < 2:
        return None
    whole = sum(float(value.value or 0) for value in tables)
    stated = next(
        (
            value
            for value, closed in found
            if not closed and whole > 0 and abs(float(value.value or 0) - whole) <= SUM_TOLERANCE * whole
        ),
        None,
    )
    if stated is not None or len({value.evidence[0].page for value in tables}) > 1:
        return stated
    total = int(whole) if all(isinstance(value.value, int) for value in tables) else round(whole, 3)
    evidence = [e for value in tables for e in value.evidence]
    raw = " + ".join(value.raw or str(value.value) for value in tables)
    confidence = min(value.confidence for value in tables)
    return tables[0].model_copy(update={"value": total, "evidence": evidence, "raw": raw, "confidence": confidence})


def _same_row(first: FieldValue, second: FieldValue) -> bool:
    a, b = first.evidence[0], second.evidence[0]
    return a.page == b.page and a.bbox[1] < b.bbox[3] and b.bbox[1] < a.bbox[3]


def cells_across(view: DocumentView, hit: LabelHit) -> list[Phrase]:
    """The cells right of a bare row caption that starts its row ('Peso líquido (kg)  2,056.5  20,249.5')."""
    if hit.inside or (hit.rest and not is_descriptor(" ".join(w.text for w in hit.rest))):
        return []  # a label with its value on its own phrase ('Net weight: 4 t'), or inside running text
    row = view.rows[view.row_index(hit.phrase)]
    if row[0] is not hit.phrase:
        return []
    return [p for p in row if p.x0 >= hit.phrase.x1 - 0.005]


# Rows a column caption stands over: a table of lots turned on its side has one row each for the lots, net,
# tare and gross weight, packages and measurement.
HEADER_ROWS_ABOVE = 6


def _under_total_caption(view: DocumentView, cell: Phrase) -> bool:
    """A total caption ('TOTAL', 'Total general') stands over the cell, within the rows above it."""
    index = view.row_index(cell)
    return any(
        phrase.page == cell.page and phrase.overlaps_horizontally(cell) and _total_caption(phrase.text)
        for row in view.rows[max(0, index - HEADER_ROWS_ABOVE) : index]
        for phrase in row
    )


def weights_in_total_row(view: DocumentView, name: str) -> FieldValue:
    """Where the weight labels are unreadable: the weights of the table's total row. Net weight never
    exceeds gross, so of two weights the smaller is net and the larger gross."""
    parse = parsers.weight_kg()
    for row in view.rows:
        if not row or not fold(row[0].text).startswith("total"):
            continue
        weights = [(float(parsed.value), p) for p in row[1:] if (parsed := parse(p.text)).found]
        if not weights or (name == "gross_weight_kg" and len(weights) < 2):
            continue
        value, phrase = (min if name == "net_weight_kg" else max)(weights, key=lambda vp: vp[0])
        return field_value(name, value, Candidate(phrase.text, tuple(phrase.words), phrase.page, "text"), 0.8)
    return FieldValue.missing(name, "no weight label and no total row with weights")


# Captions of the column of line amounts on an invoice's goods table.
AMOUNT_COLUMN_LABELS = ("amount", "importe", "montant", "valor", "value", "total", "line total", "subtotal")
MIN_LINES = 2


def amount_column_total(view: DocumentView, name: str = "total_amount") -> FieldValue:
    """Where no total caption is read: the first cell of the line amounts' column that is the sum of the amounts
    above it ('Total net weight / 16 bundles ... 688,413.65' under three lots' amounts)."""
    for hit in view.find_labels(AMOUNT_COLUMN_LABELS):
        cells = [c for c in view.column_below(hit.phrase) if parsers.amount(c.text).found]
        values = [float(parsers.amount(c.text).value or 0) for c in cells]
        for index in range(MIN_LINES, len(values)):
            total = values[index]
            if total > 0 and abs(total - sum(values[:index])) <= SUM_TOLERANCE * total:
                cell = cells[index]
                return field_value(name, total, Candidate(cell.text, tuple(cell.words), cell.page, "column"), 0.8)
    return FieldValue.missing(name, "no column of line amounts with their sum under them")


MIN_REPEATS = 3  # two subtotals and their total: fewer cannot show which one sums the others


def total_of_repeated_label(view: DocumentView, name: str) -> FieldValue:
    """A label repeated down the page with a value after each: 'Net: 4,037.0 kg Tare: 64.5 kg' under every
    lot, 'Net: 13.066 metric tons' in the grand-total box. The value that is the sum of all the others is the
    document's total, wherever it stands."""
    found = list(_label_colon_values(view, LABELS[name], parsers.weight_kg()))
    if len(found) >= MIN_REPEATS:
        whole = sum(value for value, _ in found)
        for value, candidate in found:
            if value > 0 and abs(value - (whole - value)) <= SUM_TOLERANCE * value:
                return field_value(name, value, candidate, 0.9)
    return FieldValue.missing(name, "no repeated label with a value that sums the others")


MAX_LABEL_WORDS = 3


def _label_colon_values(
    view: DocumentView, labels: tuple[str, ...], parse: Parser
) -> Iterator[tuple[float, Candidate]]:
    """Every 'Label: value' on a line, where the value runs to the next word ending in a colon ('Net: 7,000.0 kg
    Tare: 169.0 kg Gross: 7,169.0 kg' holds three), read by `parse` on its longest start that it reads."""
    wanted = {fold(label) for label in labels}
    for row in view.rows:
        words = [word for phrase in row for word in phrase.words]
        for index, word in enumerate(words):
            if not word.text.endswith(":"):
                continue
            spans = (words[index + 1 - n : index + 1] for n in range(1, MAX_LABEL_WORDS + 1) if index + 1 >= n)
            if not any(fold(" ".join(w.text for w in span)) in wanted for span in spans):
                continue
            rest = list(takewhile(lambda w: not w.text.endswith(":"), words[index + 1 :]))
            for end in range(len(rest), 0, -1):
                text = " ".join(w.text for w in rest[:end])
                if (parsed := parse(text)).found and parsed.value is not None:
                    yield float(parsed.value), Candidate(text, tuple(rest[:end]), row[0].page, "inline")
                    break


# Words that count packages ('16 atados', '23 bundles', '19 pallets'), in the languages of the documents.
PACKAGE_WORDS = frozenset(
    """bundle bundles pallet pallets bag bags drum drums sack sacks case cases box boxes package packages
    pkg pkgs crate crates bultos bulto atados atado tarimas tarima sacos saco cajas caja tambores fardos fardo
    volumes volume paletes palete fardeaux fardeau colis palettes palette sacs""".split()
)
_COUNT_OF_PACKAGES = re.compile(r"^(\d[\d,.]*)\s+(\w+)")


def packages_in_total_row(view: DocumentView) -> FieldValue:
    """Where the package label is unreadable: a count of packages in the table's total row ('TOTAL | 16 atados')."""
    for row in view.rows:
        if not row or not _total_caption(row[0].text):
            continue
        for phrase in row[1:]:
            if (counted := _packages_counted(_COUNT_OF_PACKAGES.match(phrase.text.strip()), phrase)) is not None:
                return counted
    return FieldValue.missing("package_count", "no package label and no count of packages in a total row")


def _packages_counted(match: re.Match[str] | None, phrase: Phrase) -> FieldValue | None:
    """The package count a match of a number (group 1) and its word (group 2) gives, when the word counts
    packages."""
    if match is None or fold(match.group(2)) not in PACKAGE_WORDS:
        return None
    parsed = parsers.count(match.group(1))
    if not parsed.found:
        return None
    return field_value(
        "package_count", parsed.value, Candidate(phrase.text, tuple(phrase.words), phrase.page, "text"), 0.8
    )


# 'SAY SEVENTEEN (17) BUNDLES ONLY', 'SAY TOTAL: 17 PALLETS ONLY': a count written out, as letters of credit ask.
_SAID = re.compile(r"^say\b[\s:]*(?:total\b[\s:]*)?(?:of\s+)?(.+)$", re.IGNORECASE)
_SAID_COUNT = re.compile(r"(\d[\d,.]*)\s+(?:\(\d[\d,.]*\)\s+)?([^\W\d_]+)")


def packages_said(view: DocumentView) -> FieldValue:
    """A count of packages a 'SAY ... ONLY' line writes out in words (with or without its digits)."""
    for row in view.rows:
        for phrase in row:
            said = _SAID.match(phrase.text.strip())
            match = _SAID_COUNT.search(digits_for_words(said.group(1))) if said else None
            if (counted := _packages_counted(match, phrase)) is not None:
                return counted
    return FieldValue.missing("package_count", "no count of packages written out")


# Captions of what numbers the packages one by one: a column's ('Pkg No.' over 1, 2, 3) or the marks' ('BUNDLE NO.
# 1-17').
_NUMBERED = "pkg package bundle pallet case bag carton crate drum c bulto atado colis tarima saco".split()
PACKAGE_NUMBER_LABELS = (
    *(f"{word} {mark}" for word in _NUMBERED for mark in ("no", "nos")),
    "c/no",
    "c/nos",
    "no de bulto",
    "no de atado",
    "numero de bulto",
)
_FOLDED_NUMBER_LABELS = tuple(fold(label) for label in PACKAGE_NUMBER_LABELS)
_NUMBERS = re.compile(r"^(\d{1,4})(?:\s*(?:-|–|to|a|al|à)\s*(\d{1,4}))?$")


def _numbers_packages(hit: LabelHit) -> bool:
    """'Colis n° / Pkg No.': a package word with a number mark heads the numbers the packages carry, which
    are no counts to add up."""
    text = fold(hit.phrase.text)
    return any(f"{text} ".startswith(f"{label} ") for label in _FOLDED_NUMBER_LABELS)


def packages_numbered(view: DocumentView) -> FieldValue:
    """Where no count is stated: the numbers the packages carry count them, when they run from 1 without a gap
    ('Pkg No.' over 1, 2, 3, 4; over ranges '1-8', '9-12'; 'BUNDLE NO. 1-17' in the marks)."""
    for hit in view.find_labels(PACKAGE_NUMBER_LABELS):
        # The numbers after the caption ('BUNDLE NO. 1-17'), or under it when only words follow it (a caption in
        # two languages, 'Colis n° / Pkg No.').
        inline = any(c.isdigit() for w in hit.rest for c in w.text)
        cells = [hit.rest] if inline else [c.words for c in view.column_below(hit.phrase) if not is_total_row(view, c)]
        ranges = [_NUMBERS.match(" ".join(w.text for w in words).strip(" .:")) for words in cells]
        numbered = list(takewhile(lambda match: match is not None, ranges))
        if len(numbered) < min(2, len(ranges)):
            continue  # a column that numbers no packages; after two numbered rows, a cell is the table's foot
        numbers = {n for match in numbered if match for n in range(int(match[1]), int(match[2] or match[1]) + 1)}
        if len(numbers) > 1 and numbers == set(range(1, len(numbers) + 1)):  # one number alone counts nothing
            words = tuple(w for cell in cells[: len(numbered)] for w in cell)
            candidate = Candidate(" ".join(w.text for w in words), words, hit.phrase.page, "column")
            return field_value("package_count", len(numbers), candidate, 0.8)
    return FieldValue.missing("package_count", "no package numbers that count the packages")


def weight_field(name: str) -> ColumnTotalField:
    def parse_for_label(view: DocumentView, hit: LabelHit) -> Parser:
        return parsers.weight_kg(label_unit(hit) or unit_over(view, hit))

    return ColumnTotalField(name, LABELS[name], parsers.weight_kg(), parse_for_label)


class AmountField(LabelledField):
    """The invoice total, chosen by meaning: a money amount (currency marked) next to a total label,
    not a total weight or package count, nor an amount before tax; a gross total before an amount due
    (which nets prepayments); on a receipt, the total after the rounding adjustment (the amount paid);
    the largest such amount when several qualify."""

    def extract(self, view: DocumentView, skip: set[int]) -> FieldValue:
        # (rank, amount, candidate, label match score) of every money amount beside a total label
        found: list[tuple[int, float, Candidate, float]] = []
        for hit in view.find_labels(self.labels):
            # Words beside the label say what it totals ('Total net weight'); the label's own words do not
            # ('Net à payer' is the amount due).
            label_words = set(fold(hit.phrase.text).split()) - set(fold(hit.label).split())
            if label_words & _NOT_MONEY or _tax_rate_line(hit.phrase.text) or _tax_total(hit.phrase.text):
                continue
            # The currency may be named in the caption ('Monto total EUR | 813.120,00'), not by the amount.
            caption_currency = parse_currency(hit.phrase.text).found
            payable = fold(hit.label) in _PAYABLE_LABELS
            specific = len(fold(hit.label).split()) // 2
            beside_found = False
            for candidate in _beside(view, hit):
                # An amount beside the label is its value; the line under it then belongs to another
                # label ('GRAND TOTAL 6.00' over 'CASH 50.00').
                if candidate.where == "below" and (beside_found or _heads_item_column(view, hit, self.parse)):
                    continue
                # '(GST 6%)', '(ESO 681)': a bracketed aside beside the label, not the amount.
                parsed = self.parse(_BRACKETED.sub(" ", candidate.text))
                if not parsed.found or parsed.value is None:
                    continue
                beside_found = True
                has_currency = caption_currency or parse_currency(candidate.text).found
                rank = has_currency + specific - (candidate.where == "below") - payable
                found.append((rank, float(parsed.value), candidate, hit.score))
        if not found:
            return FieldValue.missing(self.name, "no money amount next to a total label")
        rounded = _rounded_total(view, [c for _, _, c, _ in found])
        _, value, candidate, score = max(found, key=lambda f: (f[2] is rounded, f[0], f[1]))
        total = field_value(self.name, value, candidate, score / 100)
        # Two total lines that agree ('Total incl. GST 18.90', 'Total rounded 18.90') outweigh a sum of
        # payment lines, which OCR may have misread instead.
        if len({view.row_of(c) for _, v, c, _ in found if v == value}) > 1:
            return total
        return _checked_by_payment(view, total, candidate, [(v, c) for _, v, c, _ in found])


def _heads_item_column(view: DocumentView, hit: LabelHit, parse: Parser) -> bool:
    """'Item  Qty  Total' over the line items: the 'Total' caption heads a column of line amounts, whose
    first cell is no total (a boxed grid of totals has one amount under each caption)."""
    if hit.rest:
        return False
    return sum(parse(cell.text).found for cell in view.column_below(hit.phrase)) > 1


ROUNDED_TOTAL_ROWS = 3  # the rounded total follows the rounding line within this many rows


def _rounded_total(view: DocumentView, candidates: list[Candidate]) -> Candidate | None:
    """On a receipt the amount paid is the total printed right after the rounding adjustment (found by its
    label, even where its amount is unreadable: 'Rounding Adj: =0)02')."""
    rows = [view.row_index(hit.phrase) for hit in view.find_labels(_ROUNDING) if _bare_label(hit)]
    if not rows:
        return None
    after = [c for c in candidates if min(rows) < view.row_of(c) <= min(rows) + ROUNDED_TOTAL_ROWS]
    return min(after, key=view.row_of) if after else None


def _beside(view: DocumentView, hit: LabelHit) -> list[Candidate]:
    """A total stands beside its label, anywhere along a total row; under it are line items."""
    phrase = hit.phrase
    candidates = (
        [Candidate(" ".join(w.text for w in hit.rest), tuple(hit.rest), phrase.page, "inline")] if hit.rest else []
    )
    index = view.row_index(phrase)
    for p in view.rows[index]:
        if p.x0 >= phrase.x1 - 0.005:
            candidates.append(Candidate(p.text, tuple(p.words), p.page, "right"))
    # A skewed receipt line splits in two: the amount alone on the next line, right of the label.
    if not candidates or all(c.where == "inline" for c in candidates):
        following = view.rows[index + 1] if index + 1 < len(view.rows) else []
        if len(following) == 1 and following[0].page == phrase.page and following[0].x0 >= phrase.x1:
            lone = following[0]
            if _LONE_AMOUNT.fullmatch(lone.text.strip()):
                candidates.append(Candidate(lone.text, tuple(lone.words), lone.page, "right"))
    # A boxed grid puts the total in the cell under its caption: that one cell, not the column.
    under = next(view.value_candidates(hit, inline=False), None)
    if under is not None and under.where in ("below", "box"):
        candidates.append(Candidate(under.text, under.words, under.page, "below"))
    return candidates


_LONE_AMOUNT = re.compile(r"[^\w\s]?\s*\d[\d.,]*[.,]\d{2}")


# What a customer handed over, and what came back: the receipt's own check of its total.
_TENDERED = ("cash", "cash received", "cash tendered", "tendered", "amount tendered", "payment", "paid",
             "amount paid", "received")  # fmt: skip
_CHANGE = ("change", "change due", "cash change", "change amount")
_ROUNDING = ("rounding", "rounding adjustment", "rounding adj", "round adj", "round amt", "rounding amount")


def _amounts_beside(view: DocumentView, labels: tuple[str, ...]) -> list[tuple[float, Candidate]]:
    """The amount beside (inline or right of) each of `labels`, nearest first, with where it stands."""
    found = []
    for hit in view.find_labels(labels):
        if not _bare_label(hit):
            continue
        for candidate in _beside(view, hit):
            if candidate.where == "below":
                continue
            # Change and rounding may well be nil ('0.00'), which no total is.
            parsed = parse_number(candidate.text)
            if not parsed.found:
                parsed = parsers.amount(candidate.text)
            if parsed.found and parsed.value is not None:
                found.append((float(parsed.value), candidate))
                break
    return found


def _bare_label(hit: LabelHit) -> bool:
    """'Cash 50.00 MYR', 'Rounding Adj:': the label's own line may carry an amount or a short abbreviation;
    other words make another label ('Payment terms 30 days', 'Received above goods')."""
    return not any(sum(c.isalpha() for c in w.text) > 3 for w in hit.rest)


def _checked_by_payment(
    view: DocumentView, total: FieldValue, read: Candidate, earlier_totals: list[tuple[float, Candidate]]
) -> FieldValue:
    """A receipt checks its own total twice: under it, cash tendered minus change; above it, the total
    before rounding plus the rounding adjustment. When both checks agree on another amount than the total
    read, OCR misread the total. When one check differs from it by a single misread digit ('1.00' for
    71.00, '9.60' for 9.00), the total is misread too, unless the cash lines were read less surely than
    it; several such sums that disagree settle nothing, unless one of them is printed elsewhere too."""
    value = total.value
    if not isinstance(value, float | int):
        return total
    row = view.row_of(read)
    after = [(a, c) for a, c in _amounts_beside(view, _TENDERED) if view.row_of(c) > row and _clean(c)]
    change = [(a, c) for a, c in _amounts_beside(view, _CHANGE) if view.row_of(c) > row and _clean(c)]
    paid = [(round(t - c, 2), [tc, cc]) for t, tc in after for c, cc in change if t - c > 0]
    rounded: list[tuple[float, list[Candidate]]] = []
    for adjustment, rc in _amounts_beside(view, _ROUNDING):
        if view.row_of(rc) >= row or not _clean(rc):
            continue
        for before, bc in earlier_totals:
            if view.row_of(bc) < view.row_of(rc) and before != value and _clean(bc):
                rounded.append((round(before + adjustment, 2), [bc, rc]))
    both = [(a, p + r) for a, p in paid for b, r in rounded if a == b and a != value]
    if both:
        return _corrected(total, *both[0])
    # Cash lines are misread as often as the total: alone they overrule it only when read more surely.
    sums = [(a, sources) for a, sources in paid if min(c.confidence for c in sources) > read.confidence]
    slips = [(a, sources) for a, sources in sums + rounded if a != value and _one_digit_apart(a, float(value))]
    if len({a for a, _ in slips}) > 1:
        operands = {id(c.words[0]) for _, sources in slips for c in sources} | {id(read.words[0])}
        slips = [(a, sources) for a, sources in slips if _printed_elsewhere(view, a, operands)]
    if len({a for a, _ in slips}) != 1:
        return total
    return _corrected(total, *slips[0])


# An amount read whole: digits, its cents, at most a sign and a currency mark ('RM 18.55', '-0.02', '101,00');
# OCR noise around it ('~0.0)', "'78.08") says a digit may be lost.
_CLEAN_AMOUNT = re.compile(r"(?:RM|\$|[A-Z]{3})?\s*[-−]?\s*\d{1,3}(?:,\d{3})*[.,]\d{2}|(?:RM|\$)?\s*\d+[.,]\d{2}")


def _clean(candidate: Candidate) -> bool:
    return bool(_CLEAN_AMOUNT.fullmatch(candidate.text.strip()))


def _corrected(total: FieldValue, amount: float, sources: list[Candidate]) -> FieldValue:
    """The total the receipt's arithmetic gives, with the lines it rests on as evidence beside the misread one."""
    evidence = [field_value(total.name, amount, c).evidence[0] for c in sources]
    return total.model_copy(
        update={
            "value": amount,
            "confidence": round(total.confidence * 0.8, 3),
            "evidence": [*total.evidence, *evidence],
        }
    )


def _printed_elsewhere(view: DocumentView, amount: float, operands: set[int]) -> bool:
    for row in view.rows:
        for phrase in row:
            if id(phrase.words[0]) in operands:
                continue
            parsed = parsers.amount(phrase.text)
            if parsed.found and parsed.value is not None and abs(float(parsed.value) - amount) < 0.005:
                return True
    return False


def _one_digit_apart(a: float, b: float) -> bool:
    """'71.00' and '1.00', '15.90' and '15.96': one digit changed, dropped or added."""
    x, y = f"{a:.2f}", f"{b:.2f}"
    if len(x) == len(y):
        return sum(p != q for p, q in zip(x, y, strict=True)) == 1
    short, long = sorted((x, y), key=len)
    return len(long) == len(short) + 1 and any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


# Words of amount columns and totals, in the languages of the documents.
_MONEY_WORDS = (
    "amount", "price", "total", "importe", "precio", "valor", "value", "betrag", "summe", "preis", "montant",
    "prix", "totaal", "bedrag", "prijs", "kwota", "cena", "razem",
)  # fmt: skip


def currency_near_amounts(view: DocumentView, name: str) -> FieldValue:
    """The currency written in an amount's column header or beside a price ('Amount USD', 'US$ 1,200')."""
    for row in view.rows:
        for phrase in row:
            folded = fold(phrase.text)
            if any(w in folded for w in _MONEY_WORDS):
                parsed = parse_currency(phrase.text)
                if parsed.found:
                    candidate = Candidate(phrase.text, tuple(phrase.words), phrase.page, "text")
                    return field_value(name, parsed.value, candidate, 0.9)
    return FieldValue.missing(name, "no currency stated")


def lot_numbers(view: DocumentView, skip: set[int]) -> FieldValue:
    """All lot numbers: a column under a lot header, or a list after a lot label."""
    found: list[str] = []
    evidence: list[Candidate] = []
    rows_of: Counter[str] = Counter()  # how many rows of a lot column name each lot
    for hit in view.find_labels(LABELS["lot_numbers"]):
        if hit.rest:
            text = " ".join(w.text for w in hit.rest)
            new = [
                str(parsed.value)
                for token in re.split(r"[,;]\s*|\s+(?:and|y|&)\s+|\s+", text)
                if (parsed := parsers.identifier(token)).found
            ]
            if new:
                found.extend(v for v in new if v not in found)
                evidence.append(Candidate(text, tuple(hit.rest), hit.phrase.page, "inline"))
            continue
        cells = column_until_label(view, hit, skip, whole_cells=True) or cells_across(view, hit)
        for cell in cells:
            for lot in (lot for line in _cell_lines(cell) for lot in _lots_in_cell(line)):
                rows_of[lot] += 1
                if lot not in found:
                    found.append(lot)
                    evidence.append(Candidate(cell.text, tuple(cell.words), cell.page, "column"))
    found, evidence = _of_one_form(*_without_specked_copies(found, evidence), rows_of)
    if not found:
        return FieldValue.missing("lot_numbers", "no lot numbers found")
    value = field_value("lot_numbers", found, evidence[0])
    return value.model_copy(update={"evidence": [field_value("lot_numbers", found, c).evidence[0] for c in evidence]})


_QUOTES = "\"'“”‘’„«»"


def _cell_lines(cell: Phrase) -> list[str]:
    """The text of each line of a cell: a ruled box round a whole table body holds one row per line, and a
    row's lot is its first token, not a figure further along it."""
    lines: dict[int, list[str]] = {}
    for word in cell.words:
        lines.setdefault(word.line, []).append(word.text)
    return [" ".join(words) for words in lines.values()]


def _lots_in_cell(text: str) -> list[str]:
    """The lots a line of a cell lists: 'L-2507-077, L-2507-080', each piece's first token ('L-2507-077 (8
    bundles)'); or lots one per line that the cell joined ('LT-2507-049 LT-2507-051'), every token a lot of one
    form. A comma between digits ('4,000.00') parts nothing."""
    lots = []
    for piece in re.split(r"(?<!\d),\s*|,(?!\d)\s*|;\s*|\s+(?:and|y|&)\s+", text):
        tokens = [token.strip(_QUOTES) for token in piece.split()]  # a speck OCR read as a quote ('“CP-2505-076')
        parsed = [parsers.identifier(token) for token in tokens]
        if not parsed or not parsed[0].found:
            continue
        values = [str(p.value) for p in parsed if p.found]
        one_form = len(values) == len(tokens) and len({_form(v) for v in values}) == 1
        lots.extend(values if one_form else values[:1])
    return lots


def _without_specked_copies(found: list[str], evidence: list[Candidate]) -> tuple[list[str], list[Candidate]]:
    """A lot listed again with a speck OCR read as a letter before it ('UKS-2506-054' under 'KS-2506-054')
    is the same lot."""
    copies = {i for i, lot in enumerate(found) if lot[:1].isalpha() and lot[1:] in found}
    if not copies:
        return found, evidence
    kept = [i for i in range(len(found)) if i not in copies]
    return [found[i] for i in kept], [evidence[i] for i in kept] if len(evidence) == len(found) else evidence


def _form(lot: str) -> str:
    """A lot number's form: its runs of capitals, of other letters and of digits, and its separators
    ('L-2503-018' -> 'A-9-9'; 'ur-2501-095', OCR's for 'LT-2501-095', -> 'a-9-9')."""
    return re.sub(r"[^\W\d_]+", lambda run: "A" if run.group().isupper() else "a", re.sub(r"\d+", "9", lot))


def _of_one_form(
    found: list[str], evidence: list[Candidate], rows_of: Counter[str] | None = None
) -> tuple[list[str], list[Candidate]]:
    """The lots of one list share a form; where most of at least three do, the others are other figures the
    column holds (a total '41 lots', a date) or lots OCR broke ('2503020'), never to be reported as lots. In a
    column of packages, a lot counts once for every row that names it: most rows read right."""
    forms = [_form(lot) for lot in found]
    weight = Counter[str]()
    for lot, form in zip(found, forms, strict=True):
        weight[form] += max(1, (rows_of or Counter())[lot])
    common = max(weight, key=lambda form: weight[form]) if forms else ""
    if len(found) < 3 or weight[common] < 0.6 * weight.total() or forms.count(common) == len(found):
        return found, evidence
    kept = [i for i, form in enumerate(forms) if form == common]
    # Evidence is one per cell and may be shorter than the lots (several lots in one cell): kept whole then.
    evidence_kept = [evidence[i] for i in kept] if len(evidence) == len(found) else evidence
    return [found[i] for i in kept], evidence_kept
