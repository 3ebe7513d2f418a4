"""The checks in a long-lived process (`make preview`: mkdocs serve runs them on every save).

A page whose file did not change is not read or checked again (its Source, and what the checks
worked out from it, are kept in memory, keyed on the file's path, mtime_ns and size). Checks that
look across pages (links and anchors, the glossary, the signs' data) must still see every change:
an edit that breaks something in one page between two runs in the same process is reported, and
undoing it clears the problem.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from sitecases import make_site

from scripts import check, siteconfig

TODAY = dt.date(2026, 11, 24)


def _run(site: Path) -> tuple[list[str], dict]:
    result = check.run(siteconfig.load(site / "mkdocs.yml"), today=TODAY)
    return [str(p) for p in result.problems], {s.rel: s for s in result.sources}


def _edit(path: Path, old: str, new: str) -> None:
    """Change the file, and move its mtime on for sure (file systems keep coarse times)."""
    before = path.stat().st_mtime_ns
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    os.utime(path, ns=(before + 1_000_000_000, before + 1_000_000_000))


def test_unchanged_pages_are_not_read_again(tmp_path, monkeypatch):
    site = make_site(tmp_path / "site")
    monkeypatch.chdir(site)
    first, sources = _run(site)
    again, kept = _run(site)
    assert first == again == []
    assert all(kept[rel] is sources[rel] for rel in sources)  # the same Source objects: nothing read again
    _edit(site / "docs" / "neck.md", "This page is about", "This page talks about")
    _, after = _run(site)
    assert after["neck.md"] is not sources["neck.md"] and "talks about" in after["neck.md"].text
    assert after["index.md"] is sources["index.md"]


def test_a_broken_anchor_in_another_page_is_caught_then_cleared(tmp_path, monkeypatch):
    """index.md links to neck.md#what-is-a-nerve-root: renaming that heading breaks index.md, unchanged itself."""
    site = make_site(tmp_path / "site")
    monkeypatch.chdir(site)
    assert _run(site)[0] == []
    neck = site / "docs" / "neck.md"
    _edit(neck, "## What is a nerve root?", "## Nerve roots")
    problems, _ = _run(site)
    assert any(p.startswith("docs/index.md:") and "'neck.md' has no heading or id '#what-is-a-nerve-root'" in p for p in problems)
    _edit(neck, "## Nerve roots", "## What is a nerve root?")
    assert _run(site)[0] == []


def test_an_edit_that_breaks_a_page_is_caught_then_cleared(tmp_path, monkeypatch):
    site = make_site(tmp_path / "site")
    monkeypatch.chdir(site)
    assert _run(site)[0] == []
    index = site / "docs" / "index.md"
    _edit(index, "Know one warning sign by heart", "Know [[no such term]] and [a gone page](gone.md) by heart")
    problems, _ = _run(site)
    assert any(p.startswith("docs/index.md:") and "'no such term' is not in the glossary" in p for p in problems)
    assert any(p.startswith("docs/index.md:") and "'gone.md' does not exist" in p for p in problems)
    _edit(index, "Know [[no such term]] and [a gone page](gone.md) by heart", "Know one warning sign by heart")
    assert _run(site)[0] == []


def test_a_term_no_longer_used_anywhere_is_caught_then_cleared(tmp_path, monkeypatch):
    """The glossary's 'term used on no page' looks across pages: dropping the word from the pages that
    say it (glossary.md unchanged) must report the term, and saying it again clears that."""
    site = make_site(tmp_path / "site")
    monkeypatch.chdir(site)
    assert _run(site)[0] == []
    pages = [p for p in (site / "docs").rglob("*.md") if p.name != "glossary.md"]
    users = [p for p in pages if "spine" in p.read_text(encoding="utf-8").lower()]
    saved = {p: p.read_text(encoding="utf-8") for p in users}
    for page in users:
        text = saved[page]
        page.write_text(text.replace("[[spine]]", "column").replace("spine", "column").replace("Spine", "Column"), encoding="utf-8")
        os.utime(page, ns=(page.stat().st_mtime_ns + 1_000_000_000,) * 2)
    problems, _ = _run(site)
    assert any("the glossary term 'spine' is used on no page" in p.lower() for p in problems)
    for page, text in saved.items():
        page.write_text(text, encoding="utf-8")
        os.utime(page, ns=(page.stat().st_mtime_ns + 2_000_000_000,) * 2)
    assert _run(site)[0] == []


def test_a_sign_restated_with_an_urgency_is_caught_then_cleared(tmp_path, monkeypatch):
    site = make_site(tmp_path / "site")
    monkeypatch.chdir(site)
    assert _run(site)[0] == []
    neck = site / "docs" / "neck.md"
    _edit(neck, "This page is about numbness that comes from the neck.",
          "This page is about numbness that comes from the neck. If this happens, go to A&E straight away.")
    problems, _ = _run(site)
    assert any(p.startswith("docs/neck.md:14:") for p in problems)
    _edit(neck, " If this happens, go to A&E straight away.", "")
    assert _run(site)[0] == []


def test_a_change_to_the_signs_data_reaches_unchanged_pages(tmp_path, monkeypatch):
    """A new watch phrase in docs/_data (a global input) must re-check pages that did not change:
    neck.md's "Call {{ clinic.emergency_number }} in an emergency." then names the sign with an urgency."""
    site = make_site(tmp_path / "site")
    monkeypatch.chdir(site)
    assert _run(site)[0] == []
    signs = site / "docs" / "_data" / "warning-signs.yml"
    _edit(signs, 'watch: ["4 to 6 weeks"]', 'watch: ["4 to 6 weeks", "in an emergency"]')
    problems, _ = _run(site)
    assert any(p.startswith("docs/neck.md:30:") and "'trapped-nerve-not-better' with an urgency of its own" in p for p in problems)
    _edit(signs, 'watch: ["4 to 6 weeks", "in an emergency"]', 'watch: ["4 to 6 weeks"]')
    assert _run(site)[0] == []


def test_theme_files_kept_on_disk_give_the_same_problems(tmp_path, monkeypatch):
    """A theme file's problems come from .cache/checks/theme-files.json in a new process (keyed on the
    file's bytes and the scanning code): the same problems, at the same lines, as a fresh scan; an edit
    to the file is scanned again."""
    from scripts.checks import external

    site = make_site(tmp_path / "site")
    monkeypatch.chdir(site)
    css = site / "docs" / "assets" / "remote.css"
    css.parent.mkdir(parents=True, exist_ok=True)
    css.write_text("body { color: red; }\n\n.logo {\n  background: url(https://cdn.example.com/logo.png);\n}\n", encoding="utf-8")
    expected = "docs/assets/remote.css:4: the stylesheet loads 'https://cdn.example.com/logo.png' from another website"
    first, _ = _run(site)
    assert any(p.startswith(expected) for p in first)
    assert (site / external.THEME_CACHE).is_file()
    monkeypatch.setattr(external, "_files", {})  # as a new process: only the disk cache is left
    monkeypatch.setattr(external, "file_problems", lambda path: (_ for _ in ()).throw(AssertionError(f"{path} scanned again")))
    assert _run(site)[0] == first
    monkeypatch.undo()
    monkeypatch.chdir(site)
    _edit(css, "url(https://cdn.example.com/logo.png)", "url(logo.png)")
    assert not any("remote.css" in p for p in _run(site)[0])


def test_a_deleted_page_is_caught_then_cleared(tmp_path, monkeypatch):
    site = make_site(tmp_path / "site")
    monkeypatch.chdir(site)
    assert _run(site)[0] == []
    neck = site / "docs" / "neck.md"
    text = neck.read_text(encoding="utf-8")
    neck.unlink()
    problems, sources = _run(site)
    assert "neck.md" not in sources
    assert any(p.startswith("docs/index.md:") and "'neck.md' does not exist" in p for p in problems)
    neck.write_text(text, encoding="utf-8")
    assert _run(site)[0] == []
