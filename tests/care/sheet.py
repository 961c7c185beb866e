"""The statement screen's rules as a review sheet: every step, family and rule in plain words.

    python -m tests.care.check --sheet [PATH]        (or: scripts/dev care --sheet [PATH])

Markdown for a clinician, who needs no regular expressions to read it: the steps in the order
the screen takes them, what each family and rule listens for, the sentences each rule must catch
and must not (with what the screen says of them), and, folded away, the rule's exact patterns.
Written from ``skill/data/screen.txt``; the examples are said to the screen as it is.
"""

from __future__ import annotations

import sys
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Final

from skill.domain.lexicon import Composition, Near, Outcome, Term
from skill.domain.recognise import package_lexicon
from skill.domain.screen import Frame, Kind, Rules, Verdict, compile_rules, screen
from skill.domain.screen_rules import NAMED, SECTIONS, Example, Rule, RuleFile, read_rules

# Each step of the screen: its heading, and what it does, in the order the screen takes them.
STEPS: Final = {
    "safe": (
        "Safe words set aside",
        "Everyday words that only sound alarming are set aside first, so no later step mistakes "
        "them for danger. A sentence left with nothing else is a win.",
    ),
    "support": (
        "Recovery and safety steps",
        "Steps of recovery told in crisis words are set aside too; the win is celebrated with a "
        "gentle word of support. Anything still dangerous in the sentence goes on to the next "
        "step.",
    ),
    "crisis": (
        "Crisis",
        "If any of these rules hears what is left, the answer is care and the crisis line, and "
        "nothing is stored anywhere. The first rule that hears it gives its name.",
    ),
    "abstained": (
        "Not doing a harmful thing",
        "Not drinking, not using, not yelling, staying sober: set aside, and a win.",
    ),
    "not_a_win": (
        "Not a win",
        "Harm to others, using again, not eating, self-hatred, a lost day, painful feelings: no "
        'celebration and nothing stored. Some offer the win hiding in the struggle ("got '
        'through today"), kept only if the person says yes. For plans ("I\'ll ..."), only harm '
        'to others, using, not eating and self-hatred count: "I\'ll do nothing today" is a fine '
        "plan for a hard day.",
    ),
    "despite": (
        "A win despite a struggle",
        'When a lost day or a painful feeling comes with a win ("but I still went"), the win '
        "is celebrated.",
    ),
    "positive": (
        "Good news in a feeling",
        'Said as a feeling ("I feel ..."), only good news is celebrated.',
    ),
}
DEFAULTS: Final = (
    "Whatever no rule decided is judged by how it was said: something done, a plan or a state "
    "of things is a win; a feeling is a win only with good news (step 7); a statement about "
    'others ("my mom ...", "nobody ...") only when the person took part.'
)
FRAME_WORDS: Final = {
    "done": "",
    "intend": "as a plan: ",
    "state": "as a state: ",
    "feel": "as a feeling: ",
    "shared": "about others: ",
    "other": "about others: ",
}
KIND_WORDS: Final = {
    Kind.CRISIS: "crisis",
    Kind.CHECK_IN: "a check-in (are you safe?)",
    Kind.NOT_A_WIN: "not a win",
    Kind.WIN: "a win",
}


@cache
def rule_file() -> RuleFile:
    return read_rules(resources.files("skill.data").joinpath("screen.txt").read_text("utf-8"))


@cache
def all_rules() -> Rules:
    """The package's rules, compiled once for the sheet (and the tests that share it)."""
    return compile_rules(rule_file())


@cache
def rules_without(name: str) -> Rules:
    """The same rules less one: what the screen would say if that rule were not there."""
    return compile_rules(rule_file().without(name))


def said(rules: Rules, example: Example) -> Verdict:
    return rules.screen(example.text, "", Frame(example.frame))


def render() -> str:
    """The whole sheet, as Markdown."""
    lines = [
        "# What Small Wins listens for: the statement screen, for review",
        "",
        'Every statement is judged whole, the way it was said ("I want to" and "die" is '
        '"I want to die"), after a little tidying: lower case, no punctuation, "can\'t" as '
        '"cannot", and the spellings speech recognition produces ("sewer slide") in one '
        "form. Then the screen takes these steps, in this order, and stops at the first that "
        "decides:",
        "",
    ]
    steps = [section for section in SECTIONS if section in STEPS]
    for number, section in enumerate(steps, start=1):
        title, words = STEPS[section]
        lines.append(f"{number}. **{title}** ({section}). {words}")
    lines += [f"{len(steps) + 1}. **Otherwise.** {DEFAULTS}", ""]
    lines += [
        "Each rule below has a name (the reason the skill records for its verdict), what it "
        "listens for in plain words, sentences it must catch and sentences it must not, each "
        "with what the screen says of it. Under *patterns*, for those who read them, are the "
        "rule's exact words (a name in capitals, such as `{PEOPLE}`, stands for a list of words "
        "shared by many rules, listed at the end).",
        "",
    ]
    for number, section in enumerate(steps, start=1):
        lines += _step(number, section, rule_file())
    lines += _lists(rule_file())
    lines += meanings()
    return "\n".join(lines) + "\n"


def _step(number: int, section: str, rules: RuleFile) -> list[str]:
    title, words = STEPS[section]
    lines = [f"## {number}. {title} ({section})", "", words, ""]
    families = rules.families.items()
    lines += [f"- **{family}**: {words}" for (step, family), words in families if step == section]
    lines.append("")
    for rule in rules.section(section):
        lines += _rule(rule)
    return lines


def _rule(rule: Rule) -> list[str]:
    lines = [f"### {rule.name}", "", rule.description, ""]
    if rule.offer:
        lines += [f'Offers instead, to keep if the person agrees: "{rule.offer}".', ""]
    for example in rule.examples:
        lines.append(_example(rule, example))
    if rule.examples:
        lines.append("")
    lines += ["<details><summary>patterns</summary>", "", "```", *rule.layout, "```", ""]
    lines += ["</details>", ""]
    return lines


def _example(rule: Rule, example: Example) -> str:
    heard = _heard(said(all_rules(), example))
    if rule.section not in NAMED:
        heard += f"; without this rule: {_heard(said(rules_without(rule.name), example))}"
    must = "Must catch" if example.catch else "Must not catch"
    return f'- {must}: {FRAME_WORDS[example.frame]}"{example.text}" (heard: {heard})'


def _heard(verdict: Verdict) -> str:
    """A verdict in words: its kind, and the rule or step that decided it."""
    kind = KIND_WORDS[verdict.kind]
    if verdict.reason.startswith("default."):
        return kind  # no rule decided: how it was said did
    if verdict.reason in ("support", "abstained", "positive"):
        return f"{kind}, at step {verdict.reason}"
    return f"{kind}, by {verdict.reason}"


def _lists(rules: RuleFile) -> list[str]:
    lines = ["## Shared lists of words", ""]
    for name, pattern in rules.macros.items():
        words = ", ".join(_alternatives(pattern.removeprefix("(?:").removesuffix(")")))
        lines += [f"- `{{{name}}}`: {words}", ""]
    return lines


def _alternatives(pattern: str) -> list[str]:
    """A pattern's alternatives at its top level ("my (?:arm|leg)" stays whole)."""
    found, depth, start = [], 0, 0
    for at, char in enumerate(pattern):
        if char == "(" and pattern[at - 1 : at] != "\\":
            depth += 1
        elif char == ")" and pattern[at - 1 : at] != "\\":
            depth -= 1
        elif char == "|" and depth == 0:
            found.append(pattern[start:at])
            start = at + 1
    return [*found, pattern[start:]]


def write(path: str) -> int:
    """Write the sheet to ``path`` ("-": print it); 0, as a command's exit status."""
    sheet = render()
    if path == "-":
        sys.stdout.write(sheet)
    else:
        Path(path).write_text(sheet, "utf-8")
        print(f"care sheet: {len(rule_file().rules)} rules, written to {path}")
    return 0


_OUTCOME_WORDS: Final = {  # in the order they are weighed
    Outcome.SUPPORT: "a recovery step told in crisis words: a win, met with a word of support",
    Outcome.BENIGN: "an everyday use: the risky words it uses signal nothing",
    Outcome.CRISIS: "crisis: care and the crisis line, nothing stored",
    Outcome.CHECK_IN: "a check-in: are you safe right now? (the line is given; nothing stored)",
    Outcome.ABSTAINED: "not doing a harmful thing: a win",
    Outcome.NOT_A_WIN: "not a win: nothing celebrated or stored",
}


def meanings() -> list[str]:
    """The lexicon (``skill/data/lexicon/``): compositions first, then every word list."""
    lexicon = package_lexicon()
    lines = [
        "## Recognised by meaning: compositions of word lists",
        "",
        "Beside the rules above, the screen recognises what is said whatever its shape: an act "
        "(taking, cutting, jumping), its means (pills, a rope), its place (a bridge, traffic) and "
        "what makes it final (a purpose, an amount, an intent, a time). Words count as said and "
        'in their dictionary form ("took" is "take"). Everyday uses are recognised first and '
        "explain the risky words they use; then a crisis composition, a check-in composition, or "
        "a not-a-win composition decides; a risky word nobody explained asks for a check-in.",
        "",
    ]
    for outcome in _OUTCOME_WORDS:
        lines += [f"### {_OUTCOME_WORDS[outcome]}", ""]
        for composition in lexicon.of(outcome):
            lines += _composition(composition)
    lines += ["## The word lists", ""]
    for words in lexicon.words.values():
        risky = " (risky: unexplained, asks for a check-in)" if words.risk else ""
        phrases = ", ".join(" ".join(phrase) for phrase in words.phrases)
        lines += [f"- **{words.name}**{risky}: {words.description} *Words:* {phrases}", ""]
    return lines


def _composition(composition: Composition) -> list[str]:
    needs = " and ".join(
        "(" + " or ".join(_term(term) for term in alternatives) + ")"
        for alternatives in composition.needs
    )
    lines = [f"**{composition.name}**: {composition.description}", "", f"- Needs: {needs}"]
    if composition.unless:
        held = " or ".join(_term(term) for term in composition.unless)
        lines.append(f"- Not when it also holds: {held}")
    for must, sentence in composition.examples:
        verdict = screen(sentence, "", Frame.DONE)
        heard = _heard(verdict)
        lines.append(f'- {"Decides" if must else "Must not decide"}: "{sentence}" (heard: {heard})')
    return [*lines, ""]


def _term(term: Term) -> str:
    if isinstance(term, Near):
        return f"{term.first} then {term.then} within {term.within} words"
    return term
