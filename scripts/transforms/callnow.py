""""Emergency? Call 999" at the top of a page whose opening has no Call button (UX review 12-03, item 2).

Every page keeps the emergency number one tap away. Pages that open with a warning card already
have its Call button on their first screen; the others (the glossary, "Your appointment", "About",
the step-by-step check, a page that opens with a picture) get this line above their title. The
number comes from the clinic settings. Not on the kiosk (no phone; it has its own emergency strip),
not on paper (screen-only), and not in the search index (data-search-exclude).
"""

from __future__ import annotations

import html
import re

from scripts.model.tiers import ENGLISH, word

# The page's opening: everything before its first section or picture.
OPENING_END = re.compile(r"<h2\b|<figure\b")
CALL_BUTTONS = re.compile(r'<a\b[^>]*\bclass="signs-call"[^>]*>')
PAGE_TITLE = re.compile(r"<h1\b")


def line(number: str, words: str = ENGLISH["emergency_line"]) -> str:
    tel = "tel:" + re.sub(r"[^\d+]", "", number)
    return (f'<p class="call-now screen-only" data-search-exclude><a class="call-now__link" href="{tel}">'
            f"{html.escape(words.format(number=number))}</a></p>")


def add_line(page_html: str, clinic: dict) -> str:
    """The page with the line before it, unless its opening has the Call button for the emergency number."""
    number = str(clinic.get("emergency_number") or "")
    if not number or not PAGE_TITLE.search(page_html):
        return page_html  # no number: the settings check reports it; no title: not a page (Zensical renders nav titles too)
    tel = 'href="tel:' + re.sub(r"[^\d+]", "", number) + '"'
    end = OPENING_END.search(page_html)
    opening = page_html[:end.start()] if end else page_html
    if any(tel in button for button in CALL_BUTTONS.findall(opening)):
        return page_html
    return line(number, word(clinic, "emergency_line")) + "\n" + page_html
