"""The secret that keys log pseudonyms: one per installation, private from its first byte.

Self-hosted, it is ``log-key`` in the data folder, made on first use; on Lambda, it comes from
``$WINS_LOG_KEY``. Real files in the test's own folder throughout.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import hmac
import logging
import os
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from skill.entry import use_pseudonym_key_from_env
from skill.logs import (
    KEY_ENV,
    KEY_FILE,
    LogKeyError,
    installation_key,
    key_from_environment,
    pseudonym,
    use_key,
)
from skill.web import serve
from tests.conftest import SKILL_ID

GOOD_KEY = "5f1c0e7a9b2d4c6e8f0a1b3c5d7e9f11"


@pytest.fixture
def open_umask() -> Iterator[None]:
    """No umask at all: whatever mode a file gets, it was created with."""
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def test_the_first_use_makes_a_private_key_and_later_uses_read_it_back(
    tmp_path: Path, open_umask: None
) -> None:
    folder = tmp_path / "data"

    first = installation_key(folder)
    again = installation_key(folder)

    assert first == again and len(first) >= 32
    assert mode(folder / KEY_FILE) == 0o600  # created so, not narrowed afterwards
    assert mode(folder) == 0o700
    assert [p.name for p in folder.iterdir()] == [KEY_FILE]  # no temporary file left behind


def test_processes_starting_together_agree_on_one_key(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    start = threading.Barrier(8)
    keys: list[bytes] = []

    def race() -> None:
        start.wait()
        keys.append(installation_key(folder))

    threads = [threading.Thread(target=race) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert len(keys) == 8 and len(set(keys)) == 1
    assert [p.name for p in folder.iterdir()] == [KEY_FILE]


def test_a_key_readable_by_others_is_made_private(tmp_path: Path) -> None:
    path = tmp_path / KEY_FILE
    path.write_text(GOOD_KEY + "\n")
    path.chmod(0o644)

    assert installation_key(tmp_path) == GOOD_KEY.encode()
    assert mode(path) == 0o600


@pytest.mark.parametrize("content", ["", "short", "x" * 31, "é" * 40])
def test_a_key_too_short_or_not_plain_text_is_refused_saying_what_to_do(
    tmp_path: Path, content: str
) -> None:
    (tmp_path / KEY_FILE).write_text(content, encoding="utf-8")

    with pytest.raises(LogKeyError, match="at least 32 plain characters"):
        installation_key(tmp_path)


def test_a_symbolic_link_in_the_keys_place_is_refused_and_nothing_is_made_at_its_target(
    tmp_path: Path,
) -> None:
    target = tmp_path / "elsewhere" / "planted"
    (tmp_path / KEY_FILE).symlink_to(target)

    with pytest.raises(LogKeyError, match="symbolic link"):
        installation_key(tmp_path)
    assert not target.exists() and not target.parent.exists()


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another user needs root")
def test_a_key_planted_by_another_user_is_refused(tmp_path: Path) -> None:
    path = tmp_path / KEY_FILE
    path.write_text(GOOD_KEY)
    path.chmod(0o600)
    os.chown(path, 65534, 65534)

    with pytest.raises(LogKeyError, match="belongs to another user"):
        installation_key(tmp_path)


def test_the_environment_key_is_checked_like_a_files() -> None:
    assert key_from_environment({KEY_ENV: f"  {GOOD_KEY}\n"}) == GOOD_KEY.encode()
    assert key_from_environment({}) is None
    with pytest.raises(LogKeyError, match=KEY_ENV):
        key_from_environment({KEY_ENV: "hunter2"})


def test_the_lambda_takes_its_key_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(KEY_ENV, GOOD_KEY)
    use_pseudonym_key_from_env()
    from_env = pseudonym("USER#amzn1.ask.account.X")
    use_key(GOOD_KEY.encode())

    assert pseudonym("USER#amzn1.ask.account.X") == from_env


def test_the_lambda_refuses_a_bad_key_and_warns_without_one(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv(KEY_ENV, "too short")
    with pytest.raises(RuntimeError, match="bad configuration"):
        use_pseudonym_key_from_env()

    monkeypatch.delenv(KEY_ENV)
    with caplog.at_level(logging.WARNING):
        use_pseudonym_key_from_env()
    assert f"{KEY_ENV} is not set" in caplog.text


def serve_options(*options: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="wins serve")
    serve.add_arguments(parser)
    return parser.parse_args(options)


def test_wins_serve_keys_pseudonyms_with_the_data_folders_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(KEY_ENV, raising=False)
    with contextlib.ExitStack() as stack:
        serve.prepare(serve_options("--skill-id", SKILL_ID, "--data-dir", str(tmp_path)), stack)

    key = (tmp_path / KEY_FILE).read_text().strip().encode()
    assert pseudonym("USER#x") == hmac.new(key, b"USER#x", hashlib.sha256).hexdigest()[:12]


def test_wins_serve_prefers_the_environments_key_and_refuses_a_bad_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(KEY_ENV, GOOD_KEY)
    with contextlib.ExitStack() as stack:
        serve.prepare(serve_options("--skill-id", SKILL_ID, "--data-dir", str(tmp_path)), stack)
    assert not (tmp_path / KEY_FILE).exists()
    assert (
        pseudonym("USER#x")
        == hmac.new(GOOD_KEY.encode(), b"USER#x", hashlib.sha256).hexdigest()[:12]
    )

    monkeypatch.setenv(KEY_ENV, "hunter2")
    assert serve.run(serve_options("--skill-id", SKILL_ID, "--data-dir", str(tmp_path))) == 2
    assert "key for log pseudonyms cannot be used" in capsys.readouterr().err
