"""The data folder deleted while ``wins serve`` runs: no win is called saved after that.

SQLite would go on writing into the deleted file, so every win would be celebrated and lost
at the next start. The real server, in a child process, must say it couldn't save instead.
"""

from __future__ import annotations

import json
import shutil
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from skill.speech.catalog import catalog_for
from testkit.alexa_signing import Pki
from tests.conftest import saved_win_texts
from tests.web.test_kill import log_request, start, trust

pytestmark = pytest.mark.slow  # starts processes


def answer(url: str, body: bytes, headers: dict[str, str]) -> Any:
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 200
        return json.load(response)


def speech(reply: Any) -> str:
    return str(reply["response"]["outputSpeech"]["ssml"])


def test_after_the_folder_is_deleted_no_win_is_answered_as_saved(tmp_path: Path, pki: Pki) -> None:
    trust_dir, data = trust(tmp_path, pki), tmp_path / "data"
    server, url = start(trust_dir, data)
    try:
        before = answer(url, *log_request(1, pki)[1:])
        assert "You washed cup 1" in speech(before)

        shutil.rmtree(data)
        after = [answer(url, *log_request(number, pki)[1:]) for number in (2, 3)]
    finally:
        server.stop()

    # A store that cannot write cannot remember the request either, so the server may refuse it
    # before the skill runs (the kind apology) or the skill may say the win was not saved.
    words = catalog_for("en-US")
    couldnt = (*words.variants("error.storage_log"), *words.variants("error.general"))
    for reply in after:
        assert "washed cup" not in speech(reply)
        assert any(variant in speech(reply) for variant in couldnt), speech(reply)
    assert any("was deleted or replaced while in use" in line for line in server.log)
    assert saved_win_texts(data) == []  # and indeed, nothing of them is anywhere
