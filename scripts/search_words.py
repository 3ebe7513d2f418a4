"""The words patients search with, for the search box: `python -m scripts.search_words [--check]`.

Reads docs/_data/search-words.yml (common words, brand and lay words, red flags, words that must
find a page), the glossary's names and other names (`Name / other name` lines) and every page's
title and description, and writes docs/assets/javascripts/search-words.js. The search box's query
helper (docs/assets/javascripts/search-patients.js) loads that file the first time someone searches.

The output is a plain static file, so any renderer that copies docs/assets serves it. `--check`
exits 1 (with a file:line message) when the file is out of date, without writing it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

from scripts.model import search_words as search_words_model
from scripts.model.glossary import parse as parse_glossary
from scripts.problems import ERROR, NOTE, Problem
from scripts.sources import Source, split_front_matter

ROOT = Path(__file__).resolve().parent.parent
DATA = search_words_model.DATA_FILE
OUTPUT = "assets/javascripts/search-words.js"
# Pages that mention every word in passing: a glossary word is never routed to them.
NOT_A_HOME = {"index.md", "glossary.md", "about.md"}
_STRINGS = getattr(yaml, "CBaseLoader", yaml.BaseLoader)  # libyaml when present: much faster
_SAFE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
HEADER = "// Made by `python -m scripts.search_words` from docs/_data/search-words.yml, the glossary and page descriptions. Do not edit.\n"


def words(text: str) -> list[str]:
    """Lower-case words as the search box compares them ("Can't" -> "cant", "co-codamol" -> co, codamol).
    search-patients.js splits a query the same way."""
    text = text.lower().replace("\u2019", "'").replace("'", "")
    return re.findall(r"[a-z0-9]+", text)


def _front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8", errors="replace")  # a file that is not UTF-8 is reported by the checks
    match = re.match(r"---\n(.*?)\n---\n", text, re.DOTALL)
    try:
        meta = yaml.load(match.group(1), Loader=_STRINGS) if match else {}  # all strings: no date parsing
    except yaml.YAMLError:
        return {}  # the front-matter check reports it, with its line
    return meta if isinstance(meta, dict) else {}


def _html_name(page: str) -> str:
    return re.sub(r"\.md$", ".html", page)


def glossary_homes(docs_dir: Path, names: list[str]) -> dict[str, str]:
    """Each glossary name -> the content page that mentions it most (ties: the first in file order)."""
    texts = {p.name: p.read_text(encoding="utf-8", errors="replace").lower() for p in sorted(docs_dir.glob("*.md")) if p.name not in NOT_A_HOME}
    homes: dict[str, str] = {}
    order = {page: index for index, page in enumerate(texts)}
    for name in names:
        low = name.lower()
        pattern = re.compile(r"\b" + re.escape(low) + r"s?\b")
        # The plain substring test first: most names are on a few pages, and it is far cheaper
        # than the regular expression (this runs in every build's checks).
        counts = Counter({page: len(pattern.findall(text)) for page, text in texts.items() if low in text})
        if not counts:
            continue
        page, count = max(counts.items(), key=lambda item: (item[1], -order[item[0]]))
        if count:
            homes[name] = page
    return homes


_built: dict[tuple, tuple[dict, list[Problem]]] = {}


def build(docs_dir: Path) -> tuple[dict, list[Problem]]:
    """The data search-words.js carries, and problems with the hand-written list (worked out once
    per process while the sources are unchanged: the checks and the build step both ask)."""
    files = sorted([*docs_dir.glob("*.md"), docs_dir / DATA])
    stamp = tuple((str(f), f.stat().st_mtime_ns if f.exists() else 0) for f in files)
    if stamp not in _built:
        _built.clear()
        _built[stamp] = _build(docs_dir)
    data, problems = _built[stamp]
    return data, list(problems)


def _build(docs_dir: Path) -> tuple[dict, list[Problem]]:
    problems: list[Problem] = []
    data_file = docs_dir / DATA
    shown = f"docs/{DATA}"
    hand, problems = search_words_model.read(docs_dir)
    if problems:
        return {}, problems
    terms = []
    if (docs_dir / "glossary.md").exists():
        glossary = Source(docs_dir / "glossary.md", "glossary.md", (docs_dir / "glossary.md").read_text(encoding="utf-8", errors="replace"))
        split_front_matter(glossary)
        terms = parse_glossary(glossary)[0]

    source_lines = data_file.read_text(encoding="utf-8").splitlines() if data_file.exists() else []

    def line_of(text: str) -> int:
        return next((n for n, line in enumerate(source_lines, 1) if text in line), 1)

    stop: dict[str, int] = {}
    for word in hand.get("stop") or []:
        if len(words(str(word))) != 1:
            problems.append(Problem(shown, line_of(str(word)), f"the common word '{word}' is not one word",
                                    "list single words under stop: (a phrase of common words goes under same:)"))
        for part in words(str(word)):
            stop[part] = 1

    same: list[list[str]] = [[" ".join(words(str(w))) for w in group] for group in hand.get("same") or []]
    same += [[" ".join(words(name)) for name in term.names] for term in terms if len(term.names) > 1]

    def page_lists(key: str) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for page, phrases in hand[key].items():
            found.setdefault(_html_name(page), []).extend(" ".join(words(str(p))) for p in phrases)
        return found

    first = page_lists("first")
    routes = page_lists("pages")
    routed = {phrase for phrases in [*routes.values(), *first.values()] for phrase in phrases}
    names = [name for term in terms for name in term.names]
    for name, page in glossary_homes(docs_dir, names).items():
        phrase = " ".join(words(name))
        if phrase and phrase not in routed:
            routes.setdefault(_html_name(page), []).append(phrase)

    describe = {}
    for path in sorted(docs_dir.glob("*.md")):
        meta = _front_matter(path)
        describe[_html_name(path.name)] = " ".join(words(f"{meta.get('title', '')} {meta.get('description', '')}"))
    data = {"stop": stop, "same": [g for g in same if len(g) > 1],
            "first": {k: sorted(set(v)) for k, v in sorted(first.items())},
            "pages": {k: sorted(set(v)) for k, v in sorted(routes.items())}, "describe": describe}
    return data, problems


def render(data: dict) -> str:
    return HEADER + "var __searchWords = " + json.dumps(data, ensure_ascii=False, sort_keys=True, indent=0) + ";\n"


def check(docs_dir: Path) -> list[Problem]:
    """Problems with the search words, and a stale search-words.js (for `python -m scripts.check`)."""
    data, problems = build(docs_dir)
    output = docs_dir / OUTPUT
    if not (docs_dir / DATA).exists() and not output.exists():
        return problems  # a site without the patient-words search helper (e.g. a small test site)
    if not problems and (not output.exists() or output.read_text(encoding="utf-8") != render(data)):
        # A note, not an error: the build step writes a fresh copy into the site anyway; the copy in
        # docs/ serves previews and other renderers.
        problems.append(Problem(f"docs/{OUTPUT}", 1, "the search words are out of date with the glossary, the page descriptions or "
                                f"docs/{DATA}", "run `python -m scripts.search_words`", NOTE))
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report whether search-words.js is up to date")
    parser.add_argument("--docs", type=Path, default=ROOT / "docs")
    args = parser.parse_args(argv)
    if args.check:
        problems = check(args.docs)
    else:
        data, problems = build(args.docs)
        if not problems:
            (args.docs / OUTPUT).write_text(render(data), encoding="utf-8")
            print(f"wrote docs/{OUTPUT}: {len(data['same'])} word groups, "
                  f"{sum(len(v) for v in data['pages'].values())} words that lead to a page")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0  # --check: a stale file counts too


def step(config_file: Path, out_dir: Path) -> int:
    """A build step (scripts/build.py): writes a fresh search-words.js into the built site, so a
    build never serves stale words even when docs/ has an old copy."""
    docs_dir = config_file.resolve().parent / "docs"
    data, problems = build(docs_dir)
    for problem in problems:
        print(problem, file=sys.stderr)
    if any(problem.severity == ERROR for problem in problems):
        return 1
    target = out_dir / OUTPUT
    if target.parent.is_dir():
        target.write_text(render(data), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
