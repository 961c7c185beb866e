"""Deleting or correcting any win through the handler the Lambda runs: real request envelopes,
a pinned clock, the device in Los Angeles (07:30 on Saturday 21 November 2026 there)."""

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
SEVEN_YESTERDAY = [(f"2026-11-20 0{hour}:00", f"did chore {hour}") for hour in range(1, 8)]


def seed(store: PortableStore, clock: Clock, wins: list[tuple[str, str]]) -> None:
    stored = [
        StoredWin(n, text, datetime.fromisoformat(at).replace(tzinfo=LOS_ANGELES).astimezone(UTC))
        for n, (at, text) in enumerate(wins, 1)
    ]
    profile = Profile(win_count=len(stored), zone="America/Los_Angeles", zone_checked_at=clock())
    store.restore(SPEAKER, profile, stored)


def texts(store: PortableStore) -> list[str]:
    return [win.text for win in store.wins_of(SPEAKER)]


def attributes(response: dict[str, Any]) -> dict[str, Any]:
    return dict(response.get("sessionAttributes") or {})


def then(
    request_for: Envelope, response: dict[str, Any], name: str, **slots: str
) -> dict[str, Any]:
    """The next request in the same conversation: intent ``name`` with ``slots``."""
    envelope = request_for("yes", attributes=attributes(response), slots=slots or None)
    envelope["request"]["intent"]["name"] = name
    return envelope


def said(response: dict[str, Any]) -> str:
    return plain(speech(response))


def confirms(response: dict[str, Any], win: str) -> bool:
    """The response asks whether to delete ``win``, naming it, and waits for the answer."""
    asks = {text.format(win=win) for text in WORDS.variants("forget.confirm")}
    return (
        said(response) in asks
        and attributes(response)["asked"] == "forget"
        and not ends_session(response)
        and bool(reprompt(response))
    )


def recalled(handler: Handler, request_for: Envelope) -> dict[str, Any]:
    """ "What did I do yesterday": five of seven read, newest first; "Want the rest?"."""
    response = handler(request_for("recall", slots={"date": "2026-11-20"}), None)
    assert said(response).endswith("Want the rest?")
    return response


def test_the_second_one_read_out_is_named_and_deleted_on_a_yes(
    handler: Handler, request_for: Envelope, store: PortableStore, clock: Clock
) -> None:
    seed(store, clock, SEVEN_YESTERDAY)
    listed = recalled(handler, request_for)  # chore 7, 6, 5, 4, 3

    asked = handler(then(request_for, listed, "DeleteWinAtIntent", position="second"), None)

    assert confirms(asked, "you did chore 6")
    assert len(texts(store)) == 7  # nothing yet
    done = handler(then(request_for, asked, "AMAZON.YesIntent"), None)
    assert said(done).startswith(WORDS.variants("forget.done")[0])
    assert "did chore 6" not in texts(store) and len(texts(store)) == 6
    assert store.load_profile(SPEAKER).win_count == 6

    # The list keeps its places: the fourth is still chore 4, the second is gone.
    fourth = handler(then(request_for, done, "DeleteWinAtIntent", position="4th"), None)
    assert confirms(fourth, "you did chore 4")
    gone = handler(then(request_for, done, "DeleteWinAtIntent", position="two"), None)
    assert "did chore 6" not in said(gone) and attributes(gone).get("asked") != "forget"


def test_no_keeps_the_win_and_a_miss_names_it_again_before_dropping_the_question(
    handler: Handler, request_for: Envelope, store: PortableStore, clock: Clock
) -> None:
    seed(store, clock, SEVEN_YESTERDAY)
    listed = recalled(handler, request_for)
    asked = handler(then(request_for, listed, "DeleteWinAtIntent", position="last"), None)
    assert confirms(asked, "you did chore 3")

    no = handler(then(request_for, asked, "AMAZON.NoIntent"), None)
    assert said(no).startswith(WORDS.variants("forget.kept")[0])

    missed = handler(then(request_for, asked, "AMAZON.FallbackIntent"), None)
    assert "you did chore 3" in said(missed) and attributes(missed)["asked"] == "forget"
    dropped = handler(then(request_for, missed, "AMAZON.FallbackIntent"), None)
    assert attributes(dropped).get("asked") != "forget"
    late_yes = handler(then(request_for, dropped, "AMAZON.YesIntent"), None)
    assert late_yes and len(texts(store)) == 7  # a yes two turns later deletes nothing


def test_words_find_the_win_meant_among_the_recent_ones_and_several_close_ones_are_asked_about(
    handler: Handler, request_for: Envelope, store: PortableStore, clock: Clock
) -> None:
    seed(
        store,
        clock,
        [
            ("2026-11-18 09:00", "cleaned the oven"),
            ("2026-11-19 09:00", "did the laundry"),
            ("2026-11-20 09:00", "fixed the oven door"),
            ("2026-11-20 10:00", "called my mum"),
        ],
    )

    one = handler(request_for("delete_win", slots={"about": "the one where I called mum"}), None)
    assert confirms(one, "you called your mum")

    which = handler(request_for("delete_win", slots={"about": "the oven"}), None)
    named = "the first, you fixed the oven door, or the second, you cleaned the oven"
    assert said(which) in {text.format(wins=named) for text in WORDS.variants("forget.which")}
    assert attributes(which)["asked"] == "forget_which" and reprompt(which)

    picked = handler(then(request_for, which, "PickWinIntent", position="second"), None)
    assert confirms(picked, "you cleaned the oven")
    handler(then(request_for, picked, "AMAZON.YesIntent"), None)
    assert texts(store) == ["called my mum", "did the laundry", "fixed the oven door"]

    nothing = handler(request_for("delete_win", slots={"about": "the dentist"}), None)
    assert said(nothing) in WORDS.variants("forget.no_match")
    assert len(texts(store)) == 3


def test_a_place_with_no_list_read_out_says_kindly_what_to_say(
    handler: Handler, request_for: Envelope, store: PortableStore, clock: Clock
) -> None:
    seed(store, clock, SEVEN_YESTERDAY)

    response = handler(request_for("delete_win_at", slots={"position": "second"}), None)

    assert said(response) in WORDS.variants("forget.no_list")
    assert len(texts(store)) == 7


def test_the_last_one_with_no_list_is_the_last_win(
    handler: Handler, request_for: Envelope, store: PortableStore, clock: Clock
) -> None:
    seed(store, clock, SEVEN_YESTERDAY)

    response = handler(request_for("delete_win_at", slots={"position": "last"}), None)

    assert confirms(response, "you did chore 7")


def test_undo_after_several_deeds_removes_the_last_deed_only(
    handler: Handler, request_for: Envelope, store: PortableStore
) -> None:
    handler(request_for("log_win", win="made my bed and took a shower and fed the cat"), None)
    assert texts(store) == ["made my bed", "took a shower", "fed the cat"]

    asked = handler(request_for("delete_last"), None)
    assert "you fed the cat" in said(asked)
    handler(request_for("yes", attributes=attributes(asked)), None)

    assert texts(store) == ["made my bed", "took a shower"]


def test_several_deeds_logged_in_a_conversation_are_the_list_a_place_counts_in(
    handler: Handler, request_for: Envelope, store: PortableStore
) -> None:
    logged = handler(
        request_for("log_win", win="made my bed and took a shower and fed the cat", new=False),
        None,
    )

    asked = handler(then(request_for, logged, "DeleteWinAtIntent", position="second"), None)

    assert confirms(asked, "you took a shower")


def test_change_that_corrects_the_win_just_logged_and_says_the_new_words_back(
    handler: Handler, request_for: Envelope, store: PortableStore
) -> None:
    handler(request_for("log_win", win="walked the dog"), None)
    logged = handler(request_for("log_win", win="cleaned the oven", new=False), None)

    fixed = handler(
        then(request_for, logged, "CorrectWinIntent", words="I cleaned the fridge"), None
    )

    assert said(fixed).startswith("Fixed: you cleaned the fridge.")
    assert texts(store) == ["walked the dog", "cleaned the fridge"]


def test_change_that_after_naming_a_win_corrects_that_one(
    handler: Handler, request_for: Envelope, store: PortableStore, clock: Clock
) -> None:
    seed(store, clock, [("2026-11-19 09:00", "cleaned the oven"), ("2026-11-20 09:00", "ran")])
    asked = handler(request_for("delete_win", slots={"about": "the oven"}, new=False), None)
    kept = handler(then(request_for, asked, "AMAZON.NoIntent"), None)

    fixed = handler(then(request_for, kept, "CorrectWinIntent", words="cleaned the fridge"), None)

    assert said(fixed).startswith("Fixed: you cleaned the fridge.")
    assert texts(store) == ["cleaned the fridge", "ran"]


def test_change_the_second_one_corrects_that_place_in_the_list(
    handler: Handler, request_for: Envelope, store: PortableStore, clock: Clock
) -> None:
    seed(store, clock, SEVEN_YESTERDAY)
    listed = recalled(handler, request_for)

    fixed = handler(
        then(request_for, listed, "CorrectWinAtIntent", words="second one to fed the cat"), None
    )

    assert said(fixed).startswith("Fixed: you fed the cat.")
    assert texts(store)[5] == "fed the cat" and "did chore 6" not in texts(store)


@pytest.mark.parametrize(
    "words", ["I want to kill myself", "took all my pills", "i cut myself again"]
)
def test_crisis_words_as_a_correction_get_care_and_change_nothing(
    handler: Handler, request_for: Envelope, store: PortableStore, words: str
) -> None:
    handler(request_for("log_win", win="cleaned the oven"), None)

    response = handler(request_for("correct_win", slots={"words": words}), None)

    assert "988" in said(response) and not ends_session(response)
    assert texts(store) == ["cleaned the oven"]


@pytest.mark.parametrize(
    ("words", "key"),
    [
        ("I hit my sister", "correct.unchanged"),
        ("nothing", "correct.how"),
        ("dunno", "correct.how"),
    ],
)
def test_a_correction_that_is_no_win_or_a_shrug_changes_nothing_and_says_so_kindly(
    handler: Handler, request_for: Envelope, store: PortableStore, words: str, key: str
) -> None:
    handler(request_for("log_win", win="cleaned the oven"), None)

    response = handler(request_for("correct_win", slots={"words": words}), None)

    assert any(variant in said(response) for variant in WORDS.variants(key))
    assert "Fixed" not in said(response)
    assert texts(store) == ["cleaned the oven"]


def test_correcting_with_no_wins_says_there_is_nothing_to_change(
    handler: Handler, request_for: Envelope, store: PortableStore
) -> None:
    response = handler(request_for("correct_win", slots={"words": "fed the cat"}), None)

    assert said(response) in WORDS.variants("correct.nothing")
    assert texts(store) == []


@pytest.mark.parametrize(
    ("request_name", "slot", "words"),
    [
        ("delete_win", "about", "the one where I wanted to kill myself"),
        ("delete_win_at", "position", "i want to end it all"),
    ],
)
def test_crisis_words_in_a_deletion_get_care_first_and_nothing_is_deleted(
    handler: Handler,
    request_for: Envelope,
    store: PortableStore,
    request_name: str,
    slot: str,
    words: str,
) -> None:
    handler(request_for("log_win", win="cleaned the oven"), None)

    response = handler(request_for(request_name, slots={slot: words}), None)

    assert "988" in said(response) and attributes(response).get("asked") == "crisis"
    assert texts(store) == ["cleaned the oven"]


def test_asked_through_other_words_a_deletion_and_a_correction_still_ask_and_judge(
    handler: Handler, request_for: Envelope, store: PortableStore
) -> None:
    handler(request_for("log_win", win="cleaned the oven"), None)
    polite = request_for("log_win", win="x")  # "please delete the one about the oven"
    polite["request"]["intent"] = {
        "name": "SayingIntent",
        "confirmationStatus": "NONE",
        "slots": {"saying": {"name": "saying", "value": "delete the one about the oven"}},
    }

    asked = handler(polite, None)

    assert confirms(asked, "you cleaned the oven")
    oops = request_for("log_win", win="said fed the cat not fed the dog")  # "I said ..., not ..."
    named = handler(oops, None)  # a new conversation: the win it changes is named first
    assert said(named) == "This win: you cleaned the oven. Change it to: you fed the cat?"
    assert texts(store) == ["cleaned the oven"]
    fixed = handler(request_for("yes", attributes=attributes(named)), None)
    assert said(fixed).startswith("Fixed: you fed the cat.")
    assert texts(store) == ["fed the cat"]


def test_a_stored_non_win_is_never_named_or_counted_as_a_match(
    handler: Handler, request_for: Envelope, store: PortableStore, clock: Clock
) -> None:
    # Kept before a rule knew it was no win: never read out, so never named to delete either.
    seed(
        store,
        clock,
        [("2026-11-19 09:00", "called my sister"), ("2026-11-20 09:00", "hit my sister")],
    )

    response = handler(request_for("delete_win", slots={"about": "my sister"}), None)

    assert confirms(response, "you called your sister")


def test_change_that_after_hearing_a_win_corrects_the_win_heard(
    handler: Handler, request_for: Envelope, store: PortableStore, clock: Clock
) -> None:
    seed(store, clock, [("2026-11-19 09:00", "walked the dgo"), ("2026-11-20 09:00", "ran")])
    # "Another": the last win was read out already in this conversation, so the first is next.
    heard = handler(request_for("hear_win", new=False, attributes={"heard": [2]}), None)
    assert "you walked the dgo" in said(heard)

    fixed = handler(then(request_for, heard, "CorrectWinIntent", words="walked the dog"), None)

    assert said(fixed).startswith("Fixed: you walked the dog.")
    assert texts(store) == ["walked the dog", "ran"]  # the win heard, not the last one


def seven_today() -> list[tuple[str, str]]:
    return [(f"2026-11-21 0{hour}:00", f"did chore {hour}") for hour in range(1, 8)]


def test_a_list_that_ended_the_conversation_can_be_acted_on_for_ten_minutes(
    handler: Handler, request_for: Envelope, store: PortableStore, clock: Clock
) -> None:
    """Brief replies: the list read ends the conversation. "Tell small wins delete the second
    one" then names the second win read and asks first; a yes deletes it, and the rest of
    that list keeps its places in the conversation."""
    seed(store, clock, SEVEN_YESTERDAY[:5])
    store.set_brief(SPEAKER, True)
    listed = handler(request_for("recall", slots={"date": "2026-11-20"}, new=True), None)
    assert ends_session(listed) and "did chore 5" in said(listed)

    clock.advance(minutes=2)
    asked = handler(request_for("delete_win_at", slots={"position": "second"}, new=True), None)
    assert confirms(asked, "you did chore 4")
    done = handler(then(request_for, asked, "AMAZON.YesIntent"), None)
    assert "did chore 4" not in texts(store) and len(texts(store)) == 4
    fourth = handler(then(request_for, done, "DeleteWinAtIntent", position="4th"), None)
    assert confirms(fourth, "you did chore 2")


def test_a_list_kept_is_read_as_it_was_and_not_after_ten_minutes(
    handler: Handler, request_for: Envelope, store: PortableStore, clock: Clock
) -> None:
    """A win logged after a list was read does not move its places; ten minutes on, the list
    is no longer there to act on and the skill says how to get one."""
    seed(store, clock, seven_today())
    handler(request_for("recall", slots={"date": "2026-11-21"}, new=True), None)
    clock.advance(minutes=1)
    handler(request_for("log_win", win="fed the cat", new=True), None)
    assert "fed the cat" in texts(store)

    clock.advance(minutes=1)
    second = handler(request_for("delete_win_at", slots={"position": "second"}, new=True), None)
    assert confirms(second, "you did chore 6")

    clock.advance(minutes=9)
    late = handler(request_for("delete_win_at", slots={"position": "second"}, new=True), None)
    assert said(late) in WORDS.variants("forget.no_list")
    assert len(texts(store)) == 8


def test_a_correction_naming_its_win_first_is_asked_about_then_overwrites_its_words(
    handler: Handler, request_for: Envelope, store: PortableStore, clock: Clock
) -> None:
    seed(
        store, clock, [("2026-11-18 09:00", "fixed my bike"), ("2026-11-19 09:00", "called my mum")]
    )
    opened = handler(request_for("launch"), None)
    said_first = "the one about my mum change that to called my dad"

    asked = handler(then(request_for, opened, "CatchAllIntent", phrase=said_first), None)

    assert said(asked) == "This win: you called your mum. Change it to: you called your dad?"
    assert texts(store) == ["fixed my bike", "called my mum"]  # nothing yet
    fixed = handler(then(request_for, asked, "AMAZON.YesIntent"), None)
    assert said(fixed).startswith("Fixed: you called your dad.")
    assert texts(store) == ["fixed my bike", "called my dad"]  # the old words overwritten


def test_fix_the_last_one_its_new_words_changes_the_last_one_read_out(
    handler: Handler, request_for: Envelope, store: PortableStore, clock: Clock
) -> None:
    seed(store, clock, SEVEN_YESTERDAY)
    listed = recalled(handler, request_for)  # chore 7, 6, 5, 4, 3

    fixed = handler(
        then(request_for, listed, "CorrectWinAtIntent", words="last one it's watered the plants"),
        None,
    )

    assert said(fixed).startswith("Fixed: you watered the plants.")
    assert texts(store)[2] == "watered the plants"  # chore 3, the last one read


def test_a_correction_matching_two_wins_asks_which_and_the_pick_gets_the_new_words(
    handler: Handler, request_for: Envelope, store: PortableStore, clock: Clock
) -> None:
    seed(
        store,
        clock,
        [("2026-11-19 09:00", "called my mum"), ("2026-11-20 09:00", "called my sister")],
    )
    opened = handler(request_for("launch"), None)
    phrase = "the one about calling should say rang my gran"

    which = handler(then(request_for, opened, "CatchAllIntent", phrase=phrase), None)

    assert said(which) == (
        "Which one shall I change: the first, you called your sister, "
        "or the second, you called your mum?"
    )
    assert attributes(which)["asked"] == "forget_which" and not ends_session(which)
    fixed = handler(then(request_for, which, "PickWinIntent", position="second"), None)
    assert said(fixed).startswith("Fixed: you rang your gran.")
    assert texts(store) == ["rang my gran", "called my sister"]


def test_a_place_deleted_since_the_list_was_read_is_said_to_be_gone_and_nothing_changes(
    handler: Handler, request_for: Envelope, store: PortableStore, clock: Clock
) -> None:
    seed(store, clock, SEVEN_YESTERDAY)
    listed = recalled(handler, request_for)
    asked = handler(then(request_for, listed, "DeleteWinAtIntent", position="second"), None)
    deleted = handler(then(request_for, asked, "AMAZON.YesIntent"), None)

    again = handler(
        then(request_for, deleted, "CorrectWinAtIntent", words="second one to walked the dog"),
        None,
    )

    gone = WORDS.variants("forget.place_gone")[0].format(place="second")
    assert said(again).startswith(gone)
    assert "walked the dog" not in texts(store) and len(texts(store)) == 6
