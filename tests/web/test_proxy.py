"""docs/nginx/small-wins.conf in front of the real ``wins serve``, against many slow clients.

Without a proxy, ``CONNECTION_LIMIT`` clients sending a byte a second hold every connection
``wins serve`` will take, and ``/health`` stops answering. Here nginx runs the documented file
as written, with only the host's details swapped for the test's: a certificate made here, a
loopback port, and the port ``wins serve`` listens on. More slow clients than ``wins serve``
would ever accept connect over TLS and trickle their headers; ``/health`` is asked through the
proxy meanwhile, and nginx must close every slow client once its header deadline passes.

Bounded: a fixed number of clients on 127.0.0.1, each stopping after ``GIVE_UP`` seconds.
Needs nginx (Debian's package ``nginx``; ``scripts/dev test`` installs it where it can).
"""

from __future__ import annotations

import asyncio
import http.client
import os
import re
import shutil
import socket
import ssl
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from ipaddress import IPv4Address
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from skill.web.limits import CONNECTION_LIMIT
from testkit.alexa_signing import CERT_URL, Pki, pem
from testkit.serve_harness import trust
from tests.conftest import ROOT, SKILL_ID, real_now
from tests.web.live import Server, started

pytestmark = pytest.mark.slow  # nginx and `wins serve`, each in a process of its own

SITE = ROOT / "docs" / "nginx" / "small-wins.conf"
NGINX = shutil.which("nginx") or next(
    (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if Path(p).is_file()), None
)
HOST = "wins.example.org"
SLOW_CLIENTS = CONNECTION_LIMIT + 20  # more than `wins serve` alone would ever hold
HEADER_DEADLINE = 10.0  # the file's client_header_timeout
GIVE_UP = 30.0  # a slow client still open this long after connecting stops by itself


@dataclass
class Site:
    port: int
    ca: Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def certificate(folder: Path) -> tuple[Path, Path, Path]:
    """A CA made here, and a certificate it signed for ``HOST`` and 127.0.0.1."""
    start = real_now() - timedelta(days=1)
    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())

    def name(text: str) -> x509.Name:
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, text)])

    ca = (
        x509.CertificateBuilder()
        .subject_name(name("proxy test CA"))
        .issuer_name(name("proxy test CA"))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + timedelta(days=3))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    leaf = (
        x509.CertificateBuilder()
        .subject_name(name(HOST))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + timedelta(days=3))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName(HOST), x509.IPAddress(IPv4Address("127.0.0.1"))]
            ),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    paths = folder / "ca.pem", folder / "fullchain.pem", folder / "privkey.pem"
    paths[0].write_bytes(pem(ca))
    paths[1].write_bytes(pem(leaf, ca))
    paths[2].write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return paths


def site_for_test(port: int, upstream: int, cert: Path, key: Path) -> str:
    """The documented file, with the host's details swapped; each must be found exactly once."""
    text = SITE.read_text()
    swaps = {
        "listen 443 ssl;": f"listen 127.0.0.1:{port} ssl;",
        "listen [::]:443 ssl;": "",
        "server 127.0.0.1:8080;": f"server 127.0.0.1:{upstream};",
        f"/etc/letsencrypt/live/{HOST}/fullchain.pem": str(cert),
        f"/etc/letsencrypt/live/{HOST}/privkey.pem": str(key),
    }
    for old, new in swaps.items():
        assert text.count(old) == 1, f"{SITE.name} no longer says {old!r}"
        text = text.replace(old, new)
    return text


def main_config(folder: Path, site: Path) -> str:
    """What a distribution's nginx.conf provides around the site file, in the test's folder."""
    temp = "\n".join(
        f"    {kind}_temp_path {folder / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    user = "user root;\n" if os.geteuid() == 0 else ""
    return (
        f"{user}daemon off;\nworker_processes 1;\npid {folder / 'nginx.pid'};\n"
        "worker_rlimit_nofile 8192;\nevents { worker_connections 4096; }\n"
        f"http {{\n    access_log off;\n{temp}\n    include {site};\n}}\n"
    )


@pytest.fixture(scope="module")
def proxied(tmp_path_factory: pytest.TempPathFactory, pki: Pki) -> Iterator[Site]:
    if NGINX is None:
        pytest.skip(
            "nginx is not installed (Debian: apt-get install nginx); scripts/dev test "
            "installs it where it runs as root with apt-get"
        )
    base = tmp_path_factory.mktemp("proxy")
    trusted = trust(base / "trust", pem(pki.root.cert), {CERT_URL: pki.chain(real_now())})
    server = Server(
        trusted, "--port", "0", "--skill-id", SKILL_ID, "--data-dir", str(base / "data")
    )
    nginx: subprocess.Popen[bytes] | None = None
    try:
        upstream = started(server)[1]
        ca, cert, key = certificate(base)
        port = free_port()
        (base / "site.conf").write_text(site_for_test(port, upstream, cert, key))
        (base / "nginx.conf").write_text(main_config(base, base / "site.conf"))
        command = [NGINX, "-e", "stderr", "-p", str(base), "-c", str(base / "nginx.conf")]
        checked = subprocess.run([*command, "-t"], capture_output=True, text=True, check=False)
        assert checked.returncode == 0, checked.stderr
        nginx = subprocess.Popen(command, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while not health(port, ca)[0]:
            assert nginx.poll() is None and time.monotonic() < deadline, "nginx did not start"
            time.sleep(0.1)
        yield Site(port, ca)
    finally:
        if nginx is not None:
            nginx.terminate()
            try:
                nginx.wait(timeout=10)
            except subprocess.TimeoutExpired:
                nginx.kill()
                nginx.wait()
        assert server.stop() == 0, server.log


def tls(ca: Path) -> ssl.SSLContext:
    """A client's TLS, trusting the test's CA only, verifying the host as Alexa would."""
    return ssl.create_default_context(cafile=str(ca))


def health(port: int, ca: Path) -> tuple[int, float]:
    """``GET /health`` through the proxy: the status (0 when it failed) and the seconds taken."""
    began = time.monotonic()
    connection = http.client.HTTPSConnection("127.0.0.1", port, context=tls(ca), timeout=10)
    try:
        connection.request("GET", "/health", headers={"Host": HOST})
        response = connection.getresponse()
        response.read()
        return response.status, time.monotonic() - began
    except OSError:
        return 0, time.monotonic() - began
    finally:
        connection.close()


class Arrivals:
    """Counts slow clients as their handshakes finish; set once all of them are in."""

    def __init__(self) -> None:
        self.count = 0
        self.all_in = asyncio.Event()

    def arrived(self) -> None:
        self.count += 1
        if self.count == SLOW_CLIENTS:
            self.all_in.set()


async def slow_client(port: int, context: ssl.SSLContext, arrivals: Arrivals) -> float | None:
    """Connect over TLS, then send a header a byte a second. Returns the seconds until the
    proxy closed the connection (None: it had not by ``GIVE_UP``)."""
    began = time.monotonic()
    reader, writer = await asyncio.open_connection(
        "127.0.0.1", port, ssl=context, server_hostname=HOST
    )
    arrivals.arrived()
    try:
        writer.write(f"GET /health HTTP/1.1\r\nHost: {HOST}\r\nX-Slow: ".encode())
        while time.monotonic() - began < GIVE_UP:
            try:
                await asyncio.wait_for(reader.read(1024), timeout=1.0)
            except TimeoutError:  # still open, nothing said: one more byte
                writer.write(b"a")
                await writer.drain()
                continue
            return time.monotonic() - began  # an answer or the end of the stream: closed
        return None
    except (ConnectionError, ssl.SSLError):
        return time.monotonic() - began
    finally:
        writer.close()


async def attack(site: Site) -> tuple[list[float | None], list[tuple[int, float]]]:
    context, arrivals = tls(site.ca), Arrivals()
    clients = [
        asyncio.create_task(slow_client(site.port, context, arrivals)) for _ in range(SLOW_CLIENTS)
    ]
    await asyncio.wait_for(arrivals.all_in.wait(), timeout=HEADER_DEADLINE / 2)
    probes = []
    for _ in range(6):  # while every slow client is connected and trickling
        probes.append(await asyncio.to_thread(health, site.port, site.ca))
        await asyncio.sleep(0.3)
    return list(await asyncio.gather(*clients)), probes


def test_health_answers_through_the_proxy_while_slow_clients_are_cut_off(proxied: Site) -> None:
    closed_after, probes = asyncio.run(attack(proxied))

    assert [status for status, _ in probes] == [200] * len(probes)
    assert max(seconds for _, seconds in probes) < 2.0, probes  # idle: a few milliseconds
    # Every slow client was closed by the proxy at its header deadline, not before, not never.
    assert None not in closed_after
    times = [t for t in closed_after if t is not None]
    assert min(times) >= HEADER_DEADLINE - 1 and max(times) < HEADER_DEADLINE + 8, times


def test_the_proxy_refuses_a_body_larger_than_alexa_sends(proxied: Site) -> None:
    connection = http.client.HTTPSConnection(
        "127.0.0.1", proxied.port, context=tls(proxied.ca), timeout=10
    )
    try:
        body = b"{" + b" " * (200 * 1024) + b"}"
        connection.request(
            "POST", "/", body=body, headers={"Host": HOST, "Content-Type": "application/json"}
        )
        response = connection.getresponse()
        response.read()
    finally:
        connection.close()

    assert response.status == 413


def test_the_documented_file_keeps_its_limits() -> None:
    """What docs/proxy.md says the file sets, read from the file itself."""
    text = SITE.read_text()
    settings = dict(re.findall(r"^\s*(client_\w+|limit_conn|ssl_protocols)\s+(.+?);", text, re.M))
    assert settings["client_header_timeout"] == f"{HEADER_DEADLINE:.0f}s"
    assert settings["client_max_body_size"] == "128k"
    assert settings["ssl_protocols"] == "TLSv1.2 TLSv1.3"
    assert settings["limit_conn"].startswith("small_wins_connections ")
    assert "proxy_request_buffering on;" in text
