"""Warning signs, written once in docs/_data/warning-signs.yml, rendered wherever a page asks for them.

Syntax in the page's Markdown:
- a line of its own `{{ signs: TOKEN, TOKEN }}`: compact cards with only those signs (TOKEN = a topic or
  a sign id), most urgent tier first, and a link to the full list on urgent-help.md;
  `{{ signs: all }}`: every sign, in the three cards; `{{ signs: tier=today }}`: one tier in full,
  each sign with its "why" (the sections of urgent-help.md).
- inline `{{ act: ID }}`: what to do for that sign, in its tier's words ("call 999 now").
- inline `{{ sign: ID }}`: the sign's own words followed by its action as a sentence
  ("**Stroke:** one side ... balance. **Call 999 now.**"): page text that describes a sign inserts
  it, so the sign has one wording everywhere (brief §8); the drift check holds pages to it.

Every card shows each sign's own `text` (there is no shorter label that could drop an "or" or a
"new"). Tier words and numbers come from the clinic settings (extra.clinic) through one table,
TIER_WORDS, never from the data file or the page. The output is Markdown for Python-Markdown with admonition and attr_list: on the website
the emergency and same-day numbers are tap-to-call `tel:` buttons; on the kiosk (kiosk=True) there
is no link, the number is shown large with the reception note.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path

from scripts.model.signs import (  # also re-exported for callers
    ACT,
    ALL,
    ANY_TOKEN,
    BLOCK,
    DATA_FILE,
    SIGN,
    TIER_TOKEN,
    TIERS,
    TOPICS,
    USES,
    Sign,
    load,
    parse_tokens,
)
from scripts.model.tiers import (  # noqa: F401
    TIER_WORDS,
    TierWords,
    action,
    as_sentence,
    count_words,
    fill,
    lead,
    setting_text,
    tier_text,
    title,
    word,
)
from scripts.transforms.rebase import rebase

# The admonition type of each tier: its colours and print symbols live in extra.css and pdf.css.
CARD_TYPE = {"emergency": "emergency", "today": "urgent", "soon": "soon"}
FULL_LIST_PAGE = "urgent-help.md"  # every page sits at the top of docs/, so this link works everywhere

FENCE = re.compile(r"^\s*(```|~~~)")
SENTENCE_START = re.compile(r"(^|[.!?]\s+|^\s*(?:[-*+]|\d+\.)\s+)$")

class SignsError(ValueError):
    """A block or action names something the data file does not have (the checks report it first)."""


def select(tokens: list[str], signs: list[Sign]) -> list[Sign]:
    """Signs named by id or by topic, in the data file's order within each tier, most urgent tier first."""
    wanted = set(tokens)
    chosen = signs if ALL in wanted else [s for s in signs if s.id in wanted or wanted & set(s.topics)]
    return sorted(chosen, key=lambda s: TIERS.index(s.tier))  # sorted() is stable: file order stays


# ------------------------------------------------------------------ words of each tier (from settings)

def call_line(tier: str, clinic: dict, kiosk: bool) -> str | None:
    """The number to use now: a tap-to-call button on the website; on the kiosk, large, with the reception note."""
    name = {"emergency": "emergency_number", "today": "urgent_number"}.get(tier)
    number = setting_text(clinic, name) if name else ""
    if not number:
        return None
    if kiosk:
        return f"**{number}**{{ .signs-number }} {setting_text(clinic, 'reception_note')}".rstrip()
    # Paper cannot be tapped: the button is web-only (the lead sentence above it has the number).
    button = f"[{word(clinic, 'call_button').format(number=number)}](tel:{_digits(number)}){{ .signs-call }}"
    online = setting_text(clinic, "urgent_online") if tier == "today" else ""
    if online:  # the same-day service's website beside its number ("111.nhs.uk or call 111", NHS care cards)
        label = setting_text(clinic, "urgent_online_label") or re.sub(r"^https?://|/$", "", online)
        button += f" [{word(clinic, 'online_link').format(label=label)}]({online}){{ .signs-online }}"
    return f"{button}\n{{ .screen-only }}"


def _digits(number: str) -> str:
    return re.sub(r"[^\d+]", "", number)


def bold_action(words: str, tier: str, clinic: dict, call_link: bool) -> str:
    """An action in page text, in bold; on the website an emergency action in its tier's words is
    also a tap-to-call link, so every "call 999 now" can be acted on with one tap (UX review 12-03, B1).
    A sign's own action (e.g. "treat a low blood sugar now, and call 999 if ...") stays words only."""
    number = setting_text(clinic, "emergency_number")
    if not (call_link and tier == "emergency" and number):
        return f"**{words}**"
    return f"[**{words}**](tel:{_digits(number)}){{ .signs-act }}"


# ------------------------------------------------------------------ Markdown output

def _card(tier: str, signs: list[Sign], clinic: dict, kiosk: bool, folded: bool = False) -> list[str]:
    # A folded card is a pymdownx.details block: its title (with the count) shows, a tap opens it.
    opener = f"??? {CARD_TYPE[tier]}" if folded else f"!!! {CARD_TYPE[tier]}"
    count = f": {count_words(len(signs), clinic)}" if folded else ""
    lines = [f'{opener} "{title(tier, clinic)}{count}"']
    if lead(tier, clinic):
        lines += [f"    {lead(tier, clinic)}", ""]
    call = call_line(tier, clinic, kiosk)
    if call:
        lines += [f"    {part}" for part in call.split("\n")] + [""]
    # Each sign in its own words, always: a shorter label narrowed signs (clinical review C2, m2).
    lines += [f"    - {_card_item(sign, clinic)}" for sign in signs]
    return lines + [""]


def _card_item(sign: Sign, clinic: dict) -> str:
    """A sign in a card: its words, and its own action when the card title's words are not enough."""
    text = fill(sign.text, clinic)
    return f"{text} **{as_sentence(fill(sign.action, clinic))}**" if sign.action else text


# The tiers whose card a topic page folds to its title and count. Emergency and same-day cards stay
# open: folding the same-day card hid the same-day spinal cord sign on the neck page (review m8).
FOLDED_ON_TOPIC_PAGES = ("soon",)


def cards(signs: list[Sign], clinic: dict, kiosk: bool = False, more_link: bool = True) -> list[str]:
    """One card per tier that has signs, most urgent first, then a link to the full list.

    On a topic page (more_link) the "soon" card is folded to its title and count when a more
    urgent card comes before it (UX review #6); a page's first card is always open. Print and the
    PDFs show every card open."""
    lines: list[str] = []
    for tier in TIERS:
        in_tier = [s for s in signs if s.tier == tier]
        if in_tier:
            folded = more_link and bool(lines) and tier in FOLDED_ON_TOPIC_PAGES
            lines += _card(tier, in_tier, clinic, kiosk, folded=folded)
    if more_link:
        lines += [f"[{word(clinic, 'all_signs_link')}]({FULL_LIST_PAGE}){{ .signs-more }}",  # and the step-by-step check (steps.py):
                  f"[{word(clinic, 'steps_link')}](what-to-do-now.md){{ .signs-more }}", ""]
    return lines


def tier_section(tier: str, signs: list[Sign], clinic: dict, kiosk: bool = False) -> list[str]:
    """One tier in full, each sign with why it matters: the sections of the urgent-help page."""
    lines = [lead(tier, clinic), "{ .signs-lead }", ""] if lead(tier, clinic) else []
    call = call_line(tier, clinic, kiosk)
    if call:
        lines += call.split("\n") + [""]
    for sign in (s for s in signs if s.tier == tier):
        lines.append(f"- {_card_item(sign, clinic)}<br><span class=\"signs-why\">{fill(sign.why, clinic)}</span>")
    return lines + [""]


def render_block(spec: str, signs: list[Sign], clinic: dict, kiosk: bool = False, has_full_list: bool = True) -> list[str]:
    """The Markdown lines for one `{{ signs: spec }}` block."""
    tokens = parse_tokens(spec)
    tier = TIER_TOKEN.match(spec.strip())
    if tier:
        if tier.group(1) not in TIERS:
            raise SignsError(f"unknown tier '{tier.group(1)}' in '{{{{ signs: {spec} }}}}'; use one of: {', '.join(TIERS)}")
        return tier_section(tier.group(1), signs, clinic, kiosk)
    known = {s.id for s in signs} | set(TOPICS) | {ALL}
    unknown = [t for t in tokens if t not in known]
    if unknown or not tokens:
        raise SignsError(f"'{{{{ signs: {spec} }}}}' names no topic or sign id ({', '.join(unknown) or 'empty'}); "
                         f"see {DATA_FILE}")
    return cards(select(tokens, signs), clinic, kiosk, more_link=ALL not in tokens and has_full_list)


def find(sign_id: str, signs: list[Sign], token: str = "act") -> Sign:
    sign = next((s for s in signs if s.id == sign_id), None)
    if sign is None:
        raise SignsError(f"'{{{{ {token}: {sign_id} }}}}' names no sign; use a sign id from {DATA_FILE}")
    return sign


def sign_action(sign: Sign, clinic: dict) -> str:
    """The sign's own `action` when the data gives one, else its tier's words."""
    return fill(sign.action, clinic) if sign.action else action(sign.tier, clinic)


def act(sign_id: str, signs: list[Sign], clinic: dict) -> str:
    return sign_action(find(sign_id, signs), clinic)


def sign_words(sign_id: str, signs: list[Sign], clinic: dict, call_link: bool = False) -> str:
    """`{{ sign: ID }}`: the sign's own words, then its action as a sentence (Markdown inline);
    with call_link, an emergency action is a tap-to-call link (bold_action)."""
    sign = find(sign_id, signs, "sign")
    text = fill(sign.text, clinic)
    if not re.search(r"[.!?][*_]*$", text):
        text += "."
    return f"{text} {bold_action(as_sentence(sign_action(sign, clinic)), sign.tier, clinic, call_link and not sign.action)}"


MARKDOWN_INLINE = [(re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"), (re.compile(r"\*\*|__|[*`]"), "")]


def plain_text(text: str, clinic: dict, docs_dir: Path) -> str:
    """`{{ sign: ID }}`, `{{ act: ID }}` and `{{ clinic.NAME }}` as plain words, for text that is
    not Markdown (glossary tooltips); the caller escapes it."""
    if USES.search(text):
        signs = load(docs_dir)

        def plain_sign(match: re.Match) -> str:
            words = sign_words(match.group(1), signs, clinic)
            for pattern, replacement in MARKDOWN_INLINE:
                words = pattern.sub(replacement, words)
            return words

        text = ACT.sub(lambda m: act(m.group(1), signs, clinic), SIGN.sub(plain_sign, text))
    return fill(text, clinic)


def _inline(line: str, signs: list[Sign], clinic: dict, kiosk: bool = False, base: str = "") -> str:
    """`{{ sign: ID }}` and `{{ act: ID }}` in a line of page text (tap-to-call on the website, not the kiosk)."""
    return Cards(signs, clinic, kiosk, escape=False).inline(line, base)


_full_list: dict[Path, bool] = {}


def _has_full_list(docs_dir: Path) -> bool:
    """Whether the site has the page with every sign (a small site may not): link to it only then."""
    if docs_dir not in _full_list:
        _full_list[docs_dir] = (docs_dir / FULL_LIST_PAGE).is_file()
    return _full_list[docs_dir]


def page_settings(clinic: dict) -> dict:
    """The settings as sign blocks put them into Markdown that may hold raw HTML: a `<` in a setting
    stays a character."""
    return {name: "" if value is None else html.escape(str(value), quote=False) for name, value in clinic.items()}


class Cards:
    """What the sign marks of a page turn into, for one set of signs, settings and build (kiosk or not).

    Nothing here depends on the page but the mark and the page's folder (`base`), so each block's
    lines and each sign's words are made once and kept: the transforms keep one Cards per content
    model (scripts/transforms/__init__.py makes a new one when scripts/model/content.py reloads the
    content, i.e. when the settings, the signs or the glossary change), keyed inside by the mark's
    spec or sign id and `base`, never by a page's text. `expand` without one makes a fresh one."""

    def __init__(self, signs: list[Sign] | Callable[[], list[Sign]], clinic: dict, kiosk: bool = False,
                 has_full_list: bool = True, escape: bool = True) -> None:
        """signs: the signs, or what loads them at the first mark (a site without marks needs no data file)."""
        self._signs = signs if isinstance(signs, list) else None
        self._load = signs if self._signs is None else None
        self.clinic = page_settings(clinic) if escape else clinic
        self.kiosk = kiosk
        self.has_full_list = has_full_list
        self._by_id: dict[str, Sign] | None = None
        self._blocks: dict[tuple[str, str], list[str]] = {}
        self._sign_words: dict[tuple[str, str], str] = {}
        self._actions: dict[tuple[str, bool], str] = {}

    @property
    def signs(self) -> list[Sign]:
        if self._signs is None:
            self._signs = self._load()  # SignsInvalid when the data file has problems
        return self._signs

    def find(self, sign_id: str, token: str = "act") -> Sign:
        if self._by_id is None:
            self._by_id = {}
            for one in self.signs:
                self._by_id.setdefault(one.id, one)  # the first of an id, as `find` takes it
        sign = self._by_id.get(sign_id)
        return sign if sign is not None else find(sign_id, self.signs, token)  # find raises SignsError

    def block(self, spec: str, base: str = "") -> list[str]:
        """The lines of one `{{ signs: spec }}` block, links rebased ("" for an empty line)."""
        key = (spec, base)
        lines = self._blocks.get(key)
        if lines is None:  # a bad spec raises SignsError every time (the checks report it first)
            rendered = render_block(spec, self.signs, self.clinic, self.kiosk, self.has_full_list)
            lines = self._blocks[key] = [rebase(part, base) if part else "" for part in rendered]
        return lines

    def sign(self, sign_id: str, base: str = "") -> str:
        """`{{ sign: ID }}`: the sign's words and its action (a tap-to-call link on the website)."""
        key = (sign_id, base)
        words = self._sign_words.get(key)
        if words is None:
            self.find(sign_id, "sign")
            words = self._sign_words[key] = rebase(sign_words(sign_id, self.signs, self.clinic, call_link=not self.kiosk), base)
        return words

    def act(self, sign_id: str, capital: bool) -> str:
        """`{{ act: ID }}`: the sign's action in bold, with a capital at the start of a sentence."""
        key = (sign_id, capital)
        words = self._actions.get(key)
        if words is None:
            sign = self.find(sign_id)
            words = sign_action(sign, self.clinic)
            if capital:
                words = words[0].upper() + words[1:]
            words = self._actions[key] = bold_action(words, sign.tier, self.clinic, call_link=not self.kiosk and not sign.action)
        return words

    def inline(self, line: str, base: str = "") -> str:
        """`{{ sign: ID }}` and `{{ act: ID }}` in a line of page text (tap-to-call on the website, not the kiosk)."""
        line = SIGN.sub(lambda m: self.sign(m.group(1), base), line)
        return ACT.sub(lambda m: self.act(m.group(1), bool(SENTENCE_START.search(line[:m.start()]))), line)

    def expand(self, markdown: str, base: str = "") -> str:
        """`expand` for this set of signs, settings and build."""
        if not ANY_TOKEN.search(markdown):
            return markdown
        out: list[str] = []
        fence = None
        for line in markdown.split("\n"):
            marker = FENCE.match(line)
            if marker:
                fence = None if fence == marker.group(1) else (fence or marker.group(1))
            if fence or marker:
                out.append(line)
                continue
            block = BLOCK.match(line) if "{{" in line else None
            if block:
                indent = block.group(1)
                out += [indent + part if part else "" for part in self.block(block.group(2), base)]
            elif "{{" in line:
                out.append(self.inline(line, base))
            else:
                out.append(line)
        return "\n".join(out)


def expand(markdown: str, clinic: dict, docs_dir: Path, kiosk: bool = False, base: str = "", cards: Cards | None = None) -> str:
    """Replace `{{ signs: ... }}` lines, `{{ sign: ID }}` and `{{ act: ID }}` with the signs from the data file.
    `cards`: the Cards made for these settings, signs and build (the page transforms keep one per
    content model); without it, one is made from the data file for this call."""
    if not ANY_TOKEN.search(markdown):
        return markdown
    if cards is None:
        cards = Cards(load(docs_dir), clinic, kiosk, _has_full_list(Path(docs_dir)))
    return cards.expand(markdown, base)


# ------------------------------------------------------------------ the kiosk's emergency strip (HTML)

def emergency_strip(clinic: dict) -> str:
    """A full-width line for the kiosk home and "Touch to start" screens: the number large, what it
    is for, and the reception note. Phrasing content only (spans), so it fits inside a button too."""
    number = html.escape(setting_text(clinic, "emergency_number"))
    note = html.escape(setting_text(clinic, "reception_note"))
    return (f'<span class="signs-strip" data-signs-strip>'
            f'<span class="signs-strip__what">{html.escape(word(clinic, "strip_what"))}</span> '
            f'<span class="signs-strip__note">{note}</span> '
            f'<span class="signs-strip__call">{html.escape(word(clinic, "strip_or_call" if note else "strip_call"))} '
            f'<strong class="signs-strip__number">{number}</strong></span>'
            f'</span>')
