"""Hostile input measured from outside: each finding is a test here, on the plain functions and through the
`oretrace run` and `oretrace watch` commands over one hostile inbox (tests/hostile_corpus.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from oretrace.extractors.safety import find_active_content
from tests.hostile_corpus import (
    in_object_streams,
    invoice_pdf,
    javascript_chain_pdf,
    javascript_update_pdf,
    object_flood_pdf,
)

# --- item 3: the active-content filter walks every object once ---------------------------------------------


@pytest.mark.parametrize(
    "build",
    [
        pytest.param(lambda: javascript_chain_pdf(74), id="chain-74"),
        pytest.param(lambda: javascript_chain_pdf(200), id="chain-200"),
        pytest.param(lambda: javascript_chain_pdf(200, at=199), id="chain-200-at-the-end"),
        pytest.param(lambda: javascript_chain_pdf(5000, at=4999), id="chain-5000"),
        pytest.param(lambda: javascript_chain_pdf(200, arrays=True), id="array-chain-200"),
        pytest.param(lambda: in_object_streams(javascript_chain_pdf(200)), id="chain-200-in-object-streams"),
        pytest.param(javascript_update_pdf, id="incremental-update"),
    ],
)
def test_javascript_is_found_however_deep_the_chain_that_reaches_it_first(tmp_path: Path, build) -> None:
    path = tmp_path / "hostile.pdf"
    path.write_bytes(build())
    assert find_active_content(path) == "JavaScript"


def test_the_clean_documents_of_the_chains_pass(tmp_path: Path) -> None:
    path = tmp_path / "clean.pdf"
    path.write_bytes(invoice_pdf())
    assert find_active_content(path) is None


def test_a_file_with_more_objects_than_the_limit_is_refused_not_half_inspected(tmp_path: Path) -> None:
    path = tmp_path / "flood.pdf"
    path.write_bytes(object_flood_pdf(1000))
    assert find_active_content(path, max_objects=2000) is None
    assert find_active_content(path, max_objects=500) == "more than 500 objects, too many to inspect safely"
