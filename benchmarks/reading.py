"""The reader's cost: one statement, in the context it was said in, read into clauses.

Every free-text answer the skill hears may be read (``skill.domain.reading``): a bare answer,
a run-on of several wins, words no sample names. Reading includes the care screen of each
clause and of the whole statement, so it costs more than one screen. Statements come from the
reader's table (each in its own context) and the care corpus (said unasked). The reader
compiles its patterns on first use, never at a launch, so a new process's first reading pays
once; that is measured too.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Final

from benchmarks.report import Check, Section, median, ms, p99, table
from benchmarks.screen import first_statement
from benchmarks.screen import statements as corpus_statements

ROOT: Final = Path(__file__).resolve().parent.parent
TABLE: Final = ROOT / "tests" / "domain" / "reading_table.tsv"
MEDIAN_LIMIT_MS: Final = 1.0
_FIRST: Final = """
import json, time
started = time.perf_counter()
from skill.domain.reading import Context, read
imported = time.perf_counter()
read("i guess i showered and fed the cat", Context.DID)
done = time.perf_counter()
print(json.dumps({"import_ms": (imported - started) * 1000, "first_ms": (done - imported) * 1000}))
"""


def said_in_context() -> list[tuple[str, str]]:
    """(context, statement) pairs: the reader's table, then the care corpus said unasked."""
    pairs = []
    for line in TABLE.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            context, said, *_ = line.split("\t")
            pairs.append((context, said))
    return pairs + [("one-shot", statement) for statement in corpus_statements()]


def run(rounds: int, runs: int) -> Section:
    from skill.domain.reading import Context, read

    pairs = [(Context(context), said) for context, said in said_in_context()]
    read(pairs[0][1], pairs[0][0])  # compiled once, as in a warm container
    times = []
    for _ in range(rounds):
        for context, said in pairs:
            started = time.perf_counter()
            read(said, context)
            times.append((time.perf_counter() - started) * 1000)
    imports, firsts = first_statement(runs, _FIRST)
    section = Section("Reader")
    rows = [
        ["per statement (warm)", ms(median(times)), ms(p99(times)), f"{len(times)} readings"],
        ["import in a new process", ms(median(imports)), ms(max(imports)), f"{runs} processes"],
        ["first reading (compiles)", ms(median(firsts)), ms(max(firsts)), ""],
    ]
    section.lines = table(["", "median", "p99 / max", "samples"], rows)
    section.lines.append(
        "  The skill imports the reader on first use: a launch and a plain win never pay for it."
    )
    section.data = {
        "per_statement_median_ms": median(times),
        "per_statement_p99_ms": p99(times),
        "import_median_ms": median(imports),
        "first_reading_median_ms": median(firsts),
    }
    section.checks = [
        Check("reading per statement, median", median(times), " ms", MEDIAN_LIMIT_MS, True),
    ]
    return section
