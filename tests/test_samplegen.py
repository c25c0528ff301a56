"""Fast checks of the synthetic sample generator.

The generator runs without rasterising scans (scans=False): ground truth and page texts do not depend on the
scan step, so determinism and the committed sample_docs/ground_truth.json can be checked in a few seconds.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from samplegen.generate import generate
from samplegen.profiles import ELEMENTS, build_profiles, load_profiles
from samplegen.reference import REFERENCE_DIR

REPO = Path(__file__).resolve().parent.parent
SAMPLE_DIR = REPO / "sample_docs"
BUDGET_BYTES = 15 * 1024 * 1024


def _truth(path: Path) -> dict:
    return json.loads((path / "ground_truth.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("samples")
    generate(out, seed=7, jobs=1, scans=False, families="original")
    return out


def test_ground_truth_is_deterministic(generated: Path, tmp_path: Path) -> None:
    generate(tmp_path, seed=7, jobs=1, scans=False, families="original")
    for name in ("ground_truth.json", "page_text.json"):
        assert (generated / name).read_bytes() == (tmp_path / name).read_bytes()


def test_other_seed_changes_details(generated: Path, tmp_path: Path) -> None:
    generate(tmp_path, seed=8, jobs=1, scans=False, families="original")
    assert (generated / "ground_truth.json").read_bytes() != (tmp_path / "ground_truth.json").read_bytes()


def test_committed_samples_match_generator(generated: Path) -> None:
    if not (SAMPLE_DIR / "ground_truth.json").exists():
        pytest.skip("sample_docs not generated")
    for name in ("ground_truth.json", "page_text.json"):
        assert (SAMPLE_DIR / name).read_bytes() == (generated / name).read_bytes(), name


@pytest.mark.parametrize("root", ["generated", "committed"])
def test_every_listed_file_exists(root: str, generated: Path) -> None:
    base = generated if root == "generated" else SAMPLE_DIR
    if not (base / "ground_truth.json").exists():
        pytest.skip("sample_docs not generated")
    truth = _truth(base)
    listed = {d["path"] for d in truth["documents"]}
    # Hostile files are no documents: the shipments list them as files to be refused.
    listed |= {r["path"] for s in truth["shipments"] for r in s.get("expected_rejections", [])}
    on_disk = {str(p.relative_to(base)) for p in (base / "inbox").rglob("*") if p.is_file()}
    assert listed == on_disk
    assert len({d["shipment_id"] for d in truth["documents"]}) >= 28


def test_contract(generated: Path) -> None:
    truth = _truth(generated)
    assert truth["synthetic"] is True and truth["generator"] == "samplegen" and truth["seed"] == 7
    from oretrace.core.models import FIELDS_BY_TYPE, DocType

    for doc in truth["documents"]:
        assert set(doc["fields"]) == set(FIELDS_BY_TYPE[DocType(doc["doc_type"])])
    checks = [c for s in truth["shipments"] for c in s["expected_checks"]]
    for check in truth["check_definitions"]:
        assert checks.count(check) >= 3, check
    clean = sum(s["scenario"] == "clean" for s in truth["shipments"])
    assert 0.35 <= clean / len(truth["shipments"]) <= 0.45


def test_size_budget(generated: Path) -> None:
    for base in (generated, SAMPLE_DIR):
        if not base.exists():
            continue
        total = sum(p.stat().st_size for p in base.rglob("*") if p.is_file())
        assert total < BUDGET_BYTES, f"{base}: {total / 1e6:.1f} MB"


def test_profiles_file_matches_code() -> None:
    written = load_profiles(REFERENCE_DIR / "assay_profiles.csv")
    built = build_profiles()
    assert set(written) == set(built)
    for smelter_id, profile in built.items():
        assert set(written[smelter_id].stats) == set(ELEMENTS)
        assert written[smelter_id].stats["As"].mean == profile.stats["As"].mean
