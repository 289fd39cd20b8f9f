"""The widget inside apps whose framework owns the text it marks: a React app
and a Vue app (both from npm, bundled by esbuild) whose state changes after
marking, a chat that appends messages, and destroy(). The page always reads
exactly what the app rendered; new text is marked on its own."""

from __future__ import annotations

import pytest

from tests.support.bundle import bundle
from tests.support.widget import TRIGGERS, marked, tip_state, wait_for_terms

FIRST = "Your biopsy showed a tumor. Chemotherapy starts on Monday."
SECOND = "Your scan is clear. We talked about palliative care."

REACT_APP = """
import React, { useState } from "react";
import { createRoot } from "react-dom/client";
import { flushSync } from "react-dom";

function App() {
  const [text, setText] = useState(FIRST);
  const [items, setItems] = useState(["Immunotherapy was discussed.", "Fatigue is common."]);
  const [show, setShow] = useState(true);
  const [label, setLabel] = useState("metastasis");
  window.__app = {
    setText: (t) => flushSync(() => setText(t)),
    setItems: (t) => flushSync(() => setItems(t)),
    setShow: (t) => flushSync(() => setShow(t)),
    setLabel: (t) => flushSync(() => setLabel(t)),
  };
  return (
    <main>
      <div data-glossary-scan id="summary"><p id="text">{text}</p></div>
      <div data-glossary-scan id="mixed"><p id="plan">Plan: {text} Next visit in May.</p></div>
      <ul data-glossary-scan id="list">{items.map((t) => <li key={t}>{t}</li>)}</ul>
      {show && <p data-glossary-scan id="cond">Remission means the cancer shrank.</p>}
      <p id="label">Seen: <span data-glossary="metastasis">{label}</span>.</p>
    </main>
  );
}
createRoot(document.getElementById("root")).render(<App />);
"""

VUE_APP = """
import { createApp, h, ref, nextTick } from "vue";

const text = ref(FIRST);
const items = ref(["Immunotherapy was discussed.", "Fatigue is common."]);
const show = ref(true);
const label = ref("metastasis");
const set = (r) => async (v) => { r.value = v; await nextTick(); };
window.__app = {
  setText: set(text), setItems: set(items), setShow: set(show), setLabel: set(label),
};
createApp({
  render: () => h("main", [
    h("div", { "data-glossary-scan": "", id: "summary" }, [h("p", { id: "text" }, text.value)]),
    h("div", { "data-glossary-scan": "", id: "mixed" },
      [h("p", { id: "plan" }, ["Plan: ", text.value, " Next visit in May."])]),
    h("ul", { "data-glossary-scan": "", id: "list" },
      items.value.map((t) => h("li", { key: t }, t))),
    show.value
      ? h("p", { "data-glossary-scan": "", id: "cond" }, "Remission means the cancer shrank.")
      : null,
    h("p", { id: "label" },
      ["Seen: ", h("span", { "data-glossary": "metastasis" }, label.value), "."]),
  ]),
}).mount("#root");
"""

APPS = {"react": ("app.jsx", REACT_APP), "vue": ("app.js", VUE_APP)}


@pytest.fixture(scope="module")
def app_pages(host, tmp_path_factory):
    """Each app bundled once, served by the host with a page of its own."""
    urls = {}
    for name, (entry, source) in APPS.items():
        work = tmp_path_factory.mktemp(name)
        code = bundle(work, {entry: f"const FIRST = {FIRST!r};\n{source}"}, entry)
        src = host.file(f"/{name}.js", code)
        csp = f"default-src 'none'; script-src 'self' {host.glossary}; connect-src {host.glossary}"
        urls[name] = host.page(f'<div id="root"></div><script src="{src}" defer></script>', csp=csp)
    return urls


def texts(page) -> dict[str, str]:
    return page.evaluate(
        """() => Object.fromEntries(['text', 'plan', 'list', 'cond', 'label']
            .map(id => [id, document.getElementById(id)?.textContent ?? null]))"""
    )


@pytest.mark.parametrize("name", APPS)
def test_app_state_changes_after_marking_leave_exactly_the_new_text(app_pages, new_page, name):
    page, record = new_page()
    page.goto(app_pages[name])
    wait_for_terms(page, 6)
    assert texts(page) == {
        "text": FIRST,
        "plan": f"Plan: {FIRST} Next visit in May.",
        "list": "Immunotherapy was discussed.Fatigue is common.",
        "cond": "Remission means the cancer shrank.",
        "label": "Seen: metastasis.",
    }
    before = marked(page)
    assert {"biopsy", "Chemotherapy", "Immunotherapy", "Fatigue", "Remission", "metastasis"} <= set(
        before
    )

    # The framework updates the text nodes it rendered, which the widget had split.
    page.evaluate("t => window.__app.setText(t)", SECOND)
    assert texts(page)["text"] == SECOND, "the new text, nothing of the old"
    assert texts(page)["plan"] == f"Plan: {SECOND} Next visit in May."
    # ...and the new text is marked on its own.
    page.wait_for_function(
        "() => [...document.querySelectorAll('#summary glossary-term')].some(h => "
        "h.textContent === 'palliative care')"
    )
    assert "biopsy" not in marked(page)

    # Keyed list: reordered, one removed, one added.
    page.evaluate(
        "t => window.__app.setItems(t)", ["Fatigue is common.", "Nausea after chemotherapy."]
    )
    assert texts(page)["list"] == "Fatigue is common.Nausea after chemotherapy."
    page.wait_for_function(
        "() => [...document.querySelectorAll('#list glossary-term')].map(h => h.textContent)"
        ".includes('chemotherapy')"
    )
    assert texts(page)["list"] == "Fatigue is common.Nausea after chemotherapy."

    # Unmounted and mounted again; a marked element's own child updated.
    page.evaluate("() => window.__app.setShow(false)")
    assert texts(page)["cond"] is None
    page.evaluate("() => window.__app.setShow(true)")
    page.evaluate("() => window.__app.setLabel('metastases')")
    assert texts(page)["cond"] == "Remission means the cancer shrank."
    assert texts(page)["label"] == "Seen: metastases."
    page.wait_for_function(
        "() => [...document.querySelectorAll('#cond glossary-term')].length === 1"
    )
    # Terms still open after all of it.
    page.locator("#label [part=term]").click()
    assert tip_state(page)["term"] == "metastasis"
    page.keyboard.press("Escape")
    page.evaluate("t => window.__app.setText(t)", FIRST)
    assert texts(page)["text"] == FIRST
    assert record.errors == [] and record.console_errors == []


def test_chat_messages_appended_to_a_scanned_container_are_marked(host, new_page):
    chat = host.file(
        "/chat.js",
        """
        const log = document.getElementById('chat');
        const say = (text) => { const d = document.createElement('div'); d.className = 'msg';
          d.textContent = text; log.append(d); };
        window.__say = say;
        let i = 0;
        const lines = ['Is it a tumor?', 'The biopsy will tell us.', 'And after that?',
                       'Maybe chemotherapy.'];
        const timer = setInterval(() => {
          say(lines[i++]);
          if (i === lines.length) clearInterval(timer);
        }, 30);
        """,
    )
    csp = f"default-src 'none'; script-src 'self' {host.glossary}; connect-src {host.glossary}"
    url = host.page(
        '<section id="chat" data-glossary-scan><div class="msg">Hello, how can I help?</div>'
        f'</section><script src="{chat}" defer></script>',
        csp=csp,
    )
    page, record = new_page()
    page.goto(url)
    page.wait_for_function("() => document.querySelectorAll('#chat .msg').length === 5")
    wait_for_terms(page, 3)
    assert marked(page) == ["tumor", "biopsy", "chemotherapy"]
    # A message repeating a term: the first occurrence in the container is kept.
    page.evaluate("() => window.__say('More chemotherapy and a new biopsy of the lymph node.')")
    wait_for_terms(page, 4)
    page.wait_for_timeout(300)
    assert marked(page) == ["tumor", "biopsy", "chemotherapy", "lymph node"]
    assert (
        page.locator("#chat")
        .text_content()
        .endswith("Maybe chemotherapy.More chemotherapy and a new biopsy of the lymph node.")
    )
    assert record.errors == []


RECORD_ORIGINAL = """
document.addEventListener('readystatechange', () => {
  if (document.readyState === 'interactive') window.__before = document.body.innerHTML;
});
"""


def test_destroy_restores_the_original_dom_exactly(host, new_page):
    url = host.page(
        '<p>The scan showed <span data-glossary="metastasis">metastasis</span>.</p>'
        '<abbr id="ab" data-glossary="hipec">HIPEC</abbr>'
        "<div data-glossary-scan><p>Your <b>chemotherapy</b> starts Monday. A biopsy, "
        "then immunotherapy and chemotherapy.</p><p>Fatigue is common.</p></div>",
    )
    page, record = new_page()
    page.add_init_script(RECORD_ORIGINAL)
    page.goto(url)
    wait_for_terms(page, 6)
    page.locator(TRIGGERS).nth(2).click()
    assert tip_state(page)["visible"]
    assert page.evaluate("() => document.body.innerHTML") != page.evaluate("() => window.__before")
    page.evaluate("() => window.glossaryWidget.destroy()")
    assert page.evaluate("() => document.body.innerHTML") == page.evaluate("() => window.__before")
    assert page.evaluate("() => window.glossaryWidget") is None
    assert page.locator(TRIGGERS).count() == 0
    # Text nodes were merged back: as many as the parser made.
    assert (
        page.evaluate("() => document.querySelector('[data-glossary-scan] p').childNodes.length")
        == 3
    )
    assert record.errors == []


def test_refresh_rescans_everything(host, new_page):
    url = host.page("<div id=box data-glossary-scan><p>Chemotherapy first.</p></div>")
    page, _ = new_page()
    page.goto(url)
    wait_for_terms(page, 1)
    # A page that changed a container's settings asks for a full pass.
    page.evaluate(
        """() => { const box = document.getElementById('box');
        box.setAttribute('data-glossary-skip', '');
        window.glossaryWidget.refresh(); }"""
    )
    page.wait_for_timeout(300)
    assert marked(page) == []
    page.evaluate(
        """() => { document.getElementById('box').removeAttribute('data-glossary-skip');
        window.glossaryWidget.refresh(); }"""
    )
    wait_for_terms(page, 1)
    assert page.locator("#box").text_content() == "Chemotherapy first."
