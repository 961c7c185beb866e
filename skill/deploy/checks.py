"""What a deployable value must be, and why a value is refused.

Each check returns the value as it will be written, or raises ``Refused`` with a sentence the
operator can act on. They refuse the placeholders that documentation and samples use, so a
copied example never reaches Alexa's certification.
"""

from __future__ import annotations

import ipaddress
import re
from typing import Final
from urllib.parse import urlsplit


class Refused(ValueError):
    """A value that must not reach a deployed skill; the message says why and what to do."""


SKILL_ID: Final = re.compile(
    r"^amzn1\.ask\.skill\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
)
LAMBDA_ARN: Final = re.compile(
    r"^arn:aws:lambda:(?P<region>[a-z0-9-]+):(?P<account>\d{12}):function:"
    r"(?P<function>[A-Za-z0-9_-]{1,64})(?::(?P<qualifier>[A-Za-z0-9$_-]+))?$"
)
# The regions Alexa calls Lambda endpoints in (North America, Europe and India, Far East).
ALEXA_REGIONS: Final = frozenset({"us-east-1", "eu-west-1", "us-west-2"})
# Account numbers AWS's documentation and samples use; never a real deployment.
DOCUMENTATION_ACCOUNTS: Final = frozenset(
    {
        "123456789012",
        "111122223333",
        "444455556666",
        "777788889999",
        "012345678901",
        "210987654321",
        "098765432109",
        "123412341234",
    }
)
# Domains reserved for examples and tests (RFC 2606, RFC 6761), and local names.
RESERVED_DOMAINS: Final = (
    "example.com",
    "example.net",
    "example.org",
    "example",
    "test",
    "invalid",
    "localhost",
    "local",
)


def skill_id(value: str) -> str:
    """An Alexa skill ID, as the developer console shows it."""
    value = value.strip()
    if not SKILL_ID.match(value):
        raise Refused(
            f"{value!r} is not an Alexa skill ID (amzn1.ask.skill. and a UUID): copy it from "
            "the developer console or from `ask smapi create-skill-for-vendor`'s answer."
        )
    return value


def alias_arn(value: str) -> str:
    """The ARN of the function's alias in a region Alexa calls, in a real account."""
    value = value.strip()
    found = LAMBDA_ARN.match(value)
    if found is None:
        raise Refused(
            f"{value!r} is not a Lambda function ARN: use the stack's WinsFunctionAliasArn "
            "output (arn:aws:lambda:<region>:<account>:function:<name>:live)."
        )
    account, qualifier = found["account"], found["qualifier"]
    if account in DOCUMENTATION_ACCOUNTS or len(set(account)) == 1:
        raise Refused(
            f"{account} is an example account number from documentation, not yours: use the "
            "ARN your own stack printed (its WinsFunctionAliasArn output)."
        )
    if found["region"] not in ALEXA_REGIONS:
        raise Refused(
            f"Alexa does not call functions in region {found['region']}: deploy the stack in "
            f"one of {', '.join(sorted(ALEXA_REGIONS))} (us-east-1 for en-US)."
        )
    if qualifier is None or qualifier == "$LATEST" or qualifier.isdigit():
        raise Refused(
            f"{value!r} does not name an alias: the skill must call the alias (e.g. ':live'), "
            "the only qualifier the template lets Alexa invoke and the one SnapStart serves."
        )
    return value


def privacy_url(value: str) -> str:
    """A public https address of the privacy policy (docs/privacy.md, published)."""
    value = value.strip()
    parts = urlsplit(value)
    host = (parts.hostname or "").lower().rstrip(".")
    if parts.scheme != "https" or not host or any(c in value for c in "<>{} "):
        raise Refused(
            f"{value!r} is not an https address: publish docs/privacy.md and give its URL "
            "(https://...)."
        )
    if any(host == domain or host.endswith(f".{domain}") for domain in RESERVED_DOMAINS):
        raise Refused(
            f"{host} is an example or local name that nobody can open: give the address where "
            "you published docs/privacy.md."
        )
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return value
    raise Refused(f"{host} is a bare IP address: give the policy's public https address.")


def placeholders_in(text: str) -> list[str]:
    """Placeholder values left anywhere in a manifest's text (empty when there are none)."""
    found = [domain for domain in RESERVED_DOMAINS[:3] if domain in text]
    found += sorted(a for a in DOCUMENTATION_ACCOUNTS if re.search(rf"\b{a}\b", text))
    return found
