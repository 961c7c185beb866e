"""Certificate chains by URL: kept, failures kept too, one download at a time, only so often,
the most wanted new URL first. The clock is a ticker the test moves; the host counts."""

from __future__ import annotations

import threading
from datetime import timedelta
from typing import Any

import pytest

from skill.web.certs import CertificateRejected
from skill.web.chains import CertificateChains
from testkit.alexa_signing import CERT_URL, Pki
from tests.web.conftest import CertHost, Ticker


def url(name: str) -> str:
    return f"https://s3.amazonaws.com/echo.api/{name}.pem"


def chains_for(host: CertHost, ticker: Ticker, **options: Any) -> CertificateChains:
    return CertificateChains(host, clock=ticker, **options)


def refused(chains: CertificateChains, wanted: str, reason: str) -> None:
    with pytest.raises(CertificateRejected, match=reason):
        chains.get(wanted)


class SlowHost(CertHost):
    """A host whose downloads wait until the test lets them finish."""

    def __init__(self, files: dict[str, bytes]) -> None:
        super().__init__(files)
        self.started = threading.Event()
        self.finish = threading.Event()

    def __call__(self, address: str) -> bytes:
        self.started.set()
        assert self.finish.wait(30)
        return super().__call__(address)


def test_chains_are_downloaded_once_until_they_expire(pki: Pki) -> None:
    host, ticker = CertHost({CERT_URL: pki.chain()}), Ticker()
    chains = chains_for(host, ticker, ttl=timedelta(hours=1))

    first = chains.get(CERT_URL)
    ticker.now += 3599
    assert chains.get(CERT_URL) == first
    assert len(host.downloads) == 1

    ticker.now += 2
    chains.get(CERT_URL)
    assert len(host.downloads) == 2


def test_a_failed_download_is_not_tried_again_for_a_minute(pki: Pki) -> None:
    host, ticker = CertHost({url("later"): b"not a certificate"}), Ticker()
    chains = chains_for(host, ticker)

    refused(chains, url("later"), "not readable PEM")
    host.files[url("later")] = pki.chain()
    ticker.now += 59
    refused(chains, url("later"), "failed lately")
    assert host.downloads == [url("later")]

    ticker.now += 1
    assert len(chains.get(url("later"))) == 2
    assert host.downloads == [url("later")] * 2


def test_failures_are_kept_for_a_bounded_number_of_urls() -> None:
    host, ticker = CertHost(), Ticker()
    chains = chains_for(host, ticker, failure_entries=2, burst=10)

    for name in ("a", "b", "c"):
        refused(chains, url(name), "404")
    refused(chains, url("c"), "failed lately")

    refused(chains, url("a"), "404")  # the oldest failure was forgotten: downloaded again
    assert host.downloads == [url("a"), url("b"), url("c"), url("a")]


def test_the_cache_holds_a_bounded_number_of_urls(pki: Pki) -> None:
    urls = [url(str(n)) for n in range(3)]
    host = CertHost(dict.fromkeys(urls, pki.chain()))
    chains = chains_for(host, Ticker(), entries=2, burst=10)

    for address in [*urls, urls[0]]:
        chains.get(address)

    assert host.downloads == [*urls, urls[0]]  # the oldest was evicted and fetched again


def test_a_chain_that_verified_a_signature_is_kept_before_others(pki: Pki) -> None:
    """Real but old certificates of Amazon's, named by a forger, cannot push Alexa's out."""
    urls = [url(f"old-{n}") for n in range(4)]
    host = CertHost({CERT_URL: pki.chain(), **dict.fromkeys(urls, pki.chain())})
    chains = chains_for(host, Ticker(), entries=2, burst=10)
    chains.get(CERT_URL)
    chains.vouch(CERT_URL)

    for address in urls:
        chains.get(address)
    chains.get(CERT_URL)

    assert host.downloads == [CERT_URL, *urls]


def test_new_urls_are_downloaded_two_at_once_then_one_each_ten_seconds() -> None:
    host, ticker = CertHost(), Ticker()
    chains = chains_for(host, ticker)

    refused(chains, url("a"), "404")
    refused(chains, url("b"), "404")
    refused(chains, url("c"), "only so often")
    ticker.now += 9.9
    refused(chains, url("d"), "only so often")
    ticker.now += 0.1
    refused(chains, url("e"), "404")

    assert host.downloads == [url("a"), url("b"), url("e")]


def test_a_kept_chain_needs_no_budget_when_it_is_downloaded_again(pki: Pki) -> None:
    host, ticker = CertHost({CERT_URL: pki.chain()}), Ticker()
    chains = chains_for(host, ticker, burst=1)
    chains.get(CERT_URL)

    ticker.now += 3601
    chains.get(CERT_URL)

    assert host.downloads == [CERT_URL] * 2


def test_a_kept_chain_is_used_while_another_downloads_and_after_its_own_download_fails(
    pki: Pki,
) -> None:
    host, ticker = CertHost({CERT_URL: pki.chain()}), Ticker()
    chains = chains_for(host, ticker)
    kept = chains.get(CERT_URL)
    ticker.now += 3601
    del host.files[CERT_URL]  # S3 has a bad moment

    assert chains.get(CERT_URL) == kept
    assert chains.get(CERT_URL) == kept  # and is not asked again at once
    assert host.downloads == [CERT_URL] * 2

    ticker.now += 60
    host.files[CERT_URL] = pki.chain()
    assert chains.get(CERT_URL) != kept
    assert host.downloads == [CERT_URL] * 3


def test_while_a_download_runs_other_new_urls_are_refused_at_once(pki: Pki) -> None:
    host = SlowHost({url("slow"): pki.chain()})
    chains = chains_for(host, Ticker(), burst=10)
    got: list[Any] = []
    first = threading.Thread(target=lambda: got.append(chains.get(url("slow"))))
    first.start()
    assert host.started.wait(30)

    refused(chains, url("other"), "another certificate chain is being downloaded")
    waiter = threading.Thread(target=lambda: got.append(chains.get(url("slow"))))
    waiter.start()  # one request may wait for its own URL...
    waiter.join(0.2)
    refused(chains, url("slow"), "is being downloaded")  # ...no more
    host.finish.set()
    first.join(30)
    waiter.join(30)

    assert host.downloads == [url("slow")]
    assert len(got) == 2 and got[0] == got[1]


def test_the_new_url_named_most_often_is_downloaded_first(pki: Pki) -> None:
    """Alexa's new URL, named by each of its requests, goes ahead of URLs named once each."""
    alexas = url("echo-api-cert-13")
    host, ticker = CertHost({alexas: pki.chain()}), Ticker()
    chains = chains_for(host, ticker, burst=1)
    refused(chains, url("forged-0"), "404")  # the budget is spent
    refused(chains, alexas, "only so often")  # named once, as every forged URL is
    for number in range(3):
        refused(chains, alexas, "only so often")
        refused(chains, url(f"forged-{number + 1}"), "named more often")

    ticker.now += 10
    refused(chains, url("forged-4"), "named more often")
    assert len(chains.get(alexas)) == 2

    assert host.downloads == [url("forged-0"), alexas]


def test_a_downloader_that_breaks_frees_the_next_download(pki: Pki) -> None:
    def broken(address: str) -> bytes:
        raise RuntimeError("a bug")

    chains = CertificateChains(broken, clock=Ticker(), burst=10)
    with pytest.raises(RuntimeError):
        chains.get(url("a"))

    refused(chains, url("a"), "failed lately")
    with pytest.raises(RuntimeError):
        chains.get(url("b"))  # not "being downloaded": the first download was settled
