"""The SQLite backend: ``wins chat`` and ``wins serve``'s store, one file in the data folder.

Rule: only this folder imports ``sqlite3`` for storage, and it imports no other backend.
``schema.py`` describes the file.
"""
