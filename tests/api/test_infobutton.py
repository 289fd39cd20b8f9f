"""GET/POST /infobutton: HL7 Infobutton knowledge requests, answered as Atom,
JSON or JSONP, in the reader's language."""

from __future__ import annotations

import json
import re
from urllib.parse import urlencode

import pytest

from glossary_service.ehr.infobutton import MAX_CONCEPTS
from tests.support.atom import XML_LANG, a, check_feed

ICD10CM = "2.16.840.1.113883.6.90"
SNOMED = "2.16.840.1.113883.6.96"
C = "mainSearchCriteria.v.c"
CS = "mainSearchCriteria.v.cs"
DN = "mainSearchCriteria.v.dn"
OT = "mainSearchCriteria.v.ot"
LANG = "informationRecipient.languageCode.c"
TYPE = "knowledgeResponseType"


def get(client, params, headers=None):
    return client.get("/infobutton?" + urlencode(params, doseq=True), headers=headers or {})


def json_feed(client, params, headers=None) -> dict:
    r = get(client, {**dict(params), TYPE: "application/json"}, headers)
    assert r.status_code == 200, r.get_data(as_text=True)
    assert r.mimetype == "application/json"
    return r.get_json()["feed"]


def ids(feed: dict) -> list[str]:
    return [e["id"]["_value"].split("/")[-2] for e in feed["entry"]]


@pytest.fixture(scope="module")
def released(glossary) -> list[str]:
    return [code for code, info in glossary.locales.items() if info.status == "released"]


def test_twelve_released_locales(released):
    assert len(released) == 12


# -- ICD-10-CM codes, through the hierarchy --------------------------------------------


BONE = ["bone-metastasis", "metastasis", "stage-4-cancer"]
CASES = {
    # leaf code with its own mapping, with and without the dot
    "C79.51": BONE,
    "C7951": BONE,
    "c79.51": BONE,
    # a leaf below a mapped subcategory (C79.52 has its own; C79.3x goes up)
    "C79.32": ["metastasis", "stage-4-cancer", "distant-stage"],
    # subcategory, with and without the dot
    "C79.5": BONE,
    "C795": BONE,
    # category
    "C79": ["metastasis", "stage-4-cancer", "distant-stage"],
    "C78.7": ["liver-metastasis", "metastasis", "stage-4-cancer"],
    "C77.9": ["lymph-node", "metastasis", "n-category"],
    "C80.0": ["stage-4-cancer", "metastasis", "malignancy"],
    "J91.0": ["malignancy", "dyspnea"],
    "R18.0": ["ascites", "malignancy"],
    "Z51.11": ["chemotherapy", "immunotherapy"],
    "Z511": ["chemotherapy", "immunotherapy"],
    "Z51.5": ["palliative-care"],
    # placeholder X and a seventh character
    "T45.1X5A": ["side-effect", "chemotherapy"],
}


@pytest.mark.parametrize("code", CASES)
def test_codes_resolve_to_ranked_entries_in_every_language(client, glossary, released, code):
    for lang in released:
        feed = json_feed(client, {C: code, CS: ICD10CM, LANG: lang})
        assert feed["lang"] == lang
        assert ids(feed) == CASES[code], (code, lang)
        view = glossary.view(lang)
        for entry, term_id in zip(feed["entry"], CASES[code], strict=True):
            t = view.terms[term_id]
            assert entry["title"]["_value"] == t.term
            assert entry["summary"]["_value"] == t.short_definition
            assert entry["link"][0]["href"] == f"/terms/{term_id}?lang={lang}"
            assert entry["link"][0]["hreflang"] == lang


def test_a_code_without_a_code_system_is_taken_as_icd_10_cm(client):
    assert ids(json_feed(client, {C: "C79.51"})) == BONE


def test_an_unmapped_code_answers_an_empty_feed(client):
    feed = json_feed(client, {C: "I10", CS: ICD10CM})  # hypertension
    assert feed["entry"] == []


def test_matched_code_and_official_description_are_named(client):
    feed = json_feed(client, {C: "C79.51", CS: ICD10CM})
    by = {
        e["id"]["_value"].split("/")[-2]: [
            c for c in e["category"] if c["scheme"].endswith("matched-by")
        ]
        for e in feed["entry"]
    }
    assert by["bone-metastasis"] == [
        {
            "scheme": "tag:glossary-service,2026:matched-by",
            "term": "icd-10-cm:C79.51",
            "label": "Secondary malignant neoplasm of bone",
        }
    ]
    assert by["metastasis"][0]["term"] == "icd-10-cm:C79"
    echo = {(c["scheme"], c["term"]) for c in feed["category"]}
    assert {(C, "C79.51"), (CS, ICD10CM)} <= echo


# -- display names and original text ---------------------------------------------------------


def test_a_snomed_coded_request_is_served_by_its_display_name(client):
    # No SNOMED CT data here: the code is not read, the display name is.
    feed = json_feed(
        client, {C: "94222008", CS: SNOMED, DN: "Secondary malignant neoplasm of bone"}
    )
    assert ids(feed)[0] == "bone-metastasis"


def test_display_name_only(client):
    assert ids(json_feed(client, {DN: "Malignant pleural effusion"})) == ["malignancy", "dyspnea"]
    assert ids(json_feed(client, {DN: "Metastatic bone disease"}))[0] == "bone-metastasis"
    assert ids(json_feed(client, {DN: "Stage IV lung cancer"}))[0] == "stage-4-cancer"


def test_original_text_and_a_display_name_in_another_language(client):
    assert ids(json_feed(client, {OT: "bone mets"})) == ["bone-metastasis"]
    feed = json_feed(client, {DN: "metástasis hepática", LANG: "es"})
    assert ids(feed)[0] == "liver-metastasis"


def test_words_naming_nothing_answer_an_empty_feed(client):
    assert json_feed(client, {DN: "Essential hypertension"})["entry"] == []


# -- several concepts --------------------------------------------------------------------------


def test_numbered_concepts(client):
    feed = json_feed(
        client,
        {
            f"{C}0": "C78.7",
            f"{CS}0": ICD10CM,
            f"{C}1": "Z51.5",
            f"{CS}1": ICD10CM,
            f"{DN}2": "ascites",
        },
    )
    assert ids(feed) == [
        "liver-metastasis",
        "metastasis",
        "stage-4-cancer",
        "palliative-care",
        "ascites",
    ]
    liver = feed["entry"][0]
    assert {"scheme": f"{C}0", "term": "C78.7"} in liver["category"]


def test_repeated_parameters_pair_by_position(client):
    feed = json_feed(client, {C: ["R18.0", "Z51.12"], CS: ICD10CM})
    assert ids(feed) == ["ascites", "malignancy", "immunotherapy", "chemotherapy"]


def test_a_term_answering_two_concepts_appears_once_naming_both(client):
    feed = json_feed(client, {C: ["C78.7", "C79.51"], CS: ICD10CM})
    assert ids(feed).count("metastasis") == 1
    metastasis = feed["entry"][ids(feed).index("metastasis")]
    codes = {c["term"] for c in metastasis["category"] if c["scheme"] == C}
    assert codes == {"C78.7", "C79.51"}


# -- formats ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", [None, "text/xml", "application/atom+xml", "application/xml"])
def test_atom_feed_is_valid(client, glossary, kind):
    params = {C: "C79.51", CS: ICD10CM, LANG: "ar", "informationRecipient": "PAT"}
    if kind:
        params[TYPE] = kind
    r = get(client, params)
    assert r.status_code == 200
    assert r.mimetype == (kind or "text/xml") and r.mimetype_params["charset"] == "utf-8"
    feed = check_feed(r.data)
    assert feed.get(XML_LANG) == "ar"
    entries = feed.findall(a("entry"))
    assert [e.findtext(a("title")) for e in entries] == [
        glossary.view("ar").terms[i].term for i in BONE
    ]
    link = entries[0].find(a("link"))
    assert link.attrib == {
        "href": "/terms/bone-metastasis?lang=ar",
        "rel": "alternate",
        "type": "text/html",
        "hreflang": "ar",
    }
    echo = {(c.get("scheme"), c.get("term")) for c in feed.findall(a("category"))}
    assert {("informationRecipient", "PAT"), (LANG, "ar"), (C, "C79.51")} <= echo
    assert r.headers["Content-Language"] == "ar"
    assert r.headers["ETag"] and r.headers["Cache-Control"].startswith("public")


def test_json_mirrors_the_atom_feed(client):
    params = {C: "C78.7", CS: ICD10CM, LANG: "vi"}
    atom = check_feed(get(client, params).data)
    feed = json_feed(client, params)
    assert feed["id"]["_value"] == atom.findtext(a("id"))
    assert feed["updated"]["_value"] == atom.findtext(a("updated"))
    for entry, el in zip(feed["entry"], atom.findall(a("entry")), strict=True):
        assert entry["title"]["_value"] == el.findtext(a("title"))
        assert entry["summary"]["_value"] == el.findtext(a("summary"))
        assert entry["content"]["_value"] == el.findtext(a("content"))
        assert entry["id"]["_value"] == el.findtext(a("id"))
        assert entry["link"][0] == el.find(a("link")).attrib


@pytest.mark.parametrize("kind", ["text/javascript", "application/javascript"])
def test_jsonp(client, kind):
    r = get(client, {C: "Z51.5", CS: ICD10CM, TYPE: kind, "callback": "app.show_1$"})
    assert r.status_code == 200 and r.mimetype == "text/javascript"
    text = r.get_data(as_text=True)
    m = re.fullmatch(r"/\*\*/app\.show_1\$\((.*)\);", text, re.S)
    assert m, text[:100]
    assert json.loads(m.group(1))["feed"] == json_feed(client, {C: "Z51.5", CS: ICD10CM})


@pytest.mark.parametrize(
    "callback",
    ["", "alert(1)", "a-b", "<script>", "a..b", "1abc", "a" * 65, "a.b.c.d.e", "é", "a b", "a;b"],
)
def test_jsonp_callback_must_be_a_safe_name(client, problem, callback):
    r = get(client, {C: "Z51.5", TYPE: "text/javascript", "callback": callback})
    body = problem(r, 400)
    assert "callback" in body["detail"]
    assert "<script>" not in r.get_data(as_text=True)


def test_jsonp_needs_a_callback(client, problem):
    problem(get(client, {C: "Z51.5", TYPE: "text/javascript"}), 400)


# -- language ----------------------------------------------------------------------------------


def test_language_from_lang_then_accept_language(client):
    assert json_feed(client, {C: "Z51.5"}, {"Accept-Language": "ko"})["lang"] == "ko"
    assert json_feed(client, {C: "Z51.5", "lang": "ru"}, {"Accept-Language": "ko"})["lang"] == "ru"
    feed = json_feed(client, {C: "Z51.5", LANG: "zh-TW", "lang": "ru"})
    assert feed["lang"] == "zh-Hant"


def test_a_language_not_served_is_english_and_marked(client):
    feed = json_feed(client, {C: "Z51.5", LANG: "ja"})
    assert feed["lang"] == "en"
    assert {
        "scheme": "tag:glossary-service,2026:language-fallback",
        "term": "ja",
        "label": "en",
    } in feed["category"]
    assert "language-fallback" not in json.dumps(json_feed(client, {C: "Z51.5", LANG: "es"}))


def test_untranslated_fields_of_a_draft_locale_are_marked_english(client, glossary):
    view = glossary.view("de")
    term_id = next(i for i, t in view.terms.items() if "short_definition" in t.fallback_fields)
    code = next(m.code for m in glossary.content.codes.icd10cm.values() if term_id in m.terms[:1])
    r = get(client, {C: code, LANG: "de"})
    entry = check_feed(r.data).findall(a("entry"))[0]
    assert entry.get(XML_LANG) == "de"
    assert entry.find(a("summary")).get(XML_LANG) == "en"


# -- POST form, as the URL-based guide allows for long requests ------------------------------------


def test_post_form(client):
    r = client.post(
        "/infobutton",
        data={C: "C79.51", CS: ICD10CM, LANG: "fr", TYPE: "application/json"},
    )
    assert r.status_code == 200
    feed = r.get_json()["feed"]
    assert feed["lang"] == "fr" and ids(feed) == BONE
    assert "ETag" not in r.headers  # a POST answer is not cached


def test_post_other_media_type_is_415(client, problem):
    r = client.post(f"/infobutton?{TYPE}=application/json", json={C: "C79.51"})
    problem(r, 415)


# -- errors ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "params",
    [
        {},
        {CS: ICD10CM},
        {C: "!!", CS: ICD10CM},
        {C: "C79.5.1", CS: ICD10CM},
        {C: "C79.51", CS: "not an oid"},
        {C: "C79.51", TYPE: "text/html"},
        {C: "C79.51", "informationRecipient": "patient"},
        {C: "C79.51", LANG: "e!s"},
        {C: "C79.51", "informationRecipient": ["PAT", "PROV"]},
        {C: "C" * 65},
        {DN: "x" * 201},
        {DN: "bone\x00mets"},
        {f"{C}0": ["C79.51", "C78.7"]},
        {C: [f"C{i:02}" for i in range(MAX_CONCEPTS + 1)]},
        {f"{C}{i}": "C79" for i in range(MAX_CONCEPTS + 1)},
    ],
)
def test_bad_values_are_a_clear_error_in_each_syntax(client, problem, params):
    if TYPE in params:
        atom = get(client, params)  # an unknown syntax: the default, Atom, tells
    else:
        problem(get(client, {**params, TYPE: "application/json"}), 400)
        atom = get(client, params)
    assert atom.status_code == 400 and atom.mimetype == "text/xml"
    assert atom.headers["Cache-Control"] == "no-store"
    feed = check_feed(atom.data)
    assert feed.findall(a("entry")) == []
    cats = {c.get("scheme"): c.get("term") for c in feed.findall(a("category"))}
    assert cats["tag:glossary-service,2026:status"] == "400"
    assert feed.findtext(a("subtitle"))


def test_unknown_parameters_are_ignored(client):
    feed = json_feed(
        client,
        {
            C: "Z51.5",
            "taskContext.c.c": "PROBLISTREV",
            "patientPerson.administrativeGenderCode.c": "F",
            "age.v.v": "67",
            "age.v.u": "a",
            "mainSearchCriteria.v.xyz": "1",
            "whatever": "<script>",
        },
    )
    assert ids(feed) == ["palliative-care"]


def test_nothing_sent_is_echoed_as_markup(client):
    dn = '"><script>alert(1)</script>'
    r = get(client, {DN: dn})
    assert b"<script>" not in r.data
    assert check_feed(r.data).find(a("category")).get("term") == dn
    r = get(client, {DN: dn, TYPE: "application/json"})
    assert b"<script>" not in r.data


def test_the_answer_is_bounded_under_hostile_input(client):
    # The most a request may ask: every concept at its longest, each matching terms.
    r = get(client, {f"{DN}{i}": ("metastasis stage 4 chemotherapy " * 7)[:200] for i in range(20)})
    assert r.status_code == 200
    assert len(r.data) < 200_000
    assert len(check_feed(r.data).findall(a("entry"))) <= 3 * MAX_CONCEPTS


def test_other_methods_are_405(client):
    r = client.delete("/infobutton")
    assert r.status_code == 405 and "GET" in r.headers["Allow"]
    check_feed(r.data)
