"""The storage layer's own exceptions, so callers never look inside a backend's errors."""

from typing import Any


class StorageError(Exception):
    """Storage could not do what was asked; nothing may be assumed saved."""


class StorageUnavailable(StorageError):
    """The store was busy, throttling, unreachable or failing: worth trying again later."""


class ConcurrentUpdate(StorageError):
    """The person's data changed between reading and writing; read again and retry."""


class DuplicateRequest(StorageError):
    """This Alexa request was already stored once (a redelivery); nothing new was written."""


class PartlyWritten(StorageError):
    """A step of an import failed after some of it was written (a store with no transaction
    that large); ``written`` are the people it may have written, undone with the rest."""

    def __init__(self, message: str, written: frozenset[Any]) -> None:
        super().__init__(message)
        self.written = written


class StoreSetupError(Exception):
    """The store cannot be opened; the message says what to do."""
