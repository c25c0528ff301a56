"""Facts stated in sentences rather than beside a label: the origin declared in a certificate's text, the tariff
code named in a description of the goods."""

from __future__ import annotations

import re

from oretrace.core.models import FieldValue
from oretrace.extractors.fields.spec import field_value
from oretrace.extractors.fields.view import Candidate, DocumentView
from oretrace.extractors.normalize import parse_country, parse_hs_code

_DECLARED = re.compile(
    r"(?:produced|originat\w*|made|manufactured|producid\w*|originari\w*|fabricad\w*|elaborad\w*)\s+"
    r"(?:in|en|de|from)\s+(?:the\s+)?([^\W\d_][^\n,.;()]{2,40})",
    re.IGNORECASE,
)


def declared_origin_in_text(view: DocumentView, name: str) -> FieldValue:
    """'... all the goods were produced in THAILAND' — an origin stated in a declaration sentence,
    possibly with the country on the next line."""
    for index, row in enumerate(view.rows):
        for phrase in row:
            for match in _DECLARED.finditer(phrase.text + " "):
                words = match.group(1).split()
                for size in range(min(4, len(words)), 0, -1):
                    parsed = parse_country(" ".join(words[:size]))
                    if parsed.found:
                        candidate = Candidate(phrase.text, tuple(phrase.words), phrase.page, "text")
                        return field_value(name, parsed.value, candidate)
            if re.search(r"(produced|producid\w*|originat\w*|originari\w*)\s+(in|en|de)\s*$", phrase.text, re.I):
                for below in view.rows[index + 1 : index + 3]:
                    for p in below:
                        parsed = parse_country(p.text)
                        if parsed.found:
                            candidate = Candidate(p.text, tuple(p.words), p.page, "text")
                            return field_value(name, parsed.value, candidate)
    return FieldValue.missing(name, "no country of origin stated")


# 'HS 8110.10', 'H.S. code: 2825.80', 'HTS No. 8110.10.0000' inside a line of text: the code follows its name.
_NAMED_CODE = re.compile(
    r"(?i)(?<![\w.])h\.?\s?t?\.?\s?s\.?(?:\s?code)?(?!\w)"  # HS, H.S., HTS, HS code
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
