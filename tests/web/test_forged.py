"""Forged requests cost no download: every check that cannot reach the network runs first, and
the downloads new certificate URLs may cause are few, one at a time, Alexa's own first.

The certificate host counts every download (``CertHost``); the ticker that rations new URLs
moves only when the test moves it.
"""

from __future__ import annotations

import base64
import json
import logging
import random
from collections.abc import Callable
from typing import Any

import pytest
from flask.testing import FlaskClient

from skill.storage.interface import PortableStore
from skill.web.endpoint import NOT_VERIFIED
from testkit.alexa_signing import CERT_URL
from tests.conftest import Clock, Envelope, stored_texts
from tests.web.conftest import CertHost, Post, Ticker

_noise = random.Random(22)


def new_url() -> str:
    """A certificate URL that meets Amazon's rules and was never seen: a forger's."""
    return f"https://s3.amazonaws.com/echo.api/{_noise.randbytes(8).hex()}.pem"


def forged_headers(url: str, signature: bytes | None = None) -> dict[str, str]:
    """Headers as a forger sends them: any bytes of an RSA signature's length, base64."""
    sent = _noise.randbytes(256) if signature is None else signature
    return {
        "Content-Type": "application/json",
        "SignatureCertChainUrl": url,
        "Signature-256": base64.b64encode(sent).decode(),
    }


def send_forged(client: FlaskClient, envelope: dict[str, Any], **headers: str) -> Any:
    body = json.dumps(envelope).encode()
    return client.post("/", data=body, headers={**forged_headers(new_url()), **headers})


def other_skill(envelope: dict[str, Any]) -> None:
    envelope["context"]["System"]["application"]["applicationId"] = "amzn1.ask.skill.other"


def no_request_id(envelope: dict[str, Any]) -> None:
    del envelope["request"]["requestId"]


Spoil = Callable[[dict[str, Any]], None]


@pytest.mark.parametrize(
    ("spoil", "headers"),
    [
        (other_skill, {}),
        (no_request_id, {}),
        (None, {"Signature-256": base64.b64encode(b"sixteen bytes!!!").decode()}),
        (None, {"Signature-256": "not*base64!"}),
        (None, {"Signature-256": ""}),
    ],
    ids=["another-skill", "no-request-id", "short-signature", "not-base64", "no-signature"],
)
def test_a_forged_request_failing_another_check_downloads_nothing(
    client: FlaskClient,
    log_win: dict[str, Any],
    cert_host: CertHost,
    store: PortableStore,
    spoil: Spoil | None,
    headers: dict[str, str],
) -> None:
    if spoil is not None:
        spoil(log_win)

    response = send_forged(client, log_win, **headers)

    assert (response.status_code, response.get_json()) == (400, {"error": NOT_VERIFIED})
    assert cert_host.downloads == []
    assert stored_texts(store) == []


@pytest.mark.parametrize("seconds", [151, -151], ids=["stale", "from-the-future"])
def test_a_forged_request_out_of_its_time_downloads_nothing(
    client: FlaskClient, log_win: dict[str, Any], cert_host: CertHost, clock: Clock, seconds: int
) -> None:
    clock.advance(seconds=seconds)

    assert send_forged(client, log_win).status_code == 400
    assert cert_host.downloads == []


def test_a_flood_of_forged_requests_with_new_urls_costs_one_download(
    client: FlaskClient, post: Post, request_for: Envelope, cert_host: CertHost
) -> None:
    """Everything else about them is right: the skill ID, a fresh timestamp, a well-formed
    signature. Alexa's own requests go on, on the chain already kept."""
    assert post(request_for("log_win", win="did the laundry")).status_code == 200

    answers = [send_forged(client, request_for("log_win")).status_code for _ in range(30)]

    assert answers == [400] * 30
    assert len(cert_host.downloads) == 2  # Alexa's, and one of the two allowed at once
    assert post(request_for("log_win", win="walked the dog")).status_code == 200
    assert len(cert_host.downloads) == 2


@pytest.mark.parametrize(
    "url",
    [
        "https://s3.amazonaws.com:nightmares/echo.api/chain.pem",
        "https://s3.amazonaws.com:[nightmares]/echo.api/chain.pem",
        "https://nightmares.example/echo.api/chain.pem",
        "https://s3.amazonaws.com/nightmares/chain.pem",
        "https://s3.amazonaws.com/echo.api/nightmares.pem",
    ],
    ids=["port", "brackets", "host", "path", "new-url"],
)
def test_a_refusal_is_logged_without_the_certificate_urls_text(
    client: FlaskClient, log_win: dict[str, Any], caplog: pytest.LogCaptureFixture, url: str
) -> None:
    """A header is free text a caller chose: the log says why a URL failed, never what it was."""
    body = json.dumps(log_win).encode()
    with caplog.at_level(logging.DEBUG):
        answer = client.post("/", data=body, headers=forged_headers(url))

    assert (answer.status_code, answer.get_json()) == (400, {"error": NOT_VERIFIED})
    refusals = [r.getMessage() for r in caplog.records if "refused a request" in r.getMessage()]
    assert len(refusals) == 1, caplog.text
    assert "nightmares" not in caplog.text


def test_a_forged_url_that_failed_is_not_downloaded_again(
    client: FlaskClient, log_win: dict[str, Any], cert_host: CertHost, ticker: Ticker
) -> None:
    url = new_url()
    for _ in range(5):
        body = json.dumps(log_win).encode()
        assert client.post("/", data=body, headers=forged_headers(url)).status_code == 400
        ticker.now += 30  # the budget for new URLs refills meanwhile

    assert cert_host.downloads == [url, url, url]  # once a minute, not once a request


def test_after_a_restart_under_forged_requests_alexas_url_gets_through_first(
    client: FlaskClient, post: Post, request_for: Envelope, cert_host: CertHost, ticker: Ticker
) -> None:
    """The cache starts empty, and forged URLs spend the budget before Alexa's first requests:
    those are refused, but each of them names Alexa's URL again, so once it is named more
    often than any forged URL (twice), it is the next downloaded."""
    for _ in range(5):
        send_forged(client, request_for("log_win"))
    for _ in range(2):
        assert post(request_for("log_win", win="did the laundry")).status_code == 400

    ticker.now += 10
    for _ in range(5):
        assert send_forged(client, request_for("log_win")).status_code == 400
    assert post(request_for("log_win", win="did the laundry")).status_code == 200

    assert cert_host.downloads[-1] == CERT_URL
    assert cert_host.downloads.count(CERT_URL) == 1
    assert len(cert_host.downloads) == 3
