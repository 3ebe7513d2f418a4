"""The content model, loaded once and validated first: settings, warning signs, glossary, search words.

Every renderer path goes through `load()`: the MkDocs hook (before any page), the page transforms
(MkDocs and Zensical), the checks alone (`python -m scripts.check`) and the preview. It returns the
content with every problem as `FILE:LINE: message; fix`; nothing in it raises on bad input. Until
`problems` is empty, nothing may use the content: the hook stops the build, the checks print the
problems, and the transforms stop the renderer with them (scripts/transforms/__init__.py).

Read once per process, and again only when one of its files changes (renderers make a new Markdown
extension for every page).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from scripts import siteconfig
from scripts.model import datafile, glossary, search_words, settings, signs, translation
from scripts.problems import ERROR, NOTE, Problem, display_path

CLINIC_TOKEN = signs.CLINIC
STEPS_FILE = "_data/steps.yml"  # the step-by-step check's groups (scripts/transforms/steps.py reads them)
ENGLISH_HASH = re.compile(r"^english:\s*['\"]?([0-9a-f]{12})", re.MULTILINE)


@dataclass(frozen=True)
class Content:
    config_file: Path
    config: dict[str, Any]
    docs_dir: Path
    clinic: dict[str, Any]  # extra.clinic
    kiosk: bool
    words: dict[str, Any] = field(default_factory=dict)  # extra.words: the edition's words for pages and templates
    signs: list[signs.Sign] = field(default_factory=list)
    terms: list[glossary.Term] = field(default_factory=list)
    search_words: dict = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)  # errors: nothing may use the content until it is empty
    notes: list[Problem] = field(default_factory=list)  # said on every build, never failing it (e.g. a stale translation)

    @property
    def ok(self) -> bool:
        return not self.problems


class ContentInvalid(Exception):
    """The content has problems; str() lists them one per line, as `FILE:LINE: message; fix`."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def read_config(config_file: Path) -> tuple[dict | None, list[Problem]]:
    """The configuration with INHERIT resolved, or the FILE:LINE problem (undecodable bytes, YAML errors)."""
    path = Path(config_file)
    files = []
    while path is not None and path not in files:
        files.append(path)
        text, problems = datafile.read_text(path, "the configuration")
        if text is None:
            return None, problems
        try:
            data = yaml.load(text, Loader=siteconfig._TolerantLoader) or {}
        except yaml.YAMLError as err:
            return None, [datafile.yaml_problem(display_path(path), "the configuration", err, text)]
        if not isinstance(data, dict):
            return None, [Problem(display_path(path), 1, "the configuration must be 'key: value' lines", "see mkdocs.yml in the repository")]
        parent = data.get("INHERIT")
        path = path.parent / str(parent) if parent else None
    return siteconfig.load(config_file), []


def _data_text_settings(found: signs.SignData, clinic: dict, shown: str) -> list[Problem]:
    """Every `{{ clinic.NAME }}` in a sign's words names a setting (else patients would see the raw mark)."""
    problems = []
    for entry in found.entries:
        for key in signs.TEXTS:
            for name in CLINIC_TOKEN.findall(str(entry.values.get(key) or "")):
                if name not in clinic:
                    problems.append(Problem(shown, entry.lines[key], f"the sign '{entry.values.get('id')}' uses the unknown setting "
                                            f"'{{{{ clinic.{name} }}}}'", "use a setting from extra.clinic in mkdocs.yml (see SETTINGS.md)"))
    return problems


def _stamp(files: list[Path]) -> tuple:
    stamp = []
    for file in files:
        try:
            stamp.append((str(file), file.stat().st_mtime_ns))
        except OSError:
            stamp.append((str(file), None))
    return tuple(stamp)


def _watched(config_file: Path, config: dict | None, seen: frozenset[Path] = frozenset()) -> list[Path]:
    """The files the content was read from: the config's INHERIT chain and data files; for a translation
    also its translated signs and steps and everything its source edition was read from."""
    files, path = [], config_file
    while path is not None and path.is_file() and path not in files:
        files.append(path)
        text = path.read_text(encoding="utf-8", errors="replace")
        parent = next((line.split(":", 1)[1].strip().strip("'\"") for line in text.splitlines() if line.startswith("INHERIT:")), None)
        path = path.parent / parent if parent else None
    if config is not None:
        docs = siteconfig.docs_dir(config)
        files += [docs / signs.DATA_FILE, docs / glossary.GLOSSARY_PAGE, docs / search_words.DATA_FILE]
        edition = siteconfig.extra_section(config, "edition")
        source = (config_file.parent / str(edition["translates"])).resolve() if edition.get("translates") else None
        if source is not None and source not in seen | {config_file}:
            language = str(edition.get("language"))
            files += [docs / translation.SIGNS_FILE.format(language=language), docs / translation.STEPS_FILE.format(language=language)]
            source_content = _cache.get(source)
            source_config = source_content[2].config if source_content else None
            files += _watched(source, source_config or None, seen | {config_file})
            if source_config:
                files.append(siteconfig.docs_dir(source_config) / STEPS_FILE)
    return files


# config file -> (stamp of the files it was read from, those files, the content). The page transforms
# ask for every page: a stat of each file answers (the config's INHERIT chain is read again only when
# one of them changed, since a new INHERIT line changes its file).
_cache: dict[Path, tuple[tuple, list[Path], Content]] = {}


def load(config_file: str | Path) -> Content:
    """The validated content of the site `config_file` builds; see `Content.problems`."""
    path = Path(config_file).resolve()
    cached = _cache.get(path)
    if cached and _stamp(cached[1]) == cached[0]:
        return cached[2]
    content = _load(path)
    files = _watched(path, content.config or None)
    _cache[path] = (_stamp(files), files, content)
    return content


def _load(path: Path) -> Content:
    config, problems = read_config(path)
    if config is None:
        return Content(path, {}, path.parent / "docs", {}, False, problems=problems)
    docs_dir = siteconfig.docs_dir(config)
    problems = [p for p in settings.check(config) if p.severity == ERROR]
    clinic = siteconfig.clinic(config)
    notes: list[Problem] = []
    source = siteconfig.extra_section(config, "edition").get("translates")
    if source:  # a translation: the source edition's content, in this edition's words
        edition_signs, found_problems = _translation(path, config, docs_dir, str(source))
        problems += [p for p in found_problems if p.severity == ERROR]
        notes = [p for p in found_problems if p.severity != ERROR]
    else:
        found = signs.read_cached(docs_dir / signs.DATA_FILE) if (docs_dir / signs.DATA_FILE).exists() else signs.SignData([], [], [])
        problems += found.problems + _data_text_settings(found, clinic, display_path(docs_dir / signs.DATA_FILE))
        edition_signs = found.signs
    terms, glossary_problems = glossary.read(docs_dir, str(siteconfig.extra_section(config, "edition").get("language") or "en"))
    problems += [p for p in glossary_problems if p.severity == ERROR]
    words, word_problems = search_words.read(docs_dir)
    problems += word_problems
    return Content(path, config, docs_dir, clinic, settings.is_kiosk(config), siteconfig.extra_section(config, "words"),
                   edition_signs, terms, words, sorted(set(problems)), notes)


def _translation(config_file: Path, config: dict, docs_dir: Path, source_file: str) -> tuple[list[signs.Sign], list[Problem]]:
    """A translated edition: the source's signs and steps in this edition's words, every page translated."""
    source_path = config_file.parent / source_file
    if not source_path.is_file():
        return [], [Problem(display_path(config_file), 1, f"extra.edition.translates names '{source_file}', which does not exist",
                            "name the configuration of the edition this one translates, e.g. mkdocs.yml")]
    source = load(source_path)
    if source.problems:
        return [], source.problems
    language = str(siteconfig.extra_section(config, "edition").get("language"))
    translated, problems = translation.translate_signs(source.signs, docs_dir / translation.SIGNS_FILE.format(language=language))
    steps_words = None
    if (source.docs_dir / STEPS_FILE).is_file():
        groups = datafile.to_python(datafile.compose(source.docs_dir / STEPS_FILE, "the steps")[0]) or {}
        ids = [str(g.get("id")) for g in groups.get("groups") or [] if isinstance(g, dict)]
        steps_words, found = translation.read_steps(docs_dir / translation.STEPS_FILE.format(language=language), ids)
        problems += found
    problems += _pages(source.docs_dir, docs_dir)
    translation.register(translation.Edition(language, docs_dir, source.docs_dir, tuple(translated), steps_words))
    return translated, problems


def _pages(source_docs: Path, docs_dir: Path) -> list[Problem]:
    """Every source page translated and no page without a source; a note when the source changed since."""
    problems = []
    source_pages = {p.relative_to(source_docs).as_posix() for p in source_docs.rglob("*.md") if "_" not in p.parts[-2:][0][:1]}
    own_pages = {p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md")}
    for page in sorted(source_pages - own_pages):
        problems.append(Problem(display_path(docs_dir / page), 1, f"the page {page} has no translation (the source has it)",
                                f"translate {display_path(source_docs / page)} into {display_path(docs_dir / page)}"))
    for page in sorted(own_pages - source_pages):
        problems.append(Problem(display_path(docs_dir / page), 1, "this page is not in the source edition",
                                f"translate a page of {display_path(source_docs)} under the same name, or remove it"))
    for page in sorted(own_pages & source_pages):
        text, found = datafile.read_text(docs_dir / page, "the page")
        source_text, _ = datafile.read_text(source_docs / page, "the page")
        if text is None or source_text is None:
            problems += found
            continue
        expected = translation.page_hash(source_text)
        recorded = ENGLISH_HASH.search(text.split("\n---", 1)[0])
        if not recorded or recorded.group(1) != expected:
            state = ("has no 'english' hash, so nobody can tell whether the source page changed since" if not recorded
                     else f"was made from an older source page: {page} changed since it was translated")
            problems.append(Problem(display_path(docs_dir / page), 1, f"the translation {state}",
                                    translation.HASH_FIX.format(hash=expected) + " in its front matter", NOTE))
    return problems


def load_valid(config_file: str | Path) -> Content:
    """`load`, or ContentInvalid with every problem."""
    content = load(config_file)
    if content.problems:
        raise ContentInvalid(content.problems)
    return content
