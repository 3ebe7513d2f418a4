"""The one build command (scripts/build.py, behind `make build` and `make serve`) with real MkDocs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import copy_project
from sitecases import CASES, ROOT, make_site

ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT))


def build(site: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scripts.build", "-f", "mkdocs.yml"], check=False, cwd=site,
                          capture_output=True, text=True, env=ENV)


def test_good_fixture_site_builds_with_tooltips_and_settings(tmp_path):
    site = make_site(tmp_path / "site")
    done = build(site)
    assert done.returncode == 0, done.stderr
    neck = (site / "site" / "neck.html").read_text(encoding="utf-8")
    assert '<abbr class="glossary-term" title="The part of a nerve where it leaves the spine.">nerve root</abbr>' in neck
    assert neck.count('title="The part of a nerve where it leaves the spine."') == 1  # one tooltip per term and page (UX m8)
    assert "Call 999 in an emergency" in neck and "{{" not in neck
    assert 'id="what-is-a-nerve-root">What is a nerve root?' in neck  # headings get no tooltip


@pytest.mark.parametrize("case", [c for c in CASES if not c.warning] + [c for c in CASES if c.warning],
                         ids=[c.name for c in CASES if not c.warning] + [c.name for c in CASES if c.warning])
def test_bad_input_stops_the_build_with_its_message(case, tmp_path):
    site = make_site(tmp_path / "site")
    case.change(site)
    done = build(site)
    output = done.stdout + done.stderr
    assert done.returncode != 0
    assert case.expected in output
    assert "Traceback" not in output
    assert not (site / "site").exists()  # nothing half-written


def test_failed_build_leaves_the_previous_good_site(tmp_path):
    site = make_site(tmp_path / "site")
    assert build(site).returncode == 0
    good = (site / "site" / "index.html").read_bytes()
    next(c for c in CASES if c.name == "broken page link").change(site)
    done = build(site)
    assert done.returncode != 0 and "Build failed: site/ was left as it was" in done.stderr
    assert (site / "site" / "index.html").read_bytes() == good
    assert not list(site.glob(".site-build-*")), "temporary build folders were left behind"


def test_real_site_builds_strict(built_site):
    pages = sorted(p.name for p in built_site.glob("*.html"))
    assert "index.html" in pages and "glossary.html" in pages


def test_make_build_fails_on_a_broken_link(tmp_path):
    """The exact command the README and Makefile give, on a copy of the real project."""
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "symptoms.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSee [the missing page](no-such-page.md).\n", encoding="utf-8")
    line = len(page.read_text(encoding="utf-8").split("\n")) - 1
    done = subprocess.run(["make", "build", f"VENV={ROOT / '.venv'}"], check=False, cwd=project, capture_output=True, text=True, env=ENV)
    output = done.stdout + done.stderr
    assert done.returncode != 0
    assert f"docs/symptoms.md:{line}: the page or file 'no-such-page.md' does not exist" in output
    assert "Traceback" not in output


def test_build_commands_never_use_quiet():
    """`--quiet` drops the warnings that `--strict` counts, so broken links would pass."""
    for name in ("Makefile", "scripts/build.py", ".ci/run"):
        assert "--quiet" not in (ROOT / name).read_text().replace("Never add --quiet", "")
    readme = (ROOT / "README.md").read_text()
    assert "make serve" in readme and "make test" in readme
    assert "make test" in (ROOT / ".ci" / "run").read_text()
