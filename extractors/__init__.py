"""From a file to typed pages, a document type and normalised fields."""
