"""Outcomes into words: each function returns a ``Reply`` built from the locale's catalogue.

All user text is escaped here, at the one place it meets SSML.
"""

from datetime import date
from random import Random
from typing import Final, NamedTuple

from skill.domain.choice import CelebrationPlan, CountNote, Style
from skill.domain.dates import RelativeDay, relative_day
from skill.domain.day_words import undated
from skill.domain.deeds import Told
from skill.domain.patterns import compiled
from skill.domain.phrasing import MAX_ECHO_WORDS, Win, WinKind, second_person
from skill.domain.settings import Setting
from skill.services.tally import Tally
from skill.services.wins import AllHeard, Heard, Logged, NotAWin
from skill.speech import ssml
from skill.speech.catalog import Catalog
from skill.speech.questions import QUESTIONS, Asked

# A day at most this many days back is named by its weekday alone ("On Tuesday").
THIS_WEEK: Final = 6


class Reply(NamedTuple):
    """What to say, what to ask if the person says nothing, and what to show."""

    speech: str  # SSML body, without <speak>
    reprompt: str | None = None  # present exactly when the session stays open
    card_title: str | None = None
    card_text: str | None = None
    permission_card: str | None = None  # a scope: the Alexa app card to grant it
    ask_for: str | None = None  # a scope: Alexa asks the person for it by voice next
    asked: Asked | None = None  # the question left open, when the session stays open

    @property
    def end_session(self) -> bool:
        return self.reprompt is None


def _escaped(fields: dict[str, object]) -> dict[str, object]:
    return {k: ssml.escape(v) if isinstance(v, str) else v for k, v in fields.items()}


def ask(
    catalog: Catalog,
    rng: Random,
    speech_key: str,
    reprompt_key: str,
    *,
    asked: Asked | None = None,
    **fields: object,
) -> Reply:
    """A question from the catalogue; the session stays open. Fields are escaped.

    The question it leaves open is the one ``QUESTIONS`` names for ``speech_key``, unless
    ``asked`` says otherwise (help for a yes-or-no question keeps that question open).
    """
    safe = _escaped(fields)
    return Reply(
        speech=catalog.pick(speech_key, rng, **safe),
        reprompt=catalog.pick(reprompt_key, rng, **safe),
        asked=asked or QUESTIONS[speech_key],
    )


def say(catalog: Catalog, rng: Random, key: str, **fields: object) -> Reply:
    """A statement from the catalogue; the session ends. Fields are escaped."""
    return Reply(speech=catalog.pick(key, rng, **_escaped(fields)))


def text(catalog: Catalog, key: str, **fields: object) -> Reply:
    """A single fixed text from the catalogue; the session ends. Fields are escaped."""
    return Reply(speech=catalog.text(key, **_escaped(fields)))


def with_permission_card(reply: Reply, scope: str) -> Reply:
    """The same reply, plus the Alexa app card that lets the person grant ``scope``."""
    return reply._replace(permission_card=scope)


def asking_for(reply: Reply, scope: str) -> Reply:
    """The same words, then Alexa asks the person for ``scope`` by voice."""
    return reply._replace(reprompt=None, ask_for=scope)


def win_phrase(catalog: Catalog, win: Win) -> str:
    """The win as words after "Yesterday, ...": plain text, lower-case start, not escaped."""
    if win.kind is WinKind.SAID:
        return win.said
    return catalog.text(f"kinds.{win.kind.value}", thing=win.said)


def spoken_time(catalog: Catalog, hour: int, minute: int) -> str:
    """A time of day as people say it: "8 AM", "7:30 PM"."""
    periods = catalog.variants("time.periods")
    twelve = hour % 12 or 12
    key = "time.on_the_hour" if minute == 0 else "time.with_minutes"
    return catalog.text(key, hour=twelve, minute=minute, period=periods[hour >= 12])


def then_ask(
    reply: Reply, catalog: Catalog, rng: Random, speech_key: str, reprompt_key: str
) -> Reply:
    """``reply``, then the question ``speech_key`` asks (its reprompt ``reprompt_key``)."""
    return _then_ask(reply, catalog, rng, speech_key, reprompt_key)


def _then_ask(
    reply: Reply, catalog: Catalog, rng: Random, speech_key: str, reprompt_key: str
) -> Reply:
    question = ask(catalog, rng, speech_key, reprompt_key)
    return reply._replace(
        speech=f"{reply.speech} {question.speech}",
        reprompt=question.reprompt,
        asked=question.asked,
    )


def launch(
    catalog: Catalog, rng: Random, *, returning: bool, morning: bool, brief: bool = False
) -> Reply:
    """The greeting. A newcomer first hears what Small Wins is; then one question.

    In the person's morning, with no one thing picked yet, the question is the one thing.
    Someone who asked for brief replies hears the question alone, shortly.
    """
    if brief:
        key = "morning.brief" if morning else "launch.brief"
        return ask(catalog, rng, key, "morning.reprompt" if morning else "launch.reprompt")
    if morning and returning:
        return ask(catalog, rng, "morning.prompt", "morning.reprompt")
    if morning:
        return ask(catalog, rng, "launch.new_morning", "morning.reprompt")
    key = "launch.returning" if returning else "launch.new"
    return ask(catalog, rng, key, "launch.reprompt")


def _count_line(catalog: Catalog, plan: CelebrationPlan) -> str:
    if plan.note is CountNote.FIRST_EVER:
        return catalog.text("count.first_ever")
    if plan.note is CountNote.MILESTONE:
        return catalog.text("count.milestone", total=plan.total)
    if plan.note is CountNote.TODAY:
        words = catalog.variants("ordinals")
        spoken = words[plan.today] if plan.today < len(words) else ssml.ordinal(plan.today)
        return catalog.text("count.today", ordinal=spoken)
    return ""


def celebration(catalog: Catalog, rng: Random, logged: Logged, *, in_session: bool) -> Reply:
    """A short, sincere celebration in the person's style, with a card."""
    plan = logged.plan
    # A recovery step told in crisis words, or a win the screen was not sure of: always
    # quiet, never a fanfare.
    if logged.support or logged.calm:
        plan = plan._replace(style=Style.CALM)
    if logged.others:
        return _several(catalog, rng, logged, plan, in_session=in_session)
    phrase = win_phrase(catalog, logged.win)
    sentence = phrase[:1].upper() + phrase[1:]
    said = ssml.escape(_on_its_day(catalog, logged, phrase))
    if logged.win.clean:
        lines = [catalog.variant(f"celebrate.{plan.style.value}", plan.variant, win=said)]
    else:  # "you just about finished the report": noted kindly, not cheered as done
        plan = plan._replace(style=Style.CALM, minimised=False)
        lines = [catalog.pick("progress", rng, win=said)]
    if plan.minimised:
        lines.append(catalog.variant("minimised", plan.minimiser_variant))
    lines.append(_count_line(catalog, plan))
    lines.insert(0, _no_such_day(catalog, logged))
    card = catalog.text("card.win", win=sentence)
    return _celebrated(catalog, rng, logged, plan, lines, card, in_session=in_session)


def day_said(catalog: Catalog, day: date, today: date) -> str:
    """A day in a list read out, as it starts a sentence: "Yesterday", "On Tuesday" within
    the last week of this year; across New Year or further back, "On Friday, October 23"
    (with the year too when it is not this one and more than a week back)."""
    back = (today - day).days
    if back <= 1 or (back <= THIS_WEEK and day.year == today.year):
        return when_words(catalog, relative_day(day, today))
    key = "span.date" if day.year == today.year or back <= THIS_WEEK else "span.date_full"
    fields = {
        "weekday": catalog.variants("weekdays")[day.weekday()],
        "month": catalog.variants("months")[day.month - 1],
        "day": day.day,
        "year": day.year,
    }
    said = catalog.text(key, **fields)
    return said[:1].upper() + said[1:]


def _on_its_day(catalog: Catalog, logged: Logged, phrase: str) -> str:
    """The win said back on the day its words named, that day said once: "Yesterday, you
    rang the bank"; as it is when it was done today or its own words name the day ("you
    rang your daughter yesterday evening")."""
    if logged.day is None or logged.today is None or undated(phrase) != phrase:
        return phrase[:1].upper() + phrase[1:]
    return f"{day_said(catalog, logged.day, logged.today)}, {phrase}"


def _each_on_its_day(catalog: Catalog, logged: Logged) -> list[str]:
    """Deeds done on days of their own, each run of one day with its day said after it where
    its words do not say it: "you cleaned the oven on Monday", "went for a run yesterday"."""
    phrases = [win_phrase(catalog, win) for win in logged.wins]
    if not logged.days or logged.today is None:
        return phrases
    said: list[str] = []
    for at, (phrase, day) in enumerate(zip(phrases, logged.days, strict=True)):
        ends_run = at + 1 == len(phrases) or logged.days[at + 1] != day
        if ends_run and undated(phrase) == phrase:
            phrase = f"{phrase} {within(catalog, day, logged.today)}"
        said.append(phrase)
    return said


def within(catalog: Catalog, day: date, today: date) -> str:
    """A day as it goes within a sentence: "today", "yesterday", "on Tuesday"."""
    if day == today:
        return catalog.text("when.today_within")
    said = day_said(catalog, day, today)
    return said[:1].lower() + said[1:]


def around(catalog: Catalog, day: date) -> str:
    """A day estimated from words that name none ("the other day"), as it starts a sentence:
    "Around Tuesday, December 8"."""
    return catalog.text(
        "when.around",
        weekday=catalog.variants("weekdays")[day.weekday()],
        month=catalog.variants("months")[day.month - 1],
        day=day.day,
    )


def _no_such_day(catalog: Catalog, logged: Logged) -> str:
    """ "There's no 31st in April, so I've kept it for today."; nothing for any other win."""
    if logged.no_such_day is None:
        return ""
    day = logged.no_such_day.day
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return catalog.variant(
        "celebrate_day.no_such_day",
        0,
        day=f"{day}{suffix}",
        month=catalog.variants("months")[logged.no_such_day.month - 1],
    )


def _celebrated(
    catalog: Catalog,
    rng: Random,
    logged: Logged,
    plan: CelebrationPlan,
    lines: list[str],
    card: str,
    *,
    in_session: bool,
) -> Reply:
    """The celebration's lines, then what is said after any win: a feeling or a struggle told
    with it heard, the story kept short, support; each sentence once."""
    if logged.told is not Told.NOTHING:
        lines.append(catalog.pick(f"told.{logged.told.value}", rng))
    if logged.shortened:
        lines.append(catalog.text("shortened"))
    if logged.support:
        lines.append(catalog.pick("support", rng))
    words = once(" ".join(line for line in lines if line))
    if plan.style is Style.CHEERFUL:
        sound = "sounds.milestone" if plan.note is CountNote.MILESTONE else "sounds.win"
        words = f"{ssml.audio(catalog.text(sound))}{ssml.excited(words)}"  # no stray space
    reply = Reply(speech=words, card_title=catalog.text("card.title"), card_text=card)
    if not in_session or plan.brief:  # brief: no "Any other wins?", and the session ends
        return reply
    return _then_ask(reply, catalog, rng, "continue.speech", "continue.reprompt")


# A list says back whole deeds up to this many words after its "you" (as a single win is said
# back), the first always; the rest are "and more", never half a deed.
MAX_LIST_WORDS: Final = MAX_ECHO_WORDS
# A list of this many deeds or fewer is said back whole, however long: "and more" would hide
# what was kept when there is so little of it.
WHOLE_LIST: Final = 3


def _several(
    catalog: Catalog, rng: Random, logged: Logged, plan: CelebrationPlan, *, in_session: bool
) -> Reply:
    """Several deeds said in one breath: "You paid the bill, cleaned the bathroom and called
    the vet: three wins." The card lists every one."""
    if not all(win.clean for win in logged.wins):  # one not quite done: noted, not cheered
        plan = plan._replace(style=Style.CALM)
    phrases = [win_phrase(catalog, win) for win in logged.wins]
    listed = _on_its_day(catalog, logged, _listed(catalog, _each_on_its_day(catalog, logged)))
    count = len(phrases)
    spoken = _number(catalog, count)
    line = catalog.variant(
        f"celebrate_several.{plan.style.value}",
        plan.variant,
        wins=ssml.escape(listed[:1].upper() + listed[1:]),
        count=spoken,
        count_word=spoken[:1].upper() + spoken[1:],
    )
    lines = [_no_such_day(catalog, logged), line]
    if plan.minimised:
        lines.append(catalog.variant("minimised_several", plan.minimiser_variant))
    if plan.note is CountNote.FIRST_EVER:
        lines.append(catalog.text("count.first_several"))
    elif plan.note is CountNote.TODAY:
        lines.append(catalog.text("count.today_several", count=_number(catalog, plan.today)))
    else:
        lines.append(_count_line(catalog, plan))
    card = "\n".join(
        catalog.text("card.win", win=phrase[:1].upper() + phrase[1:]) for phrase in phrases
    )
    return _celebrated(catalog, rng, logged, plan, lines, card, in_session=in_session)


def _listed(catalog: Catalog, phrases: list[str]) -> str:
    """Deeds as one list in the second person: the first keeps "you", the rest go on from it
    ("you paid the bill, cleaned the bathroom and called the vet"). Whole deeds only: up to
    ``WHOLE_LIST`` deeds, all of them; of more, after ``MAX_LIST_WORDS`` words the rest are
    "and more"."""
    items = [phrases[0], *(_going_on(phrase) for phrase in phrases[1:])]
    kept = items[:1]
    for item in items[1:]:
        if len(items) > WHOLE_LIST and len(" ".join([*kept, item]).split()) > MAX_LIST_WORDS + 1:
            break  # after the first "you", whole deeds up to the words a win is said in
        kept.append(item)
    if len(kept) < len(items):
        kept.append(catalog.text("list.more"))
    if len(kept) == 1:
        return kept[0]
    rest = catalog.text("list.comma").join(kept[:-1])
    return catalog.text("list.and", rest=rest, last=kept[-1])


# A later deed keeps its "you" before these ("you were brave"), and loses it before a deed.
_KEEPS_SUBJECT: Final = frozenset({"were", "are", "weren't", "aren't"})


def _going_on(phrase: str) -> str:
    words = phrase.split()
    if len(words) > 1 and words[0] == "you" and words[1] not in _KEEPS_SUBJECT:
        return " ".join(words[1:])
    return phrase


def _number(catalog: Catalog, count: int) -> str:
    words = catalog.variants("numbers")
    return words[count] if 0 <= count < len(words) else str(count)


def once(speech: str) -> str:
    """The words with any sentence said a second time left out: a reply never repeats itself."""
    kept: list[str] = []
    seen: set[str] = set()
    for sentence in compiled(_SENTENCE_END).split(speech):
        heard = sentence.strip().lower()
        if heard and heard in seen:
            continue
        seen.add(heard)
        kept.append(sentence)
    return " ".join(kept)


_SENTENCE_END: Final = r"(?<=[.!?])\s+"


def crisis_words(catalog: Catalog) -> dict[str, str]:
    """How to reach a crisis line where the device is (its time zone, else its locale): looked
    up on first need, not at import."""
    from skill.domain.crisis_lines import crisis_words as words_for

    return words_for(catalog.locale, catalog.place())


def crisis(catalog: Catalog) -> Reply:
    """Care and a crisis line; nothing celebrated, nothing logged. The session stays open:
    the person is not cut off, and the reprompt gives the number again."""
    line = crisis_words(catalog)
    return Reply(
        speech=catalog.text("crisis.speech", **line),
        reprompt=catalog.text("crisis.reprompt", **line),
        card_title=catalog.text("crisis.card_title"),
        card_text=catalog.text("crisis.card_text", **line),
        asked=QUESTIONS["crisis.speech"],
    )


def crisis_again(catalog: Catalog, rng: Random) -> Reply:
    """After the crisis answer, whatever else is said (a yes, a no): the line again, warmly."""
    line = crisis_words(catalog)
    return crisis(catalog)._replace(speech=catalog.pick("crisis.again", rng, **line))


def crisis_goodbye(catalog: Catalog) -> Reply:
    """Stop after the crisis answer: a kind goodbye that leaves the number, on a card too."""
    line = crisis_words(catalog)
    return Reply(
        speech=catalog.text("crisis.goodbye", **line),
        card_title=catalog.text("crisis.card_title"),
        card_text=catalog.text("crisis.card_text", **line),
    )


def check_in(catalog: Catalog) -> Reply:
    """Unsure: are they safe right now? The line is given at once, spoken and on a card, and
    the reprompt asks the question again with the line in it: if nothing more is said, the
    line was given."""
    line = crisis_words(catalog)
    return Reply(
        speech=catalog.text("check_in.speech", **line),
        reprompt=catalog.text("check_in.reprompt", **line),
        card_title=catalog.text("check_in.card_title"),
        card_text=catalog.text("crisis.card_text", **line),
        asked=QUESTIONS["check_in.speech"],
    )


def check_in_again(catalog: Catalog) -> Reply:
    """A question said in place of an answer to "Are you safe right now?": that question
    again, gently, with how to leave, and the line."""
    return check_in(catalog)._replace(
        speech=catalog.text("check_in.again", **crisis_words(catalog))
    )


def safe(catalog: Catalog, rng: Random, offer: str | None, *, in_session: bool) -> Reply:
    """They said they are safe: warmth, and the win they told, offered to be logged."""
    if offer:
        said = second_person(offer)
        return Reply(
            speech=catalog.text(
                "check_in.safe_offer", offer=ssml.escape(said[:1].upper() + said[1:])
            ),
            reprompt=catalog.pick("check_in.safe_offer_reprompt", rng, offer=ssml.escape(said)),
            asked=QUESTIONS["check_in.safe_offer"],
        )
    reply = Reply(speech=catalog.pick("check_in.safe", rng))
    if not in_session:
        return reply
    return _then_ask(reply, catalog, rng, "not_a_win.continue", "not_a_win.continue_reprompt")


def safe_after_crisis(catalog: Catalog) -> Reply:
    """ "I'm okay" after the crisis answer: glad, and the line again, with nothing celebrated."""
    line = crisis_words(catalog)
    return crisis(catalog)._replace(speech=catalog.text("crisis.okay", **line))


def need_help(catalog: Catalog, rng: Random) -> Reply:
    """ "I need help": the crisis line, and how to hear what Small Wins can do."""
    line = crisis_words(catalog)
    return Reply(
        speech=catalog.pick("need_help.speech", rng, **line),
        reprompt=catalog.pick("need_help.reprompt", rng, **line),
        asked=QUESTIONS["need_help.speech"],
    )


# The reply for each family of not-a-win rule or composition (the part of its name before the
# dot); "pain" is something hard that happened to the person.
_NOT_A_WIN_FAMILIES = frozenset(
    {"harm", "relapse", "eating", "hatred", "nothing", "feeling", "pain", "mishap", "safe"}
    | {"taken", "greeted"}
)


# Reasons that say no deed was done today ("meh", "not much", "I did nothing"): with wins
# already logged today, the count is said back instead, and nothing is offered or asked.
_SHRUGGED_DAY = frozenset({"nothing.did_nothing", "nothing.not_anything", "nothing.shrugged"})


def shrugged_day(outcome: NotAWin) -> bool:
    """Whether ``outcome`` says no deed was done today ("meh", "I did nothing")."""
    return outcome.reason in _SHRUGGED_DAY


def not_a_win(
    catalog: Catalog, rng: Random, outcome: NotAWin, *, in_session: bool, today: int = 0
) -> Reply:
    """No celebration and no lecture; the win hiding in it offered, if there is one. A shrug
    on a day with ``today`` wins logged already is told the count: it was not nothing."""
    if today > 0 and outcome.reason in _SHRUGGED_DAY:
        return enough(catalog, rng, today)
    family = outcome.reason.split(".", 1)[0]
    if family == "talk":  # a remark, or talk about the wins kept: heard, never a win
        return talk(catalog, rng, outcome.reason.split(".", 1)[1], outcome.offer or "", in_session)
    if family == "unsure" and outcome.offer:  # maybe no win: the person's to call, unechoed
        return Reply(
            speech=catalog.pick("not_a_win.unsure", rng),
            reprompt=catalog.pick("not_a_win.unsure_reprompt", rng),
            asked=QUESTIONS["not_a_win.unsure"],
        )
    key = f"not_a_win.{family if family in _NOT_A_WIN_FAMILIES else 'default'}"
    reply = Reply(speech=catalog.pick(key, rng))
    if heavy(outcome.reason):
        reply = _with_line(catalog, reply)
    if outcome.offer:
        said = second_person(outcome.offer)
        offer = catalog.text("not_a_win.offer", offer=ssml.escape(said[:1].upper() + said[1:]))
        return reply._replace(
            speech=f"{reply.speech} {offer}",
            reprompt=catalog.pick("not_a_win.offer_reprompt", rng, offer=ssml.escape(said)),
            asked=QUESTIONS["not_a_win.offer"],
        )
    if not in_session:
        return reply
    return _then_ask(reply, catalog, rng, "not_a_win.continue", "not_a_win.continue_reprompt")


# Self-hatred, everything feeling too much, not being okay: signs of risk even when no danger is
# named, so the not-a-win answer gives the crisis line too, gently, in speech and on a card.
_HEAVY_FEELINGS: Final = frozenset({"feeling.everything", "feeling.too_much", "feeling.not_okay"})


def heavy(reason: str) -> bool:
    """Whether a not-a-win ``reason`` is heavy enough that the crisis line goes with it."""
    return reason.startswith("hatred.") or reason in _HEAVY_FEELINGS


def _with_line(catalog: Catalog, reply: Reply) -> Reply:
    line = crisis_words(catalog)
    return reply._replace(
        speech=f"{reply.speech} {catalog.text('not_a_win.line', **line)}",
        card_title=catalog.text("crisis.card_title"),
        card_text=catalog.text("crisis.card_text", **line),
    )


def talk(catalog: Catalog, rng: Random, kind: str, about: str, in_session: bool) -> Reply:
    """A remark heard kindly, or what can be done about a win said to be wrong, on another day
    or wanted back: literal, short, and nothing asked. ``about``: the words that name the win."""
    if kind in ("wrong", "move") and not about:
        kind = f"{kind}_pointed"
    speech = catalog.pick(f"talk.{kind}", rng, about=ssml.escape(about))
    if not in_session:
        return Reply(speech=speech)
    return Reply(speech=speech, reprompt=catalog.pick("talk.reprompt", rng))


def enough(catalog: Catalog, rng: Random, today: int) -> Reply:
    """A shrug on a day with ``today`` wins logged: the count, true and short; nothing asked."""
    return Reply(speech=catalog.pick("not_a_win.enough", rng, wins=_wins(catalog, today)))


def unsure_offer(catalog: Catalog, rng: Random, offer: str) -> Reply:
    """Words that may be a win said with no one doing anything ("a long walk"): asked once."""
    said = second_person(offer)
    return Reply(
        speech=catalog.text("unsure.offer", offer=ssml.escape(said)),
        reprompt=catalog.pick("not_a_win.offer_reprompt", rng, offer=ssml.escape(said)),
        asked=QUESTIONS["unsure.offer"],
    )


def offer_declined(catalog: Catalog, rng: Random, *, in_session: bool) -> Reply:
    reply = Reply(speech=catalog.pick("not_a_win.offer_declined", rng))
    if not in_session:
        return reply
    return _then_ask(reply, catalog, rng, "not_a_win.continue", "not_a_win.continue_reprompt")


# Said in place of a plan, these are answered as told ("That's okay. Some days go like that.").
_TOLD_FOR_A_PLAN = frozenset({"nothing", "feeling"})


def not_a_plan(
    catalog: Catalog, rng: Random, outcome: NotAWin, *, asked: Asked = Asked.ONE_THING
) -> Reply:
    """Not set as a plan, and a kind question for another (a one thing or a one-minute goal,
    as ``asked`` says). Something hard said in place of a plan is answered as told."""
    question = ask(catalog, rng, "plan.not_a_plan", "plan.not_a_plan_reprompt", asked=asked)
    family = outcome.reason.split(".", 1)[0]
    if family not in _TOLD_FOR_A_PLAN:
        return question
    told = catalog.pick(f"not_a_win.{family}", rng)
    again = catalog.pick("plan.not_a_plan_reprompt", rng)
    return question._replace(speech=f"{told} {again}")


def when_words(catalog: Catalog, day: RelativeDay) -> str:
    """A past day as it starts a sentence: "Yesterday", "On Tuesday", "Back in March"."""
    return _when(catalog, day)


def _when(catalog: Catalog, day: RelativeDay) -> str:
    weekday = catalog.variants("weekdays")[day.day.weekday()]
    month = catalog.variants("months")[day.day.month - 1]
    return catalog.text(
        f"when.{day.when.value}", weekday=weekday, month=month, year=day.day.year, weeks=day.weeks
    )


def heard(catalog: Catalog, rng: Random, outcome: Heard, *, in_session: bool) -> Reply:
    """A past win, with a natural relative date: "A week ago Tuesday, you did the laundry." """
    when = _when(catalog, outcome.day)
    if outcome.around:  # "a few days ago": the day it was filed on is an estimate
        when = around(catalog, outcome.day.day)
    if outcome.anniversary is not None:  # "A year ago today, you ..."
        when = catalog.pick(f"hear.{outcome.anniversary}_ago", rng)
    line = catalog.text(
        "hear.win", when=when, win=ssml.escape(undated(win_phrase(catalog, outcome.win)))
    )
    close = catalog.pick(f"hear.{outcome.style.value}_close", rng)
    reply = Reply(speech=f"{line} {close}")
    if not in_session or outcome.brief:
        return reply
    return _then_ask(reply, catalog, rng, "hear.continue", "hear.reprompt")


def no_wins(catalog: Catalog, rng: Random, *, brief: bool = False) -> Reply:
    """A kind invitation to log the first win; said, not waited on, for someone brief."""
    if brief:
        return say(catalog, rng, "hear.none")
    return ask(catalog, rng, "hear.none", "hear.none_reprompt")


def unspeakable(catalog: Catalog, total: int) -> Reply:
    """When the chosen win can't be read back, speak of all of them instead."""
    return Reply(speech=catalog.text("hear.unspeakable", total=total))


def style_set(catalog: Catalog, rng: Random, style: Style, *, in_session: bool) -> Reply:
    """Confirm the new celebration style."""
    reply = Reply(speech=catalog.pick(f"style.{style.value}", rng))
    if not in_session:
        return reply
    return _then_ask(reply, catalog, rng, "style.continue", "continue.reprompt")


def _wins(catalog: Catalog, count: int) -> str:
    return catalog.text("tally.one") if count == 1 else catalog.text("tally.many", count=count)


def tally(catalog: Catalog, rng: Random, counts: Tally, span: str, *, in_session: bool) -> Reply:
    """How many wins today, this week (the last seven days), this month or in all; never a
    streak."""
    if span == "today":
        line = (
            catalog.text("tally.today", wins=_wins(catalog, counts.today))
            if counts.today
            else catalog.pick("tally.today_none", rng)
        )
    elif span == "week":
        line = (
            catalog.text("tally.week", wins=_wins(catalog, counts.week))
            if counts.week
            else catalog.pick("tally.week_none", rng)
        )
    elif span == "month":
        line = (
            catalog.text("tally.month", wins=_wins(catalog, counts.month))
            if counts.month
            else catalog.pick("tally.month_none", rng)
        )
    elif counts.total:
        line = catalog.text("tally.all", wins=_wins(catalog, counts.total))
        if counts.total > 1:  # "Every one is something you did."
            line = f"{line} {catalog.pick('tally.proof', rng)}"
    else:
        line = catalog.pick("tally.none", rng)
    reply = Reply(speech=line)
    if not in_session or counts.brief:
        return reply
    return _then_ask(reply, catalog, rng, "style.continue", "continue.reprompt")


def all_heard(catalog: Catalog, rng: Random, outcome: AllHeard) -> Reply:
    """Every win was read out in this conversation: say so, and (unless brief) ask for a new one."""
    key = "hear.only_one" if outcome.total == 1 else "hear.all_heard"
    if outcome.brief:
        return say(catalog, rng, f"{key}_brief", total=outcome.total)
    return ask(catalog, rng, key, "hear.all_heard_reprompt", total=outcome.total)


def setting_changed(catalog: Catalog, rng: Random, setting: Setting, *, follow_up: bool) -> Reply:
    """Confirm a setting; for one the skill cannot change, what it can. ``follow_up``: the
    conversation goes on and the person has not asked for brief replies."""
    if setting in (Setting.CALM, Setting.CHEERFUL):
        return style_set(catalog, rng, Style(setting.value), in_session=follow_up)
    key = {Setting.BRIEF: "settings.brief", Setting.CHATTY: "settings.chatty"}.get(
        setting, "settings.options"
    )
    reply = Reply(speech=catalog.pick(key, rng))
    if not follow_up or setting is Setting.BRIEF:
        return reply
    return _then_ask(reply, catalog, rng, "style.continue", "continue.reprompt")


def led_by(catalog: Catalog, rng: Random, key: str, reply: Reply) -> Reply:
    """The same reply after a line from the catalogue: "That sounds hard." before a win."""
    return reply._replace(speech=f"{catalog.pick(key, rng)} {reply.speech}")


def asked_again(catalog: Catalog, rng: Random, question: Asked, again: str) -> Reply:
    """Not understood: the open question asked again, plainly (``again``, its reprompt)."""
    return Reply(
        speech=f"{catalog.pick('fallback.once', rng)} {again}", reprompt=again, asked=question
    )


def celebration_then_plan(
    catalog: Catalog, rng: Random, logged: Logged, *, plan: str | None
) -> Reply:
    """A deed told in answer to the morning question: celebrated, then the one thing asked
    for (or, when one was named too, said back)."""
    reply = celebration(catalog, rng, logged, in_session=False)
    if plan is None:
        return _then_ask(reply, catalog, rng, "one_thing.after_win", "morning.reprompt")
    said = catalog.text("one_thing.set_after_win", thing=ssml.escape(plan))
    return reply._replace(speech=f"{reply.speech} {said}")
