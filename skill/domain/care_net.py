"""Second opinions: linear models over a statement's words, one for danger, one for harm.

The word lists and compositions (``recognise``) say why a statement is a crisis; they cannot
know every way of saying it. This model has read every statement of the care corpus and
weighs what it has not seen by its words, word pairs and pieces of words, so a new spelling,
a misheard word or another shape of the same words still counts. It only ever asks more:
a statement the rules would celebrate, or meet as not a win, is met with the safety check-in
when the model finds it likely to be a crisis. It never calms a statement the rules found
dangerous.

The harm net is the same kind of model, for what is not a win: a statement the rules would
celebrate is offered back ("Do you want me to log that one as a win?") rather than cheered when the
model finds it likely to be a harm, a failure or a painful event. Besides the words it weighs
how they feel: each word's valence from a general sentiment lexicon (``skill/data/valence``),
so a word no corpus line used ("torched", "flaked") still leans one way.

Inference is pure Python over committed weights (``skill/data/care_net.json`` and
``harm_net.json``), read on first use, never at import. ``python -m tests.care.train``
(``scripts/dev care --train``) makes them again from the corpus, the same way each time, and
chooses each threshold on families it did not learn from.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources
from typing import Final, NamedTuple

from skill.domain.lemmas import lemmas

WEIGHTS_FILE: Final = "care_net.json"
HARM_WEIGHTS_FILE: Final = "harm_net.json"
VALENCE_FILE: Final = "en.txt"
# A word at least this far from neutral (on the lexicon's scale of -4 to 4) leans one way;
# twice as far, strongly.
_LEANS: Final = 1.0


def features(text: str) -> list[str]:
    """What the model weighs in ``text`` (canonical: lower case, no punctuation): each word,
    each word's dictionary form where it differs ("took" is also "take"), and each pair of
    neighbouring words. Pieces of words were tried too: on families the model had not seen
    they cost more wins than they caught crises."""
    words = text.split()
    found = [f"w {word}" for word in words]
    pairs = zip(lemmas(words), words, strict=True)
    found += [f"l {lemma}" for lemma, word in pairs if lemma != word]
    found += [f"b {a} {b}" for a, b in zip(words, words[1:], strict=False)]
    return found


def kinds(words: list[str]) -> list[str]:
    """The lexicon's word lists found in the words, as features ("k means.medicine"): a word
    the corpus never used counts through the kind of thing it names."""
    from skill.domain.recognise import lists_in

    return [f"k {name}" for name in sorted(lists_in(tuple(words)))]


def felt(text: str) -> list[str]:
    """How ``text``'s words feel, as features: "v -" for each word that leans negative ("v --"
    as well for a strong one), "v +" and "v ++" the same way; a word is looked up as said, and
    as its dictionary form."""
    words = text.split()
    found = []
    lexicon = valence()
    for lemma, word in zip(lemmas(words), words, strict=True):
        value = lexicon.get(word, lexicon.get(lemma))
        if value is None:
            continue
        sign = "-" if value < 0 else "+"
        found.append(f"v {sign}")
        if abs(value) >= 2 * _LEANS:
            found.append(f"v {sign}{sign}")
    return found


def harm_features(text: str) -> list[str]:
    """What the harm net weighs: the words, as the danger net weighs them, pairs of their
    dictionary forms ("get clamp" for "got clamped" and "gets clamped"), how they feel, and
    the kinds of thing they name (``kinds``)."""
    forms = lemmas(text.split())
    pairs = [f"p {a} {b}" for a, b in zip(forms, forms[1:], strict=False)]
    return features(text) + pairs + felt(text) + kinds(text.split())


class Net(NamedTuple):
    """A logistic model: a weight for each feature, a bias and the threshold it is used at.
    ``valence`` says it weighs how words feel too (``harm_features``)."""

    bias: float
    threshold: float
    weights: dict[str, float]
    valence: bool = False

    def probability(self, text: str) -> float:
        """How likely ``text`` (canonical) is what the net looks for, from 0 to 1."""
        found = harm_features(text) if self.valence else features(text)
        score = self.bias + sum(self.weights.get(feature, 0.0) for feature in found)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))

    def alarmed(self, text: str) -> bool:
        return self.probability(text) >= self.threshold

    def to_json(self) -> str:
        body: dict[str, object] = {
            "bias": self.bias,
            "threshold": self.threshold,
            "weights": self.weights,
        }
        if self.valence:
            body["valence"] = True
        return json.dumps(body, sort_keys=True, separators=(",", ":")) + "\n"


def read_net(text: str) -> Net:
    """A net from its JSON text, as ``Net.to_json`` writes it."""
    body = json.loads(text)
    weights = {str(k): float(v) for k, v in body["weights"].items()}
    return Net(float(body["bias"]), float(body["threshold"]), weights, bool(body.get("valence")))


def read_valence(text: str) -> dict[str, float]:
    """Word valences from the lexicon's text: a word and its valence per line, "#" comments."""
    found = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            word, value = line.split()
            found[word] = float(value)
    return found


@lru_cache(maxsize=1)
def valence() -> dict[str, float]:
    """The committed valence lexicon, read once per process, on first use."""
    folder = resources.files("skill.data").joinpath("valence")
    return read_valence(folder.joinpath(VALENCE_FILE).read_text("utf-8"))


@lru_cache(maxsize=1)
def net() -> Net:
    """The committed net, read once per process, on first use."""
    return read_net(resources.files("skill.data").joinpath(WEIGHTS_FILE).read_text("utf-8"))


@lru_cache(maxsize=1)
def harm_net() -> Net:
    """The committed harm net, read once per process, on first use."""
    return read_net(resources.files("skill.data").joinpath(HARM_WEIGHTS_FILE).read_text("utf-8"))


def prepare() -> None:
    """Read the weights and the valence lexicon now (before a snapshot), rather than on the
    first statement."""
    net()
    harm_net()
    valence()
