"""Import: ``wins import`` of a million-line export, beside a running ``wins serve``.

The export is written first (ten people, a realistic diary's repeated deeds at different
times). Then ``wins serve`` starts on the data folder, and while ``wins import`` runs in a
process of its own, one client logs a win through the server, one request after another.
Figures: the import's time and peak resident memory (the kernel's high-water mark of the
child's own memory since it started the command, ``VmHWM``; ``wait4``'s figure would include
this process's memory, which a child inherits at fork), and the requests answered meanwhile:
how many, how many were not saved, and how long they waited. Targets: under 100 MB, and every
win answered as saved.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Final

from benchmarks.report import Check, Section, median, ms, p99, table
from benchmarks.serve_process import ServeProcess
from testkit.envelopes import ROOT, envelope, set_speaker
from testkit.exports import write_export

RSS_TARGET_MB: Final = 100.0
PEOPLE: Final = 10
NO_ALEXA_API: Final = "https://127.0.0.1:9"
TALKING: Final = "amzn1.ask.account.TALKINGDURINGIMPORT"
NOT_SAVED: Final = "couldn't save"


class _Talker:
    """Logs a win through the server, one request after another, until told to stop."""

    def __init__(self, server: ServeProcess) -> None:
        self._server = server
        self._stop = threading.Event()
        self.latencies_ms: list[float] = []
        self.not_saved = 0
        self._thread = threading.Thread(target=self._talk, daemon=True)

    def _talk(self) -> None:
        number = 0
        while not self._stop.is_set():
            number += 1
            slots = {"win": f"washed cup {number}"}
            event = envelope("log_win", api_endpoint=NO_ALEXA_API, api_token="-", slots=slots)
            started = time.perf_counter()
            answer = self._server.post(set_speaker(event, TALKING))
            self.latencies_ms.append((time.perf_counter() - started) * 1000)
            said = str(answer.get("response", {}).get("outputSpeech", {}).get("ssml", ""))
            if NOT_SAVED in said or f"washed cup {number}" not in said:
                self.not_saved += 1

    def __enter__(self) -> _Talker:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join(timeout=60)


def _import(data: Path, file: Path) -> tuple[float, float, str]:
    """Seconds, peak RSS in MB, and what the command said."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "skill.cli", "import", "--data-dir", str(data), str(file)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    peak = _Peak(child.pid)
    peak.start()
    _, told = child.communicate()
    peak.join()
    if child.returncode != 0:
        raise RuntimeError(f"wins import failed: {told}")
    return time.perf_counter() - started, peak.mb, told.strip()


class _Peak(threading.Thread):
    """The highest ``VmHWM`` a running process reports, read every few milliseconds."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self._status = Path(f"/proc/{pid}/status")
        self.mb = 0.0

    def run(self) -> None:
        while True:
            try:
                status = self._status.read_text()
            except OSError:
                return
            fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
            if "VmHWM" not in fields:  # exited: a zombie reports no memory
                return
            self.mb = max(self.mb, int(fields["VmHWM"].split()[0]) / 1024)
            time.sleep(0.01)


def run(lines: int) -> Section:
    section = Section(f"Import: {lines:,} lines beside a running wins serve")
    with tempfile.TemporaryDirectory(prefix="wins-bench-import-") as folder:
        data, file = Path(folder) / "data", Path(folder) / "export.jsonl"
        each = lines // PEOPLE
        written = write_export(file, people=PEOPLE, wins_each=each, end=datetime.now(UTC))
        size_mb = file.stat().st_size / 2**20
        server = ServeProcess(data)
        try:
            with _Talker(server) as talker:
                seconds, peak_mb, told = _import(data, file)
        finally:
            server.stop()
    waits = talker.latencies_ms or [0.0]
    section.lines = table(
        ["import", "lines", "file", "time", "peak RSS", "requests", "not saved"]
        + ["wait p50", "p99", "max"],
        [
            [
                "wins import",
                f"{written:,}",
                f"{size_mb:.0f} MB",
                f"{seconds:.1f} s",
                f"{peak_mb:.0f} MB",
                str(len(talker.latencies_ms)),
                str(talker.not_saved),
                ms(median(waits)),
                ms(p99(waits)),
                ms(max(waits)),
            ]
        ],
    )
    section.lines.append(f"  it said: {told.splitlines()[0] if told else '(nothing)'}")
    section.data = {
        "lines": written,
        "file MB": round(size_mb, 1),
        "seconds": round(seconds, 1),
        "peak rss MB": round(peak_mb, 1),
        "requests": len(talker.latencies_ms),
        "not saved": talker.not_saved,
        "request p50 ms": round(median(waits), 1),
        "request p99 ms": round(p99(waits), 1),
        "request max ms": round(max(waits), 1),
    }
    section.checks = [
        Check("import: peak RSS", peak_mb, " MB", RSS_TARGET_MB, strict=True),
        Check("import: requests not saved meanwhile", float(talker.not_saved), "", 0),
    ]
    return section


if __name__ == "__main__":  # python -m benchmarks.importing [LINES]
    measured = run(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
    print(measured.title)
    print("\n".join(measured.lines))
    for check in measured.checks:
        print(f"  {check.name}: {check.value} ({'PASS' if check.passed else 'FAIL'})")
