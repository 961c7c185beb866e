"""Where Alexa's signing certificate may come from, and the one URL that is then fetched.

Amazon's rules ("Host a Custom Skill as a Web Service", "Verify the signature certificate URL",
https://developer.amazon.com/en-US/docs/alexa/custom-skills/host-a-custom-skill-as-a-web-service.html):
the ``SignatureCertChainUrl`` is https, on host ``s3.amazonaws.com`` (any case), port 443 if a
port is given, with a path that starts with ``/echo.api/`` (in that case) once ``..`` and
``.`` are resolved. That is all: Amazon documents no pattern for the file's name, and says the
chain is named at run time "so that the certificate may be updated periodically", so a web
service must accept "different URLs with different content". Any name is accepted, and
``chains`` rations the downloads instead.

Checking a URL and then fetching a different spelling of it would let the two disagree:
``%3F`` decoded and sent raw becomes a query, ``%252e`` is decoded a second time by S3, and
HTTP clients quietly drop tabs and line breaks. So the path is decoded exactly once, anything
that could be read two ways is refused, and what is fetched is the checked path encoded again
(``canonical``), so S3 decodes it to exactly what was checked.
"""

from __future__ import annotations

import posixpath
import re
from typing import Final
from urllib.parse import quote, unquote, urlsplit

CERT_HOST: Final = "s3.amazonaws.com"
CERT_PATH_PREFIX: Final = "/echo.api/"
HTTPS_PORT: Final = 443
# A real chain URL is a short path of plain characters; Amazon's is 60 or so.
MAX_URL_LENGTH: Final = 512
# What may appear in the URL as sent: visible ASCII only (no spaces, tabs, CR/LF or NUL).
_VISIBLE_ASCII: Final = re.compile(r"[\x21-\x7e]+")
# What the path may hold once decoded: letters, digits and the unreserved marks, plus "/".
# No "%" (a second encoding layer), "?" or "#" (a query or fragment in disguise), "\" (read
# as "/" by some servers), ";" or ",", and no control characters.
_PLAIN_PATH: Final = re.compile(r"[A-Za-z0-9._~/-]+")


class CertificateUrlRejected(Exception):
    """The certificate URL does not meet Amazon's rules, or could be read two ways."""


def canonical(url: str) -> str:
    """The certificate URL to fetch, if ``url`` meets Amazon's rules; else raise.

    The result is ``https://s3.amazonaws.com`` and the resolved path, re-encoded: no port,
    user, query or fragment. Fetching it asks S3 for exactly the path that was checked.
    """
    if len(url) > MAX_URL_LENGTH or not _VISIBLE_ASCII.fullmatch(url):
        raise CertificateUrlRejected("the certificate URL holds characters a URL may not")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        # The parser's message quotes the header (a port's text): never carried to the log.
        raise CertificateUrlRejected("the certificate URL is malformed") from exc
    if parts.scheme.lower() != "https":
        raise CertificateUrlRejected("the certificate URL is not https")
    if parts.username is not None or parts.password is not None:
        raise CertificateUrlRejected("the certificate URL names a user")
    if (parts.hostname or "").lower() != CERT_HOST:
        raise CertificateUrlRejected(f"the certificate URL's host is not {CERT_HOST}")
    if port is not None and port != HTTPS_PORT:
        raise CertificateUrlRejected(f"the certificate URL's port is not {HTTPS_PORT}")
    if parts.query or parts.fragment or "?" in url or "#" in url:
        raise CertificateUrlRejected("the certificate URL has a query or fragment")
    decoded = unquote(parts.path, errors="replace") if parts.path else "/"
    if not _PLAIN_PATH.fullmatch(decoded):
        raise CertificateUrlRejected("the certificate URL's path holds characters it may not")
    # Resolved after decoding, so "%2e%2e" is a ".." like any other.
    path = posixpath.normpath(decoded)
    if not path.startswith(CERT_PATH_PREFIX):
        raise CertificateUrlRejected(f"the certificate URL's path is not under {CERT_PATH_PREFIX}")
    return f"https://{CERT_HOST}{quote(path, safe='/')}"
