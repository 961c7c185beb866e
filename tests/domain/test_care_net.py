"""The care net: what it weighs, its weights file, and that it only ever asks more."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from skill.domain.care_net import (
    Net,
    features,
    felt,
    harm_features,
    harm_net,
    net,
    read_net,
    read_valence,
    valence,
)
from skill.domain.screen import Kind, Verdict, _second_opinion, screen, unexplained
from tests.care.check import Line
from tests.care.train import learned


def test_features_are_words_their_dictionary_forms_and_pairs() -> None:
    found = features("i took the pills")
    expected = {"w i", "w took", "w pills", "l take", "l pill", "b took the", "b the pills"}
    assert expected <= set(found)
    assert "l i" not in found  # a word that is its own dictionary form is weighed once


@pytest.mark.parametrize("leaning", [True, False])
def test_a_net_reads_back_as_it_was_written(leaning: bool) -> None:
    written = Net(-1.25, 0.9, {"w pills": 1.5, "b took the": 0.25}, valence=leaning)
    assert read_net(written.to_json()) == written


def test_how_words_feel_is_weighed_by_each_word_and_its_dictionary_form() -> None:
    assert felt("i wasted the whole day") == ["v -", "v --"]  # "wasted": strongly
    assert "v -" in felt("i ruined it") and "v +" not in felt("i ruined it")
    assert felt("i hugged my nan") == ["v +"]  # "hugged" is "hug"
    assert "v --" in felt("it was a disaster") and "v ++" in felt("it was wonderful")
    assert felt("i walked the dog") == []


def test_the_harm_net_weighs_the_words_and_how_they_feel() -> None:
    text = "i wasted the whole day"
    found = harm_features(text)
    assert set(features(text)) | set(felt(text)) <= set(found)
    assert {"p i waste", "p waste the"} <= set(found)  # pairs of dictionary forms
    leaning = Net(0.0, 0.5, {"v -": 3.0}, valence=True)
    assert leaning.probability(text) > 0.9
    assert Net(0.0, 0.5, {"v -": 3.0}).probability(text) == 0.5  # the danger net does not


def test_the_valence_lexicon_reads_a_word_and_a_number_per_line() -> None:
    assert read_valence("# comment\nawful -3.4\nlovely 2.8\n") == {"awful": -3.4, "lovely": 2.8}
    lexicon = valence()
    assert lexicon["awful"] < -1 and lexicon["lovely"] > 1
    assert all(abs(value) >= 1 for value in lexicon.values())


@pytest.mark.parametrize(("committed", "leaning"), [(net, False), (harm_net, True)])
def test_the_committed_nets_are_read_and_have_a_threshold_between_zero_and_one(
    committed: Callable[[], Net], leaning: bool
) -> None:
    assert 0.5 < committed().threshold < 1.0
    assert len(committed().weights) > 1000
    assert committed().valence is leaning


ALARMED = Net(10.0, 0.5, {})  # finds everything a crisis
CALM = Net(-10.0, 0.5, {})  # finds nothing a crisis


@pytest.mark.parametrize("kind", [Kind.WIN, Kind.NOT_A_WIN])
def test_an_alarmed_net_turns_a_win_or_a_struggle_into_a_check_in(kind: Kind) -> None:
    verdict = _second_opinion(Verdict(kind, "default.done"), "i did a thing", judge=ALARMED)
    assert verdict == Verdict(Kind.CHECK_IN, "net.alarmed")


def test_a_named_harm_is_no_reason_for_a_danger_to_pass() -> None:
    harm = Verdict(Kind.NOT_A_WIN, "harm.others")
    assert _second_opinion(harm, "words", judge=ALARMED) == Verdict(Kind.CHECK_IN, "net.alarmed")
    assert _second_opinion(harm, "words", judge=CALM) == harm


@pytest.mark.parametrize(
    "verdict",
    [
        Verdict(Kind.CRISIS, "crisis.purpose"),
        Verdict(Kind.CHECK_IN, "risk.death"),
        Verdict(Kind.WIN, "support.reached_out", support=True),
    ],
)
def test_the_net_never_calms_a_danger_nor_questions_a_recovery_step(verdict: Verdict) -> None:
    assert _second_opinion(verdict, "words", judge=ALARMED) == verdict
    assert _second_opinion(verdict, "words", judge=CALM) == verdict


def test_a_calm_net_leaves_a_win_as_it_is() -> None:
    verdict = Verdict(Kind.WIN, "default.done")
    assert _second_opinion(verdict, "i did a thing", judge=CALM) is verdict


def test_the_net_weighs_only_what_no_everyday_use_explained() -> None:
    # "cut myself a slice of cake" is explained as food: the net never sees "cut myself", and
    # still weighs what nothing explained ("party").
    seen = unexplained("I cut myself a slice of cake at the party", "")
    assert "cut" not in seen.split() and "party" in seen.split()
    assert screen("cut myself a slice of cake").kind is Kind.WIN


def test_learning_is_the_same_every_time() -> None:
    lines = [
        Line("CRISIS", "i want to end it all tonight", "end", "a"),
        Line("CRISIS", "took every pill in the house", "pill", "a"),
        Line("WIN", "i walked the dog", "dog", "b"),
        Line("WIN", "took my meds on time", "meds", "b"),
    ]
    first, second = learned(lines), learned(lines)
    assert first == second
    bias, weights = first
    model = Net(bias, 0.5, weights)
    assert model.probability("i want to end it all tonight") > model.probability("i walked the dog")


@pytest.mark.slow
@pytest.mark.parametrize(("name", "committed"), [("danger", net), ("harm", harm_net)])
def test_the_committed_weights_are_what_the_corpus_teaches(
    tmp_path: Path, name: str, committed: Callable[[], Net]
) -> None:
    from tests.care.train import main

    out = tmp_path / "net.json"
    assert main(["--net", name, "--out", str(out)]) == 0
    assert read_net(out.read_text("utf-8")) == committed()


def test_the_nets_never_learn_from_the_held_out_set() -> None:
    from tests.care.check import read_corpus
    from tests.care.train import HELD_OUT, LEARNED_FROM

    held_out = read_corpus(HELD_OUT)
    learned_from = {line.text for corpus in LEARNED_FROM for line in read_corpus(corpus)}
    assert HELD_OUT not in LEARNED_FROM
    assert len(held_out) >= 300
    assert not [line.text for line in held_out if line.text in learned_from]
