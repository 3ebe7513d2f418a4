"""The content checks, called as plain functions and as the `python -m scripts.check` command."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from sitecases import CASES, ROOT, make_site

from scripts import check, siteconfig
from scripts.sources import Source, split_front_matter

TODAY = dt.date(2026, 11, 24)


def run_checks(site, monkeypatch) -> list[str]:
    monkeypatch.chdir(site)  # messages show paths relative to where the editor stands
    result = check.run(siteconfig.load(site / "mkdocs.yml"), today=TODAY)
    return [str(p) for p in result.problems]


def test_good_fixture_site_has_no_problems(tmp_path, monkeypatch):
    assert run_checks(make_site(tmp_path / "site"), monkeypatch) == []


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_is_reported_with_file_line_and_fix(case, tmp_path, monkeypatch):
    site = make_site(tmp_path / "site")
    case.change(site)
    assert case.expected in run_checks(site, monkeypatch)


def test_there_are_at_least_fifteen_distinct_errors():
    assert len({c.name for c in CASES if not c.warning}) >= 15


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_check_command_exits_non_zero_without_traceback(case, tmp_path):
    site = make_site(tmp_path / "site")
    case.change(site)
    # --strict, as the build runs: warnings fail too. The site's own dates are relative to today,
    # so this runs with the real date; the fixture's review dates are years ahead.
    done = subprocess.run([sys.executable, "-m", "scripts.check", "--strict", "-f", "mkdocs.yml"],
                          check=False, cwd=site, capture_output=True, text=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 1
    assert case.expected in done.stdout.splitlines()
    assert "Traceback" not in done.stdout + done.stderr
    assert done.stdout.strip().splitlines()[-1].startswith("Found ")


def test_overdue_review_can_be_knowingly_allowed(tmp_path, monkeypatch):
    site = make_site(tmp_path / "site")
    overdue = next(c for c in CASES if c.name == "overdue review")
    overdue.change(site)
    config = site / "mkdocs.yml"
    config.write_text(config.read_text().replace("allow_overdue_reviews: false", "allow_overdue_reviews: true"))
    assert run_checks(site, monkeypatch) == []
    # Still said on every build, as a note that strict builds do not count.
    notes = [str(n) for n in check.run(siteconfig.load(config), today=TODAY).notes]
    assert any(n.endswith("note: the page was due for review on " + overdue.expected.split("due for review on ")[1].split(";")[0]
                          + "; extra.checks.allow_overdue_reviews is true, so the build goes on; review the page soon") for n in notes), notes


def test_all_problems_of_a_run_are_listed_together(tmp_path, monkeypatch):
    site = make_site(tmp_path / "site")
    for name in ("broken page link", "unknown glossary term", "invalid date"):
        next(c for c in CASES if c.name == name).change(site)
    found = run_checks(site, monkeypatch)
    positions = [(line.split(":")[0], int(line.split(":")[1])) for line in found]
    assert len(found) == 3 and positions == sorted(positions)












def test_front_matter_line_numbers_start_after_the_opening_dashes():
    source = Source(ROOT / "x.md", "x.md", "---\ntitle: x\n---\n\n# X\n")
    split_front_matter(source)
    assert source.body_start == 4 and source.front_matter_text == "title: x"


def test_kiosk_style_config_inherits_and_overrides(tmp_path):
    (tmp_path / "base.yml").write_text("site_name: A\nextra:\n  clinic:\n    emergency_number: '999'\n    note: x\nnav: [a.md]\n")
    (tmp_path / "kiosk.yml").write_text("INHERIT: base.yml\nextra:\n  clinic:\n    note: reception\n")
    config = siteconfig.load(tmp_path / "kiosk.yml")
    assert siteconfig.clinic(config) == {"emergency_number": "999", "note": "reception"}
    assert config["nav"] == ["a.md"]
