"""Load test: the service under gunicorn (2 workers) on 127.0.0.1, driven by wrk.

1. Compiles the catalogs into a temporary directory and starts gunicorn on a
   free loopback port with bench/load_app.py (the service plus a hello-world
   route that the public service does not have).
2. Warms up with the mix, then records each worker's RSS.
3. Runs the hello-world baseline, then the mix (lookup, search, term pages of
   the API and annotate, in every served language), each bounded in time
   (--duration) and in count (--max-requests), at --connections connections.
4. Prints throughput and p50/p99 latency, the mix as ratios to the baseline
   of the same run, errors (non-2xx/3xx answers, socket errors, errors in
   gunicorn's log), and RSS per worker at start and end.

Exits 1 on any error, or when a worker's memory grew by more than
--max-rss-growth MiB over the measured runs.

Usage:
    .venv/bin/python bench/load.py                  # 60 s per run (make load)
    .venv/bin/python bench/load.py --duration 5     # a quick look
Needs wrk (Debian: apt-get install wrk) and gunicorn (requirements-dev.txt).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
LUA = ROOT / "bench" / "mix.lua"
HELLO = "/api/v1/bench-hello"

# Portal-like text for annotate: a visit summary, in the languages we have
# sample text for; other locales annotate the English one.
VISIT = {
    "en": (
        "At today's visit we reviewed your scans. The cancer is stage IV, which means there "
        "is metastasis to the liver and some bone metastases. Your PD-L1 level was high, so "
        "we talked about immunotherapy with a checkpoint inhibitor, and about chemotherapy "
        "if that does not work. Your performance status (PS) is 1. Palliative care can help "
        "with pain and fatigue at any stage. We also discussed a clinical trial and a second "
        "opinion. "
    ),
    "es": (
        "En la visita de hoy revisamos sus estudios. El cáncer está en estadio IV: hay "
        "metástasis en el hígado y metástasis óseas. Hablamos de inmunoterapia y de "
        "quimioterapia, y de los cuidados paliativos para el dolor y el cansancio. También "
        "comentamos un ensayo clínico y una segunda opinión. "
    ),
}
# English queries every locale answers (lookup falls back to English).
QUERIES = ["metastases", "NED", "PD-L1", "metastisis", "HIPEC", "chemo", "stage 4"]
PREFIXES = ["met", "chem", "imm", "pal", "sta", "tum"]


def compile_catalogs(target: Path) -> Path:
    """A copy of translations/ compiled by pybabel, as `make compile` does."""
    shutil.copytree(
        ROOT / "translations", target, ignore=shutil.ignore_patterns("*.mo"), dirs_exist_ok=True
    )
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "compile", "-d", str(target)],
        check=True,
    )
    return target


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as r:  # loopback only
        return json.load(r)


def wait_ready(base: str, server: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn exited with {server.returncode} before it was ready")
        try:
            get_json(f"{base}/healthz")
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not answer /healthz in time")


def workers_of(master: int) -> list[int]:
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == master:
            pids.append(int(stat.parent.name))
    return sorted(pids)


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def build_mix(base: str) -> list[tuple[str, str, str, str]]:
    """(method, path, content type, body) for every served locale; weights:
    about 30% lookup, 30% search, 20% terms, 20% annotate."""
    locales = get_json(f"{base}/healthz")["locales"]
    mix: list[tuple[str, str, str, str]] = []
    for code in locales:
        listing = get_json(f"{base}/api/v1/terms?lang={quote(code)}")["terms"]
        names = [t["term"] for t in listing[:: max(len(listing) // 6, 1)]][:6]
        ids = [t["id"] for t in listing[:: max(len(listing) // 5, 1)]][:5]
        lang = f"lang={quote(code)}"
        for q in [*names, *QUERIES[:4]]:
            mix.append(("GET", f"/api/v1/lookup?q={quote(q)}&{lang}", "", ""))
        for q in [*(n[:3] for n in names), *PREFIXES[:4]]:
            mix.append(("GET", f"/api/v1/search?q={quote(q)}&limit=10&{lang}", "", ""))
        for term_id in ids:
            mix.append(("GET", f"/api/v1/terms/{term_id}?{lang}", "", ""))
        mix.append(("GET", f"/api/v1/terms?{lang}", "", ""))
        mix.append(("GET", f"/api/v1/terms?{lang}&letter=m", "", ""))
        text = VISIT.get(code.split("-")[0], VISIT["en"])
        for size in (1, 1, 4):  # ~0.5 KB, and one ~2 KB
            body = json.dumps({"text": text * size, "lang": code}, ensure_ascii=False)
            mix += [("POST", "/api/v1/annotate", "application/json", body)] * 2
        mix.append(
            (
                "POST",
                "/api/v1/annotate",
                "application/json",
                json.dumps(
                    {"text": VISIT["en"] * 20}  # ~10 KB
                ),
            )
        )
    return mix


def check_mix(base: str, mix: list[tuple[str, str, str, str]]) -> None:
    """Every request of the mix succeeds before any load: a 404 in the mix
    would otherwise count as a load error."""
    for method, path, content_type, body in mix:
        req = urllib.request.Request(
            base + path,
            method=method,
            data=body.encode() if body else None,
            headers={"Content-Type": content_type} if content_type else {},
        )
        with urllib.request.urlopen(req, timeout=10) as r:
            if r.status != 200:
                raise SystemExit(f"mix request {method} {path} answered {r.status}")


def wrk(url: str, args, duration: float, requests_file: str = "") -> dict:
    per_thread = args.max_requests // args.wrk_threads if args.max_requests else 0
    command = [
        "wrk",
        f"--threads={args.wrk_threads}",
        f"--connections={args.connections}",
        f"--duration={max(int(duration), 1)}s",
        "--timeout=10s",
        "--latency",
        f"--script={LUA}",
        url,
        "--",
        requests_file,
        str(per_thread),
    ]
    run = subprocess.run(command, capture_output=True, text=True, timeout=duration + 120)
    line = next((x for x in run.stdout.splitlines() if x.startswith("WRK_JSON ")), None)
    if run.returncode != 0 or line is None:
        raise SystemExit(f"wrk failed ({run.returncode}):\n{run.stdout}\n{run.stderr}")
    result = json.loads(line.removeprefix("WRK_JSON "))
    result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
    result["error_count"] = sum(result["errors"].values())
    return result


def log_errors(log_path: Path) -> list[str]:
    markers = ("Traceback", "[ERROR]", "[CRITICAL]", "WORKER TIMEOUT", "unhandled error")
    return [
        line
        for line in log_path.read_text(errors="replace").splitlines()
        if any(m in line for m in markers)
    ]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--duration", type=float, default=60, help="seconds per run (60)")
    parser.add_argument("--warmup", type=float, default=None, help="seconds (duration/10, 1-10)")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    # gthread, as gunicorn.conf.py: a slow client cannot hold a whole worker.
    parser.add_argument("--worker-class", default="gthread", choices=["sync", "gthread"])
    parser.add_argument("--threads", type=int, default=8, help="threads per gthread worker")
    parser.add_argument("--wrk-threads", type=int, default=1, help="wrk threads (2 cores here)")
    parser.add_argument(
        "--max-requests", type=int, default=5_000_000, help="count bound per run (0: none)"
    )
    parser.add_argument("--max-rss-growth", type=float, default=10.0, help="MiB per worker")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (Debian: apt-get install wrk)")
    warmup = args.warmup if args.warmup is not None else min(max(args.duration / 10, 1), 10)

    with tempfile.TemporaryDirectory(prefix="glossary-load-") as tmp:
        tmp_path = Path(tmp)
        translations = compile_catalogs(tmp_path / "translations")
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        log_path = tmp_path / "gunicorn.log"
        env = {
            **os.environ,
            "GLOSSARY_TRANSLATIONS_DIR": str(translations),
            # Every locale built at boot, so the runs measure serving, not building.
            "GLOSSARY_PRELOAD_LOCALES": "true",
            "PYTHONPATH": str(ROOT),
        }
        gunicorn = Path(sys.executable).with_name("gunicorn")
        command = [
            str(gunicorn),
            f"--bind=127.0.0.1:{port}",
            f"--workers={args.workers}",
            f"--worker-class={args.worker_class}",
            f"--threads={args.threads}",
            "--timeout=30",
            "--graceful-timeout=5",
            f"--error-logfile={log_path}",
            "bench.load_app:app",
        ]
        with log_path.open("w") as log:
            server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)
        try:
            wait_ready(base, server)
            mix = build_mix(base)
            check_mix(base, mix)
            requests_file = tmp_path / "mix.tsv"
            requests_file.write_text("\n".join("\t".join(r) for r in mix) + "\n", encoding="utf-8")
            workers = workers_of(server.pid)
            boot_rss = {pid: rss_mib(pid) for pid in workers}

            if warmup > 0:
                wrk(base + HELLO, args, warmup)
                wrk(base + "/", args, warmup, str(requests_file))
            start_rss = {pid: rss_mib(pid) for pid in workers}
            hello = wrk(base + HELLO, args, args.duration)
            loaded = wrk(base + "/", args, args.duration, str(requests_file))
            end_rss = {pid: rss_mib(pid) for pid in workers_of(server.pid)}
        finally:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
        server_errors = log_errors(log_path)

    locales = sorted({p.split("lang=")[1].split("&")[0] for _, p, _, _ in mix if "lang=" in p})
    report(args, warmup, mix, locales, hello, loaded, boot_rss, start_rss, end_rss, server_errors)
    growth = {pid: end_rss.get(pid, float("nan")) - start_rss[pid] for pid in start_rss}
    restarted = set(start_rss) != set(end_rss)
    errors = hello["error_count"] + loaded["error_count"] + len(server_errors)
    failed = errors > 0 or restarted or any(not g <= args.max_rss_growth for g in growth.values())
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "hello": hello,
                    "mix": loaded,
                    "rss_mib": {
                        str(pid): {
                            "boot": boot_rss[pid],
                            "start": start_rss[pid],
                            "end": end_rss.get(pid),
                        }
                        for pid in start_rss
                    },
                    "server_errors": server_errors,
                    "errors": errors,
                    "workers_restarted": restarted,
                    "failed": failed,
                },
                indent=2,
            )
        )
    return 1 if failed else 0


def report(args, warmup, mix, locales, hello, loaded, boot, start, end, server_errors) -> None:
    def ms(us: float) -> str:
        return f"{us / 1000:7.2f} ms"

    print(
        f"gunicorn {args.workers} x {args.worker_class} workers on 127.0.0.1; wrk "
        f"{args.connections} connections, {args.duration:g} s per run after {warmup:g} s "
        f"of warm-up"
    )
    kinds = {"lookup": 0, "search": 0, "terms": 0, "annotate": 0}
    for _, path, _, _ in mix:
        kind = path.split("/")[3].split("?")[0]
        kinds[kind] = kinds.get(kind, 0) + 1
    print(
        f"mix: {len(mix)} requests in {', '.join(locales)}: "
        + ", ".join(f"{k} {v / len(mix):.0%}" for k, v in kinds.items())
    )
    print(f"{'':14}{'requests':>10}{'req/s':>10}{'p50':>11}{'p99':>11}{'errors':>8}")
    for name, r in (("hello world", hello), ("mix", loaded)):
        print(
            f"{name:14}{r['requests']:>10}{r['rps']:>10.0f}{ms(r['latency_us']['p50']):>11}"
            f"{ms(r['latency_us']['p99']):>11}{r['error_count']:>8}"
        )
    print(
        f"mix / hello:  throughput {loaded['rps'] / hello['rps']:.2f}x, "
        f"p50 {loaded['latency_us']['p50'] / hello['latency_us']['p50']:.2f}x, "
        f"p99 {loaded['latency_us']['p99'] / hello['latency_us']['p99']:.2f}x"
    )
    print(
        "errors: "
        + ", ".join(f"{k} {v}" for k, v in loaded["errors"].items())
        + f" (mix); {hello['error_count']} (hello); {len(server_errors)} in gunicorn's log"
    )
    for line in server_errors[:10]:
        print("  " + line)
    print(f"RSS per worker, MiB: {'pid':>8}{'boot':>8}{'start':>8}{'end':>8}{'change':>8}")
    for pid in start:
        e = end.get(pid, float("nan"))
        print(f"{'':21}{pid:>8}{boot[pid]:8.1f}{start[pid]:8.1f}{e:8.1f}{e - start[pid]:+8.1f}")


if __name__ == "__main__":
    sys.exit(main())
