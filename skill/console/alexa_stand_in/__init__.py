"""Alexa's REST APIs (timers, reminders, the device's time zone) served for real on loopback.

The console talks to it as the skill talks to Alexa: HTTPS with a certificate it must verify,
checked as strictly as Alexa checks. Tests and benchmarks use it too, through these names only.
"""

from skill.console.alexa_stand_in.alert_records import ReminderRecord, TimerRecord
from skill.console.alexa_stand_in.stand_in import REMINDERS_SCOPE, TIMERS_SCOPE, FakeAlexaApi
from skill.console.alexa_stand_in.tls import LoopbackCertificates, make_loopback_certificates

__all__ = [
    "REMINDERS_SCOPE",
    "TIMERS_SCOPE",
    "FakeAlexaApi",
    "LoopbackCertificates",
    "ReminderRecord",
    "TimerRecord",
    "make_loopback_certificates",
]
