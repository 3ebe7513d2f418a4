"""The search box of a built page, driven as a patient on a phone would (tests/test_search.py and
tests/test_search_ru.py): type a query, read what the reader sees. Each edition gives its own words
for Material's empty-box line and result count."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

EN_COUNT = re.compile(r"(\d+) matching pages|(1) matching page|No matching pages")


@dataclass
class Answer:
    meta: str  # "3 matching pages", as the reader sees it
    pages: list[str]  # every result's page, best first
    text: str  # everything the results say
    count_pattern: re.Pattern = field(default=EN_COUNT, repr=False)  # many pages, one page, none

    @property
    def count(self) -> int | None:
        found = self.count_pattern.fullmatch(self.meta)
        return None if not found else int(found.group(1) or found.group(2) or 0)


class SearchBox:
    """The search box of one open page: type a query, read what the reader sees."""

    PLACEHOLDER = "Type to start searching"  # Material's line while the box is empty
    COUNT = EN_COUNT

    def __init__(self, page):
        self.page = page
        page.locator("label[for=__search]").first.tap()  # the header's magnifier, as on a phone
        self.box = page.locator("input.md-search__input")
        self.box.wait_for(state="visible")
        self._wait_for_meta("===")

    def _wait_for_meta(self, test: str):
        self.page.wait_for_function(f"(p) => document.querySelector('.md-search-result__meta').textContent.trim() {test} p",
                                    arg=self.PLACEHOLDER)

    def _type(self, text: str):
        self.box.fill(text)
        self.box.press("End")  # Material searches on keyup

    def ask(self, query: str) -> Answer:
        # Empty the box and wait for Material's empty-box line, so the next line shown is this query's.
        self._type("")
        self._wait_for_meta("===")
        self._type(query)
        self._wait_for_meta("!==")
        meta = self.page.locator(".md-search-result__meta").inner_text().strip()
        count = Answer(meta, [], "", self.COUNT).count
        # Material shows 10 results, then 4 more each time the list is scrolled to its end: scroll to
        # the top and back down (it reacts to reaching the end) until all are there.
        self.page.wait_for_function("""(n) => {
            const wrap = document.querySelector('.md-search__scrollwrap');
            wrap.scrollTop = wrap.scrollTop > 0 ? 0 : wrap.scrollHeight;
            return document.querySelectorAll('.md-search-result__item').length >= n }""", arg=count or 0, polling=100)
        pages = self.page.evaluate("""() => [...document.querySelectorAll('.md-search-result__item')]
            .map(item => new URL(item.querySelector('a').href).pathname.split('/').pop())""")
        return Answer(meta, pages, self.page.locator(".md-search-result").inner_text(), self.COUNT)
