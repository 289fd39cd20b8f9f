"""What a portal controls: density (data-glossary-max, once per page),
subtrees to skip, categories, the language at run time, where "More" goes,
a warning for an unknown id; the ES module bundled into an app; the pinned,
SRI-checked script tag from /widget/release.json."""

from __future__ import annotations

import urllib.request

from tests.support.browser import get_json
from tests.support.bundle import bundle
from tests.support.widget import TIP, TRIGGERS, marked, tip_state, wait_for_terms

TEXT = "The biopsy showed a tumor. Chemotherapy, then immunotherapy. Fatigue is common."


def settle(page) -> None:
    page.wait_for_timeout(400)


def test_max_per_container_and_skipped_subtrees(host, new_page):
    url = host.page(
        f'<div id="a" data-glossary-scan data-glossary-max="2"><p>{TEXT}</p></div>'
        f'<div id="b" data-glossary-scan><p>{TEXT}</p><aside data-glossary-skip><p>{TEXT}</p>'
        '<span data-glossary="metastasis">metastasis</span></aside></div>'
    )
    page, _ = new_page()
    page.goto(url)
    wait_for_terms(page, 2 + 5)
    settle(page)
    assert page.locator("#a glossary-term").all_text_contents() == ["biopsy", "tumor"]
    assert page.locator("#b glossary-term").count() == 5
    assert page.locator("aside glossary-term").count() == 0
    assert page.locator("aside [part=term]").count() == 0, "a marked element there stays plain too"


def test_once_per_page(host, new_page):
    url = host.page(
        f"<div data-glossary-scan><p>{TEXT}</p></div><div data-glossary-scan><p>{TEXT} "
        "Palliative care too.</p></div>",
        script_attrs=' data-glossary-once="page"',
    )
    page, _ = new_page()
    page.goto(url)
    wait_for_terms(page, 6)
    settle(page)
    assert marked(page) == [
        "biopsy",
        "tumor",
        "Chemotherapy",
        "immunotherapy",
        "Fatigue",
        "Palliative care",
    ]


def test_category_filter_on_the_tag_and_per_container(host, new_page):
    url = host.page(
        f'<div id="a" data-glossary-scan><p>{TEXT}</p></div>'
        f'<div id="b" data-glossary-scan data-glossary-categories="symptoms"><p>{TEXT}</p></div>',
        script_attrs=' data-glossary-categories="treatment tests"',
    )
    page, _ = new_page()
    page.goto(url)
    wait_for_terms(page, 3)
    settle(page)
    assert page.locator("#a glossary-term").all_text_contents() == ["biopsy", "Chemotherapy"]
    assert page.locator("#b glossary-term").all_text_contents() == ["Fatigue"]


def test_set_language_at_run_time(host, service, new_page, need_locale):
    need_locale("es")
    quimio = get_json(f"{service}/api/v1/terms/chemotherapy?lang=es")
    url = host.page(
        '<p><span data-glossary="metastasis">metastasis</span></p>'
        '<div id="box" data-glossary-scan><p>Chemotherapy on Monday.</p></div>'
    )
    page, record = new_page()
    page.goto(url)
    wait_for_terms(page, 2)
    page.locator(TRIGGERS).first.click()
    assert tip_state(page)["lang"] == "en"
    # The portal switches its language and renders its text in Spanish.
    page.evaluate(
        """t => { document.querySelector('#box p').textContent = t + ' el lunes.';
        window.glossaryWidget.setLanguage('es'); }""",
        quimio["term"].capitalize(),
    )
    page.wait_for_function("() => document.querySelector('#box glossary-term')")
    wait_for_terms(page, 2)
    page.locator("#box [part=term]").click()
    state = tip_state(page)
    assert (state["lang"], state["definition"]) == ("es", quimio["short_definition"])
    assert state["more"].endswith("/terms/chemotherapy?lang=es")
    assert record.errors == []


def test_more_link_targets(host, service, new_page):
    body = '<p><span data-glossary="metastasis">metastasis</span></p>'
    cases = {
        "": (f"{service}/terms/metastasis?lang=en", ""),
        "tab": (f"{service}/terms/metastasis?lang=en", "_blank"),
        "/glossary/{id}?lang={lang}": (f"{host.origin}/glossary/metastasis?lang=en", ""),
        "https://portal.example/g?term={id}": ("https://portal.example/g?term=metastasis", ""),
        # Only http(s): anything else falls back to the glossary's own page.
        "javascript:alert(1)//{id}": (f"{service}/terms/metastasis?lang=en", ""),
    }
    for more, (href, target) in cases.items():
        attrs = f' data-glossary-more="{more}"' if more else ""
        page, record = new_page()
        page.goto(host.page(body, script_attrs=attrs))
        wait_for_terms(page, 1)
        page.click(TRIGGERS)
        state = tip_state(page)
        assert (state["more"], state["target"]) == (href, target), more
        if target:
            assert page.locator(f"{TIP} a").get_attribute("rel") == "noopener"
        assert record.dialogs == []


def test_unknown_id_warns_naming_where_ids_are(host, service, new_page):
    page, _ = new_page()
    warnings = []
    page.on("console", lambda m: warnings.append(m.text) if m.type == "warning" else None)
    page.goto(
        host.page(
            '<p><span data-glossary="metastasis">metastasis</span> and '
            '<span id="x" data-glossary="metastasys">metastasys</span></p>'
        )
    )
    wait_for_terms(page, 1)
    page.wait_for_function("() => true")
    assert len(warnings) == 1
    assert '"metastasys"' in warnings[0]
    assert f"{service}/api/v1/terms?lang=en" in warnings[0]
    assert page.locator("#x").inner_html() == "metastasys"


def test_es_module_bundled_into_an_app(host, service, new_page, need_locale, tmp_path):
    need_locale("es")
    with urllib.request.urlopen(f"{service}/widget.mjs") as r:
        module = r.read().decode()
    app = f"""
    import {{ init }} from "./glossary-widget.mjs";
    document.getElementById("box").textContent = "La quimioterapia empieza el lunes.";
    window.api = init({{ host: {service!r}, lang: "es" }});
    """
    code = bundle(tmp_path, {"glossary-widget.mjs": module, "app.js": app}, "app.js")
    assert "document.currentScript" not in code
    src = host.file("/bundled.js", code)
    csp = f"default-src 'none'; script-src 'self' {service}; connect-src {service}"
    page, record = new_page()
    page.goto(
        host.page(
            f'<div id="box" data-glossary-scan></div><script src="{src}" defer></script>',
            csp=csp,
            widget=False,
        )
    )
    wait_for_terms(page, 1)
    page.click(TRIGGERS)
    assert tip_state(page)["lang"] == "es"
    assert page.evaluate("() => window.api === window.glossaryWidget")
    assert record.errors == []


def test_pinned_tag_with_sri_from_release_json(host, service, new_page):
    release = get_json(f"{service}/widget/release.json")
    assert release["html"].startswith(f'<script src="{release["script"]["url"]}"')
    src = service + release["script"]["url"]
    integrity = release["script"]["integrity"]
    tag = f'<script src="{src}" integrity="{integrity}" crossorigin="anonymous" defer></script>'
    body = "<div data-glossary-scan>Chemotherapy starts soon.</div>"
    page, record = new_page()
    page.goto(host.page(body, head=tag, widget=False))
    wait_for_terms(page, 1)
    # A file that is not what was pinned does not run.
    wrong = release["script"]["integrity"][:-8] + "AAAAAAA="
    page2, _ = new_page()
    page2.goto(
        host.page(body, head=tag.replace(release["script"]["integrity"], wrong), widget=False)
    )
    page2.wait_for_load_state("load")
    page2.wait_for_timeout(300)
    assert page2.evaluate("() => window.glossaryWidget") is None
    assert record.errors == []
