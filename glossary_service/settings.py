"""Settings, read from the environment in one place.

Every variable is documented in the README. Nothing else in the package reads
``os.environ``; tests pass their own values to ``create_app(config)``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

_PACKAGE = Path(__file__).parent

DEFAULTS = {
    # Where the compiled catalogs (and messages.pot) live.
    "GLOSSARY_TRANSLATIONS_DIR": _PACKAGE.parent / "translations",
    # Where the content TOML files live.
    "GLOSSARY_CONTENT_DIR": _PACKAGE / "content",
    # Seconds browsers and CDNs may reuse a GET response before revalidating.
    "GLOSSARY_CACHE_MAX_AGE": 300,
    # Build every locale's index at start-up instead of on first use.
    "GLOSSARY_PRELOAD_LOCALES": False,
    "GLOSSARY_LOG_LEVEL": "INFO",
    # The public address of the service ("https://glossary.example.org"): absolute
    # links in pages (hreflang, the widget's embed snippet) are built from it,
    # never from the request's Host header. Unset: such links are relative, and
    # the one page that must show an absolute address (/demo) is not cached.
    "GLOSSARY_PUBLIC_URL": "",
    # The contract's limit for POST bodies (annotate): 64 KiB.
    "MAX_CONTENT_LENGTH": 64 * 1024,
}

_PARSERS = {
    "GLOSSARY_TRANSLATIONS_DIR": Path,
    "GLOSSARY_CONTENT_DIR": Path,
    "GLOSSARY_CACHE_MAX_AGE": int,
    "GLOSSARY_PRELOAD_LOCALES": lambda v: v.strip().lower() in {"1", "true", "yes", "on"},
    "GLOSSARY_LOG_LEVEL": lambda v: v.strip().upper(),
    "GLOSSARY_PUBLIC_URL": lambda v: _public_url(v),
}


def _public_url(value: str) -> str:
    value = value.strip().rstrip("/")
    if not value.startswith(("https://", "http://")) or any(c in value for c in "?#\\ "):
        raise ValueError(
            "must be an http(s) URL with no path query or fragment, e.g. https://glossary.example.org"
        )
    return value


def from_environ(environ: Mapping[str, str] | None = None) -> dict:
    """Defaults, overridden by any GLOSSARY_* variable that is set."""
    environ = os.environ if environ is None else environ
    settings = dict(DEFAULTS)
    for name, parse in _PARSERS.items():
        if environ.get(name):
            try:
                settings[name] = parse(environ[name])
            except ValueError as exc:
                raise ValueError(f"environment variable {name}: {exc}") from exc
    return settings
