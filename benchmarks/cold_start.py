"""Cold starts: a fresh interpreter imports a Lambda entry and answers its first launch.

The skill's entry (``lambda/app.py``) and an ASK SDK hello world (``hello_world/app.py``) run
in turn against the same loopback DynamoDB (moto's server, in a process of its own), so the
ratio compares like with like on this machine. Both may cache compiled bytecode, as a deployed
function ships it.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Final

import boto3

from benchmarks.aws import (
    ACCOUNT,
    TABLE,
    child_environment,
    create_table,
    dynamodb_process,
    fake_aws,
)
from benchmarks.aws import profile_item as profile
from benchmarks.report import Check, Section, median, ms, ratio, table
from skill.storage.records import Person
from testkit.envelopes import ROOT, envelope

HERE: Final = Path(__file__).resolve().parent
CHILD: Final = HERE / "cold_child.py"
ENTRIES: Final = {
    "skill": ROOT / "lambda" / "app.py",
    "hello world": HERE / "hello_world" / "app.py",
}
TARGET: Final = 1.15
# A closed loopback port: the launch needs no Alexa API (the person's zone is cached), and if
# it ever did, nothing would leave the machine.
UNUSED_API: Final = "https://127.0.0.1:9"


def _one_run(entry: Path, event_file: Path, env: dict[str, str]) -> dict[str, float]:
    """One fresh process; times in milliseconds on this process's clock and on the child's.

    The child prints its line as soon as the launch is answered, so the time that line arrives
    is the start-up a person waits for; the interpreter's exit comes after it.
    """
    started = time.perf_counter()
    with subprocess.Popen(
        [sys.executable, str(CHILD), str(entry), str(event_file)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as child:
        assert child.stdout is not None
        line = child.stdout.readline()
        answered_ms = (time.perf_counter() - started) * 1000
        _, errors = child.communicate()
    exited_ms = (time.perf_counter() - started) * 1000
    if child.returncode != 0 or not line.strip():
        raise RuntimeError(f"{entry.name} failed to start:\n{errors}")
    timings: dict[str, float] = json.loads(line)
    return {"answered_ms": answered_ms, "exited_ms": exited_ms, **timings}


def _one_shots(runs: int, event_file: Path, env: dict[str, str]) -> list[dict[str, float]]:
    """The skill's cold one-shot win ("tell small wins I did the laundry"): its first statement
    reads the screen's rules, the lexicon and the lemmatiser's dictionary, which a launch never
    pays for (under SnapStart the snapshot has them already)."""
    _one_run(ENTRIES["skill"], event_file, env)  # unmeasured, as above
    return [_one_run(ENTRIES["skill"], event_file, env) for _ in range(runs)]


def _measure(runs: int, event_file: Path, env: dict[str, str]) -> dict[str, list[dict[str, float]]]:
    for entry in ENTRIES.values():  # unmeasured: bytecode compiled and cached, files in RAM
        _one_run(entry, event_file, env)
    measured: dict[str, list[dict[str, float]]] = {name: [] for name in ENTRIES}
    for _ in range(runs):  # alternating, so drift on the machine falls on both alike
        for name, entry in ENTRIES.items():
            measured[name].append(_one_run(entry, event_file, env))
    return measured


def run(runs: int) -> Section:
    with fake_aws(), dynamodb_process() as endpoint, tempfile.TemporaryDirectory() as scratch:
        client: Any = boto3.client("dynamodb", endpoint_url=endpoint)
        create_table(client)
        client.put_item(TableName=TABLE, Item=profile(Person.of_account(ACCOUNT), 3))
        event_file = Path(scratch) / "launch.json"
        event = envelope("launch", api_endpoint=UNUSED_API, api_token="unused")
        event_file.write_text(json.dumps(event), encoding="utf-8")
        env = child_environment(endpoint, str(Path(scratch) / "bytecode"))
        measured = _measure(runs, event_file, env)
        win_file = Path(scratch) / "log_win.json"
        win = envelope(
            "log_win", api_endpoint=UNUSED_API, api_token="unused", slots={"win": "did the laundry"}
        )
        win_file.write_text(json.dumps(win), encoding="utf-8")
        one_shots = _one_shots(runs, win_file, env)

    medians = {
        name: {key: median([r[key] for r in results]) for key in results[0]}
        for name, results in measured.items()
    }
    skill, hello = medians["skill"], medians["hello world"]
    answered_ratio = skill["answered_ms"] / hello["answered_ms"]
    inside_ratio = skill["in_process_ms"] / hello["in_process_ms"]
    rows = [
        [label, ms(skill[key]), ms(hello[key]), ratio(skill[key] / hello[key])]
        for label, key in (
            ("start to first answer (parent's clock)", "answered_ms"),
            ("  import + first request (child's clock)", "in_process_ms"),
            ("    import", "import_ms"),
            ("    first request (LaunchRequest)", "first_request_ms"),
            ("start to exit (not judged)", "exited_ms"),
        )
    ]
    shot = {key: median([r[key] for r in one_shots]) for key in one_shots[0]}
    rows += [
        ["one-shot win, cold (parent's clock)", ms(shot["answered_ms"]), "", ""],
        ["    first request (LogWinIntent)", ms(shot["first_request_ms"]), "", ""],
    ]
    section = Section(f"Cold start: median of {runs} fresh processes each, skill vs hello world")
    section.lines = table(["", "skill", "hello world", "ratio"], rows)
    section.lines.append(
        "  Judged from starting the process to the launch's answer: the start-up a person waits "
        "for, the interpreter's own start included. The interpreter's exit comes after the "
        "answer; a Lambda never waits for it, so it is shown but not judged."
    )
    section.data = {
        "runs": runs,
        "medians": medians,
        "in_process_ratio": inside_ratio,
        "one_shot_medians": shot,
        "samples": measured,
    }
    section.checks = [
        Check("cold start vs hello world (start to first answer)", answered_ratio, "x", TARGET)
    ]
    return section
