"""The hand-written search words (docs/_data/search-words.yml), read and validated.

stop: a list of single words; same: a list of lists of words that mean the same; first and pages:
page files, each with a list of words. Every problem is FILE:LINE (wrong kind of value, unknown key,
a page that does not exist, undecodable bytes, YAML errors). scripts/search_words.py turns the valid
data, the glossary and the page descriptions into the search box's search-words.js.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from scripts.model import datafile
from scripts.problems import Problem, display_path

DATA_FILE = "_data/search-words.yml"
KEYS = {"stop": "a list of single words, e.g. stop: [a, the]",
        "same": "a list of lists, e.g. same: [[ibuprofen, nurofen]]",
        "first": "page files, each with a list of words, e.g. first: {urgent-help.md: [ambulance]}",
        "pages": "page files, each with a list of words, e.g. pages: {neck.md: [stiff neck]}"}


def read(docs_dir: Path) -> tuple[dict, list[Problem]]:
    """{'stop': [...], 'same': [[...]], 'first': {page: [...]}, 'pages': {page: [...]}}, and the problems.
    A missing file is no problem (a small site has no hand-written words)."""
    path = Path(docs_dir) / DATA_FILE
    empty = {"stop": [], "same": [], "first": {}, "pages": {}}
    if not path.exists():
        return empty, []
    root, problems = datafile.compose(path, "the search words")
    if root is None or datafile.kind(root) == "empty":
        return empty, problems
    shown = display_path(path)
    top = datafile.mapping(root)
    if top is None:
        return empty, [Problem(shown, datafile.line(root), "the search words must be groups: stop:, same:, first: and pages:",
                               "see the comments at the top of the file")]
    data, found = dict(empty), []

    def wrong(node, key: str) -> None:
        found.append(Problem(shown, datafile.line(node), f"'{key}' must be {KEYS[key].split(', e.g.')[0]}, not {datafile.kind(node)}",
                             f"write it as {KEYS[key].split(', e.g. ')[1]}"))

    pages = sorted(p.relative_to(docs_dir).as_posix() for p in Path(docs_dir).rglob("*.md"))
    for key, (key_node, node) in top.items():
        if key not in KEYS:
            close = difflib.get_close_matches(key, list(KEYS), n=1)
            found.append(Problem(shown, datafile.line(key_node), f"unknown group '{key}' in the search words",
                                 (f"did you mean '{close[0]}'? " if close else "") + f"use {', '.join(KEYS)}"))
            continue
        if datafile.kind(node) == "empty":
            continue
        if key == "stop":
            items = datafile.strings(node)
            if items is None:
                wrong(node, key)
            else:
                data["stop"] = [word for word, _ in items]
        elif key == "same":
            groups = [datafile.strings(item) for item in node.value] if hasattr(node, "value") and isinstance(node.value, list) else None
            if groups is None or any(group is None for group in groups):
                wrong(node, key)
            else:
                data["same"] = [[word for word, _ in group] for group in groups]
        else:
            entries = datafile.mapping(node)
            if entries is None:
                wrong(node, key)
                continue
            lists = {}
            for page, (page_node, words_node) in entries.items():
                items = datafile.strings(words_node)
                if page not in pages:
                    close = difflib.get_close_matches(page, pages, n=1)
                    found.append(Problem(shown, datafile.line(page_node), f"'{page}' is not a page in docs/",
                                         f"did you mean '{close[0]}'?" if close else "use a file name from docs/, e.g. neck.md"))
                elif items is None:
                    wrong(words_node, key)
                else:
                    lists[page] = [word for word, _ in items]
            data[key] = lists
    return data, problems + found
