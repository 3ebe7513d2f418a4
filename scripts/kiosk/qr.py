"""Kiosk page parts made at build time: QR codes (segno), external links turned into QR cards, topic
tiles, and the kiosk's own notes (ticks are not kept).

Plain functions over HTML strings and settings, so they are tested without MkDocs.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urljoin

import segno

from scripts.model.settings import is_example_address
from scripts.model.tiers import ENGLISH

# An opening <a> tag with an absolute address (http, https, mailto, tel, file, ...): anything that
# would leave the kiosk's own 127.0.0.1 site.
EXTERNAL_A = re.compile(r'<a\b([^>]*?)\shref="((?:[a-zA-Z][a-zA-Z0-9+.-]*:)[^"]*)"([^>]*)>')
TARGET_ATTR = re.compile(r'\s(?:target|download)(?:="[^"]*")?', re.IGNORECASE)
FIRST_H1_END = re.compile(r"</h1>", re.IGNORECASE)
# The "Touch to start" button (overrides/partials/kiosk.html), up to its end.
ATTRACT_BUTTON = re.compile(r"(<button\b[^>]*\bdata-kiosk-wake\b[^>]*>.*?)(</button>)", re.DOTALL)


def qr_svg(address: str, label: str) -> str:
    """An inline SVG QR code (scales with CSS; white quiet zone so it scans in dark mode too)."""
    code = segno.make(address, error="m")
    svg = code.svg_inline(scale=1, omitsize=True, border=4, dark="#000", light="#fff", svgclass="kiosk-qr")
    return svg.replace("<svg ", f'<svg role="img" aria-label="{html.escape(label)}" ', 1)


def public_address(public_url: str, page_url: str) -> str | None:
    """The page's address on the public website (what a patient's phone opens), or None while the
    public address is missing or an example one (numb-hands-and-feet.example.org): a code that
    opens nothing would be a dead end, so the kiosk then tells the patient to ask the staff."""
    if not public_url.strip() or is_example_address(public_url):
        return None
    return urljoin(public_url.rstrip("/") + "/", page_url)


def external_links_to_qr(page_html: str, label: str = ENGLISH["kiosk_qr_link"]) -> str:
    """Mark every link that leaves the site and store one QR code per address at the end of <body>.

    kiosk.js shows the address and this QR code instead of following the link. target and download
    attributes are removed here already, so no new window or download can start even before the
    script runs. `label` names each code for screen readers (extra.words.kiosk_qr_link, with {address}).
    """
    store: dict[str, int] = {}

    def mark(match: re.Match) -> str:
        before, address, after = match.group(1), html.unescape(match.group(2)), match.group(3)
        number = store.setdefault(address, len(store))
        attributes = TARGET_ATTR.sub("", before + after)
        return f'<a{attributes} href="{html.escape(address)}" data-kiosk-external="kiosk-qr-{number}">'

    body_start = page_html.find("<body")
    head, body = page_html[:body_start], page_html[body_start:]
    body = EXTERNAL_A.sub(mark, body)
    if not store:
        return head + body
    cards = "".join(f'<div id="kiosk-qr-{number}" data-address="{html.escape(address)}">'
                    f'{qr_svg(address, label.replace("{address}", address))}</div>'
                    for address, number in store.items())
    store_html = f'<div class="kiosk-qr-store" hidden>{cards}</div>'
    return head + body.replace("</body>", store_html + "</body>", 1)


def topic_tiles(pages: list[tuple[str, str, str]], urgent_url: str = "", heading: str = ENGLISH["kiosk_topics"]) -> str:
    """The kiosk home screen: one large tile per page, given as (url, title, description); the tile
    of urgent_url (the page with every warning sign) is marked as the urgent one (red, with an icon).
    `heading` is the edition's "Choose a topic" (extra.words.kiosk_topics)."""
    tiles = "".join(f'<li><a class="kiosk-tile{" kiosk-tile--urgent" if url == urgent_url else ""}" href="{html.escape(url)}">'
                    f'<span class="kiosk-tile__title">{html.escape(title)}</span>'
                    f'<span class="kiosk-tile__text">{html.escape(description)}</span></a></li>'
                    for url, title, description in pages)
    return (f'<nav class="kiosk-tiles" aria-labelledby="kiosk-tiles-title">'
            f'<h2 id="kiosk-tiles-title">{html.escape(heading)}</h2><ul>{tiles}</ul></nav>')


# --- languages (issue 19): a tile per edition on the home screen, so a patient who reads Russian finds it
# on the first screen; the idle reset always returns to the default language (kiosk.js settings.start).

CURRENT = ' aria-current="true"'


def language_tiles(editions: list[tuple[str, str, str, bool]], label: str = ENGLISH["kiosk_languages"]) -> str:
    """Large language buttons, given as (name in its own language, language tag, href, is this edition):
    each name is marked with its language (lang=) so a screen reader says it right."""
    buttons = "".join(f'<li><a class="kiosk-button kiosk-language" href="{html.escape(href)}" lang="{html.escape(tag)}" '
                      f'hreflang="{html.escape(tag)}"{CURRENT if current else ""}>{html.escape(name)}</a></li>'
                      for name, tag, href, current in editions)
    return (f'<nav class="kiosk-languages" aria-label="{html.escape(label)}" data-kiosk-languages>'
            f'<ul>{buttons}</ul></nav>')


def insert_after_h1(content: str, block: str) -> str:
    """Put a block right after the page's heading (or first, if the page has none)."""
    match = FIRST_H1_END.search(content)
    if match is None:
        return block + content
    return content[:match.end()] + block + content[match.end():]


# --- warning signs (issue 10): the emergency line on the home and "Touch to start" screens ---

def emergency_line(strip: str) -> str:
    """The full-width emergency line above the home screen's tiles (strip: signs.emergency_strip)."""
    return f'<p class="kiosk-emergency" role="note">{strip}</p>'


def add_to_attract_screen(page_html: str, strip: str) -> str:
    """Put the same emergency line on the "Touch to start" screen, inside its button (spans only)."""
    return ATTRACT_BUTTON.sub(lambda m: m.group(1) + strip + m.group(2), page_html, count=1)


# --- ticks (pymdownx.tasklist): the kiosk cannot send them home, and says so where they are made ---

FIRST_CHECKLIST = re.compile(r'<ul class="task-list">')
HEADING_END = re.compile(r"</h[1-6]>", re.IGNORECASE)


def ticks_note(words: str) -> str:
    """The note on ticks, from the edition's words (extra.words.kiosk_ticks_note)."""
    return f'<p class="kiosk-note" role="note">{html.escape(words, quote=False)}</p>'


TICKS_NOTE = ticks_note(ENGLISH["kiosk_ticks_note"])


def add_ticks_note(content: str, note: str = TICKS_NOTE) -> str:
    """Put TICKS_NOTE under the heading of the section that holds the page's first checklist (before
    its instructions), or just before the list when no heading comes first. Pages without one stay as they are."""
    checklist = FIRST_CHECKLIST.search(content)
    if checklist is None:
        return content
    headings = list(HEADING_END.finditer(content, 0, checklist.start()))
    at = headings[-1].end() if headings else checklist.start()
    return content[:at] + note + content[at:]
