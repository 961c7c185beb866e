"""Shared fixtures: a moto table built from template.yaml, request envelopes, a fixed clock."""

from __future__ import annotations

import copy
import functools
import json
import os
import random
import re
import sqlite3
import subprocess
import sys
import uuid
import zlib
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Final

import boto3
import pytest
import time_machine
from moto import mock_aws
from moto.core.config import DefaultConfig

from skill.console.alexa_stand_in import FakeAlexaApi
from skill.entry import Handler, make_handler
from skill.speech.catalog import catalog_for
from skill.storage.dynamodb.store import DynamoWinStore
from skill.storage.interface import PortableStore, WinStore
from skill.storage.records import Person
from skill.storage.sqlite.rows import unsealed
from skill.storage.sqlite.store import SqliteWinStore
from tests.any_hour import MOMENTS, Moment, process_zone
from tests.cfn_yaml import load_template

ROOT = Path(__file__).resolve().parent.parent
REQUESTS = Path(__file__).resolve().parent / "requests"
TABLE_NAME = "wins-test"
ACCOUNT = "amzn1.ask.account.AGF7EXAMPLEUSERIDQ3ZJ5XKZ6BVLW3N7OHKVJ2PRZ"  # in tests/requests/*.json
SPEAKER = Person.of_account(ACCOUNT)
SKILL_ID = "amzn1.ask.skill.8c1f4a2e-5b6d-4e7f-9a0b-1c2d3e4f5a6b"
# create_table accepts these of the template's table properties; the rest are set separately.
_CREATE_TABLE_KEYS = (
    "AttributeDefinitions",
    "KeySchema",
    "LocalSecondaryIndexes",
    "GlobalSecondaryIndexes",
    "BillingMode",
    "SSESpecification",
)


# The instant every test starts at, unless WINS_TEST_NOW names another. A test marked any_hour
# also runs at each of tests/any_hour.py's instants, in that instant's process time zone.
NOW_ENV = "WINS_TEST_NOW"
DEFAULT_NOW = datetime(2026, 11, 21, 15, 30, tzinfo=UTC)  # a Saturday afternoon, UTC
FAST_OPTION = "--fast"
_now: datetime | None = None  # the running test's instant, while it runs


def _default_now() -> datetime:
    raw = os.environ.get(NOW_ENV)
    if not raw:
        return DEFAULT_NOW
    moment = datetime.fromisoformat(raw)
    if moment.tzinfo is None:
        raise ValueError(f"{NOW_ENV} needs an offset, e.g. 2026-12-31T23:59:00+00:00")
    return moment.astimezone(UTC)


def pinned_now() -> datetime:
    """The instant the running test started at: ``$WINS_TEST_NOW`` (ISO 8601 with an offset),
    the default, or the any-hour instant it runs at."""
    return _now or _default_now()


def console_clock() -> tuple[str, ...]:
    """Options that start a ``wins chat`` child process's clock at the pinned instant.

    A child process does not share this one's pinned time; ``--at`` gives it the same start.
    """
    return ("--at", pinned_now().isoformat())


def real_now() -> datetime:
    """The operating system's time, for a request to a real server in another process.

    Such a server checks a request's timestamp against its own, real clock (as Alexa's
    verification requires); only that exchange uses this, never what a test expects.
    """
    hatch = time_machine.escape_hatch
    return hatch.datetime.datetime.now(UTC) if hatch.is_travelling() else datetime.now(UTC)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        FAST_OPTION,
        action="store_true",
        help="the fast lane: leave out tests marked slow (processes, live servers, Hypothesis "
        "searches) and the any-hour instants; a test that starts a process fails",
    )


# A test marked any_hour runs at the pinned instant and at this many of the any-hour instants;
# which ones turns with the test's name, so every instant is still met by hundreds of tests.
# One that starts processes (marked slow) costs a second or more a run, and meets fewer.
IN_PROCESS_MOMENTS: Final = 4
PROCESS_MOMENTS: Final = 1


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test marked ``any_hour`` runs at the pinned instant and at ``IN_PROCESS_MOMENTS`` of
    the instants of ``tests/any_hour.py`` (not in the fast lane), turned by its name; one that
    starts processes at ``PROCESS_MOMENTS`` of them."""
    marker = metafunc.definition.get_closest_marker("any_hour")
    if marker is None:
        return
    if metafunc.config.getoption(FAST_OPTION):
        return
    slow = metafunc.definition.get_closest_marker("slow") is not None
    many = PROCESS_MOMENTS if slow else IN_PROCESS_MOMENTS
    turn = zlib.crc32(metafunc.definition.nodeid.encode())
    step = max(1, len(MOMENTS) // many)
    moments = [MOMENTS[(turn + k * step) % len(MOMENTS)] for k in range(many)]
    if marker.kwargs.get("every"):  # any_hour(every=True): the instants themselves under test
        moments = list(MOMENTS)
    metafunc.parametrize(
        "instant", [None, *moments], ids=["pinned", *(m.id for m in moments)], indirect=True
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if getattr(getattr(item, "obj", None), "is_hypothesis_test", False):
            item.add_marker(pytest.mark.slow)
    if not config.getoption(FAST_OPTION):
        return
    slow = [item for item in items if item.get_closest_marker("slow") is not None]
    if slow:
        config.hook.pytest_deselected(items=slow)
        items[:] = [item for item in items if item.get_closest_marker("slow") is None]


def pytest_report_header(config: pytest.Config) -> str | None:
    if config.getoption(FAST_OPTION):
        return (
            "fast lane: tests marked slow (processes, live servers, Hypothesis) are deselected, "
            "and any_hour tests run at the pinned instant only; scripts/dev test runs them all"
        )
    return None


@pytest.fixture
def instant(request: pytest.FixtureRequest) -> Moment | None:
    """The any-hour instant this test runs at, or None for the pinned one."""
    moment: Moment | None = getattr(request, "param", None)
    return moment


@pytest.fixture(autouse=True)
def _pinned_time(instant: Moment | None) -> Iterator[None]:
    """No test reads the real date or hour: every one starts at ``pinned_now()``.

    Time then runs on (``tick``), so timeouts, timers and servers behave as they do; what the
    skill sees as "now" is the pinned instant plus the test's own few seconds. The process's
    time zone is UTC, or the any-hour instant's zone, for the test and its children: never the
    machine's.
    """
    global _now
    _now = instant.at if instant is not None else _default_now()
    # Travelling to a timestamp leaves the zone to process_zone: given an aware datetime,
    # time-machine would set TZ itself (to UTC for a UTC datetime), hiding the instant's zone.
    zone = instant.zone if instant is not None else "UTC"
    try:
        with process_zone(zone), time_machine.travel(_now.timestamp(), tick=True):
            yield
    finally:
        _now = None


@pytest.fixture(scope="session", autouse=True)
def _no_process_in_the_fast_lane(request: pytest.FixtureRequest) -> Iterator[None]:
    """In the fast lane, a test (or fixture) that starts a process fails: mark it slow.

    Session-wide, so a module's fixture that starts a server process is caught too.
    """
    if not request.config.getoption(FAST_OPTION):
        yield
        return

    def refuse(*_: Any, **__: Any) -> None:
        raise AssertionError(
            "this starts a process: mark the test slow (the fast lane starts none)"
        )

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(subprocess.Popen, "_execute_child", refuse)
        yield


def table_properties() -> dict[str, Any]:
    """The table's properties exactly as template.yaml declares them (a fresh copy)."""
    return copy.deepcopy(_table_properties())


@functools.cache
def _table_properties() -> dict[str, Any]:
    template = load_template(ROOT / "template.yaml")
    properties: dict[str, Any] = template["Resources"]["WinsTable"]["Properties"]
    return properties


# Keeps boto3's default session between mocks: a client made from a fresh one (moto's default)
# reloads every service model first, a few hundred milliseconds per test. The session was made
# after moto was imported, so its clients still go to moto whenever a mock is running.
_KEEP_SESSION: Final[DefaultConfig] = {"core": {"reset_boto3_session": False}}


def create_table_from_template(client: Any, name: str = TABLE_NAME) -> None:
    """Create the table the way CloudFormation would, from the template's own definition."""
    properties = table_properties()
    kwargs = {key: properties[key] for key in _CREATE_TABLE_KEYS if key in properties}
    if "SSESpecification" in kwargs:  # CloudFormation spells the API's "Enabled" "SSEEnabled"
        kwargs["SSESpecification"] = {"Enabled": kwargs["SSESpecification"]["SSEEnabled"]}
    client.create_table(TableName=name, **kwargs)
    ttl = properties.get("TimeToLiveSpecification")
    if ttl:
        client.update_time_to_live(TableName=name, TimeToLiveSpecification=ttl)


@pytest.fixture(autouse=True)
def _aws_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never reach real AWS: fake credentials and a fixed region."""
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_SESSION_TOKEN": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("AWS_ENDPOINT_URL_DYNAMODB", raising=False)
    monkeypatch.delenv("AWS_ENDPOINT_URL", raising=False)
    monkeypatch.delenv("AWS_PROFILE", raising=False)


@pytest.fixture(autouse=True)
def _own_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test writes to the real data folder: unless it names one, the default is its own."""
    monkeypatch.setenv("WINS_DATA_DIR", str(tmp_path_factory.mktemp("data-dir")))


@dataclass
class CallLog:
    """DynamoDB operations as the client sent them, counted through botocore's event hooks."""

    operations: list[str] = field(default_factory=list)

    def __call__(self, model: Any, **_: Any) -> None:
        self.operations.append(model.name)

    def take(self) -> list[str]:
        taken, self.operations = self.operations, []
        return taken


@pytest.fixture
def dynamodb() -> Iterator[Any]:
    """A moto DynamoDB client with the Wins table created from template.yaml."""
    with mock_aws(config=_KEEP_SESSION):
        client = boto3.client("dynamodb", region_name="us-east-1")
        create_table_from_template(client)
        yield client


@pytest.fixture
def calls(dynamodb: Any) -> CallLog:
    log = CallLog()
    dynamodb.meta.events.register("before-call.dynamodb.*", log)
    return log


@pytest.fixture
def dynamo_store(dynamodb: Any) -> DynamoWinStore:
    """The Lambda's store over moto: for tests about DynamoDB itself (calls, items, faults)."""
    return DynamoWinStore(dynamodb, TABLE_NAME)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqliteWinStore]:
    """The store handler-level tests run on: SQLite in the test's own folder.

    The cheapest real store (a few milliseconds against a moto table's two hundred). What is
    DynamoDB's own (items, call budgets, faults, the Lambda) is tested on ``dynamo_store``, and
    ``tests/storage/test_contract.py`` holds both stores to the same promises. A test module
    about DynamoDB overrides this fixture with ``dynamo_store``.
    """
    opened = SqliteWinStore(tmp_path / "wins")
    yield opened
    opened.close()


def stored_texts(store: PortableStore) -> list[str]:
    """The words of every win the store keeps, everyone's, oldest first per person."""
    return [win.text for person in store.people() for win in store.wins_of(person)]


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 11, 21, 15, 30, tzinfo=UTC))  # a Saturday afternoon


@pytest.fixture(scope="session")
def _shared_alexa() -> Iterator[FakeAlexaApi]:
    """One stand-in for the whole run: its certificates and server are made once."""
    with FakeAlexaApi(time_zone="UTC", minute_seconds=0.05) as fake:
        yield fake


@pytest.fixture
def alexa(_shared_alexa: FakeAlexaApi) -> Iterator[FakeAlexaApi]:
    """Alexa's REST APIs, for real over HTTPS on loopback; the device is in UTC.

    Shared by every test, and reset before and after each: a new access token, no grants,
    timers or reminders, so nothing of one test (a timer still running) reaches the next.
    """
    _shared_alexa.reset()
    yield _shared_alexa
    _shared_alexa.reset()


@pytest.fixture
def handler(store: WinStore, clock: Clock, alexa: FakeAlexaApi) -> Handler:
    return make_handler(
        store, skill_id=SKILL_ID, clock=clock, rng=random.Random(7), api_ca_file=alexa.ca_file
    )


def saved_win_texts(data_dir: Path) -> list[str]:
    """Every win in the data folder's SQLite file, read by SQLite itself (read-only)."""
    path = data_dir / "wins.sqlite3"
    if not path.exists():
        return []
    with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as db:
        rows = db.execute("SELECT text FROM wins ORDER BY person, number")
        return [unsealed(row[0]) for row in rows]


def everything_kept(data_dir: Path) -> str:
    """Every row of every table in the data folder's SQLite file, as lower-case JSON ("[]" when
    nothing is kept), read by SQLite itself: for "nothing of it was kept, anywhere"."""
    path = data_dir / "wins.sqlite3"
    if not path.exists():
        return "[]"
    with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as db:
        tables = db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
        kept = [table for (table,) in tables if table != "meta"]
        rows = [row for table in kept for row in db.execute(f"SELECT * FROM {table}")]
    return json.dumps(rows).lower()


def load_request(name: str) -> dict[str, Any]:
    """A request envelope from tests/requests, with a fresh request ID."""
    envelope: dict[str, Any] = json.loads((REQUESTS / f"{name}.json").read_text())
    envelope["request"]["requestId"] = f"amzn1.echo-api.request.{uuid.uuid4()}"
    return envelope


Envelope = Callable[..., dict[str, Any]]


def _set_speaker(envelope: dict[str, Any], user: str | None, person: str | None) -> None:
    """Who is speaking: the Alexa account, and a recognised voice profile if any."""
    if user is not None:
        envelope["session"]["user"]["userId"] = user
        envelope["context"]["System"]["user"]["userId"] = user
    if person is not None:
        envelope["context"]["System"]["person"] = {"personId": person}


def _fill_slots(envelope: dict[str, Any], values: dict[str, str]) -> None:
    for slot, value in values.items():
        envelope["request"]["intent"]["slots"][slot] = {
            "name": slot,
            "value": value,
            "confirmationStatus": "NONE",
            "source": "USER",
        }


def as_intent(envelope: dict[str, Any], intent: str, slot: str, words: str) -> dict[str, Any]:
    """``envelope`` (an IntentRequest) as ``intent``, its one slot ``slot`` holding ``words``."""
    envelope["request"]["intent"] = {"name": intent, "confirmationStatus": "NONE", "slots": {}}
    _fill_slots(envelope, {slot: words})
    return envelope


@pytest.fixture
def request_for(alexa: FakeAlexaApi) -> Envelope:
    """Build a request from a stored envelope: set the win, the session, the person.

    Every request names the loopback fake as its ``apiEndpoint``: tests never reach Alexa.
    """

    def build(
        name: str,
        *,
        win: str | None = None,
        new: bool | None = None,
        user: str | None = None,
        person: str | None = None,
        attributes: dict[str, Any] | None = None,
        request_id: str | None = None,
        slots: dict[str, str] | None = None,
        scopes: dict[str, str] | None = None,
        device: str | None = None,
    ) -> dict[str, Any]:
        envelope = copy.deepcopy(load_request(name))
        system = envelope["context"]["System"]
        system["apiEndpoint"] = alexa.endpoint
        system["apiAccessToken"] = alexa.access_token
        _fill_slots(envelope, {**(slots or {}), **({"win": win} if win is not None else {})})
        if scopes is not None:
            system["user"]["permissions"] = {
                "consentToken": "consent-token",
                "scopes": {scope: {"status": status} for scope, status in scopes.items()},
            }
        if device is not None:
            system["device"]["deviceId"] = device
        if new is not None:
            envelope["session"]["new"] = new
        _set_speaker(envelope, user, person)
        if attributes is not None:
            envelope["session"]["attributes"] = attributes
        if request_id is not None:
            envelope["request"]["requestId"] = request_id
        return envelope

    return build


def speech(response: dict[str, Any]) -> str:
    """The SSML a response speaks."""
    text: str = response["response"]["outputSpeech"]["ssml"]
    return text


def plain(ssml: str) -> str:
    """What SSML says, without its tags."""
    return re.sub(r"<[^>]+>", "", ssml).strip()


# What a launch may say, by the time of day: the morning's one-thing question before local noon.
MORNING_GREETINGS = frozenset(
    catalog_for("en-US").variants("morning.prompt")
    + catalog_for("en-US").variants("launch.new_morning")
)
LATER_GREETINGS = frozenset(
    catalog_for("en-US").variants("launch.new") + catalog_for("en-US").variants("launch.returning")
)


def is_morning_prompt(response: dict[str, Any]) -> bool:
    """True when a launch asks the morning's one-thing question (with or without a welcome)."""
    return plain(speech(response)) in MORNING_GREETINGS


def is_greeting(response: dict[str, Any]) -> bool:
    """True when a launch's answer is one of the skill's greetings, at whatever hour."""
    return plain(speech(response)) in MORNING_GREETINGS | LATER_GREETINGS


def reprompt(response: dict[str, Any]) -> str | None:
    prompt = response["response"].get("reprompt")
    return None if prompt is None else str(prompt["outputSpeech"]["ssml"])


def ends_session(response: dict[str, Any]) -> bool:
    return bool(response["response"].get("shouldEndSession"))


@functools.cache
def _probe_entry() -> dict[str, list[str]]:
    """What a fresh process holds after importing lambda/app.py, as on a cold start."""
    env = {
        **os.environ,
        "WINS_TABLE_NAME": TABLE_NAME,
        "WINS_SKILL_ID": SKILL_ID,
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_ENDPOINT_URL_DYNAMODB": "http://127.0.0.1:9",  # nothing is sent at start anyway
    }
    probe, entry = ROOT / "benchmarks" / "module_probe.py", ROOT / "lambda" / "app.py"
    result = subprocess.run(
        [sys.executable, str(probe), str(entry)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    probed: dict[str, list[str]] = json.loads(result.stdout)
    return probed


def modules_loaded_by_entry() -> set[str]:
    """The modules importing lambda/app.py loads in a fresh process, as on a cold start."""
    return set(_probe_entry()["modules"])


def dataclasses_defined_by_entry() -> set[str]:
    """The project's dataclasses (``module.Class``) a cold start defines."""
    return set(_probe_entry()["dataclasses"])


def postponed_records_defined_by_entry() -> set[str]:
    """The project's NamedTuples (``module.Class``) a cold start defines from string annotations."""
    return set(_probe_entry()["postponed"])
