"""Recognising what a statement says, whatever its shape: acts, means, places, purposes.

The statement arrives as the screen's canonical text (lower case, contractions spelt out,
idioms and recovery steps already masked). Its words are found in the lexicon's lists as said
or as their lemma, and the lexicon's compositions judge them (``skill/data/lexicon/en.txt``
explains the order): an everyday use explains the risky words it picked, that use only; an act
with its means and something that makes it final is a crisis; an act with its means alone, or
a risk word nobody explained, asks for a check-in. Pure: text in, a ``Recognition`` out.
"""

from bisect import bisect_right
from collections import defaultdict
from functools import lru_cache
from importlib import resources
from typing import Final, NamedTuple

from skill.domain.lemmas import lemmas
from skill.domain.lexicon import Composition, Lexicon, Near, Outcome, Term, read_lexicon

# How far before an act a "not" or "never" still takes it back ("did not take all my pills").
_NEGATION_REACH: Final = 3
_NEGATION: Final = "negation"
_END: Final = "$"  # a phrase's word that matches the end of the statement
_ANY: Final = "*"  # any one word
_GAP: Final = "**"  # one to three words ("left ** alone": "left the baby alone")
_GAP_MOST: Final = 3
_MANY: Final = "5+"  # a number of five or more, said in digits ("30 paracetamol")
_MANY_FROM: Final = 5
_ACTS: Final = "act."
_JOINED: Final = "joined"  # words joining two names of one place or thing ("on the")
_JOIN_MOST: Final = 3  # at most this many joining words ("on top of the")
_TURN: Final = "turn"  # words where a next thing said begins ("and then")


class Found(NamedTuple):
    """A phrase of word list ``words`` at words ``start`` to ``end`` (exclusive)."""

    words: str
    start: int
    end: int


_Grouped = dict[str, list[Found]]  # phrases found, by their list's name


class Recognition(NamedTuple):
    """What the lexicon makes of a statement: a crisis, a check-in, not a win, or nothing."""

    outcome: Outcome | None  # CRISIS, CHECK_IN, NOT_A_WIN, or None (benign, or nothing risky)
    reason: str  # "crisis.overdose_amount", "risk.place.height", "" when nothing was found
    distress: bool = False  # distress said beside it: meet a win calmly
    explained: frozenset[int] = frozenset()  # words an everyday use explained (positions)

    @property
    def crisis(self) -> bool:
        return self.outcome is Outcome.CRISIS

    @property
    def check_in(self) -> bool:
        return self.outcome is Outcome.CHECK_IN

    @property
    def not_a_win(self) -> bool:
        return self.outcome is Outcome.NOT_A_WIN

    @property
    def support(self) -> bool:
        return self.outcome is Outcome.SUPPORT

    @property
    def abstained(self) -> bool:
        return self.outcome is Outcome.ABSTAINED


class _Node:
    """A word trie: the lists whose phrase ends here, and the words that go on."""

    __slots__ = ("ends", "next")

    def __init__(self) -> None:
        self.ends: list[str] = []
        self.next: dict[str, _Node] = {}

    def add(self, phrase: tuple[str, ...], name: str) -> None:
        node = self
        for word in phrase:
            node = node.next.setdefault(word, _Node())
        if name not in node.ends:
            node.ends.append(name)


class _Index(NamedTuple):
    """Every list's phrases as two tries: lists matched as said, and lists matched by lemma."""

    lexicon: Lexicon
    said: _Node  # a word as said, or its plain singular
    by_lemma: _Node  # a word as said, its plain singular, or its lemma
    risky: frozenset[str]
    of: dict[Outcome, tuple[Composition, ...]]  # compositions by outcome, in order
    # For each outcome, a list's name -> the places (in ``of``) of the compositions whose first
    # ``needs`` line names it: only they can apply when that list was found.
    keyed: dict[Outcome, dict[str, tuple[int, ...]]]


class Said(NamedTuple):
    """A statement's words (canonical), and which of them the screen's rules already explained:
    idioms and recovery steps (``masked``), and abstaining too (``masked_more``)."""

    words: tuple[str, ...]
    masked: frozenset[int] = frozenset()
    masked_more: frozenset[int] = frozenset()


def recognise(said: Said | str, lexicon: Lexicon | None = None) -> Recognition:
    """Judge a statement with ``lexicon`` (the package's English by default).

    A recovery step told in crisis words is recognised first, and nothing else matters then.
    Benign compositions see every word; crisis compositions the words no idiom or recovery
    step explained; then abstaining from a harm; then check-ins, not-a-win compositions and
    risk words, over what the abstaining rules left too.
    """
    if isinstance(said, str):
        said = Said(tuple(said.split()))
    index = _indexed(lexicon) if lexicon is not None else _package_index()
    found = find(said.words, lemmas(said.words), index)
    every = _grouped(found)
    distress = "feeling.distress" in every
    support = _first(index, Outcome.SUPPORT, every, every)
    if support:
        return Recognition(Outcome.SUPPORT, support, distress)
    explained, shielding = _explained(found, every, index)
    used = frozenset(i for f in shielding for i in range(f.start, f.end))
    outcome, reason = _decided(said, found, every, (explained, shielding), index)
    return Recognition(outcome, reason, distress, used)


def _decided(
    said: Said,
    found: list[Found],
    every: _Grouped,
    explained: tuple[list[Found], list[Found]],
    index: _Index,
) -> tuple[Outcome | None, str]:
    """What decides, over the words no everyday use explained: see ``recognise``."""
    quieted, shielded = explained
    standing = [f for f in found if not _covered(f, shielded) and not _negated(f, found)]
    crisis_open = [f for f in standing if not _masked(f, said.masked)]
    seen, unmasked = _grouped(standing), _grouped(crisis_open)
    for composition in _candidates(index, Outcome.CRISIS, seen):  # unmasked: part of seen
        if _pick(composition, seen if composition.sees_all else unmasked, every) is not None:
            return Outcome.CRISIS, composition.name
    open_ = [f for f in found if not _covered(f, quieted)]
    left = [f for f in open_ if not _masked(f, said.masked_more)]
    unshielded = _grouped([f for f in found if not _covered(f, shielded)])
    remaining = _grouped(left)
    steps = (
        (Outcome.CHECK_IN, unshielded, True),  # danger the masks took for something safe
        (Outcome.ABSTAINED, every, False),
        (Outcome.NOT_A_WIN, unshielded, True),  # harm the masks took for an idiom
        (Outcome.CHECK_IN, remaining, False),
    )
    for outcome, available, seeing_all in steps:
        for composition in _candidates(index, outcome, available):
            if seeing_all and not composition.sees_all:
                continue
            if _pick(composition, available, every) is not None:
                return outcome, composition.name
    # No risk passes silently: a risk word nothing explained asks whether they are safe, even
    # beside a harm or a hard feeling the lexicon names.
    risky = next((f for f in left if f.words in index.risky), None)
    if risky:
        return Outcome.CHECK_IN, f"risk.{risky.words}"
    last = next(
        (c for c in _candidates(index, Outcome.NOT_A_WIN, remaining) if _pick(c, remaining, every)),
        None,
    )
    return (Outcome.NOT_A_WIN, last.name) if last else (None, "")


def _first(index: _Index, outcome: Outcome, available: _Grouped, every: _Grouped) -> str:
    """The name of the first composition of ``outcome`` that applies; "" when none does."""
    candidates = _candidates(index, outcome, available)
    return next((c.name for c in candidates if _pick(c, available, every) is not None), "")


def _candidates(index: _Index, outcome: Outcome, *found: _Grouped) -> list[Composition]:
    """The compositions of ``outcome`` that may apply, in order: those whose first ``needs``
    line names a list found in any of ``found`` (every other one cannot apply)."""
    keyed = index.keyed[outcome]
    places: set[int] = set()
    for grouped in found:
        for name in grouped:
            places.update(keyed.get(name, ()))
    compositions = index.of[outcome]
    return [compositions[place] for place in sorted(places)]


def _masked(f: Found, masked: frozenset[int]) -> bool:
    return any(position in masked for position in range(f.start, f.end))


def find(tokens: tuple[str, ...], lemma: tuple[str, ...], index: _Index) -> list[Found]:
    """Every phrase of every list in the words, matched as said or as lemma, by start."""
    said = [_spelt(token) for token in tokens]
    forms = [spelt | {lemma[at]} for at, spelt in enumerate(said)]
    found: dict[Found, None] = {}  # in order, once each
    for start in range(len(tokens)):
        _walk(index.said, start, said, found)
        _walk(index.by_lemma, start, forms, found)
    return list(found)


def lists_in(words: tuple[str, ...]) -> frozenset[str]:
    """The names of the word lists with a phrase in ``words`` (canonical), as said or by lemma:
    what kinds of thing are named, whatever the words, for the care nets to weigh."""
    return frozenset(f.words for f in find(words, lemmas(words), _package_index()))


def _walk(root: _Node, start: int, forms: list[frozenset[str]], found: dict[Found, None]) -> None:
    """Follow the trie from word ``start``: each word by any of its forms, "*" by any word,
    "**" by one to three words, "$" at the end of the statement only."""
    n = len(forms)
    paths = [(root, start)]
    while paths:
        node, at = paths.pop()
        for name in node.ends:
            found.setdefault(Found(name, start, at))
        if at == n:
            end = node.next.get(_END)
            if end is not None:
                paths.append((end, at))
            continue
        for form in forms[at]:
            child = node.next.get(form)
            if child is not None:
                paths.append((child, at + 1))
        anyone = node.next.get(_ANY)
        if anyone is not None:
            paths.append((anyone, at + 1))
        gap = node.next.get(_GAP)
        if gap is not None:
            paths.extend((gap, past) for past in range(at + 1, min(at + _GAP_MOST, n) + 1))


@lru_cache(maxsize=8192)
def _spelt(token: str) -> frozenset[str]:
    """A word's forms as said: itself, its plain singular, and "5+" for a number of five or
    more in digits."""
    many = (_MANY,) if token.isdigit() and int(token) >= _MANY_FROM else ()
    return frozenset((token, _singular(token), *many))


@lru_cache(maxsize=8192)
def _singular(token: str) -> str:
    """A plain plural's singular ("bridges", "roofs"), for lists matched as said."""
    if token.endswith("es") and token[:-2].endswith(("ch", "sh", "ss", "x")):
        return token[:-2]
    return token[:-1] if token.endswith("s") and not token.endswith("ss") else token


def _grouped(found: list[Found]) -> _Grouped:
    """Phrases by their list's name, in order."""
    by_list: _Grouped = defaultdict(list)
    for f in found:
        by_list[f.words].append(f)
    return by_list


def _explained(
    found: list[Found], every: _Grouped, index: _Index
) -> tuple[list[Found], list[Found]]:
    """The phrases benign compositions used: explained, they signal nothing. Second, those the
    compositions that hide their words from crisis too used (not "explains: risk" ones).

    A composition explains only the use it picked, never another use of the same words
    elsewhere in the statement ("cut my hair, then cut myself"): each use needs its own
    explanation. So each composition applies again over what it left until it picks nothing
    new ("killed it at work and killed it at the gym").
    """
    quieted: list[Found] = []
    shielded: list[Found] = []
    for composition in _candidates(index, Outcome.BENIGN, every):
        used = _uses(composition, every, index.risky)
        quieted.extend(used)
        if not composition.quiets_only:
            shielded.extend(used)
    return quieted, shielded


def _uses(composition: Composition, every: _Grouped, risky: frozenset[str]) -> list[Found]:
    """The phrases of every use ``composition`` picks, clause by clause ("I cut my hair, and
    then I cut myself": a use never reaches into the next thing said), applied again and again
    over the phrases no earlier use of it took."""
    joins = frozenset(at for f in every.get(_JOINED, ()) for at in range(f.start, f.end))
    used: list[Found] = []
    for pool in _by_clause(every):
        while picked := _pick(composition, pool, every):
            one = _one_use(picked, pool, joins, risky)
            used.extend(one)
            pool = {n: [f for f in phrases if not _covered(f, one)] for n, phrases in pool.items()}
    return used


def _by_clause(every: _Grouped) -> list[_Grouped]:
    """The phrases said in each clause: the statement cut where a next thing begins ("and
    then", "later", "after that"); a phrase belongs to the clause it starts in."""
    turns = sorted(every.get(_TURN, []), key=lambda f: f.start)
    ends: list[int] = []
    for turn in turns:  # the end of each run of turn words, in order
        if ends and turn.start < ends[-1]:
            ends[-1] = max(ends[-1], turn.end)
        else:
            ends.append(turn.end)
    if not ends:
        return [every]
    clauses: list[_Grouped] = [defaultdict(list) for _ in range(len(ends) + 1)]
    for name, phrases in every.items():
        for f in phrases:
            clauses[bisect_right(ends, f.start)][name].append(f)
    return clauses


def _one_use(
    picked: list[Found], pool: _Grouped, joins: frozenset[int], risky: frozenset[str]
) -> list[Found]:
    """The phrases ``picked``, and the other phrases of their lists that are part of the same
    use: over the same words ("hung", "hung from"); a name of one place or thing said twice,
    side by side or joined ("the dock into the lake", "the car park on the roof"), never an
    act; and an everyday word between the words picked ("cleaned the mould with bleach")."""
    start, end = min(p.start for p in picked), max(p.end for p in picked)
    one = list(dict.fromkeys(picked))
    grown = True
    while grown:
        grown = False
        for name in dict.fromkeys(p.words for p in one):
            for f in pool.get(name, ()):
                if f not in one and (
                    (name not in risky and start <= f.start and f.end <= end)
                    or any(_same_use(f, u, joins) for u in one if u.words == name)
                ):
                    one.append(f)
                    grown = True
    return one


def _same_use(f: Found, u: Found, joins: frozenset[int]) -> bool:
    """Two phrases of one list are one use: over the same words, or (not acts) side by side or
    joined by a few prepositions and articles (``joins``: their words' places)."""
    if f.start < u.end and u.start < f.end:
        return True
    if f.words.startswith(_ACTS):
        return False
    first, then = (u, f) if u.end <= f.start else (f, u)
    gap = range(first.end, then.start)
    return len(gap) <= _JOIN_MOST and all(at in joins for at in gap)


def _pick(composition: Composition, available: _Grouped, every: _Grouped) -> list[Found] | None:
    """The phrases that satisfy each ``needs`` line, or None if one is not met (or ``unless``)."""
    if any(_term(term, every) for term in composition.unless):
        return None
    picked: list[Found] = []
    for alternatives in composition.needs:
        match = next((m for term in alternatives if (m := _term(term, available))), None)
        if match is None:
            return None
        picked.extend(match)
    return picked


def _term(term: Term, by_list: _Grouped) -> list[Found] | None:
    if not isinstance(term, Near):
        return by_list.get(term, [])[:1] or None
    for first in by_list.get(term.first, ()):
        for then in by_list.get(term.then, ()):
            if first.end <= then.start <= first.end + term.within and then is not first:
                return [first, then]
    return None


def _covered(f: Found, explained: list[Found]) -> bool:
    return any(e.start <= f.start and f.end <= e.end for e in explained)


def _negated(f: Found, found: list[Found]) -> bool:
    """An act said right after "not" or "never" ("did not take them all") makes no crisis."""
    if not f.words.startswith(_ACTS):
        return False
    return any(n.words == _NEGATION and n.end <= f.start <= n.end + _NEGATION_REACH for n in found)


def _indexed(lexicon: Lexicon) -> _Index:
    said, by_lemma = _Node(), _Node()
    for name, words in lexicon.words.items():
        for phrase in words.phrases:
            (said if words.said else by_lemma).add(phrase, name)
    risky = frozenset(name for name, words in lexicon.words.items() if words.risk)
    of = {outcome: lexicon.of(outcome) for outcome in Outcome}
    keyed = {outcome: _keyed(compositions) for outcome, compositions in of.items()}
    return _Index(lexicon, said, by_lemma, risky, of, keyed)


def _keyed(compositions: tuple[Composition, ...]) -> dict[str, tuple[int, ...]]:
    """A list's name -> the places of the compositions whose first ``needs`` line names it (a
    near term by its first list: both must be found)."""
    places: defaultdict[str, list[int]] = defaultdict(list)
    for place, composition in enumerate(compositions):
        for term in composition.needs[0]:
            name = term.first if isinstance(term, Near) else term
            if place not in places[name]:
                places[name].append(place)
    return {name: tuple(found) for name, found in places.items()}


@lru_cache(maxsize=1)
def _package_index() -> _Index:
    """The package's English lexicon: ``en.txt``, then every English locale's additions."""
    folder = resources.files("skill.data").joinpath("lexicon")
    names = sorted(entry.name for entry in folder.iterdir() if entry.name.endswith(".txt"))
    own = "en.txt"
    locales = [name for name in names if name.startswith("en-")]
    texts = [folder.joinpath(name).read_text("utf-8") for name in [own, *locales]]
    return _indexed(read_lexicon(*texts))


def package_lexicon() -> Lexicon:
    return _package_index().lexicon


def prepare() -> None:
    """Read the lexicon and the lemmatiser's dictionary now (before a snapshot)."""
    from skill.domain.lemmas import prepare as prepare_lemmas

    _package_index()
    prepare_lemmas()
