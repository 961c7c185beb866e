"""The words of a best day: "Tuesday, with 4 wins." Literal: the most, never a least."""

from random import Random

from skill.domain.spans import this_week
from skill.services.best_day import BestDay, NoneIn
from skill.speech.catalog import Catalog
from skill.speech.recall import day_name, span_words
from skill.speech.render import Reply, ask


def best_day(catalog: Catalog, rng: Random, outcome: BestDay) -> Reply:
    """ "Tuesday, with 4 wins."; tied, "Monday and Tuesday, with 3 wins each."; for ever,
    with the day the count began when it began after the first win."""
    names = [day_name(catalog, day, outcome.today) for day in outcome.days]
    wins = (
        catalog.text("tally.one")
        if outcome.wins == 1
        else catalog.text("tally.many", count=outcome.wins)
    )
    if len(names) == 1:
        line = catalog.text("best.one", day=names[0], wins=wins)
    else:
        rest = catalog.text("list.comma").join(names[:-1])
        days = catalog.text("list.and", rest=rest, last=names[-1])
        line = catalog.text("best.tied", days=days, wins=wins)
    if outcome.span is None and outcome.since is not None:
        since = day_name(catalog, outcome.since, outcome.today)
        line = f"{line} {catalog.text('best.since', since=since)}"
    return Reply(speech=line)


def none_in(catalog: Catalog, rng: Random, outcome: NoneIn) -> Reply:
    """A span with no wins: not a failure, and a win offered to be told."""
    if outcome.span == this_week(outcome.today):
        return ask(catalog, rng, "best.none_this_week", "best.none_reprompt")
    span = span_words(catalog, outcome.span, outcome.today)
    key = "best.none_yet" if outcome.span.holds(outcome.today) else "best.none"
    return ask(catalog, rng, key, "best.none_reprompt", span=span)
