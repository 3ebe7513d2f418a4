"""Glossary tooltips: `[[term]]` marks, plain mentions of a term, and one tooltip per term per page.

The terms come from docs/glossary.md, parsed by scripts/checks/glossary.py (one parser for the
checks and the pages). The glossary page itself gets no tooltips: it explains the words already.
It says so with the class `glossary-page` on its title (`# Glossary { #glossary .glossary-page }`),
a mark in the page's own text, because no renderer tells a Markdown extension which page it renders
(the glossary check reports a glossary without it).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from scripts.model.glossary import GLOSSARY_PAGE, GLOSSARY_PAGE_MARK, GLOSSARY_REF, Term, alternatives, parse
from scripts.sources import Source, split_front_matter


def load_terms(docs_dir: Path) -> list[Term]:
    """The terms of docs/glossary.md; none if it is missing (the checks report that)."""
    path = Path(docs_dir) / GLOSSARY_PAGE
    if not path.is_file():
        return []
    source = Source(path, GLOSSARY_PAGE, path.read_text(encoding="utf-8"))
    split_front_matter(source)
    return parse(source)[0]


def is_glossary_page(markdown: str) -> bool:
    return ".glossary-page" in markdown and GLOSSARY_PAGE_MARK.search(markdown) is not None


def terms_by_name(terms: list[Term]) -> dict[str, Term]:
    """Each name of each term, in lower case (a later term with the same name wins)."""
    return {name.lower(): term for term in terms for name in term.names}


def link_terms(markdown: str, terms: list[Term], tooltips: bool = True, by_name: dict[str, Term] | None = None) -> str:
    """Turn each [[term]] into a tooltip with the term's glossary definition (or plain words).
    `by_name`: terms_by_name(terms), when the caller made it once for every page."""
    if "[[" not in markdown:
        return markdown  # GLOSSARY_REF starts with `[[`
    if by_name is None:
        by_name = terms_by_name(terms)

    def tooltip(match: re.Match) -> str:
        term = by_name.get(match.group(1).strip().lower())
        shown = match.group(2) or match.group(1)
        if term is None or not tooltips:
            return shown
        return f'<abbr class="glossary-term" title="{html.escape(term.plain_definition)}">{html.escape(shown)}</abbr>'

    return GLOSSARY_REF.sub(tooltip, markdown)


def abbreviations(terms: list[Term]) -> dict[str, str]:
    """Every spelling of every term with its definition: plain mentions of a term get the same
    tooltip as [[term]] (through Python-Markdown's abbreviation tree processor)."""
    return {form: term.plain_definition for term in terms for form in term.forms()}


def abbreviation_pattern(abbreviations: dict[str, str]) -> re.Pattern | None:
    """One regex for all spellings that finds what the abbr extension's `\b(?:longest|...|shortest)\b`
    finds, written as a tree of shared beginnings: the plain list made the regex engine try each of
    some 500 spellings at every word of every page."""
    if not abbreviations:
        return None
    first = "".join(sorted({re.escape(name[0]) for name in abbreviations}))  # skips most places at once
    return re.compile(rf"(?=[{first}])\b" + alternatives(abbreviations) + r"\b")


AUTO_ABBR = re.compile(r'<abbr title="([^"]*)">(.*?)</abbr>', re.DOTALL)
HEADING = re.compile(r"<h([1-6])[^>]*>.*?</h\1>", re.DOTALL)
# The abbreviation processor also wraps words inside a [[term]] tooltip; one tooltip is enough.
NESTED_ABBR = re.compile(r'(<abbr class="glossary-term"[^>]*>(?:(?!</?abbr)[^\x00])*?)<abbr title="[^"]*">(.*?)</abbr>')


# Either kind of tooltip: a [[term]] mark (class glossary-term) or an automatic one; title is the definition.
ANY_ABBR = re.compile(r'<abbr (?:class="glossary-term" )?title="([^"]*)">(.*?)</abbr>', re.DOTALL)


def first_mentions_only(page_html: str) -> str:
    """Keep the tooltip on the first mention of each term on a page only, whether marked [[ ]] or
    found automatically, so the text is not full of underlines and tab stops (UX review 12-03, m8)."""
    if "<abbr" not in page_html:
        return page_html  # most texts a renderer converts (titles, short snippets) have no tooltip
    while True:
        unnested = NESTED_ABBR.sub(r"\1\2", page_html)
        if unnested == page_html:
            break
        page_html = unnested
    page_html = HEADING.sub(lambda m: AUTO_ABBR.sub(r"\2", m.group(0)), page_html)  # no tooltips in headings
    seen: set[str] = set()

    def keep_first(match: re.Match) -> str:
        definition = html.unescape(match.group(1))  # the two kinds escape quotes differently
        if definition in seen:
            return match.group(2)
        seen.add(definition)
        return match.group(0)

    return ANY_ABBR.sub(keep_first, page_html)
