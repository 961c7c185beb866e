"""The certificate side on its own: the real downloader, the trust store, the URL fetched.

The cache and the rationing of downloads are ``test_chains``'s."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from cryptography import x509

from skill.console.alexa_stand_in import LoopbackCertificates, make_loopback_certificates
from skill.web.certs import (
    CertificateRejected,
    ChainVerifier,
    UrlDownloader,
    checked_cert_url,
    system_roots,
)
from testkit.alexa_signing import Pki


def test_a_trust_store_needs_roots() -> None:
    with pytest.raises(ValueError, match="no trusted root"):
        ChainVerifier([])


def test_the_default_roots_are_the_systems_and_include_amazons() -> None:
    roots = system_roots()

    names = {root.subject.rfc4514_string() for root in roots}
    assert len(roots) > 50
    assert "CN=Amazon Root CA 1,O=Amazon,C=US" in names


class _ChainFiles(BaseHTTPRequestHandler):
    files: dict[str, bytes] = {}

    def do_GET(self) -> None:  # noqa: N802  (http.server's naming)
        if self.path == "/echo.api/moved.pem":
            self.send_response(302)
            self.send_header("Location", "/echo.api/chain.pem")
            self.end_headers()
            return
        body = self.files.get(self.path)
        self.send_response(200 if body is not None else 404)
        self.end_headers()
        self.wfile.write(body or b"")

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def https_host(tmp_path: Path, pki: Pki) -> Iterator[tuple[str, LoopbackCertificates]]:
    """An HTTPS server on loopback serving a chain, a huge file, and 404s."""
    tls = make_loopback_certificates(tmp_path)
    _ChainFiles.files = {"/echo.api/chain.pem": pki.chain(), "/huge.pem": b"-" * 100_000}
    server = ThreadingHTTPServer(("127.0.0.1", 0), _ChainFiles)
    server.socket = tls.server_context().wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{server.server_address[1]}", tls
    finally:
        server.shutdown()
        server.server_close()


def test_the_downloader_fetches_over_verified_https(
    https_host: tuple[str, LoopbackCertificates],
) -> None:
    base, tls = https_host
    download = UrlDownloader(context=tls.client_context())

    chain = x509.load_pem_x509_certificates(download(f"{base}/echo.api/chain.pem"))

    assert chain[0].subject.rfc4514_string() == "CN=echo-api.amazon.com"


def test_the_downloader_refuses_unknown_servers_large_files_missing_files_and_http(
    https_host: tuple[str, LoopbackCertificates],
) -> None:
    base, tls = https_host
    trusting = UrlDownloader(context=tls.client_context())

    with pytest.raises(CertificateRejected, match="could not be fetched"):
        UrlDownloader()(f"{base}/echo.api/chain.pem")  # the loopback CA is not trusted
    with pytest.raises(CertificateRejected, match="implausibly large"):
        trusting(f"{base}/huge.pem")
    with pytest.raises(CertificateRejected, match="could not be fetched"):
        trusting(f"{base}/missing.pem")
    with pytest.raises(CertificateRejected, match="only fetched over https"):
        trusting(base.replace("https", "http") + "/echo.api/chain.pem")


def test_a_failed_download_is_told_by_its_kind_never_by_its_url(
    https_host: tuple[str, LoopbackCertificates],
) -> None:
    base, tls = https_host
    for download, url in [
        (UrlDownloader(context=tls.client_context()), f"{base}/echo.api/nightmares.pem"),
        (UrlDownloader(), f"{base}/echo.api/nightmares.pem"),
        (
            UrlDownloader(context=tls.client_context()),
            "https://127.0.0.1:9/echo.api/nightmares.pem",
        ),
    ]:
        with pytest.raises(CertificateRejected, match="could not be fetched") as refused:
            download(url)
        assert "nightmares" not in str(refused.value)
        assert "127.0.0.1" not in str(refused.value)


def test_the_downloader_follows_no_redirect(https_host: tuple[str, LoopbackCertificates]) -> None:
    """A redirect would fetch a URL that was never checked against Amazon's rules."""
    base, tls = https_host

    with pytest.raises(CertificateRejected, match="302"):
        UrlDownloader(context=tls.client_context())(f"{base}/echo.api/moved.pem")


@pytest.mark.parametrize(
    ("url", "fetched"),
    [
        (
            "https://s3.amazonaws.com/echo.api/echo-api-cert%2D12.pem",
            "https://s3.amazonaws.com/echo.api/echo-api-cert-12.pem",
        ),
        (
            "https://s3.amazonaws.com/echo.api/./sub/../echo-api-cert-12.pem",
            "https://s3.amazonaws.com/echo.api/echo-api-cert-12.pem",
        ),
        (
            "https://s3.amazonaws.com/echo.api/%7Eowner/cert.pem",
            "https://s3.amazonaws.com/echo.api/~owner/cert.pem",
        ),
    ],
)
def test_the_url_fetched_is_the_path_checked_encoded_once(url: str, fetched: str) -> None:
    assert checked_cert_url(url) == fetched
