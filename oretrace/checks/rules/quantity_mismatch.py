"""quantity_mismatch (medium): net weights on invoice, packing list and certificate of origin disagree.

Values are the extracted `net_weight_kg` fields, already converted to kg. Each document's weight is
compared with the commercial invoice's (the document the others should repeat); without an invoice, with the
packing list's. A difference above TOLERANCE of the reference weight is a finding. A document without a
readable weight is skipped: a missing value is never evidence of a mismatch.

Reported LOW instead (worth a look, not a flag):

* a difference that disappears when a unit factor is undone (1000: kg vs t, or "19,719 MT" read with the
  wrong decimal mark; 2.2046: kg vs lb): a unit or decimal-mark reading, on paper or by OCR, not a different
  quantity of goods. A difference that remains after undoing the factor is still MEDIUM, and said so;
* a difference between documents one of which also prints the other's weight: the documents agree and
  the difference rests on which of a document's figures was read as its net weight (a gross weight, one lot's or
  one container's subtotal, a weight in another box). A laundered document repeats no other document's
  weight; a reading taken from the wrong box of an honest one would otherwise flag a clean shipment;
* a difference that rests on a weight the OCR read with low confidence (`checks.text.DOUBTFUL_CONFIDENCE`), or
  that the extractor did not read beside its own label (`checks.text.WEAK_EXTRACTION`: a weight taken from a
  total row without its label).
"""

from __future__ import annotations

from dataclasses import dataclass

from oretrace.checks import wording
from oretrace.checks.context import ShipmentContext
from oretrace.checks.registry import register
from oretrace.checks.text import field_evidence, weakly_read
from oretrace.core.models import DocType, ExtractedDocument, Finding, Severity
from oretrace.extractors.normalize.numbers import find_numbers, prepare

TOLERANCE = 0.02
ORDER = (DocType.COMMERCIAL_INVOICE, DocType.PACKING_LIST, DocType.CERTIFICATE_OF_ORIGIN)
# Factors that turn one unit reading into another: kg vs t (or "16,500 metric tons" read with the wrong
# decimal mark), kg vs lb.
UNIT_FACTORS = {1000.0: "kg vs metric tons, or the decimal mark", 2.20462: "kg vs pounds"}


@dataclass(frozen=True)
class Difference:
    document: ExtractedDocument
    kg: float
    change: float  # relative to the reference weight
    unit_note: str | None  # the difference once a unit slip is undone, when that brings the weights closer
    slip_only: bool  # the weights agree once a unit slip is undone
    doubtful: bool  # the weight was read doubtfully (OCR confidence, or not beside its label)
    printed_elsewhere: bool  # one of the two prints the other's weight too: the wrong figure may have been read

    def describe(self) -> str:
        text = f"the {wording.document(self.document.doc_type)} states {wording.kg(self.kg)} ({self.change:+.1%}"
        if self.unit_note:
            text += f"; {self.unit_note}"
        if self.doubtful:
            text += "; read with low confidence"
        if self.printed_elsewhere:
            text += "; either document also prints the other's weight"
        return text + ")"


def _weights(shipment: ShipmentContext) -> list[tuple[ExtractedDocument, float]]:
    found: list[tuple[ExtractedDocument, float]] = []
    for doc_type in ORDER:
        for document in shipment.of_type(doc_type):
            value = document.value("net_weight_kg")
            if isinstance(value, int | float) and value > 0:
                found.append((document, float(value)))
    return found


def prints_weight(document: ExtractedDocument, kg: float) -> bool:
    """Whether a document prints `kg` anywhere, in kg or metric tons, written with four digits or more (a
    shorter number matches too much by chance: a day, a count, a page number)."""
    for page in document.pages:
        for word in page.words:
            if sum(ch.isdigit() for ch in word.text) < 4:
                continue
            for number in find_numbers(prepare(word.text)):
                # The number's own digits: the '11' of an address's '2-4-11' is no 11 t.
                if sum(ch.isdigit() for ch in number.text) < 4:
                    continue
                value = number.value
                readings = [v for v in (value, number.decimal_reading) if v is not None]
                if any(abs(v - kg) <= 0.001 * kg or abs(v * 1000 - kg) <= 0.001 * kg for v in readings):
                    return True
    return False


def _difference(
    document: ExtractedDocument, kg: float, reference_doc: ExtractedDocument, reference_kg: float
) -> Difference | None:
    change = (kg - reference_kg) / reference_kg
    if abs(change) <= TOLERANCE:
        return None
    note, slip_only = None, False
    for factor, units in UNIT_FACTORS.items():
        for scale in (factor, 1 / factor):
            undone = (kg / scale - reference_kg) / reference_kg
            if abs(undone) <= TOLERANCE:
                note, slip_only = f"equal after a factor of {factor:g}: probably a unit reading ({units})", True
            elif abs(undone) < min(abs(change), 0.5) and not slip_only:
                note = f"{undone:+.1%} after a factor of {factor:g} ({units})"
    doubtful = weakly_read(document, "net_weight_kg")
    elsewhere = prints_weight(document, reference_kg) or prints_weight(reference_doc, kg)
    return Difference(document, kg, change, note, slip_only, doubtful, elsewhere)


@register("quantity_mismatch", Severity.MEDIUM, "Net weights disagree between documents")
def quantity_mismatch(shipment: ShipmentContext) -> list[Finding]:
    weights = _weights(shipment)
    if len(weights) < 2:
        return []
    reference_doc, reference_kg = weights[0]
    differences = [d for doc, kg in weights[1:] if (d := _difference(doc, kg, reference_doc, reference_kg)) is not None]
    if not differences:
        return []
    message = (
        f"Net weight on the {wording.document(reference_doc.doc_type)} is {wording.kg(reference_kg)}, but "
        + "; ".join(d.describe() for d in differences)
        + f" (tolerance {TOLERANCE:.0%})."
    )
    # A unit slip, a doubtful reading or a figure from the wrong box is worth a look, not a flag; the reference
    # weight's own reading counts.
    weak = weakly_read(reference_doc, "net_weight_kg")
    misread = all(d.slip_only or d.doubtful or d.printed_elsewhere for d in differences)
    severity = Severity.LOW if weak or misread else None
    evidence = [e for document, _ in weights for e in field_evidence(document, "net_weight_kg")]
    return [quantity_mismatch.finding(message, evidence, severity)]
