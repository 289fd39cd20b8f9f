/*! Cancer glossary widget: plain-language definitions as toggletips. No dependencies. */
// Embed with one tag (README, "The widget"):
//   <script src="https://GLOSSARY-HOST/widget.js" defer></script>
// or, bundled, `import { init } from "./widget.mjs"; init({ host, lang })`.
//
// Rules this file keeps:
// - Privacy: by default no page text leaves the browser. The matcher
//   (matcher.js, the engine's rules as data for one locale) finds the terms
//   here; the service only gets GETs that name the language. Only
//   data-glossary-mode="server" posts text to the service's annotate.
// - Never leave the host's text wrong: a framework owns the text nodes it
//   rendered. A matched node keeps its identity and holds the text before the
//   first match; the rest follows it as our own nodes. When the owner changes,
//   moves or removes that node, the mutation observer drops our nodes before
//   the page is painted (restoring the whole text when the node was kept).
// - The host's CSS cannot reach the widget: every term is a shadow host
//   (<glossary-term>, or the data-glossary element itself) whose shadow root
//   holds the trigger and, while open, the tooltip. :host rules are
//   !important, which beats any host rule on the host element.
// - API text goes into the page only through textContent, never as HTML;
//   styles are constructed stylesheets (CSSOM), so a strict CSP needs no
//   style-src; if the service is down, nothing changes and nothing throws.
// The server serves this file without its comment lines, fills in the
// configuration at the bottom (the CSS, the matcher's address, per locale its
// direction and UI strings) and, for /widget.mjs, exports init() instead of
// the start from the script tag.
(function (config) {
  "use strict";
  // @core
  var doc = document;
  var W = window;
  var SKIP = "a,button,input,textarea,select,option,label,code,pre,kbd,samp,script,style," +
    "noscript,template,iframe,svg,math,[contenteditable],[data-glossary],[data-glossary-skip],glossary-term";
  // Bytes of text per annotate request in server mode (the API takes 64 KiB).
  var LIMIT = 60000;
  var TIMEOUT = 8000;
  var FALLBACK_UI = ["ltr", "More", "More about %s"];
  // The running instance's state (one at a time per page); per shadow host
  // {t: entry, b: trigger, r: root}; the shadow roots we attached, which
  // outlive destroy() (a shadow root cannot be removed) and serve a later start.
  var S;
  var info = new WeakMap();
  var ours = new WeakSet();
  var sheet;

  function noop() {}

  function make(tag, cls) {
    var el = doc.createElement(tag);
    if (cls) el.className = cls;
    return el;
  }

  function attr(el, name, value) {
    el.setAttribute(name, value);
  }

  function api(path, body) {
    var ctl = new AbortController();
    var t = setTimeout(function () { ctl.abort(); }, TIMEOUT);
    var o = { credentials: "omit", signal: ctl.signal };
    // A string body is sent as text/plain: a simple CORS request, no preflight.
    if (body != null) { o.method = "POST"; o.body = body; }
    return fetch(S.host + path, o).then(function (r) {
      if (!r.ok) throw Error("glossary " + r.status);
      return r.json();
    }).finally(function () { clearTimeout(t); });
  }

  // The locale's terms in one GET that names only the language (which terms
  // the page holds is never sent), then its matcher, unless the server
  // annotates. Nothing is marked until both are here.
  function load(lang) {
    var list = api("/api/v1/terms?lang=" + encodeURIComponent(lang)).then(function (d) {
      var byId = {};
      d.terms.forEach(function (t) {
        byId[t.id] = { id: t.id, term: t.term, def: t.short_definition, cat: t.category.id, loc: d.locale };
      });
      return { loc: d.locale, byId: byId };
    });
    if (S.server) return list;
    // A dynamic import, not a <script> element: it works under Trusted Types.
    var lib = W.GlossaryMatcher ? Promise.resolve() : import(S.host + config.matcher);
    return Promise.all([list, lib]).then(function (a) {
      return api("/widget/matcher/" + a[0].loc + ".json").then(function (data) {
        a[0].m = W.GlossaryMatcher.create(data);
        return a[0];
      });
    });
  }

  // Matches in text as [{start, end, id}], UTF-16 offsets.
  function find(text) {
    if (!S.server) return Promise.resolve(S.data.m.annotate(text, { medical: false }));
    return api("/api/v1/annotate?lang=" + S.data.loc, text).then(function (d) {
      // The API counts code points; the DOM counts UTF-16 units.
      var cp = 0, u = 0;
      var unit = function (to) {
        for (; cp < to && u < text.length; cp++) {
          var c = text.charCodeAt(u);
          u += c >= 0xd800 && c < 0xdc00 ? 2 : 1;
        }
        return u;
      };
      return d.matches.map(function (m) {
        return { start: unit(m.start), end: unit(m.end), id: m.id };
      });
    });
  }

  function styles(root) {
    try {
      if (!("adoptedStyleSheets" in root)) throw 0;
      if (!sheet) { sheet = new CSSStyleSheet(); sheet.replaceSync(config.css); }
      root.adoptedStyleSheets = [sheet];
    } catch (e) {
      // Without constructable stylesheets (Safari before 16.4): a link.
      var link = make("link");
      link.rel = "stylesheet";
      link.href = S.host + "/widget.css";
      root.prepend(link);
    }
  }

  // h becomes a term: its shadow root shows its own children (a slot) inside
  // the trigger. The light DOM is left as it was.
  function decorate(h, t) {
    var r = h.shadowRoot;
    if (r && !ours.has(r)) throw Error("foreign shadow root");
    r = r || h.attachShadow({ mode: "open" });
    ours.add(r);
    var b = make("span", "t");
    attr(b, "part", "term");
    attr(b, "role", "button");
    attr(b, "aria-expanded", "false");
    b.tabIndex = 0;
    b.appendChild(make("slot"));
    r.replaceChildren(b);
    styles(r);
    hostEvents(h, "add");
    info.set(h, { t: t, b: b, r: r });
    S.hosts.add(h);
  }

  // On the host element: events from its shadow root (the trigger, the open
  // tip) and from its own text reach it.
  function hostEvents(h, how) {
    ["click", "keydown", "pointerover", "pointerout"].forEach(function (type) {
      h[how + "EventListener"](type, onHost);
    });
  }

  // -- marking -----------------------------------------------------------------

  function warn(id) {
    console.warn('Glossary widget: no term "' + id + '" (data-glossary). Term ids are the "id" of ' +
      S.host + "/api/v1/terms?lang=en; " + S.host + "/api/v1/lookup?q=WORD finds one.");
  }

  // A marked element: its own shadow host when it can be one (span, div, p...),
  // so a framework keeps its children; otherwise its children move into a
  // <glossary-term> (a framework must not own those).
  function markElement(el) {
    S.els.set(el, 1);
    var id = el.getAttribute("data-glossary").trim();
    var t = S.data.byId[id];
    if (!t) return warn(id);
    if (!el.textContent.trim() || el.closest("a,button,[data-glossary-skip]") ||
        el.querySelector("a,button,input,select,textarea")) return;
    try {
      decorate(el, t);
      S.marks.add({ el: el });
    } catch (e) {
      var h = make("glossary-term");
      h.append.apply(h, el.childNodes);
      el.appendChild(h);
      decorate(h, t);
      S.marks.add({ el: el, h: h });
    }
  }

  // Containers' text nodes not scanned yet (or changed since), cut into
  // chunks of at most LIMIT bytes; nodes are joined by newlines, so no match
  // runs from one node into the next.
  function collect() {
    var chunks = [], chunk = null;
    var add = function (node, base, data, box) {
      var size = new Blob([data]).size + 1;
      if (!chunk || chunk.size + size > LIMIT) chunks.push(chunk = { text: "", size: 0, segs: [] });
      chunk.segs.push({ node: node, base: base, at: chunk.text.length, len: data.length, box: box });
      chunk.text += data + "\n";
      chunk.size += size;
    };
    doc.querySelectorAll("[data-glossary-scan]").forEach(function (c) {
      if (c.parentNode.closest("[data-glossary-skip]")) return;
      var box = { c: c, max: +c.getAttribute("data-glossary-max") || 1e9, cats: c.getAttribute("data-glossary-categories") };
      var walker = doc.createTreeWalker(c, NodeFilter.SHOW_TEXT, {
        acceptNode: function (n) {
          var p = n.parentNode;
          return /\S/.test(n.data) && S.seen.get(n) !== n.data && !p.closest(SKIP) &&
            p.closest("[data-glossary-scan]") === c ? 1 : 2;
        }
      });
      for (var n = walker.nextNode(); n; n = walker.nextNode()) {
        var data = n.data;
        var piece = LIMIT / 3;
        S.seen.set(n, data);
        for (var start = 0, end; start < data.length; start = end) {
          end = Math.min(start + piece, data.length);
          var space = data.lastIndexOf(" ", end);
          if (end < data.length && space > start + piece / 2) end = space + 1;
          add(n, start, data.slice(start, end), box);
        }
      }
    });
    return chunks;
  }

  // Ids already marked inside el (or on the page).
  function present(el) {
    var ids = {}, n = 0;
    S.hosts.forEach(function (h) {
      if (el.contains(h)) { ids[info.get(h).t.id] = 1; n++; }
    });
    return { ids: ids, n: n };
  }

  function scan() {
    var chunks = collect();
    if (!chunks.length) return Promise.resolve();
    var hits = [];
    var token = S;
    return chunks.reduce(function (prev, chunk) {
      return prev.then(function () {
        return find(chunk.text).then(function (found) {
          var s = 0;
          found.forEach(function (m) {
            var segs = chunk.segs;
            while (s + 1 < segs.length && segs[s + 1].at <= m.start) s++;
            var seg = segs[s];
            if (m.end <= seg.at + seg.len) {
              hits.push([seg, m.start - seg.at + seg.base, m.end - seg.at + seg.base, m.id]);
            }
          });
        }, noop);
      });
    }, Promise.resolve()).then(function () {
      if (token === S) apply(hits);
    });
  }

  // Every accepted match, per node from its first on.
  function apply(hits) {
    var page = S.once && present(doc.body);
    var boxes = new Map();
    var byNode = new Map();
    hits.forEach(function (h) {
      var box = h[0].box, t = S.data.byId[h[3]];
      var cats = box.cats || S.cats;
      if (!boxes.has(box)) boxes.set(box, present(box.c));
      var have = boxes.get(box);
      var seen = page ? page.ids : have.ids;
      if (!t || seen[t.id] || have.n >= box.max || (cats && cats.split(/[\s,]+/).indexOf(t.cat) < 0)) return;
      seen[t.id] = have.ids[t.id] = 1;
      have.n++;
      var node = h[0].node;
      if (!byNode.has(node)) byNode.set(node, []);
      byNode.get(node).push([h[1], h[2], t]);
    });
    byNode.forEach(function (found, n) {
      // The text may have changed while the matcher or the API worked.
      if (!n.parentNode || S.seen.get(n) !== n.data) return;
      found.sort(function (x, y) { return x[0] - y[0]; });
      var full = n.data, pos = found[0][0], parts = [];
      found.forEach(function (f) {
        if (f[0] > pos) parts.push(doc.createTextNode(full.slice(pos, f[0])));
        var h = make("glossary-term");
        h.textContent = full.slice(f[0], f[1]);
        decorate(h, f[2]);
        parts.push(h);
        pos = f[1];
      });
      if (pos < full.length) parts.push(doc.createTextNode(full.slice(pos)));
      n.after.apply(n, parts);
      n.data = full.slice(0, found[0][0]);
      parts.forEach(function (p) { if (p.nodeType === 3) S.seen.set(p, p.data); });
      S.seen.set(n, n.data);
      S.marks.add({ n: n, full: full, pre: n.data, rest: full.slice(n.data.length), parts: parts });
    });
    S.mo.takeRecords();
  }

  // A split node is intact while it holds what we left, in its place, with
  // our nodes right after it and unchanged.
  function intact(m) {
    var x = m.n;
    return x.data === m.pre && x.parentNode && m.parts.every(function (p) {
      return (x = x.nextSibling) === p;
    }) && m.parts.map(function (p) { return p.textContent; }).join("") === m.rest;
  }

  function undo(m, restore) {
    var cur = S.cur;
    if (cur && (m.el === cur || m.h === cur || (m.parts && m.parts.indexOf(cur) >= 0))) close();
    if (m.n) {
      m.parts.forEach(function (p) { p.remove(); });
      if (restore) m.n.data = m.full;
    } else if (m.h) {
      if (m.h.parentNode === m.el) m.h.replaceWith.apply(m.h, m.h.childNodes);
    } else {
      // A shadow root cannot be removed: it goes back to showing the children.
      info.get(m.el).r.replaceChildren(make("slot"));
      info.delete(m.el);
      hostEvents(m.el, "remove");
    }
    S.marks.delete(m);
  }

  // Runs before the page is painted (mutation observers run as microtasks):
  // a changed node keeps its owner's new text; a moved or edited one gets its
  // whole text back; either way it is scanned again.
  function repair() {
    S.marks.forEach(function (m) {
      if (m.n) {
        if (!intact(m)) undo(m, m.n.data === m.pre && !!m.n.parentNode);
      } else if (!m.el.isConnected || (m.h && m.h.parentNode !== m.el)) {
        S.marks.delete(m);
        S.els.delete(m.el);
      }
    });
    S.hosts.forEach(function (h) { if (!h.isConnected) S.hosts.delete(h); });
    S.mo.takeRecords();
  }

  function observe(records) {
    var fresh = false;
    records.forEach(function (r) {
      var el = r.target.nodeType === 1 ? r.target : r.target.parentNode;
      if (r.addedNodes.length || (el && el.closest("[data-glossary-scan],[data-glossary]"))) fresh = true;
    });
    repair();
    // New text is marked in batches: one pass per burst of changes.
    if (fresh && !S.timer) S.timer = setTimeout(pass, 80);
  }

  function pass() {
    S.timer = 0;
    if (!S.data) return;
    try {
      repair();
      doc.querySelectorAll("[data-glossary]").forEach(function (el) {
        if (!S.els.has(el)) markElement(el);
      });
      S.mo.takeRecords();
      scan().catch(noop);
    } catch (e) {
      // Never break the host page.
    }
  }

  // -- the toggletip -----------------------------------------------------------

  function build() {
    var tip = S.tip = make("div", "tip");
    tip.id = "glossary-tip";
    tip.hidden = true;
    // The top layer: no clipping by overflow, no z-index fights with the host.
    if ("popover" in tip) tip.popover = "manual";
    S.term = tip.appendChild(make("strong"));
    S.def = tip.appendChild(make("span"));
    S.more = tip.appendChild(make("a"));
    // Screen readers hear what opens (the WAI-ARIA toggletip pattern).
    var lh = S.liveHost = doc.body.appendChild(make("glossary-live"));
    var r = lh.attachShadow({ mode: "open" });
    styles(r);
    S.live = r.appendChild(make("span", "sr"));
    attr(S.live, "role", "status");
    on(doc, "pointerdown", onDown);
    on(doc, "keydown", onKey);
    on(doc, "focusin", onFocus);
    on(W, "scroll", onScroll, true);
    on(W, "resize", place);
  }

  function on(target, type, fn, capture) {
    target.addEventListener(type, fn, { capture: !!capture, passive: true });
    S.off.push(function () { target.removeEventListener(type, fn, !!capture); });
  }

  function moreUrl(t) {
    var tpl = S.moreTo;
    if (tpl && tpl.indexOf("{id}") >= 0) {
      var u = new URL(tpl.replace("{id}", encodeURIComponent(t.id)).replace("{lang}", encodeURIComponent(t.loc)), location.href);
      if (/^https?:$/.test(u.protocol)) return u.href;
    }
    return S.host + "/terms/" + encodeURIComponent(t.id) + "?lang=" + encodeURIComponent(t.loc);
  }

  function open(h, pin) {
    clearTimeout(S.hover);
    if (S.cur === h) { S.pinned = S.pinned || pin; return; }
    close();
    if (!S.tip) build();
    var d = info.get(h), t = d.t, tip = S.tip;
    var ui = config.locales[t.loc] || config.locales.en || FALLBACK_UI;
    S.cur = h;
    S.pinned = pin;
    tip.lang = t.loc;
    tip.dir = ui[0];
    S.term.textContent = t.term;
    S.def.textContent = t.def;
    var a = S.more;
    a.textContent = ui[1];
    attr(a, "aria-label", ui[2].replace("%s", t.term));
    a.href = moreUrl(t);
    if (S.moreTo === "tab") { a.target = "_blank"; a.rel = "noopener"; }
    // Right after its trigger, so Tab goes from the term to "More" and on.
    d.r.appendChild(tip);
    tip.hidden = false;
    if (tip.showPopover) tip.showPopover();
    attr(d.b, "aria-expanded", "true");
    attr(d.b, "aria-controls", tip.id);
    place();
    S.live.lang = t.loc;
    S.live.textContent = "";
    setTimeout(function () {
      if (S && S.cur === h) S.live.textContent = t.term + ": " + t.def;
    }, 60);
  }

  function close(refocus) {
    clearTimeout(S.hover);
    var h = S.cur;
    if (!h) return;
    var d = info.get(h), tip = S.tip;
    S.cur = null;
    S.pinned = false;
    if (tip.hidePopover && tip.matches(":popover-open")) tip.hidePopover();
    tip.hidden = true;
    tip.remove();
    if (d) {
      attr(d.b, "aria-expanded", "false");
      d.b.removeAttribute("aria-controls");
      if (refocus === true) d.b.focus();
    }
    S.live.textContent = "";
  }

  // Below the term, or above it when that has more room; inside the viewport,
  // never over the term (it scrolls inside when it is taller than the room);
  // aligned to the term's start edge in the text's direction.
  function place() {
    if (!S.cur) return;
    var tip = S.tip, st = tip.style;
    var r = info.get(S.cur).b.getBoundingClientRect();
    var root = doc.documentElement, m = 8;
    st.maxHeight = "";
    var w = tip.offsetWidth, h = tip.offsetHeight;
    var below = root.clientHeight - r.bottom - 6 - m, above = r.top - 6 - m;
    var down = h <= below || below >= above;
    h = Math.min(h, Math.max(down ? below : above, 48));
    st.maxHeight = h + "px";
    var left = tip.dir === "rtl" ? r.right - w : r.left;
    st.left = Math.max(m, Math.min(left, root.clientWidth - w - m)) + "px";
    st.top = (down ? r.bottom + 6 : r.top - 6 - h) + "px";
  }

  // The tip follows its term, and closes when the term is out of sight:
  // scrolled out of the viewport or its scroll box, or under a sticky header.
  function onScroll() {
    if (!S.cur) return;
    var r = info.get(S.cur).b.getClientRects()[0];
    var x = r && r.left + r.width / 2, y = r && r.top + r.height / 2;
    var el = r && doc.elementFromPoint(x, y);
    if (el && S.cur.contains(el)) place();
    else close();
  }

  // The trigger toggles; the open tip belongs to its term. Moves inside one
  // shadow root never reach the host, so pointerout means leaving the term.
  function onHost(e) {
    var h = e.currentTarget, d = info.get(h), type = e.type;
    if (!d) return;
    var path = e.composedPath();
    var onTerm = path[0] === h || path.indexOf(d.b) >= 0;
    if (type === "click") {
      // A term (or its tip) in a clickable card is not a click on the card.
      e.stopPropagation();
      if (onTerm) toggle(h);
    } else if (type === "keydown") {
      if (onTerm && (e.key === "Enter" || e.key === " ")) {
        e.preventDefault();
        toggle(h);
      }
    } else if (e.pointerType === "mouse") {
      clearTimeout(S.hover);
      if (type === "pointerover" && onTerm && S.cur !== h && !S.pinned) {
        S.hover = setTimeout(function () { open(h, false); }, 120);
      } else if (type === "pointerout" && S.cur && !S.pinned && !S.cur.contains(e.relatedTarget)) {
        S.hover = setTimeout(close, 300);
      }
    }
  }

  function toggle(h) {
    if (S.cur === h && S.pinned) close();
    else open(h, true);
  }

  function onDown(e) {
    if (S.cur && !S.cur.contains(e.target)) close();
  }

  function onKey(e) {
    if (e.key === "Escape" && S.cur) close(S.cur.contains(doc.activeElement));
  }

  function onFocus(e) {
    if (S.cur && !S.cur.contains(e.target)) close();
  }

  // -- the instance ------------------------------------------------------------

  function begin() {
    S.data = null;
    var token = S;
    load(S.lang).then(function (data) {
      if (token !== S) return;
      S.data = data;
      pass();
    }).catch(noop);
  }

  function clear() {
    if (S.tip) close();
    repair();
    S.marks.forEach(function (m) { undo(m, true); });
    S.hosts.clear();
    S.els = new WeakMap();
    S.seen = new WeakMap();
    S.mo.takeRecords();
  }

  function destroy() {
    if (!S) return;
    clear();
    S.mo.disconnect();
    clearTimeout(S.timer);
    S.off.forEach(function (f) { f(); });
    if (S.liveHost) S.liveHost.remove();
    S = null;
    delete W.glossaryWidget;
  }

  function init(o) {
    if (S) return W.glossaryWidget;
    if (!W.fetch) return;
    var lang = String(o.lang || doc.documentElement.lang || "en").trim();
    S = {
      host: new URL(o.host, location.href).origin,
      lang: /^[a-z]{2,8}([-_][a-z0-9]{1,8})*$/i.test(lang) ? lang : "en",
      server: o.mode === "server",
      once: o.once === "page",
      cats: o.categories || "",
      moreTo: o.more || "",
      marks: new Set(),
      hosts: new Set(),
      els: new WeakMap(),
      seen: new WeakMap(),
      off: [],
      cur: null
    };
    S.mo = new MutationObserver(observe);
    var go = function () {
      if (!S) return;
      S.mo.observe(doc.body, { childList: true, subtree: true, characterData: true });
      begin();
    };
    if (doc.body) go();
    else doc.addEventListener("DOMContentLoaded", go);
    return (W.glossaryWidget = {
      // Everything marked again, from the current page.
      refresh: function () { if (S) { clear(); pass(); } },
      close: function () { if (S && S.tip) close(); },
      destroy: destroy,
      setLanguage: function (lang) {
        if (!S || !/^[a-z]{2,8}([-_][a-z0-9]{1,8})*$/i.test(lang)) return;
        clear();
        S.lang = lang;
        begin();
      }
    });
  }
  // @classic
  var script = doc.currentScript;
  // A second copy of the tag must not mark the page twice.
  if (script && !W.glossaryWidget) {
    var a = function (n) { return script.getAttribute("data-" + n) || ""; };
    init({
      host: script.src,
      lang: a("lang"),
      mode: a("glossary-mode"),
      once: a("glossary-once"),
      categories: a("glossary-categories"),
      more: a("glossary-more")
    });
  }
})(/*CONFIG*/ { "css": "", "matcher": "", "locales": {} } /*CONFIG*/);
