"""Alexa's REST APIs (timers, reminders, settings), reached at the request's apiEndpoint."""
