"""Lambda package size and cold start, side by side in one run (issue 6).

Builds, in build/coldstart/:
- ours: the real package (tools/release/build_lambda.py, as ``make package``);
- hello, same package: ours with a hello-world Flask app swapped in (same
  libraries, same zappa handler, same precompiled modules; only
  ``app_function`` differs);
- default zappa, hello: what ``pip install flask zappa`` and ``zappa package``
  with default settings make of the same hello-world app (only
  ``use_precompiled_packages`` is off, to stay offline);
- ours without .pyc (for information): ours with every __pycache__ removed.

Each is unpacked as Lambda does (every file dated 1980). A cold start is a fresh
``python -I -S -B`` process (nothing written, as /var/task is read-only) with
only the package and the boto3 stand-in on sys.path, that imports ``handler``
and serves, through API Gateway REST events, what a portal meets first: one
Spanish term by its id, then (issue 15) the first Spanish lookup and the first
annotate of 2 KB of Spanish, which build the Spanish index. Timed from before
``import handler`` to each response ("in process"), and from spawning the
interpreter ("from spawn", Python's own start-up too). The hello-world twin
answers the same three events. The variants take turns, repeated; medians are
printed.

Goals: zip <= 10 MiB; a term by id <= 1.2x hello in the same package, and the
term, lookup and annotate together <= 1.3x; a term by id <= 0.5x the default
zappa package of hello.

Usage: .venv/bin/python bench/coldstart.py [--runs 15]
"""

from __future__ import annotations

import argparse
import copy
import importlib.util
import json
import os
import py_compile
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "build" / "coldstart"
INVOKE = ROOT / "tools" / "release" / "lambda_invoke.py"
EVENT_SAMPLE = ROOT / "tests" / "system" / "lambda_events" / "api-gateway-rest-v1.json"
CORPUS = ROOT / "eval" / "corpus"
GOLD = re.compile(r"\[\[([^\[\]|]+)\|[a-z0-9-]+\]\]")
MB = 1024 * 1024
ZAPPA_HANDLER = "handler.lambda_handler"
OUR_HANDLER = json.loads((ROOT / "zappa_settings.json").read_text(encoding="utf-8"))["dev"].get(
    "lambda_handler", ZAPPA_HANDLER
)

_spec = importlib.util.spec_from_file_location(
    "build_lambda", ROOT / "tools" / "release" / "build_lambda.py"
)
build_lambda = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build_lambda)

HELLO = """from flask import Flask

app = Flask(__name__)


@app.route("/", defaults={"path": ""}, methods=["GET", "POST"])
@app.route("/<path:path>", methods=["GET", "POST"])
def hello(path):
    return "Hello, world!"
"""


def log(message: str) -> None:
    print(f"coldstart: {message}", file=sys.stderr, flush=True)


def api_event(path: str, query: dict[str, str], body: str | None = None) -> dict:
    """An API Gateway REST event: a GET, or a POST of ``body`` as text/plain."""
    event = copy.deepcopy(json.loads(EVENT_SAMPLE.read_text(encoding="utf-8")))
    event.update(
        path=path,
        queryStringParameters=query,
        multiValueQueryStringParameters={k: [v] for k, v in query.items()},
        pathParameters={"proxy": path.lstrip("/")},
    )
    event["requestContext"]["path"] = f"/dev{path}"
    if body is not None:
        event["httpMethod"] = event["requestContext"]["httpMethod"] = "POST"
        event["body"] = body
        content_type = "text/plain; charset=utf-8"
        event["headers"]["Content-Type"] = content_type
        event["multiValueHeaders"]["Content-Type"] = [content_type]
        length = str(len(body.encode()))
        event["headers"]["Content-Length"] = length
        event["multiValueHeaders"]["Content-Length"] = [length]
    return event


def spanish_text(size: int = 2 * 1024) -> str:
    """The Spanish clinical gold texts (markup removed), cut to ``size`` UTF-8 bytes."""
    marked = "\n\n".join(
        p.read_text(encoding="utf-8") for p in sorted((CORPUS / "es").glob("clinical-*.txt"))
    )
    text = GOLD.sub(r"\1", marked)
    return text.encode()[:size].decode("utf-8", errors="ignore")


def portal_events() -> list[dict]:
    """What a portal meets on a cold start: a term by its id, then the first
    lookup and the first annotate of 2 KB, all in Spanish."""
    return [
        api_event("/api/v1/terms/metastasis", {"lang": "es"}),
        api_event("/api/v1/lookup", {"q": "metástasis", "lang": "es"}),
        api_event("/api/v1/annotate", {"lang": "es"}, spanish_text()),
    ]


# -- the packages ----------------------------------------------------------------------


def build_ours(work: Path) -> tuple[Path, Path, Path]:
    standin = work / "boto3-standin"
    zip_path = work / "ours.zip"
    build_lambda.build(output=zip_path, work=work / "ours-work", standin=standin)
    tree = build_lambda.extract_like_lambda(zip_path, work / "ours")
    return zip_path, tree, standin


def lambda_dates(tree: Path) -> None:
    stamp = 315532800  # 1980-01-01, as the zip entries
    for path in tree.rglob("*"):
        os.utime(path, (stamp, stamp))


def hello_in_same_package(ours: Path, dest: Path) -> Path:
    shutil.copytree(ours, dest)
    (dest / "hello_app.py").write_text(HELLO, encoding="utf-8")
    settings = dest / "zappa_settings.py"
    text = settings.read_text(encoding="utf-8")
    assert "APP_MODULE='glossary_service.wsgi'" in text
    settings.write_text(
        text.replace("APP_MODULE='glossary_service.wsgi'", "APP_MODULE='hello_app'")
    )
    for module in ("hello_app.py", "zappa_settings.py"):
        py_compile.compile(
            str(dest / module),
            doraise=True,
            invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH,
        )
    lambda_dates(dest)
    return dest


def without_pyc(ours: Path, dest: Path) -> Path:
    shutil.copytree(ours, dest, ignore=shutil.ignore_patterns("__pycache__"))
    lambda_dates(dest)
    return dest


def default_zappa_hello(work: Path) -> tuple[Path, Path]:
    """pip install flask zappa in a venv; zappa package with default settings."""
    venv = work / "default-venv"
    project = work / "default-project"
    project.mkdir()
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    flask_pin = next(
        line.strip()
        for line in (ROOT / "requirements.txt").read_text().splitlines()
        if line.lower().startswith("flask==")
    )
    subprocess.run(
        [
            str(venv / "bin" / "python"),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            flask_pin,
            f"zappa=={build_lambda.tool_version('zappa')}",
        ],
        check=True,
    )
    (project / "hello.py").write_text(HELLO, encoding="utf-8")
    settings = {
        "dev": {
            "app_function": "hello.app",
            "project_name": "hello",
            "runtime": build_lambda.PY_TAG,
            "aws_region": "us-east-1",
            # The one change from zappa's defaults: offline, no lambda-packages download.
            "use_precompiled_packages": False,
        }
    }
    (project / "zappa_settings.json").write_text(json.dumps(settings, indent=4))
    zip_path = work / "default-hello.zip"
    build_lambda.zappa_package(project, venv, "dev", zip_path)
    tree = build_lambda.extract_like_lambda(zip_path, work / "default-hello")
    return zip_path, tree


# -- measuring -----------------------------------------------------------------------------


def cold_start(
    tree: Path, standin: Path, events: list[dict], handler_name: str = ZAPPA_HANDLER
) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "result.json"
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "LANG": "en_US.UTF-8",
            "TZ": ":UTC",
            "LAMBDA_TASK_ROOT": str(tree),
            "_HANDLER": handler_name,
            "AWS_REGION": "us-east-1",
            "AWS_CONFIG_FILE": os.devnull,
            "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
        }
        spawned_at = time.time()
        proc = subprocess.run(
            [sys.executable, "-I", "-S", "-B", str(INVOKE), str(tree), str(standin), str(out)],
            input=json.dumps(events),
            text=True,
            capture_output=True,
            cwd=tree,
            env=env,
            check=False,
        )
        if proc.returncode != 0:
            raise RuntimeError(f"cold start failed in {tree}:\n{proc.stderr[-3000:]}")
        result = json.loads(out.read_text(encoding="utf-8"))
    for response in result["responses"]:
        assert response["statusCode"] == 200, response
    seconds = result["event_seconds"]
    return {
        # The import and the first event (a term by id).
        "in_process": result["import_seconds"] + seconds[0],
        # From spawning the interpreter to the response: Python's own start-up too.
        "process": result["event_done_at"][0] - spawned_at,
        # The import and every event (a portal's first lookup and annotate too).
        "portal": result["import_seconds"] + sum(seconds),
        "portal_process": result["event_done_at"][-1] - spawned_at,
        "rss_mb": result["max_rss_kb"] / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=15, help="cold starts per variant")
    args = parser.parse_args()

    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    log("building our package")
    ours_zip, ours, standin = build_ours(WORK)
    log("building the default zappa package of hello world (pip install flask zappa)")
    default_zip, default = default_zappa_hello(WORK)
    variants = {
        "ours": ours,
        "hello, same package": hello_in_same_package(ours, WORK / "hello-same"),
        "default zappa, hello": default,
        "ours without .pyc": without_pyc(ours, WORK / "ours-no-pyc"),
    }
    events = portal_events()
    # Our packages go through the entry point zappa_settings names; the
    # default Zappa package has only Zappa's.
    handlers = {name: OUR_HANDLER for name in variants}
    handlers["default zappa, hello"] = ZAPPA_HANDLER
    samples: dict[str, list[dict]] = {name: [] for name in variants}
    log(f"{args.runs} cold starts of each, taking turns")
    for name, tree in variants.items():  # warm the OS file cache once
        cold_start(tree, standin, events, handlers[name])
    for _ in range(args.runs):
        for name, tree in variants.items():
            samples[name].append(cold_start(tree, standin, events, handlers[name]))

    def median(name: str, key: str) -> float:
        return statistics.median(s[key] for s in samples[name])

    ours_mb, default_mb = ours_zip.stat().st_size / MB, default_zip.stat().st_size / MB
    print("\nPackage size (zip)")
    print(
        f"  {'ours':<28}{ours_mb:8.2f} MiB   goal <= 10 MiB: {'met' if ours_mb <= 10 else 'MISSED'}"
    )
    ratio = ours_mb / default_mb
    print(f"  {'default zappa, hello':<28}{default_mb:8.2f} MiB   ours / default = {ratio:.2f}")

    print(
        f"\nCold start: fresh process, import handler, then a term by id, the first lookup "
        f"and the first annotate of 2 KB, in Spanish (median of {args.runs}, "
        f"Python {sys.version.split()[0]})"
    )
    print(
        f"  {'':<28}{'term by id':>12}{'(from spawn)':>14}{'+ lookup, annotate':>20}"
        f"{'(from spawn)':>14}{'max RSS':>9}"
    )
    for name in variants:
        print(
            f"  {name:<28}{median(name, 'in_process') * 1e3:9.0f} ms"
            f"{median(name, 'process') * 1e3:11.0f} ms"
            f"{median(name, 'portal') * 1e3:17.0f} ms"
            f"{median(name, 'portal_process') * 1e3:11.0f} ms{median(name, 'rss_mb'):6.0f} MB"
        )
    print("\nRatios (in process; from spawn in brackets)")
    goals = (
        ("term by id: ours / hello, same package", "hello, same package", "", 1.2),
        ("portal: ours / hello, same package", "hello, same package", "portal", 1.3),
        ("term by id: ours / default zappa, hello", "default zappa, hello", "", 0.5),
    )
    for label, other, kind, goal in goals:
        key, spawn = ("portal", "portal_process") if kind else ("in_process", "process")
        ratio = median("ours", key) / median(other, key)
        whole = median("ours", spawn) / median(other, spawn)
        verdict = "met" if ratio <= goal else f"MISSED by {ratio / goal - 1:.0%}"
        print(f"  {label:<42}{ratio:6.2f}  ({whole:.2f})   goal <= {goal}: {verdict}")
    ratio = median("ours without .pyc", "in_process") / median("ours", "in_process")
    label = "term by id: ours without .pyc / ours"
    print(f"  {label:<42}{ratio:6.2f}   (what unchecked-hash .pyc save)")


if __name__ == "__main__":
    main()
