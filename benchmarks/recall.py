"""Reading by time at 100 and 100,000 wins, on both stores: "read me my wins from this week",
"what did I do today", "how many wins this week", "how was my week" (the recap asked for),
"what did I do the last three days", "what did I do this morning" and "which day did I log the
most" (each the whole request), a weekly recap
(the week before's count and first page) and deleting by words (the 50 most recent wins
searched), the last two through the services and the store.

One person per size. Each has logged five wins a day over the last week (35, the same at every
size: what is asked stays the same), 35 more in the week before, and the rest of their wins
over the three years before that, so what grows is the history the question must not read.
Requests go through the whole skill in this process (the ASK SDK, the recall service, the
store), round the sizes in turn. Each win carries its screen stamp, as logging keeps it.

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
from datetime import time as clock_time
from pathlib import Path
from typing import Any, Final

from benchmarks.aws import TABLE, WIN_TEXT, dynamodb_process, profile_item, win_item
from benchmarks.harness import in_process_skill, speech
from benchmarks.report import Check, Section, median, ms, p99, table
from skill.domain.phrasing import WinKind
from skill.domain.spans import Span, SpanKind, instants
from skill.entry import make_handler
from skill.services.recall import PAGE, READ_LIMIT, Recall, Recalled
from skill.services.wins import readable_stored, screened
from skill.speech.catalog import catalog_for
from skill.storage.dynamodb.store import DynamoWinStore
from skill.storage.interface import WinStore
from skill.storage.records import Person, Profile, StoredWin, Window, stamp
from skill.storage.sqlite.store import SqliteWinStore
from testkit.envelopes import envelope, set_speaker

WEEK_WINS: Final = 35
# Searched for the words of a win to delete ("delete the one about the dishes").
RECENT_SEARCHED: Final = 50
SQLITE_WORDS = "did the dishes"
SQLITE_MEDIAN_TARGET_MS: Final = 10.0
GROWTH_TARGET: Final = 1.1
WARM_UP: Final = 3
_BATCH: Final = 25
NO_ALEXA_API: Final = "https://127.0.0.1:9"


def person_with(wins: int) -> Person:
    return Person.of_account(f"amzn1.ask.account.RECALL{wins}")


def moments(wins: int, now: datetime) -> list[datetime]:
    """When each win was logged, oldest first: the last ``WEEK_WINS`` this calendar week
    (since Monday, as "this week" is heard, and at most five days back), as many in days 9 to
    13 before (the recap's week), the rest in the three years before the last fifteen days."""
    recent = min(wins, WEEK_WINS)
    before = min(wins - recent, WEEK_WINS)
    older = wins - recent - before
    monday = datetime.combine(now.date() - timedelta(days=now.weekday()), clock_time(), now.tzinfo)
    week_start = max(now - timedelta(days=5), monday)
    history_end = now - timedelta(days=15)
    recap_start, recap_end = now - timedelta(days=13), now - timedelta(days=9)
    history = [history_end - timedelta(days=3 * 365) * (older - n) / older for n in range(older)]
    recap = [recap_start + (recap_end - recap_start) * n / before for n in range(before)]
    week = [week_start + (now - week_start) * (n + 1) / (recent + 1) for n in range(recent)]
    return [*history, *recap, *week]


def recap_span(now: datetime) -> Span:
    """The seven days before the last seven: the week a recap tells."""
    today = now.date()
    return Span(SpanKind.SEVEN_DAYS, today - timedelta(days=13), today - timedelta(days=7))


def recap(store: WinStore, wins: int, now: datetime) -> None:
    """A weekly recap's read: the week before's count, and its first page."""
    told = Recall(store, lambda: now).recall(person_with(wins), None, None, span=recap_span(now))
    expected = min(max(wins - WEEK_WINS, 0), WEEK_WINS)
    if not isinstance(told, Recalled) or (told.total, len(told.wins)) != (expected, PAGE):
        raise RuntimeError(f"the recap at {wins} wins told {told!r}")


def delete_by_words(store: WinStore, wins: int, words: str) -> None:
    """Finding "the one about the dishes": the most recent wins, those read as wins, searched."""
    _, recent = store.recent_wins(person_with(wins), RECENT_SEARCHED)
    found = [win for win in recent if readable_stored(win) and words in win.text]
    if len(recent) != RECENT_SEARCHED or not found:
        raise RuntimeError(f"delete by words at {wins} wins found {len(found)} of {len(recent)}")


OPERATIONS: Final = ("recap", "delete by words")
# Whole requests measured beside the week's (see ``REQUESTS``).
_OTHER_REQUESTS: Final = ("day", "count", "my week", "days", "part", "best")


def _operation(name: str, store: WinStore, wins: int, now: datetime, words: str) -> None:
    if name == "recap":
        recap(store, wins, now)
    else:
        delete_by_words(store, wins, words)


def this_week(now: datetime) -> str:
    """AMAZON.DATE's value for "this week" on ``now``'s UTC calendar."""
    year, week, _ = now.isocalendar()
    return f"{year}-W{week:02d}"


def _today(now: datetime) -> str:
    """AMAZON.DATE's value for "today" on ``now``'s UTC calendar."""
    return now.date().isoformat()


def _dated(value: Callable[[datetime], str]) -> Callable[[datetime], dict[str, str]]:
    return lambda now: {"date": value(now)}


# The requests measured whole, through the skill: (intent, its slots' values for now).
REQUESTS: Final[dict[str, tuple[str, Callable[[datetime], dict[str, str]]]]] = {
    "week": ("RecallIntent", _dated(this_week)),
    "day": ("RecallIntent", _dated(_today)),
    "count": ("CountWinsIntent", _dated(this_week)),
    "my week": ("ReadRecapIntent", lambda _: {}),
    "days": ("RecallDaysIntent", lambda _: {"count": "3"}),
    "part": ("RecallPartIntent", lambda _: {"part": "morning"}),
    "best": ("BestDayIntent", lambda _: {}),
}
# Custom slots, as Alexa resolves them: the slot type whose value's id is the words said.
_RESOLVED: Final = {"part": "DayPart"}


def _event(wins: int, now: datetime, request: str = "week") -> dict[str, Any]:
    intent, slots = REQUESTS[request]
    event = envelope("recall", api_endpoint=NO_ALEXA_API, api_token="unused", slots=slots(now))
    event["request"]["intent"]["name"] = intent
    for slot, kind in _RESOLVED.items():
        if (filled := event["request"]["intent"]["slots"].get(slot)) is not None:
            authority = {
                "authority": f"amzn1.er-authority.echo-sdk.skill.{kind}",
                "status": {"code": "ER_SUCCESS_MATCH"},
                "values": [{"value": {"name": filled["value"], "id": filled["value"]}}],
            }
            filled["resolutions"] = {"resolutionsPerAuthority": [authority]}
    return set_speaker(event, person_with(wins).account)


def _check_answer(response: dict[str, Any], wins: int, request: str = "week") -> None:
    """The week's wins are told or counted; the others' at least heard (how many fell today,
    this morning or in the last three days depends on the hour and the weekday)."""
    said = speech(response)
    if request not in ("week", "count", "day"):  # heard, whatever the hour: never "unknown"
        if any(unknown in said for unknown in catalog_for("en-US").variants("recall.unknown")):
            raise RuntimeError(f"{request} at {wins} wins: not understood {said!r}")
        return
    expected = " win" if request == "day" else f"{min(wins, WEEK_WINS)} wins"
    if expected not in said:
        raise RuntimeError(f"{request} at {wins} wins: unexpected answer {said!r}")


def _seed_sqlite(store: SqliteWinStore, levels: Sequence[int], now: datetime) -> None:
    verdict = screened(SQLITE_WORDS, WinKind.SAID)  # as logging keeps it with the words
    for wins in levels:
        stored = [
            StoredWin(n, SQLITE_WORDS, at, WinKind.SAID, verdict)
            for n, at in enumerate(moments(wins, now), 1)
        ]
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
        part: {wins: [] for wins in levels}
        for part in ("read", "request", *_OTHER_REQUESTS, *OPERATIONS)
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
                    for request in _OTHER_REQUESTS:
                        started = time.perf_counter()
                        response = handler(_event(wins, now, request), None)
                        _check_answer(response, wins, request)
                        if number >= WARM_UP:
                            timings[request][wins].append((time.perf_counter() - started) * 1000)
                    for name in OPERATIONS:
                        started = time.perf_counter()
                        _operation(name, store, wins, now, SQLITE_WORDS)
                        if number >= WARM_UP:
                            timings[name][wins].append((time.perf_counter() - started) * 1000)
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
) -> dict[str, dict[int, dict[str, float]]]:
    """Per operation (the whole requests: "week", "day", "count"; then the recap and delete by
    words) and size: the most calls and items read, and the median times."""
    with dynamodb_process() as endpoint, in_process_skill(endpoint) as harness:
        for wins in levels:
            _seed_dynamodb(harness.client, wins, now)
        store = DynamoWinStore(harness.client, TABLE)
        measured: dict[str, dict[int, list[Any]]] = {
            name: {wins: [] for wins in levels} for name in (*REQUESTS, *OPERATIONS)
        }
        for number in range(WARM_UP + samples):
            for wins in levels:
                taken = []
                for request in REQUESTS:
                    sample, response = harness.send(_event(wins, now, request))
                    _check_answer(response, wins, request)
                    taken.append((request, sample))
                for name in OPERATIONS:
                    operation = _bound(name, store, wins, now)
                    taken.append((name, harness.meter.measure(operation)[0]))
                if number >= WARM_UP:
                    for name, got in taken:
                        measured[name][wins].append(got)
    return {
        name: {
            wins: {
                "calls": max(len(s.operations) for s in got),
                "items_read": max(s.items_read for s in got),
                "own_median_ms": median([s.own_ms for s in got]),
                "moto_median_ms": median([s.dynamodb_ms for s in got]),
            }
            for wins, got in sizes.items()
        }
        for name, sizes in measured.items()
    }


def _bound(name: str, store: WinStore, wins: int, now: datetime) -> Callable[[], None]:
    return lambda: _operation(name, store, wins, now, WIN_TEXT)


def run(levels: Sequence[int], samples: int) -> Section:
    now = datetime.now(UTC)
    section = Section(
        f"Reading by time: this week's {WEEK_WINS} wins, today's, their count, a recap, "
        f"delete by words; {samples} of each per size"
    )
    sqlite = _measure_sqlite(levels, samples, now)
    dynamo = _measure_dynamodb(levels, samples, now)
    first, last = levels[0], levels[-1]
    read, request = sqlite["read"], sqlite["request"]
    rows = []
    timings = (("week", request), *((n, sqlite[n]) for n in (*_OTHER_REQUESTS, *OPERATIONS)))
    for name, timed in timings:
        got = dynamo[name]
        rows += [
            [
                f"{name} (request)" if name in REQUESTS else name,
                f"{wins:,} wins",
                ms(median(timed[wins])),
                ms(p99(timed[wins])),
                f"{got[wins]['calls']:g}",
                f"{got[wins]['items_read']:g}",
                ms(got[wins]["own_median_ms"]),
                ms(got[wins]["moto_median_ms"]),
            ]
            for wins in levels
        ]
    rows += [
        ["week (store read)", f"{w:,} wins", ms(median(read[w])), ms(p99(read[w]))] + [""] * 4
        for w in levels
    ]
    headers = ["what", "size", "SQLite", "p99", "DynamoDB calls", "items read", "own code"]
    section.lines = table([*headers, "in moto"], rows)
    section.lines.append(
        "  week, day (today's wins) and count (this week's): the whole skill in this process; "
        "recap (the week before's count and first "
        f"page) and delete by words (the {RECENT_SEARCHED} most recent wins searched): the "
        "services and the store. Stored verdicts spare the care screen of each win read"
    )
    section.lines.append(
        "  moto sorts a partition for a Query where DynamoDB reads the items asked for: calls "
        "and items read are judged there"
    )
    section.data = {
        "sqlite_ms": {
            name: {str(w): {"median": median(t[w]), "p99": p99(t[w])} for w in levels}
            for name, t in sqlite.items()
        },
        "dynamodb": {name: {str(w): r for w, r in got.items()} for name, got in dynamo.items()},
    }
    section.checks = [
        Check(
            f"recall: SQLite request for a week at {last:,} wins",
            median(request[last]),
            " ms",
            SQLITE_MEDIAN_TARGET_MS,
            strict=True,
        ),
        Check(
            f"recall: SQLite read of a week at {last:,} wins",
            median(read[last]),
            " ms",
            SQLITE_MEDIAN_TARGET_MS,
            strict=True,
        ),
    ]
    for name, got in dynamo.items():
        section.checks += [
            Check(f"{name}: DynamoDB calls", max(r["calls"] for r in got.values()), "", 2),
            Check(
                f"{name}: DynamoDB items read, {last:,} vs {first} wins",
                _growth(got[first]["items_read"], got[last]["items_read"]),
                "x",
                GROWTH_TARGET,
            ),
        ]
    return section


def _growth(first: float, last: float) -> float:
    """How many times the items read at the first size those at the last are; none read at
    either (a part of the day still to come: nothing to read) is no growth."""
    if first:
        return last / first
    return 1.0 if not last else float("inf")


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
