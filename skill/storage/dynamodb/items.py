"""DynamoDB items as the storage layer's records, and the typed values they are made of."""

from collections.abc import Mapping
from typing import Any

from skill.storage.records import Person, Profile, StoredWin, profile_of, win_of


def s(value: str) -> dict[str, str]:
    return {"S": value}


def n(value: int) -> dict[str, str]:
    return {"N": str(value)}


def text(item: Mapping[str, Any], name: str) -> str | None:
    value = item.get(name, {}).get("S")
    return str(value) if value is not None else None


def plain(item: Mapping[str, Any]) -> dict[str, Any]:
    """An item's attributes as plain values: text, whole numbers, booleans (others left out)."""
    found: dict[str, Any] = {}
    for name, value in item.items():
        if "S" in value:
            found[name] = str(value["S"])
        elif "N" in value:
            found[name] = int(value["N"])
        elif "BOOL" in value:
            found[name] = bool(value["BOOL"])
    return found


def typed(fields: Mapping[str, Any]) -> dict[str, Any]:
    """Plain values as attributes: text, whole numbers, booleans; no attribute for none or ""."""
    found: dict[str, Any] = {}
    for name, value in fields.items():
        if value is None or value == "":
            continue
        if isinstance(value, bool):
            found[name] = {"BOOL": value}
        elif isinstance(value, int):
            found[name] = n(value)
        else:
            found[name] = s(str(value))
    return found


def profile_from(item: Mapping[str, Any] | None) -> Profile | None:
    return profile_of(plain(item)) if item else None


def win_from(item: Mapping[str, Any]) -> StoredWin:
    return win_of(
        item["number"]["N"],
        item["text"]["S"],
        item["created_at"]["S"],
        text(item, "kind"),
        text(item, "screened"),
        text(item, "told_at"),
    )


def person_from(item: Mapping[str, Any]) -> Person:
    """Whose item this is: its partition key, and the account the profile records (if any)."""
    return Person.from_key(item["pk"]["S"], text(item, "account"))
