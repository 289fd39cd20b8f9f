"""Known vulnerabilities in our dependencies, with pip-audit.

Audits what ships (requirements.txt: every runtime pin, exactly, no
resolution) and what the development environment holds (.venv: test, lint
and load tools with their own dependencies). Each is asked of PyPI's
vulnerability data first, then of OSV for whatever PyPI could not answer.

Says so plainly when it could not check. pip-audit on its own prints "No known
vulnerabilities found" and exits 0 even when it skipped every package because
the database was unreachable or did not know the pinned versions; this script
never does.

Exit status: 0 every package checked, none with a known vulnerability;
1 known vulnerabilities (listed with the versions that fix them);
2 not fully checked (which packages, and why).

Usage: .venv/bin/python tools/release/audit.py [--timeout SECONDS]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
SERVICES = ("pypi", "osv")
LIST_AT_MOST = 12


@dataclass
class Result:
    """What one audit target came to, across the services asked."""

    checked: dict[str, str] = field(default_factory=dict)  # name -> version
    vulns: dict[str, list[dict]] = field(default_factory=dict)  # "name version" -> vulns
    unchecked: dict[str, str] = field(default_factory=dict)  # "name version" -> why
    errors: list[str] = field(default_factory=list)  # per service, when it failed outright


def pip_audit(args: list[str], service: str, timeout: int) -> tuple[dict | None, str]:
    command = [
        sys.executable,
        "-m",
        "pip_audit",
        "--format=json",
        "--progress-spinner=off",
        f"--vulnerability-service={service}",
        f"--timeout={timeout}",
        *args,
    ]
    run = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    try:
        return json.loads(run.stdout), run.stderr
    except json.JSONDecodeError:
        # No report at all: the service could not be reached, or pip-audit failed.
        message = (run.stderr.strip().splitlines() or ["no output"])[-1]
        return None, message


def audit(args: list[str], timeout: int) -> Result:
    result = Result()
    pending: set[str] | None = None  # "name version" still to check
    for service in SERVICES:
        report, stderr = pip_audit(args, service, timeout)
        if report is None:
            result.errors.append(f"{service}: {stderr}")
            continue
        still = {}
        for dep in report.get("dependencies", []):
            # A skipped package has no version member: its reason names it.
            key = f"{dep['name']} {dep['version']}" if "version" in dep else dep["name"]
            if pending is not None and key not in pending:
                continue
            if "skip_reason" in dep:
                still[key] = f"{service}: {dep['skip_reason']}"
                continue
            result.checked[dep["name"]] = dep["version"]
            if dep.get("vulns"):
                result.vulns[key] = dep["vulns"]
        for name, version in result.checked.items():
            still.pop(f"{name} {version}", None)
            still.pop(name, None)
        pending = set(still)
        result.unchecked = still
        if not pending:
            break
    if pending is None:  # no service answered at all
        result.unchecked = {"(everything)": "; ".join(result.errors)}
    return result


def print_result(title: str, result: Result) -> None:
    print(f"== {title}")
    print(f"   checked: {len(result.checked)} packages")
    for key, vulns in sorted(result.vulns.items()):
        for v in vulns:
            fixes = ", ".join(v.get("fix_versions") or []) or "no fixed version yet"
            aliases = ", ".join(v.get("aliases") or [])
            print(f"   VULNERABLE {key}: {v['id']} {f'({aliases})' if aliases else ''}")
            print(f"      fixed in: {fixes}")
    if result.unchecked:
        print(
            f"   NOT CHECKED: {len(result.unchecked)} packages; their vulnerabilities are unknown"
        )
        shown = sorted(result.unchecked.items())
        for key, why in shown[:LIST_AT_MOST]:
            print(f"      {key}: {why}")
        if len(shown) > LIST_AT_MOST:
            print(
                f"      ... and {len(shown) - LIST_AT_MOST} more: "
                + ", ".join(key for key, _ in shown[LIST_AT_MOST:])
            )
    if result.errors:
        print("   services that failed: " + "; ".join(result.errors))
    if not result.vulns and not result.unchecked:
        print("   no known vulnerabilities")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--timeout", type=int, default=15, help="seconds per request")
    args = parser.parse_args()
    targets = {
        "requirements.txt (what ships)": [
            "--requirement=requirements.txt",
            "--no-deps",  # every runtime dependency is pinned there
            "--disable-pip",
        ],
        "development environment (.venv)": ["--skip-editable"],
    }
    results = {title: audit(target, args.timeout) for title, target in targets.items()}
    for title, result in results.items():
        print_result(title, result)
    if any(r.vulns for r in results.values()):
        print("RESULT: known vulnerabilities found (see above)")
        return 1
    if any(r.unchecked for r in results.values()):
        print(
            "RESULT: NOT AUDITED. The vulnerability database could not be reached or does "
            "not know these versions, so nothing is known about them: this is not a pass."
        )
        return 2
    print("RESULT: every dependency checked; no known vulnerabilities")
    return 0


if __name__ == "__main__":
    sys.exit(main())
