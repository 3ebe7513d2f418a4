"""Links in generated text, made for a page at the top of docs/, rebased for a page in a sub-folder.

The warning-sign cards, inline signs and the step-by-step check link to other pages (urgent-help.md,
what-to-do-now.md, a sign's own links) as seen from the top of docs/. A page in `docs/a/b.md` needs
`../urgent-help.md`. Only the generated text is rebased: the page's own links are the author's.
"""

from __future__ import annotations

import re

# A relative target: no scheme (https:, tel:, mailto:), no fragment-only (#id), no absolute path.
_RELATIVE = r"(?![a-zA-Z][a-zA-Z0-9+.-]*:|#|/)"
MARKDOWN_LINK = re.compile(r"\]\(" + _RELATIVE)
HTML_LINK = re.compile(r"""\b(href|src)=(["'])""" + _RELATIVE)


def base_for(folder: str) -> str:
    """"../" per folder level of a page's folder ("" for a page at the top of docs/)."""
    folder = folder.strip("/")
    return "../" * (folder.count("/") + 1) if folder else ""


def rebase(text: str, base: str) -> str:
    if not base:
        return text
    text = MARKDOWN_LINK.sub(lambda m: "](" + base, text)
    return HTML_LINK.sub(lambda m: f"{m.group(1)}={m.group(2)}{base}", text)
