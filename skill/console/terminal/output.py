"""Showing (and optionally speaking) the skill's answers.

Scripted use needs a strict contract: exactly one line on stdout per utterance, nothing else,
so a script can pair questions with answers. Interactive use can be friendlier: a name before
the answer, the card underneath, a note where a sound would play.

What the Echo itself says or shows (a consent question, a timer ringing, "Reminder set") and
answers nobody typed a line for are *notes*: on the terminal when interactive, on stderr when
scripted, so stdout keeps its one-line-per-line contract.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from typing import Any, Final, TextIO

from skill.console.hearing.envelopes import Envelope
from skill.console.terminal.text import card_text, json_line, printable, speech_text

SOUND_MARKER: Final = "\u266a"
SPEAKER: Final = "espeak-ng"
NO_VOICE: Final = (
    "--speak needs espeak-ng, which is not installed (on Debian or Ubuntu: "
    "sudo apt install espeak-ng). Carrying on in text."
)


class Voice:
    """Reads answers aloud with espeak-ng."""

    def __init__(self, program: str) -> None:
        self._program = program

    @classmethod
    def find(cls) -> Voice | None:
        """The installed speaker, or None when espeak-ng is not on PATH."""
        program = shutil.which(SPEAKER)
        return cls(program) if program else None

    def say(self, text: str) -> None:
        """Speak ``text`` and wait; the text goes through stdin so it is never taken as flags."""
        if text:
            subprocess.run(
                [self._program, "--stdin"],
                input=text,
                text=True,
                check=False,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )


class Presenter:
    """Writes answers to ``out`` as JSON, as one plain line, or for a person at a terminal."""

    def __init__(
        self,
        out: TextIO,
        *,
        interactive: bool,
        as_json: bool,
        voice: Voice | None = None,
        notes: TextIO | None = None,
    ) -> None:
        self._out = out
        self._notes = out if interactive else (notes or sys.stderr)
        self._interactive = interactive
        self._as_json = as_json
        self._voice = voice
        self._marker = SOUND_MARKER if _can_write(out, SOUND_MARKER) else "*"

    def show(self, response: Envelope | None, *, answers_a_line: bool = True) -> None:
        """Show one response; ``answers_a_line`` says a typed line is waiting for its answer.

        Scripted output keeps one line per typed line, even when nothing reached the skill
        (an empty line, or ``null`` in JSON); a response nobody typed for (leaving at the end)
        is shown only if it says something.
        """
        body = (response or {}).get("response") or {}
        speech = speech_text(body.get("outputSpeech"))
        if not (answers_a_line or speech):
            return
        if self._as_json:
            self._write(json_line(response))
        elif self._interactive:
            self._show_to_person(body)
        else:
            self._write(speech)
        if self._voice is not None:
            self._voice.say(speech)

    @property
    def interactive(self) -> bool:
        return self._interactive

    def repeat(self, output_speech: Mapping[str, Any]) -> None:
        """Alexa saying the skill's reprompt again; no request was sent (JSON: ``null``)."""
        if self._as_json:
            self._write(json_line(None))
        elif self._interactive:
            self._write(f"Small Wins: {speech_text(output_speech, self._marker)}")
        else:
            self._write(speech_text(output_speech))
        if self._voice is not None:
            self._voice.say(speech_text(output_speech))

    def nothing(self) -> None:
        """A typed line that reached nobody: its empty answer when scripted, else nothing."""
        if not self._interactive:
            self.show(None)

    def show_joined(self, responses: Sequence[Envelope]) -> None:
        """Several responses as the answer to one typed line (one line when scripted)."""
        if not responses:
            self.show(None)
            return
        if len(responses) == 1 or self._interactive:
            for response in responses:
                self.show(response)
            return
        if self._as_json:
            self._write(json_line(list(responses)))
            return
        bodies = [(response.get("response") or {}) for response in responses]
        spoken = [speech_text(body.get("outputSpeech")) for body in bodies]
        self._write(" ".join(text for text in spoken if text))
        if self._voice is not None:
            self._voice.say(" ".join(spoken))

    def aside(self, response: Envelope | None) -> None:
        """A response nobody typed a line for (a timer brought the skill back): a note."""
        body = (response or {}).get("response") or {}
        speech = speech_text(body.get("outputSpeech"), self._marker)
        if self._interactive:
            if speech:
                self.show(response)
            return
        if self._as_json and response is not None:
            self.note(json_line(response))
        elif speech:
            self.note(f"Small Wins: {speech}")
        if self._voice is not None and speech:
            self._voice.say(speech_text(body.get("outputSpeech")))

    def note(self, line: str) -> None:
        """What the Echo says or shows itself, outside the skill's answers."""
        print(printable(line), file=self._notes, flush=True)

    def _show_to_person(self, body: Envelope) -> None:
        speech = speech_text(body.get("outputSpeech"), self._marker)
        self._write(f"Small Wins: {speech}" if speech else "(Small Wins says nothing)")
        card = card_text(body.get("card"))
        if card:
            self._write(f"  [card] {card}")

    def _write(self, line: str) -> None:
        print(printable(line), file=self._out, flush=True)


def _can_write(out: TextIO, text: str) -> bool:
    try:
        text.encode(getattr(out, "encoding", None) or "utf-8")
    except (UnicodeEncodeError, LookupError):
        return False
    return True
