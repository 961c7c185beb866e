"""The boto3 client every DynamoDB store uses, and the setting that names the table.

boto3 is imported when a client is built, not when this module is: the console and the web
service can name the setting without loading the AWS SDK.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.client import DynamoDBClient

# The environment variable that names the table (the Lambda's, or ``wins serve``'s on AWS).
TABLE_ENV: Final = "WINS_TABLE_NAME"


def dynamodb_client(region_name: str | None = None) -> DynamoDBClient:
    """A DynamoDB client sized for Alexa's ~8 second budget.

    Each call gets two attempts (one retry for throttling or a blip) with short timeouts:
    at worst about 2 x (0.5 s connect + 1.5 s read) + ~1 s backoff = 5 s for one call, so a
    failing request still answers, kindly and truthfully, before Alexa gives up.
    """
    import boto3
    from botocore.config import Config

    config = Config(
        connect_timeout=0.5,
        read_timeout=1.5,
        retries={"mode": "standard", "total_max_attempts": 2},
    )
    return boto3.client("dynamodb", region_name=region_name, config=config)
