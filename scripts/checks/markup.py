"""Plain text stays plain, and no address can run code.

- Titles and descriptions (front matter; site_name and site_description in mkdocs.yml) are shown
  as-is in browser tabs, headers, search results and PDF metadata: no HTML, no Markdown, no
  `{{ }}` (nothing fills them in there).
- Links and HTML attributes in pages, snippets and overrides/ may only use https:, http: (which the
  allowlist check then refuses), mailto: and tel: (the care cards' tap-to-call links), or a
  relative address. `javascript:`, `vbscript:`, `file:` and every other scheme are refused.
  So is `data:`, even for images: a page's pictures belong in docs/ as files, where the link
  check sees them and an editor can open them; a `data:text/html` link is a classic way to smuggle
  a script past a reviewer. (Our CSS under docs/assets may use data: icons: that is code review.)
- Inline event handlers (`onclick=`, `onerror=`...) are refused: they run script from page text.
- Tags that run code, post data or pull in other documents are refused in page text: <script>,
  <style>, <form>, <object>, <embed> and the like (FORBIDDEN_TAGS). Behaviour and styles belong
  in docs/assets/ and overrides/, where code review sees them.
- A tap-to-call link dials the number it shows (tel.py).

Text in data files is page text (datatext.py): the same rules, at the line of the field.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from scripts import siteconfig
from scripts.checks import datatext, tel
from scripts.checks.external import Tag, page_html, read_html
from scripts.checks.links import links
from scripts.model import settings
from scripts.problems import Problem, display_path
from scripts.sources import Source, memo

SAFE_SCHEMES = {"https", "http", "mailto", "tel"}
URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "data", "poster", "cite", "background",
                  "xlink:href", "ping", "imagesrcset"}
SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
SCHEME_FIX = "link to a page (https://… or a file in docs/), a phone number (tel:…) or an e-mail address (mailto:…)"
IMAGE_FIX = "save the picture (or file) under docs/ and use its relative address, e.g. images/map.svg"
# Tags page text may not have: they run code, post what a patient types to somewhere, change the
# page's address base or pull in other documents. (Remote loads are external.py's.)
FORBIDDEN_TAGS = {"script", "noscript", "style", "form", "object", "embed", "applet", "base", "meta", "link",
                  "frame", "frameset", "portal"}
TAG_FIX = "remove it: page text (and the text in docs/_data) may not run code, post forms or embed other documents"
PLAIN_TEXT_KEYS = ("title", "description")
CONFIG_PLAIN_TEXT = ("site_name", "site_description")
# What would be markup in plain text, and what to call it.
MARKUP = (
    (re.compile(r"<[^>]*>?|>"), "HTML"),
    (re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+);", re.IGNORECASE), "an HTML entity"),
    (re.compile(r"\{\{.*?(?:\}\}|$)|\{%"), "a '{{ }}' setting, which is not filled in there"),
    (re.compile(r"!?\[[^\]]*\](?:\([^)]*\)?|\[[^\]]*\])?"), "a Markdown link"),
    (re.compile(r"(\*{1,2}|_{1,2}|`)(?=\S).*?\1|(?<!\w)_\S|\*|`"), "Markdown emphasis"),
)
PLAIN_FIX = "write it as plain words (no < > & * _ ` [ ] or {{ }}): it is shown as-is in browser tabs, headers and search results"


def unsafe_scheme(address: str) -> str | None:
    """The scheme of an address that is not allowed, as a browser would read it (spaces and controls dropped)."""
    cleaned = re.sub(r"[\x00-\x20]", "", html.unescape(address)).lower()
    match = SCHEME.match(cleaned)
    if match and match.group(1) not in SAFE_SCHEMES and not re.match(r"^[a-z]:[\\/]", cleaned):
        return match.group(1)
    return None


def markup_in(text: str) -> tuple[str, str] | None:
    """(the markup found, what it is) for the first markup in some plain text, else None."""
    for pattern, what in MARKUP:
        match = pattern.search(text)
        if match:
            return match.group(0), what
    return None


def tag_problems(shown: str, tags: list[Tag]) -> list[Problem]:
    """Tags that page text may not have (FORBIDDEN_TAGS)."""
    return [Problem(shown, tag.line, f"<{tag.name}> is not allowed in page text", TAG_FIX)
            for tag in tags if tag.name in FORBIDDEN_TAGS]


def attribute_problems(shown: str, tags: list[Tag]) -> list[Problem]:
    problems = []
    for tag in tags:
        for attr, value in tag.attrs.items():
            if attr.startswith("on"):
                problems.append(Problem(shown, tag.line, f"the HTML attribute '{attr}' on <{tag.name}> runs a script",
                                        "remove it: pages may not run scripts (behaviour belongs in docs/assets/javascripts/)"))
            elif attr in URL_ATTRIBUTES:
                addresses = [c.split()[0] for c in value.split(",") if c.split()] if attr.endswith("srcset") else [value]
                for address in addresses:
                    scheme = unsafe_scheme(address)
                    if scheme:
                        # Worded as links.py's view of the same tag (<a href>, <img src>), so one problem prints once.
                        what = {("a", "href"): "the link", ("img", "src"): "the image"}.get((tag.name, attr), f"<{tag.name} {attr}>")
                        problems.append(Problem(shown, tag.line, f"{what} '{address}' uses the unsafe address scheme '{scheme}:'",
                                                SCHEME_FIX if attr in ("href", "action", "formaction", "cite", "ping") else IMAGE_FIX))
    return problems


def _front_matter_line(source: Source, key: str) -> int:
    if f"{key}" not in source.front_matter_text:
        return 1
    pattern = re.compile(rf"{key}\s*:")
    for offset, line in enumerate(source.front_matter_text.split("\n")):
        if pattern.match(line):
            return offset + 2
    return 1


def plain_text_problems(shown: str, line: int, key: str, value: Any) -> list[Problem]:
    found = markup_in(value) if isinstance(value, str) else None
    if not found:
        return []
    return [Problem(shown, line, f"the {key} contains {found[1]} ('{found[0]}')", PLAIN_FIX)]


def source_problems(source: Source, clinic: dict) -> list[Problem]:
    """Markup in plain text, tap-to-call numbers, tags and unsafe addresses in one page, snippet or data text."""
    problems: list[Problem] = []
    shown = source.shown
    for key in PLAIN_TEXT_KEYS:
        problems += plain_text_problems(shown, _front_matter_line(source, key), key, source.meta.get(key))
    problems += tel.link_problems(source, clinic)
    problems += tag_problems(shown, page_html(source)[0])
    for link in links(source):
        scheme = unsafe_scheme(link.target)
        if scheme:
            what = "image" if link.is_image else "link"
            problems.append(Problem(shown, link.line, f"the {what} '{link.target}' uses the unsafe address scheme '{scheme}:'",
                                    IMAGE_FIX if link.is_image else SCHEME_FIX))
    problems += attribute_problems(shown, page_html(source)[0])
    return problems


# A template in overrides/ is read again only when it changed: key (its path, where we stand),
# value ((mtime_ns, size), problems). In memory only, for a long-lived process (`make preview`).
_templates: dict[tuple[Path, Path], tuple[tuple[int, int], list[Problem]]] = {}


def _template_problems(path: Path) -> list[Problem]:
    found = path.stat()
    stamp, key = (found.st_mtime_ns, found.st_size), (path, Path.cwd())
    kept = _templates.get(key)
    if kept is None or kept[0] != stamp:
        kept = (stamp, attribute_problems(display_path(path), read_html(path.read_text(encoding="utf-8"))[0]))
        _templates[key] = kept
    return kept[1]


def check(sources: list[Source], config: dict[str, Any]) -> list[Problem]:
    problems: list[Problem] = []
    clinic = siteconfig.clinic(config)
    for source in [*sources, *datatext.sources(siteconfig.docs_dir(config)), *datatext.settings_sources(config)]:
        # source.meta: parsed by the front matter check, which runs first (from the text: kept with it)
        problems += memo(source, "markup", clinic, lambda s: source_problems(s, clinic))
    theme = config.get("theme")
    custom_dir = theme.get("custom_dir") if isinstance(theme, dict) else None
    if custom_dir and (Path(config["config_dir"]) / custom_dir).is_dir():
        for path in sorted((Path(config["config_dir"]) / custom_dir).rglob("*.html")):
            problems += _template_problems(path)
    where = settings.key_lines(Path(config["config_file"]))
    for key in CONFIG_PLAIN_TEXT:
        file, line = where.get((key,), (Path(config["config_file"]), 1))
        problems += plain_text_problems(display_path(file), line, key, config.get(key))
    return problems
