"""The lexicon: its format's checks, how its words are found, and every example it carries.

Every word list in ``skill/data/lexicon/en.txt`` shows a sentence holding one of its phrases,
and every composition the sentences it decides ("+") and must not ("-"). "Decides": the
composition applies to the sentence's words and the statement comes out its way (a crisis, a
check-in or not a win at least as grave; a benign one leaves no danger standing). The small
lexicons below are written here, to pin each piece of the format on its own.
"""

from __future__ import annotations

import pytest

from skill.domain.lemmas import lemma, lemmas
from skill.domain.lexicon import Composition, LexiconError, Near, Outcome, Words, read_lexicon
from skill.domain.recognise import Said, find, package_lexicon, recognise
from skill.domain.recognise import _grouped as grouped
from skill.domain.recognise import _indexed as indexed
from skill.domain.recognise import _pick as pick
from skill.domain.screen import canonical
from tests.care.sheet import all_rules

LEXICON = package_lexicon()
INDEX = indexed(LEXICON)  # built once: the package's lexicon, as every example is judged
_GRAVITY = {Outcome.CRISIS: 3, Outcome.CHECK_IN: 2, Outcome.NOT_A_WIN: 1}


def _said(text: str) -> Said:
    """The sentence as the screen hands it over: canonical, with the rules' masks."""
    rules = all_rules()
    return rules.masks(canonical(text, rules))


def decides(composition: Composition, text: str) -> tuple[bool, str]:
    said = _said(text)
    every = grouped(find(said.words, lemmas(said.words), INDEX))
    applies = pick(composition, every, every) is not None
    heard = recognise(said)
    if composition.outcome is Outcome.BENIGN:
        agrees = heard.outcome not in (Outcome.CRISIS, Outcome.CHECK_IN)
    elif composition.outcome in _GRAVITY:
        agrees = _GRAVITY.get(heard.outcome or Outcome.BENIGN, 0) >= _GRAVITY[composition.outcome]
    else:
        agrees = heard.outcome is composition.outcome
    return applies and agrees, f"applies: {applies}; recognised: {heard.outcome} {heard.reason}"


@pytest.mark.parametrize(
    ("composition", "must", "text"),
    [
        pytest.param(c, must, text, id=f"{c.name}{'+' if must else '-'}")
        for c in LEXICON.compositions
        for must, text in c.examples
    ],
)
def test_each_composition_decides_its_examples(
    composition: Composition, must: bool, text: str
) -> None:
    decided, heard = decides(composition, text)
    assert decided is must, f"{composition.name} (line {composition.line}) on {text!r}: {heard}"


@pytest.mark.parametrize(
    ("words", "text"),
    [pytest.param(w, text, id=w.name) for w in LEXICON.words.values() for text in w.examples],
)
def test_each_word_lists_example_holds_one_of_its_phrases(words: Words, text: str) -> None:
    said = canonical(text, all_rules()).split()
    found = find(tuple(said), lemmas(said), INDEX)
    assert words.name in {f.words for f in found}, f"{words.name} (line {words.line}): {text!r}"


def test_every_composition_decides_an_example_and_says_what_it_means() -> None:
    bare = [c.name for c in LEXICON.compositions if not any(must for must, _ in c.examples)]
    assert not bare
    assert all(c.description for c in LEXICON.compositions)
    assert all(w.description for w in LEXICON.words.values())


def test_every_word_list_is_used() -> None:
    used: set[str] = set()
    for c in LEXICON.compositions:
        for term in (*[t for line in c.needs for t in line], *c.unless):
            used.update((term.first, term.then) if isinstance(term, Near) else (term,))
    # Lists read by name in the code: negation takes acts back; joined makes one use of two
    # names of one thing; distress asks for calm.
    used.update({"negation", "joined", "turn", "feeling.distress"})
    risky = {name for name, w in LEXICON.words.items() if w.risk}  # a check-in on their own
    assert set(LEXICON.words) - used - risky == set()


# Finding words: as said, as lemma, in the plural, "*", "**", "$" and "~N".

_SMALL = """
[words act.take]
? Taking.
take

[words thing.pill said]
? Pills, as said.
pill

[words thing.train said]
? A train.
train

[words act.cut risk]
? Cutting, said with nothing after it.
cut $

[words left.alone]
? Leaving someone alone.
left ** alone

[words ask.hide]
? Asking someone to hide something.
asked * to hide

[words purpose]
? To end it.
to end it

[words quantity.many]
? Five or more, in digits.
5+

[words negation]
? Not.
not
never

[compose crisis.took_to_end]
? Taking pills to end it.
verdict: crisis
needs: act.take ~2 thing.pill
needs: purpose
+ i took pills to end it

[compose benign.asked_to_hide]
? Asking someone to hide the pills.
verdict: benign
needs: ask.hide
+ i asked my sister to hide the pills
"""


def _found(text: str, source: str = _SMALL) -> set[str]:
    words = tuple(text.split())
    return {f.words for f in find(words, lemmas(words), indexed(read_lexicon(source)))}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("i took it", {"act.take"}),  # "took" is "take" by lemma
        ("i am taking it", {"act.take"}),
        ("two pills", {"thing.pill"}),  # a said list takes the plural
        ("i was training", set()),  # but not the lemma: "training" is not "train"
        ("the trains were late", {"thing.train"}),
        ("i cut", {"act.cut"}),  # "$": the statement ends there
        ("i cut my hair", set()),
        ("i left the baby alone", {"left.alone"}),  # "**": one to three words
        ("i left my two kids alone", {"left.alone"}),
        ("i left alone", set()),  # at least one
        ("i left my little brother and sister alone", set()),  # at most three
        ("i asked mum to hide", {"ask.hide"}),  # "*": exactly one
        ("i asked my mum to hide", set()),
        ("i took 30", {"act.take", "quantity.many"}),  # "5+": five or more, in digits
        ("i took 4", {"act.take"}),
    ],
)
def test_words_are_found_as_said_as_lemma_and_with_gaps(text: str, found: set[str]) -> None:
    assert _found(text) - {"negation", "purpose"} == found


def test_found_phrases_know_where_they_are() -> None:
    words = ("i", "left", "the", "baby", "alone", "today")
    (found,) = find(words, lemmas(words), indexed(read_lexicon(_SMALL)))
    assert (found.words, found.start, found.end) == ("left.alone", 1, 5)


@pytest.mark.parametrize(
    ("text", "outcome", "reason"),
    [
        ("i took pills to end it", Outcome.CRISIS, "crisis.took_to_end"),
        ("i took my pills to end it", Outcome.CRISIS, "crisis.took_to_end"),  # within 2
        ("i took all of my pills to end it", None, ""),  # too far apart for "~2"
        ("i took pills", None, ""),
        ("i cut", Outcome.CHECK_IN, "risk.act.cut"),  # a risk word nobody explained
        ("i did not take pills to end it", None, ""),  # taken back by "not"
    ],
)
def test_a_small_lexicon_judges_by_its_compositions(
    text: str, outcome: Outcome | None, reason: str
) -> None:
    heard = recognise(text, read_lexicon(_SMALL))
    assert (heard.outcome, heard.reason) == (outcome, reason)


def test_a_benign_use_explains_its_words() -> None:
    heard = recognise("i asked mum to hide the pills", read_lexicon(_SMALL))
    assert heard.outcome is None
    assert heard.explained == frozenset({1, 2, 3, 4})


def test_a_locale_adds_phrases_to_a_list_and_new_compositions() -> None:
    locale = """
[words thing.pill said]
tablet

[words purpose.gb]
? To end it all, as said in Britain.
to top myself

[compose crisis.gb]
? Tablets to top oneself.
verdict: crisis
needs: thing.pill
needs: purpose.gb
+ took tablets to top myself
"""
    lexicon = read_lexicon(_SMALL, locale)
    assert lexicon.words["thing.pill"].phrases == (("pill",), ("tablet",))
    assert recognise("i took tablets to top myself", lexicon).reason == "crisis.gb"


# The format's checks: each names its line and section.


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("stray line", "a line before any section"),
        ("[words Bad]\n? x\nword", "not a section"),
        ("[words a.b]\n? x\nword\n[words a.b]\n? y\nother", "a second section of this name"),
        ("[words a.b]\n? x\nTwo  Spaces", "a phrase is lower-case words"),
        ("[words a.b]\n? x\nword\n- not here", "a word list has no '-' examples"),
        ("[words a.b]\n? x", "a word list with no phrases"),
        ("[words a.b]\nword", "says what it holds"),
        ("[compose c.d]\n? x\nneeds: nowhere\nverdict: crisis", "no word list named 'nowhere'"),
        ("[words a.b]\n? x\nw\n[compose c.d]\n? x\nneeds: a.b", "a composition has one verdict"),
        ("[words a.b]\n? x\nw\n[compose c.d]\n? x\nverdict: maybe\nneeds: a.b", "unknown verdict"),
        ("[words a.b]\n? x\nw\n[compose c.d]\n? x\nverdict: crisis", "at least one 'needs'"),
        (
            "[words a.b]\n? x\nw\n[compose c.d]\n? x\nverdict: crisis\nneeds: a.b\n"
            "unless: a.b\nunless: a.b",
            "at most one 'unless'",
        ),
        ("[words a.b]\n? x\nw\n[compose c.d]\nverdict: crisis\nneeds: a.b", "says what it means"),
        ("[words a.b]\n? x\nw\n[compose c.d]\n? x\nverdict: crisis\nwhen: a.b", "expected one of"),
        (
            "[words a.b]\n? x\nw\n[compose c.d]\n? x\nverdict: benign\nneeds: a.b\nsees: all",
            "'sees' is for crisis",
        ),
        (
            "[words a.b]\n? x\nw\n[compose c.d]\n? x\nverdict: crisis\nneeds: a.b\nexplains: risk",
            "'explains' for benign",
        ),
        (
            "[words a.b]\n? x\nw\n[compose c.d]\n? x\nverdict: crisis\nneeds: a.b\nsees: some",
            "'sees:' takes 'all'",
        ),
    ],
)
def test_a_lexicon_out_of_shape_is_refused_by_line(text: str, message: str) -> None:
    with pytest.raises(LexiconError, match=message) as refused:
        read_lexicon(text)
    assert str(refused.value).startswith("lexicon line ")


def test_a_locale_may_add_to_word_lists_only() -> None:
    own = "[words a.b]\n? x\nw\n[compose c.d]\n? x\nverdict: crisis\nneeds: a.b"
    with pytest.raises(LexiconError, match="a locale may add to a word list only"):
        read_lexicon(own, "[compose c.d]\n? y\nverdict: benign\nneeds: a.b")


def test_near_terms_are_read_with_their_reach() -> None:
    text = "[words a.b]\n? x\nw\n[words e.f]\n? y\nv\n[compose c.d]\n? z\nverdict: crisis\n"
    lexicon = read_lexicon(text + "needs: a.b ~3 e.f | e.f")
    assert lexicon.compositions[0].needs == ((Near("a.b", 3, "e.f"), "e.f"),)


# Lemmas: the dictionary's, and the words people say to a speaker that it gets wrong.


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("took", "take"),
        ("pills", "pill"),
        ("went", "go"),
        ("gone", "go"),
        ("ending", "end"),
        ("cutting", "cut"),
        ("hung", "hang"),
        ("kms", "kms"),
        ("od", "od"),
        ("988", "988"),  # not a word: itself
        ("zxqv", "zxqv"),  # unknown: itself
    ],
)
def test_lemmas(word: str, expected: str) -> None:
    assert lemma(word) == expected
