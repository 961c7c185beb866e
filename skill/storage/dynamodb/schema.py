"""The one table's shape, shared by the embedded console store and checked against template.yaml.

Key design (one partition per person, so nothing ever reads another person's items):

- ``pk = "USER#<userId>"``, or ``"PERSON#<userId>#<personId>"`` when Alexa recognised a voice.
- ``sk = "PROFILE"``: the person's counters and settings (win count, style, today's count,
  the last celebration wording). It carries ``heard_at = "~"`` so that it sorts after every
  real timestamp in the ``by_heard`` index.
- ``sk = "WIN#0000000042"``: win number 42. Wins are numbered densely from 1, so a uniformly
  random win is one GetItem/UpdateItem on a computed key, whatever the number of wins.
  Deleting a win other than the last moves the last into its number; the profile's
  ``out_of_order`` map lists the wins so moved (``moves.py``). A win keeps the screen's
  verdict on its words (``screened``, ``skill/domain/screen_stamp.py``).
- ``by_time``, a local index on (``pk``, ``created_at``): a person's wins in the order they
  were logged, whatever their numbers, carrying what is read back (number, words, kind,
  verdict) and not ``heard_at``, so hearing a win never writes it. A span's wins ("what did I
  do on the 3rd of November") are one Query between the span's two times, reading those wins
  only, at 100 wins or 100,000 (``timeline.py``). The profile carries ``created_at`` too (the
  first win's time), so it sits among the wins there and is passed over.

  Why a local index and not a global one: a global index is read eventually consistent, so
  "what did I do today" could miss the win logged a moment ago, and a literal listener told
  they did nothing is the harm this skill exists to avoid. A local index reads strongly
  consistent. Its costs, accepted: it can only be added with a new table (``migrate.py``,
  README "Replacing the table"), and one person's items (with both local indexes) must stay
  under 10 GB, some 10 million wins.
- ``sk = "REQ#<requestId>"``: a short-lived marker (TTL) that makes logging idempotent: the
  same Alexa request delivered twice stores one win.
- Every profile records its Alexa ``account``; the sparse ``by_account`` index lists a
  household's partitions, so disabling the skill deletes them all.
- ``pk = "SEEN#<requestId>"``, ``sk = "SEEN"``: ``wins serve --table`` remembers each request
  it verified (a digest of the body and ``expires_at``, no person's key, no words) until its
  timestamp stops being acceptable, so a replay after a restart or to another server is
  refused. Apart from every person's partition, so deleting a person's data keeps it.

Call budget:
- log a win: GetItem(PROFILE), then one TransactWriteItems (profile counter, win, request marker).
- hear a win: Query(by_heard, newest first, Limit 2, consistent) returns the profile and the win
  heard last; then UpdateItem(WIN#n) stamps ``heard_at`` and returns the text. "Last heard" is thus
  stored on the win itself, in the person's partition, and found through the local index.
- recall or count a span's wins (``wins_within``): GetItem(PROFILE) (the time zone), then one
  Query of ``by_time`` between the span's two times, newest first: only the span's wins (and
  at most the profile and the span's end) are read. A recall keeps what it read in the
  profile (``last_read``, and the win count then, ``last_read_wins``): an UpdateItem that
  returns the profile as it was takes the GetItem's place, so it is two calls still. A place
  in that list ("delete the second one", in the next conversation) is GetItem and the same
  Query again.
- log a win: each win is stamped after the profile's ``last_logged`` when that is of the same
  minute, so ``by_time`` holds a person's wins in the order they were logged, and a page cut
  anywhere is the start of that order.
- the most recent wins (``recent_wins``, to delete or correct a win by its words): GetItem
  (PROFILE), then one Query of ``by_time`` newest first, Limit the wins asked for (and two).
- delete a win: the deletion's TransactWriteItems also sets ``last_gone`` on the profile (the
  win's words, kind and time, and when it was deleted), so "undo" in the next conversation
  reads it with the profile; logging a win removes it in its own transaction.
- count wins since a moment (``count_since``): one counting Query of ``by_time``.
- delete a win: TransactGetItems (profile, the win, the last win), then one TransactWriteItems.
- find one win to delete or correct: by its place in a list read out, TransactGetItems (it)
  and Query (the newest win, Limit 1, for the count); by its words, TransactGetItems (the list
  read out, if any) and Query (the newest ``RECENT`` wins, Limit 50). Delete it once confirmed:
  TransactGetItems (the whole profile, the win, the last win), then one TransactWriteItems,
  conditioned on the win's time. Correct it: the win (GetItem-like TransactGetItems or the
  last-win Query), then one conditional UpdateItem that overwrites its words.
- remember a request (``wins serve`` only, before the skill answers): one conditional PutItem,
  which hands back the remembered item when the request was seen before.
"""

from __future__ import annotations

from typing import Any, Final

PROFILE_SK: Final = "PROFILE"
WIN_PREFIX: Final = "WIN#"
REQUEST_PREFIX: Final = "REQ#"
SEEN_PREFIX: Final = "SEEN#"
SEEN_SK: Final = "SEEN"
HEARD_INDEX: Final = "by_heard"
# Local: a person's items by ``created_at``, so a span's wins are one Query between two times.
TIME_INDEX: Final = "by_time"
# What ``by_time`` carries besides the keys and ``created_at``: what recall reads out. Not
# ``heard_at``, so stamping a win as heard never writes this index.
TIME_INDEX_ATTRIBUTES: Final = ("number", "text", "kind", "screened")
# Sparse: only profiles carry ``account``. Finds every partition of one Alexa account (the
# account's own and its recognised voices') when the skill is disabled.
ACCOUNT_INDEX: Final = "by_account"
# On the profile: a map from the number of each win moved out of logging order (by deleting a
# win before it) to its ``created_at``, so counting wins since a moment can still stop early.
# See ``moves.py``.
OUT_OF_ORDER: Final = "out_of_order"
# Sorts after any ISO-8601 timestamp, so the profile is always first in the by_heard index.
PROFILE_HEARD_SENTINEL: Final = "~"
TTL_ATTRIBUTE: Final = "expires_at"

# create_table keyword arguments (less TableName and BillingMode); template.yaml must agree,
# and tests/test_template.py checks that it does.
TABLE_DEFINITION: Final[dict[str, Any]] = {
    "AttributeDefinitions": [
        {"AttributeName": "pk", "AttributeType": "S"},
        {"AttributeName": "sk", "AttributeType": "S"},
        {"AttributeName": "heard_at", "AttributeType": "S"},
        {"AttributeName": "account", "AttributeType": "S"},
        {"AttributeName": "created_at", "AttributeType": "S"},
    ],
    "KeySchema": [
        {"AttributeName": "pk", "KeyType": "HASH"},
        {"AttributeName": "sk", "KeyType": "RANGE"},
    ],
    "LocalSecondaryIndexes": [
        {
            "IndexName": HEARD_INDEX,
            "KeySchema": [
                {"AttributeName": "pk", "KeyType": "HASH"},
                {"AttributeName": "heard_at", "KeyType": "RANGE"},
            ],
            "Projection": {"ProjectionType": "ALL"},
        },
        {
            "IndexName": TIME_INDEX,
            "KeySchema": [
                {"AttributeName": "pk", "KeyType": "HASH"},
                {"AttributeName": "created_at", "KeyType": "RANGE"},
            ],
            "Projection": {
                "ProjectionType": "INCLUDE",
                "NonKeyAttributes": list(TIME_INDEX_ATTRIBUTES),
            },
        },
    ],
    "GlobalSecondaryIndexes": [
        {
            "IndexName": ACCOUNT_INDEX,
            "KeySchema": [{"AttributeName": "account", "KeyType": "HASH"}],
            "Projection": {"ProjectionType": "KEYS_ONLY"},
        }
    ],
}


def win_sk(number: int) -> str:
    """The sort key of win ``number``; zero-padded so wins sort in the order they were logged."""
    return f"{WIN_PREFIX}{number:010d}"
