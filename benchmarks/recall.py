"""Recall: "read me my wins from this week" at 100 and 100,000 wins, on both stores.

One person per size. Each has logged five wins a day over the last week (35, the same at every
size: what is asked stays the same) and the rest of their wins over the three years before, so
what grows is the history the question must not read. Requests go through the whole skill in
this process (the ASK SDK, the recall service, the store), round the sizes in turn.

DynamoDB is moto in a process of its own (``benchmarks.dynamodb_server``): its time is shown,
but what is judged there is the calls and the items DynamoDB reads, which must not grow. On
SQLite (``wins chat`` and ``wins serve``) the median time is judged: under 10 ms at 100,000.
"""

from __future__ import annotations

import random
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Final

from benchmarks.aws import TABLE, dynamodb_process, profile_item, win_item
from benchmarks.harness import in_process_skill, speech
from benchmarks.report import Check, Section, median, ms, p99, ratio, table
from skill.domain.spans import Span, SpanKind, instants
from skill.entry import make_handler
from skill.services.recall import READ_LIMIT
from skill.storage.records import Person, Profile, StoredWin, Window, stamp
from skill.storage.sqlite.store import SqliteWinStore
from testkit.envelopes import envelope, set_speaker

WEEK_WINS: Final = 35
SQLITE_MEDIAN_TARGET_MS: Final = 10.0
GROWTH_TARGET: Final = 1.1
WARM_UP: Final = 3
_BATCH: Final = 25
NO_ALEXA_API: Final = "https://127.0.0.1:9"


def person_with(wins: int) -> Person:
    return Person.of_account(f"amzn1.ask.account.RECALL{wins}")


def moments(wins: int, now: datetime) -> list[datetime]:
    """When each win was logged, oldest first: the last ``WEEK_WINS`` in the last five days,
    the rest in the three years before the last eight (none near the week's edge)."""
    recent = min(wins, WEEK_WINS)
    older = wins - recent
    week_start, history_end = now - timedelta(days=5), now - timedelta(days=8)
    history = [history_end - timedelta(days=3 * 365) * (older - n) / older for n in range(older)]
    week = [week_start + (now - week_start) * (n + 1) / (recent + 1) for n in range(recent)]
    return [*history, *week]


def this_week(now: datetime) -> str:
    """AMAZON.DATE's value for "this week" on ``now``'s UTC calendar."""
    year, week, _ = now.isocalendar()
    return f"{year}-W{week:02d}"


def _event(wins: int, now: datetime) -> dict[str, Any]:
    event = envelope(
        "recall", api_endpoint=NO_ALEXA_API, api_token="unused", slots={"date": this_week(now)}
    )
    return set_speaker(event, person_with(wins).account)


def _check_answer(response: dict[str, Any], wins: int) -> None:
    said = speech(response)
    expected = f"{min(wins, WEEK_WINS)} wins"
    if expected not in said:
        raise RuntimeError(f"recall at {wins} wins: unexpected answer {said!r}")


def _seed_sqlite(store: SqliteWinStore, levels: Sequence[int], now: datetime) -> None:
    for wins in levels:
        stored = [StoredWin(n, "did the dishes", at) for n, at in enumerate(moments(wins, now), 1)]
        profile = Profile(win_count=wins, zone="UTC", zone_checked_at=now)
        store.restore(person_with(wins), profile, stored)


def _week_window(now: datetime) -> Callable[[Profile], Window]:
    today = now.date()
    span = Span(SpanKind.SEVEN_DAYS, today - timedelta(days=6), today)
    return lambda _profile: Window(*instants(span, "UTC"))


def _measure_sqlite(
    levels: Sequence[int], samples: int, now: datetime
) -> dict[str, dict[int, list[float]]]:
    """The store's read of the week alone, and the whole request."""
    timings: dict[str, dict[int, list[float]]] = {
        part: {wins: [] for wins in levels} for part in ("read", "request")
    }
    window = _week_window(now)
    with tempfile.TemporaryDirectory(prefix="wins-recall-") as folder:
        store = SqliteWinStore(Path(folder))
        try:
            _seed_sqlite(store, levels, now)
            handler = make_handler(store, skill_id=None, rng=random.Random(1), api_ca_file=None)
            for number in range(WARM_UP + samples):
                for wins in levels:
                    started = time.perf_counter()
                    _, read = store.wins_within(person_with(wins), window, READ_LIMIT)
                    between = time.perf_counter()
                    response = handler(_event(wins, now), None)
                    ended = time.perf_counter()
                    if len(read) != min(wins, WEEK_WINS):
                        raise RuntimeError(f"the week at {wins} wins read {len(read)} wins")
                    _check_answer(response, wins)
                    if number >= WARM_UP:
                        timings["read"][wins].append((between - started) * 1000)
                        timings["request"][wins].append((ended - between) * 1000)
        finally:
            store.close()
    return timings


def _seed_dynamodb(client: Any, wins: int, now: datetime) -> None:
    person = person_with(wins)
    items = [win_item(person, n, stamp(at)) for n, at in enumerate(moments(wins, now), 1)]
    for start in range(0, len(items), _BATCH):
        requests: list[Any] = [{"PutRequest": {"Item": i}} for i in items[start : start + _BATCH]]
        while requests:
            reply = client.batch_write_item(RequestItems={TABLE: requests})
            requests = reply.get("UnprocessedItems", {}).get(TABLE, [])
    client.put_item(TableName=TABLE, Item=profile_item(person, wins, now))


def _measure_dynamodb(
    levels: Sequence[int], samples: int, now: datetime
) -> dict[int, dict[str, float]]:
    results: dict[int, dict[str, float]] = {}
    with dynamodb_process() as endpoint, in_process_skill(endpoint) as harness:
        for wins in levels:
            _seed_dynamodb(harness.client, wins, now)
        measured: dict[int, list[Any]] = {wins: [] for wins in levels}
        for number in range(WARM_UP + samples):
            for wins in levels:
                sample, response = harness.send(_event(wins, now))
                _check_answer(response, wins)
                if number >= WARM_UP:
                    measured[wins].append(sample)
    for wins, got in measured.items():
        results[wins] = {
            "calls": max(len(s.operations) for s in got),
            "items_read": max(s.items_read for s in got),
            "own_median_ms": median([s.own_ms for s in got]),
            "moto_median_ms": median([s.dynamodb_ms for s in got]),
        }
    return results


def run(levels: Sequence[int], samples: int) -> Section:
    now = datetime.now(UTC)
    section = Section(f"Recall: this week's {WEEK_WINS} wins, {samples} requests per size")
    sqlite = _measure_sqlite(levels, samples, now)
    dynamo = _measure_dynamodb(levels, samples, now)
    first, last = levels[0], levels[-1]
    read, request = sqlite["read"], sqlite["request"]
    rows = [
        [
            f"{wins:,} wins",
            ms(median(read[wins])),
            ms(p99(read[wins])),
            ratio(median(read[wins]) / median(read[first])),
            ms(median(request[wins])),
            f"{dynamo[wins]['calls']:g}",
            f"{dynamo[wins]['items_read']:g}",
            ms(dynamo[wins]["own_median_ms"]),
            ms(dynamo[wins]["moto_median_ms"]),
        ]
        for wins in levels
    ]
    headers = ["size", "SQLite read", "read p99", "x", "SQLite request", "DynamoDB calls"]
    section.lines = table([*headers, "items read", "own code", "in moto"], rows)
    section.lines.append(
        "  SQLite read: the store's read of the week; request: the whole skill in this process, "
        "most of it the care screen of each of the week's wins (the same at every size)"
    )
    section.lines.append(
        "  moto sorts a partition for a Query where DynamoDB reads the items asked for: calls "
        "and items read are judged there"
    )
    section.data = {
        "sqlite_ms": {
            str(w): {
                "read_median": median(read[w]),
                "read_p99": p99(read[w]),
                "request_median": median(request[w]),
            }
            for w in levels
        },
        "dynamodb": {str(w): r for w, r in dynamo.items()},
    }
    section.checks = [
        Check(
            f"recall: SQLite read of a week at {last:,} wins",
            median(read[last]),
            " ms",
            SQLITE_MEDIAN_TARGET_MS,
            strict=True,
        ),
        Check("recall: DynamoDB calls", max(r["calls"] for r in dynamo.values()), "", 2),
        Check(
            f"recall: DynamoDB items read, {last:,} vs {first} wins",
            dynamo[last]["items_read"] / dynamo[first]["items_read"],
            "x",
            GROWTH_TARGET,
        ),
    ]
    return section


def main() -> None:
    """``python -m benchmarks.recall``: this part alone, printed."""
    section = run((100, 100_000), 50)
    print(section.title)
    for line in section.lines:
        print(line)
    for check in section.checks:
        print(f"  {'ok ' if check.passed else 'FAIL'} {check.name}: {check.value:.3g}{check.unit}")


if __name__ == "__main__":
    main()
