"""Checks that look for contradictions in a shipment's declared origin.

    from checks import ShipmentContext, run_checks
    context = ShipmentContext.build(documents, reference)   # reference: reference_data.load_reference()
    findings = run_checks(context)                           # list[oretrace.models.Finding]

Every check lives in its own module under `checks/rules/` and registers itself in `CHECKS` when imported;
`RULES` below fixes the registry order (the order `run_checks` runs them and reports findings in):
completeness and cross-document consistency first, then the smelter, assay and text checks.
"""

from importlib import import_module

from checks.context import ShipmentContext
from checks.registry import CHECKS, Check, register, run_checks

RULES = (
    "missing_document",
    "quantity_mismatch",
    "reference_mismatch",
    "smelter_origin_mismatch",
    "unknown_smelter",
    "assay_fingerprint_mismatch",
    "origin_text_contradiction",
    "no_domestic_production",
)
for _rule in RULES:
    import_module(f"checks.rules.{_rule}")

__all__ = ["CHECKS", "RULES", "Check", "ShipmentContext", "register", "run_checks"]
