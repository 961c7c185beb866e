"""The few SSML pieces the skill uses. User text always goes through ``escape``."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape as _xml_escape

_ENTITIES = {'"': "&quot;", "'": "&apos;"}
# Characters XML 1.0 cannot carry at all, escaped or not (control characters, lone
# surrogates, U+FFFE/U+FFFF): dropped, or Alexa would reject the whole response.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def escape(text: str) -> str:
    """Make user text safe inside SSML: ``& < > " '`` become entities, never markup."""
    return _xml_escape(_NOT_XML.sub("", text), _ENTITIES)


def audio(src: str) -> str:
    """One sound from the Alexa sound library."""
    return f'<audio src="{escape(src)}"/>'


def excited(text: str) -> str:
    """Gently excited delivery for cheerful celebrations."""
    return f'<amazon:emotion name="excited" intensity="low">{text}</amazon:emotion>'


def ordinal(number: int) -> str:
    """A number read as an ordinal ("twenty-third")."""
    return f'<say-as interpret-as="ordinal">{number}</say-as>'
