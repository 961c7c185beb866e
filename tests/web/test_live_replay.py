"""A recorded request replayed after a restart, or to a second server on the same data folder,
acts on nothing: the replay memory is kept in the store. Real ``wins serve`` processes.

The servers are the command as shipped (``testkit.serve_harness``), trusting the test's own
Amazon. Requests are stamped with the real time, as the servers check them by their own clock;
each replay is the recorded request byte for byte, headers and all.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from skill.web.endpoint import NOT_ANSWERED
from testkit.alexa_signing import CERT_URL, Pki, pem, signed_headers
from testkit.serve_harness import trust
from tests.conftest import SKILL_ID, load_request, real_now, saved_win_texts
from tests.web.live import Server, post, started

pytestmark = pytest.mark.slow  # real `wins serve` processes

Recorded = tuple[bytes, dict[str, str]]


@dataclass
class Running:
    server: Server
    url: str

    def send(self, recorded: Recorded) -> tuple[int, Any]:
        return post(self.url, *recorded)


@dataclass
class Servers:
    """Starts ``wins serve`` processes on one data folder; stops them all at the end."""

    trust_dir: Path
    data: Path
    pki: Pki
    running: list[Running]

    def start(self) -> Running:
        server = Server(self.trust_dir, "--port", "0", "--skill-id", SKILL_ID,
                        "--data-dir", str(self.data))  # fmt: skip
        running = Running(server, started(server)[0] + "/")
        self.running.append(running)
        return running

    def stop(self, running: Running) -> None:
        self.running.remove(running)
        assert running.server.stop() == 0, running.server.log

    def record(self, envelope: dict[str, Any]) -> Recorded:
        body = json.dumps(envelope).encode()
        return body, signed_headers(body, self.pki.signer_key)

    def stored(self) -> list[str]:
        return saved_win_texts(self.data)


@pytest.fixture
def servers(tmp_path: Path, pki: Pki) -> Iterator[Servers]:
    trusted = trust(tmp_path / "trust", pem(pki.root.cert), {CERT_URL: pki.chain(real_now())})
    made = Servers(trusted, tmp_path / "data", pki, [])
    try:
        yield made
    finally:
        for running in made.running:
            running.server.stop()


def stamped(name: str) -> dict[str, Any]:
    envelope = load_request(name)
    envelope["request"]["timestamp"] = real_now().strftime("%Y-%m-%dT%H:%M:%SZ")
    return envelope


def log_win(win: str) -> dict[str, Any]:
    envelope = stamped("log_win")
    envelope["request"]["intent"]["slots"]["win"]["value"] = win
    return envelope


def yes_to(attributes: dict[str, Any]) -> dict[str, Any]:
    envelope = stamped("yes")
    envelope["session"]["attributes"] = attributes
    return envelope


def test_a_yes_to_delete_all_replayed_after_a_restart_deletes_nothing(servers: Servers) -> None:
    server = servers.start()
    assert server.send(servers.record(log_win("watered the ferns")))[0] == 200
    yes = servers.record(yes_to({"asked": "delete_all"}))
    assert server.send(yes)[0] == 200
    assert servers.stored() == []
    assert server.send(servers.record(log_win("fed the cat")))[0] == 200
    servers.stop(server)

    replayed = servers.start().send(yes)

    assert replayed == (400, {"error": NOT_ANSWERED})
    assert servers.stored() == ["fed the cat"]


def test_a_yes_to_delete_all_replayed_to_a_second_server_deletes_nothing(
    servers: Servers,
) -> None:
    first, second = servers.start(), servers.start()
    assert first.send(servers.record(log_win("watered the ferns")))[0] == 200
    yes = servers.record(yes_to({"asked": "delete_all"}))
    answered = first.send(yes)
    assert answered[0] == 200
    assert second.send(servers.record(log_win("fed the cat")))[0] == 200

    assert second.send(yes) == (400, {"error": NOT_ANSWERED})
    assert first.send(yes) == answered  # where it was answered, the same answer again
    assert servers.stored() == ["fed the cat"]


def test_a_yes_to_delete_the_last_win_replayed_after_a_restart_deletes_nothing(
    servers: Servers,
) -> None:
    """The recorded yes names win 2, and after a restart win 2 is a newer win: the last."""
    server = servers.start()
    for win in ("watered the ferns", "swept the stairs"):
        assert server.send(servers.record(log_win(win)))[0] == 200
    yes = servers.record(yes_to({"asked": "delete_last", "delete_number": 2}))
    assert server.send(yes)[0] == 200
    assert server.send(servers.record(log_win("fed the cat")))[0] == 200
    assert servers.stored() == ["watered the ferns", "fed the cat"]
    servers.stop(server)

    replayed = servers.start().send(yes)

    assert replayed == (400, {"error": NOT_ANSWERED})
    assert servers.stored() == ["watered the ferns", "fed the cat"]
