"""Hearing typed words as Alexa would: the interaction model, the resolver, and the request
envelope an Echo sends for what was heard (slots, spoken times, dialogs)."""
