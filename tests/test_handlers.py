"""The conversation in detail, through the same handler the Lambda runs, with a pinned clock."""

from __future__ import annotations

import random
import re
from datetime import UTC, datetime
from typing import Any

import pytest

from skill.entry import Handler, make_handler
from skill.speech.catalog import catalog_for
from skill.storage.dynamodb.store import DynamoWinStore
from skill.storage.interface import PortableStore
from tests.conftest import (
    SKILL_ID,
    SPEAKER,
    Clock,
    Envelope,
    ends_session,
    reprompt,
    speech,
    stored_texts,
)

pytestmark = pytest.mark.any_hour  # the date, hour or zone could change its outcome


def plain(ssml: str) -> str:
    return re.sub(r"<[^>]+>", "", ssml).strip()


def test_a_win_is_stored_with_the_persons_words_and_a_utc_timestamp(
    handler: Handler, request_for: Envelope, store: PortableStore, clock: Clock
) -> None:
    handler(request_for("log_win", win="finally called my mom"), None)
    assert list(store.people()) == [SPEAKER]
    [win] = store.wins_of(SPEAKER)
    assert win.text == "finally called my mom"
    assert win.created_at == datetime(2026, 11, 21, 15, 30, tzinfo=UTC)


def test_celebrations_count_wins_today_and_mark_the_first(
    handler: Handler, request_for: Envelope
) -> None:
    first = plain(speech(handler(request_for("log_win", win="made tea"), None)))
    second = plain(speech(handler(request_for("log_win", win="drank water"), None)))
    third = plain(speech(handler(request_for("log_win", win="opened a window"), None)))
    assert "first win" in first
    assert "second win today" in second and "first" not in second
    assert "third win today" in third


def test_a_new_day_starts_counting_again_without_any_streak_talk(
    handler: Handler, request_for: Envelope, clock: Clock
) -> None:
    for win in ("made tea", "drank water", "opened a window"):
        handler(request_for("log_win", win=win), None)
    clock.advance(days=3)
    said = plain(speech(handler(request_for("log_win", win="went outside"), None))).lower()
    assert "today" not in said
    assert not {"streak", "missed", "broke", "again"} & set(re.findall(r"[a-z']+", said))


def test_milestones_are_celebrated(handler: Handler, request_for: Envelope, clock: Clock) -> None:
    spoken = []
    for number in range(1, 11):
        clock.advance(hours=30)  # one a day, so only the milestone is worth saying
        spoken.append(speech(handler(request_for("log_win", win=f"did thing {number}"), None)))
    assert "10 wins in all" in spoken[-1]
    assert "amzn_sfx_crowd_applause" in spoken[-1]
    assert all("wins in all" not in s for s in spoken[1:-1])


def test_wording_is_never_the_same_twice_in_a_row(
    handler: Handler, request_for: Envelope, clock: Clock
) -> None:
    words = catalog_for("en-US")
    templates = words.variants("celebrate.cheerful")
    used = []
    for number in range(40):
        clock.advance(days=1)
        said = plain(speech(handler(request_for("log_win", win=f"did thing {number}"), None)))
        said = said.replace(f"You did thing {number}", "{win}")
        used.append(next(t for t in templates if said.startswith(t)))
    assert all(a != b for a, b in zip(used, used[1:], strict=False))
    assert len(set(used)) > 3


def test_celebrations_are_short(handler: Handler, request_for: Envelope, clock: Clock) -> None:
    for number in range(30):
        said = plain(speech(handler(request_for("log_win_minimised", win="did the dishes"), None)))
        assert len(said.split()) < 25, said
        if number % 3 == 0:
            clock.advance(days=1)


def test_style_persists_across_sessions_and_can_be_switched_back(
    handler: Handler, request_for: Envelope
) -> None:
    handler(request_for("set_style"), None)  # "celebrate quietly" -> calm
    calm = speech(handler(request_for("log_win", win="made my bed"), None))
    assert "<audio" not in calm and "emotion" not in calm
    cheerful = request_for("set_style")
    resolution = cheerful["request"]["intent"]["slots"]["style"]["resolutions"]
    resolution["resolutionsPerAuthority"][0]["values"][0]["value"] = {
        "name": "cheerful",
        "id": "cheerful",
    }
    assert "Cheerful" in speech(handler(cheerful, None))
    assert "<audio" in speech(handler(request_for("log_win", win="brushed my teeth"), None))


def test_unrecognised_style_asks_which(handler: Handler, request_for: Envelope) -> None:
    envelope = request_for("set_style")
    envelope["request"]["intent"]["slots"]["style"] = {"name": "style", "value": "purple"}
    response = handler(envelope, None)
    assert "calm" in speech(response) and "cheerful" in speech(response)
    assert not ends_session(response)


def test_crisis_language_is_never_logged_and_gets_care(
    handler: Handler, request_for: Envelope, store: PortableStore
) -> None:
    response = handler(request_for("log_win", win="thought about how to kill myself"), None)
    said = speech(response)
    assert "988" in said and "911" in said
    assert "<audio" not in said and "win" not in plain(said).lower().replace(
        "log that as a win", ""
    )
    assert "988" in response["response"]["card"]["content"]
    assert stored_texts(store) == []
    assert "haven't logged a win" in speech(handler(request_for("hear_win"), None))


def test_crisis_text_already_stored_is_never_read_back_as_a_win(
    handler: Handler, request_for: Envelope, store: PortableStore, clock: Clock
) -> None:
    # Text stored before a phrase joined the list must not come back as a "win".
    from skill.storage.records import Profile

    store.append_win(
        SPEAKER,
        seen=Profile(),
        updated=Profile(win_count=1, today=clock().date(), today_count=1, last_phrase=0),
        text="want to end my life",
        request_id="amzn1.echo-api.request.legacy",
        now=clock(),
    )
    said = plain(speech(handler(request_for("hear_win"), None)))
    assert "end" not in said and "life" not in said
    assert "1 wins" in said or "Every one" in said


def test_user_text_is_escaped_so_it_never_becomes_markup(
    handler: Handler, request_for: Envelope, store: PortableStore
) -> None:
    win = 'fixed the <audio src="x"/> & "quotes" thing'
    ssml = speech(handler(request_for("log_win", win=win), None))
    assert '<audio src="x"/>' not in ssml
    assert "&lt;audio src=&quot;x&quot;/&gt; &amp; &quot;quotes&quot;" in ssml
    assert ssml.count("<audio") == 1  # only the celebration sound
    assert stored_texts(store)[0] == win  # stored as said


def test_hear_uses_a_natural_relative_date(
    handler: Handler, request_for: Envelope, clock: Clock
) -> None:
    clock.now = datetime(2026, 11, 10, 9, 0, tzinfo=UTC)  # a Tuesday
    handler(request_for("log_win", win="did the laundry"), None)
    clock.now = datetime(2026, 11, 21, 18, 0, tzinfo=UTC)  # the Saturday after next
    said = plain(speech(handler(request_for("hear_win"), None)))
    assert said.startswith("A week ago Tuesday, you did the laundry.")


def test_hear_never_repeats_the_last_win_across_sessions(
    handler: Handler, request_for: Envelope
) -> None:
    for win in ("walked the dog", "did the dishes", "called my sister"):
        handler(request_for("log_win", win=win), None)
    heard = []
    for _ in range(30):
        said = plain(speech(handler(request_for("hear_win"), None)))
        heard.append(said.split(", ", 1)[1].split(".")[0])
    assert all(a != b for a, b in zip(heard, heard[1:], strict=False))
    assert set(heard) == {"you walked the dog", "you did the dishes", "you called your sister"}


def test_the_same_request_delivered_twice_stores_one_win(
    handler: Handler, request_for: Envelope, store: PortableStore
) -> None:
    envelope = request_for(
        "log_win", win="did the laundry", request_id="amzn1.echo-api.request.same"
    )
    first = handler(envelope, None)
    again = handler(envelope, None)
    assert "You did the laundry" in speech(first) and "You did the laundry" in speech(again)
    assert len(stored_texts(store)) == 1


def test_voice_profiles_keep_a_households_wins_apart(
    handler: Handler, request_for: Envelope
) -> None:
    handler(request_for("log_win", win="fixed the sink", person="amzn1.ask.person.ALEX"), None)
    handler(request_for("log_win", win="read a chapter", person="amzn1.ask.person.SAM"), None)
    for _ in range(5):
        alex = speech(handler(request_for("hear_win", person="amzn1.ask.person.ALEX"), None))
        sam = speech(handler(request_for("hear_win", person="amzn1.ask.person.SAM"), None))
        assert "fixed the sink" in alex and "read a chapter" not in alex
        assert "read a chapter" in sam and "fixed the sink" not in sam
    # The account holder without a recognised voice has logged nothing of their own.
    assert "haven't logged" in speech(handler(request_for("hear_win"), None))


def test_fallback_while_waiting_for_a_win_explains_how_to_say_it(
    handler: Handler, request_for: Envelope
) -> None:
    response = handler(request_for("fallback", attributes={"asked": "win"}), None)
    assert "starting with I" in speech(response) or "start" in speech(response).lower()
    assert not ends_session(response) and reprompt(response)


def test_over_long_wins_are_capped_and_the_person_is_told(
    handler: Handler, request_for: Envelope, store: PortableStore
) -> None:
    long_win = "tidied " + " ".join(["the shelf"] * 200)
    said = speech(handler(request_for("log_win", win=long_win), None))
    assert "kept the first part" in said
    assert len(stored_texts(store)[0]) <= 300


def test_a_storage_failure_never_claims_the_win_was_saved(
    request_for: Envelope, dynamodb: Any, clock: Clock
) -> None:
    missing_table = DynamoWinStore(dynamodb, "no-such-table")
    handler = make_handler(missing_table, skill_id=SKILL_ID, clock=clock, rng=random.Random(1))
    response = handler(request_for("log_win", win="did the laundry"), None)
    said = speech(response)
    assert "isn't logged" in said or "couldn't save" in said
    assert "You did the laundry" not in said and "<audio" not in said
    assert ends_session(response)


def test_launch_still_greets_when_storage_is_down(request_for: Envelope, dynamodb: Any) -> None:
    handler = make_handler(DynamoWinStore(dynamodb, "no-such-table"), skill_id=SKILL_ID)
    response = handler(request_for("launch"), None)
    assert "?" in speech(response) and not ends_session(response)


@pytest.mark.parametrize("name", ["log_win", "hear_win", "help", "launch"])
def test_unexpected_errors_get_a_kind_apology(
    request_for: Envelope, store: PortableStore, name: str
) -> None:
    def broken_clock() -> datetime:
        raise RuntimeError("clock broke")

    handler = make_handler(store, skill_id=SKILL_ID, clock=broken_clock, rng=random.Random(1))
    handler(request_for("log_win", win="seeded"), None) if name == "hear_win" else None
    response = handler(request_for(name), None)
    assert speech(response)


def test_unicode_and_emoji_wins_are_kept_and_said_back(
    handler: Handler, request_for: Envelope, store: PortableStore
) -> None:
    win = "baked crème brûlée for my kids 🎂"
    said = speech(handler(request_for("log_win", win=win), None))
    assert "You baked crème brûlée for your kids 🎂" in said
    assert stored_texts(store)[0] == win
    assert "crème brûlée" in speech(handler(request_for("hear_win"), None))
