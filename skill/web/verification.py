"""The checks Amazon requires of a skill hosted as a web service, as SDK verifiers.

flask-ask-sdk's own signature verifier relies on certvalidator, which cannot be trusted to
load or run on current systems (see ``compat``). These verifiers replace it and its
timestamp check, built on ``cryptography``; the adapter runs them before the skill sees a
request, so a refused request never reaches the handlers or the store. Each failure raises
``RequestRefused`` with a reason that is safe to send back.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any, Final

from ask_sdk_model.request_envelope import RequestEnvelope
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from skill.web.certs import CertificateChains, CertificateRejected, ChainVerifier, checked_cert_url
from skill.web.sdk import AbstractVerifier, VerificationException

CERT_URL_HEADER: Final = "SignatureCertChainUrl"
SIGNATURE_HEADER: Final = "Signature-256"
# Amazon: a request more than 150 seconds from now is refused, in either direction...
REQUEST_TOLERANCE: Final = timedelta(seconds=150)
# ...except skill events (e.g. the skill was disabled), which may arrive up to an hour late.
SKILL_EVENT_TOLERANCE: Final = timedelta(hours=1)
SKILL_EVENT_PREFIX: Final = "AlexaSkillEvent."

Clock = Callable[[], datetime]


class RequestRefused(VerificationException):
    """The request failed verification; the message says why, for the 400 answer."""


def _header(headers: Mapping[str, Any], name: str) -> str:
    """A header's value, whatever its case; a missing or empty header refuses the request."""
    wanted = name.lower()
    for key, value in headers.items():
        if key.lower() == wanted and value:
            return str(value)
    raise RequestRefused(f"the {name} header is missing")


class SignatureVerifier(AbstractVerifier):
    """The body was signed by Alexa: a trusted certificate, from Amazon's URL, signed it."""

    def __init__(self, chains: CertificateChains, trust: ChainVerifier, clock: Clock) -> None:
        self._chains = chains
        self._trust = trust
        self._clock = clock

    def verify(
        self,
        headers: Mapping[str, Any],
        serialized_request_env: str,
        deserialized_request_env: RequestEnvelope,
    ) -> None:
        url = _header(headers, CERT_URL_HEADER)
        signature = _decoded_signature(_header(headers, SIGNATURE_HEADER))
        try:
            chain = self._chains.get(checked_cert_url(url))
            signer = self._trust.signing_certificate(chain, self._clock())
        except CertificateRejected as exc:
            raise RequestRefused(str(exc)) from exc
        key = signer.public_key()
        if not isinstance(key, rsa.RSAPublicKey):
            raise RequestRefused("the signing certificate does not hold an RSA key")
        # The adapter hands the body over decoded; UTF-8 round-trips byte for byte.
        body = serialized_request_env.encode("utf-8")
        try:
            key.verify(signature, body, padding.PKCS1v15(), hashes.SHA256())
        except InvalidSignature as exc:
            raise RequestRefused("the signature does not match the request body") from exc


def _decoded_signature(text: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise RequestRefused(f"the {SIGNATURE_HEADER} header is not base64") from exc


class TimestampVerifier(AbstractVerifier):
    """The request is fresh, so a recorded request cannot be replayed later."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock

    def verify(
        self,
        headers: Mapping[str, Any],
        serialized_request_env: str,
        deserialized_request_env: RequestEnvelope,
    ) -> None:
        request = deserialized_request_env.request
        stamp = getattr(request, "timestamp", None)
        if not isinstance(stamp, datetime):
            raise RequestRefused("the request has no timestamp")
        if stamp.tzinfo is None:  # Alexa's timestamps are UTC ("...Z")
            stamp = stamp.replace(tzinfo=UTC)
        kind = str(getattr(request, "object_type", None) or "")
        tolerance = (
            SKILL_EVENT_TOLERANCE if kind.startswith(SKILL_EVENT_PREFIX) else REQUEST_TOLERANCE
        )
        if abs(self._clock() - stamp) > tolerance:
            raise RequestRefused("the request timestamp is too far from now")


class SkillIdVerifier(AbstractVerifier):
    """The request is for this skill.

    The skill refuses other skills' requests too, but by raising from ``invoke``, which the
    adapter can only answer with a 500; checked here first, the answer is a 400.
    """

    def __init__(self, skill_id: str) -> None:
        self._skill_id = skill_id

    def verify(
        self,
        headers: Mapping[str, Any],
        serialized_request_env: str,
        deserialized_request_env: RequestEnvelope,
    ) -> None:
        context = deserialized_request_env.context
        system = getattr(context, "system", None)
        application = getattr(system, "application", None)
        if getattr(application, "application_id", None) != self._skill_id:
            raise RequestRefused("the request is for another skill")
