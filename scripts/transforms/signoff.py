"""The sign-off line at the end of each content page: who checked it, or that no clinician has yet.

The renderer names the file it renders (MkDocs and Zensical both do; scripts/transforms/__init__.py
page_file): the status comes from that one file, hashed as the sign-off command hashes it. Where no
file is named (Python-Markdown as a library), the page is found by the hash of the text it is handed
(scripts/model/signoff.py); for that the preprocessor runs before pymdownx.snippets, on the page's own
Markdown. The line is a raw HTML paragraph
with data-signoff="checked" or "not-checked": the print header (overrides/main.html) and the PDFs
(scripts/pdf) read it from the page.
"""

from __future__ import annotations

import html
from pathlib import Path

from scripts.model import signoff
from scripts.model.signoff import PageStatus
from scripts.model.tiers import WORD, word

CLASS = signoff.CLASS
UPDATED_CLASS = signoff.UPDATED_CLASS
# Characters that later transforms read as syntax ({{ clinic.NAME }}, [[term]]), as entities.
LITERAL = str.maketrans({"{": "&#123;", "}": "&#125;", "[": "&#91;", "]": "&#93;"})


def _plain(text: str) -> str:
    """A name or role as the words given: no HTML, settings or glossary links made from its characters."""
    return html.escape(text).translate(LITERAL)


def status_html(status: PageStatus, clinic: dict | None = None) -> str:
    """The paragraph for the end of the page: who checked it, or that nobody has yet (in the edition's words)."""
    clinic = clinic or {}
    months = clinic.get(WORD + "months")

    def date(day) -> str:
        return signoff.long_date(day, months if isinstance(months, list) else None)

    record = status.record
    if status.signed and record is not None:
        words = _plain(word(clinic, "checked_by").format(reviewer=record.reviewer, role=record.role, date=date(record.date)))
        return f'<p class="{CLASS}" data-signoff="checked" data-signoff-date="{record.date.isoformat()}">{words}</p>'
    updated = (f' <span class="{UPDATED_CLASS}">{_plain(word(clinic, "team_updated").format(date=date(status.updated)))}</span>'
               if status.updated else "")
    return f'<p class="{CLASS}" data-signoff="not-checked">{_plain(word(clinic, "not_checked"))}{updated}</p>'


def add_status(lines: list[str], docs_dir: Path, clinic: dict | None = None, page: str = "") -> list[str]:
    """The page's lines with its sign-off line at the end; unchanged for text that is no content page.
    page: the file the renderer renders (its path in docs_dir), when it says; else the page is found
    by its text's hash, which reads every page once."""
    status = None
    try:
        status = signoff.status_of_page(page, docs_dir) if page else None
        found = bool(page)
    except (OSError, UnicodeDecodeError):
        found = False  # not a file in docs_dir as named: go by the text
    if not found:
        status = signoff.status_of_text("\n".join(lines), docs_dir)
    return lines + ["", status_html(status, clinic), ""] if status else lines
