"""A small stand-in for the Lambda Runtime API on loopback, for a real runtime client to poll.

It serves what a Lambda function's runtime talks to (API version 2018-06-01): ``GET
/runtime/invocation/next`` hands out one queued event with the headers Lambda sends (request ID,
deadline, function ARN, trace ID, a JSON content type); ``POST .../{id}/response`` and ``POST
.../{id}/error`` take the answer back; ``POST /runtime/init/error`` records a failed start.
"""

from __future__ import annotations

import json
import queue
import threading
import time
import uuid
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal

PREFIX = "/2018-06-01/runtime"
FUNCTION_ARN = "arn:aws:lambda:us-east-1:493817260455:function:small-wins:live"
# Alexa gives a skill about 8 seconds; the function's timeout is 7 (template.yaml).
DEADLINE_MS = 7000


@dataclass(frozen=True)
class Outcome:
    """What the function sent back for one invocation: its answer, or an error."""

    kind: Literal["response", "error"]
    body: Any
    error_type: str | None = None


class RuntimeApi:
    """The stand-in: ``address`` for ``AWS_LAMBDA_RUNTIME_API``; ``invoke`` sends one event."""

    def __init__(self) -> None:
        self._events: queue.Queue[tuple[str, bytes]] = queue.Queue()
        self._outcomes: dict[str, queue.Queue[Outcome]] = {}
        self._lock = threading.Lock()
        self.init_errors: list[Any] = []
        self.polls = 0
        self._stopped = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def address(self) -> str:
        host, port = self._server.server_address[:2]
        return f"{host!s}:{port}"

    def start(self) -> RuntimeApi:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopped.set()
        self._server.shutdown()
        self._server.server_close()

    def invoke(self, event: Any, *, timeout: float = 30.0) -> Outcome:
        """Queue ``event`` (any JSON) for the runtime and wait for what comes back."""
        request_id = str(uuid.uuid4())
        outcome: queue.Queue[Outcome] = queue.Queue(maxsize=1)
        with self._lock:
            self._outcomes[request_id] = outcome
        self._events.put((request_id, json.dumps(event).encode()))
        try:
            return outcome.get(timeout=timeout)
        except queue.Empty:
            raise TimeoutError(f"no answer within {timeout} s") from None

    def next_event(self) -> tuple[str, bytes] | None:
        """The next queued event, waiting as Lambda does; None once the stand-in stops."""
        with self._lock:
            self.polls += 1
        while not self._stopped.is_set():
            try:
                return self._events.get(timeout=0.2)
            except queue.Empty:
                continue
        return None

    def record(self, request_id: str, outcome: Outcome) -> bool:
        with self._lock:
            waiting = self._outcomes.pop(request_id, None)
        if waiting is None:
            return False
        waiting.put(outcome)
        return True


def _handler_for(api: RuntimeApi) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            pass  # the test reads outcomes, not access logs

        def do_GET(self) -> None:
            if self.path != f"{PREFIX}/invocation/next":
                self._reply(404, {"errorMessage": "unknown path"})
                return
            event = api.next_event()
            if event is None:  # shutting down
                self._reply(500, {"errorMessage": "the runtime API is stopping"})
                return
            request_id, body = event
            self.send_response(200)
            self.send_header("Lambda-Runtime-Aws-Request-Id", request_id)
            self.send_header(
                "Lambda-Runtime-Deadline-Ms", str(int(time.time() * 1000) + DEADLINE_MS)
            )
            self.send_header("Lambda-Runtime-Invoked-Function-Arn", FUNCTION_ARN)
            self.send_header(
                "Lambda-Runtime-Trace-Id", f"Root=1-{uuid.uuid4().hex[:8]}-0;Sampled=0"
            )
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            body = json.loads(raw) if raw else None
            parts = self.path.removeprefix(PREFIX).strip("/").split("/")
            if parts == ["init", "error"]:
                api.init_errors.append(body)
                self._reply(202, {"status": "OK"})
            elif len(parts) == 3 and parts[0] == "invocation" and parts[2] in ("response", "error"):
                kind: Literal["response", "error"] = (
                    "response" if parts[2] == "response" else "error"
                )
                error_type = self.headers.get("Lambda-Runtime-Function-Error-Type")
                known = api.record(parts[1], Outcome(kind, body, error_type))
                self._reply(202 if known else 404, {"status": "OK" if known else "unknown"})
            else:
                self._reply(404, {"errorMessage": "unknown path"})

        def _reply(self, status: int, body: dict[str, str]) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            try:
                self.end_headers()
                self.wfile.write(data)
            except OSError:
                pass  # the runtime was stopped while it waited for an event

    return Handler
