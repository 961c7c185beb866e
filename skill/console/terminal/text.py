"""What the skill said, as plain text: SSML stripped, entities unescaped, sounds marked.

Alexa speaks SSML; a terminal shows text. Tags that are pauses or boundaries become spaces,
inline tags (emotion, emphasis, say-as) vanish without leaving a gap, and ``<audio>`` becomes
an optional marker so the reader knows a sound would play there.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Any, Final

_AUDIO: Final = re.compile(r"<audio\b[^>]*?(?:/>|>.*?</audio>)", re.IGNORECASE | re.DOTALL)
_SUB: Final = re.compile(r"<sub\b[^>]*\balias=\"([^\"]*)\"[^>]*>.*?</sub>", re.I | re.DOTALL)
_BOUNDARY: Final = re.compile(r"</?(?:speak|p|s|break)\b[^>]*>", re.IGNORECASE)
_TAG: Final = re.compile(r"<[^>]*>")
_SPACE: Final = re.compile(r"\s+")


def ssml_to_text(ssml: str, sound_marker: str = "") -> str:
    """Plain text for ``ssml``, whitespace collapsed; each sound becomes ``sound_marker``."""
    text = _AUDIO.sub(f" {sound_marker} ", ssml)
    text = _SUB.sub(r"\1", text)
    text = _BOUNDARY.sub(" ", text)
    text = html.unescape(_TAG.sub("", text))
    return _SPACE.sub(" ", text).strip()


def speech_text(output_speech: Mapping[str, Any] | None, sound_marker: str = "") -> str:
    """The words of an ``outputSpeech`` object (SSML or PlainText); empty when there is none."""
    if not output_speech:
        return ""
    if output_speech.get("type") == "PlainText":
        return _SPACE.sub(" ", str(output_speech.get("text", ""))).strip()
    return ssml_to_text(str(output_speech.get("ssml", "")), sound_marker)


def card_text(card: Mapping[str, Any] | None) -> str:
    """A card as one short line ("Title: content"); empty when there is no card."""
    if not card:
        return ""
    kind = card.get("type")
    if kind == "AskForPermissionsConsent":
        scopes = ", ".join(str(scope) for scope in card.get("permissions", []))
        return f"(The Alexa app would ask for permission: {scopes})"
    if kind == "LinkAccount":
        return "(The Alexa app would ask to link an account)"
    title = str(card.get("title", "")).strip()
    body = _SPACE.sub(" ", str(card.get("content") or card.get("text") or "")).strip()
    return ": ".join(part for part in (title, body) if part)
