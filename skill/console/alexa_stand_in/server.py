"""A small threaded HTTPS server on 127.0.0.1 that hands each request to one function.

Kept apart from what the fake Alexa API *says* so that module reads as Alexa's behaviour, and
this one as plumbing: an ephemeral port, a throwaway certificate authority (``loopback_tls``),
a daemon thread, every request parsed into a ``RecordedRequest`` and every ``Reply`` written
back as JSON. Clients that hang up or fail TLS verification are expected and kept quiet.
"""

from __future__ import annotations

import json
import sys
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Final

from skill.console.alexa_stand_in.tls import LOOPBACK_HOST, make_loopback_certificates

# How often the server checks for stop(): short, so tests and the console stop promptly.
POLL_SECONDS: Final = 0.05


@dataclass
class RecordedRequest:
    """One request as received: ``body`` is the parsed JSON, the raw text, or None."""

    method: str
    path: str
    headers: dict[str, str]
    body: Any


@dataclass
class Reply:
    """A status and a JSON body; ``body`` None means no body at all (as for 204)."""

    status: int
    body: Any = None


Responder = Callable[[RecordedRequest], Reply]


class LoopbackHttpsServer:
    """Serves ``respond`` over HTTPS on an ephemeral loopback port, in a daemon thread."""

    def __init__(self, respond: Responder) -> None:
        self._respond = respond
        self._directory: tempfile.TemporaryDirectory[str] | None = None
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._ca_file: Path | None = None

    def start(self) -> None:
        """Make certificates and start serving (once)."""
        if self._server is not None:
            return
        self._directory = tempfile.TemporaryDirectory(prefix="wins-alexa-api-")
        certificates = make_loopback_certificates(Path(self._directory.name))
        self._ca_file = certificates.ca_file
        server = _Server((LOOPBACK_HOST, 0), _RequestHandler, self._respond)
        # The handshake waits for the first read, in the request's own thread: a client that
        # stalls or fails verification never blocks the accept loop.
        server.socket = certificates.server_context().wrap_socket(
            server.socket, server_side=True, do_handshake_on_connect=False
        )
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, args=(POLL_SECONDS,), name="loopback-https", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        """Stop serving and delete the certificates (safe to call twice)."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        if self._directory is not None:
            self._directory.cleanup()
            self._directory = None
            self._ca_file = None

    @property
    def endpoint(self) -> str:
        """``https://127.0.0.1:<port>``."""
        if self._server is None:
            raise RuntimeError("the loopback server is not running; call start() first")
        return f"https://{LOOPBACK_HOST}:{self._server.server_address[1]}"

    @property
    def ca_file(self) -> str:
        """The PEM file of the certificate authority clients must trust."""
        if self._ca_file is None:
            raise RuntimeError("the loopback server is not running; call start() first")
        return str(self._ca_file)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(
        self,
        address: tuple[str, int],
        handler: type[BaseHTTPRequestHandler],
        respond: Responder,
    ) -> None:
        self.respond = respond
        super().__init__(address, handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Clients that hang up (timeouts) or fail TLS verification are expected here."""
        if not isinstance(sys.exc_info()[1], OSError):
            super().handle_error(request, client_address)


class _RequestHandler(BaseHTTPRequestHandler):
    server: _Server
    timeout = 30  # a connection that never sends a request does not hold a thread forever
    server_version = "FakeAlexaApi/1.0"

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def do_DELETE(self) -> None:
        self._serve()

    def do_PUT(self) -> None:
        self._serve()

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the console's terminal is for the conversation."""

    def _serve(self) -> None:
        request = RecordedRequest(
            method=self.command,
            path=self.path,
            headers=dict(self.headers.items()),
            body=self._body(),
        )
        reply = self.server.respond(request)
        payload = b"" if reply.body is None else json.dumps(reply.body).encode()
        self.send_response(reply.status)
        if reply.body is not None:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def _body(self) -> Any:
        length = int(self.headers.get("Content-Length") or 0)
        if length <= 0:
            return None
        raw = self.rfile.read(length).decode("utf-8", errors="replace")
        try:
            return json.loads(raw)
        except ValueError:
            return raw
