"""Facts stated in sentences rather than beside a label: the origin declared in a certificate's text, the tariff
code named in a description of the goods, the parties a declaration names."""

from __future__ import annotations

import re
from bisect import bisect_left

from oretrace.core.folding import fold, fold_chars
from oretrace.core.models import FieldValue, Word
from oretrace.extractors.fields.parsers import party_name
from oretrace.extractors.fields.spec import field_value
from oretrace.extractors.fields.view import Candidate, DocumentView, Phrase
from oretrace.extractors.normalize import is_legal_form, parse_country, parse_hs_code

_DECLARED = re.compile(
    r"(?:(?:produced|originat\w*|made|manufactured|producid\w*|originari\w*|fabricad\w*|elaborad\w*)\s+"
    r"(?:in|en|de|from)|(?:are|is)\s+(?:the\s+)?products?\s+of)\s+(?:the\s+)?([^\W\d_][^\n,.;()]{2,40})",
    re.IGNORECASE,
)


# How a line of the shipping marks states where the goods were made ('MADE IN CANADA', 'HECHO EN MÉXICO'), folded.
MARKS_ORIGIN = ("made in", "manufactured in", "hecho en", "fabricado en", "fabricado em", "fabrique en", "fabriquee en")
# Such words alone on a line, with the country: a line of the marks, not a sentence.
_MARKS_WORDS = "|".join(r"\s+".join(m.split()) for m in MARKS_ORIGIN)
_MARKS_LINE = re.compile(rf"^\W*(?:{_MARKS_WORDS})\s+\S+(?:\s+\S+)?\W*$")


def declared_origin_in_text(view: DocumentView, name: str, marks_declare: bool = True) -> FieldValue:
    """'... all the goods were produced in THAILAND', '... are the products of Thailand' (a chamber's form): an
    origin stated in a declaration sentence, possibly with the country on the next line. With `marks_declare`
    false, a shipping-marks line ('MADE IN CANADA') is no declaration: an invoice declares origin in its own
    words."""
    for index, row in enumerate(view.rows):
        for phrase in row:
            if not marks_declare and _MARKS_LINE.match(fold_chars(phrase.text)):
                continue
            for match in _DECLARED.finditer(phrase.text + " "):
                words = match.group(1).split()
                for size in range(min(4, len(words)), 0, -1):
                    parsed = parse_country(" ".join(words[:size]))
                    if parsed.found:
                        candidate = Candidate(phrase.text, tuple(phrase.words), phrase.page, "text")
                        return field_value(name, parsed.value, candidate)
            if re.search(r"(produced|producid\w*|originat\w*|originari\w*)\s+(in|en|de)\s*$", phrase.text, re.I):
                for p in [*(p for below in view.rows[index + 1 : index + 3] for p in below),
                          *_next_in_column(view, index, phrase)]:  # fmt: skip
                    parsed = parse_country(p.text)
                    if parsed.found:
                        candidate = Candidate(p.text, tuple(p.words), p.page, "text")
                        return field_value(name, parsed.value, candidate)
    return FieldValue.missing(name, "no country of origin stated")


# Rows below a sentence in which its next line may stand, where a form's other column interleaves its own lines.
COLUMN_ROWS = 4


def _next_in_column(view: DocumentView, index: int, phrase: Phrase) -> list[Phrase]:
    """The phrases of the next line under `phrase` in its own column (those that overlap it across)."""
    for row in view.rows[index + 1 : index + 1 + COLUMN_ROWS]:
        under = [p for p in row if p.page == phrase.page and p.overlaps_horizontally(phrase)]
        if under:
            return under
    return []


# 'HS 8110.10', 'H.S. code: 2825.80', 'HTS No. 8110.10.0000' inside a line of text: the code follows its name.
_NAMED_CODE = re.compile(
    r"(?i)(?<![\w.])h\.?\s?t?\.?\s?s\.?(?:\s?code)?(?:\s?/\s?s[ha]\.?)?(?!\w)"  # HS, H.S., HTS, HS code, HS / SH
    r"[^\w]{0,3}(?:no\.?|number)?[^\w]{0,3}(?=\d)"  # then 'No.' or punctuation, and the digits
)


def hs_code_in_text(view: DocumentView, name: str = "hs_code") -> FieldValue:
    """An HS code named in running text ('Description of goods: Antimony ingots 99.65%, HS 8110.10'), where no
    caption of its own stands before it."""
    for row in view.rows:
        for phrase in row:
            for match in _NAMED_CODE.finditer(phrase.text):
                parsed = parse_hs_code(phrase.text[match.start() :])
                if parsed.found:
                    candidate = Candidate(phrase.text, tuple(phrase.words), phrase.page, "text")
                    return field_value(name, parsed.value, candidate)
    return FieldValue.missing(name, "no HS code named in the text")


# A party named in a sentence by what it does with the goods: 'consigned to Great Lakes Alloy Supply Inc.',
# 'exported by ...', 'The undersigned Jane Doe (Owner or Agent) for ACME Metals Co., Ltd. declares ...'.
_PARTY_CUES = {
    "consignee_name": re.compile(
        r"\b(?:consigned|shipped|sent|exported|delivered|sold|destined|consignad[oa]s?|enviad[oa]s?|exportad[oa]s?"
        r"|destinad[oa]s?|expedid[oa]s?|vendid[oa]s?|expediee?s?|destinee?s?)\s+(?:to|a|al|à|para|pour)\s+"
        r"(?:the\s+order\s+of\s+|la\s+orden\s+de\s+)?",
        re.IGNORECASE,
    ),
    "exporter_name": re.compile(
        r"\b(?:shipped|exported|supplied|sold|consigned|sent|manufactured|embarcad[oa]s?|exportad[oa]s?"
        r"|expedid[oa]s?|vendid[oa]s?|expediee?s?|exportee?s?)\s+(?:by|por|par|pela|pelo)\s+"
        # 'The undersigned Jane Doe, Agent for ...', 'El suscrito ..., de ...'
        r"|\b(?:undersigned|suscrit[oa]|soussign[ée]e?|abaixo\s+assinad[oa])\b[^.;]{0,100}?"
        r"\b(?:for|of|representing|de|por|pour|da|do)\s+"
        r"|\b(?:on\s+behalf|en\s+nombre|en\s+representaci[oó]n|au\s+nom|em\s+nome)\s+(?:of|de|do|da)\s+"
        r"|\bpour\s+le\s+compte\s+de\s+",
        re.IGNORECASE,
    ),
}
NAME_WORDS = 12  # a company name runs to its legal form within this many words


def party_in_text(view: DocumentView, name: str) -> FieldValue:
    """The party a sentence names by its part in the shipment, where no caption of its own stands before it.
    Only a company name that ends in its legal form ('Inc.', 'Co., Ltd.', 'S.A. de C.V.') is taken: without
    one a sentence's words ('to the United States') are no party."""
    placed = [(phrase.page, word) for row in view.rows for phrase in row for word in phrase.words]
    words = [word for _, word in placed]
    text, starts = _running_text(words)
    for match in _PARTY_CUES[name].finditer(text):
        first = _after_aside(words, bisect_left(starts, match.end()))
        named = _company_name(words[first : first + NAME_WORDS])
        parsed = party_name(" ".join(w.text for w in named)) if named else None
        if parsed is not None and parsed.found:
            candidate = Candidate(" ".join(w.text for w in named), tuple(named), placed[first][0], "text")
            return field_value(name, parsed.value, candidate)
    return FieldValue.missing(name, f"no {name.removesuffix('_name')} named in the text")


def _after_aside(words: list[Word], index: int) -> int:
    """Past a form's bracketed caption under a blank ('for (Owner or Agent) ACME Co.'): where the name starts."""
    # OCR reads the bracket as a brace or a square bracket ('{Owner or Agent)').
    if index < len(words) and words[index].text.startswith(("(", "{", "[")):
        end = next((i for i in range(index, min(index + 8, len(words))) if words[i].text.endswith(")")), None)
        return index if end is None else end + 1
    return index


def _running_text(words: list[Word]) -> tuple[str, list[int]]:
    """The words joined by single spaces, and where each starts in the text."""
    starts, position = [], 0
    for word in words:
        starts.append(position)
        position += len(word.text) + 1
    return " ".join(w.text for w in words), starts


def _company_name(words: list[Word]) -> list[Word]:
    """The leading words up to and including the name's legal form, or none where no legal form ends it. A name
    starts with a capital: the small words before it are the sentence's ('por cuenta de Metales ...')."""
    while words and not words[0].text[:1].isupper():
        words = words[1:]
    for index, word in enumerate(words):
        if index and is_legal_form(word.text) and word.text[:1].isupper():
            end = index + 1
            while end < len(words) and (is_legal_form(words[end].text) or fold(words[end].text) == "de"):
                end += 1  # 'Co., Ltd.', 'S.A. de C.V.'
            return words[:end] if is_legal_form(words[end - 1].text) else words[: end - 1]
    return []
