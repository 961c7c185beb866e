"""The house's import rules, read from the code itself: no cycles, and storage by backend.

- No module of ``skill`` imports, directly or through others, a module that imports it back
  (imports inside functions count: they form the same loop, only later).
- ``skill/storage/`` itself imports only the standard library, ``skill.domain`` and its own
  top-level modules; ``opening.py`` alone names the backends.
- A backend (``skill/storage/<backend>/``) is imported only by itself, ``opening.py``, the
  Lambda's start-up, tests and benchmarks; no backend imports another.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STORAGE = "skill.storage"
BACKENDS = ("skill.storage.dynamodb", "skill.storage.sqlite")
OPENING = "skill.storage.opening"
LAMBDA_START_UP = frozenset({"skill.entry", "skill.warmup"})


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def project_modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted((ROOT / "skill").rglob("*.py"))}


def imports_of(path: Path, name: str, known: set[str]) -> Iterator[str]:
    """Every module ``path`` imports, wherever the import stands (functions and TYPE_CHECKING too).

    ``from package import name`` counts as importing ``package.name`` when that is a module.
    """
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            yield base
            for alias in node.names:
                if f"{base}.{alias.name}" in known:
                    yield f"{base}.{alias.name}"


def graph() -> dict[str, set[str]]:
    modules = project_modules()
    known = set(modules)
    return {
        name: {found for found in imports_of(path, name, known) if found in known} - {name}
        for name, path in modules.items()
    }


def is_within(module: str, package: str) -> bool:
    return module == package or module.startswith(f"{package}.")


def reachable(edges: dict[str, set[str]], start: str) -> set[str]:
    seen: set[str] = set()
    waiting = [start]
    while waiting:
        for target in edges[waiting.pop()] - seen:
            seen.add(target)
            waiting.append(target)
    return seen


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Groups of modules that each reach every other one through imports."""
    reach = {node: reachable(edges, node) for node in edges}
    groups = {
        tuple(sorted(other for other in reach[node] if node in reach[other]))
        for node in edges
        if node in reach[node]
    }
    return sorted(list(group) for group in groups)


def test_no_module_imports_itself_through_others() -> None:
    assert cycles(graph()) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(edges) == [["a", "b", "c"]]


def test_storage_itself_imports_only_the_standard_library_the_domain_and_itself() -> None:
    modules = project_modules()
    top = {name for name in modules if name.rpartition(".")[0] == STORAGE} | {STORAGE}
    wrong = {}
    for name in sorted(top - {OPENING}):
        found = set(imports_of(modules[name], name, set(modules)))
        allowed = {
            module
            for module in found
            if module.split(".")[0] in sys.stdlib_module_names
            or module == "__future__"
            or is_within(module, "skill.domain")
            or module in top
        }
        if found - allowed:
            wrong[name] = sorted(found - allowed)
    assert wrong == {}


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_backend_is_imported_only_where_a_store_is_opened(backend: str) -> None:
    importers = {
        name
        for name, targets in graph().items()
        if any(is_within(target, backend) for target in targets)
    }
    outside = {name for name in importers if not is_within(name, backend)}
    assert outside <= {OPENING, *LAMBDA_START_UP}
    others = [other for other in BACKENDS if other != backend]
    assert not any(is_within(name, other) for name in outside for other in others)


def test_the_lambda_starts_without_the_sqlite_backend() -> None:
    """Lambda start-up may import DynamoDB's backend; SQLite's is never among its imports."""
    edges = graph()
    for name in LAMBDA_START_UP:
        assert not any(is_within(target, "skill.storage.sqlite") for target in edges[name])
