"""The glossary model: one definition list in docs/glossary.md feeds the glossary page and every tooltip.

A term line may give other names after ' / ' ("Degenerative disc disease / osteochondrosis").
Editors mark a word as a glossary term with [[term]] or [[term|the words shown]] (GLOSSARY_REF).
The checks (scripts/checks/glossary.py) hold pages to it; the transforms
(scripts/transforms/glossary.py) turn the same terms into the pages' tooltips.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from scripts.model import datafile, wordforms
from scripts.problems import Problem
from scripts.sources import Source, split_front_matter

GLOSSARY_REF = re.compile(r"\[\[([^\]|]+)(?:\|([^\]]+))?\]\]")
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
    language: str = "en"  # the edition's (extra.edition.language): how its words change form

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
        """Spellings that get a tooltip: each name, capitalised, and in the plural; in Russian, each
        name in every case and number (scripts/model/wordforms.py: "остеохондрозом", "шейного отдела
        позвоночника")."""
        forms: list[str] = []
        for name in self.names:
            spellings = wordforms.phrase_forms(name) if wordforms.supported(self.language) else (name, name + "s")
            for word in spellings:
                for variant in (word, word[:1].upper() + word[1:], word.lower()):
                    if variant not in forms:
                        forms.append(variant)
        return forms


def parse(source: Source, language: str = "en") -> tuple[list[Term], list[Problem]]:
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
        terms.append(Term(names, definition, number, language))
    return terms, problems



def read(docs_dir: Path, language: str = "en") -> tuple[list[Term], list[Problem]]:
    """The terms of docs/glossary.md (in the edition's language) with their problems; none if it is
    missing (the checks say so)."""
    path = Path(docs_dir) / GLOSSARY_PAGE
    if not path.is_file():
        return [], []
    text, problems = datafile.read_text(path, "the glossary")
    if text is None:
        return [], problems
    source = Source(path, GLOSSARY_PAGE, text)
    split_front_matter(source)
    return parse(source, language)


def alternatives(words) -> str:
    """The words as one regex that matches the longest of them at a place, written as a tree of shared
    beginnings: a plain list of hundreds of alternatives makes Python's regex engine try each one at
    every place (the glossary check, the tooltips and the search words all look for every name)."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def pattern(node: dict) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if "" in node else body  # going on is tried before ending here

    return pattern(tree)
