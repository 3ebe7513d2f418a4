"""The PDF booklet and handouts, read back with pypdf from the real build (built once: `built_site`)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, copy_project
from pypdf import PdfReader

from scripts import siteconfig
from scripts.pdf import render as pdf
from scripts.pdf.pagehtml import html_file, nav_entries, read_article, slug

CONFIG = siteconfig.load(ROOT / "mkdocs.yml")
SETTINGS = pdf.settings(CONFIG)
ENTRIES = nav_entries(CONFIG["nav"])
PAGES = [e for entry in ENTRIES for e in ([entry] if entry.file else entry.children)]
A4 = (595.3, 841.9)
LETTER = (612, 792)


def squash(text: str) -> str:
    return " ".join(text.split())


def first_heading(site: Path, md_file: str) -> str:
    article = read_article(site / html_file(md_file))
    return squash("".join(next(article.iter("h1")).itertext()))


@pytest.fixture(scope="module")
def booklet(built_site) -> PdfReader:
    return PdfReader(built_site / "pdf" / "guide.pdf")


@pytest.fixture(scope="module")
def page_texts(booklet) -> list[str]:
    return [squash(page.extract_text()) for page in booklet.pages]


def outline(reader: PdfReader) -> list[tuple[str, int, list]]:
    """[(title, 1-based page, children)] from the PDF's bookmarks."""
    def walk(items) -> list:
        result = []
        for item in items:
            if isinstance(item, list):
                result[-1][2].extend(walk(item))
            else:
                result.append((item.title, reader.get_destination_page_number(item) + 1, []))
        return result

    return walk(reader.outline)


def test_every_page_appears_in_navigation_order(built_site, page_texts):
    text = " ".join(page_texts)
    positions = []
    for entry in PAGES:
        heading = first_heading(built_site, entry.file)
        assert heading in text, f"{entry.file}: its heading '{heading}' is not in the booklet"
        positions.append(text.index(heading, positions[-1] if positions else 0))
    assert positions == sorted(positions)
    assert "Glossary" in text and "Sources" in text


def test_outline_mirrors_the_navigation_and_headings(built_site, booklet):
    marks = outline(booklet)
    assert [title for title, _, _ in marks] == [entry.title for entry in ENTRIES]
    for (title, _, children), entry in zip(marks, ENTRIES):
        if not entry.file:  # a section of the navigation: its pages, in order
            assert [c[0] for c in children] == [child.title for child in entry.children], title
    urgent = next(m for m in marks if m[0] == "When to get help urgently")
    article = read_article(built_site / "urgent-help.html")
    assert [c[0] for c in urgent[2]] == [squash("".join(h.itertext())) for h in article.findall("h2")]


def test_contents_page_numbers_are_where_the_sections_start(booklet, page_texts):
    contents_page = next(i for i, text in enumerate(page_texts) if text.startswith("Contents"))
    lines = booklet.pages[contents_page].extract_text().splitlines()
    printed = {}
    for line in lines:
        match = re.match(r"^(.*?)[\s.]*\.\s*(\d+)$", line.strip())
        if match:
            printed[squash(match.group(1))] = int(match.group(2))
    starts = {}
    for title, page, children in outline(booklet):
        starts[title] = page
        starts.update({child[0]: child[1] for child in children})
    expected = [entry.title for entry in ENTRIES] + [child.title for entry in ENTRIES for child in entry.children]
    for title in expected:
        assert printed.get(title) == starts[title], f"contents says {title!r} is on page {printed.get(title)}"
        assert title.split(":")[0].split(",")[0] in page_texts[starts[title] - 1]


def test_internal_links_go_to_pages_of_the_booklet(booklet):
    destinations = booklet.named_destinations
    page_ids = {page.indirect_reference.idnum for page in booklet.pages}
    internal = 0
    for page in booklet.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") != "/Link" or "/Dest" not in annotation:
                continue
            name = str(annotation["/Dest"])
            assert name in destinations, f"link to #{name} has no destination"
            assert destinations[name].page.idnum in page_ids
            internal += 1
    assert internal > len(PAGES)  # at least the contents page links every page


def test_metadata_language_tags_and_paper_size(booklet):
    info = booklet.metadata
    assert info.title == CONFIG["site_name"]
    assert info.subject.startswith("Plain-language guide")
    assert info.creation_date is not None and info.modification_date is not None
    root = booklet.trailer["/Root"]
    assert root["/Lang"] == "en"
    assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root  # tagged PDF
    assert 'pdfuaid:part="1"' in root["/Metadata"].get_object().get_data().decode()  # claims PDF/UA-1
    for page in booklet.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A4, abs=1)


def fonts_of(reader: PdfReader) -> dict[str, dict]:
    found = {}
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            found[str(font["/BaseFont"])] = descendant["/FontDescriptor"].get_object()
    return found


def test_fonts_are_embedded_and_no_glyph_is_missing(booklet, page_texts):
    fonts = fonts_of(booklet)
    assert fonts and all("DejaVu" in name for name in fonts), sorted(fonts)
    for name, descriptor in fonts.items():
        assert "/FontFile2" in descriptor or "/FontFile3" in descriptor, f"{name} is not embedded"
    assert not any("\ufffd" in text for text in page_texts)


def test_care_cards_have_symbols_and_words_for_black_and_white(built_site):
    text = squash(PdfReader(built_site / "pdf" / "urgent-help.pdf").pages[0].extract_text())
    assert "\u260e Emergency" in text and "\u26a0 Urgent" in text and "\u25f7 See a doctor soon" in text


def test_handouts_exist_and_fit_their_paper(built_site):
    made = sorted(p.name for p in (built_site / "pdf").glob("*.pdf"))
    wanted = sorted([f"{slug(e.file)}.pdf" for e in PAGES if e.file not in SETTINGS.no_handout] + ["guide.pdf"])
    assert made == wanted
    for entry in PAGES:
        if entry.file in SETTINGS.no_handout:
            continue
        reader = PdfReader(built_site / "pdf" / f"{slug(entry.file)}.pdf")
        assert len(reader.pages) <= pdf.handout_limit(entry.file, SETTINGS), f"{entry.file}: {len(reader.pages)} pages"
        assert reader.metadata.title.startswith(entry.title)
    assert len(PdfReader(built_site / "pdf" / "urgent-help.pdf").pages) == 1


def test_every_web_page_links_its_pdfs(built_site):
    for entry in PAGES:
        page = (built_site / html_file(entry.file)).read_text(encoding="utf-8")
        links = re.findall(r'<aside class="pdf-links".*?</aside>', page, re.DOTALL)
        assert links, f"{entry.file} has no Download or print links"
        assert 'href="./pdf/guide.pdf"' in links[0]
        assert (f'href="./pdf/{slug(entry.file)}.pdf"' in links[0]) == (entry.file not in SETTINGS.no_handout)
    assert pdf.missing_pdf_links(built_site) == []


def test_a_missing_image_stops_the_pdf_step_naming_the_file(built_site, tmp_path, capsys):
    site = shutil.copytree(built_site, tmp_path / "site")
    neck = site / "neck.html"
    neck.write_text(neck.read_text(encoding="utf-8").replace(
        "</article>", '<p><img src="images/not-there.png" alt="A body map"></p></article>', 1), encoding="utf-8")
    assert pdf.step()(ROOT / "mkdocs.yml", site) == 1
    err = capsys.readouterr().err
    assert "docs/neck.md: the image 'images/not-there.png' is missing" in err and "Traceback" not in err


def test_a_broken_image_fails_the_real_build_with_a_clear_message(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "cramps.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n![A diagram](images/not-there.png)\n", encoding="utf-8")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    done = subprocess.run([sys.executable, "-m", "scripts.build"], cwd=project, capture_output=True, text=True,
                          check=False, env=env)
    output = done.stdout + done.stderr
    assert done.returncode != 0
    assert "docs/cramps.md" in output and "not-there.png" in output and "Traceback" not in output
    assert not (project / "site").exists()


def test_a_link_to_a_pdf_that_was_not_built_is_reported(built_site, tmp_path):
    site = shutil.copytree(built_site, tmp_path / "site")
    (site / "pdf" / "neck.pdf").unlink()
    assert pdf.missing_pdf_links(site) == ["neck.html: links to ./pdf/neck.pdf, which was not built"]


def test_us_letter_by_option(built_site, tmp_path):
    site = shutil.copytree(built_site, tmp_path / "site")
    chosen = pdf.settings(CONFIG, "letter")
    urgent = next(e for e in PAGES if e.file == "urgent-help.md")
    pdf.make_handout(urgent, site, chosen, pdf.engine(chosen))
    page = PdfReader(site / "pdf" / "urgent-help.pdf").pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(LETTER, abs=1)


def test_kiosk_build_makes_no_pdfs(tmp_path):
    config = tmp_path / "kiosk.yml"
    config.write_text(f"INHERIT: {ROOT / 'mkdocs.yml'}\nextra:\n  kiosk:\n    idle_seconds: 90\n", encoding="utf-8")
    assert pdf.step()(config, tmp_path) == 0
    assert not (tmp_path / "pdf").exists()


def test_browser_print_hides_web_only_parts_and_shows_addresses(site_url, page):
    page.goto(site_url + "urgent-help.html")
    page.emulate_media(media="print")
    page.evaluate("""() => { for (const [cls, attr] of [['kiosk-bar', ''], ['x', 'data-kiosk-control']]) {
        const b = document.createElement('div'); b.className = cls; b.textContent = 'kiosk';
        if (attr) b.setAttribute(attr, ''); document.querySelector('.md-content__inner').append(b); } }""")
    for selector in (".md-header", ".md-sidebar--primary", ".pdf-links", ".md-footer", ".kiosk-bar", "[data-kiosk-control]"):
        assert not page.locator(selector).first.is_visible(), selector
    after = page.evaluate("""() => { const a = document.createElement('a'); a.href = 'https://www.nhs.uk/';
        a.textContent = 'the NHS website'; document.querySelector('.md-content__inner p').append(a);
        return getComputedStyle(a, '::after').content; }""")
    assert after == '" (https://www.nhs.uk/)"'
    border = page.evaluate("getComputedStyle(document.querySelector('.admonition.emergency')).borderTopStyle")
    assert border == "double"
