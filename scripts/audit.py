"""Check .venv's installed releases against published advisories, with pip-audit.

Fails (exit 1) when an installed release has a known vulnerability. When pip-audit's
vulnerability service cannot be reached, nothing can be checked: that is said in one line and
is not a failure (pip-audit itself would report "No known vulnerabilities found" then, having
looked at nothing, so its JSON is read to tell the two apart).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

# The project itself, installed editable from this folder: not on any index.
OWN = {"wins"}


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "audit.json"
        run = subprocess.run(
            [sys.executable, "-m", "pip_audit", "--local", "--progress-spinner", "off",
             "--format", "json", "--output", str(report)],
            capture_output=True, text=True, check=False, timeout=600,
        )  # fmt: skip
        try:
            found = json.loads(report.read_text())
        except (OSError, ValueError):
            reason = (run.stderr.strip().splitlines() or ["no answer"])[-1]
            print(f"pip-audit skipped: the vulnerability service is unreachable ({reason})")
            return 0
    dependencies = [d for d in found.get("dependencies", []) if d.get("name") not in OWN]
    audited = [d for d in dependencies if "skip_reason" not in d]
    if not audited:
        print("pip-audit skipped: the vulnerability service is unreachable (nothing audited)")
        return 0
    vulnerable = [d for d in audited if d.get("vulns")]
    for dependency in vulnerable:
        ids = ", ".join(v.get("id", "?") for v in dependency["vulns"])
        print(f"pip-audit: {dependency['name']} {dependency.get('version')}: {ids}")
    print(f"pip-audit: {len(audited)} releases audited, {len(vulnerable)} vulnerable")
    return 1 if vulnerable else 0


if __name__ == "__main__":
    raise SystemExit(main())
