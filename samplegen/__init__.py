"""Deterministic synthetic trade-document generator for oretrace.

Everything it writes is fictional: companies, people, numbers and certificates are made up;
places, ports and HS codes are real. Run ``python -m samplegen --out sample_docs --seed 7``.
"""

GENERATOR_NAME = "samplegen"
