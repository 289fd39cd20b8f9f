"""The widget is safe to embed: API text is never HTML, and it works under a
host page's strict Content-Security-Policy (no 'unsafe-inline', Trusted Types)."""

from __future__ import annotations

import pytest

from glossary_service import create_app
from tests.support.browser import HostSite
from tests.support.fixture_catalogs import LOCALE, XSS, xss_translations
from tests.support.live_server import serve
from tests.support.widget import TIP, TRIGGERS, wait_for_terms

# Every CSP violation the page reports, recorded before any page script runs.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', e =>
    window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


@pytest.fixture(scope="module")
def xss_service(tmp_path_factory):
    translations = xss_translations(tmp_path_factory.mktemp("xss-translations"))
    app = create_app({"TESTING": True, "GLOSSARY_TRANSLATIONS_DIR": translations})
    with serve(app) as origin:
        yield origin


@pytest.fixture(scope="module")
def xss_host(xss_service):
    site = HostSite(glossary=xss_service)
    with serve(site) as origin:
        site.origin = origin
        yield site


@pytest.mark.parametrize("csp", [None, "strict"], ids=["no-csp", "strict-csp"])
def test_markup_in_api_text_is_shown_as_text_and_never_runs(xss_host, new_page, csp):
    # Without a CSP nothing would stop an inserted onerror handler: the widget
    # itself must never insert the text as HTML.
    url = xss_host.page(
        '<p>Seen: <span data-glossary="metastasis">metastasis</span></p>'
        "<div data-glossary-scan><p>More metastasis here.</p></div>",
        lang=LOCALE,
        csp=csp,
    )
    page, record = new_page()
    page.goto(url)
    wait_for_terms(page, 2)
    for i in range(2):
        page.locator(TRIGGERS).nth(i).click()
        shown = page.locator(f"{TIP} > span").text_content()
        assert shown == XSS
        page.wait_for_function(
            "() => document.querySelector('glossary-live').shadowRoot.textContent"
            ".includes('onerror')"
        )
        page.keyboard.press("Escape")
    page.wait_for_timeout(300)
    assert page.evaluate("() => document.querySelectorAll('img, b, script:not([src])').length") == 0
    assert page.locator(f"{TIP} img, {TIP} b").count() == 0
    assert page.evaluate("() => window.__xss") is None
    assert record.dialogs == []
    assert record.errors == []


def test_works_under_a_strict_csp_without_violations(host, new_page):
    url = host.page(
        '<p>The scan showed <span data-glossary="metastasis">metastasis</span>.</p>'
        "<div data-glossary-scan>Chemotherapy starts soon.</div>"
    )
    assert "unsafe-inline" not in host.strict_csp()
    page, record = new_page()
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(url)
    wait_for_terms(page, 2)
    page.locator(TRIGGERS).first.click()
    style = page.locator(TIP).evaluate(
        "t => { const s = getComputedStyle(t); "
        "return [s.position, s.backgroundColor, s.borderTopStyle]; }"
    )
    # The widget's own stylesheet applies, although the host allows no style from it.
    assert style == ["fixed", "rgb(255, 255, 255)", "solid"]
    assert page.evaluate("() => window.__violations") == []
    assert record.errors == [] and record.console_errors == []


def test_falls_back_to_a_stylesheet_link_without_constructable_stylesheets(host, new_page):
    """Older browsers: a <link> to /widget.css (a host CSP then needs style-src for it)."""
    url = host.page('<p><span data-glossary="metastasis">metastasis</span></p>', csp=None)
    page, record = new_page()
    page.add_init_script(
        "delete Document.prototype.adoptedStyleSheets; "
        "delete ShadowRoot.prototype.adoptedStyleSheets;"
    )
    page.goto(url)
    wait_for_terms(page, 1)
    link = page.locator("[data-glossary] link[rel=stylesheet]").get_attribute("href")
    assert link == f"{host.glossary}/widget.css"
    page.click(TRIGGERS)
    page.wait_for_function(
        """() => { const h = document.querySelector('[data-glossary]');
        const t = h.shadowRoot.querySelector('.tip');
        return getComputedStyle(t).position === 'fixed'; }"""
    )
    assert record.errors == []


def test_the_tag_needs_no_iframe_and_no_document_write(host, new_page):
    url = host.page(
        '<p><span data-glossary="metastasis">metastasis</span></p>'
        "<div data-glossary-scan>Chemotherapy.</div>"
    )
    page, _ = new_page()
    page.add_init_script(
        "window.__writes = 0; document.write = document.writeln = () => window.__writes++;"
    )
    page.goto(url)
    wait_for_terms(page, 2)
    page.locator(TRIGGERS).first.click()
    assert page.evaluate("() => document.querySelectorAll('iframe').length") == 0
    assert page.evaluate("() => window.__writes") == 0


def test_demo_runs_under_the_glossary_pages_own_csp(service, new_page):
    """Our pages require Trusted Types: any string-to-HTML sink would throw."""
    page, record = new_page()
    page.add_init_script(RECORD_VIOLATIONS)
    response = page.goto(f"{service}/demo")
    assert "require-trusted-types-for 'script'" in response.headers["content-security-policy"]
    wait_for_terms(page, 6)
    page.locator(f'[data-glossary="metastasis"] {TRIGGERS}').click()
    assert page.locator(TIP).is_visible()
    assert page.evaluate("() => window.__violations") == []
    assert record.errors == [] and record.console_errors == []
