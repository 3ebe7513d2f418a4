"""Warning signs (docs/_data/warning-signs.yml): complete data, known names in pages, and no drift.

Drift (brief §8, "one wording per sign"): page text that describes a sign must use the sign, its
own words and its tier's action, never restate it with an urgency of its own. Per sentence (a table
row counts as one):
- a sentence that names a sign (one of its `watch` phrases) together with any urgency (the words of
  any tier, a word of no tier such as "straight away", or the action of another sign) must use that
  sign: `{{ sign: ID }}` or `{{ act: ID }}`. A phrase that is part of the own words of a sign the
  sentence uses counts as that sign's (the months sign says "clumsy hands" too);
- a sentence that uses a sign gives no urgency words of a less urgent tier than its signs
  ("{{ act: stroke }}, or see your GP soon");
- words that sound urgent but are no tier ("straight away", "at once", "immediately", "need a
  doctor's check") are errors anywhere in page text: the guide has three tiers only.
A line that is fine as it is (a sentence that is really not about the sign) can end with
`<!-- signs: ok -->`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from scripts import siteconfig
from scripts.checks import allowlist
from scripts.model.glossary import alternatives
from scripts.model.signs import (
    ACT,
    ALL,
    ANY_SIGNS,
    DATA_FILE,
    SIGN,
    TIER_TOKEN,
    TIERS,
    TOPICS,
    USES,
    Entry,
    Sign,
    load,
    parse_tokens,
    read_cached,
)
from scripts.model.tiers import action, with_words
from scripts.model.translation import signs_for
from scripts.problems import Problem, display_path
from scripts.sources import Source, memo

BLOCK_LINE = re.compile(r"^\s*\{\{\s*signs\s*:[^}]*\}\}\s*$")
OK_MARK = re.compile(r"<!--\s*signs:\s*ok\s*-->\s*$")
# A sentence ends at . ! or ?, and after an inserted sign: `{{ sign: ID }}` is whole sentences of its own.
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=\}\})\s+(?=[A-ZА-ЯЁ])")

# Words that give an urgency, per tier. {{ clinic.X }} placeholders and the settings' own values count too.
# "See a GP" with no other word is the soon tier (brief §8).
SEE_A_DOCTOR = r"\b(?:see|talk to) (?:your|a) (?:gp|doctor)\b(?! (?:today|now|the same day|urgently|straight away|right away|immediately|at once))"
URGENCY = {
    "emergency": [r"\bambulance\b", r"\ba&e\b", r"\bemergency department\b", r"\{\{ ?clinic\.emergency_number ?\}\}",
                  r"\{\{ ?clinic\.emergency_service ?\}\}", r"\bcall (?:for )?help now\b", r"\ban emergency\b"],
    "today": [r"\btoday\b", r"\bsame[ -]day\b", r"\burgent\b", r"\bwithin 24 hours\b",
              r"\{\{ ?clinic\.urgent_(?:advice|number|service) ?\}\}"],
    "soon": [r"\bsoon\b", r"\b(?:book|make) an appointment\b", r"\broutine appointment\b",
             r"\bnext (?:appointment|visit|session)\b", SEE_A_DOCTOR],
}
# Words that sound urgent but are no tier (review m7, m13, 3b): an error wherever a page uses them.
NO_TIER = re.compile(r"\bstraight away\b|\bright away\b|\bimmediately\b|\burgently\b|\bas soon as (?:possible|you can)\b"
                     r"|\basap\b|\bwithout delay\b|\bact on (?:it|them|this) now\b"
                     r"|\b(?:advice|help|doctor|gp|call|go|see|seek|contact|phone|ask)\b[^.;:]{0,40}?\bat once\b"
                     r"|\bneeds? (?:a doctor's check|a check by (?:your|a) (?:doctor|gp)|(?:to see )?(?:a|your) doctor)\b")
NO_TIER_HINTS = re.compile(r"away|immediately|urgently|as soon|asap|delay|act on|at once|need")
# Plain words at least one of which every urgency above contains: a fast first test per line
# (Python's regex engine tries every alternative at every position).
URGENCY_HINTS = ("ambulance", "a&e", "call", "emergency", "{{", "today", "same", "urgent", "24 hours", "soon", "appointment",
                 "next ", "see ", "talk ", "away", "immediately", "as soon", "asap", "delay", "act on", "at once", "need")
SETTING_WORDS = {"emergency": ("emergency_number", "emergency_service"), "today": ("urgent_advice", "urgent_number", "urgent_service")}
# Phrases that look like an urgency but are not one (the title of the urgent-help page is one).
NOT_URGENCY = re.compile(r"\bas soon as\b(?! (?:possible|you can))|\bget help urgently\b|\b(?:do not|don't|never|not) wait (?:for|until) "
                         r"(?:a |an |your |the )?(?:routine |next )?(?:gp )?(?:appointment|visit|session)")
# The Russian edition's words for the same urgencies (its pages say them in Russian; a sign's watch
# phrases there are word stems, so they match any case ending).
URGENCY_RU = {
    "emergency": [r"\bскор(?:ую|ой|ая) (?:медицинск\w* )?помощ", r"\bнеотложн", r"\bэкстренн", r"\bприёмн\w* покой",
                  r"\{\{ ?clinic\.emergency_number ?\}\}", r"\{\{ ?clinic\.emergency_service ?\}\}"],
    "today": [r"\bсегодня\b", r"\bв тот же день\b", r"\bсрочн", r"\bв течение 24 час",
              r"\{\{ ?clinic\.urgent_(?:advice|number|service) ?\}\}"],
    "soon": [r"\bскоро\b", r"\bзапиши(?:тесь|сь)\b", r"\bплановы\w* при[её]м", r"\bк врачу общей практики\b"],
}
NO_TIER_RU = re.compile(r"\bнемедленно\b|\bсразу же\b|\bкак можно скорее\b|\bбезотлагательно\b|\bбез промедления\b|\bтут же\b")
NO_TIER_HINTS_RU = re.compile(r"немедленно|сразу|как можно|безотлагательно|промедлени|тут же")
URGENCY_HINTS_RU = ("скор", "неотложн", "экстренн", "приёмн", "{{", "сегодня", "тот же день", "срочн", "24 час", "запиш", "плановы",
                    "врачу общей", "немедленно", "сразу", "как можно", "безотлагательно", "промедлени", "тут же")
NOT_URGENCY_RU = re.compile(r"\bкогда срочно нужна помощь\b|\bне ждите (?:планового |следующего )?(?:при[её]ма|визита)")


@dataclass(frozen=True)
class Language:
    """The words the drift check listens for, in one edition's language."""

    urgency: dict
    no_tier: re.Pattern
    no_tier_hints: re.Pattern
    urgency_hints: tuple
    not_urgency: re.Pattern
    stems: bool  # watch phrases are word stems: no word boundary at their end
    not_urgency_needs: tuple = ()  # a plain piece each alternative of not_urgency needs (a fast first test); () = none known


LANGUAGES = {
    "en": Language(URGENCY, NO_TIER, NO_TIER_HINTS, URGENCY_HINTS, NOT_URGENCY, False, ("as soon as", "get help urgently", "wait ")),
    "ru": Language(URGENCY_RU, NO_TIER_RU, NO_TIER_HINTS_RU, URGENCY_HINTS_RU, NOT_URGENCY_RU, True,
                   ("когда срочно нужна помощь", "не ждите ")),
}

# Markup that is no words of the sentence: HTML tags with their attributes (an anchor's "#numb-saddle"
# is no sign), glossary marks, links and emphasis.
MARKUP = [(re.compile(r"<[^>]*>"), " "), (re.compile(r"\[\[([^\]|]+)\|([^\]]+)\]\]"), r"\2"), (re.compile(r"\[\[([^\]]+)\]\]"), r"\1"),
          (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"), (re.compile(r"\*\*|__|[*`]"), ""), (re.compile(r"\s+"), " ")]


def data_path(config: dict) -> Path:
    return siteconfig.docs_dir(config) / DATA_FILE


def check_sources(path: Path, entries: list[Entry], domains: list[str]) -> list[Problem]:
    """Every sign's sources are https:// pages of trusted health bodies (the allowlist)."""
    shown = display_path(path)
    problems = []
    for entry in entries:
        label = f"the sign '{entry.values.get('id')}'"
        sources = entry.values.get("sources")
        for url, line in sources if isinstance(sources, list) else []:
            if not isinstance(url, str) or not url.startswith("https://"):
                problems.append(Problem(shown, line, f"the source '{url}' of {label} does not start with https://",
                                        "use the https:// address of the page"))
            elif not allowlist.allowed(url, domains):
                problems.append(Problem(shown, line, f"the source '{url}' of {label} is not on the list of trusted sources",
                                        "use a trusted health body (scripts/checks/allowlist.txt), or ask the clinical lead to add it"))
    return problems


# ------------------------------------------------------------------ pages

def check_tokens(source: Source, ids: set[str]) -> list[Problem]:
    """Every `{{ signs: ... }}`, `{{ sign: ... }}` and `{{ act: ... }}` names something that exists."""
    problems = []
    known = ", ".join(TOPICS)
    for number, line in source.body_lines():
        if "{{" not in line:
            continue
        for match in ANY_SIGNS.finditer(line):
            if not BLOCK_LINE.match(line):
                problems.append(Problem(source.shown, number, "a warning-signs block must be on a line of its own",
                                        f"put '{match.group(0)}' on its own line, with an empty line before and after"))
            spec = match.group(1)
            tier = TIER_TOKEN.match(spec.strip())
            if tier:
                if tier.group(1) not in TIERS:
                    problems.append(Problem(source.shown, number, f"'{{{{ signs: {spec} }}}}' names the unknown tier '{tier.group(1)}'",
                                            f"use tier={', tier='.join(TIERS)}"))
                continue
            tokens = parse_tokens(spec)
            if not tokens:
                problems.append(Problem(source.shown, number, "the warning-signs block names no topic or sign",
                                        f"write e.g. '{{{{ signs: neck }}}}'; topics: {known}"))
            for token in tokens:
                if token not in ids and token not in TOPICS and token != ALL:
                    problems.append(Problem(source.shown, number, f"'{token}' in '{{{{ signs: {spec} }}}}' is neither a topic nor a sign id",
                                            f"use a topic ({known}) or a sign id from docs/{DATA_FILE}"))
        for kind, pattern in (("sign", SIGN), ("act", ACT)):
            for match in pattern.finditer(line):
                if match.group(1) not in ids:
                    problems.append(Problem(source.shown, number, f"'{{{{ {kind}: {match.group(1)} }}}}' names no sign",
                                            f"use a sign id from docs/{DATA_FILE}"))
    return problems


def _phrase_pattern(phrase: str, stems: bool = False) -> str:
    parts = []
    for part in (p.strip() for p in phrase.split("...")):
        if part:
            start = r"\b" if part[0].isalnum() else ""
            end = r"\b" if part[-1].isalnum() and not stems else ""
            parts.append(start + re.escape(part) + end)
    return ".*?".join(parts)


def _urgency_patterns(clinic: dict, language: Language = LANGUAGES["en"]) -> dict[str, re.Pattern]:
    patterns = {}
    for tier, words in language.urgency.items():
        words = list(words)
        for setting in SETTING_WORDS.get(tier, ()):
            value = str(clinic.get(setting) or "").strip().lower()
            if value:
                words.append(_phrase_pattern(value))
        patterns[tier] = re.compile("|".join(f"(?:{w})" for w in words))
    return patterns


# A plain piece each pattern of MARKUP needs (None: always run): most sentences have no markup.
MARKUP_NEEDS = ("<", "[[", "[[", "](", None, None)


def _plain(text: str) -> str:
    for (pattern, replacement), needs in zip(MARKUP, MARKUP_NEEDS, strict=True):
        if needs is None or needs in text:
            text = pattern.sub(replacement, text)
    return text.lower().replace("\u2019", "'")


def _units(line: str) -> list[str]:
    """The sentences of a line; a table row is one unit (its cells talk about one thing)."""
    return [line] if line.lstrip().startswith("|") else SENTENCE_END.split(line)


class _Lazy:
    """A watch phrase's pattern, compiled the first time a sentence holds its first words (most never do)."""

    __slots__ = ("_compiled", "source")

    def __init__(self, source: str) -> None:
        self.source = source
        self._compiled: re.Pattern | None = None

    def search(self, text: str):
        if self._compiled is None:
            self._compiled = re.compile(self.source)
        return self._compiled.search(text)


@dataclass
class Watch:
    """The drift check's patterns, compiled once per run."""

    # Every watch phrase as (its first words, sign id, pattern), in the data file's order. The first
    # words are a fast first test (Python's substring search) before the pattern ("a ... b": a, later b).
    phrases: list[tuple[str, str, _Lazy]]
    urgency: dict[str, re.Pattern]
    hints: re.Pattern  # a quick test on the raw line: one of the language's plain pieces is in it
    tier_of: dict[str, str]
    words_of: dict[str, str]  # each sign's own text, as plain lower-case words
    tier_words: str  # the three tiers' actions, for the fix of a word that is no tier
    language: Language = LANGUAGES["en"]
    # The phrases (their indexes) by the first three characters of their first words; phrases whose
    # first words are shorter are in `short`. A sentence is tested only against the phrases whose
    # first three characters it holds, in the same order.
    by_start: dict[str, list[int]] = field(default_factory=dict)
    short: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        for index, (first, _, _) in enumerate(self.phrases):
            if len(first) < 3:
                self.short.append(index)
            else:
                self.by_start.setdefault(first[:3], []).append(index)

    def hinted(self, text: str) -> bool:
        return self.hints.search(text) is not None


def prepare(signs: list[Sign], clinic: dict, language: str = "en") -> Watch:
    words = LANGUAGES.get(language, LANGUAGES["en"])
    phrases, tier_of, words_of = [], {}, {}
    for sign in signs:
        for phrase in sign.watch:
            if phrase.split("...")[0].strip():
                phrases.append((phrase.split("...")[0].strip(), sign.id, _Lazy(_phrase_pattern(phrase, words.stems))))
        tier_of[sign.id] = sign.tier
        words_of[sign.id] = _plain(sign.text)
    values = tuple(str(clinic.get(name) or "").strip().lower() for names in SETTING_WORDS.values() for name in names)
    tier_words = ", ".join(f"'{action(tier, clinic)}' ({tier})" for tier in TIERS)
    # The plain pieces as a tree of shared beginnings (a plain list makes the regex engine try each one at every place).
    return Watch(phrases, _urgency_patterns(clinic, words), re.compile(alternatives(words.urgency_hints + tuple(v for v in values if v))),
                 tier_of, words_of, tier_words, words)


def _unused_sign(text: str, used: set[str], watch: Watch) -> str | None:
    """The first sign the sentence names but does not use, if any.

    A phrase found in the own words of a sign the sentence uses belongs to that sign."""
    starts = {text[i:i + 3] for i in range(len(text) - 2)}
    candidates = [index for start in starts for index in watch.by_start.get(start, ())]
    for index in sorted(candidates + watch.short) if len(candidates) > 1 or watch.short else candidates:
        first, sign_id, pattern = watch.phrases[index]
        if first in text and sign_id not in used and pattern.search(text) \
                and not any(pattern.search(watch.words_of.get(u, "")) for u in used):
            return sign_id
    return None


def drift(unit: str, watch: Watch) -> tuple[str, str] | None:
    """(message, fix) when one sentence restates a sign with an urgency of its own, or uses a word of no tier."""
    tokens = "{{" in unit  # every use of a sign is a {{ }} mark
    used = {m.group(1) for m in USES.finditer(unit) if m.group(1) in watch.tier_of} if tokens else set()
    text = _plain(USES.sub(" ", unit) if tokens else unit)
    needs = watch.language.not_urgency_needs
    if not needs or any(piece in text for piece in needs):
        text = watch.language.not_urgency.sub(" ", text)
    no_tier = watch.language.no_tier.search(text) if watch.language.no_tier_hints.search(text) else None
    found = {tier: match.group(0) for tier, pattern in watch.urgency.items() if (match := pattern.search(text))}
    if not (found or no_tier or used):
        return None  # no urgency at all (the action of a sign the sentence uses is one)
    # Only `{{ sign: }}` puts the sign's own words in: a sentence that describes a sign and adds its
    # `{{ act: }}` still says the sign in words of its own, which can drop an "or" (review C2).
    inserted = {m.group(1) for m in SIGN.finditer(unit) if m.group(1) in watch.tier_of} if tokens else set()
    sign_id = _unused_sign(text, inserted, watch)
    if sign_id in used:
        return (f"the sentence describes the warning sign '{sign_id}' in words of its own, next to its action",
                (f"replace the description and the action with '{{{{ sign: {sign_id} }}}}' (its own words and action), "
                 "or say 'these signs' and point to them"))
    if sign_id:
        return (f"the sentence describes the warning sign '{sign_id}' with an urgency of its own",
                f"insert '{{{{ sign: {sign_id} }}}}' (its own words and action)")
    if used and found:
        said = min(found, key=TIERS.index)
        tiers = {watch.tier_of[u] for u in used}
        if said not in tiers:
            first = min(used, key=lambda u: (TIERS.index(watch.tier_of[u]), u))
            return ((f"the sentence uses the warning sign '{first}' (tier {watch.tier_of[first]}) and gives it the urgency "
                     f"'{found[said]}' (tier {said}) as well"),
                    f"remove '{found[said]}': '{{{{ sign: {first} }}}}' or '{{{{ act: {first} }}}}' already says what to do")
    if no_tier:
        return (f"'{no_tier.group(0)}' is not one of the guide's three urgencies",
                (f"say which one, with the sign it is about ('{{{{ sign: ID }}}}' or '{{{{ act: ID }}}}'): "
                 f"{watch.tier_words}"))
    return None


def check_drift(source: Source, signs: list[Sign], clinic: dict, watch: Watch | None = None) -> list[Problem]:
    watch = watch or prepare(signs, clinic)
    problems = []
    for number, line in source.body_lines():
        if BLOCK_LINE.match(line) or OK_MARK.search(line):
            continue
        if not watch.hinted(line.lower()):
            continue
        units = _units(line)
        for unit in units:
            if len(units) > 1 and not watch.hinted(unit.lower()):
                continue  # the same first test per sentence: most sentences of a line that passed it have no urgency
            found = drift(unit, watch)
            if found:
                problems.append(Problem(source.shown, number, *found))
                break  # one problem per line: fix it and the next one shows
    return problems


def marked_ok(sources: list[Source]) -> list[str]:
    """The pages that use the `<!-- signs: ok -->` escape (the lead watches how many)."""
    return [s.shown for s in sources if "signs:" in s.text and any(OK_MARK.search(line) for _, line in s.body_lines())]


def check(sources: list[Source], config: dict) -> list[Problem]:
    docs_dir = siteconfig.docs_dir(config)
    path = data_path(config)
    edition = siteconfig.extra_section(config, "edition")

    def uses_signs(line: str) -> bool:
        return bool(ANY_SIGNS.search(line) or USES.search(line))

    def first_use(source: Source) -> int | None:  # the first line that uses a sign (from the text alone: kept)
        if "signs_first_use" not in source.cache:
            source.cache["signs_first_use"] = next((n for n, line in source.body_lines() if uses_signs(line)), None) \
                if "{{" in source.text else None
        return source.cache["signs_first_use"]

    uses = [s for s in sources if first_use(s) is not None]
    signs = signs_for(docs_dir)  # a translated edition's signs (registered by the content model)
    if signs is None and not path.is_file():
        if not uses:
            return []
        return [Problem(uses[0].shown, first_use(uses[0]),
                        f"the page uses warning signs, but docs/{DATA_FILE} does not exist", f"create docs/{DATA_FILE}")]
    # Checked only once valid: the content model reports the data file's own problems first.
    clinic = with_words(siteconfig.clinic(config), siteconfig.extra_section(config, "words"))
    problems = []
    if signs is None:
        problems = check_sources(path, read_cached(path).entries, allowlist.load())
        signs = load(docs_dir)
    ids = frozenset(sign.id for sign in signs)
    watch = _prepared(signs, clinic, str(edition.get("language") or "en"))
    key = (watch, ids)
    for source in sources:
        problems += memo(source, "signs", key, lambda s: check_tokens(s, ids) + check_drift(s, signs, clinic, watch))
    return problems


_watch: list = []  # [(signs, clinic, language), Watch]: the last one, for a long-lived process


def _prepared(signs: list[Sign], clinic: dict, language: str) -> Watch:
    """`prepare`, again only when the signs, the settings or the language changed (the same Watch
    object then, which is the key of each page's kept problems)."""
    key = (tuple(signs), clinic, language)
    if not _watch or _watch[0] != key:
        _watch[:] = [key, prepare(signs, clinic, language)]
    return _watch[1]
