"""Where the tooltip is: it follows its term while the term is in sight and
closes when the term scrolls out of view (of the page or of its scroll box)
or under a sticky header; it stays inside the viewport at 400% zoom and on an
RTL page that overflows sideways."""

from __future__ import annotations

import pytest

from tests.support.widget import TIP, TRIGGERS, tip_state, wait_for_terms

FILLER = "<p>Other notes about the visit, nothing to explain here.</p>" * 30


def test_tip_follows_then_closes_under_a_sticky_header(host, new_page):
    url = host.page(
        '<header style="position:sticky;top:0;height:80px;background:#fff;border-bottom:1px solid">'
        'Portal</header><div style="height:300px"></div>'
        '<p>We found <span data-glossary="metastasis">metastasis</span>.</p>' + FILLER,
        csp=None,
    )
    page, _ = new_page(viewport={"width": 800, "height": 500})
    page.goto(url)
    wait_for_terms(page, 1)
    page.click(TRIGGERS)
    page.mouse.wheel(0, 100)
    page.wait_for_function("y => document.scrollingElement.scrollTop >= 100", arg=100)
    page.wait_for_timeout(100)
    assert tip_state(page)["visible"], "still in sight: the tip follows"
    tip, term = page.locator(TIP).bounding_box(), page.locator(TRIGGERS).bounding_box()
    gap = min(
        abs(tip["y"] - (term["y"] + term["height"])), abs(term["y"] - (tip["y"] + tip["height"]))
    )
    assert gap == pytest.approx(6, abs=1), "next to its term where it is now"
    page.evaluate("() => window.scrollTo(0, 340)")  # the term is now under the header
    page.locator(TIP).wait_for(state="detached")
    assert page.locator(TRIGGERS).get_attribute("aria-expanded") == "false"


def test_tip_closes_when_its_term_scrolls_out_of_its_box(host, new_page):
    url = host.page(
        '<section id="chat" style="height:120px;overflow:auto;border:1px solid">'
        '<p>Message: the biopsy is <span data-glossary="biopsy">biopsy</span> day.</p>'
        + FILLER
        + "</section><p>Below the chat.</p>",
        csp=None,
    )
    page, _ = new_page()
    page.goto(url)
    wait_for_terms(page, 1)
    page.click(TRIGGERS)
    assert tip_state(page)["visible"]
    page.evaluate("() => document.getElementById('chat').scrollTop = 400")
    page.locator(TIP).wait_for(state="detached")


@pytest.mark.parametrize("where", ["top:30%;left:10px", "bottom:4px;right:4px", "top:4px;left:40%"])
def test_tip_stays_in_the_viewport_at_400_percent_zoom(host, new_page, where):
    # 400% of a 1280 x 720 window: 320 x 180 CSS pixels, 4 device pixels each.
    url = host.page(
        f'<p style="position:fixed;margin:0;{where}">'
        '<span data-glossary="chemotherapy">chemotherapy</span></p>',
        csp=None,
    )
    page, _ = new_page(viewport={"width": 320, "height": 180}, device_scale_factor=4)
    page.goto(url)
    wait_for_terms(page, 1)
    page.click(TRIGGERS)
    tip = page.locator(TIP).bounding_box()
    term = page.locator(TRIGGERS).bounding_box()
    assert tip["x"] >= 0 and tip["x"] + tip["width"] <= 320
    assert tip["y"] >= 0 and tip["y"] + tip["height"] <= 180
    overlap_y = min(term["y"] + term["height"], tip["y"] + tip["height"]) - max(term["y"], tip["y"])
    assert overlap_y <= 0, "never over its term"
    # What does not fit scrolls inside the tip; "More" is still reachable.
    page.keyboard.press("Tab")
    assert (
        page.evaluate("() => document.activeElement.shadowRoot.activeElement.textContent") == "More"
    )


def test_tip_stays_in_the_viewport_on_an_overflowing_rtl_page(host, new_page, need_locale):
    need_locale("ar")
    url = host.page(
        '<div style="width:2400px">'
        '<p style="margin:0 40px">نص <span data-glossary="metastasis">metastasis</span></p>'
        '<p style="margin:0 0 0 0;padding-inline-start:1500px">نص '
        '<span data-glossary="chemotherapy">chemotherapy</span></p></div>',
        lang="ar",
        direction="rtl",
        csp=None,
    )
    page, _ = new_page(viewport={"width": 600, "height": 500})
    page.goto(url)
    wait_for_terms(page, 2)
    for i in range(2):
        trigger = page.locator(TRIGGERS).nth(i)
        trigger.scroll_into_view_if_needed()
        trigger.click()
        tip = page.locator(TIP).bounding_box()
        width = page.evaluate("() => document.documentElement.clientWidth")
        assert tip["x"] >= 0 and tip["x"] + tip["width"] <= width, (i, tip)
        assert tip_state(page)["dir"] == "rtl"
        page.keyboard.press("Escape")
