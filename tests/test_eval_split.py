"""The held-out split of layout families and the side-by-side report of `oretrace eval`."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from oretrace.core.models import Finding, Severity
from oretrace.evaluation.checks import score_shipments
from oretrace.evaluation.ground_truth import Report, load_families
from oretrace.evaluation.side_by_side import format_side_by_side
from oretrace.evaluation.split import SEEN, UNSEEN, fold_of, make_split, split_truth

REPO = Path(__file__).resolve().parent.parent


def test_fold_is_the_hash_of_the_family_id() -> None:
    family = "packing_list/lot_summary"
    expected = int.from_bytes(hashlib.sha256(family.encode()).digest()[:8], "big") % 3
    assert fold_of(family, 3) == expected
    # Every fold is reached by some family: the hash spreads them.
    assert {fold_of(f"family/{i}", 3) for i in range(30)} == {0, 1, 2}


def test_families_used_in_development_are_never_held_out() -> None:
    families = {f"a/{i}": {"seen_in_development": i % 2 == 0} for i in range(40)}
    for fold in range(3):
        split = make_split(families, fold, 3)
        assert split.held_out
        assert all(not families[f]["seen_in_development"] for f in split.held_out)
        assert all(fold_of(f, 3) == fold for f in split.held_out)
    # Every eligible family is held out in exactly one fold.
    held = [f for fold in range(3) for f in make_split(families, fold, 3).held_out]
    assert sorted(held) == sorted(f for f, a in families.items() if not a["seen_in_development"])


def test_adding_a_family_moves_no_other() -> None:
    before = make_split([f"x/{i}" for i in range(10)], 1, 3).held_out
    after = make_split([f"x/{i}" for i in range(11)], 1, 3).held_out
    assert before == after - {"x/10"}


@pytest.mark.parametrize(("fold", "folds"), [(3, 3), (-1, 3), (0, 1)])
def test_invalid_fold(fold: int, folds: int) -> None:
    with pytest.raises(ValueError):
        make_split(["a/b"], fold, folds)


def _one_held_out_and_one_seen() -> tuple[str, str]:
    names = [f"certificate_of_origin/f{i}" for i in range(20)]
    held = next(n for n in names if fold_of(n, 3) == 0)
    seen = next(n for n in names if fold_of(n, 3) != 0)
    return held, seen


def test_a_shipment_is_unseen_when_any_of_its_documents_is() -> None:
    held, seen = _one_held_out_and_one_seen()
    split = make_split([held, seen], 0, 3)
    documents = {
        "inbox/A/1.pdf": {"family": held},
        "inbox/A/2.pdf": {"family": seen},
        "inbox/B/1.pdf": {"family": seen},
    }
    shipments = [{"shipment_id": "A", "families": [held, seen]}, {"shipment_id": "B", "families": [seen]}]
    sides = split_truth(documents, shipments, split)
    assert list(sides) == [UNSEEN, SEEN]
    assert set(sides[UNSEEN][0]) == {"inbox/A/1.pdf"}
    assert set(sides[SEEN][0]) == {"inbox/A/2.pdf", "inbox/B/1.pdf"}
    assert [s["shipment_id"] for s in sides[UNSEEN][1]] == ["A"]
    assert [s["shipment_id"] for s in sides[SEEN][1]] == ["B"]


def test_a_set_without_families_is_all_seen(tmp_path: Path) -> None:
    (tmp_path / "ground_truth.json").write_text(json.dumps({"documents": [{"path": "inbox/A/1.pdf"}]}))
    split = make_split(load_families(tmp_path))
    assert not split.held_out
    assert split.document({"path": "inbox/A/1.pdf"}) == SEEN


def test_the_samples_name_the_family_of_every_document() -> None:
    truth = json.loads((REPO / "sample_docs" / "ground_truth.json").read_text(encoding="utf-8"))
    for document in truth["documents"]:
        assert document["family"] == f"{document['doc_type']}/{document['layout']}"
        assert document["family"] in truth["families"]
    for shipment in truth["shipments"]:
        own = sorted(d["family"] for d in truth["documents"] if d["shipment_id"] == shipment["shipment_id"])
        assert sorted(shipment["families"]) == own
    # The samples were the development set: none of their families can be held out.
    assert all(f["seen_in_development"] for f in truth["families"].values())
    assert not make_split(truth["families"]).held_out


def test_side_by_side_puts_unseen_first() -> None:
    flagged = [Finding(check="quantity_mismatch", severity=Severity.MEDIUM, message="m")]
    truth = [{"shipment_id": "A", "scenario": "clean", "expected_checks": []}]
    unseen = (Report(documents=2), score_shipments({"A": flagged}, truth), 1)
    seen = (Report(documents=3), score_shipments({"A": []}, truth), 1)
    text = format_side_by_side({UNSEEN: unseen, SEEN: seen}, "heading")
    header = next(line for line in text.splitlines() if "unseen" in line)
    assert header.index("unseen") < header.index(" seen")
    clean_line = next(line for line in text.splitlines() if line.startswith("clean shipments"))
    assert clean_line.split()[-6:] == ["1", "of", "1", "0", "of", "1"]
