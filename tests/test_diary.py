"""The printables on "Your appointment". The symptom diary, printed from the browser with nothing
ticked, fills one A4 page with the diary alone (no site header, navigation or the rest of the page;
the print's own margin line names the page) and has rows to write in. The questions checklist has
tick boxes named by their question, which readers can tick. Ticked questions printing with the
diary, and ticks kept over a reload: tests/test_print.py."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser

import pytest
from pypdf import PdfReader
from sitecases import ROOT

from scripts import siteconfig

pytestmark = pytest.mark.browser

PAGE = "appointment.html"
COLUMNS = ["Date", "Where", "How long", "What you were doing", "What helped", "Notes"]


def _squash(text: str) -> str:
    return " ".join(text.split())


def _nav_titles(entries) -> list[str]:
    titles: list[str] = []
    for entry in entries:
        for title, value in entry.items():
            titles += [title, *_nav_titles(value)] if isinstance(value, list) else [title]
    return titles


@pytest.fixture(scope="module")
def printed(browser, site_url) -> PdfReader:
    """The appointment page as Chromium prints it on A4 paper."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + PAGE)
    pdf = page.pdf(format="A4", print_background=True)
    context.close()
    return PdfReader(io.BytesIO(pdf))


def test_diary_prints_on_exactly_one_page(printed):
    assert len(printed.pages) == 1, f"the printed diary takes {len(printed.pages)} pages"


def test_printed_diary_has_every_column_heading(printed):
    text = _squash(printed.pages[0].extract_text())
    missing = [column for column in COLUMNS if column not in text]
    assert missing == [], f"column headings missing from the print-out: {missing}\n{text}"


def test_printed_diary_leaves_out_the_site_around_it(printed):
    text = _squash(" ".join(p.extract_text() for p in printed.pages))
    config = siteconfig.load(ROOT / "mkdocs.yml")
    # The header's site name, every other navigation entry, the rest of the page and its footer.
    # (The page's own title is in the printed page's margin, on purpose: print.css.)
    unwanted = [config["site_name"], *[t for t in _nav_titles(config["nav"]) if t != "Your appointment"],
                "Which questions should I ask", "Print the diary", "Page last updated", "Sources"]
    found = [words for words in unwanted if words in text]
    assert found == [], f"the print-out shows more than the diary: {found}"


class _DiaryRows(HTMLParser):
    """The table rows inside <div class="symptom-diary">, as lists of cell texts."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0  # div nesting inside the diary; 0 = outside it
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "div" and (self.depth or "symptom-diary" in (dict(attrs).get("class") or "").split()):
            self.depth += 1
        elif self.depth and tag == "tr":
            self.rows.append([])
        elif self.depth and tag == "td":
            self.cell = []

    def handle_endtag(self, tag):
        if tag == "div" and self.depth:
            self.depth -= 1
        elif tag == "td" and self.cell is not None:
            self.rows[-1].append("".join(self.cell))
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def test_diary_table_has_empty_rows_to_write_in(built_site):
    rows = _DiaryRows()
    rows.feed((built_site / PAGE).read_text(encoding="utf-8"))
    empty = [row for row in rows.rows if len(row) == len(COLUMNS) and not re.sub(r"[\s\xa0]", "", "".join(row))]
    assert len(empty) >= 8, f"the diary has {len(empty)} empty rows; it needs at least 8"


def test_print_button_shows_and_opens_the_print_dialog(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + PAGE)
    page.evaluate("window.print = () => { window.__printed = true; }")  # no real dialog in a test
    button = page.get_by_role("button", name="Print the diary")
    assert button.is_visible()
    button.click()
    assert page.evaluate("window.__printed === true")
    context.close()


def test_question_tick_boxes_are_named_by_their_question_and_can_be_ticked(browser, site_url):
    context = browser.new_context()
    context.set_default_timeout(5_000)  # a missing name fails fast instead of waiting 30 s
    page = context.new_page()
    page.goto(site_url + PAGE)
    boxes = page.locator(".task-list-item input[type=checkbox]")
    assert boxes.count() >= 10
    question = "Could it be something other than my spine?"
    box = page.get_by_role("checkbox", name=question)  # found only if the box has the question as its name
    assert not box.is_checked()
    page.get_by_text(question).click()  # a tap on the words ticks the box
    assert box.is_checked()
    context.close()


def test_print_button_is_hidden_without_javascript(browser, site_url):
    """Without JavaScript the button could do nothing, so the reader must not see it."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + PAGE)
    assert page.locator(".diary-print").count() == 1
    assert not page.locator(".diary-print").is_visible()
    context.close()
