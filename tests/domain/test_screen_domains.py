"""Ordinary life told with alarming words, by domain: cooking, outings to heights and water,
the stage and the mat, care given to others, and sayings. Each is a win; the same words with a
purpose, an intent, a body or a time of finality are never one."""

import pytest

from skill.domain.screen import Frame, Kind, screen

WINS = [
    # food and cooking: the food is what is cut, burned, drowned or killed
    "slit the chillies lengthways and took the seeds out",
    "stabbed the jacket potatoes and put them in the oven",
    "burnt the garlic bread but made the lasagne anyway",
    "drowned my fries in gravy and ate the lot happily",
    "cut myself a thick slice of the banana bread",
    "killed the last of the cheesecake with my sister",
    # outings to heights and water
    "walked across the glass floor at the observation deck",
    "climbed the bridge with a guide for my birthday",
    "took the cable car up the mountain with my partner",
    "swam out into the sea and back with the open water club",
    # the stage and the mat
    "played the murdered maid in the school play and got a laugh",
    "did the knife fight in the musical with a prop knife",
    "landed my first armbar and a choke in sparring at jiu jitsu",
    "hung upside down on the trapeze in my circus class",
    # care given to others
    "crushed his tablets into the jam like the nurse showed me",
    "gave the dog his worming tablet wrapped in cheese",
    # sayings
    "hosted christmas for twelve and nobody died",
    "the toaster gave up the ghost so i bought a new one",
    "did my deadlifts and hit a new pb",
]

NOT_WINS = [
    "cut myself again last night",
    "cut myself with a razor after tea",
    "i slit my wrists after dinner",
    "burned my arm on purpose while the pasta cooked",
    "i want to drown myself in the bath after tea",
    "walked to the bridge with my dog to jump",
    "i am going to the bridge tonight and will not come back",
    "swam out into the sea tonight so i would not come back",
    "i took the prop knife home to use on my wrist",
    "i want to choke myself after the show",
    "crushed all her pills and took them myself",
]


@pytest.mark.parametrize("said", WINS)
def test_ordinary_life_in_alarming_words_is_a_win(said: str) -> None:
    assert screen(said, "i").kind is Kind.WIN


@pytest.mark.parametrize("said", NOT_WINS)
def test_the_same_words_with_danger_are_never_a_win(said: str) -> None:
    assert screen(said, "i").kind is not Kind.WIN


@pytest.mark.parametrize(
    "said",
    [
        "stab the potatoes and roast them",
        "play the death scene without laughing",
        "give the cat her thyroid tablet in some ham",
    ],
)
def test_a_plan_in_the_same_domains_is_a_plan(said: str) -> None:
    assert screen(said, "i will", Frame.INTEND).kind is Kind.WIN


@pytest.mark.parametrize(
    "said",
    [
        "it has been nine weeks since i last burned myself",
        "four months since i last took too many pills",
        "a whole school year with no overdoses",
        "told the padre on the ship that i had been thinking about ending it",
    ],
)
def test_time_since_harm_and_telling_a_listener_are_recovery_steps(said: str) -> None:
    verdict = screen(said, "")
    assert verdict.kind is Kind.WIN and verdict.support


@pytest.mark.parametrize(
    "said",
    [
        "it has been a week since i last cut and i am going to do it again tonight",
        "two years since i last overdosed and tonight i am taking them all",
    ],
)
def test_time_since_harm_with_danger_now_is_never_a_win(said: str) -> None:
    assert screen(said, "").kind is not Kind.WIN
