"""What the skill said, as plain text: SSML stripped, entities unescaped, sounds marked.

Alexa speaks SSML; a terminal shows text. Tags that are pauses or boundaries become spaces,
inline tags (emotion, emphasis, say-as) vanish without leaving a gap (a number said as an
ordinal keeps its ending, "13th"), and ``<audio>`` becomes
an optional marker so the reader knows a sound would play there.

A win's words are the person's, and may have come from a file: the terminal is never handed a
control character from them. ESC, CSI and the other C0 and C1 controls (ECMA-48) move the
cursor, recolour, retitle the window or worse; bidirectional overrides reorder what is shown.
Each becomes a space, also when it was spelt as an entity (``&#27;``).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping
from typing import Any, Final

_AUDIO: Final = re.compile(r"<audio\b[^>]*?(?:/>|>.*?</audio>)", re.IGNORECASE | re.DOTALL)
_SUB: Final = re.compile(r"<sub\b[^>]*\balias=\"([^\"]*)\"[^>]*>.*?</sub>", re.I | re.DOTALL)
_ORDINAL: Final = re.compile(
    r"<say-as\b[^>]*\binterpret-as=\"ordinal\"[^>]*>\s*(\d+)\s*</say-as>", re.I
)
_ENDINGS: Final = {1: "st", 2: "nd", 3: "rd"}
_BOUNDARY: Final = re.compile(r"</?(?:speak|p|s|break)\b[^>]*>", re.IGNORECASE)
_TAG: Final = re.compile(r"<[^>]*>")
_SPACE: Final = re.compile(r"\s+")
_UNPRINTABLE: Final = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` with every control character made a space: shown as it is, never obeyed."""
    return _UNPRINTABLE.sub(" ", text)


def json_line(value: Any) -> str:
    """``value`` as one line of JSON in which no control character is left raw (JSON escapes
    C0 controls itself; C1 controls, line separators and overrides are escaped here too)."""
    text = json.dumps(value, ensure_ascii=False)
    return _UNPRINTABLE.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


def ssml_to_text(ssml: str, sound_marker: str = "") -> str:
    """Plain text for ``ssml``, whitespace collapsed; each sound becomes ``sound_marker``."""
    text = _AUDIO.sub(f" {sound_marker} ", ssml)
    text = _SUB.sub(r"\1", text)
    text = _ORDINAL.sub(lambda found: _ordinal(int(found.group(1))), text)
    text = _BOUNDARY.sub(" ", text)
    text = printable(html.unescape(_TAG.sub("", text)))
    return _SPACE.sub(" ", text).strip()


def _ordinal(number: int) -> str:
    """A number as an ordinal is read ("13th", "22nd"): what Alexa says for ``say-as``."""
    ending = "th" if number % 100 in (11, 12, 13) else _ENDINGS.get(number % 10, "th")
    return f"{number}{ending}"


def speech_text(output_speech: Mapping[str, Any] | None, sound_marker: str = "") -> str:
    """The words of an ``outputSpeech`` object (SSML or PlainText); empty when there is none."""
    if not output_speech:
        return ""
    if output_speech.get("type") == "PlainText":
        return _SPACE.sub(" ", printable(str(output_speech.get("text", "")))).strip()
    return ssml_to_text(str(output_speech.get("ssml", "")), sound_marker)


def card_text(card: Mapping[str, Any] | None) -> str:
    """A card as one short line ("Title: content"); empty when there is no card."""
    if not card:
        return ""
    kind = card.get("type")
    if kind == "AskForPermissionsConsent":
        scopes = ", ".join(str(scope) for scope in card.get("permissions", []))
        return printable(f"(The Alexa app would ask for permission: {scopes})")
    if kind == "LinkAccount":
        return "(The Alexa app would ask to link an account)"
    title = _SPACE.sub(" ", printable(str(card.get("title", "")))).strip()
    body = _SPACE.sub(" ", printable(str(card.get("content") or card.get("text") or ""))).strip()
    return ": ".join(part for part in (title, body) if part)
