"""The EHR demo in Chromium: an "i" button asks /infobutton and shows the answer
in the chosen language, under the pages' strict CSP."""

from __future__ import annotations


def test_info_button_shows_the_answer_in_the_chosen_language(service, new_page, glossary):
    page, record = new_page()
    page.goto(f"{service}/demo/ehr")
    page.select_option("#ehr-language", "es")
    page.click('button[data-code="C79.51"]')
    first = page.locator(".ehr-entries li h3 a").first
    first.wait_for()
    view = glossary.view("es")
    assert first.inner_text() == view.terms["bone-metastasis"].term
    assert first.get_attribute("href") == "/terms/bone-metastasis?lang=es"
    assert page.locator(".ehr-entries li").count() == 3
    assert "mainSearchCriteria.v.c=C79.51" in page.locator(".ehr-request").inner_text()
    # Another language re-asks for the same problem.
    page.select_option("#ehr-language", "ar")
    page.wait_for_function(
        "t => document.querySelector('.ehr-entries li h3 a').textContent === t",
        arg=glossary.view("ar").terms["bone-metastasis"].term,
    )
    # Free text without a code is served by its words.
    page.click('button[data-name="bone mets"]')
    page.wait_for_function(
        "t => document.querySelector('.ehr-entries li h3 a').textContent === t",
        arg=glossary.view("ar").terms["bone-metastasis"].term,
    )
    assert not record.errors and not record.console_errors
