"""The glossary check: every [[term]] is in the glossary, no term defined twice, no term unused.

The terms themselves (Term, parse) are the model's: scripts/model/glossary.py.
"""

from __future__ import annotations

import difflib
import re

from scripts.model.glossary import GLOSSARY_PAGE, GLOSSARY_PAGE_MARK, GLOSSARY_REF, Term, alternatives, parse
from scripts.problems import WARNING, Problem
from scripts.sources import Source, memo

_pattern: list = []  # [names, the pattern of all of them]: compiled again only when the names change


def check(sources: list[Source]) -> tuple[list[Term], list[Problem]]:
    glossary = next((s for s in sources if s.rel == GLOSSARY_PAGE), None)
    if glossary is None:
        return [], [Problem("docs/" + GLOSSARY_PAGE, 1, "there is no glossary page",
                            "create docs/glossary.md with one 'Term' line and one ':   definition' line per term")]
    terms, found = memo(glossary, "glossary_terms", None, parse)
    problems = list(found)
    if not GLOSSARY_PAGE_MARK.search(glossary.text):
        title = next((n for n, line in glossary.body_lines() if line.startswith("# ")), glossary.body_start)
        problems.append(Problem(glossary.shown, title, "the glossary's title lacks its mark, so its own words would get tooltips",
                                "write the title as '# Glossary { #glossary .glossary-page }'"))
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
    # One pass per page for all names (the longest that matches, so "nerve root" wins over "nerve").
    # Each page's answer depends on its text and the glossary's names only: kept while both are unchanged.
    key = tuple((name, term.name) for name, term in seen.items())
    if not _pattern or _pattern[0] != key:
        first = "".join(sorted({re.escape(name[0]) for name in seen}))  # a look at the first letter skips most words at once
        _pattern[:] = [key, re.compile(rf"\b(?=[{first}])" + alternatives(seen)) if seen else None]
    any_name = _pattern[1]
    for source in sources:
        if source.rel == GLOSSARY_PAGE:
            continue
        found, names = memo(source, "glossary", key, lambda s: _page(s, seen, any_name))
        problems += found
        used |= names
    for term in terms:
        if term.name not in used:
            problems.append(Problem(glossary.shown, term.line, f"the glossary term '{term.name}' is used on no page",
                                    "use it on a page or remove it from the glossary", WARNING))
    return terms, problems


def _page(source: Source, seen: dict[str, Term], any_name: re.Pattern | None) -> tuple[list[Problem], frozenset[str]]:
    """A page's [[marks]] that name no term, and the terms it uses (marked or not)."""
    problems, used = [], set()
    for number, line in source.body_lines():
        for match in GLOSSARY_REF.finditer(line) if "[[" in line else ():
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
    return problems, frozenset(used)
