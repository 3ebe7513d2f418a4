"""Warning signs as one source of truth (issue 10): the data file, its rendering, the drift check,
and "act in one tap" on the phone, the website and the kiosk (Playwright on Debian's Chromium)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, copy_project, serve

from scripts import check, siteconfig
from scripts.checks import signs as signs_check
from scripts.sources import Source, split_front_matter
from scripts.transforms import signs

DOCS = ROOT / "docs"
CONFIG = siteconfig.load(ROOT / "mkdocs.yml")
CLINIC = siteconfig.clinic(CONFIG)
KIOSK_CONFIG = ROOT / "mkdocs-kiosk.yml"
KIOSK_CLINIC = siteconfig.clinic(siteconfig.load(KIOSK_CONFIG))
# The sign ids and tiers the evidence brief §8 and the team brief fix (the specification, typed once).
EXPECTED_TIERS = {
    "emergency": ["stroke", "tia", "heart-attack", "chest-pain", "cauda-equina-saddle", "cauda-equina-bladder",
                  "cauda-equina-sexual", "cauda-equina-both-legs", "bladder-bowel-loss", "limb-ischaemia",
                  "gbs-severe", "myelopathy-sudden", "stroke-after-manipulation", "fever-very-unwell"],
    "today": ["spreading-fast", "dvt", "weakness-worsening", "myelopathy-gradual", "back-pain-red-flags",
              "night-pain-severe", "diabetic-foot", "critical-limb", "statin-dark-urine", "tetanus-cramp"],
    "soon": ["not-improving", "keeps-coming-back", "spreading-slowly", "pain-disturbs-sleep", "diabetes-numbness",
             "long-cramps"],
}
BLOCK = re.compile(r"^\s*\{\{\s*signs\s*:", re.MULTILINE)


def pages_with_blocks() -> list[str]:
    return sorted(p.name for p in DOCS.glob("*.md") if BLOCK.search(p.read_text(encoding="utf-8")))


def source(text: str, rel: str = "page.md") -> Source:
    made = Source(Path(rel), rel, text)
    split_front_matter(made)
    return made


# ------------------------------------------------------------------ the data

def test_every_sign_of_the_brief_is_there_once_with_its_tier():
    loaded = signs.load(DOCS)
    assert {tier: [s.id for s in loaded if s.tier == tier] for tier in signs.TIERS} == EXPECTED_TIERS
    for sign in loaded:
        assert sign.text and sign.why and sign.topics and sign.sources and sign.watch, sign.id
        # Tier words and numbers come from the settings, never from the data.
        assert not re.search(r"\b(999|111|112|911)\b|call (an ambulance|nhs)|see (a|your) (doctor|gp) soon", sign.text.lower()), sign.id


def test_data_file_passes_its_own_checks():
    entries, problems = signs_check.read_entries(DOCS / signs.DATA_FILE)
    problems += signs_check.check_data(DOCS / signs.DATA_FILE, entries, CLINIC, signs_check.allowlist.load())
    assert problems == [] and len(entries) == 30


def test_review_fixes_are_in_the_data():
    text = {s.id: s.text.lower() for s in signs.load(DOCS)}
    assert "with or without a swollen leg" in text["chest-pain"]  # X2: not only "with a swollen leg"
    assert "left arm" in text["heart-attack"] and "chest" in text["heart-attack"]
    assert "face" in text["tia"] and "went away" in text["tia"]  # X3: came and went = TIA = emergency
    assert " or " in text["cauda-equina-saddle"] and "with" not in text["cauda-equina-saddle"]  # X5
    assert "clumsy hands or unsteady walking" in text["myelopathy-gradual"]  # X6
    assert "does not ease" in text["night-pain-severe"] and "eases" in text["pain-disturbs-sleep"]  # X8
    assert "24-hour line" in text["back-pain-red-flags"]


def test_sign_wording_is_plain_language():
    import textstat

    from scripts import readability

    readability.ensure_cmudict()
    text = " ".join(f"{readability._plain(s.text)} {s.why}" for s in signs.load(DOCS))
    sentences = re.split(r"(?<=[.!?])\s+", text)
    assert textstat.flesch_kincaid_grade(text) <= readability.MAX_GRADE
    assert max(len(sentence.split()) for sentence in sentences) <= 25


def test_the_data_file_is_read_once_per_process(monkeypatch):
    signs._cache.clear()
    calls = []
    real_load = yaml.load
    monkeypatch.setattr(signs.yaml, "load", lambda *a, **k: calls.append(1) or real_load(*a, **k))
    for _ in range(3):
        signs.expand("{{ signs: neck }}", CLINIC, DOCS)
    assert len(calls) == 1


# ------------------------------------------------------------------ rendering

def test_compact_cards_show_only_the_page_signs_most_urgent_first_with_a_link():
    out = signs.expand("# Cramps\n\n{{ signs: cramps }}\n", CLINIC, DOCS)
    cramps = [s for s in signs.load(DOCS) if "cramps" in s.topics]
    assert out.count("\n    - ") == len(cramps)
    for sign in signs.load(DOCS):
        # The open (most urgent) card lists each sign in a few words; folded cards in full.
        wording = sign.short if sign.tier == "emergency" else sign.text
        assert (wording in out) == (sign in cramps), sign.id
    # Emergency open; same-day and soon folded to their title and count (review X9, UX #6).
    assert out.index("!!! emergency") < out.index("??? urgent") < out.index("??? soon")
    assert "!!! urgent" not in out and "!!! soon" not in out
    assert "[All warning signs](urgent-help.md)" in out
    assert f"(tel:{CLINIC['emergency_number']})" in out and f"(tel:{CLINIC['urgent_number']})" in out


def test_a_sign_id_and_a_topic_can_be_mixed_and_all_shows_every_sign():
    out = signs.expand("{{ signs: tetanus-cramp, diabetes }}", CLINIC, DOCS)
    chosen = {s.id for s in signs.load(DOCS) if (s.short if s.tier == "today" else s.text) in out}
    assert chosen == {"tetanus-cramp", "diabetic-foot", "diabetes-numbness"}
    # The most urgent card present is open, the others folded.
    assert "!!! emergency" not in out and "!!! urgent" in out and "??? soon" in out
    every = signs.expand("{{ signs: all }}", CLINIC, DOCS)
    assert every.count("\n    - ") == 30 and "All warning signs" not in every
    assert all(s.text in every for s in signs.load(DOCS))  # the full cards give the whole wording


def test_a_tier_section_gives_each_sign_its_why():
    out = signs.expand("{{ signs: tier=today }}", CLINIC, DOCS)
    today = [s for s in signs.load(DOCS) if s.tier == "today"]
    assert out.count('class="signs-why"') == len(today)
    assert all(s.why in out for s in today) and "!!!" not in out


def test_actions_use_the_tier_words_from_the_settings():
    clinic = dict(CLINIC, emergency_number="112", urgent_advice="call your doctor's out-of-hours line")
    out = signs.expand("If it comes and goes, {{ act: tia }}. {{ act: dvt }}. Or {{ act: long-cramps }}.", clinic, DOCS)
    assert out == ("If it comes and goes, **call 112 now**. **Get help today: call your doctor's out-of-hours line**. "
                   "Or **see a doctor soon**.")


def test_kiosk_cards_show_the_number_large_with_the_reception_note_and_no_link():
    out = signs.expand("{{ signs: neck }}", KIOSK_CLINIC, DOCS, kiosk=True)
    assert "tel:" not in out
    assert f"**{KIOSK_CLINIC['emergency_number']}**{{ .signs-number }} {KIOSK_CLINIC['reception_note']}" in out


def test_code_blocks_are_left_alone():
    text = "```\n{{ signs: neck }}\n{{ act: tia }}\n```"
    assert signs.expand(text, CLINIC, DOCS) == text


# ------------------------------------------------------------------ the drift check

def entries():
    return signs_check.read_entries(DOCS / signs.DATA_FILE)[0]


@pytest.mark.parametrize("line, sign", [
    ("Face numbness that comes and goes: see your doctor soon.", "tia"),
    ("Numbness around your bottom needs a doctor today.", "cauda-equina-saddle"),
    ("If pain is very bad at night, see your doctor soon.", "night-pain-severe"),
    ("Cramps that last longer than 10 minutes: call {{ clinic.emergency_number }}.", "long-cramps"),
    ("| Both feet, spreading over hours or days | GBS | See your doctor soon |", "spreading-fast"),
    ("After neck manipulation, tell the therapist at your next session about double vision.", "stroke-after-manipulation"),
    ("Clumsy hands: {{ act: not-improving }}.", "myelopathy-gradual"),
])
def test_drift_is_found_per_sentence(line, sign):
    found = signs_check.check_drift(source(f"# Page\n\n{line}\n"), entries(), CLINIC)
    assert len(found) == 1 and f"'{sign}'" in found[0].message and found[0].line == 3, found


@pytest.mark.parametrize("line", [
    "If your face goes numb suddenly, even for a minute, {{ act: tia }}.",
    "Face numbness that comes and goes: see your doctor soon. <!-- signs: ok -->",
    "Numbness around your bottom is rare. See your doctor soon if your back still hurts in 6 weeks.",
    "Call as soon as you can if you have chest pain.",
    "Do not wait for a routine appointment if you have foot drop: get help today.",
    "Clumsy hands over weeks need a doctor today; new problems walking need an ambulance.",
])
def test_consistent_or_marked_sentences_pass(line):
    assert signs_check.check_drift(source(f"# Page\n\n{line}\n"), entries(), CLINIC) == []


def test_current_content_has_no_drift_and_every_token_exists():
    result = check.run(CONFIG)
    found = [str(p) for p in result.problems if "warning sign" in p.message or "{{ act" in p.message
             or "signs:" in p.message or signs.DATA_FILE in p.path]
    assert found == []


# ------------------------------------------------------------------ settings reach every page

def test_every_page_with_signs_follows_the_numbers_in_the_settings(tmp_path):
    from scripts.build import build

    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert 'emergency_number: "999"' in text and 'urgent_number: "111"' in text
    config.write_text(text.replace('emergency_number: "999"', 'emergency_number: "112"')
                      .replace('urgent_number: "111"', 'urgent_number: "116 117"'), encoding="utf-8")
    out = tmp_path / "site"
    assert build(config, out, steps=[]) == 0
    used = pages_with_blocks()
    assert {"index.md", "urgent-help.md"} <= set(used)
    for name in used:
        html = (out / name.replace(".md", ".html")).read_text(encoding="utf-8")
        article = html[html.index("<article"):html.index("</article>")]
        assert 'href="tel:112"' in article and "Call 112" in article, name
        assert "999" not in article and "tel:111" not in article, name
        if "tel:116117" in article:
            assert "Call 116 117" in article


# ------------------------------------------------------------------ act in one tap (browser)

@pytest.fixture(scope="module")
def signs_kiosk_url(tmp_path_factory):
    from scripts.build import build

    site = tmp_path_factory.mktemp("signs-kiosk") / "site-kiosk"
    assert build(KIOSK_CONFIG, site, steps=[]) == 0, "the kiosk site does not build"
    url, server = serve(site)
    yield url, site
    server.shutdown()


def _inside(box: dict, width: int, height: int) -> bool:
    return box is not None and box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= width \
        and box["y"] + box["height"] <= height


@pytest.mark.browser
def test_phone_home_shows_the_emergency_number_and_its_use_without_scrolling(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True)
    page = context.new_page()
    page.goto(site_url + "index.html")
    card = page.locator(".md-content .admonition.emergency").first
    call = card.locator('a.signs-call[href^="tel:"]')
    what = card.locator("p").nth(1)  # the sentence under the title: what the number is for
    assert call.get_attribute("href") == f"tel:{CLINIC['emergency_number']}"
    assert f"Call {CLINIC['emergency_number']} for {CLINIC['emergency_service']}" in what.inner_text()
    for part in (card.locator(".admonition-title"), what, call):
        assert _inside(part.bounding_box(), 360, 740), part
    assert call.bounding_box()["height"] >= 44  # a thumb-sized button
    # Nothing between the page title and the emergency card (the introduction comes after it).
    assert page.evaluate("document.querySelector('article h1').nextElementSibling.matches('.admonition.emergency')")
    assert page.evaluate("window.scrollY") == 0
    context.close()


def test_website_cards_have_tel_links_and_the_kiosk_has_none(built_site, signs_kiosk_url):
    _, kiosk_site = signs_kiosk_url
    for name in pages_with_blocks():
        web = (built_site / name.replace(".md", ".html")).read_text(encoding="utf-8")
        kiosk = (kiosk_site / name.replace(".md", ".html")).read_text(encoding="utf-8")
        assert f'href="tel:{CLINIC["emergency_number"]}"' in web, name
        assert 'href="tel:' not in kiosk, name
        assert f'<strong class="signs-number">{KIOSK_CLINIC["emergency_number"]}</strong> {KIOSK_CLINIC["reception_note"]}' in kiosk, name


@pytest.mark.browser
@pytest.mark.parametrize("width, height", [(1080, 1920), (1920, 1080)], ids=["portrait", "landscape"])
def test_kiosk_home_shows_the_emergency_strip_above_the_tiles(browser, signs_kiosk_url, width, height):
    url, _ = signs_kiosk_url
    context = browser.new_context(viewport={"width": width, "height": height}, has_touch=True)
    page = context.new_page()
    page.goto(url + "index.html")
    strip = page.locator(".kiosk-emergency .signs-strip")
    box = strip.bounding_box()
    assert _inside(box, width, height)
    assert box["y"] + box["height"] <= page.locator(".kiosk-tiles").bounding_box()["y"]  # above the tiles
    tiles = page.locator(".kiosk-tiles").bounding_box()
    assert box["width"] >= 0.98 * tiles["width"] and abs(box["x"] - tiles["x"]) <= 2  # as wide as the tiles
    text = strip.inner_text()
    assert KIOSK_CLINIC["emergency_number"] in text and KIOSK_CLINIC["reception_note"] in text
    number = strip.locator(".signs-strip__number")
    assert float(number.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 48
    assert strip.locator("a").count() == 0
    context.close()


@pytest.mark.browser
def test_kiosk_touch_to_start_screen_carries_the_same_line(browser, signs_kiosk_url):
    url, _ = signs_kiosk_url
    attract_ms = siteconfig.load(KIOSK_CONFIG)["extra"]["kiosk"]["attract_seconds"] * 1000
    context = browser.new_context(viewport={"width": 1080, "height": 1920}, has_touch=True)
    page = context.new_page()
    page.clock.install()
    page.goto(url + "index.html")
    page.clock.run_for(attract_ms + 1000)
    attract = page.locator("[data-kiosk-attract]")
    assert attract.is_visible()
    strip = attract.locator(".signs-strip")
    assert _inside(strip.bounding_box(), 1080, 1920)
    assert strip.inner_text() == page.locator(".kiosk-emergency .signs-strip").inner_text()
    context.close()
