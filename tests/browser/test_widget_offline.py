"""When the glossary is down, slow or failing, the host page stays usable: the
terms stay plain text and nothing is thrown at the page."""

from __future__ import annotations

import pytest
from werkzeug.wrappers import Response

from tests.support.live_server import serve

BODY = (
    '<p id="marked">The scan showed <span data-glossary="metastasis">metastasis</span>.</p>'
    '<div data-glossary-scan><p id="scanned">Chemotherapy starts soon.</p></div>'
    '<p><a id="link" href="#done">Next page</a></p>'
)
# Chromium's own network log (failed loads; an error page without CORS
# headers): messages from the browser, not errors thrown at the page.
NETWORK_LOG = ("Failed to load resource", "net::ERR_", "Access to fetch at")


def assert_page_untouched(page, record) -> None:
    assert page.locator("[part=term]").count() == 0
    assert page.locator("#marked").text_content() == "The scan showed metastasis."
    assert page.locator("#scanned").text_content() == "Chemotherapy starts soon."
    page.click("#link")
    assert page.url.endswith("#done")
    assert record.errors == []
    assert [m for m in record.console_errors if not m.startswith(NETWORK_LOG)] == []


def test_service_stopped(app, host, new_page):
    with serve(app) as origin:
        pass  # started and stopped: nothing listens there any more
    page, record = new_page()
    page.goto(host.page(BODY, glossary=origin, csp=None))
    page.wait_for_load_state("load")
    assert_page_untouched(page, record)


def _failing(app, status: int):
    def wsgi(environ, start_response):
        if environ["PATH_INFO"].startswith("/api/"):
            return Response("down for maintenance", status=status)(environ, start_response)
        return served(environ, start_response)

    served = app
    return wsgi


@pytest.mark.parametrize("status", [500, 503])
def test_api_failing(app, host, new_page, status):
    with serve(_failing(app, status)) as origin:
        page, record = new_page()
        page.goto(host.page(BODY, glossary=origin, csp=None))
        page.wait_for_function("() => window.glossaryWidget !== undefined")
        page.wait_for_timeout(500)
        assert_page_untouched(page, record)


def test_api_unreachable_after_the_script_loaded(host, service, new_page):
    page, record = new_page()
    page.route(f"{service}/api/**", lambda route: route.abort("connectionrefused"))
    page.goto(host.page(BODY))
    page.wait_for_function("() => window.glossaryWidget !== undefined")
    page.wait_for_timeout(500)
    assert_page_untouched(page, record)


def test_api_hanging(host, service, new_page):
    page, record = new_page()
    pending = []
    page.route(f"{service}/api/**", lambda route: pending.append(route))  # never answered
    page.goto(host.page(BODY))
    page.wait_for_function("() => window.glossaryWidget !== undefined")
    # The page is usable at once, while the widget still waits.
    assert_page_untouched(page, record)
    assert pending


@pytest.mark.parametrize("part", ["/widget/matcher.js", "/widget/matcher/**"])
def test_matcher_unreachable(host, service, new_page, part):
    """Without its matcher the widget marks nothing (it never falls back to
    sending the text to the service)."""
    page, record = new_page()
    page.route(f"{service}{part}", lambda route: route.abort("connectionrefused"))
    page.goto(host.page(BODY))
    page.wait_for_function("() => window.glossaryWidget !== undefined")
    page.wait_for_timeout(500)
    assert_page_untouched(page, record)
    assert not any(m == "POST" for m, _ in record.requests)
