"""Numbers and quantities said in words, held whole while a statement is cut into clauses.

"I picked two hundred orders" is one deed: "hundred" is no past verb starting a second one,
and the "and" of "a hundred and fifty", "one hundred and twenty" or "two and a half hours"
joins no two clauses. The reader (``reading.py``) holds each number phrase as one token while
it cuts, and gives the words back as said afterwards.

Pure: words in, words out.
"""

import re
from typing import Final, NamedTuple

from skill.domain.patterns import compiled

_UNIT: Final = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEEN: Final = (
    r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
)
_TENS: Final = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
# One to ninety-nine, in words or figures ("twenty five", "twenty-five", "25", "1,500").
_SMALL: Final = rf"(?:{_TENS}(?:[ -]{_UNIT})?|{_TEEN}|{_UNIT}|\d+(?:[,.]\d+)*)"
_SCALE: Final = r"(?:hundred|thousand|million|billion)"
# "two hundred", "a hundred", "three thousand", "a hundred thousand".
_SCALED: Final = rf"(?:(?:a|an|{_SMALL}) {_SCALE}(?: {_SCALE})?)"
# A whole number said in more than one word: scaled parts, then "and fifty" or "five".
_WHOLE: Final = rf"(?:{_SCALED}(?: (?:and )?(?:{_SCALED}|{_SMALL}))*|{_SMALL})"
_FRACTION: Final = r"(?:an? (?:half|quarter|third)|(?:one|two|three) (?:quarters|thirds))"
# A number phrase: "two hundred", "a hundred and fifty", "twenty five", "two and a half",
# "1,500", a range ("two or three", "five to ten"); and "and a half" after any word ("an hour
# and a half").
_NUMBER: Final = (
    rf"\b(?:{_WHOLE}(?: and {_FRACTION})?(?: (?:or|to) {_WHOLE}(?: and {_FRACTION})?)?"
    rf"|(?<=\w) and {_FRACTION})\b(?!-)"
)
# What a clause may be cut at inside a phrase: a space, a comma, a point.
_CUTTABLE: Final = r"[\s,.]"
# What stands for a phrase held: no letters a reader rule reads, no "ed" at its end.
_HELD: Final = r"\u2983(\d+)\u2984"


class Held(NamedTuple):
    """Words with each number phrase held as one token, and the phrases, in order."""

    text: str
    phrases: tuple[str, ...]

    def given_back(self, words: str) -> str:
        """``words`` (cut from ``text``) with every phrase held given back as said."""
        if not self.phrases:
            return words
        return compiled(_HELD).sub(lambda found: self.phrases[int(found.group(1))], words)


def held_numbers(text: str) -> Held:
    """``text`` with each number phrase of more than one word held as one token."""
    phrases: list[str] = []

    def hold(found: re.Match[str]) -> str:
        phrase = found.group()
        if not compiled(_CUTTABLE).search(phrase.strip()):  # one word: nothing to cut
            return phrase
        lead = " " if phrase.startswith(" ") else ""
        phrases.append(phrase.strip())
        return f"{lead}\u2983{len(phrases) - 1}\u2984"

    return Held(compiled(_NUMBER).sub(hold, text), tuple(phrases))
