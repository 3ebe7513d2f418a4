"""PDF booklet and handouts from the built site, with WeasyPrint (CSS paged media).

A build step (scripts/build.py runs it on the temporary build before swapping it in):
  site/pdf/guide.pdf     every page in navigation order, with cover, contents, glossary and sources
  site/pdf/<page>.pdf    one handout per topic page (not for pages listed in extra.pdf.no_handout)
Settings live in mkdocs.yml under extra.pdf (paper, public_url, no_handout, call_sheet, handout_sections,
handout_page_sections); the back cover's "who to call" comes from extra.clinic.
Any problem stops the build with a message naming the file; the previous site stays.

    python -m scripts.pdf -d SITE_DIR [--paper letter]   render the PDFs into an already built site
"""

from __future__ import annotations

import argparse
import datetime
import logging
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from scripts import siteconfig
from scripts.model.settings import is_example_address
from scripts.model.signoff import long_date as dated
from scripts.model.tiers import ENGLISH
from scripts.pdf.pagehtml import (
    LinkContext,
    NavEntry,
    RenderError,
    drop_link_grids,
    escape,
    html_file,
    keep_handout_sections,
    nav_entries,
    prefix_ids,
    read_article,
    reviewed_date,
    rewrite,
    section_titles,
    serialize,
    signoff_state,
    slug,
    title_key,
)
from scripts.pdf.pagerefs import FALLBACK_TOC, PAGE_ATTR, PageNumbers, anchor_of, placeholder, verify

PDF_CSS = Path(__file__).with_name("pdf.css")
PAPER_SIZES = {"a4": "A4", "letter": "letter"}
BOOKLET = "guide.pdf"
PDF_DIR = "pdf"
LIMITS = {"two_sides": 2, "call_sheet": 1}


@dataclass
class Words:
    """The words the PDFs print (extra.words, English when not set) and the clinic settings they name."""

    clinic: dict[str, str] = field(default_factory=dict)
    words: dict = field(default_factory=dict)  # extra.words: every word the PDFs print, in the edition's language

    def word(self, name: str) -> str:
        """One of the edition's words as set (extra.words.NAME), English when not set."""
        text = self.words.get(name)
        return text if isinstance(text, str) else ENGLISH[name]

    def say(self, name: str, **values: str) -> str:
        """A word with its {marks} filled in: the clinic settings, then `values`."""
        return self.word(name).format_map(_Blank({**self.clinic, **values}))

    def date(self, iso: str | datetime.date) -> str:
        """"3 December 2026", with the edition's month names (extra.words.months)."""
        months = self.words.get("months")
        return dated(datetime.date.fromisoformat(str(iso)), months if isinstance(months, list) and len(months) == 12 else None)


@dataclass(kw_only=True)
class Settings(Words):
    title: str
    description: str
    lang: str
    notice: str
    public_url: str
    paper: str  # a CSS page size: "A4" or "letter"
    no_handout: set[str]
    call_sheet: set[str]
    max_pages: dict  # page -> most pages its handout may have, where the default does not fit
    handout_sections: list[str]
    handout_page_sections: dict[str, list[str]]  # page -> the sections its handout keeps, instead of the shared list
    kiosk: bool
    config_name: str = "mkdocs.yml"  # for messages
    docs_dir: str = "docs"

    def sections_for(self, md_file: str) -> list[str]:
        """The sections a page's handout keeps: its own list if it has one, else the shared list."""
        return self.handout_page_sections.get(md_file, self.handout_sections)


def settings(config: dict, paper: str | None = None) -> Settings:
    extra = config.get("extra") or {}
    pdf = extra.get("pdf") or {}
    chosen = str(paper or pdf.get("paper") or "A4").lower()
    if chosen not in PAPER_SIZES:
        raise RenderError(f"{config['config_file']}: extra.pdf.paper is '{chosen}'; use A4 or letter")
    public_url = pdf.get("public_url") or config.get("site_url") or ""
    if is_example_address(public_url):  # a QR code or address to a site that does not exist is a dead end
        public_url = ""
    theme = config.get("theme") or {}
    edition = extra.get("edition") or {}
    # The edition's language (extra.edition.language): the PDF's lang, so WeasyPrint hyphenates in it.
    lang = edition.get("language") or (theme.get("language") if isinstance(theme, dict) else None) or "en"
    return Settings(
        title=str(config.get("site_name", "")), description=" ".join(str(config.get("site_description", "")).split()),
        lang=str(lang),
        notice=" ".join(str(config.get("copyright", "")).split()),
        public_url=public_url.rstrip("/") + "/" if public_url else "",
        paper=PAPER_SIZES[chosen], no_handout=set(pdf.get("no_handout", [])), call_sheet=set(pdf.get("call_sheet", [])),
        max_pages={str(k): int(v) for k, v in (pdf.get("max_pages") or {}).items()},
        handout_sections=[str(t) for t in pdf.get("handout_sections", [])],
        handout_page_sections={str(page): [str(t) for t in titles]
                               for page, titles in (pdf.get("handout_page_sections") or {}).items()},
        clinic={str(k): " ".join(str(v).split()) for k, v in (extra.get("clinic") or {}).items()},
        kiosk=bool(extra.get("kiosk")),
        words=dict(extra.get("words") or {}),
        config_name=Path(str(config.get("config_file") or "mkdocs.yml")).name, docs_dir=str(config.get("docs_dir") or "docs"),
    )


def long_date(iso: str | datetime.date, months: list[str] | None = None) -> str:
    """"3 December 2026" (the English month names unless `months` are given)."""
    return dated(datetime.date.fromisoformat(str(iso)), months)


class _Blank(dict):
    def __missing__(self, name: str) -> str:  # a missing setting is reported by the settings check
        return ""


def handout_pages(entries: list[NavEntry], chosen: Settings) -> list[NavEntry]:
    return [e for e in _flatten(entries) if e.file not in chosen.no_handout]


def _flatten(entries: list[NavEntry]) -> list[NavEntry]:
    return [e for entry in entries for e in ([entry] if entry.file else _flatten(entry.children))]


def built_date() -> datetime.date:
    """Today, or SOURCE_DATE_EPOCH for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    now = datetime.datetime.fromtimestamp(int(epoch), datetime.UTC) if epoch else datetime.datetime.now(datetime.UTC)
    return now.date()


def head(chosen: Settings, title: str, description: str, kind: str, reviewed: str | None) -> str:
    """<head> with what WeasyPrint copies into the PDF's metadata."""
    today = built_date().isoformat()
    return (f'<html lang="{escape(chosen.lang)}" class="{kind}"><head><meta charset="utf-8">'
            f"<title>{escape(title)}</title>"
            f'<meta name="description" content="{escape(description)}">'
            f'<meta name="author" content="{escape(chosen.title)}">'
            f'<meta name="keywords" content="{escape(chosen.say("pdf_keywords"))}">'
            f'<meta name="dcterms.created" content="{today}">'
            f'<meta name="dcterms.modified" content="{reviewed or today}">'
            "</head>")


def qr_code(url: str) -> str:
    import segno

    return segno.make(url, error="m").svg_data_uri(scale=4, border=2, dark="#000")


@dataclass(frozen=True)
class Checked:
    """How many of the booklet's pages a clinician has checked (each page's sign-off line)."""

    pages: int
    checked: int

    def sentence(self, chosen: Words | None = None) -> str:
        chosen = chosen or Words()
        if not self.pages:
            return ""
        if not self.checked:
            return chosen.say("pdf_none_checked")
        if self.checked == self.pages:
            return chosen.say("pdf_all_checked", pages=str(self.pages))
        return chosen.say("pdf_some_checked", checked=str(self.checked), pages=str(self.pages))


def no_address(chosen: Settings) -> str:
    """While the site's address is the example domain, paper says this instead of a dead address or QR code."""
    return escape(chosen.say("pdf_no_address"))


def cover(chosen: Settings, reviewed: str | None, checked: Checked) -> str:
    qr = f'<p class="cover-online">{no_address(chosen)}</p>'
    if chosen.public_url:
        shown = chosen.public_url.split("://", 1)[-1].rstrip("/")
        qr = (f'<figure class="cover-qr"><img src="{qr_code(chosen.public_url)}" alt="{escape(chosen.say("pdf_cover_qr"))}">'
              f"<figcaption>{escape(chosen.say('pdf_read_online', address=shown))}</figcaption></figure>")
    dates = f"<p>{escape(chosen.say('pdf_made_on', date=chosen.date(built_date())))}</p>"
    if reviewed:  # the pages' front matter date: when the team last changed them, not a clinical check
        dates += f"<p>{escape(chosen.say('pdf_content_updated', date=chosen.date(reviewed)))}</p>"
    if checked.sentence(chosen):
        dates += f'<p class="cover-checked">{escape(checked.sentence(chosen))}</p>'
    return (f'<section class="cover"><p class="cover-kicker">{escape(chosen.say("pdf_kicker"))}</p>'
            f'<h1 class="cover-title">{escape(chosen.title)}</h1>'
            f'<p class="cover-subtitle">{escape(chosen.description)}</p>'
            f'<div class="cover-dates">{dates}</div>{qr}'
            f'<p class="cover-notice">{escape(chosen.notice)}</p></section>')


def back_cover(chosen: Settings, reviewed: str | None, urgent: NavEntry | None, checked: Checked,
               guess: dict[str, int] | None = None) -> str:
    """The last page: who to call, from extra.clinic, and which edition this is."""
    clinic = chosen.clinic
    see = ""
    if urgent is not None:  # the link's words are the page's own title, in the edition's language
        anchor = slug(urgent.file)
        link = (f'<a class="xref" href="#{anchor}" {PAGE_ATTR}="{placeholder((guess or {}).get(anchor, 10))}">'
                f"{escape(urgent.title)}</a>")
        see = " " + escape(chosen.say("pdf_see_signs", link="\0")).replace("\0", link)
    calls = []
    if clinic.get("emergency_number"):
        calls.append(f'<div class="call call-emergency"><p class="call-when">{escape(chosen.say("pdf_emergency_when"))}</p>'
                     f'<p class="call-what">{escape(chosen.say("pdf_emergency_call"))}</p></div>')
    if clinic.get("urgent_advice"):
        line = f'<p class="call-what">{escape(chosen.say("pdf_urgent_call"))}</p>'
        if clinic.get("urgent_service") and clinic.get("urgent_number"):
            line += f'<p>{escape(chosen.say("pdf_urgent_line"))}</p>'
        calls.append(f'<div class="call call-urgent"><p class="call-when">{escape(chosen.say("pdf_urgent_when"))}</p>{line}</div>')
    calls.append(f'<div class="call call-soon"><p class="call-when">{escape(chosen.say("pdf_soon_when"))}</p>'
                 f'<p class="call-what">{escape(chosen.say("pdf_soon_call"))}</p></div>')
    if clinic.get("reception_note"):
        calls.append(f'<p class="call-what">{escape(clinic["reception_note"])}</p>')
    edition = chosen.say("pdf_edition_of", date=chosen.date(reviewed)) if reviewed else chosen.say("pdf_edition")
    edition = " ".join([edition.rstrip(".") + ".", chosen.say("pdf_printed_on", date=chosen.date(built_date())),
                        checked.sentence(chosen)]).strip()
    who = f"<p>{escape(chosen.say('pdf_published_by'))}</p>" if clinic.get("publisher") else ""
    report = f"<p>{escape(chosen.say('pdf_report'))}</p>" if clinic.get("report_problem") else ""
    online = (f"<p>{escape(chosen.say('pdf_online', address=chosen.public_url.split('://', 1)[-1].rstrip('/')))}</p>"
              if chosen.public_url else f"<p>{no_address(chosen)}</p>")
    return (f'<section class="back-cover" aria-labelledby="back-cover-title">'
            f'<h1 class="back-cover-title" id="back-cover-title">{escape(chosen.say("pdf_who_to_call"))}</h1>'
            f'<p>{escape(chosen.say("pdf_keep_page"))}{see}</p>{"".join(calls)}'
            f'<div class="edition"><p><strong>{escape(chosen.title)}</strong></p><p>{escape(edition)}</p>{who}{report}{online}'
            f'<p>{escape(chosen.notice)}</p></div></section>')


def contents(entries: list[NavEntry], chosen: Settings, guess: dict[str, int] | None = None) -> str:
    """The contents list; each link's page number comes from its data-page (pagerefs.py), a placeholder of
    the digits `guess` expects."""
    guess = guess or {}

    def link(anchor: str, title: str) -> str:
        return (f'<a href="#{anchor}" {PAGE_ATTR}="{placeholder(guess.get(anchor, 10))}">'
                f"{escape(title)}</a>")

    def items(level_entries: list[NavEntry]) -> str:
        out = []
        for entry in level_entries:
            if entry.file:
                out.append(f"<li>{link(slug(entry.file), entry.title)}</li>")
            else:
                out.append(f'<li class="toc-part">{link(f"part--{slug(entry.title)}", entry.title)}'
                           f"<ol>{items(entry.children)}</ol></li>")
        return "".join(out)

    return (f'<nav class="toc" id="contents"><h2 class="toc-title">{escape(chosen.say("pdf_contents"))}</h2>'
            f"<ol>{items(entries)}</ol></nav>")


def page_section(entry: NavEntry, body: str, in_part: bool) -> str:
    kind = "page in-part" if in_part else "page"
    return f'<section class="{kind}" id="{slug(entry.file)}">{body}</section>'


def booklet_html(entries: list[NavEntry], bodies: dict[str, str], chosen: Settings, reviewed: str | None,
                 checked: Checked, guess: dict[str, int] | None = None) -> str:
    parts = []
    for entry in entries:
        if entry.file:
            parts.append(page_section(entry, bodies[entry.file], in_part=False))
        else:
            inner = "".join(page_section(child, bodies[child.file], in_part=True) for child in _flatten(entry.children))
            parts.append(f'<section class="part" id="part--{slug(entry.title)}">'
                         f'<h1 class="part-title">{escape(entry.title)}</h1>{inner}</section>')
    urgent = next((e for e in _flatten(entries) if e.file == "urgent-help.md"), None)
    body = (f'<body data-running-title="{escape(chosen.title)}">{cover(chosen, reviewed, checked)}{contents(entries, chosen, guess)}'
            f'{"".join(parts)}{back_cover(chosen, reviewed, urgent, checked, guess)}</body>')
    return head(chosen, chosen.title, chosen.description, "booklet", reviewed) + body + "</html>"


def call_numbers(chosen: Words | dict) -> str:
    """The numbers to call, in large print, and a line for the reader's own GP (UX review M5): from
    extra.clinic (or a clinic mapping, with the English words), so another country's numbers print without a change here."""
    chosen = chosen if isinstance(chosen, Words) else Words(clinic=dict(chosen))
    clinic = chosen.clinic
    calls = []
    if clinic.get("emergency_number"):
        calls.append(f'<p class="call-now call-now-emergency"><strong class="call-number">{escape(clinic["emergency_number"])}</strong>'
                     f'<span class="call-words">{escape(chosen.say("pdf_call_emergency"))}</span></p>')
    if clinic.get("urgent_number"):
        calls.append(f'<p class="call-now call-now-urgent"><strong class="call-number">{escape(clinic["urgent_number"])}</strong>'
                     f'<span class="call-words">{escape(chosen.say("pdf_urgent_call"))}</span></p>')
    gp = (f'<p class="call-gp">{escape(chosen.say("pdf_your_gp"))} <span class="write-here wide"></span> '
          f'{escape(chosen.say("pdf_phone"))} <span class="write-here"></span></p>')
    return f'<div class="call-numbers">{"".join(calls)}{gp}</div>'


def handout_html(entry: NavEntry, body: str, chosen: Settings, description: str, reviewed: str | None,
                 shortened: bool) -> str:
    # A call-sheet handout is the sheet to keep by the phone: the numbers to call come first, under its title.
    if entry.file in chosen.call_sheet:
        title_end = body.find("</h1>")
        at = title_end + len("</h1>") if title_end >= 0 else 0
        body = body[:at] + call_numbers(chosen) + body[at:]
    kind = "handout call-sheet" if entry.file in chosen.call_sheet else "handout"
    online = chosen.public_url + html_file(entry.file)
    more = chosen.say("pdf_more_online" if shortened else "pdf_page_online")
    footer = (f'<div class="handout-more"><img src="{qr_code(online)}" alt="{escape(chosen.say("pdf_page_qr"))}">'
              f"<p><strong>{escape(more)}</strong><br>{escape(online.split('://', 1)[-1])}</p></div>"
              if chosen.public_url else
              f'<div class="handout-more"><p>{no_address(chosen)}</p></div>')
    # The QR code sits beside the sources (floated, pdf.css), not under them: a handout's room is tight.
    meta = re.search(r'<footer class="page-meta"[^>]*>', body)
    body = body[:meta.end()] + footer + body[meta.end():] if meta else body + footer
    section = f'<section class="page" id="{slug(entry.file)}">{body}</section>'
    return (head(chosen, f"{entry.title} - {chosen.title}", description, kind, reviewed)
            + f'<body data-running-title="{escape(chosen.title)}">{section}</body></html>')


def label_title(article, title: str) -> None:
    """The page's first heading carries its navigation title: for the outline and the running header."""
    heading = next(article.iter("h1"), None)
    if heading is not None:
        heading.set("data-nav-title", title)


def page_description(page_path: Path) -> str:
    match = re.search(r'<meta name="description" content="([^"]*)"', page_path.read_text(encoding="utf-8"))
    return match.group(1) if match else ""


@dataclass
class Engine:
    """WeasyPrint's font lookup and the parsed stylesheets, made once and shared by all PDFs of a build."""

    fonts: object
    stylesheets: list
    fallback: str = ""  # CSS for the booklet's page numbers the old way (pagerefs.py)


def css_content(template: str, marks: dict[str, str]) -> str:
    """A word with {marks} as a CSS `content` value: its text as strings, each mark as the CSS in `marks`
    ("Page {page} of {pages}" -> "Page " counter(page) " of " counter(pages))."""
    parts = []
    for text, mark in re.findall(r"([^{]*)(?:\{(\w+)\}|$)", template):
        if text:
            parts.append('"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"')
        if mark:
            parts.append(marks.get(mark, '""'))
    return " ".join(parts) or '""'


def page_ref_css(chosen: Settings, number: str = f"attr({PAGE_ATTR})") -> str:
    """"(page 12)" after a link inside the booklet: the number from the link's data-page, which
    pagerefs.py fills in (or, with `number` a target-counter(), WeasyPrint works it out)."""
    content = css_content(" " + chosen.word("pdf_page_ref").replace(" {page}", "\u00a0{page}"), {"page": number})
    return f"a.xref::after {{ content: {content}; }}\n"


def fallback_css(chosen: Settings) -> str:
    """The page numbers worked out by WeasyPrint (two layouts), when pagerefs.verify finds a wrong one."""
    return page_ref_css(chosen, "target-counter(attr(href url), page)") + FALLBACK_TOC


def words_css(chosen: Settings) -> str:
    """The words pdf.css prints, from the edition's settings: "Page X of Y" at the foot of each page,
    "(page 12)" after a link inside the booklet, "Turn over" on the step-by-step sheet's first side."""
    page_of = css_content(chosen.word("pdf_page_of"), {"page": "counter(page)", "pages": "counter(pages)"})
    turn_over = css_content(f". {chosen.word('pdf_turn_over')} \u2192", {})
    return (f"@page {{ @bottom-center {{ content: {page_of}; }} }}\n"
            f"@page flowchart {{ @bottom-center {{ content: {page_of}; }} }}\n"
            f"@page flowchart:first {{ @bottom-center {{ content: {page_of} {turn_over}; }} }}\n"
            + page_ref_css(chosen))


def _page_references(pdf) -> tuple:
    """pydyf's PDF.page_references, made once per number of pages instead of at each call: WeasyPrint's
    tagging asks it for every tagged element (17,000 times for the booklet, each time a new tuple of its
    120 pages' references)."""
    kids = pdf.pages["Kids"]
    made = pdf.__dict__.get("_page_references_made")
    if made is None or made[0] != len(kids):
        made = (len(kids), tuple(f"{number} 0 R".encode("ascii") for number in kids[::3]))
        pdf.__dict__["_page_references_made"] = made
    return made[1]


def engine(chosen: Settings) -> Engine:
    import pydyf
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    if isinstance(getattr(pydyf.PDF, "page_references", None), property):
        pydyf.PDF.page_references = property(_page_references)
    fonts = FontConfiguration()
    return Engine(fonts, [weasyprint.CSS(filename=str(PDF_CSS), font_config=fonts),
                          weasyprint.CSS(string=words_css(chosen), font_config=fonts),
                          weasyprint.CSS(string=f"@page {{ size: {chosen.paper}; }}", font_config=fonts)],
                  fallback_css(chosen))


def table_header_scopes(document, pdf) -> None:
    """WeasyPrint's finisher hook: give every table header cell (TH) a /Scope attribute, Column in the
    head row and Row elsewhere, as pagehtml._tag_for_print set scope= in the HTML. WeasyPrint 70 uses
    scope only to link data cells to headers; PDF/UA checkers look for /Scope on the header itself."""
    import pydyf

    elements = {obj.reference: obj for obj in pdf.objects if isinstance(obj, pydyf.Dictionary) and "S" in obj}
    for element in elements.values():
        if element["S"] == "/TH":
            row = elements.get(element.get("P"))
            section = elements.get(row.get("P")) if row is not None else None
            head = section is not None and section["S"] == "/THead"
            element.setdefault("A", pydyf.Dictionary({"O": "/Table"}))["Scope"] = "/Column" if head else "/Row"


def render(html_text: str, site_dir: Path, target: Path, what: str, tools: Engine, numbered: int = 0) -> int:
    """Lay out and write one PDF; returns its number of pages. `what` names the source in messages.
    `numbered`: how many links print the page they lead to (data-page, filled in by pagerefs.py)."""
    import weasyprint

    from scripts.pdf.fetch import FetchError, LocalOnlyFetcher

    def layout(stylesheets):
        return weasyprint.HTML(string=html_text, base_url=str(site_dir) + "/", url_fetcher=LocalOnlyFetcher()).render(
            stylesheets=stylesheets, font_config=tools.fonts, pdf_tags=True)

    try:
        if numbered:
            with PageNumbers().hooked() as numbers:
                document = layout(tools.stylesheets)
            problem = verify(document, numbered)
            if problem is not None:  # never print a number it cannot vouch for: the old way, slower
                logging.getLogger("scripts.pdf").warning("PDF: %s: page numbers worked out in a second layout (%s)",
                                                         what, numbers.problem or problem)
                document = layout([*tools.stylesheets, weasyprint.CSS(string=tools.fallback, font_config=tools.fonts)])
        else:
            document = layout(tools.stylesheets)
        document.write_pdf(target, pdf_variant="pdf/ua-1", pdf_tags=True, finisher=table_header_scopes)
    except FetchError as error:
        raise RenderError(f"{what}: {error}") from None
    except Exception as error:  # noqa: BLE001 - any layout failure must stop the build with a message, not a traceback
        raise RenderError(f"{what}: WeasyPrint could not lay it out ({type(error).__name__}: {error})") from None
    return len(document.pages)


def make_handout(entry: NavEntry, site_dir: Path, chosen: Settings, tools: Engine) -> int:
    """Write site_dir/pdf/<page>.pdf for one page; returns its number of pages."""
    page_path = site_dir / html_file(entry.file)
    article = read_article(page_path)
    # A page's own list names sections of that page: one renamed or gone must not drop out unseen.
    titles = {title_key(t) for t in section_titles(article)}
    for wanted in chosen.handout_page_sections.get(entry.file, []):
        if title_key(wanted) not in titles:
            raise RenderError(f"{chosen.config_name}: extra.pdf.handout_page_sections: {chosen.docs_dir}/{entry.file} has no section "
                              f"'{wanted}'; its sections are: {'; '.join(section_titles(article))}. Use one of them")
    shortened = keep_handout_sections(article, chosen.sections_for(entry.file))
    ids = prefix_ids(article, entry.file)
    rewrite(article, LinkContext(entry.file, site_dir, chosen.public_url, {html_file(entry.file)}, ids, chosen.docs_dir))
    label_title(article, entry.title)
    text = handout_html(entry, serialize(article), chosen, page_description(page_path), reviewed_date(article), shortened)
    name = f"{slug(entry.file)}.pdf"
    return render(text, site_dir, site_dir / PDF_DIR / name, f"{chosen.docs_dir}/{entry.file} (handout {PDF_DIR}/{name})", tools)


def make_booklet(entries: list[NavEntry], site_dir: Path, chosen: Settings, tools: Engine) -> int:
    """Write site_dir/pdf/guide.pdf: every page in navigation order; returns its number of pages."""
    pages = _flatten(entries)
    articles = {e.file: read_article(site_dir / html_file(e.file)) for e in pages}
    for article in articles.values():
        drop_link_grids(article)
    reviewed = max((d for a in articles.values() if (d := reviewed_date(a))), default=None)
    states = [state for a in articles.values() if (state := signoff_state(a))]
    checked = Checked(len(states), states.count("checked"))
    # Ids first, for all pages: a link on an early page may point to a heading on a later one.
    ids = set().union(*(prefix_ids(articles[e.file], e.file) for e in pages))
    in_booklet = {html_file(e.file) for e in pages}
    for entry in pages:
        rewrite(articles[entry.file], LinkContext(entry.file, site_dir, chosen.public_url, in_booklet, ids, chosen.docs_dir))
        label_title(articles[entry.file], entry.title)
    guess = guess_pages([articles[e.file] for e in pages], [slug(e.file) for e in pages], entries)
    for article in articles.values():
        for link in article.iter("a"):
            if "xref" in link.get("class", "").split():
                link.set(PAGE_ATTR, placeholder(guess.get(anchor_of(link) or "", 10)))
    bodies = {file: serialize(article) for file, article in articles.items()}
    text = booklet_html(entries, bodies, chosen, reviewed, checked, guess)
    return render(text, site_dir, site_dir / PDF_DIR / BOOKLET, f"the booklet {PDF_DIR}/{BOOKLET}", tools,
                  numbered=text.count(f" {PAGE_ATTR}="))


CHARACTERS_PER_PAGE = 2100  # about, at 12pt with headings, cards and pictures (only a guess: see guess_pages)


def guess_pages(articles: list, anchors: list[str], entries: list[NavEntry]) -> dict[str, int]:
    """Where each anchor of the booklet will be, roughly, from the length of the text before it: only
    its number of digits is used (the placeholder's width, pagerefs.py), and a wrong guess costs the
    page that holds the link a second layout, never a wrong number."""
    guess: dict[str, int] = {}
    start = 3  # the cover and the contents
    for article, anchor in zip(articles, anchors):
        guess[anchor] = start
        length = 0
        for element in article.iter():
            if element.get("id"):
                guess.setdefault(element.get("id"), start + length // CHARACTERS_PER_PAGE)
            length += len(element.text or "") + len(element.tail or "")
        start += 1 + length // CHARACTERS_PER_PAGE
    for entry in entries:
        if not entry.file and entry.children:
            first = _flatten(entry.children)
            if first:
                guess[f"part--{slug(entry.title)}"] = guess.get(slug(first[0].file), 10)
    return guess


@dataclass
class Edition:
    """One edition whose PDFs are made: its settings, navigation and built site, and where its PDFs'
    names start among all editions' ("" for the first, e.g. "ru/" for one built inside it)."""

    chosen: Settings
    entries: list[NavEntry]
    site_dir: Path
    prefix: str = ""


class EditionEngines:
    """Each edition's WeasyPrint tools (its words and paper in the stylesheets), made in a worker the
    first time one of its PDFs is made there."""

    def __init__(self, editions: list[Edition]) -> None:
        self._settings = {e.prefix: e.chosen for e in editions}
        self._made: dict[str, Engine] = {}

    def __getitem__(self, prefix: str) -> Engine:
        if prefix not in self._made:
            self._made[prefix] = engine(self._settings[prefix])
        return self._made[prefix]


def make_pdfs(config: dict, site_dir: Path, paper: str | None = None, workers: int | None = None) -> dict[str, int]:
    """Write the booklet and handouts into site_dir/pdf; returns pages per PDF file."""
    return make_editions_pdfs([Edition(settings(config, paper), nav_entries(config.get("nav")), site_dir)], workers)[0]


def make_editions_pdfs(editions: list[Edition], workers: int | None = None) -> list[dict[str, int]]:
    """Write every edition's booklet and handouts into its site_dir/pdf; returns, per edition, pages per PDF file.

    All editions' PDFs are made by one set of workers, one process per core (workers.py; PDF_WORKERS or
    `workers` to choose), the booklets first as they are most of the work: each edition's booklet takes
    longer than all its handouts, so editions made one after another would leave a core idle."""
    from scripts.pdf import workers as pool

    jobs = [pool.Job(e.prefix + BOOKLET, f"the booklet {e.prefix}{PDF_DIR}/{BOOKLET}",
                     lambda tools, e=e: make_booklet(e.entries, e.site_dir, e.chosen, tools[e.prefix]))
            for e in editions]
    handouts = [(e, entry) for e in editions for entry in handout_pages(e.entries, e.chosen)]
    for e in editions:
        (e.site_dir / PDF_DIR).mkdir(exist_ok=True)
    # The longer pages' handouts first, so no worker is left with a long one at the end.
    handouts.sort(key=lambda pair: -_size(pair[0].site_dir / html_file(pair[1].file)))
    jobs += [pool.Job(f"{e.prefix}{slug(entry.file)}.pdf",
                      f"{e.chosen.docs_dir}/{entry.file} (handout {e.prefix}{PDF_DIR}/{slug(entry.file)}.pdf)",
                      lambda tools, e=e, entry=entry: make_handout(entry, e.site_dir, e.chosen, tools[e.prefix]))
             for e, entry in handouts]
    made = pool.run(jobs, lambda: EditionEngines(editions), workers)
    counts = []
    for e in editions:  # in navigation order, the booklet last, as before
        found = {f"{slug(entry.file)}.pdf": made[f"{e.prefix}{slug(entry.file)}.pdf"] for entry in handout_pages(e.entries, e.chosen)}
        found[BOOKLET] = made[e.prefix + BOOKLET]
        counts.append(found)
    return counts


def _size(path: Path) -> int:
    """A built page's size (0 when missing)."""
    try:
        return path.stat().st_size
    except OSError:
        return 0  # make_handout says what is missing


def handout_limit(md_file: str, chosen: Settings) -> int:
    return chosen.max_pages.get(md_file, LIMITS["call_sheet"] if md_file in chosen.call_sheet else LIMITS["two_sides"])


def missing_pdf_links(site_dir: Path) -> list[str]:
    """Links from web pages to PDFs of the site that do not exist (the build must not ship them)."""
    missing = []
    for page in sorted(site_dir.rglob("*.html")):
        for href in re.findall(r'href="([^":#?]+\.pdf)"', page.read_text(encoding="utf-8")):
            if not (page.parent / href).resolve().is_file():
                missing.append(f"{page.relative_to(site_dir)}: links to {href}, which was not built")
    return missing


def step(paper: str | None = None):
    """A build step for scripts/build.py: (config_file, out_dir, *more editions as (config_file, out_dir))
    -> exit code. The PDFs of every edition given are made together (make_editions_pdfs)."""

    def pdf_step(config_file: Path, out_dir: Path, *more: tuple[Path, Path]) -> int:
        given = [(Path(config_file), Path(out_dir)), *((Path(c), Path(d)) for c, d in more)]
        try:
            editions = []
            for edition_config, site_dir in given:
                config = siteconfig.load(edition_config)
                chosen = settings(config, paper)
                if not chosen.kiosk:  # the kiosk has no printer and shows no download links
                    editions.append(Edition(chosen, nav_entries(config.get("nav")), site_dir, _prefix(site_dir, given[0][1])))
            counts = make_editions_pdfs(editions) if editions else []
        except RenderError as error:
            print(f"PDF: {error}", file=sys.stderr)
            print("PDF: the booklet and handouts were not made.", file=sys.stderr)
            return 1
        for edition, made in zip(editions, counts, strict=True):
            for entry in handout_pages(edition.entries, edition.chosen):
                name = f"{slug(entry.file)}.pdf"
                if made[name] > handout_limit(entry.file, edition.chosen):
                    print(f"PDF: warning: {edition.chosen.docs_dir}/{entry.file}: the handout {edition.prefix}{PDF_DIR}/{name} has "
                          f"{made[name]} pages (limit {handout_limit(entry.file, edition.chosen)}); shorten the page or tighten "
                          "scripts/pdf/pdf.css", file=sys.stderr)
        # Each built site once: an edition built inside another (site/ru/) is looked at with it. (Not the
        # kiosk's: it has no PDFs and shows no download links.)
        sites = [e.site_dir for e in editions]
        missing = [problem for site in sites if not any(site != other and site.is_relative_to(other) for other in sites)
                   for problem in missing_pdf_links(site)]
        for problem in missing:
            print(f"PDF: {problem}", file=sys.stderr)
        if missing:
            return 1
        for edition, made in zip(editions, counts, strict=True):
            print(f"PDF: {edition.prefix}{PDF_DIR}/{BOOKLET} ({made[BOOKLET]} pages, {edition.chosen.paper}) and {len(made) - 1} handouts")
        return 0

    return pdf_step


def _prefix(site_dir: Path, first: Path) -> str:
    """How the PDFs' names start in messages: "" for the first edition, "ru/" for one built in first/ru,
    the whole folder for one built elsewhere."""
    if site_dir == first:
        return ""
    return (site_dir.relative_to(first).as_posix() if site_dir.is_relative_to(first) else str(site_dir)) + "/"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", type=Path)
    parser.add_argument("-d", "--site-dir", required=True, type=Path, help="an already built site")
    parser.add_argument("--paper", choices=["A4", "a4", "letter"], default=None)
    args = parser.parse_args(argv)
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    return step(args.paper)(args.config_file, args.site_dir)


if __name__ == "__main__":
    sys.exit(main())
