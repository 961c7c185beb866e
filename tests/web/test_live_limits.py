"""``wins serve`` against clients that send too much, or too slowly, over real loopback sockets.

The server is the command as shipped (waitress and its settings), in a child process. Client
counts and sizes are bounded: 200 slow clients, uploads stopped after at most 64 MiB.
"""

from __future__ import annotations

import contextlib
import select
import socket
import time
import urllib.request
from collections.abc import Iterator

import pytest

from skill.web.limits import CHANNEL_TIMEOUT, CLEANUP_INTERVAL, MAX_BODY_BYTES
from testkit.alexa_signing import CERT_URL, Pki, pem
from testkit.serve_harness import trust
from tests.conftest import SKILL_ID
from tests.web.live import Server, started

pytestmark = pytest.mark.slow  # a real `wins serve` in a process of its own

PIECE = 64 * 1024
# Far past any limit, and far short of the 300 MB of a real attack: enough to tell "refused
# before the upload finished" from "read until the end".
UPLOAD_CAP = 64 * 1024 * 1024
SLOW_CLIENTS = 200


@pytest.fixture(scope="module")
def port(tmp_path_factory: pytest.TempPathFactory, pki: Pki) -> Iterator[int]:
    base = tmp_path_factory.mktemp("live-limits")
    trusted = trust(base / "trust", pem(pki.root.cert), {CERT_URL: pki.chain()})
    options = ("--port", "0", "--skill-id", SKILL_ID, "--data-dir", str(base / "data"))
    server = Server(trusted, *options)
    try:
        yield started(server)[1]
    finally:
        assert server.stop() == 0, server.log


def upload(port: int, head: bytes, piece: bytes) -> tuple[int, bytes]:
    """Send ``head``, then ``piece`` again and again until the server answers, closes, or
    ``UPLOAD_CAP`` bytes are sent. Returns the body bytes sent and the server's answer."""
    sent = 0
    answer = b""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(head)
        while sent < UPLOAD_CAP:
            if select.select([sock], [], [], 0)[0]:
                break
            try:
                sock.sendall(piece)
            except (BrokenPipeError, ConnectionResetError, TimeoutError):
                break
            sent += len(piece)
        with contextlib.suppress(ConnectionResetError, TimeoutError):
            answer = sock.recv(4096)
    return sent, answer


def post_head(extra: str) -> bytes:
    return (
        "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        f"SignatureCertChainUrl: {CERT_URL}\r\nSignature-256: AAAA\r\n{extra}\r\n"
    ).encode()


def test_a_body_declared_too_large_is_refused_before_it_is_read(port: int) -> None:
    sent, answer = upload(port, post_head("Content-Length: 300000000\r\n"), b" " * PIECE)

    assert answer.startswith(b"HTTP/1.1 413"), answer
    assert sent < UPLOAD_CAP  # answered long before the upload could finish


def test_a_chunked_body_is_refused_once_it_grows_past_the_limit(port: int) -> None:
    chunk = f"{PIECE:x}\r\n".encode() + b" " * PIECE + b"\r\n"

    sent, answer = upload(port, post_head("Transfer-Encoding: chunked\r\n"), chunk)

    assert answer.startswith(b"HTTP/1.1 413"), answer
    assert sent < UPLOAD_CAP


def test_a_body_at_the_limit_is_read_and_judged_on_its_merits(port: int) -> None:
    body = b"{" + b" " * (MAX_BODY_BYTES - 2) + b"}"
    head = post_head(f"Content-Length: {len(body)}\r\n")

    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(head + body)
        answer = sock.recv(4096)

    assert answer.startswith(b"HTTP/1.1 400"), answer  # not an envelope: refused, not too big


def health_seconds(port: int) -> float:
    started_at = time.perf_counter()
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=10) as response:
        assert response.status == 200
    return time.perf_counter() - started_at


def test_health_answers_while_200_slow_clients_hang_on_and_they_are_dropped(port: int) -> None:
    unfinished = b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
    slow = [socket.create_connection(("127.0.0.1", port), timeout=10) for _ in range(SLOW_CLIENTS)]
    try:
        for sock in slow:
            sock.sendall(unfinished)  # and never another byte
        latencies = [health_seconds(port) for _ in range(10)]  # each raises if not answered

        deadline = time.monotonic() + CHANNEL_TIMEOUT + CLEANUP_INTERVAL + 20
        dropped = 0
        for sock in slow:
            sock.settimeout(max(0.1, deadline - time.monotonic()))
            try:
                dropped += sock.recv(1) == b""
            except ConnectionResetError:
                dropped += 1
            except TimeoutError:
                pass
    finally:
        for sock in slow:
            sock.close()

    assert len(latencies) == 10
    assert dropped == SLOW_CLIENTS  # waitress closed every silent connection
    health_seconds(port)
