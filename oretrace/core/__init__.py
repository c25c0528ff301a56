"""Core of oretrace: the typed records passed between stages, settings, errors and text folding."""
