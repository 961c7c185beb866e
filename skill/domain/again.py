"""A win said again: "I did do it, I went to Tesco" right after "I went to Tesco".

People repeat, confirm or insist on a win they have just told ("yeah I did do it", "I really
did go to Tesco"), most of all when the reply made them doubt it was heard. That is the same
win, not another: a deed with the same words, by lemma, as one logged today in this
conversation is already in, and words that only insist ("I did do it", "yes I did", "yeah")
add nothing to it.

Pure: words in, words out.
"""

from collections.abc import Sequence
from typing import Final

from skill.domain.lemmas import lemma
from skill.domain.patterns import compiled

# Words that insist or confirm and tell no deed of their own: "i did do it", "yes i did".
_INSISTING: Final = frozenset(
    {
        "i", "you", "did", "do", "done", "it", "that", "this", "so", "yes", "yeah", "yep", "yup",
        "aye", "really", "actually", "definitely", "honestly", "totally", "truly", "promise",
        "swear", "i'm", "sure", "and", "but", "no", "oh", "well", "though", "too", "also",
    }
)  # fmt: skip
_WORD: Final = r"[a-z0-9']+"
# Little words that tell nothing of which deed: "went to tesco" is "went tesco".
_LITTLE: Final = frozenset(
    {"to", "the", "a", "an", "my", "your", "me", "at", "in", "on", "for", "of", "with", "some"}
)
# A deed done once more is another win: "i went to tesco again", "another run".
_ONCE_MORE: Final = frozenset({"again", "another", "twice", "second", "more", "extra"})


def insists(words: str) -> bool:
    """True when ``words`` only insist or confirm ("did do it", "yeah", "i really did")."""
    said = compiled(_WORD).findall(words.lower())
    return bool(said) and all(word in _INSISTING for word in said)


def logged_again(words: str, logged: Sequence[str]) -> str | None:
    """The win of ``logged`` (newest last) that ``words`` tell again, by lemma: "went to
    tesco" again, "i really did go to tesco"; None when they tell another deed."""
    said = _deed(words)
    if not said or _ONCE_MORE & set(compiled(_WORD).findall(words.lower())):
        return None
    return next((win for win in reversed(logged) if _deed(win) == said), None)


def _deed(words: str) -> frozenset[str]:
    """What a deed is about, the words that insist left out ("really did go" is "go")."""
    said = compiled(_WORD).findall(words.lower())
    return frozenset(lemma(word) for word in said if word not in _INSISTING and word not in _LITTLE)
