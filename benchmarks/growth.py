"""Growth: logging and hearing a win as a person's wins go from 10 to 100,000.

One person per size, each with their wins written straight into the table, shaped as the store
writes them; requests go round the people in turn, so a slow moment on the machine falls on
every size alike. What must not grow: the number of DynamoDB calls, the items DynamoDB reads for
them, and the time the skill spends outside DynamoDB. moto's own time is shown but is no model
of DynamoDB's: moto answers a Query by sorting the whole partition in Python, where DynamoDB
reads just the items asked for (here, ``Limit`` 2).

moto runs in a process of its own (``benchmarks.dynamodb_server``), as DynamoDB runs apart from
a Lambda function: in this process, its sorting of 100,000 items would push the skill's code
and data out of the CPU caches and slow the skill's next steps, which says nothing about the
skill.
"""

from __future__ import annotations

import functools
import sys
import time
from collections.abc import Callable, Sequence
from types import FrameType
from typing import Any, Final

from benchmarks.aws import WIN_TEXT, dynamodb_process, seed_wins
from benchmarks.harness import Harness, in_process_skill, speech
from benchmarks.meter import Sample
from benchmarks.report import Check, Section, median, ms, ratio, table
from skill.storage.records import Person
from testkit.envelopes import set_speaker

TARGET: Final = 1.1
WARM_UP: Final = 3
FLOWS: Final = {"log a win": "log_win", "hear a win": "hear_win"}


def person_with(wins: int) -> Person:
    return Person.of_account(f"amzn1.ask.account.GROWTH{wins}")


def _measure(
    harness: Harness, levels: Sequence[int], samples: int
) -> dict[int, dict[str, list[Sample]]]:
    measured: dict[int, dict[str, list[Sample]]] = {lv: {n: [] for n in FLOWS} for lv in levels}
    for number in range(WARM_UP + samples):
        for level in levels:
            for name, request in FLOWS.items():
                sample, response = harness.send(_event(harness, level, request))
                if "you" not in speech(response).lower():
                    raise RuntimeError(f"{name}: unexpected answer {speech(response)!r}")
                if number >= WARM_UP:
                    measured[level][name].append(sample)
    return measured


def _event(harness: Harness, level: int, request: str) -> dict[str, Any]:
    slots = {"win": WIN_TEXT} if request == "log_win" else None
    return set_speaker(harness.request(request, slots=slots), person_with(level).account)


def _python_calls(call: Callable[[], object]) -> int:
    """How many Python functions ``call`` runs in this process (DynamoDB's are in moto's own
    process): the same count at every size means the same work, whatever the machine's noise."""
    count = 0

    def seen(_frame: FrameType, event: str, _arg: object) -> None:
        nonlocal count
        if event == "call":
            count += 1

    sys.setprofile(seen)
    try:
        call()
    finally:
        sys.setprofile(None)
    return count


def _work(harness: Harness, levels: Sequence[int]) -> dict[int, dict[str, int]]:
    """Python calls per request, after the timed ones (counting slows every call down): the
    fewest of three, so a one-off (a cache filled, a module imported) is not counted."""
    work: dict[int, dict[str, int]] = {level: {} for level in levels}
    for level in levels:
        for name, request in FLOWS.items():
            events = [_event(harness, level, request) for _ in range(3)]
            work[level][name] = min(
                _python_calls(functools.partial(harness.handler, event, None)) for event in events
            )
    return work


def _summary(samples: list[Sample]) -> dict[str, float]:
    return {
        "calls": max(len(s.operations) for s in samples),
        "items_read": max(s.items_read for s in samples),
        "median_ms": median([s.total_ms for s in samples]),
        "dynamodb_median_ms": median([s.dynamodb_ms for s in samples]),
        "own_median_ms": median([s.own_ms for s in samples]),
    }


def run(levels: Sequence[int], samples: int) -> Section:
    seeding: dict[int, float] = {}
    with dynamodb_process() as endpoint, in_process_skill(endpoint) as harness:
        for level in levels:
            started = time.perf_counter()
            seed_wins(harness.client, person_with(level), 1, level)
            seeding[level] = time.perf_counter() - started
        measured = _measure(harness, levels, samples)
        work = _work(harness, levels)
    results = {lv: {name: _summary(s) for name, s in by.items()} for lv, by in measured.items()}

    first, last = levels[0], levels[-1]
    rows = [
        [
            f"{level:,} wins, {name}",
            f"{got['calls']:g}",
            f"{got['items_read']:g}",
            ms(got["own_median_ms"]),
            ratio(got["own_median_ms"] / results[first][name]["own_median_ms"]),
            ms(got["median_ms"]),
            ms(got["dynamodb_median_ms"]),
            f"{work[level][name]:,}",
        ]
        for level in levels
        for name, got in results[level].items()
    ]
    section = Section(
        f"Growth: {samples} requests of each per size, one person per size (moto on loopback)"
    )
    headers = ["", "calls", "items read", "own code", "vs first", "total (moto)", "in moto"]
    headers.append("Python calls")
    section.lines = table(headers, rows)
    section.lines.append(
        "  seeding: " + ", ".join(f"{lv:,} wins {seeding[lv]:.1f} s" for lv in levels)
    )
    section.lines.append(
        "  (sizes at the start; each request logged adds one. moto sorts the whole partition "
        "for a Query, DynamoDB reads only the items asked for: calls, items read and own code "
        "are judged)"
    )
    section.lines.append(
        "  Python calls: the functions one request runs in the skill's process (the SDK, the "
        "skill, botocore), counted apart from the timed requests; the same at every size means "
        "the skill does the same work, whatever the time says on a busy machine"
    )
    section.data = {
        "levels": list(levels),
        "results": results,
        "python_calls": work,
        "seeding_s": seeding,
    }

    def worst(key: str) -> float:
        return max(results[last][n][key] / results[first][n][key] for n in FLOWS)

    section.checks = [
        Check(f"growth: DynamoDB calls, {last:,} vs {first} wins", worst("calls"), "x", TARGET),
        Check(f"growth: items read, {last:,} vs {first} wins", worst("items_read"), "x", TARGET),
        *(
            Check(
                f"growth: median own-code time, {name}, {last:,} vs {first} wins",
                results[last][name]["own_median_ms"] / results[first][name]["own_median_ms"],
                "x",
                TARGET,
            )
            for name in FLOWS
        ),
    ]
    return section
