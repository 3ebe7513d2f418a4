"""The glossary: one definition list in docs/glossary.md feeds the glossary page and every tooltip.

A term line may give other names after ' / ' ("Degenerative disc disease / osteochondrosis").
Editors mark a word as a glossary term with [[term]] or [[term|the words shown]]; plain
mentions of a term get the tooltip too, through the abbreviations the hook adds.
"""

from __future__ import annotations

import difflib
import html
import re
from dataclasses import dataclass

from scripts.checks.links import GLOSSARY_REF
from scripts.problems import WARNING, Problem
from scripts.sources import Source

GLOSSARY_PAGE = "glossary.md"
DEFINITION = re.compile(r"^:(?:\s{1,4}(.*))?$")


@dataclass(frozen=True)
class Term:
    names: tuple[str, ...]  # the first is the main name
    definition: str
    line: int

    @property
    def name(self) -> str:
        return self.names[0]

    @property
    def plain_definition(self) -> str:
        """The definition without Markdown, for a tooltip."""
        text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", self.definition)
        text = GLOSSARY_REF.sub(lambda m: m.group(2) or m.group(1), text)
        return re.sub(r"[*_`]", "", text).strip()

    def forms(self) -> list[str]:
        """Spellings that get a tooltip: each name, capitalised, and in the plural."""
        forms: list[str] = []
        for name in self.names:
            for word in (name, name + "s"):
                for variant in (word, word[:1].upper() + word[1:], word.lower()):
                    if variant not in forms:
                        forms.append(variant)
        return forms


def parse(source: Source) -> tuple[list[Term], list[Problem]]:
    """Terms from the glossary's definition list, with problems for empty or missing definitions."""
    terms: list[Term] = []
    problems: list[Problem] = []
    body = list(source.body_lines())
    index = 0
    while index < len(body):
        number, line = body[index]
        stripped = line.strip()
        if not stripped or stripped.startswith(("#", ":", "<", "!", "*[", "-")) or line.startswith((" ", "\t")):
            index += 1
            continue
        # Look ahead past blank lines for ': definition'.
        ahead = index + 1
        while ahead < len(body) and not body[ahead][1].strip():
            ahead += 1
        match = DEFINITION.match(body[ahead][1]) if ahead < len(body) else None
        if match is None:
            index += 1  # an ordinary paragraph, not a term
            continue
        parts = [(match.group(1) or "").strip()]
        index = ahead + 1
        while index < len(body) and body[index][1].startswith(("    ", "\t")):
            parts.append(body[index][1].strip())
            index += 1
        definition = " ".join(p for p in parts if p)
        names = tuple(n.strip() for n in stripped.split(" / ") if n.strip())
        if not definition:
            problems.append(Problem(source.shown, number, f"the glossary term '{names[0]}' has an empty definition",
                                    "write one or two plain sentences after ':   '"))
        terms.append(Term(names, definition, number))
    return terms, problems


def check(sources: list[Source]) -> tuple[list[Term], list[Problem]]:
    glossary = next((s for s in sources if s.rel == GLOSSARY_PAGE), None)
    if glossary is None:
        return [], [Problem("docs/" + GLOSSARY_PAGE, 1, "there is no glossary page",
                            "create docs/glossary.md with one 'Term' line and one ':   definition' line per term")]
    terms, problems = parse(glossary)
    seen: dict[str, Term] = {}
    for term in terms:
        for name in term.names:
            key = name.lower()
            if key in seen:
                problems.append(Problem(glossary.shown, term.line,
                                        f"the glossary defines '{name}' twice (also on line {seen[key].line})",
                                        "keep one definition and delete the other"))
            else:
                seen[key] = term
    used: set[str] = set()
    # One pass per page for all names (longest first, so "nerve root" wins over "nerve").
    names = sorted(seen, key=len, reverse=True)
    any_name = re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + ")") if names else None
    for source in sources:
        if source.rel == GLOSSARY_PAGE:
            continue
        for number, line in source.body_lines():
            for match in GLOSSARY_REF.finditer(line):
                name = match.group(1).strip()
                term = seen.get(name.lower())
                if term is None:
                    close = difflib.get_close_matches(name.lower(), list(seen), n=1)
                    hint = f"did you mean '{close[0]}'?" if close else "add it to docs/glossary.md"
                    problems.append(Problem(source.shown, number, f"'{name}' is not in the glossary",
                                            f"{hint} (or remove the [[ ]])"))
                else:
                    used.add(term.name)
        if any_name:
            used.update(seen[found].name for found in any_name.findall(source.text.lower()))
    for term in terms:
        if term.name not in used:
            problems.append(Problem(glossary.shown, term.line, f"the glossary term '{term.name}' is used on no page",
                                    "use it on a page or remove it from the glossary", WARNING))
    return terms, problems


def link_terms(markdown: str, terms: list[Term]) -> str:
    """Turn each [[term]] into a tooltip with the term's glossary definition."""
    by_name = {name.lower(): term for term in terms for name in term.names}

    def tooltip(match: re.Match) -> str:
        term = by_name.get(match.group(1).strip().lower())
        shown = match.group(2) or match.group(1)
        if term is None:
            return shown
        return f'<abbr class="glossary-term" title="{html.escape(term.plain_definition)}">{html.escape(shown)}</abbr>'

    return GLOSSARY_REF.sub(tooltip, markdown)


def abbreviations(terms: list[Term]) -> dict[str, str]:
    """Every spelling of every term with its definition, for the abbreviation extension's
    `glossary` option: plain mentions of a term get the same tooltip as [[term]]."""
    return {form: term.plain_definition for term in terms for form in term.forms()}


AUTO_ABBR = re.compile(r'<abbr title="([^"]*)">(.*?)</abbr>', re.DOTALL)
HEADING = re.compile(r"<h([1-6])[^>]*>.*?</h\1>", re.DOTALL)
# The abbreviation extension also wraps words inside a [[term]] tooltip; one tooltip is enough.
NESTED_ABBR = re.compile(r'(<abbr class="glossary-term"[^>]*>(?:(?!</?abbr)[^\x00])*?)<abbr title="[^"]*">(.*?)</abbr>')


def first_mentions_only(page_html: str) -> str:
    """Keep the automatic tooltip on the first mention of each term on a page, so the text
    is not full of underlines and tab stops; words marked [[ ]] keep theirs everywhere."""
    while True:
        unnested = NESTED_ABBR.sub(r"\1\2", page_html)
        if unnested == page_html:
            break
        page_html = unnested
    page_html = HEADING.sub(lambda m: AUTO_ABBR.sub(r"\2", m.group(0)), page_html)  # no tooltips in headings
    seen: set[str] = set()

    def keep_first(match: re.Match) -> str:
        if match.group(1) in seen:
            return match.group(2)
        seen.add(match.group(1))
        return match.group(0)

    return AUTO_ABBR.sub(keep_first, page_html)
