"""Warm requests: each intent's latency, where the time goes, and its DynamoDB calls.

The skill runs in this process as in a warm Lambda container, over moto, with Alexa's APIs
answered by the console's stand-in over HTTPS on loopback. Every round sends each flow once, in
turn, so that a slow moment on the machine falls on all intents alike.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final

from benchmarks.harness import Harness, in_process_skill, speech
from benchmarks.meter import Sample
from benchmarks.report import Check, Section, median, ms, p99, table
from skill.alexa.api import REMINDERS_SCOPE, TIMERS_SCOPE

OWN_TIME_TARGET: Final = 5.0  # ms outside DynamoDB and Alexa's APIs, median, per intent
CALL_TARGETS: Final = {"launch": 1, "log a win": 2, "hear a win": 2}
WARM_UP_ROUNDS: Final = 3


@dataclass(frozen=True)
class Flow:
    """One intent: how to build its request, and words its answer must hold (or it failed)."""

    name: str
    build: Callable[[Harness], dict[str, Any]]
    expect: str
    measured: bool = True


FLOWS: Final = (
    Flow("launch", lambda h: h.request("launch"), "<speak>"),
    Flow("log a win", lambda h: h.request("log_win", slots={"win": "did the laundry"}), "laundry"),
    Flow("hear a win", lambda h: h.request("hear_win"), "did"),
    Flow("help", lambda h: h.request("help"), "<speak>"),
    Flow(
        "set a goal",
        lambda h: h.request("set_goal", slots={"goal": "clear my desk"}, scopes=(TIMERS_SCOPE,)),
        "One minute: clear your desk",
    ),
    Flow("goal done", lambda h: h.request("goal_done"), "clear your desk"),
    Flow(
        "set one thing",
        lambda h: h.request("set_one_thing", slots={"thing": "call my bank"}),
        "call your bank",
    ),
    Flow("read one thing", lambda h: h.request("read_one_thing"), "call your bank"),
    Flow(
        "morning reminder",
        lambda h: h.request("set_reminder", scopes=(REMINDERS_SCOPE,)),
        "every day",
    ),
    # Not measured: it only clears the reminder, so that each round sets a fresh one.
    Flow(
        "stop reminder",
        lambda h: h.request("stop_reminder", scopes=(REMINDERS_SCOPE,)),
        "<speak>",
        measured=False,
    ),
)


def _send(harness: Harness, flow: Flow) -> Sample:
    sample, response = harness.send(flow.build(harness))
    if flow.expect not in speech(response):
        raise RuntimeError(f"{flow.name}: unexpected answer {speech(response)!r}")
    return sample


def _calls(samples: list[Sample]) -> str:
    """The usual sequence of DynamoDB operations, e.g. "GetItem + TransactWriteItems"."""
    usual, _ = Counter(tuple(s.operations) for s in samples).most_common(1)[0]
    return " + ".join(usual) if usual else "none"


def _row(name: str, samples: list[Sample]) -> list[str]:
    totals = [s.total_ms for s in samples]
    outside = sum(s.total_ms - s.dynamodb_ms for s in samples) / sum(totals)
    return [
        name,
        ms(median(totals)),
        ms(p99(totals)),
        ms(median([s.dynamodb_ms for s in samples])),
        ms(median([s.alexa_api_ms for s in samples])),
        ms(median([s.own_ms for s in samples])),
        f"{outside:.0%}",
        str(max(len(s.operations) for s in samples)),
        _calls(samples),
    ]


def run(rounds: int) -> Section:
    measured: dict[str, list[Sample]] = {f.name: [] for f in FLOWS if f.measured}
    with in_process_skill() as harness:
        for _ in range(3):  # a person who has logged wins before, so their time zone is known
            _send(harness, FLOWS[1])
        for round_number in range(WARM_UP_ROUNDS + rounds):
            for flow in FLOWS:
                sample = _send(harness, flow)
                if flow.measured and round_number >= WARM_UP_ROUNDS:
                    measured[flow.name].append(sample)

    headers = ["intent", "median", "p99", "DynamoDB", "Alexa API", "own code"]
    headers += ["outside DynamoDB", "calls", "DynamoDB operations"]
    section = Section(f"Warm requests: {rounds} of each, in-process (moto; Alexa on loopback)")
    section.lines = table(headers, [_row(name, samples) for name, samples in measured.items()])
    section.lines.append(
        "  (own code = total - DynamoDB - Alexa API: the skill, the ASK SDK and botocore's "
        "client side; medians)"
    )
    section.data = {
        name: {
            "median_ms": median([s.total_ms for s in samples]),
            "p99_ms": p99([s.total_ms for s in samples]),
            "dynamodb_median_ms": median([s.dynamodb_ms for s in samples]),
            "alexa_api_median_ms": median([s.alexa_api_ms for s in samples]),
            "own_median_ms": median([s.own_ms for s in samples]),
            "max_calls": max(len(s.operations) for s in samples),
            "operations": _calls(samples),
        }
        for name, samples in measured.items()
    }
    slowest = max(measured, key=lambda name: section.data[name]["own_median_ms"])
    section.checks = [
        Check(
            f"warm: median own-code time, slowest intent ({slowest})",
            section.data[slowest]["own_median_ms"],
            " ms",
            OWN_TIME_TARGET,
            strict=True,
        ),
        *(
            Check(f"warm: DynamoDB calls, {name}", section.data[name]["max_calls"], "", limit)
            for name, limit in CALL_TARGETS.items()
        ),
    ]
    return section
