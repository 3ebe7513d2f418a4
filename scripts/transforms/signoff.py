"""The sign-off line at the end of each content page: who checked it, or that no clinician has yet.

A Markdown preprocessor knows only the text, not the file: it finds its page by the hash of that
text (scripts/model/signoff.py). It must run before pymdownx.snippets, so it hashes the page's own
Markdown, which is what the sign-off command hashes from the file. The line carries
data-signoff="checked" or "not-checked": the print header (overrides/main.html) and the PDF cover
(scripts/pdf) read it from the page.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from scripts.model import signoff
from scripts.model.signoff import PageStatus

CLASS = signoff.CLASS
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]#!])")  # those Markdown lets a backslash escape


def _plain(text: str) -> str:
    """A name or role as literal words in Markdown: no emphasis, links, settings or HTML from its characters."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def status_lines(status: PageStatus) -> list[str]:
    """The Markdown paragraph for the end of the page: who checked it, or that nobody has yet."""
    record = status.record
    if status.signed and record is not None:
        words = f"Checked by {_plain(record.reviewer)} ({_plain(record.role)}) on {signoff.long_date(record.date)}."
        attributes = f'data-signoff="checked" data-signoff-date="{record.date.isoformat()}"'
    else:
        updated = f" The team updated it on {signoff.long_date(status.updated)}." if status.updated else ""
        words, attributes = f"{signoff.NOT_CHECKED}{updated}", 'data-signoff="not-checked"'
    return ["", "", words, f"{{ .{CLASS} {attributes} }}"]


def add_status(lines: list[str], docs_dir: Path) -> list[str]:
    """The page's lines with its sign-off line at the end; unchanged for text that is no content page."""
    status = signoff.status_of_text("\n".join(lines), docs_dir)
    return lines + status_lines(status) if status else lines
