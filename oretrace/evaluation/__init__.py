"""Extraction scored on public third-party documents (`oretrace eval --external DIR`).

Each set under DIR has its own ground-truth format; an adapter in `evaluation.adapters` maps it onto
oretrace's canonical fields. `evaluation.external` runs extraction on every document an adapter lists
and scores it field by field (`evaluation.compare`).
"""
