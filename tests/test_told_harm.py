"""Harm and pain told by their class of word, through the real handler: never celebrated or kept,
while a win said after a loss or a setback is still kept, and old self-harm healing is a win met
with a word of support. The sentences are examples of each class, not lines of a corpus."""

from __future__ import annotations

from typing import Any

import pytest

from skill.entry import Handler
from skill.speech.catalog import catalog_for
from skill.storage.sqlite.store import SqliteWinStore
from tests.conftest import Envelope, everything_kept, plain, speech


def told(request_for: Envelope, words: str) -> dict[str, Any]:
    """A LogWinIntent ("I {win}") with ``words`` in its win slot."""
    envelope = request_for("log_win")
    envelope["request"]["intent"] = {
        "name": "LogWinIntent",
        "confirmationStatus": "NONE",
        "slots": {"win": {"name": "win", "value": words, "confirmationStatus": "NONE"}},
    }
    return envelope


@pytest.mark.parametrize(
    "words",
    [
        # On the road, in anger.
        "brake checked a lorry on the bypass",
        "screamed at a cyclist out of the window at the lights",
        # Spite and revenge.
        "let my ex's tyres down out of spite",
        "started a rumour about my coworker so she would look bad",
        # Misconduct at work and school.
        "pulled a sickie and went to the pub",
        "skived off the last two lessons",
        # Spending hidden, buying more, hoarding.
        "hid the receipts from my husband",
        "ordered another lamp at 3am that i do not need",
        "cannot open the door of the box room for all the stuff",
        # Diet rules.
        "skipped lunch and tea so i would fit into the dress",
        "weighed myself five times before lunch",
        # Painful events that happened to the person.
        "got made redundant this morning",
        "had to have my old cat put down",
        # Sarcasm said of a setback.
        "go me i locked myself out again",
        # Substances told with pride, borrowing to spend.
        "necked a bottle of prosecco before the school run",
        "used klarna for a takeaway again",
        # Harm to those in one's care, and cruelty.
        "forgot to feed the rabbit all weekend",
        "called my stepdaughter fat in front of her friends",
        # Avoidance.
        "scrolled till four in the morning again",
    ],
)
def test_harm_or_pain_told_by_its_class_is_not_celebrated_or_kept(
    handler: Handler, request_for: Envelope, store: SqliteWinStore, words: str
) -> None:
    response = handler(told(request_for, words), None)
    assert "soundbank" not in speech(response)
    assert "You " + words.split()[0] not in plain(speech(response))
    assert everything_kept(store.data_dir) == "[]"


@pytest.mark.parametrize(
    ("words", "reply"),
    [
        ("got made redundant this morning", "pain"),
        ("was told it is cancer", "pain"),
        ("fasted two days before the weigh in", "eating"),
        ("let his tyres down out of spite", "harm"),
    ],
)
def test_harm_or_pain_is_answered_for_what_it_is(
    handler: Handler, request_for: Envelope, words: str, reply: str
) -> None:
    response = handler(told(request_for, words), None)
    assert plain(speech(response)) in catalog_for("en-US").variants(f"not_a_win.{reply}")


@pytest.mark.any_hour
@pytest.mark.parametrize(
    ("words", "key"),
    [
        ("got made redundant but i applied for three jobs", "applied"),
        ("lost my job last month but i still went to the job centre", "centre"),
        ("missed the bus but walked to work", "walked"),
        ("bought milk twice this week because we ran out", "milk"),
        ("fasted before my blood test and was brave about the needle", "needle"),
        ("purged the old logs from the server", "server"),
        ("got my septum pierced and did not pass out", "septum"),
    ],
)
def test_a_win_said_beside_a_loss_or_in_everyday_words_is_kept(
    handler: Handler, request_for: Envelope, store: SqliteWinStore, words: str, key: str
) -> None:
    response = handler(told(request_for, words), None)
    assert "988" not in speech(response), plain(speech(response))
    assert key in everything_kept(store.data_dir)


@pytest.mark.any_hour
@pytest.mark.parametrize(
    ("words", "key"),
    [
        ("wore short sleeves and did not hide my old self harm scars", "sleeves"),
        ("put cream on the scars from when i used to cut", "cream"),
        ("flushed the tablets i had been saving", "flushed"),
    ],
)
def test_old_harm_healing_or_means_given_up_is_kept_with_a_word_of_support(
    handler: Handler, request_for: Envelope, store: SqliteWinStore, words: str, key: str
) -> None:
    response = handler(told(request_for, words), None)
    assert "support" in speech(response).lower()
    assert "988" not in speech(response)
    assert key in everything_kept(store.data_dir)


@pytest.mark.parametrize(
    "words",
    [
        "my scars have healed so i can cut again tonight",
        "there are new cuts over the old scars",
    ],
)
def test_healing_words_beside_fresh_harm_are_never_kept(
    handler: Handler, request_for: Envelope, store: SqliteWinStore, words: str
) -> None:
    response = handler(told(request_for, words), None)
    assert "988" in speech(response)
    assert everything_kept(store.data_dir) == "[]"
