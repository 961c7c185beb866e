"""Recall by day and week through the handler the Lambda runs: real request envelopes, a pinned
clock, the device in Los Angeles (07:30 on Saturday 21 November 2026 there)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from skill.entry import Handler
from skill.speech.catalog import catalog_for
from skill.storage.interface import PortableStore
from skill.storage.records import Profile, StoredWin
from tests.conftest import SPEAKER, Clock, Envelope, ends_session, plain, reprompt, speech

WORDS = catalog_for("en-US")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")


def seed(store: PortableStore, clock: Clock, wins: list[tuple[str, str]]) -> None:
    stored = [
        StoredWin(n, text, datetime.fromisoformat(at).replace(tzinfo=LOS_ANGELES).astimezone(UTC))
        for n, (at, text) in enumerate(wins, 1)
    ]
    profile = Profile(win_count=len(stored), zone="America/Los_Angeles", zone_checked_at=clock())
    store.restore(SPEAKER, profile, stored)


def attributes(response: dict[str, Any]) -> dict[str, Any]:
    return dict(response.get("sessionAttributes") or {})


def answer(request_for: Envelope, intent: str, response: dict[str, Any]) -> dict[str, Any]:
    envelope = request_for("yes", attributes=attributes(response))
    envelope["request"]["intent"]["name"] = intent
    return envelope


SEVEN_YESTERDAY = [(f"2026-11-20 0{hour}:00", f"did chore {hour}") for hour in range(1, 8)]


def test_yesterday_reads_five_newest_first_then_offers_the_rest(
    handler: Handler, request_for: Envelope, store: PortableStore, clock: Clock
) -> None:
    seed(store, clock, [("2026-11-19 12:00", "went to the dentist"), *SEVEN_YESTERDAY])

    first = handler(request_for("recall", slots={"date": "2026-11-20"}), None)

    said = plain(speech(first))
    assert said.startswith("Yesterday, Friday, you logged 7 wins. You did chore 7. You did chore 6")
    assert "You did chore 2." not in said and "dentist" not in said
    assert said.endswith("And 2 more. Want the rest?")
    assert not ends_session(first) and reprompt(first)
    assert attributes(first)["asked"] == "recall_more"

    rest = handler(answer(request_for, "AMAZON.YesIntent", first), None)

    # The end of the list, in a conversation: it stays open, so "delete the second one" can
    # follow.
    assert plain(speech(rest)).startswith("You did chore 2. You did chore 1. That's all of them.")
    assert not ends_session(rest) and reprompt(rest)


def test_the_rest_and_more_read_on_and_no_ends_kindly(
    handler: Handler, request_for: Envelope, store: PortableStore, clock: Clock
) -> None:
    seed(store, clock, SEVEN_YESTERDAY)
    first = handler(request_for("recall", slots={"date": "2026-11-20"}), None)

    more = handler(answer(request_for, "AnotherIntent", first), None)  # "the rest", "more"
    assert "You did chore 1." in plain(speech(more))

    stopped = handler(answer(request_for, "DoneIntent", first), None)  # "that's all"
    assert plain(speech(stopped)) in WORDS.variants("recall.stopped")
    assert ends_session(stopped)


def test_a_weekday_alexa_sends_ahead_is_the_one_gone_by(
    handler: Handler, request_for: Envelope, store: PortableStore, clock: Clock
) -> None:
    seed(store, clock, [("2026-11-17 18:00", "fixed the shelf"), *SEVEN_YESTERDAY])

    # "what did I do on Tuesday", said on Saturday: Alexa sends the coming Tuesday.
    response = handler(request_for("recall", slots={"date": "2026-11-24"}), None)

    assert plain(speech(response)) == "On Tuesday, you logged one win. You fixed the shelf."


def test_a_day_with_nothing_says_so_and_offers_another_day_named_as_such(
    handler: Handler, request_for: Envelope, store: PortableStore, clock: Clock
) -> None:
    seed(store, clock, [("2026-11-17 18:00", "fixed the shelf")])

    empty = handler(request_for("recall", slots={"date": "2026-11-20"}), None)

    said = plain(speech(empty))
    assert said.startswith("I don't have any wins logged yesterday, Friday, and that's okay.")
    assert "shelf" not in said
    assert attributes(empty)["asked"] == "other_day"

    other = handler(answer(request_for, "AMAZON.YesIntent", empty), None)

    assert plain(speech(other)).startswith("On Tuesday, you fixed the shelf.")


def test_this_week_is_since_monday_as_the_count_has_it(
    handler: Handler, request_for: Envelope, store: PortableStore, clock: Clock
) -> None:
    seed(store, clock, [("2026-11-15 12:00", "walked"), ("2026-11-16 12:00", "swam")])

    response = handler(request_for("recall", slots={"date": "2026-W47"}), None)

    assert (
        plain(speech(response))
        == "This week, since Monday, you logged one win. On Monday, you swam."
    )


def test_no_date_or_one_still_to_come_gets_a_kind_answer(
    handler: Handler, request_for: Envelope, store: PortableStore, clock: Clock
) -> None:
    seed(store, clock, SEVEN_YESTERDAY)

    unknown = handler(request_for("recall"), None)
    ahead = handler(request_for("recall", slots={"date": "2026-W49"}), None)

    assert plain(speech(unknown)) in WORDS.variants("recall.unknown")
    assert plain(speech(ahead)) in WORDS.variants("recall.ahead")


def test_a_lost_place_asks_again_and_a_new_person_hears_how_to_start(
    handler: Handler, request_for: Envelope
) -> None:
    lost = handler(request_for("yes", attributes={"asked": "recall_more"}), None)
    new = handler(request_for("recall", slots={"date": "2026-11-20"}), None)

    assert plain(speech(lost)) in WORDS.variants("recall.lost")
    assert plain(speech(new)) in [plain(text) for text in WORDS.variants("hear.none")]


def counted(request_for: Envelope, span: str | None) -> dict[str, Any]:
    envelope = request_for("hear_win")
    envelope["request"]["intent"]["name"] = "CountWinsIntent"
    if span is not None:
        envelope["request"]["intent"]["slots"] = {
            "span": {
                "name": "span",
                "value": span,
                "resolutions": {
                    "resolutionsPerAuthority": [
                        {
                            "authority": "amzn1.er-authority.echo-sdk.skill.WinSpan",
                            "status": {"code": "ER_SUCCESS_MATCH"},
                            "values": [{"value": {"name": span, "id": span}}],
                        }
                    ]
                },
            }
        }
    return envelope


def test_a_count_for_a_span_no_count_knows_is_never_answered_with_the_total(
    handler: Handler, request_for: Envelope, store: PortableStore, clock: Clock
) -> None:
    seed(store, clock, [("2026-11-20 12:00", "swept the floor")])
    envelope = counted(request_for, None)
    envelope["request"]["intent"]["slots"] = {
        "span": {
            "name": "span",
            "value": "yesterday",
            "resolutions": {
                "resolutionsPerAuthority": [
                    {
                        "authority": "amzn1.er-authority.echo-sdk.skill.WinSpan",
                        "status": {"code": "ER_SUCCESS_NO_MATCH"},
                    }
                ]
            },
        }
    }

    answer = plain(speech(handler(envelope, None)))

    assert answer in WORDS.variants("tally.other_span")
    assert "in all" in answer and "1" not in answer and "one win" not in answer


def test_counts_by_span_agree_with_what_recall_reads(
    handler: Handler, request_for: Envelope, store: PortableStore, clock: Clock
) -> None:
    seed(
        store,
        clock,
        [
            ("2026-10-31 23:00", "carved a pumpkin"),  # last month
            ("2026-11-14 12:00", "swept the floor"),  # this month, not this week
            ("2026-11-15 12:00", "walked"),  # last Sunday: last week, not this week
            ("2026-11-21 07:00", "made coffee"),
            ("2026-11-21 07:10", "want to die"),  # stored before a rule: never counted
        ],
    )

    def count(span: str | None) -> str:
        return plain(speech(handler(counted(request_for, span), None)))

    assert count("today") == "You've logged one win today."
    assert count("week") == "You've logged one win this week, since Monday."
    assert count("month") == "You've logged 3 wins this month."


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ("2026-11-20", "Yesterday, Friday, you logged 2 wins."),  # "how many did I get yesterday"
        ("2026-11-17", "On Tuesday, you logged one win."),  # "how many on Tuesday"
        ("2026-11-24", "On Tuesday, you logged one win."),  # the coming Tuesday, as Alexa sends it
        # "on the 18th": asked by its date, named by it
        ("XXXX-XX-18", "Nothing logged on Wednesday, November 18, and that's okay."),
        ("2026-W46", "Last week, you logged one win."),  # Sunday the 15th: last week's
        ("2026-W48", "That's still to come, so nothing is logged for it yet."),  # next week
    ],
)
def test_a_count_by_date_counts_that_span_as_recall_reads_it(
    handler: Handler,
    request_for: Envelope,
    store: PortableStore,
    clock: Clock,
    value: str,
    said: str,
) -> None:
    seed(
        store,
        clock,
        [
            ("2026-11-15 12:00", "walked"),
            ("2026-11-17 12:00", "swam"),
            ("2026-11-20 08:00", "made tea"),
            ("2026-11-20 09:00", "read a page"),
            ("2026-11-20 09:10", "want to die"),  # stored before a rule: never counted
        ],
    )
    envelope = counted(request_for, None)
    envelope["request"]["intent"]["slots"] = {"date": {"name": "date", "value": value}}

    response = handler(envelope, None)

    assert plain(speech(response)) == said
    assert ends_session(response)  # a one-shot: the count alone
