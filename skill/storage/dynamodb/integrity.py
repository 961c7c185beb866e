"""A DynamoDB answer that arrived cut short or corrupted is a failure, never data.

DynamoDB sends a CRC32 of every answer's body (``x-amz-crc32``). botocore's standard retry mode
checks it only to decide whether to try again: when the last attempt is corrupted too, botocore
parses whatever arrived and returns it as a success. A query cut short then reads as "no items",
and the skill would tell someone who has wins that they have none. This check runs after
botocore's own, on the answer it is about to return, and raises instead, so the store reports
DynamoDB as unavailable.
"""

from __future__ import annotations

from binascii import crc32
from typing import TYPE_CHECKING, Any, Final

from botocore.exceptions import ChecksumError

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.client import DynamoDBClient

CHECKSUM_HEADER: Final = "x-amz-crc32"


def reject_corrupt_answers(client: DynamoDBClient) -> None:
    """Make ``client`` raise ``ChecksumError`` for an answer whose CRC32 does not match."""
    # unique_id: several stores sharing one client register the check once.
    client.meta.events.register(
        "after-call.dynamodb", _check_crc32, unique_id="wins-reject-corrupt-answers"
    )


def _check_crc32(http_response: Any = None, **_: Any) -> None:
    expected = None if http_response is None else http_response.headers.get(CHECKSUM_HEADER)
    if expected is None:  # nothing to check against (DynamoDB always sends it)
        return
    actual = crc32(http_response.content) & 0xFFFFFFFF
    if str(actual) != str(expected).strip():
        raise ChecksumError(
            checksum_type="crc32", expected_checksum=expected, actual_checksum=str(actual)
        )
