"""Where the shipped NER pipeline lies: inside the installed package, read with importlib.resources."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

PACKAGE_DIR = Path(str(resources.files("oretrace.nlp_models")))
# The trained pipeline (a copy of training/model-best without training leftovers).
MODEL_DIR = PACKAGE_DIR / "oretrace_ner"
