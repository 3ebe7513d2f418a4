"""Warning signs (docs/_data/warning-signs.yml): complete data, known names in pages, and no drift.

Drift: a sentence in a page that names a sign (one of its `watch` phrases) together with the words
of a different urgency ("see your doctor soon" next to face numbness that "comes and goes") restates
the sign with an urgency of its own. Pages use `{{ act: ID }}` instead; a line that is fine as it is
can end with `<!-- signs: ok -->`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from scripts import siteconfig
from scripts.checks import allowlist
from scripts.problems import Problem, display_path
from scripts.sources import Source
from scripts.transforms.signs import ACT, ALL, DATA_FILE, TIER_TOKEN, TIERS, TOPICS, parse_tokens

COMPOSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: its nodes keep line numbers too
KEYS = ("id", "tier", "text", "short", "why", "topics", "sources", "watch")
SHORT_MAX = 60  # characters: a short label stays on one or two lines of a phone
LISTS = ("topics", "sources", "watch")
SIGN_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CLINIC = re.compile(r"\{\{\s*clinic\.(\w+)\s*\}\}")
# Settings the cards print: without them a card would say "Call  now".
ANY_SIGNS = re.compile(r"\{\{\s*signs\s*:\s*([^}]*?)\s*\}\}")
BLOCK_LINE = re.compile(r"^\s*\{\{\s*signs\s*:[^}]*\}\}\s*$")
OK_MARK = re.compile(r"<!--\s*signs:\s*ok\s*-->\s*$")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")

# Words that give an urgency, per tier. {{ clinic.X }} placeholders and the settings' own values count too.
URGENCY = {
    "emergency": [r"\bambulance\b", r"\ba&e\b", r"\bemergency department\b", r"\{\{ ?clinic\.emergency_number ?\}\}",
                  r"\{\{ ?clinic\.emergency_service ?\}\}", r"\bcall (?:for )?help now\b"],
    "today": [r"\btoday\b", r"\bsame[ -]day\b", r"\burgent\b", r"\bwithin 24 hours\b",
              r"\{\{ ?clinic\.urgent_(?:advice|number|service) ?\}\}"],
    "soon": [r"\bsoon\b", r"\bbook an appointment\b", r"\bmake an appointment\b", r"\broutine appointment\b",
             r"\bnext (?:appointment|visit|session)\b", r"\bsee (?:your|a) (?:gp|doctor)\b.*\bweeks?\b"],
}
# Plain words at least one of which every urgency above contains: a fast first test per line
# (Python's regex engine tries every alternative at every position).
URGENCY_HINTS = ("ambulance", "a&e", "call", "emergency", "{{", "today", "same", "urgent", "24 hours", "soon", "appointment",
                 "next ", "week")
SETTING_WORDS = {"emergency": ("emergency_number", "emergency_service"), "today": ("urgent_advice", "urgent_number", "urgent_service")}
# Phrases that look like an urgency but are not one.
NOT_URGENCY = re.compile(r"\bas soon as\b|\bget help urgently\b|\b(?:do not|don't|never|not) wait (?:for|until) "
                         r"(?:a |an |your |the )?(?:routine |next )?(?:gp )?(?:appointment|visit|session)")
MARKUP = [(re.compile(r"\[\[([^\]|]+)\|([^\]]+)\]\]"), r"\2"), (re.compile(r"\[\[([^\]]+)\]\]"), r"\1"),
          (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"), (re.compile(r"\*\*|__|[*`]"), ""), (re.compile(r"\s+"), " ")]


@dataclass
class Entry:
    """One sign as read from the data file, with the line of each key (for messages)."""

    values: dict
    lines: dict
    line: int


def data_path(config: dict) -> Path:
    return siteconfig.docs_dir(config) / DATA_FILE


def read_entries(path: Path) -> tuple[list[Entry], list[Problem]]:
    """The data file's signs with their line numbers, or the problem that stops reading it."""
    shown = display_path(path)
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=COMPOSER)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        return [], [Problem(shown, mark.line + 1 if mark else 1, f"the warning signs are not valid YAML ({getattr(err, 'problem', err)})",
                            "check the indentation, and put text containing ':' in quotes")]
    except (OSError, UnicodeDecodeError) as err:
        return [], [Problem(shown, 1, f"cannot read the warning signs ({err.__class__.__name__})", "save the file as UTF-8 text")]
    if root is None:
        return [], []
    if not isinstance(root, yaml.SequenceNode):
        return [], [Problem(shown, root.start_mark.line + 1, "the warning signs must be a list, one '- id: ...' entry per sign",
                            "start each sign with '- id:' (see the comment at the top of the file)")]
    entries, problems = [], []
    for node in root.value:
        if not isinstance(node, yaml.MappingNode):
            problems.append(Problem(shown, node.start_mark.line + 1, "this entry is not a sign (key: value lines)",
                                    "write the sign as '- id: ...' with tier, text, why, topics, sources and watch"))
            continue
        values, lines = {}, {}
        for key_node, value_node in node.value:
            key = key_node.value
            lines[key] = value_node.start_mark.line + 1
            if isinstance(value_node, yaml.SequenceNode):
                values[key] = [(item.value if isinstance(item, yaml.ScalarNode) else None, item.start_mark.line + 1)
                               for item in value_node.value]
            elif isinstance(value_node, yaml.ScalarNode):
                values[key] = value_node.value
            else:
                values[key] = None
        entries.append(Entry(values, lines, node.start_mark.line + 1))
    return entries, problems


def check_data(path: Path, entries: list[Entry], clinic: dict, domains: list[str]) -> list[Problem]:
    shown = display_path(path)
    problems: list[Problem] = []
    seen: dict[str, int] = {}

    def problem(line: int, message: str, fix: str) -> None:
        problems.append(Problem(shown, line, message, fix))

    for entry in entries:
        name = entry.values.get("id")
        label = f"the sign '{name}'" if isinstance(name, str) and name else "a sign"
        for key in KEYS:
            value = entry.values.get(key)
            if key in LISTS:
                if not isinstance(value, list) or not any(item for item, _ in value):
                    problem(entry.lines.get(key, entry.line), f"{label} has no '{key}'",
                            f"add '{key}:' as a list, e.g. {key}: [...]; every sign needs {', '.join(KEYS)}")
            elif not isinstance(value, str) or not value.strip():
                problem(entry.lines.get(key, entry.line), f"{label} has no '{key}'",
                        f"add '{key}:' with a value; every sign needs {', '.join(KEYS)}")
        for key in set(entry.values) - set(KEYS):
            problem(entry.lines[key], f"{label} has an unknown key '{key}'", f"use only: {', '.join(KEYS)}")
        if isinstance(name, str) and name:
            if not SIGN_ID.match(name):
                problem(entry.lines["id"], f"the sign id '{name}' is not lower case words joined by '-'", "rename it, e.g. 'night-pain-severe'")
            if name in seen:
                problem(entry.lines["id"], f"the sign id '{name}' is used twice (also on line {seen[name]})", "give each sign its own id")
            seen.setdefault(name, entry.lines["id"])
        tier = entry.values.get("tier")
        if isinstance(tier, str) and tier and tier not in TIERS:
            problem(entry.lines["tier"], f"{label} has the unknown tier '{tier}'", f"use one of: {', '.join(TIERS)}")
        for topic, line in entry.values.get("topics") or [] if isinstance(entry.values.get("topics"), list) else []:
            if topic not in TOPICS:
                problem(line, f"{label} has the unknown topic '{topic}'", f"use one of: {', '.join(TOPICS)}")
        for url, line in entry.values.get("sources") or [] if isinstance(entry.values.get("sources"), list) else []:
            if not isinstance(url, str) or not url.startswith("https://"):
                problem(line, f"the source '{url}' of {label} does not start with https://", "use the https:// address of the page")
            elif not allowlist.allowed(url, domains):
                problem(line, f"the source '{url}' of {label} is not on the list of trusted sources",
                        "use a trusted health body (scripts/checks/allowlist.txt), or ask the clinical lead to add it")
        for phrase, line in entry.values.get("watch") or [] if isinstance(entry.values.get("watch"), list) else []:
            if isinstance(phrase, str) and phrase != phrase.lower():
                problem(line, f"the watch phrase '{phrase}' of {label} is not lower case", f"write it as '{phrase.lower()}'")
        short = entry.values.get("short")
        if isinstance(short, str) and len(short) > SHORT_MAX:
            problem(entry.lines["short"], f"the short label of {label} has {len(short)} characters",
                    f"keep it to {SHORT_MAX} or fewer: the full wording is in 'text'")
        for key in ("text", "short", "why"):
            for setting in CLINIC.findall(str(entry.values.get(key) or "")):
                if setting not in clinic:
                    problem(entry.lines[key], f"{label} uses the unknown setting '{{{{ clinic.{setting} }}}}'",
                            "use a setting from extra.clinic in mkdocs.yml")
    return problems


# ------------------------------------------------------------------ pages

def check_tokens(source: Source, ids: set[str]) -> list[Problem]:
    """Every `{{ signs: ... }}` and `{{ act: ... }}` names something that exists."""
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
        for match in ACT.finditer(line):
            if match.group(1) not in ids:
                problems.append(Problem(source.shown, number, f"'{{{{ act: {match.group(1)} }}}}' names no sign",
                                        f"use a sign id from docs/{DATA_FILE}"))
    return problems


def _phrase_pattern(phrase: str) -> str:
    parts = []
    for part in (p.strip() for p in phrase.split("...")):
        if part:
            start = r"\b" if part[0].isalnum() else ""
            end = r"\b" if part[-1].isalnum() else ""
            parts.append(start + re.escape(part) + end)
    return ".*?".join(parts)


def _urgency_patterns(clinic: dict) -> dict[str, re.Pattern]:
    patterns = {}
    for tier, words in URGENCY.items():
        words = list(words)
        for setting in SETTING_WORDS.get(tier, ()):
            value = str(clinic.get(setting) or "").strip().lower()
            if value:
                words.append(_phrase_pattern(value))
        patterns[tier] = re.compile("|".join(f"(?:{w})" for w in words))
    return patterns


def _plain(text: str) -> str:
    for pattern, replacement in MARKUP:
        text = pattern.sub(replacement, text)
    return text.lower().replace("\u2019", "'")


def _units(line: str) -> list[str]:
    """The sentences of a line; a table row is one unit (its cells talk about one thing)."""
    return [line] if line.lstrip().startswith("|") else SENTENCE_END.split(line)


@dataclass
class Watch:
    """The drift check's patterns, compiled once per run."""

    signs: list  # (id, tier, [(phrase, pattern)])
    any_phrase: re.Pattern | None  # a quick test: does the sentence name any sign at all?
    urgency: dict[str, re.Pattern]
    hints: tuple[str, ...]  # a quick test on the raw line
    tier_of: dict[str, str]


def prepare(signs: list[Entry], clinic: dict) -> Watch:
    watched = []
    for entry in signs:
        phrases = [p for p, _ in entry.values.get("watch") or [] if isinstance(p, str) and p.strip()]
        if phrases and entry.values.get("tier") in TIERS:
            watched.append((entry.values["id"], entry.values["tier"],
                            [(p, re.compile(_phrase_pattern(p))) for p in phrases]))
    every = [pattern.pattern for _, _, phrases in watched for _, pattern in phrases]
    values = tuple(str(clinic.get(name) or "").strip().lower() for names in SETTING_WORDS.values() for name in names)
    return Watch(watched, re.compile("|".join(f"(?:{p})" for p in every)) if every else None,
                 _urgency_patterns(clinic), URGENCY_HINTS + tuple(v for v in values if v),
                 {sign_id: tier for sign_id, tier, _ in watched})


def check_drift(source: Source, signs: list[Entry], clinic: dict, watch: Watch | None = None) -> list[Problem]:
    watch = watch or prepare(signs, clinic)
    if watch.any_phrase is None:
        return []
    urgency, tier_of = watch.urgency, watch.tier_of
    problems = []
    for number, line in source.body_lines():
        if OK_MARK.search(line) or BLOCK_LINE.match(line):
            continue
        low = line.lower()
        if not any(hint in low for hint in watch.hints):
            continue
        for unit in _units(line):
            acts = {tier_of[m.group(1)] for m in ACT.finditer(unit) if m.group(1) in tier_of}
            text = NOT_URGENCY.sub(" ", _plain(ACT.sub(" ", unit)))
            found = {tier: match.group(0) for tier, pattern in urgency.items() if (match := pattern.search(text))}
            tiers = set(found) | acts
            if not tiers:
                continue
            if not watch.any_phrase.search(text):
                continue
            named = [(sign_id, tier, phrase) for sign_id, tier, phrases in watch.signs
                     for phrase, pattern in phrases if pattern.search(text)]
            # Every sign the sentence names must get its own tier's words (two signs of two tiers
            # in one sentence need both tiers' words).
            wrong = [(sign_id, tier, phrase) for sign_id, tier, phrase in named if tier not in tiers]
            if not wrong:
                continue
            sign_id, tier, phrase = wrong[0]
            other = min(tiers, key=TIERS.index)
            said = f"'{found[other]}'" if other in found else "the {{ act: }} of another sign"
            problems.append(Problem(source.shown, number,
                                    f"the sentence names the warning sign '{sign_id}' ('{phrase}', tier {tier}) "
                                    f"with the urgency of tier {other} ({said})",
                                    f"write '{{{{ act: {sign_id} }}}}' for what to do, so the words come from the data "
                                    "(or end the line with <!-- signs: ok --> if the sentence is not about this sign)"))
            break
    return problems


def check(sources: list[Source], config: dict) -> list[Problem]:
    path = data_path(config)
    uses = [s for s in sources if "{{" in s.text and any(ANY_SIGNS.search(line) or ACT.search(line) for _, line in s.body_lines())]
    if not path.is_file():
        if not uses:
            return []
        return [Problem(uses[0].shown, next(n for n, line in uses[0].body_lines() if ANY_SIGNS.search(line) or ACT.search(line)),
                        f"the page uses warning signs, but docs/{DATA_FILE} does not exist", f"create docs/{DATA_FILE}")]
    clinic = siteconfig.clinic(config)
    entries, problems = read_entries(path)
    problems += check_data(path, entries, clinic, allowlist.load())
    ids = {e.values["id"] for e in entries if isinstance(e.values.get("id"), str)}
    watch = prepare(entries, clinic)
    for source in sources:
        problems += check_tokens(source, ids)
        problems += check_drift(source, entries, clinic, watch)
    return problems
