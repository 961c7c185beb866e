"""The real ``wins serve`` in a child process on loopback, for the self-hosted benchmark."""

from __future__ import annotations

import http.client
import json
import os
import queue
import subprocess
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

from testkit.envelopes import ROOT

_LISTENING: Final = "listening on http://127.0.0.1:"
_START_SECONDS: Final = 60.0


class ServeProcess:
    """``wins serve`` over one data folder; one keep-alive HTTP connection to it.

    ``command`` replaces ``skill.cli serve --insecure-skip-verification`` (the module to run
    and its options before ``--port`` and ``--data-dir``), e.g. ``testkit.serve_harness``.
    """

    def __init__(self, data_dir: Path, command: Sequence[str] | None = None) -> None:
        self._lines: queue.Queue[str] = queue.Queue()
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                # The request checks (signature, certificate chain) cost the same at any size
                # and need Amazon's certificates; the benchmark measures the skill and its store.
                *(command or ("skill.cli", "serve", "--insecure-skip-verification")),
                "--port",
                "0",
                "--data-dir",
                str(data_dir),
            ],
            cwd=ROOT,
            env={**os.environ, "PYTHONUNBUFFERED": "1", "LOG_LEVEL": "INFO"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        threading.Thread(target=self._read, daemon=True).start()
        self.port = self._wait_for_port()
        self._connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self._lines.put(line)

    def _wait_for_port(self) -> int:
        seen: list[str] = []
        while True:
            try:
                line = self._lines.get(timeout=_START_SECONDS)
            except queue.Empty:
                self.stop()
                raise RuntimeError(f"wins serve did not start: {''.join(seen)}") from None
            seen.append(line)
            if _LISTENING in line:
                return int(line.split(_LISTENING)[1].split("/")[0])

    def post(self, event: dict[str, Any]) -> dict[str, Any]:
        """One request over the kept-alive connection; the parsed answer."""
        body = json.dumps(event).encode()
        self._connection.request(
            "POST", "/", body=body, headers={"Content-Type": "application/json"}
        )
        response = self._connection.getresponse()
        payload = response.read()
        if response.status != 200:
            raise RuntimeError(f"wins serve answered {response.status}: {payload[:200]!r}")
        answer: dict[str, Any] = json.loads(payload)
        return answer

    def rss_mb(self) -> tuple[float, float]:
        """The server's resident memory now and at its peak, in MB (Linux ``/proc``)."""
        fields = {}
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            name, _, value = line.partition(":")
            fields[name] = value.strip()
        return _kb(fields["VmRSS"]) / 1024, _kb(fields["VmHWM"]) / 1024

    def stop(self) -> None:
        self._connection.close() if hasattr(self, "_connection") else None
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _kb(value: str) -> float:
    return float(value.split()[0])
