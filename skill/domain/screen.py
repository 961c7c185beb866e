"""One screen for everything a person says: crisis, not a win, or a win, and why.

The skill hears a sentence through an intent: a carrier phrase ("I want to", "I feel",
"nobody") and the words a slot caught. Alone, the slot can mislead ("die" from "I want to
{thing}"), so the screen judges the whole statement, carrier and words together, with the
rules in ``skill/data/screen.txt`` (which explains their order; ``skill.domain.screen_rules``
reads it and checks its format). Everything here is pure: text in, a ``Verdict`` out, with the
name of the rule that decided it.
"""

import re
from enum import StrEnum
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Final, NamedTuple

from skill.domain.memo import keep, remembered
from skill.domain.patterns import compiled

if TYPE_CHECKING:  # the rules' reader is imported with the rules, on first use (below)
    from collections.abc import Callable

    from skill.domain.care_net import Net
    from skill.domain.recognise import Recognition, Said
    from skill.domain.screen_rules import Rule, RuleFile

_MASK: Final = " ~ "
# In a statement about others ("my mom and I went shopping"), the person took part; so too when
# their own deed follows ("my station was quiet, so I reorganised it").
# A not-doing that opens a statement with no one named: the speaker is meant.
_NOT_DONE_BARE: Final = (
    r"(?:still |even )?(?:did not|could not|have not|had not|forgot to|failed to|never got"
    r"|was not able to|was unable to|kept putting off|put off) "
)
_TOOK_PART: Final = r"\b(?:and i|and me|with me|i and|so i|then i)\b"


class Kind(StrEnum):
    CRISIS = "crisis"  # care and the crisis line; nothing stored anywhere
    CHECK_IN = (
        "check_in"  # unsure: asked gently whether they are safe, with the line; nothing stored
    )
    NOT_A_WIN = "not_a_win"  # no celebration, nothing stored; maybe a win on offer
    WIN = "win"  # celebrated and stored


class Frame(StrEnum):
    """What the carrier phrase says the person is doing with their words."""

    DONE = "done"  # "I {win}": something they did
    INTEND = "intend"  # "I'll {thing}", a goal: something they mean to do
    STATE = "state"  # "I'm {state}": how things are with them
    FEEL = "feel"  # "I feel {feeling}": a feeling; good news counts as a win
    SHARED = "shared"  # "my {mine}": a win only when they took part ("my mom and I ...")
    OTHER = "other"  # "nobody ...", "life ...": said, but not something they did


class Verdict(NamedTuple):
    """The screen's judgement of one statement."""

    kind: Kind
    reason: str  # the rule that decided, e.g. "ideation.want_gone", or "default.done"
    support: bool = False  # a recovery step told in crisis words: a gentle word of support
    offer: str | None = None  # a win hiding in a struggle, as said: "took my driving test"
    certain: bool = True  # a win the screen is sure of: cheered; otherwise met calmly

    @property
    def offered_when_safe(self) -> bool:
        """A check-in whose words may still be a win once the person says they are safe: a
        place ("jumped in the lake"), never medicine, a weapon or the body."""
        return self.kind is Kind.CHECK_IN and self.reason.startswith(_OFFERED_WHEN_SAFE)


# Check-ins about a place alone: "I'm safe" may leave a swim or a walk, offered as a win.
_OFFERED_WHEN_SAFE: Final = ("check_in.act_at_place", "risk.place.")
# Not-a-win rule families that also apply to plans: harming others, relapse, not eating,
# self-hatred. "I'll do nothing today" is a fine plan for a hard day; "I'll hit him" is not.
_PLAN_FAMILIES: Final = frozenset({"harm", "relapse", "eating", "hatred"})
# Struggles a win in the same sentence outweighs ("I was exhausted but I still went").
_OUTWEIGHED_FAMILIES: Final = frozenset({"nothing", "feeling", "hatred"})
# The lexicon's not-a-win compositions that a win said with them outweighs, the same way.
_OUTWEIGHED: Final = frozenset(
    {
        "notwin.failure",
        "notwin.rejection",
        "notwin.painful",
        "notwin.day_lost",
        "notwin.grief",
        "notwin.self_hatred",
    }
)


class _Rule(NamedTuple):
    name: str
    pattern: re.Pattern[str]
    offer: str | None = None

    @property
    def family(self) -> str:
        return self.name.split(".", 1)[0]


class Screened(NamedTuple):
    """A verdict, and the statement as the care nets weigh it (``Rules.unexplained``)."""

    verdict: Verdict
    unexplained: str


class _FirstOf(NamedTuple):
    """Rules of which the first, in order, that matches decides. Most statements match none,
    so all of them as one expression (``anywhere``) says first whether any does, and where the
    earliest match starts; each rule's own expression is compiled the first time a statement
    needs it, so the rules are compiled once at first use, as the one expression."""

    names: tuple[str, ...]
    sources: tuple[str, ...]
    anywhere: re.Pattern[str]
    alone: list[re.Pattern[str] | None]  # each rule's expression, once compiled

    def first(self, text: str) -> str | None:
        """The name of the first rule, in order, that matches ``text``; None when none does.
        No rule matches before the earliest match of them all, so each looks from there."""
        found = self.anywhere.search(text)
        if found is None:
            return None
        at = found.start()
        return next(
            (name for i, name in enumerate(self.names) if self._alone(i).search(text, at)), None
        )

    def prepare(self) -> None:
        """Compile every rule's own expression now (before a snapshot)."""
        for i in range(len(self.names)):
            self._alone(i)

    def _alone(self, i: int) -> re.Pattern[str]:
        pattern = self.alone[i]
        if pattern is None:
            pattern = self.alone[i] = re.compile(self.sources[i])
        return pattern


class Rules(NamedTuple):
    """The rules, compiled: ``load_rules`` makes them from a rules text."""

    contractions: tuple[tuple[re.Pattern[str], str], ...]
    contracted: re.Pattern[str]  # any one of the contractions: none, and nothing to spell out
    apostrophes: re.Pattern[str]
    not_word: re.Pattern[str]
    took_part: re.Pattern[str]
    spellings: dict[str, str]
    spelling_pattern: re.Pattern[str]
    safe: re.Pattern[str]
    support: re.Pattern[str]
    crisis: _FirstOf
    abstained: re.Pattern[str]
    not_a_win: tuple[_Rule, ...]
    despite: re.Pattern[str]
    positive: re.Pattern[str]

    def screen(self, words: str, carrier: str = "i", frame: Frame = Frame.DONE) -> Verdict:
        """Judge ``carrier`` + ``words`` as one statement (``carrier`` may be empty)."""
        return self.screened(words, carrier, frame).verdict

    def screened(self, words: str, carrier: str = "i", frame: Frame = Frame.DONE) -> "Screened":
        """The verdict on ``carrier`` + ``words``, and the statement as the care nets weigh it
        (``unexplained``), both from one reading of it."""
        whole = _i_unsaid(_as_one(canonical(f"{carrier} {words}", self)))
        safe: list[re.Match[str]] = []  # the safe step's matches, blanked again for ``masks``
        text = self.safe.sub(_kept(safe), whole)
        masked = self.support.sub(_MASK, text)
        support = masked != text
        heard = self._masked(whole, _blanked_at(whole, safe))
        said = _recognised(heard)
        weighed = _unexplained(heard, said)
        if said.support:  # a recovery step told in crisis words, in the past and safe now
            return Screened(Verdict(Kind.WIN, said.reason, support=True), weighed)
        if said.explained:  # an everyday use ("jumped off the top board") explains its words
            hidden = said.explained | heard.masked
            masked = " ".join("~" if i in hidden else w for i, w in enumerate(heard.words))
        crisis = self.crisis.first(masked)
        if crisis is not None:
            return Screened(Verdict(Kind.CRISIS, crisis), weighed)
        if said.crisis:
            return Screened(Verdict(Kind.CRISIS, said.reason), weighed)
        text = self.abstained.sub(_MASK, masked)
        abstained = text != masked
        verdict = self._judged(text, frame, support=support, abstained=abstained)
        if said.abstained and (verdict.kind is Kind.WIN or verdict.reason.startswith("nothing.")):
            verdict = Verdict(Kind.WIN, said.reason)  # not doing a harmful thing: a win
        else:
            verdict = _weighed(verdict, said, held_off=abstained)
        return Screened(_second_opinion(verdict, weighed), weighed)

    def unexplained(self, words: str, carrier: str = "i") -> str:
        """The statement as the care net weighs it: its words, less those a named everyday
        use or recovery step explained."""
        heard, said = _recognise(_i_unsaid(_as_one(canonical(f"{carrier} {words}", self))), self)
        return _unexplained(heard, said)

    def masks(self, text: str) -> "Said":
        """``text``'s words, and which of them the masking steps explained: the idioms and
        recovery steps (``masked``), and abstaining too (``masked_more``). Each step blanks
        what it explains letter for letter, so the words keep their places."""
        return self._masked(text, self.safe.sub(_blanked, text))

    def _masked(self, text: str, blanked: str) -> "Said":
        """``masks``, from ``text`` with the safe step already blanked (``blanked``)."""
        from skill.domain.recognise import Said

        covered: list[frozenset[int]] = []
        for step in (self.support, self.abstained):
            blanked = step.sub(_blanked, blanked)
            covered.append(frozenset(i for i, w in enumerate(blanked.split()) if w[0] == "~"))
        return Said(tuple(text.split()), covered[0], covered[1])

    def _judged(self, text: str, frame: Frame, *, support: bool, abstained: bool) -> Verdict:
        for rule in self.not_a_win:
            if frame is Frame.INTEND and rule.family not in _PLAN_FAMILIES:
                continue
            found = rule.pattern.search(text)
            if found is None:
                continue
            if rule.family in _OUTWEIGHED_FAMILIES and self.despite.search(text):
                return Verdict(Kind.WIN, "despite.but_still")
            return Verdict(Kind.NOT_A_WIN, rule.name, offer=_offer(rule, found))
        if support:
            return Verdict(Kind.WIN, "support", support=True)
        if abstained:
            return Verdict(Kind.WIN, "abstained")
        return _by_frame(text, frame, self)


# "We" includes the person: what two or more say they will do to themselves together ("we're
# killing ourselves saturday", "end our lives side by side") is judged as if one said it.
# Only for judging: what is stored keeps the person's own words.
_TOGETHER: Final = (
    (r"\bour(?:selves|self)\b", "myself"),
    (r"\bour (own )?(?:lives|life)\b", r"my \1life"),
)


@lru_cache(maxsize=1)
def _together() -> tuple[tuple[re.Pattern[str], str], ...]:
    """``_TOGETHER`` compiled, on first use: importing this module compiles nothing."""
    return tuple((re.compile(pattern), one) for pattern, one in _TOGETHER)


def _as_one(text: str) -> str:
    """``text`` with "ourselves" and "our lives" said as "myself" and "my life"."""
    if "our" not in text:
        return text
    for pattern, one in _together():
        text = pattern.sub(one, text)
    return text


def _i_unsaid(text: str) -> str:
    """``text`` with "i" before a not-doing said without it ("didn't call my sister" is "i did
    not call my sister"), so the rules for things not done, and for harms held off, read it."""
    return f"i {text}" if compiled(_NOT_DONE_BARE).match(text) else text


def _recognise(text: str, rules: Rules) -> "tuple[Said, Recognition]":
    """The statement's words and what the lexicon makes of them."""
    words = rules.masks(text)
    return words, _recognised(words)


def _recognised(words: "Said") -> "Recognition":
    """What the lexicon makes of the words; imported on first use, like the rules, not at
    import."""
    from skill.domain.recognise import recognise

    return recognise(words)


def _first_of(rules: "tuple[Rule, ...]") -> _FirstOf:
    """``rules`` as a ``_FirstOf``; ``RuleFileError`` names a rule whose expression does not
    compile."""
    from skill.domain.screen_rules import compiled_together

    return _FirstOf(
        tuple(rule.name for rule in rules),
        tuple(rule.pattern for rule in rules),
        compiled_together(rules),
        [None] * len(rules),
    )


def _kept(matches: list[re.Match[str]]) -> "Callable[[re.Match[str]], str]":
    """A masking step's replacement that keeps each match in ``matches`` (for ``_blanked_at``)."""

    def masked(found: re.Match[str]) -> str:
        matches.append(found)
        return _MASK

    return masked


def _blanked_at(text: str, matches: list[re.Match[str]]) -> str:
    """``text`` with each of a masking step's ``matches`` in it blanked (``_blanked``): what
    the step's ``sub(_blanked, text)`` gives, without matching again."""
    if not matches:
        return text
    pieces: list[str] = []
    last = 0
    for found in matches:
        pieces += (text[last : found.start()], _blanked(found))
        last = found.end()
    pieces.append(text[last:])
    return "".join(pieces)


def _unexplained(heard: "Said", said: "Recognition") -> str:
    hidden = said.explained | heard.masked
    return " ".join(w for i, w in enumerate(heard.words) if i not in hidden)


def _blanked(found: re.Match[str]) -> str:
    """What a masking step matched, each letter a "~": explained, and still in its place."""
    return re.sub(r"\S", "~", found.group(0))


def _weighed(verdict: Verdict, said: "Recognition", *, held_off: bool = False) -> Verdict:
    """The rules' verdict, weighed with what the lexicon recognised (not a crisis).

    A risk left unexplained asks for a check-in, whatever else was said. A rule that named a
    harm, a relapse or a grief keeps its verdict; otherwise a harm the lexicon recognised is
    not a win, and a win said with distress beside it is met calmly.
    """
    if said.check_in:  # no risk passes silently, whatever else was said
        return Verdict(Kind.CHECK_IN, said.reason)
    if verdict.kind is Kind.NOT_A_WIN and not verdict.reason.startswith("default."):
        return verdict
    if verdict.kind is not Kind.WIN:
        return verdict
    # A struggle said with a win, or with a harm held off ("got left on read and didn't
    # spiral"), is outweighed by it.
    if said.not_a_win and not (
        (verdict.reason.startswith("despite") or held_off) and _outweighed(said.reason)
    ):
        return Verdict(Kind.NOT_A_WIN, said.reason)
    if said.distress or verdict.reason.startswith("despite"):
        return verdict._replace(certain=False)
    return verdict


def _outweighed(reason: str) -> bool:
    """A struggle the lexicon named that a win said with it outweighs: a hard feeling, something
    that happened to the person, something not done; never a harm, a relapse or not eating."""
    return reason in _OUTWEIGHED or reason.split(".", 1)[0] in _OUTWEIGHED_FAMILIES | {"pain"}


def _second_opinion(verdict: Verdict, text: str, judge: "Net | None" = None) -> Verdict:
    """``verdict``, or a check-in when the care net finds ``text`` (the statement less what a
    named everyday use explained) likely to be a crisis.

    The net only asks more: a crisis or a check-in stays as it is, and so does a recovery
    step. A harm a rule named is weighed too: a harm is no reason for a danger to pass.
    """
    if verdict.support:
        return verdict
    if verdict.kind not in (Kind.WIN, Kind.NOT_A_WIN):
        return verdict
    from skill.domain.care_net import net

    return Verdict(Kind.CHECK_IN, "net.alarmed") if (judge or net()).alarmed(text) else verdict


@remembered  # once per request: the same statement is asked about several times
def screen(words: str, carrier: str = "i", frame: Frame = Frame.DONE) -> Verdict:
    """Judge ``carrier`` + ``words`` as one statement (``carrier`` may be empty)."""
    verdict, weighed = _rules().screened(words, carrier, frame)
    keep(unexplained, weighed, words, carrier)  # ``likely_harm`` asks next, in the request
    return verdict


@remembered  # the screen works it out too: asked in the same request, it is not again
def unexplained(words: str, carrier: str = "i") -> str:
    """The statement as the care net weighs it (see ``Rules.unexplained``)."""
    return _rules().unexplained(words, carrier)


def likely_harm(words: str, carrier: str = "i") -> bool:
    """True when the harm net finds the statement, which the rules would celebrate, likely to
    be a harm, a failure or a painful event rather than a win: it is offered back ("Should I
    log that one as a win?"), never cheered. Asked only when logging, never when reading back:
    a win the person said yes to stays a win."""
    from skill.domain.care_net import harm_net

    return harm_net().alarmed(unexplained(words, carrier))  # as the screen found it


def is_win(words: str, carrier: str = "i", frame: Frame = Frame.DONE) -> bool:
    """True when the statement may be celebrated, stored, or read back as a win."""
    return screen(words, carrier, frame).kind is Kind.WIN


def _by_frame(text: str, frame: Frame, rules: Rules) -> Verdict:
    if frame is Frame.OTHER or (frame is Frame.SHARED and not rules.took_part.search(text)):
        return Verdict(Kind.NOT_A_WIN, "default.other")
    if frame is Frame.FEEL:
        if rules.positive.search(text):
            return Verdict(Kind.WIN, "positive")
        return Verdict(Kind.NOT_A_WIN, "default.feeling")
    return Verdict(Kind.WIN, f"default.{frame.value}")


def _offer(rule: _Rule, found: re.Match[str]) -> str | None:
    if rule.offer is None:
        return None
    fields = {name: value for name, value in found.groupdict().items() if value}
    try:
        return rule.offer.format(**fields)
    except KeyError:
        return None


# Contractions spelt out, so rules need only one form of each. Compiled with the rules, on
# first use: importing this module compiles nothing, so a launch never pays for the screen.
_CONTRACTIONS: Final = (
    (r"\bcan'?t\b", "cannot"),
    (r"\bwon'?t\b", "will not"),
    (r"\bain'?t\b", "am not"),
    (r"\bi'?m\b", "i am"),
    (r"\bi'?ve\b", "i have"),
    (r"\b(it|what|there|that|he|she|who|where|here|everything|life)'s\b", r"\1 is"),
    (r"\b(\w+)n't\b", r"\1 not"),
    (r"\b(do|did|does|could|would|should|was|were|is|are|has|have|had|must|need)nt\b", r"\1 not"),
    # Scots and Northern English: "didnae", "wasnae", "cannae", "dinnae", "willnae", "isnae".
    (r"\bcannae\b", "cannot"),
    (r"\bwillnae\b", "will not"),
    (r"\bdinnae\b", "do not"),
    (r"\b(did|does|could|would|should|was|were|is|are|has|have|had|must|need)nae\b", r"\1 not"),
    (r"\b(\w+)'re\b", r"\1 are"),
    (r"\b(\w+)'ve\b", r"\1 have"),
    (r"\b(\w+)'ll\b", r"\1 will"),
    (r"\b(\w+)'d\b", r"\1 would"),
    (r"\b(what|that|there|here)s\b", r"\1 is"),
)
_APOSTROPHES: Final = r"[\u2018\u2019\u02bc`\u00b4]"
_NOT_WORD: Final = r"[^a-z0-9' ]+"


def canonical(text: str, rules: Rules | None = None) -> str:
    """Lower case, no punctuation, contractions and heard spellings in one form."""
    rules = rules or _rules()
    text = rules.not_word.sub(" ", rules.apostrophes.sub("'", text.lower()))
    text = " ".join(text.split())
    if rules.contracted.search(text):
        for pattern, replacement in rules.contractions:
            text = pattern.sub(replacement, text)
    text = " ".join(text.replace("'", "").split())
    return rules.spelling_pattern.sub(lambda m: rules.spellings[m.group(0)], text)


@lru_cache(maxsize=1)
def _rules() -> Rules:
    """The package's rules, read, checked and compiled once per process (on first use)."""
    return load_rules(resources.files("skill.data").joinpath("screen.txt").read_text("utf-8"))


def prepare() -> None:
    """Compile the rules, and read the lexicon and the lemmatiser's dictionary, now (before a
    snapshot), rather than on the first statement."""
    from skill.domain.care_net import prepare as prepare_net
    from skill.domain.recognise import prepare as prepare_lexicon

    _rules().crisis.prepare()
    prepare_lexicon()
    prepare_net()


def load_rules(text: str) -> Rules:
    """Rules from a rules text (format: ``skill.domain.screen_rules.read_rules``), checked
    and compiled; ``RuleFileError`` names the rule and the line of anything out of place."""
    from skill.domain.screen_rules import read_rules

    return compile_rules(read_rules(text))


def compile_rules(rule_file: "RuleFile") -> Rules:
    """Rules compiled from a checked rules file (a test may leave one rule out of it)."""
    from skill.domain.screen_rules import compiled, compiled_together

    by_length = sorted(rule_file.spellings, key=len, reverse=True)
    spelling_pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, by_length)) + r")\b")

    def named(section: str) -> tuple[_Rule, ...]:
        return tuple(_Rule(r.name, compiled(r), r.offer) for r in rule_file.section(section))

    def together(section: str) -> re.Pattern[str]:
        return compiled_together(rule_file.section(section))

    return Rules(
        contractions=tuple((re.compile(p), r) for p, r in _CONTRACTIONS),
        contracted=re.compile("|".join(f"(?:{p})" for p, _ in _CONTRACTIONS)),
        apostrophes=re.compile(_APOSTROPHES),
        not_word=re.compile(_NOT_WORD),
        took_part=re.compile(_TOOK_PART),
        spellings=rule_file.spellings,
        spelling_pattern=spelling_pattern,
        safe=together("safe"),
        support=together("support"),
        crisis=_first_of(rule_file.section("crisis")),
        abstained=together("abstained"),
        not_a_win=named("not_a_win"),
        despite=together("despite"),
        positive=together("positive"),
    )
