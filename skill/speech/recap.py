"""The words of the weekly recap: its offer at launch, a brief reading, and its settings."""

from random import Random
from typing import Final

from skill.domain.dates import relative_day
from skill.domain.day_words import undated
from skill.services.recall import Recalled
from skill.services.recap import RecapOffer
from skill.speech import ssml
from skill.speech.catalog import Catalog
from skill.speech.recall import shape_line, span_words
from skill.speech.render import Reply, ask, say, when_words, win_phrase

# Wins a brief recap reads: the newest few, and how many more there are, with no question.
BRIEF_WINS: Final = 3


def offer(catalog: Catalog, rng: Random, recap: RecapOffer, *, brief: bool) -> Reply:
    """ "You logged 6 wins last week. Want to hear your week?" (shorter for someone brief)."""
    one = "_one" if recap.wins == 1 else ""
    if not recap.exact:  # the number may not be what a yes reads: none is said
        one = "_unnumbered"
    key = f"recap.offer_brief{one}" if brief else f"recap.offer{one}"
    return ask(catalog, rng, key, "recap.offer_reprompt", count=recap.wins)


def declined(catalog: Catalog, rng: Random, *, morning: bool) -> Reply:
    """ "No" to the recap: on to what a launch would have asked."""
    if morning:
        return ask(catalog, rng, "recap.declined_morning", "morning.reprompt")
    return ask(catalog, rng, "recap.declined", "launch.reprompt")


def briefly(catalog: Catalog, rng: Random, outcome: Recalled) -> Reply:
    """A recap for someone who asked for brief replies: the newest few, then how many more."""
    wins = (
        catalog.text("tally.one")
        if outcome.total == 1
        else catalog.text("tally.many", count=outcome.total)
    )
    span = span_words(catalog, outcome.span, outcome.today)
    if outcome.busiest[0]:
        lines = [shape_line(catalog, outcome, short=True)]
    else:
        lines = [catalog.text("recall.some", span=span[:1].upper() + span[1:], wins=wins)]
    shown = outcome.wins[:BRIEF_WINS]
    last_day = None
    for recalled in shown:
        said = ssml.escape(undated(win_phrase(catalog, recalled.win)))
        if recalled.day != last_day:
            when = when_words(catalog, relative_day(recalled.day, outcome.today))
            lines.append(catalog.text("recall.dated_win", when=when, win=said))
        else:
            lines.append(catalog.text("recall.win", win=said[:1].upper() + said[1:]))
        last_day = recalled.day
    more = outcome.total - len(shown)
    if more:
        lines.append(catalog.text("recap.brief_more", count=more))
    return Reply(speech=" ".join(lines))


def day_set(catalog: Catalog, rng: Random, day: int) -> Reply:
    weekday = catalog.variants("weekdays")[day]
    return say(catalog, rng, "recap.day_set", weekday=weekday)
