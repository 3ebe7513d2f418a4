"""'What should I do now?' (issue 16): the step-by-step check built from the warning signs.

The check is walked as it is rendered (the HTML of scripts/transforms/steps.py): every vignette of
tests/vignettes.yml is answered as the triage engine reads its facts and must end on the engine's
tier; every path ends in a tier; every emergency sign is at most 3 answers away; the questions read
at grade 6 or lower; a change to a sign changes the check. Then in Chromium with JavaScript off on a
360 px phone, on the kiosk, and on paper (the handout).
"""

from __future__ import annotations

import collections
import dataclasses
import re
from html.parser import HTMLParser

import pytest
import yaml
from axe import describe, violations
from conftest import ROOT, serve
from pypdf import PdfReader

from scripts import readability, siteconfig
from scripts.checks import steps as steps_check
from scripts.model import criteria
from scripts.model.signs import DATA_FILE, TIERS, load
from scripts.transforms import clinic as clinic_settings
from scripts.transforms import signs as sign_cards
from scripts.transforms import steps
from scripts.triage import SELF_CARE, triage

DOCS = ROOT / "docs"
CONFIG = siteconfig.load(ROOT / "mkdocs.yml")
CLINIC = clinic_settings.escaped(siteconfig.clinic(CONFIG))
VIGNETTES = yaml.safe_load((ROOT / "tests" / "vignettes.yml").read_text(encoding="utf-8"))
MAX_EMERGENCY_ANSWERS = 3
MAX_GRADE = 6.0
PAGE_HTML = "what-to-do-now.html"
PHONE = {"width": 360, "height": 740}
VISIBLE_STEPS = "() => [...document.querySelectorAll('.steps > .step')].filter(s => s.checkVisibility()).map(s => s.id)"


# ------------------------------------------------------------------ the rendered check as a graph

@dataclasses.dataclass
class Link:
    href: str
    classes: set[str]
    signs: set[str]  # data-signs: the signs this answer stands for
    none: bool  # data-none: "None of these"
    text: str = ""


@dataclasses.dataclass
class Step:
    id: str
    outcome: str | None  # data-outcome: the tier it ends on
    sign: str | None
    answers: list[Link] = dataclasses.field(default_factory=list)
    nav: list[Link] = dataclasses.field(default_factory=list)
    question: str = ""
    words: list[str] = dataclasses.field(default_factory=list)  # kicker, question, hint: the check's own words


class _StepsParser(HTMLParser):
    """The screens of a rendered check: their answers, Back/Start again links, ends and own words."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.steps: dict[str, Step] = {}
        self.order: list[str] = []
        self.current: Step | None = None
        self.link: Link | None = None
        self.capture: str | None = None  # the class of the element whose text is collected
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = set((attrs.get("class") or "").split())
        if tag == "section" and "step" in classes:
            self.current = Step(attrs["id"], attrs.get("data-outcome"), attrs.get("data-sign"))
            self.steps[self.current.id] = self.current
            self.order.append(self.current.id)
        elif self.current and tag == "a":
            self.link = Link(attrs.get("href", ""), classes, set((attrs.get("data-signs") or "").split()),
                             "data-none" in attrs)
            self.text = []
        elif self.current and classes & {"step__kicker", "step__question", "step__hint"}:
            self.capture, self.text = next(iter(classes & {"step__kicker", "step__question", "step__hint"})), []
        elif tag == "br" and self.capture:
            self.text.append(". ")

    def handle_endtag(self, tag):
        if tag == "a" and self.link is not None:
            self.link.text = " ".join("".join(self.text).split())
            (self.current.answers if "step__answer" in self.link.classes else self.current.nav).append(self.link)
            self.link = None
        elif tag in ("p", "h2") and self.capture:
            words = " ".join("".join(self.text).split())
            self.current.words.append(words)
            if self.capture == "step__question":
                self.current.question = words
            self.capture = None
        elif tag == "section":
            self.current = None

    def handle_data(self, data):
        if self.link is not None or self.capture:
            self.text.append(data)


def parse(html_text: str) -> tuple[dict[str, Step], str]:
    """The screens by id, and the first screen's id."""
    parser = _StepsParser()
    parser.feed(html_text)
    assert parser.order, "no screens rendered"
    return parser.steps, parser.order[0]


def target(link: Link) -> str:
    return link.href.removeprefix("#")


@pytest.fixture(scope="module")
def signs():
    return load(DOCS)


@pytest.fixture(scope="module")
def plan(signs):
    found, problems = steps.read(DOCS, {s.id for s in signs})
    assert problems == [], "\n".join(map(str, problems))
    return found


@pytest.fixture(scope="module")
def rendered(plan, signs) -> str:
    return steps.render(plan, signs, CLINIC)


@pytest.fixture(scope="module")
def graph(rendered):
    return parse(rendered)


@pytest.fixture(scope="module")
def engine_signs():
    found, problems = criteria.read(DOCS / DATA_FILE)
    assert problems == [], "\n".join(map(str, problems))
    return found


# ------------------------------------------------------------------ walking the check as the engine answers

def walk(graph, matched: set[str]) -> tuple[Step, list[str]]:
    """Answer every screen as a patient with the `matched` signs would: the first answer that stands
    for one of their signs, else "None of these". Returns the end and the answers given."""
    screens, start = graph
    step, answers, seen = screens[start], [], set()
    while step.outcome is None:
        assert step.id not in seen, f"the walk came back to {step.id}: {answers}"
        seen.add(step.id)
        chosen = next((a for a in step.answers if a.signs & matched), None) or next(a for a in step.answers if a.none)
        answers.append(chosen.text)
        step = screens[target(chosen)]
    return step, answers


def test_every_vignette_walks_to_the_engines_tier(graph, engine_signs, capsys):
    assert len(VIGNETTES) >= 70
    walked = collections.Counter()
    for vignette in VIGNETTES:
        patient, errors = criteria.parse_patient(vignette["facts"])
        assert errors == [], vignette["id"]
        result = triage(patient, engine_signs)
        assert result.tier == vignette["tier"], f"{vignette['id']}: the engine says {result.tier}"
        end, answers = walk(graph, {m.sign.id for m in result.matches})
        assert end.outcome == result.tier, f"{vignette['id']}: the check ends on {end.outcome} after {answers}, the engine says {result.tier}"
        if end.sign:  # the sign shown at the end is one the engine found
            assert end.sign in {m.sign.id for m in result.matches}, vignette["id"]
        if result.tier == "emergency":
            assert len(answers) <= MAX_EMERGENCY_ANSWERS, f"{vignette['id']}: {answers}"
        walked[result.tier] += 1
    with capsys.disabled():
        print(f"\nvignettes walked to the engine's tier: {len(VIGNETTES)} ({dict(walked)})")


def test_a_walk_that_skips_the_emergency_sign_ends_lower(graph):
    """The walk above can fail: a patient whose emergency sign is not offered goes on down the tiers."""
    end, _ = walk(graph, {"weakness-worsening"})
    assert end.outcome == "today"
    end, answers = walk(graph, set())
    assert end.outcome == SELF_CARE and len(answers) == len(TIERS)


# ------------------------------------------------------------------ every path ends in a tier

def paths(graph) -> list[list[tuple[str, Link]]]:
    """Every path of answers from the first screen that visits no screen twice. A "None of these"
    that goes back to its list ends no path: it returns to a screen already on it."""
    screens, start = graph
    found = []

    def follow(step_id: str, path: list[tuple[str, Link]], on_path: set[str]) -> None:
        step = screens[step_id]
        if step.outcome is not None:
            found.append(path)
            return
        assert step.answers, f"{step_id}: a question without answers"
        for answer in step.answers:
            nxt = target(answer)
            assert nxt in screens, f"{step_id}: the answer '{answer.text}' leads to a missing screen #{nxt}"
            if nxt in on_path:
                assert answer.none, f"{step_id}: only 'None of these' may go back to the list, not '{answer.text}'"
                continue
            follow(nxt, [*path, (step_id, answer)], on_path | {nxt})

    follow(start, [], {start})
    return found


def test_every_path_ends_in_a_tier_and_every_screen_is_reachable(graph, capsys):
    screens, start = graph
    found = paths(graph)
    ends = {screens[target(path[-1][1])].outcome for path in found}
    assert ends == {*TIERS, SELF_CARE}
    reached = {start} | {target(link) for path in found for _, link in path}
    assert reached == set(screens), f"screens no path reaches: {set(screens) - reached}"
    for step in screens.values():  # ends have no answers; questions have a way out
        assert (step.outcome is None) == bool(step.answers), step.id
        if step.answers:
            assert sum(a.none for a in step.answers) == 1, f"{step.id}: one 'None of these'"
    longest = max(found, key=len)
    with capsys.disabled():
        print(f"\nscreens: {len(screens)} ({sum(s.outcome is None for s in screens.values())} questions, "
              f"{sum(s.outcome is not None for s in screens.values())} ends); paths: {len(found)}; longest path: "
              f"{len(longest)} answers: {' > '.join(link.text[:40] for _, link in longest)}")


def test_every_sign_ends_on_its_own_tier_shown_in_its_own_words(graph, signs, rendered):
    screens, _ = graph
    ends = collections.defaultdict(set)
    for step in screens.values():
        if step.sign:
            ends[step.sign].add(step.outcome)
    for sign in signs:
        assert ends[sign.id] == {sign.tier}, f"{sign.id}: ends {ends[sign.id]}, tier {sign.tier}"
        assert steps.inline_html(sign_cards.fill(sign.text, CLINIC)) in rendered, sign.id


def shortest_answers(graph) -> dict[str, int]:
    """For each screen, the fewest answers that reach it from the first screen."""
    screens, start = graph
    distance, queue = {start: 0}, collections.deque([start])
    while queue:
        step = screens[queue.popleft()]
        for answer in step.answers:
            if target(answer) not in distance:
                distance[target(answer)] = distance[step.id] + 1
                queue.append(target(answer))
    return distance


def test_every_emergency_sign_is_at_most_3_answers_away(graph, signs, capsys):
    screens, _ = graph
    distance = shortest_answers(graph)
    per_sign = {}
    for step in screens.values():
        if step.sign:
            per_sign[step.sign] = min(per_sign.get(step.sign, 99), distance[step.id])
    emergency = {s.id: per_sign[s.id] for s in signs if s.tier == "emergency"}
    assert len(emergency) >= 20
    assert {sign: n for sign, n in emergency.items() if n > MAX_EMERGENCY_ANSWERS} == {}
    with capsys.disabled():
        print("\nanswers to reach each emergency sign: " + ", ".join(f"{sign} {n}" for sign, n in emergency.items()))


def test_every_screen_has_back_and_start_again(graph):
    screens, start = graph
    for step in screens.values():
        nav = [link for link in step.nav if link.classes & {"step__back", "step__restart"}]
        assert [link.text for link in nav] == [steps.BACK, steps.RESTART], step.id
        back, restart = nav
        assert target(restart) == start
        if step.id == start:  # the first question's Back leaves the check for the warning signs
            assert back.href == steps.FIRST_BACK and (DOCS / back.href.replace(".html", ".md")).is_file()
        else:
            assert back.href.startswith("#") and target(back) in screens, step.id
            # Back goes to a screen that leads here, so Back then the same answer returns here.
            assert any(target(a) == step.id for a in screens[target(back)].answers), step.id


# ------------------------------------------------------------------ words

def test_the_questions_read_at_grade_6_or_lower(graph, capsys):
    """Each question screen (its heading, hint and answers, but not the signs: their own words are
    held to grade 8 with the other pages) and all of them together."""
    import textstat

    readability.ensure_cmudict()
    screens, _ = graph

    def as_sentences(words: list[str]) -> str:
        return " ".join(w if re.search(r"[.!?:]$", w) else w + "." for w in dict.fromkeys(words) if w)

    everything, answers, grades = [], [], {}
    for step in screens.values():
        if step.outcome is None:  # the question itself (kicker, heading, hint), then the answers we wrote
            grades[step.id] = textstat.flesch_kincaid_grade(as_sentences(step.words))
            answers += [a.text for a in step.answers if a.none or step.question == steps.LIST_QUESTION]
            everything += step.words
    assert {screen: grade for screen, grade in grades.items() if grade > MAX_GRADE} == {}
    assert textstat.flesch_kincaid_grade(as_sentences(answers)) <= MAX_GRADE
    overall = textstat.flesch_kincaid_grade(as_sentences(everything + answers))
    assert overall <= MAX_GRADE
    with capsys.disabled():
        print(f"\nreading grade of the questions: {overall:.1f} overall, {max(grades.values()):.1f} for the hardest screen")


def test_a_change_to_a_sign_changes_the_check(plan, signs):
    sign = next(s for s in signs if s.id == "cauda-equina-saddle")
    changed = [dataclasses.replace(s, text="**Numb where you sit on a bike saddle,** a test wording.") if s is sign else s
               for s in signs]
    screens, _ = parse(steps.render(plan, changed, CLINIC))
    before, _ = parse(steps.render(plan, signs, CLINIC))
    group = "step-emergency-bladder"
    assert [a.text for a in screens[group].answers] != [a.text for a in before[group].answers]
    assert "Numb where you sit on a bike saddle, a test wording." in [a.text for a in screens[group].answers]
    html_text = steps.render(plan, changed, CLINIC)
    assert "a test wording" in html_text and steps.inline_html(sign.text) not in html_text
    # A sign that moves to another tier moves in the check too.
    moved = [dataclasses.replace(s, tier="today") if s is sign else s for s in signs]
    screens, _ = parse(steps.render(plan, moved, CLINIC))
    assert {s.outcome for s in screens.values() if s.sign == sign.id} == {"today"}


def test_a_sign_in_no_group_still_shows_under_something_else(plan, signs):
    lonely = dataclasses.replace(signs[0], id="a-new-sign", text="**A new sign** nobody grouped yet.")
    screens, _ = parse(steps.render(plan, [*signs, lonely], CLINIC))
    other = screens[f"step-{lonely.tier}-{steps.OTHER_ID}"]
    assert [a.text for a in other.answers][:1] == ["A new sign nobody grouped yet."]
    assert any(a.text == plan.other_label for a in screens[f"step-{lonely.tier}"].answers)


def test_website_ends_call_by_tap_and_the_kiosk_shows_the_number(plan, signs):
    number = CLINIC["emergency_number"]
    web = steps.render(plan, signs, CLINIC)
    assert f'href="tel:{number}"' in web and f'href="tel:{CLINIC["urgent_number"]}"' in web
    kiosk_clinic = clinic_settings.escaped(siteconfig.clinic(siteconfig.load(ROOT / "mkdocs-kiosk.yml")))
    kiosk = steps.render(plan, signs, kiosk_clinic, kiosk=True)
    assert "tel:" not in kiosk
    end = re.search(r'<section[^>]*id="step-face-stroke".*?</section>', kiosk, re.DOTALL).group(0)
    assert f'<strong class="signs-number">{number}</strong> {kiosk_clinic["reception_note"]}' in end


def test_an_end_gives_the_signs_own_action_where_it_has_one(signs, rendered):
    """A hypo is treated first: its end says so, not only "call the emergency number" (as the cards do)."""
    own = [s for s in signs if s.action]
    assert own, "no sign has its own action any more; drop this test"
    for sign in own:
        for end in re.findall(rf'<section[^>]*data-sign="{sign.id}".*?</section>', rendered, re.DOTALL):
            assert steps.inline_html(steps.own_action(sign, CLINIC)) in end, sign.id
            lead = sign_cards.lead(sign.tier, CLINIC)
            assert not lead or lead not in end, sign.id


def test_nothing_is_stored_and_no_script_or_free_text(rendered):
    assert not re.search(r"<(script|form|input|textarea|select|button)\b", rendered)
    assert not re.search(r"\bon[a-z]+=", rendered)  # no inline event handlers
    assert "localStorage" not in rendered and "cookie" not in rendered


def test_symptom_cards_link_to_the_check(signs):
    out = "\n".join(sign_cards.cards(signs[:3], CLINIC))
    assert f"]({steps.PAGE})" in out and "[All warning signs](urgent-help.md)" in out


def test_the_page_uses_the_token_and_the_check_reports_bad_data(tmp_path, signs):
    assert any(steps.TOKEN.match(line) for line in (DOCS / steps.PAGE).read_text(encoding="utf-8").splitlines())
    docs = tmp_path / "docs"
    (docs / "_data").mkdir(parents=True)
    text = (DOCS / steps.DATA_FILE).read_text(encoding="utf-8")
    bad = text.replace("signs: [pre-eclampsia]", "signs: [pre-eclampsia, no-such-sign]")
    assert bad != text
    (docs / steps.DATA_FILE).write_text(bad, encoding="utf-8")
    _, problems = steps.read(docs, {s.id for s in signs})
    line = next(n for n, row in enumerate(bad.splitlines(), start=1) if "no-such-sign" in row)
    assert [(p.line, "no-such-sign" in p.message) for p in problems] == [(line, True)]
    assert str(problems[0]).startswith(f"{problems[0].path}:{line}: ") and "; use an id" in str(problems[0])


def test_the_token_must_stand_alone(tmp_path):
    from scripts.sources import read_sources

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "page.md").write_text("---\ntitle: x\n---\n\nSee {{ steps }} here.\n", encoding="utf-8")
    sources, _ = read_sources(docs)
    problems = steps_check.check(sources, docs)
    assert [(p.line, p.message) for p in problems] == [(5, "'{{ steps }}' must be on a line of its own")]


# ------------------------------------------------------------------ in Chromium, JavaScript off

def visible(page) -> list[str]:
    return page.evaluate(VISIBLE_STEPS)


def show(page, step_id: str) -> None:
    """Wait until the screen is the one shown (a condition, not a sleep)."""
    page.locator(f"#{step_id}").wait_for(state="visible")
    assert visible(page) == [step_id]


def tap(page, step_id: str, href: str) -> None:
    page.locator(f"#{step_id} a[href='{href}']").click()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False, has_touch=True, is_mobile=True)
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


@pytest.mark.browser
def test_phone_without_javascript_emergency_path_back_and_start_again(phone, site_url, graph):
    screens, start = graph
    phone.goto(site_url + PAGE_HTML)
    show(phone, start)
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # An emergency in the fewest answers: the first group with an emergency sign, then that sign.
    group = next(a for a in screens[start].answers if not a.none)
    tap(phone, start, group.href)
    show(phone, target(group))
    sign = screens[target(group)].answers[0]
    tap(phone, target(group), sign.href)
    show(phone, target(sign))
    end = phone.locator(f"#{target(sign)}")
    assert screens[target(sign)].outcome == "emergency"
    assert end.locator(f"a[href='tel:{CLINIC['emergency_number']}']").is_visible()
    for link in end.locator("a").all():  # big enough to tap
        assert link.bounding_box()["height"] >= 48, link.inner_text()
    phone.locator(f"#{target(sign)} .step__back").click()
    show(phone, target(group))
    phone.locator(f"#{target(group)} .step__restart").click()
    show(phone, start)
    for answer in phone.locator(f"#{start} a.step__answer").all():
        box = answer.bounding_box()
        assert box["height"] >= 48 and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]


@pytest.mark.browser
def test_phone_without_javascript_self_care_path_and_keyboard(phone, site_url, graph):
    screens, start = graph
    phone.goto(site_url + PAGE_HTML)
    step_id = start
    for _ in TIERS:  # "None of these" on each tier's list
        none = next(a for a in screens[step_id].answers if a.none)
        tap(phone, step_id, none.href)
        step_id = target(none)
        show(phone, step_id)
    assert screens[step_id].outcome == SELF_CARE
    assert phone.locator(f"#{step_id}").inner_text().count(sign_cards.as_sentence(sign_cards.action("soon", CLINIC))) >= 1
    # Keyboard: from Start again, Tab reaches the first answer; Enter follows it.
    phone.locator(f"#{step_id} .step__restart").focus()
    phone.keyboard.press("Enter")
    show(phone, start)
    first = screens[start].answers[0]
    for _ in range(60):
        phone.keyboard.press("Tab")
        if phone.evaluate("document.activeElement.getAttribute('href')") == first.href:
            break
    else:
        pytest.fail("Tab never reaches the first answer")
    phone.keyboard.press("Enter")
    show(phone, target(first))


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_on_a_question_and_an_end(browser, site_url, graph, scheme):
    screens, start = graph
    # axe runs as a script in the page, so JavaScript is on here (the screens do not need it); dark mode
    # is Material's slate palette, which its JavaScript picks from the system setting.
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)
    context.set_default_timeout(30_000)
    page = context.new_page()
    try:
        group = target(screens[start].answers[0])
        end = target(screens[group].answers[0])
        for step_id in (group, end):
            page.goto(site_url + f"{PAGE_HTML}#{step_id}")
            show(page, step_id)
            page.wait_for_function(f"document.body.dataset.mdColorScheme === '{'slate' if scheme == 'dark' else 'default'}'")
            found = violations(page)
            assert not found, f"#{step_id} ({scheme}):\n{describe(found)}"
    finally:
        context.close()


@pytest.mark.browser
def test_text_at_200_percent_keeps_screens_whole(browser, site_url, graph):
    """WCAG 1.4.4: Chromium's own text size doubled (as a reader with large text sets it)."""
    screens, start = graph
    group = target(screens[start].answers[0])
    context = browser.new_context(viewport={"width": 1280, "height": 800}, java_script_enabled=False)
    page = context.new_page()
    try:
        cdp = context.new_cdp_session(page)
        cdp.send("Page.enable")
        cdp.send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})
        for step_id in (start, group, target(screens[group].answers[0]), steps.SELF_CARE_ID):
            page.goto(site_url + f"{PAGE_HTML}#{step_id}")
            show(page, step_id)
            assert page.evaluate("document.documentElement.scrollWidth") <= 1280, step_id
            heights = page.evaluate(f"[...document.querySelectorAll('#{step_id} a')].map(a => a.getBoundingClientRect().height)")
            assert heights and min(heights) >= 48, step_id
    finally:
        context.close()


@pytest.mark.browser
def test_opened_from_disk_without_javascript(browser, built_site, graph):
    screens, start = graph
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto((built_site / PAGE_HTML).as_uri())
        show(page, start)
        none = next(a for a in screens[start].answers if a.none)
        tap(page, start, none.href)
        show(page, target(none))
    finally:
        context.close()


# ------------------------------------------------------------------ the kiosk

@pytest.fixture(scope="module")
def kiosk_url(tmp_path_factory):
    from scripts.build import build

    site = tmp_path_factory.mktemp("steps-kiosk") / "site-kiosk"
    assert build(ROOT / "mkdocs-kiosk.yml", site, steps=[]) == 0, "the kiosk site does not build"
    url, server = serve(site)
    yield url
    server.shutdown()


@pytest.mark.browser
def test_kiosk_first_screen_links_the_check_and_idle_reset_ends_it(browser, kiosk_url, graph):
    screens, start = graph
    context = browser.new_context(viewport={"width": 1080, "height": 1920}, has_touch=True)
    page = context.new_page()
    try:
        page.goto(kiosk_url + "index.html")
        tile = page.locator(f"a.kiosk-tile[href='{PAGE_HTML}']")
        with page.expect_event("load"):
            tile.tap()
        show(page, start)
        group = next(a for a in screens[start].answers if not a.none)
        tap(page, start, group.href)  # kiosk.js opens same-page links with location.replace
        show(page, target(group))
        sign = screens[target(group)].answers[0]
        tap(page, target(group), sign.href)
        show(page, target(sign))
        end = page.locator(f"#{target(sign)}")
        assert end.locator("a[href^='tel:']").count() == 0
        kiosk_clinic = siteconfig.clinic(siteconfig.load(ROOT / "mkdocs-kiosk.yml"))
        assert end.locator("strong.signs-number").inner_text() == kiosk_clinic["emergency_number"]
        assert kiosk_clinic["reception_note"] in end.inner_text()
        # The idle reset (what the "Still reading?" countdown ends in) leaves the check for the home screen.
        with page.expect_event("load"):
            page.evaluate("window.kiosk.reset()")
        assert page.url == kiosk_url + "index.html"
        assert page.locator(".steps").count() == 0
    finally:
        context.close()


# ------------------------------------------------------------------ paper

# The flowchart gives every sign in its own words (some 1,200 words for the 51 signs of 2026-12-03):
# at 12pt that is more than one sheet. The emergency part alone fills a side; the whole takes 3 sides.
MAX_HANDOUT_SIDES = 3


def test_the_handout_is_the_flowchart_at_12pt(built_site, signs, plan):
    from pdfread import body_size, share_under, text_sizes

    reader = PdfReader(built_site / "pdf" / "what-to-do-now.pdf")
    assert len(reader.pages) <= MAX_HANDOUT_SIDES
    outside, tables = text_sizes(reader)
    assert not tables and body_size(outside) >= 12
    assert share_under(outside, 12) <= 0.10, "more than the running header, footer and sources under 12pt"
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Numb or tingling? What to do now" in text
    for number, tier in enumerate(TIERS, start=1):  # every part's question and its action
        assert steps.flow_question(number, tier) in text and sign_cards.title(tier, CLINIC) in text
    assert steps.SELF_CARE_TITLE in text
    for group in plan.groups:  # the same questions as the screens
        assert " ".join(group.label.split()) in text, group.label
    squashed = re.sub(r"\W+", "", text)
    for sign in signs:  # every sign in its own words
        words = re.sub(r"<[^>]+>", "", steps.inline_html(sign_cards.fill(sign.text, CLINIC)))
        assert re.sub(r"\W+", "", words.replace("&quot;", '"')) in squashed, sign.id
    assert "Which of these is it about" not in text, "the web screens printed"
