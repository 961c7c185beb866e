"""The statement screen's cost: per statement, and the first statement in a new process.

Every statement the skill hears is screened before anything is stored, so the screen sits on
the hot path of logging a win, setting a goal or a one thing, and hearing a win back. Its rules
are compiled on first use (a launch never pays for them; a snapshot compiles them ahead), so a
new process's first statement pays once. Statements come from the project's care corpus.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Final

from benchmarks.report import Check, Section, median, ms, p99, table
from skill.domain.screen import screen

ROOT: Final = Path(__file__).resolve().parent.parent
CORPUS: Final = ROOT / "tests" / "care" / "corpus.tsv"
PER_STATEMENT_LIMIT_MS: Final = 1.0
_FIRST: Final = """
import json, time
started = time.perf_counter()
from skill.domain.screen import screen
imported = time.perf_counter()
screen("i did the laundry")
done = time.perf_counter()
print(json.dumps({"import_ms": (imported - started) * 1000, "first_ms": (done - imported) * 1000}))
"""


def statements() -> list[str]:
    """The corpus's statements: the second of three columns, or the third of four."""
    lines = CORPUS.read_text("utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]
    return [row[-2] for row in rows]


def first_statement(runs: int, code: str = _FIRST) -> tuple[list[float], list[float]]:
    """Import and first-use times (ms) in fresh processes: ``code`` prints both as JSON."""
    imports, firsts = [], []
    for _ in range(runs):
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
        )
        figures = json.loads(result.stdout)
        imports.append(figures["import_ms"])
        firsts.append(figures["first_ms"])
    return imports, firsts


def run(rounds: int, runs: int) -> Section:
    said = statements()
    screen(said[0])  # compiled once, as in a warm container
    times = []
    for _ in range(rounds):
        for text in said:
            started = time.perf_counter()
            screen(text)
            times.append((time.perf_counter() - started) * 1000)
    imports, firsts = first_statement(runs)
    section = Section("Statement screen")
    rows = [
        ["per statement (warm)", ms(median(times)), ms(p99(times)), f"{len(times)} statements"],
        ["import in a new process", ms(median(imports)), ms(max(imports)), f"{runs} processes"],
        ["first statement (compiles rules)", ms(median(firsts)), ms(max(firsts)), ""],
    ]
    section.lines = table(["", "median", "p99 / max", "samples"], rows)
    section.lines.append(
        "  A launch never compiles the rules; under SnapStart the snapshot does (skill/warmup.py)."
    )
    section.data = {
        "per_statement_median_ms": median(times),
        "per_statement_p99_ms": p99(times),
        "import_median_ms": median(imports),
        "first_statement_median_ms": median(firsts),
    }
    section.checks = [
        Check("screen per statement, median", median(times), " ms", PER_STATEMENT_LIMIT_MS, True),
        Check("screen per statement, p99", p99(times), " ms", PER_STATEMENT_LIMIT_MS, True),
    ]
    return section
