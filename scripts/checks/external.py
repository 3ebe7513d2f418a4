"""The promise of deploy/README.md ("Offline and privacy"), enforced: the site loads nothing from another website.

Looks at everything that ends up in a page and can make a browser fetch something: Markdown images,
raw HTML in pages and snippets (img, iframe, script, link, video, audio, source, object, embed,
srcset, poster, inline styles and <style>), the theme layer in overrides/, our own CSS and JS
under docs/ and overrides/, and the config's extra_css, extra_javascript, polyfills and theme
fonts. Links (<a href>) to other sites are fine: they load nothing until a reader follows them
(the allowlist check decides which sites they may go to). Material's own theme files are not ours
and are not scanned. Text in data files is page text (datatext.py): the same rules, and the
allowlist's, at the line of the field.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import tinycss2

from scripts import siteconfig
from scripts.checks import allowlist, datatext
from scripts.checks.links import links
from scripts.model import settings
from scripts.problems import Problem, display_path
from scripts.sources import Source, memo

REMOTE_SCHEMES = {"http", "https", "ftp", "ws", "wss"}
# Attributes that make the browser fetch their address as soon as the page loads.
LOADING_ATTRIBUTES = {"src", "srcset", "data", "poster", "background", "imagesrcset"}
# Tags whose href loads something (a stylesheet, an icon, an SVG image); <a href> only links.
LOADING_HREF_TAGS = {"link", "image", "use", "feimage"}
# A quoted address in a script: https://host, //host (protocol-relative), wss://host.
SCRIPT_ADDRESS = re.compile(r"""(["'`])\s*((?:(?:https?|wss?|ftp):)?//[A-Za-z0-9][^"'`\s]*)""")
# attr_list's `{ key="value" }` after a paragraph, image or heading becomes HTML attributes too.
ATTR_LIST = re.compile(r"(?<!\{)\{(?!\{):?([^{}]*\w[\w:-]*\s*=[^{}]*)\}")
ATTR_LIST_TAG = "{ }"  # how an attr_list shows in messages: <{ } style="...">
CSS_URL_FUNCTIONS = {"url", "src", "image-set", "-webkit-image-set"}
CONFIG_LISTS = (("extra_css",), ("extra_javascript",), ("extra", "polyfills"))
FIX = "save a copy under docs/ (e.g. docs/assets/) and use its relative address: the site loads nothing from other websites"


_CONTROL = re.compile(r"[\x00-\x20]")


def is_remote(address: str) -> bool:
    """True for an address on another machine: a remote scheme, or protocol-relative //host."""
    address = _CONTROL.sub("", address).lower()
    return address.startswith("//") or urlsplit(address).scheme in REMOTE_SCHEMES


@dataclass(frozen=True)
class Tag:
    line: int
    name: str
    attrs: dict[str, str]


@dataclass(frozen=True)
class Embedded:
    """The text of an inline <style> or <script>, with the line it starts on."""

    line: int
    kind: str  # "style" or "script"
    text: str


class _HTMLReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)  # attribute values come back with &#...; decoded
        self.tags: list[Tag] = []
        self.embedded: list[Embedded] = []
        self._inside: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(Tag(self.getpos()[0], tag.lower(), {k.lower(): v or "" for k, v in attrs}))
        self._inside = tag.lower() if tag.lower() in ("style", "script") else None

    def handle_endtag(self, tag: str) -> None:
        self._inside = None

    def handle_data(self, data: str) -> None:
        if self._inside:
            self.embedded.append(Embedded(self.getpos()[0], self._inside, data))


def read_html(text: str) -> tuple[list[Tag], list[Embedded]]:
    """Every start tag (with its line) and every inline style or script in some HTML (or Markdown) text."""
    reader = _HTMLReader()
    reader.feed(text)
    reader.close()
    return reader.tags, reader.embedded


def page_html(source: Source) -> tuple[list[Tag], list[Embedded]]:
    """The raw HTML of a page or snippet body (code blanked, lines kept), plus its attr_list attributes."""
    if "html" not in source.cache:
        lines = [""] * (source.text.count("\n") + 1)
        attr_lists = []
        for number, line in source.body_lines():
            lines[number - 1] = line
            for match in ATTR_LIST.finditer(line):
                attr_lists += [Tag(number, ATTR_LIST_TAG, tag.attrs) for tag in read_html(f"<x {match.group(1)}>")[0]]
        tags, embedded = read_html("\n".join(lines))
        source.cache["html"] = (tags + attr_lists, embedded)
    return source.cache["html"]


# What every address in CSS needs written out: a url( or a url-taking function, or @import. A backslash
# could spell any of them in escapes, so CSS with one is always parsed.
CSS_LOADS = re.compile(r"url\(|src\(|image-set\(|@import|\\", re.IGNORECASE)


def css_addresses(css: str) -> list[tuple[int, str]]:
    """(line within the text, address) of every url(), @import and image-set() in some CSS."""
    if not CSS_LOADS.search(css):
        return []  # nothing that tinycss2 would find (it is exact, and slow: most CSS has no address)
    found: list[tuple[int, str]] = []

    def walk(tokens: list) -> None:
        previous = None
        for token in tokens:
            if token.type == "url":
                found.append((token.source_line, token.value))
            elif token.type == "function" and token.lower_name in CSS_URL_FUNCTIONS:
                found.extend((arg.source_line, arg.value) for arg in token.arguments if arg.type == "string")
            elif token.type == "string" and previous is not None and previous.type == "at-keyword" \
                    and previous.lower_value == "import":
                found.append((token.source_line, token.value))
            if token.type == "function":
                walk(token.arguments)
            elif hasattr(token, "content") and isinstance(token.content, list):
                walk(token.content)
            if token.type not in ("whitespace", "comment"):
                previous = token

    walk(tinycss2.parse_component_value_list(css, skip_comments=True))
    return found


def script_addresses(js: str) -> list[tuple[int, str]]:
    """(line within the text, address) of every quoted remote address in a script."""
    return [(js.count("\n", 0, m.start()) + 1, m.group(2)) for m in SCRIPT_ADDRESS.finditer(js)]


def _srcset_addresses(value: str) -> list[str]:
    return [candidate.split()[0] for candidate in value.split(",") if candidate.split()]


def tag_problems(shown: str, tags: list[Tag], embedded: list[Embedded]) -> list[Problem]:
    """Remote loads in HTML: loading attributes, <link href>, style attributes, inline <style> and <script>."""
    problems = []
    for tag in tags:
        for attr, value in tag.attrs.items():
            if attr in LOADING_ATTRIBUTES or (attr in ("href", "xlink:href") and tag.name in LOADING_HREF_TAGS):
                addresses = _srcset_addresses(value) if attr.endswith("srcset") else [value]
                # An <img src> reads like a Markdown image, and both are reported alike (links.py sees both).
                what = "the image '{}'" if (tag.name, attr) == ("img", "src") else f"<{tag.name} {attr}=\"{{}}\">"
                problems += [Problem(shown, tag.line, f"{what.format(a)} loads from another website", FIX)
                             for a in addresses if is_remote(a)]
            elif attr == "style":
                problems += [Problem(shown, tag.line, f"the style of <{tag.name}> loads '{a}' from another website", FIX)
                             for _, a in css_addresses(value) if is_remote(a)]
    for block in embedded:
        found = css_addresses(block.text) if block.kind == "style" else script_addresses(block.text)
        problems += [Problem(shown, block.line + line - 1, f"the <{block.kind}> block loads '{a}' from another website", FIX)
                     for line, a in found if is_remote(a)]
    return problems


def _theme_files(config: dict[str, Any]) -> Iterator[Path]:
    """Our own theme layer and assets: overrides/ (custom_dir) and docs/ (HTML, CSS, JS)."""
    theme = config.get("theme")
    custom_dir = theme.get("custom_dir") if isinstance(theme, dict) else None
    folders = [siteconfig.docs_dir(config)]
    if custom_dir:
        folders.append(Path(config["config_dir"]) / custom_dir)
    for folder in folders:
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.suffix in (".html", ".htm", ".svg", ".css", ".js") and path.is_file():
                    yield path


def file_problems(path: Path) -> list[Problem]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []  # not our text to judge (a binary, or read_sources reports bad Markdown encodings)
    shown = display_path(path)
    if path.suffix == ".css":
        return [Problem(shown, line, f"the stylesheet loads '{a}' from another website", FIX)
                for line, a in css_addresses(text) if is_remote(a)]
    if path.suffix == ".js":
        return [Problem(shown, line, f"the script loads '{a}' from another website", FIX)
                for line, a in script_addresses(text) if is_remote(a)]
    return tag_problems(shown, *read_html(text))


def config_problems(config: dict[str, Any]) -> list[Problem]:
    """Remote stylesheets and scripts listed in the config, and web fonts (Material's default: Google Fonts)."""
    where = settings.key_lines(Path(config["config_file"]))

    def at(*path: str) -> tuple[str, int]:
        file, line = where.get(path, (Path(config["config_file"]), 1))
        return display_path(file), line

    problems = []
    extra = config.get("extra") if isinstance(config.get("extra"), dict) else {}
    for path in CONFIG_LISTS:
        entries = config.get(path[0]) if len(path) == 1 else extra.get(path[1])
        for entry in entries if isinstance(entries, list) else []:
            address = entry.get("path", "") if isinstance(entry, dict) else str(entry)
            if is_remote(address):
                problems.append(Problem(*at(*path), f"{'.'.join(path)} lists '{address}', which loads from another website", FIX))
    theme = config.get("theme")
    if isinstance(theme, dict) and theme.get("name") == "material" and theme.get("font") is not False:
        problems.append(Problem(*at("theme", "font") if ("theme", "font") in where else at("theme"),
                                "the theme loads its fonts from Google Fonts (theme.font is not false)",
                                "set 'font: false' under 'theme:' to use the reader's system fonts"))
    return problems


def check(sources: list[Source], config: dict[str, Any]) -> list[Problem]:
    """Everything in pages, snippets, templates, assets and the config that would load from elsewhere."""
    problems: list[Problem] = []
    data = [*datatext.sources(siteconfig.docs_dir(config)), *datatext.settings_sources(config)]
    problems += allowlist.check(data, allowlist.load())  # check.py runs it on the pages
    for source in [*sources, *data]:
        problems += memo(source, "external", None, source_problems)
    problems += theme_problems(config)
    return problems + config_problems(config)


def source_problems(source: Source) -> list[Problem]:
    """Remote loads in one page, snippet or data text (from its text alone)."""
    return [*(Problem(source.shown, link.line, f"the image '{link.target}' loads from another website", FIX)
              for link in links(source) if link.is_image and is_remote(link.target)),
            *tag_problems(source.shown, *page_html(source))]


# The theme layer and our assets (overrides/, and the CSS, JS, SVG and HTML under docs/; never a page)
# are the same build after build, and scanning them (tinycss2, the HTML parser) is the slowest fixed
# part of this check. So what each file gives is kept:
# - on disk, in THEME_CACHE (the folder Zensical keeps its cache in, which git ignores and `make clean`
#   removes): key the file's kind (suffix) and the SHA-256 of its bytes, under one key for the code that
#   scans (this module, tinycss2's version, Python's); value (line, message, fix, severity) per problem.
#   Never a page's text: pages are checked afresh by every new process.
# - in memory, for a long-lived process (`make preview`): key (path, where we stand), value
#   ((mtime_ns, size), problems), so an unchanged file is not even read again.
THEME_CACHE = Path(".cache") / "checks" / "theme-files.json"
_files: dict[tuple[Path, Path], tuple[tuple[int, int], str, list[Problem]]] = {}  # (stamp, digest, problems)


def theme_problems(config: dict[str, Any]) -> list[Problem]:
    problems: list[Problem] = []
    cache = Path(config["config_dir"]) / THEME_CACHE if config.get("config_dir") else None
    kept: dict | None = None  # the disk cache, read once a file is not known in memory
    used: dict[str, list] = {}  # what this run's files give, by digest (the disk cache keeps only these)
    fresh = False
    here = Path.cwd()
    for path in _theme_files(config):
        try:
            found = path.stat()
            data = path.read_bytes() if (path, here) not in _files or _files[(path, here)][0] != (found.st_mtime_ns, found.st_size) else None
        except OSError:
            problems += file_problems(path)
            continue
        stamp = (found.st_mtime_ns, found.st_size)
        if data is None:
            _, digest, found_problems = _files[(path, here)]
        else:
            if kept is None:
                kept = _read_theme_cache(cache)
            digest = path.suffix + ":" + hashlib.sha256(data).hexdigest()
            if digest in kept:
                shown = display_path(path)
                found_problems = [Problem(shown, *each) for each in kept[digest]]
            else:
                found_problems = file_problems(path)
                fresh = True
            _files[(path, here)] = (stamp, digest, found_problems)
        used[digest] = [[p.line, p.message, p.fix, p.severity] for p in found_problems]
        problems += found_problems
    if fresh:  # the files of every edition and configuration built from this folder; a clean start once it grows
        _write_theme_cache(cache, {**kept, **used} if kept is not None and len(kept) < 1000 else used)
    return problems


def _code_key() -> str:
    digest = hashlib.sha256(Path(__file__).read_bytes())
    digest.update(f"{getattr(tinycss2, 'VERSION', getattr(tinycss2, '__version__', ''))} {sys.version}".encode())
    return digest.hexdigest()


def _read_theme_cache(cache: Path | None) -> dict:
    try:
        data = json.loads(cache.read_text(encoding="utf-8")) if cache else None
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("key") != _code_key() or not isinstance(data.get("files"), dict):
        return {}
    return data["files"]


def _write_theme_cache(cache: Path | None, files: dict) -> None:
    if cache is None:
        return
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        temporary = cache.with_name(f"{cache.name}.{os.getpid()}")
        temporary.write_text(json.dumps({"key": _code_key(), "files": files}), encoding="utf-8")
        temporary.replace(cache)
    except OSError:
        pass  # a folder we may not write to: the next run scans again
