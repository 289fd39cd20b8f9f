"""/demo/ehr: a made-up EHR problem list whose "i" buttons call /infobutton."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlencode

import simple_icd_10_cm as cm

from glossary_service.web.pages import CONTENT_SECURITY_POLICY, EHR_DEMO_PROBLEMS


class Buttons(HTMLParser):
    def __init__(self):
        super().__init__()
        self.buttons, self.scripts = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "button" and "ehr-info" in attrs.get("class", ""):
            self.buttons.append((attrs["data-code"], attrs["data-name"]))
        if tag == "script":
            self.scripts.append(attrs.get("src"))


def test_every_code_on_the_page_is_icd_10_cm_with_its_official_description():
    coded = [(code, name) for code, name in EHR_DEMO_PROBLEMS if code]
    assert len(coded) >= 5
    for code, name in coded:
        assert cm.is_valid_item(code) and cm.get_description(code) == name, code


def test_the_page_lists_the_problems_under_the_page_policy(client):
    r = client.get("/demo/ehr?lang=es")
    assert r.status_code == 200 and r.mimetype == "text/html"
    assert r.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    page = Buttons()
    page.feed(r.get_data(as_text=True))
    assert page.buttons == list(EHR_DEMO_PROBLEMS)
    # No inline script: every script is a file of this service.
    assert page.scripts and all(src and src.startswith("/assets/") for src in page.scripts)
    assert 'data-infobutton="/infobutton"' in r.get_data(as_text=True)
    script = client.get(page.scripts[-1])
    assert script.status_code == 200 and script.mimetype == "text/javascript"
    # Answers are only ever inserted as text.
    source = script.get_data(as_text=True)
    assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(", source)


def test_every_problem_gets_an_answer(client):
    # The requests the page's script sends (ehr-demo.js builds the same).
    for code, name in EHR_DEMO_PROBLEMS:
        params = (
            {"mainSearchCriteria.v.c": code, "mainSearchCriteria.v.cs": "2.16.840.1.113883.6.90"}
            | {"mainSearchCriteria.v.dn": name}
            if code
            else {"mainSearchCriteria.v.ot": name}
        )
        params |= {
            "informationRecipient": "PAT",
            "informationRecipient.languageCode.c": "ht",
            "knowledgeResponseType": "application/json",
        }
        feed = client.get("/infobutton?" + urlencode(params)).get_json()["feed"]
        assert feed["entry"] and feed["lang"] == "ht", name
