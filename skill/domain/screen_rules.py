"""The statement screen's rules file: how it is laid out, and the checks it must pass to load.

``skill/data/screen.txt`` holds the rules; ``read_rules`` (below) documents the format and turns
a text into ``RuleFile``. ``skill.domain.screen`` compiles it, on first use, and judges with it.
"""

import re
from typing import Final, NamedTuple

# The sections of the file, in the order the screen takes them (``skill.domain.screen``).
SECTIONS: Final = (
    "spellings",
    "macros",
    "safe",
    "support",
    "crisis",
    "abstained",
    "not_a_win",
    "despite",
    "positive",
)
# Steps whose rules blank out what they match: the verdict names the step, not the rule.
MASKS: Final = ("safe", "support", "abstained", "despite", "positive")
# Steps whose first matching rule decides the verdict and gives it its reason.
NAMED: Final = ("crisis", "not_a_win")
# What an example may say it is (``skill.domain.screen.Frame``'s values; a test holds them equal).
FRAMES: Final = ("done", "intend", "state", "feel", "shared", "other")

_INDENT_MARK: Final = 2  # descriptions, examples, offers
_INDENT_PATTERN: Final = 4  # alternatives
# The shapes of lines, as strings: re compiles each on first use, so importing compiles nothing.
# A line at the start is a section, a rule, a macro, a family or a spelling, by its shape.
_TOP: Final = (
    r"\[(?P<section>[a-z_]+)\]|(?P<rule>[a-z]+\.[a-z0-9_]+):|(?P<macro>[A-Z]+):"
    r"|family (?P<family>[a-z]+):|(?P<heard>\S(?:.*\S)?) = (?P<meant>\S(?:.*\S)?)"
)
# What each section holds besides: rules and their families, macros, or spellings.
_TOP_KINDS: Final = {
    "spellings": ("meant",),
    "macros": ("macro",),
    **{section: ("rule", "family") for section in MASKS + NAMED},
}
_EXAMPLE: Final = r"\[([a-z]+)\] (\S.*)"
_MACRO_USE: Final = r"\{([A-Z]+)\}"
_OPENER_AT_END: Final = r"(?<!\\)\((?:\?(?::|!|=|<!|<=|P<[a-z_]+>))?$"
# First characters that take a closer look: a quote, a closing bracket, a comment, or a mark
# out of place (a mark is indented 2, never 4).
_ODD_STARTS: Final = '"?+-=!)#'
_MARK_STARTS: Final = "?+-=!"
_MARKS: Final = ("? ", "+ ", "- ")  # and "=> "
_GROUP_NAME: Final = r"\(\?P<([a-z_]+)>"
# What is not a bracket of the expression: an escaped character, a character class (in which
# brackets are only characters), anything else but a bracket.
_NOT_A_BRACKET: Final = r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]|[^()]+"


class RuleFileError(ValueError):
    """A rules text that breaks the format; the message names the line and the rule."""

    def __init__(self, message: str, line: int, rule: str | None = None) -> None:
        where = f"line {line}" + (f", {rule}" if rule else "")
        super().__init__(f"screen rules, {where}: {message}")
        self.line = line
        self.rule = rule


class Example(NamedTuple):
    """A sentence a rule must decide ("+") or must not ("-"), said in a frame."""

    text: str
    catch: bool
    frame: str
    line: int


class Rule(NamedTuple):
    """One named rule, as the file has it."""

    section: str
    name: str
    pattern: str  # the regular expression, macros filled in
    offer: str | None
    line: int
    source: tuple[tuple[int, list[str]], ...]  # the lines under its name: (first's number, lines)
    marks: tuple[tuple[int, str], ...]  # (line number, the line less its indent)

    # What only the tests and the review sheet need is read from the marks when asked.
    @property
    def family(self) -> str:
        return self.name.split(".", 1)[0]

    @property
    def description(self) -> str:
        return " ".join(line[2:] for _, line in self.marks if line.startswith("? "))

    @property
    def examples(self) -> tuple[Example, ...]:
        return tuple(
            _example(number, line, self.name) for number, line in self.marks if line[0] in "+-"
        )

    @property
    def layout(self) -> tuple[str, ...]:
        """Its alternatives as the file lays them out (macros by name), less the file's indent."""
        lines = (line for _, run in self.source for line in run)
        return tuple(line[_INDENT_PATTERN:] for line in lines if _is_alternative(line))


class RuleFile(NamedTuple):
    """A whole rules text, checked."""

    spellings: dict[str, str]
    macros: dict[str, str]
    families: dict[tuple[str, str], str]  # (section, family) -> what the family stands for
    rules: tuple[Rule, ...]  # in the order of the file, which is the order they apply

    def section(self, name: str) -> tuple[Rule, ...]:
        return tuple(rule for rule in self.rules if rule.section == name)

    def without(self, name: str) -> "RuleFile":
        """The same rules less one: what would the screen say if that rule were not there?"""
        return self._replace(rules=tuple(rule for rule in self.rules if rule.name != name))


class _Block(NamedTuple):
    section: str
    name: str
    line: int
    bodies: list[tuple[int, list[str]]]  # runs of indented lines: (number of the first, lines)
    kind: str  # "macro", "rule" or "family"


def read_rules(text: str) -> RuleFile:
    r"""Read and check a rules text; raise ``RuleFileError`` at the first thing out of place.

    The file is a list of sections, each opened by a line ``[name]``, in this order of use:

    ``[spellings]``
        ``heard = meant`` lines: what speech recognition writes, and the one form the rules
        use ("sewer slide = suicide"). Each heard form once.
    ``[macros]``
        Named lists used by many rules: a line ``NAME:`` (capitals), then its alternatives
        indented four spaces, as a rule's are. A rule writes ``{NAME}`` for "any one of them".
    ``[safe]``, ``[support]``, ``[crisis]``, ``[abstained]``, ``[not_a_win]``, ``[despite]``,
    ``[positive]``
        Rules, in the order they apply (the file's header says what each step does), and
        the families they belong to.

    A rule is a block (this one, from ``[safe]``, shortened)::

        idiom.cut_myself_a:
          ? Cutting oneself a slice, a piece or a break.
            \bcut myself (?:
              "a "
              "some "
            )(?:slice|piece|break)\b
          + i cut myself a slice of cake
          - i cut myself again

    - The header: ``family.name:`` at the start of a line. The name is the reason a verdict
      gives when this rule decides it, so keep it stable; the part before the dot is its
      family. Names are unique across the file.
    - Lines indented four spaces are the rule's alternatives: regular expressions over the
      canonical text (lower case, no punctuation, contractions spelt out); the rule matches
      where any one of them does. A line that ends by opening a group (``(?:``, ``(?!``,
      ``(?P<what>`` ...) lays that group out: the lines below it, two spaces deeper, are the
      group's alternatives, one a line, until a line at the opener's indent starts with ``)``,
      which closes the group and goes on with the rest of the expression (and may open the
      next group). Every other line keeps its brackets balanced. A line with a space at
      either end is written in double quotes (``"some "``); no line ends in a space, and
      no line holds a tab.
    - Lines indented two spaces begin with a mark, then a space:

      ``? words``     what the rule listens for, in plain words (several lines join up);
      ``+ sentence``  an example the rule must decide;
      ``- sentence``  an example it must not decide;
      ``=> words``    (``[not_a_win]`` only) the win hiding in the struggle, offered to be
                      kept; ``{name}`` is what the pattern's group ``(?P<name>...)`` caught;

      Descriptions come anywhere; alternatives come before examples and offers.
      An example is said whole, carrier and words ("i will end it all"), as a statement of
      something done unless it starts with its frame in brackets: ``[intend]``, ``[state]``,
      ``[feel]``, ``[shared]``, ``[other]`` (``[done]``, the default, may be written too).
      "Decided by the rule": for ``[crisis]`` and ``[not_a_win]``, the verdict's reason is
      the rule's name; for the steps that set words aside, the verdict is their step's (a
      win with support, "abstained", "despite.but_still", "positive") and it changes if the
      rule is taken out; in ``[safe]``, the sentence is a win with the rule and not without.
    - A family is a block of its own, ``family name:`` then ``?`` lines: what the rules named
      ``name.*`` in this section stand for, in plain words, for the review sheet.
    - Lines starting with ``#`` (at any indent) are comments; blank lines separate blocks.

    Checked here, each a ``RuleFileError`` naming the line (and the rule): a section, a line
    or a mark that is not one of these; a frame that is not the screen's; a second rule of a
    name, family of a section or spelling of a heard form; a rule without alternatives;
    groups laid out over lines that do not open and close where the indentation says; an
    unknown ``{MACRO}``; an offer's field that is not a group of its pattern. Whether each
    expression compiles is checked as it is compiled (``compiled``, ``compiled_together``).
    """
    reader = _Reader()
    reader.read(text)
    return RuleFile(reader.spellings, reader.macros, reader.families, tuple(reader.rules))


def compiled(rule: Rule) -> re.Pattern[str]:
    """The rule's expression, compiled; a ``RuleFileError`` naming it if it does not."""
    try:
        return re.compile(rule.pattern)
    except re.error as error:
        message = f"the expression does not compile: {error}"
        raise RuleFileError(message, rule.line, rule.name) from None


def compiled_together(rules: tuple[Rule, ...]) -> re.Pattern[str]:
    """One expression for a step whose matches are blanked out, not named (none: never matches)."""
    try:
        return re.compile("|".join(f"(?:{rule.pattern})" for rule in rules) or r"(?!x)x")
    except re.error:
        for rule in rules:  # only when it fails: say which rule
            compiled(rule)
        raise


class _Reader:
    """Reads a rules text a block at a time: a line at the start, and the lines indented under it.

    Read on every cold start, so the common line (one alternative, a word or a phrase) takes the
    fewest steps; brackets, quotes, macros and marks are looked at only on the lines that have them.
    """

    def __init__(self) -> None:
        self.section = ""
        self.current: _Block | None = None  # the rule or macro indented lines belong to
        self.names: set[str] = set()
        self.spellings: dict[str, str] = {}
        self.macros: dict[str, str] = {}
        self.families: dict[tuple[str, str], str] = {}
        self.rules: list[Rule] = []

    def read(self, text: str) -> None:
        if "\t" in text or " \n" in text or text.endswith(" "):
            found = re.search(r"\t|[ ]$", text, re.MULTILINE)
            number = text.count("\n", 0, found.start() if found else 0) + 1
            raise RuleFileError("a tab, or a space at the end of a line: quote spaces", number)
        number = 1
        for run in re.split(r"\n(?=[^ \n])", text):
            head, *body = run.split("\n")
            if head.startswith(" "):  # only where the text itself starts indented
                raise RuleFileError("an indented line belongs under a rule or a macro", number)
            if head and not head.startswith("#"):  # a comment leaves the block open
                self.finish()
                self.top(number, head)
            if body:
                self.indented(number + 1, body)
            number += len(body) + 1
        self.finish()

    def top(self, number: int, line: str) -> None:
        found = re.fullmatch(_TOP, line)
        kind = found.lastgroup if found else None
        if found is None or kind is None:
            raise RuleFileError(f"not a line [{self.section or 'no section'}] can hold", number)
        if kind == "section":
            if found.group(kind) not in SECTIONS:
                raise RuleFileError(f"unknown section [{found.group(kind)}]", number)
            self.section = found.group(kind)
        elif kind not in _TOP_KINDS.get(self.section, ()):
            raise RuleFileError(f"not a line [{self.section or 'no section'}] can hold", number)
        elif kind == "meant":
            self.spelling(number, found.group("heard"), found.group("meant"))
        else:
            self.start(number, found.group(kind), kind)

    def spelling(self, number: int, heard: str, meant: str) -> None:
        if heard in self.spellings:
            raise RuleFileError(f"{heard!r} is spelt twice", number)
        self.spellings[heard] = meant

    def start(self, number: int, name: str, kind: str) -> None:
        label = f"family {name}" if kind == "family" else name
        key = f"[{self.section}] {label}" if kind == "family" else name  # families, by section
        if key in self.names:
            raise RuleFileError(f"a second {kind} of this name", number, label)
        self.names.add(key)
        self.current = _Block(self.section, name, number, [], kind)

    def indented(self, number: int, lines: list[str]) -> None:
        if self.current is not None:
            self.current.bodies.append((number, lines))
            return
        for index, line in enumerate(lines):
            if line and not line.lstrip(" ").startswith("#"):
                message = "an indented line belongs under a rule or a macro"
                raise RuleFileError(message, number + index)

    def finish(self) -> None:
        block, self.current = self.current, None
        if block is None:
            return
        if block.kind == "family":
            self.families[(block.section, block.name)] = _description(block)
            return
        joined = _Joined(block, self.macros)
        if block.section == "macros":
            if joined.marks:
                raise RuleFileError("a macro has no marks", joined.marks[0][0], block.name)
            self.macros[block.name] = "(?:" + joined.pattern + ")"
        else:
            self.rules.append(_rule(block, joined))


class _Joined:
    """A block's alternatives joined into one expression as the layout says, macros filled in."""

    def __init__(self, block: _Block, macros: dict[str, str]) -> None:
        self.name = block.name
        self.macros = macros
        self.marks: list[tuple[int, str]] = []  # (line number, the line less its indent)
        self.parts: list[str] = []
        self.opened: list[tuple[int, int]] = []  # (indent, line number) of groups still open
        self.indent = _INDENT_PATTERN  # where the next alternative belongs
        self.fresh = True  # at the first alternative of the rule, or of a group just opened
        for start, lines in block.bodies:
            self.join(start, lines)
        self.check(block)
        self.pattern = "".join(self.parts)

    def join(self, start: int, lines: list[str]) -> None:
        add, fresh, expected = self.parts.append, self.fresh, self.indent
        for index, line in enumerate(lines):
            text = line.lstrip(" ")
            indent = len(line) - len(text)
            if (
                indent == expected
                and "(" not in text
                and ")" not in text
                and "{" not in text
                and text[0] not in _ODD_STARTS
            ):  # the common line: one more alternative, a word or a phrase
                add(text if fresh else "|" + text)
                fresh = False
            elif indent == _INDENT_MARK:
                self.marks.append((start + index, text))
            elif text and text[0] != "#":
                fresh, expected = self.unusual(start + index, indent, text, fresh)
        self.fresh, self.indent = fresh, expected

    def unusual(self, number: int, indent: int, text: str, fresh: bool) -> tuple[bool, int]:
        """A line with brackets, quotes or a macro, or out of place; where the next one goes."""
        if text[0] == '"':
            if len(text) < 3 or text[-1] != '"':
                raise RuleFileError("a quoted line ends with a quote", number, self.name)
            text = text[1:-1]
        opened = self.opened
        if text[0] == ")":
            if not opened or opened.pop()[0] != indent:
                message = "a ')' lines up with the line that opened its group, above it"
                raise RuleFileError(message, number, self.name)
            rest = text[1:]
        elif indent != self.indent or text[0] in _MARK_STARTS:
            raise RuleFileError(_misplaced(text, self.indent), number, self.name)
        else:
            if not fresh:
                self.parts.append("|")
            rest = text
        fresh = ("(" in rest or ")" in rest) and _opens(number, rest, self.name)
        if fresh:
            opened.append((indent, number))
        self.parts.append(_filled(number, text, self.macros, self.name) if "{" in text else text)
        self.indent = opened[-1][0] + 2 if opened else _INDENT_PATTERN
        return fresh, self.indent

    def check(self, block: _Block) -> None:
        if not self.parts:
            raise RuleFileError("no alternatives", block.line, block.name)
        if self.opened:
            message = "a group opened here is never closed"
            raise RuleFileError(message, self.opened[-1][1], self.name)
        shown = [number for number, text in self.marks if text[0] != "?"]
        if shown and shown[0] < _last_alternative(block):
            raise RuleFileError("alternatives come before examples and offers", shown[0], self.name)


def _last_alternative(block: _Block) -> int:
    """The line number of the block's last alternative (looked for from the end)."""
    for start, lines in reversed(block.bodies):
        for index in range(len(lines) - 1, -1, -1):
            if _is_alternative(lines[index]):
                return start + index
    return 0


def _is_alternative(line: str) -> bool:
    return line.startswith(" " * _INDENT_PATTERN) and not line.lstrip(" ").startswith("#")


def _description(block: _Block) -> str:
    """A family's plain words: nothing but "?" lines under its name."""
    words = []
    for start, lines in block.bodies:
        for index, line in enumerate(lines):
            text = line.lstrip(" ")
            if not text or text[0] == "#":
                continue
            if not line.startswith("  ? ") or line[4:5] in ("", " "):
                message = "a family has only its plain words, on lines marked '  ? '"
                raise RuleFileError(message, start + index, f"family {block.name}")
            words.append(line[4:])
    if not words:
        raise RuleFileError("a family says what it stands for", block.line, f"family {block.name}")
    return " ".join(words)


def _misplaced(text: str, indent: int) -> str:
    if text[0] in _MARK_STARTS:
        return f"a mark ({text[0]}) takes an indent of 2"
    return f"this alternative belongs at indent {indent}"


def _opens(number: int, text: str, name: str) -> bool:
    """Whether a line with brackets ends by opening a group laid out below; else it must be
    balanced."""
    head = text[:-3]
    if text.endswith("(?:") and "(" not in head and ")" not in head and not head.endswith("\\"):
        return True  # the usual opener, as in "\b(?:"
    # Only the real brackets (an escaped one, or one in a character class, is a character),
    # less each pair that closes on the line: nothing is left, or one that opens at the end.
    brackets = re.sub(_NOT_A_BRACKET, "", text)
    while "()" in brackets:
        brackets = brackets.replace("()", "")
    if not brackets:
        return False
    if brackets == "(" and re.search(_OPENER_AT_END, text):
        return True
    raise RuleFileError("brackets that do not close on this line", number, name)


def _filled(number: int, text: str, macros: dict[str, str], name: str) -> str:
    def fill(found: re.Match[str]) -> str:
        if found.group(1) not in macros:
            raise RuleFileError(f"unknown macro {found.group(0)}", number, name)
        return macros[found.group(1)]

    return re.sub(_MACRO_USE, fill, text)


def _rule(block: _Block, joined: _Joined) -> Rule:
    offer: str | None = None
    for number, line in joined.marks:
        mark = line[:2]
        if mark in _MARKS and line[2:3] not in ("", " "):
            if line[2] == "[" and mark != "? ":
                _example(number, line, block.name)  # checks the frame
        elif mark == "=>" and line[2:3] == " ":
            offer = _offer(number, line[3:], block, joined.pattern, offer)
        else:
            raise RuleFileError(f"unknown mark: {line!r}", number, block.name)
    return Rule(
        section=block.section,
        name=block.name,
        pattern=joined.pattern,
        offer=offer,
        line=block.line,
        source=tuple(block.bodies),
        marks=tuple(joined.marks),
    )


def _example(number: int, line: str, name: str) -> Example:
    catch, text, frame = line[0] == "+", line[2:], "done"
    if text.startswith("["):
        found = re.fullmatch(_EXAMPLE, text)
        if found is None or found.group(1) not in FRAMES:
            message = f"an example's frame is one of {FRAMES}, in brackets: {text!r}"
            raise RuleFileError(message, number, name)
        frame, text = found.group(1), found.group(2)
    return Example(text, catch, frame, number)


def _offer(number: int, text: str, block: _Block, pattern: str, before: str | None) -> str:
    if block.section != "not_a_win" or before is not None:
        raise RuleFileError("one offer per rule, in [not_a_win] only", number, block.name)
    missing = set(re.findall(r"\{(\w+)\}", text)) - set(re.findall(_GROUP_NAME, pattern))
    if missing:
        raise RuleFileError(f"the offer uses {missing}, not groups", number, block.name)
    return text
