"""An import killed while it writes (a crash, a power cut) is undone by the next import into
the same folder, or by ``wins serve`` or ``wins chat`` before they use the store, which say so;
until then its staging file keeps what is needed. An import running now is left alone."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from skill.portable.importing import STEP_ITEMS
from skill.storage.sqlite.staging import STAGING_FILE, SqliteStaging
from skill.storage.staging import Progress
from tests.conftest import ROOT, pinned_now
from tests.portable.files import ALEX, ROBIN, SAM, export, kept, person_line, run, win_line
from tests.portable.test_all_or_nothing import seed

pytestmark = pytest.mark.slow  # starts a process

STOPPED_AND_UNDONE = "had stopped part way; what it wrote is undone"

# The import as the command runs it, in a process that dies the moment its second step is
# written: no undo runs, nothing is closed.
KILLED_AFTER_TWO_STEPS = """
import contextlib, os, sys
from datetime import datetime
from pathlib import Path
from skill.portable.importing import import_export
from skill.storage.opening import StoreSettings, open_staging, open_store

class DiesAfterTwoSteps:
    def __init__(self, store):
        self.store, self.steps = store, 0
    def __getattr__(self, name):
        return getattr(self.store, name)
    def write_import(self, step):
        self.store.write_import(step)
        self.steps += 1
        if self.steps == 2:
            os._exit(9)

data, file, now = Path(sys.argv[1]), Path(sys.argv[2]), datetime.fromisoformat(sys.argv[3])
with contextlib.ExitStack() as stack:
    settings = StoreSettings(data_dir=data)
    store = DiesAfterTwoSteps(open_store(settings, stack).store)
    with file.open() as source:
        import_export(source, store, open_staging(settings, stack), replace=True, now=now)
"""


def kill_an_import(tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    """A data folder where an import was killed after two of its steps were written, and
    what the folder held before that import."""
    data = tmp_path / "data"
    seed(data, {ROBIN: ["walked the dog", "called mum"]})
    before = kept(data)
    start = pinned_now() - timedelta(days=1)
    file = export(
        tmp_path / "wins.jsonl",
        person_line(ALEX),
        *(
            win_line(ALEX, n, f"washed cup {n % 9}", (start + timedelta(seconds=n)).isoformat())
            for n in range(1, 2 * STEP_ITEMS + 10)
        ),
        person_line(ROBIN, style="calm"),
        win_line(ROBIN, 1, "read a chapter"),
    )

    killed = subprocess.run(
        [
            sys.executable,
            "-c",
            KILLED_AFTER_TWO_STEPS,
            str(data),
            str(file),
            pinned_now().isoformat(),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert killed.returncode == 9, killed.stderr
    assert len(kept(data)[ALEX.key]["wins"]) == 2 * STEP_ITEMS  # written, not yet Alex's
    assert (data / STAGING_FILE).exists()
    return data, before


def test_an_import_killed_part_way_is_undone_by_the_next(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, before = kill_an_import(tmp_path)

    small = export(tmp_path / "small.jsonl", person_line(SAM), win_line(SAM, 1, "made tea"))
    assert run("import", "--data-dir", str(data), str(small)) == 0

    told = capsys.readouterr().err
    assert "An earlier import here had stopped part way; what it wrote was undone first." in told
    after = kept(data)
    assert [win[1] for win in after.pop(SAM.key)["wins"]] == ["made tea"]
    assert after == before
    assert not (data / STAGING_FILE).exists()


def chat(data: Path) -> subprocess.CompletedProcess[str]:
    """``wins chat`` on ``data``, opened and closed at once (no line said)."""
    return subprocess.run(
        [sys.executable, "-m", "skill.cli", "chat", "--data-dir", str(data), "--user", "U1"]
        + ["--seed", "1", "--time-zone", "Europe/London", "--at", "2026-12-07T09:00"],
        cwd=ROOT,
        input="",
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_wins_chat_undoes_an_import_that_stopped_part_way_before_it_talks(tmp_path: Path) -> None:
    data, before = kill_an_import(tmp_path)

    chatted = chat(data)

    assert chatted.returncode == 0, chatted.stderr
    assert STOPPED_AND_UNDONE in chatted.stderr
    assert kept(data) == before
    assert not (data / STAGING_FILE).exists()


def test_wins_serve_undoes_an_import_that_stopped_part_way_before_it_listens(
    tmp_path: Path,
) -> None:
    data, before = kill_an_import(tmp_path)

    server = subprocess.Popen(
        [sys.executable, "-m", "skill.cli", "serve", "--insecure-skip-verification"]
        + ["--port", "0", "--data-dir", str(data)],
        cwd=ROOT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    said: list[str] = []
    try:
        for line in server.stderr or []:
            said.append(line)
            if "listening on http://" in line:
                break
        # Served only once the folder holds no half import: the undo is before listening.
        assert kept(data) == before
        assert not (data / STAGING_FILE).exists()
    finally:
        server.send_signal(signal.SIGINT)
        server.communicate(timeout=60)
    told = "".join(said)
    assert STOPPED_AND_UNDONE in told and told.index(STOPPED_AND_UNDONE) < told.index("listening")


def test_an_import_running_now_is_left_to_finish_its_own_work(tmp_path: Path) -> None:
    """Its staging file is locked while it runs: a store opened meanwhile leaves it be."""
    data = tmp_path / "data"
    seed(data, {ROBIN: ["walked the dog"]})
    running = SqliteStaging(data / STAGING_FILE)
    try:
        running.advance(Progress.WRITING)

        chatted = chat(data)

        assert chatted.returncode == 0, chatted.stderr
        assert "stopped part way" not in chatted.stderr
        assert running.progress is Progress.WRITING
    finally:
        running.advance(Progress.DONE)
        running.close()
    assert not (data / STAGING_FILE).exists()
