"""Document layouts: one module per document type, each offering three or more layouts."""
