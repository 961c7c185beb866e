"""Alexa's side of request signing, played locally: a certificate authority, signed requests.

Alexa signs each request with a certificate for ``echo-api.amazon.com`` published under
``https://s3.amazonaws.com/echo.api/``. Tests and benchmarks play Amazon: their own root
(trusted only where a server is told to trust it), an intermediate, signing certificates valid
or not, and the headers Alexa sends, or a forger would.
"""

from __future__ import annotations

import base64
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Final

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from skill.web.certs import SIGNING_NAME

CERT_URL: Final = "https://s3.amazonaws.com/echo.api/echo-api-cert-12.pem"

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
    """A certificate authority: its certificate and key, valid from ``start``."""

    cert: x509.Certificate
    key: CaKey
    start: datetime

    @classmethod
    def root(cls, name: str, start: datetime) -> Authority:
        key = ec.generate_private_key(ec.SECP256R1())
        cert = (
            _builder(_name(name), _name(name), key.public_key(), start=start, years=10)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(_ca_usage(), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
            .sign(key, hashes.SHA256())
        )
        return cls(cert, key, start)

    def intermediate(self, name: str) -> Authority:
        key = ec.generate_private_key(ec.SECP256R1())
        cert = (
            _builder(_name(name), self.cert.subject, key.public_key(), start=self.start, years=5)
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(_ca_usage(), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(self.key.public_key()), False
            )
            .sign(self.key, hashes.SHA256())
        )
        return Authority(cert, key, self.start)

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
    subject: x509.Name,
    issuer: x509.Name,
    key: ec.EllipticCurvePublicKey,
    *,
    start: datetime,
    years: int,
) -> x509.CertificateBuilder:
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
    """Amazon's side, played here, plus a stranger nobody trusts.

    ``now`` is when certificates are made valid unless a call names another moment.
    """

    root: Authority
    issuer: Authority  # the intermediate that signs Alexa's certificates
    stranger: Authority  # a root the app does not trust
    signer_key: rsa.RSAPrivateKey
    other_key: rsa.RSAPrivateKey
    now: datetime

    @classmethod
    def make(cls, now: datetime, *, since: datetime | None = None) -> Pki:
        """Authorities valid for years from a year before ``since`` (default ``now``)."""
        start = (since or now) - timedelta(days=365)
        root = Authority.root("Small Wins test root", start)
        return cls(
            root=root,
            issuer=root.intermediate("Small Wins test issuer"),
            stranger=Authority.root("Stranger root", start),
            signer_key=_rsa_key(),
            other_key=_rsa_key(),
            now=now,
        )

    def signing_cert(self, now: datetime | None = None, **kwargs: Any) -> x509.Certificate:
        """A signing certificate valid around ``now``, unless told otherwise."""
        at = now or self.now
        window = {"not_before": at - timedelta(days=1), "not_after": at + timedelta(days=30)}
        return self.issuer.signing_cert(self.signer_key, **{**window, **kwargs})

    def chain(self, now: datetime | None = None, **kwargs: Any) -> bytes:
        """The PEM Amazon publishes: the signing certificate, then the intermediate."""
        return pem(self.signing_cert(now, **kwargs), self.issuer.cert)


def _rsa_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def sign(body: bytes, key: rsa.RSAPrivateKey) -> str:
    return base64.b64encode(key.sign(body, padding.PKCS1v15(), hashes.SHA256())).decode()


def signed_headers(body: bytes, key: rsa.RSAPrivateKey, url: str = CERT_URL) -> dict[str, str]:
    return {
        "Content-Type": "application/json; charset=utf-8",
        "SignatureCertChainUrl": url,
        "Signature-256": sign(body, key),
    }


def forged_headers(noise: random.Random, url: str | None = None) -> dict[str, str]:
    """What a forger sends: a certificate URL meeting Amazon's rules, never seen before unless
    ``url`` is given, and any bytes of an RSA signature's length, base64-encoded."""
    return {
        "Content-Type": "application/json",
        "SignatureCertChainUrl": url or forged_url(noise),
        "Signature-256": base64.b64encode(noise.randbytes(256)).decode(),
    }


def forged_url(noise: random.Random) -> str:
    return f"https://s3.amazonaws.com/echo.api/{noise.randbytes(8).hex()}.pem"
