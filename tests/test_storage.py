"""The DynamoDB call budget, counted through botocore's event hooks, whatever the number of wins."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from random import Random
from typing import Any

import pytest

from skill.console.alexa_stand_in import FakeAlexaApi
from skill.domain.choice import Style
from skill.entry import Handler, make_handler
from skill.services.wins import Logged, Statement, WinsService, Wording
from skill.storage.dynamodb.schema import win_sk
from skill.storage.dynamodb.store import DynamoWinStore
from skill.storage.errors import ConcurrentUpdate, DuplicateRequest
from skill.storage.records import MAX_WINS_AT_ONCE, Person, Profile
from tests.conftest import (
    SKILL_ID,
    SPEAKER,
    TABLE_NAME,
    CallLog,
    Clock,
    Envelope,
    plain,
    speech,
)
from tests.test_on_this_day import Drawn


@pytest.fixture
def store(dynamo_store: DynamoWinStore) -> DynamoWinStore:
    """What this module tests is DynamoDB's own: the Lambda's store, over moto."""
    return dynamo_store


PERSON = SPEAKER
WORDING = Wording(celebrations=dict.fromkeys(Style, 6), minimiser_replies=4)
UNBOUNDED = {"Scan", "BatchGetItem"}


def seed_wins(
    dynamodb: Any, person: Person, count: int, when: str = "2026-01-01T00:00:00.000000Z"
) -> None:
    """Write ``count`` wins and the matching profile straight into the table."""
    for start in range(1, count + 1, 25):
        batch = [
            {
                "PutRequest": {
                    "Item": {
                        "pk": {"S": person.key},
                        "sk": {"S": win_sk(n)},
                        "number": {"N": str(n)},
                        "text": {"S": f"did thing {n}"},
                        "created_at": {"S": when},
                    }
                }
            }
            for n in range(start, min(start + 25, count + 1))
        ]
        dynamodb.batch_write_item(RequestItems={TABLE_NAME: batch})
    dynamodb.put_item(
        TableName=TABLE_NAME,
        Item={
            "pk": {"S": person.key},
            "sk": {"S": "PROFILE"},
            "win_count": {"N": str(count)},
            "heard_at": {"S": "~"},
        },
    )


@pytest.mark.parametrize("wins", [0, 10, 1000])
def test_logging_a_win_takes_two_calls_whatever_the_count(
    handler: Handler, request_for: Envelope, dynamodb: Any, calls: CallLog, wins: int
) -> None:
    seed_wins(dynamodb, PERSON, wins) if wins else None
    calls.take()
    handler(request_for("log_win", win="did the laundry"), None)
    assert calls.take() == ["GetItem", "TransactWriteItems"]


@pytest.mark.parametrize("wins", [0, 1000])
def test_several_deeds_in_one_breath_take_two_calls_too(
    handler: Handler, request_for: Envelope, dynamodb: Any, calls: CallLog, wins: int
) -> None:
    seed_wins(dynamodb, PERSON, wins) if wins else None
    calls.take()
    run_on = "paid the bill and cleaned the bathroom and called the vet and walked the dog"
    handler(request_for("log_win", win=run_on), None)
    assert calls.take() == ["GetItem", "TransactWriteItems"]
    profile = dynamodb.get_item(
        TableName=TABLE_NAME, Key={"pk": {"S": PERSON.key}, "sk": {"S": "PROFILE"}}
    )
    assert profile["Item"]["win_count"] == {"N": str(wins + 4)}


def test_the_most_deeds_one_write_keeps_fit_one_transaction(
    handler: Handler, request_for: Envelope, store: DynamoWinStore, calls: CallLog
) -> None:
    deeds = [
        *("fed the cat", "made the bed", "paid the rent", "called my sister"),
        *("watered the plants", "took out the bins", "emptied the dishwasher"),
        *("answered an email", "went for a walk", "read a chapter", "cooked dinner"),
        *("folded the washing", "ran a bath"),
    ]
    assert len(deeds) > MAX_WINS_AT_ONCE
    calls.take()
    handler(request_for("log_win", win=" and ".join(deeds)), None)
    assert calls.take() == ["GetItem", "TransactWriteItems"]
    kept = [store.win(PERSON, number) for number in range(1, MAX_WINS_AT_ONCE + 2)]
    assert [win.text if win else None for win in kept] == [*deeds[:MAX_WINS_AT_ONCE], None]


@pytest.mark.parametrize("wins", [1, 10, 1000])
def test_hearing_a_win_takes_two_calls_whatever_the_count(
    handler: Handler, request_for: Envelope, dynamodb: Any, calls: CallLog, wins: int
) -> None:
    seed_wins(dynamodb, PERSON, wins)
    calls.take()
    for _ in range(3):
        handler(request_for("hear_win"), None)
        assert calls.take() == ["Query", "UpdateItem"]


def test_launch_takes_one_call(handler: Handler, request_for: Envelope, calls: CallLog) -> None:
    handler(request_for("launch"), None)
    assert calls.take() == ["GetItem"]


def log_last_week(handler: Handler, request_for: Envelope, clock: Clock, *wins: str) -> None:
    """Wins told through the skill on last week's Thursday; then back to Saturday the 21st."""
    today = clock.now
    clock.now = datetime(2026, 11, 12, 12, 0, tzinfo=UTC)
    for said in wins:
        handler(request_for("log_win", win=said), None)
    clock.now = today


def test_the_weeks_first_launch_offers_the_recap_from_the_profile_in_two_calls_then_one(
    handler: Handler, request_for: Envelope, dynamodb: Any, clock: Clock, calls: CallLog
) -> None:
    """Logging keeps last week's count in the profile: the launch reads it (GetItem) and
    notes the offer (UpdateItem), once a week; the week itself is not read."""
    log_last_week(handler, request_for, clock, "did the laundry", "called my sister", "ran")
    calls.take()

    offered = handler(request_for("launch"), None)
    assert calls.take() == ["GetItem", "UpdateItem"]
    assert "3 wins" in offered["response"]["outputSpeech"]["ssml"]
    handler(request_for("launch"), None)
    assert calls.take() == ["GetItem"]


def test_yes_to_the_recap_reads_the_week_in_two_calls(
    handler: Handler, request_for: Envelope, dynamodb: Any, clock: Clock, calls: CallLog
) -> None:
    log_last_week(handler, request_for, clock, "did the laundry", "called my sister")
    offered = handler(request_for("launch"), None)
    calls.take()

    yes = request_for("yes", attributes=offered["sessionAttributes"])
    read = handler(yes, None)

    assert calls.take() == ["UpdateItem", "Query"]
    assert "called your sister" in read["response"]["outputSpeech"]["ssml"]


def test_a_launch_after_a_week_with_no_wins_takes_one_call_every_time(
    handler: Handler, request_for: Envelope, clock: Clock, calls: CallLog
) -> None:
    """Nothing logged last week: the profile says so, and nothing is read or noted."""
    handler(request_for("log_win", win="did the laundry"), None)  # this week
    calls.take()
    for _ in range(3):
        handler(request_for("launch"), None)
        assert calls.take() == ["GetItem"]


def test_a_week_the_profile_does_not_count_is_read_at_launch(
    handler: Handler, request_for: Envelope, dynamodb: Any, calls: CallLog
) -> None:
    """Wins from before the profile counted them (an older release, an import): the launch
    reads the week (one bounded Query) and notes the offer, once; then one call again."""
    seed_wins(dynamodb, PERSON, 3, when="2026-11-12T12:00:00.000000Z")  # last week's Thursday
    calls.take()

    offered = handler(request_for("launch"), None)
    assert calls.take() == ["GetItem", "Query", "UpdateItem"]
    assert "3 wins" in offered["response"]["outputSpeech"]["ssml"]
    handler(request_for("launch"), None)
    assert calls.take() == ["GetItem"]


def test_a_week_read_at_launch_is_counted_in_the_profile_from_then_on(
    handler: Handler, request_for: Envelope, dynamodb: Any, clock: Clock, calls: CallLog
) -> None:
    """Nothing last week, and no count yet: the first launch reads the fortnight and keeps its
    count in the one write; the next launches, and next week's, read the profile alone."""
    seed_wins(dynamodb, PERSON, 3, when="2026-10-12T12:00:00.000000Z")  # weeks ago
    calls.take()

    handler(request_for("launch"), None)
    assert calls.take() == ["GetItem", "Query", "UpdateItem"]
    for _ in range(2):
        handler(request_for("launch"), None)
        assert calls.take() == ["GetItem"]
    handler(request_for("log_win", win="made the bed"), None)  # Saturday the 21st
    clock.now = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)  # next Monday
    calls.take()
    offered = handler(request_for("launch"), None)
    assert calls.take() == ["GetItem", "UpdateItem"]
    assert "one win last week" in offered["response"]["outputSpeech"]["ssml"]


def test_a_heard_win_said_to_be_from_a_year_ago_today_takes_two_calls(
    store: DynamoWinStore,
    request_for: Envelope,
    dynamodb: Any,
    clock: Clock,
    calls: CallLog,
    alexa: FakeAlexaApi,
) -> None:
    """The week "on this day" was spent rides with the heard win: no write of its own. Said
    on the first landing (the coin comes up), never again that week, and again next week."""
    seed_wins(dynamodb, PERSON, 1, when="2025-11-21T12:00:00.000000Z")  # a year ago today
    handler = make_handler(
        store, skill_id=SKILL_ID, clock=clock, rng=Drawn(0.0), api_ca_file=alexa.ca_file
    )
    calls.take()

    said = []
    for _ in range(3):
        response = handler(request_for("hear_win"), None)
        assert calls.take() == ["Query", "UpdateItem"]
        said.append("A year ago today" in response["response"]["outputSpeech"]["ssml"])
    assert said == [True, False, False]

    clock.now = datetime(2026, 12, 21, 15, 30, tzinfo=UTC)  # a month ago, three weeks on
    seed_wins(dynamodb, PERSON, 1, when="2026-11-21T12:00:00.000000Z")
    calls.take()
    response = handler(request_for("hear_win"), None)
    assert calls.take() == ["Query", "UpdateItem"]
    assert "A month ago today" in response["response"]["outputSpeech"]["ssml"]


def test_help_stop_and_fallback_touch_no_storage(
    handler: Handler, request_for: Envelope, calls: CallLog
) -> None:
    for name in ("help", "stop", "fallback", "session_ended"):
        handler(request_for(name), None)
    assert calls.take() == []


def test_remembering_a_request_takes_one_call_and_a_replay_one_more(
    store: DynamoWinStore, dynamodb: Any, calls: CallLog
) -> None:
    """``wins serve --table`` pays this once per verified request, before the skill answers."""
    now = datetime(2026, 11, 21, tzinfo=UTC)
    expires = now + timedelta(seconds=150)
    calls.take()

    assert store.remember_request("r1", b"digest", expires, now) is None
    assert calls.take() == ["PutItem"]
    assert store.remember_request("r1", b"digest", expires, now) == b"digest"
    assert calls.take() == ["PutItem"]
    item = dynamodb.get_item(
        TableName=TABLE_NAME, Key={"pk": {"S": "SEEN#r1"}, "sk": {"S": "SEEN"}}
    )
    assert item["Item"]["expires_at"] == {"N": str(int(expires.timestamp()))}  # the table's TTL


def test_no_operation_reads_unboundedly(
    handler: Handler, request_for: Envelope, dynamodb: Any, calls: CallLog
) -> None:
    seed_wins(dynamodb, PERSON, 200)
    sent: list[dict[str, Any]] = []
    dynamodb.meta.events.register(
        "provide-client-params.dynamodb.Query", lambda params, **_: sent.append(params)
    )
    calls.take()
    for name in ("launch", "log_win", "hear_win", "set_style", "hear_win"):
        handler(request_for(name), None)
    assert not UNBOUNDED & set(calls.take())
    # Hearing a win reads two items; the launch's recap count reads the week's wins through
    # the time index, between the week's two times: bounded by the week, never the history.
    heard = [q for q in sent if "BETWEEN" not in q["KeyConditionExpression"]]
    assert heard and all(q["Limit"] == 2 for q in heard)
    weeks = [q for q in sent if "BETWEEN" in q["KeyConditionExpression"]]
    assert all(q.get("IndexName") == "by_time" and 0 < q["Limit"] <= 1002 for q in weeks)


def test_hearing_stamps_the_win_and_finds_it_again_as_last_heard(
    store: DynamoWinStore, dynamodb: Any
) -> None:
    seed_wins(dynamodb, PERSON, 5)
    heard = store.mark_heard(PERSON, 4, datetime(2026, 11, 21, tzinfo=UTC))
    assert heard is not None and heard.text == "did thing 4"
    profile, last = store.hear_state(PERSON)
    assert profile == Profile(win_count=5)
    assert last is not None and last.number == 4


def test_a_missing_win_is_reported_not_invented(store: DynamoWinStore, dynamodb: Any) -> None:
    seed_wins(dynamodb, PERSON, 2)
    assert store.mark_heard(PERSON, 7, datetime(2026, 11, 21, tzinfo=UTC)) is None


def test_a_stale_profile_write_is_refused(store: DynamoWinStore) -> None:
    now = datetime(2026, 11, 21, tzinfo=UTC)
    first = Profile(win_count=1, today=now.date(), today_count=1, last_phrase=0)
    store.append_win(PERSON, seen=Profile(), updated=first, text="a", request_id="r1", now=now)
    with pytest.raises(ConcurrentUpdate):  # computed from the empty profile, now out of date
        store.append_win(PERSON, seen=Profile(), updated=first, text="b", request_id="r2", now=now)
    with pytest.raises(DuplicateRequest):
        second = Profile(win_count=2, today=now.date(), today_count=2, last_phrase=1)
        store.append_win(PERSON, seen=first, updated=second, text="a", request_id="r1", now=now)
    assert store.load_profile(PERSON).win_count == 1


def test_concurrent_logging_retries_and_keeps_every_win(
    store: DynamoWinStore, dynamodb: Any, clock: Clock
) -> None:
    """Two devices logging at once: the loser of the race re-reads and stores its win too."""
    service = WinsService(store, clock, Random(1))
    racing = {"done": False}

    def other_device_logs_first(**_: Any) -> None:
        if not racing["done"]:
            racing["done"] = True
            WinsService(store, clock, Random(2)).log_win(
                PERSON, Statement("fed the cat"), "other", WORDING
            )

    dynamodb.meta.events.register(
        "before-call.dynamodb.TransactWriteItems", other_device_logs_first
    )
    outcome = service.log_win(PERSON, Statement("watered the plants"), "mine", WORDING)
    assert isinstance(outcome, Logged) and outcome.plan.total == 2
    texts = sorted(
        i["text"]["S"]
        for i in dynamodb.scan(TableName=TABLE_NAME)["Items"]
        if i["sk"]["S"].startswith("WIN#")
    )
    assert texts == ["fed the cat", "watered the plants"]


@pytest.mark.parametrize("wins", [10, 1000])
def test_recalling_a_day_takes_two_calls_and_reads_what_was_asked_not_the_history(
    handler: Handler, request_for: Envelope, dynamodb: Any, calls: CallLog, wins: int
) -> None:
    seed_wins(dynamodb, PERSON, wins)  # long ago
    for n in range(3):
        handler(request_for("log_win", win=f"watered plant {n}", request_id=f"r-{n}"), None)
    read: list[int] = []

    def items_read(parsed: Any, model: Any, **_: Any) -> None:
        read.append(int(parsed.get("ScannedCount", 0)))

    dynamodb.meta.events.register("after-call.dynamodb.Query", items_read)
    calls.take()

    handler(request_for("recall", slots={"date": "2026-11-21"}), None)  # today, as Alexa sends it

    # The profile is read by the write that keeps the list read (``last_read``).
    assert calls.take() == ["UpdateItem", "Query"]
    assert sum(read) <= 3 + 2  # the by_time index: today's wins, at 10 wins and at 1000


def with_id(slot: str, said: str, slot_type: str, value_id: str) -> dict[str, Any]:
    """A custom slot as Alexa resolves it: the words said and the value's id."""
    authority = {
        "authority": f"amzn1.er-authority.echo-sdk.skill.{slot_type}",
        "status": {"code": "ER_SUCCESS_MATCH"},
        "values": [{"value": {"name": value_id, "id": value_id}}],
    }
    return {
        "name": slot,
        "value": said,
        "confirmationStatus": "NONE",
        "resolutions": {"resolutionsPerAuthority": [authority]},
    }


# The recalls that read a span of days: (intent, its slots); today is Saturday 21 November.
SPAN_READS = {
    "this afternoon": (
        "RecallPartIntent",
        {"part": with_id("part", "afternoon", "DayPart", "afternoon")},
    ),
    "which day did I log the most": ("BestDayIntent", {}),
    "how was my week": ("ReadRecapIntent", {}),
    "from friday to saturday": (
        "RecallDaysIntent",
        {
            "first": {"name": "first", "value": "2026-11-20"},
            "last": {"name": "last", "value": "2026-11-21"},
        },
    ),
    "the last three days": ("RecallDaysIntent", {"count": {"name": "count", "value": "3"}}),
}


@pytest.mark.parametrize("wins", [10, 1000])
@pytest.mark.parametrize("asked", sorted(SPAN_READS))
def test_recalling_part_of_a_day_a_run_of_days_the_week_or_its_best_day_takes_two_calls(
    handler: Handler,
    request_for: Envelope,
    dynamodb: Any,
    calls: CallLog,
    clock: Clock,
    wins: int,
    asked: str,
) -> None:
    """Each reads the profile and the span asked, however many wins there are from before."""
    seed_wins(dynamodb, PERSON, wins)  # long ago
    for n in range(3):
        handler(request_for("log_win", win=f"watered plant {n}", request_id=f"r-{n}"), None)
    read: list[int] = []

    def items_read(parsed: Any, model: Any, **_: Any) -> None:
        read.append(int(parsed.get("ScannedCount", 0)))

    dynamodb.meta.events.register("after-call.dynamodb.Query", items_read)
    intent, slots = SPAN_READS[asked]
    envelope = request_for("recall")
    envelope["request"]["intent"] = {"name": intent, "confirmationStatus": "NONE", "slots": slots}
    calls.take()

    said = plain(speech(handler(envelope, None)))

    assert len(calls.take()) == 2
    assert sum(read) <= 3 + 2  # the by_time index: the span's wins, at 10 wins and at 1000
    assert "3 wins" in said  # the three told today, whatever was asked


def test_the_record_day_is_one_call_however_many_wins(
    handler: Handler, request_for: Envelope, dynamodb: Any, calls: CallLog
) -> None:
    seed_wins(dynamodb, PERSON, 1000)  # long ago, from before a best day was kept
    for n in range(3):
        handler(request_for("log_win", win=f"watered plant {n}", request_id=f"r-{n}"), None)
    envelope = request_for("recall")
    envelope["request"]["intent"] = {"name": "RecordDayIntent", "confirmationStatus": "NONE"}
    envelope["request"]["intent"]["slots"] = {}
    calls.take()

    said = plain(speech(handler(envelope, None)))

    assert calls.take() == ["GetItem"]
    assert said.startswith("Today, with 3 wins.")


def test_counting_wins_takes_two_calls(
    handler: Handler, request_for: Envelope, dynamodb: Any, calls: CallLog
) -> None:
    seed_wins(dynamodb, PERSON, 100)
    envelope = request_for("hear_win")
    envelope["request"]["intent"]["name"] = "CountWinsIntent"
    calls.take()

    handler(envelope, None)

    assert calls.take() == ["GetItem", "Query"]


@pytest.mark.parametrize("wins", [10, 1000])
def test_counting_one_days_wins_takes_two_calls_and_reads_that_day(
    handler: Handler, request_for: Envelope, dynamodb: Any, calls: CallLog, wins: int
) -> None:
    seed_wins(dynamodb, PERSON, wins)  # long ago
    for n in range(3):
        handler(request_for("log_win", win=f"watered plant {n}", request_id=f"r-{n}"), None)
    read: list[int] = []

    def items_read(parsed: Any, model: Any, **_: Any) -> None:
        read.append(int(parsed.get("ScannedCount", 0)))

    dynamodb.meta.events.register("after-call.dynamodb.Query", items_read)
    envelope = request_for("hear_win", slots={"date": "2026-11-21"})  # "how many today"
    envelope["request"]["intent"]["name"] = "CountWinsIntent"
    calls.take()

    response = handler(envelope, None)

    assert calls.take() == ["GetItem", "Query"]
    assert sum(read) <= 3 + 2  # the by_time index: that day's wins, at 10 wins and at 1000
    assert "3 wins" in response["response"]["outputSpeech"]["ssml"]


# Deleting or correcting any win: every turn within two calls, reading what was asked.


def _said(
    request_for: Envelope, name: str, attributes: dict[str, Any] | None = None, **slots: str
) -> dict[str, Any]:
    envelope = request_for(name, attributes=attributes, slots=slots or None, new=False)
    return envelope


def _read_counts(dynamodb: Any) -> list[int]:
    read: list[int] = []

    def items_read(parsed: Any, model: Any, **_: Any) -> None:
        read.append(int(parsed.get("ScannedCount", len(parsed.get("Responses", [])))))

    dynamodb.meta.events.register("after-call.dynamodb.Query", items_read)
    dynamodb.meta.events.register("after-call.dynamodb.TransactGetItems", items_read)
    return read


@pytest.mark.parametrize("wins", [10, 1000])
def test_deleting_by_place_takes_two_calls_to_ask_and_two_to_delete(
    handler: Handler, request_for: Envelope, dynamodb: Any, calls: CallLog, wins: int
) -> None:
    seed_wins(dynamodb, PERSON, wins)
    read = _read_counts(dynamodb)
    listed = {"listed": [wins, wins - 1, wins - 2]}  # as a recall keeps the page it read
    calls.take()

    asked = handler(_said(request_for, "delete_win_at", listed, position="second"), None)

    assert calls.take() == ["TransactGetItems", "GetItem"]  # the win named; the count
    assert sum(read) <= 2
    yes = request_for("yes", attributes=asked["sessionAttributes"], new=False)
    handler(yes, None)
    assert calls.take() == ["TransactGetItems", "TransactWriteItems"]
    assert DynamoWinStore(dynamodb, TABLE_NAME).win(PERSON, wins - 1) is not None
    assert DynamoWinStore(dynamodb, TABLE_NAME).load_profile(PERSON).win_count == wins - 1


@pytest.mark.parametrize("wins", [10, 1000])
def test_a_list_read_in_a_one_shot_is_acted_on_later_within_two_calls_a_turn(
    handler: Handler, request_for: Envelope, dynamodb: Any, clock: Clock, calls: CallLog, wins: int
) -> None:
    """ "Ask small wins what did I do today", then "tell small wins delete the second one":
    the recall keeps the list in the write that reads the profile; the deletion reads the
    profile and that day again, and only that day."""
    seed_wins(dynamodb, PERSON, wins)  # long ago
    for n in range(3):
        handler(request_for("log_win", win=f"watered plant {n}", request_id=f"r-{n}"), None)
    read = _read_counts(dynamodb)
    calls.take()

    handler(request_for("recall", slots={"date": "2026-11-21"}, new=True), None)
    assert calls.take() == ["UpdateItem", "Query"]
    clock.advance(minutes=3)
    read.clear()
    asked = handler(request_for("delete_win_at", slots={"position": "second"}, new=True), None)
    assert calls.take() == ["GetItem", "Query"]
    assert sum(read) <= 3 + 2  # that day's wins, at 10 wins and at 1000
    assert "watered plant 1" in asked["response"]["outputSpeech"]["ssml"]
    handler(request_for("yes", attributes=asked["sessionAttributes"], new=False), None)
    assert calls.take() == ["TransactGetItems", "TransactWriteItems"]
    assert DynamoWinStore(dynamodb, TABLE_NAME).load_profile(PERSON).win_count == wins + 2


@pytest.mark.parametrize("wins", [10, 1000])
def test_deleting_by_words_reads_the_list_and_the_recent_wins_never_the_history(
    handler: Handler, request_for: Envelope, dynamodb: Any, calls: CallLog, wins: int
) -> None:
    seed_wins(dynamodb, PERSON, wins)
    read = _read_counts(dynamodb)
    calls.take()

    handler(_said(request_for, "delete_win", about=f"did thing {wins - 3}"), None)
    assert calls.take() == ["GetItem", "Query"]  # no list read out: the recent wins, by time
    assert sum(read) <= 50 + 2  # and two more, in case an import is writing

    read.clear()
    listed = {"listed": [wins, wins - 1, wins - 2]}
    handler(_said(request_for, "delete_win", listed, about=f"did thing {wins - 3}"), None)
    assert calls.take() == ["TransactGetItems", "GetItem"]  # the list read out; the count
    assert sum(read) <= 53


@pytest.mark.parametrize("wins", [10, 1000])
def test_correcting_a_win_takes_two_calls(
    handler: Handler, request_for: Envelope, dynamodb: Any, calls: CallLog, wins: int
) -> None:
    seed_wins(dynamodb, PERSON, wins)
    calls.take()

    asked = handler(_said(request_for, "correct_win", words="fed the cat"), None)
    assert calls.take() == ["Query"]  # the last win, named before it is changed
    handler(_said(request_for, "yes", asked["sessionAttributes"]), None)
    assert calls.take() == ["UpdateItem"]  # then its words
    handler(_said(request_for, "correct_win", {"that": 3}, words="fed the dog"), None)
    assert calls.take() == ["TransactGetItems", "UpdateItem"]  # the win named in the talk

    store = DynamoWinStore(dynamodb, TABLE_NAME)
    assert [win.text for win in store.wins_numbered(PERSON, [3, wins])] == [
        "fed the dog",
        "fed the cat",
    ]
    calls.take()
    handler(_said(request_for, "correct_win", words="I want to kill myself"), None)
    assert calls.take() == []  # care first: nothing read, nothing changed

    # "change the one about the cat to ...": the recent wins searched, then the yes writes.
    named = request_for("correct_win", slots={"words": "one about the cat to fed the bird"})
    named["request"]["intent"]["name"] = "CorrectWinAtIntent"
    asked = handler(named, None)
    assert calls.take() == ["GetItem", "Query"]
    assert "Change it to: you fed the bird?" in speech(asked), speech(asked)
    done = handler(_said(request_for, "yes", asked["sessionAttributes"]), None)
    assert calls.take() == ["UpdateItem"], done["response"]


# "Undo" right after a delete: the profile, then one write bringing the win back.
@pytest.mark.parametrize("wins", [10, 1000])
def test_undoing_a_delete_takes_two_calls(
    handler: Handler, request_for: Envelope, dynamodb: Any, calls: CallLog, wins: int
) -> None:
    seed_wins(dynamodb, PERSON, wins)
    asked = handler(_said(request_for, "delete_last"), None)
    deleted = handler(_said(request_for, "yes", asked["sessionAttributes"]), None)
    calls.take()
    undo = _said(request_for, "yes", deleted["sessionAttributes"])
    undo["request"]["intent"]["name"] = "UndoIntent"
    handler(undo, None)
    assert calls.take() == ["GetItem", "TransactWriteItems"]
    store = DynamoWinStore(dynamodb, TABLE_NAME)
    assert store.load_profile(PERSON).win_count == wins


@pytest.mark.parametrize("wins", [10, 1000])
def test_undo_in_the_next_conversation_asks_in_two_calls_and_brings_back_in_two(
    handler: Handler, request_for: Envelope, dynamodb: Any, clock: Clock, calls: CallLog, wins: int
) -> None:
    """ "Tell small wins undo that" a minute after a deletion in another conversation: the
    profile and the newest win to ask; the profile and one write on the yes. "Bring it back"
    in a new conversation: the profile and one write."""
    seed_wins(dynamodb, PERSON, wins)
    asked = handler(_said(request_for, "delete_last"), None)
    handler(_said(request_for, "yes", asked["sessionAttributes"]), None)
    clock.advance(minutes=1)
    calls.take()

    undo = request_for("yes", new=True)
    undo["request"]["intent"]["name"] = "UndoIntent"
    offered = handler(undo, None)
    assert calls.take() == ["GetItem", "Query"]
    assert f"you did thing {wins}. Shall I bring it back?" in speech(offered), speech(offered)
    handler(_said(request_for, "yes", offered["sessionAttributes"]), None)
    assert calls.take() == ["GetItem", "TransactWriteItems"]
    assert DynamoWinStore(dynamodb, TABLE_NAME).load_profile(PERSON).win_count == wins

    asked = handler(_said(request_for, "delete_last"), None)
    handler(_said(request_for, "yes", asked["sessionAttributes"]), None)
    calls.take()
    again = request_for("yes", new=True)
    again["request"]["intent"]["name"] = "RestoreWinIntent"
    handler(again, None)
    assert calls.take() == ["GetItem", "TransactWriteItems"]
    assert DynamoWinStore(dynamodb, TABLE_NAME).load_profile(PERSON).win_count == wins


@pytest.mark.parametrize("wins", [10, 1000])
def test_when_a_win_was_logged_takes_two_calls_and_reads_the_recent_wins_only(
    handler: Handler, request_for: Envelope, dynamodb: Any, calls: CallLog, wins: int
) -> None:
    seed_wins(dynamodb, PERSON, wins)
    read = _read_counts(dynamodb)
    calls.take()
    asked = request_for("delete_win", slots={"about": f"thing {wins - 3}"})
    asked["request"]["intent"]["name"] = "WhenLoggedIntent"

    said = handler(asked, None)

    assert calls.take() == ["GetItem", "Query"]
    assert sum(read) <= 50 + 2
    assert f"you did thing {wins - 3}." in speech(said), speech(said)


def test_how_many_this_year_in_january_takes_two_calls_with_last_years_count(
    handler: Handler, request_for: Envelope, dynamodb: Any, clock: Clock, calls: CallLog
) -> None:
    seed_wins(dynamodb, PERSON, 30, when="2025-06-01T12:00:00.000000Z")
    clock.now = datetime(2026, 1, 2, 9, 0, tzinfo=UTC)
    calls.take()
    asked = request_for("hear_win", slots={"date": "2026"})
    asked["request"]["intent"]["name"] = "CountWinsIntent"

    said = handler(asked, None)

    assert calls.take() == ["GetItem", "Query"]
    assert "Last year, you logged 30 wins." in speech(said), speech(said)


# Asked what is set: one read of the profile; "when did I start" one short Query more.
@pytest.mark.parametrize(
    "intent", ["AskReminderIntent", "AskStyleIntent", "AskGoalIntent", "AskSettingsIntent"]
)
def test_asking_what_is_set_takes_one_call(
    handler: Handler, request_for: Envelope, dynamodb: Any, calls: CallLog, intent: str
) -> None:
    seed_wins(dynamodb, PERSON, 100)
    envelope = request_for("hear_win")
    envelope["request"]["intent"]["name"] = intent
    calls.take()

    handler(envelope, None)

    assert calls.take() == ["GetItem"]


@pytest.mark.parametrize("wins", [1, 1000])
def test_when_did_i_start_takes_two_calls_and_reads_one_win(
    handler: Handler, request_for: Envelope, dynamodb: Any, calls: CallLog, wins: int
) -> None:
    seed_wins(dynamodb, PERSON, wins)
    read: list[int] = []

    def items_read(parsed: Any, model: Any, **_: Any) -> None:
        read.append(int(parsed.get("ScannedCount", 0)))

    dynamodb.meta.events.register("after-call.dynamodb.Query", items_read)
    envelope = request_for("hear_win")
    envelope["request"]["intent"]["name"] = "AskStartIntent"
    calls.take()

    handler(envelope, None)

    assert calls.take() == ["GetItem", "Query"]
    assert read == [1]


@pytest.mark.parametrize(
    ("intent", "time"),
    [
        ("SetDailyReminderIntent", "19:30"),  # "remind me at 7:30 pm"
        ("SetEveningReminderIntent", "07:00"),  # "remind me every evening at 7"
        ("ChangeReminderIntent", "08:30"),  # "make it half eight": the evening's too
    ],
)
def test_a_reminder_told_any_way_takes_two_calls_at_most(
    handler: Handler,
    request_for: Envelope,
    dynamodb: Any,
    calls: CallLog,
    alexa: Any,
    intent: str,
    time: str,
) -> None:
    alexa.grant("alexa::alerts:reminders:skill:readwrite")
    granted = {"alexa::alerts:reminders:skill:readwrite": "GRANTED"}
    handler(request_for("set_reminder", slots={"time": "19:00"}, scopes=granted), None)
    envelope = request_for("set_reminder", slots={"time": time}, scopes=granted)
    envelope["request"]["intent"]["name"] = intent
    calls.take()

    handler(envelope, None)

    assert calls.take() == ["GetItem", "UpdateItem"]  # the profile; the new reminder's token
