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
from urllib.parse import urlsplit

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
# ...except the skill events Amazon documents as delivered up to an hour late (the same five
# the ASK SDK's verifier allows). Any other type, "AlexaSkillEvent.*" or not, gets 150 s:
# a longer window is a longer time to replay a recorded request.
SKILL_EVENT_TOLERANCE: Final = timedelta(hours=1)
LATE_SKILL_EVENTS: Final = frozenset(
    {
        "AlexaSkillEvent.SkillEnabled",
        "AlexaSkillEvent.SkillDisabled",
        "AlexaSkillEvent.SkillPermissionChanged",
        "AlexaSkillEvent.SkillPermissionAccepted",
        "AlexaSkillEvent.SkillAccountLinked",
    }
)

Clock = Callable[[], datetime]


class RequestRefused(VerificationException):
    """The request failed verification; the message says why, for the log (never the caller)."""


def request_kind(envelope: RequestEnvelope) -> str:
    """The request's type as Alexa names it, e.g. ``IntentRequest``."""
    return str(getattr(envelope.request, "object_type", None) or "")


def tolerance_for(kind: str) -> timedelta:
    """How far from now a request of this type may be stamped."""
    return SKILL_EVENT_TOLERANCE if kind in LATE_SKILL_EVENTS else REQUEST_TOLERANCE


def request_time(envelope: RequestEnvelope) -> datetime:
    """The request's timestamp (UTC); raise if it has none."""
    stamp = getattr(envelope.request, "timestamp", None)
    if not isinstance(stamp, datetime):
        raise RequestRefused("the request has no timestamp")
    if stamp.tzinfo is None:  # Alexa's timestamps are UTC ("...Z")
        stamp = stamp.replace(tzinfo=UTC)
    return stamp


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
        stamp = request_time(deserialized_request_env)
        tolerance = tolerance_for(request_kind(deserialized_request_env))
        if abs(self._clock() - stamp) > tolerance:
            raise RequestRefused("the request timestamp is too far from now")


class SkillIdVerifier(AbstractVerifier):
    """The request is for this skill.

    The skill refuses other skills' requests too, but by raising from ``invoke``, which the
    adapter can only answer with a 500; checked here first, the answer is a 400. It runs after
    the signature check, and its refusal reads like any other: an unsigned request must not
    learn which skill ID this server answers.
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


# The hosts a request may name as Alexa's API endpoint while verification is off.
LOOPBACK_HOSTS: Final = frozenset({"127.0.0.1", "::1", "localhost"})


class LoopbackApiVerifier(AbstractVerifier):
    """Without verification, the request names only loopback as Alexa's API endpoint.

    The skill calls ``context.System.apiEndpoint`` with the request's token. A verified
    request names Amazon's endpoint because Alexa signed it; an unverified one could name any
    host, and make this server call it. So, with verification off, anything but loopback (a
    local stand-in for Alexa's APIs) is refused before the skill sees the request.
    """

    def verify(
        self,
        headers: Mapping[str, Any],
        serialized_request_env: str,
        deserialized_request_env: RequestEnvelope,
    ) -> None:
        system = getattr(deserialized_request_env.context, "system", None)
        endpoint = getattr(system, "api_endpoint", None)
        if endpoint is None:
            return
        try:
            host = urlsplit(str(endpoint)).hostname
        except ValueError:
            host = None
        if host not in LOOPBACK_HOSTS:
            raise RequestRefused("unverified requests may only name a loopback API endpoint")
