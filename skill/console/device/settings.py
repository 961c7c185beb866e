"""The device's settings as Alexa's Settings API reports them: for now, its time zone.

On an Echo the time zone is set in the Alexa app; the skill asks for it (it decides whether it
is morning). The console's device takes the computer's own zone unless told otherwise, so the
skill behaves as it would on an Echo in the same room; ``--time-zone`` tries anywhere else.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from skill.console.errors import ConsoleError

FALLBACK_ZONE: Final = "UTC"
LOCALTIME: Final = Path("/etc/localtime")


def machine_time_zone(environ: dict[str, str] | None = None, localtime: Path = LOCALTIME) -> str:
    """The computer's IANA zone: ``$TZ`` if it names one, else /etc/localtime's, else UTC."""
    env = os.environ if environ is None else environ
    named = env.get("TZ", "").lstrip(":")
    if _is_zone(named):
        return named
    try:
        target = str(localtime.resolve(strict=True))
    except OSError:
        return FALLBACK_ZONE
    _, found, name = target.partition("zoneinfo/")
    name = name.removeprefix("posix/").removeprefix("right/")
    return name if found and _is_zone(name) else FALLBACK_ZONE


def checked_time_zone(name: str) -> str:
    """``name`` if it is an IANA time zone; otherwise a ConsoleError that says so."""
    if not _is_zone(name):
        raise ConsoleError(
            f"{name!r} is not a time zone name. Use an IANA name such as America/New_York, "
            "Europe/London or Pacific/Auckland."
        )
    return name


def _is_zone(name: str) -> bool:
    if not name or name.startswith("/") or ".." in name:
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True
