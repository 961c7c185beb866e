"""What each person allowed, remembered between runs of the console, as Alexa remembers it.

On an Echo a permission, once granted (or denied), stays so until the person changes it in the
Alexa app: the next session's requests carry it and Alexa's APIs honour it. The console keeps
the same record in its data folder, one entry per caller (the Alexa user id and, when there
is one, the person id of a recognised voice), so a second ``wins chat`` run does not ask again.

The file is small JSON, written atomically after each change. A missing file means nothing was
granted yet; an unreadable one is said in a hint and treated the same, never as a crash.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from skill.storage.files import write_json_atomically

PERMISSIONS_FILE: Final = "console-permissions.json"
STATUSES: Final = frozenset({"GRANTED", "DENIED"})
_FORMAT: Final = 1


@dataclass(frozen=True)
class Grantor:
    """Whose permissions: an Alexa account, and a recognised voice on it if any."""

    user_id: str
    person_id: str | None = None

    def owns(self, entry: Mapping[str, Any]) -> bool:
        return entry.get("userId") == self.user_id and entry.get("personId") == self.person_id


class RememberedPermissions:
    """One caller's permission statuses, kept in ``path`` alongside everyone else's."""

    def __init__(
        self, path: Path, grantor: Grantor, on_hint: Callable[[str], None] | None = None
    ) -> None:
        self.path = path
        self._grantor = grantor
        self._on_hint = on_hint or (lambda _hint: None)

    def load(self) -> dict[str, str]:
        """Each scope this caller was asked for: GRANTED or DENIED (empty if none yet)."""
        mine, _others = self._split(self._entries(hint=True))
        return mine

    def record(self, scope: str, *, granted: bool) -> None:
        """Remember that ``scope`` was granted or denied; a failed write is only a hint."""
        mine, others = self._split(self._entries(hint=False))
        mine[scope] = "GRANTED" if granted else "DENIED"
        entry = {"userId": self._grantor.user_id, "personId": self._grantor.person_id}
        document = {"format": _FORMAT, "callers": [*others, {**entry, "scopes": mine}]}
        try:
            write_json_atomically(self.path, document)
        except OSError as exc:
            self._on_hint(f"Permissions could not be remembered in {self.path}: {exc}")

    def _split(self, entries: list[dict[str, Any]]) -> tuple[dict[str, str], list[dict[str, Any]]]:
        """This caller's statuses, and everyone else's entries as they were."""
        mine = next((entry for entry in entries if self._grantor.owns(entry)), None)
        others = [entry for entry in entries if not self._grantor.owns(entry)]
        return _statuses(mine.get("scopes") if mine else None), others

    def _entries(self, *, hint: bool) -> list[dict[str, Any]]:
        """Every caller's entry in the file; none when it is missing or unreadable."""
        try:
            document = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return []
        except (OSError, ValueError) as exc:
            return self._unreadable(str(exc), hint=hint)
        callers = document.get("callers") if isinstance(document, dict) else None
        if not isinstance(callers, list):
            return self._unreadable("no list of callers", hint=hint)
        return [entry for entry in callers if isinstance(entry, dict)]

    def _unreadable(self, why: str, *, hint: bool) -> list[dict[str, Any]]:
        if hint:
            self._on_hint(
                f"The remembered permissions in {self.path} could not be read ({why}); "
                "starting as if nothing was granted yet."
            )
        return []


def _statuses(raw: Any) -> dict[str, str]:
    if not isinstance(raw, dict):
        return {}
    return {
        str(scope): status
        for scope, status in raw.items()
        if isinstance(scope, str) and status in STATUSES
    }
