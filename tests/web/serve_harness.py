"""Runs the real ``wins serve`` in a child process, trusting the test's own Amazon.

Usage: ``python -m tests.web.serve_harness TRUST_DIR -- SERVE_OPTIONS...``. ``TRUST_DIR`` holds
``root.pem`` (the only trusted root) and ``chains.json`` (certificate URL to PEM text): the
test plays S3 through the injected downloader, everything else is the command as shipped.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

from cryptography import x509

from skill.web import serve
from skill.web.certs import CertificateRejected
from skill.web.config import WebConfig


def main(argv: list[str]) -> int:
    trust_dir, options = Path(argv[0]), argv[argv.index("--") + 1 :]
    roots = x509.load_pem_x509_certificates((trust_dir / "root.pem").read_bytes())
    chains: dict[str, bytes] = {
        url: str(text).encode()
        for url, text in json.loads((trust_dir / "chains.json").read_text()).items()
    }

    def download(url: str) -> bytes:
        if url not in chains:
            raise CertificateRejected(f"404 for {url}")
        return chains[url]

    def adjust(config: WebConfig) -> WebConfig:
        return dataclasses.replace(config, roots=roots, download=download)

    parser = argparse.ArgumentParser(prog="wins serve")
    serve.add_arguments(parser)
    args = parser.parse_args(options)
    return serve.run(args, adjust=adjust)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
