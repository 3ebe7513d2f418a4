"""Calm, clear and actionable on a phone (issue 17; UX review 2026-12-03: M2, M3, M8, m2, m7, m8, m9, m13).

- The home page: what the guide is and a reassuring line first, one compact emergency card (each
  sign in its own words) with Call 999 and links to every sign and to the step-by-step check, then
  the topics within the first two screens of a 360x740 phone.
- Every page has the emergency number as a tap-to-call link on its first screen.
- No glossary tooltip inside a warning card (it covered the Call button), one per term per page.
- Glossary letters, body-map parts and labels are big enough to tap; labels are at least 16 px.
- Dark mode's same-day Call button stands out from its card; the 111-online link comes from the settings.
- Phones: the site name is not cut off in the header, section titles are bold, no "Back to top" pill.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from pathlib import Path

import pytest
from axe import describe, violations
from conftest import ROOT

from scripts import siteconfig
from scripts.model.signs import load
from scripts.transforms import signs

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
SCREEN = PHONE["viewport"]["height"]
CLINIC = siteconfig.clinic(siteconfig.load(ROOT / "mkdocs.yml"))
EMERGENCY_TEL = "tel:" + re.sub(r"[^\d+]", "", str(CLINIC["emergency_number"]))
PAGES = sorted([p.stem + ".html" for p in (ROOT / "docs").glob("*.md")] + ["404.html"])
MIN_TAP = 44  # px: a tap target for a finger that may be numb (WCAG 2.5.5, NHS.UK's 44 px)


@pytest.fixture
def phone(browser):
    contexts = []

    def open_page(url: str, scheme: str = "light"):
        contexts.append(browser.new_context(**PHONE, color_scheme=scheme))
        contexts[-1].set_default_timeout(15_000)
        page = contexts[-1].new_page()
        page.goto(url, wait_until="load")
        page.wait_for_function("typeof document$ !== 'undefined'")
        return page

    yield open_page
    for context in contexts:
        context.close()


def _article(site: Path, name: str) -> str:
    text = (site / name).read_text(encoding="utf-8")
    return text[text.index("<article"):text.index("</article>")]


def _plain(markdown_inline: str) -> str:
    for pattern, replacement in signs.MARKDOWN_INLINE:
        markdown_inline = pattern.sub(replacement, markdown_inline)
    return " ".join(markdown_inline.split())


# --- The home page (M3, item 2) -------------------------------------------------------------------

def test_home_page_is_calm_and_leads_to_the_topics(phone, site_url, capsys):
    page = phone(site_url + "index.html")
    found = page.evaluate("""() => {
      const article = document.querySelector('article');
      const blocks = [...article.children].filter(el => !el.matches('h1, .call-now, .edition-switch'));
      const cards = [...article.querySelectorAll('.admonition, details')].filter(el => /\\b(emergency|urgent|soon)\\b/.test(el.className));
      const card = cards[0];
      const topic = article.querySelector('.grid a[href]');
      const top = el => Math.round(el.getBoundingClientRect().top + scrollY);
      return {first: blocks[0].tagName + ' ' + blocks[0].textContent.trim(),
              cards: cards.map(c => c.className), signs: card ? [...card.querySelectorAll('li')].map(li => li.textContent.trim()) : [],
              call: card ? [...card.querySelectorAll('a[href^="tel:"]')].map(a => a.getAttribute('href')) : [],
              links: [...article.querySelectorAll('a[href]')].filter(a => top(a) < top(topic)).map(a => a.getAttribute('href')),
              topic: topic.textContent.trim(), topicTop: top(topic), topicBottom: top(topic) + topic.getBoundingClientRect().height};
    }""")
    with capsys.disabled():
        print(f"\nhome at 360x740: first topic '{found['topic']}' at y={found['topicTop']} "
              f"({found['topicTop'] / SCREEN:.2f} screens); {len(found['signs'])} signs in {len(found['cards'])} card")
    # What the guide is, and a reassuring line, before any warning.
    assert found["first"].startswith("P This guide is for"), found["first"][:80]
    assert "not dangerous" in found["first"] and "get better" in found["first"]
    # One compact emergency card with the call button, each sign in its own words (brief §8: one wording).
    assert len(found["cards"]) == 1 and "emergency" in found["cards"][0], found["cards"]
    assert EMERGENCY_TEL in found["call"]
    own_words = {_plain(signs.fill(s.text, CLINIC)) for s in load(ROOT / "docs") if s.tier == "emergency"}
    assert found["signs"] and all(" ".join(text.split()) in own_words for text in found["signs"]), found["signs"]
    assert len(found["signs"]) < len(own_words), "the home card should be compact, not every sign"
    # A way to every other sign and to the step-by-step check, before the topics.
    assert "urgent-help.html" in found["links"] and "what-to-do-now.html" in found["links"], found["links"]
    # The topics start within the first two screens.
    assert found["topicBottom"] <= 2 * SCREEN, f"first topic at y={found['topicTop']}"


def test_home_page_has_no_full_list_of_signs(built_site):
    article = _article(built_site, "index.html")
    assert len(re.findall(r'class="admonition (?:emergency|urgent|soon)"|<details class="(?:emergency|urgent|soon)"', article)) == 1


# --- The emergency number one tap away on every page (item 2) -------------------------------------

@pytest.mark.parametrize("name", PAGES)
def test_every_page_has_a_tap_to_call_emergency_link_on_its_first_screen(phone, site_url, name):
    page = phone(site_url + name)
    on_screen = page.evaluate("""(tel) => [...document.querySelectorAll(`a[href="${tel}"]`)].some(a => {
        const r = a.getBoundingClientRect(); return a.checkVisibility() && r.height > 0 && r.top >= 0 && r.bottom <= innerHeight; })""",
                              EMERGENCY_TEL)
    assert on_screen, f"{name}: no tap-to-call {EMERGENCY_TEL} link on the first screen"


def test_the_emergency_line_is_added_only_where_the_opening_has_no_call_button():
    import markdown

    def render(config: str, text: str) -> str:
        extension = {"scripts.transforms": {"config_file": str(ROOT / config)}}
        return markdown.Markdown(extensions=["admonition", "attr_list", *extension], extension_configs=extension).convert(text)

    plain = render("mkdocs.yml", "# Words\n\nA page without a warning card.\n")
    assert plain.startswith('<p class="call-now screen-only" data-search-exclude><a class="call-now__link" href="tel:999">')
    assert "call-now" not in render("mkdocs.yml", "# A topic\n\n{{ signs: stroke }}\n\n## First section\n")
    # A card after the first section or after a picture is too far down: the line is added.
    assert "call-now" in render("mkdocs.yml", "# A topic\n\n## First section\n\n{{ signs: stroke }}\n")
    assert "call-now" in render("mkdocs.yml", '# A topic\n\n<figure>x</figure>\n\n{{ signs: stroke }}\n')
    assert "call-now" not in render("mkdocs-kiosk.yml", "# Words\n\nA page without a warning card.\n")  # no phone there


# --- Tooltips (M2, m8) ----------------------------------------------------------------------------

def _cards(article: str) -> list[str]:
    """The HTML of each warning card (emergency, urgent, soon) in a page's article."""
    found = []
    for start in re.finditer(r'<(div|details) class="(?:admonition )?(?:emergency|urgent|soon)"', article):
        depth = 0
        for tag in re.finditer(r"<(/?)(div|details)\b", article[start.start():]):
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                found.append(article[start.start():start.start() + tag.end()])
                break
    return found


def test_no_glossary_tooltip_inside_a_warning_card(built_site):
    inside = {name: sum(card.count("<abbr") for card in _cards(_article(built_site, name))) for name in PAGES}
    assert sum(len(_cards(_article(built_site, name))) for name in PAGES) > 10, "no warning cards found"
    assert {name: n for name, n in inside.items() if n} == {}


def test_each_glossary_word_is_underlined_once_per_page(built_site):
    repeated = {}
    for name in PAGES:
        titles = Counter(html.unescape(t) for t in re.findall(r'<abbr[^>]*title="([^"]*)"', _article(built_site, name)))
        if any(n > 1 for n in titles.values()):
            repeated[name] = [t[:40] for t, n in titles.items() if n > 1]
    assert repeated == {}


# --- Tap targets and text on the phone (M8, m2) ---------------------------------------------------

def test_glossary_letters_are_big_enough_to_tap(phone, site_url):
    page = phone(site_url + "glossary.html")
    sizes = page.locator(".glossary-az a").evaluate_all("links => links.map(a => { const r = a.getBoundingClientRect();"
                                                        " return [a.textContent.trim(), r.width, r.height]; })")
    assert len(sizes) >= 10
    assert [s for s in sizes if s[1] < MIN_TAP or s[2] < MIN_TAP] == []


def test_body_map_parts_and_labels_are_big_enough(phone, site_url):
    page = phone(site_url + "where-is-it-numb.html")
    parts = page.evaluate("""() => [...document.querySelectorAll('.bodymap-picker a')].map(a => {
      const text = a.querySelector('text'), label = text.getBoundingClientRect();
      const boxes = [...a.querySelectorAll('.area, .pad')].map(s => s.getBoundingClientRect());
      const behind = boxes.filter(b => b.left <= label.left && b.right >= label.right && b.top <= label.top && b.bottom >= label.bottom);
      const body = boxes.filter(b => b.right < label.left);
      return {name: a.getAttribute('aria-label'), labelPx: parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a,
              labelTarget: Math.max(0, ...behind.map(b => b.height)),
              body: body.map(b => [Math.round(b.width), Math.round(b.height)])};
    })""")
    assert len(parts) >= 6
    for part in parts:
        assert part["labelPx"] >= 16, part
        assert part["labelTarget"] >= MIN_TAP, part
        # The largest shape of the body part: long thin limbs are tall, small parts have padding.
        widest = max(part["body"], key=lambda b: b[0] * b[1])
        assert min(widest) >= 24 and max(widest) >= MIN_TAP, part
    # The Call button comes before the picture.
    assert page.evaluate("""(tel) => document.querySelector(`a[href="${tel}"]`).getBoundingClientRect().bottom
                            <= document.querySelector('.bodymap-picker').getBoundingClientRect().top""", EMERGENCY_TEL)


# --- Dark mode, 111 online (m7, item 5) -----------------------------------------------------------

def _luminance(rgb: str) -> float:
    channels = [int(c) / 255 for c in re.findall(r"\d+", rgb)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    light, dark = sorted([_luminance(a), _luminance(b)], reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_call_buttons_stand_out_from_their_card(phone, site_url, scheme):
    page = phone(site_url + "urgent-help.html", scheme)
    pairs = page.evaluate("""() => [...document.querySelectorAll('.admonition a.signs-call')].map(a => {
      let card = a.closest('.admonition'), bg = getComputedStyle(card).backgroundColor;
      for (let el = card; bg === 'rgba(0, 0, 0, 0)' && el; el = el.parentElement) bg = getComputedStyle(el).backgroundColor;
      if (bg === 'rgba(0, 0, 0, 0)') bg = getComputedStyle(document.body).backgroundColor;
      return [card.className, getComputedStyle(a).backgroundColor, bg]; })""")
    assert len(pairs) >= 2
    weak = [(card, button, bg, round(_contrast(button, bg), 2)) for card, button, bg in pairs if _contrast(button, bg) < 3]
    assert weak == [], f"{scheme}: Call buttons under 3:1 against their card (WCAG 1.4.11)"


def test_same_day_card_offers_the_online_service_from_the_settings(built_site):
    online = [card for card in _cards(_article(built_site, "urgent-help.html")) if "urgent" in card.split(">")[0]]
    assert online and all(f'href="{CLINIC["urgent_online"]}"' in card and CLINIC["urgent_online_label"] in card for card in online)
    # Another country sets its own service; without one there is no link; never on the kiosk.
    other = dict(CLINIC, urgent_online="https://www.healthdirect.gov.au/", urgent_online_label="healthdirect online")
    assert "[Or use healthdirect online](https://www.healthdirect.gov.au/)" in signs.call_line("today", other, kiosk=False)
    assert "Or use" not in signs.call_line("today", dict(CLINIC, urgent_online=""), kiosk=False)
    assert "Or use" not in signs.call_line("today", other, kiosk=True)
    assert "Or use" not in signs.call_line("emergency", other, kiosk=False)


# --- The phone header, headings, back-to-top (m9, m13) --------------------------------------------

def test_phone_header_title_is_whole_and_headings_are_bold(phone, site_url):
    page = phone(site_url + "neck.html")
    title = page.evaluate("""() => { const el = document.querySelector('.md-header__topic .md-ellipsis');
      return [el.scrollWidth - el.clientWidth, el.scrollHeight - el.clientHeight, parseFloat(getComputedStyle(el).fontSize)]; }""")
    assert title[0] <= 1 and title[1] <= 1, f"the site name is cut off in the header: {title}"
    assert title[2] >= 16
    weights = page.locator("article h2").evaluate_all("hs => hs.map(h => +getComputedStyle(h).fontWeight)")
    assert weights and min(weights) >= 600


def test_no_back_to_top_pill_on_phones(phone, site_url):
    page = phone(site_url + "symptoms.html")
    page.mouse.wheel(0, 3000)
    page.wait_for_function("scrollY > 2000")
    page.mouse.wheel(0, -600)  # scrolling up is when Material shows it
    page.wait_for_function("scrollY < 2600")
    assert page.locator(".md-top").evaluate("el => getComputedStyle(el).display") == "none"


# --- Accessibility of the two pages this issue rebuilt, on the phone ------------------------------

@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", ["index.html", "where-is-it-numb.html"])
def test_axe_on_the_phone(phone, site_url, name, scheme):
    page = phone(site_url + name, scheme)
    found = violations(page)
    assert not found, f"{name} ({scheme}, 360 px):\n{describe(found)}"
