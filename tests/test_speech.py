"""The speech catalogue as data: complete, brief, kind, and never echoing the inner critic."""

from __future__ import annotations

import re
from random import Random

import pytest

from skill.speech import render
from skill.speech.catalog import catalog_for
from skill.speech.ssml import escape

CATALOG = catalog_for("en-US")
MINIMISERS = {"only", "just", "barely", "least", "merely"}


def test_unknown_locales_fall_back_to_english() -> None:
    assert catalog_for("en-GB").locale == "en-US"
    assert catalog_for("de-DE").locale == "en-US"
    assert catalog_for(None).locale == "en-US"


def test_escape_covers_every_ssml_special_character() -> None:
    assert escape("""<a & 'b' "c">""") == "&lt;a &amp; &apos;b&apos; &quot;c&quot;&gt;"


@pytest.mark.parametrize("key", ["celebrate.cheerful", "celebrate.calm", "minimised"])
def test_celebration_wordings_are_varied_and_never_minimise(key: str) -> None:
    wordings = CATALOG.variants(key)
    assert len(wordings) >= 4 and len(set(wordings)) == len(wordings)
    for wording in wordings:
        assert not MINIMISERS & set(re.findall(r"[a-z]+", wording.lower()))


def test_calm_wordings_have_no_exclamations() -> None:
    assert not any("!" in w for w in CATALOG.variants("celebrate.calm"))


@pytest.mark.parametrize(
    "key", ["launch.new", "launch.returning", "ask_win.speech", "help.speech", "style.which"]
)
def test_questions_ask_exactly_one_thing(key: str) -> None:
    for wording in CATALOG.variants(key):
        assert wording.count("?") == 1, wording


def spoken_texts(node: object) -> list[str]:
    """Every text in the catalogue, wherever it sits."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [t for value in node.values() for t in spoken_texts(value)]
    if isinstance(node, list):
        return [t for value in node for t in spoken_texts(value)]
    return []


def test_nothing_shames_or_talks_of_streaks() -> None:
    texts = spoken_texts(CATALOG._data)
    assert len(texts) > 100
    for text in texts:
        words = set(re.findall(r"[a-z']+", text.lower()))
        assert not words & {"streak", "failed", "fail", "lazy", "missed", "only", "should"}, text


def test_crisis_reply_gives_the_lifeline_and_emergency_number() -> None:
    reply = render.crisis(CATALOG)
    for text in (reply.speech, reply.card_text or ""):
        assert "988" in text and "911" in text


def test_every_wording_with_a_placeholder_can_be_filled() -> None:
    rng = Random(0)
    for wording in CATALOG.variants("celebrate.cheerful") + CATALOG.variants("celebrate.calm"):
        assert "{win}" in wording
    assert CATALOG.pick("celebrate.calm", rng, win="You did it")
    assert "12" in CATALOG.text("count.milestone", total=12)


def test_escape_drops_characters_xml_cannot_carry() -> None:
    assert escape("a\x1bb\x00c\ufffe<") == "abc&lt;"
    assert escape("emoji 🎉 and accents é stay") == "emoji 🎉 and accents é stay"


def test_every_speech_key_the_code_names_exists() -> None:
    """A typo in a key would only fail when a person reaches that path; catch it here."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "skill"
    pattern = re.compile(
        r"""(?:pick|variants|variant|text|ask|say|_then_ask)\([^)]*?"((?:[a-z_]+\.)+[a-z_]+)\"""",
        re.DOTALL,
    )
    named = {
        key
        for path in root.rglob("*.py")
        if "console" not in path.parts and "web" not in path.parts
        for key in pattern.findall(path.read_text())
    }
    named |= {f"celebrate.{style}" for style in ("cheerful", "calm")}
    assert len(named) > 40  # the scan really finds the keys
    missing = set()
    for key in named:
        try:
            CATALOG._node(key)
        except KeyError:
            missing.add(key)
    assert not missing
