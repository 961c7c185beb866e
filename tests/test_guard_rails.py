"""Guard rails: what each request may cost in DynamoDB, and what the Lambda loads at start.

Logging, hearing and launching are counted in test_storage.py; here are the goal, one-thing,
reminder, style and deletion flows, and the rule that no request reads without a bound: no
Scan, and every Query has a Limit, except deletion, which pages through one person's keys (or
one account's) on purpose and only when asked to, or when the skill is disabled.
"""

from __future__ import annotations

import importlib.util
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from skill.alexa.api import REMINDERS_SCOPE, TIMERS_SCOPE
from skill.console.alexa_stand_in import FakeAlexaApi
from skill.entry import Handler
from skill.speech.catalog import catalog_for
from skill.storage.dynamodb.store import DynamoWinStore
from tests.conftest import ROOT, SPEAKER, Envelope, modules_loaded_by_entry
from tests.test_storage import seed_wins


@pytest.fixture
def store(dynamo_store: DynamoWinStore) -> DynamoWinStore:
    """What this module tests is DynamoDB's own: the Lambda's store, over moto."""
    return dynamo_store


WORDS = catalog_for("en-US")
GRANTED = {TIMERS_SCOPE: "GRANTED", REMINDERS_SCOPE: "GRANTED"}
# A flow that failed on the way would still answer, kindly: with one of these.
APOLOGIES = [
    text
    for key in ("general", "storage_log", "storage_read")
    for text in WORDS.variants(f"error.{key}")
]
GOAL = {"goal": "clear my desk"}
THING = {"thing": "call my bank"}


@dataclass(frozen=True)
class Step:
    """One request; ``carry`` sends the previous answer's session attributes with it."""

    name: str
    slots: dict[str, str] = field(default_factory=dict)
    scopes: dict[str, str] | None = None
    carry: bool = False


@dataclass
class Sent:
    """Every DynamoDB call as the client was asked to make it: operation and parameters."""

    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    def __call__(self, params: dict[str, Any], model: Any, **_: Any) -> None:
        self.calls.append((model.name, dict(params)))

    def take(self) -> list[tuple[str, dict[str, Any]]]:
        taken, self.calls = self.calls, []
        return taken


@pytest.fixture
def sent(dynamodb: Any) -> Sent:
    log = Sent()
    dynamodb.meta.events.register("provide-client-params.dynamodb.*", log)
    return log


@pytest.fixture
def allowed(alexa: FakeAlexaApi) -> FakeAlexaApi:
    """The person has allowed timers and reminders."""
    alexa.grant(TIMERS_SCOPE)
    alexa.grant(REMINDERS_SCOPE)
    return alexa


def run(handler: Handler, request_for: Envelope, steps: list[Step]) -> dict[str, Any]:
    response: dict[str, Any] = {}
    for step in steps:
        attributes = response.get("sessionAttributes") if step.carry else None
        envelope = request_for(
            step.name, slots=step.slots, scopes=step.scopes, attributes=attributes
        )
        response = handler(envelope, None)
    return response


SET_GOAL = Step("set_goal", GOAL, GRANTED)
SET_THING = Step("set_one_thing", THING)
SET_REMINDER = Step("set_reminder", slots={"time": "08:00"}, scopes=GRANTED)  # a time said
CHECK_IN = Step("task_launch")

# (what happens, the steps before it, the request counted, the calls it may make)
BUDGETS = [
    ("set a goal (timer started)", [], SET_GOAL, ["UpdateItem"]),
    ("set a goal (permission asked)", [], Step("set_goal", GOAL), ["UpdateItem"]),
    (
        "permission granted: the timer starts",
        [Step("set_goal", GOAL)],
        Step("permission_response", scopes=GRANTED),
        ["GetItem"],
    ),
    ("the goal's timer rings: check in", [SET_GOAL], CHECK_IN, ["GetItem"]),
    (
        "yes at the check-in",
        [SET_GOAL, CHECK_IN],
        Step("yes", carry=True),
        ["GetItem", "TransactWriteItems"],
    ),
    ("not yet at the check-in", [SET_GOAL, CHECK_IN], Step("no", carry=True), []),
    ("I did it", [SET_GOAL], Step("goal_done"), ["GetItem", "TransactWriteItems"]),
    ("set the one thing", [], SET_THING, ["GetItem", "UpdateItem"]),
    ("read the one thing", [SET_THING], Step("read_one_thing"), ["GetItem"]),
    (
        "one thing done",
        [SET_THING],
        Step("one_thing_done"),
        ["GetItem", "TransactWriteItems"],
    ),
    ("set the morning reminder", [], SET_REMINDER, ["GetItem", "UpdateItem"]),
    ("replace the morning reminder", [SET_REMINDER], SET_REMINDER, ["GetItem", "UpdateItem"]),
    (
        "stop the morning reminder",
        [SET_REMINDER],
        Step("stop_reminder", scopes=GRANTED),
        ["GetItem", "UpdateItem"],
    ),
    ("keep it calm", [], Step("set_style"), ["UpdateItem"]),
    # The last logged, whatever number a deletion moved it to: the profile, and by_time.
    ("delete my last win: the question", [], Step("delete_last"), ["GetItem", "Query"]),
    (
        "delete my last win: yes",
        [Step("delete_last")],
        Step("yes", carry=True),
        ["GetItem", "Query", "TransactGetItems", "TransactWriteItems"],
    ),
    ("delete all my wins: the question", [], Step("delete_all"), ["GetItem"]),
]


@pytest.mark.parametrize(
    ("before", "counted", "budget"),
    [case[1:] for case in BUDGETS],
    ids=[case[0] for case in BUDGETS],
)
def test_each_flow_keeps_to_its_dynamodb_budget(
    handler: Handler,
    request_for: Envelope,
    dynamodb: Any,
    sent: Sent,
    allowed: FakeAlexaApi,
    before: list[Step],
    counted: Step,
    budget: list[str],
) -> None:
    # GIVEN a person with wins (enough that nothing is a first), and the steps before
    seed_wins(dynamodb, SPEAKER, 30)
    response = run(handler, request_for, before)
    sent.take()
    # WHEN the counted request is handled
    attributes = response.get("sessionAttributes") if counted.carry else None
    envelope = request_for(
        counted.name, slots=counted.slots, scopes=counted.scopes, attributes=attributes
    )
    answer = handler(envelope, None)
    # THEN it was answered, with exactly the calls budgeted, in order
    assert not any(apology in json.dumps(answer) for apology in APOLOGIES)
    assert [operation for operation, _ in sent.take()] == budget


# Every request path but deletion, from a person with many wins.
EVERYDAY = [
    Step("launch"),
    Step("log_win", {"win": "did the laundry"}),
    Step("log_win_minimised", {"win": "showered"}),
    Step("hear_win"),
    Step("hear_win"),
    Step("set_style"),
    SET_GOAL,
    CHECK_IN,
    Step("no", carry=True),
    Step("goal_done"),
    Step("set_goal", GOAL),
    Step("permission_response", scopes=GRANTED),
    SET_THING,
    Step("read_one_thing"),
    Step("one_thing_done"),
    SET_REMINDER,
    Step("stop_reminder", scopes=GRANTED),
    Step("help"),
    Step("fallback"),
    Step("stop"),
    Step("session_ended"),
    Step("delete_last"),
    Step("no", carry=True),
    Step("delete_all"),
    Step("no", carry=True),
]
DELETING = {
    "delete everything: yes": [Step("delete_all"), Step("yes", carry=True)],
    "delete the last win: yes": [Step("delete_last"), Step("yes", carry=True)],
    "skill disabled": [Step("skill_disabled")],
}


def _unbounded(calls: list[tuple[str, dict[str, Any]]]) -> list[tuple[str, dict[str, Any]]]:
    return [
        (operation, params)
        for operation, params in calls
        if operation in ("Scan", "BatchGetItem") or (operation == "Query" and "Limit" not in params)
    ]


def test_no_everyday_request_reads_without_a_bound(
    handler: Handler, request_for: Envelope, dynamodb: Any, sent: Sent, allowed: FakeAlexaApi
) -> None:
    seed_wins(dynamodb, SPEAKER, 300)
    sent.take()
    run(handler, request_for, EVERYDAY)
    calls = sent.take()
    assert "Query" in {operation for operation, _ in calls}
    assert not _unbounded(calls)
    # Hearing a win reads two items; the launch's weekly recap reads the week's wins through
    # the time index, between the week's two times (``wins_within``): never the history.
    queries = [params for op, params in calls if op == "Query"]
    paged = [q for q in queries if "BETWEEN" in q["KeyConditionExpression"]]
    assert all(q["Limit"] <= 2 for q in queries if q not in paged)
    assert all(q.get("IndexName") == "by_time" and q["Limit"] <= 1002 for q in paged)
    assert "BatchWriteItem" not in {operation for operation, _ in calls}


def test_only_deletion_pages_through_keys(
    handler: Handler, request_for: Envelope, dynamodb: Any, sent: Sent
) -> None:
    unbounded: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for what, steps in DELETING.items():
        seed_wins(dynamodb, SPEAKER, 40)
        handler(request_for("set_style"), None)  # the profile carries the account
        sent.take()
        run(handler, request_for, steps)
        unbounded[what] = _unbounded(sent.take())
    assert {what for what, calls in unbounded.items() if calls} == {
        "delete everything: yes",
        "skill disabled",
    }
    for calls in unbounded.values():
        for operation, params in calls:
            # Keys only: a person's own partition, or the account's keys-only index.
            assert operation == "Query"
            assert params.get("ProjectionExpression") == "pk, sk" or params.get("IndexName") == (
                "by_account"
            )


@pytest.mark.slow
def test_what_the_entry_loads_at_start_is_all_in_the_artifact() -> None:
    """The function's folder holds only what build_lambda.py copies: nothing else may load.

    Complements test_lambda_entry's check on third-party and console modules: a project module
    the build leaves out (the console, the web service, tests, benchmarks) would fail only once
    deployed.
    """
    spec = importlib.util.spec_from_file_location(
        "build_lambda", ROOT / "scripts" / "build_lambda.py"
    )
    assert spec is not None and spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    shipped = {
        ".".join(Path(path).with_suffix("").parts).removesuffix(".__init__")
        for path in build.package_files()
        if str(path).endswith(".py")
    }
    loaded = modules_loaded_by_entry()
    project = {m for m in loaded if m.split(".")[0] in ("skill", "tests", "benchmarks", "testkit")}
    assert "skill.warmup" in project  # the probe really started the entry
    assert project <= shipped, sorted(project - shipped)
