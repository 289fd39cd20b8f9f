"""Screenshots of /demo with an open tooltip, for people to look at (README).

Saved as build/screenshots/demo-<lang>.png (not committed; build/ is ignored).
"""

from __future__ import annotations

import pytest

from tests.support.browser import SCREENSHOTS
from tests.support.widget import wait_for_terms


@pytest.mark.parametrize("lang", ["en", "es", "ar"])
def test_demo_screenshot_with_open_tooltip(service, new_page, need_locale, lang):
    need_locale(lang)
    page, record = new_page(viewport={"width": 1000, "height": 900})
    page.goto(f"{service}/demo?lang={lang}")
    assert page.get_attribute("html", "lang") == lang
    trigger = page.locator('[data-glossary="metastasis"] [part=term]')
    trigger.wait_for()
    wait_for_terms(page, 5)
    trigger.click()
    tip = page.locator(".tip")
    assert tip.is_visible()
    page.wait_for_timeout(250)  # the fade-in
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"demo-{lang}.png"
    page.screenshot(path=str(path))
    assert path.stat().st_size > 10_000
    assert record.errors == []
