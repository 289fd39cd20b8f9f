"""gunicorn settings for running the service outside Lambda:
``gunicorn -c gunicorn.conf.py glossary_service.wsgi:app``.

Threaded workers (gthread): a sync worker serves one connection at a time, so
two clients that send their headers a byte a minute hold both workers and the
health check waits (measured: 0 of 6 answered). With threads, a slow client
holds one thread while the others serve. Requests are CPU-light and the indexes
are read-only, so threads share them safely.
"""

import os

bind = os.environ.get("GLOSSARY_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GLOSSARY_WORKERS", "2"))
worker_class = "gthread"
threads = int(os.environ.get("GLOSSARY_THREADS", "8"))
# A request that takes longer than this is stuck: the worker is restarted.
timeout = 30
graceful_timeout = 5
keepalive = 5
# Bounded request lines and headers; bodies are bounded by the app (64 KiB).
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190
