"""The widget in real Chromium, embedded cross-origin on a host page with a
strict CSP: marking, scanning, batching, keyboard, mouse, touch, layout and
language."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.support.browser import get_json
from tests.support.widget import TIP, TRIGGERS, focused, marked, tip_state, wait_for_terms


def short_definition(service: str, term_id: str, lang: str = "en") -> str:
    return get_json(f"{service}/api/v1/terms/{term_id}?lang={lang}")["short_definition"]


def api_requests(record, service: str) -> list[tuple[str, str, dict]]:
    found = []
    for method, url in record.requests:
        if url.startswith(service + "/api/"):
            parts = urlsplit(url)
            found.append((method, parts.path, parse_qs(parts.query)))
    return found


def test_marked_and_scanned_terms_get_tooltips_cross_origin(host, service, new_page):
    url = host.page(
        '<main><p>The scan showed <span data-glossary="metastasis">metastasis</span> to the '
        "liver.</p><div data-glossary-scan><p>Your chemotherapy starts on Monday. After "
        "chemotherapy we look for remission.</p></div></main>"
    )
    page, record = new_page()
    page.goto(url)
    assert urlsplit(page.url).netloc != urlsplit(service).netloc
    wait_for_terms(page, 3)
    triggers = page.locator(TRIGGERS)
    assert marked(page) == ["metastasis", "chemotherapy", "remission"]
    # Only the first occurrence of a term in a container is marked.
    assert "After chemotherapy" in page.locator("[data-glossary-scan] p").text_content()
    for i, term_id in enumerate(["metastasis", "chemotherapy", "remission"]):
        triggers.nth(i).click()
        state = tip_state(page)
        assert state["visible"]
        assert state["definition"] == short_definition(service, term_id)
        assert state["more"] == f"{service}/terms/{term_id}?lang=en"
        assert state["controls"]
        page.keyboard.press("Escape")
    assert record.errors == [] and record.console_errors == []


def test_only_gets_that_name_the_language_and_definitions_cached(host, service, new_page):
    """The default: the page's text is matched in the browser; the service gets
    the matcher for the language and the language's terms, nothing else."""
    url = host.page(
        '<p><span data-glossary="metastasis">metastasis</span>, <span data-glossary="hipec">'
        'HIPEC</span>, <span data-glossary="remission">remission</span>, '
        '<span id="unknown" data-glossary="no-such-term">unknown</span></p>'
        "<div data-glossary-scan>Immunotherapy and chemotherapy.</div>"
        "<div data-glossary-scan>Palliative care helps with fatigue.</div>"
    )
    page, record = new_page()
    page.goto(url)
    wait_for_terms(page, 3 + 2 + 1)
    calls = [
        (m, urlsplit(u).path, parse_qs(urlsplit(u).query))
        for m, u in record.requests
        if u.startswith(service)
    ]
    assert sorted((m, p) for m, p, _ in calls) == [
        ("GET", "/api/v1/terms"),
        ("GET", "/widget.js"),
        ("GET", "/widget/matcher.js"),
        ("GET", "/widget/matcher/en.json"),
    ]
    assert [q for _, p, q in calls if p == "/api/v1/terms"] == [{"lang": ["en"]}]
    for trigger in page.locator(TRIGGERS).all():
        trigger.click()
        assert tip_state(page)["visible"]
        page.keyboard.press("Escape")
    assert len(record.requests) == len(calls) + 1  # and the page itself
    assert page.locator("#unknown").inner_html() == "unknown", "an unknown id stays plain text"


def test_server_mode_posts_the_text_in_batches(host, service, new_page):
    """data-glossary-mode="server": the page's text goes to annotate, one
    text/plain POST per 60 KB (no CORS preflight)."""
    url = host.page(
        '<p><span data-glossary="metastasis">metastasis</span></p>'
        "<div data-glossary-scan>Immunotherapy and chemotherapy.</div>"
        "<div data-glossary-scan>Palliative care helps with fatigue.</div>",
        script_attrs=' data-glossary-mode="server"',
    )
    page, record = new_page()
    page.goto(url)
    wait_for_terms(page, 1 + 2 + 2)
    calls = api_requests(record, service)
    assert sorted((m, p) for m, p, _ in calls) == [
        ("GET", "/api/v1/terms"),
        ("POST", "/api/v1/annotate"),
    ]
    assert all(q["lang"] == ["en"] for _, _, q in calls)
    assert not any("/widget/matcher" in u for _, u in record.requests)


def test_scanning_skips_links_buttons_fields_code_and_marked_terms(host, new_page):
    url = host.page(
        '<div id="one" data-glossary-scan>'
        '<p><a href="#x">chemotherapy</a> <button type="button">chemotherapy</button> '
        '<input value="chemotherapy" aria-label="a"> <textarea aria-label="b">chemotherapy'
        "</textarea> <select aria-label=c><option>chemotherapy</option></select> "
        "<code>chemotherapy</code> <pre>chemotherapy</pre> "
        '<script type="text/plain">chemotherapy</script>'
        '<span data-glossary="remission">remission</span></p>'
        "<p>Plain: chemotherapy, then chemotherapy again, and remission.</p></div>"
        '<div id="two" data-glossary-scan><p>Second box: chemotherapy.</p></div>'
    )
    page, record = new_page()
    page.goto(url)
    wait_for_terms(page, 3)
    page.wait_for_timeout(300)
    found = page.evaluate(
        """() => [...document.querySelectorAll('glossary-term, [data-glossary]')].map(h =>
            [h.closest('[data-glossary-scan]').id, h.textContent, h.parentElement.tagName,
             h.getAttribute('data-glossary')])"""
    )
    assert found == [
        ["one", "remission", "DIV", "remission"],  # the <pre> closed the <p>
        ["one", "chemotherapy", "P", None],
        ["two", "chemotherapy", "P", None],
    ]
    for selector in ["a", "button", "code", "pre", "script", "option"]:
        assert page.locator(f"#one {selector}").first.inner_html() == "chemotherapy"
    assert page.input_value("#one input") == "chemotherapy"
    assert page.input_value("#one textarea") == "chemotherapy"
    assert record.errors == []


def test_keyboard_only(host, service, new_page):
    url = host.page(
        '<p>We found <span data-glossary="metastasis">metastasis</span> and later '
        '<span data-glossary="remission">remission</span>.</p><p><a href="#end">Next</a></p>'
    )
    page, record = new_page()
    page.goto(url)
    wait_for_terms(page, 2)
    page.keyboard.press("Tab")
    assert focused(page) == "metastasis"
    outline = page.evaluate(
        "() => getComputedStyle(document.activeElement.shadowRoot.activeElement).outlineStyle"
    )
    assert outline not in ("", "none"), "keyboard focus must be visible"
    assert not tip_state(page)["visible"], "focus alone does not open a toggletip"

    page.keyboard.press("Enter")
    state = tip_state(page)
    assert state["visible"] and state["open"] == "metastasis"
    assert state["definition"] == short_definition(service, "metastasis")
    page.wait_for_function(
        """() => document.querySelector('glossary-live').shadowRoot.textContent
            .includes('metastasis')"""
    )
    assert state["definition"] in tip_state(page)["live"]

    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.shadowRoot.activeElement.closest('.tip')")
    assert focused(page) == "More"
    page.keyboard.press("Shift+Tab")
    assert focused(page) == "metastasis"
    assert tip_state(page)["visible"]

    page.keyboard.press("Escape")
    assert not tip_state(page)["visible"]
    assert focused(page) == "metastasis"
    assert page.locator(TRIGGERS).first.get_attribute("aria-expanded") == "false"

    page.keyboard.press(" ")
    assert tip_state(page)["visible"]
    page.keyboard.press("Tab")
    page.keyboard.press("Escape")
    assert not tip_state(page)["visible"]
    assert focused(page) == "metastasis", "Escape returns focus to the term"

    page.keyboard.press("Tab")
    assert focused(page) == "remission", "a closed tip is not in the tab order"
    page.keyboard.press("Enter")
    assert tip_state(page)["open"] == "remission"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert focused(page) == "Next"
    assert not tip_state(page)["visible"], "the tip closes when focus leaves it"
    assert record.errors == []


def test_mouse_hover_opens_click_pins_outside_click_closes(host, new_page):
    url = host.page(
        '<p style="margin:40px">Read about <span data-glossary="metastasis">metastasis</span>.'
        "</p><p>Somewhere else entirely.</p>",
        csp=None,
    )
    page, record = new_page()
    page.goto(url)
    wait_for_terms(page, 1)
    trigger = page.locator(TRIGGERS)

    trigger.hover()
    page.locator(TIP).wait_for(state="visible")
    page.hover(TIP)  # moving onto the tip keeps it open
    page.wait_for_timeout(500)
    assert tip_state(page)["visible"]
    page.mouse.move(900, 650)
    page.locator(TIP).wait_for(state="detached")

    trigger.click()
    page.mouse.move(900, 650)
    page.wait_for_timeout(500)
    assert tip_state(page)["visible"], "a clicked tip stays open"
    page.mouse.click(900, 650)
    assert not tip_state(page)["visible"], "a click outside closes it"

    trigger.click()
    assert tip_state(page)["visible"]
    trigger.click()
    assert not tip_state(page)["visible"], "a second click closes it"
    assert record.errors == []


def test_touch_tap_opens_and_tap_outside_closes(host, new_page):
    url = host.page(
        '<p>The biopsy showed <span data-glossary="metastasis">metastasis</span>.</p>'
        "<p>Other text far below.</p>"
    )
    page, record = new_page(viewport={"width": 390, "height": 740}, has_touch=True, is_mobile=True)
    page.goto(url)
    wait_for_terms(page, 1)
    page.tap(TRIGGERS)
    assert tip_state(page)["visible"]
    page.touchscreen.tap(200, 700)
    assert not tip_state(page)["visible"]
    assert record.errors == []


POSITIONS = {
    "top-left": "left:8px;top:8px",
    "right-edge": "right:4px;top:200px",
    "bottom-left": "left:20px;bottom:6px",
    "bottom-right": "right:2px;bottom:2px",
}


@pytest.mark.parametrize("where", POSITIONS)
@pytest.mark.parametrize("viewport", [(1000, 720), (360, 640)])
def test_tip_stays_in_viewport_and_never_covers_its_term(host, new_page, where, viewport):
    url = host.page(
        f'<p style="position:fixed;margin:0;{POSITIONS[where]}">'
        '<span data-glossary="stage-4-cancer">stage 4 cancer</span></p>',
        csp=None,
    )
    page, _ = new_page(viewport={"width": viewport[0], "height": viewport[1]})
    page.goto(url)
    wait_for_terms(page, 1)
    page.click(TRIGGERS)
    term = page.locator(TRIGGERS).bounding_box()
    tip = page.locator(TIP).bounding_box()
    width, height = viewport
    assert tip["x"] >= 0 and tip["y"] >= 0
    assert tip["x"] + tip["width"] <= width and tip["y"] + tip["height"] <= height
    overlap_x = min(term["x"] + term["width"], tip["x"] + tip["width"]) - max(term["x"], tip["x"])
    overlap_y = min(term["y"] + term["height"], tip["y"] + tip["height"]) - max(term["y"], tip["y"])
    assert overlap_x <= 0 or overlap_y <= 0, (term, tip)


def test_tip_is_not_clipped_by_an_overflow_hidden_container(host, new_page):
    url = host.page(
        '<div style="overflow:hidden;height:40px;width:200px;position:relative">'
        '<p><span data-glossary="metastasis">metastasis</span></p></div>',
        csp=None,
    )
    page, _ = new_page()
    page.goto(url)
    wait_for_terms(page, 1)
    page.click(TRIGGERS)
    tip = page.locator(TIP)
    # The point in the middle of the tip belongs to the tip: it is on top.
    box = tip.bounding_box()
    hit = page.evaluate(
        """([x, y]) => { const h = document.elementFromPoint(x, y);
            return h.shadowRoot?.elementFromPoint(x, y)?.closest('.tip') != null; }""",
        [box["x"] + box["width"] / 2, box["y"] + box["height"] - 4],
    )
    assert hit


@pytest.mark.parametrize(("motion", "animation"), [("reduce", "none"), ("no-preference", "")])
def test_respects_prefers_reduced_motion(host, new_page, motion, animation):
    url = host.page('<p><span data-glossary="metastasis">metastasis</span></p>')
    page, _ = new_page(reduced_motion=motion)
    page.goto(url)
    wait_for_terms(page, 1)
    page.click(TRIGGERS)
    name = page.locator(TIP).evaluate("t => getComputedStyle(t).animationName")
    if animation:
        assert name == animation
    else:
        assert name not in ("", "none")


def test_more_link_opens_the_term_page(host, service, new_page):
    url = host.page('<p><span data-glossary="metastasis">metastasis</span></p>')
    page, _ = new_page()
    page.goto(url)
    wait_for_terms(page, 1)
    page.click(TRIGGERS)
    page.click(f"{TIP} a")
    page.wait_for_url(f"{service}/terms/metastasis?lang=en")
    assert page.locator("h1").text_content() == "metastasis"


def test_content_added_later_is_marked_on_its_own(host, new_page):
    url = host.page('<div id="app"></div><p><span data-glossary="remission">remission</span></p>')
    page, record = new_page()
    page.goto(url)
    wait_for_terms(page, 1)
    page.evaluate(
        """() => {
        const div = document.createElement('div');
        div.setAttribute('data-glossary-scan', '');
        div.textContent = 'New results mention chemotherapy.';
        document.getElementById('app').append(div);
    }"""
    )
    wait_for_terms(page, 2)
    assert marked(page) == ["chemotherapy", "remission"]
    assert len([r for r in api_requests(record, host.glossary) if r[1].endswith("/terms")]) == 1


# -- languages ------------------------------------------------------------------


def test_page_language_comes_from_html_lang_and_data_lang_wins(host, service, new_page):
    page, record = new_page()
    page.goto(host.page('<p><span data-glossary="metastasis">x</span></p>', lang="es"))
    wait_for_terms(page, 1)
    page.goto(
        host.page(
            "<div data-glossary-scan>chemotherapy</div>", lang="es", script_attrs=' data-lang="en"'
        )
    )
    wait_for_terms(page, 1)
    langs = [(p.rsplit("/", 1)[1], q["lang"]) for _, p, q in api_requests(record, service)]
    assert langs == [("terms", ["es"]), ("terms", ["en"])]
    assert [u.rsplit("/", 1)[1] for _, u in record.requests if "/widget/matcher/" in u] == [
        "es.json",
        "en.json",
    ]


@pytest.mark.parametrize(("lang", "direction"), [("es", "ltr"), ("ar", "rtl")])
def test_spanish_and_arabic_pages_get_their_definitions(
    host, service, new_page, need_locale, lang, direction
):
    need_locale(lang)
    chemo = get_json(f"{service}/api/v1/terms/chemotherapy?lang={lang}")
    assert chemo["locale"] == lang
    url = host.page(
        f'<p><span data-glossary="metastasis">metastasis</span></p>'
        f"<div data-glossary-scan><p>{chemo['term']}</p></div>",
        lang=lang,
        direction=direction,
    )
    page, record = new_page()
    page.goto(url)
    wait_for_terms(page, 2)
    for i, term_id in enumerate(["metastasis", "chemotherapy"]):
        page.locator(TRIGGERS).nth(i).click()
        state = tip_state(page)
        assert state["definition"] == short_definition(service, term_id, lang)
        assert (state["lang"], state["dir"]) == (lang, direction)
        assert state["more"] == f"{service}/terms/{term_id}?lang={lang}"
        page.keyboard.press("Escape")
    assert record.errors == []


def test_arabic_tip_is_laid_out_right_to_left(host, service, new_page, need_locale):
    need_locale("ar")
    url = host.page(
        '<p style="margin:60px 200px">نص <span data-glossary="metastasis">metastasis</span></p>',
        lang="ar",
        direction="rtl",
        csp=None,
    )
    page, _ = new_page()
    page.goto(url)
    wait_for_terms(page, 1)
    page.click(TRIGGERS)
    tip = page.locator(TIP)
    assert tip.evaluate("t => getComputedStyle(t).direction") == "rtl"
    assert tip.evaluate("t => getComputedStyle(t).textAlign") in ("start", "right")
    term_box = page.locator(TRIGGERS).bounding_box()
    tip_box = tip.bounding_box()
    # Aligned to the term's start edge, which is its right edge in RTL.
    assert abs((tip_box["x"] + tip_box["width"]) - (term_box["x"] + term_box["width"])) <= 1


def test_the_tag_twice_marks_terms_once(host, service, new_page):
    url = host.page(
        '<p><span data-glossary="metastasis">metastasis</span></p>'
        "<div data-glossary-scan>Chemotherapy.</div>",
        head=f'<script src="{service}/widget.js" defer></script>',
    )
    page, record = new_page()
    page.goto(url)
    wait_for_terms(page, 2)
    page.wait_for_timeout(300)
    assert page.locator(TRIGGERS).count() == 2
    assert marked(page) == ["metastasis", "Chemotherapy"]
    page.locator(TRIGGERS).first.click()
    assert page.locator("glossary-live").count() == 1
    assert record.errors == []


def test_a_text_node_larger_than_a_request_is_annotated_in_pieces(host, new_page):
    """One text node of about 150 KB (more than the API's 64 KiB): cut into
    pieces at white space, every request accepted, terms at both ends linked."""
    filler = "The weather was mild and the garden was green. " * 3200
    url = host.page(
        f"<div data-glossary-scan><p>Chemotherapy starts Monday. {filler}"
        "The biopsy was clear.</p></div>",
        script_attrs=' data-glossary-mode="server"',
    )
    page, record = new_page()
    statuses = []
    page.on("response", lambda r: statuses.append(r.status) if "annotate" in r.url else None)
    page.goto(url)
    wait_for_terms(page, 2)
    assert marked(page) == ["Chemotherapy", "biopsy"]
    assert statuses and all(s == 200 for s in statuses)
    assert len(statuses) >= 3  # the node went out in pieces
    assert page.locator("[data-glossary-scan] p").text_content().endswith("The biopsy was clear.")
    assert not record.errors
