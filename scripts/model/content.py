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

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from scripts import siteconfig
from scripts.model import datafile, glossary, search_words, settings, signs
from scripts.problems import ERROR, Problem, display_path

CLINIC_TOKEN = signs.CLINIC


@dataclass(frozen=True)
class Content:
    config_file: Path
    config: dict[str, Any]
    docs_dir: Path
    clinic: dict[str, Any]  # extra.clinic
    kiosk: bool
    signs: list[signs.Sign] = field(default_factory=list)
    terms: list[glossary.Term] = field(default_factory=list)
    search_words: dict = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)  # errors: nothing may use the content until it is empty

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


def _watched(config_file: Path, config: dict | None) -> list[Path]:
    files, path = [], config_file
    while path is not None and path.is_file() and path not in files:
        files.append(path)
        text = path.read_text(encoding="utf-8", errors="replace")
        parent = next((line.split(":", 1)[1].strip().strip("'\"") for line in text.splitlines() if line.startswith("INHERIT:")), None)
        path = path.parent / parent if parent else None
    if config is not None:
        docs = siteconfig.docs_dir(config)
        files += [docs / signs.DATA_FILE, docs / glossary.GLOSSARY_PAGE, docs / search_words.DATA_FILE]
    return files


_cache: dict[Path, tuple[tuple, Content]] = {}


def load(config_file: str | Path) -> Content:
    """The validated content of the site `config_file` builds; see `Content.problems`."""
    path = Path(config_file).resolve()
    cached = _cache.get(path)
    if cached and _stamp(_watched(path, cached[1].config or None)) == cached[0]:
        return cached[1]
    content = _load(path)
    _cache[path] = (_stamp(_watched(path, content.config or None)), content)
    return content


def _load(path: Path) -> Content:
    config, problems = read_config(path)
    if config is None:
        return Content(path, {}, path.parent / "docs", {}, False, problems=problems)
    docs_dir = siteconfig.docs_dir(config)
    problems = [p for p in settings.check(config) if p.severity == ERROR]
    clinic = siteconfig.clinic(config)
    found = signs.read_cached(docs_dir / signs.DATA_FILE) if (docs_dir / signs.DATA_FILE).exists() else signs.SignData([], [], [])
    problems += found.problems + _data_text_settings(found, clinic, display_path(docs_dir / signs.DATA_FILE))
    terms, glossary_problems = glossary.read(docs_dir)
    problems += [p for p in glossary_problems if p.severity == ERROR]
    words, word_problems = search_words.read(docs_dir)
    problems += word_problems
    return Content(path, config, docs_dir, clinic, settings.is_kiosk(config), found.signs, terms, words, sorted(set(problems)))


def load_valid(config_file: str | Path) -> Content:
    """`load`, or ContentInvalid with every problem."""
    content = load(config_file)
    if content.problems:
        raise ContentInvalid(content.problems)
    return content
