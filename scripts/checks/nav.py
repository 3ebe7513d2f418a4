"""Every page is reachable from the navigation, and every navigation entry has a page."""

from __future__ import annotations

import re
from pathlib import Path

from scripts.problems import Problem, display_path
from scripts.sources import Source, pages


def nav_files(nav: object) -> list[str]:
    """The Markdown files named in mkdocs.yml's nav, in order."""
    found: list[str] = []
    if isinstance(nav, str):
        if not re.match(r"^[a-z]+://", nav):
            found.append(nav)
    elif isinstance(nav, list):
        for item in nav:
            found += nav_files(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            found += nav_files(value)
    return found


def check(sources: list[Source], config: dict) -> list[Problem]:
    config_file = Path(config["config_file"])
    shown = display_path(config_file)
    config_lines = config_file.read_text(encoding="utf-8").split("\n")
    nav = config.get("nav")
    if not nav:
        return [Problem(shown, 1, "mkdocs.yml has no 'nav'", "list every page under 'nav:' in reading order")]
    listed = nav_files(nav)
    problems = []
    known = {s.rel for s in pages(sources)}
    for name in listed:
        if name not in known:
            line = next((i + 1 for i, text in enumerate(config_lines) if name in text), 1)
            problems.append(Problem(shown, line, f"the navigation lists '{name}', but docs/{name} does not exist",
                                    "fix the file name in 'nav:' or create the page"))
    in_nav = set(listed)
    for source in pages(sources):
        if source.rel not in in_nav:
            problems.append(Problem(source.shown, 1, "the page is not in the navigation",
                                    f"add '{source.rel}' under 'nav:' in mkdocs.yml, where a reader would look for it"))
    return problems
