"""The weekly recap through the handler the Lambda runs: real request envelopes, a pinned
clock (Saturday 21 November 2026, 07:30 in Los Angeles), the wins seeded in the store."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from skill.entry import Handler
from skill.services.erasure import Erasure
from skill.speech.catalog import catalog_for
from skill.storage.interface import PortableStore
from skill.storage.records import Person, Profile
from tests.conftest import ACCOUNT, SPEAKER, Clock, Envelope, ends_session, plain, speech
from tests.test_recall import answer, attributes, seed

WORDS = catalog_for("en-US")
# Last week (Monday 9 to Sunday 15 November) and this week, in Los Angeles.
WEEKS = [
    ("2026-11-10 09:00", "did the laundry"),
    ("2026-11-12 18:00", "called my sister"),
    ("2026-11-15 20:00", "went for a walk"),
    ("2026-11-17 08:00", "made the bed"),
]


def launch(handler: Handler, request_for: Envelope, **kwargs: Any) -> dict[str, Any]:
    response: dict[str, Any] = handler(request_for("launch", **kwargs), None)
    return response


def named(request_for: Envelope, name: str, slot: dict[str, Any] | None = None) -> Any:
    envelope = request_for("yes", new=True)
    envelope["request"]["intent"] = {
        "name": name,
        "confirmationStatus": "NONE",
        "slots": slot or {},
    }
    return envelope


def day_slot(said: str, day: str) -> dict[str, Any]:
    authority = {
        "authority": "amzn1.er-authority.echo-sdk.skill.RecapDay",
        "status": {"code": "ER_SUCCESS_MATCH"},
        "values": [{"value": {"name": day, "id": day}}],
    }
    return {
        "day": {
            "name": "day",
            "value": said,
            "confirmationStatus": "NONE",
            "resolutions": {"resolutionsPerAuthority": [authority]},
        }
    }


def test_the_first_launch_of_a_week_offers_last_weeks_wins_and_yes_reads_them(
    handler: Handler, request_for: Envelope, store: PortableStore, clock: Clock
) -> None:
    seed(store, clock, WEEKS)

    offered = launch(handler, request_for)

    said = plain(speech(offered))
    assert "You logged 3 wins last week" in said or "Last week, you logged 3 wins" in said
    assert said.endswith("?") and attributes(offered)["asked"] == "recap"
    read = handler(answer(request_for, "AMAZON.YesIntent", offered), None)
    heard = plain(speech(read))
    # its shape first: how many, and no day named where each had one
    assert heard.startswith("3 wins last week. On Sunday, you went for a walk.")
    assert "went for a walk" in heard and "called your sister" in heard
    assert "laundry" in heard and "made the bed" not in heard  # this week's is not last week's
    assert store.load_profile(SPEAKER).recap_offered is not None

    again = launch(handler, request_for)  # the same week: never offered twice
    assert attributes(again)["asked"] != "recap"
    assert "last week" not in plain(speech(again))


def test_no_moves_on_to_the_morning_question_and_thats_all_ends_kindly(
    handler: Handler, request_for: Envelope, store: PortableStore, clock: Clock
) -> None:
    seed(store, clock, WEEKS)
    offered = launch(handler, request_for)

    declined = handler(answer(request_for, "AMAZON.NoIntent", offered), None)
    assert plain(speech(declined)) in WORDS.variants("recap.declined_morning")
    assert attributes(declined)["asked"] == "one_thing"

    done = handler(answer(request_for, "DoneIntent", offered), None)
    assert ends_session(done)


def test_a_week_with_no_wins_is_never_mentioned(
    handler: Handler, request_for: Envelope, store: PortableStore, clock: Clock
) -> None:
    seed(store, clock, [("2026-11-03 09:00", "did the laundry"), ("2026-11-17 08:00", "made tea")])

    response = launch(handler, request_for)

    assert attributes(response)["asked"] != "recap"
    assert "week" not in plain(speech(response)).lower()
    assert store.load_profile(SPEAKER).recap_offered is None


def test_brief_mode_offers_shortly_and_reads_a_few_with_no_question(
    handler: Handler, request_for: Envelope, store: PortableStore, clock: Clock
) -> None:
    many = [(f"2026-11-1{day} 09:00", f"did chore {day}") for day in range(5)]
    seed(store, clock, many)
    store.set_brief(SPEAKER, True)

    offered = launch(handler, request_for)
    assert plain(speech(offered)).startswith("Hi. You logged 5 wins last week.")
    read = handler(answer(request_for, "AMAZON.YesIntent", offered), None)

    heard = plain(speech(read))
    assert heard.endswith("And 2 more.") and ends_session(read)
    assert "did chore 4" in heard and "did chore 0" not in heard


def test_the_recap_day_moves_and_the_recap_turns_off_and_on(
    handler: Handler, request_for: Envelope, store: PortableStore, clock: Clock
) -> None:
    seed(store, clock, WEEKS)

    moved = handler(named(request_for, "SetRecapDayIntent", day_slot("sundays", "sunday")), None)
    assert plain(speech(moved)) == "Okay. I'll offer your recap on Sundays."
    assert store.load_profile(SPEAKER).recap_day == 6
    # On Saturday 21st, with Sunday as the recap day, last week is Sunday 8 to Saturday 14.
    offered = launch(handler, request_for)
    assert "2 wins" in plain(speech(offered))

    stopped = handler(named(request_for, "StopRecapIntent"), None)
    assert plain(speech(stopped)) in WORDS.variants("recap.off")
    assert store.load_profile(SPEAKER).recap_off is True
    seed(store, clock, WEEKS)  # a new week's worth, never offered yet; the recap off
    handler(named(request_for, "StopRecapIntent"), None)
    assert attributes(launch(handler, request_for))["asked"] != "recap"

    handler(named(request_for, "StartRecapIntent"), None)
    assert store.load_profile(SPEAKER).recap_off is False
    assert attributes(launch(handler, request_for))["asked"] == "recap"


def test_read_me_my_week_works_any_time_and_an_empty_week_is_said_kindly(
    handler: Handler, request_for: Envelope, store: PortableStore, clock: Clock
) -> None:
    seed(store, clock, WEEKS)
    # Saturday: asked by a person, "my week" is this week so far, not the week the recap offers
    read = handler(named(request_for, "ReadRecapIntent"), None)
    assert plain(speech(read)) == "One win this week. On Tuesday, you made the bed."

    seed(store, clock, [*WEEKS, ("2026-11-20 09:00", "swept"), ("2026-11-20 10:00", "sang")])
    busy = handler(named(request_for, "ReadRecapIntent"), None)
    assert plain(speech(busy)).startswith("3 wins this week, most on Friday. Yesterday, you sang.")

    seed(store, clock, [("2026-11-10 08:00", "made tea")])
    empty = handler(named(request_for, "ReadRecapIntent"), None)
    assert plain(speech(empty)) in WORDS.variants("recall.none_this_week")


def test_my_week_on_its_first_day_before_anything_is_logged_is_the_week_just_gone(
    handler: Handler, request_for: Envelope, store: PortableStore, clock: Clock
) -> None:
    clock.now = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)  # Monday 09:00 in Los Angeles
    seed(store, clock, [*WEEKS, ("2026-11-18 09:00", "swept"), ("2026-11-18 10:00", "sang")])
    read = handler(named(request_for, "ReadRecapIntent"), None)
    assert plain(speech(read)).startswith("3 wins last week, most on Wednesday. On Wednesday")

    handler(request_for("log_win", win="made tea"), None)
    read = handler(named(request_for, "ReadRecapIntent"), None)  # something logged: this week
    assert plain(speech(read)) == "One win this week. You made tea."


def test_an_unrecognised_voice_on_an_account_with_voices_is_offered_nothing(
    handler: Handler, request_for: Envelope, store: PortableStore, clock: Clock
) -> None:
    seed(store, clock, WEEKS)
    voice = Person.of_voice(ACCOUNT, "amzn1.ask.person.ANNA")
    store.restore(voice, Profile(win_count=0), [])

    launch(handler, request_for, person="amzn1.ask.person.ANNA")  # Anna's voice is heard
    assert store.load_profile(SPEAKER).has_voices is True

    response = launch(handler, request_for)  # anyone else, on the same Echo
    assert attributes(response)["asked"] != "recap"
    read = handler(named(request_for, "ReadRecapIntent"), None)  # asked for: read
    assert plain(speech(read)).startswith("One win this week.")


def log_on(handler: Handler, request_for: Envelope, clock: Clock, at: str, *wins: str) -> None:
    """Wins told through the skill at ``at`` (UTC); then back to the pinned Saturday."""
    today = clock.now
    clock.now = datetime.fromisoformat(at).replace(tzinfo=UTC)
    for said in wins:
        handler(request_for("log_win", win=said), None)
    clock.now = today


def test_the_offer_counts_from_the_profile_and_a_deleted_win_is_counted_out(
    handler: Handler, request_for: Envelope, store: PortableStore, clock: Clock
) -> None:
    log_on(handler, request_for, clock, "2026-11-10 09:00", "did the laundry", "made soup")
    log_on(handler, request_for, clock, "2026-11-17 09:00", "made the bed")  # this week
    assert Erasure(store, clock).delete_win(SPEAKER, 1)  # the laundry, from last week

    offered = launch(handler, request_for)

    said = plain(speech(offered))
    assert "You logged one win last week" in said
    read = handler(answer(request_for, "AMAZON.YesIntent", offered), None)
    assert plain(speech(read)).startswith("One win last week. On Tuesday, November 10, you")
    assert "soup" in plain(speech(read))


def test_under_another_screen_the_offer_names_no_number(
    handler: Handler, request_for: Envelope, store: PortableStore, clock: Clock
) -> None:
    """Wins counted by an older release's screen may read otherwise now: the offer names no
    number, and yes reads the week as the screen of now reads it."""
    log_on(handler, request_for, clock, "2026-11-10 09:00", "did the laundry", "made soup")
    profile = store.load_profile(SPEAKER)
    assert profile.logged_days is not None
    older = tuple(found._replace(screen="0ld5cr33") for found in profile.logged_days.days)
    store.restore(
        SPEAKER,
        profile._replace(logged_days=profile.logged_days._replace(days=older)),
        list(store.wins_of(SPEAKER)),
    )

    offered = launch(handler, request_for)

    assert plain(speech(offered)) in WORDS.variants("recap.offer_unnumbered")
    assert attributes(offered)["asked"] == "recap"
    read = handler(answer(request_for, "AMAZON.YesIntent", offered), None)
    assert plain(speech(read)).startswith("2 wins last week, all on Tuesday, November 10.")
    assert attributes(launch(handler, request_for))["asked"] != "recap"  # once a week
