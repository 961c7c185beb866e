"""The local voice console: talk to Small Wins in a terminal as you would to an Echo.

``wins chat`` (``chat.py``) plays Alexa's part. It hears what you type against the same
interaction model Alexa is given (``hearing/``), plays the Echo around the conversation
(``device/``), serves Alexa's own REST APIs on loopback (``alexa_stand_in/``), and shows what the
skill answers (``terminal/``). The request goes to the very handler the Lambda runs, so what you
read (or hear) is what an Echo would say. Wins are kept where ``skill.storage.opening`` says.
"""
