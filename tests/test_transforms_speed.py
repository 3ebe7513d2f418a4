"""What the page transforms make once per process (scripts/transforms: sign blocks, sign words, tooltips
chosen in one pass) must follow the files it was made from and give the pages they gave before."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitecases import make_site
from test_transforms import edit, render

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
