"""Red flags first: a symptom page shows a warning-signs block (`{{ signs: ... }}`) before its first section.

Also reports an include (`--8<-- "name"`) of a snippet that does not exist.
"""

from __future__ import annotations

import re

from scripts.problems import Problem
from scripts.sources import Source, pages, snippet

SECTION = re.compile(r"^##\s")
SIGNS_BLOCK = re.compile(r"^\s*\{\{\s*signs\s*:")


def check(sources: list[Source]) -> list[Problem]:
    problems = []
    for source in pages(sources):
        for number, name in source.includes():
            if snippet(sources, name) is None:
                problems.append(Problem(source.shown, number, f"the included file '{name}' does not exist",
                                        "check the name against the files in docs/_snippets/"))
        if source.meta.get("symptom_page") is not True:
            continue
        first_section = next((n for n, line in source.body_lines() if SECTION.match(line)), None)
        block = next((n for n, line in source.body_lines() if SIGNS_BLOCK.match(line)), None)
        if block is None or (first_section is not None and block > first_section):
            problems.append(Problem(source.shown, first_section or source.body_start,
                                    "this symptom page does not show its warning signs before its first section",
                                    "add a line '{{ signs: TOPIC }}' (topics and sign ids: docs/_data/warning-signs.yml) "
                                    "above the first \"## \" heading"))
    return problems
