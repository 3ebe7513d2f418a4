"""Clinic settings ({{ clinic.NAME }}) written once in mkdocs.yml: every name a page uses must exist.

scripts/transforms/clinic.py fills them in.
"""

from __future__ import annotations

import re

from scripts.problems import Problem
from scripts.sources import Source

PLACEHOLDER = re.compile(r"\{\{\s*clinic\.(\w+)\s*\}\}")
ANY_BRACES = re.compile(r"\{\{\s*([^}]*?)\s*\}\}")
# Warning-sign blocks ({{ signs: ... }}) and actions ({{ act: ID }}) are checked by checks/signs.py,
# the step-by-step check ({{ steps }}) by checks/steps.py.
SIGN_TOKENS = re.compile(r"\{\{\s*(?:(?:signs?|act)\s*:|steps\s*\}\})")


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
