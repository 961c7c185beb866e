"""The local voice console: talk to Small Wins in a terminal as you would to an Echo.

``wins chat`` plays Alexa's part. It resolves what you type against the same interaction model
Alexa is given, wraps the result in a genuine request envelope and hands it to the very handler
the Lambda runs, so what you read (or hear) is what an Echo would say. Wins are kept in SQLite
in the data folder (``skill.storage.opening``), in a real table when you ask for one, or on
request in moto's DynamoDB in this process. Alexa's
own APIs (timers, reminders, the device's time zone) run for real on loopback.

One module per job: ``words`` (normalising what is typed), ``model`` (reading the interaction
model), ``phrases`` (what Alexa understands without samples), ``spoken_time`` (AMAZON.TIME
values), ``resolver`` (utterance to intent), ``dialog`` (slots the skill elicits),
``envelopes`` (request JSON), ``conversation`` (sessions, silence), ``permissions`` (consent by
voice), ``remembered_permissions`` (consent kept between runs), ``echo`` (the device: consent
questions, timers ringing, alerts), ``alerts`` (timers and reminders as lines),
``prompt_wake`` (a timer ringing at the prompt), ``device_settings`` (the time zone),
``fake_alexa_api`` with ``alexa_api_rules`` and ``loopback_tls`` (Alexa's REST APIs over HTTPS
on loopback), ``stores`` (which store the options ask for), ``embedded_store`` (the opt-in
in-process DynamoDB, on disk), ``json_file`` (files written atomically), ``text`` (SSML to
plain text), ``output`` (printing and speaking) and ``chat`` (the command itself).
"""
