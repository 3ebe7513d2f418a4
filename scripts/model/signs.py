"""The warning-signs model: docs/_data/warning-signs.yml read once, validated, as Sign objects.

`read(path)` composes the file once and returns the signs with every problem as FILE:LINE (missing
or unknown keys, wrong kinds of value, unknown tiers or topics, ids used twice, undecodable bytes,
YAML errors); the criteria (scripts/model/criteria.py) are parsed from the same node tree. The checks
(scripts/checks/signs.py) add the rules about pages; the transforms (scripts/transforms/signs.py)
render the signs; the triage engine (scripts/triage) reads their criteria. All of them get the
signs from here, and only once they are valid (scripts/model/content.py).

The page syntax that names signs (`{{ signs: ... }}`, `{{ sign: ID }}`, `{{ act: ID }}`) is part of
the model too: the checks and the transforms read it from here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from scripts.model import datafile
from scripts.problems import Problem, display_path

DATA_FILE = "_data/warning-signs.yml"
TIERS = ("emergency", "today", "soon")
TOPICS = ("general", "face", "arm", "hand", "leg", "feet", "back", "neck", "chest", "circulation",
          "diabetes", "cramps", "treatment", "medicines")

KEYS = ("id", "tier", "text", "why", "topics", "sources", "watch")
# Keys a sign may have besides KEYS. `criteria` (what must be true of the patient) is parsed by
# scripts/model/criteria.py and checked for overlaps by scripts/checks/overlaps.py.
OPTIONAL_KEYS = ("criteria", "action")
# Keys that were once allowed, with why they are gone.
REMOVED_KEYS = {"short": "remove it: cards show the sign's own 'text', so no label can drop an 'or', a 'new' "
                         "or an 'either' (brief §8, one wording per sign)"}
LISTS = ("topics", "sources", "watch")
TEXTS = ("text", "why", "action")  # shown to patients
SIGN_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# ------------------------------------------------------------------ page syntax
ALL = "all"
BLOCK = re.compile(r"^([ \t]*)\{\{\s*signs\s*:\s*([^}]*?)\s*\}\}[ \t]*$")
ANY_SIGNS = re.compile(r"\{\{\s*signs\s*:\s*([^}]*?)\s*\}\}")
ACT = re.compile(r"\{\{\s*act\s*:\s*([^}]*?)\s*\}\}")
SIGN = re.compile(r"\{\{\s*sign\s*:\s*([^}]*?)\s*\}\}")  # not `signs:` (the "s" is not a space or ":")
USES = re.compile(r"\{\{\s*(?:sign|act)\s*:\s*([^}]*?)\s*\}\}")  # an inline use of a sign, either kind
TIER_TOKEN = re.compile(r"^tier\s*=\s*(\S+)$")
CLINIC = re.compile(r"\{\{\s*clinic\.(\w+)\s*\}\}")
ANY_TOKEN = re.compile(r"\{\{\s*(?:signs?|act)\s*:")


def parse_tokens(spec: str) -> list[str]:
    return [token.strip() for token in spec.split(",") if token.strip()]


@dataclass(frozen=True)
class Sign:
    id: str
    tier: str
    text: str
    why: str
    topics: tuple[str, ...]
    sources: tuple[str, ...] = ()
    watch: tuple[str, ...] = ()
    criteria: dict = field(default_factory=dict, compare=False, hash=False)  # see scripts/model/criteria.py
    # What to do, when the tier's own words are not enough ("treat a hypo now, and call 999 if ...");
    # the tier (card, engine, step-by-step check) stays the same.
    action: str = ""
    line: int = field(default=0, compare=False)  # where the sign starts in the data file


@dataclass
class Entry:
    """One sign as written in the data file, with the line of each key (for messages).
    values: key -> text, or a list of (text, line) for lists, or None for anything else."""

    values: dict
    lines: dict
    line: int


@dataclass
class SignData:
    """What `read` found: the signs (only when nothing is wrong), the entries as written, the problems."""

    signs: list[Sign]
    entries: list[Entry]
    problems: list[Problem]
    root: yaml.Node | None = None
    criteria: list = field(default_factory=list)  # scripts.model.criteria.Criteria, one per sign


def read(path: Path) -> SignData:
    """The data file, validated: signs only when it has no problem, else the problems at their lines."""
    root, problems = datafile.compose(path, "the warning-signs file")
    if root is None:
        return SignData([], [], problems)
    shown = display_path(path)
    if isinstance(root, yaml.ScalarNode) and datafile.scalar(root) is None:
        return SignData([], [], [], root)  # an empty file: no signs
    if not isinstance(root, yaml.SequenceNode):
        return SignData([], [], [Problem(shown, datafile.line(root), "the warning signs must be a list, one '- id: ...' entry per sign",
                                         "start each sign with '- id:' (see the comment at the top of the file)")], root)
    entries = []
    for node in root.value:
        if not isinstance(node, yaml.MappingNode):
            problems.append(Problem(shown, datafile.line(node), "this entry is not a sign (key: value lines)",
                                    "write the sign as '- id: ...' with tier, text, why, topics, sources and watch"))
            continue
        entries.append(_entry(node))
    problems += validate(shown, entries)
    signs = [] if problems else [_sign(entry) for entry in entries]
    from scripts.model import criteria  # criteria reads TIERS from this module

    parsed, found = criteria.from_root(shown, root) if not problems else ([], [])
    problems += found
    return SignData([] if problems else signs, entries, problems, root, parsed if not problems else [])


def _entry(node: yaml.MappingNode) -> Entry:
    values, lines = {}, {}
    for key_node, value_node in node.value:
        key = str(key_node.value)
        lines[key] = datafile.line(value_node)
        if isinstance(value_node, yaml.SequenceNode):
            values[key] = [(datafile.scalar(item), datafile.line(item)) for item in value_node.value]
        elif key == "criteria":
            values[key] = value_node
        else:
            values[key] = datafile.scalar(value_node)
    return Entry(values, lines, datafile.line(node))


def validate(shown: str, entries: list[Entry]) -> list[Problem]:
    """What every sign must have, and values the model knows (ids, tiers, topics)."""
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
                    problem(entry.lines.get(key, entry.line), f"{label} has no '{key}'" if value is None or value == [] else
                            f"the '{key}' of {label} must be a list of text",
                            f"add '{key}:' as a list, e.g. {key}: [...]; every sign needs {', '.join(KEYS)}")
                elif any(item is None for item, _ in value):
                    bad = next(line for item, line in value if item is None)
                    problem(bad, f"an item of the '{key}' of {label} is not text", f"write each item of '{key}' as plain text")
            elif not isinstance(value, str) or not value.strip():
                problem(entry.lines.get(key, entry.line), f"{label} has no '{key}'" if key not in entry.values or value == "" else
                        f"the '{key}' of {label} must be text, not a list or a group",
                        f"add '{key}:' with a value; every sign needs {', '.join(KEYS)}")
        if "action" in entry.values and not isinstance(entry.values["action"], str):
            problem(entry.lines["action"], f"the 'action' of {label} must be text", "write what to do as one sentence")
        for key in sorted(set(entry.values) - set(KEYS) - set(OPTIONAL_KEYS), key=entry.lines.get):
            problem(entry.lines[key], f"{label} has an unknown key '{key}'",
                    REMOVED_KEYS.get(key, f"use only: {', '.join(KEYS + OPTIONAL_KEYS)}"))
        if isinstance(name, str) and name:
            if not SIGN_ID.match(name):
                problem(entry.lines["id"], f"the sign id '{name}' is not lower case words joined by '-'", "rename it, e.g. 'night-pain-severe'")
            if name in seen:
                problem(entry.lines["id"], f"the sign id '{name}' is used twice (also on line {seen[name]})", "give each sign its own id")
            seen.setdefault(name, entry.lines["id"])
        tier = entry.values.get("tier")
        if isinstance(tier, str) and tier and tier not in TIERS:
            import difflib

            close = difflib.get_close_matches(tier, TIERS, n=1)
            problem(entry.lines["tier"], f"{label} has the unknown tier '{tier}'",
                    (f"did you mean '{close[0]}'? " if close else "") + f"use one of: {', '.join(TIERS)}")
        topics = entry.values.get("topics")
        for topic, line in topics if isinstance(topics, list) else []:
            if topic is not None and topic not in TOPICS:
                problem(line, f"{label} has the unknown topic '{topic}'", f"use one of: {', '.join(TOPICS)}")
        watch = entry.values.get("watch")
        for phrase, line in watch if isinstance(watch, list) else []:
            if isinstance(phrase, str) and phrase != phrase.lower():
                problem(line, f"the watch phrase '{phrase}' of {label} is not lower case", f"write it as '{phrase.lower()}'")
    return problems


def _texts(value) -> tuple[str, ...]:
    return tuple(item for item, _ in value or [] if item)


def _sign(entry: Entry) -> Sign:
    values = entry.values
    return Sign(values["id"], values["tier"], values["text"].strip(), values["why"].strip(), _texts(values["topics"]),
                _texts(values["sources"]), _texts(values["watch"]),
                datafile.to_python(values.get("criteria")) or {}, str(values.get("action") or "").strip(), entry.line)


class SignsInvalid(ValueError):
    """The data file has problems; `problems` says where (the checks print them)."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


_cache: dict[Path, tuple[int, SignData]] = {}


def read_cached(path: Path) -> SignData:
    """`read`, once per process while the file is unchanged (checks, transforms and steps all ask)."""
    path = Path(path)
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        return read(path)
    cached = _cache.get(path)
    if cached and cached[0] == stamp:
        return cached[1]
    data = read(path)
    _cache[path] = (stamp, data)
    return data


def load(docs_dir: Path) -> list[Sign]:
    """The valid signs of docs/_data/warning-signs.yml; SignsInvalid (with FILE:LINE problems) if any is wrong."""
    from scripts.model import translation  # a translated edition's signs: registered by the content loader

    translated = translation.signs_for(docs_dir)
    if translated is not None:
        return translated
    data = read_cached(Path(docs_dir) / DATA_FILE)
    if data.problems:
        raise SignsInvalid(data.problems)
    return data.signs
