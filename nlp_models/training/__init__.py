"""Training the NER pipeline: synthetic corpus, spaCy project and packaging (development only, not installed)."""
