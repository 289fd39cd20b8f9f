"""The widget under a host page's CSS: hostile rules never change how terms
look or how the page is laid out, the tooltip keeps its own look, and its text
follows the reader's size. Computed styles are asserted; screenshots of the
hostile, large-text and dark pages are written to build/screenshots/ (the ones
looked at for the README are in docs/widget/)."""

from __future__ import annotations

import pytest

from tests.support.browser import SCREENSHOTS
from tests.support.widget import TIP, TRIGGERS, wait_for_terms

CARD = (
    '<div class="card" id="card" data-glossary-scan><h2>Visit summary</h2>'
    '<p id="para">The biopsy showed a tumor. '
    "We start chemotherapy on Monday, then immunotherapy. Fatigue is common; palliative care "
    "helps. Your lymph node was clear.</p></div>"
    '<p>Problem list: <span data-glossary="metastasis">metastasis</span>.</p>'
)
HOSTILE = {
    "buttons": "button { min-height: 44px; padding: 10px 16px; border-radius: 22px; "
    "background: #0b5cad; color: #fff; font: 700 20px serif; }",
    "card-buttons": ".card button, .card span { text-transform: uppercase; "
    "box-shadow: 0 2px 6px #000; letter-spacing: 3px; } "
    ".card button:hover { background: #003f7d; }",
    "p-span": "p span { color: #b00020 !important; display: block; padding: 12px; } "
    "div { color: #b00020; }",
    "all-revert": "* { all: revert; }",
    "all-unset": "* { all: unset; display: revert; }",
    "universal-box": "* { box-sizing: border-box; margin: 0; padding: 4px; border: 1px solid red; "
    "min-height: 30px; display: inline-block; }",
}
BASE = "body { font: 16px/1.5 sans-serif; margin: 20px; max-width: 560px; }"


def style_page(host, css: str, *, widget: bool = True, lang: str = "en") -> str:
    return host.page(CARD, head=f"<style>{BASE} {css}</style>", csp=None, widget=widget, lang=lang)


def layout(page) -> dict:
    return page.evaluate(
        """() => ({card: document.getElementById('card').getBoundingClientRect().height,
                   para: document.getElementById('para').getBoundingClientRect().height})"""
    )


TERM_STYLE = """h => {
  const t = h.shadowRoot.querySelector('[part=term]');
  const hs = getComputedStyle(h), ts = getComputedStyle(t);
  const around = getComputedStyle(h.parentElement);
  return {
    host: [hs.display, hs.paddingTop, hs.minHeight, hs.borderTopWidth, hs.borderTopLeftRadius,
           hs.boxShadow, hs.backgroundColor, hs.marginTop],
    trigger: [ts.display, ts.paddingTop, ts.minHeight, ts.borderTopWidth, ts.boxShadow,
              ts.textDecorationLine, ts.textDecorationStyle],
    same: [ts.color === around.color, ts.fontSize === around.fontSize,
           ts.textTransform === around.textTransform, ts.fontFamily === around.fontFamily],
  };
}"""


@pytest.mark.parametrize("rules", HOSTILE)
def test_hostile_host_css_changes_neither_terms_nor_layout(host, new_page, rules):
    page, record = new_page(viewport={"width": 640, "height": 480})
    page.goto(style_page(host, HOSTILE[rules], widget=False))
    unmarked = layout(page)
    page.goto(style_page(host, HOSTILE[rules]))
    wait_for_terms(page, 7)
    # Marking terms never moves the page: same heights as without the widget.
    assert layout(page) == unmarked
    for h in page.locator("glossary-term, [data-glossary]").all():
        style = h.evaluate(TERM_STYLE)
        assert style["host"] == [
            "inline",
            "0px",
            "0px",
            "0px",
            "0px",
            "none",
            "rgba(0, 0, 0, 0)",
            "0px",
        ]
        assert style["trigger"] == ["inline", "0px", "0px", "0px", "none", "underline", "dotted"]
        if h.evaluate("h => h.localName") == "glossary-term":
            assert style["same"] == [True, True, True, True], (
                "a term looks like the words around it"
            )
    page.locator("#para [part=term]").first.click()
    tip = page.locator(TIP).evaluate(
        """t => { const s = getComputedStyle(t), d = getComputedStyle(t.querySelector('span'));
        return [s.position, s.backgroundColor, s.color, d.color, d.textTransform, d.display,
                s.letterSpacing, t.querySelector('a').textContent]; }"""
    )
    assert tip == [
        "fixed",
        "rgb(255, 255, 255)",
        "rgb(31, 41, 55)",
        "rgb(31, 41, 55)",
        "none",
        "block",
        "normal",
        "More",
    ]
    if rules in ("buttons", "p-span"):
        page.wait_for_timeout(200)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"widget-hostile-{rules}.png"))
    assert record.errors == []


@pytest.mark.parametrize(
    ("root", "body", "expected"), [("62.5%", "1.6rem", 15.2), ("150%", "1.5rem", 34.2)]
)
def test_tip_text_follows_the_readers_size(host, new_page, root, body, expected):
    """62.5% roots (rem = 10 px) with 16 px text, and large text (150%): the
    tip is sized from the term's own text, never squeezed by the root size."""
    page, _ = new_page(viewport={"width": 1000, "height": 720})
    page.goto(
        style_page(
            host, f"html {{ font-size: {root}; }} body {{ font-size: {body}; max-width: none }}"
        )
    )
    wait_for_terms(page, 7)
    page.locator("#para [part=term]").nth(2).click()  # chemotherapy: a long definition
    size, width = page.locator(TIP).evaluate(
        "t => [parseFloat(getComputedStyle(t).fontSize), t.getBoundingClientRect().width]"
    )
    assert size == pytest.approx(expected, abs=0.1)
    # About 24 of its own ems wide (not 22 root ems: 220 px at 62.5%).
    assert width >= 18 * size
    page.wait_for_timeout(200)  # the fade-in
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"widget-root-{root.rstrip('%')}.png"))


def test_dark_theme(host, new_page):
    page, _ = new_page(viewport={"width": 640, "height": 360}, color_scheme="dark")
    page.goto(
        style_page(
            host,
            "body { background: #111827; color: #e5e7eb; } "
            ".card { background: #1f2937; padding: 8px 16px; }",
        )
    )
    wait_for_terms(page, 7)
    h = page.locator("#para glossary-term").first
    line = h.evaluate(
        "h => getComputedStyle(h.shadowRoot.querySelector('[part=term]')).textDecorationColor"
    )
    assert line == "rgb(229, 231, 235)", "the underline is the text's own colour"
    page.locator("#para [part=term]").first.focus()
    outline = page.evaluate(
        "() => getComputedStyle(document.activeElement.shadowRoot.activeElement).outlineColor"
    )
    assert outline == "rgb(229, 231, 235)", "focus ring visible on dark"
    page.keyboard.press("Enter")
    colours = page.locator(TIP).evaluate(
        "t => [getComputedStyle(t).backgroundColor, getComputedStyle(t).color]"
    )
    assert colours == ["rgb(255, 255, 255)", "rgb(31, 41, 55)"]
    page.wait_for_timeout(200)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "widget-dark.png"))


def test_long_multi_word_terms_wrap_with_the_line(host, new_page):
    url = host.page(
        '<p style="width:150px;font:16px/1.5 sans-serif">Result: '
        '<span data-glossary="msi-high">microsatellite instability-high</span> and '
        '<span data-glossary="non-small-cell-lung-cancer">non-small cell lung cancer</span>.</p>',
        csp=None,
    )
    page, _ = new_page()
    page.goto(url)
    wait_for_terms(page, 2)
    for i in range(2):
        trigger = page.locator(TRIGGERS).nth(i)
        lines, right, limit = trigger.evaluate(
            """t => { const rects = t.getClientRects();
            return [rects.length, Math.max(...[...rects].map(r => r.right)),
                    t.getRootNode().host.closest('p').getBoundingClientRect().right]; }"""
        )
        assert lines >= 2 and right <= limit + 0.5
        trigger.click()
        box = page.locator(TIP).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 1000
        page.keyboard.press("Escape")
