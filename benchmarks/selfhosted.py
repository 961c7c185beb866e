"""Self-hosted: ``wins serve`` on SQLite, one person at 100, 10,000 and 100,000 wins.

Each size gets its own data folder and its own server process, so the memory each server needs
is seen apart. A person's wins are written straight through the store (one transaction), dated
over three years; then log and hear requests go through HTTP, round the sizes in turn, so a
slow moment on the machine falls on every size alike. Figures: median and p99 per request as
the client sees it, the server's RSS after the requests, and each size's ratio to the smallest.

Every write is flushed to the disk before it is answered (``synchronous=FULL``): on most disks
that flush is most of a request's time, and it is the same at every size.
"""

from __future__ import annotations

import random
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Final

from benchmarks.report import Check, Section, median, ms, p99, ratio, table
from benchmarks.serve_process import ServeProcess
from skill.domain.choice import Style
from skill.storage.records import Person, Profile, StoredWin
from skill.storage.sqlite.store import SqliteWinStore
from testkit.envelopes import envelope, set_speaker

MEDIAN_TARGET_MS: Final = 10.0
RATIO_TARGET: Final = 1.2
RSS_TARGET_MB: Final = 150.0
WARM_UP: Final = 5
FLOWS: Final = ("log a win", "hear a win")
# Nothing listens here; the seeded profile's cached time zone means it is never asked anyway.
NO_ALEXA_API: Final = "https://127.0.0.1:9"


def person_with(wins: int) -> Person:
    return Person.of_account(f"amzn1.ask.account.SELFHOSTED{wins}")


def seed(data_dir: Path, wins: int, now: datetime) -> None:
    """``wins`` wins for one person, written through the store in one transaction."""
    start = now - timedelta(days=3 * 365)
    step = timedelta(days=3 * 365) / wins
    stored = [
        StoredWin(number, f"did thing {number}", start + step * number)
        for number in range(1, wins + 1)
    ]
    profile = Profile(win_count=wins, style=Style.CHEERFUL, zone="UTC", zone_checked_at=now)
    store = SqliteWinStore(data_dir)
    try:
        store.restore(person_with(wins), profile, stored)
    finally:
        store.close()


def _event(flow: str, wins: int) -> dict[str, object]:
    name, slots = ("log_win", {"win": "did the dishes"}) if flow == FLOWS[0] else ("hear_win", None)
    event = envelope(name, api_endpoint=NO_ALEXA_API, api_token="unused", slots=slots)
    return set_speaker(event, person_with(wins).account)


def _measure(servers: dict[int, ServeProcess], samples: int) -> dict[int, dict[str, list[float]]]:
    timings: dict[int, dict[str, list[float]]] = {w: {f: [] for f in FLOWS} for w in servers}
    order = random.Random(1)
    for number in range(WARM_UP + samples):
        # A fresh order each round: no size always follows another (and its cache effects).
        for wins in order.sample(list(servers), len(servers)):
            server = servers[wins]
            for flow in FLOWS:
                event = _event(flow, wins)
                started = time.perf_counter()
                answer = server.post(event)
                elapsed = (time.perf_counter() - started) * 1000
                said = str(answer.get("response", {}).get("outputSpeech", {}).get("ssml", ""))
                if "you" not in said.lower():
                    raise RuntimeError(f"{flow} at {wins} wins: unexpected answer {said!r}")
                if number >= WARM_UP:
                    timings[wins][flow].append(elapsed)
    return timings


def run(levels: Sequence[int], samples: int) -> Section:
    section = Section("Self-hosted: wins serve on SQLite, one person's wins through HTTP")
    now = datetime.now(UTC)
    with tempfile.TemporaryDirectory(prefix="wins-bench-") as folder:
        servers: dict[int, ServeProcess] = {}
        try:
            seeding = time.perf_counter()
            for wins in levels:
                seed(Path(folder) / str(wins), wins, now)
            seeded_s = time.perf_counter() - seeding
            for wins in levels:
                servers[wins] = ServeProcess(Path(folder) / str(wins))
            timings = _measure(servers, samples)
            memory = {wins: server.rss_mb() for wins, server in servers.items()}
        finally:
            for server in servers.values():
                server.stop()
    _report(section, levels, timings, memory, samples, seeded_s)
    return section


def _report(
    section: Section,
    levels: Sequence[int],
    timings: dict[int, dict[str, list[float]]],
    memory: dict[int, tuple[float, float]],
    samples: int,
    seeded_s: float,
) -> None:
    smallest, largest = levels[0], levels[-1]
    medians = {w: {f: median(timings[w][f]) for f in FLOWS} for w in levels}
    rows = []
    for wins in levels:
        row = [f"{wins:,} wins"]
        for flow in FLOWS:
            row += [
                ms(medians[wins][flow]),
                ms(p99(timings[wins][flow])),
                ratio(medians[wins][flow] / medians[smallest][flow]),
            ]
        row += [f"{memory[wins][0]:.0f} MB", f"{memory[wins][1]:.0f} MB"]
        rows.append(row)
    headers = ["size", "log median", "log p99", "log x", "hear median", "hear p99", "hear x"]
    section.lines = table([*headers, "RSS", "RSS peak"], rows)
    section.lines.append(
        f"  {samples} requests of each kind per size; seeding took {seeded_s:.1f} s; request "
        "checks off (their cost does not depend on the number of wins)"
    )
    section.data = {
        "samples": samples,
        "levels": {
            str(w): {
                **{f"{f} median ms": round(medians[w][f], 3) for f in FLOWS},
                **{f"{f} p99 ms": round(p99(timings[w][f]), 3) for f in FLOWS},
                "rss MB": round(memory[w][0], 1),
                "rss peak MB": round(memory[w][1], 1),
            }
            for w in levels
        },
    }
    at = f"{largest:,} wins"
    for flow in FLOWS:
        section.checks.append(
            Check(
                f"self-hosted {flow} median at {at}",
                medians[largest][flow],
                " ms",
                MEDIAN_TARGET_MS,
                strict=True,
            )
        )
        section.checks.append(
            Check(
                f"self-hosted {flow}: {at} vs {smallest:,}",
                medians[largest][flow] / medians[smallest][flow],
                "x",
                RATIO_TARGET,
            )
        )
    peak = max(rss for rss, _ in memory.values())
    section.checks.append(
        Check("self-hosted server RSS, largest", peak, " MB", RSS_TARGET_MB, strict=True)
    )
    section.checks.append(
        Check(
            f"self-hosted server RSS: {at} vs {smallest:,}",
            memory[largest][0] / memory[smallest][0],
            "x",
            RATIO_TARGET,
        )
    )
