"""The work of the flows as plain functions: the inbox snapshot, documents, shipments and batching."""
