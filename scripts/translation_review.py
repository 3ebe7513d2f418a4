"""The Russian edition's review table (issue 19 part 7): the English beside a back-translation.

    python -m scripts.translation_review           writes translations/ru/review.md
    python -m scripts.translation_review --check   writes nothing; exits 1 with FILE:LINE: message; fix
                                                   when review.md is out of date, or a sign, an action
                                                   or a section has no back-translation (for CI)

A back-translation is the Russian translated back into English word for word, so that a reviewer who
reads no Russian can see what the Russian says. The review table sets it beside the English:
- every warning sign (docs/_data/warning-signs.yml `text` against the `back_translation` of
  docs-ru/_data/warning-signs.ru.yml, and a sign's `action` against translations/ru/sign-actions.back.yml);
- the urgent-help page section by section, by heading id (docs/urgent-help.md against
  translations/ru/urgent-help.back.md, a back-translation of docs-ru/urgent-help.md).

Its "differences" column is mechanical (`differences`): the words and marks of MARKERS (the words
that decide who a sign catches: "or", "either", "both", "new", "suddenly", time words, numbers,
body parts, negations) counted in the English and in the back-translation, and the bold (**) spans.
It finds words, not meaning: it is where a bilingual clinician starts reading, never a verdict.

review.md holds no date, only what it was made from, so that `--check` can tell whether it is current.
No network; the English signs are read with the content model (scripts/model/signs.py `read`).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from markdown.extensions.toc import slugify, unique

from scripts.checks.links import ATTR_ID, HEADING, heading_text
from scripts.model import datafile
from scripts.model import signs as signs_model
from scripts.model.glossary import GLOSSARY_REF
from scripts.model.translation import page_hash, sign_hash, words_hash
from scripts.problems import ERROR, NOTE, Problem
from scripts.sources import FENCE, Source, split_front_matter

ROOT = Path(__file__).resolve().parent.parent
EN_SIGNS = "docs/_data/warning-signs.yml"
RU_SIGNS = "docs-ru/_data/warning-signs.ru.yml"
BACK_ACTIONS = "translations/ru/sign-actions.back.yml"
EN_PAGE = "docs/urgent-help.md"
RU_PAGE = "docs-ru/urgent-help.md"
BACK_PAGE = "translations/ru/urgent-help.back.md"
REVIEW = "translations/ru/review.md"
COMMAND = "python -m scripts.translation_review"
REGENERATE = f"run `{COMMAND}` and commit {REVIEW}"

# ------------------------------------------------------------------ the words that matter
# canonical marker -> (group, the word forms counted as it). Lower case, whole words.
GROUPS = {
    "choice": "alternatives, combinations and negations (who a sign catches turns on them)",
    "onset": "newness, onset and course",
    "time": "time words (brief §8: sudden = seconds or minutes; over hours = within a day; over days = 2 to 14 days)",
    "body": "body parts and sides",
}
MARKERS: dict[str, tuple[str, tuple[str, ...]]] = {
    # choice
    "or": ("choice", ("or",)), "either": ("choice", ("either",)), "both": ("choice", ("both",)),
    "and": ("choice", ("and",)), "with": ("choice", ("with",)), "without": ("choice", ("without",)),
    "any": ("choice", ("any",)), "all": ("choice", ("all",)), "each": ("choice", ("each", "every")),
    "only": ("choice", ("only",)), "also": ("choice", ("also", "too")), "even": ("choice", ("even",)),
    "not": ("choice", ("not", "no", "never", "nor", "cannot")), "if": ("choice", ("if", "unless")),
    # onset
    "new": ("onset", ("new", "newly")), "sudden": ("onset", ("sudden", "suddenly")),
    "slowly": ("onset", ("slow", "slowly", "gradual", "gradually")), "fast": ("onset", ("fast", "quick", "quickly", "rapid", "rapidly")),
    "spread": ("onset", ("spread", "spreads", "spreading")), "worse": ("onset", ("worse",)), "better": ("onset", ("better",)),
    # time
    "seconds": ("time", ("second", "seconds")), "minutes": ("time", ("minute", "minutes")), "hours": ("time", ("hour", "hours")),
    "days": ("time", ("day", "days")), "weeks": ("time", ("week", "weeks")), "months": ("time", ("month", "months")),
    "years": ("time", ("year", "years")), "night": ("time", ("night", "nights")), "rest": ("time", ("rest",)),
    # body
    "face": ("body", ("face", "faces", "facial")), "head": ("body", ("head", "headache")), "eye": ("body", ("eye", "eyes")),
    "ear": ("body", ("ear", "ears")), "mouth": ("body", ("mouth",)), "lip": ("body", ("lip", "lips")), "jaw": ("body", ("jaw",)),
    "neck": ("body", ("neck",)), "arm": ("body", ("arm", "arms")), "hand": ("body", ("hand", "hands")),
    "finger": ("body", ("finger", "fingers", "thumb", "thumbs")), "chest": ("body", ("chest",)), "rib": ("body", ("rib", "ribs")),
    "heart": ("body", ("heart", "heartbeat")), "lung": ("body", ("lung", "lungs")), "back": ("body", ("back",)),
    "spine": ("body", ("spine", "spinal")), "belly": ("body", ("belly", "tummy", "stomach", "abdomen")),
    "bottom": ("body", ("bottom", "buttock", "buttocks")), "genitals": ("body", ("genital", "genitals")),
    "thigh": ("body", ("thigh", "thighs")), "leg": ("body", ("leg", "legs")), "calf": ("body", ("calf", "calves")),
    "foot": ("body", ("foot", "feet")), "toe": ("body", ("toe", "toes")), "skin": ("body", ("skin",)),
    "muscle": ("body", ("muscle", "muscles")), "bladder": ("body", ("bladder",)), "bowel": ("body", ("bowel", "bowels")),
    "limb": ("body", ("limb", "limbs")), "side": ("body", ("side", "sides", "sided")),
    "left": ("body", ("left",)), "right": ("body", ("right",)),
}
NUMBER_WORDS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
                "nine": "9", "ten": "10", "twelve": "12", "fourteen": "14", "twenty": "20"}
# Phrases read before counting, so a word is not counted in a sense it does not have there.
PHRASES = (
    (re.compile(r"\b(come|comes|coming|came|go|goes|going|went|get|gets|getting)\s+back\b"), r"\1 again"),  # not the body part
    (re.compile(r"\b(left|right)\s+(without|untreated|alone)\b"), r"_ \2"),  # "left without treatment": not a side
    (re.compile(r"\bright\s+away\b"), "now"),
    (re.compile(r"\bwith\s+no\b"), "without"),  # "with no clear cause" = "without a clear cause"
    (re.compile(r"\bthe\s+one\s+(you|who|that)\b"), r"the person \1"),  # a pronoun, not the number 1
)
FORMS = {form: marker for marker, (_, forms) in MARKERS.items() for form in forms}
WORD = re.compile(r"[a-z]+|\d+")
BOLD = re.compile(r"\*\*(.+?)\*\*")
TOKEN = re.compile(r"\{\{.*?\}\}")
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


def plain(text: str) -> str:
    """The words a reader reads: `{{ }}` tokens out, glossary marks and links as their shown words."""
    text = TOKEN.sub(" ", text)
    text = GLOSSARY_REF.sub(lambda m: m.group(2) or m.group(1), text)
    return LINK.sub(r"\1", text)


def markers(text: str) -> Counter:
    """How often each marker occurs in the text (numbers as digits: "two" and "2" are one marker)."""
    text = plain(text).lower().replace("\u2019", "'")
    for pattern, replacement in PHRASES:
        text = pattern.sub(replacement, text)
    found: Counter = Counter()
    for word in WORD.findall(text):
        if word.isdigit() or word in NUMBER_WORDS:
            found[NUMBER_WORDS.get(word, word)] += 1
        elif word in FORMS:
            found[FORMS[word]] += 1
    return found


@dataclass
class Differences:
    only_english: list[str] = field(default_factory=list)
    only_back: list[str] = field(default_factory=list)
    counts: list[tuple[str, int, int]] = field(default_factory=list)  # in both, a different number of times
    bold: list[str] = field(default_factory=list)
    tokens: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.only_english or self.only_back or self.counts or self.bold or self.tokens)

    def words(self) -> set[str]:
        """The markers this difference is about (tests and summaries)."""
        return set(self.only_english) | set(self.only_back) | {m for m, _, _ in self.counts}

    def __str__(self) -> str:
        parts = []
        if self.only_english:
            parts.append("only in English: " + ", ".join(f"«{m}»" for m in self.only_english))
        if self.only_back:
            parts.append("only in back-translation: " + ", ".join(f"«{m}»" for m in self.only_back))
        if self.counts:
            parts.append("count English/back: " + ", ".join(f"«{m}» {a}/{b}" for m, a, b in self.counts))
        parts += self.bold + self.tokens
        return "; ".join(parts) if parts else "none found"


def _order(marker: str) -> tuple[int, int, str]:
    keys = list(MARKERS)
    return (0, keys.index(marker), "") if marker in MARKERS else (1, int(marker) if marker.isdigit() else 0, marker)


def differences(english: str, back: str) -> Differences:
    """What the word list finds between an English text and a back-translation (see MARKERS)."""
    found = Differences()
    en, bt = markers(english), markers(back)
    for marker in sorted(set(en) | set(bt), key=_order):
        if en[marker] and not bt[marker]:
            found.only_english.append(marker)
        elif bt[marker] and not en[marker]:
            found.only_back.append(marker)
        elif en[marker] != bt[marker]:
            found.counts.append((marker, en[marker], bt[marker]))
    en_bold, bt_bold = BOLD.findall(english), BOLD.findall(back)
    if len(en_bold) != len(bt_bold):
        found.bold.append(f"bold spans English/back: {len(en_bold)}/{len(bt_bold)}")
    in_en, in_bt = markers(" ".join(en_bold)), markers(" ".join(bt_bold))
    only_en = [m for m in sorted(set(in_en) - set(in_bt), key=_order)]
    only_bt = [m for m in sorted(set(in_bt) - set(in_en), key=_order)]
    if only_en:
        found.bold.append("bold only in English: " + ", ".join(f"«{m}»" for m in only_en))
    if only_bt:
        found.bold.append("bold only in back-translation: " + ", ".join(f"«{m}»" for m in only_bt))
    en_tokens, bt_tokens = Counter(_tokens(english)), Counter(_tokens(back))
    for token in sorted(set(en_tokens) | set(bt_tokens)):
        if en_tokens[token] != bt_tokens[token]:
            found.tokens.append(f"`{token}` English/back: {en_tokens[token]}/{bt_tokens[token]}")
    return found


def _tokens(text: str) -> list[str]:
    return [re.sub(r"\s+", " ", token) for token in TOKEN.findall(text)]


# ------------------------------------------------------------------ the sources
@dataclass
class SignRow:
    id: str
    tier: str
    english: str
    english_line: int
    russian: str = ""
    back: str = ""
    russian_line: int = 0  # of the sign in the Russian file; 0 when it has none
    stale: str = ""  # why the Russian words may not match the English any more
    english_action: str = ""
    russian_action: str = ""
    back_action: str = ""


@dataclass
class Block:
    text: str
    line: int


@dataclass
class Section:
    id: str
    title: str
    level: int
    line: int
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Sources:
    signs: list[SignRow]
    english: list[Section]
    back: list[Section]
    back_meta: dict
    english_hash: str  # of the English page now
    russian_hash: str  # of the Russian page now
    russian_english: str  # the English hash the Russian page names
    problems: list[Problem]


def _problem(path: str, line: int, message: str, fix: str, severity: str = ERROR) -> Problem:
    return Problem(path, line, message, fix, severity)


def read_text(root: Path, rel: str, what: str) -> tuple[str | None, list[Problem]]:
    text, problems = datafile.read_text(root / rel, what)
    return text, [_problem(rel, p.line, p.message, p.fix, p.severity) for p in problems]


def read_signs(root: Path) -> tuple[list[SignRow], list[Problem]]:
    data = signs_model.read(root / EN_SIGNS)
    problems = [_problem(EN_SIGNS, p.line, p.message, p.fix, p.severity) for p in data.problems]
    if data.problems:
        return [], problems
    rows = [SignRow(s.id, s.tier, s.text, s.line, english_action=s.action) for s in data.signs]
    by_id = {row.id: row for row in rows}
    english = {s.id: s for s in data.signs}

    root_node, found = datafile.compose(root / RU_SIGNS, "the Russian warning signs")
    problems += [_problem(RU_SIGNS, p.line, p.message, p.fix) for p in found]
    seen = set()
    for node in root_node.value if isinstance(root_node, yaml.SequenceNode) else []:
        fields = datafile.mapping(node) or {}
        sign_id = datafile.scalar(fields.get("id", (None, None))[1])
        row = by_id.get(sign_id or "")
        if row is None or sign_id in seen:
            continue  # the build's translation check says so (scripts/model/translation.py)
        seen.add(sign_id)
        value = {key: (datafile.scalar(fields[key][1]) or "").strip() if key in fields else "" for key in
                 ("text", "back_translation", "english", "action")}
        row.russian, row.back, row.russian_action = value["text"], value["back_translation"], value["action"]
        row.russian_line = datafile.line(node)
        where = datafile.line(fields["back_translation"][1]) if "back_translation" in fields else row.russian_line
        if not row.back:
            problems.append(_problem(RU_SIGNS, where, f"the sign '{sign_id}' has no back-translation",
                                     "add back_translation: its Russian text translated literally back into English, for reviewers"))
        expected = sign_hash(english[sign_id])
        if value["english"] != expected:
            row.stale = (f"made from older English words (english: {value['english'] or 'none'}, the English is now {expected})")
            problems.append(_problem(RU_SIGNS, row.russian_line, f"the Russian sign '{sign_id}' was {row.stale}",
                                     "check the Russian text and its back-translation against the English, then set english: " + expected, NOTE))
    for row in rows:
        if not row.russian_line:
            problems.append(_problem(RU_SIGNS, 1, f"the sign '{row.id}' has no Russian translation, so no back-translation",
                                     f"add '- id: {row.id}' with text and back_translation"))
    problems += _read_actions(root, rows)
    return rows, problems


def _read_actions(root: Path, rows: list[SignRow]) -> list[Problem]:
    """The back-translations of the signs' actions (translations/ru/sign-actions.back.yml)."""
    wanted = [row for row in rows if row.english_action or row.russian_action]
    if not wanted and not (root / BACK_ACTIONS).exists():
        return []
    node, problems = datafile.compose(root / BACK_ACTIONS, "the back-translations of the signs' actions")
    problems = [_problem(BACK_ACTIONS, p.line, p.message, p.fix) for p in problems]
    by_id = {row.id: row for row in rows}
    lines: dict[str, int] = {}
    for item in node.value if isinstance(node, yaml.SequenceNode) else []:
        fields = datafile.mapping(item) or {}
        sign_id = datafile.scalar(fields.get("id", (None, None))[1]) or ""
        row = by_id.get(sign_id)
        lines[sign_id] = datafile.line(item)
        if row is None or not row.russian_action:
            problems.append(_problem(BACK_ACTIONS, datafile.line(item), f"'{sign_id}' is not a sign with a Russian action",
                                     f"remove it, or give the sign an action in {RU_SIGNS} first"))
            continue
        row.back_action = (datafile.scalar(fields.get("back_translation", (None, None))[1]) or "").strip()
        made_from = datafile.scalar(fields.get("russian", (None, None))[1]) or ""
        now = words_hash(row.russian_action)
        if not row.back_action:
            problems.append(_problem(BACK_ACTIONS, datafile.line(item), f"the action of '{sign_id}' has no back-translation",
                                     "add back_translation: its Russian action translated literally back into English"))
        elif made_from != now:
            problems.append(_problem(BACK_ACTIONS, datafile.line(item),
                                     f"the back-translation of the action of '{sign_id}' was made from other Russian words "
                                     f"(russian: {made_from or 'none'}, the Russian action is now {now})",
                                     f"translate the Russian action in {RU_SIGNS} back again, then set russian: {now}"))
    for row in wanted:
        if row.russian_action and row.id not in lines:
            problems.append(_problem(BACK_ACTIONS, 1, f"the action of the sign '{row.id}' has no back-translation",
                                     f"add '- id: {row.id}' with russian: {words_hash(row.russian_action)} and back_translation: "
                                     "its Russian action in literal English"))
    return problems


def sections(text: str) -> tuple[list[Section], dict]:
    """A page's sections by heading id (explicit `{ #id }` or the toc extension's slug), its front matter."""
    source = Source(Path(), "", text)
    split_front_matter(source)
    meta = yaml.safe_load(source.front_matter_text or "") or {}
    lines = text.split("\n")
    found: list[Section] = []
    ids: set[str] = set()
    block: list[str] = []
    start = 0
    in_fence = False

    def close() -> None:
        nonlocal block
        if block and found:
            found[-1].blocks.append(Block("\n".join(block), start))
        block = []

    for number in range(source.body_start, len(lines) + 1):
        line = lines[number - 1].rstrip()
        if FENCE.match(line):
            in_fence = not in_fence
        heading = None if in_fence else HEADING.match(line)
        if heading:
            close()
            raw = heading.group(2)
            custom = ATTR_ID.search(raw)
            section_id = custom.group(1) if custom else unique(slugify(heading_text(raw), "-"), ids)
            ids.add(section_id)
            found.append(Section(section_id, heading_text(raw), len(heading.group(1)), number))
        elif not line.strip():
            close()
        else:
            if not block:
                start = number
            block.append(line)
    close()
    return found, meta if isinstance(meta, dict) else {}


def read_page(root: Path) -> tuple[list[Section], list[Section], dict, str, str, str, list[Problem]]:
    problems: list[Problem] = []
    texts = {}
    for rel, what in ((EN_PAGE, "the English urgent-help page"), (RU_PAGE, "the Russian urgent-help page"),
                      (BACK_PAGE, "the back-translation of the urgent-help page")):
        text, found = read_text(root, rel, what)
        texts[rel] = text or ""
        problems += found
    english, _ = sections(texts[EN_PAGE])
    russian, russian_meta = sections(texts[RU_PAGE])
    back, back_meta = sections(texts[BACK_PAGE])
    english_hash = page_hash(texts[EN_PAGE]) if texts[EN_PAGE] else ""
    russian_hash = page_hash(texts[RU_PAGE]) if texts[RU_PAGE] else ""
    russian_english = str(russian_meta.get("english") or "")
    if texts[BACK_PAGE]:
        made_from = str(back_meta.get("russian") or "")
        if made_from != russian_hash:
            problems.append(_problem(BACK_PAGE, _meta_line(texts[BACK_PAGE], "russian"),
                                     f"the back-translation was made from other Russian words (russian: {made_from or 'none'}, "
                                     f"{RU_PAGE} is now {russian_hash})",
                                     f"translate the changed Russian sentences back again (git log -p {RU_PAGE}), then set russian: \"{russian_hash}\""))
        back_ids = {section.id: section for section in back}
        english_ids = {section.id for section in english}
        for index, section in enumerate(english):
            other = back_ids.get(section.id)
            if other is None:
                before = next((back_ids[s.id].line for s in reversed(english[:index]) if s.id in back_ids), 1)
                problems.append(_problem(BACK_PAGE, before, f"the section '#{section.id}' ({EN_PAGE}:{section.line}) has no back-translation",
                                         f"add its heading with {{ #{section.id} }} after this line and translate the Russian section back"))
            elif section.blocks and not other.blocks:
                problems.append(_problem(BACK_PAGE, other.line, f"the section '#{section.id}' has a heading but no back-translated text",
                                         f"translate the Russian section '#{section.id}' back under it"))
        for section in back:
            if section.id not in english_ids:
                problems.append(_problem(BACK_PAGE, section.line, f"'#{section.id}' is not a heading id of {EN_PAGE}",
                                         "give each heading the id of the English heading it translates: { #id }"))
        russian_ids = {section.id for section in russian}
        for section in english:
            if texts[RU_PAGE] and section.id not in russian_ids:
                problems.append(_problem(RU_PAGE, 1, f"the Russian page has no heading with the id '#{section.id}' of {EN_PAGE}:{section.line}",
                                         "the translator gives every heading the English heading's id (notes/russian.md)", NOTE))
    return english, back, back_meta, english_hash, russian_hash, russian_english, problems


def _meta_line(text: str, key: str) -> int:
    for number, line in enumerate(text.split("\n"), 1):
        if line.startswith(f"{key}:"):
            return number
    return 1


def read_sources(root: Path) -> Sources:
    signs, problems = read_signs(root)
    english, back, back_meta, english_hash, russian_hash, russian_english, found = read_page(root)
    return Sources(signs, english, back, back_meta, english_hash, russian_hash, russian_english, problems + found)


# ------------------------------------------------------------------ the table
def cell(text: str) -> str:
    """Text for one Markdown table cell: one line, pipes escaped."""
    text = text.strip().replace("|", "\\|")
    lines = [("&emsp;" * ((len(part) - len(part.lstrip(" "))) // 4)) + part.strip() for part in text.split("\n")]
    return "<br>".join(lines) if text else "—"


def _missing(text: str, what: str = "no back-translation") -> str:
    return cell(text) if text.strip() else f"**MISSING: {what}**"


HEADER = f"""\
# Russian translation review: warning signs and the urgent-help page

Written by `{COMMAND}` from the files below; do not edit it by hand. `{COMMAND} --check` fails
when this file is out of date (CI keeps it current) or when a sign, an action or a section has no
back-translation.

A **back-translation** is the Russian translated back into English word for word by someone who did
not look at the English. Where it says something the English does not (or leaves out something the
English says), the Russian may say it too. Every back-translation here was made by an AI assistant
and needs a bilingual (Russian and English) clinician's review, as does the Russian itself.

Sources:
- the signs: `{EN_SIGNS}` (`text`, `action`) against `{RU_SIGNS}` (`text`, `back_translation`) and
  `{BACK_ACTIONS}` (the actions' back-translations);
- the page: `{EN_PAGE}` against `{BACK_PAGE}`, the back-translation of `{RU_PAGE}`.

## How to read the "differences" column

It is found mechanically, by counting words, not by reading: a clinician reads every row anyway,
and starts with the rows that have differences. It lists
- **only in English: «x»**: the English has the word x (or a form of it) and the back-translation does
  not; **only in back-translation: «x»**: the reverse. A dropped «or», «either» or «both» can change who
  a sign catches; a dropped «new» or «suddenly» or a changed time word changes when it applies;
- **count English/back: «x» 3/2**: both have it, a different number of times (a list item lost or added);
- **bold**: a different number of bold (`**`) spans, or words of the list bold in one and not the other
  (the bold words are what a worried reader sees first);
- **`{{{{ ... }}}}`**: a token (a sign, an action, a clinic number) in one and not the other (page only).

"none found" means only that none of these words differ: the meaning can still differ.

The words (each counted with the forms shown; numbers as digits, so "two" and "2" are the same):
"""


def word_list() -> str:
    lines = []
    for group, meaning in GROUPS.items():
        words = [f"{marker} ({', '.join(forms)})" if forms != (marker,) else marker
                 for marker, (in_group, forms) in MARKERS.items() if in_group == group]
        lines.append(f"- {meaning}: {'; '.join(words)}")
    lines.append(f"- numbers: every number written in digits, and {', '.join(NUMBER_WORDS)}")
    lines.append("- before counting, `{{ }}` tokens are left out, glossary marks and links count as their shown words, "
                 "\"come back\" / \"go back\" / \"get back\" are not the body part, \"left\" in \"left without\" is not a side, "
                 "\"the one you ...\" is not the number 1, and \"with no\" counts as \"without\"")
    return "\n".join(lines)


def render(sources: Sources) -> str:
    out = [HEADER + word_list(), ""]
    rows = sources.signs
    with_differences = [row for row in rows if differences(row.english, row.back) or row.stale]
    by_tier = {tier: sum(row.tier == tier for row in rows) for tier in signs_model.TIERS}
    out += ["## Warning signs", "",
            (f"{len(rows)} signs ({', '.join(f'{n} {tier}' for tier, n in by_tier.items())}); "
            f"{sum(bool(row.back) for row in rows)} with a back-translation; "
            f"{len(with_differences)} with mechanical differences or a stale hash."), "",
            "| id | tier | differences |", "|---|---|---|"]
    for row in rows:
        found = differences(row.english, row.back) if row.back else None
        summary = "no back-translation" if found is None else str(found)
        if row.stale:
            summary += "; STALE: Russian " + row.stale
        out.append(f"| [{row.id}](#sign-{row.id}) | {row.tier} | {cell(summary)} |")
    out.append("")
    for row in rows:
        out += [f"### Sign: {row.id}", "", "| | |", "|---|---|",
                f"| id | `{row.id}` |",
                f"| tier | {row.tier} |",
                f"| English ({EN_SIGNS}:{row.english_line}) | {cell(row.english)} |",
                f"| Russian ({RU_SIGNS}:{row.russian_line}) | {_missing(row.russian, 'no Russian text')} |",
                f"| Back-translation | {_missing(row.back)} |",
                f"| Differences | {cell(str(differences(row.english, row.back))) if row.back else '—'} |"]
        if row.stale:
            out.append(f"| Hash | STALE: the Russian was {cell(row.stale)} |")
        if row.english_action or row.russian_action:
            out += [f"| English action | {cell(row.english_action)} |",
                    f"| Russian action | {_missing(row.russian_action, 'no Russian action')} |",
                    f"| Action back-translation ({BACK_ACTIONS}) | {_missing(row.back_action)} |",
                    f"| Action differences | {cell(str(differences(row.english_action, row.back_action))) if row.back_action else '—'} |"]
        out.append("")

    back = {section.id: section for section in sources.back}
    meta = sources.back_meta
    current = sources.russian_english == sources.english_hash
    out += ["## The urgent-help page, section by section", "",
            (f"English page now: `{sources.english_hash}`; the Russian page says it translates `{sources.russian_english or 'none'}`"
            f" ({'current' if current else 'STALE: the English changed since the Russian was made'})."),
            (f"Russian page now: `{sources.russian_hash}`; the back-translation was made from `{meta.get('russian') or 'none'}`"
            f" ({'current' if str(meta.get('russian') or '') == sources.russian_hash else 'STALE: redo the back-translation'}),"
            f" by {meta.get('made_by') or 'unknown'}, {meta.get('date') or 'undated'}; {meta.get('review') or ''}."), "",
            "Paragraphs are set side by side in order; \"line\" is the line in each file.", "",
            "| section | differences |", "|---|---|"]
    for section in sources.english:
        other = back.get(section.id)
        if other is None:
            summary = "no back-translation"
        else:
            found = [differences(a.text, b.text) for a, b in _pairs(section, other)]
            flagged = sum(bool(f) for f in found)
            summary = f"{flagged} of {len(found)} rows" if flagged else "none found"
            if len(section.blocks) != len(other.blocks):
                summary += f"; paragraphs English/back: {len(section.blocks)}/{len(other.blocks)}"
        out.append(f"| [#{section.id}](#section-{section.id}) | {cell(summary)} |")
    out.append("")
    for section in sources.english:
        other = back.get(section.id)
        out += [f"### Section: {section.id}", ""]
        if other is None:
            out += [f"**MISSING: no back-translation** ({EN_PAGE}:{section.line}, \"{section.title}\")", ""]
            continue
        out += ["| line | English | Back-translation | differences |", "|---|---|---|---|"]
        for english, back_block in _pairs(section, other):
            out.append(f"| {english.line or '—'}/{back_block.line or '—'} | {cell(english.text)} | {cell(back_block.text)} | "
                       f"{cell(str(differences(english.text, back_block.text)))} |")
        if len(section.blocks) != len(other.blocks):
            whole = differences("\n".join(b.text for b in section.blocks), "\n".join(b.text for b in other.blocks))
            out += ["", (f"Paragraphs English/back: {len(section.blocks)}/{len(other.blocks)}, so rows may not line up; "
                        f"the whole section: {whole}")]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _pairs(english: Section, back: Section) -> list[tuple[Block, Block]]:
    """The heading, then the paragraphs in order (an empty block where one side has fewer)."""
    heading = (Block(english.title, english.line), Block(back.title, back.line))
    count = max(len(english.blocks), len(back.blocks))
    empty = Block("", 0)
    return [heading] + [(english.blocks[i] if i < len(english.blocks) else empty, back.blocks[i] if i < len(back.blocks) else empty)
                        for i in range(count)]


def _parts(text: str) -> dict[str, tuple[int, list[str]]]:
    """review.md cut into named parts: each sign (its summary row and its table), each section, the rest
    by their "## " heading; part name -> (its first line, its lines)."""
    parts: dict[str, tuple[int, list[str]]] = {}
    current = "its header"
    for number, line in enumerate(text.split("\n"), 1):
        row = re.match(r"\| \[#?([\w-]+)\]\(#(sign|section)-", line)
        if line.startswith("## "):
            current = f"'{line[3:]}'"
        elif line.startswith("### Sign: "):
            current = f"sign '{line[10:]}'"
        elif line.startswith("### Section: "):
            current = f"section '#{line[13:]}'"
        name = (f"sign '{row.group(1)}'" if row.group(2) == "sign" else f"section '#{row.group(1)}'") if row else current
        parts.setdefault(name, (number, []))[1].append(line)
    return parts


def stale_review(root: Path, expected: str) -> Problem | None:
    """A problem at the first line of review.md that the sources now give otherwise, naming what changed."""
    path = root / REVIEW
    if not path.exists():
        return _problem(REVIEW, 1, "the review table is missing", REGENERATE)
    actual = path.read_text(encoding="utf-8")
    if actual == expected:
        return None
    old, new = _parts(actual), _parts(expected)
    changed = [name for name in dict.fromkeys([*new, *old]) if old.get(name, (0, None))[1] != new.get(name, (0, None))[1]]
    named = [name for name in changed if name.startswith(("sign ", "section "))] or changed
    lines = [old[name][0] for name in named if name in old]
    line = min(lines) if lines else len(actual.split("\n"))
    shown = ", ".join(named[:5]) + (f" and {len(named) - 5} more" if len(named) > 5 else "")
    return _problem(REVIEW, line, f"the review table is out of date with its sources (changed: {shown})", REGENERATE)


def check(root: Path) -> list[Problem]:
    """For the build of the Russian edition: missing back-translations (errors) and a review table
    out of date (a note: `python -m scripts.translation_review` rewrites it; CI's test holds it current)."""
    sources = read_sources(Path(root).resolve())
    problems = list(sources.problems)
    if any(p.path == EN_SIGNS and p.severity == ERROR for p in problems):
        return problems
    stale = stale_review(Path(root).resolve(), render(sources))
    if stale:
        problems.append(Problem(stale.path, stale.line, stale.message, stale.fix, NOTE))
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if review.md is out of date or a back-translation is missing")
    parser.add_argument("--root", type=Path, default=ROOT, help="the project folder (default: this checkout)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    sources = read_sources(root)
    problems = list(sources.problems)
    errors = [p for p in problems if p.severity == ERROR]
    if any(p.path == EN_SIGNS for p in errors):  # no signs to compare
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1
    text = render(sources)
    if args.check:
        stale = stale_review(root, text)
        if stale:
            problems.insert(0, stale)
            errors.insert(0, stale)
    else:
        (root / REVIEW).parent.mkdir(parents=True, exist_ok=True)
        (root / REVIEW).write_text(text, encoding="utf-8")
        print(f"wrote {REVIEW}: {len(sources.signs)} signs, {len(sources.english)} sections of {EN_PAGE}")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
