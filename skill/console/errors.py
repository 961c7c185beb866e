"""The console's own error: something the person can fix, explained in a sentence."""

from __future__ import annotations


class ConsoleError(Exception):
    """A problem with the console's setup (missing model file, missing extra, bad data file).

    The message is shown as it is, without a traceback, so it must say what to do.
    """
