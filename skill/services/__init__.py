"""What the skill does, over a store, a clock and a random source: ``wins`` (log, hear, style),
``routines`` (goals, the one thing, the morning reminder) and ``erasure`` (deleting)."""
