"""Every route to a warning sign ends at its action (issue 17, item 1; UX review 2026-12-03, B1).

On a 360x740 phone, each route a patient can take to an emergency or same-day sign is followed in
Chromium, and after landing the action must be on the screen, below the sticky header:
- for an emergency sign, a tap-to-call link to the emergency number (the card's Call button, or the
  action "Call 999 now" in the text, which the website makes a tap-to-call link);
- for a same-day sign, the same-day action (its words from the settings, or a tap-to-call link to
  the same-day number).

The routes, found in the built site (so a new link is followed without editing this file):
- every link to "When to get help urgently" (urgent-help.html, with or without #section), from any page;
- every part of the "Where is it numb?" picture, tapped;
- every glossary entry whose meaning holds a sign's action, scrolled to as a reader would read it;
- the search results for red-flag words that lead to "When to get help urgently".
Which action a landing needs is read from what it leads to: the section under the heading (to the
next heading of the same level), the list line of the picture, the glossary entry.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from scripts import siteconfig
from scripts.transforms.signs import action

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
URGENT_PAGE = "urgent-help.html"
RED_FLAG_WORDS = ["bum", "bottom", "saddle", "pee", "bladder", "chest"]  # the list (item 3)
CLINIC = siteconfig.clinic(siteconfig.load(ROOT / "mkdocs.yml"))
EMERGENCY_TEL = "tel:" + re.sub(r"[^\d+]", "", str(CLINIC["emergency_number"]))
URGENT_TEL = "tel:" + re.sub(r"[^\d+]", "", str(CLINIC["urgent_number"]))
EMERGENCY_WORDS = action("emergency", CLINIC).lower()  # "call 999 now"
TODAY_WORDS = action("today", CLINIC).lower()  # "get help today: call NHS 111 or your GP surgery"

# In the page: what a region (a section, list line or glossary entry) asks for, and whether that action is
# on screen. A region is the element with the id and, for a heading, what follows it up to the next heading
# of the same or a higher level; for a glossary term (dt), its meaning (dd).
_JS = """
({id, selector, emergencyTel, urgentTel, emergencyWords, todayWords}) => {
  const target = selector ? document.querySelector(selector) : document.getElementById(id);
  if (!target) return {error: 'no element ' + (selector || '#' + id)};
  const region = [target];
  const level = /^H([1-6])$/.exec(target.tagName);
  if (level) {
    for (let el = target.nextElementSibling; el; el = el.nextElementSibling) {
      const next = /^H([1-6])$/.exec(el.tagName);
      if (next && +next[1] <= +level[1]) break;
      region.push(el);
    }
  } else if (target.tagName === 'DT') {
    region.push(target.nextElementSibling);
  } else if (target.closest('li')) {
    region[0] = target.closest('li');
  }
  const within = sel => region.flatMap(el => [...(el.matches(sel) ? [el] : []), ...el.querySelectorAll(sel)]);
  const calls = within(`a[href="${emergencyTel}"]`);
  const today = within(`a[href="${urgentTel}"], strong, p, li`).filter(el => el.tagName === 'A' || el.textContent.toLowerCase().includes(todayWords));
  // An emergency sign's action said in words but not as a tap-to-call link still asks for the link.
  const says = words => region.some(el => el.textContent.toLowerCase().includes(words));
  const tier = calls.length || says(emergencyWords) ? 'emergency' : today.length ? 'today' : null;
  const top = document.querySelector('.md-header').getBoundingClientRect().bottom;
  const onScreen = el => { const r = el.getBoundingClientRect();
    return el.checkVisibility() && r.height > 0 && r.top >= top - 1 && r.bottom <= innerHeight + 1; };
  // For same-day words in a long element: the words' own line must be on screen, not the whole element.
  const wordsOnScreen = el => { if (el.tagName === 'A') return onScreen(el);
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node; (node = walker.nextNode());) {
      const at = node.textContent.toLowerCase().indexOf(todayWords.split(':')[0]);
      if (at < 0) continue;
      range.setStart(node, at); range.setEnd(node, at + todayWords.split(':')[0].length);
      const r = range.getBoundingClientRect();
      if (r.height > 0 && r.top >= top - 1 && r.bottom <= innerHeight + 1) return true;
    }
    return false; };
  const shown = tier === 'emergency' ? calls.some(onScreen) : tier === 'today' ? today.some(wordsOnScreen) : true;
  const r = target.getBoundingClientRect();
  return {tier, shown, targetTop: Math.round(r.top), headerBottom: Math.round(top), scrollY: Math.round(scrollY),
          text: target.textContent.trim().slice(0, 60)};
}
"""

# Landed: the target's top sits just under the header, or the page cannot scroll any further.
_LANDED = """({id, selector}) => {
  const target = selector ? document.querySelector(selector) : document.getElementById(id);
  if (!target) return false;
  const top = document.querySelector('.md-header').getBoundingClientRect().bottom;
  const r = target.getBoundingClientRect();
  const atBottom = Math.ceil(scrollY + innerHeight) >= document.documentElement.scrollHeight - 2;
  return (r.top >= top - 2 && r.top <= top + 120) || (atBottom && r.top >= top - 2 && r.top < innerHeight);
}"""


class _Links(HTMLParser):
    """Every href inside a built page's <article>."""

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "article" or self.depth:
            self.depth += tag not in ("br", "img", "hr", "input", "meta", "link", "source", "wbr")
            href = dict(attrs).get("href")
            if tag == "a" and href:
                self.hrefs.append(href)

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1


def routes_to_urgent_help(site: Path) -> dict[str, list[str]]:
    """Each distinct link to urgent-help.html (with its #section, if any) -> the pages it is on, once per link."""
    found: dict[str, list[str]] = {}
    for page in sorted(site.glob("*.html")):
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for href in parser.hrefs:
            if page.name == URGENT_PAGE and href.startswith("#"):
                href = URGENT_PAGE + href
            if href.split("#")[0] == URGENT_PAGE:
                found.setdefault(href, []).append(page.name)
    return found


def _context(browser):
    context = browser.new_context(**PHONE)
    context.set_default_timeout(15_000)
    return context


def _open(page, url: str) -> None:
    """A fresh load, as from a link on another page: a link to another #section of the page already
    open would only scroll within it."""
    page.goto("about:blank")
    page.goto(url, wait_until="load")
    page.wait_for_function("typeof document$ !== 'undefined'")


def _check(page, where: str, target: dict) -> tuple[str | None, str | None]:
    """(tier the landing asks for, a failure or None) once the page has landed on the target."""
    try:
        page.wait_for_function(_LANDED, arg=target)
    except PlaywrightTimeout:
        where_now = page.evaluate("[location.href, scrollY]")
        return None, f"{where}: never landed on {target['selector'] or '#' + target['id']} (now at {where_now})"
    found = page.evaluate(_JS, {**target, "emergencyTel": EMERGENCY_TEL, "urgentTel": URGENT_TEL,
                                       "emergencyWords": EMERGENCY_WORDS, "todayWords": TODAY_WORDS})
    if "error" in found:
        return None, f"{where}: {found['error']}"
    if not found["shown"]:
        return found["tier"], (f"{where}: lands on '{found['text']}' (top {found['targetTop']} px), but the {found['tier']} "
                               f"action is not on the screen")
    return found["tier"], None


def _report(kind: str, tiers: list[str | None], failures: list[str], capsys) -> None:
    counted = {tier: tiers.count(tier) for tier in ("emergency", "today", None)}
    with capsys.disabled():
        print(f"\n{kind}: {len(tiers)} routes followed ({counted['emergency']} to an emergency action, "
              f"{counted['today']} to a same-day action, {counted[None]} to neither)")
    assert not failures, "\n".join(failures)


def test_every_link_to_the_warning_signs_lands_on_the_action(browser, site_url, built_site, capsys):
    routes = routes_to_urgent_help(built_site)
    assert len(routes) >= 5, f"too few links to {URGENT_PAGE} found: {routes}"
    context = _context(browser)
    page = context.new_page()
    tiers, failures = [], []
    try:
        # A link lands the same from any page: each distinct address is followed once.
        for href, sources in sorted(routes.items()):
            source = ", ".join(sorted(set(sources)))
            _open(page, site_url + href)
            anchor = href.partition("#")[2]
            # Without a #section the reader lands on the top of the page: its whole first screen counts.
            target = {"id": anchor, "selector": None} if anchor else {"id": None, "selector": "article"}
            tier, failure = _check(page, f"{href} (linked from {source})", target)
            tiers.append(tier)
            failures += [failure] if failure else []
            if anchor and tier is None:
                failures.append(f"{href} (linked from {source}): the section has no emergency or same-day action at all")
    finally:
        context.close()
    links = sum(len(sources) for sources in routes.values())
    pages = len({source for sources in routes.values() for source in sources})
    _report(f"links to the warning signs ({links} links on {pages} pages)", tiers, failures, capsys)


def test_every_part_of_the_body_map_lands_on_its_line_and_action(browser, site_url, capsys):
    context = _context(browser)
    page = context.new_page()
    tiers, failures = [], []
    try:
        _open(page, site_url + "where-is-it-numb.html")
        parts = page.locator(".bodymap-picker a").evaluate_all(
            "links => links.map(a => [a.getAttribute('aria-label'), a.getAttribute('href')])")
        assert len(parts) >= 6, parts
        for label, href in parts:
            assert href.startswith("#"), f"{label}: the part links to {href}, not to its line in the list below"
            _open(page, site_url + "where-is-it-numb.html")
            page.locator(".bodymap-picker").evaluate("el => el.scrollIntoView({block: 'center'})")
            page.locator(f".bodymap-picker a[href='{href}'] .area").last.tap()
            tier, failure = _check(page, f"body map '{label}'", {"id": href[1:], "selector": None})
            tiers.append(tier)
            failures += [failure] if failure else []
        # The red area is an emergency sign: it must lead to the emergency action.
        urgent = page.locator(".bodymap-picker a:has(.area.urgent)").get_attribute("href")
        _open(page, site_url + "where-is-it-numb.html" + urgent)
        assert _check(page, "the red area's line", {"id": urgent[1:], "selector": None})[0] == "emergency"
    finally:
        context.close()
    _report("body-map parts", tiers, failures, capsys)


def test_every_glossary_entry_with_a_sign_shows_its_action(browser, site_url, capsys):
    context = _context(browser)
    page = context.new_page()
    tiers, failures = [], []
    try:
        _open(page, site_url + "glossary.html")
        count = page.locator("article dt").count()
        for index in range(count):
            term = page.locator("article dt").nth(index)
            meaning = term.evaluate("dt => dt.nextElementSibling.textContent.toLowerCase()")
            if EMERGENCY_WORDS not in meaning and TODAY_WORDS not in meaning:
                continue  # an entry without a sign's action
            # As a reader finds it: the term at the top of the screen, under the header.
            term.evaluate("(dt, i) => { dt.setAttribute('data-route-term', i);"
                          " const header = document.querySelector('.md-header').getBoundingClientRect().bottom;"
                          " scrollTo(0, scrollY + dt.getBoundingClientRect().top - header - 8); }", index)
            tier, failure = _check(page, f"glossary '{term.inner_text().strip()}'",
                                   {"id": None, "selector": f"article dt[data-route-term='{index}']"})
            tiers.append(tier)
            failures += [failure] if failure else []
    finally:
        context.close()
    assert tiers, "no glossary entry holds a sign's action: has the glossary changed?"
    _report("glossary entries", tiers, failures, capsys)


def test_search_for_red_flag_words_leads_to_the_action(browser, site_url, capsys):
    context = _context(browser)
    page = context.new_page()
    tiers, failures = [], []
    try:
        for word in RED_FLAG_WORDS:
            _open(page, site_url + "index.html")
            page.locator("label[for=__search]").first.tap()
            box = page.locator("input.md-search__input")
            box.wait_for(state="visible")
            box.fill(word)
            results = page.locator(f".md-search-result__item a[href*='{URGENT_PAGE}']")
            try:
                results.first.wait_for(state="attached")
            except PlaywrightTimeout:
                failures.append(f"search '{word}': no result leads to {URGENT_PAGE}")
                continue
            href = results.first.get_attribute("href")
            _open(page, href if href.startswith("http") else site_url + href)
            anchor = href.partition("#")[2]
            target = {"id": anchor, "selector": None} if anchor else {"id": None, "selector": "article"}
            tier, failure = _check(page, f"search '{word}' -> {href.rsplit('/', 1)[-1]}", target)
            tiers.append(tier)
            failures += [failure] if failure else []
            if tier is None:
                failures.append(f"search '{word}' -> {href}: lands where there is no emergency or same-day action")
    finally:
        context.close()
    _report("red-flag searches", tiers, failures, capsys)
