"""Copy a trained pipeline (training/model-best) into the repo folder, keeping only what loading needs.

python -m oretrace.nlp_models.training.package --model nlp_models/training/model-best --out nlp_models/oretrace_ner
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

from thinc.api import Config

# What spacy.load needs for a tok2vec + ner pipeline; anything else in model-best is left behind.
_KEEP = ("config.cfg", "meta.json", "tokenizer", "vocab", "tok2vec", "ner")
PIPELINE_NAME = "oretrace_ner"
PIPELINE_VERSION = "0.1.0"


def package_model(model: Path, out: Path) -> int:
    """Replace ``out`` with the loadable parts of ``model``; returns the folder's size in bytes."""
    if not (model / "config.cfg").is_file():
        raise FileNotFoundError(f"{model} is no spaCy pipeline folder")
    staging = out.with_name(out.name + ".tmp")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    for name in _KEEP:
        source = model / name
        if source.is_dir():
            shutil.copytree(source, staging / name)
        elif source.is_file():
            shutil.copy2(source, staging / name)
    # Corpus paths are training-time settings (absolute or relative depending on the runner): drop them.
    config = Config().from_disk(staging / "config.cfg", interpolate=False)
    config["paths"].update(train=None, dev=None)
    config.to_disk(staging / "config.cfg", interpolate=False)
    meta_path = staging / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(
        name=PIPELINE_NAME,
        version=PIPELINE_VERSION,
        description="oretrace NER for antimony trade documents: ORG, GPE, SMELTER, LAB (synthetic training data)",
        author="oretrace",
        license="Apache-2.0",
    )
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    shutil.rmtree(out, ignore_errors=True)
    staging.rename(out)
    return folder_size(out)


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    size = package_model(args.model, args.out)
    print(f"packaged {args.model} -> {args.out} ({size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
