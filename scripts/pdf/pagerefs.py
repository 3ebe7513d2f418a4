"""The booklet's page numbers ("(page 12)" after a link, the contents' numbers) with one layout, not two.

With CSS `target-counter(..., page)` WeasyPrint lays every page that holds such a number out twice: the
numbers are only known after a first layout, so it lays those pages out again, and every later page whose
line breaks the new numbers moved (226 page layouts for the 120-page booklet). Here the numbers are plain
text from a `data-page` attribute (`attr(data-page)` in the CSS), a placeholder of as many digits as the
number is expected to have. After WeasyPrint has laid all pages out (the `make_all_pages` pass of its
`layout_document`), `PageNumbers` reads the page each anchor landed on and:

- where the real number has as many digits as the placeholder, writes its digits into the laid-out text:
  Liberation Sans's digits all have the same width (checked for each change: the new text must measure
  exactly as wide as the old), so the lines, pages and everything after them are those of a layout with
  the real numbers;
- otherwise puts the real number in the box tree and marks that page to be laid out again, which
  WeasyPrint's own loop then does (with every later page whose start moved), and checks again after it.

`verify` then reads the finished document through WeasyPrint's public `Page.anchors` and the printed
texts: every numbered link must show the page its anchor is on, or the caller lays the booklet out
again the old way (`target-counter`, `FALLBACK_CSS`), so a change in WeasyPrint can cost time but never
print a wrong number.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field

PAGE_ATTR = "data-page"
DIGITS = re.compile(r"\d+")
# The old way, used when `verify` finds a number it cannot vouch for: WeasyPrint works the numbers out.
FALLBACK_TOC = '.toc a::after { content: leader(". ") " " target-counter(attr(href), page); }\n'


def placeholder(page: int) -> str:
    """The text laid out before the page is known: as many zeros as `page` has digits."""
    return "0" * len(str(max(page, 1)))


def anchor_of(element) -> str | None:
    href = element.get("href") or ""
    return href[1:] if href.startswith("#") else None


def _numbered_text_boxes(root):
    """(element, text box) for the text of every `a[data-page]::after` under `root`."""
    from weasyprint.formatting_structure import boxes

    for box in root.descendants():
        if (isinstance(box, boxes.TextBox) and box.element is not None and box.element_tag.endswith("::after")
                and box.element.get(PAGE_ATTR) is not None):
            yield box.element, box


def _with_number(text: str, number: str) -> str | None:
    """The text with its (last) number replaced, or None when it holds none (a piece of a split line)."""
    found = list(DIGITS.finditer(text))
    if not found:
        return None
    last = found[-1]
    return text[:last.start()] + number + text[last.end():]


def _width(style, text: str) -> float:
    from weasyprint.text.line_break import Layout, line_size

    layout = Layout(style)
    layout.set_text(text)
    line, _ = layout.get_first_line()
    return line_size(line, style)[0]


@dataclass
class PageNumbers:
    """Fills the numbers in during WeasyPrint's layout (see the module's docstring)."""

    passes: int = 0
    written: int = 0  # numbers written into laid-out text
    relaid: set[int] = field(default_factory=set)  # pages laid out again because a number's width changed
    problem: str | None = None  # why the numbers could not be filled in (then `verify` finds the placeholders)
    _widths: dict = field(default_factory=dict)

    def same_width(self, style, old: str, new: str) -> bool:
        widths = []
        for text in (old, new):
            key = (id(style), text)
            if key not in self._widths:
                self._widths[key] = (style, _width(style, text))  # the style is kept so its id stays unique
            widths.append(self._widths[key][1])
        return abs(widths[0] - widths[1]) < 1e-6

    def after_pass(self, context, root_box, pages) -> None:
        """After WeasyPrint made (or re-made) the pages: the real numbers, written in or laid out again."""
        self.passes += 1
        found: dict[str, int] = {}
        for index, (*_, state) in enumerate(context.page_maker[:len(pages)]):
            for name in state.get("anchors", []):
                found.setdefault(name, index + 1)
        for element, box in _numbered_text_boxes(root_box):
            page = found.get(anchor_of(element) or "")
            new = _with_number(box.text, str(page)) if page else None
            if new is not None:
                box.text = new
        for index, page in enumerate(pages):
            for element, box in _numbered_text_boxes(page):
                number = found.get(anchor_of(element) or "")
                new = _with_number(box.text, str(number)) if number else None
                if new is None or new == box.text:
                    continue
                layout = getattr(box, "pango_layout", None)
                if len(new) == len(box.text) and layout is not None and self.same_width(box.style, box.text, new):
                    box.text = layout.text = new
                    self.written += 1
                else:
                    context.page_maker[index][-1]["content_changed"] = True
                    self.relaid.add(index + 1)

    @contextlib.contextmanager
    def hooked(self):
        """While laying out: WeasyPrint's page-making pass followed by `after_pass`."""
        from weasyprint import layout

        original = layout.make_all_pages

        def make_all_pages(context, root_box, html, pages):
            made = list(original(context, root_box, html, pages))
            if self.problem is None:
                try:
                    self.after_pass(context, root_box, made)
                except Exception as error:  # noqa: BLE001 -- WeasyPrint's insides changed: `verify` sends it the old way
                    self.problem = f"{type(error).__name__}: {error}"
            yield from made

        layout.make_all_pages = make_all_pages
        try:
            yield self
        finally:
            layout.make_all_pages = original


def verify(document, expected: int) -> str | None:
    """None when every numbered link of the laid-out `document` shows the page its anchor is on (and all
    `expected` of them were found); else what is wrong."""
    try:
        return _verify(document, expected)
    except Exception as error:  # noqa: BLE001 -- cannot check: the caller lays it out the old way
        return f"cannot check the page numbers ({type(error).__name__}: {error})"


def _verify(document, expected: int) -> str | None:
    first_page: dict[str, int] = {}
    for number, page in enumerate(document.pages, start=1):
        for name in page.anchors:
            first_page.setdefault(name, number)
    seen = set()
    for page in document.pages:
        for element, box in _numbered_text_boxes(page._page_box):
            seen.add(id(element))
            anchor = anchor_of(element)
            digits = DIGITS.findall(box.text)
            if digits and (anchor not in first_page or digits[-1] != str(first_page[anchor])):
                return f"a link to #{anchor} says page {digits[-1]}, its anchor is on page {first_page.get(anchor)}"
    if len(seen) != expected:
        return f"{len(seen)} of {expected} page numbers found in the laid-out booklet"
    return None
