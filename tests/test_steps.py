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


def test_the_checks_know_every_id_the_check_puts_on_its_page(plan, signs, rendered):
    """scripts/checks/links.py checks links to a screen before anything renders, with these ids."""
    from scripts.model.steps import screen_ids

    assert set(re.findall(r'\bid="([^"]+)"', rendered)) == screen_ids(plan, signs)


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

# The handout "Numb or tingling? What to do now" (issue 16 asked for one page). Every sign in its own
# words (some 1,100 words for the 51 signs of 2026-12-03) at 12pt and clear-print line spacing does not
# fit one A4 side, nor two (test_one_side_cannot_hold_the_signs_at_12pt; with the emergency part on the
# front, the back would have to hold the 30 same-day and soon signs, which alone fill more than a side).
# So it is a side per tier: the emergency part on the front, "Turn over"; the same-day part on the back;
# the soon part and self-care on a second sheet. No part is split between sides.
FLOW_MD = "what-to-do-now.md"
MIN_PT = 12  # nothing on the handout under 12pt: not the footer, not the sources
CLEAR_PRINT_LINE_HEIGHT = 1.15  # "single" for Arial; RNIB asks at least 1.5 to 2pt of leading at 12pt


def flowchart_parts(plan, signs) -> list[dict]:
    """The flowchart's parts as printed (scripts/transforms/steps.flowchart): tier, question, action,
    the groups it names (headings and "Also:") and the signs it prints, in order."""
    import tinyhtml5

    root = tinyhtml5.parse(steps.flowchart(plan, signs, CLINIC), namespace_html_elements=False)
    found = []
    for part in root.iter("section"):
        yes = next((p for p in part.iter("p") if p.get("class") == "flow-yes"), None)
        found.append({
            "tier": part.get("data-tier"),
            "question": element_words(part.find("h2")),
            "action": element_words(yes.find("strong")) if yes is not None else "",
            "groups": {element_words(h) for h in part.iter("h3")} | {element_words(s) for s in part.iter("span") if s.get("class") == "flow-also"},
            "signs": [li.get("data-sign") for li in part.iter("li") if li.get("data-sign")],
        })
    return found


def element_words(element) -> str:
    return " ".join("".join(element.itertext()).split())


def test_the_flowchart_asks_the_screens_questions_in_their_order(graph, plan, signs):
    """Part by part, the flowchart has the screens' tiers in their order, the question about each tier,
    every group the screens offer in that tier, exactly that tier's signs, and the tier's end title."""
    screens, _ = graph
    on_screen = [tier for tier in TIERS if steps.list_id(tier) in screens]
    parts = flowchart_parts(plan, signs)
    assert [p["tier"] for p in parts] == on_screen + [steps.SELF_CARE]
    for number, (tier, part) in enumerate(zip(on_screen, parts), start=1):
        listing = screens[steps.list_id(tier)]
        assert steps.PART_NAME[tier] in listing.words[0] and part["question"] == steps.flow_question(number, tier)
        assert part["groups"] == {a.text for a in listing.answers if not a.none}, tier
        assert sorted(part["signs"]) == sorted(set().union(*(a.signs for a in listing.answers))), tier
        ends = {s.question for s in screens.values() if s.outcome == tier}
        assert ends == {sign_cards.title(tier, CLINIC)} and part["action"].startswith(f"{sign_cards.title(tier, CLINIC)}.")
    assert parts[-1]["question"].endswith(screens[steps.SELF_CARE_ID].question)


def test_the_flowchart_prints_each_sign_once(plan, signs):
    printed = collections.Counter(sign for part in flowchart_parts(plan, signs) for sign in part["signs"])
    assert printed == collections.Counter(s.id for s in signs)
    # A sign in several groups used to be printed under each: take out the "once" and this fails.
    assert any(sum(s.id in g.signs for g in plan.groups) > 1 for s in signs)


def squashed(text: str) -> str:
    return re.sub(r"\W+", "", text)


def printed_sign(sign) -> str:
    """A sign as the flowchart prints it: its own words and its own action, without the markup."""
    words = re.sub(r"<[^>]+>", "", steps.sign_html(sign, CLINIC))
    return squashed(words.replace("&quot;", '"').replace("&amp;", "&"))


@pytest.fixture(scope="module")
def flow_pdfs(built_site, tmp_path_factory) -> dict[str, PdfReader]:
    """The handout as built (A4), and made again in US Letter from the same built page."""
    from scripts.pdf import render as pdf

    readers = {"A4": PdfReader(built_site / "pdf" / "what-to-do-now.pdf")}
    site = tmp_path_factory.mktemp("letter")
    (site / PAGE_HTML).write_bytes((built_site / PAGE_HTML).read_bytes())
    (site / "pdf").mkdir()
    chosen = pdf.settings(CONFIG, "letter")
    entry = next(e for top in pdf.nav_entries(CONFIG["nav"]) for e in ([top] if top.file else top.children) if e.file == FLOW_MD)
    pdf.make_handout(entry, site, chosen, pdf.engine(chosen))
    readers["letter"] = PdfReader(site / "pdf" / "what-to-do-now.pdf")
    return readers


def page_texts(reader: PdfReader) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in reader.pages]


@pytest.mark.parametrize("paper", ["A4", "letter"])
def test_the_flowchart_handout_has_a_side_per_tier(flow_pdfs, plan, signs, paper):
    from scripts.pdf import render as pdf

    reader = flow_pdfs[paper]
    size = (round(float(reader.pages[0].mediabox.width)), round(float(reader.pages[0].mediabox.height)))
    assert size == {"A4": (595, 842), "letter": (612, 792)}[paper]
    parts = flowchart_parts(plan, signs)
    tiers = [p["tier"] for p in parts[:-1]]
    texts = page_texts(reader)
    limit = pdf.handout_limit(FLOW_MD, pdf.settings(CONFIG))
    assert len(texts) == len(tiers) <= limit, f"{paper}: {len(texts)} sides (limit {limit})"
    assert "Numb or tingling? What to do now" in texts[0]
    for number, tier in enumerate(tiers, start=1):  # part N whole on side N: question to "no" arrow
        page = texts[number - 1]
        assert steps.flow_question(number, tier) in page, f"{paper}: part {number} does not start on side {number}"
        assert f"{steps.FLOW_NO} ↓ go to {number + 1}." in page, f"{paper}: part {number} runs over side {number}"
        assert all(squashed(steps.flow_question(n, t)) not in squashed(page) for n, t in enumerate(tiers, 1) if n != number)
    assert "Turn over: 2 is on the back." in texts[0] and "Turn over" in texts[0].split(steps.FLOW_NO)[-1]
    assert "3 is on the next sheet." in texts[1]
    assert steps.SELF_CARE_TITLE in texts[-1]


@pytest.mark.parametrize("paper", ["A4", "letter"])
def test_nothing_on_the_flowchart_handout_is_under_12pt(flow_pdfs, paper, capsys):
    """Every piece of text on every side, the footer and the sources too, read back from the PDF."""
    from pdfread import layout

    reader = flow_pdfs[paper]
    sizes = collections.Counter()
    for number, page in enumerate(reader.pages, start=1):
        found = layout(page)
        assert any(text.startswith(f"Page {number} of") for _, _, text in found.texts), "the footer was not read"
        small = sorted({(size, text) for _, size, text in found.texts if size < MIN_PT - 0.05})
        assert not small, f"{paper}, side {number}: {small[:5]}"
        sizes.update(found.sizes)
    with capsys.disabled():
        print(f"\nflowchart handout, {paper}: {len(reader.pages)} sides, smallest text {min(sizes)}pt, "
              f"sizes {dict(sorted(sizes.items()))}")


def test_the_flowchart_handout_prints_every_sign_once_in_its_own_words(flow_pdfs, signs):
    for paper, reader in flow_pdfs.items():
        text = squashed(" ".join(page_texts(reader)))
        for sign in signs:
            assert text.count(printed_sign(sign)) == 1, f"{paper}: {sign.id} printed {text.count(printed_sign(sign))} times"
        assert squashed(steps.LIST_QUESTION) not in text, f"{paper}: the web screens printed"


def test_one_side_cannot_hold_the_signs_at_12pt(signs, capsys):
    """Why the handout is not one page: the signs' own words alone (bold as printed), run together in
    one paragraph with no questions, tiers, headings or bullets, 12pt Liberation Sans at clear-print
    line spacing, in a 5mm margin, need more than one A4 side. That is a lower bound: the handout also
    needs the questions, the tiers' actions and self-care. If this ever fails, try one side again."""
    import weasyprint

    run_on = " ".join(steps.sign_html(s, CLINIC) for s in signs)
    css = weasyprint.CSS(string=f"@page {{ size: A4; margin: 5mm; }} body {{ margin: 0; font: 12pt/{CLEAR_PRINT_LINE_HEIGHT} "
                                f"'Liberation Sans'; }} p {{ margin: 0; }}")
    document = weasyprint.HTML(string=f"<p>{run_on}</p>").render(stylesheets=[css])
    lines = sum(1 for page in document.pages for _ in _line_boxes(page._page_box))
    per_side = int((297 - 10) / 25.4 * 72 // (12 * CLEAR_PRINT_LINE_HEIGHT))
    with capsys.disabled():
        print(f"\nthe signs' words run together: {len(re.sub(r'<[^>]+>', '', run_on)):,} characters, {lines} lines "
              f"of 200mm at 12pt; one A4 side holds {per_side}")
    assert lines > per_side


def _line_boxes(box):
    if type(box).__name__ == "LineBox":
        yield box
        return
    for child in getattr(box, "children", []):
        yield from _line_boxes(child)
