"""A running ``wins serve`` keeps answering, and keeps saving, while a large export is imported
into its data folder: real processes, the server and the import side by side.

The import writes in steps with the write lock free between them, so a request waits for one
step at most, never for the whole file (which once stalled the server into "couldn't save").
Bounded: one import, one client logging a win at a time until it ends, a 30-second timeout on
each request. Memory and time for a million lines are the benchmark's (``scripts/dev bench``).
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from testkit.exports import write_export
from tests.conftest import ROOT, load_request, real_now, saved_win_texts

pytestmark = pytest.mark.slow  # starts processes

WINS = 600_000  # one person: one step too many for the server to wait, were it one transaction
NO_ALEXA_API = "https://127.0.0.1:9"
USER = "amzn1.ask.account.TALKING"


def serve(data: Path) -> tuple[subprocess.Popen[str], threading.Thread, str]:
    server = subprocess.Popen(
        [sys.executable, "-m", "skill.cli", "serve", "--insecure-skip-verification"]
        + ["--port", "0", "--data-dir", str(data)],
        cwd=ROOT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()

    def read() -> None:
        for line in server.stderr or []:
            lines.put(line)

    reader = threading.Thread(target=read)
    reader.start()
    while True:
        line = lines.get(timeout=60)
        if "listening on http://" in line:
            return server, reader, line.split("listening on ")[1].strip()


def log(url: str, number: int) -> str:
    envelope: dict[str, Any] = load_request("log_win")
    envelope["request"]["intent"]["slots"]["win"]["value"] = f"washed cup {number}"
    envelope["request"]["timestamp"] = real_now().strftime("%Y-%m-%dT%H:%M:%SZ")
    envelope["context"]["System"]["apiEndpoint"] = NO_ALEXA_API
    for part in (envelope["session"]["user"], envelope["context"]["System"]["user"]):
        part["userId"] = USER
    request = urllib.request.Request(
        url, data=json.dumps(envelope).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        answer = json.load(response)
    return str(answer["response"]["outputSpeech"]["ssml"])


def test_a_running_server_keeps_saving_while_a_large_export_is_imported(tmp_path: Path) -> None:
    data, file = tmp_path / "data", tmp_path / "big.jsonl"
    write_export(file, people=1, wins_each=WINS, end=real_now())
    server, reader, url = serve(data)
    answers: list[str] = []
    try:
        log(url, 0)  # the folder is open and the server warm before the import starts
        importing = subprocess.Popen(
            [sys.executable, "-m", "skill.cli", "import", "--data-dir", str(data), str(file)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        while importing.poll() is None:
            answers.append(log(url, len(answers) + 1))
        told = importing.communicate()[1]
    finally:
        server.terminate()
        server.wait(timeout=30)
        reader.join(timeout=30)
        assert server.stderr is not None
        server.stderr.close()

    assert importing.returncode == 0, told
    assert f"Imported {WINS} wins of 1 people" in told
    assert len(answers) >= 10  # the import took a while, and the server answered throughout
    unsaved = [n for n, said in enumerate(answers, 1) if f"washed cup {n}" not in said]
    assert unsaved == [], answers[unsaved[0] - 1] if unsaved else ""
    saved = saved_win_texts(data)
    assert len(saved) == WINS + 1 + len(answers)
