"""Warning signs as one source of truth (issue 10, issue 15): the data file, its rendering (every card
shows each sign's own words; `{{ sign: ID }}` inserts a sign in page text), the drift check, and
"act in one tap" on the phone, the website and the kiosk (Playwright on Debian's Chromium)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, copy_project, serve

from scripts import check, siteconfig
from scripts.checks import signs as signs_check
from scripts.model import signs as model
from scripts.model.tiers import with_words
from scripts.sources import Source, split_front_matter
from scripts.transforms import signs

DOCS = ROOT / "docs"
CONFIG = siteconfig.load(ROOT / "mkdocs.yml")
CLINIC = siteconfig.clinic(CONFIG)
KIOSK_CONFIG = ROOT / "mkdocs-kiosk.yml"
KIOSK_CLINIC = siteconfig.clinic(siteconfig.load(KIOSK_CONFIG))
# The sign ids and tiers of the evidence brief §8 (revised 2026-12-03): the specification, typed once;
# plus three the lead added from the clinical review: quinine-side-effects (m13, "at once: call 111"),
# chest-pain-with-effort (C1: exertional arm pain, angina, had no tier) and calf-pain-walking (3a: calf
# pain on walking is not a cramp; GP).
EXPECTED_TIERS = {
    "emergency": ["stroke", "tia", "heart-attack", "lung-clot", "cauda-equina-saddle", "cauda-equina-bladder",
                  "bladder-bowel-loss", "cauda-equina-sexual", "cauda-equina-both-legs", "limb-ischaemia", "gbs-severe",
                  "myelopathy-sudden", "cancer-spine", "spine-infection", "meningitis-sepsis", "spinal-injury",
                  "after-neck-treatment", "tetanus", "low-calcium", "diabetic-foot-emergency", "hypo"],
    "today": ["pre-eclampsia", "spreading-fast", "dvt", "weakness-worsening", "myelopathy-gradual", "back-pain-red-flags",
              "night-pain-severe", "diabetic-foot", "critical-limb", "statin-muscle", "cramp-over-10-minutes", "dirty-wound",
              "low-potassium", "after-thyroid-surgery", "shingles", "nitrous-oxide", "one-eye-sight", "child",
              "quinine-side-effects", "chest-pain-with-effort"],
    "soon": ["trapped-nerve-not-better", "new-numbness-unexplained", "keeps-coming-back", "spreading-slowly",
             "myelopathy-months", "pain-disturbs-sleep", "diabetes-numbness", "cramps-sleep", "walking-legs",
             "calf-pain-walking"],
}
BLOCK = re.compile(r"^\s*\{\{\s*signs\s*:", re.MULTILINE)
CARD_ITEM = "\n    - "  # one sign in a card


def pages_with_blocks() -> list[str]:
    return sorted(p.name for p in DOCS.glob("*.md") if BLOCK.search(p.read_text(encoding="utf-8")))


def source(text: str, rel: str = "page.md") -> Source:
    made = Source(Path(rel), rel, text)
    split_front_matter(made)
    return made


def by_id() -> dict[str, signs.Sign]:
    return {s.id: s for s in signs.load(DOCS)}


def item(sign: signs.Sign, clinic: dict = CLINIC) -> str:
    """A sign as a card lists it: its own text (and its own action, if it has one), settings filled in."""
    return f"{CARD_ITEM}{signs._card_item(sign, clinic)}\n"


# ------------------------------------------------------------------ the data

def test_every_sign_of_the_brief_is_there_once_with_its_tier():
    loaded = signs.load(DOCS)
    assert {tier: sorted(s.id for s in loaded if s.tier == tier) for tier in signs.TIERS} == \
        {tier: sorted(ids) for tier, ids in EXPECTED_TIERS.items()}
    assert len(loaded) == len({s.id for s in loaded}) == sum(map(len, EXPECTED_TIERS.values()))
    for sign in loaded:
        assert sign.text and sign.why and sign.topics and sign.sources and sign.watch, sign.id
        # Tier words and numbers come from the settings, never from the data.
        assert not re.search(r"\b(999|111|112|911)\b|call (an ambulance|nhs)|see (a|your) (doctor|gp) soon", sign.text.lower()), sign.id


def test_data_file_passes_its_own_checks():
    found = model.read(DOCS / signs.DATA_FILE)
    entries, problems = found.entries, found.problems + signs_check.check_sources(DOCS / signs.DATA_FILE, found.entries,
                                                                                   signs_check.allowlist.load())
    assert problems == [] and len(entries) == sum(map(len, EXPECTED_TIERS.values()))
    assert not any("short" in entry.values for entry in entries)  # no labels that could narrow a sign


def test_review_fixes_are_in_the_data():
    """The clinical review of 2026-12-03, as brief §8 words it."""
    text = {sign_id: sign.text.lower() for sign_id, sign in by_id().items()}
    # C1: either arm, jaw, neck, back or tummy with sweating etc., even without chest pain.
    assert "either" in text["heart-attack"] and "jaw" in text["heart-attack"] and "even without chest pain" in text["heart-attack"]
    # C2: cold, pale OR blue, and painful, numb OR weak.
    assert "cold, pale or blue" in text["limb-ischaemia"] and "painful, numb" in text["limb-ischaemia"] and "or** weak" in text["limb-ischaemia"]
    # M1: sudden loss of sight, confusion and loss of balance are stroke signs.
    assert all(words in text["stroke"] for words in ("lose your sight", "confused", "balance"))
    # M7: DVT is pain OR swelling; M13: repeated one-sided episodes are stroke signs, not "keeps coming back".
    assert "or swelling" in text["dvt"] and "keep coming back" in text["tia"] and "stroke signs" in text["keeps-coming-back"]
    # M8, M9, M10, m19: tetanus symptoms 999; stop the statin; cramps over 10 minutes same day; new weakness.
    assert by_id()["tetanus"].tier == "emergency" and "stop taking the statin" in text["statin-muscle"]
    assert by_id()["cramp-over-10-minutes"].tier == "today" and text["weakness-worsening"].startswith("**new weakness")
    # m5, m6: the cancer qualifiers and the 24-hour line are in the text; neck treatment has its time window.
    assert "24-hour line" in text["cancer-spine"] and "hours or days after neck treatment" in text["after-neck-treatment"]


def test_sign_wording_is_plain_language():
    import textstat

    from scripts import readability

    readability.ensure_cmudict()
    actions = {s.id: readability._plain(signs.as_sentence(s.action)) if s.action else "" for s in signs.load(DOCS)}
    text = " ".join(f"{readability._plain(s.text)} {actions[s.id]} {s.why}" for s in signs.load(DOCS))
    sentences = re.split(r"(?<=[.!?])\s+", text)
    assert textstat.flesch_kincaid_grade(text) <= readability.MAX_GRADE
    assert max(len(sentence.split()) for sentence in sentences) <= 25


def test_the_data_file_is_read_once_per_process(monkeypatch):
    model._cache.clear()
    calls = []
    real_compose = yaml.compose
    monkeypatch.setattr(model.datafile.yaml, "compose", lambda *a, **k: calls.append(1) or real_compose(*a, **k))
    for _ in range(3):
        signs.expand("{{ signs: neck }}", CLINIC, DOCS)
    assert len(calls) == 1


def test_a_short_label_is_refused_and_criteria_are_accepted(tmp_path):
    data = tmp_path / "warning-signs.yml"
    data.write_text('- id: stroke\n  tier: emergency\n  text: "Stroke."\n  short: "Face"\n  why: "Why."\n'
                    "  topics: [general]\n  sources: [https://www.nhs.uk/conditions/stroke/]\n  watch: [stroke]\n"
                    "  criteria: {parts: [face]}\n", encoding="utf-8")
    problems = model.read(data).problems
    assert [(p.line, p.message) for p in problems][:1] == [(4, "the sign 'stroke' has an unknown key 'short'")]
    assert "cards show the sign's own 'text'" in problems[0].fix


# ------------------------------------------------------------------ rendering

def test_every_card_shows_each_sign_in_its_own_words_most_urgent_first_with_a_link():
    out = signs.expand("# Cramps\n\n{{ signs: cramps }}\n", CLINIC, DOCS)
    cramps = [s for s in signs.load(DOCS) if "cramps" in s.topics]
    assert {s.tier for s in cramps} == set(signs.TIERS)  # the case below needs a card of each tier
    assert out.count(CARD_ITEM) == len(cramps)
    for sign in signs.load(DOCS):
        assert (item(sign) in out + "\n") == (sign in cramps), sign.id
    # Emergency and same-day open; only "soon" folded to its title and count.
    assert out.index("!!! emergency") < out.index("!!! urgent") < out.index("??? soon")
    soon = sum(s.tier == "soon" for s in cramps)
    assert f'??? soon "See a GP soon (within about 2 weeks): {soon} sign{"s" if soon > 1 else ""}"' in out
    assert "??? urgent" not in out and "!!! soon" not in out
    assert "[All warning signs](urgent-help.md)" in out
    assert f"(tel:{CLINIC['emergency_number']})" in out and f"(tel:{CLINIC['urgent_number']})" in out


def test_the_same_day_card_stays_open_on_the_neck_page():
    """Review m8: folding the same-day card hid the same-day spinal cord sign."""
    out = signs.expand("{{ signs: neck }}", CLINIC, DOCS)
    today_card = re.search(r"^!!! urgent .*\n(?:(?:    .*)?\n)*", out, re.MULTILINE).group(0)  # the card: its indented lines
    assert item(by_id()["myelopathy-gradual"]) in today_card


def test_a_page_whose_only_card_is_soon_shows_it_open():
    out = signs.expand("{{ signs: walking-legs }}", CLINIC, DOCS)
    assert '!!! soon "See a GP soon (within about 2 weeks)"' in out and "???" not in out


def test_a_sign_id_and_a_topic_can_be_mixed_and_all_shows_every_sign():
    out = signs.expand("{{ signs: tetanus, diabetes }}", CLINIC, DOCS)
    chosen = {s.id for s in signs.load(DOCS) if item(s) in out + "\n"}
    assert chosen == {"tetanus"} | {s.id for s in signs.load(DOCS) if "diabetes" in s.topics}
    every = signs.expand("{{ signs: all }}", CLINIC, DOCS)
    assert every.count(CARD_ITEM) == len(signs.load(DOCS)) and "All warning signs" not in every and "???" not in every
    assert all(item(s) in every + "\n" for s in signs.load(DOCS))


def test_a_tier_section_gives_each_sign_its_why():
    out = signs.expand("{{ signs: tier=today }}", CLINIC, DOCS)
    today = [s for s in signs.load(DOCS) if s.tier == "today"]
    assert out.count('class="signs-why"') == len(today)
    assert all(s.why in out for s in today) and "!!!" not in out


def test_actions_use_the_tier_words_from_the_settings():
    clinic = dict(CLINIC, emergency_number="112", urgent_advice="call your doctor's out-of-hours line")
    text = "If it comes and goes, {{ act: tia }}. {{ act: dvt }}. Or {{ act: walking-legs }}."
    out = signs.expand(text, clinic, DOCS)
    # On the website an emergency action is also a tap-to-call link; the kiosk has no links.
    assert out == ("If it comes and goes, [**call 112 now**](tel:112){ .signs-act }. "
                   "**Get help today: call your doctor's out-of-hours line**. Or **see a GP soon**.")
    assert signs.expand(text, clinic, DOCS, kiosk=True) == (
        "If it comes and goes, **call 112 now**. **Get help today: call your doctor's out-of-hours line**. Or **see a GP soon**.")


@pytest.mark.parametrize("sign_id, action, on_the_website", [
    ("stroke", "**Call 112 now.**", "[**Call 112 now.**](tel:112){ .signs-act }"),
    ("dvt", "**Get help today: call the out-of-hours line.**", "**Get help today: call the out-of-hours line.**"),
    ("walking-legs", "**See a GP soon.**", "**See a GP soon.**"),
])
def test_a_sign_in_page_text_is_its_own_words_and_its_action(sign_id, action, on_the_website):
    clinic = dict(CLINIC, emergency_number="112", urgent_advice="call the out-of-hours line")
    words = signs.fill(by_id()[sign_id].text, clinic)
    assert signs.expand(f"Watch for this. {{{{ sign: {sign_id} }}}}", clinic, DOCS) == f"Watch for this. {words} {on_the_website}"
    # The kiosk shows the same words (its own settings give the number), without a link.
    assert signs.expand(f"{{{{ sign: {sign_id} }}}}", clinic, DOCS, kiosk=True) == f"{words} {action}"


def test_a_sign_in_a_glossary_tooltip_is_plain_words():
    stroke = by_id()["stroke"]
    words = signs.plain_text("A stroke. {{ sign: stroke }}", CLINIC, DOCS)
    assert words == "A stroke. " + signs.fill(stroke.text, CLINIC).replace("**", "") + f" Call {CLINIC['emergency_number']} now."
    with pytest.raises(signs.SignsError, match="'{{ sign: strok }}' names no sign"):
        signs.plain_text("{{ sign: strok }}", CLINIC, DOCS)


def test_tier_words_come_from_the_settings():
    """extra.words (one table per edition): cards, actions, inserted signs and the drift check's fixes."""
    settings = with_words(CLINIC, {"soon_title": "Book a GP visit", "soon_action": "book a GP visit"})
    assert '!!! soon "Book a GP visit"' in signs.expand("{{ signs: walking-legs }}", settings, DOCS)
    assert signs.expand("{{ act: walking-legs }}", settings, DOCS) == "**Book a GP visit**"
    assert signs.expand("{{ sign: walking-legs }}", settings, DOCS).endswith(" **Book a GP visit.**")
    assert "'book a GP visit' (soon)" in signs_check.prepare(entries(), settings).tier_words
    assert '!!! soon "See a GP soon (within about 2 weeks)"' in signs.expand("{{ signs: walking-legs }}", CLINIC, DOCS)


def test_kiosk_cards_show_the_number_large_with_the_reception_note_and_no_link():
    out = signs.expand("{{ signs: neck }}", KIOSK_CLINIC, DOCS, kiosk=True)
    assert "tel:" not in out
    for setting in ("emergency_number", "urgent_number"):  # both open cards
        assert f"**{KIOSK_CLINIC[setting]}**{{ .signs-number }} {KIOSK_CLINIC['reception_note']}" in out, setting


def test_code_blocks_are_left_alone():
    text = "```\n{{ signs: neck }}\n{{ act: tia }}\n{{ sign: tia }}\n```"
    assert signs.expand(text, CLINIC, DOCS) == text


# ------------------------------------------------------------------ the drift check

def entries():
    return model.load(DOCS)


def drift(line: str) -> list:
    return signs_check.check_drift(source(f"# Page\n\n{line}\n"), entries(), CLINIC)


@pytest.mark.parametrize("line, sign", [
    ("Face numbness that comes and goes: see your doctor soon.", "tia"),  # a paraphrase with a lower urgency
    ("Numbness around your bottom needs a doctor today.", "cauda-equina-saddle"),
    ("If an arm or leg suddenly turns cold, pale and painful, call {{ clinic.emergency_number }}.", "limb-ischaemia"),  # C2
    ("But weakness that gets worse over days needs a doctor today.", "weakness-worsening"),  # 3a
    ("Spinal stenosis is not usually an emergency.", "walking-legs"),  # M5: an urgency said the other way round
    ("| A cramp that lasts longer than 10 minutes | See your GP |", "cramp-over-10-minutes"),  # a table row
    ("If you take a statin and get muscle aches, talk to your doctor.", "statin-muscle"),  # M9
    ("Clumsy hands: {{ act: trapped-nerve-not-better }}.", "myelopathy-gradual"),  # the action of another sign
    ("| Trouble peeing, or wetting yourself | {{ sign: cauda-equina-bladder }} |", "bladder-bowel-loss"),  # two signs, one used
    ("Face drooping is a stroke sign: call {{ clinic.emergency_number }} now.", "stroke"),  # the right tier, but not the sign
])
def test_a_sentence_that_describes_a_sign_with_an_urgency_must_use_the_sign(line, sign):
    found = drift(line)
    assert [(p.line, p.message, p.fix) for p in found] == [
        (3, f"the sentence describes the warning sign '{sign}' with an urgency of its own",
         f"insert '{{{{ sign: {sign} }}}}' (its own words and action)")]


@pytest.mark.parametrize("line, sign", [
    ("If you have diabetes and a sore on a numb foot, {{ act: diabetic-foot }}.", "diabetic-foot"),
    ("Do not wait for a routine appointment if you have foot drop: {{ act: weakness-worsening }}.", "weakness-worsening"),
    ("An arm or leg that suddenly goes numb and turns cold, pale or blue: {{ act: limb-ischaemia }}.", "limb-ischaemia"),  # drops "weak", "painful"
])
def test_a_sentence_that_describes_a_sign_in_its_own_words_next_to_its_action_must_insert_the_sign(line, sign):
    """The sign's action alone is not enough: the description in the page's words can narrow it (C2)."""
    found = drift(line)
    assert [(p.message, p.fix.split(" (")[0]) for p in found] == [
        (f"the sentence describes the warning sign '{sign}' in words of its own, next to its action",
         f"replace the description and the action with '{{{{ sign: {sign} }}}}'")]
    assert drift(f"{{{{ sign: {sign} }}}}") == []


@pytest.mark.parametrize("line, word", [
    ("If your arm gets weak, get help straight away.", "straight away"),
    ("If the new tablets upset you, get medical advice at once.", "advice at once"),  # m13
    ("Cramps like these need a doctor's check.", "need a doctor's check"),  # m7
    ("If this happens, call your GP immediately.", "immediately"),
    ("Go to your pharmacist right away.", "right away"),
    ("If you have any sign on the list, act on it now.", "act on it now"),  # m1
])
def test_an_urgency_that_is_no_tier_is_refused_with_the_three_tiers(line, word):
    found = drift(line)
    assert [(p.line, p.message) for p in found] == [(3, f"'{word}' is not one of the guide's three urgencies")]
    for tier in signs.TIERS:
        assert f"'{signs.action(tier, CLINIC)}' ({tier})" in found[0].fix


def test_a_sentence_that_uses_a_sign_gives_it_no_lower_urgency():
    found = drift("{{ sign: cauda-equina-saddle }} needs a doctor today.")
    assert [(p.message, p.fix) for p in found] == [
        ("the sentence uses the warning sign 'cauda-equina-saddle' (tier emergency) and gives it the urgency 'today' (tier today) as well",
         "remove 'today': '{{ sign: cauda-equina-saddle }}' or '{{ act: cauda-equina-saddle }}' already says what to do")]


@pytest.mark.parametrize("line", [
    "Face numbness that comes and goes: {{ sign: tia }}",  # the failing paraphrase above, with the sign
    "Numbness around your bottom: {{ sign: cauda-equina-saddle }}",
    "If your face goes numb suddenly, even for a minute, {{ act: tia }}.",
    "If you have any of these signs, {{ act: stroke }}.",  # points to signs without describing them
    "Face numbness that comes and goes: see your doctor soon. <!-- signs: ok -->",
    "Numbness around your bottom is rare. See your GP if your back still hurts in 6 weeks.",  # two sentences
    "It is also different from damage to many nerves at once.",  # "at once" that is no urgency
    "Read [when to get help urgently](urgent-help.md) before your visit.",  # the urgent-help page's title
    '<a href="#numb-saddle" aria-label="Between the legs: an emergency sign">',  # a tag's attributes are no sentence
    "A splint at night often helps with carpal tunnel syndrome.",
])
def test_sentences_that_use_the_sign_or_give_no_urgency_pass(line):
    assert drift(line) == []


def test_the_escape_is_counted_per_page():
    pages = [source("# A\n\nFace numbness that comes and goes: see your doctor soon. <!-- signs: ok -->\n", "a.md"),
             source("# B\n\nNo escape here.\n", "b.md")]
    assert signs_check.marked_ok(pages) == ["a.md"]


def test_current_content_has_no_drift_and_every_token_exists():
    """Reads every page as it is: fails until each page describes signs with the signs themselves."""
    result = check.run(CONFIG)
    found = [str(p) for p in result.problems if "warning sign" in p.message or "urgencies" in p.message
             or "{{ act" in p.message or "{{ sign" in p.message or "signs:" in p.message or signs.DATA_FILE in p.path]
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
    # What the guide is and a reassuring line first, in one short paragraph, then the card (UX review 12-03, M3).
    assert page.evaluate("""() => { const intro = document.querySelector('article h1').nextElementSibling;
        return intro.matches('p') && intro.nextElementSibling.matches('.admonition.emergency'); }""")
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
