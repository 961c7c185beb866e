"""The screen's rules one by one: each rule decides the examples written beside it.

Every rule in ``skill/data/screen.txt`` carries sentences it must decide ("+") and, where it
helps, sentences it must not ("-"). "Decided by the rule" (``read_rules`` says it in full): a
crisis or not-a-win rule gives the verdict its name; a rule that sets words aside makes the
verdict its step's, and taking the rule out changes the verdict (for a safe word: the sentence
is a win only with it). The rules are read and compiled once; a rule taken out costs one
recompiled step. Further down, the checks the rules file must pass to load.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from skill.domain.recognise import package_lexicon, recognise
from skill.domain.screen import Frame, Kind, Verdict, canonical, load_rules, screen
from skill.domain.screen_rules import (
    FRAMES,
    NAMED,
    SECTIONS,
    Example,
    Rule,
    RuleFileError,
    read_rules,
)
from tests.care.sheet import all_rules, render, rule_file, rules_without, said, write

RULE_FILE = rule_file()
# What the verdict says when a step that sets words aside decided it.
STEP_REASONS = {
    "support": "support",
    "abstained": "abstained",
    "despite": "despite.but_still",
    "positive": "positive",
}


# What a rule's section decides, when the lexicon reaches the same verdict before the rule.
SECTION_KINDS = {"crisis": Kind.CRISIS, "not_a_win": Kind.NOT_A_WIN}
COMPOSITIONS = frozenset(c.name for c in package_lexicon().compositions)


def decided_by(rule: Rule, example: Example) -> tuple[bool, str]:
    """Whether ``rule`` decides the example, and what the screen said (with and without it).

    The lexicon's compositions judge before most rules: an example the lexicon already decides
    the rule's way counts as decided (the rule is the second line of defence for it).
    """
    verdict = said(all_rules(), example)
    heard = f"{verdict.kind.value} ({verdict.reason})"
    if rule.section in NAMED:
        agrees = verdict.kind is SECTION_KINDS[rule.section] and verdict.reason in COMPOSITIONS
        return verdict.reason == rule.name or agrees, heard
    without = said(rules_without(rule.name), example)
    heard += f", without the rule {without.kind.value} ({without.reason})"
    if rule.section == "safe":
        explained = _lexicon_explains(example) and without.kind is Kind.WIN
        if verdict.kind is Kind.NOT_A_WIN and verdict.reason in COMPOSITIONS:
            # set aside from danger, then met kindly as the lexicon names it (an accident)
            return without.kind in (Kind.CRISIS, Kind.CHECK_IN), heard
        return verdict.kind is Kind.WIN and (without.kind is not Kind.WIN or explained), heard
    if verdict.reason in COMPOSITIONS:  # a recovery step or abstaining the lexicon knows
        agrees = verdict.kind is Kind.WIN and verdict.support is (rule.section == "support")
        return agrees, heard
    return verdict.reason == STEP_REASONS[rule.section] and verdict != without, heard


def _lexicon_explains(example: Example) -> bool:
    """Whether an everyday use in the lexicon explains some of the example's words."""
    rules = all_rules()
    whole = canonical(f" {example.text}", rules)
    return bool(recognise(rules.masks(whole)).explained)


@pytest.mark.parametrize(
    ("rule", "example"),
    [
        pytest.param(rule, example, id=rule.name)
        for rule in RULE_FILE.rules
        for example in rule.examples
    ],
)
def test_each_example_is_decided_by_its_rule_or_not_as_it_says(
    rule: Rule, example: Example
) -> None:
    decided, heard = decided_by(rule, example)
    must = "must" if example.catch else "must not"
    assert decided is example.catch, (
        f"{rule.name} {must} decide {example.text!r} [{example.frame}] "
        f"(screen.txt line {example.line}); the screen said {heard}"
    )


def test_every_rule_decides_an_example() -> None:
    bare = [rule.name for rule in RULE_FILE.rules if not _catches(rule)]
    assert not bare, f"rules without a '+' example: {bare}"


def _catches(rule: Rule) -> bool:
    return any(example.catch for example in rule.examples)


def test_every_rule_and_family_is_said_in_plain_words() -> None:
    assert not [rule.name for rule in RULE_FILE.rules if not rule.description]
    families = {(rule.section, rule.family) for rule in RULE_FILE.rules}
    assert families == set(RULE_FILE.families)


def test_the_examples_frames_are_the_screens() -> None:
    assert tuple(frame.value for frame in Frame) == FRAMES


def test_the_screen_judges_with_the_package_rules() -> None:
    for rule in RULE_FILE.section("crisis")[:3]:
        example = next(example for example in rule.examples if example.catch)
        assert screen(example.text, "", Frame(example.frame)).reason == rule.name


def test_the_review_sheet_names_every_step_family_and_rule_with_its_examples() -> None:
    sheet = render()
    assert sheet.startswith("# ")
    for rule in RULE_FILE.rules:
        assert f"### {rule.name}\n\n{rule.description}\n" in sheet
        assert all(f'"{example.text}"' in sheet for example in rule.examples)
    families = RULE_FILE.families.items()
    assert all(f"**{family}**: {words}" in sheet for (_, family), words in families)
    steps = [sheet.index(f"({section})\n") for section in SECTIONS[2:]]
    assert steps == sorted(steps)


def test_the_review_sheet_is_written_where_asked(tmp_path: Path) -> None:
    assert write(str(tmp_path / "care-sheet.md")) == 0
    assert (tmp_path / "care-sheet.md").read_text("utf-8") == render()


# A small rules text of every kind of block: the checks below each break one thing in it.
VALID = r"""
# A comment at the start.
[spellings]
gonna = going to

[macros]
# Acts of self-harm.
HARM:
    cut
    burn

[safe]
family idiom:
  ? Sayings that only sound alarming.

idiom.cut_hair:
  ? Cutting hair.
    \bcut (?:
      "my "
      "his "
    )hair\b
  + i cut my hair on purpose

[crisis]
family harm:
  ? Self-harm.

harm.self:
  ? Hurting oneself.
    \b{HARM} myself\b
    \bhurt myself\b
  + i am gonna cut myself
  - i cut my hair

[not_a_win]
family nothing:
  ? A day that felt lost.

nothing.failed:
  ? Failing a test.
    \bfailed (?P<what>
      my (?:test|exam)
      the test
    )
  => took {what}
  + [intend] i failed my exam
"""


def test_a_rules_text_is_read_as_laid_out() -> None:
    rule_file = read_rules(VALID)
    assert rule_file.spellings == {"gonna": "going to"}
    assert rule_file.macros == {"HARM": "(?:cut|burn)"}
    assert [rule.pattern for rule in rule_file.rules] == [
        r"\bcut (?:my |his )hair\b",
        r"\b(?:cut|burn) myself\b|\bhurt myself\b",
        r"\bfailed (?P<what>my (?:test|exam)|the test)",
    ]
    failed = rule_file.section("not_a_win")[0]
    assert (failed.offer, failed.description, failed.examples) == (
        "took {what}",
        "Failing a test.",
        (Example("i failed my exam", True, "intend", 46),),
    )
    assert rule_file.families[("crisis", "harm")] == "Self-harm."
    assert failed.layout == (r"\bfailed (?P<what>", "  my (?:test|exam)", "  the test", ")")


def test_rules_from_a_text_judge_as_the_screen_does() -> None:
    rules = load_rules(VALID)
    assert rules.screen("cut my hair").kind is Kind.WIN
    assert rules.screen("am gonna burn myself").reason == "harm.self"
    assert rules.screen("failed my test") == Verdict(
        Kind.NOT_A_WIN, "nothing.failed", offer="took my test"
    )


def test_the_format_described_is_the_format_read() -> None:
    doc = read_rules.__doc__ or ""
    block = doc[doc.index("        idiom.cut_myself_a:") : doc.index("    - The header")]
    text = "[safe]\n" + "\n".join(line[8:] for line in block.rstrip().splitlines()) + "\n"
    (rule,) = read_rules(text).rules
    assert rule.pattern == r"\bcut myself (?:a |some )(?:slice|piece|break)\b"
    assert [example.catch for example in rule.examples] == [True, False]
    assert all(f"``[{section}]``" in doc for section in SECTIONS)
    assert all(f"``[{frame}]``" in doc for frame in FRAMES)


# Each case breaks VALID in one place: (id, what was there, what is there now, the line the
# error names, the rule or block it names, words of its message).
BREAKS = [
    ("section", "[safe]", "[safety]", 12, None, "unknown section [safety]"),
    ("macro", "{HARM}", "{HURT}", 30, "harm.self", "unknown macro {HURT}"),
    ("in-macro", "    cut\n", "    {GONE}\n", 9, "HARM", "unknown macro {GONE}"),
    ("twice", "nothing.failed:", "harm.self:", 39, "harm.self", "a second rule"),
    (
        "family-twice",
        "harm.self:",
        "family harm:\n  ? Again.\nharm.self:",
        28,
        "family harm",
        "a second family",
    ),
    ("spelling", "gonna = going to", "gonna going to", 4, None, "[spellings]"),
    ("spelt-twice", "[spellings]", "[spellings]\ngonna = gone to", 5, None, "twice"),
    ("header", "idiom.cut_hair:", "idiom.cut hair:", 16, None, "[safe] can"),
    ("stray", "# Acts of self-harm.", "  cut", 7, None, "belongs under"),
    ("indent", "    cut\n", "   cut\n", 9, "HARM", "indent 4"),
    ("deep", "    \\b{HARM} my", "      \\b{HARM} my", 30, "harm.self", "indent 4"),
    ("align", '      "his "', '     "his "', 20, "idiom.cut_hair", "indent 6"),
    ("closer", "    )hair", "   )hair", 21, "idiom.cut_hair", "lines up"),
    ("unclosed", "    )\n", "\n", 41, "nothing.failed", "never closed"),
    ("brackets", "hair\\b", "hair)\\b", 21, "idiom.cut_hair", "brackets"),
    ("open", "(?:test|exam)", "(?:test|exam", 42, "nothing.failed", "brackets"),
    ("space", '"my "', "my ", 19, None, "a space at the end"),
    ("tab", "    burn", "\tburn", 10, None, "tab"),
    ("quote", '"his "', '"his', 20, "idiom.cut_hair", "quote"),
    ("order", "    \\bhurt", "  + i hurt myself\n    \\bhurt", 31, "harm.self", "before"),
    ("empty", "    \\b{HARM} myself\\b\n    \\bhurt myself\\b\n", "", 28, "harm.self", "no altern"),
    ("compile", "hurt myself\\b", "hurt myself[z-a]", 28, "harm.self", "does not compile"),
    ("compile-mask", "\\bcut (", "\\bcut{2,1} (", 16, "idiom.cut_hair", "does not compile"),
    ("mark", "  - i cut", "  * i cut", 33, "harm.self", "unknown mark"),
    ("mark-space", "  ? Hurting", "  ?Hurting", 29, "harm.self", "unknown mark"),
    ("macro-mark", "    cut\n", "  ? cut\n", 9, "HARM", "a macro has no marks"),
    ("frame", "[intend]", "[planned]", 46, "nothing.failed", "frame"),
    (
        "offer-where",
        "  + i cut my hair",
        "  => my hair\n  + i cut my hair",
        22,
        "idiom.cut_hair",
        "only",
    ),
    ("offer", "took {what}", "took {that}", 45, "nothing.failed", "{'that'}"),
    ("family", "  ? Self-harm.", "  + i cut", 26, "family harm", "plain words"),
]


@pytest.mark.parametrize(
    ("old", "new", "line", "rule", "message"),
    [pytest.param(*case[1:], id=case[0]) for case in BREAKS],
)
def test_a_rules_text_out_of_place_is_refused_with_its_line_and_rule(
    old: str, new: str, line: int, rule: str | None, message: str
) -> None:
    assert old in VALID, old
    with pytest.raises(RuleFileError) as refused:
        load_rules(VALID.replace(old, new, 1))
    assert isinstance(refused.value, ValueError)
    assert (refused.value.line, refused.value.rule) == (line, rule), str(refused.value)
    assert message in str(refused.value)
    assert f"line {line}" in str(refused.value)
    if rule is not None:
        assert rule in str(refused.value)
