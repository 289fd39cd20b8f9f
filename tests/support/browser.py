"""Real Chromium for the widget and page tests: servers, browser, host pages.

The glossary runs on one loopback port; the host pages that embed the widget
run on another, so the widget is cross-origin as on a real patient portal.
Chromium is Debian's (``apt-get install chromium``), driven by Playwright for
Python; browser downloads do not work here.

The fixtures are in ``tests/browser/conftest.py``. Without Playwright or
Chromium a test fails and says what to install: never a skip.
"""

from __future__ import annotations

import json
import os
import shutil
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from werkzeug.wrappers import Request, Response

ROOT = Path(__file__).resolve().parent.parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "build" / "screenshots"
CHROMIUM = (
    os.environ.get("GLOSSARY_TEST_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
)
# Without the background-networking flags Chromium's own connections are
# refused on a closed network, and it may stall.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _missing(what: str) -> None:
    # Never a skip: a test that cannot run fails, and says what to install.
    pytest.fail(f"{what}; `make test` installs it (see README, Widget)")


def get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.load(response)


# -- the host site (a second origin) -----------------------------------------


@dataclass
class HostSite:
    """A patient portal on another origin: pages the tests write, served with
    a strict CSP that allows the glossary's origin for scripts and requests
    only (no 'unsafe-inline', no style-src for the glossary)."""

    glossary: str
    origin: str = ""
    pages: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    #: Other files of the site (the host's own scripts): path -> (body, mimetype).
    files: dict[str, tuple[bytes, str]] = field(default_factory=dict)

    def strict_csp(self) -> str:
        return (
            f"default-src 'none'; script-src {self.glossary}; connect-src {self.glossary}; "
            "style-src 'self'; img-src 'self'; base-uri 'none'; frame-ancestors 'none'; "
            "require-trusted-types-for 'script'; trusted-types 'none'"
        )

    def page(
        self,
        body: str,
        *,
        lang: str = "en",
        direction: str | None = None,
        script_attrs: str = "",
        csp: str | None = "strict",
        glossary: str | None = None,
        head: str = "",
        widget: bool = True,
    ) -> str:
        """Add a page embedding the widget with the one documented tag; return its URL."""
        dir_attr = f' dir="{direction}"' if direction else ""
        src = f"{glossary or self.glossary}/widget.js"
        html = (
            f'<!doctype html><html lang="{lang}"{dir_attr}><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>Patient portal</title>{head}"
            + (f'<script src="{src}"{script_attrs} defer></script>' if widget else "")
            + "</head>"
            f"<body>{body}</body></html>"
        )
        path = f"/page{len(self.pages)}"
        self.pages[path] = (html, self.strict_csp() if csp == "strict" else csp)
        return self.origin + path

    def file(self, path: str, body: bytes | str, mimetype: str = "text/javascript") -> str:
        """Serve a file of the host's own (a script); return its URL."""
        self.files[path] = (body.encode() if isinstance(body, str) else body, mimetype)
        return self.origin + path

    def __call__(self, environ, start_response):
        request = Request(environ)
        if request.path == "/favicon.ico":
            return Response(status=204)(environ, start_response)
        if request.path in self.files:
            body, mimetype = self.files[request.path]
            return Response(body, mimetype=mimetype)(environ, start_response)
        html, csp = self.pages.get(request.path, ("not found", None))
        response = Response(html, status=200 if request.path in self.pages else 404)
        response.mimetype = "text/html"
        if csp:
            response.headers["Content-Security-Policy"] = csp
        return response(environ, start_response)


@dataclass
class PageRecord:
    """What a page did that a host site would notice."""

    errors: list[str] = field(default_factory=list)  # uncaught exceptions
    console_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    requests: list[tuple[str, str]] = field(default_factory=list)  # (method, url)
