"""Checks that look for contradictions in a shipment's declared origin.

    from oretrace.checks import ShipmentContext, run_checks
    context = ShipmentContext.build(documents, reference)   # reference: reference_data.load_reference()
    findings = run_checks(context)                           # list[oretrace.models.Finding]

Every check lives in its own module under `oretrace/checks/rules/` and registers itself in `CHECKS` when imported;
the imports below fix the registry order (the order `run_checks` runs them and reports findings in):
completeness and cross-document consistency first, then the smelter, assay and text checks.
"""

from oretrace.checks.context import ShipmentContext
from oretrace.checks.registry import CHECKS, Check, register, run_checks

# Importing a rule module registers its check; this order is the registry's order.
# isort: off
from oretrace.checks.rules import missing_document  # noqa: F401
from oretrace.checks.rules import quantity_mismatch  # noqa: F401
from oretrace.checks.rules import reference_mismatch  # noqa: F401
from oretrace.checks.rules import smelter_origin_mismatch  # noqa: F401
from oretrace.checks.rules import unknown_smelter  # noqa: F401
from oretrace.checks.rules import assay_fingerprint_mismatch  # noqa: F401
from oretrace.checks.rules import origin_text_contradiction  # noqa: F401
from oretrace.checks.rules import no_domestic_production  # noqa: F401
from oretrace.checks.rules import embedded_data_mismatch  # noqa: F401
from oretrace.checks.rules import qr_certificate_mismatch  # noqa: F401
from oretrace.checks.rules import smelter_not_declared  # noqa: F401
from oretrace.checks.rules import declared_smelter_origin_mismatch  # noqa: F401
# isort: on

__all__ = ["CHECKS", "Check", "ShipmentContext", "register", "run_checks"]
