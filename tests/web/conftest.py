"""Web fixtures: a certificate authority made here, a fake certificate host, signed requests.

Alexa signs each request with a certificate for ``echo-api.amazon.com`` published under
``https://s3.amazonaws.com/echo.api/``. The tests play Amazon: their own root (trusted only
through the app's injected roots), an intermediate, signing certificates valid or not, and a
downloader that serves chains from a dict and counts downloads.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from random import Random
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from skill.console.alexa_stand_in import FakeAlexaApi
from skill.storage.interface import WinStore
from skill.web.certs import SIGNING_NAME, CertificateRejected
from skill.web.config import WebConfig
from skill.web.factory import create_app
from tests.conftest import SKILL_ID, TABLE_NAME, Clock, Envelope, real_now

CERT_URL = "https://s3.amazonaws.com/echo.api/echo-api-cert-12.pem"
# The fixed test clock (tests/conftest.py) is 2026-11-21 15:30 UTC; certificates made for it.
TEST_NOW = datetime.fromisoformat("2026-11-21T15:30:00+00:00")

CaKey = ec.EllipticCurvePrivateKey


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _ca_usage() -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=False,
        content_commitment=False,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=True,
        crl_sign=True,
        encipher_only=False,
        decipher_only=False,
    )


def _signing_usage(digital_signature: bool = True) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=digital_signature,
        content_commitment=False,
        key_encipherment=True,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=False,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )


@dataclass(frozen=True)
class Authority:
    """A certificate authority: its certificate and key."""

    cert: x509.Certificate
    key: CaKey

    @classmethod
    def root(cls, name: str) -> Authority:
        key = ec.generate_private_key(ec.SECP256R1())
        cert = (
            _builder(_name(name), _name(name), key.public_key(), years=10)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(_ca_usage(), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
            .sign(key, hashes.SHA256())
        )
        return cls(cert, key)

    def intermediate(self, name: str) -> Authority:
        key = ec.generate_private_key(ec.SECP256R1())
        cert = (
            _builder(_name(name), self.cert.subject, key.public_key(), years=5)
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(_ca_usage(), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(self.key.public_key()), False
            )
            .sign(self.key, hashes.SHA256())
        )
        return Authority(cert, key)

    def signing_cert(
        self,
        key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey,
        *,
        not_before: datetime,
        not_after: datetime,
        dns_name: str = SIGNING_NAME,
        digital_signature: bool | None = True,
        purposes: Sequence[x509.ObjectIdentifier] | None = (ExtendedKeyUsageOID.SERVER_AUTH,),
    ) -> x509.Certificate:
        """A certificate like Alexa's (RSA, server auth), for the given name and validity.

        ``digital_signature`` None leaves the key usage out; ``purposes`` None leaves the
        extended key usage out.
        """
        builder = (
            x509.CertificateBuilder()
            .subject_name(_name(dns_name))
            .issuer_name(self.cert.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(not_before)
            .not_valid_after(not_after)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(dns_name)]), False)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(self.key.public_key()), False
            )
        )
        if digital_signature is not None:
            builder = builder.add_extension(_signing_usage(digital_signature), critical=True)
        if purposes is not None:
            builder = builder.add_extension(x509.ExtendedKeyUsage(list(purposes)), False)
        return builder.sign(self.key, hashes.SHA256())


def _builder(
    subject: x509.Name, issuer: x509.Name, key: ec.EllipticCurvePublicKey, *, years: int
) -> x509.CertificateBuilder:
    # Wide enough to cover the fixed test clock, the pinned instant and the real time of a
    # loopback test (whose server checks dates by the operating system's clock).
    start = min(TEST_NOW, datetime.now(UTC), real_now()) - timedelta(days=365)
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + timedelta(days=365 * years))
    )


def pem(*certs: x509.Certificate) -> bytes:
    return b"".join(cert.public_bytes(serialization.Encoding.PEM) for cert in certs)


@dataclass(frozen=True)
class Pki:
    """Amazon's side, played by the tests, plus a stranger nobody trusts."""

    root: Authority
    issuer: Authority  # the intermediate that signs Alexa's certificates
    stranger: Authority  # a root the app does not trust
    signer_key: rsa.RSAPrivateKey
    other_key: rsa.RSAPrivateKey

    def signing_cert(self, now: datetime = TEST_NOW, **kwargs: Any) -> x509.Certificate:
        """A signing certificate valid around ``now``, unless told otherwise."""
        window = {"not_before": now - timedelta(days=1), "not_after": now + timedelta(days=30)}
        return self.issuer.signing_cert(self.signer_key, **{**window, **kwargs})

    def chain(self, now: datetime = TEST_NOW, **kwargs: Any) -> bytes:
        """The PEM Amazon publishes: the signing certificate, then the intermediate."""
        return pem(self.signing_cert(now, **kwargs), self.issuer.cert)


@pytest.fixture(scope="session")
def pki() -> Pki:
    def rsa_key() -> rsa.RSAPrivateKey:
        return rsa.generate_private_key(public_exponent=65537, key_size=2048)

    root = Authority.root("Small Wins test root")
    return Pki(
        root=root,
        issuer=root.intermediate("Small Wins test issuer"),
        stranger=Authority.root("Stranger root"),
        signer_key=rsa_key(),
        other_key=rsa_key(),
    )


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
            raise CertificateRejected(f"404 for {url}") from None


@pytest.fixture
def cert_host(pki: Pki) -> CertHost:
    return CertHost({CERT_URL: pki.chain()})


def sign(body: bytes, key: rsa.RSAPrivateKey) -> str:
    return base64.b64encode(key.sign(body, padding.PKCS1v15(), hashes.SHA256())).decode()


def signed_headers(body: bytes, key: rsa.RSAPrivateKey, url: str = CERT_URL) -> dict[str, str]:
    return {
        "Content-Type": "application/json; charset=utf-8",
        "SignatureCertChainUrl": url,
        "Signature-256": sign(body, key),
    }


@pytest.fixture
def web_config(
    store: WinStore, clock: Clock, alexa: FakeAlexaApi, pki: Pki, cert_host: CertHost
) -> WebConfig:
    return WebConfig(
        store=store,
        skill_id=SKILL_ID,
        clock=clock,
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
