"""Reading the widget's state in a page. Terms are shadow hosts (a
<glossary-term>, or the data-glossary element itself) whose open shadow root
holds the trigger ([part=term], its text slotted from the host) and, while
open, the tooltip (.tip). Playwright's CSS locators pierce open shadow roots;
page scripts go through shadowRoot."""

from __future__ import annotations

TRIGGERS = "[part=term]"
TIP = ".tip"

# The terms' hosts in document order.
HOSTS_JS = """() => [...document.querySelectorAll('*')]
    .filter(e => e.shadowRoot && e.shadowRoot.querySelector('[part=term]'))"""


def marked(page) -> list[str]:
    """The text of every marked term, in document order."""
    return page.evaluate(f"() => ({HOSTS_JS})().map(h => h.textContent)")


def wait_for_terms(page, count: int) -> None:
    page.wait_for_function(f"n => ({HOSTS_JS})().length >= n", arg=count)


def tip_state(page) -> dict:
    return page.evaluate(
        f"""() => {{
        const host = ({HOSTS_JS})().find(h => h.shadowRoot.querySelector('.tip'));
        if (!host) return {{visible: false}};
        const tip = host.shadowRoot.querySelector('.tip');
        const trigger = host.shadowRoot.querySelector('[part=term]');
        const live = document.querySelector('glossary-live').shadowRoot
            .querySelector('[role=status]');
        return {{
            visible: tip.checkVisibility(),
            term: tip.querySelector('strong').textContent,
            definition: tip.querySelector('span').textContent,
            more: tip.querySelector('a').href,
            target: tip.querySelector('a').target,
            lang: tip.lang,
            dir: tip.dir,
            live: live.textContent,
            open: trigger.getAttribute('aria-expanded') === 'true' ? host.textContent : null,
            controls: trigger.getAttribute('aria-controls') === tip.id,
        }};
    }}"""
    )


def focused(page) -> str:
    """What has focus: the term's text, "More", or the element's text."""
    return page.evaluate(
        """() => {
        let el = document.activeElement;
        while (el && el.shadowRoot && el.shadowRoot.activeElement) {
            const inner = el.shadowRoot.activeElement;
            if (inner.getAttribute('part') === 'term') return el.textContent;
            el = inner;
        }
        return el.textContent;
    }"""
    )
