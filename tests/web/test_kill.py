"""Nothing lost: ``wins serve`` killed with SIGKILL while it answers a stream of "log a win".

A real server in a child process (SQLite in its data folder), signed requests from four
clients at once, SIGKILL after some answers. After a restart every win that was answered as
saved is there exactly once, and a redelivery of every request that was sent (answered or cut
off) stores no win twice: a request the killed server had received is refused as received
already (the replay memory is in the data folder, and outlives the kill), any other is stored.
Bounded: at most 400 requests, each with a 10-second timeout.
"""

from __future__ import annotations

import json
import signal
import threading
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

import pytest

from skill.web.endpoint import NOT_ANSWERED
from testkit.alexa_signing import CERT_URL, Pki, pem, signed_headers
from tests.conftest import SKILL_ID, load_request, real_now, saved_win_texts
from tests.web.live import Server
from tests.web.test_serve import NO_ALEXA_API

pytestmark = pytest.mark.slow  # starts processes


CLIENTS = 4
MAX_REQUESTS = 400
KILL_AFTER_ANSWERS = 40


def log_request(number: int, pki: Pki) -> tuple[str, bytes, dict[str, str]]:
    """A signed "log a win" request with its own words and request ID."""
    words = f"washed cup {number}"
    envelope = load_request("log_win")
    envelope["request"]["requestId"] = f"amzn1.echo-api.request.kill-{number}"
    envelope["request"]["intent"]["slots"]["win"]["value"] = words
    # The server in the other process checks the timestamp by its own, real clock.
    envelope["request"]["timestamp"] = real_now().strftime("%Y-%m-%dT%H:%M:%SZ")
    envelope["context"]["System"]["apiEndpoint"] = NO_ALEXA_API
    body = json.dumps(envelope).encode()
    return words, body, signed_headers(body, pki.signer_key)


def saved_answer(url: str, words: str, body: bytes, headers: dict[str, str]) -> bool:
    """True only for an HTTP 200 whose speech celebrates exactly these words."""
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            answer = json.load(response)
    except (OSError, ValueError):  # refused, reset, cut off mid-answer: not answered as saved
        return False
    return f"You {words}" in answer["response"]["outputSpeech"]["ssml"]


def trust(tmp_path: Path, pki: Pki) -> Path:
    folder = tmp_path / "trust"
    folder.mkdir()
    (folder / "root.pem").write_bytes(pem(pki.root.cert))
    chains = {CERT_URL: pki.chain(real_now()).decode()}
    (folder / "chains.json").write_text(json.dumps(chains))
    return folder


def start(trust_dir: Path, data: Path) -> tuple[Server, str]:
    options = ("--port", "0", "--skill-id", SKILL_ID, "--data-dir", str(data))
    server = Server(trust_dir, *options, "--threads", str(CLIENTS))
    line = server.wait_for("listening on http://127.0.0.1:")
    return server, line.split("listening on ")[1].strip()


def test_a_killed_server_keeps_every_win_it_answered_as_saved_exactly_once(
    tmp_path: Path, pki: Pki
) -> None:
    trust_dir, data = trust(tmp_path, pki), tmp_path / "data"
    server, url = start(trust_dir, data)
    sent: list[int] = []
    answered: list[str] = []
    lock = threading.Lock()
    numbers = iter(range(1, MAX_REQUESTS + 1))

    def client() -> None:
        while True:
            with lock:
                number = next(numbers, None)
                if number is None:
                    return
                sent.append(number)
            words, body, headers = log_request(number, pki)
            if not saved_answer(url, words, body, headers):
                return  # the server is gone
            with lock:
                answered.append(words)
                if len(answered) == KILL_AFTER_ANSWERS:
                    server.process.send_signal(signal.SIGKILL)

    threads = [threading.Thread(target=client, daemon=True) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert server.process.wait(timeout=30) == -signal.SIGKILL
    server.stop()
    after_kill = saved_win_texts(data)

    assert len(answered) >= KILL_AFTER_ANSWERS and len(sent) < MAX_REQUESTS
    counts = Counter(after_kill)
    assert all(counts[words] == 1 for words in answered), counts
    assert max(counts.values()) == 1  # nothing doubled, answered or not

    server, url = start(trust_dir, data)  # every request sent, sent again
    try:
        redelivered = {number: redeliver(url, *log_request(number, pki)) for number in sent}
    finally:
        assert server.stop() == 0, server.log

    assert set(redelivered.values()) <= {"saved", "received already"}, redelivered
    assert all(
        redelivered[int(words.rsplit(" ", 1)[1])] == "received already" for words in answered
    )
    final = Counter(saved_win_texts(data))
    assert max(final.values()) == 1
    assert all(final[words] == 1 for words in answered)
    assert all(final[f"washed cup {n}"] == 1 for n, got in redelivered.items() if got == "saved")


def redeliver(url: str, words: str, body: bytes, headers: dict[str, str]) -> str:
    """Send once: "saved" (these words celebrated), "received already" (that refusal), or not."""
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            answer = json.load(response)
    except urllib.error.HTTPError as error:
        with error:
            refused = error.code == 400 and json.load(error) == {"error": NOT_ANSWERED}
        return "received already" if refused else f"HTTP {error.code}"
    except (OSError, ValueError) as exc:
        return type(exc).__name__
    return "saved" if f"You {words}" in answer["response"]["outputSpeech"]["ssml"] else "other"
