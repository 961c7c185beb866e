"""Several deeds in one breath are several wins: each stored as its own, all in one write, and
said back as one short list; a feeling or a struggle said with them is heard, never stored."""

from __future__ import annotations

import re
from typing import Any, Final

import pytest

from skill.entry import Handler
from skill.speech.catalog import catalog_for
from skill.speech.render import MAX_LIST_WORDS
from skill.storage.interface import PortableStore
from tests.conftest import Envelope, plain, speech, stored_texts

WORDS = catalog_for("en-US")


def catch_all(request_for: Envelope, phrase: str) -> dict[str, Any]:
    """Words no sample names, as the model's catch-all brings them."""
    envelope = request_for("log_win")
    envelope["request"]["intent"] = {
        "name": "CatchAllIntent",
        "confirmationStatus": "NONE",
        "slots": {"phrase": {"name": "phrase", "value": phrase, "confirmationStatus": "NONE"}},
    }
    return envelope


@pytest.mark.parametrize(
    ("said", "stored", "echo"),
    [
        (
            "paid the bill cleaned the bathroom and called the vet",
            ["paid the bill", "cleaned the bathroom", "called the vet"],
            "You paid the bill, cleaned the bathroom and called the vet",
        ),
        (
            "emailed the landlord and i also cleaned out the fridge and went to the gym too",
            ["emailed the landlord", "cleaned out the fridge", "went to the gym too"],
            "You emailed the landlord, cleaned out the fridge and went to the gym too",
        ),
        (
            "got up showered and made coffee",
            ["got up", "showered", "made coffee"],
            "You got up, showered and made coffee",
        ),
        (
            "fed the cat and the dog",
            ["fed the cat", "fed the dog"],
            "You fed the cat and fed the dog",
        ),
    ],
)
def test_each_deed_is_stored_as_a_win_and_all_are_said_back_as_one_list(
    handler: Handler,
    request_for: Envelope,
    store: PortableStore,
    said: str,
    stored: list[str],
    echo: str,
) -> None:
    response = handler(request_for("log_win", win=said), None)

    words = plain(speech(response))
    assert echo in words
    assert WORDS.variants("numbers")[len(stored)] in words.lower()
    assert "and more" not in words
    assert stored_texts(store) == stored
    card = response["response"]["card"]["content"]
    assert card.splitlines() == [
        WORDS.text("card.win", win=line)
        for line in [echo.split(",")[0].split(" and ")[0], *_later(echo)]
    ]


def _later(echo: str) -> list[str]:
    """The deeds after the first, as the card lists them: each a sentence of its own."""
    parts = echo.replace(" and ", ", ").split(", ")[1:]
    return [f"You {part}" for part in parts]


def test_a_long_run_on_is_said_back_in_whole_deeds_and_more_and_all_are_kept(
    handler: Handler, request_for: Envelope, store: PortableStore
) -> None:
    deeds = [
        "walked the dog",
        "hoovered the stairs",
        "put a wash on",
        "made lunch for everyone",
        "phoned my grandmother about her birthday",
        "paid the rent",
    ]
    words = plain(speech(handler(request_for("log_win", win=" and ".join(deeds)), None)))

    assert "and more" in words and "six" in words.lower()
    listed = words.split(" and more")[0]
    # Never half a deed: each deed is said whole, or not at all.
    for deed in ["walked the dog", "hoovered the stairs", "put a wash on"]:
        assert deed in listed
    assert "lunch" not in listed and "grandmother" not in listed
    assert len(listed.split()) <= MAX_LIST_WORDS + 1  # and the "You" the list starts with
    assert stored_texts(store) == deeds


def test_a_redelivered_run_on_stores_nothing_more_and_is_still_celebrated(
    handler: Handler, request_for: Envelope, store: PortableStore
) -> None:
    envelope = request_for(
        "log_win",
        win="took my meds had a shower and replied to two emails",
        request_id="amzn1.echo-api.request.twice",
    )
    first = plain(speech(handler(envelope, None)))
    again = plain(speech(handler(envelope, None)))

    for words in (first, again):
        assert "You took your meds, had a shower and replied to two emails" in words
    assert stored_texts(store) == ["took my meds", "had a shower", "replied to two emails"]


def test_a_struggle_with_deeds_is_heard_and_only_the_deeds_are_stored(
    handler: Handler, request_for: Envelope, store: PortableStore
) -> None:
    words = plain(
        speech(
            handler(
                request_for("log_win", win="can't sleep but i cleaned my room and did laundry"),
                None,
            )
        )
    )

    assert "You cleaned your room and did laundry" in words
    assert "sleep" not in words
    assert any(line in words for line in WORDS.variants("told.struggle"))
    assert stored_texts(store) == ["cleaned my room", "did laundry"]


def test_a_struggle_then_a_bare_deed_leads_with_the_win_the_struggle_names(
    handler: Handler, request_for: Envelope, store: PortableStore
) -> None:
    words = plain(
        speech(handler(request_for("log_win", win="failed my driving test but i went"), None))
    )

    assert words.startswith("You took your driving test")
    assert "failed" not in words
    assert any(line in words for line in WORDS.variants("told.struggle"))
    assert stored_texts(store) == ["took my driving test"]


def test_one_deed_alone_is_stored_as_said(
    handler: Handler, request_for: Envelope, store: PortableStore
) -> None:
    words = plain(speech(handler(request_for("log_win", win="did the laundry"), None)))

    assert "You did the laundry" in words and "wins" not in words
    assert stored_texts(store) == ["did the laundry"]


def test_harm_said_with_a_deed_is_never_celebrated_or_stored(
    handler: Handler, request_for: Envelope, store: PortableStore
) -> None:
    for said in [
        "hit my brother and then cleaned the kitchen",
        "cut myself and then did the dishes",
    ]:
        words = plain(speech(handler(request_for("log_win", win=said), None)))
        assert "wins" not in words.lower() and "kitchen" not in words and "dishes" not in words
    assert stored_texts(store) == []


def test_words_no_sample_names_with_several_deeds_are_several_wins(
    handler: Handler, request_for: Envelope, store: PortableStore
) -> None:
    words = plain(
        speech(
            handler(
                catch_all(request_for, "meh i did ten minutes on the bike and walked the dog"), None
            )
        )
    )

    assert "You did ten minutes on the bike and walked the dog" in words
    assert stored_texts(store) == ["did ten minutes on the bike", "walked the dog"]


def test_undo_after_several_wins_offers_the_last_deed_and_keeps_the_others(
    handler: Handler, request_for: Envelope, store: PortableStore
) -> None:
    handler(
        request_for("log_win", win="paid the bill and cleaned the bathroom and called the vet"),
        None,
    )

    offered = handler(request_for("delete_last"), None)
    assert "you called the vet" in plain(speech(offered)).lower()
    attributes = offered["sessionAttributes"]
    handler(request_for("yes", new=False, attributes=attributes), None)

    assert stored_texts(store) == ["paid the bill", "cleaned the bathroom"]


_SENTENCE: Final = re.compile(r"(?<=[.!?])\s+")


def sentences(words: str) -> list[str]:
    return [part.strip().lower() for part in _SENTENCE.split(words) if part.strip()]


def test_no_wording_said_after_a_win_repeats_a_sentence_of_the_celebration() -> None:
    """Whatever is chosen, a reply says each sentence once: no sentence of a celebration is
    also one of the lines that may follow it in the same reply."""
    openings = [
        *WORDS.variants("celebrate.cheerful"),
        *WORDS.variants("celebrate.calm"),
        *WORDS.variants("celebrate_several.cheerful"),
        *WORDS.variants("celebrate_several.calm"),
        *WORDS.variants("progress"),
    ]
    after = [
        *WORDS.variants("minimised"),
        *WORDS.variants("minimised_several"),
        *WORDS.variants("told.feeling"),
        *WORDS.variants("told.struggle"),
        *WORDS.variants("support"),
        *WORDS.variants("continue.speech"),
        WORDS.text("shortened"),
        WORDS.text("count.first_ever"),
        WORDS.text("count.first_several"),
    ]
    fields = {"win": "You ate crackers", "wins": "You ate", "count": "two", "count_word": "Two"}
    said_after = {sentence for line in after for sentence in sentences(line)}
    for opening in openings:
        assert not set(sentences(opening.format(**fields))) & said_after, opening


@pytest.mark.parametrize(
    "said",
    [
        "only managed to eat crackers",
        "just about finished the report",
        "managed to shower and eat crackers",
        "can't sleep but i cleaned my room and did laundry",
        "was exhausted but i still went to work",
        "paid the bill and cleaned the bathroom",
    ],
)
def test_a_reply_never_says_the_same_sentence_twice(
    handler: Handler, request_for: Envelope, said: str
) -> None:
    for attempt in range(12):
        envelope = request_for("log_win", win=said, new=False, request_id=f"r{attempt}")
        words = plain(speech(handler(envelope, None)))
        heard = sentences(words)
        assert len(heard) == len(set(heard)), words


def test_a_list_has_a_wording_for_each_celebration_so_none_is_said_twice_running() -> None:
    """The celebration chosen never repeats the last one; a list is said in the wording of
    the same number, so it never does either."""
    for style in ("cheerful", "calm"):
        assert len(WORDS.variants(f"celebrate_several.{style}")) == len(
            WORDS.variants(f"celebrate.{style}")
        )
        for wording in WORDS.variants(f"celebrate_several.{style}"):
            assert "{wins}" in wording and ("{count}" in wording or "{count_word}" in wording)


def test_a_list_with_a_thing_not_quite_done_is_met_calmly(
    handler: Handler, request_for: Envelope, store: PortableStore
) -> None:
    said = speech(
        handler(request_for("log_win", win="walked the dog and almost finished the report"), None)
    )

    assert "You walked the dog and almost finished the report" in plain(said)
    assert "<audio" not in said  # no fanfare for a thing not done yet
    assert stored_texts(store) == ["walked the dog", "almost finished the report"]
