"""DynamoDB's errors as the storage layer's own, chosen by error code, never by message text."""

from __future__ import annotations

from typing import Final

from botocore.exceptions import BotoCoreError, ClientError

from skill.storage.errors import StorageError, StorageUnavailable

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
