"""The storage layer's own exceptions, so callers never look inside botocore errors."""

from __future__ import annotations


class StorageError(Exception):
    """Storage could not do what was asked; nothing may be assumed saved."""


class StorageUnavailable(StorageError):
    """DynamoDB was throttling, unreachable or failing."""


class ConcurrentUpdate(StorageError):
    """The person's data changed between reading and writing; read again and retry."""


class DuplicateRequest(StorageError):
    """This Alexa request was already stored once (a redelivery); nothing new was written."""
