"""Logging several deeds said in one breath, on both stores, with the clock pinned."""

from __future__ import annotations

from datetime import UTC, datetime
from random import Random

from skill.domain.choice import CountNote, Style
from skill.domain.deeds import Told
from skill.services.wins import (
    CheckIn,
    Crisis,
    Logged,
    NotAWin,
    Statement,
    WinsService,
    Wording,
    readable,
)
from skill.storage.interface import PortableStore
from skill.storage.records import MAX_WINS_AT_ONCE, Person, Profile, StoredWin
from tests.conftest import Clock

ME = Person.of_account("amzn1.ask.account.SEVERAL")
AT = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
WORDING = Wording(celebrations=dict.fromkeys(Style, 6), minimiser_replies=4)


def service(store: PortableStore) -> WinsService:
    return WinsService(store, Clock(AT), Random(7))


def texts(store: PortableStore) -> list[str]:
    return [win.text for win in store.wins_of(ME)]


def seed(store: PortableStore, count: int) -> None:
    wins = [StoredWin(n, f"did thing {n}", AT) for n in range(1, count + 1)]
    store.restore(ME, Profile(win_count=count), wins)


def test_several_deeds_are_several_wins_counted_today(any_store: PortableStore) -> None:
    wins = service(any_store)
    wins.log_win(ME, Statement("made my bed"), "r1", WORDING)

    logged = wins.log_win(ME, Statement("got up showered and made coffee"), "r2", WORDING)

    assert isinstance(logged, Logged)
    assert [win.said for win in logged.wins] == ["you got up", "you showered", "you made coffee"]
    assert (logged.plan.total, logged.plan.today, logged.plan.note) == (4, 4, CountNote.TODAY)
    assert texts(any_store) == ["made my bed", "got up", "showered", "made coffee"]
    profile = any_store.load_profile(ME)
    assert (profile.win_count, profile.today_count) == (4, 4)


def test_the_first_wins_ever_are_noted_as_firsts_not_as_today(any_store: PortableStore) -> None:
    logged = service(any_store).log_win(ME, Statement("fed the cat and the dog"), "r1", WORDING)

    assert isinstance(logged, Logged) and logged.plan.note is CountNote.FIRST_EVER


def test_a_milestone_reached_inside_a_run_on_is_noted(any_store: PortableStore) -> None:
    seed(any_store, 8)

    logged = service(any_store).log_win(
        ME, Statement("paid the rent and called my sister and watered the plants"), "r1", WORDING
    )

    assert isinstance(logged, Logged)
    assert (logged.plan.total, logged.plan.note) == (11, CountNote.MILESTONE)


def test_more_deeds_than_one_write_keeps_are_told_as_shortened(any_store: PortableStore) -> None:
    deeds = [f"watered plant number {n}" for n in range(1, MAX_WINS_AT_ONCE + 3)]

    logged = service(any_store).log_win(ME, Statement(", ".join(deeds)), "r1", WORDING)

    assert isinstance(logged, Logged) and logged.shortened
    assert texts(any_store) == deeds[:MAX_WINS_AT_ONCE]


def test_a_feeling_then_a_deed_is_heard_calmly_and_only_the_deed_kept(
    any_store: PortableStore,
) -> None:
    said = "was exhausted but i still went to work"

    logged = service(any_store).log_win(ME, Statement(said), "r1", WORDING)

    assert isinstance(logged, Logged)
    assert logged.told is Told.FEELING and logged.calm and not logged.others
    assert logged.win.said == "you went to work"
    assert texts(any_store) == ["went to work"]


def test_a_deed_then_a_feeling_is_one_statement_kept_and_said_back_whole(
    any_store: PortableStore,
) -> None:
    said = "ate something even though i wasn't hungry"

    logged = service(any_store).log_win(ME, Statement(said), "r1", WORDING)

    assert isinstance(logged, Logged) and logged.told is Told.NOTHING
    assert "hungry" in logged.win.said
    assert texts(any_store) == [said]


def test_a_deed_is_kept_in_the_persons_own_words_less_hedges_and_fillers(
    any_store: PortableStore,
) -> None:
    wins = service(any_store)
    for n, said in enumerate(
        [
            "showered I guess",
            "like kind of tidied the kitchen",
            "baked crème brûlée for the kids 🎂",
            "finally called my Mum",
        ]
    ):
        assert isinstance(wins.log_win(ME, Statement(said), f"r{n}", WORDING), Logged)

    assert sorted(texts(any_store)) == sorted(
        [
            "showered",
            "tidied the kitchen",
            "baked crème brûlée for the kids 🎂",
            "finally called my Mum",
        ]
    )


def test_care_comes_first_for_the_whole_statement(any_store: PortableStore) -> None:
    wins = service(any_store)
    outcomes = [
        wins.log_win(ME, Statement(said), f"r{n}", WORDING)
        for n, said in enumerate(
            [
                "cleaned the kitchen and then took all my pills",
                "hit my sister and then did the dishes",
                "did the laundry and wrote goodbye letters to everyone",
            ]
        )
    ]

    assert isinstance(outcomes[0], Crisis | CheckIn)
    assert isinstance(outcomes[1], NotAWin)
    assert isinstance(outcomes[2], Crisis | CheckIn)
    assert texts(any_store) == []


def test_one_deed_alone_is_stored_as_said_whole(any_store: PortableStore) -> None:
    said = "cleaned the kitchen because my mum was coming"

    logged = service(any_store).log_win(ME, Statement(said), "r1", WORDING)

    assert isinstance(logged, Logged) and not logged.others and logged.told is Told.NOTHING
    assert texts(any_store) == [said]


def test_every_deed_stored_from_a_run_on_reads_back_as_a_win(any_store: PortableStore) -> None:
    wins = service(any_store)
    for number, said in enumerate(
        [
            "emailed the landlord and i also cleaned out the fridge and went to the gym too",
            "can't sleep but i cleaned my room and did laundry",
            "failed my driving test but i went",
            "took my meds, had a shower and replied to two emails",
        ]
    ):
        assert isinstance(wins.log_win(ME, Statement(said), f"r{number}", WORDING), Logged)

    stored = list(any_store.wins_of(ME))
    assert len(stored) == 9
    assert all(readable(win.text, win.kind) for win in stored), [w.text for w in stored]
