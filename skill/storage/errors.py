"""The storage layer's own exceptions, so callers never look inside botocore errors."""

from __future__ import annotations

from typing import Final

from botocore.exceptions import BotoCoreError, ClientError


class StorageError(Exception):
    """Storage could not do what was asked; nothing may be assumed saved."""


class StorageUnavailable(StorageError):
    """DynamoDB was throttling, unreachable or failing."""


class ConcurrentUpdate(StorageError):
    """The person's data changed between reading and writing; read again and retry."""


class DuplicateRequest(StorageError):
    """This Alexa request was already stored once (a redelivery); nothing new was written."""


UNAVAILABLE_CODES: Final = frozenset(
    {
        "ProvisionedThroughputExceededException",
        "ThrottlingException",
        "RequestLimitExceeded",
        "InternalServerError",
        "ServiceUnavailable",
        "TransactionInProgressException",
    }
)


def error_code(exc: ClientError) -> str:
    return str(exc.response.get("Error", {}).get("Code", ""))


def failure(exc: ClientError | BotoCoreError, what: str) -> StorageError:
    """Throttling, outages and timeouts are worth retrying later; anything else is a fault."""
    if isinstance(exc, BotoCoreError) or error_code(exc) in UNAVAILABLE_CODES:
        return StorageUnavailable(f"{what}: storage unavailable")
    return StorageError(f"{what}: {error_code(exc)}")
