"""The content model's one loader (scripts/model/content.py): bad settings, warning signs, glossary and
search words are `FILE:LINE: message; fix` on every path (the loader, the checks, MkDocs, Zensical,
the page transforms), never a traceback and never a page with raw marks.

Each case breaks one thing in a throwaway copy of the project, the way an editor might.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from conftest import ROOT, copy_project, run_bounded

from scripts.model import content

SIGNS = "docs/_data/warning-signs.yml"
WORDS = "docs/_data/search-words.yml"
GLOSSARY = "docs/glossary.md"


def _replace(old: str, new: str, count: int = 1):
    def edit(text: str) -> str:
        assert old in text, f"the case no longer applies: {old!r} is not in the file"
        return text.replace(old, new, count)
    return edit


def _latin1(old: str, new: str):
    """Save one line in Latin-1, as an editor's old tool might: the file is no longer UTF-8."""
    def edit(data: bytes) -> bytes:
        assert old.encode() in data
        return data.replace(old.encode(), new.encode("latin-1"), 1)
    return edit


def _line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_bytes().split(b"\n"), 1):
        if needle.encode("latin-1", "replace") in line or needle.encode() in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


# (id, file, edit of the text (or bytes), text on the line the problem must point to, words of the message)
CASES = [
    # warning signs: wrong and unknown values, missing fields, wrong kinds, undecodable bytes, YAML errors
    ("sign-tier-misspelt", SIGNS, _replace("- id: stroke\n  tier: emergency", "- id: stroke\n  tier: emergncy"),
     "tier: emergncy", "unknown tier 'emergncy'; did you mean 'emergency'?"),
    ("sign-tier-missing", SIGNS, _replace("- id: stroke\n  tier: emergency\n", "- id: stroke\n"), "- id: stroke", "has no 'tier'"),
    ("sign-text-a-list", SIGNS, _replace('  text: "**Stroke: any', '  text:\n    - "**Stroke: any'), '    - "**Stroke: any',
     "the 'text' of the sign 'stroke' must be text"),
    ("sign-topics-not-a-list", SIGNS, _replace("  topics: [general, face, arm, hand, leg]", "  topics: general"),
     "topics: general", "'topics' of the sign 'stroke' must be a list"),
    ("sign-topic-unknown", SIGNS, _replace("  topics: [general, face, arm, hand, leg]", "  topics: [general, face, arms]"),
     "topics: [general, face, arms]", "unknown topic 'arms'"),
    ("sign-unknown-key", SIGNS, _replace("  why: \"A stroke happens", "  wyh: \"A stroke happens"), "wyh: ", "unknown key 'wyh'"),
    ("sign-short-label-back", SIGNS, _replace("- id: stroke\n", "- id: stroke\n  short: Stroke\n"), "short: Stroke",
     "unknown key 'short'"),
    ("sign-id-twice", SIGNS, _replace("- id: tia\n", "- id: stroke  # was tia\n"), "# was tia", "used twice"),
    ("sign-id-capitals", SIGNS, _replace("- id: stroke\n", "- id: Stroke\n"), "- id: Stroke", "not lower case words"),
    ("sign-not-utf8", SIGNS, _latin1("Every minute counts.", "Every minute counts, caf\u00e9."), "Every minute counts, caf",
     "bytes that are not UTF-8"),
    ("sign-yaml-unclosed-quote", SIGNS, _replace('Every minute counts."', "Every minute counts."), "Every minute counts.",
     "not valid YAML"),
    ("sign-yaml-tab", SIGNS, _replace("  topics: [general, face, arm, hand, leg]", "\ttopics: [general, face, arm, hand, leg]"),
     "\ttopics:", "not valid YAML"),
    ("sign-criteria-unknown-word", SIGNS, _replace("      - symptom: [face-droop, speech-trouble", "      - symptom: [face-drop, speech-trouble"),
     "symptom: [face-drop", "face-drop"),
    ("sign-unknown-setting", SIGNS, _replace("Every minute counts.", "Call {{ clinic.emergncy_number }}."), "clinic.emergncy_number",
     "unknown setting '{{ clinic.emergncy_number }}'"),
    ("sign-watch-capitals", SIGNS, _replace('watch: ["stroke signs"', 'watch: ["Stroke signs"'), 'watch: ["Stroke signs"', "not lower case"),
    ("signs-not-a-list", SIGNS, lambda text: "stroke: " + text.split("- id: stroke", 1)[0].count("\n") * "" + "one side\n",
     "stroke: one side", "must be a list"),
    # glossary
    ("glossary-not-utf8", GLOSSARY, _latin1("It is not recommended for back pain", "It is not recommended, na\u00efve, for back pain"),
     "It is not recommended, na", "bytes that are not UTF-8"),
    ("glossary-empty-definition", GLOSSARY, _replace(":   A treatment where very thin needles are put into the skin. It is not recommended for back pain or sciatica.",
                                                      ":"), "Acupuncture", "empty definition"),
    # search words
    ("words-stop-not-a-list", WORDS, lambda text: re.sub(r"(?ms)^stop:\n.*?(?=^same:)", "stop: a the and\n", text), "stop: a the and",
     "'stop' must be a list of single words"),
    ("words-first-unknown-page", WORDS, _replace("  urgent-help.md:\n    - emergency", "  urgent-hlp.md:\n    - emergency"), "urgent-hlp.md:",
     "'urgent-hlp.md' is not a page"),
    ("words-group-misspelt", WORDS, _replace("\nfirst:\n", "\nfirts:\n"), "firts:", "unknown group 'firts' in the search words; did you mean 'first'?"),
    ("words-page-words-a-group", WORDS, _replace("  urgent-help.md:\n    - emergency", "  urgent-help.md:\n    emergency: yes\n    x:"),
     "emergency: yes", "must be page files, each with a list of words"),
    ("words-yaml-error", WORDS, _replace("\nfirst:\n", "\nfirst:\n  urgent-help.md: [emergency, 999\n"), "[emergency, 999", "not valid YAML"),
    ("words-not-utf8", WORDS, _latin1("  urgent-help.md:", "  urgent-help.md: # \u00a7"), "urgent-help.md: #", "bytes that are not UTF-8"),
    # settings (mkdocs.yml and a file that INHERITs it)
    ("settings-yaml-unclosed-quote", "mkdocs.yml", _replace('    emergency_number: "999"', '    emergency_number: "999'),
     'emergency_number: "999', "not valid YAML"),
    ("settings-number-unquoted", "mkdocs.yml", _replace('    emergency_number: "999"', "    emergency_number: 999"),
     "emergency_number: 999", "must be a phone number in quotes"),
    ("settings-unknown", "mkdocs.yml", _replace('    emergency_number: "999"', '    emergency_number: "999"\n    emergncy_service: ambulance'),
     "emergncy_service", "unknown setting extra.clinic.emergncy_service"),
    ("settings-missing", "mkdocs.yml", _replace('    emergency_number: "999"\n', ""), "  clinic:", "extra.clinic.emergency_number is missing"),
    ("settings-not-utf8", "mkdocs.yml", _latin1('    emergency_number: "999"', '    emergency_number: "999" # \u00a3'), 'emergency_number: "999" #',
     "bytes that are not UTF-8"),
    ("kiosk-settings-yaml-error", "mkdocs-kiosk.yml", lambda text: text + "\nextra:\n  kiosk: [\n", None, "not valid YAML"),
]


def _break(project: Path, file: str, edit) -> Path:
    path = project / file
    if edit.__qualname__.startswith("_latin1"):
        path.write_bytes(edit(path.read_bytes()))
    else:
        path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "file", "edit", "on_line", "words"), CASES, ids=[case[0] for case in CASES])
def test_a_bad_data_file_is_file_and_line(tmp_path, name, file, edit, on_line, words):
    project = copy_project(tmp_path / "p")
    path = _break(project, file, edit)
    config = project / ("mkdocs-kiosk.yml" if file == "mkdocs-kiosk.yml" else "mkdocs.yml")
    problems = content.load(config).problems
    shown = [str(p) for p in problems]
    assert problems, f"{name}: the loader found nothing wrong"
    mine = [p for p in problems if words in str(p)]
    assert mine, f"{name}: no problem says {words!r}: {shown}"
    assert all(p.path.endswith(Path(file).name) for p in mine), shown
    if on_line is not None:
        assert mine[0].line == _line_of(path, on_line), f"{name}: {shown}"
    assert all("; " in text for text in shown), f"{name}: every problem says how to fix it: {shown}"


def test_the_real_content_loads_without_problems():
    loaded = content.load(ROOT / "mkdocs.yml")
    assert loaded.problems == []
    assert len(loaded.signs) >= 40 and len(loaded.terms) >= 40 and loaded.search_words["first"]


def _plain_env(project: Path) -> dict:
    import os

    return {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | {"PYTHONPATH": str(project), "NO_MKDOCS_2_WARNING": "1"}


RENDERERS = {
    "checks": lambda project: [sys.executable, "-m", "scripts.check", "--strict"],
    "mkdocs build": lambda project: [str(Path(sys.executable).parent / "mkdocs"), "build", "--strict", "--site-dir", str(project / "out")],
    "zensical build": lambda project: [str(ROOT / ".venv-zensical" / "bin" / "zensical"), "build", "-f", "mkdocs-zensical.yml"],
    "triage": lambda project: [sys.executable, "-m", "scripts.triage", "--help"],
}


@pytest.mark.parametrize("renderer", ["checks", "mkdocs build", "zensical build"])
def test_every_renderer_stops_with_file_and_line_not_a_traceback(tmp_path, renderer):
    """A misspelt tier used to end in a KeyError traceback while MkDocs loaded its config, and in a
    Zensical traceback at the first page."""
    command = RENDERERS[renderer](tmp_path / "p")
    if not Path(command[0]).exists() and command[0] != sys.executable:
        pytest.fail(f"{command[0]} is missing: run `make test`, which installs both renderers")
    project = copy_project(tmp_path / "p")
    _break(project, SIGNS, CASES[0][2])
    result = run_bounded(command, cwd=project, env=_plain_env(project))
    assert result.returncode != 0, result.stdout[-2000:]
    assert "Traceback" not in result.stdout, result.stdout[-3000:]
    line = _line_of(project / SIGNS, "tier: emergncy")
    assert f"docs/_data/warning-signs.yml:{line}: the sign 'stroke' has the unknown tier 'emergncy'" in result.stdout, result.stdout[-2000:]
    assert not (project / "out" / "neck.html").exists()  # MkDocs wrote no page


def test_the_page_transforms_refuse_bad_content(tmp_path):
    """Used as a library (as Zensical does), the transforms raise the problems; a renderer's own
    process is stopped with them (scripts/transforms/__init__.py, stop_renderer)."""
    from scripts import transforms

    project = copy_project(tmp_path / "p")
    _break(project, SIGNS, CASES[0][2])
    with pytest.raises(content.ContentInvalid, match=r"warning-signs.yml:\d+: the sign 'stroke' has the unknown tier"):
        transforms.load_site(project / "mkdocs.yml")


def test_a_translation_is_read_again_when_its_own_or_its_sources_files_change(tmp_path):
    """A long-lived process (`make preview` of the Russian edition) shows an edit of the translated
    signs, the translated steps or the English signs without a restart."""
    from scripts.model import translation

    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.ru.yml"
    first = content.load(config)
    assert not first.problems, first.problems
    assert content.load(config) is first  # read once while nothing changes

    def stroke(loaded: content.Content) -> str:
        return next(sign.text for sign in loaded.signs if sign.id == "stroke")

    signs_ru = project / "docs-ru/_data/warning-signs.ru.yml"
    signs_ru.write_text(_replace("Опускается одна сторона лица.", "Перекашивается одна сторона лица.")(
        signs_ru.read_text(encoding="utf-8")), encoding="utf-8")
    assert "Перекашивается одна сторона лица." in stroke(content.load(config))

    steps_ru = project / "docs-ru/_data/steps.ru.yml"
    steps_ru.write_text(_replace('back: "Боль в спине или шее"', 'back: "Боль в спине или в шее"')(
        steps_ru.read_text(encoding="utf-8")), encoding="utf-8")
    content.load(config)
    assert translation.edition_of(project / "docs-ru").steps.labels["back"] == "Боль в спине или в шее"

    before = content.load(config)
    english = project / SIGNS
    english.write_text(english.read_text(encoding="utf-8") + "# an editor's note\n", encoding="utf-8")
    after = content.load(config)
    assert after is not before and stroke(after) == stroke(before)
