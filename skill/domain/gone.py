"""The win deleted last, kept with the profile so "undo" in the next conversation brings it
back.

"Tell small wins delete the one about the dishes", yes; then "tell small wins undo that": the
second conversation cannot find the deletion in the first one's session. The profile keeps
the win deleted last instead, as it was stored (its words, kind and time, and when it was
told if it was filed on a day its words named) and when it was deleted. "Undo" within
``KEPT_FOR`` of the deletion offers it back; logging a win (or bringing this one back)
removes it, so "undo" after a log means the win just logged, and a later deletion replaces
it.

Pure: plain values in, plain values out.
"""

import json
from datetime import UTC, datetime, timedelta
from typing import Final, NamedTuple

from skill.domain.phrasing import WinKind

# How long after a deletion "undo" in another conversation still offers the win back.
KEPT_FOR: Final = timedelta(minutes=10)


class GoneWin(NamedTuple):
    """A win deleted, as it was stored, and when it was deleted (all aware). ``told_at``: when
    it was told, for a win filed on a day its words named (``StoredWin.told_at``)."""

    text: str
    kind: WinKind
    created_at: datetime
    gone_at: datetime
    told_at: datetime | None = None

    def fresh(self, now: datetime) -> bool:
        """Whether "undo" at ``now`` still means this deletion."""
        return self.gone_at <= now <= self.gone_at + KEPT_FOR

    def plain(self) -> str:
        """As kept: compact JSON (``told`` only for a win that has it)."""
        fields = {
            "text": self.text,
            "kind": self.kind.value,
            "at": self.created_at.astimezone(UTC).isoformat(),
            "gone": self.gone_at.astimezone(UTC).isoformat(),
        }
        if self.told_at is not None:
            fields["told"] = self.told_at.astimezone(UTC).isoformat()
        return json.dumps(
            fields,
            separators=(",", ":"),
            ensure_ascii=False,
        )

    @classmethod
    def of(cls, kept: str) -> "GoneWin":
        """From ``plain``; raises ``ValueError`` when it is not one. One kept before ``told``
        was has none."""
        try:
            fields = json.loads(kept)
            told = fields.get("told")
            gone = cls(
                str(fields["text"]),
                WinKind(fields["kind"]),
                datetime.fromisoformat(fields["at"]),
                datetime.fromisoformat(fields["gone"]),
                datetime.fromisoformat(told) if told else None,
            )
        except (TypeError, KeyError, AttributeError) as exc:
            raise ValueError("not a win deleted") from exc
        moments = (gone.created_at, gone.gone_at, gone.told_at or gone.gone_at)
        if any(moment.tzinfo is None for moment in moments) or not gone.text:
            raise ValueError("a win deleted needs its words and zoned times")
        return gone
