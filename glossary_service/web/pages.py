"""HTML pages: the glossary A-Z (``/``), one page per term, and the widget demo.

Server-rendered Jinja templates in the negotiated locale (``g.view``), UI
strings through Flask-Babel, ``lang``/``dir`` from the locale. Links carry
``?lang=`` so a reader's choice of language sticks without cookies. Every page
gets a strict Content-Security-Policy: no inline script or style, nothing from
another origin, and Trusted Types, so no script can turn a string into HTML.
"""

from __future__ import annotations

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    g,
    render_template,
    request,
    url_for,
)
from markupsafe import Markup

from ..glossary import LocaleView, LocalizedTerm
from ..locales import DEFAULT_LOCALE
from . import get_state, glossary
from .openapi import MAX_QUERY_LENGTH
from .widget import STATIC, Asset, asset_response, widget_url

bp = Blueprint("pages", __name__)

SEARCH_LIMIT = 20
# Where terms are filed under very many initials (Traditional Chinese has no
# sort keys yet), one list reads better than an index of one-term "letters".
MAX_LETTERS = 40
# The demo's visit summary is sample content, written in these languages.
DEMO_LANGUAGES = ("en", "es", "ar")

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        # No script on these pages may turn a string into HTML.
        "require-trusted-types-for 'script'",
        "trusted-types 'none'",
    )
)


# The pages' own files, served by name from static/ with their media type.
ASSETS = {
    "site.css": "text/css",
    "favicon.svg": "image/svg+xml",
    "ehr-demo.js": "text/javascript",
}
# The EHR demo's made-up problem list: ICD-10-CM codes with their official
# descriptions (tests/web/test_ehr_demo.py checks them against the code set),
# and one line of free text with no code.
EHR_DEMO_PROBLEMS = (
    ("C79.51", "Secondary malignant neoplasm of bone"),
    ("C78.7", "Secondary malignant neoplasm of liver and intrahepatic bile duct"),
    ("J91.0", "Malignant pleural effusion"),
    ("R18.0", "Malignant ascites"),
    ("Z51.11", "Encounter for antineoplastic chemotherapy"),
    ("Z51.5", "Encounter for palliative care"),
    ("", "bone mets"),
)


def _asset(name: str) -> Asset:
    assets = get_state().page_assets
    if name not in assets:
        assets[name] = Asset((STATIC / name).read_bytes(), ASSETS[name])
    return assets[name]


# -- security headers --------------------------------------------------------


@bp.after_request
def html_security_headers(response: Response) -> Response:
    """A strict policy on our pages, set before headers.py adds its defaults
    (nosniff, the referrer policy, and a CSP only where a page set none)."""
    if response.mimetype == "text/html":
        response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
    return response


# -- what every template sees ------------------------------------------------


def public_url(path: str) -> str:
    """An absolute address from GLOSSARY_PUBLIC_URL, never from the request's
    Host header (a cached page would carry a forged host to every reader); the
    path alone when no public address is configured."""
    return current_app.config["GLOSSARY_PUBLIC_URL"] + path


def _switch_url(code: str, external: bool = False) -> str:
    args = {k: v for k, v in request.args.items() if k != "lang"}
    path = url_for(
        request.endpoint or "pages.index", **(request.view_args or {}), **args, lang=code
    )
    return public_url(path) if external else path


def _own_name(name: str) -> str:
    # "español" is lower case in running text, but starts a menu item.
    return name[:1].upper() + name[1:]


@bp.context_processor
def page_context() -> dict:
    view: LocaleView = g.view
    code = view.info.code

    def fallback(t: LocalizedTerm, field: str) -> Markup:
        """Attributes for a field shown in English because its translation is
        missing or outdated, so screen readers and browsers treat it as English."""
        if code != DEFAULT_LOCALE and field in t.fallback_fields:
            return Markup(' lang="en" dir="ltr"')
        return Markup("")

    return {
        "locale": view.info,
        "languages": [(info, _own_name(info.name)) for info in glossary().locales.values()],
        "switch_url": _switch_url,
        "term_url": lambda term_id: url_for("pages.term", term_id=term_id, lang=code),
        "home_url": url_for("pages.index", lang=code),
        "demo_url": url_for("pages.demo", lang=code),
        "asset_url": lambda name: url_for("pages.asset", name=name, v=_asset(name).version),
        "fallback": fallback,
    }


# -- routes ------------------------------------------------------------------


def _letter_groups(view: LocaleView) -> list[tuple[str, list[LocalizedTerm]]]:
    """Terms under the letter they are filed under (as the API's ``letter``
    filter: Arabic without its article, Spanish ñ apart, pinyin for Chinese
    where the catalog has sort keys), in the locale's order."""
    groups: dict[str, list[LocalizedTerm]] = {}
    for term_id in view.sorted_ids:
        first = view.initials[term_id]
        groups.setdefault(first.upper() if first.isalpha() else "#", []).append(view.terms[term_id])
    return list(groups.items())


def _search(view: LocaleView, query: str) -> list[LocalizedTerm]:
    """What a reader meant first (as /api/v1/lookup finds it), then suggestions."""
    ids: list[str] = []
    match = view.lookup(query)
    if match is not None:
        ids.append(match.term_id)
    for m in view.index.search(query, SEARCH_LIMIT):
        if m.term_id not in ids:
            ids.append(m.term_id)
    return [view.terms[i] for i in ids[:SEARCH_LIMIT]]


@bp.get("/")
def index():
    """The glossary A-Z, with a search box that works without JavaScript."""
    view: LocaleView = g.view
    query = " ".join(request.args.get("q", "").split())[:MAX_QUERY_LENGTH]
    groups = _letter_groups(view)
    return render_template(
        "index.html",
        query=query,
        results=_search(view, query) if query else None,
        groups=groups,
        letter_index=len(groups) <= MAX_LETTERS,
        count=len(view.terms),
    )


@bp.get("/terms/<term_id>")
def term(term_id: str):
    """One term: definition, aliases, pronunciation, related terms, sources."""
    view: LocaleView = g.view
    t = view.terms.get(term_id)
    if t is None:
        suggestions = view.suggest(term_id.replace("-", " ")[:MAX_QUERY_LENGTH])
        return render_template("not_found.html", suggestions=suggestions), 404
    return render_template(
        "term.html",
        t=t,
        other_names=view.other_names(t),
        english=glossary().english.terms[t.id],
        related=[view.terms[r] for r in t.source.related],
        sources=[glossary().content.sources[d] for d in t.source.sources],
    )


@bp.get("/demo")
def demo():
    """A made-up patient visit summary that uses the widget."""
    code = g.view.info.code
    content_lang = code if code in DEMO_LANGUAGES else DEFAULT_LOCALE
    configured = bool(current_app.config["GLOSSARY_PUBLIC_URL"])
    # The embed snippet needs an absolute address. Without a configured one it
    # is the address this request came to, and then the page is never cached.
    embed_src = public_url("/widget.js") if configured else request.host_url + "widget.js"
    page = render_template(
        "demo.html",
        content_lang=content_lang,
        content_dir=glossary().locales[content_lang].direction,
        summary=f"demo/visit_{content_lang}.html",
        widget_src=widget_url(),
        embed_src=embed_src,
    )
    response = current_app.make_response(page)
    if not configured:
        response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/demo/ehr")
def ehr_demo():
    """A made-up EHR problem list whose "i" buttons send Infobutton requests."""
    return render_template(
        "demo_ehr.html",
        problems=EHR_DEMO_PROBLEMS,
        infobutton_url=url_for("infobutton.infobutton"),
    )


@bp.get("/assets/<name>")
def asset(name: str):
    """The pages' stylesheet and icon, versioned like the widget."""
    if name not in ASSETS:
        abort(404)
    return asset_response(_asset(name))
