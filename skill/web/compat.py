"""Let flask-ask-sdk be imported where oscrypto 1.3.0 cannot read OpenSSL's version number.

Why: ``flask_ask_sdk`` imports ``ask_sdk_webservice_support.verifier``, which imports
certvalidator, which imports oscrypto. When oscrypto 1.3.0 (its latest release) loads the
system's libcrypto, it reads the library's version with the pattern ``\\d\\.\\d\\.\\d[a-z]*``:
one digit per part. OpenSSL 3.0.10 and later say e.g. "OpenSSL 3.0.19 27 Jan 2026", the
pattern finds nothing (a word boundary cannot fall between "1" and "9"), and the import
raises ``LibraryNotFoundError: Error detecting the version of libcrypto``. Turning the SDK's
verifier off does not help: the failure is at import time. We never call oscrypto (our
verifier is built on ``cryptography``), but we cannot import the adapter without it.

What: oscrypto's public ``use_openssl()`` only chooses *which* libcrypto is loaded; the
version is read from whichever one it is, so it cannot avoid the failing line. Instead, a
finder on ``sys.meta_path`` loads exactly the two modules holding that pattern (the cffi and
ctypes variants of ``oscrypto._openssl._libcrypto_*``) from their installed source, with
every part widened to ``\\d+``, so "3.0.19" and "3.10.0" both read. Nothing on disk changes:
the corrected module is compiled in memory and never written to ``__pycache__``. Every version
string the old pattern could read gives the same version with the new one.

When: only while oscrypto 1.3.0 is installed, and only if its source still holds the old
pattern; with any other version this does nothing. Delete this module (and its call in
``skill.web.sdk``) once an oscrypto release after 1.3.0 with the fix is required.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import sys
import threading
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version
from types import CodeType, ModuleType
from typing import Final

AFFECTED_VERSION: Final = "1.3.0"
# The modules of oscrypto 1.3.0 that read libcrypto's version (cffi and ctypes flavours).
AFFECTED_MODULES: Final = frozenset(
    {"oscrypto._openssl._libcrypto_cffi", "oscrypto._openssl._libcrypto_ctypes"}
)
# The regular expressions themselves; in oscrypto's source each is written as repr() writes it.
BROKEN_PATTERN: Final = r"\b(\d\.\d\.\d[a-z]*)\b"
# Every part may have several digits: "3.0.19" and "3.10.0" alike.
FIXED_PATTERN: Final = r"\b(\d+\.\d+\.\d+[a-z]*)\b"

_install_lock = threading.Lock()


def fixed_source(source: str) -> str | None:
    """``source`` with the version pattern corrected, or None if it has no broken pattern."""
    broken = repr(BROKEN_PATTERN)
    if broken not in source:
        return None
    return source.replace(broken, repr(FIXED_PATTERN))


def needs_fix(installed_version: str | None) -> bool:
    """Whether this oscrypto release has the broken pattern (None: oscrypto is absent)."""
    return installed_version == AFFECTED_VERSION


def installed_oscrypto() -> str | None:
    """The installed oscrypto's version, read from its metadata without importing it."""
    try:
        return version("oscrypto")
    except PackageNotFoundError:
        return None


class _CorrectedSourceLoader(importlib.machinery.SourceFileLoader):
    """Loads a module from its source file with the version pattern corrected.

    ``get_code`` is overridden whole: the default would reuse (or write) the cached bytecode
    of the unmodified file, while this compiles the corrected text and caches nothing.
    """

    def get_code(self, fullname: str) -> CodeType:
        source = self.get_source(fullname)
        corrected = fixed_source(source or "")
        if corrected is None:  # the file changed since the finder looked: load it as it is
            corrected = source or ""
        return compile(corrected, self.path, "exec", dont_inherit=True)


class VersionPatternFix(importlib.abc.MetaPathFinder):
    """Finds only ``modules``, and only when their source holds the broken pattern."""

    def __init__(self, modules: frozenset[str] = AFFECTED_MODULES) -> None:
        self.modules = modules

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in self.modules:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or spec.origin is None:
            return None
        if not isinstance(spec.loader, importlib.machinery.SourceFileLoader):
            return None  # e.g. installed as bytecode only: leave it to the normal import
        if fixed_source(spec.loader.get_source(fullname) or "") is None:
            return None
        loader = _CorrectedSourceLoader(fullname, spec.origin)
        return importlib.util.spec_from_file_location(fullname, spec.origin, loader=loader)


def fix_oscrypto_version_detection(installed_version: str | None = None) -> bool:
    """Install the finder if the installed oscrypto needs it; True if it is in place.

    Call before anything imports ``flask_ask_sdk`` or ``ask_sdk_webservice_support``.
    ``installed_version`` defaults to the installed oscrypto's; tests pass their own.
    """
    wanted = installed_oscrypto() if installed_version is None else installed_version
    if not needs_fix(wanted):
        return False
    with _install_lock:
        if not any(isinstance(finder, VersionPatternFix) for finder in sys.meta_path):
            sys.meta_path.insert(0, VersionPatternFix())
    return True
