"""The one place the skill is assembled: dependencies in, handlers registered in order."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from random import Random

from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.skill import CustomSkill
from ask_sdk_core.skill_builder import CustomSkillBuilder

from skill.alexa.api import AlexaApis
from skill.domain.skill_asks import Topic
from skill.handlers.about import WhatItIsHandler
from skill.handlers.answers import (
    AnswerHandler,
    FallbackIntentHandler,
    GoodbyeIntentHandler,
    HelpIntentHandler,
    PoliteGoodbyeHandler,
)
from skill.handlers.asks import (
    AskedOfSkillHandler,
    AskGoalIntentHandler,
    AskReminderIntentHandler,
    AskSettingsIntentHandler,
    AsksOfSkill,
    AskStartIntentHandler,
    AskStyleIntentHandler,
)
from skill.handlers.care import (
    AfterCrisisHandler,
    CatchAllIntentHandler,
    SafetyAnswerHandler,
    ScreenEverySlotHandler,
)
from skill.handlers.common import WhereTheDeviceIs
from skill.handlers.conversation import (
    CountWinsIntentHandler,
    LaunchRequestHandler,
    SessionEndedRequestHandler,
    SetStyleIntentHandler,
    StyleAnswerHandler,
)
from skill.handlers.deletion import (
    DeleteAllWinsIntentHandler,
    DeleteLastWinIntentHandler,
    DeletionAnswerHandler,
    NotAWinIntentHandler,
    SkillDisabledHandler,
)
from skill.handlers.errors import CatchAllExceptionHandler, StorageErrorHandler
from skill.handlers.forget_intents import (
    CorrectWinIntentHandler,
    DeleteWinAtIntentHandler,
    DeleteWinIntentHandler,
    DeleteWinOnIntentHandler,
    ForgetAnswerHandler,
    ForgetAskedHandler,
    PointerHandler,
)
from skill.handlers.forgetting import Forgets
from skill.handlers.goals import (
    CancelGoalIntentHandler,
    GoalAnswerHandler,
    GoalCheckInHandler,
    GoalDoneIntentHandler,
    GoalTimers,
    PermissionResponseHandler,
    SetGoalIntentHandler,
)
from skill.handlers.lists import NothingToGoOnWithHandler, RepeatIntentHandler
from skill.handlers.one_thing import (
    ChangeOneThingIntentHandler,
    OneThingAnswerHandler,
    OneThingDoneIntentHandler,
    OneThings,
    PlanReminderHandler,
    ReadOneThingIntentHandler,
    SetOneThingIntentHandler,
)
from skill.handlers.recall import (
    BestDayIntentHandler,
    RecallAnswerHandler,
    RecallDaysIntentHandler,
    RecallIntentHandler,
    RecallNightIntentHandler,
    RecallPartIntentHandler,
    Recalls,
)
from skill.handlers.recap import (
    OnThisDayIntentHandler,
    ReadRecapIntentHandler,
    RecapAnswerHandler,
    RecapSettingsHandler,
)
from skill.handlers.reminders import (
    ChangeReminderIntentHandler,
    ReminderAskedHandler,
    ReminderSetter,
    SetMorningReminderIntentHandler,
    StopMorningReminderIntentHandler,
    WhyThatTimeHandler,
)
from skill.handlers.settings import (
    ChangesSettings,
    QuestionsForAPlanHandler,
    SettingIntentHandler,
)
from skill.handlers.statements import (
    CARRIERS,
    CrisisFollowUpHandler,
    CrisisWordsIntentHandler,
    NeedHelpIntentHandler,
    OfferAnswerHandler,
    StatementIntentHandler,
)
from skill.handlers.undoing import (
    OtherWinIntentHandler,
    RestoreAnswerHandler,
    UndoIntentHandler,
)
from skill.handlers.when_logged import WhenLoggedIntentHandler
from skill.handlers.wins import (
    LOG_INTENTS,
    HearsWins,
    HearWinIntentHandler,
    LogsWins,
    LogWinIntentHandler,
)
from skill.services.best_day import BestDays
from skill.services.erasure import Erasure
from skill.services.forgetting import Forgetting
from skill.services.recall import Recall
from skill.services.recap import Recaps
from skill.services.routines import Routines
from skill.services.standing import Standing
from skill.services.tally import Tallies
from skill.services.when_logged import WhenLogged
from skill.services.wins import WinsService
from skill.storage.interface import WinStore


def request_handlers(
    service: WinsService,
    routines: Routines,
    erasure: Erasure,
    tallies: Tallies,
    apis: AlexaApis,
    rng: Random,
    recall: Recall,
    recaps: Recaps,
    *,
    forgetting: Forgetting,
    standing: Standing,
    when_logged: WhenLogged,
    best_days: BestDays,
) -> tuple[AbstractRequestHandler, ...]:
    """The request handlers in the order they are asked; the fallback takes what is left."""
    settings = ChangesSettings(service, rng)
    logs = LogsWins(service, apis, rng, settings)
    hears = HearsWins(service, rng)
    timers = GoalTimers(apis, rng)
    reminders = ReminderSetter(routines, apis, rng)
    recalls = Recalls(recall, apis, rng)
    things = OneThings(routines, apis, rng)
    forgets = Forgets(forgetting, apis, rng)
    asks = AsksOfSkill(
        standing,
        when_logged,
        apis,
        rng,
        more={
            Topic.GOAL_START: SetGoalIntentHandler(routines, timers, rng),
            Topic.ONE_THING: ReadOneThingIntentHandler(routines, apis, rng),
            Topic.DAY_GOOD: CountWinsIntentHandler(tallies, apis, rng),
        },
    )
    leads = {name: carrier.words for name, carrier in CARRIERS.items()}
    leads.update(dict.fromkeys(LOG_INTENTS, "i"))
    return (
        ScreenEverySlotHandler(rng),  # first: no slot reaches another handler unscreened
        SafetyAnswerHandler(rng),  # "Are you safe right now?": only a yes is a yes
        CrisisFollowUpHandler(rng),  # after the crisis answer, before any other yes/no or stop
        AfterCrisisHandler(rng),  # "I'm okay", "I don't know" after it: never a celebration
        PoliteGoodbyeHandler(rng),  # "thank you kindly, goodbye", whatever was asked
        RepeatIntentHandler(rng),  # "say that again": the last reply, its question still open
        WhatItIsHandler(rng),  # "what is this, exactly?": what the skill is for
        GoalCheckInHandler(routines, rng),  # a launch with a task, before the plain launch
        LaunchRequestHandler(recaps, apis, rng),
        QuestionsForAPlanHandler(settings),  # "stop asking me questions" for a plan: a setting
        StyleAnswerHandler(service, rng),  # "calm" said to "calm or cheerful?"
        # "can you delete the second one", "bring that back": not a win
        # "can you remind me at 2:30 am instead", "change that to ten" just after setting one
        ReminderAskedHandler(reminders),
        WhyThatTimeHandler(rng),  # "why 8:45?" to "Is 8:45 PM good?": answered literally
        ForgetAskedHandler(forgets, erasure, leads, rng),
        AskedOfSkillHandler(asks),  # "what styles are there?": answered, never a win or a plan
        PointerHandler(forgets, rng),  # "the second", "both", "and the bed one": never a win
        PlanReminderHandler(things),  # "I'll do the laundry, remind me at 4"
        OneThingAnswerHandler(things, logs, hears, rng),  # words said to the morning question
        LogWinIntentHandler(logs, hears),
        StatementIntentHandler(logs, hears),
        CrisisWordsIntentHandler(),
        NeedHelpIntentHandler(rng),
        OfferAnswerHandler(logs, rng),  # yes/no only when a win was offered
        HearWinIntentHandler(hears),
        RecallIntentHandler(recalls),
        RecallNightIntentHandler(recalls),  # "what did I do last night": a night, not a day
        RecallPartIntentHandler(recalls),  # "what did I tell you this morning": part of a day
        RecallDaysIntentHandler(recalls),  # "what did I do from Wednesday to Saturday"
        BestDayIntentHandler(best_days, apis, rng),  # "which day did I log the most"
        WhenLoggedIntentHandler(when_logged, rng),  # "what time did I log the weld one"
        RecallAnswerHandler(recalls, hears, recaps, rng),  # yes/no only after a recall's question
        # The weekly recap: its answer, "read me my week", its day and whether it is on.
        RecapAnswerHandler(recalls, recaps, rng),  # yes/no only after "Want to hear your week?"
        ReadRecapIntentHandler(recalls),
        OnThisDayIntentHandler(recalls),  # "what did I do a year ago today"
        RecapSettingsHandler(recaps, rng),
        CountWinsIntentHandler(tallies, apis, rng),
        SetStyleIntentHandler(service, rng),
        SettingIntentHandler(settings),  # "be brief", "tone it down"
        SetGoalIntentHandler(routines, timers, rng),
        GoalAnswerHandler(routines, timers, logs, rng),  # yes/no only when asked about a goal
        GoalDoneIntentHandler(logs),
        CancelGoalIntentHandler(routines, rng),
        PermissionResponseHandler(routines, timers, reminders, rng),
        SetOneThingIntentHandler(things, rng),
        ChangeOneThingIntentHandler(things, rng),  # "change my one thing to tidy the hall"
        ReadOneThingIntentHandler(routines, apis, rng),
        OneThingDoneIntentHandler(logs),
        SetMorningReminderIntentHandler(reminders),
        StopMorningReminderIntentHandler(reminders),
        # Asked what is set, and the reminder told any way.
        ChangeReminderIntentHandler(reminders),
        AskReminderIntentHandler(standing, rng),
        AskStyleIntentHandler(standing, rng),
        AskSettingsIntentHandler(standing, apis, rng),
        AskGoalIntentHandler(standing, rng),
        AskStartIntentHandler(standing, apis, rng),
        UndoIntentHandler(erasure, forgetting, rng),  # "undo" right after a delete brings it back
        OtherWinIntentHandler(forgets, rng),  # "no, the other one" to "Delete ...?"
        DeleteLastWinIntentHandler(erasure, rng),
        DeleteAllWinsIntentHandler(erasure, rng),
        # Deleting or correcting any win: yes/no to its questions before the other deletions'.
        ForgetAnswerHandler(forgets),
        DeleteWinIntentHandler(forgets),
        DeleteWinAtIntentHandler(forgets, rng),
        DeleteWinOnIntentHandler(forgets),  # "delete the win from Tuesday"
        CorrectWinIntentHandler(forgets, rng),
        DeletionAnswerHandler(erasure, rng),  # yes/no only when asked about deleting
        RestoreAnswerHandler(erasure, rng),  # yes/no only when a deleted win was offered back
        NotAWinIntentHandler(erasure, rng),
        SkillDisabledHandler(erasure),
        NothingToGoOnWithHandler(rng),  # "more" or "next" with nothing open: a pointer
        AnswerHandler(logs, hears, reminders, routines, rng),  # yes/no/that's all/another
        HelpIntentHandler(rng),
        GoodbyeIntentHandler(rng),
        SessionEndedRequestHandler(),
        # Words no sample names: screened first, then a setting, a feeling with a request for a
        # win, a deed, or not understood.
        CatchAllIntentHandler(logs, settings, hears, rng),
        FallbackIntentHandler(rng),  # last: takes AMAZON.FallbackIntent and anything unknown
    )


def build_skill(
    store: WinStore,
    *,
    skill_id: str | None,
    clock: Callable[[], datetime],
    rng: Random,
    apis: AlexaApis,
) -> CustomSkill:
    """Build the skill. ``skill_id`` set means requests for any other skill are refused."""
    service = WinsService(store, clock, rng)
    routines = Routines(store, clock)
    erasure = Erasure(store, clock)
    tallies = Tallies(store, clock)
    builder = CustomSkillBuilder()
    builder.skill_id = skill_id  # type: ignore[assignment]  # the SDK annotates it as None
    recall = Recall(store, clock)
    forgetting = Forgetting(store, clock)
    standing = Standing(store, clock)
    recaps = Recaps(store, clock)
    handlers = request_handlers(
        service,
        routines,
        erasure,
        tallies,
        apis,
        rng,
        recall,
        recaps,
        forgetting=forgetting,
        standing=standing,
        when_logged=WhenLogged(store, clock),
        best_days=BestDays(store, clock),
    )
    for handler in handlers:
        builder.add_request_handler(handler)
    builder.add_global_request_interceptor(WhereTheDeviceIs(apis))
    builder.add_exception_handler(StorageErrorHandler(rng))
    builder.add_exception_handler(CatchAllExceptionHandler(rng))
    skill: CustomSkill = builder.create()
    return skill
