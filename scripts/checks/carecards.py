"""Red flags first: a symptom page includes the emergency and urgent care cards before its first section."""

from __future__ import annotations

import re

from scripts.problems import Problem
from scripts.sources import Source, pages, snippet

REQUIRED_CARDS = ("cards/emergency", "cards/urgent")
SECTION = re.compile(r"^##\s")


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
        for card in REQUIRED_CARDS:
            at = next((n for n, name in source.includes() if name.startswith(card)), None)
            if at is None or (first_section is not None and at > first_section):
                problems.append(Problem(source.shown, first_section or source.body_start,
                                        f"this symptom page does not show the '{card}' card before its first section",
                                        f'add --8<-- "{card}.md" (or a variant of it) above the first "## " heading'))
    return problems
