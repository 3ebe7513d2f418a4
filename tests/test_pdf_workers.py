"""The PDFs' worker processes (scripts/pdf/workers.py) and the booklet's one-layout page numbers
(scripts/pdf/pagerefs.py), without building the site: small jobs and small documents."""

from __future__ import annotations

import multiprocessing
import os
import re
import time
from pathlib import Path

import pytest

from scripts.pdf import pagerefs, workers
from scripts.pdf.pagehtml import RenderError


def _pages(n):
    return lambda tools: n


def _fails(tools):
    raise RenderError("docs/neck.md (handout pdf/neck.pdf): the image 'x.png' is missing")


def _crashes(tools):
    raise ZeroDivisionError("division by zero")


def _dies(tools):
    os._exit(3)


def _hangs(tools):
    time.sleep(60)
    return 1


def jobs(*runs):
    return [workers.Job(f"doc{i}.pdf", f"document {i}", run) for i, run in enumerate(runs)]


def test_every_document_is_made_by_the_workers():
    made = workers.run(jobs(*(_pages(n) for n in range(1, 8))), lambda: None, workers=2)
    assert made == {f"doc{i}.pdf": i + 1 for i in range(7)}


def test_one_worker_makes_them_one_after_another_here():
    assert workers.run(jobs(_pages(2), _pages(3)), lambda: None, workers=1) == {"doc0.pdf": 2, "doc1.pdf": 3}


def test_a_document_that_cannot_be_printed_is_reported_as_it_is():
    with pytest.raises(RenderError, match=r"^docs/neck.md \(handout pdf/neck.pdf\): the image 'x.png' is missing$"):
        workers.run(jobs(_pages(1), _fails, _pages(1)), lambda: None, workers=2)


def test_an_unexpected_error_names_the_document_not_a_traceback():
    with pytest.raises(RenderError) as raised:
        workers.run(jobs(_pages(1), _crashes), lambda: None, workers=2)
    assert str(raised.value) == "document 1: ZeroDivisionError: division by zero"
    assert "Traceback" not in str(raised.value)


def test_a_worker_that_dies_is_reported_with_its_document():
    with pytest.raises(RenderError, match=r"^document 0: its worker process stopped \(exit code 3\)"):
        workers.run(jobs(_dies, _pages(1)), lambda: None, workers=2)


def test_workers_are_bounded_in_time():
    """A stuck worker is reported and ended, not left running (it would sleep on for a minute)."""
    with pytest.raises(RenderError, match=r"not made within 1 s: document 0"):
        workers.run(jobs(_hangs, _pages(1)), lambda: None, workers=2, timeout=1)
    assert multiprocessing.active_children() == [], "a stuck PDF worker was left running"


def test_no_more_workers_than_cores_or_documents(monkeypatch):
    monkeypatch.delenv("PDF_WORKERS", raising=False)
    assert workers.worker_count(jobs=1) == 1
    assert workers.worker_count(jobs=50) == min(workers.cores(), workers.MAX_WORKERS)
    monkeypatch.setenv("PDF_WORKERS", "3")
    assert workers.worker_count(jobs=50) == 3


# ---------- Page numbers with one layout ----------

CSS = """@page { size: A6; margin: 10mm; }
body { font: 12pt "Liberation Sans"; }
section { break-before: page; }
a.xref::after { content: " (page\u00a0" attr(data-page) ")"; }
.toc a::after { content: leader(". ") " " attr(data-page); }"""
FALLBACK = """a.xref::after { content: " (page\u00a0" target-counter(attr(href url), page) ")"; }
.toc a::after { content: leader(". ") " " target-counter(attr(href), page); }"""


def booklet(right_digits: bool) -> str:
    """A contents list and 12 sections of one page each (section i on page i + 2), each linking the last and the
    first; the placeholders have the digits of the page they will show, or all one digit."""
    def page(i: int) -> str:
        return pagerefs.placeholder(i + 2) if right_digits else "0"

    toc = "".join(f'<li><a href="#s{i}" data-page="{page(i)}">Section {i}</a></li>' for i in range(12))
    sections = "".join(f'<section id="s{i}"><h1>Section {i}</h1><p>See <a class="xref" href="#s11" data-page="{page(11)}">'
                       f'the last</a> and <a class="xref" href="#s0" data-page="{page(0)}">the first</a>.</p></section>'
                       for i in range(12))
    return f'<html lang="en"><body><nav class="toc"><ol>{toc}</ol></nav>{sections}</body></html>'


def lay_out(html: str, numbers: pagerefs.PageNumbers | None, fallback: bool = False):
    import weasyprint

    sheets = [weasyprint.CSS(string=CSS)] + ([weasyprint.CSS(string=FALLBACK)] if fallback else [])
    if numbers is None:
        return weasyprint.HTML(string=html).render(stylesheets=sheets)
    with numbers.hooked():
        return weasyprint.HTML(string=html).render(stylesheets=sheets)


def printed(document) -> list[str]:
    """Each page's texts, in order (the laid-out text boxes)."""
    return [" ".join(box.text for box in page._page_box.descendants() if hasattr(box, "text") and box.text.strip())
            for page in document.pages]


@pytest.mark.parametrize("right_digits", [True, False])
def test_page_numbers_in_one_layout_are_those_weasyprint_works_out(right_digits):
    html = booklet(right_digits)
    numbers = pagerefs.PageNumbers()
    ours = lay_out(html, numbers)
    assert pagerefs.verify(ours, expected=html.count("data-page=")) is None
    reference = lay_out(html.replace("data-page", "data-x"), None, fallback=True)
    assert printed(ours) == printed(reference)
    assert printed(ours)[0].endswith(" 13") and "(page\u00a013)" in printed(ours)[1]  # the last section is on page 13
    if right_digits:  # the right number of digits: written into the laid-out text, nothing laid out again
        assert numbers.written and not numbers.relaid
    else:  # one digit for pages 10 to 13: those pages (and the contents) are laid out again
        assert numbers.relaid


def test_a_number_it_cannot_vouch_for_is_found():
    html = booklet(right_digits=True)
    document = lay_out(html, None)  # no PageNumbers: the placeholders stay
    assert "says page 0" in pagerefs.verify(document, expected=html.count("data-page="))


def test_the_fallback_css_is_the_old_way(tmp_path: Path):
    from scripts.pdf import render

    chosen = render.settings({"config_file": "mkdocs.yml", "site_name": "x"})
    assert "target-counter(attr(href url), page)" in render.fallback_css(chosen)
    assert "target-counter(attr(href), page)" in render.fallback_css(chosen)
    assert "attr(data-page)" in render.words_css(chosen)


class _NoNumbers(pagerefs.PageNumbers):
    def after_pass(self, context, root_box, pages) -> None:  # leaves the placeholders, as a changed WeasyPrint might
        self.passes += 1


class _FailingNumbers(pagerefs.PageNumbers):
    def after_pass(self, context, root_box, pages) -> None:  # as if WeasyPrint's insides had changed
        raise KeyError("page_maker")


@pytest.mark.parametrize("numbers", [pagerefs.PageNumbers, _NoNumbers, _FailingNumbers])
def test_the_booklet_prints_the_right_numbers_even_when_filling_them_in_fails(tmp_path, monkeypatch, caplog, numbers):
    from pypdf import PdfReader

    from scripts.pdf import render

    monkeypatch.setattr(render, "PageNumbers", numbers)
    tools = render.engine(render.settings({"config_file": "mkdocs.yml", "site_name": "x"}))
    html = booklet(right_digits=True).replace("<html", '<html class="booklet"').replace("<section", '<section class="page"')
    pages = render.render(html, tmp_path, tmp_path / "b.pdf", "the test booklet", tools, numbered=html.count("data-page="))
    texts = [" ".join(page.extract_text().split()) for page in PdfReader(tmp_path / "b.pdf").pages]
    assert pages == len(texts) == 13
    assert re.search(r"Section 0[ .]+2 .*Section 11[ .]+13\b", texts[0]), texts[0]  # the contents
    assert all("the last (page 13) and the first (page 2)" in text for text in texts[1:])
    slow = [r.getMessage() for r in caplog.records if "second layout" in r.getMessage()]
    assert bool(slow) == (numbers is not pagerefs.PageNumbers)
    if numbers is _FailingNumbers:
        assert "KeyError: 'page_maker'" in slow[0] and slow[0].startswith("PDF: the test booklet: ")
