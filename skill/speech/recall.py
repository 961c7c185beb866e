"""The words of a recall: which span was read, its wins, and what is left of it."""

from datetime import date, timedelta
from random import Random

from skill.domain.day_words import undated
from skill.domain.spans import DAY_PARTS, Span, SpanKind, this_week
from skill.services.recall import NothingThen, Recalled
from skill.services.tally import SpanTally
from skill.speech import ssml
from skill.speech.catalog import Catalog
from skill.speech.render import THIS_WEEK as _THIS_WEEK
from skill.speech.render import Reply, around, ask, day_said, win_phrase


def span_words(catalog: Catalog, span: Span, today: date) -> str:
    """The span as said after a verb: "yesterday", "on Tuesday", "last week", "in November"."""
    first = span.first
    fields = {
        "weekday": catalog.variants("weekdays")[first.weekday()],
        "month": catalog.variants("months")[first.month - 1],
        "day": first.day,
        "year": first.year,
    }
    dated = "_year" if first.year != today.year else ""
    if span.kind is SpanKind.NIGHT:
        key = _night_key(span, today, dated)
    elif span.kind in DAY_PARTS:
        key = _part_key(span, today, dated)
    elif span.kind is SpanKind.DAY:
        key = _day_key(span, today, dated)
    elif span.kind in (SpanKind.WEEK, SpanKind.WEEKEND):
        key = _week_key(span, today, dated)
    elif span.kind is SpanKind.SEVEN_DAYS:
        key = "seven_days"
    elif span.kind is SpanKind.DAYS:
        return _days_words(catalog, span, today)
    elif span.kind is SpanKind.MONTH:
        last_month = today.replace(day=1) - timedelta(days=1)
        if span.holds(today):
            key = "this_month"
        elif span.holds(last_month):  # "in March", as the month may have been asked for
            key = "month"
        else:
            key = f"month{dated}"
    else:
        key = {0: "this_year", 1: "last_year"}.get(today.year - first.year, "year")
    return catalog.text(f"span.{key}", **fields)


def _day_key(span: Span, today: date, dated: str) -> str:
    """A day said by its weekday alone only within the last week of this year ("on Tuesday");
    any other by its date too ("on Wednesday, December 30", said on January 5)."""
    back = (today - span.first).days
    if back == 0:
        return "today"
    if back == 1:
        return "yesterday"
    if 1 < back <= _THIS_WEEK:
        return "weekday" if not dated and not span.by_date else "date"
    return f"date{dated}"


# A first win further back than this many days is said with its year even in this one.
_HALF_A_YEAR = 183


def started_words(catalog: Catalog, first: date, today: date) -> str:
    """The day of a first win, as any day is said ("on Sunday, November 22"), and with its
    year when that is not this year or the day is more than half a year back ("on Friday,
    January 2, 2026", said on December 28): a year is then what a person checks first."""
    if first.year == today.year and (today - first).days <= _HALF_A_YEAR:
        # By its date whenever it is not today or yesterday: "on Tuesday, December 1".
        return span_words(catalog, Span(SpanKind.DAY, first, first, by_date=True), today)
    return catalog.text(
        "span.date_full",
        weekday=catalog.variants("weekdays")[first.weekday()],
        month=catalog.variants("months")[first.month - 1],
        day=first.day,
        year=first.year,
    )


def _part_key(span: Span, today: date, dated: str) -> str:
    """ "this morning", "yesterday afternoon", "on Tuesday evening" within the last week of
    this year, else by its date ("on the morning of Tuesday, December 1")."""
    back = (today - span.first).days
    if back <= 0:
        return f"{span.kind.value}_today"
    if back == 1:
        return f"{span.kind.value}_yesterday"
    if back <= _THIS_WEEK and not dated:
        return f"{span.kind.value}_weekday"
    return f"{span.kind.value}_date{dated}"


def _night_key(span: Span, today: date, dated: str) -> str:
    """ "tonight" (this evening's), "last night" (yesterday evening's, going on or over), "on
    Wednesday night" within the last week of this year, else by its date."""
    back = (today - span.first).days
    if back <= 0:
        return "tonight"
    if back == 1:
        return "last_night"
    if back <= _THIS_WEEK and not dated:
        return "weekday_night"
    return f"date_night{dated}"


def day_name(catalog: Catalog, day: date, today: date, *, dated: bool = False) -> str:
    """ "Today", "Tuesday" within the last week of this year (unless ``dated``: asked for by
    its date), else "Tuesday, December 1" (with its year when not this one)."""
    back = (today - day).days
    fields = {
        "weekday": catalog.variants("weekdays")[day.weekday()],
        "month": catalog.variants("months")[day.month - 1],
        "day": day.day,
        "year": day.year,
    }
    if back == 0:
        return catalog.text("best.today", **fields)
    if back < _THIS_WEEK + 1 and day.year == today.year and not dated:
        return str(fields["weekday"])
    return catalog.text("best.date" if day.year == today.year else "best.date_year", **fields)


def _days_words(catalog: Catalog, span: Span, today: date) -> str:
    """ "in the last 3 days" (to today), else "from Wednesday to Saturday", each day by its
    weekday within the last week of this year, else by its date too."""
    if span.last == today:
        count = (today - span.first).days + 1
        return catalog.text("span.last_days", count=count)
    first, last = (
        day_name(catalog, day, today, dated=span.by_date) for day in (span.first, span.last)
    )
    return catalog.text("span.days", first=first, last=last)


def _week_key(span: Span, today: date, dated: str) -> str:
    name = "week" if span.kind is SpanKind.WEEK else "weekend"
    if span.kind is SpanKind.WEEK and span.holds(today) and span.first.weekday():
        return "this_week_from"  # a week begun on the person's recap day, not a Monday
    if span.holds(today) or (span.kind is SpanKind.WEEKEND and span.first > today):
        return f"this_{name}"
    if span.holds(today - timedelta(days=7)) or (
        span.kind is SpanKind.WEEKEND and span.holds(_last_weekend(today))
    ):
        return f"last_{name}"
    return f"{name}_of{dated}"


def _last_weekend(today: date) -> date:
    """A Saturday of the weekend most recently over (or under way)."""
    return today - timedelta(days=(today.weekday() - 5) % 7)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def recalled(
    catalog: Catalog, rng: Random, outcome: Recalled, *, in_session: bool = False
) -> Reply:
    """The span's wins on this page, newest first; "And 7 more. Want the rest?" if any are left.

    The whole list read in a conversation the person opened keeps it open (unless brief), as
    other replies there do, so "delete the second one" can follow."""
    lines: list[str] = []
    if outcome.before == 0 and outcome.busiest[0]:
        lines.append(shape_line(catalog, outcome, short=outcome.calm or outcome.brief))
    elif outcome.before == 0:
        count = (
            catalog.text("tally.one")
            if outcome.total == 1
            else catalog.text("tally.many", count=outcome.total)
        )
        span = span_words(catalog, outcome.span, outcome.today)
        lines.append(catalog.text("recall.some", span=_sentence(span), wins=count))
    # A night is one stretch, though it crosses midnight: its wins are not told by day.
    several_days = outcome.span.first != outcome.span.last and outcome.span.kind not in (
        SpanKind.NIGHT,
        *DAY_PARTS,
    )
    last_day: date | tuple[date, bool] | None = None
    for recalled_win in outcome.wins:
        said = ssml.escape(undated(win_phrase(catalog, recalled_win.win)))
        if recalled_win.around and (recalled_win.day, True) != last_day:  # an estimate
            when = around(catalog, recalled_win.day)  # "Around Tuesday, December 8, you ..."
            lines.append(catalog.text("recall.dated_win", when=when, win=said))
        elif several_days and not recalled_win.around and recalled_win.day != last_day:
            when = day_said(catalog, recalled_win.day, outcome.today)
            lines.append(catalog.text("recall.dated_win", when=when, win=said))
        else:
            lines.append(catalog.text("recall.win", win=_sentence(said)))
        last_day = (recalled_win.day, True) if recalled_win.around else recalled_win.day
    if outcome.left:
        question = ask(catalog, rng, "recall.more", "recall.more_reprompt", count=outcome.left)
        return question._replace(speech=" ".join([*lines, question.speech]))
    if outcome.before:
        lines.append(catalog.pick("recall.end", rng))
    if not in_session or outcome.brief:
        return Reply(speech=" ".join(lines))
    question = ask(catalog, rng, "style.continue", "continue.reprompt")
    return question._replace(speech=" ".join([*lines, question.speech]))


def nothing_then(catalog: Catalog, rng: Random, outcome: NothingThen) -> Reply:
    """The span holds no wins: said kindly, and a win from another day offered, as such."""
    if outcome.span.kind is SpanKind.DAY and outcome.span.first == outcome.today:
        weekday = catalog.variants("weekdays")[outcome.today.weekday()]  # "on Thursday", today
        return ask(catalog, rng, "recall.none_today", "recall.none_reprompt", weekday=weekday)
    if outcome.span == this_week(outcome.today):  # early in the week: last week's, offered
        return ask(catalog, rng, "recall.none_this_week", "recall.last_week_reprompt")
    span = span_words(catalog, outcome.span, outcome.today)
    return ask(catalog, rng, "recall.none", "recall.none_reprompt", span=span)


def span_count(catalog: Catalog, rng: Random, counted: SpanTally, *, in_session: bool) -> Reply:
    """ "On Tuesday, you logged 2 wins." A span with none is said kindly, never as a lack; in
    a conversation (unless brief) the next question follows, as after any count."""
    span = span_words(catalog, counted.span, counted.today)
    if not counted.wins and counted.year_before:  # a new year: last year's, kindly
        wins = (
            catalog.text("tally.one")
            if counted.year_before == 1
            else catalog.text("tally.many", count=counted.year_before)
        )
        line = catalog.pick("tally.year_none", rng, wins=wins)
    elif not counted.wins:
        line = catalog.pick("tally.span_none", rng, span=span)
    else:
        wins = (
            catalog.text("tally.one")
            if counted.wins == 1
            else catalog.text("tally.many", count=counted.wins)
        )
        line = catalog.text("tally.span", span=_sentence(span), wins=wins)
    if not in_session or counted.brief:
        return Reply(speech=line)
    question = ask(catalog, rng, "style.continue", "continue.reprompt")
    return question._replace(speech=f"{line} {question.speech}")


def shape_line(catalog: Catalog, outcome: Recalled, *, short: bool = False) -> str:
    """A recap's shape in one sentence: "22 wins this week, most on Wednesday."; ``short``
    (brief or calm), "22 wins this week." The most, never a least; no other week."""
    wins = (
        catalog.text("tally.one")
        if outcome.total == 1
        else catalog.text("tally.many", count=outcome.total)
    )
    wins = wins[:1].upper() + wins[1:]
    this_week = outcome.span.kind is SpanKind.WEEK and outcome.span.holds(outcome.today)
    span = (
        catalog.text("recap.this_week")
        if this_week
        else span_words(catalog, outcome.span, outcome.today)
    )
    days, most = outcome.busiest
    # A busiest day is said when there is one, or two tied, with more than one win each
    if short or most < 2 or len(days) > _TIED_SAID:
        return catalog.text("recap.shape_short", wins=wins, span=span)
    # "most" when other days had some; "all" when one day had them all
    key = "recap.shape" if most < outcome.total else "recap.shape_all"
    if days == (outcome.today,):
        return catalog.text(f"{key}_today", wins=wins, span=span)
    names = [_named(day_name(catalog, day, outcome.today), day == outcome.today) for day in days]
    said = names[0]
    if len(names) > 1:
        rest = catalog.text("list.comma").join(names[:-1])
        said = catalog.text("list.and", rest=rest, last=names[-1])
    return catalog.text(key, wins=wins, span=span, day=said)


# The most days tied for the busiest that a recap names ("most on Monday and Wednesday").
_TIED_SAID = 2


def _named(name: str, today: bool) -> str:
    return name[:1].lower() + name[1:] if today else name
