"""SnapStart: what the Lambda entry prepares before a snapshot, and what a restore must renew.

A restore is simulated the way SnapStart makes one: every restored container starts with the
same memory, here the same state of the skill's random source, and then the runtime runs the
after-restore hooks registered with ``snapshot_restore_py``.
"""

from __future__ import annotations

import importlib.util
import random
import re
import ssl
import sys
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import EndpointConnectionError

from skill.domain import screen
from skill.storage.records import Person
from skill.warmup import INITIALIZATION_TYPE_ENV, RESTORE_HOOKS, prime_client
from tests.conftest import SKILL_ID, TABLE_NAME, Envelope, is_greeting, speech
from tests.test_lambda_entry import load_lambda_entry
from tests.test_storage import seed_wins

HEARD = re.compile(r"did thing (\d+)")


def fresh_restore_hooks() -> ModuleType:
    """A new copy of the runtime's hook registry, empty: the real package when installed."""
    spec = importlib.util.find_spec(RESTORE_HOOKS)
    if spec is not None and spec.loader is not None:
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    # The same interface as the published package (snapshot-restore-py), for machines without it.
    stand_in = ModuleType(RESTORE_HOOKS)
    registry: list[tuple[Callable[..., Any], tuple[Any, ...], dict[str, Any]]] = []

    def register_after_restore(func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        registry.append((func, args, kwargs))
        return func

    stand_in.register_after_restore = register_after_restore  # type: ignore[attr-defined]
    stand_in.get_after_restore = lambda: registry  # type: ignore[attr-defined]
    return stand_in


@pytest.fixture
def hooks(monkeypatch: pytest.MonkeyPatch) -> Iterator[ModuleType]:
    registry = fresh_restore_hooks()
    monkeypatch.setitem(sys.modules, RESTORE_HOOKS, registry)
    saved = random.getstate()  # the hooks re-seed the random module too: leave it as found
    yield registry
    random.setstate(saved)


@pytest.fixture
def entry(dynamodb: Any, hooks: ModuleType, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """lambda/app.py imported once, as before a snapshot."""
    monkeypatch.setenv("WINS_TABLE_NAME", TABLE_NAME)
    monkeypatch.setenv("WINS_SKILL_ID", SKILL_ID)
    return load_lambda_entry()


def restore(entry: ModuleType, hooks: ModuleType, snapshot: Any, *, run_hooks: bool) -> None:
    """Another container resumed from the snapshot: same memory, then the runtime's hooks."""
    entry.rng.setstate(snapshot)
    if run_hooks:
        for func, args, kwargs in hooks.get_after_restore():
            func(*args, **kwargs)


def wins_heard(entry: ModuleType, request_for: Envelope, person: Person) -> list[int]:
    heard = []
    for _ in range(6):
        said = speech(entry.handler(request_for("hear_win", user=person.account), None))
        match = HEARD.search(said)
        assert match, said
        heard.append(int(match.group(1)))
    return heard


def two_restored_copies(
    entry: ModuleType, hooks: ModuleType, request_for: Envelope, dynamodb: Any, *, run_hooks: bool
) -> tuple[list[int], list[int]]:
    """Which wins two containers restored from one snapshot pick for two alike people."""
    people = [Person.of_account(f"amzn1.ask.account.COPY{n}") for n in (1, 2)]
    for person in people:
        seed_wins(dynamodb, person, 40)
    snapshot = entry.rng.getstate()
    picks = []
    for person in people:
        restore(entry, hooks, snapshot, run_hooks=run_hooks)
        picks.append(wins_heard(entry, request_for, person))
    return picks[0], picks[1]


def test_restored_copies_pick_their_own_random_wins(
    entry: ModuleType, hooks: ModuleType, request_for: Envelope, dynamodb: Any
) -> None:
    first, second = two_restored_copies(entry, hooks, request_for, dynamodb, run_hooks=True)
    assert first != second  # six picks out of 40 agreeing by chance: about 1 in 3 billion


def test_without_the_hook_restored_copies_replay_the_same_wins(
    entry: ModuleType, hooks: ModuleType, request_for: Envelope, dynamodb: Any
) -> None:
    """What the hook prevents: a snapshot's random state is shared by every copy."""
    first, second = two_restored_copies(entry, hooks, request_for, dynamodb, run_hooks=False)
    assert first == second


def test_the_entry_registers_one_hook_for_its_own_random_source(
    entry: ModuleType, hooks: ModuleType
) -> None:
    [(func, args, kwargs)] = hooks.get_after_restore()
    assert args == (entry.rng,) and kwargs == {}
    random.seed(1)
    expected = random.random()
    random.seed(1)
    func(*args)
    assert random.random() != expected  # botocore's retry jitter gets a fresh seed too


@pytest.mark.any_hour
def test_the_entry_starts_where_there_are_no_restores(
    dynamodb: Any, monkeypatch: pytest.MonkeyPatch, request_for: Envelope
) -> None:
    monkeypatch.setitem(sys.modules, RESTORE_HOOKS, None)  # importing it raises ImportError
    monkeypatch.setenv("WINS_TABLE_NAME", TABLE_NAME)
    monkeypatch.setenv("WINS_SKILL_ID", SKILL_ID)
    entry = load_lambda_entry()
    assert is_greeting(entry.handler(request_for("launch"), None))


def test_priming_the_client_sends_nothing() -> None:
    # Nothing listens on port 9: a request that left the process would fail to connect.
    client = boto3.client(
        "dynamodb",
        region_name="us-east-1",
        endpoint_url="http://127.0.0.1:9",
        config=Config(retries={"total_max_attempts": 1}),
    )
    answered: list[str] = []
    client.meta.events.register(
        "after-call.dynamodb.GetItem",
        lambda http_response, **_: answered.append(http_response.headers["x-amzn-RequestId"]),
    )
    prime_client(client, TABLE_NAME)
    assert answered == ["warm-up"]
    with pytest.raises(EndpointConnectionError):  # the local answer is gone afterwards
        client.get_item(TableName=TABLE_NAME, Key={"pk": {"S": "x"}, "sk": {"S": "y"}})


@pytest.mark.parametrize(
    ("initialization", "ahead"),
    [("snap-start", 1), ("provisioned-concurrency", 1), ("on-demand", 0), (None, 0)],
)
def test_start_up_work_is_done_ahead_only_when_nobody_waits(
    dynamodb: Any,
    hooks: ModuleType,
    monkeypatch: pytest.MonkeyPatch,
    request_for: Envelope,
    initialization: str | None,
    ahead: int,
) -> None:
    built: list[object] = []
    create = ssl.create_default_context

    def counting(*args: Any, **kwargs: Any) -> ssl.SSLContext:
        built.append(object())
        return create(*args, **kwargs)

    monkeypatch.setattr(ssl, "create_default_context", counting)
    if initialization is None:  # outside Lambda
        monkeypatch.delenv(INITIALIZATION_TYPE_ENV, raising=False)
    else:
        monkeypatch.setenv(INITIALIZATION_TYPE_ENV, initialization)
    monkeypatch.setenv("WINS_TABLE_NAME", TABLE_NAME)
    monkeypatch.setenv("WINS_SKILL_ID", SKILL_ID)
    screen._rules.cache_clear()
    entry = load_lambda_entry()
    # Primed ahead: the TLS context for Alexa's APIs and the screen's rules (and the DynamoDB
    # client's first call, answered in-process: see test_priming_the_client_sends_nothing).
    assert len(built) == ahead
    assert screen._rules.cache_info().currsize == ahead
    # Either way, the first request is answered.
    assert is_greeting(entry.handler(request_for("launch"), None))
