"""Makes the care nets' weights from the care corpus, the same way every time.

    python -m tests.care.train [CORPUS.tsv ...] [--net danger|harm] [--out FILE]
                               [--held-out SEED]

By default it reads the care corpus, ``fourth.tsv``, ``fifth.tsv`` and ``sixth.tsv`` (rounds of
statements written without sight of the skill) and ``ordinary.tsv`` (plans, feelings and wins of
everyday talk, so that "i'm going to clean" is not taken for intent).

A logistic model (``skill.domain.care_net``) learns which statements are a crisis (CRISIS
and BOTH lines) from everything else (wins, recovery steps, not-a-win lines), by stochastic
gradient descent in a fixed order. Its threshold is chosen on families it did not learn from:
the corpus's families are dealt into five folds, each fold is scored by a model that learned
from the other four, and the threshold is the lowest at which at most ``WIN_BUDGET`` of those
unseen wins would be asked about. ``--held-out SEED`` learns from half the families only
(the half ``tests.care.check --held-out SEED`` does not score) and writes nothing: it prints
how the other half fares.

The harm net learns the same way which statements are not a win (NOTWIN lines) from wins,
recovery steps and plans, weighing how words feel too. It is asked only about statements the
rules would celebrate, so its threshold is chosen on those alone: at most ``HARM_BUDGET`` of
the unseen wins the rules celebrate may be offered back instead. Without ``--net`` both nets
are made.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Final, NamedTuple

from skill.domain.care_net import HARM_WEIGHTS_FILE, WEIGHTS_FILE, Net, features, harm_features
from skill.domain.screen import Kind, screen, unexplained
from skill.services.routines import PLAN_CARRIER
from tests.care.check import CORPUS, Line, held_out, read_corpus

DATA: Final = Path(__file__).resolve().parents[2] / "skill" / "data"
DANGER: Final = frozenset({"CRISIS", "BOTH"})
# What must not be asked about: wins, recovery steps, and ordinary plans and feelings.
WINS: Final = frozenset({"WIN", "SENS", "PLAN", "FEEL", "ASK"})
HARM: Final = frozenset({"NOTWIN"})
# What the danger net's budget counts: talk to the skill ("ASK": questions, closings, shrugs) is
# learned from but left out, so that many easy lines do not lower the threshold for the rest.
BUDGETED: Final = frozenset({"WIN", "SENS", "PLAN", "FEEL"})
# What the harm net learns to tell from harm: feelings are left out, as the rules meet them.
GOOD: Final = frozenset({"WIN", "SENS", "PLAN"})
# At most this share of the unseen wins the rules celebrate may be offered back instead.
HARM_BUDGET: Final = 0.04
ORDINARY: Final = Path(__file__).resolve().parent / "ordinary.tsv"
# A fourth round of statements written without sight of the skill, learned from and measured
# (``scripts/dev care tests/care/fourth.tsv``), not yet held to the corpus's targets.
FOURTH: Final = Path(__file__).resolve().parent / "fourth.tsv"
# A fifth round, the same way (``scripts/dev care tests/care/fifth.tsv``).
FIFTH: Final = Path(__file__).resolve().parent / "fifth.tsv"
# A sixth round, the same way (``scripts/dev care tests/care/sixth.tsv``).
SIXTH: Final = Path(__file__).resolve().parent / "sixth.tsv"
# What the nets learn from by default; never ``held_out.tsv``, which measures what nothing was
# built from.
LEARNED_FROM: Final = (CORPUS, FOURTH, FIFTH, SIXTH, ORDINARY)
HELD_OUT: Final = Path(__file__).resolve().parent / "held_out.tsv"
# At most this share of wins from families the model never saw may be asked about.
WIN_BUDGET: Final = 0.03
EPOCHS: Final = 24
RATE: Final = 0.2
DECAY: Final = 1e-4  # weight decay on each feature a step touches
KEEP: Final = 0.005  # weights smaller than this are left out of the file
FOLDS: Final = 5
SEED: Final = 20261206


@cache
def seen(line: Line) -> str:
    """The line as the screen shows it to the net: less what an everyday use explained."""
    return unexplained(line.text, "")


class Learns(NamedTuple):
    """One net to learn: what it looks for, what it must tell that from, how it reads."""

    name: str
    out: str
    positive: frozenset[str]
    negative: frozenset[str]
    reads: Callable[[str], list[str]]
    valence: bool = False


NETS: Final = {
    "danger": Learns("danger", WEIGHTS_FILE, DANGER, WINS | frozenset({"NOTWIN"}), features),
    "harm": Learns("harm", HARM_WEIGHTS_FILE, HARM, GOOD, harm_features, valence=True),
}


def learned(lines: Sequence[Line], net: Learns = NETS["danger"]) -> tuple[float, dict[str, float]]:
    """A bias and weights that tell the lines ``net`` looks for from the rest."""
    examples = [(net.reads(seen(line)), line.label in net.positive) for line in lines]
    positives = sum(1 for _, danger in examples if danger) or 1
    negatives = len(examples) - positives or 1
    # Each kind weighs the same in all, however many lines it has.
    balance = {True: len(examples) / (2 * positives), False: len(examples) / (2 * negatives)}
    order = list(range(len(examples)))
    shuffler = random.Random(SEED)
    weights: dict[str, float] = {}
    bias = 0.0
    for epoch in range(EPOCHS):
        shuffler.shuffle(order)
        rate = RATE / (1 + epoch * 0.5)
        for index in order:
            found, danger = examples[index]
            score = bias + sum(weights.get(f, 0.0) for f in found)
            predicted = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))
            step = rate * balance[danger] * ((1.0 if danger else 0.0) - predicted)
            bias += step
            for f in found:
                weight = weights.get(f, 0.0)
                weights[f] = weight + step - rate * DECAY * weight
    kept = {f: round(w, 4) for f, w in sorted(weights.items()) if abs(w) >= KEEP}
    return round(bias, 4), kept


def folds(lines: Sequence[Line]) -> list[list[Line]]:
    """The lines dealt into folds by family, the same way each time."""
    families = sorted({line.family for line in lines})
    random.Random(SEED).shuffle(families)
    fold_of = {family: i % FOLDS for i, family in enumerate(families)}
    dealt: list[list[Line]] = [[] for _ in range(FOLDS)]
    for line in lines:
        dealt[fold_of[line.family]].append(line)
    return dealt


def model(net: Learns, bias: float, weights: dict[str, float], at: float = 0.5) -> Net:
    return Net(bias, at, weights, valence=net.valence)


def unseen_scores(lines: Sequence[Line], net: Learns = NETS["danger"]) -> list[tuple[Line, float]]:
    """Every line's probability from a model that never saw its family."""
    scored = []
    dealt = folds(lines)
    for i, fold in enumerate(dealt):
        rest = [line for j, other in enumerate(dealt) if j != i for line in other]
        judge = model(net, *learned(rest, net))
        scored += [(line, judge.probability(seen(line))) for line in fold]
    return scored


@cache
def celebrated(line: Line) -> bool:
    """The rules (and the danger net) would celebrate the line, said as "I ..."."""
    return screen(line.text).kind is Kind.WIN


def threshold(scored: Sequence[tuple[Line, float]], net: Learns = NETS["danger"]) -> float:
    """The lowest threshold that asks about at most the budget's share of the unseen wins:
    for the harm net, of the unseen wins the rules would celebrate."""
    if net.name == "harm":
        asked = [p for line, p in scored if line.label in net.negative and celebrated(line)]
        budget = HARM_BUDGET
    else:
        asked = [p for line, p in scored if line.label in BUDGETED]
        budget = WIN_BUDGET
    wins = sorted(asked, reverse=True)
    allowed = int(len(wins) * budget)
    return round(min(0.99, wins[allowed] + 1e-4), 4) if wins else 0.5


def report(scored: Sequence[tuple[Line, float]], at: float, title: str) -> None:
    by_label: dict[str, list[float]] = {}
    for line, p in scored:
        by_label.setdefault(line.label, []).append(p)
    parts = []
    for label, ps in sorted(by_label.items()):
        alarmed = sum(1 for p in ps if p >= at)
        parts.append(f"{label} {alarmed}/{len(ps)} alarmed")
    print(f"{title} (threshold {at}): " + ", ".join(parts))


def relevant(lines: Sequence[Line], net: Learns) -> list[Line]:
    return [line for line in lines if line.label in net.positive | net.negative]


def make(net: Learns, lines: Sequence[Line], out: Path) -> None:
    """Learn ``net`` from ``lines`` and write its weights to ``out``."""
    lines = relevant(lines, net)
    scored = unseen_scores(lines, net)
    at = threshold(scored, net)
    report(scored, at, f"{net.name} net, families unseen in training")
    bias, weights = learned(lines, net)
    out.write_text(model(net, bias, weights, at).to_json(), "utf-8")
    print(f"wrote {len(weights)} weights to {out.name}")


def held_out_report(net: Learns, lines: Sequence[Line], seed: int) -> None:
    """Learn ``net`` from half the families; say how the other half fares. Writes nothing."""
    out, scored_lines = held_out(list(lines), seed)
    learning = relevant([line for line in lines if line.family not in out], net)
    at = threshold(unseen_scores(learning, net), net)
    judge = model(net, *learned(learning, net), at)
    report(
        [(line, judge.probability(seen(line))) for line in relevant(scored_lines, net)],
        at,
        f"{net.name} net, held out, seed {seed}",
    )


def said_to_the_morning(lines: list[Line]) -> list[Line]:
    """``lines``, and talk to the skill ("ASK") again as the morning question's answer reaches
    the screen, after "I will" ("i will not sure yet"): the net learns it as it will see it."""
    return lines + [
        line._replace(text=f"{PLAN_CARRIER} {line.text}") for line in lines if line.label == "ASK"
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("corpora", nargs="*", type=Path, default=list(LEARNED_FROM))
    parser.add_argument("--net", choices=sorted(NETS), help="one net only (default: both)")
    parser.add_argument(
        "--out", type=Path, help="where to write (with --net; default: the package)"
    )
    parser.add_argument("--held-out", type=int, metavar="SEED")
    args = parser.parse_args(argv)
    if args.out is not None and args.net is None:
        print("--out needs --net", file=sys.stderr)
        return 2
    lines = said_to_the_morning([line for corpus in args.corpora for line in read_corpus(corpus)])
    if any(not line.family for line in lines):
        print("every line needs a family (a four-column corpus)", file=sys.stderr)
        return 2
    nets = [NETS[args.net]] if args.net else list(NETS.values())
    for net in nets:
        if args.held_out is not None:
            held_out_report(net, lines, args.held_out)
        else:
            make(net, lines, args.out or DATA / net.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
