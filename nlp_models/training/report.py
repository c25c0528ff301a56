"""metrics.json and the README metrics section from `spacy evaluate` scores on the held-out split.

    python -m oretrace.nlp_models.training.report --scores training/heldout_scores.json --stats corpus/stats.json \
        --model oretrace_ner --metrics metrics.json --readme README.md
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Any

from oretrace.nlp_models.training.package import folder_size

LABEL_ORDER = ("SMELTER", "ORG", "GPE", "LAB")
README_START = "<!-- metrics:start -->"
README_END = "<!-- metrics:end -->"
COMMAND = "python -m oretrace.nlp_models.training.train"
PROJECT_COMMAND = "python -m spacy project run all nlp_models/training"


def build_metrics(scores: dict[str, Any], stats: dict[str, Any], model_size: int) -> dict[str, Any]:
    import spacy

    heldout = stats.get("heldout", {})
    support = heldout.get("entities", {}) if isinstance(heldout, dict) else {}
    per_type: dict[str, dict[str, float]] = scores.get("ents_per_type") or {}
    labels = [label for label in LABEL_ORDER if label in per_type] + sorted(set(per_type) - set(LABEL_ORDER))
    return {
        "evaluated_on": "held-out split: unseen templates and unseen entity strings (nlp_models/corpus)",
        "pipeline": "oretrace_ner statistical NER (tok2vec + ner), without the reference-smelter EntityRuler",
        "overall": _prf(scores.get("ents_p"), scores.get("ents_r"), scores.get("ents_f"))
        | {"support": sum(int(v) for v in support.values())},
        "per_label": {
            label: _prf(per_type[label]["p"], per_type[label]["r"], per_type[label]["f"])
            | {"support": int(support.get(label, 0))}
            for label in labels
        },
        "corpus": {split: stats[split] for split in ("train", "dev", "heldout") if split in stats}
        | {
            "seed": stats.get("seed"),
            "heldout_entity_strings": stats.get("heldout_entity_strings"),
            "heldout_entity_strings_seen_in_training": stats.get("heldout_entity_strings_seen_in_training"),
        },
        "model_size_bytes": model_size,
        "spacy_version": spacy.__version__,
    }


def _prf(p: Any, r: Any, f: Any) -> dict[str, float]:
    return {"precision": round(float(p or 0), 4), "recall": round(float(r or 0), 4), "f1": round(float(f or 0), 4)}


def readme_section(metrics: dict[str, Any]) -> str:
    corpus = metrics["corpus"]
    counts = ", ".join(
        f"{corpus[s]['examples']} {s}" for s in ("train", "dev", "heldout") if isinstance(corpus.get(s), dict)
    )
    rows = [
        "| label | precision | recall | F1 | support |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for label, m in metrics["per_label"].items():
        rows.append(f"| {label} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} | {m['support']} |")
    o = metrics["overall"]
    p, r, f = (f"**{o[k]:.3f}**" for k in ("precision", "recall", "f1"))
    rows.append(f"| **overall** | {p} | {r} | {f} | {o['support']} |")
    return "\n".join(
        [
            "### NER on the held-out split",
            "",
            f"Rebuild everything (corpus, training, evaluation, copy into `nlp_models/oretrace_ner/`): `{COMMAND}`",
            f"or `{PROJECT_COMMAND}` from the repo root (with the venv's python).",
            "",
            f"Synthetic corpus, seed {corpus.get('seed')}: {counts} examples. The held-out examples use",
            "templates and entity strings (smelters, companies, labs, places) never seen in training;",
            f"{corpus.get('heldout_entity_strings_seen_in_training')} of its {corpus.get('heldout_entity_strings')}"
            " distinct entity strings also occur in training.",
            "Scores are for the statistical model alone (`spacy evaluate`), without the smelter EntityRuler.",
            "",
            *rows,
            "",
            f"Model size: {metrics['model_size_bytes'] / 1e6:.1f} MB, spaCy {metrics['spacy_version']}.",
        ]
    )


def update_readme(readme: Path, section: str) -> None:
    block = f"{README_START}\n{section}\n{README_END}"
    text = readme.read_text(encoding="utf-8") if readme.exists() else ""
    pattern = re.compile(re.escape(README_START) + r".*?" + re.escape(README_END), re.DOTALL)
    text = pattern.sub(lambda _: block, text) if pattern.search(text) else text.rstrip() + "\n\n" + block + "\n"
    readme.write_text(text, encoding="utf-8")


def write_report(scores: Path, stats: Path, model: Path, metrics: Path, readme: Path | None) -> dict[str, Any]:
    result = build_metrics(
        json.loads(scores.read_text(encoding="utf-8")),
        json.loads(stats.read_text(encoding="utf-8")),
        folder_size(model),
    )
    metrics.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    if readme is not None:
        update_readme(readme, readme_section(result))
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scores", type=Path, required=True, help="output of `spacy evaluate --output`")
    parser.add_argument("--stats", type=Path, required=True, help="corpus/stats.json")
    parser.add_argument("--model", type=Path, required=True, help="packaged pipeline folder (for its size)")
    parser.add_argument("--metrics", type=Path, required=True)
    parser.add_argument("--readme", type=Path, default=None)
    args = parser.parse_args(argv)
    result = write_report(args.scores, args.stats, args.model, args.metrics, args.readme)
    print(readme_section(result))


if __name__ == "__main__":
    main()
