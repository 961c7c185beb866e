"""Every store implementation, behind one fixture: the contract suite runs against each."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from skill.storage.dynamodb.export import PortableDynamoWinStore
from skill.storage.interface import PortableStore
from skill.storage.sqlite.store import SqliteWinStore
from tests.conftest import TABLE_NAME

STORES = ("dynamodb", "sqlite")


def open_kind(kind: str, request: pytest.FixtureRequest, tmp_path: Path) -> PortableStore:
    if kind == "dynamodb":
        dynamodb: Any = request.getfixturevalue("dynamodb")
        return PortableDynamoWinStore(dynamodb, TABLE_NAME)
    store = SqliteWinStore(tmp_path / "wins")
    request.addfinalizer(store.close)
    return store


@pytest.fixture(params=STORES)
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[PortableStore]:
    """Each implementation in turn: DynamoDB (moto, table from template.yaml), then SQLite."""
    yield open_kind(request.param, request, tmp_path)
