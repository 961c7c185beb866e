"""The sped-up moto (``testkit.fast_moto``) answers exactly as plain moto does.

The load test and the benchmarks run on it, so their figures are only worth something if its
two shortcuts (transactions snapshot just the items they name; queries look at one partition)
never change an answer. The same random operations, the skill's kinds among them (conditional
transactions that fail, queries on the table and on the local index, limits, both directions),
go to a fresh moto with and without the shortcuts, and every answer must match.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError
from moto import mock_aws
from moto.dynamodb import models as moto_models

from skill.storage.dynamodb.schema import HEARD_INDEX
from testkit.fast_moto import moto_sped_up
from tests.conftest import TABLE_NAME, create_table_from_template

pytestmark = pytest.mark.slow  # moto serves on loopback

PEOPLE = ("USER#a", "USER#b", "USER#c")
OPERATIONS = 300


def _item(rng: random.Random, person: str) -> dict[str, Any]:
    item: dict[str, Any] = {
        "pk": {"S": person},
        "sk": {"S": f"WIN#{rng.randrange(30):010d}"},
        "text": {"S": rng.choice(["did the laundry", "called the bank", "went outside"])},
    }
    if rng.random() < 0.7:
        item["heard_at"] = {"S": f"2026-11-{rng.randrange(1, 29):02d}T10:00:00.000000Z"}
    return item


def _transaction(rng: random.Random, person: str) -> list[dict[str, Any]]:
    """Two to four writes to one person; conditions make some of them fail, all or nothing."""
    writes: list[dict[str, Any]] = []
    for _ in range(rng.randrange(2, 5)):
        item = _item(rng, person)
        if rng.random() < 0.5:
            put: dict[str, Any] = {"TableName": TABLE_NAME, "Item": item}
            if rng.random() < 0.5:
                put["ConditionExpression"] = "attribute_not_exists(sk)"
            writes.append({"Put": put})
        else:
            writes.append(
                {
                    "Update": {
                        "TableName": TABLE_NAME,
                        "Key": {"pk": item["pk"], "sk": item["sk"]},
                        "UpdateExpression": "SET heard_at = :h",
                        "ConditionExpression": "attribute_exists(sk)",
                        "ExpressionAttributeValues": {":h": item.get("heard_at", {"S": "x"})},
                    }
                }
            )
    keys = [(w.get("Put") or w["Update"]).get("Item") or w["Update"]["Key"] for w in writes]
    unique = {(k["pk"]["S"], k["sk"]["S"]) for k in keys}
    return writes if len(unique) == len(writes) else writes[:1]


def _query(rng: random.Random, person: str) -> dict[str, Any]:
    query: dict[str, Any] = {
        "TableName": TABLE_NAME,
        "KeyConditionExpression": "pk = :p",
        "ExpressionAttributeValues": {":p": {"S": person}},
        "ScanIndexForward": rng.random() < 0.5,
        "ConsistentRead": True,
    }
    if rng.random() < 0.5:
        query["IndexName"] = HEARD_INDEX
    if rng.random() < 0.7:
        query["Limit"] = rng.randrange(1, 5)
    return query


def _answers(seed: int) -> Iterator[Any]:
    """Every answer to the same random operations, on a fresh table; errors as their codes."""
    rng = random.Random(seed)
    with mock_aws():
        client: Any = boto3.client("dynamodb", region_name="us-east-1")
        create_table_from_template(client)
        for _ in range(OPERATIONS):
            person = rng.choice(PEOPLE)
            try:
                if rng.random() < 0.5:
                    client.transact_write_items(TransactItems=_transaction(rng, person))
                    yield "written"
                else:
                    answer = client.query(**_query(rng, person))
                    answer.pop("ResponseMetadata")
                    yield answer
            except ClientError as exc:
                yield exc.response["Error"]["Code"], exc.response.get("CancellationReasons")


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_sped_up_moto_answers_as_plain_moto_does(seed: int) -> None:
    plain = list(_answers(seed))
    with moto_sped_up():
        fast = list(_answers(seed))
    assert any(isinstance(a, tuple) for a in plain)  # some transactions were refused
    assert any(isinstance(a, dict) and a["Count"] > 1 for a in plain)  # queries found items
    assert fast == plain


def _patched_parts() -> tuple[Any, ...]:
    models: Any = moto_models  # moto's internals, patched beyond what its types describe
    backend = models.DynamoDBBackend
    return models.copy, backend.transact_write_items, backend.query


def test_moto_is_as_it_was_after_a_sped_up_while() -> None:
    before = _patched_parts()
    with moto_sped_up():
        assert _patched_parts() != before
    assert _patched_parts() == before
    assert not hasattr(moto_models.DynamoDBBackend, "_wins_fast")
