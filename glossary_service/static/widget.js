/*! Cancer glossary widget: plain-language definitions as toggletips. No dependencies. */
// Embed with one tag (see README "Widget"):
//   <script src="https://GLOSSARY-HOST/widget.js" defer></script>
// Marks <x data-glossary="id"> elements, and every glossary term in
// [data-glossary-scan] containers (first occurrence per term per container).
// The API origin is this script's own origin, so it works on any site.
//
// Rules this file keeps:
// - API text goes into the page only through textContent, never as HTML.
// - Nothing inline that a strict CSP forbids: styles are a constructed
//   stylesheet (CSSOM) or, without that, a <link> to /widget.css; positions
//   are set through element.style (CSSOM, which CSP allows).
// - If the service is down or slow, nothing changes and nothing throws.
// The server serves this file without its comment lines and fills in the
// configuration at the bottom: the CSS, and per served locale its text
// direction and the two UI strings, translated with gettext.
(function (config) {
  "use strict";
  var doc = document;
  var script = doc.currentScript;
  // A second copy of the tag must not mark the page twice.
  if (!script || !window.fetch || (window.glossaryWidget && window.glossaryWidget.refresh)) return;
  var origin = new URL(script.src, location.href).origin;
  var encoder = new TextEncoder();
  // Where scanning never marks anything: links, buttons, form fields, code,
  // scripts, styles, terms already marked, and the widget's own elements.
  var SKIP = "a,button,input,textarea,select,option,label,code,pre,kbd,samp,script,style," +
    "noscript,template,iframe,svg,math,[contenteditable],[data-glossary],.glossary-tip,.glossary-sr";
  // Bytes of text per annotate request (the API accepts 64 KiB).
  var LIMIT = 60000;
  var TIMEOUT = 8000;
  var FALLBACK_UI = ["ltr", "More", "More about %s"];
  var info = new WeakMap();
  var done = new WeakSet();
  var lists = {};
  var tip, termEl, defEl, more, live;
  var current = null;
  var pinned = false;
  var timer = 0;

  function noop() {}

  function make(tag, cls) {
    var el = doc.createElement(tag);
    if (cls) el.className = cls;
    return el;
  }

  function pageLang() {
    var lang = (script.getAttribute("data-lang") || doc.documentElement.lang || "en").trim();
    return /^[a-z]{2,8}([-_][a-z0-9]{1,8})*$/i.test(lang) ? lang : "en";
  }

  // One request to the API; rejects on network errors, non-2xx and timeouts.
  function api(path, body) {
    var ctl = new AbortController();
    var t = setTimeout(function () { ctl.abort(); }, TIMEOUT);
    var options = { credentials: "omit", signal: ctl.signal };
    if (body != null) {
      // A string body is sent as text/plain: a simple CORS request, no preflight.
      options.method = "POST";
      options.body = body;
    }
    return fetch(origin + "/api/v1/" + path, options).then(function (r) {
      if (!r.ok) throw new Error("glossary " + r.status);
      return r.json();
    }).finally(function () { clearTimeout(t); });
  }

  function entry(t, locale) {
    return { id: String(t.id), term: String(t.term), def: String(t.short_definition), locale: String(locale) };
  }

  // Every term's short definition in one request, once per page and language.
  function termList(lang) {
    if (!lists[lang]) {
      lists[lang] = api("terms?lang=" + encodeURIComponent(lang)).then(function (data) {
        var byId = {};
        data.terms.forEach(function (t) { byId[t.id] = entry(t, data.locale); });
        return byId;
      }, function (e) {
        delete lists[lang];
        throw e;
      });
    }
    return lists[lang];
  }

  function trigger(t) {
    var b = make("button", "glossary-term");
    b.type = "button";
    b.setAttribute("aria-expanded", "false");
    info.set(b, t);
    return b;
  }

  function markElements(elements, lang) {
    if (!elements.length) return;
    termList(lang).then(function (byId) {
      elements.forEach(function (el) {
        var t = byId[el.getAttribute("data-glossary").trim()];
        if (!t || !el.textContent.trim() || el.closest("a,button") ||
            el.querySelector("a,button,input,select,textarea")) return;
        var b = trigger(t);
        while (el.firstChild) b.appendChild(el.firstChild);
        el.appendChild(b);
      });
    }).catch(noop);
  }

  // Text nodes of the containers, in batches of at most LIMIT bytes. Nodes are
  // joined by newlines, so a match never runs from one node into the next. A
  // node longer than a batch is cut at white space into pieces of its own
  // (LIMIT / 3 UTF-16 units: at most 3 bytes each), so no request is ever
  // refused for its size; each piece remembers where it starts in its node.
  function collect(containers) {
    var batches = [];
    var batch = null;
    var add = function (node, base, data, seen) {
      var size = encoder.encode(data).length + 1;
      if (!batch || batch.size + size > LIMIT) {
        batch = { text: "", size: 0, segs: [] };
        batches.push(batch);
      }
      batch.segs.push({ node: node, base: base, at: batch.text.length, seen: seen });
      batch.text += data + "\n";
      batch.size += size;
    };
    containers.forEach(function (el) {
      var seen = new Set();
      el.querySelectorAll("[data-glossary]").forEach(function (m) {
        seen.add(m.getAttribute("data-glossary").trim());
      });
      var walker = doc.createTreeWalker(el, NodeFilter.SHOW_TEXT, {
        acceptNode: function (n) {
          return /\S/.test(n.data) && !n.parentNode.closest(SKIP) ? 1 : 2;
        }
      });
      for (var node = walker.nextNode(); node; node = walker.nextNode()) {
        var data = node.data;
        var piece = Math.floor(LIMIT / 3);
        if (data.length <= piece) {
          add(node, 0, data, seen);
          continue;
        }
        for (var start = 0; start < data.length; ) {
          var end = Math.min(start + piece, data.length);
          if (end < data.length) {
            var space = data.lastIndexOf(" ", end);
            if (space > start + piece / 2) end = space + 1;
          }
          add(node, start, data.slice(start, end), seen);
          start = end;
        }
      }
    });
    return batches;
  }

  // One batch's matches as [node, start, end, entry], offsets in the node as
  // it is now: nothing is changed until every batch has answered, so the
  // pieces of one node all point into the same text.
  function annotate(batch, lang, hits) {
    return api("annotate?lang=" + encodeURIComponent(lang), batch.text).then(function (data) {
      var text = batch.text;
      var segs = batch.segs;
      var cp = 0;
      var u = 0;
      var s = 0;
      // The API counts code points; DOM offsets count UTF-16 units.
      var unit = function (to) {
        if (to < cp) cp = u = 0;
        while (cp < to && u < text.length) {
          var c = text.charCodeAt(u);
          u += c >= 0xd800 && c < 0xdc00 ? 2 : 1;
          cp++;
        }
        return u;
      };
      data.matches.forEach(function (m) {
        var a = unit(m.start);
        var b = unit(m.end);
        while (s + 1 < segs.length && segs[s + 1].at <= a) s++;
        var seg = segs[s];
        var off = a - seg.at + seg.base;
        // Skip matches across nodes, text changed since, and repeats.
        if (seg.seen.has(m.id) || seg.node.data.slice(off, off + b - a) !== m.text) return;
        seg.seen.add(m.id);
        hits.push([seg.node, off, off + b - a, entry(m, data.locale), m.text]);
      });
    });
  }

  // Every match of every batch, per node, from the last back, so earlier
  // offsets stay valid.
  function mark(hits) {
    var byNode = new Map();
    hits.forEach(function (h) {
      if (!byNode.has(h[0])) byNode.set(h[0], []);
      byNode.get(h[0]).push(h);
    });
    byNode.forEach(function (found, node) {
      found.sort(function (x, y) { return y[1] - x[1]; });
      found.forEach(function (h) {
        // A framework may have changed the text meanwhile: then leave it.
        if (!node.parentNode || node.data.slice(h[1], h[2]) !== h[4]) return;
        var mid = node.splitText(h[1]);
        mid.splitText(h[2] - h[1]);
        var btn = trigger(h[3]);
        mid.parentNode.replaceChild(btn, mid);
        btn.appendChild(mid);
      });
    });
  }

  function scan(containers, lang) {
    var hits = [];
    collect(containers).reduce(function (previous, batch) {
      // A batch that fails leaves its text plain; the others still link.
      return previous.then(function () { return annotate(batch, lang, hits).catch(noop); });
    }, Promise.resolve()).then(function () { mark(hits); }).catch(noop);
  }

  // -- the toggletip ---------------------------------------------------------

  function styles() {
    try {
      if (!config.css || !doc.adoptedStyleSheets) throw 0;
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(config.css);
      doc.adoptedStyleSheets = Array.prototype.slice.call(doc.adoptedStyleSheets).concat(sheet);
    } catch (e) {
      var link = make("link");
      link.rel = "stylesheet";
      link.href = origin + "/widget.css";
      doc.head.appendChild(link);
    }
  }

  function build() {
    styles();
    tip = make("span", "glossary-tip");
    tip.id = "glossary-tip-" + Math.random().toString(36).slice(2, 8);
    tip.hidden = true;
    // The top layer: no clipping by overflow, no z-index fights with the host.
    if ("popover" in tip) tip.popover = "manual";
    termEl = tip.appendChild(make("strong"));
    defEl = tip.appendChild(make("span"));
    more = tip.appendChild(make("a"));
    // Screen readers hear what opens (the WAI-ARIA toggletip pattern).
    live = doc.body.appendChild(make("span", "glossary-sr"));
    live.setAttribute("role", "status");
    doc.addEventListener("click", onClick);
    doc.addEventListener("pointerdown", onPointerDown);
    doc.addEventListener("keydown", onKey);
    doc.addEventListener("focusin", onFocus);
    doc.addEventListener("pointerover", onOver);
    doc.addEventListener("pointerout", onOut);
    addEventListener("scroll", place, { capture: true, passive: true });
    addEventListener("resize", place, { passive: true });
  }

  function open(b, pin) {
    clearTimeout(timer);
    if (current === b) {
      pinned = pinned || pin;
      return;
    }
    close();
    var t = info.get(b);
    var ui = config.locales[t.locale] || config.locales.en || FALLBACK_UI;
    current = b;
    pinned = pin;
    tip.lang = t.locale;
    tip.dir = ui[0];
    termEl.textContent = t.term;
    defEl.textContent = t.def;
    more.textContent = ui[1];
    more.setAttribute("aria-label", ui[2].replace("%s", t.term));
    more.href = origin + "/terms/" + encodeURIComponent(t.id) + "?lang=" + encodeURIComponent(t.locale);
    // Right after its trigger, so Tab goes from the term to "More" and on.
    b.after(tip);
    tip.hidden = false;
    if (tip.showPopover) tip.showPopover();
    b.setAttribute("aria-expanded", "true");
    b.setAttribute("aria-controls", tip.id);
    place();
    live.lang = t.locale;
    live.textContent = "";
    setTimeout(function () {
      if (current === b) live.textContent = t.term + ": " + t.def;
    }, 60);
  }

  function close(refocus) {
    clearTimeout(timer);
    var b = current;
    if (!b) return;
    current = null;
    pinned = false;
    if (tip.hidePopover && tip.matches(":popover-open")) tip.hidePopover();
    tip.hidden = true;
    b.setAttribute("aria-expanded", "false");
    b.removeAttribute("aria-controls");
    live.textContent = "";
    if (refocus === true) b.focus();
  }

  // Below the term (above it if there is no room), inside the viewport, never
  // over the term; aligned to the term's start edge in the text's direction.
  function place() {
    if (!current) return;
    var r = current.getBoundingClientRect();
    var w = tip.offsetWidth;
    var h = tip.offsetHeight;
    var root = doc.documentElement;
    var m = 8;
    var top = r.bottom + 6;
    if (top + h > root.clientHeight - m && r.top - 6 - h >= m) top = r.top - 6 - h;
    var left = tip.dir === "rtl" ? r.right - w : r.left;
    left = Math.max(m, Math.min(left, root.clientWidth - w - m));
    tip.style.left = left + "px";
    tip.style.top = top + "px";
  }

  function triggerOf(target) {
    var b = target.closest && target.closest(".glossary-term");
    return b && info.has(b) ? b : null;
  }

  function inside(target) {
    return current && (current.contains(target) || tip.contains(target));
  }

  // Click, tap, Enter and Space (a button's click) pin the tip; again closes it.
  function onClick(e) {
    var b = triggerOf(e.target);
    if (!b) return;
    if (current === b && pinned) close();
    else open(b, true);
  }

  function onPointerDown(e) {
    if (current && !inside(e.target)) close();
  }

  function onKey(e) {
    if (e.key === "Escape" && current) close(inside(doc.activeElement));
  }

  function onFocus(e) {
    if (current && !inside(e.target)) close();
  }

  // Hover opens for mouse users; moving onto the tip keeps it open.
  function onOver(e) {
    if (e.pointerType !== "mouse") return;
    var b = triggerOf(e.target);
    if (b || inside(e.target)) clearTimeout(timer);
    if (b && b !== current && !pinned) {
      timer = setTimeout(function () { open(b, false); }, 120);
    }
  }

  function onOut(e) {
    if (e.pointerType !== "mouse") return;
    if (!current) {
      clearTimeout(timer);
    } else if (!pinned && !inside(e.relatedTarget)) {
      clearTimeout(timer);
      timer = setTimeout(close, 300);
    }
  }

  // -- start -----------------------------------------------------------------

  // Marks what is new since the last call: pages that add content later call
  // window.glossaryWidget.refresh().
  function refresh() {
    try {
      if (!tip) build();
      var lang = pageLang();
      var fresh = function (selector) {
        return Array.prototype.filter.call(doc.querySelectorAll(selector), function (el) {
          if (done.has(el)) return false;
          done.add(el);
          return true;
        });
      };
      markElements(fresh("[data-glossary]"), lang);
      scan(fresh("[data-glossary-scan]"), lang);
    } catch (e) {
      // Never break the host page.
    }
  }

  window.glossaryWidget = { refresh: refresh, close: close };
  if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", refresh);
  else refresh();
})(/*CONFIG*/ { "css": "", "locales": {} } /*CONFIG*/);
