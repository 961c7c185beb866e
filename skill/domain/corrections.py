"""A correction that names a thing, not a deed: "change it to the dog" after "I walked the cat".

Speech recognition mishears one word more often than a whole sentence, so people put right
the word it got wrong: the thing, said as a noun phrase ("the dog", "two pumpkins", "my
sister"). That replaces the thing the win was about and keeps what was done with it: "walked
the cat" becomes "walked the dog", "carved a pumpkin with my niece" becomes "carved two
pumpkins with my niece". Words that tell a deed ("I walked the dog", "fed the cat") replace
the whole win, as before.

Pure: words in, words out.
"""

from typing import Final

from skill.domain.patterns import compiled

# Words that start a thing rather than a deed: "the dog", "two pumpkins", "my sister".
_DETERMINERS: Final = frozenset(
    {
        "the",
        "a",
        "an",
        "my",
        "his",
        "her",
        "their",
        "our",
        "some",
        "both",
        "all",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "twenty",
        "several",
        "lots",
        "loads",
        "this",
        "these",
        "those",
    }
)
# Words that end the thing a deed was done to: "a pumpkin | with my niece".
_AFTER_THE_THING: Final = frozenset(
    {
        "with",
        "to",
        "for",
        "at",
        "in",
        "on",
        "from",
        "and",
        "before",
        "after",
        "because",
        "so",
        "while",
        "then",
        "today",
        "yesterday",
        "tonight",
        "this",
        "again",
        "by",
        "into",
        "without",
    }
)
_WORD: Final = r"[a-z0-9']+"


def names_a_thing(words: str) -> bool:
    """True when ``words`` name a thing ("the dog", "two pumpkins"), not a deed."""
    said = compiled(_WORD).findall(words.lower())
    return len(said) >= 2 and said[0] in _DETERMINERS and said[0] != "this"


def with_thing(old: str, thing: str) -> str:
    """The deed ``old`` ("walked the cat") done to ``thing`` ("the dog") instead: the first
    thing after its verb is replaced, what follows it kept ("walked the dog")."""
    deed = old.split()
    new = " ".join(compiled(_WORD).findall(thing.lower()))
    if len(deed) <= 1:  # "hoovered": the thing is added
        return f"{' '.join(deed)} {new}".strip()
    start = next(
        (at for at in range(1, len(deed)) if _plain(deed[at]) in _DETERMINERS),
        1,
    )
    end = start + 1
    while end < len(deed) and _plain(deed[end]) not in _AFTER_THE_THING:
        end += 1
    return " ".join([*deed[:start], new, *deed[end:]])


def _plain(word: str) -> str:
    return word.lower().strip(".,!?;:")
