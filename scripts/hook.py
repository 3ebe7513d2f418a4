"""MkDocs hook: connects MkDocs' events to our content checks and fillers. No logic of its own.

Registered under `hooks:` in mkdocs.yml. Another renderer reading mkdocs.yml can run the same
checks with `python -m scripts.check`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # so `scripts.*` imports work

from scripts import check, siteconfig
from scripts.checks import glossary, placeholders
from scripts.problems import ERROR, summary
from scripts.transforms import checklists

log = get_plugin_logger("content-checks")
_state: dict = {}


def on_pre_build(config: MkDocsConfig) -> None:
    """Check all content before anything is rendered; stop the build on any error."""
    result = check.run(siteconfig.load(Path(config.config_file_path)))
    for problem in result.problems:
        (log.error if problem.severity == ERROR else log.warning)(str(problem))
    if result.errors:
        raise PluginError(f"{summary(result.problems)} The site was not built. Fix the problems listed above.")
    _state["terms"] = result.terms
    # Handing the definitions to the abbr extension as its glossary (read when each page's Markdown
    # is set up) is much faster than appending `*[term]: ...` lines to every page.
    config.mdx_configs.setdefault("abbr", {})["glossary"] = glossary.abbreviations(result.terms)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri == glossary.GLOSSARY_PAGE:
        return markdown
    return glossary.link_terms(markdown, _state.get("terms", []))


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # After Markdown (and snippets) are rendered, so settings inside care cards are filled too.
    if page.file.src_uri == glossary.GLOSSARY_PAGE:
        html = glossary.AUTO_ABBR.sub(r"\2", html)  # the glossary page explains the words already
    html = glossary.first_mentions_only(html)
    html = checklists.label_tick_boxes(html)
    return placeholders.fill(html, config.extra.get("clinic", {}))
