"""The PDF booklet and handouts, read back with pypdf from the real build (built once: `built_site`):
contents, links and outline; UK clear-print sizes (body 12pt, at most a tenth of the text under
10pt); no web-only parts, no second list of links, page numbers in cross-references, no half-empty
page before a picture, a back cover with who to call; handouts that keep their picture and table;
and an independent PDF/UA checker (pdfua) with nothing to report."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

import pytest
from conftest import ROOT, copy_project
from pdfread import MM, body_size, figure_texts, figures, layout, share_under, text_sizes
from pypdf import PdfReader

from scripts import siteconfig
from scripts.pdf import drawings
from scripts.pdf import render as pdf
from scripts.pdf.pagehtml import (
    RenderError,
    html_file,
    keep_handout_sections,
    nav_entries,
    read_article,
    reviewed_date,
    section_titles,
    slug,
    title_key,
)

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
    # Liberation Sans (Arial's widths) for the text; DejaVu Sans only for symbols it lacks.
    assert fonts and all("Liberation-Sans" in name or "DejaVu" in name for name in fonts), sorted(fonts)
    assert any("Liberation-Sans" in name for name in fonts)
    for name, descriptor in fonts.items():
        assert "/FontFile2" in descriptor or "/FontFile3" in descriptor, f"{name} is not embedded"
    assert not any("\ufffd" in text for text in page_texts)


def test_care_cards_have_symbols_and_words_for_black_and_white(built_site):
    """Each level's card title prints after its own symbol: ☎ emergency, ⚠ urgent, ◷ soon."""
    text = squash(" ".join(page.extract_text() for page in PdfReader(built_site / "pdf" / "urgent-help.pdf").pages))
    article = read_article(built_site / "urgent-help.html")
    titles = {}
    for card in article.iter():
        tier = {"emergency", "urgent", "soon"} & set(card.get("class", "").split())
        title = next((e for e in card if e.tag == "summary" or "admonition-title" in e.get("class", "")), None)
        if tier and title is not None:
            titles.setdefault(tier.pop(), squash("".join(title.itertext())))
    assert set(titles) == {"emergency", "urgent", "soon"}, titles
    for tier, symbol in (("emergency", "\u260e"), ("urgent", "\u26a0"), ("soon", "\u25f7")):
        assert f"{symbol} {titles[tier]}" in text, f"{tier}: {symbol} {titles[tier]}"


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


def test_a_missing_image_in_the_russian_edition_stops_both_editions_pdfs_naming_its_file(built_site, tmp_path, capsys):
    """Both editions' PDFs are one step (as `make build` runs it): a Russian page that cannot be printed
    stops it, naming the Russian file and the Russian folder to fix."""
    site = shutil.copytree(built_site, tmp_path / "site")
    shutil.rmtree(site / "pdf")
    shutil.rmtree(site / "ru" / "pdf")
    neck = site / "ru" / "neck.html"
    neck.write_text(neck.read_text(encoding="utf-8").replace(
        "</article>", '<p><img src="images/not-there.png" alt="Карта тела"></p></article>', 1), encoding="utf-8")
    assert pdf.step()(ROOT / "mkdocs.yml", site, (ROOT / "mkdocs.ru.yml", site / "ru")) == 1
    err = capsys.readouterr().err
    assert "docs-ru/neck.md: the image 'images/not-there.png' is missing" in err and "Traceback" not in err
    assert "add the file under docs-ru/" in err and "the booklet and handouts were not made" in err


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


def all_pdfs(site: Path) -> list[Path]:
    return sorted((site / "pdf").glob("*.pdf"))


def test_clear_print_body_12pt_and_little_small_text(built_site):
    """Body (the commonest size outside tables) at least 12pt; of all text, at most a tenth under 10pt."""
    report = []
    for path in all_pdfs(built_site):
        outside, tables = text_sizes(PdfReader(path))
        body, small = body_size(outside), share_under(outside + tables, 10)
        report.append(f"{path.name}: body {body}pt, tables mostly {body_size(tables) if tables else '-'}pt, "
                      f"{small:.1%} of the text under 10pt")
        assert body >= 12, report[-1]
        assert small <= 0.10, report[-1]
    print("\n".join(report))


FIGURE_TEXT_MIN_PT = 9  # UX review M4: no label of a figure under 9pt on paper


def letters(text: str) -> int:
    return len(re.sub(r"\s", "", text))


def printed_drawings(site: Path, md_file: str, handout: bool) -> list[Path]:
    """The SVG drawings a page puts on paper (web-only ones dropped; a handout's sections only)."""
    article = read_article(site / html_file(md_file))
    if handout:
        keep_handout_sections(article, SETTINGS.sections_for(md_file))
    return [site / unquote(img.get("src")) for img in article.iter("img") if img.get("src", "").endswith(".svg")]


def drawn_letters(svg: Path) -> int:
    return sum(letters("".join(t.itertext())) for t in ET.parse(svg).getroot().iter("{http://www.w3.org/2000/svg}text"))


def test_figure_text_at_least_9pt_in_every_pdf(built_site, capsys):
    """Measures the size of every piece of text drawn inside a picture (the labels of the body maps,
    spine diagram, hand map and exercise drawings), in every PDF, and reports the smallest per PDF.
    All the drawings' text must be found, so that text drawn outside the tagged picture cannot hide."""
    report, small, missing = [], [], []
    for path in all_pdfs(built_site):
        found = figure_texts(PdfReader(path))
        handout = path.name != pdf.BOOKLET
        pages = [e for e in PAGES if not handout or f"{slug(e.file)}.pdf" == path.name]
        expected = sum(drawn_letters(svg) for e in pages for svg in printed_drawings(built_site, e.file, handout))
        if sum(letters(f.text) for f in found) != expected:
            missing.append(f"{path.name}: {sum(letters(f.text) for f in found)} letters of figure text found, "
                           f"the drawings it prints have {expected}")
        smallest = f"{found[0].points}pt (page {found[0].page}: {found[0].text!r})" if found else "no figure text"
        report.append(f"{path.name}: smallest figure text {smallest}")
        small += [f"{path.name} page {f.page}: {f.points}pt {f.text!r}" for f in found if f.points < FIGURE_TEXT_MIN_PT]
    with capsys.disabled():
        print("\n" + "\n".join(report))
    assert missing == []
    assert any("pt (page" in line for line in report), "no PDF has a figure with text: this test would prove nothing"
    assert small == [], f"figure text under {FIGURE_TEXT_MIN_PT}pt:\n" + "\n".join(small[:20])


def test_a_drawing_prints_in_its_paper_layout_at_the_size_its_text_needs(tmp_path):
    """scripts/pdf/drawings.py: the paper layout written in the SVG file, and the printed width that
    makes its smallest text PRINT_TEXT_PT (sizes inherited as in SVG)."""
    svg = tmp_path / "map.svg"
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 300" data-print-viewbox="0 0 200 150" '
                   'font-size="20"><g transform="translate(0,150)" data-print-transform="translate(100,-150)"><text>back</text>'
                   '</g><g font-size="12"><text>front</text></g></svg>', encoding="utf-8")
    image = ET.Element("img", {"src": svg.as_uri()})
    drawings.fit(image, svg)
    printed = unquote(image.get("src"))
    assert printed.startswith("data:image/svg+xml") and 'viewBox="0 0 200 150"' in printed
    assert 'transform="translate(100,-150)"' in printed
    assert image.get("style") == f"width: {200 * drawings.PRINT_TEXT_PT / 12:.1f}pt"


def test_a_broken_drawing_stops_the_pdf_step_naming_its_file(built_site, tmp_path, capsys):
    site = shutil.copytree(built_site, tmp_path / "site")
    (site / "images" / "hand-map.svg").write_text("<svg", encoding="utf-8")
    assert pdf.step()(ROOT / "mkdocs.yml", site) == 1
    err = capsys.readouterr().err
    assert "the drawing hand-map.svg cannot be read" in err and "fix docs/images/hand-map.svg" in err
    assert "Traceback" not in err


TABLE_TEXT_MIN_PT = 11  # UX review m15: the treatment handout's table was 10pt


def test_tables_at_11pt_in_every_pdf(built_site):
    report = []
    for path in all_pdfs(built_site):
        _, tables = text_sizes(PdfReader(path))
        if tables:
            report.append(f"{path.name}: table text {min(tables)}pt to {max(tables)}pt")
            assert min(tables) >= TABLE_TEXT_MIN_PT, report[-1]
    assert report, "no PDF has a table: this test would prove nothing"
    print("\n".join(report))


def fill(page_layout, page_figures) -> float:
    """How much of the page's text area its content reaches down (0 to 1)."""
    area_top, area_bottom = 11 * MM, page_layout.height - 12 * MM  # a handout's page margins (pdf.css)
    return (content_bottom(page_layout, page_figures) - area_top) / (area_bottom - area_top)


def test_no_handout_page_but_the_last_is_a_third_empty(built_site):
    """A picture or table kept whole must not push to the next page what leaves a third of this one blank
    (UX review M4). The symptom diary starts a page of its own, by design."""
    for path in all_pdfs(built_site):
        if path.name == pdf.BOOKLET:
            continue
        reader = PdfReader(path)
        placed = figures(reader)
        for index, page in enumerate(reader.pages[:-1]):
            if "My symptom diary" in squash(reader.pages[index + 1].extract_text())[:200]:
                continue
            filled = fill(layout(page), placed.get(index, []))
            assert filled >= 2 / 3, f"{path.name}: page {index + 1} is {1 - filled:.0%} empty"


def test_call_sheet_handouts_open_with_the_numbers_to_call(built_site):
    """The urgent-help sheet: 999 and 111 (from extra.clinic) in large print at the top, and a line for
    the reader's own GP (UX review M5)."""
    clinic = CONFIG["extra"]["clinic"]
    assert SETTINGS.call_sheet
    for md_file in SETTINGS.call_sheet:
        page = layout(PdfReader(built_site / "pdf" / f"{slug(md_file)}.pdf").pages[0])
        top = [(size, text) for at, size, text in page.texts if at < page.height / 4]
        for number in (clinic["emergency_number"], clinic["urgent_number"]):
            sizes = [size for size, text in top if text == number]
            assert sizes and max(sizes) >= 24, f"{md_file}: {number} is not in large print at the top: {top[:12]}"
        assert "Your GP:" in " ".join(text for _, text in top)


def test_the_numbers_to_call_come_from_the_clinic_settings():
    block = pdf.call_numbers({"emergency_number": "112", "emergency_service": "an ambulance",
                              "urgent_number": "116 117", "urgent_advice": "call 116 117"})
    assert '<strong class="call-number">112</strong>' in block and '<strong class="call-number">116 117</strong>' in block
    assert "999" not in block and "111" not in block


@pytest.mark.parametrize("md_file", sorted(SETTINGS.handout_page_sections))
def test_handouts_print_the_sections_their_page_names(built_site, md_file):
    """Each section a page's own list names is in its handout (clinical review m21: the cramps
    handout pointed to a table of the calf pains that are not cramps, and left it out)."""
    text = squash(" ".join(page.extract_text() for page in PdfReader(built_site / "pdf" / f"{slug(md_file)}.pdf").pages))
    article = read_article(built_site / html_file(md_file))
    for wanted in SETTINGS.handout_page_sections[md_file]:
        title = next(t for t in section_titles(article) if title_key(t) == title_key(wanted))
        assert title in text, f"{md_file}: the handout has no section {title!r}"


def test_cramps_handout_keeps_the_calf_pains_that_are_not_cramps(built_site):
    """Clinical review m21: the cramps handout sends the reader to "which calf pain is not a cramp",
    so on paper that section and every row of its table (the clot, blocked artery signs) are there."""
    article = read_article(built_site / "cramps.html")
    title = next((t for t in section_titles(article) if "not a cramp" in t.lower()), None)
    assert title, "cramps.md has no section on the pains that are not a cramp any more: update this test"
    keep_handout_sections(article, [title])
    rows = [squash("".join(row.find("td").itertext())) for row in article.iter("tr") if row.find("td") is not None]
    assert rows, f"the section {title!r} has no table"
    text = squash(" ".join(page.extract_text() for page in PdfReader(built_site / "pdf" / "cramps.pdf").pages))
    assert title in text
    assert [row for row in rows if row not in text] == []


def test_a_section_the_settings_name_that_the_page_lacks_stops_the_pdf_step(built_site, tmp_path):
    site = shutil.copytree(built_site, tmp_path / "site")
    chosen = pdf.settings(CONFIG)
    chosen.handout_page_sections["cramps.md"] = ["The short answer", "Which leg pain is not a cramp?"]
    cramps = next(e for e in PAGES if e.file == "cramps.md")
    with pytest.raises(RenderError, match=r"docs/cramps\.md has no section 'Which leg pain is not a cramp\?'; its sections are: "):
        pdf.make_handout(cramps, site, chosen, pdf.engine(chosen))


def test_pdfua_checker_finds_nothing(built_site):
    """pdfua runs 12 checks (16 of the 106 machine-checkable PDF/UA-1 rules): figures with
    alternative text, table headers, tagged content, language, title. Nothing found = exit code 0."""
    from pdfua import validate

    for path in all_pdfs(built_site):
        report = validate(str(path))
        found = [f"{f.rule_id} {f.severity.name} {f.location.describe()}: {f.message}" for f in report.findings]
        assert found == [], f"{path.name}: " + "\n".join(found[:10])
        # One rule cannot run with pikepdf 10 (a bug in pdfua 0.1.3); a new skip must be noticed.
        assert {o.rule_id for o in report.skipped} <= {"UA-14-001"}, path.name


def struct_elements(reader: PdfReader, role: str) -> list:
    found = []

    def walk(node) -> None:
        node = node.get_object()
        if isinstance(node, list):
            for kid in node:
                walk(kid)
        elif hasattr(node, "get"):
            if node.get("/S") == role:
                found.append(node)
            if "/K" in node:
                walk(node["/K"])

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return found


def test_table_headers_have_a_scope_and_icons_are_not_figures(booklet):
    headers = struct_elements(booklet, "/TH")
    assert headers
    assert all(h["/A"].get_object().get("/Scope") in ("/Column", "/Row") for h in headers)
    # Every figure has words; the card and table icons are drawn as artifacts, not nameless figures.
    assert all(str(f.get("/Alt", "")).strip() for f in struct_elements(booklet, "/Figure"))


def built_text(site: Path, md_file: str, selector_class: str) -> list[str]:
    """Texts of the elements with a class in a built page (before the PDF step drops them)."""
    import tinyhtml5

    document = tinyhtml5.parse((site / html_file(md_file)).read_text(encoding="utf-8"), namespace_html_elements=False)
    article = next(document.iter("article"))
    return [squash("".join(e.itertext())) for e in article.iter() if selector_class in e.get("class", "").split()]


def built_items(site: Path, md_file: str, selector_class: str) -> list[str]:
    """The last paragraph of each list item inside elements with a class (a card grid's blurbs)."""
    import tinyhtml5

    document = tinyhtml5.parse((site / html_file(md_file)).read_text(encoding="utf-8"), namespace_html_elements=False)
    items = [li for e in document.iter() if selector_class in e.get("class", "").split() for li in e.iter("li")]
    return [squash("".join(li.findall("p")[-1].itertext())) for li in items if li.findall("p")]


def test_no_web_only_sentences_and_no_second_list_of_links(built_site, page_texts):
    text = " ".join(page_texts)
    # Sentences, not short labels such as a "Call 999" button whose words the printed card also has.
    web_only = [t for e in PAGES for t in built_text(built_site, e.file, "screen-only") if len(t.split()) >= 6]
    assert web_only, "no page marks a sentence { .screen-only }; this test would prove nothing"
    assert [t for t in web_only if t in text] == []
    # The home page's card grids (links with blurbs) are not printed: the contents page is that list.
    blurbs = built_items(built_site, "index.md", "cards")
    assert blurbs, "the home page has no card grid any more; drop this part of the test"
    assert [b for b in blurbs if b in text] == []


def test_cross_references_give_page_numbers(booklet, page_texts):
    marks = {title: page for title, page, _ in outline(booklet)}
    references = [int(n) for n in re.findall(r"\(page\s(\d+)\)", " ".join(page_texts))]
    assert len(references) >= 10, references
    assert all(1 <= n <= len(page_texts) for n in references)
    # The back cover points to the warning signs: the page it names is where that page starts.
    back = page_texts[-1]
    number = int(re.search(r"When to get help urgently \(page\s(\d+)\)", back).group(1))
    assert number == marks["When to get help urgently"]


def test_back_cover_says_who_to_call_and_which_edition(built_site, page_texts):
    clinic = CONFIG["extra"]["clinic"]
    back = page_texts[-1]
    assert back.startswith("Who to call") or "Who to call" in back[:40], back[:80]
    assert f"Call {clinic['emergency_number']}" in back and clinic["emergency_service"] in back
    assert f"{clinic['urgent_service']}: call {clinic['urgent_number']}" in back
    assert clinic["publisher"] in back and "Edition" in back
    reviewed = max(filter(None, (reviewed_date(read_article(built_site / html_file(e.file))) for e in PAGES)))
    assert f"Edition of {pdf.long_date(reviewed)}" in back


def content_bottom(page_layout, page_figures) -> float:
    """How far down the page its content reaches (points from the top), running header and footer left out."""
    body = [top for top, size, _ in page_layout.texts if 15 * MM < top < page_layout.height - 15 * MM]
    return max(body + [bottom for _, bottom in page_figures], default=0)


def test_no_page_is_half_empty_before_a_figure(booklet):
    pages = [layout(page) for page in booklet.pages]
    placed = figures(booklet)
    area_top, area_bottom = 18 * MM, pages[0].height - 18 * MM  # the booklet's page margins (pdf.css)
    checked = 0
    for index in range(1, len(pages)):
        big = [(top, bottom) for top, bottom in placed.get(index, []) if bottom - top > 30 * MM]
        if not big:
            continue
        first = min(top for top, _ in big)
        above = [size for top, size, _ in pages[index].texts if area_top < top < first]
        if first > area_top + (area_bottom - area_top) / 3 or any(size >= 20 for size in above):
            continue  # the picture is not what opens the page, or a new page of the guide starts here
        checked += 1
        fill = (content_bottom(pages[index - 1], placed.get(index - 1, [])) - area_top) / (area_bottom - area_top)
        assert fill >= 0.5, f"page {index} is {1 - fill:.0%} empty before the picture on page {index + 1}"
    assert checked, "no page opens with a picture: check that figures are still found"


def handout_parts(site: Path, md_file: str) -> tuple[list[str], list[str]]:
    """The picture descriptions and table headings of the sections a page's handout keeps."""
    article = read_article(site / html_file(md_file))
    keep_handout_sections(article, SETTINGS.sections_for(md_file))
    alts = [img.get("alt") for img in article.iter("img") if img.get("alt")]
    heads = [squash("".join(th.itertext())) for th in article.iter("th")][:1]
    return alts, heads


@pytest.mark.parametrize("md_file", sorted(SETTINGS.handout_page_sections))
def test_handouts_keep_their_picture_and_table(built_site, md_file):
    reader = PdfReader(built_site / "pdf" / f"{slug(md_file)}.pdf")
    alts, heads = handout_parts(built_site, md_file)
    assert alts or heads, f"{md_file}: the sections {SETTINGS.handout_page_sections[md_file]} have no picture or table"
    printed_alts = {str(f.get("/Alt")) for f in struct_elements(reader, "/Figure")}
    assert set(alts) <= printed_alts
    text = squash(" ".join(page.extract_text() for page in reader.pages))
    assert all(head in text for head in heads)
    assert len(reader.pages) <= pdf.handout_limit(md_file, SETTINGS)


# ------------------------------------------------------------------ addresses on paper (UX review M6, issue 17 item 5)

def test_while_the_address_is_the_example_domain_no_pdf_prints_it(built_site):
    """Nothing a patient carries home points to a site that does not exist: no QR code, no address."""
    assert pdf.is_example_address(CONFIG["site_url"]) and SETTINGS.public_url == ""
    for path in sorted((built_site / "pdf").glob("*.pdf")):
        text = squash(" ".join(page.extract_text() or "" for page in PdfReader(path).pages))
        assert "example.org" not in text and ".html" not in text, path.name
        assert "ask the clinic staff for its address" in text, path.name


def test_with_a_real_address_handouts_print_their_qr_code_and_address():
    import dataclasses

    entry = next(e for e in PAGES if e.file == "neck.md")
    body = '<h1>Neck</h1><footer class="page-meta"></footer>'
    real = dataclasses.replace(SETTINGS, public_url="https://guide.clinic.nhs.uk/")
    printed = pdf.handout_html(entry, body, real, "d", None, shortened=False)
    assert "QR code of this page online" in printed and "guide.clinic.nhs.uk/neck.html" in printed
    assert "ask the clinic staff" not in printed
    blank = pdf.handout_html(entry, body, SETTINGS, "d", None, shortened=False)
    assert "QR code" not in blank and "ask the clinic staff for its address" in blank
    config = dict(CONFIG, site_url="https://guide.clinic.nhs.uk/")
    assert pdf.settings(config).public_url == "https://guide.clinic.nhs.uk/"


def test_the_english_pdfs_made_with_the_russian_ones_are_english(built_site):
    """`make build` makes both editions' PDFs with one set of workers, each worker with both editions'
    stylesheets: every English PDF has the English words of its own (extra.words) and no Russian letter."""
    for path in sorted((built_site / "pdf").glob("*.pdf")):
        text = " ".join(page.extract_text() for page in PdfReader(path).pages)
        assert not re.search(r"[А-Яа-яЁё]", text), f"{path.name}: Russian letters in an English PDF"
        pages = len(PdfReader(path).pages)
        assert pages == 1 or f"Page 2 of {pages}" in " ".join(text.split()), f"{path.name}: no English page numbers"
    assert sorted(p.name for p in (built_site / "ru" / "pdf").glob("*.pdf")) == sorted(p.name for p in (built_site / "pdf").glob("*.pdf"))
