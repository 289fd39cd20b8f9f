"""A real HTTP server on a free loopback port, in a thread.

For tests that must go over the wire: schemathesis, and the raw bytes (bad
percent-encoding, invalid UTF-8, odd methods, chunked bodies) that a Flask
test client would tidy up before the app saw them.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator

from werkzeug.serving import WSGIRequestHandler, make_server


class _QuietHandler(WSGIRequestHandler):
    # One line per request would drown pytest's output; errors still log.
    def log_request(self, *args, **kwargs) -> None:
        pass


@contextlib.contextmanager
def serve(app) -> Iterator[str]:
    """Serve a WSGI app on 127.0.0.1 and a port the OS picks; yield its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=_QuietHandler)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()
