"""bench/load.py works: gunicorn starts, wrk drives the mix, nothing fails.

A few seconds, not a measurement; `make load` is the 60-second run.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
GUNICORN = Path(sys.executable).with_name("gunicorn")


def test_load_script_smoke(tmp_path):
    assert shutil.which("wrk"), "wrk is not installed: `make test` installs it"
    assert GUNICORN.exists(), "gunicorn is not installed"
    out = tmp_path / "load.json"
    run = subprocess.run(
        [
            sys.executable,
            "bench/load.py",
            "--duration=1",
            "--warmup=0",
            "--connections=8",
            f"--json={out}",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    result = json.loads(out.read_text())
    assert result["errors"] == 0 and not result["failed"]
    assert result["mix"]["requests"] > 0 and result["hello"]["requests"] > 0
    assert len(result["rss_mib"]) == 2  # two workers, both measured
    for label in ("req/s", "p50", "p99", "mix / hello", "RSS per worker"):
        assert label in run.stdout
