"""Soak under hostile input: memory stays flat, answers stay bounded.

Sends thousands of distinct worst-case annotate bodies (each up to 64 KiB) to
the service under gunicorn (gunicorn.conf.py, threaded workers) and, through
the Lambda package's handler, to a Lambda-like process:

- one huge "word" of random letters (nothing to cache, nothing to match);
- U+FDFA repeated (NFKD expands it 18 times) with a random tail;
- one short abbreviation repeated ("N3 N3 ...": a match per three bytes);
- random words of every script we serve.

Prints the workers' RSS at start, middle and end (MiB), the largest answer,
and the slowest answer of each kind as a ratio to a normal request (a visit
summary of about 1 KB) measured in the same run. Exits 1 if memory grows by
more than --max-growth MiB between the middle and the end, or an answer is
over 1.5 MB or not 200.

Usage:
    .venv/bin/python bench/abuse.py                     # 3,000 bodies (about a minute)
    .venv/bin/python bench/abuse.py --requests 300      # a quick look
"""

from __future__ import annotations

import argparse
import http.client
import importlib.util
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load import VISIT, compile_catalogs, free_port, get_json, rss_mib, wait_ready, workers_of

_spec = importlib.util.spec_from_file_location(
    "build_lambda", Path(__file__).resolve().parent.parent / "tools" / "release" / "build_lambda.py"
)
build_lambda = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build_lambda)

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 64 * 1024
MAX_ANSWER = 1_500_000
SCRIPTS = [
    "abcdefghijklmnopqrstuvwxyzàéñ",
    "абвгдежзийклмнопрстуфхцчшщыэюя",
    "ابتثجحخدذرزسشصضطظعغفقكلمنهوي",
    "가나다라마바사아자차카타파하암전이복수",
    "转移癌症治疗化疗肿瘤第四期晚期靶向",
    "ăâđêôơưạảấầẩẫậắằẳẵặ",
]


def body_of(kind: str, rng: random.Random) -> str:
    tail = f" {rng.getrandbits(64):x}"
    if kind == "long-word":
        return "".join(rng.choices(SCRIPTS[0][:26], k=LIMIT - 64)) + tail
    if kind == "nfkd":
        return "\ufdfa" * ((LIMIT - 64) // 3) + tail  # three UTF-8 bytes each
    if kind == "abbreviations":
        unit = rng.choice(["N3 ", "T2 N1 M0 ", "CR ", "PS 1 ", "NED "])
        return unit * ((LIMIT - 64) // len(unit)) + tail
    words = []
    size = 0
    while size < LIMIT - 200:
        alphabet = rng.choice(SCRIPTS)
        word = "".join(rng.choices(alphabet, k=rng.randint(1, 12)))
        words.append(word)
        size += len(word.encode()) + 1
    return " ".join(words) + tail


KINDS = ["long-word", "nfkd", "abbreviations", "scripts"]


def post(port: int, text: str, lang: str) -> tuple[int, int, float]:
    data = text.encode()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    started = time.perf_counter()
    conn.request(
        "POST",
        f"/api/v1/annotate?lang={lang}",
        body=data,
        headers={"Content-Type": "text/plain; charset=utf-8"},
    )
    response = conn.getresponse()
    body = response.read()
    elapsed = time.perf_counter() - started
    conn.close()
    return response.status, len(body), elapsed


def soak_gunicorn(args, rng: random.Random) -> dict:
    with tempfile.TemporaryDirectory(prefix="glossary-abuse-") as tmp:
        translations = compile_catalogs(Path(tmp) / "translations")
        port = free_port()
        env = {
            **os.environ,
            "GLOSSARY_TRANSLATIONS_DIR": str(translations),
            "GLOSSARY_BIND": f"127.0.0.1:{port}",
            "GLOSSARY_WORKERS": "1",  # one worker: every request lands where RSS is read
            "GLOSSARY_PRELOAD_LOCALES": "true",
            "PYTHONPATH": str(ROOT),
        }
        log = (Path(tmp) / "gunicorn.log").open("w")
        server = subprocess.Popen(
            [
                str(Path(sys.executable).with_name("gunicorn")),
                "-c",
                "gunicorn.conf.py",
                "glossary_service.wsgi:app",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=log,
        )
        try:
            wait_ready(f"http://127.0.0.1:{port}", server)
            locales = get_json(f"http://127.0.0.1:{port}/healthz")["locales"]
            normal = [post(port, VISIT["en"] * 2, "en")[2] for _ in range(30)]
            for kind in KINDS:  # warm every path once
                post(port, body_of(kind, rng), "en")
            (worker,) = workers_of(server.pid)
            rss = {"start": rss_mib(worker)}
            slowest = dict.fromkeys(KINDS, 0.0)
            largest, bad = 0, 0
            for i in range(args.requests):
                kind = KINDS[i % len(KINDS)]
                status, size, elapsed = post(port, body_of(kind, rng), rng.choice(locales))
                bad += status != 200 or size > MAX_ANSWER
                largest = max(largest, size)
                slowest[kind] = max(slowest[kind], elapsed)
                if i == args.requests // 2:
                    rss["middle"] = rss_mib(worker)
            rss["end"] = rss_mib(worker)
        finally:
            server.terminate()
            server.wait(10)
            log.close()
    base = statistics.median(normal)
    return {
        "rss_mib": rss,
        "largest_answer": largest,
        "bad_answers": bad,
        "normal_ms": base * 1000,
        "slowest_ratio": {k: v / base for k, v in slowest.items()},
    }


def soak_lambda(args, rng: random.Random) -> dict | None:
    """The same kinds of bodies through the Lambda package's handler (built
    now, unpacked as Lambda does), all in one warm process: its RSS after the
    first event, the middle one and the last."""
    if args.no_lambda:
        return None
    work = ROOT / "build" / "abuse"
    standin = work / "boto3-standin"
    zip_path = work / "lambda.zip"
    build_lambda.build(output=zip_path, work=work / "build", standin=standin)
    task = build_lambda.extract_like_lambda(zip_path, work / "task")
    settings = json.loads((ROOT / "zappa_settings.json").read_text(encoding="utf-8"))["dev"]

    def event(text: str) -> dict:
        return {
            "resource": "/{proxy+}",
            "path": "/api/v1/annotate",
            "httpMethod": "POST",
            "headers": {"Content-Type": "text/plain; charset=utf-8", "Host": "x.execute-api"},
            "multiValueHeaders": {},
            "queryStringParameters": None,
            "multiValueQueryStringParameters": None,
            "pathParameters": {"proxy": "api/v1/annotate"},
            "requestContext": {"stage": "dev", "path": "/dev/api/v1/annotate"},
            "body": text,
            "isBase64Encoded": False,
        }

    n = max(args.requests // 4, 12)
    events = [event(body_of(KINDS[i % len(KINDS)], rng)) for i in range(n)]
    with tempfile.TemporaryDirectory() as tmp:
        result = Path(tmp) / "r.json"
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "LAMBDA_TASK_ROOT": str(task),
            "_HANDLER": settings.get("lambda_handler", "handler.lambda_handler"),
            "LAMBDA_INVOKE_SUMMARY": "1",
            "TZ": ":UTC",
        }
        subprocess.run(
            [
                sys.executable,
                "-I",
                "-S",
                "-B",
                str(ROOT / "tools/release/lambda_invoke.py"),
                str(task),
                str(standin),
                str(result),
            ],
            input=json.dumps(events),
            text=True,
            cwd=task,
            env=env,
            check=True,
            capture_output=True,
        )
        report = json.loads(result.read_text(encoding="utf-8"))
    responses = report["responses"]
    rss = [r["rss_kb"] / 1024 for r in responses]
    return {
        "events": n,
        "rss_mib": {"first": rss[0], "middle": rss[n // 2], "end": rss[-1]},
        "largest_answer": max(r["body_length"] for r in responses),
        "statuses": sorted({r["statusCode"] for r in responses}),
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--max-growth", type=float, default=16.0, help="MiB, middle to end")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--no-lambda", action="store_true", help="gunicorn only")
    args = parser.parse_args()
    rng = random.Random(args.seed)

    g = soak_gunicorn(args, rng)
    lam = soak_lambda(args, rng)
    rss = g["rss_mib"]
    print(f"gunicorn (1 gthread worker), {args.requests} distinct hostile bodies of up to 64 KiB")
    print(
        f"  worker RSS MiB: start {rss['start']:.1f}, middle {rss['middle']:.1f}, "
        f"end {rss['end']:.1f}"
    )
    print(
        f"  largest answer {g['largest_answer'] / 1e6:.2f} MB; "
        f"non-200 or oversized: {g['bad_answers']}"
    )
    print(f"  normal request (1 KB visit summary): {g['normal_ms']:.1f} ms")
    for kind, ratio in g["slowest_ratio"].items():
        print(f"  slowest {kind:<14} {ratio:6.1f}x a normal request")
    if lam:
        r = lam["rss_mib"]
        print(f"Lambda handler (the package, built now), {lam['events']} events in one process")
        print(
            f"  RSS MiB after the first {r['first']:.1f}, middle {r['middle']:.1f}, "
            f"end {r['end']:.1f}; largest answer {lam['largest_answer'] / 1e6:.2f} MB; "
            f"statuses {lam['statuses']}"
        )
    failed = (
        g["bad_answers"] > 0
        or rss["end"] - rss["middle"] > args.max_growth
        or (
            lam is not None
            and (
                lam["statuses"] != [200]
                or lam["rss_mib"]["end"] - lam["rss_mib"]["middle"] > args.max_growth
            )
        )
    )
    if args.json:
        args.json.write_text(json.dumps({"gunicorn": g, "lambda": lam, "failed": failed}, indent=2))
    print("abuse: " + ("FAILED" if failed else "bounded"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
