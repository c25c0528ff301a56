"""Pages name checks, fields and document types in words; the API and exports keep the ids."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from oretrace.checks.registry import CHECKS
from oretrace.core.models import FIELDS_BY_TYPE, DocType
from oretrace.review.labels import DOC_TYPE_LABELS, FIELD_LABELS, check_label, doc_type_label, field_label
from tests import review_fixtures
from tests.test_review_web import api_login, client, engine, form_login  # noqa: F401  (fixtures)

fast_argon2 = review_fixtures.fast_argon2
pytestmark = pytest.mark.usefixtures("fast_argon2")


def test_every_field_check_and_document_type_has_a_label() -> None:
    fields = {name for names in FIELDS_BY_TYPE.values() for name in names}
    assert fields <= set(FIELD_LABELS), sorted(fields - set(FIELD_LABELS))
    assert {t.value for t in DocType} == set(DOC_TYPE_LABELS)
    assert all(check.title.strip() for check in CHECKS.values())
    assert check_label("smelter_origin_mismatch") == "A named smelter is in another country"
    assert field_label("net_weight_kg") == "Net weight (kg)" and doc_type_label("packing_list") == "Packing list"
    # An id nobody labelled (a check of an older run) is still readable.
    assert check_label("gross_weight_missing") == "Gross weight missing"


@pytest.fixture
def app(engine, tmp_path):  # noqa: F811
    from oretrace.review.web.app import create_app

    return create_app(engine, tmp_path / "home")


def test_pages_show_labels_and_the_api_ids(app: object) -> None:
    c: TestClient = client(app)
    form_login(c, "carol")
    shipment = c.get("/shipments/SHP-2024-0117").text
    assert "Net weight (kg)" in shipment and "Certificate of origin" in shipment and "Gross weight missing" in shipment
    assert not re.search(r"<td[^>]*>net_weight_kg</td>", shipment)
    queue = c.get("/", params={"status": "all"}).text
    assert "Origin vs smelter" in queue and 'data-check="origin_vs_smelter"' in queue
    finding_id = next(i["finding_id"] for i in c.get("/api/queue").json()["items"] if i["check"] == "origin_vs_smelter")
    finding = c.get(f"/findings/{finding_id}").text
    assert "Country of origin" in finding and "Smelter or producer" in finding
    api = c.get(f"/api/findings/{finding_id}").json()
    assert api["check"] == "origin_vs_smelter" and {e["field"] for e in api["evidence"]} == {
        "country_of_origin",
        "smelter_name",
    }
    assert "origin_vs_smelter" in c.get("/export/queue.csv", params={"status": "all"}).text
