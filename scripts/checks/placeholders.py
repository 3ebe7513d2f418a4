"""Clinic settings ({{ clinic.NAME }}) written once in mkdocs.yml and filled in on every page."""

from __future__ import annotations

import html
import re

from scripts.problems import Problem
from scripts.sources import Source

PLACEHOLDER = re.compile(r"\{\{\s*clinic\.(\w+)\s*\}\}")
ANY_BRACES = re.compile(r"\{\{\s*([^}]*?)\s*\}\}")
# Warning-sign blocks ({{ signs: ... }}) and actions ({{ act: ID }}) are checked by checks/signs.py.
SIGN_TOKENS = re.compile(r"\{\{\s*(signs|act)\s*:")


def fill(text: str, clinic: dict) -> str:
    """Replace each placeholder with its setting (HTML-escaped, since this runs on rendered pages)."""
    return PLACEHOLDER.sub(lambda m: html.escape(str(clinic.get(m.group(1), m.group(0)))), text)


def check(sources: list[Source], clinic: dict) -> list[Problem]:
    problems = []
    for source in sources:
        for number, line in source.body_lines():
            for match in ANY_BRACES.finditer(line):
                if SIGN_TOKENS.match(match.group(0)):
                    continue
                name = PLACEHOLDER.fullmatch(match.group(0))
                if name is None or name.group(1) not in clinic:
                    known = ", ".join(f"clinic.{key}" for key in sorted(clinic)) or "none"
                    problems.append(Problem(source.shown, number, f"unknown setting '{{{{ {match.group(1)} }}}}'",
                                            f"use one of: {known} (set in mkdocs.yml under extra.clinic)"))
    return problems
