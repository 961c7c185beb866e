"""The terminal: the skill's answers as plain text, printed (and, if asked, spoken)."""
