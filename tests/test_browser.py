"""The built site in Debian's Chromium: accessibility, privacy, offline use, phones, tooltips, valid HTML.

Every built page is checked. One browser is shared; each test opens its own short-lived context.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from axe import describe, violations
from conftest import ROOT

pytestmark = pytest.mark.browser

# Every page the build makes: one per Markdown page, plus the theme's 404 page.
PAGES = sorted([p.stem + ".html" for p in (ROOT / "docs").glob("*.md")] + ["404.html"])
PHONE = {"width": 360, "height": 640}
DESKTOP = {"width": 1280, "height": 800}
MIN_TARGET = 24  # CSS px, WCAG 2.2 success criterion 2.5.8 (AA)
VNU_JAR = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"

# Nu HTML Checker errors that come from Material's own templates, not from our pages or overrides
# (the first in a stock build too, the second with Material's navigation.sections feature).
# Listed in tests/README.md; exact messages only.
THEME_HTML_ERRORS = {
    # base.html: the drawer and search toggles are <input type="checkbox" autocomplete="off">.
    ("Attribute “autocomplete” is only allowed when the input type is “color”, “date”, “datetime-local”, "
     "“email”, “hidden”, “month”, “number”, “password”, “range”, “search”, “tel”, “text”, “time”, “url”, or “week”."),
    # partials/nav-item.html: section labels get tabindex="" (empty) when they are not focusable.
    "Bad value “” for attribute “tabindex” on element “label”: The empty string is not a valid integer.",
}


class Visit:
    """A page opened in a fresh context, with every request, cookie and console error recorded."""

    def __init__(self, browser, **context_options):
        self.context = browser.new_context(**context_options)
        self.context.set_default_timeout(10_000)
        self.requests: list[str] = []
        self.blocked: list[str] = []
        self.errors: list[str] = []
        # Belt and braces: a request that leaves this machine is refused, and counted.
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _route(self, route) -> None:
        if is_local(route.request.url):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def open(self, url: str):
        self.page.goto(url, wait_until="load")
        # Material's JavaScript (search, tooltips, palette) sets itself up after load.
        self.page.wait_for_function("typeof document$ !== 'undefined'")
        return self.page

    def assert_private_and_quiet(self) -> None:
        """Every request stayed on this machine, no cookie was set, nothing was logged as an error."""
        assert self.blocked == [], "requests to other websites"
        assert [url for url in self.requests if not is_local(url)] == []
        assert any(url.endswith(".css") for url in self.requests), "the request log saw nothing: is it working?"
        assert self.context.cookies() == []
        assert self.page.evaluate("document.cookie") == ""
        assert self.errors == [], "console errors"

    def close(self) -> None:
        self.context.close()


def is_local(url: str) -> bool:
    return re.match(r"(https?://127\.0\.0\.1[:/]|file:|data:|blob:|about:)", url) is not None


@pytest.fixture
def visits(browser):
    opened: list[Visit] = []

    def visit(**context_options) -> Visit:
        opened.append(Visit(browser, **context_options))
        return opened[-1]

    yield visit
    for one in opened:
        one.close()


def test_every_built_page_is_checked(built_site):
    assert sorted(p.name for p in built_site.glob("*.html")) == PAGES


# --- Accessibility -------------------------------------------------------------------------------

@pytest.mark.parametrize("scheme, material_scheme", [("light", "default"), ("dark", "slate")])
@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_wcag_violations_and_nothing_leaves_the_machine(visits, site_url, name, scheme, material_scheme):
    visit = visits(color_scheme=scheme, viewport=DESKTOP)
    page = visit.open(site_url + name)
    # The palette follows the reader's system setting until they use the toggle.
    assert page.evaluate("document.body.dataset.mdColorScheme") == material_scheme
    found = violations(page)
    assert not found, f"{name} ({scheme}):\n{describe(found)}"
    # Privacy, checked after axe's run so that late requests (scripts, images) are seen too.
    visit.assert_private_and_quiet()


def test_palette_toggle_switches_to_dark_and_back(visits, site_url):
    page = visits(color_scheme="light", viewport=DESKTOP).open(site_url + "index.html")
    # Material fades colours over a moment; axe must see the end state, not a mix of both palettes.
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
    page.locator("label[for=__palette_1]").click()  # "Switch to dark mode"
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    assert not violations(page, ["color-contrast"]), "dark palette chosen with the toggle"
    page.locator("label[for=__palette_0]").click()  # "Switch to light mode"
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"


def test_search_dialog_has_a_name(visits, site_url):
    # axe files this rule under best practice, not WCAG; Lighthouse's accessibility score counts it.
    page = visits(viewport=DESKTOP).open(site_url + "index.html")
    found = violations(page, ["aria-dialog-name"])
    assert not found, describe(found)


# --- Offline: opened straight from disk ----------------------------------------------------------

def test_site_opened_from_disk_navigates(visits, built_site):
    visit = visits(viewport=DESKTOP)
    page = visit.open((built_site / "index.html").as_uri())
    page.locator(".md-sidebar--primary").get_by_role("link", name="Glossary", exact=True).click()
    page.wait_for_url("**/glossary.html")
    assert page.locator("h1").inner_text() == "Glossary"
    assert visit.requests and all(url.startswith(("file:", "data:", "blob:")) for url in visit.requests)
    assert visit.errors == []


def test_search_works_opened_from_disk(visits, built_site):
    name, word = _word_found_on_one_page_only(built_site)
    visit = visits(viewport=DESKTOP)
    page = visit.open((built_site / "index.html").as_uri())
    page.locator("input.md-search__input").click()
    page.keyboard.type(word)
    result = page.locator(f".md-search-result__item a[href*='/{name}']")  # href ends ?h=word
    result.first.wait_for(state="visible")
    assert visit.blocked == [] and visit.errors == []


class _ArticleText(HTMLParser):
    """The words of a built page's text: inside <article>, before its footer (sources and dates)."""

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.done = False
        self.words: set[str] = set()

    def handle_starttag(self, tag, attrs):
        if tag == "footer":
            self.done = True
        if (tag == "article" or self.depth) and not self.done:
            self.depth += 1

    def handle_endtag(self, tag):
        if self.depth and not self.done:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth and not self.done:
            self.words.update(w.lower() for w in re.findall(r"[A-Za-z]{6,}", data))


def _word_found_on_one_page_only(site: Path) -> tuple[str, str]:
    """A real word from one page's body that no other page has, so search must find that page."""
    words = {}
    for name in PAGES:
        parser = _ArticleText()
        parser.feed((site / name).read_text(encoding="utf-8"))
        words[name] = parser.words
    for name in ["about.html", *PAGES]:
        others = set().union(*(w for n, w in words.items() if n != name))
        unique = sorted(words[name] - others, key=lambda w: (-len(w), w))
        if unique:
            return name, unique[0]
    pytest.fail("no page has a word of its own to search for")


# --- Phones --------------------------------------------------------------------------------------

# Controls the theme draws (header buttons, navigation, search, footer, care-card toggles).
CONTROLS = ("button, summary, label.md-header__button, .md-header__button, .md-nav__link, .md-search__input, "
            ".md-footer__link, .md-top, input.md-option + label, [data-md-component=palette] label")
_TOO_SMALL = """(selector) => [...document.querySelectorAll(selector)]
  .filter(el => el.checkVisibility({visibilityProperty: true, opacityProperty: true}))
  .map(el => [el, el.getBoundingClientRect()])
  .filter(([el, r]) => r.width > 0 && r.right > 0 && r.left < innerWidth && (r.width < MIN || r.height < MIN))
  .map(([el, r]) => `${el.outerHTML.slice(0, 80)}: ${Math.round(r.width)}x${Math.round(r.height)}`)""".replace("MIN", str(MIN_TARGET))


@pytest.mark.parametrize("name", PAGES)
def test_phone_no_sideways_scrolling_and_big_enough_targets(visits, site_url, name):
    page = visits(viewport=PHONE, has_touch=True, is_mobile=True).open(site_url + name)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # axe's target-size rule knows WCAG 2.5.8's exceptions (inline links in text, enough spacing).
    found = violations(page, ["target-size"])
    assert not found, f"{name}:\n{describe(found)}"
    assert page.evaluate(_TOO_SMALL, CONTROLS) == [], "controls smaller than 24x24 px"
    # The navigation drawer: its links must be big enough too.
    page.locator("label.md-header__button[for=__drawer]").click()
    page.locator(".md-sidebar--primary .md-nav__link").first.wait_for(state="visible")
    page.wait_for_timeout(300)  # the drawer slides in
    assert page.evaluate(_TOO_SMALL, ".md-sidebar--primary .md-nav__link, .md-sidebar--primary label") == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


# Text that is cut off: an element that hides overflow and whose text is wider or taller than its box.
_CLIPPED = """() => [...document.querySelectorAll('body *')]
  .filter(el => el.checkVisibility() && el.innerText && el.innerText.trim())
  .filter(el => { const s = getComputedStyle(el);
    return (['hidden', 'clip'].includes(s.overflowX) && el.scrollWidth > el.clientWidth + 1)
        || (['hidden', 'clip'].includes(s.overflowY) && el.scrollHeight > el.clientHeight + 1); })
  .filter(el => !el.closest('.md-sidebar, .md-search, .md-tooltip2, .md-header__topic + .md-header__topic'))
  .map(el => `${el.tagName.toLowerCase()}.${el.className}: ${el.innerText.trim().slice(0, 40)}`)"""


@pytest.mark.parametrize("name", PAGES)
def test_text_resized_to_200_percent_is_not_lost(visits, site_url, name):
    visit = visits(viewport=DESKTOP)
    # Chromium's own text-size setting, doubled from 16 px: text, rem, em and em-based media queries
    # all follow it, as when a reader sets large text in their browser (WCAG 1.4.4).
    cdp = visit.context.new_cdp_session(visit.page)
    cdp.send("Page.enable")
    cdp.send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})
    page = visit.open(site_url + name)
    assert page.evaluate("parseFloat(getComputedStyle(document.querySelector('article')).fontSize)") >= 2 * 14
    assert page.evaluate("document.documentElement.scrollWidth") <= DESKTOP["width"]
    assert page.evaluate(_CLIPPED) == []


# --- Glossary tooltips ---------------------------------------------------------------------------

def _page_with_glossary_word(site: Path) -> str:
    for name in PAGES:
        html = (site / name).read_text(encoding="utf-8")
        if name != "glossary.html" and re.search(r"<article.*<p>((?!</p>).)*<abbr [^>]*title=", html, re.DOTALL):
            return name
    pytest.fail("no page uses a glossary word in a paragraph")


def _assert_tooltip_shows(page, definition: str) -> None:
    tooltip = page.locator(".md-tooltip2--active .md-tooltip2__inner").filter(has_text=definition)
    tooltip.first.wait_for(state="visible")
    box = tooltip.first.bounding_box()
    width = page.viewport_size["width"]
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, "tooltip is off screen"


def test_glossary_tooltip_opens_on_hover(visits, site_url, built_site):
    page = visits(viewport=DESKTOP).open(site_url + _page_with_glossary_word(built_site))
    term = page.locator("article p abbr[title]").first.element_handle()
    definition = term.get_attribute("title")
    assert page.locator(".md-tooltip2--active").count() == 0
    term.hover()
    _assert_tooltip_shows(page, definition)


def test_glossary_tooltip_opens_on_keyboard_focus(visits, site_url, built_site):
    page = visits(viewport=DESKTOP).open(site_url + _page_with_glossary_word(built_site))
    for _ in range(300):  # Tab through the page as a keyboard user does, until a glossary word
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('article abbr[title]')"):
            break
    else:
        pytest.fail("Tab never reaches a glossary word")
    _assert_tooltip_shows(page, page.evaluate("document.activeElement.title"))


def test_glossary_tooltip_opens_on_tap(visits, site_url, built_site):
    page = visits(viewport=PHONE, has_touch=True, is_mobile=True).open(site_url + _page_with_glossary_word(built_site))
    term = page.locator("article p abbr[title]").first.element_handle()
    definition = term.get_attribute("title")
    term.tap()
    _assert_tooltip_shows(page, definition)


# --- Valid HTML ----------------------------------------------------------------------------------

def test_html_is_valid(built_site):
    java = shutil.which("java")
    if not java or not VNU_JAR.exists():
        pytest.fail("the Nu HTML Checker needs Java and node_modules/vnu-jar: run `make test`, which installs both")
    # Every page by name, so a page the checker cannot read is an error too (non-document-error).
    command = [java, "-jar", str(VNU_JAR), "--format", "json", *(str(built_site / name) for name in PAGES)]
    result = subprocess.run(command, check=False, capture_output=True, text=True)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [m for m in messages if m["type"] in ("error", "non-document-error") or m.get("subType") == "fatal"]
    ours = [f"{Path(m.get('url', '?')).name}:{m.get('lastLine', '?')}: {m['message']}"
            for m in errors if m["message"] not in THEME_HTML_ERRORS]
    assert not ours, "HTML errors (not from the theme):\n" + "\n".join(ours)
