"""The Russian waiting-room kiosk (issue 19 part 6): built beside the English one (site-kiosk/ru/) by the same
`make kiosk-build`, language tiles on the first screen of both, and the idle reset going back to the English
(default) home with nothing kept, in real Chromium through Playwright. The Russian kiosk's own words (bar,
dialogs, start screen, notes) are Russian: they come from its settings (extra.words.kiosk_*).
"""

from __future__ import annotations

import re

import pytest
from conftest import ROOT, serve

from scripts import siteconfig
from scripts.model.print_words import PRINT_WORDS

pytestmark = pytest.mark.browser

KIOSK_EN = ROOT / "mkdocs-kiosk.yml"
KIOSK_RU = ROOT / "mkdocs-kiosk.ru.yml"
EN, RU = siteconfig.load(KIOSK_EN), siteconfig.load(KIOSK_RU)
SETTINGS = EN["extra"]["kiosk"]
IDLE_MS, WARNING_MS = SETTINGS["idle_seconds"] * 1000, SETTINGS["warning_seconds"] * 1000
STATE_JS = ("() => ({local: localStorage.length, session: sessionStorage.length, cookie: document.cookie,"
            " history: history.length, scroll: window.scrollY, dialogs: document.querySelectorAll('dialog[open]').length})")
CLEAN = {"local": 0, "session": 0, "cookie": "", "history": 1, "scroll": 0, "dialogs": 0}
PORTRAIT, LANDSCAPE = {"width": 1080, "height": 1920}, {"width": 1920, "height": 1080}
# The kiosk's own parts of a page: what the kiosk adds, not the page's content.
KIOSK_PARTS = ".kiosk-bar, .kiosk-dialog, [data-kiosk-attract], .kiosk-languages, .kiosk-tiles > h2, .kiosk-note, .kiosk-emergency"
# Latin letters a Russian patient may meet in the kiosk's own parts: A− / A+ (text size) and the services' names.
LATIN_ALLOWED = {"A", "NHS", "QR"}


@pytest.fixture(scope="module")
def kiosk_site(tmp_path_factory):
    """Both kiosks, built once with the command `make kiosk-build` runs (the Russian one inside, in ru/)."""
    from scripts.build import build

    site = tmp_path_factory.mktemp("kiosk-ru") / "site-kiosk"
    assert build(KIOSK_EN, site, steps=[]) == 0, "the kiosk site does not build"
    return site


@pytest.fixture(scope="module")
def kiosk_url(kiosk_site):
    url, server = serve(kiosk_site)
    yield url
    server.shutdown()


def _visit(browser, kiosk_url, path="index.html", viewport=PORTRAIT, clock=False):
    context = browser.new_context(viewport=viewport, has_touch=True)
    page = context.new_page()
    outside = []
    page.on("request", lambda request: None if request.url.startswith(("http://127.0.0.1:", "data:")) else outside.append(request.url))
    if clock:
        page.clock.install()
    with page.expect_navigation():  # as the launcher's Chromium starts: location.replace, one history entry
        page.evaluate("url => location.replace(url)", kiosk_url + path)
    return context, page, outside


@pytest.fixture
def visit(browser, kiosk_url):
    opened = []

    def open_(path="index.html", viewport=PORTRAIT, clock=False):
        context, page, outside = _visit(browser, kiosk_url, path, viewport, clock)
        opened.append((context, outside))
        return page

    yield open_
    for context, outside in opened:
        context.close()
        assert outside == [], "requests left 127.0.0.1"


def tap_and_wait(page, locator) -> None:
    with page.expect_event("load"):
        locator.tap()


def test_the_russian_kiosk_is_built_inside_the_english_one(kiosk_site):
    page = (kiosk_site / "ru" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<html[^>]*\blang="ru"', page)
    assert '"language": "ru"' in page and '"start": "../index.html"' in page
    assert not (kiosk_site / "ru" / "search").exists() and not list((kiosk_site / "ru").rglob("*.pdf"))
    english = (kiosk_site / "index.html").read_text(encoding="utf-8")
    assert '"language": "en"' in english and '"start": "index.html"' in english


def test_the_russian_kiosk_repeats_the_kiosk_settings_and_only_its_language_differs():
    """INHERIT takes one file: mkdocs-kiosk.ru.yml repeats mkdocs-kiosk.yml's kiosk settings, which must not drift."""
    ru, en = dict(RU["extra"]["kiosk"]), dict(EN["extra"]["kiosk"])
    assert (ru.pop("language"), en.pop("language")) == ("ru", "en")
    assert ru.pop("public_url") == en.pop("public_url").rstrip("/") + "/ru/"  # the Russian pages online
    assert ru == en
    assert RU["plugins"] == EN["plugins"] == []
    assert RU["theme"]["palette"] == EN["theme"]["palette"] and RU["theme"]["language"] == "ru"
    assert RU["extra"]["generator"] is EN["extra"]["generator"] is False
    assert RU["extra"]["clinic"]["reception_note"] and RU["extra"]["clinic"]["reception_note"] != EN["extra"]["clinic"]["reception_note"]
    assert RU["docs_dir"] == "docs-ru" and RU["extra"]["edition"]["switch"] == "../"
    assert EN["extra"]["edition"]["translation"] == KIOSK_RU.name and EN["extra"]["edition"]["switch"] == "ru/"


@pytest.mark.parametrize("viewport", [PORTRAIT, LANDSCAPE], ids=["portrait", "landscape"])
@pytest.mark.parametrize("path", ["index.html", "ru/index.html"])
def test_language_tiles_on_the_first_screen(visit, path, viewport):
    page = visit(path, viewport)
    buttons = page.locator(".kiosk-languages a")
    assert buttons.all_inner_texts() == ["English", "Русский"]
    assert [buttons.nth(i).get_attribute("lang") for i in range(2)] == ["en", "ru"]
    assert page.locator('.kiosk-languages a[aria-current="true"]').get_attribute("lang") == ("ru" if path.startswith("ru/") else "en")
    assert page.evaluate("window.scrollY") == 0
    for index in range(2):
        box = buttons.nth(index).bounding_box()
        assert box["width"] >= 48 and box["height"] >= 48
        # On screen without scrolling, and not under the sticky bar: the tap lands on the tile itself.
        assert 0 <= box["y"] and box["y"] + box["height"] <= viewport["height"], box
        on_top = page.evaluate("([x, y]) => document.elementFromPoint(x, y).closest('.kiosk-languages a')?.lang",
                               [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
        assert on_top == ["en", "ru"][index]
        assert buttons.nth(index).evaluate("a => parseFloat(getComputedStyle(a).fontSize)") >= 20


def test_the_language_tiles_switch_language_and_back_returns(visit, kiosk_url):
    page = visit()
    tap_and_wait(page, page.locator('.kiosk-languages a[lang="ru"]'))
    assert page.url == kiosk_url + "ru/index.html"
    assert page.evaluate("document.documentElement.lang") == "ru"
    assert page.locator("[data-kiosk-home]").inner_text() == "Главная"
    tap_and_wait(page, page.locator("a.kiosk-tile").first)
    assert page.url.startswith(kiosk_url + "ru/")
    tap_and_wait(page, page.locator("[data-kiosk-home]"))  # Home: this language's home
    assert page.url == kiosk_url + "ru/index.html"
    tap_and_wait(page, page.locator('.kiosk-languages a[lang="en"]'))
    assert page.url == kiosk_url + "index.html"
    assert page.evaluate("history.length") == 1


def test_idle_reset_from_the_russian_kiosk_returns_to_the_english_home_with_nothing_kept(visit, kiosk_url):
    page = visit(clock=True)
    tap_and_wait(page, page.locator('.kiosk-languages a[lang="ru"]'))
    tap_and_wait(page, page.locator("a.kiosk-tile").nth(2))
    page.locator('[data-kiosk-text="1"]').tap()
    page.evaluate("""() => { localStorage.setItem('/ru/.__palette', '{"index":1}'); sessionStorage.setItem('x', '1');
                             document.cookie = 'z=3; path=/ru/'; document.cookie = 'y=4; path=/'; }""")
    dialog = page.locator("#kiosk-idle")
    page.clock.run_for(IDLE_MS + 1000)
    assert dialog.is_visible()
    assert dialog.locator("h2").inner_text() == RU["extra"]["words"]["kiosk_idle_title"]
    with page.expect_event("load"):
        page.clock.run_for(WARNING_MS + 1000)
    assert page.url == kiosk_url + "index.html"
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.evaluate(STATE_JS) == CLEAN
    assert page.context.cookies() == []
    assert page.evaluate("document.documentElement.style.fontSize") == ""


def test_an_untouched_russian_home_also_goes_back_to_english(visit, kiosk_url):
    """The start screen is the English home: the Russian one left open is reset to it, not shown as clean."""
    page = visit("ru/index.html", clock=True)
    with page.expect_event("load"):
        page.clock.run_for(IDLE_MS + WARNING_MS + 2000)
    assert page.url == kiosk_url + "index.html"
    assert page.evaluate(STATE_JS) == CLEAN
    page.clock.run_for(SETTINGS["attract_seconds"] * 1000 + 1000)  # the clean English home then waits as before
    assert page.locator("[data-kiosk-attract]").is_visible()


def latin_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[A-Za-z]+", text) if w not in LATIN_ALLOWED}


@pytest.mark.parametrize("path", ["ru/index.html", "ru/appointment.html", "ru/neck.html", "ru/404.html"])
def test_the_russian_kiosk_s_own_words_are_russian(visit, path):
    page = visit(path)
    # Words marked as another language (the "English" tile, lang="en") are meant to be in it.
    texts = page.eval_on_selector_all(KIOSK_PARTS, """parts => parts.map(part => {
        const p = part.cloneNode(true);
        p.querySelectorAll('[lang]:not([lang="ru"])').forEach(e => e.remove());
        return [p.textContent, ...[...p.querySelectorAll('[aria-label]'), p].map(e => e.getAttribute('aria-label') || '')].join(' ');
    })""")
    assert texts
    found = {word for text in texts for word in latin_words(text)}
    assert not found, f"{path}: English in the kiosk's own parts: {sorted(found)}"
    cyrillic = sum(len(re.findall(r"[А-Яа-яЁё]", text)) for text in texts)
    assert cyrillic > 50
    if path == "ru/appointment.html":  # the note on ticks, in Russian
        assert page.locator(".kiosk-note").inner_text() == RU["extra"]["words"]["kiosk_ticks_note"]


def test_no_english_kiosk_word_in_any_russian_kiosk_page(kiosk_site):
    """Every kiosk word the English kiosk shows is missing from the Russian kiosk's pages (each is a setting)."""
    english = [w for name, (w, _) in PRINT_WORDS.items() if name.startswith("kiosk_")]
    pieces = {piece.strip() for w in english for piece in re.split(r"\{\w+\}", w) if len(piece.strip()) > 6}
    for page in sorted((kiosk_site / "ru").rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        shown = [piece for piece in pieces if piece in html]
        assert not shown, f"{page.relative_to(kiosk_site)}: {shown}"


def test_the_russian_kiosk_home_has_no_wcag_22_aa_violations(visit):
    from axe import describe, violations

    page = visit("ru/index.html")
    found = violations(page)
    assert not found, describe(found)
