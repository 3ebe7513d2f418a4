"""The browser's own print of a page (docs/assets/stylesheets/print.css, overrides/main.html), read back
from Chromium's PDF with pypdf: every page says what it is, when it was reviewed, where it lives
online and which page it is; web-only sentences stay off paper. On "Your appointment", the ticked
questions print with the diary, and ticks survive a reload (docs/assets/javascripts/diary.js)."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader
from sitecases import ROOT

from scripts import siteconfig

pytestmark = pytest.mark.browser

CONFIG = siteconfig.load(ROOT / "mkdocs.yml")
APPOINTMENT = "appointment.html"
TICKED = "Could it be something other than my spine?"
NOT_TICKED = "What do you think is causing my symptoms?"


def squash(text: str) -> str:
    return " ".join(text.split())


def printed(page) -> list[str]:
    """The page as Chromium prints it on A4 (as Ctrl+P does), one text per sheet."""
    reader = PdfReader(io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True)))
    return [squash(sheet.extract_text()) for sheet in reader.pages]


@pytest.mark.parametrize("name", ["neck.html", "urgent-help.html", "index.html"])
def test_every_printed_sheet_has_title_date_address_and_page_number(page, site_url, name):
    page.goto(site_url + name)
    title = squash(page.evaluate("document.querySelector('article h1').textContent"))
    if name == "index.html":
        title = CONFIG["site_name"]
    sheets = printed(page)
    address = CONFIG["site_url"].rstrip("/") + "/" + name
    for number, text in enumerate(sheets, 1):
        where = f"{name}, sheet {number}: {text[:300]}"
        assert f"Page {number} of {len(sheets)}" in text, where
        assert title in text, where
        assert re.search(r"Updated \d{1,2} [A-Z][a-z]+ 20\d\d · (not yet )?checked by a clinician", text), where
        assert address in text, where


def test_screen_only_sentences_are_not_printed_and_print_only_ones_are(page, site_url):
    page.goto(site_url + "neck.html")
    page.evaluate("""() => { const inner = document.querySelector('.md-content__inner');
        for (const [cls, words] of [['screen-only', 'Tap the picture to zoom'], ['print-only', 'Printed from the guide']]) {
            const p = document.createElement('p'); p.className = cls; p.textContent = words; inner.prepend(p); } }""")
    assert page.locator(".print-only").first.is_hidden()  # on screen
    text = " ".join(printed(page))
    assert "Printed from the guide" in text and "Tap the picture to zoom" not in text


def test_ticks_survive_a_reload_in_the_same_tab_only(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + APPOINTMENT)
    page.get_by_text(TICKED).click()
    assert page.get_by_role("checkbox", name=TICKED).is_checked()
    page.reload()
    assert page.get_by_role("checkbox", name=TICKED).is_checked()
    assert not page.get_by_role("checkbox", name=NOT_TICKED).is_checked()
    other_tab = context.new_page()  # sessionStorage is per tab: a new tab starts clean
    other_tab.goto(site_url + APPOINTMENT)
    assert not other_tab.get_by_role("checkbox", name=TICKED).is_checked()
    page.get_by_text(TICKED).click()  # unticking is kept too
    page.reload()
    assert not page.get_by_role("checkbox", name=TICKED).is_checked()
    context.close()


def test_appointment_print_gives_ticked_questions_and_the_diary(page, site_url):
    page.goto(site_url + APPOINTMENT)
    page.get_by_text(TICKED).click()
    page.emulate_media(media="print")
    assert page.get_by_text(TICKED).is_visible()
    assert not page.get_by_text(NOT_TICKED).is_visible()
    assert page.locator(".symptom-diary table").is_visible()
    text = " ".join(printed(page))
    assert TICKED in text and NOT_TICKED not in text
    assert "Which questions should I ask?" in text
    assert "Where" in text and "What helped" in text  # the diary's columns
    assert "How do I use the symptom diary?" not in text  # the rest of the page stays off


def test_appointment_print_without_ticks_is_the_diary_alone(page, site_url):
    page.goto(site_url + APPOINTMENT)
    sheets = printed(page)
    text = " ".join(sheets)
    assert len(sheets) == 1 and "My symptom diary" in text
    assert "Which questions should I ask?" not in text and NOT_TICKED not in text


def test_folded_warning_cards_print_open(browser, site_url):
    """On screen the same-day and "soon" cards of a topic page are folded to their title; paper
    cannot be tapped, so the print shows every sign in them (print.css; without JavaScript too,
    where Material's own open-on-print script does not run)."""
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + "neck.html")
        cards = "article details:is(.emergency, .urgent, .soon):not([open]) li"
        folded = page.locator(cards).all_text_contents()
        assert folded, "neck.html has no folded warning card any more: test another page"
        assert not page.locator(cards).first.is_visible()
        text = " ".join(printed(page))
        for sign in folded:
            assert squash(sign) in text
    finally:
        context.close()
