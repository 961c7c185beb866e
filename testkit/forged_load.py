"""Forged requests against a running ``wins serve``, and how its other answers hold up.

A forger sends ``rate`` requests a second, each right in every way that can be checked without
Alexa's certificate: a fresh timestamp, the skill's ID, a new certificate URL under Amazon's
path, and base64 bytes of an RSA signature's length. It runs in a process of its own, as a
forger runs on a machine of its own, so its work never slows the timing here. Every forged
request has its own connection and gives up after ``TIMEOUT`` seconds.

Meanwhile ``GET /health`` and Alexa's own signed requests are timed one after another, as they
are beforehand with no forger ("idle"), so the two can be compared. Each timed request gives up
after ``TIMEOUT`` seconds too, which keeps a run bounded whatever the server does.

``python -m testkit.forged_load PORT RATE SECONDS`` is the forger: it prints what it saw as
JSON when it is done.
"""

from __future__ import annotations

import http.client
import json
import random
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Final

from testkit.alexa_signing import forged_headers
from testkit.envelopes import ROOT, envelope

TIMEOUT: Final = 15.0
# Forged requests in flight at once, at most: enough for 30 a second to wait 2 s each.
SENDERS: Final = 96
# Nothing listens here: a forged request never gets far enough to call Alexa's APIs.
NO_ALEXA_API: Final = "https://127.0.0.1:9"

# A request to time: its body and headers, made afresh each time (new IDs, fresh timestamps).
Request = Callable[[], tuple[bytes, dict[str, str]]]


@dataclass
class Phase:
    """Latencies (seconds) of ``/health`` and of signed requests, one after another."""

    health: list[float] = field(default_factory=list)
    signed: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)  # anything but a 200

    @property
    def health_p50(self) -> float:
        return median(self.health)

    @property
    def signed_p50(self) -> float:
        return median(self.signed)


@dataclass
class ForgedLoad:
    """What a run saw: idle, under forged requests, and the forged requests' own answers."""

    idle: Phase
    flood: Phase
    forged: list[float]  # each forged request's latency, answered or not
    forged_statuses: Counter[int]  # 0: no answer in time
    seconds: float  # how long the forger sent

    def ratios(self) -> tuple[float, float]:
        """Median under forged requests over median idle: ``/health``, then signed requests."""
        return (
            self.flood.health_p50 / self.idle.health_p50,
            self.flood.signed_p50 / self.idle.signed_p50,
        )


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def exchange(port: int, method: str, path: str, body: bytes, headers: dict[str, str]) -> int:
    """One request on a connection of its own; the status, or 0 without an answer in time."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
    try:
        connection.request(method, path, body=body or None, headers=headers)
        response = connection.getresponse()
        response.read()
        return response.status
    except (OSError, http.client.HTTPException):
        return 0
    finally:
        connection.close()


def timed(port: int, method: str, path: str, body: bytes, headers: dict[str, str]) -> float:
    """Seconds for one exchange; raises if the answer was not a 200."""
    started = time.perf_counter()
    status = exchange(port, method, path, body, headers)
    elapsed = time.perf_counter() - started
    if status != 200:
        raise RuntimeError(f"{method} {path} answered {status or 'nothing'}")
    return elapsed


def sample(port: int, signed: Request, phase: Phase, deadline: float, samples: int) -> None:
    """``/health`` and a signed request in turn, ``samples`` of each or until ``deadline``."""
    while len(phase.signed) < samples and time.monotonic() < deadline:
        try:
            phase.health.append(timed(port, "GET", "/health", b"", {}))
            body, headers = signed()
            phase.signed.append(timed(port, "POST", "/", body, headers))
        except RuntimeError as exc:
            phase.failures.append(str(exc))


def run(
    port: int,
    signed: Request,
    *,
    rate: float = 30.0,
    seconds: float = 8.0,
    samples: int = 25,
) -> ForgedLoad:
    """Time idle, then under ``rate`` forged requests a second for ``seconds``.

    The timing under forged requests begins a second after they do, once any download a
    forged URL was allowed has begun, and ends with them.
    """
    idle = Phase()
    sample(port, signed, idle, time.monotonic() + 60, samples)
    flood = Phase()
    forger = subprocess.Popen(
        [sys.executable, "-m", "testkit.forged_load", str(port), str(rate), str(seconds)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        started = time.monotonic()
        time.sleep(1.0)
        sample(port, signed, flood, started + seconds, samples)
        seen, _ = forger.communicate(timeout=seconds + 2 * TIMEOUT + 30)
    finally:
        if forger.poll() is None:
            forger.kill()
            forger.wait()
    report = json.loads(seen)
    statuses = Counter({int(status): count for status, count in report["statuses"].items()})
    return ForgedLoad(idle, flood, report["latencies"], statuses, report["seconds"])


def forged_body() -> bytes:
    """A request as Alexa's would be, now: a win to log, with a fresh ID and timestamp."""
    event = envelope("log_win", api_endpoint=NO_ALEXA_API, api_token="unused")
    event["request"]["timestamp"] = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return json.dumps(event).encode()


def forge(port: int, rate: float, seconds: float, seed: int = 22) -> dict[str, Any]:
    """Send ``rate`` forged requests a second for ``seconds``; what came back."""
    noise = random.Random(seed)
    lock = threading.Lock()
    latencies: list[float] = []
    statuses: Counter[int] = Counter()

    def send(body: bytes, headers: dict[str, str]) -> None:
        began = time.perf_counter()
        status = exchange(port, "POST", "/", body, headers)
        with lock:
            latencies.append(time.perf_counter() - began)
            statuses[status] += 1

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=SENDERS) as pool:
        sent = 0
        while (now := time.monotonic()) < started + seconds:
            due = started + sent / rate
            if now < due:
                time.sleep(due - now)
                continue
            pool.submit(send, forged_body(), forged_headers(noise))
            sent += 1
        sending = time.monotonic() - started
    return {
        "seconds": sending,
        "statuses": {str(status): count for status, count in statuses.items()},
        "latencies": latencies,
    }


def main(argv: Sequence[str]) -> int:
    port, rate, seconds = int(argv[0]), float(argv[1]), float(argv[2])
    print(json.dumps(forge(port, rate, seconds)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
