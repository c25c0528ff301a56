"""Plain-Python equivalent of `spacy project run all nlp_models`: corpus -> train -> evaluate -> package.

    python -m oretrace.nlp_models.training.train   # everything, with the vars of nlp_models/training/project.yml
    python -m oretrace.nlp_models.training.train --steps evaluate,package

Runs on CPU with one thread; a full run takes a few minutes.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path
from typing import Any

STEPS = ("corpus", "train", "evaluate", "package")
_THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS")


TRAINING_DIR = Path(__file__).resolve().parent
NLP_DIR = TRAINING_DIR.parent


def project_vars(project_file: Path = TRAINING_DIR / "project.yml") -> dict[str, Any]:
    import srsly

    return dict(srsly.read_yaml(project_file)["vars"])


def run(steps: tuple[str, ...] = STEPS, base: Path = TRAINING_DIR) -> None:
    from spacy.cli.evaluate import evaluate
    from spacy.cli.train import train

    from oretrace.nlp_models.training.corpus import write_corpus
    from oretrace.nlp_models.training.package import package_model
    from oretrace.nlp_models.training.report import readme_section, write_report

    v = project_vars(base / "project.yml")
    corpus, training = base / "corpus", base / "training"
    model_best, scores = training / "model-best", training / "heldout_scores.json"
    package_dir = (base / v["package_dir"]).resolve()
    for step in steps:
        started = time.monotonic()
        print(f"== {step}", flush=True)
        if step == "corpus":
            write_corpus(corpus, int(v["n_train"]), int(v["n_heldout"]), int(v["seed"]), float(v["dev_fraction"]))
        elif step == "train":
            overrides = {
                "paths.train": str(corpus / "train.spacy"),
                "paths.dev": str(corpus / "dev.spacy"),
                "system.seed": int(v["train_seed"]),
            }
            train(base / v["config"], training, use_gpu=int(v["gpu_id"]), overrides=overrides)
        elif step == "evaluate":
            evaluate(str(model_best), corpus / "heldout.spacy", output=scores, use_gpu=int(v["gpu_id"]))
        elif step == "package":
            package_model(model_best, package_dir)
            result = write_report(scores, corpus / "stats.json", package_dir, base / v["metrics"], base / v["readme"])
            print(readme_section(result))
        else:
            raise ValueError(f"unknown step {step!r}; choose from {', '.join(STEPS)}")
        print(f"== {step} done in {time.monotonic() - started:.0f} s", flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", default=",".join(STEPS), help=f"comma-separated subset of {','.join(STEPS)}")
    args = parser.parse_args(argv)
    for name in _THREAD_VARS:  # before numpy/thinc load: train on one CPU thread
        os.environ.setdefault(name, "1")
    run(tuple(step.strip() for step in args.steps.split(",") if step.strip()))


if __name__ == "__main__":
    main()
