"""The few SSML pieces the skill uses. User text always goes through ``escape``."""

from __future__ import annotations

from xml.sax.saxutils import escape as _xml_escape

_ENTITIES = {'"': "&quot;", "'": "&apos;"}


def escape(text: str) -> str:
    """Make user text safe inside SSML: ``& < > " '`` become entities, never markup."""
    return _xml_escape(text, _ENTITIES)


def audio(src: str) -> str:
    """One sound from the Alexa sound library."""
    return f'<audio src="{escape(src)}"/>'


def excited(text: str) -> str:
    """Gently excited delivery for cheerful celebrations."""
    return f'<amazon:emotion name="excited" intensity="low">{text}</amazon:emotion>'


def ordinal(number: int) -> str:
    """A number read as an ordinal ("twenty-third")."""
    return f'<say-as interpret-as="ordinal">{number}</say-as>'
