"""Care through the real handler: the safety check-in and its every answer, every slot of every
intent screened before anything is done, words no sample names, and the statements that were
once celebrated."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from skill.entry import Handler
from skill.storage.sqlite.store import SqliteWinStore
from tests.conftest import Envelope, ends_session, everything_kept, plain, reprompt, speech

# Tests that store a win are tried at every instant (tests/any_hour.py): the date, the hour or
# the zone could change what is kept. The rest keep nothing, whatever the hour.
MODEL = Path(__file__).resolve().parent.parent / "interaction_models" / "interactionModels"
# Slot types whose values Alexa resolves to a form of its own: they cannot carry words.
_VALUE_TYPES = frozenset({"AMAZON.TIME", "AMAZON.DATE", "AMAZON.NUMBER", "AMAZON.DURATION"})
CHECKED_IN = "stood on the bridge for a while"  # a place and an act, and nothing to say why


def intent(
    request_for: Envelope,
    name: str,
    slots: dict[str, str] | None = None,
    *,
    new: bool = True,
    attributes: dict[str, Any] | None = None,
    state: str | None = None,
) -> dict[str, Any]:
    """An IntentRequest for ``name`` with ``slots`` filled as Alexa fills them."""
    envelope = request_for("log_win", new=new, attributes=attributes)
    envelope["request"]["intent"] = {
        "name": name,
        "confirmationStatus": "NONE",
        "slots": {
            slot: {"name": slot, "value": value, "confirmationStatus": "NONE"}
            for slot, value in (slots or {}).items()
        },
    }
    if state is not None:
        envelope["request"]["dialogState"] = state
    return envelope


def is_care(response: dict[str, Any]) -> bool:
    """The line given, spoken and on a card, and nobody cut off."""
    card = response["response"].get("card", {}).get("content", "")
    return "988" in speech(response) and "988" in card and not ends_session(response)


def asks_if_safe(response: dict[str, Any]) -> bool:
    return "Are you safe right now?" in plain(speech(response))


# The check-in: asked, answered every way.


def checked_in(handler: Handler, request_for: Envelope) -> dict[str, Any]:
    response = handler(intent(request_for, "LogWinIntent", {"win": CHECKED_IN}), None)
    assert asks_if_safe(response) and is_care(response)
    assert "911" in (reprompt(response) or "")  # the reprompt asks again, with the line
    return dict(response["sessionAttributes"])


def test_a_check_in_gives_the_line_at_once_and_keeps_nothing(
    handler: Handler, request_for: Envelope, store: SqliteWinStore
) -> None:
    attributes = checked_in(handler, request_for)
    assert attributes["asked"] == "safety"
    assert "soundbank" not in json.dumps(attributes)
    assert everything_kept(store.data_dir) == "[]"


@pytest.mark.any_hour
def test_safe_then_yes_stores_the_win_calmly_and_safe_then_no_stores_nothing(
    handler: Handler, request_for: Envelope, store: SqliteWinStore
) -> None:
    attributes = checked_in(handler, request_for)
    safe = handler(request_for("yes", new=False, attributes=attributes), None)
    assert "glad you're safe" in speech(safe)
    assert "You stood on the bridge for a while" in speech(safe)
    assert plain(speech(safe)).endswith("?") and not ends_session(safe)
    assert everything_kept(store.data_dir) == "[]"  # not yet: a second yes stores it

    logged = handler(request_for("yes", new=False, attributes=safe["sessionAttributes"]), None)
    assert "You stood on the bridge" in speech(logged)
    assert "soundbank" not in speech(logged)  # met calmly, whatever the style
    assert "stood on the bridge for a while" in everything_kept(store.data_dir)

    attributes = checked_in(handler, request_for)
    safe = handler(request_for("yes", new=False, attributes=attributes), None)
    declined = handler(request_for("no", new=False, attributes=safe["sessionAttributes"]), None)
    assert "988" not in speech(declined)
    assert everything_kept(store.data_dir).count("bridge") == 1


@pytest.mark.parametrize(
    ("answer", "slots"),
    [
        ("AMAZON.NoIntent", {}),
        ("AMAZON.FallbackIntent", {}),  # not understood
        ("AMAZON.RepeatIntent", {}),
        ("AMAZON.HelpIntent", {}),
        ("SetStyleIntent", {"style": "calm"}),  # something new
        ("LogWinIntent", {"win": "did the dishes"}),
        ("CatchAllIntent", {"phrase": "i don't know"}),
    ],
)
def test_anything_but_a_yes_to_the_check_in_gets_the_crisis_answer(
    handler: Handler,
    request_for: Envelope,
    store: SqliteWinStore,
    answer: str,
    slots: dict[str, str],
) -> None:
    attributes = checked_in(handler, request_for)
    response = handler(intent(request_for, answer, slots, new=False, attributes=attributes), None)
    assert is_care(response) and "911" in speech(response)
    assert not asks_if_safe(response)
    assert everything_kept(store.data_dir) == "[]"


@pytest.mark.parametrize(
    ("answer", "slots"),
    [("StateIntent", {"state": "safe"}), ("StateIntent", {"state": "okay"})],
)
def test_saying_i_am_safe_in_words_is_a_yes(
    handler: Handler, request_for: Envelope, answer: str, slots: dict[str, str]
) -> None:
    attributes = checked_in(handler, request_for)
    response = handler(intent(request_for, answer, slots, new=False, attributes=attributes), None)
    assert "glad you're safe" in speech(response)


@pytest.mark.parametrize("goodbye", ["AMAZON.StopIntent", "AMAZON.CancelIntent"])
def test_stop_at_the_check_in_leaves_the_line_and_ends(
    handler: Handler, request_for: Envelope, goodbye: str
) -> None:
    attributes = checked_in(handler, request_for)
    response = handler(intent(request_for, goodbye, new=False, attributes=attributes), None)
    assert "988" in speech(response) and ends_session(response)
    assert "988" in response["response"]["card"]["content"]


# Every slot of every intent is screened before anything is done.


@cache
def slots_of_the_model() -> list[tuple[str, str]]:
    model = json.loads((MODEL / "custom" / "en-US.json").read_text())
    return [
        (found["name"], slot["name"])
        for found in model["interactionModel"]["languageModel"]["intents"]
        for slot in found.get("slots", [])
        if slot["type"] not in _VALUE_TYPES
    ]


def test_the_walk_covers_every_words_slot_in_the_model() -> None:
    walked = slots_of_the_model()
    assert len(walked) >= 28
    assert ("SetStyleIntent", "style") in walked and ("CatchAllIntent", "phrase") in walked


@pytest.mark.parametrize(("name", "slot"), slots_of_the_model())
@pytest.mark.parametrize("words", ["kill myself tonight", "took all my pills to end it"])
def test_crisis_words_in_any_slot_of_any_intent_get_care_and_nothing_is_kept(
    handler: Handler,
    request_for: Envelope,
    store: SqliteWinStore,
    name: str,
    slot: str,
    words: str,
) -> None:
    response = handler(intent(request_for, name, {slot: words}), None)
    assert is_care(response), f"{name}.{slot}: {plain(speech(response))}"
    assert everything_kept(store.data_dir) == "[]"


@pytest.mark.parametrize("asked", ["win", "one_thing", "goal", "style", "reminder_when"])
def test_a_bare_answer_to_any_question_is_screened_as_said(
    handler: Handler, request_for: Envelope, store: SqliteWinStore, asked: str
) -> None:
    attributes = {"asked": asked}
    for words in ("death sounds peaceful", "ending it"):
        said = intent(
            request_for,
            "LogWinIntent",
            {"win": words},
            new=False,
            attributes=attributes,
            state="IN_PROGRESS",
        )
        response = handler(said, None)
        assert is_care(response), f"{asked}: {words!r}: {plain(speech(response))}"
    assert everything_kept(store.data_dir) == "[]"


# The statements the screen once celebrated, each through the whole path.


@pytest.mark.parametrize(
    ("name", "slot", "words"),
    [
        ("LogWinIntent", "win", "took a bottle of sleeping pills"),
        ("LogWinIntent", "win", "bought pills to end it"),
        ("LogWinIntent", "win", "stood on the bridge tonight thinking of jumping"),
        ("LogWinIntent", "win", "walked into traffic on purpose"),
        ("WantIntent", "want", "another minute to die"),
        ("LogWinIntent", "win", "need another minute to die"),
        ("SetStyleIntent", "style", "kill me"),  # "kill me please": "{style} please"
        ("CatchAllIntent", "phrase", "dying would be easier"),
        ("CatchAllIntent", "phrase", "death sounds peaceful"),
        ("CatchAllIntent", "phrase", "kill me please"),
    ],
)
def test_the_statements_once_celebrated_get_care(
    handler: Handler,
    request_for: Envelope,
    store: SqliteWinStore,
    name: str,
    slot: str,
    words: str,
) -> None:
    response = handler(intent(request_for, name, {slot: words}), None)
    assert is_care(response), plain(speech(response))
    assert "soundbank" not in speech(response)
    assert everything_kept(store.data_dir) == "[]"


@pytest.mark.parametrize(
    "words",
    [
        "got blackout drunk",
        "lost the rent money gambling",
        "left my kids home alone all night",
        "smashed my tv",
        "gave up on my diet and binged all night",
        "threw my cat across the room",
    ],
)
def test_harm_once_celebrated_is_not_celebrated_or_kept(
    handler: Handler, request_for: Envelope, store: SqliteWinStore, words: str
) -> None:
    response = handler(intent(request_for, "LogWinIntent", {"win": words}), None)
    assert "soundbank" not in speech(response)
    assert f"You {words}" not in plain(speech(response))
    assert everything_kept(store.data_dir) == "[]"


# Words no sample names.


@pytest.mark.any_hour
def test_a_deed_said_without_i_is_logged(
    handler: Handler, request_for: Envelope, store: SqliteWinStore
) -> None:
    response = handler(intent(request_for, "CatchAllIntent", {"phrase": "took the bins out"}), None)
    assert "You took the bins out" in plain(speech(response))
    assert "took the bins out" in everything_kept(store.data_dir)


@pytest.mark.parametrize(
    ("phrase", "offer"),
    [("a long walk", "you went for a long walk"), ("a nap", "you had a nap")],
)
def test_a_thing_named_alone_unasked_is_asked_about_once_and_kept_only_on_a_yes(
    handler: Handler, request_for: Envelope, store: SqliteWinStore, phrase: str, offer: str
) -> None:
    response = handler(intent(request_for, "CatchAllIntent", {"phrase": phrase}), None)
    said = plain(speech(response))
    assert offer in said and said.endswith("?")
    assert everything_kept(store.data_dir) == "[]"
    attributes = response["sessionAttributes"]
    yes = handler(intent(request_for, "AMAZON.YesIntent", new=False, attributes=attributes), None)
    assert offer.removeprefix("you ") in everything_kept(store.data_dir)
    assert "You " + offer.removeprefix("you ") in plain(speech(yes))


def test_a_harm_or_a_shrug_named_alone_is_not_offered(
    handler: Handler, request_for: Envelope, store: SqliteWinStore
) -> None:
    for phrase in ("a massive binge", "nothing much"):
        response = handler(intent(request_for, "CatchAllIntent", {"phrase": phrase}), None)
        assert "Want me to log" not in plain(speech(response))
    assert everything_kept(store.data_dir) == "[]"


@pytest.mark.parametrize(
    ("phrase", "deed"),
    [
        ("barely anything but i watered the plants", "watered the plants"),
        ("meh i did ten minutes on the exercise bike", "did ten minutes on the exercise bike"),
        ("whatever i cooked pasta", "cooked pasta"),
    ],
)
def test_a_hedged_deed_no_sample_names_is_read_and_logged_without_the_hedge(
    handler: Handler, request_for: Envelope, store: SqliteWinStore, phrase: str, deed: str
) -> None:
    response = handler(intent(request_for, "CatchAllIntent", {"phrase": phrase}), None)
    said = plain(speech(response))
    assert f"You {deed}" in said
    assert not {"barely", "meh", "whatever"} & set(said.lower().split())
    kept = everything_kept(store.data_dir)
    assert deed in kept and not {"barely", "meh", "whatever"} & set(kept.split())


@pytest.mark.parametrize(
    "phrase",
    [
        "meh i cleaned the kitchen and took all my pills",
        "the gun is still in the house but i haven't touched it today",
    ],
)
def test_a_danger_beside_a_deed_no_sample_names_is_met_with_care_and_nothing_kept(
    handler: Handler, request_for: Envelope, store: SqliteWinStore, phrase: str
) -> None:
    response = handler(intent(request_for, "CatchAllIntent", {"phrase": phrase}), None)
    assert "988" in speech(response)
    assert everything_kept(store.data_dir) == "[]"


# Danger told by its class of words, whatever the context: any verb of ending said of a life,
# self-harm by its wounds, tools and slang, a means kept for a time, a plan told as a sequence,
# learner English, and means still near while someone holds on.
@pytest.mark.parametrize(
    "phrase",
    [
        "thinking about terminating my existence after the harvest",
        "gonna let the infection finish me off this time",
        "i no can more with this life",
        "went down to beans on my forearm again",
        "did s h in the barracks toilets",
        "had a meltdown and slammed my head against the wall over and over",
        "rubbed ice and salt into my thigh",
        "my wrist needs stitches from what i did",
        "the service pistol is in my locker for tonight",
        "disconnected my insulin pump and i am leaving it off",
        "i will sort the dog out and then take the tablets",
        "been googling how many it takes",
        "i said my final prayers",
        "my mate did it in the spring and i reckon i am next",
        "i made tea but the pills are still next to my bed",
        "i hid the tablets instead of taking them but they are still in my bag",
    ],
)
def test_danger_told_by_its_class_of_words_is_met_with_care_and_nothing_kept(
    handler: Handler, request_for: Envelope, store: SqliteWinStore, phrase: str
) -> None:
    response = handler(intent(request_for, "CatchAllIntent", {"phrase": phrase}), None)
    assert "988" in speech(response), plain(speech(response))
    assert "soundbank" not in speech(response)
    assert not plain(speech(response)).startswith("You ")
    assert everything_kept(store.data_dir) == "[]"


@pytest.mark.any_hour
@pytest.mark.parametrize(
    ("words", "key"),
    [
        ("cut my hair", "hair"),
        ("took my meds", "meds"),
        ("hit the gym", "gym"),
        ("burned the toast but ate it", "toast"),
        ("finished my life admin", "admin"),
        ("gave blood at the town hall", "blood"),
        ("put slug pellets down on the allotment", "pellets"),
        ("cleaned my service rifle for inspection", "inspection"),
    ],
)
def test_the_same_words_in_everyday_use_are_still_kept(
    handler: Handler, request_for: Envelope, store: SqliteWinStore, words: str, key: str
) -> None:
    response = handler(intent(request_for, "LogWinIntent", {"win": words}), None)
    assert "988" not in speech(response), plain(speech(response))
    assert key in everything_kept(store.data_dir)


@pytest.mark.parametrize(
    ("answer", "kept"), [("not much really", False), ("ugh whatever i cooked pasta", True)]
)
def test_a_bare_answer_is_read_for_a_shrug_and_without_its_hedges(
    handler: Handler, request_for: Envelope, store: SqliteWinStore, answer: str, kept: bool
) -> None:
    asked = intent(
        request_for, "LogWinIntent", {"win": answer}, new=False, attributes={"asked": "win"}
    )
    said = plain(speech(handler(asked, None)))
    assert "You not much" not in said
    assert not {"ugh", "whatever"} & set(said.lower().replace(".", " ").split())
    assert ("cooked pasta" in everything_kept(store.data_dir)) is kept
    assert "really" not in everything_kept(store.data_dir)


def test_words_that_are_no_deed_are_not_understood_and_the_second_time_help_is_named(
    handler: Handler, request_for: Envelope, store: SqliteWinStore
) -> None:
    first = handler(intent(request_for, "CatchAllIntent", {"phrase": "purple monkey"}), None)
    assert "988" not in speech(first) and not ends_session(first)
    again = intent(
        request_for,
        "CatchAllIntent",
        {"phrase": "purple monkey"},
        new=False,
        attributes=first["sessionAttributes"],
    )
    second = handler(again, None)
    assert "I need help" in plain(speech(second))
    assert everything_kept(store.data_dir) == "[]"


# Celebration scaled to confidence.


@pytest.mark.any_hour
def test_a_win_said_beside_distress_is_kept_and_met_calmly(
    handler: Handler, request_for: Envelope, store: SqliteWinStore
) -> None:
    words = "did the dishes even though i feel awful"
    response = handler(intent(request_for, "LogWinIntent", {"win": words}), None)
    assert "soundbank" not in speech(response)
    assert "988" not in speech(response)
    assert "dishes" in everything_kept(store.data_dir)


@pytest.mark.any_hour
def test_a_plain_win_is_still_celebrated_with_a_sound(
    handler: Handler, request_for: Envelope, store: SqliteWinStore
) -> None:
    style = intent(request_for, "SetStyleIntent", {"style": "cheerful"})
    handler(style, None)
    response = handler(intent(request_for, "LogWinIntent", {"win": "did the laundry"}), None)
    assert "soundbank" in speech(response)
    assert "You did the laundry" in plain(speech(response))


def test_safe_after_a_check_in_about_medicine_offers_nothing_to_log(
    handler: Handler, request_for: Envelope, store: SqliteWinStore
) -> None:
    words = "took two paracetamol"
    response = handler(intent(request_for, "LogWinIntent", {"win": words}), None)
    assert asks_if_safe(response)
    safe = handler(request_for("yes", new=False, attributes=response["sessionAttributes"]), None)
    assert "glad you're safe" in speech(safe)
    assert "paracetamol" not in speech(safe) and "log that" not in speech(safe)
    again = handler(request_for("yes", new=False, attributes=safe["sessionAttributes"]), None)
    assert "paracetamol" not in speech(again)
    assert everything_kept(store.data_dir) == "[]"


# Right after the crisis answer.


def after_crisis(handler: Handler, request_for: Envelope) -> dict[str, Any]:
    crisis = handler(intent(request_for, "LogWinIntent", {"win": "want to die"}), None)
    assert is_care(crisis)
    return dict(crisis["sessionAttributes"])


@pytest.mark.parametrize(
    ("name", "slots"),
    [("StateIntent", {"state": "okay"}), ("StateIntent", {"state": "fine"})],
)
def test_i_am_okay_after_the_crisis_answer_gets_warmth_and_the_line_never_a_celebration(
    handler: Handler,
    request_for: Envelope,
    store: SqliteWinStore,
    name: str,
    slots: dict[str, str],
) -> None:
    attributes = after_crisis(handler, request_for)
    response = handler(intent(request_for, name, slots, new=False, attributes=attributes), None)
    assert plain(speech(response)).startswith("I'm glad.")
    assert is_care(response) and "soundbank" not in speech(response)
    assert everything_kept(store.data_dir) == "[]"


@pytest.mark.parametrize("words", ["don't know", "dunno", "meh"])
def test_a_shrug_after_the_crisis_answer_gets_the_line_again(
    handler: Handler, request_for: Envelope, store: SqliteWinStore, words: str
) -> None:
    attributes = after_crisis(handler, request_for)
    said = intent(request_for, "LogWinIntent", {"win": words}, new=False, attributes=attributes)
    response = handler(said, None)
    assert is_care(response) and "celebrat" not in speech(response)
    assert everything_kept(store.data_dir) == "[]"


@pytest.mark.any_hour
def test_a_real_win_after_the_crisis_answer_is_still_logged(
    handler: Handler, request_for: Envelope, store: SqliteWinStore
) -> None:
    attributes = after_crisis(handler, request_for)
    said = intent(
        request_for, "LogWinIntent", {"win": "fed the cat"}, new=False, attributes=attributes
    )
    response = handler(said, None)
    assert "You fed the cat" in plain(speech(response))
    assert "fed the cat" in everything_kept(store.data_dir)


@pytest.mark.parametrize(
    "phrase",
    [
        "did i finish my one thing yesterday",
        "set a reminder for six pm",
        "can you tell me what i did",
        "that was not a win it was a question remove it",
        "9",
    ],
)
def test_a_question_a_request_or_a_complaint_no_sample_names_is_never_kept_or_offered(
    handler: Handler, request_for: Envelope, store: SqliteWinStore, phrase: str
) -> None:
    response = handler(intent(request_for, "CatchAllIntent", {"phrase": phrase}), None)
    said = plain(speech(response))
    assert "Want me to log" not in said and "win here" not in said, said
    assert everything_kept(store.data_dir) == "[]"


@pytest.mark.parametrize(
    "win", ["need a pick me up say something nice", "want you to read me something good"]
)
def test_a_wish_said_after_i_is_never_kept_as_a_deed(
    handler: Handler, request_for: Envelope, store: SqliteWinStore, win: str
) -> None:
    response = handler(intent(request_for, "LogWinIntent", {"win": win}), None)
    assert "win here" not in plain(speech(response))
    assert everything_kept(store.data_dir) == "[]"


# The morning question answered with deeds already done: heard as done, not as meant.


@pytest.mark.parametrize(
    "said",
    [
        "did a bungee jump off the bridge for my birthday",
        "climbed the harbour bridge with my dad",
        "rode the cable car up the mountain with my sister",
    ],
)
def test_an_outing_told_as_done_to_the_morning_question_is_no_crisis(
    handler: Handler, request_for: Envelope, said: str
) -> None:
    answer = intent(
        request_for,
        "SetOneThingIntent",
        {"thing": said},
        new=False,
        attributes={"asked": "one_thing"},
    )
    response = handler(answer, None)
    assert "988" not in speech(response), plain(speech(response))


@pytest.mark.parametrize(
    "said",
    [
        "took all my pills to end it",
        "jump off the bridge tonight",
        "did the washing and then i will jump off the bridge tonight",
    ],
)
def test_danger_said_to_the_morning_question_gets_care_told_as_done_or_meant(
    handler: Handler, request_for: Envelope, store: SqliteWinStore, said: str
) -> None:
    answer = intent(
        request_for,
        "SetOneThingIntent",
        {"thing": said},
        new=False,
        attributes={"asked": "one_thing"},
    )
    assert is_care(handler(answer, None)), said
    assert everything_kept(store.data_dir) == "[]"


# Self-hatred and everything feeling too much: no danger named, but a sign of risk.


@pytest.mark.parametrize(
    ("name", "slots"),
    [
        ("LogWinIntent", {"win": "hate myself"}),
        ("LogWinIntent", {"win": "am so useless"}),
        ("LifeIntent", {"rest": "feels like too much"}),
        ("SayingIntent", {"saying": "all getting too much"}),
    ],
)
def test_heavy_words_that_are_no_win_also_give_the_line_gently_and_keep_nothing(
    handler: Handler, request_for: Envelope, store: SqliteWinStore, name: str, slots: dict[str, str]
) -> None:
    response = handler(intent(request_for, name, slots), None)
    assert "988" in speech(response) and "988" in response["response"]["card"]["content"]
    assert "soundbank" not in speech(response) and not asks_if_safe(response)
    assert everything_kept(store.data_dir) == "[]"


def test_a_day_said_to_be_nothing_gets_no_line(
    handler: Handler, request_for: Envelope, store: SqliteWinStore
) -> None:
    response = handler(intent(request_for, "LogWinIntent", {"win": "did nothing today"}), None)
    assert "988" not in speech(response) and "card" not in response["response"]
    assert everything_kept(store.data_dir) == "[]"
