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
# Markdown's own abbr tree processor has 7; after attr_list (8), like it.
ABBR_PRIORITY = 6.9
# After raw HTML is put back (30) and `&` is restored (20): the postprocessors see the final HTML.
POSTPROCESSOR_PRIORITY = 5
CARD_CLASSES = set(signs.CARD_TYPE.values())  # the warning cards' admonition types: emergency, urgent, soon


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
    site = Site(settings, clinic.escaped(settings), content.kiosk, content.docs_dir, terms,
                abbreviations, glossary.abbreviation_pattern(abbreviations))
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


def page_folder(md: Markdown) -> str:
    """The folder of the page being rendered, relative to docs/ ("" at the top), as the renderer tells
    its Markdown instance: MkDocs' relpath tree processor knows the file, Zensical's rendering context
    the page. Only for links: what a page shows never depends on its file name."""
    if "relpath" in md.treeprocessors:  # MkDocs
        file = getattr(md.treeprocessors["relpath"], "file", None)
        return posixpath.dirname(getattr(file, "src_uri", "") or "")
    if "rendering_context" in md.preprocessors:  # Zensical
        page = getattr(md.preprocessors["rendering_context"], "page", None)
        return posixpath.dirname(str(getattr(page, "path", "") or ""))
    return ""


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
        text = steps.expand(text, site.escaped_clinic, site.docs_dir, kiosk=site.kiosk, base=base)  # `{{ steps }}`: the step-by-step check
        text = signs.expand(text, site.escaped_clinic, site.docs_dir, kiosk=site.kiosk, base=base)
        text = glossary.link_terms(text, site.terms, tooltips=not self.extension.on_glossary_page)
        return clinic.fill(text, site.clinic).split("\n")


class SignoffPreprocessor(Preprocessor):
    """At the end of a content page: who checked it, or that no clinician has yet (signoff.py)."""

    def __init__(self, md: Markdown, extension: TransformsExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        site = self.extension.site
        return signoff.add_status(lines, site.docs_dir, site.clinic)


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
        # A block none of whose texts names a term is skipped whole: itertext is C code, the walk is
        # Python. Texts are joined with a line break, so no match is lost or made at their edges.
        for child in list(root):
            if self.RE.search("\n".join([*child.itertext(), child.tail or ""])):
                self.iter_element(child, root)
        if root.text and self.RE.search(root.text):  # the root's own text, with its children set aside
            children = list(root)
            for child in children:
                root.remove(child)
            self.iter_element(root)
            root.extend(children)

    def iter_element(self, el: etree.Element, parent: etree.Element | None = None) -> None:
        """No tooltips inside a warning card: there a pop-up covers the Call button (UX review 12-03, M2),
        and the card's words are the sign itself. The text after the card is still looked at."""
        if parent is None or el.tag not in ("div", "details") or not CARD_CLASSES & set((el.get("class") or "").split()):
            super().iter_element(el, parent)
            return
        children, text = list(el), el.text
        for child in children:
            el.remove(child)
        el.text = None
        super().iter_element(el, parent)  # now only the tail
        el.text = text
        el.extend(children)


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
        md.treeprocessors.register(GlossaryAbbreviations(md, self), "glossary_abbr", ABBR_PRIORITY)
        md.postprocessors.register(PagePostprocessor(md, self), "page_transforms", POSTPROCESSOR_PRIORITY)

    def reset(self) -> None:
        self.on_glossary_page = False


def makeExtension(**kwargs) -> TransformsExtension:  # the name Python-Markdown looks for
    return TransformsExtension(**kwargs)
