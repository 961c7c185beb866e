"""The web service through Flask's test client: what is accepted, what is refused, and why.

Every refusal is a 400 with a JSON reason, and nothing reaches the store.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID
from flask.testing import FlaskClient

from skill.storage.interface import PortableStore
from skill.web import endpoint
from skill.web.config import WebConfig
from skill.web.endpoint import NOT_VERIFIED
from skill.web.factory import create_app
from testkit.alexa_signing import CERT_URL, Pki, pem, signed_headers
from tests.conftest import SKILL_ID, TABLE_NAME, Clock, Envelope, load_request, stored_texts
from tests.web.conftest import TEST_NOW, CertHost, Post


class _Lines(logging.Handler):
    """The endpoint's log lines, as written."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


_log = _Lines()


@pytest.fixture(autouse=True)
def _endpoint_log() -> Iterator[None]:
    """Collects each test's endpoint warnings, where ``refused`` finds the detailed reason."""
    _log.lines.clear()
    endpoint.logger.addHandler(_log)
    try:
        yield
    finally:
        endpoint.logger.removeHandler(_log)


def refused(response: Any, reason: str) -> None:
    """A 400; the caller gets the generic reason (or the body's fault), the log the detail."""
    assert response.status_code == 400, response.get_data(as_text=True)
    error = response.get_json()["error"]
    assert error == NOT_VERIFIED or reason in error, error
    assert any(reason in line for line in _log.lines), _log.lines


def test_a_signed_request_is_answered_and_its_win_stored(
    post: Post, log_win: dict[str, Any], store: PortableStore
) -> None:
    response = post(log_win)

    assert response.status_code == 200
    assert "laundry" in response.get_json()["response"]["outputSpeech"]["ssml"]
    assert "did the laundry" in stored_texts(store)


@pytest.mark.parametrize(
    ("missing", "reason"),
    [
        (("SignatureCertChainUrl",), "SignatureCertChainUrl header is missing"),
        (("Signature-256",), "Signature-256 header is missing"),
        (("SignatureCertChainUrl", "Signature-256"), "header is missing"),
    ],
)
def test_missing_headers_are_refused(
    post: Post, log_win: dict[str, Any], store: PortableStore, missing: tuple[str, ...], reason: str
) -> None:
    refused(post(log_win, headers=dict.fromkeys(missing)), reason)
    assert stored_texts(store) == []


def test_a_tampered_body_is_refused(
    post: Post, log_win: dict[str, Any], store: PortableStore
) -> None:
    original = json.dumps(log_win).encode()
    tampered = original.replace(b"did the laundry", b"won the lottery")

    response = post(log_win, body=tampered)  # signed over the original

    refused(response, "signature does not match")
    assert stored_texts(store) == []


def test_a_signature_by_another_key_is_refused(
    post: Post, log_win: dict[str, Any], pki: Pki, store: PortableStore
) -> None:
    refused(post(log_win, key=pki.other_key), "signature does not match")
    assert stored_texts(store) == []


def test_a_signature_that_is_not_base64_is_refused(
    post: Post, log_win: dict[str, Any], store: PortableStore
) -> None:
    refused(post(log_win, headers={"Signature-256": "not*base64!"}), "not base64")
    assert stored_texts(store) == []


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://s3.amazonaws.com/echo.api/echo-api-cert-12.pem", "not https"),
        ("https://notamazon.com/echo.api/echo-api-cert-12.pem", "host"),
        ("https://s3.amazonaws.com.evil.example/echo.api/echo-api-cert-12.pem", "host"),
        ("https://s3.amazonaws.com@evil.example/echo.api/echo-api-cert-12.pem", "user"),
        ("https://s3.amazonaws.com/EcHo.aPi/echo-api-cert-12.pem", "path"),
        ("https://s3.amazonaws.com/invalid.path/echo-api-cert-12.pem", "path"),
        ("https://s3.amazonaws.com/echo.api/../evil/echo-api-cert-12.pem", "path"),
        ("https://s3.amazonaws.com/echo.api/%2e%2e/evil/echo-api-cert-12.pem", "path"),
        ("https://s3.amazonaws.com:563/echo.api/echo-api-cert-12.pem", "port"),
        ("https://s3.amazonaws.com:99999/echo.api/echo-api-cert-12.pem", "malformed"),
        # Read one way when checked and another when fetched:
        ("https://s3.amazonaws.com/echo.api/..%3F/echo-api-cert-12.pem", "path holds"),
        ("https://s3.amazonaws.com/echo.api/echo-api-cert-12.pem%3F.pem", "path holds"),
        ("https://s3.amazonaws.com/echo.api/%23/../echo-api-cert-12.pem", "path holds"),
        ("https://s3.amazonaws.com/echo.api/%252e%252e/evil/cert.pem", "path holds"),
        ("https://s3.amazonaws.com/echo.api/..%5c..%5cevil/cert.pem", "path holds"),
        ("https://s3.amazonaws.com/echo.api/..\\..\\evil/cert.pem", "path holds"),
        ("https://s3.amazonaws.com/echo.api/a%0d%0aHost:%20evil/cert.pem", "path holds"),
        ("https://s3.amazonaws.com/echo.api/cert.pem%00.txt", "path holds"),
        ("https://s3.amazonaws.com/echo.api/echo-api-cert-12.pem?x=1", "query"),
        ("https://s3.amazonaws.com/echo.api/echo-api-cert-12.pem#frag", "query"),
        ("https://s3.amazonaws.com./echo.api/echo-api-cert-12.pem", "host"),
        ("https://[::1]/echo.api/echo-api-cert-12.pem", "host"),
        ("https://[s3.amazonaws.com/echo.api/echo-api-cert-12.pem", "malformed"),
        ("https://s3.amazonaws.com/echo.api/echo\tapi-cert-12.pem", "characters a URL"),
        ("https://s3.amazonaws.com/echo.api/echo-api-cert-12.pem, https://evil.example/", "URL"),
    ],
)
def test_certificate_urls_outside_amazons_rules_are_refused_without_a_download(
    post: Post,
    log_win: dict[str, Any],
    cert_host: CertHost,
    store: PortableStore,
    url: str,
    reason: str,
) -> None:
    refused(post(log_win, url=url), reason)
    assert cert_host.downloads == []
    assert stored_texts(store) == []


@pytest.mark.parametrize(
    "url",
    [
        "HTTPS://S3.AmazonAWS.com/echo.api/echo-api-cert-12.pem",
        "https://s3.amazonaws.com:443/echo.api/echo-api-cert-12.pem",
        "https://s3.amazonaws.com/echo.api/../echo.api/echo-api-cert-12.pem",
    ],
)
def test_certificate_urls_amazon_allows_are_fetched_in_normal_form(
    post: Post, log_win: dict[str, Any], cert_host: CertHost, url: str
) -> None:
    assert post(log_win, url=url).status_code == 200
    assert cert_host.downloads == [CERT_URL]


@pytest.mark.parametrize(
    ("certificate", "reason"),
    [
        ({"not_after": TEST_NOW - timedelta(seconds=1)}, "not valid at validation time"),
        ({"not_before": TEST_NOW + timedelta(minutes=1)}, "not valid at validation time"),
        ({"dns_name": "echo-api.example.com"}, "subjectAltName"),
        ({"dns_name": "*.amazon.com"}, "does not name echo-api.amazon.com exactly"),
        ({"digital_signature": False}, "key usage excludes signing"),
        ({"digital_signature": None}, "lacks an extension"),
        ({"purposes": [ExtendedKeyUsageOID.CLIENT_AUTH]}, "EKU"),
    ],
    ids=[
        "expired",
        "not-yet-valid",
        "wrong-name",
        "wildcard-name",
        "no-digital-signature",
        "no-key-usage",
        "client-auth-only",
    ],
)
def test_signing_certificates_alexa_would_not_use_are_refused(
    post: Post,
    log_win: dict[str, Any],
    pki: Pki,
    cert_host: CertHost,
    store: PortableStore,
    certificate: dict[str, Any],
    reason: str,
) -> None:
    url = "https://s3.amazonaws.com/echo.api/odd.pem"
    cert_host.files[url] = pki.chain(**certificate)

    response = post(log_win, url=url)

    refused(response, reason)
    assert stored_texts(store) == []


def test_a_signing_certificate_without_extended_key_usage_is_accepted(
    post: Post, log_win: dict[str, Any], pki: Pki, cert_host: CertHost
) -> None:
    """No EKU at all limits the key to no purpose, so it is not refused (see ``certs``)."""
    url = "https://s3.amazonaws.com/echo.api/no-eku.pem"
    cert_host.files[url] = pki.chain(purposes=None)

    assert post(log_win, url=url).status_code == 200


def test_a_chain_to_an_untrusted_root_is_refused(
    post: Post, log_win: dict[str, Any], pki: Pki, cert_host: CertHost, store: PortableStore
) -> None:
    url = "https://s3.amazonaws.com/echo.api/stranger.pem"
    signer = pki.stranger.signing_cert(
        pki.signer_key,
        not_before=TEST_NOW - timedelta(days=1),
        not_after=TEST_NOW + timedelta(days=1),
    )
    cert_host.files[url] = pem(signer, pki.stranger.cert)

    refused(post(log_win, url=url), "not trusted")
    assert stored_texts(store) == []


def test_a_signing_certificate_without_an_rsa_key_is_refused(
    post: Post, log_win: dict[str, Any], pki: Pki, cert_host: CertHost, store: PortableStore
) -> None:
    url = "https://s3.amazonaws.com/echo.api/ec.pem"
    signer = pki.issuer.signing_cert(
        ec.generate_private_key(ec.SECP256R1()),
        not_before=TEST_NOW - timedelta(days=1),
        not_after=TEST_NOW + timedelta(days=1),
    )
    cert_host.files[url] = pem(signer, pki.issuer.cert)

    refused(post(log_win, url=url), "does not hold an RSA key")
    assert stored_texts(store) == []


def test_a_download_that_is_not_pem_is_refused(
    post: Post, log_win: dict[str, Any], cert_host: CertHost, store: PortableStore
) -> None:
    url = "https://s3.amazonaws.com/echo.api/garbage.pem"
    cert_host.files[url] = b"<html>Access Denied</html>"

    refused(post(log_win, url=url), "not readable PEM")
    assert stored_texts(store) == []


def test_a_certificate_that_cannot_be_fetched_is_refused(
    post: Post, log_win: dict[str, Any], store: PortableStore
) -> None:
    refused(post(log_win, url="https://s3.amazonaws.com/echo.api/gone.pem"), "404")
    assert stored_texts(store) == []


@pytest.mark.parametrize("offset", [151, -151], ids=["stale", "from-the-future"])
def test_requests_more_than_150_seconds_from_now_are_refused(
    post: Post, log_win: dict[str, Any], clock: Clock, store: PortableStore, offset: int
) -> None:
    clock.advance(seconds=offset)

    refused(post(log_win), "timestamp")
    assert stored_texts(store) == []


@pytest.mark.parametrize("offset", [149, -149])
def test_requests_within_150_seconds_are_answered(
    post: Post, log_win: dict[str, Any], clock: Clock, offset: int
) -> None:
    clock.advance(seconds=offset)

    assert post(log_win).status_code == 200


def skill_disabled(sent_minutes_ago: int) -> dict[str, Any]:
    """A SkillDisabled event, sent ``sent_minutes_ago`` before the test clock's now."""
    envelope = load_request("skill_disabled")
    stamp = (TEST_NOW - timedelta(minutes=sent_minutes_ago)).strftime("%Y-%m-%dT%H:%M:%SZ")
    for field in ("timestamp", "eventCreationTime", "eventPublishingTime"):
        envelope["request"][field] = stamp
    return envelope


def test_skill_events_may_be_up_to_an_hour_old(post: Post) -> None:
    assert post(skill_disabled(sent_minutes_ago=30)).status_code == 200
    refused(post(skill_disabled(sent_minutes_ago=120)), "timestamp")


@pytest.mark.parametrize(
    ("kind", "accepted"),
    [
        ("AlexaSkillEvent.SkillEnabled", True),
        ("AlexaSkillEvent.SkillPermissionAccepted", True),
        ("AlexaSkillEvent.ProactiveSubscriptionChanged", False),
    ],
)
def test_only_the_documented_skill_events_get_the_hour(
    post: Post, kind: str, accepted: bool
) -> None:
    envelope = skill_disabled(sent_minutes_ago=30)
    envelope["request"]["type"] = kind

    response = post(envelope)

    if accepted:
        assert response.status_code == 200
    else:
        refused(response, "timestamp")


def test_an_unsigned_request_cannot_learn_the_skill_id(
    client: FlaskClient, log_win: dict[str, Any]
) -> None:
    """The skill ID is checked after the signature: ours and another get the same answer."""
    ours = client.post("/", json=log_win)
    log_win["context"]["System"]["application"]["applicationId"] = "amzn1.ask.skill.guess"
    other = client.post("/", json=log_win)

    assert (ours.status_code, ours.get_json()) == (other.status_code, other.get_json())
    assert ours.get_json() == {"error": NOT_VERIFIED}
    assert not any("another skill" in line for line in _log.lines)


def test_a_refusal_tells_the_caller_nothing_of_networks_or_validators(
    post: Post, log_win: dict[str, Any], cert_host: CertHost, pki: Pki
) -> None:
    """DNS failures, validator messages and the like go to the log, never to the caller."""
    url = "https://s3.amazonaws.com/echo.api/odd.pem"
    cert_host.files[url] = pki.chain(dns_name="*.amazon.com")

    answers = [
        post(log_win, url=url),  # a validator's reason
        post(log_win, url="https://s3.amazonaws.com/echo.api/gone.pem"),  # a 404
        post(log_win, key=pki.other_key),  # the wrong signer
    ]

    assert [(a.status_code, a.get_json()) for a in answers] == [(400, {"error": NOT_VERIFIED})] * 3
    assert any("could not be fetched (HTTP 404)" in line for line in _log.lines)
    assert not any("gone.pem" in line for line in _log.lines)


def test_requests_for_another_skill_are_refused(
    post: Post, log_win: dict[str, Any], store: PortableStore
) -> None:
    other = "amzn1.ask.skill.00000000-0000-0000-0000-000000000000"
    log_win["context"]["System"]["application"]["applicationId"] = other
    log_win["session"]["application"]["applicationId"] = other

    refused(post(log_win), "another skill")
    assert stored_texts(store) == []


def test_the_certificate_chain_is_downloaded_once_for_many_requests(
    post: Post, request_for: Envelope, cert_host: CertHost
) -> None:
    for win in ("did the laundry", "walked the dog", "called my sister"):
        assert post(request_for("log_win", win=win)).status_code == 200

    assert cert_host.downloads == [CERT_URL]


@pytest.mark.parametrize(
    ("content_type", "body", "reason"),
    [
        ("application/json", b'{"version": "1.0", "request": ', "not valid JSON"),
        ("application/json", b"\xff\xfe{}", "not UTF-8"),
        ("application/json", b"[1, 2, 3]", "not an Alexa request envelope"),
        ("application/json", b'{"hello": "world"}', "not an Alexa request envelope"),
        ("application/json", b'{"request": {"timestamp": "soon"}}', "not an Alexa request"),
        ("text/plain", b"tell small wins I did the laundry", "Content-Type application/json"),
        ("application/x-www-form-urlencoded", b"win=laundry", "Content-Type application/json"),
        (None, b"{}", "Content-Type application/json"),
    ],
)
def test_what_is_not_an_alexa_request_is_refused_with_a_reason(
    client: FlaskClient,
    store: PortableStore,
    pki: Pki,
    content_type: str | None,
    body: bytes,
    reason: str,
) -> None:
    headers = signed_headers(body, pki.signer_key)
    headers.pop("Content-Type")
    if content_type is not None:
        headers["Content-Type"] = content_type

    refused(client.post("/", data=body, headers=headers), reason)
    assert stored_texts(store) == []


def test_health_answers_without_touching_the_store(client: FlaskClient, calls: Any) -> None:
    response = client.get("/health")

    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}
    assert calls.take() == []


def test_other_methods_and_paths_get_json_errors(client: FlaskClient) -> None:
    assert client.get("/").status_code == 405
    missing = client.post("/elsewhere", json={})
    assert missing.status_code == 404
    assert "error" in missing.get_json()


def test_oversized_bodies_are_refused_before_they_are_read(client: FlaskClient) -> None:
    response = client.post("/", data=b"{" + b" " * 200_000 + b"}", content_type="application/json")

    assert response.status_code == 413
    assert "error" in response.get_json()


def test_the_skill_can_live_on_another_path(
    web_config: WebConfig, log_win: dict[str, Any], pki: Pki
) -> None:
    client = create_app(replace(web_config, path="/alexa")).test_client()
    body = json.dumps(log_win).encode()
    headers = signed_headers(body, pki.signer_key)

    assert client.post("/alexa", data=body, headers=headers).status_code == 200
    assert client.post("/", data=body, headers=headers).status_code == 404


def test_verification_is_on_unless_skipped_and_then_needs_no_signature(
    store: PortableStore, log_win: dict[str, Any], clock: Clock
) -> None:
    with pytest.raises(ValueError, match="skill ID is required"):
        WebConfig(store=store, skill_id=None)
    insecure = WebConfig(store=store, skill_id=None, insecure_skip_verification=True, clock=clock)

    response = create_app(insecure).test_client().post("/", json=log_win)

    assert response.status_code == 200
    assert stored_texts(store) != []


def test_without_settings_the_app_reads_table_and_skill_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, dynamodb: Any
) -> None:
    monkeypatch.delenv("WINS_SKILL_ID", raising=False)
    monkeypatch.setenv("WINS_TABLE_NAME", TABLE_NAME)
    with pytest.raises(RuntimeError, match="WINS_SKILL_ID"):
        create_app()
    monkeypatch.setenv("WINS_SKILL_ID", SKILL_ID)

    assert create_app().test_client().get("/health").get_json() == {"status": "ok"}


def test_a_skill_failure_past_its_handlers_is_an_apology_not_a_500(
    post: Post, log_win: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from ask_sdk_core.skill import CustomSkill

    def broken(*_: Any, **__: Any) -> Any:
        raise RuntimeError("the skill broke")

    monkeypatch.setattr(CustomSkill, "invoke", broken)
    response = post(log_win)
    assert response.status_code == 200
    body = response.get_json()
    assert "Sorry" in body["response"]["outputSpeech"]["ssml"]
    assert body["response"]["shouldEndSession"] is True


@pytest.mark.parametrize("locale", ["../../../etc/passwd", "en-US/../../x", {"a": 1}, "x" * 300])
def test_a_locale_that_is_not_one_is_refused_even_when_signed(
    post: Post, log_win: dict[str, Any], store: PortableStore, locale: Any
) -> None:
    """The skill names a file after the locale: only a locale's shape may reach it."""
    log_win["request"]["locale"] = locale

    refused(post(log_win), "not a locale")
    assert stored_texts(store) == []


@pytest.mark.parametrize(
    "request_id", ["", "amzn1.echo-api.request.\ud800", "with a space", "x" * 257]
)
def test_a_request_id_alexa_would_not_send_is_refused_even_when_signed(
    post: Post, log_win: dict[str, Any], store: PortableStore, request_id: Any
) -> None:
    """The replay memory keeps request IDs: only the plain, short kind Alexa sends."""
    log_win["request"]["requestId"] = request_id

    response = post(log_win)

    assert response.status_code == 400
    assert stored_texts(store) == []


def test_an_unverified_server_calls_no_api_endpoint_beyond_loopback(
    store: PortableStore, log_win: dict[str, Any], clock: Clock
) -> None:
    insecure = WebConfig(store=store, skill_id=None, insecure_skip_verification=True, clock=clock)
    client = create_app(insecure).test_client()
    elsewhere = json.loads(json.dumps(log_win))
    elsewhere["context"]["System"]["apiEndpoint"] = "https://api.amazonalexa.com"

    refused(client.post("/", json=elsewhere), "loopback API endpoint")
    assert stored_texts(store) == []
    assert client.post("/", json=log_win).status_code == 200  # names the loopback stand-in


@pytest.mark.parametrize("path", ["/<x>", "/<int:n>", "/a b", "alexa", "/health"])
def test_the_skill_path_is_plain(store: PortableStore, path: str) -> None:
    with pytest.raises(ValueError, match="path"):
        WebConfig(store=store, skill_id=SKILL_ID, path=path)
