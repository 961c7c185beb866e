"""Certificate chains by URL: cached, downloaded one at a time, and only so often.

Alexa signs every request with one certificate for months, published at one URL, so a server
needs a download when it starts and another when Amazon rotates the certificate. A forged
request can name any new URL that meets Amazon's rules (``cert_url``). Amazon documents no
pattern for the file's name, and rotates its certificates, so the name is never restricted.
Nothing tells a forged URL from Alexa's own before its chain is fetched, so downloads are
rationed:

- **Kept.** A chain downloaded is reused for ``ttl``, then downloaded again when nothing else
  is; meanwhile (and if that download fails) the chain is used as it is. It is still checked
  against the trusted roots at the request's time, every time. At most ``entries`` chains
  are kept; the chains that verified a signature are kept before any other, so URLs a forger
  names cannot push Alexa's chain out.
- **Failures too.** A URL whose download failed, or held no readable PEM, is refused without
  another download for ``failure_ttl`` (at most ``failure_entries`` such URLs are kept).
- **One at a time.** While a chain is being downloaded, a request naming another URL that is
  not kept is refused at once. One request may wait for the download of its own URL (as
  several of Alexa's may arrive while its URL is fetched); any more are refused at once.
- **New URLs only so often.** URLs never downloaded are downloaded at most ``burst`` at once,
  and then one per ``interval``; over that, refused at once.
- **The most wanted first.** A request may download a new URL only when no other new URL has
  been named more often. Alexa names its URL in every request, so after a restart or a
  rotation it soon leads the forged URLs, which are named once each; a forger who names a URL
  again and again pays that many requests for one download, and more as Alexa's count grows.
  (Counts of at most ``wanted_entries`` URLs are kept; the least named go first.)

So a forged request costs what refusing it costs: no download beyond those few, and no
worker held for one. What stays possible is a forger naming new URLs while Alexa's own is not
yet kept, which delays Alexa's until it is the most named: a few requests.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Final

from cryptography import x509

from skill.web.certs import CertificateRejected, Downloader, UrlDownloader

CACHE_TTL: Final = timedelta(hours=1)
# Only Amazon's one or two current URLs are ever valid; bound what forged ones can fill.
CACHE_ENTRIES: Final = 8
# Long enough that a forger gains nothing by naming a failed URL again, short enough that a
# failed download of Alexa's own URL (S3 or the network having a bad moment) soon heals.
FAILURE_TTL: Final = timedelta(minutes=1)
FAILURE_ENTRIES: Final = 1024
NEW_URL_BURST: Final = 2
NEW_URL_INTERVAL: Final = timedelta(seconds=10)
WANTED_ENTRIES: Final = 256
# Requests that may wait for a download of their own URL, and for how long (the downloader
# gives up sooner).
MAX_WAITERS: Final = 1
WAIT_SECONDS: Final = 5.0


@dataclass
class _Kept:
    chain: list[x509.Certificate]
    refresh_at: float  # monotonic seconds
    vouched: bool = False  # it verified a signature


@dataclass
class _Loading:
    url: str
    done: threading.Event = field(default_factory=threading.Event)
    chain: list[x509.Certificate] | None = None
    error: CertificateRejected | None = None
    waiters: int = 0


class _Budget:
    """A token bucket: ``burst`` at once, then one per ``interval`` seconds."""

    def __init__(self, burst: int, interval: float) -> None:
        self._burst = float(burst)
        self._interval = interval
        self._tokens = float(burst)
        self._last: float | None = None

    def take(self, now: float) -> bool:
        if self._last is not None:
            earned = max(0.0, now - self._last) / self._interval
            self._tokens = min(self._burst, self._tokens + earned)
        self._last = now
        if self._tokens < 1:
            return False
        self._tokens -= 1
        return True


class CertificateChains:
    """Certificate chains by URL (already checked by ``cert_url``); safe to share by threads.

    ``clock`` is a monotonic clock in seconds: for expiry and rationing only, never trust.
    """

    def __init__(
        self,
        download: Downloader | None = None,
        *,
        ttl: timedelta = CACHE_TTL,
        entries: int = CACHE_ENTRIES,
        failure_ttl: timedelta = FAILURE_TTL,
        failure_entries: int = FAILURE_ENTRIES,
        burst: int = NEW_URL_BURST,
        interval: timedelta = NEW_URL_INTERVAL,
        wanted_entries: int = WANTED_ENTRIES,
        wait_seconds: float = WAIT_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._download = download or UrlDownloader()
        self._ttl = ttl.total_seconds()
        self._entries = entries
        self._failure_ttl = failure_ttl.total_seconds()
        self._failure_entries = failure_entries
        self._budget = _Budget(burst, interval.total_seconds())
        self._wanted_entries = wanted_entries
        self._wait = wait_seconds
        self._clock = clock
        self._kept: OrderedDict[str, _Kept] = OrderedDict()
        self._failed: OrderedDict[str, float] = OrderedDict()  # URL: refused until
        self._wanted: OrderedDict[str, int] = OrderedDict()  # new URL: times named
        self._loading: _Loading | None = None
        self._lock = threading.Lock()

    def get(self, url: str) -> list[x509.Certificate]:
        """The chain at ``url``, signing certificate first; raise ``CertificateRejected``."""
        with self._lock:
            now = self._clock()
            kept = self._kept.get(url)
            if kept is not None and (now < kept.refresh_at or self._loading is not None):
                return kept.chain  # fresh, or to be downloaded again another time
            if kept is None:
                self._admit(url, now)
            if self._loading is not None:
                loading, owner = self._loading, False  # admitted to wait for it
            else:
                loading, owner = _Loading(url), True
                self._loading = loading
        return self._load(loading, kept) if owner else self._await(loading)

    def _admit(self, url: str, now: float) -> None:
        """Under the lock, for a URL not kept: raise unless it may be downloaded now, or its
        download (in flight) waited for."""
        self._refuse_failed(url, now)
        if self._loading is not None:
            self._join(url, self._loading)
        else:
            self._ration(url, now)

    def vouch(self, url: str) -> None:
        """The chain at ``url`` verified a signature: keep it before chains that have not."""
        with self._lock:
            kept = self._kept.get(url)
            if kept is not None:
                kept.vouched = True

    def _refuse_failed(self, url: str, now: float) -> None:
        until = self._failed.get(url)
        if until is None:
            return
        if now < until:
            raise CertificateRejected("the certificate chain failed lately; not tried again yet")
        del self._failed[url]

    def _join(self, url: str, loading: _Loading) -> None:
        """Under the lock, with a download in flight: join it if it is ``url``'s and has room."""
        if loading.url != url:
            self._count_wanted(url)
            raise CertificateRejected("another certificate chain is being downloaded")
        if loading.waiters >= MAX_WAITERS:
            raise CertificateRejected("the certificate chain is being downloaded")
        loading.waiters += 1

    def _ration(self, url: str, now: float) -> None:
        """Under the lock, for a new URL: raise unless it may be downloaded now."""
        if not self._count_wanted(url):
            raise CertificateRejected("other new certificate URLs are named more often")
        if not self._budget.take(now):
            raise CertificateRejected("new certificate URLs are downloaded only so often")

    def _count_wanted(self, url: str) -> bool:
        """Count one more request for ``url``; whether no other new URL is named more often."""
        count = self._wanted.pop(url, 0) + 1
        self._wanted[url] = count
        if len(self._wanted) > self._wanted_entries:
            del self._wanted[min(self._wanted, key=self._wanted.__getitem__)]
        return url in self._wanted and count >= max(self._wanted.values())

    def _await(self, loading: _Loading) -> list[x509.Certificate]:
        if not loading.done.wait(self._wait):
            raise CertificateRejected("the certificate chain's download did not finish in time")
        if loading.chain is None:
            raise loading.error or CertificateRejected("the certificate chain was not downloaded")
        return loading.chain

    def _load(self, loading: _Loading, kept: _Kept | None) -> list[x509.Certificate]:
        """Download ``loading.url`` on this thread, outside the lock, and record the outcome."""
        try:
            loading.chain = _read_chain(self._download(loading.url))
        except CertificateRejected as exc:
            loading.error = exc
        finally:  # whatever happened, the next download may start
            self._settle(loading, kept)
        if loading.chain is not None:
            return loading.chain
        if kept is not None:
            return kept.chain
        assert loading.error is not None
        raise loading.error

    def _settle(self, loading: _Loading, kept: _Kept | None) -> None:
        with self._lock:
            now = self._clock()
            self._loading = None
            self._wanted.pop(loading.url, None)
            if loading.chain is not None:
                vouched = kept is not None and kept.vouched
                self._keep(loading.url, _Kept(loading.chain, now + self._ttl, vouched))
            elif kept is not None:  # a chain downloaded again failed: keep the one there is
                kept.refresh_at = now + self._failure_ttl
            else:
                self._fail(loading.url, now)
        loading.done.set()

    def _keep(self, url: str, kept: _Kept) -> None:
        self._kept.pop(url, None)
        self._kept[url] = kept
        while len(self._kept) > self._entries:
            unvouched = [key for key, entry in self._kept.items() if not entry.vouched]
            del self._kept[unvouched[0] if unvouched else next(iter(self._kept))]

    def _fail(self, url: str, now: float) -> None:
        self._failed.pop(url, None)
        self._failed[url] = now + self._failure_ttl
        while len(self._failed) > self._failure_entries:
            self._failed.popitem(last=False)


def _read_chain(pem: bytes) -> list[x509.Certificate]:
    try:
        chain = x509.load_pem_x509_certificates(pem)
    except ValueError as exc:
        raise CertificateRejected("the certificate chain is not readable PEM") from exc
    return chain
