"""Which layout families a ground-truth set holds out from development, and so which documents and
shipments count as unseen.

Every generated document names its layout family (`family`, e.g. 'certificate_of_origin/eur1'); the set's
`families` table says, for each family, whether development already used it (`seen_in_development`) and
otherwise which fold it belongs to (`fold`, 0 to FOLDS - 1). Folds are assigned by hand in the generator
when a family is added, before any extractor is changed against it, so a family never changes fold.
Developed families are never held out: figures on them are not figures on unseen paperwork. By default
every family with a fold is held out (none of them has been read); `holdout_fold` holds out one fold only.
The held-out families' documents are the unseen split, everything else the seen split.
A shipment is unseen when any of its documents is: its verdict rests on reading a layout that was held out.
A family with neither mark (a set written before folds were recorded) cannot be held out; it counts as seen
and the split names it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

FOLDS = 3
UNSEEN, SEEN = "unseen", "seen"


@dataclass(frozen=True)
class Split:
    holdout_fold: int | None  # None: every fold
    held_out: frozenset[str]
    # Families that are never held out because development already used them.
    developed: frozenset[str]
    # Families of the set that carry no fold (recorded before folds were): counted as seen.
    unassigned: frozenset[str] = frozenset()
    folds: int = FOLDS

    def document(self, document: Mapping[str, Any]) -> str:
        return UNSEEN if document.get("family") in self.held_out else SEEN

    def shipment(self, shipment: Mapping[str, Any]) -> str:
        return UNSEEN if any(f in self.held_out for f in shipment.get("families", ())) else SEEN

    def describe(self) -> str:
        which = "every fold" if self.holdout_fold is None else f"fold {self.holdout_fold} of {self.folds}"
        if not self.held_out:
            text = f"{which}: no held-out family in this set"
        else:
            text = f"{which} held out: " + ", ".join(sorted(self.held_out))
        if self.unassigned:
            text += f" (no fold recorded, counted as seen: {', '.join(sorted(self.unassigned))})"
        return text


def fold_of(attributes: Mapping[str, Any]) -> int | None:
    """A family's fold as its ground-truth record states it; None for a developed family or none stated."""
    if attributes.get("seen_in_development"):
        return None
    fold = attributes.get("fold")
    if fold is None:
        return None
    if not isinstance(fold, int) or not 0 <= fold < FOLDS:
        raise ValueError(f"a family's fold must be an integer from 0 to {FOLDS - 1}, not {fold!r}")
    return fold


def make_split(families: Mapping[str, Mapping[str, Any]], holdout_fold: int | None = None) -> Split:
    """The split of a set's families: `families` is the ground truth's `families` table (family id ->
    attributes, `seen_in_development` and `fold` among them); `holdout_fold` None holds out every fold."""
    if holdout_fold is not None and not 0 <= holdout_fold < FOLDS:
        raise ValueError(f"the held-out fold must be between 0 and {FOLDS - 1}")
    developed = frozenset(f for f, attrs in families.items() if attrs.get("seen_in_development"))
    folds = {f: fold_of(attrs) for f, attrs in families.items()}
    held_out = frozenset(
        f for f, fold in folds.items() if fold is not None and (holdout_fold is None or fold == holdout_fold)
    )
    unassigned = frozenset(f for f, fold in folds.items() if fold is None and f not in developed)
    return Split(holdout_fold, held_out, developed, unassigned)


def split_truth(
    documents: Mapping[str, Mapping[str, Any]], shipments: list[dict[str, Any]], split: Split
) -> dict[str, tuple[dict[str, Mapping[str, Any]], list[dict[str, Any]]]]:
    """(documents by path, shipments) of each side, unseen first."""
    sides: dict[str, tuple[dict[str, Mapping[str, Any]], list[dict[str, Any]]]] = {UNSEEN: ({}, []), SEEN: ({}, [])}
    for path, document in documents.items():
        sides[split.document(document)][0][path] = document
    for shipment in shipments:
        sides[split.shipment(shipment)][1].append(shipment)
    return sides
