"""Forged requests: ``wins serve`` under 30 forged requests a second, each naming a new
certificate URL whose download would take 2 seconds. ``python -m benchmarks.forged`` alone.

The server is the command as shipped, with request checks on, trusting a certificate authority
made here (``testkit.serve_harness``); its stand-in for S3 takes 2 s over each download and
counts them. First ``/health`` and Alexa's signed requests ("help") are timed with nothing else
going on, then again while the forger sends (``testkit.forged_load``). Figures: the medians and
p99s of both, their ratios (target: within 2x of idle), the forged requests' own latency (each
refused with a 400 at once), and how many downloads the forged URLs caused.
"""

from __future__ import annotations

import argparse
import copy
import json
import tempfile
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

from benchmarks.report import Check, Section, ms, p99, ratio, summary, table
from benchmarks.serve_process import ServeProcess
from testkit import forged_load
from testkit.alexa_signing import CERT_URL, Pki, pem, signed_headers
from testkit.envelopes import envelope
from testkit.serve_harness import downloads, trust

RATIO_TARGET: Final = 2.0
FETCH_SECONDS: Final = 2.0
RATE: Final = 30.0
# Nothing listens here: no request timed here calls Alexa's APIs anyway.
NO_ALEXA_API: Final = "https://127.0.0.1:9"


def _stamped(name: str) -> dict[str, Any]:
    """A request as Alexa sends it now: a fresh ID, and this moment as its timestamp."""
    event = envelope(name, api_endpoint=NO_ALEXA_API, api_token="unused")
    event["request"]["timestamp"] = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return copy.deepcopy(event)


def _skill_id() -> str:
    return str(_stamped("help")["context"]["System"]["application"]["applicationId"])


def measure(seconds: float, samples: int) -> tuple[forged_load.ForgedLoad, int]:
    """One run: the figures, and how many downloads the forged URLs caused."""
    pki = Pki.make(datetime.now(UTC))
    with tempfile.TemporaryDirectory(prefix="wins-forged-") as folder:
        trust_dir = trust(
            Path(folder) / "trust",
            pem(pki.root.cert),
            {CERT_URL: pki.chain()},
            fetch_seconds=FETCH_SECONDS,
        )
        command = ("testkit.serve_harness", str(trust_dir), "--", "--skill-id", _skill_id())
        server = ServeProcess(Path(folder) / "data", command)
        try:

            def signed() -> tuple[bytes, dict[str, str]]:
                body = json.dumps(_stamped("help")).encode()
                return body, signed_headers(body, pki.signer_key)

            body, headers = signed()  # Alexa's chain is downloaded once, as after any start
            if forged_load.exchange(server.port, "POST", "/", body, headers) != 200:
                raise RuntimeError("wins serve refused a signed request")
            result = forged_load.run(
                server.port, signed, rate=RATE, seconds=seconds, samples=samples
            )
        finally:
            server.stop()
        return result, len(downloads(trust_dir)) - 1


def run(seconds: float = 20.0, samples: int = 60) -> Section:
    section = Section(
        f"Forged requests: wins serve under {RATE:g} a second, each download taking "
        f"{FETCH_SECONDS:g} s"
    )
    result, forged_downloads = measure(seconds, samples)
    idle, flood = result.idle, result.flood
    rows = [
        [name, *_shown(before), *_shown(during), _ratio(during, before)]
        for name, before, during in (
            ("GET /health", idle.health, flood.health),
            ("signed request", idle.signed, flood.signed),
        )
    ]
    section.lines = table(
        ["request", "idle median", "idle p99", "forged median", "forged p99", "x"], rows
    )
    statuses = dict(sorted(result.forged_statuses.items()))
    section.lines += [
        f"  forged requests: {sum(statuses.values())} in {result.seconds:.1f} s, answered "
        f"{statuses} (0: no answer in {forged_load.TIMEOUT:g} s); median and p99 "
        f"{' and '.join(_shown(result.forged))}",
        f"  downloads caused by forged URLs: {forged_downloads}; timed meanwhile: "
        f"{len(flood.signed)} signed requests, {len(flood.failures)} without an answer",
    ]
    health_x, signed_x = (
        _ratio_value(flood.health, idle.health),
        _ratio_value(flood.signed, idle.signed),
    )
    section.data = {
        "idle health median ms": _ms_value(idle.health),
        "idle signed median ms": _ms_value(idle.signed),
        "forged health median ms": _ms_value(flood.health),
        "forged signed median ms": _ms_value(flood.signed),
        "forged request median ms": _ms_value(result.forged),
        "forged requests": sum(statuses.values()),
        "forged statuses": {str(k): v for k, v in statuses.items()},
        "forged downloads": forged_downloads,
        "timed requests without an answer": len(flood.failures),
    }
    unanswered = sum(n for status, n in statuses.items() if status != 400)
    section.checks = [
        Check("forged: /health median vs idle", health_x, "x", RATIO_TARGET),
        Check("forged: signed median vs idle", signed_x, "x", RATIO_TARGET),
        Check("forged: requests not answered 400", float(unanswered), "", 0),
        Check(
            "forged: downloads caused",
            float(forged_downloads),
            "",
            float(round(2 + result.seconds / 10 + 1)),
            note="two new URLs at once, then one per 10 s",
        ),
    ]
    return section


def _shown(seconds: Sequence[float]) -> list[str]:
    """Median and p99 in milliseconds, or dashes when nothing was answered."""
    if not seconds:
        return ["-", "-"]
    values = [1000 * value for value in seconds]
    return [ms(forged_load.median(values)), ms(p99(values))]


def _ratio_value(during: Sequence[float], before: Sequence[float]) -> float | None:
    if not during or not before:
        return None  # nothing answered meanwhile: the check fails
    return forged_load.median(during) / forged_load.median(before)


def _ratio(during: Sequence[float], before: Sequence[float]) -> str:
    value = _ratio_value(during, before)
    return "-" if value is None else ratio(value)


def _ms_value(seconds: Sequence[float]) -> float | None:
    return round(1000 * forged_load.median(seconds), 3) if seconds else None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.forged", description=__doc__)
    parser.add_argument("--seconds", type=float, default=20.0, help="how long the forger sends")
    parser.add_argument("--samples", type=int, default=60, help="timed requests of each kind")
    args = parser.parse_args(argv)
    section = run(args.seconds, args.samples)
    print(section.title)
    print("\n".join(section.lines))
    print("\n".join(summary(section.checks)))
    return 0 if all(check.passed for check in section.checks) else 1


if __name__ == "__main__":
    raise SystemExit(main())
