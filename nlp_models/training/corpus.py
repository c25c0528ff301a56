"""Deterministic synthetic NER corpus: train.spacy, dev.spacy and heldout.spacy (plus .jsonl to read).

Held-out examples use only held-out templates (a fifth of each template family) and held-out fillers
(see ``fillers.split_of``), so their entity strings and line shapes were never seen in training. The dev
set, used by ``spacy train`` to pick model-best, comes from the training templates and fillers.

    python -m oretrace.nlp_models.training.corpus --out nlp_models/corpus --n-train 2400 --n-heldout 600 --seed 13
"""

from __future__ import annotations

import argparse
import json
import random
import re
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from oretrace.nlp_models.places_data import INTEREST_COUNTRIES
from oretrace.nlp_models.training.fillers import (
    HELDOUT,
    OTHER_COUNTRIES,
    TRAIN,
    CountryPool,
    FillerPools,
    filler_pools,
    plain_slot,
)
from oretrace.nlp_models.training.templates import ADDRESS_TEMPLATES, ADDRESS_TEMPLATES_ES, Template, all_templates

LABELS = ("ORG", "GPE", "SMELTER", "LAB")
_SLOT = re.compile(r"\{([A-Z0-9_]+)\}")
_ENTITY_SLOTS = {"SMELTER": "SMELTER", "ORG": "ORG", "ORG2": "ORG", "BODY": "ORG", "CARRIER": "ORG", "LAB": "LAB"}
_PLACE_BASES = ("COUNTRY_ES", "COUNTRY", "PROV_ES", "PROV", "CITY", "PORT")
_ADDRESS_SLOTS = {"ADDR": (ADDRESS_TEMPLATES, ""), "ADDR2": (ADDRESS_TEMPLATES, "2"),
                  "ADDR_ES": (ADDRESS_TEMPLATES_ES, ""), "ADDR2_ES": (ADDRESS_TEMPLATES_ES, "2")}  # fmt: skip
# How often a country is the origin side of a document (others: 1).
_ORIGIN_WEIGHTS = {"CN": 30, "TH": 14, "MX": 12, "US": 6, "VN": 3, "MY": 3, "MM": 3, "LA": 3, "BO": 3}
_STYLE = {"CN": "zh", "TH": "th", "MX": "es", "BO": "es"}
UPPER_RATE = 0.12
MULTILINE_RATE = 0.2


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    spans: tuple[tuple[int, int, str], ...]
    templates: tuple[str, ...]


def split_templates(templates: list[Template]) -> dict[str, list[Template]]:
    """Per family, the fifth of templates with the lowest stable hash is held out (families of 3+)."""
    result: dict[str, list[Template]] = {TRAIN: [], HELDOUT: []}
    families: dict[str, list[Template]] = {}
    for template in templates:
        families.setdefault(template.family, []).append(template)
    for members in families.values():
        ranked = sorted(members, key=lambda t: zlib.crc32(t.text.encode("utf-8")))
        n_held = round(len(ranked) * 0.2) if len(ranked) >= 3 else 0
        result[HELDOUT].extend(ranked[:n_held])
        result[TRAIN].extend(ranked[n_held:])
    return result


def _expand_addresses(text: str, rng: random.Random) -> str:
    def expand(match: re.Match[str]) -> str:
        slot = match.group(1)
        if slot not in _ADDRESS_SLOTS:
            return match.group(0)
        choices, side = _ADDRESS_SLOTS[slot]
        address = rng.choice(choices)
        return _SLOT.sub(lambda m: "{" + _with_side(m.group(1), side) + "}", address)

    return _SLOT.sub(expand, text)


def _with_side(slot: str, side: str) -> str:
    for base in _PLACE_BASES:
        if slot == base:
            return base.replace("_ES", "") + side + ("_ES" if base.endswith("_ES") else "")
    return slot


def _place_slot(slot: str) -> tuple[str, str] | None:
    """Split a place slot into base and side: CITY2 -> (CITY, 2), COUNTRY2_ES -> (COUNTRY_ES, 2)."""
    match = re.fullmatch(r"(COUNTRY|PROV|CITY|PORT)([23]?)(_ES)?", slot)
    if match is None:
        return None
    return match.group(1) + (match.group(3) or ""), match.group(2) or "1"


def _has(pool: CountryPool, base: str) -> bool:
    return bool(
        {
            "COUNTRY": pool.names_en,
            "COUNTRY_ES": pool.names_es,
            "PROV": pool.provinces,
            "PROV_ES": pool.provinces,
            "CITY": pool.cities_all,
            "PORT": pool.ports,
        }[base]
    )


class _Filler:
    """Fills the slots of one line; the same slot name gets the same text within the line."""

    def __init__(self, pools: FillerPools, rng: random.Random) -> None:
        self.pools, self.rng = pools, rng
        self.values: dict[str, tuple[str, str | None]] = {}
        countries = list(pools.countries.values())
        # The origin side names its cities in company names; a side lacking a kind of place borrows it
        # from another country (held-out pools are thin, and coherence does not matter to the labels).
        origin = [c for c in countries if c.iso2 in INTEREST_COUNTRIES and c.cities_all]
        self.side = {"1": rng.choices(origin, weights=[_ORIGIN_WEIGHTS.get(c.iso2, 1) for c in origin])[0]}
        frequent = [c for c in countries if c.iso2 in INTEREST_COUNTRIES + OTHER_COUNTRIES]
        dest = frequent if rng.random() < 0.8 else countries
        self.side["2"] = rng.choice([c for c in dest if c.iso2 != self.side["1"].iso2])
        self.side["3"] = rng.choice(countries)

    def _pool_with(self, base: str, preferred: CountryPool) -> CountryPool:
        if _has(preferred, base):
            return preferred
        return self.rng.choice([c for c in self.pools.countries.values() if _has(c, base)])

    def place(self, base: str, preferred: CountryPool) -> str:
        rng = self.rng
        pool = self._pool_with(base, preferred)
        if base == "COUNTRY":
            return pool.names_en[0] if rng.random() < 0.6 else rng.choice(pool.names_en)
        if base == "COUNTRY_ES":
            return pool.names_es[0] if rng.random() < 0.6 else rng.choice(pool.names_es)
        if base in ("PROV", "PROV_ES"):
            name, extra = rng.choice(pool.provinces)
            if base == "PROV_ES" and rng.random() < 0.35:
                return f"{'Estado' if pool.iso2 == 'MX' else 'Provincia'} de {name}"
            return rng.choice(extra) if extra and rng.random() < 0.3 else name
        if base == "CITY":
            top = pool.cities_top if pool.cities_top and rng.random() < 0.5 else pool.cities_all
            return rng.choice(top)
        return rng.choice(pool.ports)

    def _name_place(self, pool: CountryPool) -> Callable[[], str]:
        def pick() -> str:
            choices = pool.cities_top + [p for p, _ in pool.provinces]
            return self.rng.choice(choices) if choices else self.place("COUNTRY", pool)

        return pick

    def fill(self, slot: str) -> tuple[str, str | None]:
        if slot not in self.values:
            self.values[slot] = self._fill(slot)
        return self.values[slot]

    def _fill(self, slot: str) -> tuple[str, str | None]:
        place = _place_slot(slot)
        if place is not None:
            base, side = place
            return self.place(base, self.side[side]), "GPE"
        if slot in _ENTITY_SLOTS:
            side = self.side["2" if slot == "ORG2" else "1"]
            style, where = _STYLE.get(side.iso2, "en"), self._name_place(side)
            pools, rng = self.pools, self.rng
            text = {
                "SMELTER": lambda: pools.smelter(rng, style, where),
                "ORG": lambda: pools.org(rng, style, where),
                "ORG2": lambda: pools.org(rng, style, where),
                "LAB": lambda: pools.lab(rng, style, where, self.place("COUNTRY", side)),
                "BODY": lambda: pools.body(rng, style, where),
                "CARRIER": lambda: pools.carrier(rng, style, where),
            }[slot]()
            return text, _ENTITY_SLOTS[slot]
        plain = plain_slot(slot, self.rng)
        if plain is None:
            raise KeyError(f"unknown template slot {{{slot}}}")
        return plain, None


def render(template: Template, pools: FillerPools, rng: random.Random) -> Example:
    text = _expand_addresses(template.text, rng)
    filler = _Filler(pools, rng)
    loose_colons = rng.random() < 0.1
    out: list[str] = []
    spans: list[tuple[int, int, str]] = []
    position = 0
    for piece in re.split(r"(\{[A-Z0-9_]+\})", text):
        if not piece:
            continue
        if _SLOT.fullmatch(piece):
            value, label = filler.fill(piece[1:-1])
            if label is not None:
                spans.append((position, position + len(value), label))
        else:
            value = piece.replace(": ", ":  ") if loose_colons else piece
            if value.startswith(".") and out and out[-1].endswith("."):
                value = value[1:]  # "... Co., Ltd." ends the sentence too: no "Ltd.."
                if not value:
                    continue
        out.append(value)
        position += len(value)
    return Example("".join(out), tuple(spans), (template.text,))


def _join(examples: list[Example]) -> Example:
    text, spans, offset = [], [], 0
    for example in examples:
        text.append(example.text)
        spans.extend((s + offset, e + offset, label) for s, e, label in example.spans)
        offset += len(example.text) + 1
    return Example("\n".join(text), tuple(spans), tuple(t for ex in examples for t in ex.templates))


def generate(split: str, n: int, seed: int) -> list[Example]:
    """n distinct examples of one split, the same for the same seed."""
    rng = random.Random(f"{seed}:{split}")
    templates = split_templates(all_templates())[split]
    pools = filler_pools(split)
    examples: list[Example] = []
    seen: set[str] = set()
    attempts = 0
    while len(examples) < n and attempts < n * 20:
        attempts += 1
        lines = [render(rng.choice(templates), pools, rng)]
        if rng.random() < MULTILINE_RATE:
            lines += [render(rng.choice(templates), pools, rng) for _ in range(rng.randint(1, 3))]
        example = _join(lines)
        if rng.random() < UPPER_RATE and len(example.text.upper()) == len(example.text):
            example = Example(example.text.upper(), example.spans, example.templates)
        if example.text not in seen:
            seen.add(example.text)
            examples.append(example)
    return examples


def to_docbin(examples: list[Example]) -> tuple[object, int]:
    """A DocBin of the examples whose spans align with spaCy's English tokens, and how many did not."""
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("en")
    docbin = DocBin(store_user_data=False)
    misaligned = 0
    for example in examples:
        doc = nlp.make_doc(example.text)
        ents = [doc.char_span(s, e, label=label, alignment_mode="strict") for s, e, label in example.spans]
        if any(ent is None for ent in ents):
            misaligned += 1
            continue
        doc.ents = ents
        docbin.add(doc)
    return docbin, misaligned


def write_corpus(out: Path, n_train: int, n_heldout: int, seed: int, dev_fraction: float) -> dict[str, object]:
    out.mkdir(parents=True, exist_ok=True)
    train_side = generate(TRAIN, n_train, seed)
    random.Random(seed).shuffle(train_side)
    n_dev = round(len(train_side) * dev_fraction)
    splits = {"train": train_side[n_dev:], "dev": train_side[:n_dev], "heldout": generate(HELDOUT, n_heldout, seed)}
    stats: dict[str, object] = {"seed": seed}
    for name, examples in splits.items():
        docbin, misaligned = to_docbin(examples)
        docbin.to_disk(out / f"{name}.spacy")  # type: ignore[attr-defined]
        with (out / f"{name}.jsonl").open("w", encoding="utf-8") as handle:
            for ex in examples:
                row = {"text": ex.text, "spans": [list(s) for s in ex.spans], "templates": list(ex.templates)}
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        labels = Counter(label for ex in examples for _, _, label in ex.spans)
        stats[name] = {
            "examples": len(examples) - misaligned,
            "misaligned_skipped": misaligned,
            "entities": dict(labels),
        }
    train_strings = {ex.text[s:e].casefold() for ex in splits["train"] + splits["dev"] for s, e, _ in ex.spans}
    held_strings = {ex.text[s:e].casefold() for ex in splits["heldout"] for s, e, _ in ex.spans}
    stats["heldout_entity_strings_seen_in_training"] = len(held_strings & train_strings)
    stats["heldout_entity_strings"] = len(held_strings)
    (out / "stats.json").write_text(json.dumps(stats, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return stats


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--n-train", type=int, default=2400, help="training-side examples (train + dev)")
    parser.add_argument("--n-heldout", type=int, default=600)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--dev-fraction", type=float, default=0.1)
    args = parser.parse_args(argv)
    stats = write_corpus(args.out, args.n_train, args.n_heldout, args.seed, args.dev_fraction)
    print(json.dumps(stats, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
