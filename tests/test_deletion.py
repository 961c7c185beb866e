"""Deleting by voice (confirmed first) and deleting everything when the skill is disabled."""

from __future__ import annotations

from typing import Any

import pytest

from skill.entry import Handler
from skill.storage.dynamodb.store import DynamoWinStore
from tests.conftest import SPEAKER, TABLE_NAME, Envelope, ends_session, reprompt, speech

pytestmark = pytest.mark.any_hour  # the date, hour or zone could change its outcome


@pytest.fixture
def store(dynamo_store: DynamoWinStore) -> DynamoWinStore:
    """What this module tests is DynamoDB's own: the Lambda's store, over moto."""
    return dynamo_store


def items_of(dynamodb: Any, key: str | None = None) -> list[dict[str, Any]]:
    items = dynamodb.scan(TableName=TABLE_NAME)["Items"]  # test-only look at the whole table
    return [i for i in items if key is None or i["pk"]["S"] == key]


def wins_of(dynamodb: Any, key: str) -> list[str]:
    return sorted(
        i["text"]["S"] for i in items_of(dynamodb, key) if i["sk"]["S"].startswith("WIN#")
    )


def log(handler: Handler, request_for: Envelope, *wins: str, **who: Any) -> None:
    for win in wins:
        handler(request_for("log_win", win=win, **who), None)


def test_delete_my_last_win_says_which_and_asks_first(
    handler: Handler, request_for: Envelope, dynamodb: Any, store: DynamoWinStore
) -> None:
    log(handler, request_for, "walked the dog", "did the laundry")
    asked = handler(request_for("delete_last"), None)
    assert "Your last win was: you did the laundry. Shall I delete it?" in speech(asked)
    assert not ends_session(asked) and reprompt(asked)
    assert wins_of(dynamodb, SPEAKER.key) == ["did the laundry", "walked the dog"]  # not yet
    yes = handler(request_for("yes", attributes=asked["sessionAttributes"]), None)
    assert "deleted" in speech(yes) and ends_session(yes)
    assert wins_of(dynamodb, SPEAKER.key) == ["walked the dog"]
    assert store.load_profile(SPEAKER).win_count == 1
    # The next win takes the freed number; hearing never finds a gap.
    log(handler, request_for, "made tea")
    for _ in range(6):
        heard = speech(handler(request_for("hear_win"), None))
        assert "walked the dog" in heard or "made tea" in heard


def test_no_keeps_the_win(handler: Handler, request_for: Envelope, dynamodb: Any) -> None:
    log(handler, request_for, "did the laundry")
    asked = handler(request_for("delete_last"), None)
    no = handler(request_for("no", attributes=asked["sessionAttributes"]), None)
    assert "kept" in speech(no)
    assert wins_of(dynamodb, SPEAKER.key) == ["did the laundry"]


def test_a_win_logged_meanwhile_is_not_deleted_by_mistake(
    handler: Handler, request_for: Envelope, dynamodb: Any
) -> None:
    log(handler, request_for, "did the laundry")
    asked = handler(request_for("delete_last"), None)  # reads out win 1
    log(handler, request_for, "walked the dog")  # from another device, before the yes
    yes = handler(request_for("yes", attributes=asked["sessionAttributes"]), None)
    assert "didn't delete anything" in speech(yes)
    assert wins_of(dynamodb, SPEAKER.key) == ["did the laundry", "walked the dog"]


def test_nothing_to_delete(handler: Handler, request_for: Envelope) -> None:
    assert "nothing to delete" in speech(handler(request_for("delete_last"), None))


def test_delete_all_my_wins_confirms_then_deletes_everything_of_that_person(
    handler: Handler, request_for: Envelope, dynamodb: Any
) -> None:
    log(handler, request_for, "walked the dog", "did the laundry")
    handler(request_for("set_style"), None)
    log(handler, request_for, "fixed the sink", person="amzn1.ask.person.SAM")
    asked = handler(request_for("delete_all"), None)
    assert "all 2 of your wins and your settings" in speech(asked)
    assert len(items_of(dynamodb, SPEAKER.key)) > 2  # nothing gone before the yes
    yes = handler(request_for("yes", attributes=asked["sessionAttributes"]), None)
    assert "Everything you've told me is deleted." in speech(yes)
    assert items_of(dynamodb, SPEAKER.key) == []  # wins, profile (style) and markers
    assert wins_of(dynamodb, f"PERSON#{SPEAKER.account}#amzn1.ask.person.SAM") == [
        "fixed the sink"
    ]  # not theirs
    after = handler(request_for("hear_win"), None)
    assert "haven't logged a win" in speech(after)


def test_skill_disabled_deletes_the_whole_households_data(
    handler: Handler, request_for: Envelope, dynamodb: Any
) -> None:
    log(handler, request_for, "walked the dog")
    log(handler, request_for, "fixed the sink", person="amzn1.ask.person.SAM")
    handler(request_for("set_style", person="amzn1.ask.person.ALEX"), None)  # settings only
    log(handler, request_for, "read a book", user="amzn1.ask.account.NEIGHBOUR")
    many = [f"did thing {n}" for n in range(30)]  # more than one BatchWriteItem's worth
    log(handler, request_for, *many, person="amzn1.ask.person.SAM")
    response = handler(request_for("skill_disabled"), None)
    assert "outputSpeech" not in response["response"]
    remaining = {i["pk"]["S"] for i in items_of(dynamodb)}
    assert remaining == {"USER#amzn1.ask.account.NEIGHBOUR"}  # another account is untouched


def test_skill_disabled_with_no_data_is_fine(handler: Handler, request_for: Envelope) -> None:
    response = handler(request_for("skill_disabled"), None)
    assert response["version"] == "1.0"
