"""Clinic settings ({{ clinic.NAME }}) written once in mkdocs.yml: every name a page uses must exist.

scripts/transforms/clinic.py fills them in. Every mark is closed on its line: an unclosed
`{{ clinic.`, `{{ sign:`, `{{ act:`, `{{ signs` or `[[term` would be shown raw to patients, in
pages, snippets and the text of data files (scripts/checks/datatext.py).
"""

from __future__ import annotations

import re

from scripts.checks import datatext
from scripts.model.signs import CLINIC
from scripts.problems import Problem
from scripts.sources import Source, docs_dir_of, memo

PLACEHOLDER = CLINIC  # `{{ clinic.NAME }}` (the content model's page syntax)
ANY_BRACES = re.compile(r"\{\{\s*([^}]*?)\s*\}\}")
# Warning-sign blocks ({{ signs: ... }}) and actions ({{ act: ID }}) are checked by checks/signs.py,
# the step-by-step check ({{ steps }}) by checks/steps.py.
SIGN_TOKENS = re.compile(r"\{\{\s*(?:(?:signs?|act)\s*:|steps\s*\}\})")
# An opening mark, with what follows it on the line (for the message), and its closing.
MARKS = ((re.compile(r"\{\{\s*[^\s{}:]*(?:\s*:\s*[^\s{},]*)?"), "{{", "}}",
          "close it on the same line: {{ clinic.NAME }}, {{ sign: ID }}, {{ act: ID }} or {{ signs: TOPIC }}"),
         (re.compile(r"\[\[\s*[^\s\[\]|]*"), "[[", "]]", "close it on the same line: [[term]] or [[term|the words shown]]"))


def unclosed_marks(source: Source) -> list[Problem]:
    """`{{` not closed by `}}` (or `[[` by `]]`) before the line ends or the next mark opens:
    patients would see the mark raw."""
    problems = []
    for number, line in source.body_lines():
        if "{{" not in line and "[[" not in line:
            continue
        for pattern, opening, closing, fix in MARKS:
            for match in pattern.finditer(line):
                rest = line[match.end():]
                close, reopen = rest.find(closing), rest.find(opening)
                if close == -1 or -1 < reopen < close:
                    problems.append(Problem(source.shown, number, f"the mark '{match.group(0).rstrip()}' is not closed with '{closing}'", fix))
                    break
    return problems


def check(sources: list[Source], clinic: dict) -> list[Problem]:
    problems = []
    docs_dir = docs_dir_of(sources)
    for source in [*sources, *(datatext.sources(docs_dir) if docs_dir else [])]:
        problems += memo(source, "placeholders", clinic, lambda s: source_problems(s, clinic))
    return problems


def source_problems(source: Source, clinic: dict) -> list[Problem]:
    problems = unclosed_marks(source)
    if source.is_data:
        return problems  # the data loaders check the names used in data text
    for number, line in source.body_lines():
        for match in ANY_BRACES.finditer(line) if "{" in line else ():
            if SIGN_TOKENS.match(match.group(0)):
                continue
            name = PLACEHOLDER.fullmatch(match.group(0))
            if name is None or name.group(1) not in clinic:
                known = ", ".join(f"clinic.{key}" for key in sorted(clinic)) or "none"
                problems.append(Problem(source.shown, number, f"unknown setting '{{{{ {match.group(1)} }}}}'",
                                        f"use one of: {known} (set in mkdocs.yml under extra.clinic)"))
    return problems
