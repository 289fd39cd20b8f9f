"""The HTML pages (/, /terms/<id>, /demo): language, security, search without
JavaScript, and what a reader sees on them."""

from __future__ import annotations

import re

import pytest

from glossary_service import create_app
from glossary_service.web.pages import DEMO_LANGUAGES
from tests.support.fixture_catalogs import LOCALE, XSS, xss_translations

PAGES = ["/", "/terms/metastasis", "/demo", "/demo/ehr"]


def html(response) -> str:
    assert response.mimetype == "text/html"
    return response.get_data(as_text=True)


def root_attrs(page: str) -> tuple[str, str]:
    match = re.search(r'<html lang="([^"]+)" dir="(ltr|rtl)">', page)
    assert match, "the root element says its language and direction"
    return match.group(1), match.group(2)


@pytest.fixture(scope="module")
def eo_client(tmp_path_factory):
    """An app with the test-only ``eo`` catalog (markup in a tooltip, UI strings)."""
    translations = xss_translations(tmp_path_factory.mktemp("eo-translations"))
    return create_app({"TESTING": True, "GLOSSARY_TRANSLATIONS_DIR": translations}).test_client()


# -- language ---------------------------------------------------------------------


@pytest.mark.parametrize("path", PAGES)
def test_pages_say_their_language_and_direction(client, glossary, path):
    # Every served locale (public codes: the fil catalog is served as tl).
    for code, info in glossary.locales.items():
        r = client.get(f"{path}?lang={code}")
        assert r.status_code == 200, code
        assert root_attrs(html(r)) == (code, info.direction)
        assert r.headers["Content-Language"] == code
        assert "Accept-Language" in r.headers["Vary"]


def test_arabic_pages_are_right_to_left(client, glossary):
    assert "ar" in glossary.locales
    for path in PAGES:
        assert root_attrs(html(client.get(f"{path}?lang=ar"))) == ("ar", "rtl")


def test_language_is_negotiated_like_the_api(client):
    assert (
        root_attrs(html(client.get("/", headers={"Accept-Language": "es-MX,en;q=0.5"})))[0] == "es"
    )
    assert root_attrs(html(client.get("/?lang=es-MX")))[0] == "es"
    # Well-formed but not served: English.
    assert root_attrs(html(client.get("/?lang=tlh")))[0] == "en"


def test_malformed_lang_is_a_400_not_a_500(client):
    r = client.get("/?lang=!!")
    assert r.status_code == 400


def test_language_switcher_links_every_served_locale_to_the_same_page(client, glossary):
    page = html(client.get("/terms/metastasis?lang=en"))
    nav = re.search(r'<nav class="languages".*?</nav>', page, re.S).group(0)
    links = re.findall(r'<a href="([^"]+)" lang="([^"]+)" hreflang="([^"]+)"', nav)
    assert [(lang, hreflang) for _, lang, hreflang in links] == [(c, c) for c in glossary.locales]
    assert all(href == f"/terms/metastasis?lang={lang}" for href, lang, _ in links)
    assert nav.count('aria-current="true"') == 1
    # The search a reader made carries over to the other language.
    assert 'href="/?q=chemo&amp;lang=es"' in html(client.get("/?q=chemo&lang=en"))


def test_ui_strings_are_translated_with_gettext(eo_client):
    assert "Serĉu en la glosaro" in html(eo_client.get(f"/?lang={LOCALE}"))
    assert "Search the glossary" in html(eo_client.get("/?lang=en"))


# -- security -------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", [*PAGES, "/?q=metastasis", "/?lang=es", "/terms/no-such-term", "/demo?lang=es"]
)
def test_strict_security_headers(client, path):
    r = client.get(path)
    csp = r.headers["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["base-uri"] == "'none'"
    assert "require-trusted-types-for" in directives
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert r.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert r.headers["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("path", [*PAGES, "/?q=met"])
def test_no_inline_script_style_or_handlers(client, path):
    page = html(client.get(path))
    assert not re.search(r"<script(?![^>]*\ssrc=)", page)
    assert "<style" not in page
    assert not re.search(r"\sstyle=", page)
    assert not re.search(r"\son[a-z]+=", page)


def test_markup_from_a_catalog_is_escaped(eo_client):
    page = html(eo_client.get(f"/terms/metastasis?lang={LOCALE}"))
    assert "&lt;img src=x onerror=" in page
    assert "<img" not in page and "<script>window" not in page
    index = html(eo_client.get(f"/?lang={LOCALE}"))
    assert "&lt;img src=x onerror=" in index and "<img" not in index
    assert XSS.replace("<", "&lt;").split("&lt;")[0] in page


def test_search_text_is_escaped(client):
    page = html(client.get("/?q=%3Cscript%3Ealert(1)%3C/script%3E"))
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(1)" in page


# -- the A-Z and search ---------------------------------------------------------------


def test_index_lists_every_term_with_its_tooltip_text(client, glossary):
    page = html(client.get("/?lang=en"))
    hrefs = set(re.findall(r'href="/terms/([a-z0-9-]+)\?lang=en"', page))
    assert hrefs == set(glossary.content.terms)
    assert glossary.english.terms["metastasis"].short_definition in page
    assert re.search(r'<nav class="letters" aria-label="[^"]+">', page)


def test_index_is_in_the_locale_alphabetical_order(client, glossary):
    page = html(client.get("/?lang=en"))
    ids = re.findall(r'<li>\s*<a href="/terms/([a-z0-9-]+)\?lang=en"', page)
    assert ids == list(glossary.english.sorted_ids)


def test_search_box_works_without_javascript(client):
    page = html(client.get("/?lang=en"))
    form = re.search(r"<form[^>]*>.*?</form>", page, re.S).group(0)
    assert 'action="/"' in form and 'method="get"' in form
    assert 'name="q"' in form and 'type="search"' in form
    assert '<input type="hidden" name="lang" value="en">' in form
    assert re.search(r'<label for="q">', form)

    results = html(client.get("/?q=metastases&lang=en"))
    section = re.search(r'<section class="results".*?</section>', results, re.S).group(0)
    assert re.findall(r'href="/terms/([a-z0-9-]+)', section)[0] == "metastasis"
    assert 'value="metastases"' in results

    misspelt = html(client.get("/?q=metastisis"))
    section = re.search(r'<section class="results".*?</section>', misspelt, re.S).group(0)
    assert re.findall(r'href="/terms/([a-z0-9-]+)', section)[0] == "metastasis"


def test_search_with_no_match_says_so(client):
    page = html(client.get("/?q=qqqqqqqqqq"))
    section = re.search(r'<section class="results".*?</section>', page, re.S).group(0)
    assert "/terms/" not in section
    assert "No term matches your search" in section


def test_search_finds_english_names_on_other_language_pages(client):
    page = html(client.get("/?q=chemotherapy&lang=es"))
    section = re.search(r'<section class="results".*?</section>', page, re.S).group(0)
    assert re.findall(r'href="/terms/([a-z0-9-]+)\?lang=es"', section)[0] == "chemotherapy"


# -- one term ------------------------------------------------------------------------


def test_term_page_shows_the_whole_term(client, glossary):
    t = glossary.english.terms["metastasis"]
    page = html(client.get("/terms/metastasis?lang=en"))
    assert re.search(r"<h1><span>metastasis</span></h1>", page)
    assert "<title>metastasis · " in page
    assert t.definition in page
    assert t.short_definition in page
    assert t.source.pronunciation in page
    names = glossary.english.other_names(t)
    for alias in names:
        assert f"<li>{alias}</li>" in page
    # other names are names, not inflected forms of the heading
    assert "metastases" in t.aliases and "<li>metastases</li>" not in page
    for related in t.source.related:
        assert f'href="/terms/{related}?lang=en"' in page
    for doc in t.source.sources:
        assert glossary.content.sources[doc].title.replace("'", "&#39;") in page
        assert doc in page
    assert t.category_label in page


def test_other_language_term_page_gives_the_english_name_and_marks_fallbacks(eo_client):
    page = html(eo_client.get(f"/terms/metastasis?lang={LOCALE}"))
    assert re.search(r'<span lang="en" dir="ltr">metastasis <span class="pronunciation">', page)
    # Its definition is not translated: shown in English, and marked as English.
    assert re.search(r'<p class="definition" lang="en" dir="ltr">Metastasis is', page)
    # Its tooltip text is translated: not marked.
    assert '<p class="short">' in page
    assert 'class="notice"' in page


def test_unknown_term_is_a_404_page_with_suggestions(client):
    r = client.get("/terms/metastasiss?lang=en")
    assert r.status_code == 404
    page = html(r)
    assert root_attrs(page) == ("en", "ltr")
    assert 'href="/terms/metastasis?lang=en"' in page
    assert r.headers["Cache-Control"] == "no-store"  # an error describes this moment


# -- the demo ---------------------------------------------------------------------------


@pytest.mark.parametrize("code", DEMO_LANGUAGES)
def test_demo_is_a_visit_summary_in_its_language_using_the_widget(client, glossary, code):
    assert code in glossary.locales
    r = client.get(f"/demo?lang={code}")
    page = html(r)
    assert root_attrs(page)[0] == code
    assert re.search(r'<script src="/widget\.js\?v=[0-9a-f]{16}" defer></script>', page)
    assert 'data-glossary="metastasis"' in page and "data-glossary-scan" in page
    assert '<article class="portal">' in page  # in the page's language: no lang of its own
    summary = {"en": "Visit summary", "es": "Resumen de la visita", "ar": "ملخص الزيارة"}[code]
    assert f"<h1>{summary}</h1>" in page


def test_demo_in_a_language_without_a_sample_is_english_and_says_so(eo_client):
    page = html(eo_client.get(f"/demo?lang={LOCALE}"))
    assert root_attrs(page)[0] == LOCALE
    assert '<article class="portal" lang="en" dir="ltr">' in page
    assert re.search(r'<script src="/widget\.js\?v=[0-9a-f]{16}" data-lang="en" defer>', page)


def test_demo_shows_the_one_tag_embed(client):
    page = html(client.get("/demo"))
    assert '<code dir="ltr">&lt;script src="http://localhost/widget.js" defer&gt;' in page


def test_site_stylesheet_is_versioned(client):
    page = html(client.get("/"))
    href = re.search(r'<link rel="stylesheet" href="(/assets/site\.css\?v=[0-9a-f]{16})">', page)
    assert href
    r = client.get(href.group(1))
    assert r.mimetype == "text/css"
    assert "immutable" in r.headers["Cache-Control"]
    assert client.get("/assets/nope.css").status_code == 404


def test_icon_is_served_so_browsers_do_not_ask_for_a_missing_favicon(client):
    page = html(client.get("/"))
    href = re.search(r'<link rel="icon" href="(/assets/favicon\.svg\?v=[0-9a-f]{16})"', page)
    assert href
    assert client.get(href.group(1)).mimetype == "image/svg+xml"


def test_letter_groups_agree_with_the_api_letter_filter(client, glossary):
    for code in glossary.locales:
        page = html(client.get(f"/?lang={code}"))
        groups = re.findall(
            r'<h3 id="letter-\d+" class="letter">([^<]+)</h3>\s*<ul class="term-list">(.*?)</ul>',
            page,
            re.S,
        )
        for letter, items in groups:
            if letter == "#":
                continue
            ids = re.findall(r'href="/terms/([a-z0-9-]+)\?', items)
            api = client.get(f"/api/v1/terms?lang={code}&letter={letter}").get_json()
            assert ids == [t["id"] for t in api["terms"]], (code, letter)
