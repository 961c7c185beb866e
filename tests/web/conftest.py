"""Web fixtures: Amazon's side (``testkit.alexa_signing``), a fake certificate host, signed
requests.

The tests play Amazon: their own root (trusted only through the app's injected roots), an
intermediate, signing certificates valid or not, and a downloader that serves chains from a
dict and counts downloads.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from random import Random
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from skill.console.alexa_stand_in import FakeAlexaApi
from skill.storage.interface import WinStore
from skill.web.certs import CertificateRejected
from skill.web.config import WebConfig
from skill.web.factory import create_app
from testkit.alexa_signing import CERT_URL, Pki, signed_headers
from tests.conftest import SKILL_ID, TABLE_NAME, Clock, Envelope, real_now

# The fixed test clock (tests/conftest.py) is 2026-11-21 15:30 UTC; certificates made for it.
TEST_NOW = datetime.fromisoformat("2026-11-21T15:30:00+00:00")


@pytest.fixture(scope="session")
def pki() -> Pki:
    # Valid at the fixed test clock, the pinned instant and the real time of a loopback test
    # (whose server checks dates by the operating system's clock).
    return Pki.make(TEST_NOW, since=min(TEST_NOW, datetime.now(UTC), real_now()))


@dataclass
class CertHost:
    """Stands in for S3: serves published chains by URL and records every download."""

    files: dict[str, bytes] = field(default_factory=dict)
    downloads: list[str] = field(default_factory=list)

    def __call__(self, url: str) -> bytes:
        self.downloads.append(url)
        try:
            return self.files[url]
        except KeyError:
            # As the real downloader says it: by kind, never quoting the URL.
            missing = "the certificate chain could not be fetched (HTTP 404)"
            raise CertificateRejected(missing) from None


@pytest.fixture
def cert_host(pki: Pki) -> CertHost:
    return CertHost({CERT_URL: pki.chain()})


class Ticker:
    """A monotonic clock the test moves by hand (it never moves by itself)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def ticker() -> Ticker:
    return Ticker()


@pytest.fixture
def web_config(
    store: WinStore,
    clock: Clock,
    alexa: FakeAlexaApi,
    pki: Pki,
    cert_host: CertHost,
    ticker: Ticker,
) -> WebConfig:
    return WebConfig(
        store=store,
        skill_id=SKILL_ID,
        clock=clock,
        monotonic=ticker,
        rng=Random(7),
        roots=[pki.root.cert],
        download=cert_host,
        api_ca_file=alexa.ca_file,
    )


@pytest.fixture
def client(web_config: WebConfig) -> FlaskClient:
    return create_app(web_config).test_client()


Post = Callable[..., TestResponse]


@pytest.fixture
def post(client: FlaskClient, pki: Pki) -> Post:
    """POST an envelope to the skill, signed like Alexa would unless told otherwise."""

    def send(
        envelope: dict[str, Any],
        *,
        url: str = CERT_URL,
        key: rsa.RSAPrivateKey | None = None,
        body: bytes | None = None,
        headers: dict[str, str | None] | None = None,
    ) -> TestResponse:
        raw = json.dumps(envelope).encode("utf-8")
        sent = {**signed_headers(raw, key or pki.signer_key, url), **(headers or {})}
        return client.post(
            "/",
            data=raw if body is None else body,
            headers={name: value for name, value in sent.items() if value is not None},
        )

    return send


@pytest.fixture
def log_win(request_for: Envelope) -> dict[str, Any]:
    """A LogWinIntent request, as Alexa would send it, for this test's skill."""
    return request_for("log_win", win="did the laundry")


def stored_items(dynamodb: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = dynamodb.scan(TableName=TABLE_NAME, ConsistentRead=True)["Items"]
    return items
