"""What ``wins serve`` accepts from the network, set for a server the internet can reach.

waitress's defaults suit an application behind a trusted front end: bodies up to 1 GiB
(spooled to disk past 512 KiB), 100 connections, two minutes of silence before an idle
connection is dropped. Here a body larger than Alexa ever sends is refused from its
``Content-Length`` before a byte of it is read, and a chunked one as soon as it grows past the
limit; connections that never finish their request are dropped after ``CHANNEL_TIMEOUT``
seconds of silence; and the connection limit is far above what a few hundred such clients can
hold, so ``/health`` and Alexa's requests keep being answered meanwhile.

Waiting connections cost waitress no thread (its threads only run complete requests), so a
high limit is cheap: each one is a socket and a small buffer. A client that keeps sending a
byte at a time stays within every limit; ``CONNECTION_LIMIT`` of them would still hold the
server, which is why production puts a TLS proxy with its own header deadline in front.
"""

from __future__ import annotations

from typing import Any, Final

# Alexa's requests are a few kilobytes; anything far larger is not one of them.
MAX_BODY_BYTES: Final = 128 * 1024
# Alexa's headers are well under 2 KiB: a generous bound on what is buffered per request.
MAX_HEADER_BYTES: Final = 16 * 1024
# Open connections at once, slow or not (each one file descriptor; most systems allow 1024).
CONNECTION_LIMIT: Final = 500
# Seconds of silence after which a connection without a request in progress is closed.
CHANNEL_TIMEOUT: Final = 10
# How often (seconds) waitress looks for such connections.
CLEANUP_INTERVAL: Final = 2


def waitress_options(threads: int) -> dict[str, Any]:
    """Every waitress setting that bounds what a client can make the server hold."""
    return {
        "threads": threads,
        # waitress refuses a body when its length reaches this number, so one more byte
        # than the largest body accepted.
        "max_request_body_size": MAX_BODY_BYTES + 1,
        "max_request_header_size": MAX_HEADER_BYTES,
        "connection_limit": CONNECTION_LIMIT,
        "channel_timeout": CHANNEL_TIMEOUT,
        "cleanup_interval": CLEANUP_INTERVAL,
        # poll() rather than select(): select() cannot watch descriptors numbered past 1023.
        "asyncore_use_poll": True,
        # A client that resets its connection is not worth a traceback in the log.
        "log_socket_errors": False,
        "expose_tracebacks": False,
        "ident": "wins",
    }
