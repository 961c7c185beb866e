"""What ``wins import`` needs from storage: a scratch file to check a whole export into, and
steps of writes that a store applies all at once.

An import never writes as it reads. Every line is checked first and kept in a ``Staging``: a
private file on disk, so memory stays flat however long the export. Only when the whole file
has been read and found good is anything written to the store, in ``ImportStep``s. The
staging file also keeps what is needed to undo those writes (the data of people being
replaced, and who has been written), so an import that stops part way is undone.
"""

from collections.abc import Iterable, Iterator, Mapping, Sequence
from enum import StrEnum
from typing import Any, NamedTuple, Protocol

from skill.storage.records import Person, Profile, StoredWin


class ImportStep(NamedTuple):
    """Writes a store applies together, in this order: one transaction on SQLite.

    ``cleared`` lose all their data first (they are being replaced); ``wins`` are added (their
    people have no win of that number); ``profiles`` are written last, each new (the person
    has no profile), with ``win_count`` the number of wins they now have, which makes those
    wins theirs to hear.
    """

    cleared: Sequence[Person] = ()
    wins: Sequence[tuple[Person, StoredWin]] = ()
    profiles: Sequence[tuple[Person, Profile]] = ()

    def size(self) -> int:
        return len(self.cleared) + len(self.wins) + len(self.profiles)


class Plan(StrEnum):
    """What an import does with one person of the file."""

    NEW = "new"  # no data in the store: written
    REPLACE = "replace"  # has data, and --replace: backed up, cleared, written
    LEAVE = "leave"  # has data: left alone


class Progress(StrEnum):
    """How far an import has gone, kept in its staging file."""

    CHECKING = "checking"  # reading the export; nothing written to the store
    WRITING = "writing"  # writing to the store: stopping now means undoing
    DONE = "done"  # every write made: nothing to undo


class Staging(Protocol):
    """A checked export on disk: people, their wins in order (each once), plans and backups."""

    def add_person(self, person: Person, profile: Profile) -> None:
        """The person's settings (``win_count`` is ignored: their staged wins count)."""
        ...

    def add_win(self, person: Person, win: StoredWin, order: int) -> None:
        """Keep ``win``, ordered by its number then ``order``, unless it is a duplicate (the
        same person, time and words as a win kept already): those are counted instead."""
        ...

    @property
    def duplicates(self) -> int:
        """How many wins were not kept as duplicates (counted once all are staged)."""
        ...

    def people(self, plan: Plan | None = None) -> Iterator[tuple[Person, Profile]]:
        """Everyone staged (or only those with ``plan``), by key, ``win_count`` their wins."""
        ...

    def wins_of(self, person: Person) -> Iterator[StoredWin]:
        """A staged person's wins, numbered 1..n in their order."""
        ...

    def plan(self, plans: Iterable[tuple[Person, Plan]]) -> None: ...

    def back_up(self, person: Person, records: Iterable[Mapping[str, Any]]) -> None:
        """Keep what the store holds for ``person`` (``records_of``) before they are replaced."""
        ...

    def backup(self, person: Person) -> Iterator[dict[str, Any]] | None:
        """The records kept by ``back_up``, in their order; None if none were."""
        ...

    def touch(self, people: Sequence[Person], *, written: bool) -> None:
        """Record, durably, that ``people`` are about to be written, or (``written``) are."""
        ...

    def touched(self, *, written_only: bool) -> Iterator[Person]:
        """Everyone recorded as about to be written or written (or only the written)."""
        ...

    @property
    def progress(self) -> Progress: ...

    def advance(self, progress: Progress) -> None:
        """Record, durably, how far the import has gone."""
        ...

    def reset(self) -> None:
        """Forget everything: an empty staging file, checking again."""
        ...
