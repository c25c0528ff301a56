"""Composition tables of assay certificates: element, result and unit, in whatever columns they stand."""

from __future__ import annotations

import re
from collections import Counter
from statistics import median

from rapidfuzz.distance import Levenshtein

from oretrace.core.folding import fold
from oretrace.core.models import FieldValue, Word
from oretrace.extractors.fields.spec import field_value
from oretrace.extractors.fields.view import Candidate, DocumentView
from oretrace.extractors.layout import Phrase
from oretrace.extractors.normalize import normalize_element, parse_concentration

UNITS = ("%", "wt%", "wt %", "ppm", "mg/kg", "g/t", "ppb", "μg/g", "ug/g", "pct")
PERCENT_UNITS = frozenset({"%", "wt%", "wt %", "pct"})
RESULT_HEADERS = (
    "result",
    "results",
    "resultado",
    "resultados",
    "value",
    "valor",
    "content",
    "contenido",
    "found",
    "assay",
    "ensaye",
    "concentration",
    "concentracion",
    "resultat",
    "valeur",
    "teneur",
    "teor",
    "measured",
    "actual",
    "obtained",
    "obtenido",
    "analysis",
    # the certified mean of duplicate determinations
    "certified",
    "certificado",
    "reported",
    "mean",
    "average",
    "avg",
    "promedio",
    "media",
    "moyenne",
    "final",
)
LIMIT_HEADERS = ("spec", "specification", "especificacion", "limit", "limite", "max", "min", "requirement",
                 "norma", "standard", "method", "metodo", "lod", "loq", "detection", "quantification",
                 "cuantificacion")  # fmt: skip
_NUMBER = re.compile(r"<?\s*\d[\d.,]*")
# A chemical formula (Sb2O3, SbO2) or the name of an oxide or sulphide.
_COMPOUND = re.compile(r"\b[A-Z][a-z]?\d[A-Z]|\b(?:tri)?(?:oxide|óxido|oxido|sulphide|sulfide|sulfuro)\b", re.I)


def extract_composition(view: DocumentView) -> FieldValue:
    # Every reading first (element, result text, unit, evidence), parsed once all are known: a result OCR
    # misread is told by the other results of its table (_restore_decimal).
    readings: list[tuple[str, str, str | None, Candidate]] = []
    headers = _headers(view)
    element_rows = [
        (row, element, index)
        for row in (pair for line in map(_split_at_leaders, view.rows) for pair in _element_pairs(line))
        for element, index in [_row_element(row)]
        if element is not None
    ]
    numeric = [_numeric_cells(row, index, headers) for row, _, index in element_rows]
    mean_last = _last_column_is_mean(numeric)
    cells = _in_result_column([_result_cell(row_cells, headers, mean_last) for row_cells in numeric], numeric)
    for (row, element, element_index), cell in zip(element_rows, cells, strict=True):
        if cell is None:
            continue
        words = tuple(row[element_index].words) + tuple(cell.words)
        evidence = Candidate(f"{row[element_index].text} {cell.text}", words, cell.page, "column")
        if _read_by_ocr(evidence) and _speck_pair(row[element_index], cell):
            continue
        value_text, unit = _value_and_unit(cell, row[element_index + 1 :], headers)
        readings.append((element, _STATUS.sub("", _without_leaders(value_text)).strip(), unit, evidence))
    readings = _assumed_units(_symbols_checked(_units_from_neighbours(readings)))
    for element, cell, unit in captioned_sideways_results(view):
        readings.append((element, cell.text, unit, cell))
    for element, cell, element_cell, unit in _horizontal_results(view):
        words = tuple(element_cell.words) + tuple(cell.words)
        readings.append((element, cell.text, unit, Candidate(f"{element_cell.text} {cell.text}", words, cell.page,
                                                             "column")))  # fmt: skip
    results: list[tuple[str, float, Candidate]] = []
    for element, text, unit, evidence in readings:
        # OCR reads a speck after a result as a point ('29.4.'); the point it lost inside is put back.
        repaired = _restore_decimal(_TRAILING_MARK.sub("", text), unit, readings) if _read_by_ocr(evidence) else text
        parsed = parse_concentration(repaired, unit)
        if parsed.found and parsed.value is not None:
            # Six significant digits, not six decimals: 0.048 ppm is 4.8e-06 %, not 5e-06 %.
            results.append((element, float(f"{parsed.value:.6g}"), evidence))
    composition: dict[str, float] = {}
    evidence_cells: list[Candidate] = []
    for element, value, evidence in _principal_restored(results):
        if element not in composition:
            composition[element] = value
            evidence_cells.append(evidence)
    if not composition:
        return FieldValue.missing("composition_pct", "no element results table found")
    value = field_value("composition_pct", composition, evidence_cells[0])
    evidence = [field_value("composition_pct", None, c).evidence[0] for c in evidence_cells]
    confidence = min(field_value("composition_pct", None, c).confidence for c in evidence_cells)
    return value.model_copy(update={"evidence": evidence, "confidence": confidence})


PRINCIPAL_SHARE = 50.0  # percent: the metal the certificate is for, not an impurity


def _principal_restored(results: list[tuple[str, float, Candidate]]) -> list[tuple[str, float, Candidate]]:
    """'Se" 99.73 %' at the head of an antimony certificate OCR read: the one result over half the metal, under
    a symbol that starts as antimony's does ('Se', 'Sn', 'S'), is antimony's, when no Sb was read. A text layer
    is taken as printed."""
    principal = [index for index, (_, value, _) in enumerate(results) if value >= PRINCIPAL_SHARE]
    if len(principal) != 1 or any(element == "Sb" for element, _, _ in results):
        return results
    element, value, evidence = results[principal[0]]
    if not element.startswith("S") or not _read_by_ocr(evidence):
        return results
    return [*results[: principal[0]], ("Sb", value, evidence), *results[principal[0] + 1 :]]


_TRAILING_MARK = re.compile(r"(?<=\d)[.,]$")
# Words of a text layer carry confidence 1; OCR never reports it that high.
TEXT_LAYER_CONFIDENCE = 0.99


def _read_by_ocr(evidence: Candidate) -> bool:
    return any(w.confidence < TEXT_LAYER_CONFIDENCE for w in evidence.words)


# A result's conformity beside it ('99.89 Pass'), run into its cell: the verdict, not part of the figure.
_STATUS = re.compile(r"\s+(?:pass(?:ed)?|fail(?:ed)?|ok|conforms?|complies|conforme|cumple|aprobado)\s*$", re.I)
# One letter as no table prints a symbol (in lower case, or with a point: 'o', 'Y.') beside one digit.
_SPECK_SYMBOL = re.compile(r"^(?:[a-z]|[A-Za-z]\.)$")


def _speck_pair(element: Phrase, value: Phrase) -> bool:
    """Noise OCR read under a scanned table ('o | 7', 'Y. | 1'): a letter that is no symbol as printed beside a
    lone digit is no element's result."""
    return bool(_SPECK_SYMBOL.match(element.text.strip())) and re.fullmatch(r"\d", value.text.strip()) is not None


_BARE_DIGITS = re.compile(r"^(\d+)(?![\d.,])(\s*[^\d\s.,]*)$")
_DECIMALS = re.compile(r"^<?\s*\d+([.,])(\d+)\b")


def _restore_decimal(text: str, unit: str | None, readings: list[tuple[str, str, str | None, Candidate]]) -> str:
    """A result OCR read without its decimal point ('00667', '199 ppm' for '19.9 ppm'), with the point put
    back. A numeral never starts with a zero unless a point follows it; and a laboratory prints the results of
    one unit to the same number of decimals, so a bare numeral among at least three results of its unit that
    share one count of decimals, with more digits than that count, lost its point there. A share over 100 %
    lost it after its first two digits."""
    match = _BARE_DIGITS.match(text.strip())
    if match is None:
        return text
    digits, rest = match.groups()
    if len(digits) > 1 and digits[0] == "0":
        return f"0.{digits[1:]}{rest}"
    key = _unit_key(text, unit)
    if key in ("%", "wt%", "wt %", "pct") and len(digits) > 3 and int(digits) > 100:
        # No share is over 100 %: '9995 %' is 99.95 %, the main element's content with its point lost.
        whole = 3 if digits.startswith("100") else 2
        return f"{digits[:whole]}.{digits[whole:]}{rest}"
    formats = [m.groups() for _, other, u, _ in readings if _unit_key(other, u) == key
               for m in [_DECIMALS.match(other.strip())] if m]  # fmt: skip
    if len(formats) < 3:
        return text
    counts = [len(d) for _, d in formats]
    common = max(set(counts), key=counts.count)
    if counts.count(common) < 0.75 * len(counts) or len(digits) <= common:
        return text
    separator = max({s for s, _ in formats}, key=[s for s, _ in formats].count)
    return f"{digits[:-common]}{separator}{digits[-common:]}{rest}"


def _unit_key(text: str, unit: str | None) -> str:
    """The unit a result is stated in: written after its number, else its column's (percent by default)."""
    written = re.sub(r"^[<\s\d.,]*", "", text.strip()).strip().lower()
    return written or (unit or "%").lower()


MEAN_CAPTIONS = frozenset(
    "average avg mean promedio media moyenne mittelwert durchschnitt final reported result results resultado".split()
)
HORIZONTAL_ROWS_BELOW = 8


def _horizontal_results(view: DocumentView) -> list[tuple[str, Phrase, Phrase, str | None]]:
    """Tables laid out sideways: a row of element symbols over rows of results. The unit is the column's own
    ('As (ppm)', or a 'Unit' row under the symbols), else a heading above ('Trace elements, mg/kg'). Where
    several samples are listed, the row captioned as their mean ('Average', 'Mean', 'Result') is the
    certificate's result, or, its caption lost, the last row when it is the mean of those above; otherwise
    the first row of results. OCR specks in either row are tolerated. A table too wide for the page goes on
    in a further row of symbols under the first ('Zn' alone, or 'Sample | Se | Cd'): such a row continues it
    even with fewer symbols, and takes the unit of the column it stands under."""
    found: list[tuple[str, Phrase, Phrase, str | None]] = []
    rows = view.rows
    grid: tuple[int, list[tuple[Phrase, str | None]]] | None = None  # (last row read, (symbol cell, unit))
    for index, row in enumerate(rows[:-1]):
        cells = [p for p in row if len(p.text.strip()) > 1 or normalize_element(p.text.strip())
                 or p.text.strip() in _CASELESS_SHAPES]  # fmt: skip
        # 'C71', 'B08': coded form fields, not carbon or boron.
        elements = [(None if _coded(p.text) else _header_symbol(p.text), p) for p in cells]
        named = _with_slipped_symbols(elements, [(e, p) for e, p in elements if e])
        unnamed = [p for _, p in elements if all(p is not q for _, q in named)]
        # A caption heading the row ('Sample', 'Element') is no symbol the row lacks.
        headed = bool(unnamed) and unnamed[0] is cells[0] and not _symbol_sized(cells[0])
        standalone = len(named) >= 3 and len(named) >= HEADER_SYMBOL_SHARE * (len(elements) - headed)
        continues = (
            not standalone
            and grid is not None
            and index - grid[0] <= GRID_GAP_ROWS
            and row[0].page == grid[1][0][0].page
            and bool(named)
            # a caption ('Sample') may head the row; symbols OCR garbled ('ca' for Cd) are fewer than the rest
            and (
                not unnamed
                or unnamed == [cells[0]]
                or (len(unnamed) < len(named) and all(_symbol_sized(p) for p in unnamed))
            )
        )
        if not standalone and not continues:
            continue
        heading = _heading_unit(rows[max(0, index - 3) : index])
        units = {id(p): _cell_unit(p.text) or _bracket_unit_of_row(p, named) or heading
                 or (_unit_above(p, grid) if continues else None) for _, p in named}  # fmt: skip
        candidates: list[tuple[bool, list[tuple[str, Phrase, Phrase, str | None]]]] = []
        last = index
        read = 0  # rows below the symbols, specks not counted
        for offset, values in enumerate(rows[index + 1 :], start=index + 1):
            if values[0].page != row[0].page:
                break
            read += not _speck_row(values)
            if read > HORIZONTAL_ROWS_BELOW:
                break
            caption = _caption(values)
            if caption is not None and caption[0] == "unit":
                for _, element_cell in named:
                    below = _under(values, element_cell)
                    if below is not None and below.text.strip().lower() in UNITS:
                        units[id(element_cell)] = below.text.strip().lower()
                continue
            if caption is not None and caption[0] != "result":
                continue  # the specification's Min / Max
            below_each = [(element, cell, _under(values, cell)) for element, cell in named]
            # One cell holds one column's result: a phrase under several symbols is a line of something else.
            shared = Counter(id(below) for _, _, below in below_each if below is not None)
            pairs = [
                (str(element), below, element_cell, units[id(element_cell)])
                for element, element_cell, below in below_each
                if below is not None and shared[id(below)] == 1 and _NUMBER.search(below.text)
            ]
            if len(pairs) < 0.5 * len(named):
                if candidates and not _speck_row(values):
                    break  # the table ended
                continue
            first = fold(values[0].text).split()
            candidates.append((bool(first) and first[0] in MEAN_CAPTIONS, pairs))
            last = offset
        if candidates:
            means = [pairs for is_mean, pairs in candidates if is_mean]
            if means:
                found.extend(means[-1])
            elif len(candidates) >= 3 and _is_mean_of(candidates[-1][1], [pairs for _, pairs in candidates[:-1]]):
                found.extend(candidates[-1][1])
            else:
                found.extend(candidates[0][1])
            grid = (last, [(p, units[id(p)]) for _, p in named])
    return found


# Of a row's cells (a caption heading it aside), the share that must be element symbols for the row to head a
# table of results: OCR may garble the rest of a shaded header ('asc)', 'KED: »)').
HEADER_SYMBOL_SHARE = 0.5
_BRACKET_AFTER = re.compile(r"^\s*([A-Za-z]{1,2})\s*\(([^()]*)\)?\s*$")


def _header_symbol(text: str) -> str | None:
    """The element a column header names: 'Bi (mg/kg)', or the symbol before a bracket whose unit OCR garbled
    ('Au(mgKg)', 'Cd (moles)')."""
    element = normalize_element(text.strip(":.,"))
    if element is None and (bracketed := _BRACKET_AFTER.match(text)) is not None:
        element = normalize_element(bracketed.group(1))
    return element


def _bracket_unit_of_row(cell: Phrase, named: list[tuple[str, Phrase]]) -> str | None:
    """A bracketed unit OCR garbled ('Cd (moles)' between 'Se (mg/kg)' and 'Hg (mg/kg)') is the unit its
    nearest readable neighbours on the row agree on."""
    if _BRACKET_AFTER.match(cell.text) is None:
        return None
    cells = [p for _, p in named]
    at = next(i for i, p in enumerate(cells) if p is cell)
    left = next((u for p in reversed(cells[:at]) if (u := _cell_unit(p.text))), None)
    right = next((u for p in cells[at + 1 :] if (u := _cell_unit(p.text))), None)
    sides = {u for u in (left, right) if u is not None}
    return sides.pop() if len(sides) == 1 else None


def _symbol_sized(cell: Phrase) -> bool:
    return len(cell.text.strip(":.,")) <= 2


def _speck_row(row: list[Phrase]) -> bool:
    """A line of specks OCR found between two rows of a table (':', '-', or 'a', 'rd' where a stamp crosses
    it), which does not end it."""
    return all(len(p.text.strip()) <= 2 for p in row)


# Rows between the last results of a sideways table and a further row of its symbols (a speck, a heading).
GRID_GAP_ROWS = 3
# Letters OCR gives in either case, their shapes the same but for size: 's' for 'S'.
_CASELESS_SHAPES = frozenset("cklopsuvwxyz")
# Tesseract's confidence in a two-letter symbol read in small letters ('sb') above which it is that symbol.
CASE_SLIP_CONFIDENCE = 0.85
# Signs OCR reads for a one-letter symbol of their shape, where a row names its element: '$' for S.
_SHAPE_SLIPS = {"$": "S", "§": "S"}


def _with_slipped_symbols(
    elements: list[tuple[str | None, Phrase]], named: list[tuple[str, Phrase]]
) -> list[tuple[str, Phrase]]:
    """In a row of element symbols, a cell OCR misread out of a symbol (`_case_slipped`): its capital read as the
    small letter of the same shape ('s', 'sb') or its letter read twice ('Ss'). Taken only for an element the
    row does not already name. A two-letter cell in small letters may as well be another symbol garbled ('ca'
    for Cd): it is taken only where OCR is sure of its letters and no other symbol has a second letter of that
    shape ('sb' is Sb; 'ca' may be Ce, Co or Cu)."""
    taken = {e for e, _ in named}
    out = list(named)
    for element, phrase in elements:
        if element is not None:
            continue
        sure = phrase.confidence >= CASE_SLIP_CONFIDENCE
        for symbol in map(normalize_element, _case_slipped(phrase.text)):
            if symbol is None or symbol in taken:
                continue
            if len(symbol) == 1 or (sure and not _shape_shared(symbol)):
                taken.add(symbol)
                out.append((symbol, phrase))
    return sorted(out, key=lambda ep: ep[1].x0)


def _unit_above(cell: Phrase, grid: tuple[int, list[tuple[Phrase, str | None]]] | None) -> str | None:
    """The unit of the column of the table above that a continuing row's symbol stands under."""
    if grid is None:
        return None
    above = [unit for symbol, unit in grid[1] if symbol.overlaps_horizontally(cell)]
    return above[0] if above else None


def _is_mean_of(row: list[tuple[str, Phrase, Phrase, str | None]],
                others: list[list[tuple[str, Phrase, Phrase, str | None]]]) -> bool:  # fmt: skip
    """Whether a row of results is, element by element, the mean of the rows above to its printed precision
    (the mean row of a table whose 'Mean' caption OCR lost). Most elements must agree: OCR slips in a few."""
    agree = compared = 0
    for element, cell, _, _ in row:
        value = _plain_number(cell.text)
        above = [v for r in others for e, c, _, _ in r if e == element for v in [_plain_number(c.text)]]
        if value is None or len(above) != len(others) or any(v is None for v in above):
            continue
        compared += 1
        agree += _printed_mean(cell.text, value, [v for v in above if v is not None])
    return compared >= 2 and agree >= 0.75 * compared


def _printed_mean(text: str, value: float, determinations: list[float]) -> bool:
    """Whether `value`, printed as `text`, is the mean of the determinations to its printed precision: the
    mean and the determinations are each rounded to it, so they may differ by one unit of its last digit."""
    fraction = re.search(r"[.,](\d+)", text)
    decimals = len(fraction.group(1)) if fraction else 0
    return abs(value - sum(determinations) / len(determinations)) <= 10**-decimals + 1e-9


def _plain_number(text: str) -> float | None:
    match = re.match(r"^\s*(\d+)(?:[.,](\d+))?\s*(?:%|ppm|mg/kg|g/t)?\s*$", text)
    if match is None:
        return None
    whole, fraction = match.groups()
    return float(f"{whole}.{fraction or 0}")


def _coded(text: str) -> bool:
    return any(c.isdigit() for c in text.split("(")[0])


def _under(values: list[Phrase], header: Phrase) -> Phrase | None:
    below = [v for v in values if v.overlaps_horizontally(header)]
    return below[0] if below else None


def _cell_unit(text: str) -> str | None:
    """A unit written in a column's own header ('Bi (ppm)', 'As, g/t')."""
    lowered = text.lower()
    for unit in sorted(UNITS, key=len, reverse=True):
        if re.search(rf"(?<![a-z]){re.escape(unit)}(?![a-z])", lowered) and lowered.strip() != unit:
            return unit
    return None


def _heading_unit(rows: list[list[Phrase]]) -> str | None:
    for row in reversed(rows):
        for phrase in row:
            lowered = phrase.text.lower()
            for unit in sorted(UNITS, key=len, reverse=True):
                if unit in lowered:
                    return unit
    return None


# Below this OCR confidence a lone one- or two-letter symbol heading a row may be a speck read as letters
# ('Ne'). A row of symbols over results vouches for its symbols together and is not held to it.
SYMBOL_CONFIDENCE = 0.35


def _element_pairs(row: list[Phrase]) -> list[list[Phrase]]:
    """A row of a table laid out in column pairs ('Sb | 99.70 % | As | 0.0732 %'), one part per element and
    its result; a row of one element is one part. A part ends where, after a number, a cell names an element."""
    row = [part for phrase in row for part in _split_before_element(phrase)]
    parts: list[list[Phrase]] = []
    start = 0
    for index in range(1, len(row)):
        after_number = any(_NUMBER.search(_without_leaders(p.text)) for p in row[start + 1 : index])
        if after_number and _row_element([row[index]])[0] is not None:
            parts.append(row[start:index])
            start = index
    parts.append(row[start:])
    return parts


_SPECKS = ":.,;'`"


def _split_before_element(phrase: Phrase) -> list[Phrase]:
    """A result run into the next pair's element ('6.9 ppm Se', the gap between the columns lost) as two cells:
    a word naming an element after a number or a unit starts a new cell."""
    words = phrase.words
    for index in range(1, len(words)):
        # what stands before the word, specks skipped ('0.0084 % . Fe')
        before = next((w.text for w in reversed(words[:index]) if w.text.strip(_SPECKS)), "")
        word = words[index].text.strip(":.,")
        after_result = _NUMBER.search(before) or before.lower().strip(":.,") in UNITS
        if after_result and not any(c.isdigit() for c in word) and normalize_element(word) is not None:
            rest = Phrase(page=phrase.page, line=phrase.line, words=list(words[index:]))
            head = list(words[:index])
            while head and not head[-1].text.strip(_SPECKS):
                head.pop()  # a speck between the result and the next element
            return [Phrase(page=phrase.page, line=phrase.line, words=head), *_split_before_element(rest)]
    return [phrase]


_BRACKETED_SYMBOL = re.compile(r"\(([A-Za-z]{1,2})\)")  # 'Lead (Pb)'


def _row_element(row: list[Phrase]) -> tuple[str | None, int]:
    """The element a row reports: its first phrase names it by symbol or name ('Sb', 'Antimony (Sb)').
    A compound ('Antimony trioxide (Sb2O3)') is not its element: its result is not the element's share.
    Where the name and the symbol disagree ('Lead (Pd)'), the name decides: OCR changes a letter of a
    two-letter symbol far more readily than a whole word into another element's name. A bare symbol OCR
    doubted is no element: an element is never made up of a speck."""
    if any(_COMPOUND.search(p.text) for p in row[:2]):
        return None, -1
    for index, phrase in enumerate(row[:2]):
        text = _without_leaders(phrase.text).strip()
        if not text:
            continue
        bracketed = _BRACKETED_SYMBOL.findall(text)
        name = re.sub(r"\([^)]*\)", " ", text).strip()
        named = normalize_element(name.strip(":.,")) if bracketed and len(name) > 2 else None
        if named is not None:
            return named, index
        # The whole cell, a symbol in brackets, or its first word ("Sb total"); never a later word, or
        # "Sample No" would read as nobelium.
        # A lone '(' (a stroke OCR read beside the table) has no first word.
        candidates = [text, *bracketed, *text.replace("(", " ").split()[:1], *_case_slipped(text)]
        for candidate in candidates:
            if any(c.isdigit() for c in candidate):
                continue  # 'C13', 'B08': a coded form field, not an element
            bare = candidate.strip(":.,")
            element = normalize_element(_SHAPE_SLIPS.get(bare, bare))
            if element and not _doubted_symbol(phrase, candidate):
                beside = _exact_symbol(row[1:2]) if index == 0 and text.strip(":.,") != element else None
                if beside is not None:
                    # 'PA | Se': a name OCR shortened to letters in the wrong case, 'cr | Bi': a code cell OCR
                    # garbled ('C77') into small letters; the symbol column decides.
                    return beside, 1
                return element, index
    return None, -1


def _exact_symbol(phrases: list[Phrase]) -> str | None:
    """The element a phrase is the symbol of, written as a symbol is ('Se', not 'SE' or 'se')."""
    text = phrases[0].text.strip(":.,") if phrases else ""
    return text if text and normalize_element(text) == text else None


# A 'b' whose bowl a scan broke open reads as 'h' ('Sh', 'Ph'): a symbol so read is no element of its own.
_BOWL_OPENED = {"h": "b"}


def _case_slipped(text: str) -> list[str]:
    """A symbol whose capital OCR read as its small letter of the same shape ('s' for S, 'cd' for Cd), a
    one-letter symbol OCR read twice (`_doubled_letter`), or one whose 'b' OCR read as 'h' ('Sh' for Sb)."""
    bare = text.strip(":.,")
    if not (1 <= len(bare) <= 2 and bare.isalpha()):
        return []
    if len(bare) == 2 and bare[1].upper() == bare[0].upper():
        return [letter] if (letter := _doubled_letter(bare)) else []
    if len(bare) == 2 and bare[0].isupper() and bare[1] in _BOWL_OPENED and normalize_element(bare) is None:
        return [bare[0] + _BOWL_OPENED[bare[1]]]
    return [bare.capitalize()] if bare[0] in _CASELESS_SHAPES else []


# Small letters OCR takes for one another by their shape: the round ones, the stems, the arches.
_SHAPE_CLASSES = ("aceou", "fijlt", "hmnru")


def _shape_shared(symbol: str) -> bool:
    """Whether another element's symbol differs from a two-letter one only by a second letter of the same
    shape ('Ca' and 'Ce', 'Co', 'Cu')."""
    second = symbol[1]
    near = {c for shapes in _SHAPE_CLASSES if second in shapes for c in shapes} - {second}
    return any(normalize_element(symbol[0] + c) for c in near)


def _doubled_letter(text: str) -> str | None:
    """'Ss' is S read twice (no symbol repeats its letter), unless the second letter may be the slip of another
    symbol's: 'Cc' may be Co, Ce or Cu as well as C, and is no element."""
    letter, second = text[0].upper(), text[1].lower()
    near = {c for shapes in _SHAPE_CLASSES if second in shapes for c in shapes}
    if normalize_element(letter) is None or any(normalize_element(letter + c) for c in near):
        return None
    return letter


def _doubted_symbol(phrase: Phrase, candidate: str) -> bool:
    bare = candidate.strip(":.,")
    if len(bare) > 2:
        return False
    word = next((w for w in phrase.words if w.text.strip(":.,()") == bare), None)
    return word is not None and word.confidence < SYMBOL_CONFIDENCE


# Dotted (or ruled) leaders between an element and its result: 'As ........ 0.0667 %'.
_LEADERS = re.compile(r"(?:[.·…_]\s?){3,}")


def _without_leaders(text: str) -> str:
    return _LEADERS.sub(" ", text)


def _split_at_leaders(row: list[Phrase]) -> list[Phrase]:
    """A phrase that runs from an element to its result along a leader ('As ........ 0.0667 %') as two
    cells, the leader between them dropped (a leader glued to the result stays with it, to be read off)."""
    out: list[Phrase] = []
    for phrase in row:
        at = next((i for i in range(len(phrase.words)) if _leader_at(phrase.words, i)), None)
        if at is None or at == 0:
            out.append(phrase)
            continue
        after = [w for w in phrase.words[at:] if _LEADERS.sub("", w.text).strip()]
        out.append(Phrase(page=phrase.page, line=phrase.line, words=list(phrase.words[:at])))
        if after:
            out.append(Phrase(page=phrase.page, line=phrase.line, words=after))
    return out


_LEADER_MARKS = re.compile(r"[.·…_]+")


def _leader_at(words: list[Word], index: int) -> bool:
    """A leader starts at the word: dots in one word ('........'), or spaced out, one to a word ('. . . .')."""
    if _LEADERS.match(words[index].text.strip()):
        return True
    marks = words[index : index + 3]
    return len(marks) == 3 and all(_LEADER_MARKS.fullmatch(w.text.strip()) for w in marks)


MAX_HEADER_WORDS = 4  # 'Result (mg/kg)', 'Resultado promedio': a caption is a few words


def _headers(view: DocumentView) -> list[tuple[Phrase, str]]:
    """Header cells of result, limit and unit columns, to read values from the right column."""
    found: list[tuple[Phrase, str]] = []
    for row in view.rows:
        for phrase in row:
            folded = fold(phrase.text)
            if len(folded.split()) > MAX_HEADER_WORDS or "@" in phrase.text:
                continue  # a sentence or an address ('assay@lab.example'), not a column's caption
            first = folded.split(" ")[0] if folded else ""
            if first in RESULT_HEADERS:
                found.append((phrase, "result"))
            elif first in LIMIT_HEADERS:
                found.append((phrase, "limit"))
            elif folded in ("unit", "units", "unidad", "unidades"):
                found.append((phrase, "unit"))
    return found


def _column_kind(cell: Phrase, headers: list[tuple[Phrase, str]]) -> str | None:
    above = [
        (h, kind) for h, kind in headers if h.page == cell.page and h.y1 <= cell.y0 and h.overlaps_horizontally(cell)
    ]
    return max(above, key=lambda hk: hk[0].y1)[1] if above else None


_STROKE_AND_UNIT = re.compile(r"^[1lI|]\s?(?:%|ppm|mg/kg|g/t)$")


def _numeric_cells(row: list[Phrase], element_index: int, headers: list[tuple[Phrase, str]]) -> list[Phrase]:
    """The cells after a row's element that hold a number (or 'n.d.'), limits excluded."""
    numeric = [
        p
        for p in row[element_index + 1 :]
        if _NUMBER.search(_without_leaders(p.text)) or fold(p.text) in ("nd", "n d", "bdl")
    ]
    # A unit cell OCR read with a stroke before it ('1%'), ahead of the results: the unit, not a result.
    if len(numeric) > 1 and _STROKE_AND_UNIT.match(numeric[0].text.strip()):
        numeric = numeric[1:]
    return [c for c in numeric if _column_kind(c, headers) != "limit"]


def _result_cell(numeric: list[Phrase], headers: list[tuple[Phrase, str]], mean_last: bool = False) -> Phrase | None:
    """Of a row's numeric cells (`_numeric_cells`), its result."""
    for cell in numeric:
        if _column_kind(cell, headers) == "result":
            return cell
    if mean_last and len(numeric) >= MIN_CELLS_WITH_MEAN:
        return numeric[-1]
    return numeric[0] if numeric else None


MIN_CELLS_WITH_MEAN = 3  # two determinations and their mean


def _in_result_column(chosen: list[Phrase | None], numeric: list[list[Phrase]]) -> list[Phrase | None]:
    """The results of a table stand in one column: a row whose chosen cell lies outside the column most rows'
    results share (a speck OCR read as a digit before the result, 'Plomo (Pb) | 8 | 0,0096') takes its number
    in that column instead, when it has one."""
    placed = [c for c in chosen if c is not None]
    if len(placed) < 3:
        return chosen
    left, right = median(c.x0 for c in placed), median(c.x1 for c in placed)

    def in_column(cell: Phrase) -> bool:
        return min(cell.x1, right) - max(cell.x0, left) > 0

    return [
        next((c for c in cells if in_column(c)), cell) if cell is not None and not in_column(cell) else cell
        for cell, cells in zip(chosen, numeric, strict=True)
    ]


def _last_column_is_mean(rows: list[list[Phrase]]) -> bool:
    """Whether the last result of a table's rows is, row by row, the mean of the results before it to its
    printed precision: the certified mean beside duplicate determinations, its caption lost. Most rows must
    agree (OCR slips in a few), and at least two."""
    agree = compared = 0
    for cells in rows:
        values = [_plain_number(c.text) for c in cells]
        if len(values) < MIN_CELLS_WITH_MEAN or any(v is None for v in values):
            continue
        *determinations, last = [v for v in values if v is not None]
        compared += 1
        agree += _printed_mean(cells[-1].text, last, determinations)
    return compared >= 2 and agree >= 0.75 * compared


# The unit of a row whose cell in the unit column OCR could not read ('[MRE ali? tg' for 'mg/kg').
UNREAD_UNIT = "unread"
# The unit of a row nothing on the page gives a unit: percent, unless the total says otherwise (_assumed_units).
ASSUMED_PERCENT = "assumed %"
MAX_UNIT_CHARS = 6
# What OCR makes of a '%' (circles and a stroke: 'oP', '°/o', '$', its upper circle a quote mark: '“o') or a
# 'g/t' ('ot') after a value.
_VALUE_AND_UNIT_SHAPES = re.compile(r"^(<?\s*\d+(?:[.,]\d+)?)\s+[oO°/PYye$%gt“”\"]{1,3}$")


def _value_and_unit(cell: Phrase, row: list[Phrase], headers: list[tuple[Phrase, str]]) -> tuple[str, str | None]:
    """The result's text and unit; `row` holds the cells after the element's."""
    text = cell.text
    if (split := _run_into_unit_column(cell, headers)) is not None:
        return split
    for unit in UNITS:
        if fold(text).endswith(fold(unit)) or text.strip().endswith(unit):
            return text, None  # the unit is written with the value
    if (misread := _VALUE_AND_UNIT_SHAPES.match(text.strip())) is not None:
        # '0.0017 oP': OCR read the unit after the value as the shapes it is made of; which unit it was, the
        # neighbouring rows tell.
        return misread.group(1), UNREAD_UNIT
    for phrase in row:
        if phrase is not cell and phrase.text.strip().lower() in UNITS:
            return text, phrase.text.strip()
    for phrase in row:
        if phrase is not cell and (misread := _misread_unit(phrase.text)):
            return text, misread
    if any(phrase is not cell and _column_kind(phrase, headers) == "unit" for phrase in row):
        return text, UNREAD_UNIT
    # A short word between the element and its result, where a unit stands, that is no unit: one OCR misread.
    between = row[: next(i for i, p in enumerate(row) if p is cell)]
    if any(len(p.text.strip()) <= MAX_UNIT_CHARS and not _NUMBER.search(p.text) for p in between):
        return text, UNREAD_UNIT
    # A unit in the result column's header, e.g. "Result (ppm)".
    for header, kind in headers:
        if kind == "result" and header.page == cell.page and header.overlaps_horizontally(cell):
            for unit in UNITS:
                if unit in header.text.lower():
                    return text, unit
    return text, ASSUMED_PERCENT


def _run_into_unit_column(cell: Phrase, headers: list[tuple[Phrase, str]]) -> tuple[str, str | None] | None:
    """'83.29 4': a result run together with the word under the 'Unit' column's header ('%' read as '4'). The
    word is the unit, or one OCR misread, which the neighbouring rows tell."""
    if len(cell.words) < 2:
        return None
    last = cell.words[-1]
    under_unit = any(
        kind == "unit" and header.page == cell.page and header.y1 <= cell.y0
        and min(last.bbox[2], header.x1) - max(last.bbox[0], header.x0) > 0
        and cell.words[0].bbox[2] <= header.x0  # the result itself stands left of the column
        for header, kind in headers
    )  # fmt: skip
    if not under_unit:
        return None
    unit = last.text.strip()
    return " ".join(w.text for w in cell.words[:-1]), unit if unit.lower() in UNITS else UNREAD_UNIT


# Units long enough to be told by their letters when OCR slips on one of them or loses the stroke ('mg ky',
# 'mg Ag' for mg/kg); shorter ones ('ppm', 'ppb') are one letter apart and stay unread.
def _letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


_LONG_UNITS = {_letters(unit): unit for unit in UNITS if len(_letters(unit)) >= 4}


# A unit's slash OCR read as an upright stroke ('git' or 'g1t' for g/t, 'mglkg' for mg/kg).
_SLASH_READ_AS_STROKE = re.compile(r"^([a-zμ]{1,2})[il1|!I]([a-z]{1,2})$")


def _misread_unit(text: str) -> str | None:
    if (stroke := _SLASH_READ_AS_STROKE.match(text.strip())) is not None:
        unit = f"{stroke.group(1)}/{stroke.group(2)}".lower()
        return unit if unit in UNITS else None
    letters = _letters(text)
    if len(text.strip()) > MAX_UNIT_CHARS + 1 or _NUMBER.search(text):
        return None
    found = {
        unit for key, unit in _LONG_UNITS.items() if letters[:1] == key[:1] and Levenshtein.distance(letters, key) <= 1
    }
    return found.pop() if len(found) == 1 else None


# Letters OCR takes for one another in a symbol ('PD' for Pb).
_CONFUSABLE = {"D": "b", "B": "d", "H": "b", "O": "o", "I": "l", "L": "i", "0": "o", "1": "l"}


def _symbols_checked(
    readings: list[tuple[str, str, str | None, Candidate]],
) -> list[tuple[str, str, str | None, Candidate]]:
    """A two-letter symbol printed all in capitals where the table prints its symbols in capital and small
    letters ('PD' among 'As', 'Fe', 'Sulphur (S)'), is an OCR slip: it stands for the element a confusable letter
    gives, when that is one element the table does not list already; otherwise it is dropped, never invented."""
    symbols = [_printed_symbol(evidence) for _, _, _, evidence in readings]
    proper = sum(1 for symbol in symbols if symbol is not None and symbol[0].isupper() and symbol[1:].islower())
    if proper < 3:
        return readings  # a table printed in capitals throughout: 'PB', 'AS' are its symbols
    listed = {element for element, _, _, _ in readings}
    out = []
    for (element, text, unit, evidence), symbol in zip(readings, symbols, strict=True):
        if symbol is not None and len(symbol) == 2 and symbol.isupper():
            variants = {normalize_element(symbol[0] + _CONFUSABLE.get(symbol[1], symbol[1].lower()))} - {None}
            variants -= listed
            if len(variants) != 1:
                continue
            element = str(variants.pop())
        out.append((element, text, unit, evidence))
    return out


def _printed_symbol(evidence: Candidate) -> str | None:
    """The symbol as printed in a row's element cell: the cell itself or its bracket ('Lead (Pb)')."""
    text = re.sub(r"^\W+|\W+$", "", evidence.words[0].text)  # quotes and specks around it ('«ER')
    bracketed = _BRACKETED_SYMBOL.search(" ".join(w.text for w in evidence.words))
    if bracketed:
        return bracketed.group(1)
    return text if text.isalpha() and len(text) <= 2 else None


def _units_from_neighbours(
    readings: list[tuple[str, str, str | None, Candidate]],
) -> list[tuple[str, str, str | None, Candidate]]:
    """A unit OCR could not read is the unit of the rows around it when the nearest readable units above and
    below agree, or of the one side there is at a table's end: a table lists its results in runs of one unit
    (percent, then mg/kg). Otherwise, or where a neighbour's percent was itself assumed or stands on one side
    only, percent is assumed."""
    units = [unit for _, _, unit, _ in readings]
    out = []
    for index, (element, text, unit, evidence) in enumerate(readings):
        if unit == ASSUMED_PERCENT and 0 < index < len(readings) - 1:
            # A row with no unit cell at all between two rows whose units were read and agree is in their unit.
            above, below = units[index - 1], units[index + 1]
            if above == below and above not in (None, UNREAD_UNIT, ASSUMED_PERCENT):
                unit = above
        if unit == UNREAD_UNIT:
            above = next((u for u in reversed(units[:index]) if u not in (None, UNREAD_UNIT)), None)
            below = next((u for u in units[index + 1 :] if u not in (None, UNREAD_UNIT)), None)
            if above is None and below not in (None, ASSUMED_PERCENT, *PERCENT_UNITS):
                # Nothing read above, a trace unit below: a table lists its percent results first, so these rows
                # head the table in percent, as its main element does, or in what the total then says.
                below = None
            # A neighbour whose percent was itself assumed passes on an assumption, not a reading.
            sides = {"%" if u == ASSUMED_PERCENT else u for u in (above, below) if u is not None}
            unit = sides.pop() if len(sides) == 1 else ASSUMED_PERCENT
            # Percent from one side only (the table's last rows, their units all garbled) is assumed: a table
            # may turn to mg/kg right there, which the total then tells.
            if unit == "%" and (ASSUMED_PERCENT in (above, below) or above is None or below is None):
                unit = ASSUMED_PERCENT
        out.append((element, text, unit, evidence))
    return out


MAX_TOTAL_PERCENT = 100.5  # a composition read right sums to at most the whole, rounding allowed


def _assumed_units(
    readings: list[tuple[str, str, str | None, Candidate]],
) -> list[tuple[str, str, str | None, Candidate]]:
    """Rows whose unit nothing on the page gave are in percent, unless percent makes the results weigh more
    than the whole sample: a table lists its percent results first, then those in mg/kg, so from the first
    such row that would carry the total over 100 % on, the rows with no unit of their own are in mg/kg
    ('Níquel (Ni) 16,6' under a unit column OCR lost is 16.6 mg/kg, not 16.6 %)."""
    out = []
    total, in_mg_per_kg = 0.0, False
    for index, (element, text, unit, evidence) in enumerate(readings):
        if unit == ASSUMED_PERCENT:
            as_percent = parse_concentration(text, "%")
            if index and not in_mg_per_kg and as_percent.found and as_percent.value is not None:
                in_mg_per_kg = total + as_percent.value > MAX_TOTAL_PERCENT
            unit = "mg/kg" if in_mg_per_kg else "%"
        parsed = parse_concentration(text, unit)
        if parsed.found and parsed.value is not None:
            total += parsed.value
        out.append((element, text, unit, evidence))
    return out


# Rows of a sideways table that hold the results, by their caption: not the specification's Min / Max.
RESULT_ROW_CAPTIONS = frozenset(
    "actual ist istwert result results resultat resultats resultado wert werte value valeur reel wartosc "
    "rzeczywista rzeczywisty wynik measured found analysis".split()
)
LIMIT_ROW_CAPTIONS = frozenset("min max minimum maximum soll spec specification norm limit target".split())
UNIT_ROW_CAPTIONS = frozenset("unit units einheit unite unidad jednostka".split())
ROWS_BELOW_SYMBOLS = 6
_SCIENTIFIC = re.compile(r"^(\d+(?:\.\d+)?)[eE]([-+]?\d+)$")


def captioned_sideways_results(view: DocumentView) -> list[tuple[str, Candidate, str | None]]:
    """Sideways tables whose rows are captioned ('Symbol C Si Mn', 'Unit % % ppm', 'Min', 'Max', 'Actual
    0.17 0.28 1.38'), read word by word: a result belongs to the element whose column it stands in, even
    where narrow cells run together into one phrase. Each column's own unit row entry wins."""
    found: list[tuple[str, Candidate, str | None]] = []
    rows = view.rows
    for index, row in enumerate(rows):
        words = [w for p in row for w in p.words]
        if len(words) < 4 or fold(words[0].text) not in ("symbol", "symbole", "element", "elements", "elemento",
                                                         "pierwiastek", "zeichen"):  # fmt: skip
            symbols = [(normalize_element(w.text), w) for w in words]
            if sum(1 for e, _ in symbols if e) < 3 or _caption(row) is not None:
                continue
        # Every cell after the caption bounds a column; only element symbols are read ('F1' names a formula).
        anchors = words[1:] if normalize_element(words[0].text) is None else words
        columns = [(_symbol(w.text), w) for w in anchors]
        if sum(1 for e, _ in columns if e) < 2:
            continue
        units: dict[int, str] = {}
        results: dict[int, Word] = {}
        for below in rows[index + 1 : index + 1 + ROWS_BELOW_SYMBOLS]:
            if below[0].page != row[0].page:
                break
            caption = _caption(below)
            if caption is None:
                break
            kind, cells = caption
            for column, (_, symbol) in enumerate(columns):
                word = _in_column(symbol, columns, column, cells)
                if word is None:
                    continue
                if kind == "unit":
                    units[column] = word.text
                elif kind == "result" and column not in results:
                    results[column] = word
        for column, (element, symbol) in enumerate(columns):
            word = results.get(column)
            if word is not None and element is not None:
                text = _SCIENTIFIC.sub(lambda m: f"{float(m.group(0)):.12f}".rstrip("0"), word.text)
                cell = Candidate(text, (symbol, word), row[0].page, "column")
                found.append((str(element), cell, units.get(column)))
    return found


def _symbol(text: str) -> str | None:
    """The element a column heads: a bare symbol of one or two letters, not 'F1' or 'CEV'."""
    return normalize_element(text) if text.isalpha() and len(text) <= 2 else None


def _caption(row: list[Phrase]) -> tuple[str, list[Word]] | None:
    """What a captioned row holds (result, limit or unit) and its value words, or None if uncaptioned."""
    words = [w for p in row for w in p.words]
    head = fold(words[0].text) if words else ""
    # Bilingual captions: 'Ist / Actual', 'Einheit / Unit'.
    caption_words = []
    for word in words:
        folded = fold(word.text)
        if folded in RESULT_ROW_CAPTIONS | LIMIT_ROW_CAPTIONS | UNIT_ROW_CAPTIONS or word.text == "/":
            caption_words.append(word)
            continue
        break
    if not caption_words:
        return None
    values = words[len(caption_words) :]
    kinds = {fold(w.text) for w in caption_words}
    if kinds & UNIT_ROW_CAPTIONS:
        return "unit", values
    if kinds & RESULT_ROW_CAPTIONS and head not in LIMIT_ROW_CAPTIONS:
        return "result", values
    return "limit", values


def _in_column(symbol: Word, columns: list[tuple[str | None, Word]], column: int, cells: list[Word]) -> Word | None:
    """The word under a column's symbol: its centre lies between the midpoints to the neighbouring symbols."""
    center = (symbol.bbox[0] + symbol.bbox[2]) / 2
    left = (center + (columns[column - 1][1].bbox[0] + columns[column - 1][1].bbox[2]) / 2) / 2 if column else -1.0
    right = (
        (center + (columns[column + 1][1].bbox[0] + columns[column + 1][1].bbox[2]) / 2) / 2
        if column + 1 < len(columns)
        else 2.0
    )
    inside = [w for w in cells if left <= (w.bbox[0] + w.bbox[2]) / 2 < right]
    return inside[0] if len(inside) == 1 else None
