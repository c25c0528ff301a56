"""Name indexes kept as files in the data directory: loaded when kept for the same sources, built otherwise,
and the same index either way."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from oretrace.core import index_files
from oretrace.extractors.normalize import countries
from oretrace.nlp_models import gazetteer


@pytest.fixture(autouse=True)
def in_memory() -> Iterator[None]:
    """Each test starts with no directory (a command run in-process earlier may have set its data directory's)."""
    before = index_files.directory()
    index_files.keep_in(None)
    yield
    index_files.keep_in(before)


@pytest.fixture
def kept(tmp_path: Path) -> Iterator[Path]:
    directory = tmp_path / "indexes"
    index_files.keep_in(directory)
    yield directory


class Builder:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> dict[str, int]:
        self.calls += 1
        return {"tin": 50}


def load(build: Builder, key: str = "k1") -> dict[str, int]:
    return index_files.load_or_build("names", lambda: key, build, lambda index: index, lambda data: data)


def test_without_a_directory_every_process_builds(tmp_path: Path) -> None:
    build = Builder()
    assert load(build) == load(build) == {"tin": 50}
    assert build.calls == 2
    assert not any(tmp_path.iterdir())


def test_a_kept_index_is_loaded_not_built(kept: Path) -> None:
    build = Builder()
    assert load(build) == {"tin": 50}
    assert load(build) == {"tin": 50}
    assert build.calls == 1
    assert [p.name for p in kept.iterdir()] == ["names-k1.json"]


def test_other_sources_build_a_new_file(kept: Path) -> None:
    build = Builder()
    load(build, "k1")
    load(build, "k2")
    assert build.calls == 2
    assert sorted(p.name for p in kept.iterdir()) == ["names-k1.json", "names-k2.json"]


def test_a_damaged_file_is_built_again_and_replaced(kept: Path) -> None:
    build = Builder()
    load(build)
    (kept / "names-k1.json").write_text('{"tin": ', encoding="utf-8")
    assert load(build) == {"tin": 50}
    assert build.calls == 2
    assert json.loads((kept / "names-k1.json").read_text(encoding="utf-8")) == {"tin": 50}


def test_an_unwritable_directory_still_gives_the_index(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a directory", encoding="utf-8")
    index_files.keep_in(blocked / "indexes")
    assert load(Builder()) == {"tin": 50}


def test_the_fingerprint_follows_the_sources_and_the_format() -> None:
    one = index_files.fingerprint(("oretrace.nlp_models.gazetteer",), ("pycountry",), "1")
    assert one == index_files.fingerprint(("oretrace.nlp_models.gazetteer",), ("pycountry",), "1")
    assert one != index_files.fingerprint(("oretrace.nlp_models.gazetteer",), ("pycountry",), "2")
    assert one != index_files.fingerprint(("oretrace.nlp_models.places_data",), ("pycountry",), "1")
    assert one != index_files.fingerprint(("oretrace.nlp_models.gazetteer",), ("babel",), "1")


def test_the_gazetteer_reads_the_same_from_its_file() -> None:
    built = gazetteer._build_index()
    loaded = gazetteer._decode(json.loads(json.dumps(gazetteer._encode(built))))
    assert loaded.entries == built.entries and loaded.compact == built.compact
    assert loaded.entries["bangkok"].rank == built.entries["bangkok"].rank


def test_the_country_names_read_the_same_from_their_file() -> None:
    built = countries._build_index()
    assert countries._decode(json.loads(json.dumps(countries._encode(built)))) == built


def _forget_indexes() -> None:
    for cached in (gazetteer._index, gazetteer.lookup, countries._index):
        cached.cache_clear()


def test_a_new_process_loads_places_and_countries_from_kept_files(kept: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _forget_indexes()
    try:
        assert gazetteer.place_country("Lengshuijiang, Hunan") == "CN"
        assert countries.parse_country("Tailandia").value == "TH"
        assert {p.name.split("-")[0] for p in kept.iterdir()} == {"gazetteer", "country"}

        def not_again() -> None:
            raise AssertionError("built again although kept")

        _forget_indexes()
        monkeypatch.setattr(gazetteer, "_build_index", not_again)
        monkeypatch.setattr(countries, "_build_index", not_again)
        assert gazetteer.place_country("Lengshuijiang, Hunan") == "CN"
        assert countries.parse_country("Tailandia").value == "TH"
    finally:
        monkeypatch.undo()
        _forget_indexes()
