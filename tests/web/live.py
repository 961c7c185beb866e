"""The real ``wins serve`` in a child process (``testkit.serve_harness``), and plain HTTP
clients to talk to it."""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


class Server:
    """``wins serve`` in a child process; its standard error read line by line."""

    def __init__(self, trust_dir: Path, *options: str, env: dict[str, str] | None = None) -> None:
        self.lines: queue.Queue[str] = queue.Queue()
        self.log: list[str] = []
        self.process = subprocess.Popen(
            [sys.executable, "-m", "testkit.serve_harness", str(trust_dir), "--", *options],
            cwd=ROOT,
            env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.put(line)

    def wait_for(self, text: str, timeout: float = 60) -> str:
        while True:
            try:
                line = self.lines.get(timeout=timeout)
            except queue.Empty:
                raise AssertionError(f"never saw {text!r}; log so far: {self.log}") from None
            self.log.append(line)
            if text in line:
                return line

    def drain(self) -> list[str]:
        """Standard error written so far, appended to ``log``; returns the new lines."""
        new = []
        while not self.lines.empty():
            new.append(self.lines.get())
        self.log.extend(new)
        return new

    def stop(self) -> int:
        """Ctrl-C, then the exit status; the rest of standard error goes to ``log``."""
        self.process.send_signal(signal.SIGINT)
        try:
            return self.process.wait(timeout=30)
        finally:
            self.process.kill()  # a no-op unless it failed to stop
            self.process.wait()
            self._reader.join(timeout=10)
            assert self.process.stderr is not None
            self.process.stderr.close()
            while not self.lines.empty():
                self.log.append(self.lines.get())


def post(url: str, body: bytes, headers: dict[str, str]) -> tuple[int, Any]:
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        with error:
            return error.code, json.load(error)


def started(server: Server) -> tuple[str, int]:
    """The base URL and port once the server says it listens."""
    line = server.wait_for("listening on http://127.0.0.1:")
    base = line.split("listening on ")[1].strip().rstrip("/")
    return base, int(base.rsplit(":", 1)[1])
