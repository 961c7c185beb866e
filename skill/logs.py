"""What a log line may say about a request: a keyed pseudonym for a person, and an error's kind.

Logs never hold words a person said, a full user ID, or any free text from a request. An
exception's message is free text of that kind: the ASK SDK's own say "Failed to parse <the
field's value> into 'datetime' object" and "'<the value>' is not a valid DialogState", and a
request can carry a person's words in any field. So errors are logged by their kind and where
they happened (``failure``), never by their message, and ``withhold_exception_messages`` makes
every log record with a traceback do the same, the libraries' own included.

A person is named in a log by a pseudonym: the first 12 hex digits of an HMAC-SHA256 of their
key under this installation's secret. Without the secret, a pseudonym cannot be matched to a
user ID, even by someone who has one; with it, the same person has the same pseudonym in every
line, so one person's trouble can be followed. The secret comes from ``$WINS_LOG_KEY`` (the
Lambda's, from the stack's ``LogPseudonymKey`` parameter), else from ``log-key`` in the data
folder (created on first use, readable by its owner only). Until one is set, a random secret
lives in this process only.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import hmac
import logging
import os
import secrets
import stat
import traceback
from collections.abc import Callable, Mapping
from enum import Enum
from pathlib import Path
from typing import Any, Final

KEY_ENV: Final = "WINS_LOG_KEY"
KEY_FILE: Final = "log-key"
# 32 characters at least: a hex secret of 128 bits or more.
MIN_KEY_CHARS: Final = 32
PSEUDONYM_DIGITS: Final = 12
_PRIVATE: Final = 0o600
_WITHHELD: Final = "its message is withheld: it can quote the request"

_key: bytes = secrets.token_bytes(32)  # until an installation's key is set: this process only


class LogKeyError(Exception):
    """The installation's pseudonym key cannot be used; the message says what to do."""


def use_key(key: bytes) -> None:
    """Name people in logs with ``key`` from now on (once, at start-up)."""
    global _key
    _key = key


def pseudonym(identifier: str) -> str:
    """A short, stable stand-in for a person in logs: an HMAC of ``identifier``, never it."""
    digest = hmac.new(_key, identifier.encode("utf-8"), hashlib.sha256).hexdigest()
    return digest[:PSEUDONYM_DIGITS]


def key_from_text(text: str, origin: str) -> bytes:
    """A pseudonym key written as text, at least ``MIN_KEY_CHARS`` visible characters."""
    key = text.strip()
    if len(key) < MIN_KEY_CHARS or not key.isprintable() or not key.isascii():
        raise LogKeyError(
            f"{origin} must hold a secret of at least {MIN_KEY_CHARS} plain characters, "
            'such as the output of: python3 -c "import secrets; print(secrets.token_hex(32))"'
        )
    return key.encode("ascii")


def key_from_environment(environ: Mapping[str, str] | None = None) -> bytes | None:
    """``$WINS_LOG_KEY`` as a key, or None when it is not set."""
    env = os.environ if environ is None else environ
    text = env.get(KEY_ENV, "")
    return key_from_text(text, KEY_ENV) if text else None


def installation_key(folder: Path) -> bytes:
    """The key kept in ``folder``'s ``log-key``, made now if there is none yet.

    A new key is written whole to a private temporary file (created with mode 0600, never
    wider) and linked into place, so no one ever reads a partial key, and of two processes
    starting at once, both use the one that got there first. An existing file must be a plain
    file of this user's; a mode wider than 0600 is tightened.
    """
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = folder / KEY_FILE
    try:
        return _read_key(path)
    except FileNotFoundError:
        _create_key(path)
    return _read_key(path)


_NEW_FILE: Final = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC


def _create_key(path: Path) -> None:
    temporary = path.with_name(f".{KEY_FILE}-{secrets.token_hex(8)}.tmp")
    _write_new(temporary)
    try:
        os.link(temporary, path)
    except FileExistsError:
        pass  # another process made one first: everyone uses that one
    except OSError as exc:  # a file system without hard links: create the file in place
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP):
            raise
        with contextlib.suppress(FileExistsError):
            _write_new(path)
    finally:
        temporary.unlink(missing_ok=True)
    _sync_folder(path.parent)


def _write_new(path: Path) -> None:
    """A new file at ``path`` holding a fresh key: created private (0600), flushed to disk."""
    descriptor = os.open(path, _NEW_FILE, _PRIVATE)
    with os.fdopen(descriptor, "w", encoding="ascii") as out:
        out.write(secrets.token_hex(32) + "\n")
        out.flush()
        os.fsync(out.fileno())


def _read_key(path: Path) -> bytes:
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise LogKeyError(f"{path} is a symbolic link; it must be a plain file") from None
        raise
    with os.fdopen(descriptor, encoding="ascii", errors="replace") as handle:
        found = os.fstat(handle.fileno())
        if not stat.S_ISREG(found.st_mode):
            raise LogKeyError(f"{path} is not a plain file")
        if found.st_uid != os.geteuid():
            raise LogKeyError(f"{path} belongs to another user; remove it to make a new key")
        if stat.S_IMODE(found.st_mode) & 0o077:
            os.fchmod(handle.fileno(), _PRIVATE)
        return key_from_text(handle.read(), str(path))


def _sync_folder(folder: Path) -> None:
    """Make a new name in ``folder`` survive a crash (a no-op where folders cannot be opened)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def code(value: object) -> str:
    """One of the SDK's enumerated codes (a session's end reason, an error type) as text;
    anything else, which could be free text, is only "unknown"."""
    return str(value.value) if isinstance(value, Enum) else "unknown"


def failure(exc: BaseException) -> str:
    """``exc`` for a log: its kind and where it was raised, and the same of each exception that
    led to it, with every message left out (a message can quote a field of the request)."""
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and all(current is not seen for seen in chain):
        chain.append(current)
        cause = current.__cause__
        context = None if current.__suppress_context__ else current.__context__
        current = cause if cause is not None else context
    parts = [
        "Traceback (most recent call last):\n"
        + "".join(traceback.StackSummary.extract(traceback.walk_tb(link.__traceback__)).format())
        + _kind(link)
        for link in reversed(chain)
    ]
    return f"{_kind(exc)} ({_WITHHELD})\n" + "\nwhich led to:\n".join(parts)


def _kind(exc: BaseException) -> str:
    kind, module = type(exc), type(exc).__module__
    return kind.__qualname__ if module == "builtins" else f"{module}.{kind.__qualname__}"


def withhold_exception_messages() -> None:
    """Every log record made from now on with a traceback logs it as ``failure`` does.

    Covers the libraries too (flask-ask-sdk logs a dispatch error with its traceback, and so
    would any other): the record factory runs for every logger, whatever handler writes it.
    """
    factory = logging.getLogRecordFactory()
    if getattr(factory, "_withholds_messages", False):
        return
    logging.setLogRecordFactory(_withholding(factory))


def _withholding(factory: Callable[..., logging.LogRecord]) -> Callable[..., logging.LogRecord]:
    def make(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = factory(*args, **kwargs)
        exc_info = record.exc_info
        if exc_info and exc_info[1] is not None:
            try:
                message = record.getMessage()
            except Exception:  # a bad format string: keep the template, never its arguments
                message = str(record.msg)
            record.msg, record.args = f"{message}: {failure(exc_info[1])}", None
            record.exc_info, record.exc_text = None, None
        return record

    make._withholds_messages = True  # type: ignore[attr-defined]
    return make
