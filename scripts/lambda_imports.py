"""The project files a Lambda entry can load, found by reading the code: what the artifact ships.

Starting from the entry file, every project module it imports is parsed with ``ast`` and its
own imports followed, wherever they are written: at the top, inside functions (imports made
only when a feature is used), in ``try`` blocks. Each package's ``__init__.py`` on the way comes
too, as importing ``a.b.c`` runs ``a`` and ``a.b`` first.

What counts as an import:

* ``import a.b`` and ``from a.b import c``, where ``c`` may be a submodule; relative imports
  are resolved against the importing module's package.
* Calls that import a module named by a constant string: ``importlib.import_module(NAME)``,
  ``__import__(NAME)`` and ``importlib.resources.files(NAME)`` (which imports the package it
  reads from: that is how ``skill.data`` and its words come along). NAME is an absolute name,
  as a string literal or a module-level name bound to one. Names computed at run time, and
  relative names given to ``import_module``, cannot be followed; the project has none (its one
  ``import_module`` loads the runtime's SnapStart hooks, not a project module).
* Star imports are not expanded: ruff's F403 keeps them out of the project.

Imports under ``if TYPE_CHECKING:`` are left out: that block never runs. Its names appear only
in annotations, which the project never evaluates at run time (they are postponed by ``from
__future__ import annotations`` or quoted, and nothing calls ``typing.get_type_hints`` on
them). tests/runtime runs the function from the build, so a module left out this way that a
request did need would fail there. The ``else:`` branch does run, so it is followed, and a
module imported for real elsewhere ships all the same.

Package data comes from pyproject.toml's ``[tool.setuptools.package-data]``: a file matching a
package's patterns ships when that package ships and so does the package holding the file (so
``speech/*.json`` comes with ``skill.speech``, and data beside a module that is never loaded
stays out).
"""

from __future__ import annotations

import ast
import tomllib
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path

# Calls whose first argument names a module the call imports.
_IMPORTING_CALLS = frozenset({"import_module", "__import__", "files"})


def locate(root: Path, name: str) -> Path | None:
    """The file of module ``name`` under ``root``; a folder for a namespace package; else None.

    A package wins over a module of the same name, as in Python's own path finder.
    """
    base = root.joinpath(*name.split("."))
    if (base / "__init__.py").is_file():
        return base / "__init__.py"
    if base.with_name(base.name + ".py").is_file():
        return base.with_name(base.name + ".py")
    if base.is_dir():
        return base
    return None


def _is_type_checking(test: ast.expr) -> bool:
    """``TYPE_CHECKING`` or ``typing.TYPE_CHECKING``."""
    if isinstance(test, ast.Name):
        return test.id == "TYPE_CHECKING"
    return isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"


def _runtime_nodes(tree: ast.Module) -> Iterator[ast.AST]:
    """Every node of ``tree`` that can run: the bodies of ``if TYPE_CHECKING:`` are left out."""
    pending: list[ast.AST] = [tree]
    while pending:
        node = pending.pop()
        yield node
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            pending.extend(node.orelse)
        else:
            pending.extend(ast.iter_child_nodes(node))


def _string_constants(tree: ast.Module) -> dict[str, str]:
    """Module-level names bound to a string literal (``NAME: Final = "a.b"``)."""
    constants: dict[str, str] = {}
    for statement in tree.body:
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target, value = statement.targets[0], statement.value
        elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
            target, value = statement.target, statement.value
        else:
            continue
        if isinstance(target, ast.Name):
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                constants[target.id] = value.value
            else:  # rebound to something else: no longer a known constant
                constants.pop(target.id, None)
    return constants


def _called_name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def _resolve_relative(module: str | None, level: int, package: str) -> str:
    """The absolute name of ``from {'.' * level}{module} import ...`` written in ``package``."""
    parts = package.split(".") if package else []
    if level > len(parts):
        raise ImportError(f"relative import beyond the top-level package in {package or '?'}")
    base = parts[: len(parts) - level + 1]
    return ".".join([*base, module] if module else base)


def imported_names(tree: ast.Module, package: str) -> Iterator[tuple[str, bool]]:
    """The modules a module may import as it runs (of any package), with ``package`` its own.

    Each comes with whether it must exist: ``from a import b`` names ``a``, which must, and
    ``a.b``, which is imported only if it is a submodule (otherwise b is a name defined in a).
    """
    constants = _string_constants(tree)
    for node in _runtime_nodes(tree):
        if isinstance(node, ast.Import):
            yield from ((alias.name, True) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = (
                _resolve_relative(node.module, node.level, package) if node.level else node.module
            )
            if base:
                yield base, True
                yield from ((f"{base}.{a.name}", False) for a in node.names if a.name != "*")
        elif isinstance(node, ast.Call) and _called_name(node) in _IMPORTING_CALLS and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                yield first.value, True
            elif isinstance(first, ast.Name) and first.id in constants:
                yield constants[first.id], True


def _parents_first(name: str) -> Iterator[str]:
    parts = name.split(".")
    for end in range(1, len(parts) + 1):
        yield ".".join(parts[:end])


def reachable_modules(entry: Path, root: Path, packages: Collection[str]) -> dict[str, Path]:
    """Every module of ``packages`` (top-level names under ``root``) that ``entry`` may load.

    Returns module name to file; namespace packages (folders without ``__init__.py``) have no
    file and are left out. A project import that names no module is an error: the function
    would fail when it got there.
    """

    def imports_of(path: Path, name: str) -> Iterator[tuple[str, bool, str]]:
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        tree = ast.parse(path.read_bytes(), filename=str(path))
        for imported, required in imported_names(tree, package):
            if imported.split(".")[0] in packages:
                yield imported, required, name

    found: dict[str, Path] = {}
    folders: set[str] = set()
    pending = list(imports_of(entry, entry.stem))
    while pending:
        wanted, required, importer = pending.pop()
        for name in _parents_first(wanted):
            if name in found or name in folders:
                continue
            path = locate(root, name)
            if path is None:
                if required:
                    raise ModuleNotFoundError(f"{importer} imports {wanted}: no such module")
                break
            if path.is_dir():
                folders.add(name)
            else:
                found[name] = path
                pending.extend(imports_of(path, name))
    return found


def _holding_package(root: Path, path: Path) -> str | None:
    """The package whose folder holds ``path``: the nearest folder up with an ``__init__.py``."""
    parts = path.relative_to(root).parts[:-1]
    for depth in range(len(parts), 0, -1):
        if root.joinpath(*parts[:depth], "__init__.py").is_file():
            return ".".join(parts[:depth])
    return None


def package_data(root: Path, modules: Mapping[str, Path], pyproject: Path) -> set[Path]:
    """The package data files, as pyproject.toml declares them, of the packages in ``modules``.

    A key of ``"*"`` (or ``""``) applies its patterns to every package, as in setuptools.
    """
    with pyproject.open("rb") as handle:
        declared: dict[str, list[str]] = (
            tomllib.load(handle).get("tool", {}).get("setuptools", {}).get("package-data", {})
        )
    shipped = {name for name, path in modules.items() if path.name == "__init__.py"}
    data: set[Path] = set()
    for key, patterns in declared.items():
        for package in sorted(shipped) if key in ("*", "") else [key]:
            if package not in shipped:
                continue
            folder = root.joinpath(*package.split("."))
            for pattern in patterns:
                data.update(
                    path
                    for path in folder.glob(pattern)
                    if path.is_file()
                    and "__pycache__" not in path.parts
                    and _holding_package(root, path) in shipped
                )
    return data


def shipped_files(
    entry: Path, root: Path, packages: Collection[str], pyproject: Path
) -> list[Path]:
    """The files ``entry`` needs from ``packages``, code and package data, relative to ``root``."""
    modules = reachable_modules(entry, root, packages)
    files = set(modules.values()) | package_data(root, modules, pyproject)
    return sorted(path.relative_to(root) for path in files)
