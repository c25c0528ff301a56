"""One adapter per external set: where its documents are and what its ground truth says, in canonical fields.

An adapter lists only documents whose input file exists, so the same adapter reads the full set and the
small copy of it kept for CI (`tests/data/external/`, same relative paths).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from oretrace.evaluation.adapters import invoice2data, material_identity, sroie, zugferd
from oretrace.evaluation.expected import ExpectedDocument


@dataclass(frozen=True)
class Adapter:
    folder: str  # the set's folder under the external root
    describe: str
    load: Callable[[Path], list[ExpectedDocument]]  # the set's folder in, its scored documents out


ADAPTERS: dict[str, Adapter] = {
    adapter.folder: adapter
    for adapter in (
        Adapter("invoice2data", "vendor invoices, EN/FR/DE/NL", invoice2data.load),
        Adapter("zugferd-corpus", "Factur-X / ZUGFeRD invoices, DE/FR", zugferd.load),
        Adapter("material-identity-schemas", "mill certificates and certificates of analysis", material_identity.load),
        Adapter("sroie-subset", "scanned receipts, EN", sroie.load),
    )
}


def load_all(root: Path) -> list[ExpectedDocument]:
    """Every scored document of every set present under `root`, in set then path order."""
    documents: list[ExpectedDocument] = []
    for folder, adapter in ADAPTERS.items():
        if (root / folder).is_dir():
            documents.extend(sorted(adapter.load(root / folder), key=lambda d: d.path))
    return documents
