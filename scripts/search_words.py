"""The words patients search with, for the search box: `python -m scripts.search_words [--check]`.

Reads docs/_data/search-words.yml (common words, brand and lay words, red flags, words that must
find a page), the glossary's names and other names (`Name / other name` lines) and every page's
title and description, and writes docs/assets/javascripts/search-words.js. The search box's query
helper (docs/assets/javascripts/search-patients.js) loads that file the first time someone searches.

The output is a plain static file, so any renderer that copies docs/assets serves it. `--check`
exits 1 (with a file:line message) when the file is out of date, without writing it.

Each edition has its own words (`--docs docs-ru` for the Russian one, whose language is
extra.edition.language of the configuration that builds that folder). A language whose words change
form (Russian: scripts/model/wordforms.py) also gets every form of every word of its pages, its lists
and its glossary ("остеохондрозом", "пальцев"), written as stems and shared endings; the search box
only looks them up. The search box also gets the edition's keyboard (KEYBOARDS): a query typed with
the English layout still on ("jcntj[jylhjp") is read as the Russian letters on the same keys
(«остеохондроз») when that finds words the Latin letters do not; and its transliteration (TRANSLIT),
for Russian typed in Latin letters ("osteohondroz").
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

from scripts import siteconfig
from scripts.model import search_words as search_words_model
from scripts.model import wordforms
from scripts.model.glossary import alternatives
from scripts.model.glossary import parse as parse_glossary
from scripts.problems import ERROR, NOTE, Problem, display_path
from scripts.sources import Source, known, split_front_matter

ROOT = Path(__file__).resolve().parent.parent
DATA = search_words_model.DATA_FILE
OUTPUT = "assets/javascripts/search-words.js"
# Pages that mention every word in passing: a glossary word is never routed to them.
NOT_A_HOME = {"index.md", "glossary.md", "about.md"}
_STRINGS = getattr(yaml, "CBaseLoader", yaml.BaseLoader)  # libyaml when present: much faster
_SAFE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# The keys of the English (QWERTY) layout and the letters the same keys type on the edition's own
# layout (Russian ЙЦУКЕН, as Windows, macOS and phones have it), for queries typed on the wrong one.
KEYBOARDS = {"ru": ("`qwertyuiop[]asdfghjkl;'zxcvbnm,.~QWERTYUIOP{}ASDFGHJKL:\"ZXCVBNM<>",
                    "ёйцукенгшщзхъфывапролджэячсмитьбюЁЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮ")}
# Russian typed in Latin letters, as on a phone without a Russian keyboard ("osteohondroz",
# "sudorogi v ikrah"): the usual spellings, longest first. Several letters have more than one reading
# ("y" is ы or й); the search box mends what comes out against the site's words.
TRANSLIT = {"ru": [("shch", "щ"), ("sch", "щ"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"),
                   ("yu", "ю"), ("ya", "я"), ("yo", "ё"), ("ye", "е"), ("a", "а"),
                   ("b", "б"), ("v", "в"), ("w", "в"), ("g", "г"), ("d", "д"), ("e", "е"), ("z", "з"), ("i", "и"),
                   ("j", "й"), ("y", "ы"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"),
                   ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"), ("h", "х"), ("c", "ц"), ("x", "кс"),
                   ("q", "к")]}
HEADER = "// Made by `python -m scripts.search_words` from docs/_data/search-words.yml, the glossary and page descriptions. Do not edit.\n"


def words(text: str) -> list[str]:
    """Lower-case words as the search box compares them ("Can't" -> "cant", "co-codamol" -> co, codamol;
    Cyrillic too: "Мини-инсульт" -> мини, инсульт). search-patients.js splits a query the same way."""
    text = text.lower().replace("\u2019", "'").replace("'", "")
    return re.findall(r"[a-z0-9а-яё]+", text)


def _pages(docs_dir: Path) -> list[Path]:
    """The pages that can be read, sub-folders too (a link to a missing file is the checks' to report)."""
    return [p for p in sorted(Path(docs_dir).rglob("*.md")) if p.is_file()]


# What this module worked out from one file's text alone, kept while the file is unchanged (a
# long-lived process: `make preview`): key (path, what), value ((mtime_ns, size), answer). In memory only.
_kept: dict[tuple[Path, str], tuple[tuple[int, int], object]] = {}


def _per_file(path: Path, what: str, compute):
    try:
        found = path.stat()
    except OSError:
        return compute()
    stamp = (found.st_mtime_ns, found.st_size)
    kept = _kept.get((path, what))
    if kept is None or kept[0] != stamp:
        kept = (stamp, compute())
        _kept[(path, what)] = kept
    return kept[1]


def _read(path: Path) -> str:
    def read() -> str:
        try:
            return path.read_text(encoding="utf-8", errors="replace")  # a file that is not UTF-8 is reported by the checks
        except OSError:
            return ""
    return _per_file(path, "text", read)


_FRONT_MATTER = re.compile(r"---\n(.*?)\n---\n", re.DOTALL)


def _front_matter(path: Path) -> dict:
    def parse() -> dict:
        shared = _shared_front_matter(path)
        return shared if shared is not None else _parse_front_matter(_read(path))
    return _per_file(path, "front matter", parse)


def _shared_front_matter(path: Path) -> dict | None:
    """The title and description as the front matter check parsed them (scripts/checks/frontmatter.py),
    when that gives what _parse_front_matter would: the same block of lines, parsed without a problem,
    both values text or absent (this module reads every value as text: `title: yes` is 'yes' here, True
    there), no merge key (which only that loader follows). Else None: the file is parsed here."""
    source = known(path)
    parsed = source.cache.get("front_matter") if source is not None else None
    if parsed is None or parsed[1] or "<<" in source.front_matter_text:
        return None
    match = _FRONT_MATTER.match(_read(path))
    meta = parsed[0]
    if match is None or match.group(1) != source.front_matter_text \
            or not all(isinstance(meta.get(key), str) or key not in meta for key in ("title", "description")):
        return None
    return {key: meta[key] for key in ("title", "description") if key in meta}


def _parse_front_matter(text: str) -> dict:
    match = _FRONT_MATTER.match(text)
    try:
        meta = yaml.load(match.group(1), Loader=_STRINGS) if match else {}  # all strings: no date parsing
    except yaml.YAMLError:
        return {}  # the front-matter check reports it, with its line
    return meta if isinstance(meta, dict) else {}


def _html_name(page: str) -> str:
    return re.sub(r"\.md$", ".html", page)


def language_of(docs_dir: Path) -> str:
    """The language of the edition built from `docs_dir`: extra.edition.language of the configuration
    beside it that names this folder (mkdocs.ru.yml for docs-ru/); English when none does."""
    docs_dir = Path(docs_dir).resolve()
    for config_file in sorted(docs_dir.parent.glob("mkdocs*.yml")):
        try:
            config = siteconfig.load(config_file)
        except (OSError, yaml.YAMLError):
            continue  # the checks report a broken configuration
        if siteconfig.docs_dir(config).resolve() == docs_dir:
            return str(siteconfig.extra_section(config, "edition").get("language") or "en")
    return "en"


def glossary_homes(docs_dir: Path, names: list[str], language: str = "en") -> dict[str, str]:
    """Each glossary name -> the content page that mentions it most, in any of its forms (ties: the
    first in file order). One scan of each page for all names at once (a regex per name and page made
    this the slowest part of the checks: 116 names x every page)."""
    paths = {p.relative_to(docs_dir).as_posix(): p for p in _pages(docs_dir) if p.relative_to(docs_dir).as_posix() not in NOT_A_HOME}
    order = {page: index for index, page in enumerate(paths)}
    inflected = wordforms.supported(language)
    owners: dict[str, set[str]] = {}  # each spelling -> the names it is a form of
    for name in names:
        low = name.lower()
        forms = {form.lower() for form in wordforms.phrase_forms(name)} if inflected else {low, low + "s"}
        for form in forms:
            owners.setdefault(form, set()).add(name)
    if not owners:
        return {}
    # At each place, the longest spelling that ends at a word boundary; the shorter ones that match
    # there are its beginnings, so each is checked for a boundary after it.
    key = tuple(sorted((form, tuple(sorted(found))) for form, found in owners.items()))
    if _scan.get("key") != key:
        _scan.update(key=key, number=_scan.get("number", 0) + 1, scan=re.compile(r"\b(?=(" + alternatives(owners) + r")\b)"),
                     beginnings={form: [f for f in owners if form.startswith(f)] for form in owners})
    scan, beginnings = _scan["scan"], _scan["beginnings"]

    def page_counts(path: Path) -> Counter:  # each name's mentions on one page (kept with the file's text)
        text = _read(path).lower()
        counted: Counter = Counter()
        for match in scan.finditer(text):
            longest, start = match.group(1), match.start()
            found: set[str] = set()
            for form in beginnings[longest]:
                if form == longest or _BOUNDARY.match(text, start + len(form)):
                    found |= owners[form]
            counted.update(found)
        return counted

    counts: dict[str, Counter] = {name: Counter() for name in names}
    for page, path in paths.items():
        for name, count in _per_file(path, f"glossary names {_scan['number']}", lambda path=path: page_counts(path)).items():
            counts[name][page] += count
    homes: dict[str, str] = {}
    for name in names:
        if counts[name]:
            homes[name] = max(counts[name].items(), key=lambda item: (item[1], -order[item[0]]))[0]
    return homes


_BOUNDARY = re.compile(r"\b")
_scan: dict = {}  # the pattern of every glossary name (and their beginnings), made again only when the names change


def _data_words(docs_dir: Path) -> set[str]:
    """The words of every page and of the texts pages take from data (warning signs, steps)."""
    found: set[str] = set()
    files = [*_pages(docs_dir), *sorted((docs_dir / "_data").glob("warning-signs*.yml")), *sorted((docs_dir / "_data").glob("steps*.yml"))]
    for path in files:
        found.update(words(_read(path)))
    return found


def lexicon(vocabulary: set[str], stop: dict[str, int]) -> dict:
    """Every form of every word of `vocabulary` that the morphology library knows, as the search box
    reads them: {"endings": ["|а|у|ом", ...], "stems": "остеохондроз.0 пал.1 ..."}, each stem
    followed by the number of its list of endings (base 36). A lexeme is one word in all its forms:
    "палец" is "пал" + "ец|ьца|ьцу|...". A word that is several dictionary words ("стали") has each."""
    lexemes: set[tuple[str, ...]] = set()
    covered: set[str] = set()  # forms of a lexeme already found: most words of a page are forms of others
    for word in sorted(vocabulary):
        if len(word) < 3 or word in stop or word in covered or not wordforms.CYRILLIC.search(word):
            continue
        for forms in wordforms.lexemes(word):
            if len(forms) > 1:
                lexemes.add(forms)
                covered.update(forms)
    endings: dict[tuple[str, ...], int] = {}
    stems = []
    for forms in sorted(lexemes):
        stem = os.path.commonprefix(list(forms))
        suffixes = tuple(form[len(stem):] for form in forms)
        number = endings.setdefault(suffixes, len(endings))
        stems.append(f"{stem}.{_base36(number)}")
    return {"endings": ["|".join(suffixes) for suffixes in endings], "stems": " ".join(stems)}


def _base36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        number, rest = divmod(number, 36)
        text = digits[rest] + text
        if not number:
            return text


_built: dict[tuple, tuple[dict, list[Problem]]] = {}


def build(docs_dir: Path, language: str | None = None) -> tuple[dict, list[Problem]]:
    """The data search-words.js carries, and problems with the hand-written list (worked out once
    per process while the sources are unchanged: the checks and the build step both ask).
    `language`: the edition's; by default the one of the configuration that builds `docs_dir`."""
    language = language or language_of(docs_dir)
    files = sorted([*docs_dir.rglob("*.md"), docs_dir / DATA, *(docs_dir / "_data").glob("*.yml")])
    stamp = (language, *((str(f), f.stat().st_mtime_ns if f.exists() else 0) for f in files))
    if stamp not in _built:
        _built.clear()
        _built[stamp] = _build(docs_dir, language)
    data, problems = _built[stamp]
    return data, list(problems)


def _build(docs_dir: Path, language: str = "en") -> tuple[dict, list[Problem]]:
    problems: list[Problem] = []
    data_file = docs_dir / DATA
    shown = f"{docs_dir.name}/{DATA}"
    hand, problems = search_words_model.read(docs_dir)
    if problems:
        return {}, problems
    terms = []
    if (docs_dir / "glossary.md").exists():
        glossary = Source(docs_dir / "glossary.md", "glossary.md", (docs_dir / "glossary.md").read_text(encoding="utf-8", errors="replace"))
        split_front_matter(glossary)
        terms = parse_glossary(glossary, language)[0]

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
    for name, page in glossary_homes(docs_dir, names, language).items():
        phrase = " ".join(words(name))
        if phrase and phrase not in routed:
            routes.setdefault(_html_name(page), []).append(phrase)

    describe = {}
    for path in _pages(docs_dir):
        meta = _front_matter(path)
        describe[_html_name(path.relative_to(docs_dir).as_posix())] = " ".join(words(f"{meta.get('title', '')} {meta.get('description', '')}"))
    data = {"stop": stop, "same": [g for g in same if len(g) > 1],
            "first": {k: sorted(set(v)) for k, v in sorted(first.items())},
            "pages": {k: sorted(set(v)) for k, v in sorted(routes.items())}, "describe": describe}
    if language != "en":
        data["language"] = language
    if language in KEYBOARDS:
        data["keyboard"] = dict(zip(["latin", "native"], KEYBOARDS[language]))
    if language in TRANSLIT:
        data["translit"] = [list(pair) for pair in sorted(TRANSLIT[language], key=lambda pair: -len(pair[0]))]
    if wordforms.supported(language):
        listed = {w for group in same for phrase in group for w in words(phrase)}
        listed |= {w for phrases in [*first.values(), *routes.values()] for phrase in phrases for w in words(phrase)}
        data["lexicon"] = lexicon(_data_words(docs_dir) | listed, stop)
    return data, problems


def render(data: dict) -> str:
    return HEADER + "var __searchWords = " + json.dumps(data, ensure_ascii=False, sort_keys=True, indent=0) + ";\n"


def check(docs_dir: Path, language: str | None = None) -> list[Problem]:
    """Problems with the search words, and a stale search-words.js (for `python -m scripts.check`)."""
    data, problems = build(docs_dir, language)
    output = docs_dir / OUTPUT
    if not (docs_dir / DATA).exists() and not output.exists():
        return problems  # a site without the patient-words search helper (e.g. a small test site)
    if not problems and (not output.exists() or output.read_text(encoding="utf-8") != render(data)):
        # A note, not an error: the build step writes a fresh copy into the site anyway; the copy in
        # docs/ serves previews and other renderers.
        folder = display_path(docs_dir)
        command = "python -m scripts.search_words" + ("" if folder == "docs" else f" --docs {folder}")
        problems.append(Problem(display_path(output), 1, "the search words are out of date with the glossary, the page descriptions or "
                                f"{display_path(docs_dir / DATA)}", f"run `{command}`", NOTE))
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
            forms = f", {len(data['lexicon']['stems'].split())} words in all their forms" if "lexicon" in data else ""
            print(f"wrote {display_path(args.docs / OUTPUT)}: {len(data['same'])} word groups, "
                  f"{sum(len(v) for v in data['pages'].values())} words that lead to a page{forms}")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0  # --check: a stale file counts too


def step(config_file: Path, out_dir: Path) -> int:
    """A build step (scripts/build.py): writes a fresh search-words.js into the built site, so a
    build never serves stale words even when docs/ has an old copy."""
    config = siteconfig.load(config_file)
    docs_dir = siteconfig.docs_dir(config)
    data, problems = build(docs_dir, str(siteconfig.extra_section(config, "edition").get("language") or "en"))
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
