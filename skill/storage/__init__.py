"""Where wins live: the interface the skill's services use, and how a store is opened.

Rule: modules here import only the standard library, ``skill.domain`` and each other; only
``opening.py`` (and, outside this folder, Lambda start-up, tests and benchmarks) imports a backend.
"""
