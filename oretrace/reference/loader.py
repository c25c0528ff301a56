"""Read and validate the reference CSVs into `ReferenceData`.

Every invalid row is reported, not only the first: `ReferenceError` (alias of `ReferenceDataError`) lists each
problem with file, line and column, so whoever edits a CSV fixes it in one round.

Files (in the reference directory):

* `smelters.csv` (required): smelter_id,name,aliases,country,region,city,commodity,source[,stage,capacity_tpa,
  capacity_source]
* `assay_profiles.csv` (required): smelter_id,element,unit,mean,sd,n
* `production.csv` (required): commodity,country,stage,year,tonnes,source
* `hs_codes.csv` (optional): hs_code,description,commodity,source[,stage]

Columns in brackets may be absent from a file altogether: `stage` of a facility (mine, mill, concentrator,
smelter, refinery, roaster, plant; ';'-separated; blank: not known) and of a tariff code (ore, refined,
scrap; blank: ore in HS chapter 26, refined otherwise).
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal, TypeVar

import pycountry
from pydantic import BaseModel

from oretrace.core.errors import InvalidData
from oretrace.reference.models import (
    FACILITY_STAGES,
    AssayProfile,
    ElementStats,
    GoodsStage,
    HsCode,
    ProductionRecord,
    ReferenceData,
    Smelter,
    Stage,
    Unit,
    unique,
)

# The reference data bundled with oretrace, installed with the package.
DEFAULT_DIRECTORY = Path(str(resources.files("oretrace.reference") / "data"))

SMELTERS = "smelters.csv"
ASSAY_PROFILES = "assay_profiles.csv"
PRODUCTION = "production.csv"
HS_CODES = "hs_codes.csv"

_COLUMNS: dict[str, tuple[str, ...]] = {
    SMELTERS: ("smelter_id", "name", "aliases", "country", "region", "city", "commodity", "source"),
    ASSAY_PROFILES: ("smelter_id", "element", "unit", "mean", "sd", "n"),
    PRODUCTION: ("commodity", "country", "stage", "year", "tonnes", "source"),
    HS_CODES: ("hs_code", "description", "commodity", "source"),
}
# Columns a file may leave out of its header altogether (blank when absent).
_EXTRA: dict[str, tuple[str, ...]] = {SMELTERS: ("stage", "capacity_tpa", "capacity_source"), HS_CODES: ("stage",)}
# Columns that may be left blank (smelter_id: an id is then derived from name and country).
_OPTIONAL: dict[str, frozenset[str]] = {
    SMELTERS: frozenset({"smelter_id", "aliases", "region", "city", "source"}),
    ASSAY_PROFILES: frozenset(),
    PRODUCTION: frozenset({"source"}),
    HS_CODES: frozenset({"description", "source"}),
}

_SYMBOLS = frozenset(
    "H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge As Se Br Kr Rb Sr Y Zr "
    "Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm Yb Lu Hf Ta W Re Os Ir "
    "Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U Np Pu Am Cm Bk Cf Es Fm Md No Lr".split()
)
# Smelter ids are joined with '|' by the NER ruler and written into messages; keep them plain.
_ID = re.compile(r"[A-Za-z0-9_.-]+")
_HS = re.compile(r"\d{4}(?:\.?\d{2}){1,3}")
_YEARS = range(1900, 2101)
_Model = TypeVar("_Model", bound=BaseModel)


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None  # 1-based physical line in the file (the header is line 1); None for the whole file
    column: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f", line {self.line}"
        if self.column is not None:
            where += f", column {self.column}"
        return f"{where}: {self.message}"


class ReferenceDataError(InvalidData, ValueError):
    """The reference data is invalid; `problems` says where and why."""

    default_remedy = "correct the rows listed and load the folder again"

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"invalid reference data ({len(self.problems)} problem(s)):\n{lines}")


# The name the pipeline uses; it deliberately shadows the (unrelated, weakref) builtin in importing modules.
ReferenceError = ReferenceDataError


@dataclass(frozen=True)
class _Row:
    line: int
    cells: dict[str, str]


class _Reader:
    """Collects problems for one file; `cell`/`number` helpers report a bad value and return None."""

    def __init__(self, file: str, problems: list[Problem]) -> None:
        self.file = file
        self.problems = problems
        self.header: tuple[str, ...] = ()

    def problem(self, line: int | None, column: str | None, message: str) -> None:
        if column is not None and column in self.header:
            column = f"{self.header.index(column) + 1} ({column})"
        elif column is not None:
            column = f"({column})"
        self.problems.append(Problem(self.file, line, column, message))

    def rows(self, path: Path) -> Iterator[_Row]:
        try:
            handle = path.open(newline="", encoding="utf-8-sig")
        except OSError as err:
            self.problem(None, None, f"cannot be read ({err.strerror or err})")
            return
        with handle:
            reader = csv.reader(handle)
            try:
                self.header = tuple(h.strip() for h in next(reader, []))
                missing = [c for c in _COLUMNS[self.file] if c not in self.header]
                for column in missing:
                    self.problem(1, column, "required column is missing from the header")
                duplicated = {c for c in self.header if self.header.count(c) > 1 and c}
                for column in sorted(duplicated):
                    self.problem(1, column, "column appears more than once in the header")
                if missing or duplicated:
                    return
                start = reader.line_num + 1
                for record in reader:
                    line, start = start, reader.line_num + 1
                    if not any(cell.strip() for cell in record):
                        continue  # blank line
                    # A row may stop short of trailing optional columns ('stage' added to an older file).
                    trailing = self.header[len(record) :]
                    if len(record) < len(self.header) and all(c in _EXTRA.get(self.file, ()) for c in trailing):
                        record = [*record, *([""] * len(trailing))]
                    if len(record) != len(self.header):
                        self.problem(line, None, f"has {len(record)} fields, the header has {len(self.header)}")
                        continue
                    cells = {h: c.strip() for h, c in zip(self.header, record, strict=True)}
                    for column in _EXTRA.get(self.file, ()):
                        cells.setdefault(column, "")
                    blank = [c for c in _COLUMNS[self.file] if not cells[c] and c not in _OPTIONAL[self.file]]
                    for column in blank:
                        self.problem(line, column, "value is required")
                    if not blank:
                        yield _Row(line, cells)
            except (csv.Error, UnicodeDecodeError) as err:
                self.problem(reader.line_num or None, None, f"is not a readable UTF-8 CSV file ({err})")

    def country(self, row: _Row, column: str) -> str | None:
        value = row.cells[column].upper()
        if len(value) != 2 or pycountry.countries.get(alpha_2=value) is None:
            self.problem(row.line, column, f"{row.cells[column]!r} is not an ISO 3166-1 alpha-2 country code")
            return None
        return value

    def number(self, row: _Row, column: str, *, positive: bool = False) -> float | None:
        text = row.cells[column]
        try:
            value = float(text)
        except ValueError:
            self.problem(row.line, column, f"{text!r} is not a number")
            return None
        if value != value or value in (float("inf"), float("-inf")):
            self.problem(row.line, column, f"{text!r} is not a finite number")
            return None
        if value < 0 or (positive and value == 0):
            self.problem(row.line, column, f"{text!r} must be {'greater than zero' if positive else 'zero or more'}")
            return None
        return value

    def integer(self, row: _Row, column: str, allowed: range) -> int | None:
        text = row.cells[column]
        if not re.fullmatch(r"-?\d+", text):
            self.problem(row.line, column, f"{text!r} is not a whole number")
            return None
        value = int(text)
        if value not in allowed:
            self.problem(row.line, column, f"{value} is outside {allowed.start}..{allowed.stop - 1}")
            return None
        return value

    def duplicate(self, row: _Row, column: str, key: object, seen: dict[object, int], what: str) -> bool:
        if key in seen:
            self.problem(row.line, column, f"duplicate {what} (first on line {seen[key]})")
            return True
        seen[key] = row.line
        return False


def assigned_smelter_id(name: str, country: str) -> str:
    """A stable id for a row without one: the same name and country always give the same id."""
    key = f"{' '.join(name.casefold().split())}|{country.upper()}"
    return "SMX-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:8].upper()


def _split(text: str) -> tuple[str, ...]:
    return unique(text.split(";"))


def _read_smelters(path: Path, problems: list[Problem]) -> list[Smelter]:
    reader = _Reader(SMELTERS, problems)
    smelters: list[Smelter] = []
    seen: dict[object, int] = {}
    for row in reader.rows(path):
        country = reader.country(row, "country")
        smelter_id = row.cells["smelter_id"]
        if smelter_id and not _ID.fullmatch(smelter_id):
            reader.problem(row.line, "smelter_id", f"{smelter_id!r} may hold only letters, digits, '_', '.', '-'")
            continue
        commodities = tuple(c.lower() for c in _split(row.cells["commodity"]))
        kinds = tuple(k.lower() for k in _split(row.cells["stage"]))
        unknown = [k for k in kinds if k not in FACILITY_STAGES]
        if unknown:
            reader.problem(row.line, "stage", f"{', '.join(unknown)} not one of: {', '.join(FACILITY_STAGES)}")
            continue
        capacity = _capacity(reader, row)
        if country is None or capacity is False:
            continue
        assigned = not smelter_id
        smelter_id = smelter_id or assigned_smelter_id(row.cells["name"], country)
        if reader.duplicate(row, "smelter_id", smelter_id, seen, f"smelter_id {smelter_id!r}"):
            continue
        smelters.append(
            Smelter(
                smelter_id=smelter_id,
                name=" ".join(row.cells["name"].split()),
                aliases=_split(row.cells["aliases"]),
                country=country,
                region=row.cells["region"],
                city=row.cells["city"],
                commodities=commodities,
                source=row.cells["source"],
                id_assigned=assigned,
                kinds=kinds,
                capacity_tpa=capacity,
                capacity_source=row.cells["capacity_source"],
            )
        )
    return smelters


def _capacity(reader: _Reader, row: _Row) -> float | Literal[False] | None:
    """The row's capacity in tonnes a year, None when blank, False (after a problem) when unusable."""
    text, source = row.cells["capacity_tpa"], row.cells["capacity_source"]
    if not text:
        return None
    try:
        capacity = float(text)
    except ValueError:
        capacity = -1.0
    if capacity < 0:
        reader.problem(row.line, "capacity_tpa", f"{text!r} is not a number of tonnes >= 0")
        return False
    if not source:
        # A capacity is a fact about the world: it carries where it was read.
        reader.problem(row.line, "capacity_source", "a capacity needs its source")
        return False
    return capacity


def _read_profiles(path: Path, problems: list[Problem], smelter_ids: set[str] | None) -> dict[str, AssayProfile]:
    reader = _Reader(ASSAY_PROFILES, problems)
    elements: dict[str, dict[str, ElementStats]] = {}
    seen: dict[object, int] = {}
    for row in reader.rows(path):
        ok = True
        smelter_id, element, unit = row.cells["smelter_id"], row.cells["element"], row.cells["unit"]
        if smelter_ids is not None and smelter_id not in smelter_ids:
            reader.problem(row.line, "smelter_id", f"{smelter_id!r} is not a smelter_id in {SMELTERS}")
            ok = False
        if element not in _SYMBOLS:
            reader.problem(row.line, "element", f"{element!r} is not an element symbol (e.g. 'As', 'Pb')")
            ok = False
        if unit not in {u.value for u in Unit}:
            reader.problem(row.line, "unit", f"{unit!r} is not a unit; use 'pct' (mass %) or 'ppm' (mg/kg)")
            ok = False
        mean = reader.number(row, "mean")
        sd = reader.number(row, "sd", positive=True)  # a profile without spread cannot be compared against
        n = reader.integer(row, "n", range(1, 10**9))
        if mean is not None and ok and mean * (1.0 if unit == "pct" else 1e-4) > 100.0:
            reader.problem(row.line, "mean", f"{mean} {unit} is more than 100 mass %")
            ok = False
        if None in (mean, sd, n) or not ok:
            continue
        if reader.duplicate(row, "element", (smelter_id, element), seen, f"element {element} for {smelter_id}"):
            continue
        assert mean is not None and sd is not None and n is not None
        elements.setdefault(smelter_id, {})[element] = ElementStats(unit=Unit(unit), mean=mean, sd=sd, n=n)
    return {sid: AssayProfile(smelter_id=sid, elements=stats) for sid, stats in elements.items()}


def _read_production(path: Path, problems: list[Problem]) -> list[ProductionRecord]:
    reader = _Reader(PRODUCTION, problems)
    records: list[ProductionRecord] = []
    seen: dict[object, int] = {}
    for row in reader.rows(path):
        country = reader.country(row, "country")
        stage = row.cells["stage"].lower()
        if stage not in {s.value for s in Stage}:
            reader.problem(row.line, "stage", f"{row.cells['stage']!r} is not one of: mine, refinery")
        year = reader.integer(row, "year", _YEARS)
        tonnes = reader.number(row, "tonnes")
        if country is None or year is None or tonnes is None or stage not in {s.value for s in Stage}:
            continue
        commodity = row.cells["commodity"].lower()
        if reader.duplicate(row, "year", (commodity, country, stage, year), seen, "commodity/country/stage/year"):
            continue
        records.append(
            ProductionRecord(
                commodity=commodity,
                country=country,
                stage=Stage(stage),
                year=year,
                tonnes=tonnes,
                source=row.cells["source"],
            )
        )
    return records


def _read_hs_codes(path: Path, problems: list[Problem]) -> list[HsCode]:
    reader = _Reader(HS_CODES, problems)
    codes: list[HsCode] = []
    seen: dict[object, int] = {}
    for row in reader.rows(path):
        text = row.cells["hs_code"]
        if not _HS.fullmatch(text):
            reader.problem(row.line, "hs_code", f"{text!r} is not a tariff code of 6 to 10 digits")
            continue
        code = text.replace(".", "")
        commodity = row.cells["commodity"].lower()
        stage = row.cells["stage"].lower()
        if stage and stage not in {g.value for g in GoodsStage}:
            reader.problem(row.line, "stage", f"{row.cells['stage']!r} is not one of: ore, refined, scrap")
            continue
        # Keyed as written: "8110.20.0000" (US schedule) and "8110200000" (China) are different rows.
        if reader.duplicate(row, "hs_code", (text, commodity), seen, f"code {text} for {commodity}"):
            continue
        codes.append(
            HsCode(
                code=code,
                description=row.cells["description"],
                commodity=commodity,
                stage=GoodsStage(stage) if stage else None,
            )
        )
    return codes


def _version(
    smelters: list[Smelter],
    profiles: dict[str, AssayProfile],
    production: list[ProductionRecord],
    hs_codes: list[HsCode],
) -> str:
    """sha256 of the parsed content, independent of row order, whitespace, quoting and line endings."""

    def rows(models: Sequence[BaseModel]) -> list[str]:
        return sorted(json.dumps(m.model_dump(mode="json"), sort_keys=True) for m in models)

    canonical = {
        SMELTERS: rows(smelters),
        ASSAY_PROFILES: rows(list(profiles.values())),
        PRODUCTION: rows(production),
        HS_CODES: rows(hs_codes),
    }
    return hashlib.sha256(json.dumps(canonical, sort_keys=True).encode("utf-8")).hexdigest()


def load_reference(directory: Path | str | None = None, base: ReferenceData | None = None) -> ReferenceData:
    """Load and validate the reference CSVs; raise `ReferenceError` listing every invalid row.

    With `base`, the files in `directory` update it rather than replace it, and each may be absent: smelters,
    production and HS rows replace base rows with the same key (smelter_id; commodity/country/stage/year;
    code/commodity) and add the others, and a smelter's assay profile replaces its whole base profile.
    """
    root = Path(directory) if directory is not None else DEFAULT_DIRECTORY
    problems: list[Problem] = []
    present = {name for name in (SMELTERS, ASSAY_PROFILES, PRODUCTION, HS_CODES) if (root / name).is_file()}
    if base is None:
        problems = [
            Problem(name, None, None, f"file not found in {root}")
            for name in (SMELTERS, ASSAY_PROFILES, PRODUCTION)
            if name not in present
        ]
    elif not present:
        problems = [Problem(SMELTERS, None, None, f"no reference CSV file in {root}")]
    if problems:
        raise ReferenceDataError(problems)

    smelters = _read_smelters(root / SMELTERS, problems) if SMELTERS in present else []
    # Only cross-check profile ids against a smelter file that read cleanly; otherwise every profile of a
    # smelter with a bad row would be reported a second time.
    known = (*smelters, *(base.smelters if base else ()))
    smelter_ids = None if problems else {s.smelter_id for s in known}
    profiles = _read_profiles(root / ASSAY_PROFILES, problems, smelter_ids) if ASSAY_PROFILES in present else {}
    production = _read_production(root / PRODUCTION, problems) if PRODUCTION in present else []
    hs_codes = _read_hs_codes(root / HS_CODES, problems) if HS_CODES in present else []
    if problems:
        raise ReferenceDataError(problems)
    if base is not None:
        smelters = _updated(base.smelters, smelters, lambda s: s.smelter_id)
        profiles = base.assay_profiles | profiles
        production = _updated(base.production, production, lambda r: (r.commodity, r.country, r.stage, r.year))
        hs_codes = _updated(base.hs_codes, hs_codes, lambda h: (h.code, h.commodity))
    return ReferenceData(
        smelters=tuple(smelters),
        assay_profiles=profiles,
        production=tuple(production),
        hs_codes=tuple(hs_codes),
        version=_version(smelters, profiles, production, hs_codes),
    )


def _updated(old: Sequence[_Model], new: Sequence[_Model], key: Callable[[_Model], object]) -> list[_Model]:
    """`old` with rows of `new` replacing those with the same key (in place) and the rest appended."""
    replacing = {key(row): row for row in new}
    kept = [replacing.pop(key(row), row) for row in old]
    return kept + list(replacing.values())


@lru_cache(maxsize=1)
def default_reference() -> ReferenceData:
    """The reference data bundled with oretrace, loaded once per process."""
    return load_reference(DEFAULT_DIRECTORY)
