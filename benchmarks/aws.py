"""A DynamoDB that never leaves the machine: moto in-process or on loopback, fake credentials."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

from skill.storage.dynamodb.schema import (
    PROFILE_HEARD_SENTINEL,
    PROFILE_SK,
    TABLE_DEFINITION,
    win_sk,
)
from skill.storage.records import Person, stamp

REGION: Final = "us-east-1"
TABLE: Final = "wins-bench"
SKILL_ID: Final = "amzn1.ask.skill.8c1f4a2e-5b6d-4e7f-9a0b-1c2d3e4f5a6b"  # tests/requests/*.json
ACCOUNT: Final = "amzn1.ask.account.AGF7EXAMPLEUSERIDQ3ZJ5XKZ6BVLW3N7OHKVJ2PRZ"
# Fake credentials, a fixed region, and no look-ups anywhere else: no profile files and no
# instance metadata service, so nothing is ever sent beyond loopback.
FAKE_AWS: Final[Mapping[str, str]] = {
    "AWS_ACCESS_KEY_ID": "benchmark",
    "AWS_SECRET_ACCESS_KEY": "benchmark",
    "AWS_SESSION_TOKEN": "benchmark",
    "AWS_DEFAULT_REGION": REGION,
    "AWS_REGION": REGION,
    "AWS_CONFIG_FILE": os.devnull,
    "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
    "AWS_EC2_METADATA_DISABLED": "true",
}
_CLEARED: Final = ("AWS_PROFILE", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_DYNAMODB")
# A child must be able to cache bytecode, as a deployed function ships it (see build_lambda.py's
# --compile-with); it writes it to its own folder, never beside the sources.
_NO_BYTECODE: Final = ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")
_BATCH: Final = 25  # BatchWriteItem's limit
# Every seeded win says the same as the wins the benchmark logs, so hearing one back costs the
# same whichever is picked: only the number of wins changes from one size to the next.
WIN_TEXT: Final = "did the laundry"


def child_environment(endpoint: str, bytecode_dir: str) -> dict[str, str]:
    """The environment of a cold-start child: fake AWS, the loopback endpoint, the skill's config.

    Compiled bytecode is cached in ``bytecode_dir``.
    """
    env = {k: v for k, v in os.environ.items() if k not in _CLEARED + _NO_BYTECODE}
    return {
        **env,
        **FAKE_AWS,
        "PYTHONPYCACHEPREFIX": bytecode_dir,
        "AWS_ENDPOINT_URL_DYNAMODB": endpoint,
        "WINS_TABLE_NAME": TABLE,
        "WINS_SKILL_ID": SKILL_ID,
        "LOG_LEVEL": "WARNING",
        # As the template sets it (LogPseudonymKey): the start-up reads it like any setting.
        "WINS_LOG_KEY": "benchmark-log-pseudonym-key-0123456789",
    }


@contextmanager
def fake_aws() -> Iterator[None]:
    """This process's AWS settings replaced by ``FAKE_AWS`` for the duration."""
    saved = dict(os.environ)
    for name in _CLEARED:
        os.environ.pop(name, None)
    os.environ.update(FAKE_AWS)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def create_table(client: Any, name: str = TABLE) -> None:
    """The table as the template defines it (``TABLE_DEFINITION``), billed on demand."""
    client.create_table(TableName=name, BillingMode="PAY_PER_REQUEST", **TABLE_DEFINITION)


@contextmanager
def moto_server() -> Iterator[str]:
    """moto's DynamoDB as a real HTTP endpoint on 127.0.0.1; yields its URL."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        yield f"http://{host}:{port}"
    finally:
        server.stop()


def profile_item(person: Person, wins: int, now: datetime | None = None) -> dict[str, Any]:
    """A profile as the store writes it, with a time zone fresh enough not to be asked for."""
    checked = now or datetime.now(UTC)
    return {
        "pk": {"S": person.key},
        "sk": {"S": PROFILE_SK},
        "win_count": {"N": str(wins)},
        "heard_at": {"S": PROFILE_HEARD_SENTINEL},
        "account": {"S": person.account},
        "zone": {"S": "UTC"},
        "zone_checked_at": {"S": stamp(checked)},
        "created_at": {"S": stamp(checked)},
    }


def win_item(person: Person, number: int, when: str) -> dict[str, Any]:
    """Win ``number`` as the store's ``append_win`` writes it."""
    return {
        "pk": {"S": person.key},
        "sk": {"S": win_sk(number)},
        "number": {"N": str(number)},
        "text": {"S": WIN_TEXT},
        "created_at": {"S": when},
        "request_id": {"S": f"amzn1.echo-api.request.seed-{number}"},
        "screened": {"S": _seen_as_a_win()},
    }


@functools.cache
def _seen_as_a_win() -> str:
    """``WIN_TEXT``'s verdict as logging keeps it: on first use, so importing this module loads
    no screen (a cold start's child imports it)."""
    from skill.domain.phrasing import WinKind
    from skill.services.wins import screened

    return screened(WIN_TEXT, WinKind.SAID)


def seed_wins(client: Any, person: Person, first: int, last: int) -> None:
    """Write wins ``first``..``last`` and a profile counting ``last`` wins, in batches.

    The wins are dated now, like the wins logged while measuring, so every win heard back is
    said the same way ("Earlier today, ...") whatever the number of wins.
    """
    when = stamp(datetime.now(UTC))
    for start in range(first, last + 1, _BATCH):
        numbers = range(start, min(start + _BATCH, last + 1))
        requests: list[Any] = [{"PutRequest": {"Item": win_item(person, n, when)}} for n in numbers]
        while requests:
            reply = client.batch_write_item(RequestItems={TABLE: requests})
            requests = reply.get("UnprocessedItems", {}).get(TABLE, [])
    client.put_item(TableName=TABLE, Item=profile_item(person, last))


@contextmanager
def dynamodb_process() -> Iterator[str]:
    """``benchmarks.dynamodb_server`` started as a child process; yields its endpoint."""
    server = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.dynamodb_server"],
        cwd=Path(__file__).resolve().parent.parent,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        endpoint = server.stdout.readline().strip()
        if not endpoint.startswith("http://127.0.0.1:"):
            raise RuntimeError("the loopback DynamoDB did not start")
        yield endpoint
    finally:
        if server.stdin is not None:
            server.stdin.close()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
