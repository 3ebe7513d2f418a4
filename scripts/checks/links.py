"""Internal links, anchors and images in the Markdown source, reported with file and line.

MkDocs' own `validation:` also checks the rendered Markdown links; this covers what it does not
(raw HTML links and images, alt text, undefined references) and gives every problem a line.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml
from markdown.extensions.toc import slugify, unique

from scripts.checks import datatext
from scripts.model.glossary import GLOSSARY_REF
from scripts.model.signs import load as load_signs
from scripts.model.steps import TOKEN as STEPS_TOKEN
from scripts.model.steps import read as read_steps
from scripts.model.steps import screen_ids
from scripts.problems import Problem
from scripts.sources import Source, snippet

INLINE = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*<?([^)\s>]*)>?(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)")
REF_USE = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\[\]]*\])+)\]\[([^\]]*)\]")
REF_DEF = re.compile(r"^\s{0,3}\[([^\]^][^\]]*)\]:\s*<?(\S+?)>?(?:\s+.*)?$")
HEADING = re.compile(r"^\s{0,8}(#{1,6})\s+(.*?)\s*#*\s*$")
ATTR_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}")
HTML_ID = re.compile(r"""\b(?:id|name)\s*=\s*["']([^"']+)["']""")
HTML_TAG = re.compile(r"<(a|img)\b[^>]*>", re.IGNORECASE)
HTML_LINK_END = re.compile(r"(.*?)</a\s*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^>]*>")
# Ids that the theme templates add to every page (overrides/partials/page-meta.html).
TEMPLATE_IDS = {"sources"}


@dataclass(frozen=True)
class Link:
    line: int
    target: str
    is_image: bool
    alt: str | None  # alt text for images; None when not an image
    text: str = ""  # the words shown for a link (tel.py compares them with a phone number)


class _TagReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _html_tags(line: str) -> list[tuple[str, dict[str, str | None], str]]:
    """(tag, attributes, the words up to </a> on the line) of each <a> and <img>."""
    reader = _TagReader()
    words = []
    for match in HTML_TAG.finditer(line):
        before = len(reader.tags)
        reader.feed(match.group(0))
        if len(reader.tags) > before:
            end = HTML_LINK_END.match(line, match.end())
            words.append(_ANY_TAG.sub("", end.group(1)) if end else "")
    reader.close()
    return [(tag, attrs, text) for (tag, attrs), text in zip(reader.tags, words)]


def heading_text(raw: str) -> str:
    """Heading text as the reader sees it, for slugs: markup removed."""
    text = ATTR_ID.sub("", raw)
    text = GLOSSARY_REF.sub(lambda m: m.group(2) or m.group(1), text)
    text = _INLINE_LINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    return _EMPHASIS.sub("", text).strip()


_INLINE_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_TAG = re.compile(r"<[^>]+>")
_EMPHASIS = re.compile(r"[*_`]")


def anchors(source: Source, sources: list[Source], seen: set[str] | None = None) -> set[str]:
    """Ids a link may point to in this file: headings (as the toc extension slugs them),
    {#id} attributes, HTML ids, and those of the snippets it includes."""
    seen = set() if seen is None else seen
    if source.rel in seen:
        return set()
    seen.add(source.rel)
    ids = set(own_anchors(source))
    for _, name in source.includes():
        included = snippet(sources, name)
        if included:
            ids |= anchors(included, sources, seen)
    return ids


def own_anchors(source: Source) -> frozenset[str]:
    """The ids of the file's own text (not of the snippets it includes): worked out once per Source."""
    if "anchors" not in source.cache:
        ids: set[str] = set(TEMPLATE_IDS)
        for _, line in source.body_lines():
            heading = HEADING.match(line) if "#" in line else None
            if heading:
                custom = ATTR_ID.search(heading.group(2))
                ids.add(custom.group(1) if custom else unique(slugify(heading_text(heading.group(2)), "-"), ids))
            elif "{" in line:
                ids.update(ATTR_ID.findall(line))
            if "=" in line:
                ids.update(HTML_ID.findall(line))
        source.cache["anchors"] = frozenset(ids)
    return source.cache["anchors"]


def shows_steps(source: Source) -> bool:
    """Whether the page has `{{ steps }}` on a line of its own (the transforms put the check there)."""
    return "{{" in source.text and any(STEPS_TOKEN.match(line) for _, line in source.body_lines() if "{{" in line)


def steps_ids(docs_dir: Path) -> frozenset[str]:
    """The ids of the check's screens, from the signs and docs/_data/steps.yml as the transforms read
    them; none when those cannot be read (the signs and steps checks report why)."""
    try:
        signs = load_signs(docs_dir)
        plan, _ = read_steps(docs_dir, {sign.id for sign in signs})
    except (OSError, ValueError, yaml.YAMLError, KeyError, TypeError):
        return frozenset()
    return screen_ids(plan, signs) if plan else frozenset()


def links(source: Source) -> list[Link]:
    """Every link and image in the file: inline, reference-style and raw HTML."""
    if "links" not in source.cache:
        source.cache["links"] = _links(source)
    return source.cache["links"]


def _links(source: Source) -> list[Link]:
    found: list[Link] = []
    definitions: dict[str, str] = {}
    # Each pattern needs a plain piece ("]:", "](", "][", "<"): a substring test first skips most lines.
    for number, line in source.body_lines():
        definition = REF_DEF.match(line) if "]:" in line else None
        if definition:
            definitions[definition.group(1).strip().lower()] = definition.group(2)
    for number, line in source.body_lines():
        if "]:" in line and REF_DEF.match(line):
            continue
        for match in INLINE.finditer(line) if "](" in line else ():
            image = match.group(1) == "!"
            found.append(Link(number, match.group(3), image, match.group(2) if image else None, match.group(2)))
        for match in REF_USE.finditer(line) if "][" in line else ():
            label = (match.group(3) or match.group(2)).strip().lower()
            image = match.group(1) == "!"
            target = definitions.get(label, f"[undefined reference: {label}]")
            found.append(Link(number, target, image, match.group(2) if image else None, match.group(2)))
        for tag, attrs, words in _html_tags(line) if "<" in line else ():
            if tag.lower() == "a" and attrs.get("href") is not None:
                found.append(Link(number, attrs["href"] or "", False, None, words))
            elif tag.lower() == "img":
                found.append(Link(number, attrs.get("src") or "", True, attrs.get("alt")))
    return found


def is_external(target: str) -> bool:
    return bool(urlsplit(target).scheme) or target.startswith("//")


def check(sources: list[Source], docs_dir: Path) -> list[Problem]:
    """Broken page links, broken anchors, missing images and images without alt text."""
    problems: list[Problem] = []
    by_rel = {s.rel: s for s in sources}
    anchor_cache: dict[str, set[str]] = {}
    steps: list[frozenset[str]] = []  # the check's screen ids, worked out at the first page that shows it

    def ids_of(rel: str) -> set[str]:
        if rel not in anchor_cache:
            anchor_cache[rel] = anchors(by_rel[rel], sources)
            if shows_steps(by_rel[rel]):  # the screens of the step-by-step check are anchors too
                if not steps:
                    steps.append(steps_ids(docs_dir))
                anchor_cache[rel] |= steps[0]
        return anchor_cache[rel]

    files: dict[str, bool] = {}

    def is_file(rel: str) -> bool:  # a stat per file linked to, not per link
        if rel not in files:
            files[rel] = (docs_dir / rel).is_file()
        return files[rel]

    data = datatext.sources(docs_dir)
    for source in [*sources, *data]:
        # Snippets and data text are pasted into pages at the top of docs/, so their links resolve from there.
        base = "" if source.is_snippet or source.is_data else posixpath.dirname(source.rel)
        for link in links(source):
            problems += _check_link(source, link, base, docs_dir, by_rel, ids_of, is_file)
        if "/" in source.rel and not (source.is_snippet or source.is_data):
            problems += subfolder_problems(source, sources, data)
    return problems


# What the page transforms write as links relative to the top of docs/ (scripts/transforms/signs.py
# and steps.py, which are not told which page they render): such a link from a page in a
# sub-folder would point to a page that does not exist there.
GENERATED_LINKS = re.compile(r"^\s*\{\{\s*(?:signs\s*:[^}]*|steps\s*)\}\}")
SIGN_ID = re.compile(r"\{\{\s*sign\s*:\s*([^}\s]+)\s*\}\}")  # {{ sign: ID }} shows the sign's own text
# True once the transforms write those links relative to the page they render (MkDocs and Zensical
# both tell a Markdown extension which page it renders: see the change described in issue 18's notes);
# then pages in sub-folders may show signs and the step-by-step check, and only snippets are refused.
TRANSFORMS_KNOW_THE_PAGE = True
SUBFOLDER_FIX = "move the page to the top of docs/ (as '{name}'): pages in sub-folders cannot show it yet"


def subfolder_problems(source: Source, sources: list[Source], data: list[Source]) -> list[Problem]:
    """A page in a sub-folder works, except where it shows something whose links are written for
    pages at the top of docs/: warning-sign cards and the step-by-step check (links to
    urgent-help.md and what-to-do-now.md), a snippet's relative links, a sign's relative links."""
    problems = []
    fix = SUBFOLDER_FIX.format(name=posixpath.basename(source.rel))
    folder = posixpath.dirname(source.rel) + "/"
    signs_data = next((d for d in data if d.rel == datatext.SIGNS_FILE), None)
    sign_links = [link for link in links(signs_data) if _relative(link.target)] if signs_data else []
    by_id = datatext.item_lines(signs_data.path) if sign_links else {}

    def sign_link(number: int, ids: list[str] | None) -> list[Problem]:
        """The first relative link in the text of these signs (all signs: None)."""
        for link in sign_links:
            if ids is None or any(link.line in by_id.get(i, ()) for i in ids):
                return [Problem(source.shown, number, f"the warning signs' text links to '{link.target}' "
                                f"({signs_data.shown}:{link.line}), which does not resolve from a page in '{folder}'", fix)]
        return []

    for number, line in [] if TRANSFORMS_KNOW_THE_PAGE else source.body_lines():
        block = GENERATED_LINKS.match(line)
        if block and not re.search(r"[:,]\s*(?:all|tier\s*=)", block.group(0)):  # a tier or all signs: no links to pages
            problems.append(Problem(source.shown, number, f"'{block.group(0).strip()}' makes links to the pages at the top of docs/, "
                                    f"which do not resolve from a page in '{folder}'", fix))
        elif block:
            problems += sign_link(number, None)
        else:
            problems += sign_link(number, SIGN_ID.findall(line)) if "{{" in line else []
    for number, name in source.includes():
        included = snippet(sources, name)
        relative = [link for link in links(included) if _relative(link.target)] if included else []
        if relative:
            problems.append(Problem(source.shown, number, f"the snippet '{name}' links to '{relative[0].target}', "
                                    f"which does not resolve from a page in '{folder}'", fix))
    return problems


def _relative(target: str) -> bool:
    """A link to another file of the guide, written relative to the page (not an anchor, not a web address)."""
    target = target.strip()
    return bool(target) and not target.startswith(("#", "/", "[")) and not is_external(target)


def _check_link(source, link, base, docs_dir, by_rel, ids_of, is_file=None) -> list[Problem]:
    def problem(message: str, fix: str) -> list[Problem]:
        return [Problem(source.shown, link.line, message, fix)]

    if link.is_image and not (link.alt or "").strip():
        return problem(f"the image '{link.target}' has no alt text",
                       "describe what the image shows in the [brackets] (or alt=\"…\"), for people who cannot see it")
    target = link.target.strip()
    if target.startswith("[undefined reference:"):
        return problem(f"the link uses {target[1:-1]}", "add a line '[label]: address' for it, or fix the label")
    if not target:
        return problem("the link has no address", "put the page or web address in the (brackets)")
    if is_external(target):
        return []  # external addresses: see allowlist.py
    parts = urlsplit(target)
    path, fragment = unquote(parts.path), unquote(parts.fragment)
    if not path:  # same-page anchor
        if fragment and not source.is_snippet and fragment not in ids_of(source.rel):
            return problem(f"the link points to '#{fragment}', but this page has no such heading or id",
                           "use the heading's anchor (lower case, spaces as '-') or add {#" + fragment + "} to a heading")
        return []
    rel = posixpath.normpath(posixpath.join(base, path)).lstrip("/")
    if path.startswith("/") or rel.startswith(".."):
        return problem(f"the link '{target}' points outside the guide's pages",
                       "link to another page by its relative file name, e.g. 'neck.md'")
    if rel.endswith(".html"):
        return problem(f"the link '{target}' points to a built .html file",
                       f"link to the Markdown file instead, e.g. '{path[:-5]}.md'")
    if not (is_file(rel) if is_file else (docs_dir / rel).is_file()):
        kind = "image" if link.is_image else "page or file"
        return problem(f"the {kind} '{path}' does not exist", _suggest(rel, docs_dir, link.is_image))
    if fragment and rel.endswith(".md") and rel in by_rel and fragment not in ids_of(rel):
        return problem(f"'{path}' has no heading or id '#{fragment}'",
                       f"check the heading's anchor in {path}, or link to the page without '#{fragment}'")
    return []


def _suggest(rel: str, docs_dir: Path, is_image: bool) -> str:
    import difflib

    candidates = [p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*") if p.is_file()]
    close = difflib.get_close_matches(rel, candidates, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    return "add the image file under docs/images/" if is_image else "check the file name against the files in docs/"


