"""Documents dropped loose in the inbox root join the shipment whose documents share their references.

The references are the ones trade papers cite each other by: the invoice number (printed on the invoice,
packing list and certificate of origin), certificate numbers, and lot numbers (packing list and assay).
A loose document joins a shipment only when its references point at that shipment and no other; a document
that matches nothing, or more than one shipment, waits unassigned with the reason.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from oretrace.core.models import ExtractedDocument, Rejection

# (kind, field names) of the references a document can share; kinds keep an invoice number from matching an
# equal-looking lot number.
REFERENCE_FIELDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("invoice", ("invoice_number",)),
    ("certificate", ("certificate_number",)),
    ("lot", ("lot_numbers", "lot_number")),
)
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
# Shorter references ("1", "A2") are too likely to coincide between unrelated shipments.
MIN_REFERENCE_LENGTH = 4

Reference = tuple[str, str]
Outcome = ExtractedDocument | Rejection


@dataclass(frozen=True)
class Unassigned:
    document: ExtractedDocument
    reason: str


@dataclass(frozen=True)
class Linking:
    shipments: dict[str, list[Outcome]]  # every shipment's outcomes, with the loose documents that joined it
    unassigned: list[Unassigned]
    rejected: list[Rejection]  # loose files that could not be read


def references(document: ExtractedDocument) -> set[Reference]:
    """The normalised references a document carries: case, spaces and punctuation do not matter."""
    found: set[Reference] = set()
    for kind, names in REFERENCE_FIELDS:
        for name in names:
            value = document.value(name)
            values = value if isinstance(value, list) else [value]
            for item in values:
                if isinstance(item, str):
                    key = _NOT_ALNUM.sub("", item.casefold())
                    if len(key) >= MIN_REFERENCE_LENGTH:
                        found.add((kind, key))
    return found


def link_loose_documents(shipments: Mapping[str, list[Outcome]], loose: Iterable[Outcome]) -> Linking:
    """Add each readable loose document to the one shipment it shares references with.

    Linking repeats until nothing changes, so a loose packing list that shares only a lot number with a loose
    assay certificate still follows it once the assay has joined its shipment through the invoice number.
    """
    index: dict[Reference, set[str]] = defaultdict(set)
    for shipment_id, outcomes in shipments.items():
        for outcome in outcomes:
            if isinstance(outcome, ExtractedDocument):
                for reference in references(outcome):
                    index[reference].add(shipment_id)

    joined = {shipment_id: list(outcomes) for shipment_id, outcomes in shipments.items()}
    loose = list(loose)
    waiting = [o for o in loose if isinstance(o, ExtractedDocument)]
    progress = True
    while waiting and progress:
        progress = False
        still_waiting = []
        for document in waiting:
            targets = {s for reference in references(document) for s in index.get(reference, ())}
            if len(targets) == 1:
                shipment_id = targets.pop()
                joined[shipment_id].append(_joined(document, shipment_id))
                for reference in references(document):
                    index[reference].add(shipment_id)
                progress = True
            else:
                still_waiting.append(document)
        waiting = still_waiting

    unassigned = [Unassigned(document, _why_unassigned(references(document), index)) for document in waiting]
    return Linking(joined, unassigned, [o for o in loose if isinstance(o, Rejection)])


def _why_unassigned(own: set[Reference], index: Mapping[Reference, set[str]]) -> str:
    targets = sorted({s for reference in own for s in index.get(reference, ())})
    if not own:
        return "no invoice, certificate or lot number was read from it"
    if targets:
        return f"its references match several shipments: {', '.join(targets)}"
    return f"no shipment shares its references ({', '.join(sorted(value for _, value in own))})"


def _joined(document: ExtractedDocument, shipment_id: str) -> ExtractedDocument:
    return document.model_copy(update={"source": document.source.model_copy(update={"shipment_id": shipment_id})})
