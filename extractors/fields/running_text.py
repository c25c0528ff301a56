"""Facts stated in sentences rather than beside a label: the origin declared in a certificate's text."""

from __future__ import annotations

import re

from oretrace.core.models import FieldValue
from oretrace.extractors.fields.spec import field_value
from oretrace.extractors.fields.view import Candidate, DocumentView
from oretrace.extractors.normalize import parse_country

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
