"""oretrace installs as one package: honest lock files, and a wheel that works outside the checkout."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from importlib import metadata
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.conftest import REPO, SAMPLE_DOCS, command_env

LOCKS = (REPO / "requirements-installer.lock", REPO / "requirements.lock")
_ENTRY = re.compile(r"^([A-Za-z0-9_.\-\[\],]+)==(\S+)")


def locked(path: Path) -> dict[str, tuple[str, int]]:
    """name -> (version, number of hashes) of every requirement in a pip lock file."""
    entries: dict[str, tuple[str, int]] = {}
    current: str | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        if text.startswith("--hash="):
            assert current is not None, f"{path.name}: a hash before any requirement"
            version, hashes = entries[current]
            entries[current] = (version, hashes + 1)
            continue
        match = _ENTRY.match(text)
        assert match, f"{path.name}: {text!r} is not pinned with =="
        current = canonicalize_name(match.group(1).split("[")[0])
        entries[current] = (match.group(2), 0)
    return entries


def test_every_locked_package_is_pinned_and_hashed() -> None:
    for path in LOCKS:
        entries = locked(path)
        assert entries, path.name
        assert all(hashes > 0 for _, hashes in entries.values()), f"{path.name}: a requirement without a hash"
    assert "pip" in locked(LOCKS[0]), "the installer itself is pinned"


def test_the_lock_holds_every_dependency_extras_included() -> None:
    """Walk oretrace's requirements (with the dev extra) through the installed packages' metadata: every
    package reached, also through an extra such as httpx[http2], is in the lock at a version it accepts."""
    lock = locked(LOCKS[1])
    environment = default_environment()
    missing: list[str] = []
    seen: set[tuple[str, str]] = set()
    todo = [(Requirement(r), "") for r in metadata.requires("oretrace") or []]
    while todo:
        requirement, extra = todo.pop()
        if requirement.marker and not requirement.marker.evaluate(environment | {"extra": extra}):
            continue
        name = canonicalize_name(requirement.name)
        if name == "oretrace":
            todo.extend((Requirement(r), e) for e in requirement.extras for r in metadata.requires("oretrace") or [])
            continue
        if name not in lock or not requirement.specifier.contains(lock[name][0], prereleases=True):
            missing.append(str(requirement))
            continue
        for wanted in {""} | set(requirement.extras):
            if (name, wanted) in seen:
                continue
            seen.add((name, wanted))
            todo.extend((Requirement(r), wanted) for r in metadata.requires(name) or [])
    assert missing == []
    assert ("httpx", "http2") in seen and "h2" in lock, "extras are followed"


@pytest.mark.slow
def test_the_wheel_runs_from_another_directory(tmp_path: Path) -> None:
    """Build the wheel, install it into a new venv outside the checkout (its dependencies seen through a path
    file, not installed again), and run the CLI from an unrelated folder: one top-level import name, reference
    data and NER model found inside the package."""
    # Built from a copy of what git tracks, so neither a stale build/ folder nor an untracked file gets in.
    source = tmp_path / "source"
    tracked = subprocess.check_output(["git", "ls-files", "-z"], cwd=REPO, text=True).split("\0")
    for name in tracked:
        if name and not name.startswith(("sample_docs/", "tests/")) and (REPO / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, source / name)
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", tmp_path / "dist",
         source],
        capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    [wheel] = (tmp_path / "dist").glob("oretrace-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    tops = {n.split("/")[0] for n in names if not n.split("/")[0].endswith(".dist-info")}
    assert tops == {"oretrace"}
    for needed in ("oretrace/reference/data/smelters.csv", "oretrace/nlp_models/oretrace_ner/config.cfg",
                   "oretrace/review/web/templates/queue.html", "oretrace/store/migrations/env.py",
                   "oretrace/flows/process_inbox.py", "oretrace/extractors/document.py"):  # fmt: skip
        assert needed in names, needed
    assert not any(n.startswith(("oretrace/nlp_models/training/", "samplegen/", "benchmarks/")) for n in names)

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True, timeout=120)
    python = venv / "bin" / "python"
    site = Path(subprocess.check_output([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                                        text=True).strip())  # fmt: skip
    # The checkout's dependencies without its editable oretrace (path files in a folder added this way are
    # not processed, so the editable finder stays out).
    (site / "dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    installed = subprocess.run(
        [sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "-q", wheel],
        capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip
    assert installed.returncode == 0, installed.stderr

    elsewhere = tmp_path / "elsewhere"
    inbox = elsewhere / "inbox" / "SHP-2025-0001"
    inbox.mkdir(parents=True)
    truth = json.loads((SAMPLE_DOCS / "ground_truth.json").read_text(encoding="utf-8"))["documents"]
    for document in truth:
        if document["shipment_id"] == "SHP-2025-0001" and not document["scanned"]:
            shutil.copy2(SAMPLE_DOCS / document["path"], inbox)
    env = command_env(drop=("ORETRACE_", "PREFECT_", "PYTHON"), ORETRACE_HOME=str(elsewhere / "home"))
    oretrace = venv / "bin" / "oretrace"

    probe = "import oretrace, oretrace.flows; print(oretrace.__file__, oretrace.flows.__file__)"
    where = subprocess.run([python, "-c", probe], cwd=elsewhere, env=env, capture_output=True, text=True)
    assert where.returncode == 0, where.stderr
    assert all(Path(p).is_relative_to(site) for p in where.stdout.split()), where.stdout

    shown = subprocess.run([oretrace, "reference", "show"], cwd=elsewhere, env=env, capture_output=True, text=True,
                           timeout=300)  # fmt: skip
    assert shown.returncode == 0, shown.stderr
    assert "smelters" in shown.stdout

    run = subprocess.run([oretrace, "run", "inbox"], cwd=elsewhere, env=env, capture_output=True, text=True,
                         timeout=600)  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "SHP-2025-0001" in run.stdout and "1 shipments" in run.stdout
    assert "NER pipeline unavailable" not in run.stderr
