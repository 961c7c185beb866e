"""What a launch offers, at 100 and 100,000 wins: each path's DynamoDB calls and items read.

The paths: a plain launch (nothing due), the week's first launch (it offers the weekly recap,
counted from the profile), yes to the recap (the week read), and a heard win said to be from a
year ago today ("on this day"), and a list asked for in one breath ("ask small wins what did
I do today") then acted on in the next conversation ("delete the second one", asked, never
answered). Every request goes through the whole skill in this process,
over moto in a process of its own, on a pinned Monday (7 December 2026, 09:00 UTC).

Each person has logged five wins a day over the recap's week (35, at every size), five this
morning, and the rest a year ago today, so what grows is the history no path must read. The
profile keeps its count of the last fourteen days' wins as logging keeps it
(``skill/domain/logged_days.py``). Between samples the week's offers are forgotten (outside
what is measured), so every sample is a week's first launch, and "on this day" is tried in a
fresh week until a heard win lands on a year ago today and the coin says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any, Final

from benchmarks.aws import TABLE, dynamodb_process, profile_item, win_item
from benchmarks.harness import Harness, in_process_skill, speech
from benchmarks.meter import Sample
from benchmarks.report import Check, Section, table
from skill.domain.logged_days import DayCount, LoggedDays
from skill.domain.screen_stamp import screen_version
from skill.storage.dynamodb.schema import PROFILE_SK, win_sk
from skill.storage.records import Person, stamp
from testkit.envelopes import set_speaker

NOW: Final = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)  # a Monday: last week's recap is due
WEEK_WINS: Final = 35
TODAY_WINS: Final = 5
GROWTH_TARGET: Final = 1.1
# Each path's target: a plain launch reads the profile alone; every other path, two calls.
TARGETS: Final = {
    # The first launch of a morning asks the morning question and notes the day (once a day).
    "launch (morning question)": 2,
    "launch (plain)": 1,
    "launch (recap due)": 2,
    "recap: yes": 2,
    "on this day": 2,
    "list, in one breath": 2,
    "then: delete the second one": 2,
}
# Heard wins asked for before one lands on a year ago today and is said to be one.
_MOST_TRIES: Final = 200
_BATCH: Final = 25


def person_with(wins: int) -> Person:
    return Person.of_account(f"amzn1.ask.account.LAUNCH{wins}")


def moments(wins: int) -> list[datetime]:
    """When each win was logged, oldest first: a year ago today, last week, this morning."""
    recap_start = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
    week = [recap_start + timedelta(days=n // 5, hours=n % 5) for n in range(WEEK_WINS)]
    today = [NOW - timedelta(minutes=50 - 10 * n) for n in range(TODAY_WINS)]
    year_ago = datetime(2025, 12, 7, 12, 0, tzinfo=UTC)
    older = wins - WEEK_WINS - TODAY_WINS
    return [*(year_ago + timedelta(seconds=n) for n in range(older)), *week, *today]


def logged_days(logged: Sequence[datetime], wins: int) -> LoggedDays:
    """The profile's count of the last fourteen days, as logging every win left it."""
    days: dict[date, int] = {}
    for moment in logged:
        if moment.date() > NOW.date() - timedelta(days=14):
            days[moment.date()] = days.get(moment.date(), 0) + 1
    tag = screen_version()[:8]
    counts = tuple(DayCount(day, count, tag) for day, count in sorted(days.items()))
    return LoggedDays(days=counts, wins=wins, zone="UTC")


def _seed(client: Any, wins: int) -> None:
    person = person_with(wins)
    logged = moments(wins)
    items = [win_item(person, n, stamp(at)) for n, at in enumerate(logged, 1)]
    for start in range(0, len(items), _BATCH):
        requests: list[Any] = [{"PutRequest": {"Item": i}} for i in items[start : start + _BATCH]]
        while requests:
            reply = client.batch_write_item(RequestItems={TABLE: requests})
            requests = reply.get("UnprocessedItems", {}).get(TABLE, [])
    profile = profile_item(person, wins, NOW)
    profile["logged_days"] = {"S": logged_days(logged, wins).plain()}
    profile["created_at"] = {"S": stamp(logged[0])}
    client.put_item(TableName=TABLE, Item=profile)


def _forget_offers(client: Any, wins: int) -> None:
    """A new week, as far as offers go: neither the recap nor "on this day" offered yet, nor
    the morning question asked today."""
    client.update_item(
        TableName=TABLE,
        Key={"pk": {"S": person_with(wins).key}, "sk": {"S": PROFILE_SK}},
        UpdateExpression="REMOVE recap_offered, anniversary_offered, morning_asked",
    )


class _Weeks:
    """A new week for "on this day", as often as asked: this morning's last win is made the
    win heard last (a stamp later than any before), carrying no spent week."""

    def __init__(self) -> None:
        self._count = 0

    def fresh(self, client: Any, wins: int) -> None:
        self._count += 1
        client.update_item(
            TableName=TABLE,
            Key={"pk": {"S": person_with(wins).key}, "sk": {"S": win_sk(wins)}},
            UpdateExpression="SET heard_at = :later REMOVE anniversary_spent",
            ExpressionAttributeValues={
                ":later": {"S": stamp(NOW + timedelta(minutes=self._count))}
            },
        )


def _send(
    harness: Harness,
    name: str,
    wins: int,
    attributes: dict[str, Any] | None = None,
    slots: dict[str, str] | None = None,
) -> tuple[Sample, dict[str, Any]]:
    request = harness.request(name, slots=slots, new_session=True if slots else None)
    event = set_speaker(request, person_with(wins).account)
    if attributes is not None:
        event["session"]["new"] = False
        event["session"]["attributes"] = attributes
    return harness.send(event)


def _expect(response: dict[str, Any], words: str, path: str, *, present: bool = True) -> None:
    said = speech(response)
    if (words in said) != present:
        raise RuntimeError(f"{path}: unexpected answer {said!r}")


def _one_round(harness: Harness, wins: int, weeks: _Weeks) -> dict[str, Sample]:
    """Every path once, for the person with ``wins`` wins; their offers forgotten after."""
    taken: dict[str, Sample] = {}
    taken["launch (recap due)"], offered = _send(harness, "launch", wins)
    _expect(offered, f"{WEEK_WINS} wins", "launch (recap due)")
    attributes = dict(offered.get("sessionAttributes") or {})
    taken["recap: yes"], read = _send(harness, "yes", wins, attributes)
    _expect(read, "wins last week", "recap: yes")  # the week's shape first
    taken["launch (morning question)"], morning = _send(harness, "launch", wins)
    _expect(morning, "Good morning", "launch (morning question)")
    taken["launch (plain)"], plain = _send(harness, "launch", wins)
    _expect(plain, "last week", "launch (plain)", present=False)
    _expect(plain, "Good morning", "launch (plain)", present=False)  # once a day
    for _ in range(_MOST_TRIES):
        weeks.fresh(harness.client, wins)  # the coin may not have come up: another week
        sample, heard = _send(harness, "hear_win", wins)
        if "A year ago today" in speech(heard):
            taken["on this day"] = sample
            break
    else:
        raise RuntimeError(f"on this day: never said in {_MOST_TRIES} wins heard at {wins}")
    # "Ask small wins what did I do today", then "tell small wins delete the second one":
    # the list ended the first conversation, and the profile kept it (asked, never deleted).
    today = {"date": NOW.date().isoformat()}
    taken["list, in one breath"], listed = _send(harness, "recall", wins, slots=today)
    _expect(listed, f"you logged {TODAY_WINS} wins", "list, in one breath")
    second = {"position": "second"}
    taken["then: delete the second one"], asked = _send(
        harness, "delete_win_at", wins, slots=second
    )
    if (asked.get("sessionAttributes") or {}).get("asked") != "forget":
        raise RuntimeError(f"then: delete the second one: unexpected answer {speech(asked)!r}")
    _forget_offers(harness.client, wins)
    return taken


def _measure(levels: Sequence[int], samples: int) -> dict[str, dict[int, list[Sample]]]:
    measured: dict[str, dict[int, list[Sample]]] = {
        path: {wins: [] for wins in levels} for path in TARGETS
    }
    with dynamodb_process() as endpoint, in_process_skill(endpoint, clock=lambda: NOW) as harness:
        for wins in levels:
            _seed(harness.client, wins)
        weeks = _Weeks()
        for _ in range(samples):
            for wins in levels:
                for path, sample in _one_round(harness, wins, weeks).items():
                    measured[path][wins].append(sample)
    return measured


def _calls(samples: list[Sample]) -> str:
    longest = max(samples, key=lambda s: len(s.operations))
    return " + ".join(longest.operations) or "none"


def run(levels: Sequence[int], samples: int) -> Section:
    section = Section(
        f"A launch and what it offers: DynamoDB calls and items read, {samples} of each per size"
    )
    measured = _measure(levels, samples)
    first, last = levels[0], levels[-1]
    rows = [
        [
            path,
            f"{wins:,} wins",
            str(max(len(s.operations) for s in got[wins])),
            str(max(s.items_read for s in got[wins])),
            _calls(got[wins]),
        ]
        for path, got in measured.items()
        for wins in levels
    ]
    headers = ["path", "size", "DynamoDB calls", "items read", "operations (most)"]
    section.lines = table(headers, rows)
    section.lines.append(
        "  items read: a GetItem reads one, a Query its ScannedCount; writes read none. The "
        "recap's count comes from the profile; yes reads the week. A recall's UpdateItem keeps "
        "the list read and returns the profile: one item more than shown"
    )
    section.data = {
        path: {
            str(wins): {
                "calls": max(len(s.operations) for s in got[wins]),
                "items_read": max(s.items_read for s in got[wins]),
                "operations": _calls(got[wins]),
            }
            for wins in levels
        }
        for path, got in measured.items()
    }
    for path, got in measured.items():
        calls = max(len(s.operations) for sizes in got.values() for s in sizes)
        read = [max(s.items_read for s in got[wins]) for wins in (first, last)]
        section.checks += [
            Check(f"launch paths: DynamoDB calls, {path}", calls, "", TARGETS[path]),
            Check(
                f"launch paths: items read, {path}, {last:,} vs {first} wins",
                read[1] / max(read[0], 1),
                "x",
                GROWTH_TARGET,
            ),
        ]
    return section


def main() -> None:
    """``python -m benchmarks.launch``: this part alone, printed."""
    section = run((100, 10_000), 3)
    print(section.title)
    for line in section.lines:
        print(line)
    for check in section.checks:
        print(f"  {'ok ' if check.passed else 'FAIL'} {check.name}: {check.value:.3g}{check.unit}")


if __name__ == "__main__":
    main()
