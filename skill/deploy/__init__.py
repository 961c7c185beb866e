"""``wins skill-package``: the skill package as Alexa gets it, with the operator's own values.

The package in ``interaction_models/`` names no endpoint and no privacy policy: those belong to
whoever deploys. This fills them in, checked, into ``build/skill-package/`` (which
``ask-resources.json`` names), so ``ask deploy`` never uploads a placeholder. Never part of the
Lambda function.
"""
