"""Page transforms as one Python-Markdown extension, so every renderer that reads mkdocs.yml's
`markdown_extensions` (MkDocs, Zensical) renders the same pages.

    markdown_extensions:
      - scripts.transforms:
          config_file: mkdocs.yml   # resolved against the working directory

Inside Markdown's own pipeline, per page:
- before pymdownx.snippets, on the page's own Markdown: its sign-off line at the end (signoff.py);
- after pymdownx.snippets (so included care cards are transformed too): the step-by-step check
  (steps.py), warning-sign blocks (signs.py), `[[term]]` tooltips and `{{ clinic.NAME }}` settings;
- plain mentions of a glossary term get its definition as an `<abbr>` (abbr's tree processor);
- on the finished HTML: one tooltip per term (glossary.py; none inside warning cards), named tick boxes
  (checklists.py), and "Emergency? Call 999" on a page that does not open with a Call button (callnow.py).

The settings (extra.clinic; kiosk mode when the config has extra.kiosk), the warning signs and the
glossary come from the content model (scripts/model/content.py), validated before any page uses
them and read once per process, again only when one of their files changes: renderers make a new
Markdown instance, and so a new extension, for every page. The MkDocs hook points `config_file` at the
config actually built (mkdocs-kiosk.yml for the kiosk).

Work that does not depend on the page is done once per process (speed, issue 18): each sign block's
lines and each sign's words (signs.Cards, one per Site, i.e. per content model object), the step-by-step
check (steps.py, by its plan, signs and settings), the sign-off hash's sign entries (scripts/model/signoff.py,
by the entries list). Nothing is kept by a page's text. Tooltips: mentions that first_mentions_only would
take out again are not made (GlossaryAbbreviations._choose); the page's HTML is the same.
"""

from __future__ import annotations

import os
import posixpath
import re
import sys
import xml.etree.ElementTree as etree
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NoReturn

from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.abbr import AbbrTreeprocessor
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.util import HTML_PLACEHOLDER as HTML_PLACEHOLDER_TEXT
from markdown.util import AtomicString, HtmlStash

from scripts.model.content import Content, ContentInvalid, load_valid
from scripts.model.glossary import Term
from scripts.model.tiers import with_words
from scripts.problems import Problem, summary
from scripts.transforms import callnow, checklists, clinic, glossary, rebase, signoff, signs, steps

NAME = "scripts.transforms"  # as listed under markdown_extensions
# pymdownx.snippets registers at 32 and Markdown's whitespace normaliser at 30: run between them.
PREPROCESSOR_PRIORITY = 31.5
# Before snippets (32): the sign-off hash is of the page's own Markdown, as the sign-off command reads it.
SIGNOFF_PRIORITY = 33
# After Markdown's whitespace normaliser (30) and fenced code (25), before MkDocs' scan of raw HTML for
# anchors (21, which would parse it again on every page) and Markdown's HTML block parser (20).
RAW_HTML_PRIORITY = 21.5
# After MkDocs' scan (21): the anchors of the HTML stashed before it, so links to them still resolve.
RAW_HTML_ANCHORS_PRIORITY = 20.9
MKDOCS_RAW_HTML = "mkdocs_raw_html"  # MkDocs' preprocessor that collects the ids in a page's raw HTML
# Markdown's own abbr tree processor has 7; after attr_list (8), like it.
ABBR_PRIORITY = 6.9
# After raw HTML is put back (30) and `&` is restored (20): the postprocessors see the final HTML.
POSTPROCESSOR_PRIORITY = 5
CARD_CLASSES = set(signs.CARD_TYPE.values())  # the warning cards' admonition types: emergency, urgent, soon
CARD_TAGS = ("div", "details")  # a card: an admonition, or a folded one (pymdownx.details)
HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
RAW_HEADING = re.compile(r"</?h[1-6]", re.IGNORECASE)
RAW_ABBR_OPEN = re.compile(r"<abbr\b", re.IGNORECASE)
RAW_ABBR_CLOSE = re.compile(r"</abbr\b", re.IGNORECASE)


@dataclass(frozen=True)
class Site:
    """What every page's transforms need, read once from the configuration and docs/."""

    clinic: dict
    escaped_clinic: dict  # the same values, HTML-escaped
    kiosk: bool
    docs_dir: Path
    terms: list[Term]
    abbreviations: dict[str, str]
    abbreviation_pattern: re.Pattern | None
    cards: signs.Cards  # each sign block's lines and each sign's words, made once (signs.py)
    terms_by_name: dict[str, Term]  # for [[term]] marks


_sites: dict[Path, tuple[Content, Site]] = {}


def load_site(config_file: str | Path) -> Site:
    """What the pages need from the validated content model (scripts/model/content.py), made once per
    content; ContentInvalid (every problem as FILE:LINE) when the content has problems."""
    path = Path(config_file).resolve()
    if not path.is_file():
        raise ContentInvalid([Problem(str(config_file), 1, f"the configuration file named by {NAME}'s config_file does not exist",
                                      "set config_file under markdown_extensions in mkdocs.yml (relative to the folder you build from)")])
    content = load_valid(path)
    cached = _sites.get(path)
    if cached and cached[0] is content:
        return cached[1]
    settings = with_words(content.clinic, content.words)  # extra.words as "words.NAME" (scripts/model/tiers.py)
    # Tooltips show definitions as plain text: sign actions and settings filled in (signs.py).
    terms = [replace(t, definition=signs.plain_text(t.definition, settings, content.docs_dir)) for t in content.terms]
    abbreviations = glossary.abbreviations(terms)
    escaped = clinic.escaped(settings)
    cards = signs.Cards(lambda: signs.load(content.docs_dir), escaped, content.kiosk, signs._has_full_list(Path(content.docs_dir)))
    site = Site(settings, escaped, content.kiosk, content.docs_dir, terms, abbreviations,
                glossary.abbreviation_pattern(abbreviations), cards, glossary.terms_by_name(terms))
    _sites[path] = (content, site)
    return site


def stop_renderer(error: ContentInvalid) -> NoReturn:
    """Bad content under Zensical, which runs no hook: say where, in the editor's words, and stop the
    whole process (Zensical prints any Python exception as a traceback, and going on would publish the
    raw marks). Anywhere else (MkDocs, whose hook reports first; Python-Markdown as a library; the
    tests) the exception itself, which lists the same problems."""
    if "zensical" not in sys.modules:
        raise error
    print("\n".join(str(p) for p in error.problems), file=sys.stderr)
    print(f"{summary(error.problems)} The site was not built. Fix the problems listed above.", file=sys.stderr)
    sys.stderr.flush()
    os._exit(1)


def page_file(md: Markdown) -> str:
    """The file of the page being rendered, relative to docs/ ("" when not told), as the renderer tells
    its Markdown instance: MkDocs' relpath tree processor knows the file, Zensical's rendering context
    the page. For links and the sign-off line only: what a page shows never depends on its file name."""
    if "relpath" in md.treeprocessors:  # MkDocs
        file = getattr(md.treeprocessors["relpath"], "file", None)
        return str(getattr(file, "src_uri", "") or "")
    if "rendering_context" in md.preprocessors:  # Zensical
        page = getattr(md.preprocessors["rendering_context"], "page", None)
        return str(getattr(page, "path", "") or "")
    return ""


def page_folder(md: Markdown) -> str:
    """The folder of the page being rendered, relative to docs/ ("" at the top or when not told)."""
    return posixpath.dirname(page_file(md))


class PagePreprocessor(Preprocessor):
    """Warning signs, [[term]] tooltips and clinic settings in the Markdown, after snippets are in."""

    def __init__(self, md: Markdown, extension: TransformsExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        site = self.extension.site
        text = "\n".join(lines)
        self.extension.on_glossary_page = glossary.is_glossary_page(text)
        # Settings reach the page as Markdown or raw HTML, so sign blocks get them HTML-escaped too.
        base = rebase.base_for(page_folder(self.md))  # a page in a sub-folder: generated links get "../"
        self.extension.raw_html, self.extension.stashed_anchors = [], set()
        text = steps.expand(text, site.escaped_clinic, site.docs_dir, kiosk=site.kiosk, base=base, cards=site.cards,
                            inserted=self.extension.raw_html)  # `{{ steps }}`: the step-by-step check
        text = signs.expand(text, site.escaped_clinic, site.docs_dir, kiosk=site.kiosk, base=base, cards=site.cards)
        text = glossary.link_terms(text, site.terms, tooltips=not self.extension.on_glossary_page, by_name=site.terms_by_name)
        return clinic.fill(text, site.clinic).split("\n")


class SignoffPreprocessor(Preprocessor):
    """At the end of a content page: who checked it, or that no clinician has yet (signoff.py)."""

    def __init__(self, md: Markdown, extension: TransformsExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        site = self.extension.site
        return signoff.add_status(lines, site.docs_dir, site.clinic, page_file(self.md))


# A line that may start raw HTML (Markdown's HTML block parser looks for `<` at the start of a line).
RAW_HTML_LINE = re.compile(r"^ {0,3}<", re.MULTILINE)
HTML_PLACEHOLDER = re.compile(HTML_PLACEHOLDER_TEXT % r"(\d+)")
# Generated raw HTML (the step-by-step check, some 130 kB) as Markdown's HTML block parser splits it:
# (the text that replaces it, with a stash number for each block; the blocks; the anchors MkDocs finds
# in it), by the HTML itself.
_raw_html_parts: dict[str, tuple[list[str | int], list[str], frozenset[str]] | None] = {}
_raw_html_seen: set[str] = set()  # HTML seen on one page so far: a site with one such page parses it once, as before


class RawHtmlPreprocessor(Preprocessor):
    """The HTML a page transform put in (the step-by-step check), into Markdown's HTML stash as
    Markdown's HTML block parser (md_in_html's, registered as "html_block") would put it there, without
    parsing it again on every page that has it: that parser (Python's html.parser) is given it once per
    process (at the second page that has it), alone between two paragraphs, and what it made is used
    again. Only where the parser would see it so: after a blank line, followed by one, and with no line
    before it that could start raw HTML (which could still be open); elsewhere the parser does its work.
    Under MkDocs its anchors, found once by MkDocs' own scan, are handed to that scan (RawHtmlAnchors)."""

    def __init__(self, md: Markdown, extension: TransformsExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        if not self.extension.raw_html or "html_block" not in self.md.preprocessors:
            return lines
        text = "\n".join(lines)
        for html in self.extension.raw_html:
            at = text.find(html)
            end = at + len(html)
            if at < 2 or text[at - 2:at] != "\n\n" or text[end:end + 2] != "\n\n" or RAW_HTML_LINE.search(text, 0, at):
                continue
            parts = self._parts(html)
            if parts is None:
                continue
            placeholders = [self.md.htmlStash.store(block) for block in parts[1]]
            text = text[:at] + "".join(p if isinstance(p, str) else placeholders[p] for p in parts[0]) + text[end:]
            self.extension.stashed_anchors |= parts[2]
        return text.split("\n")

    def _parts(self, html: str) -> tuple[list[str | int], list[str]] | None:
        if html not in _raw_html_parts:
            if html not in _raw_html_seen:  # the first page with it: the parser's usual work, nothing more
                if len(_raw_html_seen) > 8:
                    _raw_html_seen.clear()
                _raw_html_seen.add(html)
                return None
            if len(_raw_html_parts) > 8:
                _raw_html_parts.clear()
            saved, self.md.htmlStash = self.md.htmlStash, HtmlStash()
            try:  # between two paragraphs, as on the page
                out = "\n".join(self.md.preprocessors["html_block"].run(["x", "", *html.split("\n"), "", "x"]))
                blocks = list(self.md.htmlStash.rawHtmlBlocks)
                ok = all(isinstance(b, str) for b in blocks) and out.startswith("x\n\n") and out.endswith("\n\nx")
            finally:
                self.md.htmlStash = saved
            parts: list[str | int] = []
            if ok:
                middle, last = out[len("x\n\n"):-len("\n\nx")], 0
                for found in HTML_PLACEHOLDER.finditer(middle):
                    parts += [middle[last:found.start()], int(found.group(1))]
                    last = found.end()
                parts.append(middle[last:])
                ok = sorted(p for p in parts if isinstance(p, int)) == list(range(len(blocks)))
            _raw_html_parts[html] = (parts, blocks, self._anchors(html)) if ok else None
        return _raw_html_parts[html]

    def _anchors(self, html: str) -> frozenset[str]:
        """The ids MkDocs' raw HTML scan finds in html (none without MkDocs), by that scan itself."""
        if MKDOCS_RAW_HTML not in self.md.preprocessors:
            return frozenset()
        fresh = type(self.md.preprocessors[MKDOCS_RAW_HTML])()
        fresh.run(html.split("\n"))
        return frozenset(fresh.present_anchor_ids)


class RawHtmlAnchors(Preprocessor):
    """After MkDocs' raw HTML scan: the anchors of the HTML RawHtmlPreprocessor stashed before it."""

    def __init__(self, md: Markdown, extension: TransformsExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        if self.extension.stashed_anchors and MKDOCS_RAW_HTML in self.md.preprocessors:
            self.md.preprocessors[MKDOCS_RAW_HTML].present_anchor_ids |= self.extension.stashed_anchors
        return lines


class GlossaryAbbreviations(AbbrTreeprocessor):
    """Markdown's abbr tree processor with the glossary's spellings and one regex built per process."""

    def __init__(self, md: Markdown, extension: TransformsExtension) -> None:
        super().__init__(md, {})  # the glossary's spellings at the first page (the site loads then)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        if self.extension.on_glossary_page or self.extension.site.abbreviation_pattern is None:
            return
        self.abbrs = self.extension.site.abbreviations
        self.RE = self.extension.site.abbreviation_pattern
        # First, in the page's order, which mentions get a tooltip; then the tooltips, last first (a new
        # one then never moves an element or a text still to do).
        self._seen: set[str] = set()  # definitions with a tooltip that will stay (see _choose)
        self._open_abbrs = 0  # raw <abbr> tags opened and not closed so far (a [[term]] tooltip's words)
        self._raw_headings = False  # a raw heading tag so far: first_mentions_only may take tooltips out up to its end
        work: list = []
        self._choose(root, False, root.text, None, 0, False, work)  # the root's own text
        # A block none of whose texts names a term is skipped whole: itertext is C code, the walk is
        # Python. Texts are joined with a line break, so no match is lost or made at their edges.
        for index, child in enumerate(root):
            texts = "\n".join([*child.itertext(), child.tail or ""])
            if self.RE.search(texts):
                self._collect(child, root, index, False, work)
            elif "\x02" in texts:
                self._note_raw(texts)
        self._apply(work)

    def iter_element(self, el: etree.Element, parent: etree.Element | None = None) -> None:
        """Markdown's walk, for one element: every mention gets a tooltip (as `run`, but nothing is seen before)."""
        self._seen, self._open_abbrs, self._raw_headings = set(), 0, True
        work: list = []
        self._collect(el, parent if parent is not None else etree.Element("div"),
                      list(parent).index(el) if parent is not None else 0, False, work)
        self._apply(work)

    def _apply(self, work: list) -> None:
        """The chosen tooltips, the page's last text first: a new one never moves an element still to do."""
        for el, is_tail, parent, index, text, chosen in reversed(work):
            for m in reversed(chosen):
                abbr = self.create_element(self.abbrs[m.group(0)], m.group(0), text[m.end():])
                if is_tail:
                    parent.insert(index + 1, abbr)
                else:
                    el.insert(0, abbr)
                text = text[:m.start()]
            if is_tail:
                el.tail = text
            else:
                el.text = text

    def _collect(self, el: etree.Element, parent: etree.Element, index: int, heading: bool, work: list) -> None:
        """The mentions in el's text, its children and its tail (`parent[index]`), in the page's order.
        No tooltips inside a warning card: there a pop-up covers the Call button (UX review 12-03, M2),
        and the card's words are the sign itself. The text after the card is still looked at."""
        if el.tag in CARD_TAGS and CARD_CLASSES & set((el.get("class") or "").split()):
            if el.tail:
                self._choose(el, True, el.tail, parent, index, heading, work)
            return
        inner = heading or el.tag in HEADING_TAGS
        if el.text:
            self._choose(el, False, el.text, None, 0, inner, work)
        for child_index, child in enumerate(el):
            self._collect(child, el, child_index, inner, work)
        if el.tail:
            self._choose(el, True, el.tail, parent, index, heading, work)

    def _choose(self, el: etree.Element, is_tail: bool, text: str | None, parent: etree.Element | None, index: int,
                heading: bool, work: list) -> None:
        """The mentions in one text that get a tooltip. Markdown's abbr processor gives every mention one;
        first_mentions_only (on the finished HTML) then keeps the first of each definition on the page,
        none inside headings or inside a [[term]] tooltip. A mention is left without one here only when
        that would take it out anyway: outside headings and raw tooltips, after a tooltip of the same
        definition that nothing takes out (itself outside them, with no raw heading tag before it)."""
        if not text:
            return
        if isinstance(text, AtomicString):
            if "\x02" in text:
                self._note_raw(text)
            return
        found = list(self.RE.finditer(text))
        if not found:
            if "\x02" in text:
                self._note_raw(text)
            return
        raw = [(m.start(), m.group(0)) for m in HTML_PLACEHOLDER.finditer(text)] if "\x02" in text else []
        chosen, at = [], 0
        for m in found:
            while at < len(raw) and raw[at][0] < m.start():
                self._note_raw(raw[at][1])
                at += 1
            definition = self.abbrs[m.group(0)]
            if not definition:
                continue  # Markdown's processor makes none
            if not heading and not self._raw_headings and not self._open_abbrs:
                if definition in self._seen:
                    continue
                self._seen.add(definition)
            chosen.append(m)
        for _, placeholder in raw[at:]:
            self._note_raw(placeholder)
        if chosen:
            work.append((el, is_tail, parent, index, text, chosen))

    def _note_raw(self, text: str) -> None:
        """Raw HTML in the text (Markdown's stash placeholders): open raw tooltips and raw headings."""
        for found in HTML_PLACEHOLDER.finditer(text):
            blocks = self.md.htmlStash.rawHtmlBlocks
            number = int(found.group(1))
            block = blocks[number] if number < len(blocks) else None
            if not isinstance(block, str) or RAW_HEADING.search(block):
                self._raw_headings = True  # whatever it is, no mention is left out after it
                continue
            self._open_abbrs += len(RAW_ABBR_OPEN.findall(block)) - len(RAW_ABBR_CLOSE.findall(block))
            if self._open_abbrs < 0:
                self._raw_headings = True


class PagePostprocessor(Postprocessor):
    """On the page's finished HTML: one tooltip per term, tick boxes named by their words, and the
    emergency number at the top of a page that does not open with a Call button (callnow.py)."""

    def __init__(self, md: Markdown, extension: TransformsExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, text: str) -> str:
        text = checklists.label_tick_boxes(glossary.first_mentions_only(text))
        site = self.extension.site
        return text if site.kiosk else callnow.add_line(text, site.clinic)


class TransformsExtension(Extension):
    def __init__(self, **kwargs) -> None:
        self.config = {"config_file": ["mkdocs.yml", "The site's configuration (mkdocs.yml), relative to the working directory"]}
        super().__init__(**kwargs)
        self.on_glossary_page = False
        self.raw_html: list[str] = []  # the HTML the page transforms put in this page (RawHtmlPreprocessor)
        self.stashed_anchors: set[str] = set()  # the ids in the part of it stashed before MkDocs' scan
        self._site: Site | None = None

    @property
    def site(self) -> Site:
        """Loaded at the first page, not when the renderer registers the extension: MkDocs registers it
        while it validates mkdocs.yml, before the hook can report bad content as FILE:LINE; the hook
        stops the build before any page, so under MkDocs content problems never get here."""
        if self._site is None:
            try:
                self._site = load_site(self.getConfig("config_file"))
            except ContentInvalid as error:
                stop_renderer(error)
        return self._site

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        md.preprocessors.register(SignoffPreprocessor(md, self), "page_signoff", SIGNOFF_PRIORITY)
        md.preprocessors.register(PagePreprocessor(md, self), "page_transforms", PREPROCESSOR_PRIORITY)
        md.preprocessors.register(RawHtmlPreprocessor(md, self), "page_raw_html", RAW_HTML_PRIORITY)
        md.preprocessors.register(RawHtmlAnchors(md, self), "page_raw_html_anchors", RAW_HTML_ANCHORS_PRIORITY)
        md.treeprocessors.register(GlossaryAbbreviations(md, self), "glossary_abbr", ABBR_PRIORITY)
        md.postprocessors.register(PagePostprocessor(md, self), "page_transforms", POSTPROCESSOR_PRIORITY)

    def reset(self) -> None:
        self.on_glossary_page = False
        self.raw_html = []
        self.stashed_anchors = set()


def makeExtension(**kwargs) -> TransformsExtension:  # the name Python-Markdown looks for
    return TransformsExtension(**kwargs)
