"""``wins import`` and ``wins export`` held to the skill's own rules: all or nothing, within the
skill's limits, crisis text never stored, each win once, in flat memory, safe in a spreadsheet."""
