"""The same docs/ built with MkDocs and with Zensical (`make build-zensical`): what a patient reads
must not depend on the renderer. Zensical runs in its own venv, .venv-zensical (`make test` makes it)."""

from __future__ import annotations

import collections
import os
import re
import shutil
import sys
from pathlib import Path

import pytest
import tinyhtml5
from conftest import run_bounded

from scripts import siteconfig

pytestmark = pytest.mark.zensical

ROOT = Path(__file__).resolve().parent.parent
ZENSICAL_PYTHON = ROOT / ".venv-zensical" / "bin" / "python"
# What a patient reads: the text blocks of the page's <article>.
BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "th", "td", "summary", "figcaption"}
# The one part of the article that differs, on purpose: the "Download or print" box of our theme
# template. Zensical builds no PDFs, so it shows no box (its links would be dead).
TEMPLATE_PARTS = {"pdf-links"}


@pytest.fixture(scope="session")
def zensical_python() -> Path:
    """Zensical's venv, made by the Makefile rule that `make test` also runs."""
    try:
        done = run_bounded(["make", "--no-print-directory", ".venv-zensical/.installed"], ROOT)
    except OSError as err:  # no `make` on this machine
        pytest.skip(f".venv-zensical could not be created: {err}")
    if done.returncode != 0 or not ZENSICAL_PYTHON.exists():
        pytest.skip(f".venv-zensical could not be created (`make .venv-zensical/.installed`):\n{done.stdout[-2000:]}")
    return ZENSICAL_PYTHON


@pytest.fixture(scope="session")
def both_sites(tmp_path_factory, zensical_python) -> tuple[Path, Path]:
    """The real project built by MkDocs (the build command `make build` uses) and by Zensical
    (as `make build-zensical` does), in a copy so the project's own folders stay untouched."""
    project = tmp_path_factory.mktemp("renderers") / "project"
    for part in ("docs", "docs-ru", "overrides", "scripts", "translations"):
        shutil.copytree(ROOT / part, project / part, ignore=shutil.ignore_patterns("__pycache__"), symlinks=True)
    for name in ("mkdocs.yml", "mkdocs.ru.yml", "mkdocs-zensical.yml"):
        shutil.copy(ROOT / name, project / name)
    mkdocs = run_bounded([sys.executable, "-m", "scripts.build", "--no-pdf", "-f", "mkdocs.yml", "-d", "site-mkdocs"], project)
    assert mkdocs.returncode == 0, mkdocs.stdout[-3000:]
    # The plain command, for the English edition; `make build-zensical` (scripts.build) for both editions.
    plain = run_bounded([str(zensical_python), "-m", "zensical", "build", "--clean", "--strict", "-f", "mkdocs-zensical.yml"], project)
    assert plain.returncode == 0, plain.stdout[-3000:]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | {"ZENSICAL_PYTHON": str(zensical_python), "NO_MKDOCS_2_WARNING": "1"}
    zensical = run_bounded([sys.executable, "-m", "scripts.build", "--renderer", "zensical", "-f", "mkdocs-zensical.yml",
                            "-d", "site-zensical"], project, env=env)
    assert zensical.returncode == 0, zensical.stdout[-3000:]
    return project / "site-mkdocs", project / "site-zensical"


EDITIONS = ["", "ru"]  # the English edition at the top, the Russian one in ru/


def article_blocks(page: Path, skip_template_parts: bool = True) -> list[str]:
    """The text of each block in the page's article, whitespace collapsed, in reading order."""
    root = tinyhtml5.parse(page.read_text(encoding="utf-8"), namespace_html_elements=False)
    article = next(root.iter("article"), None)
    assert article is not None, f"{page.name} has no <article>"
    skipped = set()
    if skip_template_parts:
        for element in article.iter():
            if TEMPLATE_PARTS & set(element.get("class", "").split()):
                skipped.update(id(e) for e in element.iter())
    return [" ".join("".join(e.itertext()).split()) for e in article.iter() if e.tag in BLOCKS and id(e) not in skipped]


def pages(site: Path) -> list[str]:
    return sorted(p.name for p in site.glob("*.html") if p.name != "404.html")


def test_zensical_is_the_pinned_version(zensical_python):
    pinned = re.search(r"^zensical==(\S+)", (ROOT / "requirements-zensical.txt").read_text(), re.MULTILINE).group(1)
    done = run_bounded([str(zensical_python), "-m", "zensical", "--version"], ROOT)
    assert done.stdout.strip() == pinned


@pytest.mark.parametrize("edition", EDITIONS, ids=["en", "ru"])
def test_both_renderers_build_the_same_pages(both_sites, edition):
    mkdocs, zensical = (site / edition for site in both_sites)
    assert pages(mkdocs) == pages(zensical)
    assert len(pages(mkdocs)) == len(list((ROOT / ("docs-" + edition if edition else "docs")).glob("*.md")))


@pytest.mark.parametrize("edition", EDITIONS, ids=["en", "ru"])
@pytest.mark.parametrize("renderer", [0, 1], ids=["mkdocs", "zensical"])
def test_no_page_shows_raw_settings_or_glossary_marks(both_sites, renderer, edition):
    site = both_sites[renderer] / edition
    raw = {name: [t for t in article_blocks(site / name, False) if re.search(r"\{\{|\}\}|\[\[|\]\]", t)] for name in pages(site)}
    assert {name: found for name, found in raw.items() if found} == {}


@pytest.mark.parametrize("edition", EDITIONS, ids=["en", "ru"])
def test_a_patient_reads_the_same_paragraphs_with_either_renderer(both_sites, edition):
    mkdocs, zensical = (site / edition for site in both_sites)
    total = same = 0
    differences = []
    for name in pages(mkdocs):
        ours, theirs = article_blocks(mkdocs / name), article_blocks(zensical / name)
        total += len(ours)
        same += sum((collections.Counter(ours) & collections.Counter(theirs)).values())
        if ours != theirs:
            missing = collections.Counter(ours) - collections.Counter(theirs)
            extra = collections.Counter(theirs) - collections.Counter(ours)
            differences.append(f"{name}: MkDocs only {list(missing)[:3]}; Zensical only {list(extra)[:3]}")
    print(f"\ntext parity: {same} of {total} paragraphs identical (theme parts {sorted(TEMPLATE_PARTS)} aside)")
    assert total > 500, "the comparison found too little text: did the article markup change?"
    assert differences == [], f"{same} of {total} paragraphs identical:\n" + "\n".join(differences)


def phone_numbers(page: Path, numbers: list[str]) -> tuple[list[str], dict[str, int]]:
    """The tel: links of a page's article, and how often each of the clinic's numbers is in its text."""
    html = page.read_text(encoding="utf-8")
    article = html[html.index("<article"):html.index("</article>")]
    text = " ".join(article_blocks(page))
    counts = {number: len(re.findall(rf"(?<!\d){re.escape(number)}(?!\d)", text)) for number in numbers}
    return sorted(re.findall(r'href="(tel:[^"]*)"', article)), counts


def test_the_same_emergency_numbers_on_every_page(both_sites):
    mkdocs, zensical = both_sites
    settings = siteconfig.clinic(siteconfig.load(ROOT / "mkdocs.yml"))
    numbers = [str(settings[key]) for key in ("emergency_number", "urgent_number") if settings.get(key)]
    assert numbers, "mkdocs.yml sets no emergency number"
    seen = {name: phone_numbers(mkdocs / name, numbers) for name in pages(mkdocs)}
    assert seen["urgent-help.html"][1][settings["emergency_number"]] > 0
    assert {name: phone_numbers(zensical / name, numbers) for name in pages(zensical)} == seen


@pytest.mark.browser
def test_zensical_pages_load_nothing_from_other_websites(both_sites, browser):
    """The promise of deploy/README.md ("Offline and privacy") for the Zensical build too: every page in Chromium, requests, cookies, errors."""
    from conftest import serve
    from test_browser import Visit

    url, server = serve(both_sites[1])
    try:
        for name in pages(both_sites[1]):
            visit = Visit(browser)
            try:
                visit.open(url + name)
                visit.assert_private_and_quiet()
            finally:
                visit.close()
    finally:
        server.shutdown()


def test_the_russian_zensical_pages_have_no_english_navigation(both_sites):
    """Zensical's own INHERIT appends lists (nav, words); the build hands it the configuration already
    merged the MkDocs way (scripts/siteconfig.py flat), so the Russian pages show only the Russian nav."""
    russian = both_sites[1] / "ru"
    for name in pages(russian):
        html = (russian / name).read_text(encoding="utf-8")
        assert 'lang="ru"' in html, name
        assert not [words for words in ("Understand your symptoms", "Get the right care", "Page last updated", "November", "December")
                    if words in html], name
