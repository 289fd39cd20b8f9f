"""Fixtures for the browser tier: the glossary and a host site over real HTTP,
and Debian's Chromium driven by Playwright."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.support.browser import CHROMIUM, CHROMIUM_ARGS, HostSite, PageRecord, _missing
from tests.support.live_server import serve


@pytest.fixture(scope="module")
def service(app) -> Iterator[str]:
    """The glossary (the session's app, real catalogs) over real HTTP."""
    with serve(app) as origin:
        yield origin


@pytest.fixture(scope="module")
def host(service) -> Iterator[HostSite]:
    site = HostSite(glossary=service)
    with serve(site) as origin:
        site.origin = origin
        yield site


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("Playwright for Python is not installed")
    if not Path(CHROMIUM).exists():
        _missing(f"Chromium is not installed at {CHROMIUM}")
    with sync_playwright() as p:
        # launch() gives every test a fresh profile (a new user data dir).
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def new_page(browser) -> Iterator[Callable]:
    """``new_page(**context_options)`` -> (page, record); closed after the test."""
    contexts = []

    def make(**options):
        options.setdefault("viewport", {"width": 1000, "height": 720})
        context = browser.new_context(**options)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        record = PageRecord()
        page.on("pageerror", lambda exc: record.errors.append(str(exc)))
        page.on(
            "console",
            lambda msg: record.console_errors.append(msg.text) if msg.type == "error" else None,
        )

        def on_dialog(dialog):
            record.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.on("request", lambda req: record.requests.append((req.method, req.url)))
        return page, record

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def need_locale(glossary) -> Callable[[str], None]:
    """Fail a test about a locale that is not served."""

    def check(code: str) -> None:
        assert code in glossary.locales, f"locale {code} is not served"

    return check
