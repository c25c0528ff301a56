"""Run extraction on every document of the external sets and score it per set and per field."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, computed_field

from oretrace.core.config import Settings
from oretrace.core.errors import NothingToDo
from oretrace.core.models import ExtractedDocument, Rejection
from oretrace.evaluation.adapters import load_all
from oretrace.evaluation.compare import field_equal, units
from oretrace.evaluation.expected import ExpectedDocument

# Sets scored together against the invoice targets.
GROUPS: dict[str, tuple[str, ...]] = {"invoices": ("invoice2data", "zugferd-corpus")}


class Score(BaseModel):
    correct: int = 0
    total: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.correct += ok


class ExternalMiss(BaseModel):
    document: str
    field: str
    expected: Any
    found: Any
    note: str | None = Field(default=None, description="the set's known disagreement with the document")


class ExternalReport(BaseModel):
    documents: dict[str, int] = Field(default_factory=dict, description="scored documents per set")
    doc_type: dict[str, Score] = Field(default_factory=dict, description="type as the adapter maps it, per set")
    fields: dict[str, dict[str, Score]] = Field(default_factory=dict, description="set -> field -> score")
    rejected: list[str] = Field(default_factory=list)
    misses: list[ExternalMiss] = Field(default_factory=list)
    seconds: float = 0.0

    def grouped(self, group: str) -> dict[str, Score]:
        merged: dict[str, Score] = defaultdict(Score)
        for set_name in GROUPS[group]:
            for name, score in self.fields.get(set_name, {}).items():
                merged[name].correct += score.correct
                merged[name].total += score.total
        return dict(merged)

    def accuracy(self, set_or_group: str, field: str) -> float:
        table = self.grouped(set_or_group) if set_or_group in GROUPS else self.fields.get(set_or_group, {})
        return table[field].accuracy if field in table else 0.0


def extract_all(
    root: Path, documents: list[ExpectedDocument], settings: Settings
) -> list[ExtractedDocument | Rejection]:
    from oretrace.pipeline.documents import process_document

    paths = [root / d.set_name / d.path for d in documents]
    with ThreadPoolExecutor(max_workers=settings.workers) as pool:
        return list(pool.map(lambda p: process_document(p, root, settings), paths))


def score_documents(
    documents: Iterable[ExpectedDocument], outcomes: Iterable[ExtractedDocument | Rejection]
) -> ExternalReport:
    report = ExternalReport()
    for expected, outcome in zip(documents, outcomes, strict=True):
        set_name = expected.set_name
        report.documents[set_name] = report.documents.get(set_name, 0) + 1
        type_score = report.doc_type.setdefault(set_name, Score())
        table = report.fields.setdefault(set_name, {})
        if isinstance(outcome, ExtractedDocument):
            found = {name: value.value for name, value in outcome.fields.items()}
            type_score.add(outcome.doc_type == expected.doc_type)
            if outcome.doc_type != expected.doc_type:
                report.misses.append(
                    ExternalMiss(document=expected.key, field="doc_type", expected=expected.doc_type.value,
                                 found=outcome.doc_type.value)
                )  # fmt: skip
        else:
            found = {}
            type_score.add(False)
            report.rejected.append(f"{expected.key}: {outcome.reason}")
        for name, want in expected.fields.items():
            accepted = [want, *expected.alternatives.get(name, [])]
            sources = [found.get(source) for source in (name, *expected.found_in.get(name, ()))]
            reported = next((value for value in sources if value is not None), None)
            for unit, unit_want, got in units(name, want, reported):
                if unit == name:
                    ok = any(field_equal(name, option, value) for option in accepted for value in sources)
                    got = next((v for v in sources if any(field_equal(name, o, v) for o in accepted)), got)
                else:
                    ok = field_equal(name, unit_want, got)
                table.setdefault(name, Score()).add(ok)
                if not ok:
                    note = expected.disagreements.get(unit) or expected.disagreements.get(name)
                    report.misses.append(
                        ExternalMiss(document=expected.key, field=unit, expected=unit_want, found=got, note=note)
                    )
    return report


def run_external(root: Path, settings: Settings) -> ExternalReport:
    """Extract every document the adapters list under `root` and score it; NothingToDo when none is found."""
    documents = load_all(root)
    if not documents:
        raise NothingToDo(
            f"no external set with documents under {root}",
            remedy="give the folder that holds the adapters' set folders",
        )
    started = time.perf_counter()
    outcomes = extract_all(root, documents, settings)
    report = score_documents(documents, outcomes)
    report.seconds = round(time.perf_counter() - started, 1)
    return report


def format_external(report: ExternalReport, show_misses: bool = True) -> str:
    """Accuracy per field (rows) and set (columns), then every miss with the expected and found values."""
    names = sorted({name for table in report.fields.values() for name in table})
    columns = [*report.fields, *GROUPS]
    lines = [
        "documents: " + ", ".join(f"{k} {v}" for k, v in report.documents.items()) + f"   ({report.seconds} s)",
        "",
        f"{'field':<20}" + "".join(f"{c.split(' ')[0][: COLUMN - 2]:>{COLUMN}}" for c in columns),
        f"{'doc_type':<20}" + "".join(_cell(report.doc_type.get(c)) for c in report.fields),
    ]
    for name in names:
        row = [report.fields[c].get(name) for c in report.fields] + [report.grouped(g).get(name) for g in GROUPS]
        lines.append(f"{name:<20}" + "".join(_cell(score) for score in row))
    lines += ["", *(f"{group}: {', '.join(sets)}" for group, sets in GROUPS.items())]
    if report.rejected:
        lines += ["", "rejected:", *(f"  {r}" for r in report.rejected)]
    if show_misses:
        lines += ["", "misses (expected vs found):"]
        for miss in report.misses:
            note = f"   [set disagrees: {miss.note}]" if miss.note else ""
            lines.append(f"  {miss.document}  {miss.field}: expected {miss.expected!r}, found {miss.found!r}{note}")
    return "\n".join(lines)


COLUMN = 27


def _cell(score: Score | None) -> str:
    if score is None or not score.total:
        return f"{'-':>{COLUMN}}"
    return f"{f'{score.accuracy:.3f} ({score.correct}/{score.total})':>{COLUMN}}"
