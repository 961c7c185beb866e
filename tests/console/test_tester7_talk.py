"""Everyday talk a blind tester found going wrong, said through ``wins chat`` as the four people
said it (a farmer in New South Wales, a teenager in Los Angeles, a carer in Berlin, a tester in
Kolkata), across their own days, the clock pinned: answers to "Are you safe right now?", ways
out of a question, counts and read-backs asked in a tired carer's words, filler left out of what
is kept, changes of mind, the crisis line where the person is, and places in a list read in
parts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

import pytest

from tests.conftest import everything_kept, saved_win_texts
from tests.console.talking import KOLKATA, LOS_ANGELES, SYDNEY, WORDS, talk, talk_ends

# slow: each test runs `wins chat`.
pytestmark = pytest.mark.slow

BERLIN: Final = "Europe/Berlin"
SAFETY: Final = "Are you safe right now?"
CRISIS: Final = "I'm really glad you told me"


def test_a_safe_answer_in_everyday_words_gets_warmth_never_the_crisis_reply(
    tmp_path: Path,
) -> None:
    for answer in ("yeah Im right", "yeah all good", "I'm right mate", "yes I am safe"):
        said = talk(
            tmp_path,
            "2026-10-09T18:05",
            SYDNEY,
            "open small wins",
            "this drought is killing me some days",
            answer,
        )
        assert SAFETY in said[1], said
        assert "glad you're safe" in said[2] and CRISIS not in said[2], (answer, said)
    assert saved_win_texts(tmp_path) == []


def test_a_deed_said_with_a_safe_answer_is_offered_and_kept_only_on_a_second_yes(
    tmp_path: Path,
) -> None:
    said = talk(
        tmp_path,
        "2026-10-01T18:12",
        SYDNEY,
        "open small wins",
        "this drought is killing me some days",
        "yeah fixed the pump on the bore this morning",
    )
    assert "glad you're safe" in said[2] and "fixed the pump on the bore" in said[2], said
    assert said[2].endswith("?") and CRISIS not in said[2]
    assert saved_win_texts(tmp_path) == []
    talk(
        tmp_path,
        "2026-10-01T18:20",
        SYDNEY,
        "open small wins",
        "this drought is killing me some days",
        "yeah fixed the pump on the bore this morning",
        "yes",
    )
    assert saved_win_texts(tmp_path) == ["fixed the pump on the bore this morning"]


def test_being_safe_is_never_stored_or_praised_as_a_win(tmp_path: Path) -> None:
    said = talk(
        tmp_path,
        "2026-10-22T22:10",
        BERLIN,
        "open small wins",
        "Today was very hard. He did not know who I am.",
        "No, I am safe. Only tired.",
        "It is so hard. Some days I do not know why I do this.",
        "yes I am safe",
    )
    assert "glad you're safe" in said[2] and "tired" not in said[2], said
    assert "glad you're safe" in said[4], said
    assert saved_win_texts(tmp_path) == []
    again = talk(
        tmp_path,
        "2026-10-26T21:45",
        BERLIN,
        "open small wins",
        "I cannot do this anymore",
        "I am safe, yes. Only so tired.",
    )
    assert CRISIS in again[1] and "glad" in again[2] and "win" not in again[2], again
    told = talk(
        tmp_path,
        "2026-10-29T21:00",
        BERLIN,
        "tell small wins I'm safe just tired",
        "tell small wins I am safe",
        "tell small wins I kept myself safe today",  # a step they took: a win
    )
    assert all("glad you're safe" in line for line in told[:2]), told
    assert saved_win_texts(tmp_path) == ["kept myself safe today"]


def test_a_question_while_the_check_in_waits_is_asked_about_gently_once(
    tmp_path: Path,
) -> None:
    said = talk_ends(
        tmp_path,
        "2026-10-08T18:05",
        SYDNEY,
        "open small wins",
        "this drought is killing me some days",
        "what did I do on Sunday",
        "yeah I'm right",
    )
    (asked, _), (again, ended), (safe, _) = said[1:]
    assert SAFETY in asked
    assert CRISIS not in again and "are you safe right now?" in again
    assert "stop" in again and not ended
    assert "glad you're safe" in safe
    assert everything_kept(tmp_path).count("sunday") == 0


def test_the_check_ins_reprompt_asks_it_again(tmp_path: Path) -> None:
    import json

    from tests.console.talking import answers, chat

    result = chat(
        tmp_path,
        "open small wins",
        "this drought is killing me some days",
        options=("--at", "2026-10-09T18:05", "--time-zone", SYDNEY, "--json"),
    )
    response = json.loads(answers(result)[-1])["response"]
    reprompt = response["reprompt"]["outputSpeech"]["ssml"]
    assert SAFETY in reprompt and CRISIS not in reprompt
    assert "thirteen eleven fourteen" in reprompt and "000" in reprompt
    assert WORDS.text("check_in.card_title") == response["card"]["title"]


@pytest.mark.parametrize(
    ("zone", "line", "emergency"),
    [
        (BERLIN, "zero eight zero zero, one one one, zero, one one one", "call 112"),
        (KOLKATA, "one four four one six", "call 112"),
    ],
)
def test_the_crisis_line_is_the_one_where_the_person_is(
    tmp_path: Path, zone: str, line: str, emergency: str
) -> None:
    said = talk(tmp_path, "2026-10-26T21:45", zone, "open small wins", "I cannot do this anymore")
    assert CRISIS in said[1] and line in said[1] and emergency in said[1], said
    assert "911" not in said[1]
    assert saved_win_texts(tmp_path) == []


def test_that_is_all_in_the_crisis_flow_closes_kindly_with_the_line_once(tmp_path: Path) -> None:
    for enough in ("that is all", "nah thats it", "thank you, that is enough"):
        said = talk_ends(
            tmp_path,
            "2026-12-08T18:05",
            KOLKATA,
            "open small wins",
            "I feel like disappearing",
            enough,
        )
        (crisis, open_), (goodbye, ended) = said[1:]
        assert CRISIS in crisis and "say stop" in crisis and not open_
        assert ended and goodbye.count("one four four one six") == 1, (enough, goodbye)
    assert saved_win_texts(tmp_path) == []


def test_everyday_ways_out_close_any_question(tmp_path: Path) -> None:
    talk(tmp_path, "2026-10-09T18:05", SYDNEY, "tell small wins I walked the dog")
    said = talk_ends(
        tmp_path,
        "2026-10-10T17:45",
        SYDNEY,
        "open small wins",
        "what did I do today",  # "Want to hear one from another day?"
        "that will do",
        "open small wins",
        "what did I do yesterday",
        "sweet",
        "open small wins",
        "I fixed the gate",
        "thank you, that is enough",
        "open small wins",
        "how many wins today",
        "periodt bye",
    )
    for n in (2, 5, 8, 11):
        reply, ended = said[n]
        assert ended and not reply.endswith("?"), said[n - 1 : n + 1]
    assert saved_win_texts(tmp_path) == ["walked the dog", "fixed the gate"]


def test_a_win_named_before_delete_it_is_deleted_and_the_style_question_never_loops(
    tmp_path: Path,
) -> None:
    for win in ("I walked the dog", "I fed the cat", "I made soup"):
        talk(tmp_path, "2026-10-29T20:00", BERLIN, f"tell small wins {win}")
    said = talk(
        tmp_path,
        "2026-10-29T21:00",
        BERLIN,
        "open small wins",
        "what did I do today",
        "the second one, delete it please",
        "yes",
        "change my style",
        "yes",
        "yes",
    )
    assert "you fed the cat" in said[2] and said[2].endswith("?"), said
    assert said[5] != said[4] and said[6] in WORDS.variants("answer.style_kept"), said
    assert saved_win_texts(tmp_path) == ["walked the dog", "made soup"]


def test_counts_and_read_backs_in_a_tired_carers_words(tmp_path: Path) -> None:
    talk(tmp_path, "2026-10-16T20:00", BERLIN, "tell small wins I made the soup for the week")
    talk(tmp_path, "2026-10-21T20:00", BERLIN, "tell small wins I took him to the park")
    said = talk(
        tmp_path,
        "2026-10-24T20:00",
        BERLIN,
        "ask small wins how many wins have I now",
        "ask small wins how many wins I have",
        "open small wins",
        "how many wins have I in all",
        "read me what I have done this week",
        "please read me one good thing",
        "tell me something good I have done",
        "read me please the wins from last week",
    )
    counts = [said[0], said[1], said[3]]
    assert all("2 wins in all" in line for line in counts), counts
    assert "This week" in said[4] and "you took him to the park" in said[4], said
    for line in said[5:7]:
        assert "you made the soup" in line or "you took him to the park" in line, said
    assert "Last week" in said[7] and "you made the soup for the week" in said[7], said


@pytest.mark.parametrize(
    ("at", "when"),
    [
        ("2026-10-06T05:50", "Last weekend"),  # a Tuesday: the weekend just gone
        ("2026-10-04T18:00", "This weekend"),  # a Sunday: this one
    ],
)
def test_what_i_did_on_the_weekend_is_the_weekend_meant(tmp_path: Path, at: str, when: str) -> None:
    talk(tmp_path, "2026-10-03T10:00", SYDNEY, "tell small wins I crutched the rams")
    talk(tmp_path, "2026-10-04T10:00", SYDNEY, "tell small wins I fixed the gate")
    said = talk(tmp_path, at, SYDNEY, "ask small wins what I did on the weekend")
    assert said[0].startswith(when) and "2 wins" in said[0], said
    assert "you fixed the gate" in said[0] and "you crutched the rams" in said[0]


def test_what_is_kept_is_what_was_meant_and_read_back_so(tmp_path: Path) -> None:
    said = talk(
        tmp_path,
        "2026-12-28T22:47",
        LOS_ANGELES,
        "tell small wins ok so lowkey I finished my chem worksheet no cap",
        "tell small wins I took the trash out tho",
        "tell small wins I went to the gym w my friend",
        "tell small wins fixed the pump on the bore, took three bloody hours",
        "ask small wins what did I do today",
    )
    assert "You finished your chem worksheet" in said[0] and "cap" not in said[0], said
    assert "You fixed the pump on the bore; it took three bloody hours" in said[3], said
    assert "you went to the gym with your friend" in said[4].lower(), said
    assert saved_win_texts(tmp_path) == [
        "finished my chem worksheet",
        "took the trash out",
        "went to the gym with my friend",
        "fixed the pump on the bore; it took three bloody hours",
    ]


def test_a_cheerful_celebration_starts_with_its_words(tmp_path: Path) -> None:
    import json
    import re

    from tests.console.talking import answers, chat

    result = chat(
        tmp_path,
        "tell small wins I did the laundry",
        options=("--at", "2026-12-07T09:00", "--time-zone", SYDNEY, "--json"),
    )
    ssml = json.loads(answers(result)[-1])["response"]["outputSpeech"]["ssml"]
    assert "<audio" in ssml
    spoken = re.sub(r"<[^>]+>", "", ssml)
    assert spoken == spoken.lstrip() and "You did the laundry" in spoken, spoken


def test_a_change_of_mind_a_greeting_or_a_loss_is_never_kept_as_a_win(tmp_path: Path) -> None:
    said = talk(
        tmp_path,
        "2027-01-01T00:08",
        LOS_ANGELES,
        "tell small wins I walked the dog. actually no I didnt, my dad did",
        "open small wins",
        "I did the dishes. wait no my brother did. nvm",
        "happy new year lol",
        "yo what time is it lol",
        "happy new year lol. I stayed up till midnight",
        "no",
    )
    assert "walked" not in said[0] and "dad" not in said[0], said
    assert "brother" not in said[2] and "happy new year" not in said[3].lower(), said
    assert "You stayed up till midnight" in said[5] and "new year" not in said[5].lower()
    farm = talk(
        tmp_path,
        "2026-10-05T17:30",
        SYDNEY,
        "open small wins",
        "the dog got into the chooks, lost four hens",
        "He was awake at night. I have brought him back to bed without shouting",
    )
    assert "sorry" in farm[1].lower() and "hens" not in farm[1], farm
    assert "You have brought him back to bed without shouting" in farm[2], farm
    assert "awake" not in farm[2], farm
    assert saved_win_texts(tmp_path) == [
        "stayed up till midnight",
        "have brought him back to bed without shouting",
    ]


def test_places_after_the_rest_continue_from_the_first_part(tmp_path: Path) -> None:
    for day in range(19, 26):  # Monday to Sunday of the week before
        talk(tmp_path, f"2026-10-{day}T20:00", BERLIN, f"tell small wins I did task number {day}")
    said = talk(
        tmp_path,
        "2026-10-29T21:06",
        BERLIN,
        "open small wins",
        "read me my wins from last week",
        "yes",
        "delete the sixth one",
        "no",
        "delete the second one",
        "no",
        "delete the eighth one",
        "stop",
    )
    assert said[1].endswith("Want the rest?") and "task number 20" in said[2], said
    assert "you did task number 20?" in said[3], said
    assert "you did task number 24?" in said[5], said
    assert "7 wins" in said[7], said
    later = talk(tmp_path, "2026-10-29T21:10", BERLIN, "tell small wins delete the seventh one")
    assert "you did task number 19?" in later[0], later
    assert len(saved_win_texts(tmp_path)) == 7


def test_why_that_time_gets_a_literal_answer_and_the_question_again(tmp_path: Path) -> None:
    said = talk(
        tmp_path,
        "2026-12-07T18:00",
        KOLKATA,
        "open small wins",
        "move my reminder to 8:45 pm",
        "why 8:45",
        "no",
    )
    assert "8:45 PM" in said[1] and said[1].endswith("?"), said
    assert said[2] in {text.format(time="8:45 PM") for text in WORDS.variants("reminder.why")}, said
    assert "Thank you for telling me" not in said[2]
    assert saved_win_texts(tmp_path) == []
