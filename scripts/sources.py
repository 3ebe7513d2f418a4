"""Read the Markdown sources once: text, front matter and the lines a check may look at."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from scripts.problems import Problem, display_path

SNIPPETS_DIR = "_snippets"
DATA_DIR = "_data"
FENCE = re.compile(r"^\s*(```|~~~)")
INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")
SNIPPET_INCLUDE = re.compile(r"""^\s*-{1,}8<-{1,}\s+["']([^"']+)["']\s*$""")


@dataclass
class Source:
    """One Markdown file under docs/: a page, or a snippet that pages include."""

    path: Path  # on disk
    rel: str  # relative to docs/, with forward slashes
    text: str
    front_matter_text: str = ""
    body_start: int = 1  # file line where the body (after front matter) starts
    meta: dict = field(default_factory=dict)
    cache: dict = field(default_factory=dict, repr=False, compare=False)  # work several checks share

    @property
    def shown(self) -> str:
        if "shown" not in self.cache:  # resolves the path: once per Source (reused only where we stand)
            self.cache["shown"] = display_path(self.path)
        return self.cache["shown"]

    @property
    def is_snippet(self) -> bool:
        return self.rel.startswith(SNIPPETS_DIR + "/")

    @property
    def is_data(self) -> bool:
        """Text fields of a data file (scripts/checks/datatext.py): shown on pages, like a snippet."""
        return self.rel.startswith(DATA_DIR + "/")

    def body_lines(self) -> list[tuple[int, str]]:
        """(file line number, text) for body lines outside fenced code, inline code blanked out."""
        if "body_lines" not in self.cache:
            self.cache["body_lines"] = list(self._body_lines())
        return self.cache["body_lines"]

    def _body_lines(self) -> Iterator[tuple[int, str]]:
        in_fence = None
        lines = self.text.split("\n")
        for index in range(self.body_start - 1, len(lines)):
            line = lines[index]
            fence = FENCE.match(line) if "```" in line or "~~~" in line else None  # plain first tests: most lines have neither
            if fence:
                marker = fence.group(1)
                if in_fence is None:
                    in_fence = marker
                elif in_fence == marker:
                    in_fence = None
                continue
            if in_fence is None:
                yield index + 1, INLINE_CODE.sub(_blank, line) if "`" in line else line

    def includes(self) -> list[tuple[int, str]]:
        """Snippet files this file pulls in with `--8<-- "name"`, with the line of each."""
        if "includes" not in self.cache:
            self.cache["includes"] = [(n, m.group(1)) for n, line in self.body_lines() if "8<" in line and (m := SNIPPET_INCLUDE.match(line))]
        return self.cache["includes"]


def _blank(match: re.Match) -> str:
    return " " * len(match.group(0))


def split_front_matter(source: Source) -> None:
    """Separate a leading `---` YAML block from the body, remembering where the body starts."""
    lines = source.text.split("\n")
    if not lines or lines[0].strip() != "---":
        return
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            source.front_matter_text = "\n".join(lines[1:index])
            source.body_start = index + 2
            return
    # An opening `---` that never closes: the front matter check reports it.
    source.front_matter_text = "\n".join(lines[1:])
    source.body_start = len(lines) + 1


# A long-lived process (`make preview`: mkdocs serve runs the checks on every save) keeps each file's
# Source, and with it everything the checks worked out from its text alone (Source.cache), while the
# file is unchanged: key (its path, where we stand, so `shown` holds), value ((mtime_ns, size), Source).
# In memory only, never on disk: a new process (or a renamed copy) reads and checks everything again.
_known: dict[tuple[Path, Path], tuple[tuple[int, int], Source]] = {}


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        found = path.stat()
    except OSError:
        return None
    return found.st_mtime_ns, found.st_size


def known(path: Path) -> Source | None:
    """The Source that read_sources made from `path` in this process, if the file is unchanged since."""
    entry = _known.get((path, Path.cwd()))
    return entry[1] if entry is not None and entry[0] == _stamp(path) else None


def memo(source: Source, name: str, key, compute):
    """`compute(source)`, worked out again only when `key` (what the answer depends on besides the file's text:
    compared with `is`, then `==`) differs from last time for this Source (reused while its file is
    unchanged, so an unchanged page in a long-lived process is not checked again)."""
    slot = source.cache.get(("memo", name))
    if slot is not None and (slot[0] is key or slot[0] == key):
        return slot[1]
    value = compute(source)
    source.cache[("memo", name)] = (key, value)
    return value


def read_sources(docs_dir: Path) -> tuple[list[Source], list[Problem]]:
    """Every .md file under docs/, decoded as UTF-8; files that are not UTF-8, cannot be read or
    lead outside the project (outside_links) become problems, and are not read."""
    sources, problems = [], []
    outside = outside_links(docs_dir)
    problems += [problem for _, problem in outside]
    skipped = [link for link, _ in outside]
    here = Path.cwd()
    for path in sorted(docs_dir.rglob("*.md")):
        if any(path == link or link in path.parents for link in skipped):
            continue
        rel = path.relative_to(docs_dir).as_posix()
        stamp = _stamp(path)
        known = _known.get((path, here))
        if stamp is not None and known is not None and known[0] == stamp and known[1].rel == rel:
            sources.append(known[1])
            continue
        _known.pop((path, here), None)
        try:
            data = path.read_bytes()
        except OSError as err:
            problems.append(Problem(display_path(path), 1, f"the file cannot be read ({err.strerror or err})",
                                    "check that it exists and that you may read it (a link to a missing file?)"))
            continue
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as err:
            line = data[: err.start].count(b"\n") + 1
            problems.append(Problem(display_path(path), line,
                                    f"the file is not UTF-8 text (byte 0x{data[err.start]:02x} at offset {err.start})",
                                    "save the file as UTF-8 in your editor"))
            continue
        source = Source(path, rel, text.lstrip("\ufeff").replace("\r\n", "\n"))
        split_front_matter(source)
        sources.append(source)
        if stamp is not None and stamp == _stamp(path):  # not changed while it was read
            _known[(path, here)] = (stamp, source)
    read = {source.path for source in sources}
    for path, where in [key for key in _known if key[1] == here and key[0] not in read and docs_dir in key[0].parents]:
        del _known[(path, where)]  # a file deleted (or now unreadable) since: forget it
    return sources, problems


def outside_links(docs_dir: Path) -> list[tuple[Path, Problem]]:
    """Files and folders in docs/ that are symbolic links to something outside the project folder
    (the folder that holds docs/): the build would publish what they point to."""
    project = Path(docs_dir).resolve().parent
    found = []
    for folder, dirs, files in os.walk(docs_dir):
        for name in sorted(dirs) + sorted(files):
            path = Path(folder) / name
            if not path.is_symlink():
                continue
            target = Path(os.path.realpath(path))
            if target != project and project not in target.parents:
                found.append((path, Problem(f"{display_path(path.parent)}/{name}", 1,  # the link, not what it points to
                                            f"'{path.relative_to(docs_dir).as_posix()}' is a link to '{target}', "
                                            "outside the project folder, so what it points to would be published",
                                            "copy the file into docs/ (and check that it may be published) instead of linking to it")))
    return found


def docs_dir_of(sources: list[Source]) -> Path | None:
    """The docs folder the sources were read from."""
    for source in sources:
        if not source.is_data:
            return source.path.parents[source.rel.count("/")]
    return None


def pages(sources: list[Source]) -> list[Source]:
    return [s for s in sources if not s.is_snippet]


_by_rel: list = []  # [the list of sources, its length, {rel: the first Source with it}]: one dict per list, not a scan per include


def snippet(sources: list[Source], name: str) -> Source | None:
    if not _by_rel or _by_rel[0] is not sources or _by_rel[1] != len(sources):
        found: dict[str, Source] = {}
        for source in sources:
            found.setdefault(source.rel, source)
        _by_rel[:] = [sources, len(sources), found]
    return _by_rel[2].get(f"{SNIPPETS_DIR}/{name}")
