"""Text in data files is page text: the fields of docs/_data that reach a page, as Sources.

The warning signs' `text`, `why` and `action` (warning-signs.yml) and the step-by-step check's
labels and self-care text (steps.yml) are Markdown shown on pages. The page checks run on them
with the same functions they run on pages (external.py, markup.py, placeholders.py, links.py,
tel.py): each data file becomes one Source whose lines are blank except where a text field is,
so every problem is reported at the field's own line in the YAML file. A multi-line value is
joined onto its key's line. (Glossary definitions are page text already: docs/glossary.md.)
The clinic's settings (extra.clinic in mkdocs.yml) are filled into pages as Markdown too:
settings_sources() gives their text, at the line of each key, to the rules that look at links
and pictures (external.py, markup.py, tel.py).

A file that cannot be read or parsed gives no Source: the data loaders (scripts/model) report it.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from scripts import siteconfig
from scripts.model import settings, signs
from scripts.sources import Source

# Data file (relative to docs/) -> the text fields in it: a path of keys, `*` for every list item.
SIGNS_FILE = "_data/warning-signs.yml"
FIELDS: dict[str, tuple[tuple[str, ...], ...]] = {
    SIGNS_FILE: (("*", "text"), ("*", "why"), ("*", "action")),
    "_data/steps.yml": (("groups", "*", "label"), ("other_label",), ("self_care", "home", "*")),
}

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_cache: dict[Path, tuple[int, Source | None]] = {}


def _find(node: yaml.Node, path: tuple[str, ...], line: int) -> list[tuple[int, str]]:
    """(file line, text) of every scalar at `path` under `node`; `line` is the line of the key that led here."""
    if not path:
        return [(line, node.value)] if isinstance(node, yaml.ScalarNode) and isinstance(node.value, str) else []
    key, rest = path[0], path[1:]
    found: list[tuple[int, str]] = []
    if key == "*" and isinstance(node, yaml.SequenceNode):
        for item in node.value:
            found += _find(item, rest, item.start_mark.line + 1)
    elif isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
                found += _find(value_node, rest, key_node.start_mark.line + 1)
    return found


def fields(path: Path, wanted: tuple[tuple[str, ...], ...]) -> list[tuple[int, str]]:
    """(file line, text) of the text fields of one data file, in file order; none if it does not parse."""
    if path.name == Path(SIGNS_FILE).name:  # the content model has composed it already (the same loader)
        root = signs.read_cached(path).root
    else:
        try:
            root = yaml.compose(path.read_text(encoding="utf-8"), Loader=_Loader)
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            return []
    if root is None:
        return []
    return sorted(found for keys in wanted for found in _find(root, keys, root.start_mark.line + 1))


def as_source(path: Path, rel: str, found: list[tuple[int, str]]) -> Source:
    """A Source whose line N holds the text of the field written on line N of the data file."""
    lines = [""] * (max((line for line, _ in found), default=0))
    for line, text in found:
        joined = " ".join(part.strip() for part in text.split("\n") if part.strip())
        lines[line - 1] = f"{lines[line - 1]} {joined}".strip()
    return Source(path, rel, "\n".join(lines))


def sources(docs_dir: Path) -> list[Source]:
    """One Source per data file that has text fields (read again only when the file changes)."""
    found: list[Source] = []
    for rel, wanted in FIELDS.items():
        path = Path(docs_dir) / rel
        try:
            stamp = path.stat().st_mtime_ns
        except OSError:
            continue
        cached = _cache.get(path)
        if cached is None or cached[0] != stamp:
            texts = fields(path, wanted)
            cached = (stamp, as_source(path, rel, texts) if texts else None)
            _cache[path] = cached
        if cached[1] is not None:
            found.append(cached[1])
    return found


def settings_sources(config: dict) -> list[Source]:
    """The text settings of extra.clinic, one Source per file that sets them (mkdocs.yml, or a file it INHERITs)."""
    where = settings.key_lines(Path(config["config_file"]))
    by_file: dict[Path, list[tuple[int, str]]] = {}
    for name, value in siteconfig.clinic(config).items():
        if isinstance(value, str) and ("extra", "clinic", name) in where:
            file, line = where[("extra", "clinic", name)]
            by_file.setdefault(file, []).append((line, value))
    return [as_source(file, f"_settings/{file.name}", sorted(found)) for file, found in by_file.items()]


def item_lines(path: Path) -> dict[str, range]:
    """The file lines of each item of a list of `id:` items (the warning signs), by id."""
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=_Loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    found = {}
    for item in root.value if isinstance(root, yaml.SequenceNode) else []:
        if isinstance(item, yaml.MappingNode):
            ids = [v.value for k, v in item.value if getattr(k, "value", None) == "id" and isinstance(v, yaml.ScalarNode)]
            if ids:
                found[str(ids[0])] = range(item.start_mark.line + 1, item.end_mark.line + 2)
    return found
