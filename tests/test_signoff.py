"""Honest clinical sign-off (issue 15, item 5; clinical review M18).

A page says "Checked by NAME (ROLE) on DATE." only when a record written by `make signoff` matches
the page and the warning signs it shows (by hash); otherwise it says no clinician has checked it,
on the web page (both renderers) and in its PDF. Any later change to the page or to one of its
signs voids the record. The build lists unchecked pages in a note, or stops on them when
extra.checks.require_signoff is on. Most builds use the small fixture site (a copy, wired to the
real scripts/); one builds a copy of the real project.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, run_bounded
from mkdocs.utils.meta import get_data
from pypdf import PdfReader
from sitecases import make_site

from scripts import siteconfig
from scripts.model import signoff
from scripts.pdf import render as pdf
from scripts.pdf.pagehtml import nav_entries

TIMEOUT = 600  # seconds for one build or command; they take seconds, but the machine may be busy
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"} | {"NO_MKDOCS_2_WARNING": "1"}
STATUS = re.compile(r'<p class="page-status"( [^>]*)?>(.*?)</p>', re.DOTALL)
REVIEWER, ROLE, DATE = "Dr Test Reviewer", "Consultant neurologist", "2026-12-01"
CHECKED = f"Checked by {REVIEWER} ({ROLE}) on 1 December 2026."


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess:
    """Bounded: a build that hangs is ended with everything it started (the checks, the renderer)."""
    return run_bounded(command, cwd, ENV, TIMEOUT, separate_stderr=True)


def build(site: Path, *options: str) -> subprocess.CompletedProcess:
    """The build `make build` runs (without the PDFs unless asked), into site/site."""
    return run([sys.executable, "-m", "scripts.build", "-d", "site", *(options or ("--no-pdf",))], site)


def sign(site: Path, page: str = "neck", *, reviewer: str = REVIEWER, role: str = ROLE, date: str = DATE) -> subprocess.CompletedProcess:
    return run([sys.executable, "-m", "scripts.signoff", page, "--reviewer", reviewer, "--role", role, "--date", date], site)


def status(page_html: Path) -> str:
    """The page's one sign-off line, as the reader sees it."""
    found = STATUS.findall(page_html.read_text(encoding="utf-8"))
    assert len(found) == 1, f"{page_html.name}: {len(found)} sign-off lines"
    return html.unescape(re.sub(r"<[^>]+>", "", found[0][1])).strip()


def not_checked(site: Path, page: str) -> str:
    """What an unchecked page says: the front matter date is only the team's update."""
    text = (site / "docs" / page).read_text(encoding="utf-8")
    updated = yaml.safe_load(text.split("---")[1])["reviewed"]
    return f"This page has not yet been checked by a clinician. The team updated it on {updated.day} {updated:%B %Y}."


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def built(result: subprocess.CompletedProcess) -> None:
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]


@pytest.fixture
def site(tmp_path) -> Path:
    return make_site(tmp_path / "site")


# ------------------------------------------------------------------ what the site says

def test_by_default_no_page_is_signed_and_each_says_so(site):
    assert not (site / "docs" / signoff.DATA_FILE).exists() or not signoff.load_records(site / "docs")
    result = build(site)
    built(result)
    for page in ("index.md", "neck.md", "glossary.md"):
        assert status(site / "site" / page.replace(".md", ".html")) == not_checked(site, page)
    # The build lists them in one note, not one line per page.
    notes = [line for line in (result.stdout + result.stderr).splitlines() if "not checked by a clinician" in line]
    assert len(notes) == 1 and "3 of 3 pages" in notes[0] and "neck.md" in notes[0], notes


def test_a_signed_page_names_its_reviewer_and_the_others_stay_unchecked(site):
    done = sign(site, "docs/neck.md")
    assert done.returncode == 0, done.stderr
    built(build(site))
    assert status(site / "site" / "neck.html") == CHECKED
    assert status(site / "site" / "index.html") == not_checked(site, "index.md")
    listed = run([sys.executable, "-m", "scripts.signoff", "--list"], site).stdout
    assert re.search(rf"^neck\.md +checked by {REVIEWER} \({ROLE}\) on {DATE}$", listed, re.MULTILINE), listed
    assert re.search(r"^index\.md +NOT CHECKED$", listed, re.MULTILINE) and "1 of 3 pages checked" in listed, listed


def test_editing_the_page_voids_its_signoff_and_undoing_it_restores_it(site):
    assert sign(site).returncode == 0
    page = site / "docs" / "neck.md"
    original = page.read_text(encoding="utf-8")
    edit(page, "This page is about numbness", "This page is only about numbness")
    built(build(site))
    assert status(site / "site" / "neck.html") == not_checked(site, "neck.md")
    listed = run([sys.executable, "-m", "scripts.signoff", "--list"], site).stdout
    assert f"NOT CHECKED: changed since {REVIEWER} ({ROLE}) checked it on {DATE}" in listed, listed
    page.write_text(original, encoding="utf-8")  # the same words again: the record matches again
    built(build(site))
    assert status(site / "site" / "neck.html") == CHECKED


@pytest.mark.parametrize(("sign_id", "voided"), [
    ("weakness-worsening", True),  # shown on the neck page only through its topic: `{{ signs: neck }}`
    ("tia", True),  # shown by topic and by `{{ act: tia }}`
    ("trapped-nerve-not-better", False),  # a sign the neck page does not show
])
def test_editing_a_sign_voids_the_pages_that_show_it(site, sign_id, voided):
    assert sign(site).returncode == 0
    signs_file = site / "docs" / "_data" / "warning-signs.yml"
    entries = yaml.safe_load(signs_file.read_text(encoding="utf-8"))
    why = next(e["why"] for e in entries if e["id"] == sign_id)
    edit(signs_file, f'why: "{why}"', f'why: "{why} Changed."')
    built(build(site))
    expected = not_checked(site, "neck.md") if voided else CHECKED
    assert status(site / "site" / "neck.html") == expected


def test_editing_an_included_snippet_voids_the_page(site):
    edit(site / "docs" / "neck.md", "## What is a nerve root?", '--8<-- "tip.md"\n\n## What is a nerve root?')
    assert sign(site).returncode == 0
    built(build(site))
    assert status(site / "site" / "neck.html") == CHECKED
    with (site / "docs" / "_snippets" / "tip.md").open("a", encoding="utf-8") as handle:
        handle.write("\nOne more tip.\n")
    built(build(site))
    assert status(site / "site" / "neck.html") == not_checked(site, "neck.md")


def test_the_record_keeps_exactly_what_was_given(site):
    reviewer, role = "Dr Áine O'Brien *not bold* <b>x</b>", "GP [link](x.md) {{ clinic.publisher }}"
    assert sign(site, reviewer=reviewer, role=role).returncode == 0
    [record] = signoff.load_records(site / "docs")
    assert (record.page, record.reviewer, record.role, record.date) == ("neck.md", reviewer, role, dt.date(2026, 12, 1))
    built(build(site))
    # Shown as the words given: no emphasis, link, HTML or clinic setting made from them.
    assert status(site / "site" / "neck.html") == f"Checked by {reviewer} ({role}) on 1 December 2026."


def test_zensical_shows_the_same_signoff_lines(site):
    if not (ROOT / ".venv-zensical" / "bin" / "python").exists():
        pytest.skip("no .venv-zensical: `make test` creates it")
    assert sign(site).returncode == 0
    built(build(site))
    built(run([sys.executable, "-m", "scripts.build", "--renderer", "zensical", "-d", "site-zensical"], site))
    for page in ("index.html", "neck.html", "glossary.html"):
        assert status(site / "site-zensical" / page) == status(site / "site" / page)
    assert status(site / "site-zensical" / "neck.html") == CHECKED


def test_a_copy_of_a_signed_page_is_not_shown_as_checked(site):
    """Two pages with the same text: only the one with a record says it was checked. (Found by the
    text's hash alone, the copy, later in name order, took the signed page's record.)"""
    assert sign(site).returncode == 0
    shutil.copyfile(site / "docs" / "neck.md", site / "docs" / "neck2.md")
    edit(site / "mkdocs.yml", "  - Neck: neck.md\n", "  - Neck: neck.md\n  - Neck again: neck2.md\n")
    built(build(site))
    assert status(site / "site" / "neck.html") == CHECKED
    assert status(site / "site" / "neck2.html") == not_checked(site, "neck2.md")
    if (ROOT / ".venv-zensical" / "bin" / "python").exists():
        built(run([sys.executable, "-m", "scripts.build", "--renderer", "zensical", "-d", "site-zensical"], site))
        assert status(site / "site-zensical" / "neck.html") == CHECKED
        assert status(site / "site-zensical" / "neck2.html") == not_checked(site, "neck2.md")


def test_the_pdfs_say_which_pages_a_clinician_checked(site):
    assert sign(site).returncode == 0
    built(build(site, "--paper", "A4"))
    cover = " ".join(PdfReader(site / "site" / "pdf" / "guide.pdf").pages[0].extract_text().split())
    assert "1 of 3 pages checked by a clinician." in cover, cover
    assert "reviewed" not in cover.lower(), cover
    neck = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(site / "site" / "pdf" / "neck.pdf").pages)
    index = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(site / "site" / "pdf" / "index.pdf").pages)
    assert CHECKED in neck, neck[-600:]
    assert not_checked(site, "index.md") in index, index[-600:]


def test_the_cover_sentence_for_none_some_and_all_pages():
    assert pdf.Checked(16, 0).sentence() == "This guide has not yet been checked by a clinician. Each page says if it has been."
    assert pdf.Checked(16, 5).sentence() == "5 of 16 pages checked by a clinician. Each page says if it has been."
    assert pdf.Checked(16, 16).sentence() == "All 16 pages checked by a clinician. Each page says who checked it and when."


# ------------------------------------------------------------------ the strict setting and the records file

def test_strict_setting_stops_the_build_and_lists_each_unchecked_page(site):
    assert sign(site).returncode == 0
    edit(site / "mkdocs.yml", "allow_overdue_reviews: false", "allow_overdue_reviews: false\n    require_signoff: true")
    result = build(site)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output[-2000:]
    assert "docs/index.md:4: no clinician has checked this page" in output, output[-2000:]
    assert "docs/glossary.md:4: no clinician has checked this page" in output
    assert not re.search(r"docs/neck\.md:\d+: .*clinician", output), "the signed page is listed too"
    assert not (site / "site").exists()
    # Signing the last two pages lets it through.
    for page in ("index", "glossary"):
        assert sign(site, page).returncode == 0
    built(build(site))


@pytest.mark.parametrize(("record", "message"), [
    ("- page: neck.md\n  reviewer: ''\n  role: GP\n  date: 2026-12-01\n  hash: abc\n", "the record has no reviewer"),
    ("- page: nek.md\n  reviewer: Dr A\n  role: GP\n  date: 2026-12-01\n  hash: abc\n", "names 'nek.md', which is not a page"),
    ("- page: neck.md\n  reviewer: Dr A\n  role: GP\n  date: 2999-12-01\n  hash: abc\n", "dated 2999-12-01, in the future"),
    ("page: neck.md\n", "the file must be a list of records"),
])
def test_a_hand_made_record_stops_the_build(site, record, message):
    (site / "docs" / signoff.DATA_FILE).write_text(signoff.HEADER + record, encoding="utf-8")
    result = run([sys.executable, "-m", "scripts.check", "--strict"], site)
    assert result.returncode == 1
    assert re.search(rf"^docs/_data/signoff\.yml:\d+: .*{re.escape(message)}", result.stdout, re.MULTILINE), result.stdout


@pytest.mark.parametrize(("arguments", "message"), [
    (["neck", "--reviewer", "", "--role", "GP"], "--reviewer (REVIEWER) is empty"),
    (["neck", "--reviewer", "   ", "--role", "GP"], "--reviewer (REVIEWER) is empty"),
    (["neck", "--reviewer", "Dr A", "--role", ""], "--role (ROLE) is empty"),
    (["neck", "--reviewer", "...", "--role", "GP"], "--reviewer (REVIEWER) is '...'"),
    (["neck", "--reviewer", "Dr A"], "--role (ROLE) is empty"),
    (["nek", "--reviewer", "Dr A", "--role", "GP"], "docs/nek.md: no such page with a `reviewed` date; did you mean neck?"),
    (["neck", "--reviewer", "Dr A", "--role", "GP", "--date", "2999-01-01"], "--date 2999-01-01 is in the future"),
    (["neck", "--reviewer", "Dr A", "--role", "GP", "--date", "1/12/2026"], "--date '1/12/2026' is not a date"),
    ([], "no page given"),
])
def test_the_command_refuses_bad_input_and_writes_nothing(site, arguments, message):
    result = run([sys.executable, "-m", "scripts.signoff", *arguments], site)
    assert result.returncode == 2, result.stdout + result.stderr
    assert message in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert not signoff.load_records(site / "docs")


def test_make_signoff_passes_names_with_quotes_through(site):
    for name in ("Makefile", "requirements.txt", "constraints.txt"):
        shutil.copy(ROOT / name, site / name)
    python = site / ".venv" / "bin" / "python"  # the test's own Python, as the Makefile's venv
    python.parent.mkdir(parents=True)
    python.write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n', encoding="utf-8")
    python.chmod(0o755)
    (site / ".venv" / ".site-installed").touch()  # newer than the requirements: make installs nothing
    result = run(["make", "--no-print-directory", "signoff", "PAGE=neck", "REVIEWER=Dr Ann O'Neill", "ROLE=GP \"locum\"",
                  f"DATE={DATE}"], site)
    assert result.returncode == 0, result.stdout + result.stderr
    [record] = signoff.load_records(site / "docs")
    assert (record.reviewer, record.role) == ("Dr Ann O'Neill", 'GP "locum"')
    refused = run(["make", "--no-print-directory", "signoff", "PAGE=index", "ROLE=GP"], site)
    assert refused.returncode != 0 and "--reviewer (REVIEWER) is empty" in refused.stderr


# ------------------------------------------------------------------ one hash on both sides

def test_the_renderers_text_and_the_file_give_the_same_hash():
    """MkDocs hands Markdown the body without front matter (mkdocs.utils.meta.get_data); the command
    strips it itself. Line ends, a BOM, trailing spaces and blank lines at the ends do not matter."""
    docs = ROOT / "docs"
    for path in sorted(docs.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        from_file = signoff.content_hash(signoff.page_body(text), docs)
        assert signoff.content_hash(get_data(text)[0], docs) == from_file, path.name
        windows = "\ufeff" + text.replace("\n", "  \r\n") + "\r\n\r\n"
        assert signoff.content_hash(signoff.page_body(windows), docs) == from_file, path.name
        assert signoff.content_hash(get_data(text)[0] + "\nOne more line.", docs) != from_file, path.name


def test_the_step_by_step_check_is_hashed_with_every_sign_and_its_steps(tmp_path):
    docs = tmp_path / "docs"
    (docs / "_data").mkdir(parents=True)
    shutil.copy(ROOT / "tests" / "fixtures" / "good-site" / "docs" / "_data" / "warning-signs.yml", docs / signoff.SIGNS_FILE)
    (docs / signoff.STEPS_FILE).write_text("self_care: [Rest.]\n", encoding="utf-8")
    body = "# What to do now\n\n{{ steps }}\n"
    before = signoff.content_hash(body, docs)
    assert len(signoff.shown_signs(body, signoff.sign_entries(docs))) == len(signoff.sign_entries(docs))
    (docs / signoff.STEPS_FILE).write_text("self_care: [Rest, and drink water.]\n", encoding="utf-8")
    assert signoff.content_hash(body, docs) != before


def test_every_kind_of_token_the_pages_use_is_known_to_the_signoff_hash():
    """A token that puts data on a page must be in the hash (scripts/model/signoff.py), or a change
    to that data would leave a sign-off standing. Settings ({{ clinic.NAME }}) are the clinic's own."""
    known = {"signs", "sign", "act", "steps", "clinic"}
    used = {m.group(1) for path in (ROOT / "docs").rglob("*.md")
            for m in re.finditer(r"\{\{\s*(\w+)", path.read_text(encoding="utf-8"))}
    assert used <= known, f"tokens the sign-off hash does not cover: {sorted(used - known)}"


def test_the_real_guide_claims_no_signoff_that_did_not_happen():
    for path in sorted((ROOT / "docs").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        for claim in ("checked the medical content", "sign-off was on", "signed off", "last reviewed"):
            assert claim not in text.lower(), f"{path.name}: '{claim}'"
    assert not signoff.load_records(ROOT / "docs"), "the real guide has sign-off records: only `make signoff` may add them"


# ------------------------------------------------------------------ the real project

@pytest.fixture(scope="module")
def real_site(tmp_path_factory) -> Path:
    """A copy of the real project (only what the build reads), built by MkDocs without PDFs."""
    project = tmp_path_factory.mktemp("signoff") / "project"
    for part in ("docs", "overrides", "scripts"):
        shutil.copytree(ROOT / part, project / part, ignore=shutil.ignore_patterns("__pycache__"))
    # The English edition only: the Russian one has its own sign-off records (tests/test_edition_ru.py).
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("translation: mkdocs.ru.yml", 'translation: ""')
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    built(build(project))
    return project


def test_every_page_of_the_real_guide_says_whether_it_was_checked(real_site):
    docs = real_site / "docs"
    pages = [p for p in sorted(docs.glob("*.md")) if "reviewed:" in p.read_text(encoding="utf-8").split("---")[1]]
    assert len(pages) >= 10
    for path in pages:
        built_page = real_site / "site" / path.with_suffix(".html").name
        assert status(built_page) == not_checked(real_site, path.name)
        text = built_page.read_text(encoding="utf-8")
        assert "Page last updated:" in text and "Page last reviewed" not in text, path.name
        # Printing from the browser: the running header says the same.
        header = re.search(r'@top-right \{ content: "([^"]*)"', text)
        assert header and header.group(1).endswith("· not yet checked by a clinician"), path.name


def test_the_real_handout_says_the_page_is_not_checked(real_site):
    config = siteconfig.load(real_site / "mkdocs.yml")
    chosen = pdf.settings(config)
    entry = next(e for e in pdf.handout_pages(nav_entries(config["nav"]), chosen) if e.file == "neck.md")
    (real_site / "site" / pdf.PDF_DIR).mkdir(exist_ok=True)
    pdf.make_handout(entry, real_site / "site", chosen, pdf.engine(chosen))
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(real_site / "site" / "pdf" / "neck.pdf").pages)
    # On paper the line joins the footer's dates, which already say when the team updated the page.
    assert re.search(r"Page last updated: [^·]+· Next review due: [^·]+· " + re.escape(signoff.NOT_CHECKED), text), text[-800:]
    assert "last reviewed" not in text.lower()
