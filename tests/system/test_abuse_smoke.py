"""bench/abuse.py works: hostile bodies under gunicorn answer 200, bounded.

A short run, not the measurement (`make abuse` is); a quadratic path or an
oversized answer shows here as a timeout or a failed request.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def test_abuse_script_smoke(tmp_path):
    out = tmp_path / "abuse.json"
    run = subprocess.run(
        [sys.executable, "bench/abuse.py", "--requests=60", "--no-lambda", f"--json={out}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    result = json.loads(out.read_text())
    assert result["gunicorn"]["bad_answers"] == 0
    assert result["gunicorn"]["largest_answer"] < 1_500_000
    assert not result["failed"]
