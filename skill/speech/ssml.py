"""The few SSML pieces the skill uses. User text always goes through ``escape``."""

from __future__ import annotations

from typing import Final

from skill.domain.patterns import compiled

# Characters XML 1.0 cannot carry at all, escaped or not (control characters, lone
# surrogates, U+FFFE/U+FFFF): dropped, or Alexa would reject the whole response.
# (Spelled as what is excluded, not what is allowed: same set, ten times faster to compile.)
_NOT_XML: Final = "[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]"
_ENTITIES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("'", "&apos;"))


def escape(text: str) -> str:
    """Make user text safe inside SSML: ``& < > " '`` become entities, never markup."""
    text = compiled(_NOT_XML).sub("", text)
    for character, entity in _ENTITIES:  # "&" first, so entities are not escaped twice
        text = text.replace(character, entity)
    return text


def audio(src: str) -> str:
    """One sound from the Alexa sound library."""
    return f'<audio src="{escape(src)}"/>'


def excited(text: str) -> str:
    """Gently excited delivery for cheerful celebrations."""
    return f'<amazon:emotion name="excited" intensity="low">{text}</amazon:emotion>'


def ordinal(number: int) -> str:
    """A number read as an ordinal ("twenty-third")."""
    return f'<say-as interpret-as="ordinal">{number}</say-as>'
