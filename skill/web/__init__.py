"""Small Wins as a self-hosted web service (``wins serve``), through flask-ask-sdk.

The skill is the one the Lambda runs (``skill.entry.make_skill``); only the edge differs.
Amazon requires a web service to prove each request came from Alexa, so verification is on
unless explicitly skipped for local testing. One module per job: ``compat`` (lets
flask-ask-sdk be imported on current OpenSSL), ``sdk`` (the only import of the SDK's web
parts), ``cert_url`` (where the signing certificate may come from), ``certs`` (its
download and chain of trust), ``chains`` (which chains are downloaded, when, and kept),
``verification`` (signature, timestamp and skill-ID checks), ``replay`` (each verified
request acted on once, remembered in the store), ``events`` (stale ``SkillDisabled``
events), ``config`` (settings), ``endpoint`` (the Alexa route, refusals and JSON errors),
``factory`` (the app), ``limits`` (what waitress accepts) and ``serve`` (the command).
"""
