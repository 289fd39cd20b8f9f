"""Host apps built the way portals build theirs: esbuild (npm, package.json)
bundles an entry module with React, Vue or the widget's ES module."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
ESBUILD = ROOT / "node_modules" / ".bin" / "esbuild"
# What the frameworks' production builds expect a bundler to define.
DEFINES = {
    "process.env.NODE_ENV": '"production"',
    "__VUE_OPTIONS_API__": "false",
    "__VUE_PROD_DEVTOOLS__": "false",
    "__VUE_PROD_HYDRATION_MISMATCH_DETAILS__": "false",
}


def bundle(workdir: Path, files: dict[str, str], entry: str) -> str:
    """Write the app's sources into workdir, bundle entry into one IIFE script."""
    if not ESBUILD.exists():
        pytest.fail(f"{ESBUILD} is missing: run `npm ci` at the repository root")
    for name, text in files.items():
        (workdir / name).write_text(text, encoding="utf-8")
    out = workdir / "bundle.js"
    command = [
        str(ESBUILD),
        str(workdir / entry),
        "--bundle",
        "--format=iife",
        "--minify",
        "--log-level=error",
        f"--outfile={out}",
        *(f"--define:{k}={v}" for k, v in DEFINES.items()),
    ]
    # Packages resolve from the repository's node_modules.
    env_path = str(ROOT / "node_modules")
    subprocess.run(
        command, check=True, cwd=ROOT, env={"NODE_PATH": env_path, "PATH": "/usr/bin:/bin"}
    )
    return out.read_text(encoding="utf-8")
