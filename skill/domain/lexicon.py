"""The screen's word lists and compositions (``skill/data/lexicon/``): their format, and the
checks a lexicon text must pass to load.

``read_lexicon`` documents the format and turns texts into a ``Lexicon``;
``skill.domain.recognise`` finds its words in a statement and judges with its compositions.
"""

import re
from enum import StrEnum
from typing import Final, NamedTuple

# The shapes of lines, as strings: re compiles each on first use, so importing compiles nothing.
_SECTION: Final = (
    r"\[(?P<kind>words|compose) (?P<name>[a-z_]+(?:\.[a-z_]+)?)(?P<risk> risk)?(?P<said> said)?\]"
)
_PHRASE: Final = r"[a-z0-9*$+]+(?: [a-z0-9*$+]+)*"
_NEAR: Final = r"(?P<first>[a-z_.]+) ~(?P<within>[1-9]) (?P<then>[a-z_.]+)"
_NAME: Final = r"[a-z_]+(?:\.[a-z_]+)?"
_FIELDS: Final = ("verdict", "needs", "unless", "sees", "explains")


class LexiconError(ValueError):
    """A lexicon text that breaks the format; the message names the section and the line."""

    def __init__(self, message: str, line: int, section: str | None = None) -> None:
        where = f"lexicon line {line}" + (f", [{section}]" if section else "")
        super().__init__(f"{where}: {message}")
        self.line = line
        self.section = section


class Outcome(StrEnum):
    """What a composition decides."""

    CRISIS = "crisis"
    CHECK_IN = "check_in"
    NOT_A_WIN = "not_a_win"
    BENIGN = "benign"
    SUPPORT = "support"  # a recovery step told in crisis words: a win, met with support
    ABSTAINED = "abstained"  # not doing a harmful thing: a win


class Words(NamedTuple):
    """A word list: phrases, each a tuple of words ("*" is any one word)."""

    name: str
    phrases: tuple[tuple[str, ...], ...]
    risk: bool
    said: bool  # matched as said (or in the plural), never by lemma: nouns whose lemma misleads
    description: str
    examples: tuple[str, ...]
    line: int


class Near(NamedTuple):
    """``first ~within then``: a phrase of ``first``, then one of ``then`` soon after it."""

    first: str
    within: int
    then: str


Term = str | Near  # a word list's name, or two in order and near each other


class Composition(NamedTuple):
    """Applies when every ``needs`` line finds one of its terms, and no ``unless`` list is found."""

    name: str
    outcome: Outcome
    needs: tuple[tuple[Term, ...], ...]
    unless: tuple[Term, ...]
    description: str
    examples: tuple[tuple[bool, str], ...]  # (must decide, sentence)
    line: int
    # A crisis, check-in or not-a-win composition that sees the words the rules' masks
    # explained too ("sees: all"): for words no idiom or recovery step makes safe ("so I won't
    # wake up", "smashed my tv").
    sees_all: bool = False
    # A benign composition that quiets risk words only ("explains: risk"): it never hides its
    # words from a crisis composition (one's own medicine, a safety plan named).
    quiets_only: bool = False


class Lexicon(NamedTuple):
    words: dict[str, Words]
    compositions: tuple[Composition, ...]

    def of(self, outcome: Outcome) -> tuple[Composition, ...]:
        return tuple(c for c in self.compositions if c.outcome is outcome)


class _Draft:
    """A section as it is read: its lines, sorted by what they are."""

    def __init__(self, kind: str, name: str, risk: bool, said: bool, line: int) -> None:
        self.kind, self.name, self.risk, self.said, self.line = kind, name, risk, said, line
        self.description: list[str] = []
        self.phrases: list[tuple[str, ...]] = []
        self.examples: list[tuple[bool, str]] = []
        self.fields: list[tuple[int, str, str]] = []


def read_lexicon(*texts: str) -> Lexicon:
    """A lexicon from one language's texts: the first is the language's own (``en.txt``), the
    others its locales' (``en-GB.txt``), which may add phrases to its word lists and add new
    lists and compositions. The format, line by line:

    - ``# ...`` and blank lines are comments.
    - ``[words NAME]`` starts a word list (``[words NAME risk]``, ``[words NAME risk said]``,
      ``[words NAME said]``); ``[compose NAME]`` a composition. Names are ``family.name`` in
      lower case with underscores; each is unique.
    - In a word list: ``? words`` says what it holds, in plain words; ``+ sentence`` is a
      sentence holding one of its phrases; any other line is a phrase: lower-case words and
      digits, one space between them, ``*`` for any one word, ``**`` for one to three
      words ("left ** alone": "left the baby alone"), ``5+`` for a number of five or more said
      in digits ("30 paracetamol"), ``$`` for the end of the
      statement ("cut $": cutting, said with nothing after it). ``risk`` marks words that can
      signal danger: unexplained, they ask for a check-in. A word matches as said or as its
      lemma; in a ``said`` list, as said or in the plural only ("training" is not "train").
    - In a composition: ``? words``; ``verdict:`` (once) ``crisis``, ``check_in``,
      ``not_a_win``, ``benign``, ``support`` (a recovery step told in crisis words) or
      ``abstained`` (not doing a harmful thing);
      ``needs: TERM | TERM ...`` (one or more lines, each must find one of its terms);
      ``unless: TERM | TERM ...`` (at most once); ``sees: all`` (crisis, check-in or not-a-win:
      it sees words the rules' masks explained too); ``explains: risk`` (benign only: it quiets
      risk words but hides nothing from a crisis composition); ``+ sentence`` it decides,
      ``- sentence`` it must not. A term is a word list's name, or ``NAME ~N NAME``: a phrase
      of the first, then one of the second starting within N words after it.

    Every name a composition uses must be a word list; every section says what it is for. A
    ``LexiconError`` names the line and the section of anything out of place.
    """
    drafts: dict[str, _Draft] = {}
    order: list[str] = []
    for index, text in enumerate(texts):
        for draft in _sections(text, extending=drafts if index else None):
            if draft.name not in drafts:
                drafts[draft.name] = draft
                order.append(draft.name)
    words = {name: _words(drafts[name]) for name in order if drafts[name].kind == "words"}
    compositions = tuple(
        _composition(drafts[name], words) for name in order if drafts[name].kind == "compose"
    )
    return Lexicon(words, compositions)


def _sections(text: str, extending: dict[str, _Draft] | None) -> list[_Draft]:
    found: list[_Draft] = []
    current: _Draft | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            current = _header(line, number, found, extending)
            if current not in found:
                found.append(current)
            continue
        if current is None:
            raise LexiconError("a line before any section", number)
        _line(current, line, number)
    return found


def _header(
    line: str, number: int, found: list[_Draft], extending: dict[str, _Draft] | None
) -> _Draft:
    match = re.fullmatch(_SECTION, line)
    if match is None:
        raise LexiconError(f"not a section: {line!r} (words or compose, and a name)", number)
    kind, name = match["kind"], match["name"]
    if any(draft.name == name for draft in found):
        raise LexiconError("a second section of this name", number, name)
    if extending is not None and name in extending:
        draft = extending[name]
        if draft.kind != kind or kind != "words":
            raise LexiconError("a locale may add to a word list only", number, name)
        return draft
    return _Draft(kind, name, match["risk"] is not None, match["said"] is not None, number)


def _line(draft: _Draft, line: str, number: int) -> None:
    mark, _, rest = line.partition(" ")
    if mark == "?" and rest:
        draft.description.append(rest)
    elif mark in ("+", "-") and rest:
        if mark == "-" and draft.kind == "words":
            raise LexiconError("a word list has no '-' examples", number, draft.name)
        draft.examples.append((mark == "+", rest))
    elif draft.kind == "compose":
        field, colon, value = line.partition(":")
        if not colon or field not in _FIELDS or not value.strip():
            raise LexiconError(
                f"expected one of {', '.join(_FIELDS)}: {line!r}", number, draft.name
            )
        draft.fields.append((number, field, value.strip()))
    elif re.fullmatch(_PHRASE, line):
        draft.phrases.append(tuple(line.split(" ")))
    else:
        raise LexiconError(
            f"a phrase is lower-case words, one space apart: {line!r}", number, draft.name
        )


def _words(draft: _Draft) -> Words:
    if not draft.phrases:
        raise LexiconError("a word list with no phrases", draft.line, draft.name)
    if not draft.description:
        raise LexiconError("a word list says what it holds ('? ...')", draft.line, draft.name)
    phrases = tuple(dict.fromkeys(draft.phrases))  # a locale may list a word again
    examples = tuple(text for _, text in draft.examples)
    description = " ".join(draft.description)
    return Words(draft.name, phrases, draft.risk, draft.said, description, examples, draft.line)


def _composition(draft: _Draft, words: dict[str, Words]) -> Composition:
    verdicts = [(n, value) for n, field, value in draft.fields if field == "verdict"]
    if len(verdicts) != 1:
        raise LexiconError("a composition has one verdict", draft.line, draft.name)
    number, verdict = verdicts[0]
    try:
        outcome = Outcome(verdict)
    except ValueError:
        raise LexiconError(f"unknown verdict {verdict!r}", number, draft.name) from None
    needs = tuple(
        tuple(_term(part, n, draft.name, words) for part in value.split(" | "))
        for n, field, value in draft.fields
        if field == "needs"
    )
    if not needs:
        raise LexiconError("a composition needs at least one 'needs' line", draft.line, draft.name)
    unless_lines = [(n, value) for n, field, value in draft.fields if field == "unless"]
    if len(unless_lines) > 1:
        raise LexiconError("at most one 'unless' line", unless_lines[1][0], draft.name)
    unless = tuple(
        _term(part, n, draft.name, words)
        for n, value in unless_lines
        for part in value.split(" | ")
    )
    if not draft.description:
        raise LexiconError("a composition says what it means ('? ...')", draft.line, draft.name)
    sees = _option(draft, "sees", "all", outcome)
    explains = _option(draft, "explains", "risk", Outcome.BENIGN)
    seeing = (Outcome.CRISIS, Outcome.CHECK_IN, Outcome.NOT_A_WIN)
    if (sees and outcome not in seeing) or (explains and outcome is not Outcome.BENIGN):
        message = "'sees' is for crisis, check-ins and not-a-win, 'explains' for benign"
        raise LexiconError(message, draft.line, draft.name)
    return Composition(
        draft.name,
        outcome,
        needs,
        unless,
        " ".join(draft.description),
        tuple(draft.examples),
        draft.line,
        sees_all=sees,
        quiets_only=explains,
    )


def _option(draft: _Draft, field: str, value: str, outcome: Outcome) -> bool:
    found = [(n, v) for n, f, v in draft.fields if f == field]
    if not found:
        return False
    number, given = found[-1]
    if given != value or len(found) > 1:
        raise LexiconError(
            f"'{field}:' takes '{value}', once ({outcome.value})", number, draft.name
        )
    return True


def _term(part: str, number: int, section: str, words: dict[str, Words]) -> Term:
    near = re.fullmatch(_NEAR, part)
    if near is not None:
        first = _known(near["first"], number, section, words)
        then = _known(near["then"], number, section, words)
        return Near(first, int(near["within"]), then)
    return _known(part, number, section, words)


def _known(name: str, number: int, section: str, words: dict[str, Words]) -> str:
    if not re.fullmatch(_NAME, name) or name not in words:
        raise LexiconError(f"no word list named {name!r}", number, section)
    return name
