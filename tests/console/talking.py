"""How the console tests talk to ``wins chat``: scripted through stdin, its clock pinned
(``--at``) and its zone set, and what the skill says read back line by line.

``wins chat`` runs in this process, as ``wins`` itself runs it (``skill.cli.main``, stdin, stdout
and stderr its own): the word lists and patterns a first statement compiles are then compiled
once per test process, not once per conversation, which is most of what a conversation costs.
A conversation with an environment of its own (``env``) runs in a process of its own, and
``tests/console/test_chat.py`` runs the installed command as a person would.

One module for every conversation test, so a change in how a conversation is run is made once.
"""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
from collections.abc import Iterator
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
    """Run ``wins chat`` with ``lines`` on stdin (not a terminal), as a script would: in this
    process, or with ``env`` in a process of its own."""
    arguments = ["chat", "--data-dir", str(data_dir), *console_clock(), *options]
    said = "".join(f"{line}\n" for line in lines)
    if env is not None:
        return subprocess.run(
            [sys.executable, "-m", "skill.cli", *arguments],
            input=said,
            capture_output=True,
            text=True,
            timeout=60,
            env=env,
            check=False,
        )
    return _in_process(arguments, said)


def _in_process(arguments: list[str], said: str) -> subprocess.CompletedProcess[str]:
    """``wins`` with ``arguments`` in this process, ``said`` on its stdin; what it wrote and the
    status it would have exited with, as a process's would be."""
    from skill.cli import main  # the skill loads on first use, as in a process of its own

    out, err = io.StringIO(), io.StringIO()
    with _stdin(said), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(arguments)
        except SystemExit as exit_:  # argparse refusing an option, as the command would
            status = exit_.code if isinstance(exit_.code, int) else 1
    return subprocess.CompletedProcess(["wins", *arguments], status, out.getvalue(), err.getvalue())


@contextlib.contextmanager
def _stdin(text: str) -> Iterator[None]:
    """``text`` as this process's stdin (a pipe, never a terminal) inside."""
    before = sys.stdin
    sys.stdin = io.StringIO(text)
    try:
        yield
    finally:
        sys.stdin = before


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
