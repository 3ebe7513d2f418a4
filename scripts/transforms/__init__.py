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

The settings (extra.clinic; kiosk mode when the config has extra.kiosk) and the glossary are read
once per process and again only when one of their files changes: renderers make a new Markdown
instance, and so a new extension, for every page. The MkDocs hook points `config_file` at the
config actually built (mkdocs-kiosk.yml for the kiosk).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, replace
from pathlib import Path

from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.abbr import AbbrTreeprocessor
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

from scripts import siteconfig
from scripts.checks.glossary import GLOSSARY_PAGE, Term
from scripts.transforms import callnow, checklists, clinic, glossary, signoff, signs, steps

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
INHERIT = re.compile(r"^INHERIT:\s*['\"]?([^'\"\n#]+?)['\"]?\s*(?:#.*)?$", re.MULTILINE)


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


# config file -> (files read: the configs, the glossary and the warning signs; their times; what was read)
_cache: dict[Path, tuple[list[Path], tuple, Site]] = {}


def _watched_files(config_file: Path) -> list[Path]:
    """The config and the files it INHERITs."""
    files = []
    path: Path | None = config_file
    while path is not None and path.is_file() and path not in files:
        files.append(path)
        parent = INHERIT.search(path.read_text(encoding="utf-8"))
        path = path.parent / parent.group(1) if parent else None
    return files


def _stamp(files: list[Path]) -> tuple:
    return tuple((str(f), f.stat().st_mtime_ns) if f.exists() else (str(f), None) for f in files)


def load_site(config_file: str | Path) -> Site:
    """The settings and glossary for `config_file`, cached until one of their files changes."""
    path = Path(config_file).resolve()
    if not path.is_file():
        raise FileNotFoundError(f"{config_file}: the configuration file named by {NAME}'s config_file does not exist; "
                                f"set config_file under markdown_extensions in mkdocs.yml (relative to the folder you build from)")
    if path in _cache:
        watched, stamp, site = _cache[path]
        if _stamp(watched) == stamp:
            return site
    config = siteconfig.load(path)
    docs_dir = siteconfig.docs_dir(config)
    # Tooltips show definitions as plain text: sign actions and settings filled in (signs.py).
    terms = [replace(t, definition=signs.plain_text(t.definition, siteconfig.clinic(config), docs_dir))
             for t in glossary.load_terms(docs_dir)]
    abbreviations = glossary.abbreviations(terms)
    settings = siteconfig.clinic(config)
    site = Site(settings, clinic.escaped(settings), "kiosk" in (config.get("extra") or {}), docs_dir, terms,
                abbreviations, glossary.abbreviation_pattern(abbreviations))
    watched = _watched_files(path) + [docs_dir / GLOSSARY_PAGE, docs_dir / signs.DATA_FILE]
    _cache[path] = (watched, _stamp(watched), site)
    return site


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
        text = steps.expand(text, site.escaped_clinic, site.docs_dir, kiosk=site.kiosk)  # `{{ steps }}`: the step-by-step check
        text = signs.expand(text, site.escaped_clinic, site.docs_dir, kiosk=site.kiosk)
        text = glossary.link_terms(text, site.terms, tooltips=not self.extension.on_glossary_page)
        return clinic.fill(text, site.clinic).split("\n")


class SignoffPreprocessor(Preprocessor):
    """At the end of a content page: who checked it, or that no clinician has yet (signoff.py)."""

    def __init__(self, md: Markdown, extension: TransformsExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        return signoff.add_status(lines, self.extension.site.docs_dir)


class GlossaryAbbreviations(AbbrTreeprocessor):
    """Markdown's abbr tree processor with the glossary's spellings and one regex built per process."""

    def __init__(self, md: Markdown, extension: TransformsExtension) -> None:
        super().__init__(md, extension.site.abbreviations)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        if self.extension.on_glossary_page or self.extension.site.abbreviation_pattern is None:
            return
        self.RE = self.extension.site.abbreviation_pattern
        self.iter_element(root)

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
        self.site = load_site(self.getConfig("config_file"))

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
