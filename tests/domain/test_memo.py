"""Answers kept for one request: the same question is answered once, and only within it."""

from collections import Counter
from concurrent.futures import ThreadPoolExecutor

from skill.domain.memo import MAX_KEPT, keep, one_request, remembered, within_a_request
from skill.domain.reading import Context, read
from skill.domain.screen import Frame, likely_harm, screen, unexplained

asked: Counter[tuple[str, str]] = Counter()


@remembered
def shout(words: str, mark: str = "!") -> str:
    asked[(words, mark)] += 1
    return words.upper() + mark


def setup_function() -> None:
    asked.clear()


def test_outside_a_request_every_question_is_worked_out() -> None:
    assert [shout("hi"), shout("hi")] == ["HI!", "HI!"]
    assert asked[("hi", "!")] == 2


def test_within_a_request_the_same_question_is_worked_out_once() -> None:
    with one_request():
        answers = [shout("hi"), shout("hi"), shout("hi", "?"), shout("ho")]
    assert answers == ["HI!", "HI!", "HI?", "HO!"]
    assert asked == Counter({("hi", "!"): 1, ("hi", "?"): 1, ("ho", "!"): 1})


def test_nothing_is_kept_after_the_request() -> None:
    with one_request():
        shout("hi")
    with one_request():
        shout("hi")
    shout("hi")
    assert asked[("hi", "!")] == 3


def test_a_request_keeps_a_bounded_number_of_answers() -> None:
    with one_request():
        for number in range(MAX_KEPT + 10):
            assert shout(str(number)) == f"{number}!"
        shout(str(MAX_KEPT + 5))  # past the bound: worked out again, still right
        shout("0")  # within it: kept
    assert asked[(str(MAX_KEPT + 5), "!")] == 2
    assert asked[("0", "!")] == 1


def test_an_answer_worked_out_on_the_way_is_kept_for_the_request_only() -> None:
    with one_request():
        keep(shout, "HI, KEPT", "hi")
        keep(shout, "HO, KEPT", "ho", "!")
        answers = [shout("hi"), shout("ho", "!"), shout("ho")]
    assert answers == ["HI, KEPT", "HO, KEPT", "HO!"]
    keep(shout, "HI, KEPT", "hi")  # no request: nothing kept
    assert shout("hi") == "HI!"
    assert asked == Counter({("ho", "!"): 1, ("hi", "!"): 1})


def test_a_block_within_a_request_keeps_answers_for_that_request() -> None:
    with within_a_request():  # none open: one is opened for the block alone
        shout("hi")
        shout("hi")
    shout("hi")
    assert asked[("hi", "!")] == 2
    with one_request():
        with within_a_request():  # one open: the block keeps answers in it
            shout("ho")
        shout("ho")
    assert asked[("ho", "!")] == 1


def test_each_thread_keeps_its_own_answers() -> None:
    with one_request():
        shout("hi")
        with ThreadPoolExecutor(max_workers=1) as pool:
            assert pool.submit(shout, "hi").result() == "HI!"  # no request there: worked out
    assert asked[("hi", "!")] == 2


STATEMENTS = (
    "did the laundry",
    "i paid the bill, cleaned the bathroom and called the vet",
    "i can't sleep but i cleaned my room",
    "i want to die",
    "i need a pick me up",
    "dunno",
)


def test_the_screen_and_the_reader_answer_the_same_within_a_request() -> None:
    alone = [
        (screen(s), screen(s, "", Frame.OTHER), read(s), read(s, Context.DID)) for s in STATEMENTS
    ]
    with one_request():
        for _ in range(2):
            kept = [
                (screen(s), screen(s, "", Frame.OTHER), read(s), read(s, Context.DID))
                for s in STATEMENTS
            ]
            assert kept == alone


CARRIED = (
    *((s, "i") for s in STATEMENTS),
    ("burnt the dinner and the smoke alarm went off", "i"),
    ("kill myself", "i want to"),
    ("jumped off the top board at the pool", "i"),
    ("got my pills ready", "i"),
    ("", ""),
)


def test_what_the_screen_weighed_is_what_the_harm_net_is_asked_about() -> None:
    alone = [(unexplained(s, carrier), likely_harm(s, carrier)) for s, carrier in CARRIED]
    with one_request():
        for (s, carrier), (weighed, harm) in zip(CARRIED, alone, strict=True):
            screen(s, carrier, Frame.DONE)
            assert unexplained(s, carrier) == weighed  # as the screen found it
            assert likely_harm(s, carrier) is harm
