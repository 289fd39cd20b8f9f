"""TEMPORARY (until the matcher branch lands on main): a stand-in for
GET /widget/matcher.js and /widget/matcher/<lang>.json with the same
interface, so the widget's own tests run. Names with a policy are left out;
matching is whole-word, case-insensitive. Deleted on rebase."""

from __future__ import annotations

import json
import re

from werkzeug.wrappers import Request, Response

# ruff: noqa: E501

JS = r"""
window.GlossaryMatcher = {create: function (data) {
  var names = data.names.slice().sort(function (a, b) { return b[0].length - a[0].length; });
  var esc = function (s) { return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); };
  var re = new RegExp("(?<![\\p{L}\\p{N}])(" + names.map(function (n) { return esc(n[0]); }).join("|") +
    ")(?![\\p{L}\\p{N}])", "giu");
  var ids = {};
  names.forEach(function (n) { ids[n[0].toLowerCase()] = n[1]; });
  return {annotate: function (text) {
    var out = [], m;
    re.lastIndex = 0;
    while ((m = re.exec(text))) out.push({start: m.index, end: m.index + m[0].length, id: ids[m[0].toLowerCase()]});
    return out;
  }};
}};
"""


def with_standin(app):
    glossary = app.extensions["glossary"].glossary
    has_real = any(r.rule.startswith("/widget/matcher") for r in app.url_map.iter_rules())
    if has_real:
        return app

    def wsgi(environ, start_response):
        request = Request(environ)
        if request.path == "/widget/matcher.js":
            r = Response(JS, mimetype="text/javascript")
        elif m := re.fullmatch(r"/widget/matcher/([A-Za-z-]+)\.json", request.path):
            view = glossary.view(m.group(1))
            names = []
            for t in view.terms.values():
                for name in (t.term, *t.aliases):
                    if t.policies.get(name, "context") == "context" and len(name) > 2:
                        names.append([name, t.id])
            r = Response(
                json.dumps({"version": "standin", "names": names}), mimetype="application/json"
            )
        else:
            return app(environ, start_response)
        r.headers["Access-Control-Allow-Origin"] = "*"
        return r(environ, start_response)

    return wsgi
