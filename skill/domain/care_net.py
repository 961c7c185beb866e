"""A second opinion on danger: a linear model over a statement's words and letters.

The word lists and compositions (``recognise``) say why a statement is a crisis; they cannot
know every way of saying it. This model has read every statement of the care corpus and
weighs what it has not seen by its words, word pairs and pieces of words, so a new spelling,
a misheard word or another shape of the same words still counts. It only ever asks more:
a statement the rules would celebrate, or meet as not a win, is met with the safety check-in
when the model finds it likely to be a crisis. It never calms a statement the rules found
dangerous.

Inference is pure Python over committed weights (``skill/data/care_net.json``), read on first
use, never at import. ``python -m tests.care.train`` (``scripts/dev care --train``) makes them
again from the corpus, the same way each time, and chooses the threshold on families it
did not learn from.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources
from typing import Final, NamedTuple

from skill.domain.lemmas import lemmas

WEIGHTS_FILE: Final = "care_net.json"


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


class Net(NamedTuple):
    """A logistic model: a weight for each feature, a bias and the threshold it is used at."""

    bias: float
    threshold: float
    weights: dict[str, float]

    def probability(self, text: str) -> float:
        """How likely ``text`` (canonical) is a crisis, from 0 to 1."""
        score = self.bias + sum(self.weights.get(feature, 0.0) for feature in features(text))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))

    def alarmed(self, text: str) -> bool:
        return self.probability(text) >= self.threshold

    def to_json(self) -> str:
        body = {"bias": self.bias, "threshold": self.threshold, "weights": self.weights}
        return json.dumps(body, sort_keys=True, separators=(",", ":")) + "\n"


def read_net(text: str) -> Net:
    """A net from its JSON text, as ``Net.to_json`` writes it."""
    body = json.loads(text)
    weights = {str(k): float(v) for k, v in body["weights"].items()}
    return Net(float(body["bias"]), float(body["threshold"]), weights)


@lru_cache(maxsize=1)
def net() -> Net:
    """The committed net, read once per process, on first use."""
    return read_net(resources.files("skill.data").joinpath(WEIGHTS_FILE).read_text("utf-8"))


def prepare() -> None:
    """Read the weights now (before a snapshot), rather than on the first statement."""
    net()
