"""``wins serve`` under forged, hostile and replayed requests, over real HTTP on loopback.

The server is the command as shipped, in a child process that trusts the test's own Amazon
(``testkit.serve_harness``) and keeps wins in its data folder. Requests are stamped with the
real time, as Alexa's are.
"""

from __future__ import annotations

import http.client
import json
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from skill.web.endpoint import NOT_VERIFIED
from testkit.alexa_signing import CERT_URL, Pki, pem, sign, signed_headers
from testkit.serve_harness import trust
from tests.conftest import SKILL_ID, load_request, real_now, saved_win_texts
from tests.web.live import Server, started

pytestmark = pytest.mark.slow  # a real `wins serve` in a process of its own

USER_ID = load_request("log_win")["context"]["System"]["user"]["userId"]


@dataclass
class Live:
    server: Server
    port: int
    data: Path
    pki: Pki

    def send(self, body: bytes, headers: dict[str, str]) -> tuple[int, Any]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request("POST", "/", body=body, headers=headers)
            response = connection.getresponse()
            raw = response.read()
            try:
                return response.status, json.loads(raw)
            except ValueError:
                return response.status, raw
        finally:
            connection.close()

    def signed(self, envelope: dict[str, Any]) -> tuple[int, Any]:
        body = json.dumps(envelope).encode()
        return self.send(body, signed_headers(body, self.pki.signer_key))

    def stored(self) -> str:
        return "\n".join(saved_win_texts(self.data))

    def settle(self) -> None:
        """Wait until every line earlier requests write is in: none new for a moment. A line
        is written after its answer is sent, so under load it can arrive late."""
        quiet_since = time.monotonic()
        deadline = quiet_since + 5
        while time.monotonic() - quiet_since < 0.3 and time.monotonic() < deadline:
            if self.server.drain():
                quiet_since = time.monotonic()
            time.sleep(0.05)

    def warnings_after(self, count: int) -> list[str]:
        """The log's lines once ``count`` refusals are in it (or five seconds have passed)."""
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            self.server.drain()
            if sum("refused a request" in line for line in self.server.log) >= count:
                break
            time.sleep(0.05)
        return list(self.server.log)


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory, pki: Pki) -> Iterator[Live]:
    base = tmp_path_factory.mktemp("live-refusals")
    now = real_now()  # the server in the other process checks dates by its own, real clock
    trusted = trust(base / "trust", pem(pki.root.cert), {CERT_URL: pki.chain(now)})
    data = base / "data"
    server = Server(trusted, "--port", "0", "--skill-id", SKILL_ID, "--data-dir", str(data))
    try:
        yield Live(server, started(server)[1], data, pki)
    finally:
        assert server.stop() == 0, server.log


def stamped(name: str, *, ago: timedelta = timedelta(0), **fields: Any) -> dict[str, Any]:
    """A stored request, stamped with the real time (less ``ago``)."""
    envelope = load_request(name)
    stamp = (real_now() - ago).strftime("%Y-%m-%dT%H:%M:%SZ")
    envelope["request"]["timestamp"] = stamp
    for key in ("eventCreationTime", "eventPublishingTime"):
        if key in envelope["request"]:
            envelope["request"][key] = stamp
    envelope["request"].update(fields)
    return envelope


def log_win(win: str) -> dict[str, Any]:
    envelope = stamped("log_win")
    envelope["request"]["intent"]["slots"]["win"]["value"] = win
    return envelope


def hostile_bodies() -> list[bytes]:
    """Bodies no Alexa request looks like, each a different way to trip a parser."""
    envelope = json.dumps(log_win("did the laundry")).encode()
    return [
        b"[" * 60_000 + b"]" * 60_000,  # nesting deeper than Python's stack
        b'{"request": ' * 9_000 + b"{}" + b"}" * 9_000,
        b'{"request": {}, "n": ' + b"9" * 100_000 + b"}",  # past Python's int digit limit
        b'{"request": {"timestamp": 1e999}, "version": NaN}',
        envelope.replace(b'"request"', b'"request": [], "x"', 1),
        envelope.decode().encode("utf-16"),  # with a BOM, not UTF-8
        b"\xef\xbb\xbf" + envelope,  # UTF-8 with a BOM
        envelope.replace(b"laundry", b"\xc0\xaf\xed\xa0\x80"),  # overlong and surrogate bytes
        envelope.replace(b"laundry", b"\\ud800"),  # a lone surrogate, escaped
        envelope.replace(b'"IntentRequest"', b'{"$ref": 1}'),
        envelope.replace(b'"2', b"2", 1),  # a timestamp that is a number
        b"\x00" * 1000,
        b"",
    ]


def test_hostile_bodies_get_a_400_unsigned_and_never_a_500_signed(live: Live) -> None:
    """Signed by Alexa, an odd but readable envelope may reach the skill and get its kind
    answer; anything else is a 400 with a JSON reason."""
    for body in hostile_bodies():
        unsigned = live.send(body, {"Content-Type": "application/json"})
        signed = live.send(body, signed_headers(body, live.pki.signer_key))

        assert unsigned[0] == 400 and set(unsigned[1]) == {"error"}, (body[:60], unsigned)
        assert signed[0] in (200, 400) and isinstance(signed[1], dict), (body[:60], signed)


def test_each_forged_request_is_one_warning_line_without_traceback_or_user_text(
    live: Live,
) -> None:
    live.settle()
    live.server.log.clear()
    forged: list[tuple[bytes, dict[str, str]]] = []
    for number in range(25):
        body = json.dumps(log_win(f"told a secret number {number}")).encode()
        forged.append((body, {"Content-Type": "application/json"}))  # unsigned
        forged.append((body, signed_headers(body, live.pki.other_key)))  # signed by another
        stale = json.dumps(stamped("log_win", ago=timedelta(minutes=10))).encode()
        forged.append((stale, signed_headers(stale, live.pki.signer_key)))  # too old

    answers = [live.send(body, headers) for body, headers in forged]
    log = live.warnings_after(len(forged))

    refusals = [line for line in log if "refused a request" in line]
    assert len(refusals) == len(forged), log
    assert all(" WARNING " in line for line in refusals)
    assert len(log) == len(forged), log  # nothing else: no tracebacks, no ERROR lines
    assert "secret number" not in "".join(log)
    assert USER_ID not in "".join(log) and USER_ID[-12:] not in "".join(log)
    assert answers == [(400, {"error": NOT_VERIFIED})] * len(forged)  # nothing of why


def raw_exchange(port: int, request: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request)
        return sock.recv(4096)


def test_repeated_and_broken_headers_are_refused(live: Live) -> None:
    body = json.dumps(log_win("did the laundry")).encode()
    good = sign(body, live.pki.signer_key)
    evil_url = "https://s3.amazonaws.com/echo.api/../../evil/cert.pem"
    head = f"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {len(body)}\r\n"
    variants = {
        "two chain URLs": f"SignatureCertChainUrl: {CERT_URL}\r\n"
        f"SignatureCertChainUrl: {evil_url}\r\nSignature-256: {good}\r\n",
        "two signatures": f"SignatureCertChainUrl: {CERT_URL}\r\n"
        f"Signature-256: {good}\r\nSignature-256: {good}\r\n",
        "a line break in the URL": f"SignatureCertChainUrl: {CERT_URL}\r\n"
        f" evil\r\nSignature-256: {good}\r\n",
        "a NUL in the URL": f"SignatureCertChainUrl: {CERT_URL}\x00x\r\nSignature-256: {good}\r\n",
    }
    before = live.stored()
    for name, headers in variants.items():
        request = (head + "Content-Type: application/json\r\n" + headers + "\r\n").encode()
        answer = raw_exchange(live.port, request + body)
        assert answer.split(b" ", 2)[1] == b"400", (name, answer[:200])
    assert live.stored() == before


def test_a_replayed_yes_to_delete_all_deletes_nothing_new(live: Live) -> None:
    assert live.signed(log_win("watered the ferns"))[0] == 200
    yes = stamped("yes")
    yes["session"]["attributes"] = {"asked": "delete_all"}

    first = live.signed(yes)
    assert "watered the ferns" not in live.stored()
    assert live.signed(log_win("fed the cat"))[0] == 200
    again = live.signed(yes)

    assert first[0] == 200
    assert again == first  # the first answer, repeated
    assert "fed the cat" in live.stored()


def test_a_replayed_skill_disabled_deletes_nothing_logged_after_it(live: Live) -> None:
    assert live.signed(log_win("swept the stairs"))[0] == 200
    disabled = stamped("skill_disabled")

    assert live.signed(disabled)[0] == 200
    assert "swept the stairs" not in live.stored()
    assert live.signed(log_win("made the bed"))[0] == 200  # enabled again, and used
    assert live.signed(disabled)[0] == 200

    assert "made the bed" in live.stored()
