"""The embedded DynamoDB: the schema's table, items that survive a restart, atomic saves."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from skill.storage.dynamodb.embedded import ITEMS_FILE, EmbeddedDynamo
from skill.storage.dynamodb.schema import HEARD_INDEX, TIME_INDEX, TTL_ATTRIBUTE
from skill.storage.errors import StoreSetupError
from skill.storage.opening import default_data_dir

NOW = 1_800_000_000.0


def item(sk: str, **extra: dict[str, str]) -> dict[str, dict[str, str]]:
    return {"pk": {"S": "USER#someone"}, "sk": {"S": sk}, "heard_at": {"S": "~"}, **extra}


def test_the_table_follows_the_schema_with_ttl(tmp_path: Path) -> None:
    with EmbeddedDynamo(tmp_path) as embedded:
        table = embedded.client.describe_table(TableName=embedded.table_name)["Table"]
        ttl = embedded.client.describe_time_to_live(TableName=embedded.table_name)

    assert [index["IndexName"] for index in table["LocalSecondaryIndexes"]] == [
        HEARD_INDEX,
        TIME_INDEX,
    ]
    assert table["BillingModeSummary"]["BillingMode"] == "PAY_PER_REQUEST"
    assert ttl["TimeToLiveDescription"]["AttributeName"] == TTL_ATTRIBUTE
    assert not (tmp_path / ITEMS_FILE).exists()


def test_items_survive_a_restart(tmp_path: Path) -> None:
    with EmbeddedDynamo(tmp_path / "wins") as embedded:
        embedded.client.put_item(TableName=embedded.table_name, Item=item("WIN#1"))
        embedded.save()

    with EmbeddedDynamo(tmp_path / "wins") as embedded:
        items = embedded.client.scan(TableName=embedded.table_name)["Items"]

    assert items == [item("WIN#1")]
    assert [p.name for p in (tmp_path / "wins").iterdir()] == [ITEMS_FILE]


def test_expired_items_are_not_loaded(tmp_path: Path) -> None:
    saved = [
        item("REQ#old", **{TTL_ATTRIBUTE: {"N": str(int(NOW) - 1)}}),
        item("REQ#new", **{TTL_ATTRIBUTE: {"N": str(int(NOW) + 60)}}),
        item("PROFILE"),
    ]
    (tmp_path / ITEMS_FILE).write_text(json.dumps({"format": 1, "items": saved}))

    with EmbeddedDynamo(tmp_path, clock=lambda: NOW) as embedded:
        items = embedded.client.scan(TableName=embedded.table_name)["Items"]

    assert sorted(found["sk"]["S"] for found in items) == ["PROFILE", "REQ#new"]


def test_a_failed_save_keeps_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with EmbeddedDynamo(tmp_path) as embedded:
        embedded.client.put_item(TableName=embedded.table_name, Item=item("WIN#1"))
        embedded.save()
        before = (tmp_path / ITEMS_FILE).read_text()
        embedded.client.put_item(TableName=embedded.table_name, Item=item("WIN#2"))

        def crash(*_: object, **__: object) -> None:
            raise OSError("disk full")

        monkeypatch.setattr("skill.storage.dynamodb.embedded.json.dump", crash)
        with pytest.raises(OSError, match="disk full"):
            embedded.save()

    assert (tmp_path / ITEMS_FILE).read_text() == before
    assert [p.name for p in tmp_path.iterdir()] == [ITEMS_FILE]


def test_an_unreadable_data_file_is_explained(tmp_path: Path) -> None:
    (tmp_path / ITEMS_FILE).write_text("not json")

    with pytest.raises(StoreSetupError, match="could not be read"), EmbeddedDynamo(tmp_path):
        pass


def test_the_data_dir_follows_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))

    chosen, xdg = tmp_path / "chosen", tmp_path / "xdg"

    assert default_data_dir({"WINS_DATA_DIR": str(chosen), "XDG_DATA_HOME": str(xdg)}) == chosen
    assert default_data_dir({"XDG_DATA_HOME": str(xdg)}) == xdg / "wins"
    assert default_data_dir({}) == tmp_path / ".local" / "share" / "wins"
