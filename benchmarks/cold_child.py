"""One cold start, run as a fresh process: import a Lambda entry, answer its first request.

    python benchmarks/cold_child.py ENTRY_FILE EVENT_FILE

Imports ENTRY_FILE as the Lambda runtime does (its folder first on ``sys.path``, then
``import app``), calls ``app.handler`` with the event, and prints the times in milliseconds
as JSON, on one line, as soon as the handler has answered. Only the standard library is
imported before the entry, so the entry pays for all of its own imports.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import importlib  # noqa: E402 - the clock starts first
import json  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402


def main(entry: Path, event_file: Path) -> dict[str, float]:
    event = json.loads(event_file.read_text(encoding="utf-8"))
    sys.path.insert(0, str(entry.parent))
    began = time.perf_counter()
    module = importlib.import_module(entry.stem)
    imported = time.perf_counter()
    response = module.handler(event, None)
    answered = time.perf_counter()
    if "outputSpeech" not in response.get("response", {}):
        raise SystemExit(f"the first request was not answered: {response}")
    return {
        "import_ms": (imported - began) * 1000,
        "first_request_ms": (answered - imported) * 1000,
        "in_process_ms": (answered - STARTED) * 1000,
    }


if __name__ == "__main__":
    # Flushed at once: the parent takes the line's arrival as the moment the launch was answered.
    print(json.dumps(main(Path(sys.argv[1]), Path(sys.argv[2]))), flush=True)
