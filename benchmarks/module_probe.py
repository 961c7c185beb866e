"""What a Lambda entry loads and defines at start, as a fresh process sees it.

    python benchmarks/module_probe.py ENTRY_FILE

Imports ENTRY_FILE (its folder first on ``sys.path``, as the Lambda runtime does) and prints, as
JSON: ``modules``, the names in ``sys.modules`` that were not there when this script began (the
interpreter's own start-up modules are left out); ``dataclasses``, the project's dataclasses
(``module.Class``); and ``postponed``, the project's NamedTuples whose annotations were strings,
each compiled into a forward reference when the class was made. Both cost a cold start.
"""

from __future__ import annotations

import sys

BEFORE = set(sys.modules)

import importlib  # noqa: E402 - the list of modules is taken first
import json  # noqa: E402
import typing  # noqa: E402
from pathlib import Path  # noqa: E402

PROJECT = ("app", "skill")


def _project_classes() -> list[tuple[str, type]]:
    return [
        (f"{name}.{attr}", value)
        for name, module in list(sys.modules.items())
        if name.split(".")[0] in PROJECT
        for attr, value in vars(module).items()
        if isinstance(value, type) and value.__module__ == name
    ]


def _postponed(cls: type) -> bool:
    annotations = vars(cls).get("__annotations__", {})
    is_record = issubclass(cls, tuple) and hasattr(cls, "_fields")
    return is_record and any(isinstance(a, str | typing.ForwardRef) for a in annotations.values())


def probe(entry: Path) -> dict[str, list[str]]:
    sys.path.insert(0, str(entry.parent))
    importlib.import_module(entry.stem)
    modules = sorted(set(sys.modules) - BEFORE)
    made = sys.modules.get("dataclasses")  # not loaded at all: there are none
    classes = _project_classes()
    return {
        "modules": modules,
        "dataclasses": sorted(n for n, c in classes if made and made.is_dataclass(c)),
        "postponed": sorted(n for n, c in classes if _postponed(c)),
    }


if __name__ == "__main__":
    print(json.dumps(probe(Path(sys.argv[1]))))
