"""What the page transforms make once per process (scripts/transforms: sign blocks, sign words, tooltips
chosen in one pass) must follow the files it was made from and give the pages they gave before."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
from conftest import copy_project, run_bounded
from sitecases import make_site
from test_transforms import edit, render

from scripts.build import CHECKS_BESIDE

SPINE = 'title="The column of bones down the middle of your back."'


@pytest.fixture
def site(tmp_path, monkeypatch) -> Path:
    site = make_site(tmp_path / "site")
    monkeypatch.chdir(site)
    return site


def page(site: Path, body: str) -> str:
    (site / "docs/extra.md").write_text("---\ntitle: Extra\n---\n" + body, encoding="utf-8")
    return render(site, "extra.md")


def test_cards_and_inline_signs_follow_the_signs_file_within_one_process(site):
    assert "a face that droops on one side" in render(site, "neck.md")
    edit(site / "docs/_data/warning-signs.yml", "a face that droops on one side", "a face that sags on one side")
    html = render(site, "neck.md")
    assert "a face that sags on one side" in html and "droops" not in html
    assert "a face that sags on one side" in render(site, "index.md")  # `{{ sign: stroke }}`


def test_a_mention_in_a_heading_leaves_the_tooltip_to_the_first_one_in_the_text(site):
    html = page(site, "# Your spine\n\nYour spine and your backbone.\n\nThe spine again.\n")
    assert html.count(SPINE) == 1
    assert f"<p>Your <abbr {SPINE}>spine</abbr> and your backbone.</p>" in html
    assert "<h1" in html and "<abbr" not in html.split("</h1>")[0]


def test_a_mention_inside_a_marked_term_leaves_the_tooltip_to_the_next_one(site):
    html = page(site, "# Roots\n\nA [[nerve root|spine root]] leaves it. Then the spine, and the spine.\n")
    assert html.count(SPINE) == 1
    assert f"Then the <abbr {SPINE}>spine</abbr>, and the spine." in html


def test_raw_html_with_a_heading_turns_the_shortcut_off_and_the_page_is_as_before(site):
    html = page(site, '# Raw\n\n<div markdown="0"><h2>Spine</h2></div>\n\nThe spine, the spine.\n')
    assert html.count(SPINE) == 1
    assert f"The <abbr {SPINE}>spine</abbr>, the spine." in html


def test_links_into_a_step_by_step_check_shown_twice_resolve_and_are_checked(tmp_path):
    """The check's HTML is handed to Markdown once per process, from the second page that shows it on,
    before MkDocs' own scan of a page's raw HTML (which would parse it again); its anchors are then
    given to that scan, or a link to a step on the second page fails `mkdocs build --strict`."""
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("translation: mkdocs.ru.yml", 'translation: ""')
    nav = "  - What should I do now?: what-to-do-now.md\n"
    assert nav in text
    config.write_text(text.replace(nav, nav + "  - What should I do now, again?: what-to-do-now-again.md\n"), encoding="utf-8")
    shutil.copyfile(project / "docs/what-to-do-now.md", project / "docs/what-to-do-now-again.md")
    with (project / "docs/neck.md").open("a", encoding="utf-8") as handle:
        handle.write("\n[The emergency questions](what-to-do-now.md#step-emergency) and "
                     "[again](what-to-do-now-again.md#step-emergency-limbs).\n")
    out = tmp_path / "out"
    # MkDocs' own anchor validation only, as `make build` runs MkDocs (the checks beside it).
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"} | {CHECKS_BESIDE: str(config.resolve())}
    result = run_bounded([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)], project, env)
    assert result.returncode == 0, result.stdout[-3000:]
    # The checks know the screens' ids too (scripts/checks/links.py), and still refuse one that is not there.
    checked = run_bounded([sys.executable, "-m", "scripts.check", "--strict"], project)
    assert checked.returncode == 0, checked.stdout[-3000:]
    with (project / "docs/neck.md").open("a", encoding="utf-8") as handle:
        handle.write("\n[No such step](what-to-do-now.md#step-no-such-screen).\n")
    checked = run_bounded([sys.executable, "-m", "scripts.check", "--strict"], project)
    assert checked.returncode != 0 and "has no heading or id '#step-no-such-screen'" in checked.stdout, checked.stdout[-3000:]
    assert "#step-emergency-limbs" not in checked.stdout and "'#step-emergency'" not in checked.stdout
    for name in ("what-to-do-now", "what-to-do-now-again"):
        page = out / f"{name}.html"
        assert 'id="step-emergency-limbs"' in page.read_text(encoding="utf-8")
