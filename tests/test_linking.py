"""Loose documents in the inbox root join the shipment they share invoice, certificate or lot numbers with."""

from __future__ import annotations

from oretrace.core.models import ExtractedDocument, FieldValue, Rejection
from oretrace.pipeline.linking import link_loose_documents, references
from tests.store_fixtures import SHIPMENT_ID, assay_certificate, certificate_of_origin, invoice, packing_list


def loose(document: ExtractedDocument, **values: object) -> ExtractedDocument:
    """The document as if dropped in the inbox root, with some field values replaced."""
    fields = dict(document.fields)
    for name, value in values.items():
        fields[name] = FieldValue(name=name, value=value, confidence=0.9)
    name = document.source.path.rsplit("/", 1)[-1]
    source = document.source.model_copy(update={"path": name, "shipment_id": None})
    return document.model_copy(update={"source": source, "fields": fields})


def test_references_ignore_case_spacing_and_punctuation() -> None:
    document = loose(packing_list(), invoice_number="inv 88412", lot_numbers=["sb-2403-01", "A1"])
    assert references(document) == {("invoice", "inv88412"), ("lot", "sb240301")}  # "A1" is too short to trust


def test_loose_document_joins_the_shipment_citing_its_invoice_number() -> None:
    stray = loose(packing_list(), invoice_number="INV 88412")
    linking = link_loose_documents({SHIPMENT_ID: [invoice()], "OTHER": []}, [stray])

    joined = linking.shipments[SHIPMENT_ID]
    assert [d.source.path for d in joined] == [invoice().source.path, "packing_list.png"]
    assert joined[1].source.shipment_id == SHIPMENT_ID
    assert linking.shipments["OTHER"] == [] and linking.unassigned == []


def test_linking_follows_a_chain_of_loose_documents() -> None:
    # The assay shares only a lot number with the loose packing list, which shares the invoice number.
    stray_packing = loose(packing_list())
    stray_assay = loose(assay_certificate())
    linking = link_loose_documents({SHIPMENT_ID: [invoice(), certificate_of_origin()]}, [stray_assay, stray_packing])
    assert {d.doc_type for d in linking.shipments[SHIPMENT_ID]} == {
        invoice().doc_type,
        certificate_of_origin().doc_type,
        packing_list().doc_type,
        assay_certificate().doc_type,
    }
    assert linking.unassigned == []


def test_unmatched_ambiguous_and_blank_documents_wait_with_a_reason() -> None:
    unmatched = loose(packing_list(), invoice_number="INV-00001", lot_numbers=[])
    ambiguous = loose(certificate_of_origin())
    blank = loose(assay_certificate(), certificate_number=None, lot_number=None)
    other = certificate_of_origin().model_copy(update={"source": certificate_of_origin().source.model_copy(
        update={"path": "SHP-OTHER/coo.pdf", "shipment_id": "SHP-OTHER"})})  # fmt: skip
    unreadable = Rejection(source_path="scan.tiff", shipment_id=None, reason="the file is empty")

    linking = link_loose_documents(
        {SHIPMENT_ID: [invoice()], "SHP-OTHER": [other]}, [unmatched, ambiguous, blank, unreadable]
    )

    reasons = {item.document.source.path: item.reason for item in linking.unassigned}
    assert reasons == {
        "packing_list.png": "no shipment shares its references (inv00001)",
        "certificate_of_origin.pdf": f"its references match several shipments: {SHIPMENT_ID}, SHP-OTHER",
        "assay_SB-2403.pdf": "no invoice, certificate or lot number was read from it",
    }
    assert linking.rejected == [unreadable]
    assert linking.shipments == {SHIPMENT_ID: [invoice()], "SHP-OTHER": [other]}
