"""NER pipeline, smelter ruler and place gazetteer for oretrace (see README.md)."""
