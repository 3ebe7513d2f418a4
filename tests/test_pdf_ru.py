"""The Russian booklet and handouts (issue 19 part 6), read back from a real build of mkdocs.ru.yml: the same
page limits as the English handouts, every font embedded, no missing glyph (checked glyph by glyph against
the embedded fonts with fontTools), Russian text with Russian hyphenation, and none of the PDFs' own English
words (they come from the edition's settings, extra.words.pdf_*)."""

from __future__ import annotations

import io
import re

import pyphen
import pytest
from conftest import ROOT
from fontTools.ttLib import TTFont
from pypdf import PdfReader
from pypdf.generic import ContentStream

from scripts import siteconfig
from scripts.model.print_words import PRINT_WORDS
from scripts.pdf import render as pdf
from scripts.pdf.pagehtml import nav_entries, slug

CONFIG = siteconfig.load(ROOT / "mkdocs.ru.yml")
SETTINGS = pdf.settings(CONFIG)
HANDOUTS = [e.file for e in pdf.handout_pages(nav_entries(CONFIG["nav"]), SETTINGS)]
CYRILLIC = re.compile(r"[А-Яа-яЁё]")
LATIN = re.compile(r"[A-Za-z]")
HYPHENS = "\u2010\u00ad-"  # WeasyPrint's hyphenate-character (U+2010), a soft hyphen, a hyphen
# Russian words are longer: mkdocs.ru.yml sets its own max_pages where the Russian handout needs more
# sides than the English one (what-to-do-now: a side per tier, and a tier's signs do not fit one side at
# 12 pt; lower-back: the body map). Every other handout keeps the English limit.
RUSSIAN_MORE = {"what-to-do-now.md", "lower-back.md"}


@pytest.fixture(scope="module")
def ru_site(tmp_path_factory):
    """The Russian edition with its PDFs, built alone with `make build`'s steps (site/ru/ in the real build)."""
    from scripts.build import build

    site = tmp_path_factory.mktemp("built-ru") / "ru"
    assert build(ROOT / "mkdocs.ru.yml", site) == 0, "the Russian edition does not build"
    return site


@pytest.fixture(params=["built alone", "built inside the English edition"])
def ru_pdfs(request):
    """The Russian edition's built site, alone or as `make build` makes it: inside the English one
    (site/ru/), its PDFs made together with the English PDFs by one set of workers."""
    if request.param == "built alone":
        return request.getfixturevalue("ru_site")
    return request.getfixturevalue("built_site") / "ru"


def all_pdfs(site):
    return sorted((site / "pdf").glob("*.pdf"))


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("md_file", HANDOUTS)
def test_russian_handouts_fit_their_limits(ru_site, md_file):
    reader = PdfReader(ru_site / "pdf" / f"{slug(md_file)}.pdf")
    assert len(reader.pages) <= pdf.handout_limit(md_file, SETTINGS), f"{md_file}: {len(reader.pages)} pages"
    english = pdf.handout_limit(md_file, pdf.settings(siteconfig.load(ROOT / "mkdocs.yml")))
    assert (pdf.handout_limit(md_file, SETTINGS) > english) == (md_file in RUSSIAN_MORE)  # only where said why


def test_the_step_by_step_sheet_says_where_to_turn_only_where_it_is_true(ru_site):
    """"Turn over: 2 is on the back" must be followed, on the back, by part 2; "3 is on the next sheet" by part 3 on the
    front of a later sheet: the Russian sheet is longer than the English one, and paper that says otherwise misleads."""
    words = CONFIG["extra"]["words"]
    back = re.escape(words["flow_turn_back"]).replace(r"\{part\}", r"(\d)")
    next_sheet = re.escape(words["flow_turn_next"]).replace(r"\{part\}", r"(\d)")
    pages = [squash(page.extract_text()) for page in PdfReader(ru_site / "pdf" / "what-to-do-now.pdf").pages]
    names = {"1": words["steps_part_emergency"], "2": words["steps_part_today"], "3": words["steps_part_soon"]}
    starts = {part: next(n for n, text in enumerate(pages, 1) if re.search(rf"{part}\. {re.escape(name)}:", text, re.IGNORECASE))
              for part, name in names.items()}
    for number, text in enumerate(pages, 1):
        for part in re.findall(back, text):
            assert number % 2 == 1 and starts[part] == number + 1, f"page {number} says part {part} is on the back"
        for part in re.findall(next_sheet, text):
            assert starts[part] > number + (number % 2) and starts[part] % 2 == 1, f"page {number} says part {part} is on the next sheet"


def test_the_booklet_and_a_handout_per_page_are_made(ru_pdfs):
    assert sorted(p.name for p in all_pdfs(ru_pdfs)) == sorted([f"{slug(f)}.pdf" for f in HANDOUTS] + ["guide.pdf"])
    booklet = PdfReader(ru_pdfs / "pdf" / "guide.pdf")
    text = squash(" ".join(page.extract_text() for page in booklet.pages))
    for entry in pdf._flatten(nav_entries(CONFIG["nav"])):  # every page's title, in Russian
        assert entry.title in text, entry.title


def test_language_and_metadata_are_russian(ru_pdfs):
    for path in all_pdfs(ru_pdfs):
        reader = PdfReader(path)
        assert reader.trailer["/Root"]["/Lang"] == "ru", path.name
        assert CYRILLIC.search(reader.metadata.title), path.name
    booklet = PdfReader(ru_pdfs / "pdf" / "guide.pdf")
    assert booklet.metadata.title == CONFIG["site_name"]


def fonts_of(resources, found: dict) -> None:
    for font in (resources.get("/Font") or {}).values():
        font = font.get_object()
        found[str(font["/BaseFont"])] = font
    for xobject in (resources.get("/XObject") or {}).values():
        xobject = xobject.get_object()
        if xobject.get("/Subtype") == "/Form" and "/Resources" in xobject:
            fonts_of(xobject["/Resources"].get_object(), found)


def to_unicode(font) -> dict[int, str]:
    """The font's ToUnicode CMap as {code: text} (bfchar and bfrange entries)."""
    data = font["/ToUnicode"].get_object().get_data().decode("latin-1")
    found = {}
    text = lambda hexes: bytes.fromhex(hexes).decode("utf-16-be")
    for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.DOTALL):
        for code, value in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block):
            found[int(code, 16)] = text(value)
    for block in re.findall(r"beginbfrange(.*?)endbfrange", data, re.DOTALL):
        for low, high, value in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block):
            for offset, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                found[code] = chr(int(value, 16) + offset)
    return found


def codes_drawn(reader: PdfReader) -> dict[str, set[int]]:
    """Every glyph code drawn with each font, from the content streams (pages and the forms they draw)."""
    drawn: dict[str, set[int]] = {}

    def walk(contents, resources) -> None:
        fonts = {str(k): str(v.get_object()["/BaseFont"]) for k, v in (resources.get("/Font") or {}).items()}
        xobjects = resources.get("/XObject") or {}
        current = None
        for operands, operator in ContentStream(contents, reader).operations:
            if operator == b"Tf":
                current = fonts.get(str(operands[0]))
            elif operator in (b"Tj", b"TJ", b"'", b'"'):
                strings = operands[0] if operator == b"TJ" else operands[-1:]
                for item in strings:
                    if isinstance(item, (bytes, str)):
                        raw = item.original_bytes if hasattr(item, "original_bytes") else bytes(item)
                        drawn.setdefault(current, set()).update(int.from_bytes(raw[i:i + 2], "big") for i in range(0, len(raw), 2))
            elif operator == b"Do":
                xobject = xobjects.get(str(operands[0]))
                xobject = xobject.get_object() if xobject is not None else None
                if xobject is not None and xobject.get("/Subtype") == "/Form":
                    walk(xobject, (xobject.get("/Resources") or resources).get_object())

    for page in reader.pages:
        walk(page.get_contents(), page["/Resources"].get_object())
    return drawn


@pytest.mark.parametrize("name", ["guide.pdf", "urgent-help.pdf", "what-to-do-now.pdf", "lower-back.pdf", "appointment.pdf"])
def test_fonts_embedded_and_every_glyph_drawn_is_in_its_font(ru_site, name):
    reader = PdfReader(ru_site / "pdf" / name)
    fonts: dict = {}
    for page in reader.pages:
        fonts_of(page["/Resources"].get_object(), fonts)
    # Liberation Sans (Arial's widths, with Cyrillic) for the text; DejaVu Sans for symbols and drawings.
    assert fonts and all("Liberation-Sans" in f or "DejaVu" in f for f in fonts), sorted(fonts)
    covered = set()
    drawn = codes_drawn(reader)
    assert drawn and None not in drawn
    for base, font in fonts.items():
        assert font["/Subtype"] == "/Type0" and font["/Encoding"] == "/Identity-H", base
        descendant = font["/DescendantFonts"][0].get_object()
        assert descendant.get("/CIDToGIDMap") == "/Identity", base  # code = glyph id
        descriptor = descendant["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor, f"{base} is not embedded"
        embedded = TTFont(io.BytesIO(descriptor["/FontFile2"].get_object().get_data()))
        cmap, glyphs = embedded.getBestCmap(), embedded.getGlyphOrder()
        unicode = to_unicode(font)
        for code in drawn.get(base, ()):
            assert code != 0, f"{name}: {base} draws .notdef (a missing glyph)"
            assert code < len(glyphs), f"{name}: {base} draws glyph {code}, which it does not have"
            assert code in unicode, f"{name}: {base} draws glyph {code} ({glyphs[code]}) with no character"
            for char in unicode[code]:  # the embedded font itself maps each character it stands for
                assert ord(char) in cmap, f"{name}: {base} has no {char!r} (U+{ord(char):04X}) in its cmap"
            covered.update(unicode[code])
    text = "".join(page.extract_text() for page in reader.pages)
    assert "\ufffd" not in text and ".notdef" not in text
    missing = {char for char in text if not char.isspace() and char not in covered}
    assert not missing, f"{name}: characters in the text that no embedded font draws: {sorted(missing)}"


def test_a_handout_is_russian_and_hyphenated_in_russian(ru_site):
    """Russian text, and in long Russian paragraphs words broken at the line's end where Russian hyphenation
    (pyphen's ru_RU patterns, which WeasyPrint uses for lang="ru") allows: the PDF says lang="ru" and means it."""
    dictionary = pyphen.Pyphen(lang="ru_RU")
    breaks, wrong = [], []
    for md_file in ("symptoms.md", "cramps.md", "living-with-it.md"):
        text = "\n".join(page.extract_text() for page in PdfReader(ru_site / "pdf" / f"{slug(md_file)}.pdf").pages)
        cyrillic, latin = len(CYRILLIC.findall(text)), len(LATIN.findall(text))
        assert cyrillic / (cyrillic + latin) > 0.9, f"{md_file}: {cyrillic} Cyrillic, {latin} Latin letters"
        for left, right in re.findall(rf"([А-Яа-яЁё]+)[{HYPHENS}]\n([а-яё]+)", text):
            breaks.append(f"{left}-{right}")
            if len(left) not in dictionary.positions((left + right).lower()):
                wrong.append(f"{left}-{right}")
    assert len(breaks) >= 3, breaks
    assert not wrong, f"breaks that are not Russian hyphenation: {wrong}"


def test_english_is_not_hyphenated():
    """UK clear-print advice: no broken words in the English PDFs (pdf.css hyphenates lang="ru" only)."""
    css = pdf.PDF_CSS.read_text(encoding="utf-8")
    rules = [line for line in css.splitlines() if "hyphens: auto" in line]
    assert rules and all(line.lstrip().startswith("html:lang(ru)") for line in rules), rules


def test_no_english_words_of_the_pdfs_own(ru_pdfs):
    english = [w for name, (w, _) in PRINT_WORDS.items() if name.startswith("pdf_")]
    pieces = {p.strip(" .,:()") for w in english for p in re.split(r"\{\w+\}", w) if len(p.strip(" .,:()")) > 5}
    for path in all_pdfs(ru_pdfs):
        reader = PdfReader(path)
        text = squash(" ".join(page.extract_text() for page in reader.pages))
        shown = sorted(piece for piece in pieces if piece in text)
        assert not shown, f"{path.name}: {shown}"
        assert (reader.metadata.get("/Keywords") or "") == CONFIG["extra"]["words"]["pdf_keywords"]
    booklet = squash(" ".join(page.extract_text() for page in PdfReader(ru_pdfs / "pdf" / "guide.pdf").pages))
    for name in ("pdf_contents", "pdf_who_to_call", "pdf_kicker", "pdf_keep_page"):
        assert CONFIG["extra"]["words"][name].casefold() in booklet.casefold(), name  # the kicker is in capitals
    assert re.search(r"Страница 2 из \d+", booklet) and re.search(r"\(стр\.\s\d+\)", booklet)


def test_the_russian_handout_sections_are_headings_of_the_russian_pages(ru_site):
    """extra.pdf in mkdocs.ru.yml names Russian section titles; each one is kept in the handouts that have it."""
    from scripts.pdf.pagehtml import html_file, read_article, section_titles, title_key

    named = set(SETTINGS.handout_sections) | {t for ts in SETTINGS.handout_page_sections.values() for t in ts}
    assert all(CYRILLIC.search(title) for title in named), named
    found = set()
    for md_file in HANDOUTS:
        titles = {title_key(t) for t in section_titles(read_article(ru_site / html_file(md_file)))}
        found |= {t for t in SETTINGS.sections_for(md_file) if title_key(t) in titles}
    assert named == found, f"named but on no page: {sorted(named - found)}"
