"""The Russian edition (mkdocs.ru.yml over docs-ru/): a translation of the English guide that never falls
back to English, keeps the English edition's signs and tiers, and says where it is out of date.

The model and checks are tested on copies of the project with one thing broken; the built site (the
same `make build` that builds both editions) for what patients see.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import tinyhtml5
import yaml
from conftest import ROOT, copy_project

from scripts import check, siteconfig
from scripts.model import content, translation
from scripts.model.words import WORDS

RU = ROOT / "mkdocs.ru.yml"
CYRILLIC = re.compile(r"[А-Яа-яЁё]")


def problems_of(config: Path) -> list[str]:
    result = check.run(siteconfig.load(config))
    return [str(p) for p in [*result.problems, *result.notes]]


def test_the_russian_config_restates_the_english_extensions_but_its_own_config_file():
    """INHERIT replaces lists: the Russian markdown_extensions must be the English list, item for item."""
    english = siteconfig.load(ROOT / "mkdocs.yml")["markdown_extensions"]
    russian = yaml.load(RU.read_text(encoding="utf-8"), Loader=siteconfig._TolerantLoader)["markdown_extensions"]
    assert [str(e) for e in russian] == [str(e).replace("config_file': 'mkdocs.yml", "config_file': 'mkdocs.ru.yml") for e in english]


def test_the_russian_edition_passes_every_check():
    assert [p for p in problems_of(RU) if ": note: " not in p] == []


def test_the_russian_signs_are_the_english_signs_in_russian():
    english, russian = content.load(ROOT / "mkdocs.yml"), content.load(RU)
    assert russian.problems == []
    assert [(s.id, s.tier, s.topics, s.sources) for s in russian.signs] == [(s.id, s.tier, s.topics, s.sources) for s in english.signs]
    for en, ru in zip(english.signs, russian.signs):
        assert ru.criteria == en.criteria and CYRILLIC.search(ru.text) and ru.text != en.text, ru.id
        assert bool(ru.action) == bool(en.action), ru.id


def test_every_word_is_set_in_russian():
    words = siteconfig.extra_section(siteconfig.load(RU), "words")
    english = siteconfig.extra_section(siteconfig.load(ROOT / "mkdocs.yml"), "words")
    assert set(WORDS) <= set(words)
    assert {name: yaml.safe_load(value) if name == "months" else value for name, (value, _) in WORDS.items()} \
        == {name: english[name] for name in WORDS}, \
        "mkdocs.yml's English words differ from scripts/model/words.py"
    same = [name for name in WORDS if words[name] == english[name] and CYRILLIC.search(str(english[name])) is None
            and re.search(r"[A-Za-z]{3}", re.sub(r"\{\w+\}", "", str(words[name])))]
    assert same == [], f"still English in mkdocs.ru.yml: {same}"


def _copy(tmp_path: Path) -> Path:
    project = tmp_path / "p"
    copy_project(project)
    return project


def test_a_missing_page_translation_fails(tmp_path):
    project = _copy(tmp_path)
    (project / "docs-ru" / "cramps.md").unlink()
    found = problems_of(project / "mkdocs.ru.yml")
    assert any("docs-ru/cramps.md:1: the page cramps.md has no translation" in p for p in found), found


def test_a_missing_sign_translation_fails(tmp_path):
    project = _copy(tmp_path)
    path = project / "docs-ru" / "_data" / "warning-signs.ru.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("- id: tia\n")
    path.write_text(text[:start] + text[text.index("\n- id: ", start + 1) + 1:], encoding="utf-8")
    found = [str(p) for p in content.load(project / "mkdocs.ru.yml").problems]
    assert any("the sign 'tia' has no translation" in p for p in found), found


def test_an_english_change_marks_the_translation_out_of_date(tmp_path):
    project = _copy(tmp_path)
    signs = project / "docs" / "_data" / "warning-signs.yml"
    signs.write_text(signs.read_text(encoding="utf-8").replace("Every minute counts.", "Every minute matters.", 1), encoding="utf-8")
    page = project / "docs" / "neck.md"
    page.write_text(page.read_text(encoding="utf-8").replace("without an operation.", "without surgery.", 1), encoding="utf-8")
    notes = [str(p) for p in content.load(project / "mkdocs.ru.yml").notes]
    assert any("the translation of 'stroke' was made from older source words" in n for n in notes), notes
    assert any("docs-ru/neck.md:1: note: the translation was made from an older source page" in n for n in notes), notes
    assert len(notes) == 2  # only what changed


@pytest.mark.parametrize(("wrong", "fixed"), [("синдром лошадиного хвоста", "синдром конского хвоста"),
                                              ("витамина В12", "дефицит витамина B12"),
                                              ("синдром Гийена-Барре", "синдром Гийена — Барре")])
def test_a_page_with_another_rendering_of_a_fixed_term_fails(tmp_path, wrong, fixed):
    project = _copy(tmp_path)
    page = project / "docs-ru" / "myths.md"
    lines = page.read_text(encoding="utf-8").split("\n")
    lines.append(f"Это может быть {wrong}.")
    number = len(lines)
    page.write_text("\n".join(lines), encoding="utf-8")
    found = problems_of(project / "mkdocs.ru.yml")
    assert any(f"docs-ru/myths.md:{number}: '" in p and f"(it uses '{fixed}')" in p for p in found), found


def test_a_translation_missing_a_word_fails_at_its_own_config(tmp_path):
    project = _copy(tmp_path)
    config = project / "mkdocs.ru.yml"
    config.write_text(re.sub(r"(?m)^    steps_back: .*\n", "", config.read_text(encoding="utf-8")), encoding="utf-8")
    found = [str(p) for p in content.load(config).problems]
    assert any("mkdocs.ru.yml:" in p and "extra.words.steps_back is missing" in p for p in found), found


def test_the_hashes_are_what_the_translations_say():
    """The committed translations were checked against the English they name (no stale note today)."""
    assert content.load(RU).notes == []
    assert translation.words_hash("a  b\n") == translation.words_hash("a b")


# ------------------------------------------------------------------ what patients see

def article_text(page: Path) -> str:
    root = tinyhtml5.parse(page.read_text(encoding="utf-8"), namespace_html_elements=False)
    return " ".join(" ".join(e.itertext()) for e in root.iter() if e.tag in ("article", "nav", "header", "footer"))


# English a patient of the Russian edition must never meet (words from the settings, the theme and the site).
ENGLISH_ONLY = [value for name, (value, _) in WORDS.items() if len(str(value).split()) >= 2 and "{" not in str(value)
                and not str(value).startswith("[")] + ["Numb hands and feet", "Understand your symptoms", "Get the right care", "November", "December"]


def test_every_russian_page_is_russian(built_site):
    pages = sorted((built_site / "ru").glob("*.html"))
    assert len(pages) == len(list((ROOT / "docs-ru").glob("*.md"))) + 1  # and 404.html
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert re.search(r'<html lang="ru"', html), page.name
        text = article_text(page)
        assert not re.search(r"\{\{|\}\}|\[\[|\]\]", text), page.name
        english = [words for words in ENGLISH_ONLY if words in text]
        assert english == [], f"{page.name} shows English: {english}"


def test_the_language_link_goes_to_the_same_page_in_the_other_edition(built_site):
    for page in sorted(built_site.glob("*.html")):
        if page.name == "404.html":
            continue
        html = page.read_text(encoding="utf-8")
        assert f'href="ru/{page.name}"' in html, page.name
        assert f'href="../{page.name}"' in (built_site / "ru" / page.name).read_text(encoding="utf-8"), page.name


@pytest.mark.browser
def test_the_language_link_works_from_disk_and_from_a_server(built_site, page, tmp_path):
    from conftest import serve

    site = tmp_path / "copy"
    shutil.copytree(built_site, site)
    url, server = serve(site)
    try:
        for start in (site.as_uri() + "/neck.html", url + "neck.html"):
            page.goto(start)
            page.click("a.edition-switch__header")  # the header's language link
            page.wait_for_url(re.compile(r"/ru/neck\.html$"))
            assert page.locator("html").get_attribute("lang") == "ru"
            assert "Перевод не проверен врачом" in page.inner_text(".edition-switch")
            page.click("a.edition-switch__link")  # the translation's own line: to the English page
            page.wait_for_url(re.compile(r"[^u]/neck\.html$"))
            assert page.locator("html").get_attribute("lang") == "en"
    finally:
        server.shutdown()


@pytest.mark.parametrize(("count", "shown"), [(1, "1 признак"), (3, "3 признака"), (5, "5 признаков"), (11, "11 признаков"),
                                              (21, "21 признак"), (22, "22 признака"), (14, "14 признаков")])
def test_folded_cards_count_signs_with_the_russian_plural(count, shown):
    from scripts.model.tiers import count_words, with_words

    words = siteconfig.extra_section(siteconfig.load(RU), "words")
    assert count_words(count, with_words({}, words)) == shown
    assert count_words(count, {}) == f"{count} sign{'s' if count != 1 else ''}"  # English: one and other
