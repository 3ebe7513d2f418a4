"""The glossary: one definition list in docs/glossary.md feeds the glossary page and every tooltip.

A term line may give other names after ' / ' ("Degenerative disc disease / osteochondrosis").
Editors mark a word as a glossary term with [[term]] or [[term|the words shown]]. This module
parses and checks; scripts/transforms/glossary.py turns the same terms into the pages' tooltips.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from scripts.checks.links import GLOSSARY_REF
from scripts.problems import WARNING, Problem
from scripts.sources import Source

GLOSSARY_PAGE = "glossary.md"
# The glossary page's own mark, on its title: `# Glossary { #glossary .glossary-page }` (attr_list).
# The page transforms see no file names; the mark tells them to add no tooltips to this page.
GLOSSARY_PAGE_MARK = re.compile(r"^#{1,6} [^\n]*\{[^}\n]*\.glossary-page\b[^}\n]*\}[ \t]*$", re.MULTILINE)
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
