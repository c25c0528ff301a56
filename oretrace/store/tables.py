"""Every table of the store, gathered: the metadata migrations and schema tests compare against.

Table classes live beside the code that owns them (schema, audit, claims, review, reference, inbox runs); importing
this module registers all of them on the one declarative base.
"""

from __future__ import annotations

from sqlalchemy import MetaData

from oretrace.store import (
    audit,
    claims,
    inbox_runs,
    portfolio_facts,
    reference_store,
    review_tables,
    schema,
    supplier_templates,
)

TABLE_MODULES = (schema, audit, claims, inbox_runs, reference_store, review_tables, portfolio_facts, supplier_templates)
metadata: MetaData = schema.Base.metadata
