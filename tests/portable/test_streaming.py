"""Memory flat in the file's length: an export three times as long needs no more to import.

The figures for a million lines (and a server answering meanwhile) are the benchmark's
(``scripts/dev bench``, its "import" part); this holds the shape with generous margins.
"""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from skill.domain.screen import screen
from testkit.exports import write_export
from tests.conftest import pinned_now, saved_win_texts
from tests.portable.files import run

# Tens of thousands of lines under tracemalloc take a while: in the full run, not the fast lane.
pytestmark = pytest.mark.slow

PEAK_LIMIT_MB = 16.0
# Past the first step (10,000 rows held before each write), more lines need no more memory.
GROWTH_LIMIT = 1.25


def peak_mb(tmp_path: Path, lines: int) -> float:
    """Python's peak memory while importing an export of about ``lines`` lines."""
    file = tmp_path / f"{lines}.jsonl"
    write_export(file, people=4, wins_each=lines // 4, end=pinned_now())
    data = tmp_path / f"data-{lines}"
    tracemalloc.start()
    try:
        assert run("import", "--data-dir", str(data), str(file)) == 0
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(saved_win_texts(data)) == lines // 4 * 4
    return peak / 2**20


def test_importing_three_times_the_lines_takes_no_more_memory(tmp_path: Path) -> None:
    screen("did the laundry")  # the screen's rules and dictionary load once, whatever the file
    short = peak_mb(tmp_path, 12_000)
    long = peak_mb(tmp_path, 36_000)
    print(f"peak while importing: {short:.1f} MB for 12,000 lines, {long:.1f} MB for 36,000")

    assert long < PEAK_LIMIT_MB
    assert long < short * GROWTH_LIMIT, (short, long)
