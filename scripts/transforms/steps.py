"""The step-by-step check "What should I do now?", built from the warning signs at every build.

A line of its own `{{ steps }}` (docs/what-to-do-now.md) becomes the check: one question per screen,
emergency signs first, then same-day, then the rest, ending on a tier's action with the sign that
led there in its own words, or on self-care. Everything a screen says about a sign comes from
docs/_data/warning-signs.yml and the tier words of signs.py; docs/_data/steps.yml adds only the
groups the questions ask about and the self-care advice. So a change to a sign changes the check.

Screens are anchors on the one page (`#step-...`), shown one at a time with CSS `:target`
(assets/stylesheets/steps.css): no JavaScript, nothing stored, so it works from disk, on the kiosk,
with a screen reader and in Zensical. Every answer is a real link; every screen has "Back" and
"Start again". Answer links carry `data-signs` (the signs the answer stands for) and ends carry
`data-outcome` (the tier), so tests can walk the check as the triage engine would answer it.

The same questions print as a flowchart (`print-only`; the screens are `screen-only`), which is the
page's handout "Numb or tingling? What to do now" in the PDF set.

Output is raw HTML (its headings stay out of the page's table of contents), so a sign's Markdown
is turned into HTML here, and links to other pages are written as the built .html files
(use_directory_urls is false: every page is a file at the top of the site).
"""

from __future__ import annotations

import functools
import html
import re
import threading
from dataclasses import dataclass
from pathlib import Path

import markdown as md_lib
from markdown.extensions.attr_list import AttrListExtension

from scripts.model.signs import TIERS, Sign, load
from scripts.model.steps import (  # noqa: F401 (also for callers)
    DATA_FILE,
    OTHER_ID,
    SELF_CARE,
    SELF_CARE_ID,
    TITLE_SUFFIX,
    TOKEN,
    Group,
    Plan,
    StepsError,
    end_id,
    group_id,
    groups_by_tier,
    list_id,
    read,
)
from scripts.model.tiers import ENGLISH, word
from scripts.model.translation import edition_of
from scripts.transforms import signs as sign_words
from scripts.transforms.rebase import rebase

PAGE = "what-to-do-now.md"
FENCE = re.compile(r"^\s*(```|~~~)")
FIRST_BACK = "urgent-help.html"  # "Back" on the first question leaves the check for the warning signs

# The check's own words come from the settings (extra.words.steps_* and flow_*, scripts/model/words.py),
# in the edition's language; these are the English ones, for the tests and the docstrings.
PART_NAME = {tier: ENGLISH[f"steps_part_{tier}"] for tier in ("emergency", "today", "soon")}
LIST_QUESTION = ENGLISH["steps_list_question"]
NONE = ENGLISH["steps_none"]
GROUP_QUESTION = ENGLISH["steps_group_question"]
SELF_CARE_TITLE = ENGLISH["steps_self_care_title"]
BACK, RESTART = ENGLISH["steps_back"], ENGLISH["steps_restart"]
FLOW_NO = ENGLISH["flow_no"]
# The PDF handout prints each tier on a side of its own (the last one with self-care; scripts/pdf/pdf.css),
# so a tier is never split between sides: its "no" arrow says where the next part is. Those words
# (flow_turn_back, flow_turn_next) are `hidden` and only the PDF handout shows them.


@dataclass(frozen=True)
class Answer:
    label: str  # HTML
    href: str  # "#step-..."
    signs: tuple[str, ...] = ()  # the signs this answer stands for; () for "None of these"


@dataclass(frozen=True)
class Screen:
    id: str
    kicker: str  # what part of the check this is (HTML)
    question: str  # the heading (HTML)
    hint: str
    answers: tuple[Answer, ...]
    back: str
    outcome: str | None = None  # an end: its tier, or self-care
    sign: str | None = None  # an end: the sign that led there
    body: str = ""  # an end: its HTML under the heading


PARAGRAPH = re.compile(r"^<p>|</p>$")
# One Markdown instance per thread (a renderer may render pages in threads), reset between texts:
# a new instance for each sign cost more than converting it.
_local = threading.local()


def _markdown(attr_list: bool) -> md_lib.Markdown:
    if not hasattr(_local, "markdown"):  # the extension as an object: its name would make Markdown scan the installed packages
        _local.markdown = {False: md_lib.Markdown(), True: md_lib.Markdown(extensions=[AttrListExtension()])}
    return _local.markdown[attr_list]


@functools.lru_cache(maxsize=2048)
def _to_html(text: str, attr_list: bool = False) -> str:
    if not attr_list:
        with _batch_lock:
            made = _batched.get(text)
        if made is not None:
            return made
    return _markdown(attr_list).reset().convert(text)


# Texts converted together (`_convert_together`): text -> its HTML, as `_to_html` would make it alone.
_batched: dict[str, str] = {}
_batch_lock = threading.Lock()
# A text that makes one paragraph of its own, whatever comes before or after it in a document: one line,
# no space at either end, and no start that makes another kind of block (heading, quote, list, rule,
# code, raw HTML, table, definition or link reference).
_ONE_PARAGRAPH = re.compile(r"(?![#>=|:~<`\[]|[*+-]\s|\d+[.)]\s|[*_-]{3})\S[^\n\r\t\x02\x03]*\S|\w")
_SEPARATOR = "</p>\n<p>"


def _convert_together(texts: list[str]) -> None:
    """Many sign texts in one Markdown conversion, as paragraphs, each kept as the HTML its own
    conversion gives: a paragraph's inline Markdown is converted on its own. If the result is not one
    plain paragraph per text, nothing is kept (each text is then converted alone, as before)."""
    texts = [t for t in dict.fromkeys(texts) if _ONE_PARAGRAPH.fullmatch(t) and t not in _batched]
    if len(texts) < 2:
        return
    html = _markdown(False).reset().convert("\n\n".join(texts))
    if not (html.startswith("<p>") and html.endswith("</p>")):
        return
    parts = html[len("<p>"):-len("</p>")].split(_SEPARATOR)
    if len(parts) != len(texts) or any("<p>" in part or "</p>" in part for part in parts):
        return
    with _batch_lock:
        if len(_batched) > 4096:
            _batched.clear()
        _batched.update((text, f"<p>{part}</p>") for text, part in zip(texts, parts, strict=True))


def inline_html(text: str) -> str:
    """A sign's Markdown words (bold, quotes, settings already filled) as inline HTML."""
    return PARAGRAPH.sub("", _to_html(text).strip())


def sign_html(sign: Sign, clinic: dict) -> str:
    """A sign as the cards show it (signs._card_item): its own words, and its own action in bold
    when it has one (a hypo: treat it now; pre-eclampsia: the maternity unit)."""
    text = sign_words.fill(sign.text, clinic)
    if sign.action:
        text += f" **{own_action(sign, clinic)}**"
    return inline_html(text)


def own_action(sign: Sign, clinic: dict) -> str:
    return sign_words.as_sentence(sign_words.fill(sign.action, clinic)) if sign.action else ""




def screens(plan: Plan, signs: list[Sign], clinic: dict, kiosk: bool = False) -> list[Screen]:
    """Every screen of the check, the first one first."""
    tiers = groups_by_tier(plan, signs)
    order = [tier for tier in TIERS if tiers[tier]]
    out: list[Screen] = []
    for index, tier in enumerate(order):
        next_id = list_id(order[index + 1]) if index + 1 < len(order) else SELF_CARE_ID
        part = _w(clinic, "steps_part").format(number=index + 1, count=len(order), name=_w(clinic, f"steps_part_{tier}"))
        answers = [Answer(html.escape(group.label), "#" + group_id(tier, group), tuple(s.id for s in chosen))
                   for group, chosen in tiers[tier]] + [Answer(_w(clinic, "steps_none"), "#" + next_id)]
        back = FIRST_BACK if index == 0 else "#" + list_id(order[index - 1])
        out.append(Screen(list_id(tier), part, _w(clinic, "steps_list_question"), _w(clinic, "steps_list_hint"), tuple(answers), back))
        for group, chosen in tiers[tier]:
            kicker = f"{part}<br>{html.escape(group.label)}"
            sign_answers = [Answer(sign_html(s, clinic), "#" + end_id(group, s), (s.id,)) for s in chosen]
            out.append(Screen(group_id(tier, group), kicker, _w(clinic, "steps_group_question"), _w(clinic, "steps_group_hint"),
                              tuple(sign_answers) + (Answer(_w(clinic, "steps_group_none"), "#" + list_id(tier)),), "#" + list_id(tier)))
            for sign in chosen:
                out.append(Screen(end_id(group, sign), "", sign_words.title(tier, clinic), "", (),
                                  "#" + group_id(tier, group), tier, sign.id, _end_body(sign, clinic, kiosk)))
    out.append(Screen(SELF_CARE_ID, "", _w(clinic, "steps_self_care_title"), "", (), "#" + list_id(order[-1]), SELF_CARE, None,
                      _self_care_body(plan, signs, clinic)))
    return out


def _call(tier: str, clinic: dict, kiosk: bool) -> str:
    """The tier's number as the cards show it: a tap-to-call button on the website, large with the
    reception note on the kiosk (signs.call_line, the same settings)."""
    line = sign_words.call_line(tier, clinic, kiosk)
    return _to_html(line, attr_list=True) if line else ""


def _end_body(sign: Sign, clinic: dict, kiosk: bool) -> str:
    """Under the tier's title: what to do (the sign's own action if it has one, else its tier's),
    the number to call, and the sign in its own words."""
    action, tier_lead = own_action(sign, clinic), sign_words.lead(sign.tier, clinic)
    lead = f"<p><strong>{inline_html(action)}</strong></p>" if action else (f"<p>{tier_lead}</p>" if tier_lead else "")
    return (lead + _call(sign.tier, clinic, kiosk)
            + f'<p class="step__because">{_w(clinic, "steps_because")}</p>'
            + f'<p class="step__sign">{inline_html(sign_words.fill(sign.text, clinic))}</p>')


def _self_care_body(plan: Plan, signs: list[Sign], clinic: dict, watch_part: int | None = None) -> str:
    """What helps at home and the signs that mean "see a GP" after all; on paper (watch_part: the
    number of the part that lists those signs) one line pointing to that part, to keep to the sheet."""
    home = "".join(f"<li>{inline_html(line)}</li>" for line in plan.home)
    if watch_part:
        watch = f"<p>{_w(clinic, 'flow_watch').format(part=watch_part, action=sign_words.action('soon', clinic))}</p>"
    else:
        items = "".join(f"<li>{inline_html(sign_words.sign_words(sign_id, signs, clinic))}</li>" for sign_id in plan.watch)
        watch = f"<p>{_w(clinic, 'steps_self_care_watch')}</p><ul>{items}</ul>" if items else ""
    return f"<p>{_w(clinic, 'steps_self_care_home')}</p><ul>{home}</ul>{watch}<p>{_w(clinic, 'steps_self_care_again')}</p>"


# ------------------------------------------------------------------ HTML

CARD = {"emergency": "emergency", "today": "urgent", "soon": "soon", SELF_CARE: "self-care"}


def render(plan: Plan, signs: list[Sign], clinic: dict, kiosk: bool = False) -> str:
    """The check (screen only) and its flowchart (print only), as one raw HTML block."""
    texts = list(plan.home) + [sign_words.sign_words(sign_id, signs, clinic) for sign_id in plan.watch if sign_id in {s.id for s in signs}]
    for sign in signs:  # what sign_html and _end_body convert
        texts.append(sign_words.fill(sign.text, clinic))
        if sign.action:
            texts += [texts[-1] + f" **{own_action(sign, clinic)}**", own_action(sign, clinic)]
    _convert_together(texts)
    all_screens = screens(plan, signs, clinic, kiosk)
    start = all_screens[0].id
    nav = (_w(clinic, "steps_back"), _w(clinic, "steps_restart"))
    body = "\n".join(_screen_html(screen, start, nav) for screen in all_screens)
    return f'<div class="steps screen-only" data-steps>\n{body}\n</div>\n\n{flowchart(plan, signs, clinic)}'


def _screen_html(screen: Screen, start: str, nav: tuple[str, str] = (BACK, RESTART)) -> str:
    title = screen.id + TITLE_SUFFIX
    data = f' data-outcome="{screen.outcome}"' if screen.outcome else ""
    data += f' data-sign="{screen.sign}"' if screen.sign else ""
    kind = "step--end" if screen.outcome else "step--question"
    parts = [f'<section class="step {kind}" id="{screen.id}" aria-labelledby="{title}" tabindex="-1"{data}>']
    if screen.kicker:
        parts.append(f'<p class="step__kicker">{screen.kicker}</p>')
    if screen.outcome:
        parts.append(f'<div class="admonition {CARD[screen.outcome]} step__card">'
                     f'<h2 class="admonition-title step__question" id="{title}">{screen.question}</h2>'
                     f"{screen.body}</div>")
    else:
        parts.append(f'<h2 class="step__question" id="{title}">{screen.question}</h2>')
        parts.append(f'<p class="step__hint">{screen.hint}</p>')
        items = "".join(_answer_html(answer) for answer in screen.answers)
        parts.append(f'<ul class="step__answers">{items}</ul>')
    parts.append(f'<p class="step__nav"><a class="step__back" href="{screen.back}">{nav[0]}</a> '
                 f'<a class="step__restart" href="#{start}">{nav[1]}</a></p>')
    parts.append("</section>")
    return "\n".join(parts)


def _answer_html(answer: Answer) -> str:
    kind = "step__answer" + ("" if answer.signs else " step__answer--none")
    data = f' data-signs="{" ".join(answer.signs)}"' if answer.signs else " data-none"
    return f'<li><a class="{kind}" href="{answer.href}"{data}>{answer.label}</a></li>'


def flowchart(plan: Plan, signs: list[Sign], clinic: dict) -> str:
    """The same questions and tiers on paper: each tier's part has its question with its "yes" arrow to
    the tier's action, its signs under its groups' questions, and a "no" arrow on; self-care last.

    Every sign is printed once, in its own words: in its tier's part, under the first of its groups
    (a sign has one tier; the screens show it under each group it is in). A group whose signs are all
    printed under earlier ones is named in an "Also:" line, so each part still lists every question
    the screens ask in that tier. `data-tier`, `data-sign` and `flow-also` are for tests/test_steps.py."""
    tiers = groups_by_tier(plan, signs)
    order = [tier for tier in TIERS if tiers[tier]]
    parts = ['<div class="steps-flowchart print-only">', f'<p class="flow-start">{_w(clinic, "flow_start")}</p>']
    for number, tier in enumerate(order, start=1):
        shown: set[str] = set()
        blocks, covered = [], []
        for group, chosen in tiers[tier]:
            fresh = [s for s in chosen if s.id not in shown]
            shown.update(s.id for s in fresh)
            if fresh:
                items = "".join(f'<li data-sign="{s.id}">{sign_html(s, clinic)}</li>' for s in fresh)
                blocks.append(f'<div class="flow-group"><h3>{html.escape(group.label)}</h3><ul>{items}</ul></div>')
            else:  # a question whose signs are all printed under earlier ones: named, not repeated
                covered.append(f'<span class="flow-also">{html.escape(group.label)}</span>')
        # Inside the columns: it fills the shorter one rather than take lines of its own.
        see = f'<p class="flow-see">{_w(clinic, "flow_see").format(questions="; ".join(covered))}</p>' if covered else ""
        lead = sign_words.lead(tier, clinic)
        action = sign_words.title(tier, clinic) + "." + (f" {lead}" if lead else "")
        turn_words = _w(clinic, "flow_turn_back" if number % 2 else "flow_turn_next")
        turn = (f' <strong class="flow-turn" hidden>{turn_words.format(part=number + 1)}</strong>'
                if number < len(order) else "")
        parts.append(f'<section class="flow-part flow-part--{CARD[tier]}" data-tier="{tier}">'
                     f"<h2>{flow_question(number, tier, clinic)}</h2>"
                     f'<p class="flow-yes"><span class="flow-arrow">{_w(clinic, "flow_yes")} &#8594;</span> <strong>{action}</strong></p>'
                     f'<div class="flow-groups">{"".join(blocks)}{see}</div>'
                     f'<p class="flow-no"><span class="flow-arrow">{_w(clinic, "flow_no")} &#8595;</span> '
                     f'{_w(clinic, "flow_go_to").format(number=number + 1)}{turn}</p></section>')
    parts.append(f'<section class="flow-part flow-part--self-care" data-tier="{SELF_CARE}"><h2>{len(order) + 1}. {_w(clinic, "steps_self_care_title")}</h2>'
                 f"{_self_care_body(plan, signs, clinic, watch_part=len(order))}</section>")
    parts.append("</div>")
    return "\n".join(parts)


def flow_question(number: int, tier: str, clinic: dict | None = None) -> str:
    """A part's question on paper: "1. Signs of an emergency: does one of these fit?"."""
    name, question = _w(clinic or {}, f"steps_part_{tier}"), _w(clinic or {}, "steps_group_question")
    return f"{number}. {name[:1].upper()}{name[1:]}: {question[:1].lower()}{question[1:]}"


def _w(clinic: dict, name: str) -> str:
    """One of the check's words, in the edition's language (extra.words; English when unset)."""
    return word(clinic, name)


# ------------------------------------------------------------------ the page transform

# The check as last rendered: (plan, signs, HTML) by (id of plan, id of signs, settings, kiosk). The plan
# and the signs are the objects `_plan` and the Cards keep while their files are unchanged (held here,
# so their ids are not reused), never a page's text.
_rendered: dict[tuple, tuple[Plan, list[Sign], str]] = {}
# TOKEN anywhere in a page: every line TOKEN matches is found by it (it may find more: `\s` takes line
# breaks), so a page it finds nothing in has no `{{ steps }}` line; one it finds is looked at line by line.
TOKEN_IN_TEXT = re.compile(TOKEN.pattern, re.MULTILINE)
# `read` as last made: (docs folder, stamp of the steps file, translated edition, sign ids) -> (edition, result)
_plans: dict[tuple, tuple[object, tuple[Plan | None, list]]] = {}


def _plan(docs_dir: Path, sign_ids: set[str]) -> tuple[Plan | None, list]:
    """`read`, again only when the steps file it reads changes, or the translation or the signs do."""
    edition = edition_of(docs_dir)
    if edition is not None and edition_of(edition.source_docs) is not None:
        return read(docs_dir, sign_ids)  # a translation of a translation: not kept
    path = Path(edition.source_docs if edition is not None else docs_dir) / DATA_FILE
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        stamp = None
    key = (str(docs_dir), stamp, id(edition), frozenset(sign_ids))
    made = _plans.get(key)
    if made is None or made[0] is not edition:
        _plans.clear()
        made = _plans[key] = (edition, read(docs_dir, sign_ids))
    return made[1]


def expand(markdown: str, clinic: dict, docs_dir: Path, kiosk: bool = False, base: str = "",
           cards: sign_words.Cards | None = None, inserted: list[str] | None = None) -> str:
    """Replace a `{{ steps }}` line with the check (clinic: the settings, already HTML-escaped).
    `cards`: the page transforms' Cards, whose signs are used (else the data file's); `inserted`
    gets the HTML put in for each line (the transforms hand it to Markdown's HTML stash themselves)."""
    if "{{" not in markdown or not TOKEN_IN_TEXT.search(markdown):
        return markdown
    signs = cards.signs if cards is not None else load(docs_dir)
    plan, problems = _plan(docs_dir, {s.id for s in signs})
    if problems:
        raise StepsError(str(problems[0]))
    # Every page with `{{ steps }}` gets the same check: made once per plan, signs and settings.
    key = (id(plan), id(signs), repr(sorted(clinic.items())), kiosk)
    made = _rendered.get(key)
    rendered = made[2] if made is not None and made[0] is plan and made[1] is signs else None
    out, fence = [], None
    for line in markdown.split("\n"):
        marker = FENCE.match(line)
        if marker:
            fence = None if fence == marker.group(1) else (fence or marker.group(1))
        if fence is None and not marker and TOKEN.match(line):
            if rendered is None:
                _rendered.clear()
                rendered = render(plan, signs, clinic, kiosk)
                _rendered[key] = (plan, signs, rendered)
            out += ["", rebase(rendered, base), ""]
            if inserted is not None:
                inserted.append(out[-2])
        else:
            out.append(line)
    return "\n".join(out)
