"""The statement screen: crisis, not a win, or a win, judged on the whole statement.

The rules are data (skill/data/screen.txt); these tests hold the behaviour each family of rule
stands for, by the reason it gives, so an edit that breaks a family fails here by name.
"""

from __future__ import annotations

import pytest

from skill.domain.screen import Frame, Kind, canonical, is_win, screen
from tests.care.check import CORPUS, EXPECTED, read_corpus


@pytest.mark.parametrize(
    ("words", "carrier", "frame", "family"),
    [
        ("die", "i will", Frame.INTEND, "ideation"),  # "I want to {thing}" leaves only "die"
        ("end it tonight", "i will", Frame.INTEND, "ideation"),
        ("i want to kill myself", "", Frame.OTHER, "suicide"),
        ("would miss me", "nobody", Frame.OTHER, "ideation"),
        ("be better off without me", "everyone", Frame.OTHER, "ideation"),
        ("of anything", "what is the point", Frame.OTHER, "ideation"),
        ("go on", "i cannot", Frame.OTHER, "ideation"),
        ("i was dead", "i wish", Frame.OTHER, "suicide"),
        ("just a burden on everyone", "i am", Frame.STATE, "ideation"),
        ("tired of being alive", "i am", Frame.STATE, "ideation"),
        ("took too many pills", "i", Frame.DONE, "means"),
        ("bought a rope", "i", Frame.DONE, "means"),
        ("stockpiled my sleeping pills", "i", Frame.DONE, "means"),
        ("wrote a goodbye letter to my family", "i", Frame.DONE, "plan"),
        ("gave away all my things", "i", Frame.DONE, "plan"),
        ("cut myself again", "i", Frame.DONE, "harm"),
        ("overdosed last night", "i", Frame.DONE, "harm"),
        ("kms", "i want to", Frame.DONE, "suicide"),
        ("un alive my self", "i will", Frame.INTEND, "suicide"),  # as speech recognition spells
        ("sucidal", "i am", Frame.STATE, "suicide"),
        ("not safe right now", "i am", Frame.STATE, "ideation"),
        ("never wake up", "i want to sleep and", Frame.DONE, "ideation"),
    ],
)
def test_crisis_is_recognised_in_the_whole_statement(
    words: str, carrier: str, frame: Frame, family: str
) -> None:
    verdict = screen(words, carrier, frame)
    assert verdict.kind is Kind.CRISIS
    assert verdict.reason.split(".")[0] == family


@pytest.mark.parametrize(
    ("said", "family"),
    [
        ("hit my partner", "harm"),
        ("yelled at my kids", "harm"),
        ("shoplifted", "harm"),
        ("relapsed", "relapse"),
        ("started drinking again", "relapse"),
        ("ate nothing today", "eating"),
        ("made myself throw up after dinner", "eating"),
        ("hate who i am", "hatred"),
        ("am such an idiot", "hatred"),
        ("did nothing today", "nothing"),
        ("didn't do the laundry", "nothing"),
        ("failed my driving test", "nothing"),
        ("stayed in bed all day", "nothing"),
        ("missed another deadline", "nothing"),
        ("am so exhausted", "feeling"),
    ],
)
def test_harm_and_pain_are_not_wins(said: str, family: str) -> None:
    verdict = screen(said)
    assert verdict.kind is Kind.NOT_A_WIN
    assert verdict.reason.split(".")[0] == family


@pytest.mark.parametrize(
    "said",
    [
        "killed it at work",
        "died laughing at a movie",
        "finished the killer sudoku",
        "cut my hair",
        "cut myself a slice of cake",
        "took my pills",
        "took my overdose prevention training",
        "jumped rope",
        "hung a shelf",
        "drowned out the noise and studied",
        "shot a great photo",
        "pushed my son on the swings",
        "beat my brother at chess",
        "drank a glass of water",
        "finished my taxes",
    ],
)
def test_alarming_words_used_harmlessly_are_wins(said: str) -> None:
    assert screen(said).kind is Kind.WIN


@pytest.mark.parametrize(
    ("said", "reason", "support"),
    [
        ("went a month without self harm", "support", True),
        ("resisted the urge to hurt myself", "support", True),
        ("called 988 when i needed help", "support", True),
        ("rang the samaritans last night when i wanted to die", "support", True),
        ("told my therapist about my suicidal thoughts", "support", True),
        ("threw away my razors", "support", True),
        ("didn't drink today", "abstained", False),
        ("stayed sober", "abstained", False),
        ("quit vaping", "abstained", False),
        ("didn't yell at anyone", "abstained", False),
    ],
)
def test_recovery_and_abstaining_are_wins(said: str, reason: str, support: bool) -> None:
    verdict = screen(said)
    step = verdict.reason.split(".")[0]  # the rules' step, or a lexicon composition's family
    assert (verdict.kind, step, verdict.support) == (Kind.WIN, reason, support)


@pytest.mark.parametrize(
    "said",
    [
        "told my mom i want to kill myself tonight",  # telling someone, and still in danger
        "resisted the urge to cut but the urge is really strong right now",
        "threw my pills away for now",
        "did the dishes but i want to die",
    ],
)
def test_a_recovery_word_does_not_hide_present_danger(said: str) -> None:
    assert screen(said).kind is Kind.CRISIS


def test_a_win_in_a_hard_day_is_celebrated() -> None:
    assert screen("was exhausted but i still went to work").kind is Kind.WIN
    assert screen("hit my partner but i still went to work").kind is Kind.NOT_A_WIN


def test_plans_are_judged_as_plans() -> None:
    assert screen("do nothing and rest", "i will", Frame.INTEND).kind is Kind.WIN
    assert screen("hit him", "i will", Frame.INTEND).kind is Kind.NOT_A_WIN


def test_feelings_count_only_as_good_news() -> None:
    assert screen("good about cleaning my room", "i feel", Frame.FEEL).kind is Kind.WIN
    assert screen("proud", "i feel", Frame.FEEL).kind is Kind.WIN
    assert screen("weird", "i feel", Frame.FEEL).reason == "default.feeling"


def test_statements_about_others_are_never_celebrated_unless_the_person_took_part() -> None:
    assert screen("cares", "nobody", Frame.OTHER).kind is Kind.CRISIS
    assert screen("came to my party", "nobody", Frame.OTHER).reason == "default.other"
    assert screen("mom and i went shopping", "my", Frame.SHARED).kind is Kind.WIN
    assert screen("dog died", "my", Frame.SHARED).kind is Kind.NOT_A_WIN
    # Their own deed following counts as taking part; a hard thing following does not.
    assert screen("shop was quiet so i restocked it", "my", Frame.SHARED).kind is Kind.WIN
    assert screen("dog died so i cried all day", "my", Frame.SHARED).kind is Kind.NOT_A_WIN


def test_a_win_hiding_in_a_struggle_is_offered_in_the_persons_words() -> None:
    assert screen("failed my driving test").offer == "took my driving test"
    assert screen("did nothing today").offer == "got through the day"
    assert screen("hit my partner").offer is None


def test_canonical_text_spells_out_contractions_and_heard_spellings() -> None:
    assert canonical("I can\u2019t go on") == "i cannot go on"
    assert canonical("im gonna kil my self") == "i am going to kill myself"
    assert canonical("Don't, won't, I've!") == "do not will not i have"


def test_scots_negations_are_spelt_out_so_a_bad_day_is_never_a_win() -> None:
    assert canonical("i didnae get up, cannae face it") == "i did not get up cannot face it"
    assert canonical("wasnae good, dinnae care, willnae go") == (
        "was not good do not care will not go"
    )
    assert screen("didnae get out of bed till three").kind is Kind.NOT_A_WIN
    assert screen("didnae have a drink all week").kind is Kind.WIN  # abstaining is a win


def test_a_last_shift_or_day_at_work_is_no_goodbye() -> None:
    assert screen("finished my last night shift").kind is Kind.WIN
    assert screen("worked my last day at the office").kind is Kind.WIN
    assert screen("tonight is my last night on earth", "").kind is Kind.CRISIS


def test_is_win_is_the_screens_win() -> None:
    assert is_win("did the laundry")
    assert not is_win("want to die", "i")


# The screen alone, without a carrier ("I"): a floor under the whole path's targets
# (tests/care/check.py), which the carriers and the asking lift.
SCREEN_FLOORS = {"NOTWIN": 0.9, "WIN": 0.95, "SENS": 0.7}


def test_the_screen_meets_its_targets_on_the_projects_corpus() -> None:
    """The screen alone, each line whole ("" carrier): the floor the whole path builds on."""
    lines = read_corpus(CORPUS)
    assert len(lines) >= 400
    misses: dict[str, list[str]] = {}
    for line in lines:
        frame = Frame.FEEL if canonical(line.text).startswith("i feel") else Frame.DONE
        if screen(line.text, "", frame).kind not in EXPECTED[line.label]:
            misses.setdefault(line.label, []).append(line.text)
    counts = {label: sum(1 for line in lines if line.label == label) for label in EXPECTED}
    assert not misses.get("CRISIS") and not misses.get("BOTH"), misses
    for label, target in SCREEN_FLOORS.items():
        caught = counts[label] - len(misses.get(label, []))
        assert caught >= target * counts[label], (label, misses.get(label))


@pytest.mark.parametrize(
    ("carrier", "said", "kinds"),
    [
        ("i", "do not feel safe tonight", {Kind.CRISIS}),
        ("i am", "not sure i can keep myself safe", {Kind.CRISIS}),
        ("i am", "barely hanging on", {Kind.CHECK_IN}),
        ("i", "took my meds with vodka", {Kind.CHECK_IN, Kind.CRISIS}),
        ("i", "stopped taking my meds", {Kind.CHECK_IN}),
        ("i", "took a load of paracetamol", {Kind.CRISIS}),
        ("i", "have had 30 paracetamol", {Kind.CRISIS}),
        ("i", "took 2 paracetamol", {Kind.CHECK_IN}),  # an act with its means alone: asked
        ("i", "killed my brother", {Kind.NOT_A_WIN, Kind.CRISIS}),
        ("i", "threw my cat across the room", {Kind.NOT_A_WIN}),
        ("i", "left my kids home alone all night", {Kind.NOT_A_WIN}),
        ("i", "smashed my tv", {Kind.NOT_A_WIN}),
        ("i", "ran the engine in the garage with the door shut", {Kind.CRISIS}),
        ("i", "stopped taking my insulin", {Kind.CHECK_IN}),
        # and their everyday neighbours stay wins
        ("i", "killed my brother at mario kart", {Kind.WIN}),
        ("i", "stopped taking my meds with my doctor", {Kind.WIN}),
        ("i", "stopped skipping my meds", {Kind.WIN}),
        ("i", "was barely hanging on in spin class but i finished", {Kind.WIN}),
        ("i", "took two paracetamol for my headache", {Kind.WIN}),
        ("i", "went to my mum's when i didn't feel safe at home", {Kind.WIN}),
        ("i", "threw the ball for my dog", {Kind.WIN}),
        ("i", "did deadlifts at the gym", {Kind.WIN}),
    ],
)
def test_families_once_missed_are_recognised_and_their_neighbours_stay_wins(
    carrier: str, said: str, kinds: set[Kind]
) -> None:
    assert screen(said, carrier).kind in kinds
