"""An import, all or nothing: check the whole file first, then write it in steps, and undo
those steps if writing stops part way.

1. **Check.** Every line is read, held to the skill's limits (``checks.py``) and kept in the
   staging file, each win once. A bad line stops here, naming it: the store is untouched.
2. **Plan.** Who is new, who is replaced (``--replace``; their data is copied into the staging
   file first) and who is left alone.
3. **Write.** In steps of at most ``STEP_ITEMS`` rows, each one transaction on SQLite, so a
   running ``wins serve`` writes between them; an export that small is one step, one
   transaction. A person's wins go in before their profile, which makes them theirs.
4. **Undo**, if a step fails or the import is stopped: everyone written is deleted and the
   replaced get their data back. An import killed outright leaves its staging file in the
   data folder; the next import into that folder undoes it first, and so does ``wins serve``,
   ``wins chat`` or ``wins export`` before it uses the store (``undo_stopped_import``): no
   store is served or exported with half an import in it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import IO, Final, NamedTuple

from skill.portable.checks import Checker, kind_of, number_of
from skill.portable.formats import BadExport, rows
from skill.storage.errors import PartlyWritten, StorageError, StoreSetupError
from skill.storage.interface import PortableStore
from skill.storage.opening import StoreSettings, default_data_dir, stopped_import
from skill.storage.records import Person, Profile, StoredWin
from skill.storage.staging import ImportStep, Plan, Progress, Staging

# Rows per step: about 0.1 s of writing on SQLite, so a waiting request waits no longer.
STEP_ITEMS: Final = 10_000
_PEOPLE_AT_ONCE: Final = 400


class Imported(NamedTuple):
    """What an import did, in counts only (never a word of anyone's)."""

    people: int  # written
    wins: int  # written
    left_alone: int  # had data here, and no --replace
    duplicates: int  # the same person, time and words as a win earlier in the file
    crisis: int  # wins, goals and one things that sound like crisis: left out
    undone_earlier: bool  # an import that had stopped part way was undone first


class ImportStopped(Exception):
    """Writing failed part way; ``undone`` says whether the store is as it was before."""

    def __init__(self, cause: BaseException, *, undone: bool) -> None:
        super().__init__(str(cause) or f"stopped ({type(cause).__name__})")
        self.cause = cause
        self.undone = undone


def import_export(
    source: IO[str], store: PortableStore, staging: Staging, *, replace: bool, now: datetime
) -> Imported:
    """Import the export ``source`` into ``store``, all or nothing.

    Raises ``BadExport`` (nothing was written) or ``ImportStopped``.
    """
    undone_earlier = finish_undoing(store, staging)
    checker = Checker(now)
    _stage(source, staging, checker)
    left_alone = _plan(store, staging, replace=replace)
    staging.advance(Progress.WRITING)
    try:
        people, wins = _write(store, staging)
    except BaseException as exc:
        raise ImportStopped(exc, undone=_undo(store, staging, written_only=True)) from exc
    staging.advance(Progress.DONE)
    return Imported(people, wins, left_alone, staging.duplicates, checker.crisis, undone_earlier)


def finish_undoing(store: PortableStore, staging: Staging) -> bool:
    """Undo an import that stopped while writing (its staging file was left); True if one had."""
    stopped = staging.progress is Progress.WRITING
    if stopped and not _undo(store, staging, written_only=False):
        raise ImportStopped(RuntimeError("an earlier import could not be undone"), undone=False)
    staging.reset()
    return stopped


def undo_stopped_import(store: PortableStore, settings: StoreSettings) -> str | None:
    """Before ``store`` is served: undo an import into its data folder that stopped part way
    (killed, a power cut), and say so; None if there was none (or one is running now).

    Raises ``StoreSetupError`` if it cannot be undone: the store is not to be used as it is.
    """
    where = settings.data_dir or default_data_dir()
    with stopped_import(settings) as staging:
        if staging is None:
            return None
        try:
            undone = finish_undoing(store, staging)
        except (ImportStopped, StorageError) as exc:
            raise StoreSetupError(
                f"An import into {where} stopped part way, and what it wrote could not be "
                f"undone ({exc}). Run wins import into this folder again, which undoes it "
                "first, then start again."
            ) from exc
    if not undone:
        return None  # it stopped while checking: nothing had been written
    return (
        f"An import into {where} had stopped part way; what it wrote is undone, so the wins "
        "there are as they were before it. Run the same wins import again to bring it in."
    )


def _stage(source: IO[str], staging: Staging, checker: Checker) -> None:
    for order, (where, row) in enumerate(rows(source)):
        try:
            person = checker.person(row)
            if row["type"] == "person":
                staging.add_person(person, checker.profile(row.get("profile")))
                continue
            kind = kind_of(row.get("kind"))
            number = number_of(row.get("number"))
            created = checker.moment(row.get("created_at"), "created_at")
            told = checker.told_at(row.get("told_at"), created)
            text = checker.win_text(row.get("text"), kind)
            if text is not None:
                win = StoredWin(number, text, created, kind, told_at=told)
                staging.add_win(person, win, order)
        except (KeyError, TypeError, ValueError, OverflowError) as exc:
            raise BadExport(f"{where}: {exc}") from exc


def _plan(store: PortableStore, staging: Staging, *, replace: bool) -> int:
    """Decide for everyone staged; back up the replaced. Returns how many are left alone."""
    left_alone = 0
    batch: list[Person] = []

    def decide() -> None:
        nonlocal left_alone
        holding = store.holding(batch)
        if not replace:
            left_alone += len(holding)
        staging.plan(
            (p, Plan.NEW if p not in holding else Plan.REPLACE if replace else Plan.LEAVE)
            for p in batch
        )
        for person in sorted(holding) if replace else ():
            staging.back_up(person, store.records_of(person))
        batch.clear()

    for person, _profile in staging.people():
        batch.append(person)
        if len(batch) >= _PEOPLE_AT_ONCE:
            decide()
    decide()
    return left_alone


class _Steps:
    """Writes gathered into steps. Who a step writes is recorded before it is written (for an
    import that is killed) and after (for one that fails), so an undo finds them."""

    def __init__(self, store: PortableStore, staging: Staging) -> None:
        self._store = store
        self._staging = staging
        self._clear()

    def _clear(self) -> None:
        self.cleared: list[Person] = []
        self.wins: list[tuple[Person, StoredWin]] = []
        self.profiles: list[tuple[Person, Profile]] = []
        self.people: list[Person] = []  # whose writes begin in this step

    def person(
        self, person: Person, profile: Profile, wins: Iterator[StoredWin], *, clear: bool
    ) -> None:
        self.people.append(person)
        if clear:
            self.cleared.append(person)
        for win in wins:
            self.wins.append((person, win))
            if self._size() >= STEP_ITEMS:
                self.flush()
        self.profiles.append((person, profile))
        if self._size() >= STEP_ITEMS:
            self.flush()

    def _size(self) -> int:
        return len(self.cleared) + len(self.wins) + len(self.profiles)

    def flush(self) -> None:
        if self._size():
            self._staging.touch(self.people, written=False)
            try:
                self._store.write_import(ImportStep(self.cleared, self.wins, self.profiles))
            except PartlyWritten as exc:
                self._staging.touch(sorted(exc.written), written=True)
                raise
            self._staging.touch(self.people, written=True)
        self._clear()


def _write(store: PortableStore, staging: Staging) -> tuple[int, int]:
    steps = _Steps(store, staging)
    people = wins = 0
    for plan in (Plan.NEW, Plan.REPLACE):
        for person, profile in staging.people(plan):
            counted = profile._replace(today_count=min(profile.today_count, profile.win_count))
            steps.person(person, counted, staging.wins_of(person), clear=plan is Plan.REPLACE)
            people, wins = people + 1, wins + profile.win_count
    steps.flush()
    return people, wins


def _undo(store: PortableStore, staging: Staging, *, written_only: bool) -> bool:
    """Put everyone this import wrote back as they were; False if that failed too.

    ``written_only``: the import is still running, so it knows which steps were written; one
    found stopped undoes everyone it was about to write as well.
    """
    try:
        # Page by page: restoring someone never changes who was touched.
        for person in staging.touched(written_only=written_only):
            store.delete_person(person)
            backup = staging.backup(person)
            if backup is not None:
                store.put_records(person, backup)
        staging.reset()
    except Exception:  # noqa: BLE001  (the failure that stopped the import is the one told)
        return False
    return True
