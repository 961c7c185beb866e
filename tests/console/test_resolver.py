"""The resolver against the real interaction model: what Alexa would make of each utterance."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from skill.console.errors import ConsoleError
from skill.console.hearing.model import InteractionModel, load_model
from skill.console.hearing.resolver import Heard, Resolver


def intent_of(heard: Heard) -> str:
    assert heard.kind == "intent"
    assert heard.intent is not None
    return heard.intent.name


def slot_value(heard: Heard, slot: str) -> str | None:
    assert heard.intent is not None
    return heard.intent.slot(slot).value


@pytest.mark.parametrize(
    "utterance",
    [
        "open small wins",
        "Alexa, open Small Wins!",
        "launch small wins",
        "talk to small wins",
        "start small wins",
        "use small wins",
        "ask small wins",
        "ask small wins to",
    ],
)
def test_the_invocation_name_alone_launches(resolver: Resolver, utterance: str) -> None:
    assert resolver.resolve(utterance) == Heard(invoked=True, kind="launch")


def test_a_one_shot_invocation_carries_the_intent_and_its_slot(resolver: Resolver) -> None:
    heard = resolver.resolve("tell small wins I did the laundry")

    assert heard.invoked
    assert intent_of(heard) == "LogWinIntent"
    assert slot_value(heard, "win") == "did the laundry"


@pytest.mark.parametrize(
    "utterance",
    [
        "ask small wins for a win",
        "ask small wins to remind me of a win",
        "alexa ask small wins for one of my wins",
        "Ask Small Wins: give me a win.",
    ],
)
def test_connecting_words_are_tried_with_and_without(resolver: Resolver, utterance: str) -> None:
    heard = resolver.resolve(utterance)

    assert heard.invoked
    assert intent_of(heard) == "HearWinIntent"


def test_a_connector_is_stripped_when_only_the_rest_matches(resolver: Resolver) -> None:
    heard = resolver.resolve("tell small wins that I didn't give up")

    assert intent_of(heard) == "LogWinIntent"
    assert slot_value(heard, "win") == "didn't give up"


def test_without_the_name_the_utterance_is_not_an_invocation(resolver: Resolver) -> None:
    heard = resolver.resolve("remind me of a win")

    assert not heard.invoked
    assert intent_of(heard) == "HearWinIntent"


def test_a_literal_sample_beats_a_slot_sample(resolver: Resolver) -> None:
    assert intent_of(resolver.resolve("I need a win")) == "HearWinIntent"
    assert intent_of(resolver.resolve("I have a win")) == "LogWinIntent"
    assert slot_value(resolver.resolve("I have a win"), "win") is None


@pytest.mark.parametrize(
    ("utterance", "intent", "win"),
    [
        ("I only did the dishes", "LogMinimisedWinIntent", "did the dishes"),
        ("today I just made tea", "LogMinimisedWinIntent", "made tea"),
        ("it's not much but I went outside", "LogMinimisedWinIntent", "went outside"),
        ("I did the dishes", "LogWinIntent", "did the dishes"),
        ("today I called my mum", "LogWinIntent", "called my mum"),
        ("I'm proud that I ran", "LogWinIntent", "ran"),
    ],
)
def test_the_more_specific_carrier_phrase_wins(
    resolver: Resolver, utterance: str, intent: str, win: str
) -> None:
    heard = resolver.resolve(utterance)

    assert intent_of(heard) == intent
    assert slot_value(heard, "win") == win


@pytest.mark.parametrize("spelling", ["I'm proud I ran", "i\u2019m proud I ran", "im proud I ran"])
def test_apostrophes_case_and_punctuation_do_not_matter(resolver: Resolver, spelling: str) -> None:
    heard = resolver.resolve(spelling)

    assert intent_of(heard) == "LogWinIntent"
    assert slot_value(heard, "win") == "ran"


def test_slot_values_are_lowercase_as_alexa_hears_them(resolver: Resolver) -> None:
    assert slot_value(resolver.resolve("I Called The Bank, Finally!"), "win") == (
        "called the bank finally"
    )


@pytest.mark.parametrize(
    ("utterance", "spoken", "canonical"),
    [
        ("celebrate quietly", "quietly", "calm"),
        ("make it cheerful again", "cheerful", "cheerful"),
        ("keep it low-key", "low key", "calm"),
        ("switch to upbeat mode", "upbeat", "cheerful"),
    ],
)
def test_custom_slots_resolve_synonyms_to_their_canonical_value(
    resolver: Resolver, utterance: str, spoken: str, canonical: str
) -> None:
    heard = resolver.resolve(utterance)

    assert intent_of(heard) == "SetStyleIntent"
    assert heard.intent is not None
    style = heard.intent.slot("style")
    assert style.value == spoken
    assert style.custom
    assert style.entity is not None
    assert (style.entity.id, style.entity.name) == (canonical, canonical)


def test_a_custom_slot_hears_words_outside_its_values_without_resolving_them(
    resolver: Resolver,
) -> None:
    heard = resolver.resolve("make it purple")

    assert intent_of(heard) == "SetStyleIntent"
    assert heard.intent is not None
    assert heard.intent.slot("style").value == "purple"
    assert heard.intent.slot("style").entity is None


@pytest.mark.parametrize(
    ("utterance", "intent"),
    [
        ("help", "AMAZON.HelpIntent"),
        ("what can I say?", "AMAZON.HelpIntent"),
        ("stop", "AMAZON.StopIntent"),
        ("Alexa, stop.", "AMAZON.StopIntent"),
        ("stop please", "AMAZON.StopIntent"),
        ("quit", "AMAZON.StopIntent"),
        ("cancel", "AMAZON.CancelIntent"),
        ("never mind", "AMAZON.CancelIntent"),
        ("go home", "AMAZON.NavigateHomeIntent"),
    ],
)
def test_built_in_intents_have_console_phrases(
    resolver: Resolver, utterance: str, intent: str
) -> None:
    assert intent_of(resolver.resolve(utterance)) == intent


@pytest.mark.parametrize("utterance", ["blorp zzz", "purple monkey dishwasher", "the"])
def test_words_no_sample_names_reach_the_catch_all_with_their_words(
    resolver: Resolver, utterance: str
) -> None:
    # The model's catch-all ("{phrase}") takes what no other sample does, words and all, so
    # the skill can screen them; before it, such words fell to AMAZON.FallbackIntent, wordless.
    heard = resolver.resolve(utterance)
    assert intent_of(heard) == "CatchAllIntent"
    assert heard.intent is not None and heard.intent.slot("phrase").value == utterance


def test_nonsense_after_the_name_is_a_one_shot_catch_all(resolver: Resolver) -> None:
    heard = resolver.resolve("ask small wins purple monkey dishwasher")

    assert heard.invoked
    assert intent_of(heard) == "CatchAllIntent"


def test_the_catch_all_never_takes_what_another_intent_names(resolver: Resolver) -> None:
    for said in ("i did the dishes", "give me a win", "help", "stop", "yes", "keep it calm"):
        assert intent_of(resolver.resolve(said)) != "CatchAllIntent", said


@pytest.mark.parametrize("utterance", ["exit", "Alexa, exit!"])
def test_exit_is_alexas_own_word_for_leaving(resolver: Resolver, utterance: str) -> None:
    assert resolver.resolve(utterance) == Heard(invoked=False, kind="exit")


def test_every_declared_slot_is_present_even_when_empty(resolver: Resolver) -> None:
    heard = resolver.resolve("log a win")

    assert intent_of(heard) == "LogWinIntent"
    assert heard.intent is not None
    assert [(fill.name, fill.value) for fill in heard.intent.slots] == [("win", None)]


def test_the_model_is_the_one_alexa_is_given(model: InteractionModel) -> None:
    assert model.invocation_name == "small wins"
    assert "I only {win}" in model.intent("LogMinimisedWinIntent").samples
    assert {value.id for value in model.types["CelebrationStyle"]} == {"calm", "cheerful"}


def test_a_missing_model_file_is_explained(tmp_path: Path) -> None:
    with pytest.raises(ConsoleError, match="--model"):
        load_model(tmp_path / "en-US.json")


def test_a_broken_model_file_is_explained(tmp_path: Path) -> None:
    broken = tmp_path / "en-US.json"
    broken.write_text('{"interactionModel": {}}')

    with pytest.raises(ConsoleError, match="could not be read"):
        load_model(broken)


@pytest.mark.parametrize(
    ("utterance", "deed"),
    [
        ("tell small wins i guess i showered", "showered"),
        ("tell small wins i think i fed the cat", "fed the cat"),
        ("tell small wins honestly i finished the book", "finished the book"),
        ("tell small wins i kinda went outside", "went outside"),
    ],
)
def test_a_hedged_win_reaches_the_played_down_win_with_the_deed_alone(
    resolver: Resolver, utterance: str, deed: str
) -> None:
    heard = resolver.resolve(utterance)
    assert intent_of(heard) == "LogMinimisedWinIntent"
    assert slot_value(heard, "win") == deed


@pytest.mark.parametrize(
    ("utterance", "plain"),
    [
        ("tell small wins um I did the dishes", "tell small wins I did the dishes"),
        ("tell small wins I uh made the bed", "tell small wins I made the bed"),
        ("er tell small wins er I fed the cat um", "tell small wins I fed the cat"),
    ],
)
def test_hesitations_are_not_heard(resolver: Resolver, utterance: str, plain: str) -> None:
    assert resolver.resolve(utterance) == resolver.resolve(plain)
    assert "um" not in (slot_value(resolver.resolve(utterance), "win") or "").split()


def test_only_the_three_hesitations_are_dropped(resolver: Resolver) -> None:
    """ "erm" is not among them: the console hears no more forgivingly than an Echo."""
    plain = resolver.resolve("tell small wins I did the dishes")
    assert resolver.resolve("tell small wins erm I did the dishes") != plain


@pytest.mark.parametrize(
    ("utterance", "intent"),
    [
        # Answers said the British and Irish way, to any question.
        ("go on so", "AMAZON.YesIntent"),
        ("yeah go on", "AMAZON.YesIntent"),
        ("go on then", "AMAZON.YesIntent"),
        ("aye go on", "AMAZON.YesIntent"),
        ("grand, thanks", "DoneIntent"),
        ("cheers, that's me done", "DoneIntent"),
        ("I'm grand thanks", "DoneIntent"),
        # Rambled and corrected requests: a leading "wait", "actually", "hang on", "oh" or
        # "so", a trailing "then", "like" before a time, "me" for "my".
        ("wait can you remind me at like quarter past seven", "SetDailyReminderIntent"),
        ("actually move my reminder to 9", "ChangeReminderIntent"),
        ("move me reminder to quarter past eight in the evening", "ChangeReminderIntent"),
        ("hang on what did I get done on thursday", "RecallIntent"),
        ("what did I do yesterday then", "RecallIntent"),
        ("oh what did I log on tuesday", "RecallIntent"),
        ("so what were my wins last week", "RecallIntent"),
        ("what about monday", "RecallIntent"),
        ("actually what time is me reminder", "AskReminderIntent"),
        ("so how many wins have I got today", "CountWinsIntent"),
        ("what's me style", "AskStyleIntent"),
        ("undo me last win", "DeleteLastWinIntent"),
        ("what were me wins yesterday", "RecallIntent"),
        # Counting by date: the day's slot, never the span's.
        ("how many wins did I get yesterday", "CountWinsIntent"),
        ("how many on tuesday", "CountWinsIntent"),
        ("how many did I log on the 3rd", "CountWinsIntent"),
    ],
)
def test_what_a_tester_said_reaches_its_intent(
    resolver: Resolver, utterance: str, intent: str
) -> None:
    assert intent_of(resolver.resolve(utterance)) == intent


@pytest.mark.parametrize(
    "utterance",
    ["how many wins did I get yesterday", "how many on tuesday", "how many did I log on the 3rd"],
)
def test_a_count_by_day_fills_the_date_not_the_span(resolver: Resolver, utterance: str) -> None:
    heard = resolver.resolve(utterance)
    assert slot_value(heard, "date") is not None
    assert slot_value(heard, "span") is None


@pytest.mark.parametrize(
    ("utterance", "intent", "slot", "value"),
    [
        ("how many wins have I now", "CountWinsIntent", "span", None),
        ("how many wins have I in all", "CountWinsIntent", "span", "in all"),
        ("how many wins I have", "CountWinsIntent", "span", None),
        ("ask small wins how many wins I have", "CountWinsIntent", "span", None),
        ("read me what I have done this week", "RecallIntent", "date", "2026-W50"),
        ("read me please the wins from last week", "RecallIntent", "date", "2026-W49"),
        ("what I did on the weekend", "RecallIntent", "date", "2026-W50-WE"),
        ("what did I do at the weekend", "RecallIntent", "date", "2026-W50-WE"),
        ("please read me one good thing", "HearWinIntent", None, None),
        ("tell me something good I have done", "HearWinIntent", None, None),
        ("ask small wins to tell me something good I have done", "HearWinIntent", None, None),
    ],
)
def test_counts_and_read_backs_in_everyday_words_reach_their_intent(
    model: InteractionModel, utterance: str, intent: str, slot: str | None, value: str | None
) -> None:
    said_on = Resolver(model, today=lambda: date(2026, 12, 7))  # a Monday
    heard = said_on.resolve(utterance)
    assert intent_of(heard) == intent
    if slot is not None:
        assert slot_value(heard, slot) == value
