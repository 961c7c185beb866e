"""Settings asked for in words act at once, are kept, and are never stored as wins."""

from __future__ import annotations

from typing import Any

import pytest

from skill.domain.choice import Style
from skill.entry import Handler
from skill.speech.catalog import catalog_for
from skill.storage.interface import PortableStore
from skill.storage.records import Person
from tests.conftest import Envelope, ends_session, plain, speech, stored_texts

WORDS = catalog_for("en-US")
ME = Person.of_account("amzn1.ask.account.AGF7EXAMPLEUSERIDQ3ZJ5XKZ6BVLW3N7OHKVJ2PRZ")
# The follow-up questions brief mode leaves out, wherever they come.
FOLLOW_UPS = [
    *WORDS.variants("continue.speech"),
    *WORDS.variants("hear.continue"),
    *WORDS.variants("style.continue"),
    *WORDS.variants("not_a_win.continue"),
]


def intent(
    request_for: Envelope,
    name: str,
    slots: dict[str, str] | None = None,
    *,
    new: bool = False,
    attributes: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """An IntentRequest for ``name``, in a conversation unless ``new``."""
    envelope = request_for("log_win", new=new, attributes=attributes or {})
    envelope["request"]["intent"] = {
        "name": name,
        "confirmationStatus": "NONE",
        "slots": {
            slot: {"name": slot, "value": value, "confirmationStatus": "NONE"}
            for slot, value in (slots or {}).items()
        },
    }
    return envelope


def said(response: dict[str, Any]) -> str:
    return plain(speech(response))


def asks_a_follow_up(response: dict[str, Any]) -> bool:
    return any(question in said(response) for question in FOLLOW_UPS)


def test_be_brief_confirms_ends_the_session_and_is_kept(
    handler: Handler, request_for: Envelope, store: PortableStore
) -> None:
    response = handler(intent(request_for, "BeBriefIntent"), None)

    assert said(response) in WORDS.variants("settings.brief")
    assert ends_session(response)
    assert store.load_profile(ME).brief is True
    assert stored_texts(store) == []


def test_when_brief_wins_and_counts_carry_no_follow_up_and_end_the_session(
    handler: Handler, request_for: Envelope, store: PortableStore
) -> None:
    handler(intent(request_for, "BeBriefIntent"), None)

    logged = handler(request_for("log_win", win="did the laundry", new=False), None)
    heard = handler(request_for("hear_win", new=False), None)
    counted = handler(intent(request_for, "CountWinsIntent"), None)

    for response in (logged, heard, counted):
        assert not asks_a_follow_up(response), said(response)
        assert ends_session(response)
        assert "reprompt" not in response["response"]
    assert "laundry" in said(logged) and "laundry" in said(heard)
    assert stored_texts(store) == ["did the laundry"]


def test_the_launch_asks_its_one_question_shorter_when_brief(
    handler: Handler, request_for: Envelope
) -> None:
    before = handler(request_for("launch"), None)
    handler(intent(request_for, "BeBriefIntent", new=True), None)
    after = handler(request_for("launch"), None)

    assert said(after) in WORDS.variants("launch.brief")
    assert len(said(after).split()) < len(said(before).split())
    assert not ends_session(after)


def test_a_delete_still_asks_first_when_brief(
    handler: Handler, request_for: Envelope, store: PortableStore
) -> None:
    handler(request_for("log_win", win="walked the dog"), None)
    handler(intent(request_for, "BeBriefIntent"), None)

    response = handler(request_for("delete_last", new=False), None)

    assert said(response).endswith("?") and not ends_session(response)
    assert stored_texts(store) == ["walked the dog"]


def test_asking_for_questions_again_brings_the_follow_ups_back(
    handler: Handler, request_for: Envelope, store: PortableStore
) -> None:
    handler(intent(request_for, "BeBriefIntent"), None)
    again = handler(intent(request_for, "AskAgainIntent"), None)
    logged = handler(request_for("log_win", win="made my bed", new=False), None)

    assert said(again).startswith(WORDS.variants("settings.chatty")[0])
    assert store.load_profile(ME).brief is False
    assert asks_a_follow_up(logged) and not ends_session(logged)


@pytest.mark.parametrize(
    "words",
    [
        "do not want to be asked questions",
        "don't like being asked things",
        "would rather you didn't ask me anything",
    ],
)
def test_a_wish_for_no_questions_said_as_a_win_turns_brief_on_and_is_never_stored(
    handler: Handler, request_for: Envelope, store: PortableStore, words: str
) -> None:
    """ "Tell small wins I don't want to be asked questions"."""
    response = handler(request_for("log_win", win=words), None)

    assert said(response) in WORDS.variants("settings.brief")
    assert store.load_profile(ME).brief is True
    assert stored_texts(store) == []


@pytest.mark.parametrize(
    ("phrase", "style"),
    [
        ("less enthusiastic please", Style.CALM),
        ("could you be a bit more chill", Style.CALM),
        ("stop the sounds", Style.CALM),
        ("can you be a bit more upbeat", Style.CHEERFUL),
    ],
)
def test_calm_or_cheerful_in_natural_words_through_the_catch_all(
    handler: Handler, request_for: Envelope, store: PortableStore, phrase: str, style: Style
) -> None:
    handler(request_for("set_style"), None)  # calm first, so cheerful shows a change
    if style is Style.CALM:
        handler(intent(request_for, "CheerierIntent"), None)
    response = handler(intent(request_for, "CatchAllIntent", {"phrase": phrase}), None)

    assert said(response).startswith(tuple(WORDS.variants(f"style.{style.value}")))
    assert store.load_profile(ME).style is style
    assert stored_texts(store) == []


@pytest.mark.parametrize(
    ("name", "style"), [("CalmerIntent", Style.CALM), ("CheerierIntent", Style.CHEERFUL)]
)
def test_the_style_intents_in_plain_words_switch_and_remember(
    handler: Handler, request_for: Envelope, store: PortableStore, name: str, style: Style
) -> None:
    handler(intent(request_for, name, new=True), None)
    assert store.load_profile(ME).style is style


def test_a_preference_the_skill_cannot_act_on_says_what_can_change_and_stores_nothing(
    handler: Handler, request_for: Envelope, store: PortableStore
) -> None:
    response = handler(intent(request_for, "CatchAllIntent", {"phrase": "log it please"}), None)

    assert said(response).startswith(WORDS.variants("settings.options")[0])
    assert store.load_profile(ME).brief is False
    assert stored_texts(store) == []


def test_crisis_words_beside_a_preference_get_care_and_change_nothing(
    handler: Handler, request_for: Envelope, store: PortableStore
) -> None:
    response = handler(
        request_for("log_win", win="stop asking me questions i want to kill myself"), None
    )

    assert "988" in speech(response) and not ends_session(response)
    assert store.load_profile(ME).brief is False
    assert stored_texts(store) == []


def test_a_style_in_words_no_value_names_is_read_as_said(
    handler: Handler, request_for: Envelope, store: PortableStore
) -> None:
    """ "Less enthusiastic please" fills "{style} please" with words that are no value."""
    envelope = request_for("set_style")
    envelope["request"]["intent"]["slots"]["style"] = {
        "name": "style",
        "value": "less enthusiastic",
    }
    handler(intent(request_for, "CheerierIntent"), None)

    response = handler(envelope, None)

    assert said(response).startswith(tuple(WORDS.variants("style.calm")))
    assert store.load_profile(ME).style is Style.CALM


def test_with_no_wins_yet_someone_brief_is_invited_and_not_kept_waiting(
    handler: Handler, request_for: Envelope
) -> None:
    launch = handler(intent(request_for, "BeBriefIntent", new=True), None)
    launched = handler(request_for("launch"), None)
    attributes = launched["sessionAttributes"]

    response = handler(request_for("hear_win", new=False, attributes=attributes), None)

    assert ends_session(launch) and attributes.get("brief") is True
    assert said(response) in WORDS.variants("hear.none")
    assert ends_session(response)
