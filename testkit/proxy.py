"""DynamoDB that misbehaves on purpose: moto's server behind a fault-injecting HTTP proxy.

``FaultyDynamoDB`` starts moto's ``ThreadedMotoServer`` (in this process, or in a child of its
own: ``fast_moto``) and, in front of it, a small threaded HTTP proxy, both on 127.0.0.1 with
ephemeral ports. A client pointed at the proxy (for example
through ``AWS_ENDPOINT_URL_DYNAMODB``) talks to DynamoDB as usual until a rule says otherwise.
Rules match the operation named by the ``X-Amz-Target`` header and fire for the next N calls
or with a probability. What they inject, as DynamoDB and networks do:

- ``THROTTLE`` / ``THROUGHPUT``: HTTP 400 ``ThrottlingException`` /
  ``ProvisionedThroughputExceededException``; nothing reaches the table.
- ``INTERNAL`` / ``UNAVAILABLE``: HTTP 500 ``InternalServerError`` / 503 ``ServiceUnavailable``.
- ``STALL``: a pause, then the call goes through and is answered normally.
- ``TIMEOUT``: no answer until after the client's read timeout, then the connection closes;
  the request never reaches the table.
- ``LOST`` / ``TRUNCATED`` / ``GARBLED``: the request is forwarded, so it *is* committed, then
  the answer is dropped (the connection closes), cut short, or replaced by bytes that are not
  HTTP. The client cannot tell whether its write happened.

The proxy lets one request at a time reach moto: moto does not isolate concurrent requests
(a transaction's condition checks and writes can interleave with another's), whereas DynamoDB
applies each request atomically, and the tests are about the skill, not about moto.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import logging
import random
import socket
import threading
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Final

from testkit.fast_moto import MotoProcess

LOOPBACK: Final = "127.0.0.1"
# Headers that describe one hop of the connection, not the message: never relayed.
_HOP_BY_HOP: Final = frozenset(
    {"connection", "keep-alive", "transfer-encoding", "content-length", "date", "server"}
)
_ERROR_PREFIX: Final = "com.amazonaws.dynamodb.v20120810#"


class Fault(StrEnum):
    THROTTLE = "throttle"
    THROUGHPUT = "throughput"
    INTERNAL = "internal"
    UNAVAILABLE = "unavailable"
    STALL = "stall"
    TIMEOUT = "timeout"
    LOST = "lost"
    TRUNCATED = "truncated"
    GARBLED = "garbled"


# Faults answered with a DynamoDB error document: (status, error code, message).
_ERRORS: Final[dict[Fault, tuple[int, str, str]]] = {
    Fault.THROTTLE: (
        400,
        "ThrottlingException",
        "Rate of requests exceeds the allowed throughput.",
    ),
    Fault.THROUGHPUT: (
        400,
        "ProvisionedThroughputExceededException",
        "The level of configured provisioned throughput for the table was exceeded.",
    ),
    Fault.INTERNAL: (500, "InternalServerError", "Internal server error"),
    Fault.UNAVAILABLE: (503, "ServiceUnavailable", "Service unavailable"),
}
# Faults after which the request has been applied but the client never learns the outcome.
COMMITTED_BUT_LOST: Final = frozenset({Fault.LOST, Fault.TRUNCATED, Fault.GARBLED})


@dataclass
class Rule:
    """Inject ``fault`` into calls of ``operation`` (every operation when None).

    With ``times``, the next ``times`` matching calls; otherwise each matching call with
    ``probability``. ``seconds`` is how long a ``STALL`` or ``TIMEOUT`` waits.
    """

    fault: Fault
    operation: str | None = None
    times: int | None = None
    probability: float = 1.0
    seconds: float = 0.0

    def __post_init__(self) -> None:
        if self.fault in (Fault.STALL, Fault.TIMEOUT) and self.seconds <= 0:
            raise ValueError(f"a {self.fault} needs to last some seconds")

    def matches(self, operation: str) -> bool:
        return self.operation is None or self.operation == operation


@dataclass
class _Tally:
    """What the proxy saw and did; read through ``FaultProxy``'s methods, under its lock."""

    calls: Counter[str] = field(default_factory=Counter)
    injected: Counter[tuple[str, Fault]] = field(default_factory=Counter)


class FaultProxy:
    """A threaded HTTP proxy to ``upstream`` (host, port) that injects faults by rule."""

    def __init__(self, upstream: tuple[str, int], *, seed: int = 0) -> None:
        self._upstream = upstream
        self._rules: list[Rule] = []
        self._tally = _Tally()
        self._random = random.Random(seed)
        self._lock = threading.Lock()  # rules, tally and the random source
        self._forwarding = threading.Lock()  # one request at a time reaches moto
        self._stopping = threading.Event()
        self._connections: set[socket.socket] = set()
        self._server = _ProxyServer((LOOPBACK, 0), _ProxyHandler, self)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> FaultProxy:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()  # wakes stalls and timeouts at once
        self._server.shutdown()
        self._server.server_close()
        with self._lock:
            idle = list(self._connections)
        for connection in idle:  # keep-alive clients would otherwise hold their threads
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
        self._thread.join(timeout=10)

    def add(self, rule: Rule) -> None:
        """Add a rule. Rules are tried in order for each call; the first that fires decides."""
        with self._lock:
            self._rules.append(rule)

    def inject(
        self,
        fault: Fault,
        operation: str | None = None,
        *,
        times: int | None = None,
        probability: float = 1.0,
        seconds: float = 0.0,
    ) -> None:
        self.add(Rule(fault, operation, times, probability, seconds))

    def clear(self) -> None:
        """No more faults; the tally is kept."""
        with self._lock:
            self._rules.clear()

    def reset(self) -> None:
        """No more faults, and a fresh tally."""
        with self._lock:
            self._rules.clear()
            self._tally = _Tally()

    def calls(self, operation: str | None = None) -> int:
        """How many requests arrived (for ``operation``, or all)."""
        with self._lock:
            tally = self._tally.calls
            return tally[operation] if operation else sum(tally.values())

    def injected(self, fault: Fault | None = None, operation: str | None = None) -> int:
        """How many faults were injected, optionally of one kind and for one operation."""
        with self._lock:
            return sum(
                count
                for (op, kind), count in self._tally.injected.items()
                if (fault is None or kind is fault) and (operation is None or op == operation)
            )

    def injected_by_kind(self) -> dict[str, int]:
        with self._lock:
            totals: Counter[str] = Counter()
            for (_, kind), count in self._tally.injected.items():
                totals[kind.value] += count
            return dict(totals)

    def choose(self, operation: str) -> Rule | None:
        """The rule that fires for this call, if any, counting the call and the fault."""
        with self._lock:
            self._tally.calls[operation] += 1
            for rule in self._rules:
                if not rule.matches(operation) or rule.times == 0:
                    continue
                if rule.times is not None:
                    rule.times -= 1
                elif self._random.random() >= rule.probability:
                    continue
                self._tally.injected[(operation, rule.fault)] += 1
                return rule
        return None

    def forward(self, method: str, path: str, headers: dict[str, str], body: bytes) -> _Reply:
        """Send the request to moto, one at a time, on a fresh connection.

        A fresh connection per request means a broken one can never make us send a write twice.
        """
        connection = http.client.HTTPConnection(*self._upstream, timeout=30)
        try:
            with self._forwarding:
                connection.request(method, path, body=body, headers=headers)
                response = connection.getresponse()
                payload = response.read()
            relayed = [
                (name, value)
                for name, value in response.getheaders()
                if name.lower() not in _HOP_BY_HOP
            ]
            return _Reply(response.status, relayed, payload)
        finally:
            connection.close()

    def wait(self, seconds: float) -> None:
        self._stopping.wait(seconds)

    def opened(self, connection: socket.socket) -> None:
        with self._lock:
            self._connections.add(connection)

    def closed(self, connection: socket.socket) -> None:
        with self._lock:
            self._connections.discard(connection)


@dataclass(frozen=True)
class _Reply:
    status: int
    headers: list[tuple[str, str]]
    body: bytes


class _ProxyServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(
        self, address: tuple[str, int], handler: type[BaseHTTPRequestHandler], proxy: FaultProxy
    ) -> None:
        self.proxy = proxy
        super().__init__(address, handler)


class _ProxyHandler(BaseHTTPRequestHandler):
    # HTTP/1.1 so that botocore keeps its connections alive, as it does with DynamoDB.
    protocol_version = "HTTP/1.1"
    server: _ProxyServer

    def setup(self) -> None:
        super().setup()
        self.server.proxy.opened(self.connection)

    def finish(self) -> None:
        with contextlib.suppress(OSError):
            super().finish()
        self.server.proxy.closed(self.connection)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: a load test sends thousands of requests."""

    def do_POST(self) -> None:
        proxy = self.server.proxy
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        operation = (self.headers.get("X-Amz-Target") or "").rpartition(".")[2]
        rule = proxy.choose(operation)
        fault = None if rule is None else rule.fault
        if rule is not None and rule.fault in _ERRORS:
            self._send_error(*_ERRORS[rule.fault])
            return
        if rule is not None and rule.fault in (Fault.STALL, Fault.TIMEOUT):
            proxy.wait(rule.seconds)
        if fault is Fault.TIMEOUT:  # the client gave up long ago; the request never arrives
            self.close_connection = True
            return
        reply = proxy.forward("POST", self.path, dict(self.headers.items()), body)
        if fault in COMMITTED_BUT_LOST:
            self._lose(reply, garbled=fault is Fault.GARBLED, truncated=fault is Fault.TRUNCATED)
            return
        self._relay_head(reply)
        self.wfile.write(reply.body)

    def _relay_head(self, reply: _Reply) -> None:
        self.send_response(reply.status)
        for name, value in reply.headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()

    def _lose(self, reply: _Reply, *, garbled: bool, truncated: bool) -> None:
        """The request was applied; its answer is dropped, cut short or replaced by noise."""
        self.close_connection = True
        if truncated:  # the promised length, then half of it, then the connection closes
            self._relay_head(reply)
            self.wfile.write(reply.body[: len(reply.body) // 2])
        elif garbled:
            self.wfile.write(b"\x16\x03\x01 not an HTTP answer \xff\xfe\r\n\r\n")
        self.wfile.flush()

    def _send_error(self, status: int, code: str, message: str) -> None:
        body = json.dumps({"__type": _ERROR_PREFIX + code, "message": message}).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/x-amz-json-1.0")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class FaultyDynamoDB:
    """moto's DynamoDB on loopback with a ``FaultProxy`` in front; a context manager.

    moto runs in this process by default. ``separate_process`` runs it in a child of its own
    (``testkit.fast_moto``), sped up for large tables, and on another core than the caller.
    """

    def __init__(self, *, seed: int = 0, separate_process: bool = False) -> None:
        self._moto: _InProcessMoto | MotoProcess = (
            MotoProcess() if separate_process else _InProcessMoto()
        )
        self.moto_address = self._moto.address
        self.proxy = FaultProxy(self.moto_address, seed=seed).start()

    @property
    def url(self) -> str:
        """The faulty endpoint, for the client under test."""
        return self.proxy.url

    @property
    def moto_url(self) -> str:
        """moto itself, bypassing the faults: for setting up and checking the table."""
        host, port = self.moto_address
        return f"http://{host}:{port}"

    def direct_client(self, region_name: str = "us-east-1") -> Any:
        """A plain boto3 client straight to moto, with fake credentials of its own."""
        import boto3

        return boto3.client(
            "dynamodb",
            region_name=region_name,
            endpoint_url=self.moto_url,
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
        )

    def close(self) -> None:
        self.proxy.stop()
        self._moto.close()

    def __enter__(self) -> FaultyDynamoDB:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class _InProcessMoto:
    """moto's ``ThreadedMotoServer`` in this process, on an ephemeral loopback port."""

    def __init__(self) -> None:
        from moto.server import ThreadedMotoServer

        # werkzeug logs every request moto serves; thousands of lines would bury the results.
        logging.getLogger("werkzeug").setLevel(logging.WARNING)
        self._server = ThreadedMotoServer(ip_address=LOOPBACK, port=0, verbose=False)
        self._server.start()
        self.address: tuple[str, int] = self._server.get_host_and_port()

    def close(self) -> None:
        self._server.stop()
        # ThreadedMotoServer.stop() stops serving but leaves its listening socket open.
        listening = getattr(self._server, "_server", None)
        if listening is not None:
            listening.server_close()
