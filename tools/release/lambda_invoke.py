"""Call zappa's handler the way AWS Lambda does, in this fresh interpreter.

Usage: python -I -S tools/release/lambda_invoke.py TASK_ROOT RUNTIME_DIR OUT.json < events.json

Run it with ``-I -S``: then ``sys.path`` holds only the standard library, and
this script adds the unpacked package (TASK_ROOT, Lambda's /var/task) and the
directory standing in for what the Lambda runtime provides (boto3), in that
order, as Lambda does. It imports ``handler``, passes each event of the JSON
list on stdin to ``handler.lambda_handler``, and writes to OUT.json the
responses, how long the import and each event took, and where every imported
module came from (package, runtime, standard library or outside), with the
.pyc each package module was loaded from.

Standard library only: nothing may be imported before the package is on the path.
"""

import sys

if not (sys.flags.isolated and sys.flags.no_site):
    sys.exit("run me with python -I -S, so that only the standard library is on sys.path")
STDLIB_PATHS = [p for p in sys.path if p]
TASK_ROOT, RUNTIME_DIR, OUT = sys.argv[1:4]
sys.path[:0] = [TASK_ROOT, RUNTIME_DIR]

import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import time  # noqa: E402
from importlib.util import MAGIC_NUMBER  # noqa: E402


class Context:
    """The attributes of the Lambda context object a WSGI app might read."""

    function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME", "glossary-service-dev")
    function_version = "$LATEST"
    memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024")
    aws_request_id = "c6af9ac6-7b61-11e6-9a41-93e812345678"
    invoked_function_arn = f"arn:aws:lambda:us-east-1:123456789012:function:{function_name}"
    log_group_name = f"/aws/lambda/{function_name}"
    log_stream_name = "2026/01/01/[$LATEST]0123456789abcdef"

    @staticmethod
    def get_remaining_time_in_millis() -> int:
        return 10_000


def origin(module) -> tuple[str, str | None]:
    path = getattr(module, "__file__", None)
    if path is not None and os.path.realpath(path) == os.path.realpath(__file__):
        return "invoker", path  # this script, as __main__ (and multiprocessing's __mp_main__)
    if path is None:
        paths = list(getattr(module, "__path__", None) or ())
        if not paths:
            return "builtin", None
        path = paths[0]
    path = os.path.realpath(path)
    for where, root in (("package", TASK_ROOT), ("runtime", RUNTIME_DIR)):
        if path.startswith(os.path.realpath(root) + os.sep):
            return where, path
    if any(path.startswith(os.path.realpath(p) + os.sep) for p in STDLIB_PATHS):
        return "stdlib", path
    return "outside", path


def pyc_flags(path: str | None) -> int | None:
    if not path or not os.path.isfile(path):
        return None
    with open(path, "rb") as fh:
        head = fh.read(8)
    return int.from_bytes(head[4:8], "little") if head[:4] == MAGIC_NUMBER else None


def current_rss_kb() -> int:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def main() -> None:
    events = json.load(sys.stdin)
    os.chdir(TASK_ROOT)
    started = time.perf_counter()
    # The function the runtime calls, named as Lambda names it (_HANDLER,
    # "module.function"): Zappa's handler, or the one zappa_settings names.
    module_name, _, function_name = os.environ.get("_HANDLER", "handler.lambda_handler").rpartition(
        "."
    )
    handler = getattr(__import__(module_name, fromlist=[function_name]), function_name)

    imported = time.perf_counter()
    responses, seconds, done_at = [], [], []
    summary = bool(os.environ.get("LAMBDA_INVOKE_SUMMARY"))
    for i, event in enumerate(events):
        t = time.perf_counter()
        response = handler(event, Context())
        if summary:
            # Soak runs: keep only what is measured, drop the event once
            # served, and read the process's current RSS, so memory is the
            # handler's and not the harness's.
            body = response.get("body") or ""
            response = {
                "statusCode": response.get("statusCode"),
                "body_length": len(body),
                "rss_kb": current_rss_kb(),
            }
            events[i] = None
        responses.append(response)
        seconds.append(time.perf_counter() - t)
        done_at.append(time.time())  # wall clock, comparable with the parent's
    modules = {}
    for name, module in sorted(sys.modules.items()):
        where, path = origin(module)
        cached = getattr(module, "__cached__", None) if where == "package" else None
        modules[name] = {
            "origin": where,
            "file": path,
            "cached": cached,
            "pyc_flags": pyc_flags(cached),
        }
    result = {
        "import_seconds": imported - started,
        "event_seconds": seconds,
        "event_done_at": done_at,
        "responses": responses,
        "modules": modules,
        "sys_path": sys.path,
        "max_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }
    with open(OUT, "w", encoding="utf-8") as fh:
        json.dump(result, fh)


main()
