"""EntityRuler that tags the reference smelters' names and aliases as SMELTER with their smelter id."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.pipeline import EntityRuler

from oretrace.nlp_models.smelter_names import is_acronym, surface_form_index
from oretrace.reference import Smelter

RULER_NAME = "smelter_ruler"
SMELTER_LABEL = "SMELTER"
# ent_id of a form shared by several smelters ("USAC"): their ids joined by this separator.
ID_SEPARATOR = "|"


def smelter_patterns(smelters: Iterable[Smelter]) -> list[dict[str, Any]]:
    """One pattern per surface form. Phrase patterns match case-insensitively (the ruler's
    ``phrase_matcher_attr`` is LOWER); short all-capital aliases ("OAR", "USAC") are token patterns on
    ORTH, so that the words "oar" or "Oar" do not match."""
    patterns: list[dict[str, Any]] = []
    for form, ids in surface_form_index(smelters).items():
        ent_id = ID_SEPARATOR.join(ids)
        if is_acronym(form):
            patterns.append({"label": SMELTER_LABEL, "pattern": [{"ORTH": form}], "id": ent_id})
            continue
        # The tokenizer's exceptions are case-sensitive ("Co." is one token, "CO." two), so an upper- and
        # a lower-case copy of each phrase are tokenized as such text would be.
        for variant in dict.fromkeys((form, form.upper(), form.lower())):
            patterns.append({"label": SMELTER_LABEL, "pattern": variant, "id": ent_id})
    return patterns


def add_smelter_ruler(nlp: Language, smelters: Iterable[Smelter]) -> EntityRuler:
    """Add the ruler before "ner" (or last when there is none) with ``overwrite_ents`` so rules win."""
    placement = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe(
        "entity_ruler",
        name=RULER_NAME,
        config={"phrase_matcher_attr": "LOWER", "overwrite_ents": True, "validate": True},
        **placement,
    )
    assert isinstance(ruler, EntityRuler)
    ruler.add_patterns(smelter_patterns(smelters))
    return ruler


def smelter_ids(ent_id: str) -> tuple[str, ...]:
    """The smelter ids encoded in an entity's ``ent_id_`` ("" -> ())."""
    return tuple(part for part in ent_id.split(ID_SEPARATOR) if part)
