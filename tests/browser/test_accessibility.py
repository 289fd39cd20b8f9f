"""axe-core (npm, package.json) on the glossary's pages, in English and Arabic:
no serious or critical violations, also with a widget tooltip open."""

from __future__ import annotations

import pytest

from tests.support.browser import AXE
from tests.support.widget import wait_for_terms

PAGES = ["/", "/terms/metastasis", "/demo", "/demo/ehr"]


def axe_violations(page) -> list[dict]:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci` at the repository root")
    page.add_script_tag(path=str(AXE))
    results = page.evaluate(
        """async () => {
        const r = await axe.run(document, {resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
    }"""
    )
    return [v for v in results if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("path", PAGES)
def test_no_serious_or_critical_violations(service, new_page, need_locale, path, lang):
    need_locale(lang)
    # axe is injected as a script: let it past our own strict CSP.
    page, record = new_page(bypass_csp=True)
    page.goto(f"{service}{path}?lang={lang}")
    assert page.get_attribute("html", "lang") == lang
    if path == "/demo":
        wait_for_terms(page, 3)
    assert axe_violations(page) == []
    assert record.errors == []


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_demo_with_an_open_tooltip(service, new_page, need_locale, lang):
    need_locale(lang)
    page, _ = new_page(bypass_csp=True)
    page.goto(f"{service}/demo?lang={lang}")
    page.locator('[data-glossary="metastasis"] [part=term]').click()
    assert page.locator(".tip").is_visible()
    assert axe_violations(page) == []
