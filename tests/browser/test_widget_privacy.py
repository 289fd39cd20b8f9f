"""What leaves the browser. By default nothing of the page's text: the
widget GETs its script, the matcher, the locale's matcher data and the
locale's terms, none of which carries page text. Only the opt-in server mode
posts the text, to annotate."""

from __future__ import annotations

import pytest

from tests.support.widget import wait_for_terms

MARKER = "Zq7Xv-Patient-Wenceslas-Oyelaran-1947"
BODY = (
    f"<div data-glossary-scan><p>{MARKER}, 78, seen today. The biopsy showed metastasis; "
    "chemotherapy starts Monday.</p></div>"
)


def sent(requests) -> str:
    return "\n".join(f"{r.method} {r.url}\n{r.post_data or ''}" for r in requests)


@pytest.mark.parametrize(("mode", "leaves"), [("", False), ("server", True)])
def test_page_text_leaves_the_browser_only_in_server_mode(host, new_page, mode, leaves):
    page, _ = new_page()
    requests = []
    page.on("request", lambda r: requests.append(r))
    attrs = f' data-glossary-mode="{mode}"' if mode else ""
    page.goto(host.page(BODY, script_attrs=attrs))
    wait_for_terms(page, 3)
    everything = sent(requests)
    assert (MARKER in everything) is leaves
    methods = {
        (r.method, r.url.split("?")[0].rsplit("/", 2)[-1])
        for r in requests
        if r.url.startswith(host.glossary)
    }
    if not leaves:
        assert all(m == "GET" for m, _ in methods)
        assert all(r.post_data is None for r in requests)
    else:
        assert ("POST", "annotate") in methods
