"""Fault fixtures: moto behind the fault proxy, a fresh table per test, the skill pointed at it.

The skill's client is built by ``skill.storage.dynamodb.client.dynamodb_client`` itself, with
the endpoint taken from ``AWS_ENDPOINT_URL_DYNAMODB``: the retries and timeouts tested are the
production ones.
moto runs for the whole module; each test gets its own table and a proxy without faults.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from skill.console.alexa_stand_in import FakeAlexaApi
from skill.entry import Handler, make_handler
from skill.storage.dynamodb.client import dynamodb_client
from skill.storage.dynamodb.schema import WIN_PREFIX
from skill.storage.dynamodb.store import DynamoWinStore
from testkit.proxy import FaultProxy, FaultyDynamoDB
from tests.conftest import SKILL_ID, Clock, create_table_from_template


@dataclass(frozen=True)
class Table:
    """The test's own view of the table, straight to moto, never through the faults."""

    client: Any
    name: str

    def items(self) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = self.client.scan(TableName=self.name, ConsistentRead=True)[
            "Items"
        ]
        return items

    def win_texts(self) -> list[str]:
        return sorted(
            item["text"]["S"] for item in self.items() if item["sk"]["S"].startswith(WIN_PREFIX)
        )


@pytest.fixture(scope="module")
def faulty_dynamodb() -> Iterator[FaultyDynamoDB]:
    with FaultyDynamoDB(seed=11) as endpoint:
        yield endpoint


@pytest.fixture
def proxy(faulty_dynamodb: FaultyDynamoDB) -> Iterator[FaultProxy]:
    faulty_dynamodb.proxy.reset()
    yield faulty_dynamodb.proxy
    faulty_dynamodb.proxy.reset()


@pytest.fixture
def table(faulty_dynamodb: FaultyDynamoDB) -> Iterator[Table]:
    client = faulty_dynamodb.direct_client()
    name = f"wins-{uuid.uuid4().hex[:12]}"
    create_table_from_template(client, name)
    yield Table(client, name)
    client.delete_table(TableName=name)


@pytest.fixture
def production_client(faulty_dynamodb: FaultyDynamoDB, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The Lambda's own DynamoDB client, its endpoint the fault proxy."""
    monkeypatch.setenv("AWS_ENDPOINT_URL_DYNAMODB", faulty_dynamodb.url)
    return dynamodb_client(region_name="us-east-1")


@pytest.fixture
def past_timeout(production_client: Any) -> float:
    """How long a TIMEOUT fault waits: just past the client's read timeout, never much longer."""
    read_timeout: float = production_client.meta.config.read_timeout
    return read_timeout + 0.3


@pytest.fixture
def skill(
    production_client: Any, table: Table, proxy: FaultProxy, clock: Clock, alexa: FakeAlexaApi
) -> Handler:
    store = DynamoWinStore(production_client, table.name)
    return make_handler(
        store, skill_id=SKILL_ID, clock=clock, rng=random.Random(7), api_ca_file=alexa.ca_file
    )
