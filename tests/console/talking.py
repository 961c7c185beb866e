"""How the console tests talk to ``wins chat``: a real process, scripted through stdin, its
clock pinned (``--at``) and its zone set, and what the skill says read back line by line.

One module for every conversation test, so a change in how a conversation is run is made once.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Final

from skill.speech.catalog import catalog_for
from tests.conftest import console_clock

WORDS: Final = catalog_for("en-US")

# Zones far from UTC, and the clock changes the tests cross in them.
AUCKLAND: Final = "Pacific/Auckland"
SYDNEY: Final = "Australia/Sydney"
KOLKATA: Final = "Asia/Kolkata"
LONDON: Final = "Europe/London"
NEW_YORK: Final = "America/New_York"
CHICAGO: Final = "America/Chicago"
LOS_ANGELES: Final = "America/Los_Angeles"


def chat(
    data_dir: Path, *lines: str, options: tuple[str, ...] = (), env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``wins chat`` with ``lines`` on stdin (not a terminal), as a script would."""
    command = [
        *(sys.executable, "-m", "skill.cli", "chat", "--data-dir", str(data_dir)),
        *(*console_clock(), *options),
    ]
    return subprocess.run(
        command,
        input="".join(f"{line}\n" for line in lines),
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )


def answers(result: subprocess.CompletedProcess[str]) -> list[str]:
    """What the skill said, one line an answer; the run must have ended well."""
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def talk(
    tmp_path: Path, at: str, zone: str, *lines: str, one_answer_each: bool = True
) -> list[str]:
    """``lines`` said at ``at`` (the device's time) in ``zone``, the wins kept in ``tmp_path``
    between calls; one answer a line unless ``one_answer_each`` is False."""
    said = answers(chat(tmp_path, *lines, options=("--at", at, "--time-zone", zone)))
    if one_answer_each:
        assert len(said) == len(lines), said
    return said


def asks_to_delete(win: str) -> set[str]:
    """Every way the skill asks before deleting ``win`` ("you fed the cat")."""
    return {text.format(win=win) for text in WORDS.variants("forget.confirm")}


def talk_ends(tmp_path: Path, at: str, zone: str, *lines: str) -> list[tuple[str, bool]]:
    """Like ``talk``, each answer with whether it ended the session: (what was said, ended)."""
    import json
    import re

    result = chat(tmp_path, *lines, options=("--at", at, "--time-zone", zone, "--json"))
    said = []
    for line in answers(result):
        response = json.loads(line).get("response", {})
        ssml = (response.get("outputSpeech") or {}).get("ssml", "")
        text = re.sub(r"<[^>]+>", "", ssml).strip()
        said.append((text, bool(response.get("shouldEndSession"))))
    assert len(said) == len(lines), said
    return said
