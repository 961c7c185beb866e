"""The real ``wins serve`` in a child process, trusting a local stand-in for Amazon.

Usage: ``python -m testkit.serve_harness TRUST_DIR -- SERVE_OPTIONS...``. ``TRUST_DIR`` (written
by ``trust``) holds ``root.pem`` (the only trusted root), ``chains.json`` (certificate URL to
PEM text) and, if there, ``fetch.json`` (how many seconds each download takes, as a slow S3
would). The stand-in plays S3 through the injected downloader and appends each URL it is asked
for to ``downloads.log`` there before answering, so a test counts the server's outbound calls
(``downloads``). Everything else is the command as shipped.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from pathlib import Path

from cryptography import x509

from skill.web import serve
from skill.web.certs import CertificateRejected
from skill.web.config import WebConfig

DOWNLOADS_LOG = "downloads.log"


def trust(
    directory: Path, root_pem: bytes, chains: dict[str, bytes], *, fetch_seconds: float = 0.0
) -> Path:
    """Write the stand-in for Amazon a harnessed server trusts, and return its folder."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "root.pem").write_bytes(root_pem)
    (directory / "chains.json").write_text(
        json.dumps({url: chain.decode() for url, chain in chains.items()})
    )
    (directory / "fetch.json").write_text(json.dumps({"seconds": fetch_seconds}))
    return directory


def downloads(directory: Path) -> list[str]:
    """Every URL the server downloaded (or began to), in order."""
    try:
        return (directory / DOWNLOADS_LOG).read_text().splitlines()
    except FileNotFoundError:
        return []


def main(argv: list[str]) -> int:
    trust_dir, options = Path(argv[0]), argv[argv.index("--") + 1 :]
    roots = x509.load_pem_x509_certificates((trust_dir / "root.pem").read_bytes())
    chains: dict[str, bytes] = {
        url: str(text).encode()
        for url, text in json.loads((trust_dir / "chains.json").read_text()).items()
    }
    fetch = trust_dir / "fetch.json"
    seconds = float(json.loads(fetch.read_text())["seconds"]) if fetch.exists() else 0.0

    def download(url: str) -> bytes:
        with (trust_dir / DOWNLOADS_LOG).open("a") as log:
            log.write(url + "\n")
        time.sleep(seconds)
        if url not in chains:
            raise CertificateRejected("the certificate chain could not be fetched (HTTP 404)")
        return chains[url]

    def adjust(config: WebConfig) -> WebConfig:
        return dataclasses.replace(config, roots=roots, download=download)

    parser = argparse.ArgumentParser(prog="wins serve")
    serve.add_arguments(parser)
    args = parser.parse_args(options)
    return serve.run(args, adjust=adjust)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
