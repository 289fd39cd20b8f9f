"""The service under gunicorn with gunicorn.conf.py: what the test client
cannot show (real sockets, slow clients, a body of exactly the limit)."""

from __future__ import annotations

import http.client
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.support.catalogs import TRANSLATIONS, compile_catalogs

ROOT = Path(__file__).resolve().parent.parent.parent
GUNICORN = Path(sys.executable).with_name("gunicorn")
LIMIT = 64 * 1024


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    assert GUNICORN.exists(), "gunicorn is not installed"
    tmp = tmp_path_factory.mktemp("gunicorn")
    translations = compile_catalogs(TRANSLATIONS, tmp / "translations")
    port = _free_port()
    env = {
        **os.environ,
        "GLOSSARY_TRANSLATIONS_DIR": str(translations),
        "GLOSSARY_BIND": f"127.0.0.1:{port}",
        "PYTHONPATH": str(ROOT),
    }
    log = (tmp / "gunicorn.log").open("w")
    proc = subprocess.Popen(
        [str(GUNICORN), "-c", "gunicorn.conf.py", "glossary_service.wsgi:app"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=log,
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            assert proc.poll() is None and time.monotonic() < deadline, "gunicorn did not start"
            time.sleep(0.2)
    yield port
    proc.terminate()
    proc.wait(10)
    log.close()
    shutil.rmtree(tmp, ignore_errors=True)


def post(port: int, body: bytes, chunked: bool = False) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Content-Type": "text/plain; charset=utf-8"}
    if chunked:
        conn.request(
            "POST", "/api/v1/annotate", body=iter([body]), headers=headers, encode_chunked=True
        )
    else:
        conn.request("POST", "/api/v1/annotate", body=body, headers=headers)
    status = conn.getresponse().status
    conn.close()
    return status


@pytest.mark.parametrize("chunked", [False, True])
def test_a_body_of_exactly_64_kib_is_served_and_one_byte_more_is_413(server, chunked):
    body = b"metastasis " * (LIMIT // 11)
    body += b"x" * (LIMIT - len(body))
    assert len(body) == LIMIT
    assert post(server, body, chunked) == 200
    assert post(server, body + b"x", chunked) == 413


def test_slow_clients_do_not_stop_health_checks(server):
    """Clients that drip their headers hold a thread each, not a worker."""
    slow = []
    for _ in range(4):
        s = socket.create_connection(("127.0.0.1", server))
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")  # and never finish
        slow.append(s)
    try:
        answered = 0
        for _ in range(6):
            conn = http.client.HTTPConnection("127.0.0.1", server, timeout=3)
            conn.request("GET", "/healthz")
            answered += conn.getresponse().status == 200
            conn.close()
        assert answered == 6
    finally:
        for s in slow:
            s.close()
