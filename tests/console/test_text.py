"""Answers as plain text: SSML stripped, entities unescaped, sounds marked."""

from __future__ import annotations

import io
import json
import unicodedata

import pytest

from skill.console.terminal.output import Presenter
from skill.console.terminal.text import card_text, speech_text, ssml_to_text

APPLAUSE = '<audio src="soundbank://soundlibrary/human/amzn_sfx_crowd_applause_01"/>'


def test_tags_go_and_entities_come_back() -> None:
    ssml = (
        '<speak><amazon:emotion name="excited" intensity="medium">You did it!</amazon:emotion>'
        '<break time="300ms"/>You said &quot;tea &amp; toast&quot;, didn&apos;t you?</speak>'
    )

    assert ssml_to_text(ssml) == 'You did it! You said "tea & toast", didn\'t you?'


def test_inline_tags_leave_no_gap_before_punctuation() -> None:
    assert ssml_to_text("<speak>That's <emphasis>great</emphasis>!</speak>") == "That's great!"


def test_sounds_become_the_marker_or_nothing() -> None:
    ssml = f"<speak>{APPLAUSE} Nice one.</speak>"

    assert ssml_to_text(ssml, sound_marker="\u266a") == "\u266a Nice one."
    assert ssml_to_text(ssml) == "Nice one."


def test_whitespace_collapses_to_one_line() -> None:
    assert ssml_to_text("<speak>\n  One.\n\n  <p>Two.</p>   Three. </speak>") == (
        "One. Two. Three."
    )


def test_a_sub_alias_is_what_is_spoken() -> None:
    assert ssml_to_text('<speak><sub alias="for example">e.g.</sub> this</speak>') == (
        "for example this"
    )


@pytest.mark.parametrize(
    ("number", "said"),
    [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (13, "13th")]
    + [(21, "21st"), (22, "22nd"), (23, "23rd"), (111, "111th"), (101, "101st")],
)
def test_a_number_said_as_an_ordinal_keeps_its_ending(number: int, said: str) -> None:
    ssml = (
        f'<speak>That\'s your <say-as interpret-as="ordinal">{number}</say-as> win today.</speak>'
    )

    assert ssml_to_text(ssml) == f"That's your {said} win today."


def test_speech_text_reads_ssml_plain_text_and_nothing() -> None:
    assert speech_text({"type": "SSML", "ssml": "<speak>Hi &amp; bye</speak>"}) == "Hi & bye"
    assert speech_text({"type": "PlainText", "text": " Hi\n there "}) == "Hi there"
    assert speech_text(None) == ""


def test_cards_are_one_line() -> None:
    assert card_text({"type": "Simple", "title": "Small Wins", "content": "You did\nit"}) == (
        "Small Wins: You did it"
    )
    assert card_text({"type": "Standard", "title": "T", "text": "Body"}) == "T: Body"
    assert "alexa::alerts:reminders:skill:readwrite" in card_text(
        {
            "type": "AskForPermissionsConsent",
            "permissions": ["alexa::alerts:reminders:skill:readwrite"],
        }
    )
    assert card_text(None) == ""


def test_no_control_character_reaches_the_terminal_even_when_spelt_as_an_entity() -> None:
    ssml = "<speak>You did the&#27;[2J laundry\x1b]0;owned\x07 &#x9b;31m&#x85;today\u202e.</speak>"
    card = {"type": "Standard", "title": "Win\x1b[5m", "text": "did it\x9b2J"}

    shown = [
        ssml_to_text(ssml),
        speech_text({"type": "PlainText", "text": "tea\x1b[31m\r\n"}),
        card_text(card),
    ]

    assert shown[0].startswith("You did the") and shown[0].endswith("today .")
    assert shown[1:] == ["tea [31m", "Win [5m: did it 2J"]
    assert not [c for text in shown for c in text if unicodedata.category(c) in ("Cc", "Cf")]


@pytest.mark.parametrize(("interactive", "as_json"), [(True, False), (False, False), (False, True)])
def test_the_presenter_never_hands_the_terminal_a_control_character(
    interactive: bool, as_json: bool
) -> None:
    """Whatever an answer holds, from any store or any release: shown, never obeyed."""
    out, notes = io.StringIO(), io.StringIO()
    presenter = Presenter(out, interactive=interactive, as_json=as_json, notes=notes)
    answer = {
        "response": {
            "outputSpeech": {"type": "PlainText", "text": "You did the \x1b[2Jlaundry\x9b31m"},
            "card": {"type": "Simple", "title": "Small Wins", "content": "did it\x1b]0;owned\x07"},
        }
    }

    presenter.show(answer)
    presenter.aside(answer)
    presenter.note("Alexa: Reminder set: \x1b[5mcall the bank\u202e")

    shown = out.getvalue() + notes.getvalue()
    assert "laundry" in shown
    assert not [c for c in shown if unicodedata.category(c) in ("Cc", "Cf") and c != "\n"]
    if as_json:
        assert [json.loads(line) for line in out.getvalue().splitlines()][0] == answer
