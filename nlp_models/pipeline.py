"""Load the shipped NER pipeline with a ruler for the reference smelters in force, and extract entities.

The ruler is built from the reference data the checks use (the set in force in the store, see
`oretrace reference load`), so a smelter added there is tagged by the NER and matched by the checks alike.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

import spacy
from pydantic import BaseModel, ConfigDict, Field
from spacy.language import Language
from spacy.tokens import Doc

from oretrace.nlp_models.gazetteer import place_country
from oretrace.nlp_models.paths import MODEL_DIR
from oretrace.nlp_models.ruler import RULER_NAME, SMELTER_LABEL, add_smelter_ruler, smelter_ids
from oretrace.reference import ReferenceData

LABELS = ("ORG", "GPE", "SMELTER", "LAB")
_META_KEY = "oretrace_smelter_countries"
# Pipelines kept per reference version; a process rarely sees more than the one in force.
_KEEP = 4


class Entity(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    label: str = Field(description="ORG, GPE, SMELTER or LAB")
    start_char: int = Field(ge=0)
    end_char: int = Field(ge=0)
    smelter_id: str | None = Field(
        default=None, description="reference smelter id when the ruler matched a name that only one smelter has"
    )
    smelter_ids: tuple[str, ...] = Field(
        default=(), description="all reference smelters the matched name belongs to (several for 'USAC')"
    )
    country: str | None = Field(
        default=None,
        description="ISO 3166-1 alpha-2: from the gazetteer for GPE, from the reference data for matched smelters",
    )


_pipelines: OrderedDict[str, Language] = OrderedDict()
_lock = threading.Lock()


def load_pipeline(reference: ReferenceData) -> Language:
    """The trained pipeline with a SMELTER EntityRuler for `reference`'s smelters; one per reference version,
    built on first use. Nothing is downloaded."""
    with _lock:
        nlp = _pipelines.get(reference.version)
        if nlp is None:
            nlp = _pipelines[reference.version] = _build(reference)
            while len(_pipelines) > _KEEP:
                _pipelines.popitem(last=False)
        _pipelines.move_to_end(reference.version)
        return nlp


def _build(reference: ReferenceData) -> Language:
    if not (MODEL_DIR / "config.cfg").is_file():
        raise FileNotFoundError(
            f"no trained pipeline in {MODEL_DIR}; build it with `python -m oretrace.nlp_models.training.train`"
        )
    nlp = spacy.load(MODEL_DIR)
    add_smelter_ruler(nlp, reference.smelters)
    nlp.meta[_META_KEY] = {s.smelter_id: s.country for s in reference.smelters}
    return nlp


def extract_entities(text: str, nlp: Language) -> list[Entity]:
    """Entities of ``text`` in reading order."""
    return _entities(nlp(text), nlp)


def extract_entities_of(texts: list[str], nlp: Language) -> list[list[Entity]]:
    """Entities of each text, as `extract_entities` finds them; the texts go through the pipeline as one batch
    (`nlp.pipe`), which costs less than one call each."""
    return [_entities(doc, nlp) for doc in nlp.pipe(texts)]


def ruler_entities_of(texts: list[str], nlp: Language) -> list[list[Entity]]:
    """The entities of each text that the smelter ruler alone finds, without the statistical model: the
    reference smelters' names, as `extract_entities_of` finds them too (the ruler runs before the model,
    which keeps what the ruler set)."""
    ruler = nlp.get_pipe(RULER_NAME)
    return [_entities(ruler(nlp.make_doc(text)), nlp) for text in texts]


def _entities(doc: Doc, nlp: Language) -> list[Entity]:
    countries: dict[str, str] = nlp.meta.get(_META_KEY, {})
    entities: list[Entity] = []
    for ent in doc.ents:
        ids = smelter_ids(ent.ent_id_) if ent.label_ == SMELTER_LABEL else ()
        country: str | None = None
        if ent.label_ == "GPE":
            country = place_country(ent.text)
        elif ids:
            found = {countries.get(i) for i in ids}
            country = found.pop() if len(found) == 1 else None
        entities.append(
            Entity(
                text=ent.text,
                label=ent.label_,
                start_char=ent.start_char,
                end_char=ent.end_char,
                smelter_id=ids[0] if len(ids) == 1 else None,
                smelter_ids=ids,
                country=country,
            )
        )
    return entities
