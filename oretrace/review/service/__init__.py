"""The review workspace's operations: queue, shipment and finding views, decisions, history, page images and
original files.

Every function takes the acting user and checks the role's permission before touching anything; the web
app, the JSON API and the CLI all go through here. Functions work inside the caller's transaction
(store.db.session_scope).

The queue shows the findings of each shipment's latest run. Findings of earlier runs stay readable (history)
but cannot be decided: a re-run's identical finding inherits their decision (store.review_carry_over).
"""

from oretrace.review.service.audit import verify_audit_log
from oretrace.review.service.dashboard import chart, dashboard
from oretrace.review.service.decisions import decide
from oretrace.review.service.errors import DecisionConflict, InvalidDecision, NotFound, PageUnavailable
from oretrace.review.service.history import actions, decisions, document_history, history, history_page
from oretrace.review.service.queue import list_queue, next_finding_id, origin_code
from oretrace.review.service.views import (
    OriginalFile,
    document_page,
    finding_view,
    original_file,
    page_image,
    shipment_view,
)

__all__ = [
    "DecisionConflict",
    "InvalidDecision",
    "NotFound",
    "OriginalFile",
    "PageUnavailable",
    "actions",
    "chart",
    "dashboard",
    "decide",
    "decisions",
    "document_history",
    "document_page",
    "finding_view",
    "history",
    "history_page",
    "list_queue",
    "next_finding_id",
    "origin_code",
    "original_file",
    "page_image",
    "shipment_view",
    "verify_audit_log",
]
