"""Thin ASK SDK handlers: read the request, call the service, speak the outcome."""
