"""The step-by-step check's data (docs/_data/steps.yml): the groups its questions ask about and the
self-care advice, read and validated with FILE:LINE problems. The checks (scripts/checks/steps.py)
report them; the transforms (scripts/transforms/steps.py) build the check and its flowchart from them.
A translated edition takes the groups from the source and only its words from its own file
(scripts/model/translation.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from scripts.model.signs import TIERS, Sign
from scripts.model.translation import StepWords, edition_of
from scripts.problems import Problem, display_path

DATA_FILE = "_data/steps.yml"
TOKEN = re.compile(r"^[ \t]*\{\{\s*steps\s*\}\}[ \t]*$")  # `{{ steps }}` on a line of its own
GROUP_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
OTHER_ID = "other"


class StepsError(ValueError):
    """The steps data is wrong (scripts/checks/steps.py reports it with FILE:LINE before a build)."""


@dataclass(frozen=True)
class Group:
    id: str
    label: str
    signs: tuple[str, ...]


@dataclass(frozen=True)
class Plan:
    """docs/_data/steps.yml: the groups (in list order), the catch-all group's label, and self-care."""

    groups: tuple[Group, ...]
    other_label: str
    home: tuple[str, ...]
    watch: tuple[str, ...]


_COMPOSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: its nodes keep line numbers too


def read(docs_dir: Path, sign_ids: set[str]) -> tuple[Plan | None, list[Problem]]:
    """The plan, or the `FILE:LINE` problems that stop it (unknown sign ids, missing words, ...)."""
    edition = edition_of(docs_dir)
    if edition is not None:  # a translation: the source's groups and signs, in this edition's words
        plan, problems = read(edition.source_docs, sign_ids)
        return (translated(plan, edition.steps) if plan and edition.steps else plan), problems
    path = Path(docs_dir) / DATA_FILE
    shown = display_path(path)
    problems: list[Problem] = []

    def problem(node, message: str, fix: str) -> None:
        problems.append(Problem(shown, node.start_mark.line + 1 if node is not None else 1, message, fix))

    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=_COMPOSER)
    except OSError:
        return None, [Problem(shown, 1, "the steps file is missing or cannot be read",
                              f"restore {DATA_FILE} (the groups of 'What should I do now?') from git")]
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        return None, [Problem(shown, mark.line + 1 if mark else 1, "the steps file is not valid YAML",
                              "check the indentation, and put text containing ':' in quotes")]
    top = _mapping(root)
    if top is None:
        return None, [Problem(shown, 1, "the steps file is not a mapping", "start it with 'groups:', 'other_label:' and 'self_care:'")]
    for key in ("groups", "other_label", "self_care"):
        if key not in top:
            problem(root, f"'{key}' is missing", f"add '{key}:' (see the comment at the top of {DATA_FILE})")
    groups, seen = [], set()
    for node in _items(top.get("groups"), problem, "groups", "a list of groups ('- id: ...')"):
        fields = _mapping(node)
        if fields is None:
            problem(node, "a group must be 'id:', 'label:' and 'signs:'", "write the group as three keys under '- '")
            continue
        group_id, label = _text(fields.get("id")), _text(fields.get("label"))
        if not group_id or not GROUP_ID.match(group_id) or group_id == OTHER_ID:
            problem(node, f"the group id '{group_id or ''}' is missing or not lower case with hyphens (or is '{OTHER_ID}')",
                    "give the group an id such as 'face' or 'back-pain'")
        elif group_id in seen:
            problem(fields["id"], f"the group id '{group_id}' is used twice", "give each group its own id")
        seen.add(group_id)
        if not label:
            problem(node, f"the group '{group_id}' has no label", "add 'label:' with the answer's plain words")
        ids = _ids(fields.get("signs"), node, sign_ids, problem, f"the group '{group_id}'")
        groups.append(Group(group_id or "", label or "", tuple(ids)))
    other = _text(top.get("other_label"))
    if "other_label" in top and not other:
        problem(top["other_label"], "'other_label' is empty", "write the label of the group of signs in no group, e.g. 'Something else'")
    care = _mapping(top.get("self_care")) if "self_care" in top else {}
    if care is None:
        problem(top["self_care"], "'self_care' must have 'home:' and 'watch:'", "write 'home:' (a list of advice) and 'watch:' (sign ids)")
        care = {}
    home = [_text(n) for n in _items(care.get("home"), problem, "self_care.home", "a list of sentences")] if "self_care" in top else []
    if "self_care" in top and (not home or not all(home)):
        problem(top["self_care"], "'self_care.home' needs at least one line of advice, none empty", "list what helps at home under 'home:'")
    watch = _ids(care.get("watch"), top.get("self_care"), sign_ids, problem, "'self_care.watch'") if "self_care" in top else []
    if problems:
        return None, problems
    return Plan(tuple(groups), other or "", tuple(h for h in home if h), tuple(watch)), []


def translated(plan: Plan, words: StepWords) -> Plan:
    """The same check with a translation's labels and self-care (scripts/model/translation.py)."""
    groups = tuple(replace(group, label=words.labels.get(group.id) or group.label) for group in plan.groups)
    return replace(plan, groups=groups, other_label=words.other_label or plan.other_label, home=words.home or plan.home)


def _mapping(node) -> dict | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    return {k.value: v for k, v in node.value if isinstance(k, yaml.ScalarNode)}


def _text(node) -> str:
    return " ".join(str(node.value).split()) if isinstance(node, yaml.ScalarNode) and node.value else ""


def _items(node, problem, name: str, shape: str) -> list:
    if node is None:
        return []
    if not isinstance(node, yaml.SequenceNode) or not node.value:
        problem(node, f"'{name}' must be {shape}", f"write '{name.split('.')[-1]}:' followed by '- ' lines")
        return []
    return node.value


def _ids(node, owner, sign_ids: set[str], problem, what: str) -> list[str]:
    if not isinstance(node, yaml.SequenceNode) or not node.value:
        problem(node if node is not None else owner, f"{what} lists no signs", "add 'signs: [ID, ...]' with ids from warning-signs.yml")
        return []
    ids = []
    for item in node.value:
        value = _text(item)
        if value not in sign_ids:
            problem(item, f"{what} names '{value}', which is no sign", "use an id from docs/_data/warning-signs.yml")
        elif value in ids:
            problem(item, f"{what} lists '{value}' twice", "list each sign once")
        else:
            ids.append(value)
    return ids


# ------------------------------------------------------------------ the screens


# ------------------------------------------------------------------ the screens' ids (anchors on the page)

SELF_CARE = "self-care"


def list_id(tier: str) -> str:
    return f"step-{tier}"


def group_id(tier: str, group: Group) -> str:
    return f"step-{tier}-{group.id}"


def end_id(group: Group, sign: Sign) -> str:
    return f"step-{group.id}-{sign.id}"


SELF_CARE_ID = f"step-{SELF_CARE}"
TITLE_SUFFIX = "-title"  # each screen's heading: `<h2 id="SCREEN-title">`, named by aria-labelledby


def groups_by_tier(plan: Plan, signs: list[Sign]) -> dict[str, list[tuple[Group, list[Sign]]]]:
    """Per tier, the groups with signs of that tier and those signs (in the data file's order); the
    signs in no group make a last group of their own."""
    placed = {sign_id for group in plan.groups for sign_id in group.signs}
    groups = list(plan.groups) + [Group(OTHER_ID, plan.other_label, tuple(s.id for s in signs if s.id not in placed))]
    found = {}
    for tier in TIERS:
        found[tier] = [(group, chosen) for group in groups
                       if (chosen := [s for s in signs if s.tier == tier and s.id in group.signs])]
    return found


def screen_ids(plan: Plan, signs: list[Sign]) -> frozenset[str]:
    """Every id the check puts on its page, so a link to one screen can be checked before it renders:
    each screen's (a tier's list, a group, an end, self-care) and its heading's."""
    ids = {SELF_CARE_ID}
    for tier, groups in groups_by_tier(plan, signs).items():
        if groups:
            ids.add(list_id(tier))
        for group, chosen in groups:
            ids.add(group_id(tier, group))
            ids.update(end_id(group, sign) for sign in chosen)
    return frozenset(ids | {screen + TITLE_SUFFIX for screen in ids})
