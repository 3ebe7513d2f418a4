"""The guide's content: every page there, red flags first, tooltips, settings in one place, plain language."""

from __future__ import annotations

import datetime as dt
import re
import statistics
from html import unescape
from html.parser import HTMLParser

import pytest
from conftest import copy_project
from sitecases import ROOT

from scripts import check, readability, siteconfig
from scripts.build import mkdocs_build
from scripts.checks import allowlist, glossary, nav

# The pages the guide must have (GitHub issues 4 and 11), in navigation order.
REQUIRED_PAGES = [
    "Home", "When to get help urgently", "What should I do now?", "Where is it numb?", "Numbness, tingling, burning and weakness",
    "Your spine and nerves, explained", "Numbness from the neck", "Numbness from the lower back",
    "Other causes of numb hands and feet", "Muscle cramps", "Getting diagnosed",
    "Treatment: what works and what does not", "Myths and facts", "Living with it",
    "Your appointment", "Glossary", "About this guide",
]


@pytest.fixture(scope="module")
def config():
    return siteconfig.load(ROOT / "mkdocs.yml")


@pytest.fixture(scope="module")
def checked(config):
    return check.run(config, today=dt.date.today())


def nav_titles(entries) -> list[tuple[str, str]]:
    """(title, file) pairs from the nav, in order."""
    found = []
    for entry in entries:
        for title, value in entry.items():
            found += nav_titles(value) if isinstance(value, list) else [(title, value)]
    return found


def symptom_pages(checked) -> list[str]:
    return [s.rel for s in checked.sources if not s.is_snippet and s.meta.get("symptom_page") is True]


def test_real_content_passes_every_check(checked):
    assert [str(p) for p in checked.problems] == []


def test_every_required_page_is_in_the_navigation_in_order(config):
    titles = [title for title, _ in nav_titles(config["nav"])]
    assert titles == REQUIRED_PAGES


def test_every_page_has_two_or_more_allowed_sources(checked):
    domains = allowlist.load()
    for source in checked.sources:
        if source.is_snippet:
            continue
        sources = source.meta.get("sources") or []
        assert len(sources) >= 2, f"{source.rel} lists fewer than 2 sources"
        assert all(allowlist.allowed(url, domains) for url in sources), source.rel


class _Outline(HTMLParser):
    """Order of care cards and second-level headings inside the article."""

    def __init__(self) -> None:
        super().__init__()
        self.events: list[str] = []

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if tag == "h2":
            self.events.append("h2")
        elif "admonition" in classes or tag == "details":  # open cards, then folded ones
            self.events += [c for c in classes if c in ("emergency", "urgent", "soon")]


def test_symptom_pages_show_their_warning_signs_before_the_first_section(built_site, checked):
    """Each symptom page shows its own signs first (issue 10): the most urgent card open, with a
    tap-to-call number, the less urgent ones folded (details), all before the first section."""
    pages = symptom_pages(checked)
    assert len(pages) >= 8
    for rel in pages:
        html = (built_site / rel.replace(".md", ".html")).read_text(encoding="utf-8")
        article = html[html.index("<article"):html.index("</article>")]
        outline = _Outline()
        outline.feed(article)
        first_h2 = outline.events.index("h2") if "h2" in outline.events else len(outline.events)
        cards = outline.events[:first_h2]
        assert cards and cards[0] in ("emergency", "urgent"), f"{rel}: no open warning card before the first section"
        assert 'href="tel:' in article[:article.find("<h2")], f"{rel}: no tap-to-call number before the first section"


def test_glossary_has_enough_terms_and_the_page_lists_them_all(built_site, checked):
    assert len(checked.terms) >= 30
    html = (built_site / "glossary.html").read_text(encoding="utf-8")
    listed = [unescape(re.sub(r"<[^>]+>", "", t)).strip() for t in re.findall(r"<dt[^>]*>(.*?)</dt>", html, re.DOTALL)]
    assert listed == [" / ".join(term.names) for term in checked.terms]


def test_every_marked_glossary_term_renders_with_its_tooltip(built_site, checked):
    # The definitions as the page transforms show them: `{{ act: }}` and settings filled in.
    from scripts.transforms import load_site

    by_name = {name.lower(): term for term in load_site(ROOT / "mkdocs.yml").terms for name in term.names}
    marked = 0
    for source in checked.sources:
        if source.is_snippet or source.rel == glossary.GLOSSARY_PAGE:
            continue
        html = (built_site / source.rel.replace(".md", ".html")).read_text(encoding="utf-8")
        tooltips = set(re.findall(r'<abbr[^>]*title="([^"]+)"', html))
        for _, line in source.body_lines():
            for match in glossary.GLOSSARY_REF.finditer(line):
                term = by_name[match.group(1).strip().lower()]
                title = term.plain_definition.replace("&", "&amp;").replace('"', "&quot;")
                assert title in tooltips or title.replace("'", "&#x27;") in tooltips, f"{source.rel}: {term.name}"
                marked += 1
    assert marked >= 15, "too few glossary terms are marked in the pages"


def test_emergency_number_is_set_in_one_place(tmp_path, checked):
    """Change the number in mkdocs.yml only: every emergency card on every page follows."""
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert 'emergency_number: "999"' in text
    config.write_text(text.replace('emergency_number: "999"', 'emergency_number: "112"'), encoding="utf-8")
    out = tmp_path / "out"
    assert mkdocs_build(config, out) == 0
    cards = 0
    for rel in symptom_pages(checked):
        html = (out / rel.replace(".md", ".html")).read_text(encoding="utf-8")
        for card in re.findall(r'<div class="admonition emergency">.*?</div>', html, re.DOTALL):
            assert "112" in card and "999" not in card, rel
            cards += 1
    assert cards >= len(symptom_pages(checked))


def test_reading_level(monkeypatch):
    scores = readability.scores(ROOT / "mkdocs.yml")
    too_hard = [(s.page, s.grade) for s in scores if s.grade > readability.MAX_GRADE]
    assert too_hard == []
    assert statistics.median(s.grade for s in scores) <= readability.MAX_MEDIAN
    assert all(s.longest_sentence <= 25 for s in scores), [(s.page, s.longest_sentence) for s in scores]


def test_readability_measures_body_text_only():
    from scripts.sources import Source, split_front_matter

    source = Source(ROOT / "x.md", "x.md", "---\ntitle: Antidisestablishmentarianism\n---\n\n# Heading\n\n| C5 | shoulder |\n|---|---|\n\nYou can walk. [[sciatica|Sciatica]] hurts.\n")
    split_front_matter(source)
    assert readability.body_text(source) == "You can walk. Sciatica hurts."


def test_a_sentence_wrapped_over_lines_is_read_as_one_sentence():
    from scripts.sources import Source, split_front_matter

    source = Source(ROOT / "x.md", "x.md", "---\ntitle: x\n---\n\nYou can walk\nto the shop. Then rest\n\n- a list item\n  that wraps\n- another\n")
    split_front_matter(source)
    assert readability.body_text(source) == "You can walk to the shop. Then rest.\na list item that wraps.\nanother."


def test_icon_shortcodes_are_not_read_as_words():
    from scripts.sources import Source, split_front_matter

    source = Source(ROOT / "x.md", "x.md", "---\ntitle: x\n---\n\nCall now :material-phone-alert:\n")
    split_front_matter(source)
    assert readability.body_text(source) == "Call now."


class _Images(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.missing: list[str] = []
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "img" and not (attributes.get("alt") or "").strip():
            self.missing.append(attributes.get("src", "?"))
        if tag == "svg" and attributes.get("aria-hidden") != "true" and not (
            attributes.get("aria-label") or attributes.get("aria-labelledby") or attributes.get("role") == "presentation"
        ):
            self.missing.append("inline <svg>")


def test_every_figure_has_a_text_alternative(built_site, config):
    for rel in nav.nav_files(config["nav"]):
        html = (built_site / rel.replace(".md", ".html")).read_text(encoding="utf-8")
        article = html[html.index("<article"):html.index("</article>")]
        images = _Images()
        images.feed(re.sub(r'<span class="twemoji[^"]*">.*?</span>', "", article, flags=re.DOTALL))
        assert images.missing == [], f"{rel}: images without a text alternative: {images.missing}"


@pytest.mark.parametrize("page, roots", [("neck.html", ["C5", "C6", "C7", "C8"]), ("lower-back.html", ["L4", "L5", "S1"])])
def test_body_maps_come_with_a_table_of_the_same_information(built_site, page, roots):
    html = (built_site / page).read_text(encoding="utf-8")
    assert re.search(r'<img[^>]+src="images/bodymap-[^"]+\.svg"', html), f"{page} has no body map"
    tables = re.findall(r"<table>.*?</table>", html, re.DOTALL)
    assert any(all(f">{root}<" in t or f">{root} " in t for root in roots) for t in tables), f"{page}: no table of {roots}"
