"""List the modules a Lambda entry imports at start, as a fresh process sees them.

    python benchmarks/module_probe.py ENTRY_FILE

Prints, as JSON, the names in ``sys.modules`` after importing ENTRY_FILE that were not there
when this script began (the interpreter's own start-up modules are left out).
"""

from __future__ import annotations

import sys

BEFORE = set(sys.modules)

import importlib  # noqa: E402 - the list of modules is taken first
import json  # noqa: E402
from pathlib import Path  # noqa: E402

if __name__ == "__main__":
    entry = Path(sys.argv[1])
    sys.path.insert(0, str(entry.parent))
    importlib.import_module(entry.stem)
    print(json.dumps(sorted(set(sys.modules) - BEFORE)))
