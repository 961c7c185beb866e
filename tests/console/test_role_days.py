"""Four people's weeks with Small Wins, replayed through ``wins chat`` in their own words.

Issue 20 came from four roles who used the console over simulated days: depressed, with hard
mornings; ADHD, talking in run-ons; autistic and literal; in the UK, with a second person on the
same Echo. Each test here is one role's week: several runs of the real console process, each at
its own pinned instant in the role's time zone (the ADHD week crosses the end of daylight saving
time in Los Angeles), sharing one data folder as an Echo shares an account. Every utterance the
issue quotes is said once, by its role, in the place it was said: to the morning question,
after "Anything else?", after "Time's up. Did you ...?", on a bad day.

What is asserted is what the person needs: what is kept (read back through the product's own
``wins export`` at the end of the week, or by asking what was done on a day), and what is said
(second person, never "only", "just" or "kinda", no sentence twice in one reply, short for a
newcomer). Each day's docstring names the points of the issue's "What to build" it covers.
"""

from __future__ import annotations

import json
import re
import statistics
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import pytest

from tests.console.talking import WORDS, answers, chat

# slow: every day is a run of `wins chat` (and the week ends with `wins export`); each run pins
# its own instant and zone, so the machine's clock and zone never reach what is said.
pytestmark = pytest.mark.slow

PLAYED_DOWN = frozenset({"only", "just", "kinda"})
NOT_CAUGHT = tuple(
    text.split(".")[0]
    for key in ("fallback.speech", "fallback.again", "fallback.awaiting_win")
    for text in WORDS.variants(key)
)


def variants(key: str, **fields: str) -> tuple[str, ...]:
    return tuple(text.format(**fields) for text in WORDS.variants(key))


class Week:
    """One person's (or one household's) data folder, talked to on several days in one zone."""

    def __init__(self, data_dir: Path, zone: str) -> None:
        self.data_dir = data_dir
        self.zone = zone
        self.replies: list[str] = []

    def day(self, at: str, *lines: str, options: tuple[str, ...] = ()) -> list[str]:
        """The console at ``at`` (the device's own time), one reply per line said."""
        said = answers(
            chat(self.data_dir, *lines, options=("--at", at, "--time-zone", self.zone, *options))
        )
        assert len(said) == len(lines), said
        self.replies += said
        return said

    def kept(self) -> list[str]:
        """Every win kept, oldest first, as ``wins export`` writes them out."""
        result = subprocess.run(
            [sys.executable, "-m", "skill.cli", "export", "--data-dir", str(self.data_dir)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        records = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
        return [record["text"] for record in records if record.get("type") == "win"]

    def spoken_well(self) -> None:
        """Nothing said all week played a win down or said a sentence twice."""
        for reply in self.replies:
            words = set(re.findall(r"[a-z']+", reply.lower()))
            assert not words & PLAYED_DOWN, reply
            sentences = [s for s in re.split(r"(?<=[.!?])\s+", reply) if s]
            assert len(sentences) == len(set(sentences)), reply


def understood(line: str) -> bool:
    return not any(line.startswith(miss) for miss in NOT_CAUGHT)


def contains_all(text: str, parts: Iterable[str]) -> bool:
    return all(part in text for part in parts)


def test_a_week_of_hard_mornings(tmp_path: Path) -> None:
    """Depressed, with hard mornings, in Chicago: points 1 (hedges dropped), 2 (shrugs are never
    wins and never read back), 4 (distress is never the plan), 6 (a bad day and a request), 11
    (a struggle with a win leads with the win; nothing played down or said twice)."""
    week = Week(tmp_path, "America/Chicago")

    # Monday morning, a first conversation: the morning question, met with distress (4).
    morning = week.day("2026-12-07T08:30", "open small wins", "ugh. i can't even get out of bed")
    assert morning[1].startswith((*variants("one_thing.hard"), *variants("not_a_win.feeling")))
    assert "Today's one thing" not in morning[1] and "out of bed" not in morning[1]

    # Monday afternoon: shrugs, said to the skill unasked (2): none is a win.
    shrugs = week.day(
        "2026-12-07T15:00",
        "tell small wins i dunno",
        "tell small wins meh",
        "tell small wins probably nothing",
    )
    for reply in shrugs:
        assert reply.startswith(variants("not_a_win.nothing")), reply
        assert "log" not in reply and "You" not in reply, reply  # a gentle word, no more
    assert "dunno" not in " ".join(shrugs) and "meh" not in " ".join(shrugs).lower()

    # Monday evening: hedged wins, in answer to "What did you do?" and "Anything else?" (1).
    evening = week.day(
        "2026-12-07T20:00",
        "open small wins",
        "i guess i showered",
        "i think i fed the cat",
        "no",
    )
    assert "You showered" in evening[1] and "guess" not in evening[1]
    assert "You fed the cat" in evening[2] and "think" not in evening[2]

    # Tuesday morning: a win read back is one of Monday's, never a shrug (2).
    (one,) = week.day("2026-12-08T08:30", "ask small wins for a win")
    assert "you showered" in one or "you fed the cat" in one, one
    assert not any(shrug in one for shrug in ("dunno", "meh", "probably nothing"))

    # Wednesday: a bad day. Not wins are not celebrated; a feeling with a request hears a
    # win (6).
    bad = week.day(
        "2026-12-08T21:00",
        "tell small wins i just lay there",
        "tell small wins i cancelled on my friend again",
        "tell small wins i feel like garbage. tell me something i did",
    )
    for reply in bad[:2]:
        assert not reply.startswith("You") and "win" not in reply.lower(), reply
    assert bad[2].startswith(variants("hear.after_hard")), bad[2]
    assert "you showered" in bad[2] or "you fed the cat" in bad[2], bad[2]

    # Friday: a failure with a win in it, and a win played down (11).
    friday = week.day(
        "2026-12-11T17:00",
        "tell small wins i failed my driving test but i went",
        "tell small wins i only managed to eat crackers",
    )
    assert friday[0].startswith("You") and "driving test" in friday[0], friday[0]
    assert "failed" not in friday[0]
    assert "crackers" in friday[1] and "You" in friday[1]

    # Sunday: the week as the person would ask for it, and as the export keeps it.
    (sunday,) = week.day("2026-12-13T10:00", "ask small wins what did I do on friday")
    assert "driving test" in sunday and "crackers" in sunday, sunday
    kept = week.kept()
    assert len(kept) == 4, kept
    assert kept[:2] == ["showered", "fed the cat"], kept
    assert "driving test" in kept[2] and "failed" not in kept[2]
    assert "crackers" in kept[3] and "only" not in kept[3]
    week.spoken_well()


def test_a_week_of_run_ons_across_the_clock_change(tmp_path: Path) -> None:
    """ADHD, in run-ons, in Los Angeles, over the end of daylight saving time (1 November):
    points 3 (several deeds, several wins, said back as a list), 4 (deeds told to the morning
    question are logged, then the plan is asked once), 7 (the goal check-in survives "what?
    oh."), 9 (hesitations are not heard), 10 (deeds without "I"), and the families a run-on
    brings: an added deed after "Anything else?", a self-correction, a vague "three things"
    asked about once, a deed done that had been put off."""
    week = Week(tmp_path, "America/Los_Angeles")

    # Thursday morning: deeds in one breath to the morning question (3, 4).
    thursday = week.day(
        "2026-10-29T08:00",
        "open small wins",
        "i did the dishes and i also answered three emails and i called my mom back",
        "oh and i took my meds",
    )
    assert "You did the dishes, answered three emails and called your mom back" in thursday[1]
    assert thursday[1].endswith(variants("one_thing.after_win")), thursday[1]
    assert "You took your meds" in thursday[2] and "oh and" not in thursday[2].lower()
    assert not thursday[2].endswith(variants("one_thing.after_win")), thursday[2]

    # Thursday afternoon and night: run-ons told unasked (3, 9); a struggle beside them.
    later = week.day(
        "2026-10-29T15:00",
        "tell small wins i emailed the landlord and i also cleaned out the fridge and um went"
        " to the gym too",
    )
    assert "You emailed the landlord, cleaned out the fridge and went to the gym" in later[0]
    assert WORDS.variants("numbers")[3] in later[0].lower(), later[0]
    night = week.day(
        "2026-10-29T23:30", "tell small wins i can't sleep, i cleaned my room and i did laundry"
    )
    assert "You cleaned your room and did laundry" in night[0]
    assert "sleep" not in night[0], night[0]

    # Friday: a one-minute goal, and "what? oh. not yet" when the minute is up (7).
    goal = week.day(
        "2026-10-30T16:00",
        "ask small wins to set a one minute goal to reply to my sister",
        "yes",
        ":wait",
        "what? oh. not yet",
        options=("--minute-seconds", "0.2"),
    )
    assert "Did you reply to your sister?" in goal[2], goal
    assert goal[3].startswith(variants("goal.not_yet")), goal[3]

    # Saturday: a vague count of things is asked about once; a self-correction keeps the
    # corrected deed; a deed added after "Anything else?" is one more win.
    saturday = week.day(
        "2026-10-31T11:00",
        "open small wins",
        "did three things",
        "oh wait I wrote ten pages no I mean I tidied my desk",
        "no wait also the recycling",
        "no",
    )
    assert saturday[1].startswith(variants("ask_win.vague")), saturday[1]
    assert "You tidied your desk" in saturday[2] and "ten pages" not in saturday[2]
    assert "recycling" in saturday[3] and saturday[3].startswith(("You", "Nice", "Love", "Yes"))

    # Sunday, the day the clocks go back: hesitations, a put-off deed, a deed without "I".
    sunday = week.day(
        "2026-11-01T10:00",
        "tell small wins so anyway I um I did a load of washing",
        "tell small wins oh and I also called the dentist which I'd been putting off",
        "tell small wins finished my essay",
    )
    assert "You did a load of washing" in sunday[0], sunday[0]
    assert "You called the dentist" in sunday[1], sunday[1]
    assert "You finished your essay" in sunday[2], sunday[2]

    # Monday, after the change: "yesterday" is Sunday in Los Angeles, whatever the offset.
    (monday,) = week.day("2026-11-02T09:00", "ask small wins what did I do yesterday")
    assert contains_all(monday, ["load of washing", "dentist", "essay"]), monday
    assert "recycling" not in monday and "desk" not in monday

    kept = week.kept()
    assert kept == [
        *("did the dishes", "answered three emails", "called my mom back", "took my meds"),
        *("emailed the landlord", "cleaned out the fridge", "went to the gym too"),
        *("cleaned my room", "did laundry"),
        *("tidied my desk", "did the recycling"),
        *("did a load of washing", "called the dentist"),
        "finished my essay",
    ], kept
    week.spoken_well()


def test_a_literal_newcomers_week(tmp_path: Path) -> None:
    """Autistic and literal, in Sydney: points 1 ("i mean" is no part of a win), 5
    (preferences act and are never wins: brief mode, calm, and back again), 7 (a deletion
    asked again plainly after a miss, so the no is informed), 11 (a newcomer's first
    conversation is short: median reply under 20 words)."""
    week = Week(tmp_path, "Australia/Sydney")

    # Monday, the first conversation: short replies, a hedge dropped, a vague answer asked
    # about once (11, 1).
    first = week.day(
        "2026-12-07T18:00",
        "open small wins",
        "i mean i brushed my teeth",
        "yes",
        "i did heaps of stuff",
        "i hung out the washing",
        "no",
        "ask small wins how many wins do I have",
    )
    assert all(understood(line) for line in first), first
    assert "You brushed your teeth" in first[1] and "mean" not in first[1]
    assert first[3].startswith(variants("ask_win.vague")), first[3]
    assert "You hung out the washing" in first[4]
    assert "2 wins" in first[6] or "two wins" in first[6], first[6]
    assert statistics.median(len(line.split()) for line in first) < 20, first

    # Tuesday: "I do not want to be asked questions" is a preference, acted on, never a win (5).
    tuesday = week.day(
        "2026-12-08T18:00",
        "tell small wins i do not want to be asked questions",
        "open small wins",
        "i replied to the email",
    )
    assert tuesday[0].startswith(variants("settings.brief")), tuesday[0]
    assert "You replied to the email" in tuesday[2] and "?" not in tuesday[2]

    # Wednesday: the same wish in other words, and calm; then a deletion misheard once (5, 7).
    wednesday = week.day(
        "2026-12-09T18:00",
        "open small wins",
        "tone it down",
        "stop asking me questions",
        "be brief",
        "delete my last win",
        "what do you mean",
        "no",
    )
    assert wednesday[1].startswith(variants("style.calm")), wednesday[1]
    assert wednesday[2].startswith(variants("settings.brief")), wednesday[2]
    assert wednesday[3].startswith(variants("settings.brief")), wednesday[3]
    assert "you replied to the email" in wednesday[5] and wednesday[5].endswith("Yes or no.")
    assert understood(wednesday[6]) and "delete" not in wednesday[6].lower()

    # Thursday: questions again, when asked for (5).
    thursday = week.day(
        "2026-12-10T18:00",
        "tell small wins you can ask me things again",
        "open small wins",
        "i walked to the shop",
        "no",
    )
    assert thursday[0].startswith(variants("settings.chatty")), thursday[0]
    assert "You walked to the shop" in thursday[2] and thursday[2].endswith("?")

    assert week.kept() == [
        "brushed my teeth",
        "hung out the washing",
        "replied to the email",
        "walked to the shop",
    ]
    week.spoken_well()


def test_a_british_household_on_one_echo(tmp_path: Path) -> None:
    """In the UK, with a teenager on the same Echo: point 8 (British goodbyes, thanks and
    counts: "nowt", "that's me done", "cheers", "have I got"), and the families the
    household brings: a chore done because someone said so is still a win, a struggle then a
    deed after "so" is a win, and a vague "loads" is asked about once."""
    week = Week(tmp_path, "Europe/London")

    # Monday evening: a win, then "nowt" to "Anything else?" and "that's me done" (8).
    monday = week.day(
        "2026-12-07T18:00",
        "open small wins",
        "i put the bins out",
        "nowt",
        "open small wins",
        "i rang the council",
        "that's me done",
    )
    assert "You put the bins out" in monday[1]
    assert understood(monday[2]) and "nowt" not in monday[2] and not monday[2].endswith("?")
    assert "You rang the council" in monday[4]
    assert understood(monday[5]) and not monday[5].endswith("?"), monday[5]

    # Monday, the teenager on the same Echo: a chore done under a push is theirs.
    (teen,) = week.day("2026-12-07T19:00", "tell small wins my mum made me do the hoovering")
    assert "You did the hoovering" in teen and "mum" not in teen, teen

    # Tuesday morning: "nowt" to the morning question sets no plan; "cheers" ends kindly (8).
    tuesday = week.day("2026-12-08T08:00", "open small wins", "nowt", "cheers")
    assert "Today's one thing" not in tuesday[1] and "nowt" not in tuesday[1]
    assert understood(tuesday[2]) and not tuesday[2].endswith("?"), tuesday[2]

    # Wednesday: a sleepless night then a deed, and a vague "loads" asked about once.
    wednesday = week.day(
        "2026-12-09T21:00",
        "tell small wins i could not sleep so i read a chapter",
        "tell small wins i did loads",
        "sorted the airing cupboard",
    )
    assert "You read a chapter" in wednesday[0], wednesday[0]
    assert wednesday[1].startswith(variants("ask_win.vague")), wednesday[1]
    assert "You sorted the airing cupboard" in wednesday[2], wednesday[2]

    # Thursday: counts in British words (8), and thanks.
    thursday = week.day(
        "2026-12-10T12:00",
        "ask small wins how many wins have I got",
        "ask small wins how many have I got so far",
        "tell small wins cheers",
    )
    for reply in thursday[:2]:
        assert "5 wins" in reply or "five wins" in reply, reply
    assert understood(thursday[2]) and not thursday[2].endswith("?")

    assert week.kept() == [
        "put the bins out",
        "rang the council",
        "did the hoovering",
        "could not sleep so i read a chapter",  # a deed after its struggle is kept whole
        "sorted the airing cupboard",
    ]
    week.spoken_well()
