"""Files in a data folder: private to their owner from the first byte, never through a link.

A data folder holds people's wins, so:

- it is created 0700, and an existing one loses every permission of others (a systemd
  ``StateDirectory=`` is 0755);
- one that belongs to another user, or that others may write in, is refused: they could read
  the wins, or put a file there that the skill would then trust;
- a file is created with ``O_CREAT | O_EXCL | O_NOFOLLOW`` and mode 0600, so nobody else can
  open it even for an instant, and it is never created at the far end of a planted symbolic
  link (open(2): with ``O_CREAT | O_EXCL`` a symbolic link is never followed);
- an existing file must be a plain file of the user's that others cannot write; others lose
  read access to it (a backup copied back with ``cp`` is 0644).

Each refusal is a ``DataFolderError`` whose message says what is wrong and what to do.
JSON documents are written atomically: to a temporary file in the same folder, flushed to disk,
then renamed over the old file, so readers see the old document or the new one, never a mix.
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
from pathlib import Path
from typing import Any, Final

from skill.storage.errors import StoreSetupError

_OTHERS_WRITE: Final = stat.S_IWGRP | stat.S_IWOTH
_OTHERS_ANY: Final = 0o077
# Creating never follows a link, and the descriptor is not inherited by child processes.
_CREATE: Final = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC


class DataFolderError(StoreSetupError):
    """The data folder, or a file in it, cannot be used as it is; the message says what to do."""


def private_folder(folder: Path) -> Path:
    """``folder``, created (0700) if missing, the user's own, closed to others, writable.

    A folder reached through a symbolic link is fine (a data folder may live on another disk);
    what is checked is the folder itself.
    """
    try:
        folder.mkdir(parents=True, mode=0o700)
    except FileExistsError:
        pass
    except OSError as exc:
        raise DataFolderError(
            f"The data folder {folder} could not be created ({exc.strerror}). Choose a folder "
            "you can write to with --data-dir (or WINS_DATA_DIR)."
        ) from exc
    try:
        info = folder.stat()
    except FileNotFoundError as exc:
        raise DataFolderError(
            f"The data folder {folder} is a link to a folder that does not exist. Create that "
            "folder, remove the link, or choose another with --data-dir."
        ) from exc
    if not stat.S_ISDIR(info.st_mode):
        raise DataFolderError(
            f"{folder} is not a folder. Choose a folder for the wins with --data-dir."
        )
    _refuse_others(folder, info, "the data folder", "chmod 700")
    if info.st_mode & _OTHERS_ANY:
        folder.chmod(stat.S_IMODE(info.st_mode) & 0o700)
    if not os.access(folder, os.W_OK | os.X_OK):
        raise DataFolderError(
            f"The data folder {folder} cannot be written to, so no win could be saved. Give "
            f"yourself write permission (chmod u+rwx {folder}) or choose another folder with "
            "--data-dir."
        )
    return folder


def checked_file(path: Path, what: str) -> bool:
    """Whether ``path`` exists; if it does, it must be a plain file of the user's that others
    cannot write (others' read access is taken away). ``what`` names it in a refusal."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return False
    if stat.S_ISLNK(info.st_mode):
        raise DataFolderError(
            f"{path} is a symbolic link, where {what} should be a plain file. Remove the link "
            "(or put the file itself in its place) and start again."
        )
    if not stat.S_ISREG(info.st_mode):
        raise DataFolderError(f"{path} is not a plain file, where {what} should be. Remove it.")
    _refuse_others(path, info, what, "chmod 600")
    if info.st_mode & _OTHERS_ANY:
        path.chmod(stat.S_IMODE(info.st_mode) & 0o700)
    return True


def create_private_file(path: Path) -> bool:
    """Create ``path`` empty with mode 0600, unless something (even a link) is there already.

    Returns whether it was created. Check what was there with ``checked_file``.
    """
    try:
        handle = os.open(path, _CREATE, 0o600)
    except FileExistsError:
        return False
    try:
        os.fchmod(handle, 0o600)  # exactly: a umask may not take the owner's own permissions
    finally:
        os.close(handle)
    return True


def new_private_file_beside(path: Path) -> tuple[int, Path]:
    """A new empty file (0600, open for writing) in ``path``'s folder, under a name nobody
    could have prepared: for writing a file completely before renaming it to ``path``.

    ``tempfile.mkstemp`` opens with ``O_EXCL`` (and ``O_NOFOLLOW`` where there is one) and
    mode 0600, so the file is new, the caller's alone, and never reached through a link.
    """
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    return handle, Path(name)


def _refuse_others(path: Path, info: os.stat_result, what: str, fix: str) -> None:
    """Refuse ``path`` if it belongs to another user or others may write to it."""
    if info.st_uid != os.geteuid():
        raise DataFolderError(
            f"{path} belongs to another user (uid {info.st_uid}), so {what} cannot be trusted "
            "with anyone's wins. Use a folder of your own with --data-dir, or have it handed "
            "over to you (chown)."
        )
    if info.st_mode & _OTHERS_WRITE:
        raise DataFolderError(
            f"Other users can change {path} (mode {stat.S_IMODE(info.st_mode):04o}), so {what} "
            f"cannot be trusted with anyone's wins. Close it to them ({fix} {path}) and start "
            "again."
        )


def write_json_atomically(path: Path, document: Any) -> None:
    """Write ``document`` to ``path`` (creating its folder, private to the user) atomically."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(document, out, indent=1, sort_keys=True)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
