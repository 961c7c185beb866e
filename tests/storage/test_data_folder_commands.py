"""The commands, run as a person runs them, on a data folder they cannot use: one clear
sentence on standard error and exit status 2, never a traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from skill.storage.sqlite.store import SqliteWinStore
from tests.conftest import ROOT

pytestmark = pytest.mark.slow  # starts processes

COMMANDS = {
    "export": ("export",),
    "serve": ("serve", "--insecure-skip-verification", "--port", "0"),
}


def as_a_person() -> list[str]:
    """A prefix that runs a command as an ordinary user would: root's power to write anywhere
    (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH) dropped when the tests run as root."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: folder permissions would not apply")
    return [setpriv, "--bounding-set", "-dac_override,-dac_read_search"]


def wins(command: str, data_dir: Path, prefix: list[str]) -> subprocess.CompletedProcess[str]:
    argv = [sys.executable, "-m", "skill.cli", *COMMANDS[command], "--data-dir", str(data_dir)]
    return subprocess.run(
        [*prefix, *argv], cwd=ROOT, capture_output=True, text=True, timeout=60, check=False
    )


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("holding", ["nothing yet", "a database"])
def test_a_folder_without_write_permission_is_explained(
    tmp_path: Path, command: str, holding: str
) -> None:
    folder = tmp_path / "wins"
    folder.mkdir(mode=0o700)
    if holding == "a database":
        SqliteWinStore(folder).close()
    folder.chmod(0o500)
    try:
        done = wins(command, folder, as_a_person())
    finally:
        folder.chmod(0o700)

    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert f"The data folder {folder} cannot be written to" in done.stderr
    assert "--data-dir" in done.stderr


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_folder_others_may_write_to_is_refused_in_a_sentence(
    tmp_path: Path, command: str
) -> None:
    folder = tmp_path / "wins"
    folder.mkdir()
    folder.chmod(0o777)

    done = wins(command, folder, [])

    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert f"Other users can change {folder}" in done.stderr
    assert list(folder.iterdir()) == []  # nothing was created in it
