"""Where the NLP package keeps its inputs and outputs."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_DIR.parent
DEFAULT_SMELTERS_CSV = REPO_ROOT / "reference" / "smelters.csv"
# The trained pipeline shipped in the repo (a copy of training/model-best without training leftovers).
MODEL_DIR = PACKAGE_DIR / "oretrace_ner"
PROJECT_FILE = PACKAGE_DIR / "project.yml"
METRICS_FILE = PACKAGE_DIR / "metrics.json"
README_FILE = PACKAGE_DIR / "README.md"
