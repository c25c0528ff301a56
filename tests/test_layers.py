"""The package's layers import downwards only, and no module imports itself back through others.

Every import counts, at module level or inside a function, so a cycle cannot hide behind a late import.
"""

from __future__ import annotations

import ast
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
PACKAGE_DIRS: dict[str, str] = PYPROJECT["tool"]["setuptools"]["package-dir"]

# Bottom to top. A module may import its own layer's package and any layer below; packages that share a
# layer do not import each other.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("oretrace.core",),
    ("oretrace.reference",),
    ("oretrace.extractors", "oretrace.nlp_models"),
    ("oretrace.checks",),
    ("oretrace.store",),
    ("oretrace.pipeline",),
    ("oretrace.review", "oretrace.watch", "oretrace.evaluation"),
    ("oretrace.flows",),
    ("oretrace.cli",),
    ("oretrace.__main__",),
)
# Development tools that live beside the package they train or measure; the package never imports them.
DEVELOPMENT_ONLY = ("oretrace.nlp_models.training",)


def package_roots() -> dict[str, Path]:
    return {name: REPO / folder for name, folder in PACKAGE_DIRS.items()}


def modules() -> Iterator[tuple[str, Path]]:
    roots = package_roots()
    for name, folder in roots.items():
        for path in sorted(folder.rglob("*.py")):
            parts = path.relative_to(folder).with_suffix("").parts
            if "migrations" in parts:
                continue
            module = ".".join((name, *(parts[:-1] if parts[-1] == "__init__" else parts)))
            # A folder mapped to a sub-package of its own (oretrace.flows) is not also a part of the parent.
            if any(m != name and module.startswith(m + ".") for m in roots if m.startswith(name + ".")):
                continue
            yield module, path


MODULES = dict(modules())


def imported(module: str, path: Path) -> set[str]:
    """The oretrace modules `module` imports (a package's submodule when the name is one, else the package)."""
    found: set[str] = set()
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join([*package.split(".")[: len(package.split(".")) - node.level + 1], base]).strip(".")
            names = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base for alias in node.names]
        else:
            continue
        found.update(n for n in names if n == "oretrace" or n.startswith("oretrace."))
    return found


GRAPH = {module: imported(module, path) for module, path in MODULES.items()}


def layer_of(module: str) -> int:
    if module == "oretrace":
        return 0
    for index, packages in enumerate(LAYERS):
        if any(module == p or module.startswith(p + ".") for p in packages):
            return index
    raise AssertionError(f"{module} belongs to no layer: add its package to LAYERS")


def package_of(module: str) -> str:
    return next(p for packages in LAYERS for p in packages if module == p or module.startswith(p + "."))


def test_every_package_folder_is_installed() -> None:
    """Each folder of code in the package is listed in pyproject.toml, so the wheel holds it."""
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    folders = {m for m, p in MODULES.items() if p.name == "__init__.py"}
    development = {m for m in folders if m.startswith(DEVELOPMENT_ONLY)}
    assert folders - development == listed


def test_every_module_belongs_to_a_layer() -> None:
    for module in MODULES:
        if not module.startswith(DEVELOPMENT_ONLY):
            layer_of(module)


@pytest.mark.parametrize("module", sorted(m for m in MODULES if not m.startswith(DEVELOPMENT_ONLY)))
def test_imports_go_downwards(module: str) -> None:
    mine = layer_of(module)
    for target in GRAPH[module]:
        assert not target.startswith(DEVELOPMENT_ONLY), f"{module} imports development-only {target}"
        theirs = layer_of(target)
        assert theirs <= mine, f"{module} (layer {mine}) imports {target} from layer {theirs} above it"
        if theirs == mine and module != "oretrace":
            assert package_of(target) == package_of(module), f"{module} imports its neighbour {target}"


def test_no_import_cycles() -> None:
    """Tarjan's strongly connected components over the import graph: each must be a single module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in GRAPH.get(node, ()):
            if target not in GRAPH:
                continue
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for module in sorted(GRAPH):
        if module not in index:
            visit(module)
    assert cycles == []


def test_the_layer_test_sees_a_violation(tmp_path: Path) -> None:
    """The parser finds imports at any depth, so the tests above can fail."""
    source = tmp_path / "probe.py"
    source.write_text("def late():\n    from oretrace.cli.main import app\n    return app\n", encoding="utf-8")
    assert imported("oretrace.core.probe", source) == {"oretrace.cli.main"}
