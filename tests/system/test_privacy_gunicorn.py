"""Under gunicorn with gunicorn.conf.py and every log at DEBUG: annotated
text, lookup words and headers appear in none of its output."""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import time

from tests.support.catalogs import TRANSLATIONS, compile_catalogs
from tests.system.test_gunicorn import GUNICORN, ROOT, _free_port

MARKER = "Zq7Xv-Patient-Wenceslas-Oyelaran-1947"


def test_gunicorn_output_holds_no_request_content(tmp_path):
    translations = compile_catalogs(TRANSLATIONS, tmp_path / "translations")
    port = _free_port()
    env = {
        **os.environ,
        "GLOSSARY_TRANSLATIONS_DIR": str(translations),
        "GLOSSARY_BIND": f"127.0.0.1:{port}",
        "GLOSSARY_LOG_LEVEL": "DEBUG",
        "PYTHONPATH": str(ROOT),
    }
    log_path = tmp_path / "gunicorn.log"
    with log_path.open("w") as log:
        proc = subprocess.Popen(
            [
                str(GUNICORN),
                "-c",
                "gunicorn.conf.py",
                "--log-level",
                "debug",
                "glossary_service.wsgi:app",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=log,
        )
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    assert proc.poll() is None and time.monotonic() < deadline
                    time.sleep(0.2)
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            text = f"{MARKER}, 78: the biopsy showed metastasis.".encode()
            for content_type in ("text/plain; charset=utf-8", "application/json"):
                body = text if content_type.startswith("text") else b'{"text": "' + text + b'"}'
                conn.request(
                    "POST",
                    "/api/v1/annotate",
                    body=body,
                    headers={"Content-Type": content_type, "X-Note": MARKER},
                )
                assert conn.getresponse().read() and True
            conn.request("GET", f"/api/v1/lookup?q={MARKER}")
            assert conn.getresponse().status == 404
            conn.close()
        finally:
            proc.terminate()
            proc.wait(10)
    output = log_path.read_text()
    assert output.count("/api/v1/annotate") == 2, output  # the request log is there
    assert "Booting worker" in output  # gunicorn's own debug output too
    assert MARKER not in output
