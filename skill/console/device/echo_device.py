"""The Echo around the conversation: consent questions, timers ringing, alerts appearing.

``Conversation`` keeps sessions; this class does what the device and Alexa do between the
skill's answers. It puts Alexa's consent question when the skill asks for a permission and
turns the person's next words into the answer; it rings timers when the fake Alexa API fires
them (saying the timer's words, then launching the skill with the timer's task); and it shows
timers and reminders the skill set or deleted. Timers fire on another thread: they only queue
here, and the skill is always invoked from the thread that owns the console.
"""

from __future__ import annotations

import queue
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Final

from skill.console.alexa_stand_in.stand_in import FakeAlexaApi, TimerRecord
from skill.console.device.alerts import AlertWatcher, ringing_words, task_of
from skill.console.device.conversation import Conversation
from skill.console.device.permissions import consent_outcome
from skill.console.hearing.envelopes import LOCALE, Envelope
from skill.console.terminal.output import Presenter

# :wait gives up this long after the last running timer should have rung.
WAIT_GRACE_SECONDS: Final = 5.0
NO_TIMERS_HINT: Final = "No timer is running, so there is nothing to wait for."


class Echo:
    """Plays the device for one conversation, over one fake Alexa API."""

    def __init__(
        self,
        conversation: Conversation,
        presenter: Presenter,
        api: FakeAlexaApi,
        *,
        locale: str = LOCALE,
        on_hint: Callable[[str], None] | None = None,
        on_fired: Callable[[], None] | None = None,
    ) -> None:
        self._conversation = conversation
        self._presenter = presenter
        self._api = api
        self._locale = locale
        self._on_hint = on_hint or (lambda _hint: None)
        self._on_fired = on_fired or (lambda: None)
        self._fired: queue.Queue[TimerRecord] = queue.Queue()
        self._watcher = AlertWatcher(api)

    def timer_fired(self, record: TimerRecord) -> None:
        """Called by the fake Alexa API, on its own thread, when a timer rings."""
        self._fired.put(record)
        self._on_fired()

    @property
    def has_rung(self) -> bool:
        """Whether a timer has rung and is waiting to be handled."""
        return not self._fired.empty()

    def take(self, text: str) -> None:
        """One line from the person: the answer to a consent question, an utterance, or
        silence (an empty line), which Alexa meets with the reprompt, then by ending the session.
        """
        if self._conversation.pending_consent is not None:
            self._after(self._conversation.answer_consent(consent_outcome(text)))
        elif text:
            self._after(self._conversation.hear(text))
        else:
            silence = self._conversation.silence()
            if silence.reprompt is not None:
                self._presenter.repeat(silence.reprompt)
            elif silence.ended is not None:
                self._after(silence.ended)
            else:
                self._presenter.nothing()

    def ring_fired(self) -> None:
        """Handle every timer that has rung; their answers are notes, not a line's answer."""
        for record in self._drain():
            launched = self._ring(record)
            if launched is not None:
                self._after(launched, aside=True)

    def wait(self) -> None:
        """``:wait``: let every running timer ring; their answers answer this line."""
        running = {t.id: t.fires_at for t in list(self._api.timers.values()) if t.status == "ON"}
        rung: list[TimerRecord] = []
        if running:
            latest = max(running.values())
            deadline = time.monotonic() + max(0.0, _seconds_until(latest)) + WAIT_GRACE_SECONDS
            while set(running) - {record.id for record in rung}:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                try:
                    rung.append(self._fired.get(timeout=remaining))
                except queue.Empty:
                    break
        rung.extend(self._drain())
        if not rung:
            self._on_hint(NO_TIMERS_HINT)
        launched = [response for record in rung if (response := self._ring(record)) is not None]
        if launched or not self._presenter.interactive:
            self._presenter.show_joined(launched)
        self._notice()

    def finish(self) -> None:
        """The input ended: an unanswered consent question goes unanswered; the session ends."""
        if self._conversation.pending_consent is not None:
            self._presenter.aside(self._conversation.answer_consent("NOT_ANSWERED"))
        self._presenter.show(self._conversation.leave(), answers_a_line=False)

    def _ring(self, record: TimerRecord) -> Envelope | None:
        """Say the timer's words; launch the skill with its task (None when it has none)."""
        self._presenter.note(f"Alexa: {ringing_words(record, self._locale)}")
        task = task_of(record)
        if task is None:
            return None
        ended, launched = self._conversation.launch_task(task)
        self._presenter.aside(ended)
        return launched

    def _after(self, response: Envelope | None, *, aside: bool = False) -> None:
        if aside:
            self._presenter.aside(response)
        else:
            self._presenter.show(response)
        self._notice()

    def _notice(self) -> None:
        """Show alerts that appeared or went, then Alexa's consent question if one is due."""
        for change in self._watcher.changes():
            self._presenter.note(change)
        asked = self._conversation.pending_consent
        if asked is not None:
            self._presenter.note(f"Alexa: {asked.question()}")

    def _drain(self) -> list[TimerRecord]:
        drained: list[TimerRecord] = []
        while True:
            try:
                drained.append(self._fired.get_nowait())
            except queue.Empty:
                return drained


def _seconds_until(moment: datetime) -> float:
    return (moment - datetime.now(UTC)).total_seconds()
