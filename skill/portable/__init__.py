"""Your wins are yours: ``wins export`` and ``wins import``, with every store.

``formats`` turns a person's data into JSON lines or CSV and back; ``commands`` declares the two
commands. Moving between a self-hosted server and Lambda is an export from one store and an
import into the other.
"""
