"""Alexa's signing certificate: where it may come from, fetching it, and trusting it.

Amazon's rules for skills hosted as web services: the ``SignatureCertChainUrl`` must be
https, on host ``s3.amazonaws.com`` (any case), port 443 if a port is given, with a path that
still starts with ``/echo.api/`` once ``..`` and ``.`` are resolved. The PEM there holds the
signing certificate followed by its intermediates; the signing certificate must be valid now,
name ``echo-api.amazon.com``, and chain to a root we trust. ``cryptography``'s WebPKI verifier
checks the last three in one call. Which chains are downloaded, when, and how they are kept is
``chains``'s job.
"""

from __future__ import annotations

import re
import ssl
import urllib.error
import urllib.request
import warnings
from collections.abc import Callable, Sequence
from datetime import datetime
from http.client import HTTPException
from typing import Any, Final
from urllib.parse import urlsplit

from cryptography import x509
from cryptography.utils import CryptographyDeprecationWarning
from cryptography.x509.verification import PolicyBuilder, Store, VerificationError

from skill.web.cert_url import CertificateUrlRejected, canonical

SIGNING_NAME: Final = "echo-api.amazon.com"
# Alexa waits about 8 s for an answer; a certificate download may use a small part of it.
DOWNLOAD_TIMEOUT: Final = 2.0
# Amazon's chain is a few kilobytes; anything far larger is not it.
MAX_CHAIN_BYTES: Final = 64 * 1024
_PEM_BLOCK: Final = re.compile(rb"-----BEGIN CERTIFICATE-----.+?-----END CERTIFICATE-----", re.S)
_NON_POSITIVE_SERIAL: Final = "Parsed a serial number which wasn't positive"

# Fetches a URL's bytes; raises CertificateRejected when it cannot.
Downloader = Callable[[str], bytes]


class CertificateRejected(Exception):
    """The certificate URL, download or chain does not meet Amazon's rules."""


def checked_cert_url(url: str) -> str:
    """The certificate URL to fetch, if it meets Amazon's rules (see ``cert_url``); else raise."""
    try:
        return canonical(url)
    except CertificateUrlRejected as exc:
        raise CertificateRejected(str(exc)) from exc


def failure_kind(exc: BaseException) -> str:
    """A download failure's kind for the log: an HTTP status, or exception names, never a
    message (messages may quote the URL, which came in a request header)."""
    if isinstance(exc, urllib.error.HTTPError):
        return f"HTTP {exc.code}"
    if isinstance(exc, urllib.error.URLError) and isinstance(exc.reason, BaseException):
        return f"{type(exc).__name__}: {type(exc.reason).__name__}"
    return type(exc).__name__


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect would fetch a URL nobody checked: it fails the download instead."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


class UrlDownloader:
    """Fetches a URL over verified HTTPS, with a timeout and a size limit."""

    def __init__(
        self,
        *,
        context: ssl.SSLContext | None = None,
        timeout: float = DOWNLOAD_TIMEOUT,
        limit: int = MAX_CHAIN_BYTES,
    ) -> None:
        self._opener = urllib.request.build_opener(
            urllib.request.HTTPSHandler(context=context or ssl.create_default_context()),
            _NoRedirects(),
        )
        self._timeout = timeout
        self._limit = limit

    def __call__(self, url: str) -> bytes:
        if urlsplit(url).scheme != "https":
            raise CertificateRejected("certificates are only fetched over https")
        try:
            with self._opener.open(url, timeout=self._timeout) as response:
                data: bytes = response.read(self._limit + 1)
        except (OSError, HTTPException, ValueError) as exc:  # URLError is an OSError
            # Only the failure's kind is told: a message may quote the URL, which came in a header.
            raise CertificateRejected(
                f"the certificate chain could not be fetched ({failure_kind(exc)})"
            ) from exc
        if len(data) > self._limit:
            raise CertificateRejected("the certificate chain is implausibly large")
        return data


class ChainVerifier:
    """Checks a chain against the trusted roots at a given time, for Alexa's signing name."""

    def __init__(self, roots: Sequence[x509.Certificate]) -> None:
        if not roots:
            raise ValueError("no trusted root certificates")
        self._store = Store(list(roots))

    def signing_certificate(
        self, chain: Sequence[x509.Certificate], now: datetime
    ) -> x509.Certificate:
        """The chain's first certificate, if valid at ``now`` for Alexa and trusted; else raise."""
        if not chain:
            raise CertificateRejected("the certificate chain is empty")
        verifier = (
            PolicyBuilder()
            .store(self._store)
            .time(now)
            .build_server_verifier(x509.DNSName(SIGNING_NAME))
        )
        leaf, *intermediates = chain
        try:
            verifier.verify(leaf, intermediates)
        except VerificationError as exc:
            raise CertificateRejected(f"the signing certificate is not trusted: {exc}") from exc
        _meets_amazons_rules(leaf)
        return leaf


def _meets_amazons_rules(leaf: x509.Certificate) -> None:
    """What Amazon and the ASK SDK require beyond a trusted chain; raise if the leaf falls short.

    - The SAN names ``echo-api.amazon.com`` itself. The WebPKI check above would also accept
      ``*.amazon.com``; Amazon names the exact domain, and so does the SDK's verifier.
    - The key may sign: the key usage extension is present with digitalSignature, as the
      SDK's verifier requires.
    - The extended key usage, checked by the WebPKI verifier above, includes serverAuth (or is
      absent). Amazon does not ask for it, but the roots trusted here (Mozilla's, through
      certifi) are trusted for server authentication only: a leaf whose issuer limited it to
      other purposes is not vouched for by them. Amazon's signing certificates are ordinary
      public TLS certificates for ``echo-api.amazon.com``, which carry serverAuth under the
      CA/Browser Forum's Baseline Requirements, so this costs nothing with Amazon's own.
    """
    try:
        names = leaf.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        usage = leaf.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound as exc:
        raise CertificateRejected(f"the signing certificate lacks an extension: {exc}") from exc
    dns_names = {name.lower() for name in names.get_values_for_type(x509.DNSName)}
    if SIGNING_NAME not in dns_names:
        raise CertificateRejected(f"the signing certificate does not name {SIGNING_NAME} exactly")
    if not usage.digital_signature:
        raise CertificateRejected("the signing certificate's key usage excludes signing")


def system_roots() -> list[x509.Certificate]:
    """The root certificates in certifi's bundle (Mozilla's list), the default trust store.

    A few long-standing roots (Starfield's and Go Daddy's G2 among them) have serial number
    zero, which RFC 5280 forbids; ``cryptography`` still reads them but warns, and will refuse
    them in a future release. The warning is silenced for exactly that case, and any root a
    future release refuses is left out rather than failing the whole store.
    """
    import certifi

    with open(certifi.where(), "rb") as bundle:
        blocks = _PEM_BLOCK.findall(bundle.read())
    roots = []
    with warnings.catch_warnings():
        warnings.filterwarnings(
            "ignore", message=_NON_POSITIVE_SERIAL, category=CryptographyDeprecationWarning
        )
        for block in blocks:
            try:
                roots.append(x509.load_pem_x509_certificate(block))
            except ValueError:
                continue
    return roots
