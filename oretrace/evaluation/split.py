"""Which layout families a ground-truth set holds out from development, and so which documents and
shipments count as unseen.

Every generated document names its layout family (`family`, e.g. 'certificate_of_origin/eur1'); the set's
`families` table says which of them were already used in development before the split existed
(`seen_in_development`). Those are never held out: figures on them are not figures on unseen paperwork.
The others are dealt into `folds` folds by a stable hash of the family id, so adding a family never moves
another. Fold `holdout_fold` is held out: its families' documents are the unseen split, everything else the
seen split. A shipment is unseen when any of its documents is: its verdict rests on reading a layout that
was held out.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

FOLDS = 3
DEFAULT_HOLDOUT_FOLD = 0
UNSEEN, SEEN = "unseen", "seen"


def fold_of(family: str, folds: int = FOLDS) -> int:
    """The fold of a family id: the first eight bytes of its SHA-256, modulo the number of folds."""
    digest = hashlib.sha256(family.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % folds


@dataclass(frozen=True)
class Split:
    folds: int
    holdout_fold: int
    held_out: frozenset[str]
    # Families that are never held out because development already used them.
    developed: frozenset[str]

    def document(self, document: Mapping[str, Any]) -> str:
        return UNSEEN if document.get("family") in self.held_out else SEEN

    def shipment(self, shipment: Mapping[str, Any]) -> str:
        return UNSEEN if any(f in self.held_out for f in shipment.get("families", ())) else SEEN

    def describe(self) -> str:
        if not self.held_out:
            return f"fold {self.holdout_fold} of {self.folds}: no held-out family in this set"
        names = ", ".join(sorted(self.held_out))
        return f"fold {self.holdout_fold} of {self.folds} held out: {names}"


def make_split(
    families: Mapping[str, Mapping[str, Any]] | Iterable[str],
    holdout_fold: int = DEFAULT_HOLDOUT_FOLD,
    folds: int = FOLDS,
) -> Split:
    """The split of a set's families. `families` is the ground truth's `families` table (family id ->
    attributes, `seen_in_development` among them) or bare ids (all eligible)."""
    if folds < 2:
        raise ValueError("a split needs at least two folds")
    if not 0 <= holdout_fold < folds:
        raise ValueError(f"the held-out fold must be between 0 and {folds - 1}")
    table = families if isinstance(families, Mapping) else {key: {} for key in families}
    developed = frozenset(f for f, attrs in table.items() if attrs.get("seen_in_development"))
    held_out = frozenset(f for f in table if f not in developed and fold_of(f, folds) == holdout_fold)
    return Split(folds, holdout_fold, held_out, developed)


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
