"""Load the shipped NER pipeline (plus the reference-smelter ruler) and extract entities from text."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from pydantic import BaseModel, ConfigDict, Field
from spacy.language import Language

from nlp_models.gazetteer import place_country
from nlp_models.paths import DEFAULT_SMELTERS_CSV, MODEL_DIR
from nlp_models.reference import load_smelters
from nlp_models.ruler import SMELTER_LABEL, add_smelter_ruler, smelter_ids

LABELS = ("ORG", "GPE", "SMELTER", "LAB")
_META_KEY = "oretrace_smelter_countries"


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
        description="ISO 3166-1 alpha-2: from the gazetteer for GPE, from the reference CSV for matched smelters",
    )


def load_pipeline(smelters_csv: Path | None = None) -> Language:
    """The trained pipeline from the repo folder with a SMELTER EntityRuler from the reference CSV.

    Cached per (resolved) CSV path; nothing is downloaded.
    """
    return _load_pipeline(Path(smelters_csv or DEFAULT_SMELTERS_CSV).resolve())


@lru_cache(maxsize=4)
def _load_pipeline(smelters_csv: Path) -> Language:
    if not (MODEL_DIR / "config.cfg").is_file():
        raise FileNotFoundError(f"no trained pipeline in {MODEL_DIR}; build it with `python -m nlp_models.train`")
    nlp = spacy.load(MODEL_DIR)
    add_smelter_ruler(nlp, smelters_csv)
    nlp.meta[_META_KEY] = {s.smelter_id: s.country for s in load_smelters(smelters_csv)}
    return nlp


def extract_entities(text: str, nlp: Language) -> list[Entity]:
    """Entities of ``text`` in reading order."""
    countries: dict[str, str] = nlp.meta.get(_META_KEY, {})
    entities: list[Entity] = []
    for ent in nlp(text).ents:
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
