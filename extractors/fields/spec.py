"""Label-driven field extraction, shared by every document type."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from extractors.fields.labels import LABELS
from extractors.fields.parsers import Parser
from extractors.fields.view import Candidate, DocumentView, LabelHit, is_descriptor
from extractors.layout import union_bbox
from oretrace.models import Evidence, FieldValue

WHERE_WEIGHT = {"inline": 1.0, "right": 0.95, "below": 0.9, "column": 0.9, "text": 0.8}


@dataclass(frozen=True)
class LabelledField:
    """A field found next to one of its labels and read by `parse`."""

    name: str
    labels: tuple[str, ...]
    parse: Parser
    # A parser may depend on the label itself, e.g. "Net weight (MT)" sets the unit.
    parse_for_label: Callable[[LabelHit], Parser] | None = None
    # Names run on from a label without a colon ("Laboratory Manager", "Exporter declares"): only a
    # colon makes the rest of the phrase a value.
    inline_needs_colon: bool = False
    # Look above the label too: dates of issue stand over the "Place and date" caption of a signature box.
    look_above: bool = False

    def extract(self, view: DocumentView, skip: set[int]) -> FieldValue:
        hits = view.find_labels(self.labels)
        if not hits:
            return FieldValue.missing(self.name, f"no label for {self.name} found")
        reasons: list[str] = []
        for hit in hits:
            parse = self.parse_for_label(hit) if self.parse_for_label else self.parse
            if not is_label(hit, parse, self.inline_needs_colon):
                continue
            for candidate in view.value_candidates(hit, above=self.look_above):
                if candidate.where != "inline" and id(candidate.words[0]) in skip:
                    continue  # another field's label, not a value
                parsed = parse(candidate.text)
                if parsed.found:
                    return field_value(self.name, parsed.value, candidate, hit.score / 100)
                reasons.append(parsed.reason or "unparsed")
        return FieldValue.missing(self.name, f"label found but no readable value ({reasons[0] if reasons else ''})")


def is_label(hit: LabelHit, parse: Parser, needs_colon: bool = False) -> bool:
    """Whether a phrase that starts with a label's words is that label. Words run on after it without a
    colon ("Date of shipment", "Laboratory Manager", "Origin criterion") make it another phrase, unless
    they are the value itself ("Invoice No 4711") or the label's own description ("(name, address)")."""
    if hit.colon or not hit.rest:
        return True
    rest = " ".join(w.text for w in hit.rest)
    if is_descriptor(rest):
        return True
    return not needs_colon and parse(rest).found


def field_value(name: str, value: object, candidate: Candidate, match_score: float = 1.0) -> FieldValue:
    confidence = candidate.confidence * WHERE_WEIGHT.get(candidate.where, 0.8) * match_score
    return FieldValue(
        name=name,
        value=value,  # type: ignore[arg-type]
        confidence=round(max(0.0, min(1.0, confidence)), 3),
        evidence=[
            Evidence(page=candidate.page, bbox=union_bbox([w.bbox for w in candidate.words]), text=candidate.text)
        ],
        raw=candidate.text,
    )


def extract_labelled(view: DocumentView, fields: Iterable[LabelledField]) -> tuple[dict[str, FieldValue], set[int]]:
    """Every field found next to its labels, and the label phrases (for the fallbacks to skip)."""
    skip = label_word_ids(view, LABELS.values())
    return {spec.name: spec.extract(view, skip) for spec in fields}, skip


def label_word_ids(view: DocumentView, label_sets: Iterable[tuple[str, ...]]) -> set[int]:
    """Identity of the first word of every phrase that is itself a label, so it is never read as a value."""
    ids: set[int] = set()
    for labels in label_sets:
        for hit in view.find_labels(labels):
            # "Laboratorio Metalúrgico del Norte" starts with a label word but is a name, not a label.
            if not hit.inside and (hit.colon or not hit.rest or is_descriptor(" ".join(w.text for w in hit.rest))):
                ids.add(id(hit.phrase.words[0]))
    for row in view.rows:
        for phrase in row:
            text = phrase.text.strip()
            if text.endswith(":") or (text.startswith("(") and text.endswith(")")):
                ids.add(id(phrase.words[0]))
    return ids


def first_found(*values: FieldValue) -> FieldValue:
    for value in values:
        if value.found:
            return value
    return values[0]
