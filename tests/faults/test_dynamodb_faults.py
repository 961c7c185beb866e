"""The skill over a DynamoDB that fails: throttling, 5xx, timeouts, answers lost after a commit.

Requests go through ``make_handler``, as on Lambda; the store uses the production client
(``skill.storage.dynamodb.client.dynamodb_client``: its timeouts, its one retry) pointed at the
fault proxy.
Whatever fails, the person hears a kind and true answer: a win is celebrated only if it is
stored, it is stored at most once, and every answer comes within Alexa's eight seconds.
"""

from __future__ import annotations

import time
from typing import Any, Final

import pytest

from skill.entry import Handler
from skill.speech.catalog import catalog_for
from testkit.proxy import Fault, FaultProxy
from tests.conftest import Envelope, ends_session, speech
from tests.faults.conftest import Table

pytestmark = pytest.mark.slow  # moto and the fault proxy serve on loopback, and faults take seconds

WIN: Final = "did the laundry"
WORDS: Final = catalog_for("en-US")
# Faults DynamoDB answers at once, without touching the table.
REFUSALS: Final = (Fault.THROTTLE, Fault.THROUGHPUT, Fault.INTERNAL, Fault.UNAVAILABLE)
# Faults after which the request was applied but the answer never arrived intact.
LOST_ANSWERS: Final = (Fault.LOST, Fault.TRUNCATED, Fault.GARBLED)
# Alexa waits about eight seconds for an answer.
ALEXA_BUDGET_SECONDS: Final = 8.0


def celebrated(response: dict[str, Any], win: str = WIN) -> bool:
    """The response celebrates ``win`` as saved: its card says so."""
    card = response["response"].get("card") or {}
    return bool(card.get("content") == f"✓ You {win}")


def says(response: dict[str, Any], key: str) -> bool:
    return any(text in speech(response) for text in WORDS.variants(key))


def log(skill: Handler, request_for: Envelope, **kwargs: Any) -> dict[str, Any]:
    return skill(request_for("log_win", win=WIN, **kwargs), None)


@pytest.mark.parametrize("fault", [*REFUSALS, Fault.TIMEOUT, *LOST_ANSWERS])
@pytest.mark.parametrize("operation", ["GetItem", "TransactWriteItems"])
def test_one_failed_call_is_retried_and_the_win_celebrated_and_stored_once(
    skill: Handler,
    proxy: FaultProxy,
    table: Table,
    request_for: Envelope,
    past_timeout: float,
    fault: Fault,
    operation: str,
) -> None:
    proxy.inject(fault, operation, times=1, seconds=past_timeout)

    response = log(skill, request_for)

    assert celebrated(response)
    assert table.win_texts() == [WIN]
    assert proxy.injected() == 1
    # One retry by the client; after a lost answer the retry finds the request already stored.
    assert proxy.calls(operation) == 2


@pytest.mark.parametrize("fault", [*REFUSALS, Fault.TIMEOUT])
@pytest.mark.parametrize("operation", [None, "TransactWriteItems"])
def test_storage_that_keeps_failing_is_told_kindly_and_nothing_is_stored(
    skill: Handler,
    proxy: FaultProxy,
    table: Table,
    request_for: Envelope,
    past_timeout: float,
    fault: Fault,
    operation: str | None,
) -> None:
    proxy.inject(fault, operation, seconds=past_timeout)

    response = log(skill, request_for)

    assert says(response, "error.storage_log")  # "I couldn't save that ... isn't logged yet"
    assert "card" not in response["response"]
    assert ends_session(response)
    assert table.items() == []


@pytest.mark.parametrize("fault", LOST_ANSWERS)
@pytest.mark.parametrize("times", [1, 2, None])
def test_a_write_whose_answer_is_lost_is_stored_once_and_celebrated_only_if_stored(
    skill: Handler,
    proxy: FaultProxy,
    table: Table,
    request_for: Envelope,
    fault: Fault,
    times: int | None,
) -> None:
    proxy.inject(fault, "TransactWriteItems", times=times)

    response = log(skill, request_for)

    stored = table.win_texts()
    assert stored in ([], [WIN])
    assert not celebrated(response) or stored == [WIN]
    assert celebrated(response) or says(response, "error.storage_log")
    if times == 1:  # the client's retry found its own request marker: a duplicate, celebrated
        assert celebrated(response)
    else:  # both attempts lost their answer: the first one was committed all the same
        assert stored == [WIN]
        assert ends_session(response)


def test_alexa_redelivering_a_request_whose_answer_was_lost_celebrates_and_stores_nothing_more(
    skill: Handler, proxy: FaultProxy, table: Table, request_for: Envelope
) -> None:
    proxy.inject(Fault.LOST, "TransactWriteItems", times=2)
    first = log(skill, request_for, request_id="amzn1.echo-api.request.lost-twice")

    again = log(skill, request_for, request_id="amzn1.echo-api.request.lost-twice")

    assert says(first, "error.storage_log")
    assert celebrated(again)
    assert table.win_texts() == [WIN]


@pytest.mark.parametrize("fault", [*REFUSALS, *LOST_ANSWERS])
@pytest.mark.parametrize("operation", ["Query", "UpdateItem"])
def test_hearing_a_win_survives_one_failed_call(
    skill: Handler,
    proxy: FaultProxy,
    request_for: Envelope,
    fault: Fault,
    operation: str,
) -> None:
    assert celebrated(log(skill, request_for))
    proxy.inject(fault, operation, times=1)

    response = skill(request_for("hear_win"), None)

    assert f"you {WIN}" in speech(response)


@pytest.mark.parametrize("fault", [*REFUSALS, *LOST_ANSWERS])
@pytest.mark.parametrize("operation", ["Query", "UpdateItem"])
def test_hearing_a_win_while_storage_keeps_failing_is_kind_and_invents_nothing(
    skill: Handler,
    proxy: FaultProxy,
    request_for: Envelope,
    fault: Fault,
    operation: str,
) -> None:
    assert celebrated(log(skill, request_for))
    proxy.inject(fault, operation)

    response = skill(request_for("hear_win"), None)

    # Not "you have no wins yet": an answer cut short is not an empty answer.
    assert says(response, "error.storage_read")  # "I can't reach your wins right now"
    assert WIN not in speech(response)
    assert ends_session(response)


@pytest.mark.parametrize(
    ("request_name", "slots", "answer"),
    [
        ("log_win", {"win": WIN}, "error.storage_log"),
        ("hear_win", {}, "error.storage_read"),
    ],
)
def test_when_every_call_times_out_the_answer_still_comes_within_alexas_budget(
    skill: Handler,
    proxy: FaultProxy,
    table: Table,
    request_for: Envelope,
    past_timeout: float,
    request_name: str,
    slots: dict[str, str],
    answer: str,
) -> None:
    proxy.inject(Fault.TIMEOUT, seconds=past_timeout)
    started = time.monotonic()

    response = skill(request_for(request_name, slots=slots), None)

    assert time.monotonic() - started < ALEXA_BUDGET_SECONDS
    assert says(response, answer)
    assert ends_session(response)
    assert table.items() == []


def test_the_slowest_way_to_fail_a_log_still_answers_within_alexas_budget(
    skill: Handler,
    proxy: FaultProxy,
    table: Table,
    request_for: Envelope,
    past_timeout: float,
) -> None:
    # The longest a log can take: the profile is read only on the retry, then both attempts of
    # the write time out. Three read timeouts and two back-offs, and still an answer in time.
    proxy.inject(Fault.TIMEOUT, "GetItem", times=1, seconds=past_timeout)
    proxy.inject(Fault.TIMEOUT, "TransactWriteItems", times=2, seconds=past_timeout)
    started = time.monotonic()

    response = log(skill, request_for)

    assert time.monotonic() - started < ALEXA_BUDGET_SECONDS
    assert says(response, "error.storage_log")
    assert table.items() == []
