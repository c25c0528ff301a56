"""The held-out split of layout families and the side-by-side report of `oretrace eval`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from oretrace.core.models import Finding, Severity
from oretrace.evaluation.checks import score_shipments
from oretrace.evaluation.ground_truth import Report, load_families
from oretrace.evaluation.side_by_side import format_side_by_side
from oretrace.evaluation.split import SEEN, UNSEEN, fold_of, make_split, split_truth

REPO = Path(__file__).resolve().parent.parent


def _table() -> dict[str, dict[str, object]]:
    table: dict[str, dict[str, object]] = {f"a/dev{i}": {"seen_in_development": True} for i in range(3)}
    for fold in range(3):
        table |= {f"a/f{fold}{i}": {"seen_in_development": False, "fold": fold} for i in range(2)}
    return table


def test_the_held_out_fold_is_the_one_the_families_name() -> None:
    table = _table()
    for fold in range(3):
        split = make_split(table, fold)
        assert split.held_out == {f"a/f{fold}0", f"a/f{fold}1"}
        assert split.developed == {"a/dev0", "a/dev1", "a/dev2"}
        assert not split.unassigned
    # Every family with a fold is held out in exactly one rotation; developed families never are.
    held = [f for fold in range(3) for f in make_split(table, fold).held_out]
    assert sorted(held) == sorted(f for f, a in table.items() if not a["seen_in_development"])


def test_by_default_every_fold_is_held_out() -> None:
    split = make_split(_table())
    assert split.held_out == {f"a/f{fold}{i}" for fold in range(3) for i in range(2)}
    assert split.describe().startswith("every fold held out: a/f00, a/f01")


def test_a_developed_family_is_never_held_out_whatever_its_fold() -> None:
    split = make_split({"a/b": {"seen_in_development": True, "fold": 0}}, 0)
    assert not split.held_out
    assert fold_of({"seen_in_development": True, "fold": 0}) is None


def test_a_family_without_a_fold_counts_as_seen_and_is_named() -> None:
    split = make_split({"a/old": {"seen_in_development": False}, "a/new": {"fold": 0}}, 0)
    assert split.held_out == {"a/new"}
    assert split.unassigned == {"a/old"}
    assert split.document({"family": "a/old"}) == SEEN
    assert "a/old" in split.describe()


@pytest.mark.parametrize("fold", [3, -1])
def test_invalid_fold(fold: int) -> None:
    with pytest.raises(ValueError):
        make_split({"a/b": {"fold": 0}}, fold)
    with pytest.raises(ValueError):
        make_split({"a/b": {"fold": fold}}, 0)


def test_a_shipment_is_unseen_when_any_of_its_documents_is() -> None:
    held, seen = "certificate_of_origin/f0", "certificate_of_origin/f1"
    split = make_split({held: {"fold": 0}, seen: {"fold": 1}}, 0)
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


@pytest.mark.parametrize("args", [["--holdout-fold", "3"], ["--holdout-fold", "-1"], ["--folds", "4"]])
def test_eval_takes_one_of_three_folds_and_no_fold_count(args: list[str], tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from oretrace.cli.main import app

    (tmp_path / "ground_truth.json").write_text(json.dumps({"documents": []}))
    result = CliRunner().invoke(app, ["eval", str(tmp_path), *args])
    assert result.exit_code == 2, result.output


def test_the_report_counts_scanned_assay_certificates_read_whole() -> None:
    """A scanned assay certificate counts as read whole when every element of its composition is right; one
    element wrong or a refused file leaves it out. Born-digital ones are not counted here."""
    from oretrace.evaluation.ground_truth import score
    from tests.store_fixtures import assay_certificate

    document = assay_certificate()
    read = {name: value.value for name, value in document.fields.items()}
    right = {"doc_type": "assay_certificate", "scanned": True, "fields": read}
    wrong = {**right, "fields": {**read, "composition_pct": {**read["composition_pct"], "Sb": 1.0}}}
    outcomes = {"a.pdf": document, "b.pdf": document, "d.pdf": document}
    truth = {
        "inbox/a.pdf": right,
        "inbox/b.pdf": wrong,
        "inbox/c.pdf": right,
        "inbox/d.pdf": {**right, "scanned": False},
    }
    report = score(outcomes, truth)
    assert report.scanned_compositions == [1, 3]
    assert report.as_dict()["scanned_compositions_whole"] == {"right": 1, "of": 3}


def test_the_report_scores_a_certificates_invoice_number_issue_date_and_net_weight_apart() -> None:
    """The certificate of origin's invoice number, issue date and net weight have figures of their own in the
    side-by-side report, apart from the same fields on invoices."""
    from oretrace.evaluation.ground_truth import score
    from oretrace.evaluation.side_by_side import side_rows
    from tests.store_fixtures import certificate_of_origin, invoice

    certificate, bill = certificate_of_origin(), invoice()
    read = {name: value.value for name, value in certificate.fields.items()}
    billed = {name: value.value for name, value in bill.fields.items()}
    truth = {
        "inbox/coo.pdf": {"doc_type": "certificate_of_origin", "scanned": False,
                          "fields": {**read, "issue_date": "1999-01-01"}},
        "inbox/inv.pdf": {"doc_type": "commercial_invoice", "scanned": False,
                          "fields": {**billed, "net_weight_kg": 1.0}},
    }  # fmt: skip
    report = score({"coo.pdf": certificate, "inv.pdf": bill}, truth)
    flag = {"tp": 0, "fp": 0, "fn": 0, "tn": 0, "precision": None, "recall": None, "f1": None}
    rows = side_rows((report, {"flag": flag, "clean_with_findings": {"count": 0}}, 0))
    assert rows["certificate of origin, invoice number F1"] == "1.000"
    assert rows["certificate of origin, issue date F1"] == "0.000"
    assert rows["certificate of origin, net weight F1"] == "1.000"
    assert report.by_field["net_weight_kg"].fn == 1  # the invoice's weight is wrong, the certificate's is not
