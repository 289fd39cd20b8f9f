"""The service as the load test runs it: create_app() plus a hello-world route.

The baseline route exists only here, never in the public service. It lives
under /api/v1 so it pays the same per-request hooks (URL check, negotiation,
CORS and security headers, ETag) as the routes it is compared with.

gunicorn bench.load_app:app
"""

from glossary_service import create_app

app = create_app()
app.add_url_rule("/api/v1/bench-hello", "bench_hello", lambda: "hello")
