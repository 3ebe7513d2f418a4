"""A translated edition (extra.edition.translates): the source edition's data with this edition's words.

A translation never types a tier, a criterion, a group's signs or a page's structure: those come from
the edition it translates (mkdocs.ru.yml translates mkdocs.yml). It gives only words:
- `_data/warning-signs.LANG.yml`: per sign id its `text`, `why`, `action` (when the source sign has
  one), `watch` phrases, a `back_translation` of `text` for reviewers, and `english`: the hash of the
  source sign's words it was translated from;
- `_data/steps.LANG.yml`: the step-by-step check's group labels (by id), other_label and self-care;
- every page of the source, with `english:` in its front matter: the hash of the source page.
A missing translation is an error (no silent fallback to the source language); a hash that no longer
matches says the source changed since (a note naming the sign or page, and the new hash).

The content loader (scripts/model/content.py) registers each translated edition here, so that the
transforms, which only know their docs folder, find its signs and steps (`signs_for`, `steps_for`).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from scripts.model import datafile
from scripts.model.signs import Sign
from scripts.problems import NOTE, Problem, display_path

SIGNS_FILE = "_data/warning-signs.{language}.yml"
STEPS_FILE = "_data/steps.{language}.yml"
SIGN_KEYS = ("id", "text", "why", "watch", "back_translation", "english")
HASH_FIX = "check the translation against the source, then set english: {hash}"


def words_hash(*parts: str) -> str:
    """A short hash of source words (whitespace normalised): what a translation was made from."""
    text = "\0".join(re.sub(r"\s+", " ", part or "").strip() for part in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def sign_hash(sign: Sign) -> str:
    return words_hash(sign.text, sign.why, sign.action)


def page_hash(text: str) -> str:
    """The hash of a source page's body (its Markdown without front matter)."""
    from scripts.model.signoff import normalise, page_body

    return words_hash(normalise(page_body(text)))


@dataclass(frozen=True)
class StepWords:
    labels: dict
    other_label: str
    home: tuple[str, ...]


@dataclass(frozen=True)
class Edition:
    language: str
    docs_dir: Path  # this edition's pages
    source_docs: Path  # the pages and data it translates
    signs: tuple[Sign, ...]
    steps: StepWords | None


_editions: dict[Path, Edition] = {}


def register(edition: Edition) -> None:
    _editions[edition.docs_dir.resolve()] = edition


def edition_of(docs_dir: Path) -> Edition | None:
    return _editions.get(Path(docs_dir).resolve())


def signs_for(docs_dir: Path) -> list[Sign] | None:
    """The translated signs of a registered translation's docs folder; None for an original edition."""
    edition = edition_of(docs_dir)
    return list(edition.signs) if edition else None


def translate_signs(source: list[Sign], path: Path) -> tuple[list[Sign], list[Problem]]:
    """The source signs in this edition's words, and the problems (errors, and notes for stale hashes)."""
    shown = display_path(path)
    root, problems = datafile.compose(path, "the translated warning signs")
    if root is None:
        return [], problems
    if not isinstance(root, yaml.SequenceNode):
        return [], [Problem(shown, datafile.line(root), "the translated warning signs must be a list, one '- id: ...' per sign",
                            "start each sign with '- id:' and the id of a sign in the source edition")]
    by_id = {sign.id: sign for sign in source}
    found: dict[str, Sign] = {}
    for node in root.value:
        fields = datafile.mapping(node)
        if fields is None:
            problems.append(Problem(shown, datafile.line(node), "this entry is not a sign (key: value lines)", "write '- id: ...' with text, why and watch"))
            continue
        sign_id = datafile.scalar(fields.get("id", (None, None))[1])
        where = datafile.line(node)
        original = by_id.get(sign_id or "")
        if original is None:
            problems.append(Problem(shown, where, f"'{sign_id}' is not a sign of the source edition", "use the id of a sign in docs/_data/warning-signs.yml"))
            continue
        if sign_id in found:
            problems.append(Problem(shown, where, f"the sign '{sign_id}' is translated twice", "keep one translation"))
            continue
        for key in sorted(set(fields) - set(SIGN_KEYS) - {"action"}):
            problems.append(Problem(shown, datafile.line(fields[key][0]), f"the translation of '{sign_id}' has an unknown key '{key}'",
                                    f"use only: {', '.join(SIGN_KEYS)}, action (tiers, topics and criteria come from the source)"))
        values = {key: datafile.scalar(fields[key][1]) if key in fields else None for key in ("text", "why", "action", "back_translation", "english")}
        for key in ("text", "why", "back_translation"):
            if not (values[key] or "").strip():
                problems.append(Problem(shown, where, f"the translation of '{sign_id}' has no '{key}'",
                                        f"add '{key}:' (the source sign's {key} in this edition's words)" if key != "back_translation" else
                                        "add 'back_translation:' (a literal translation of this text back into the source language, for reviewers)"))
        if bool(original.action) != bool((values["action"] or "").strip()):
            problems.append(Problem(shown, where, f"the source sign '{sign_id}' {'has' if original.action else 'has no'} 'action', its translation "
                                    f"{'has none' if original.action else 'has one'}", "translate the source sign's action, no more and no less"))
        watch = datafile.strings(fields["watch"][1]) if "watch" in fields else None
        if not watch:
            problems.append(Problem(shown, where, f"the translation of '{sign_id}' has no 'watch' list",
                                    "add 'watch:' with the lower-case phrases a page sentence about this sign would contain"))
        expected = sign_hash(original)
        if values["english"] != expected:
            state = ("has no 'english' hash, so nobody can tell whether the source sign changed since" if not values["english"]
                     else "was made from older source words: the source sign changed since it was translated")
            problems.append(Problem(shown, where, f"the translation of '{sign_id}' {state}",
                                    HASH_FIX.format(hash=expected), NOTE))
        found[sign_id or ""] = replace(original, text=(values["text"] or "").strip(), why=(values["why"] or "").strip(),
                                       action=(values["action"] or "").strip(), watch=tuple(w for w, _ in watch or []), line=where)
    for sign in source:
        if sign.id not in found:
            problems.append(Problem(shown, 1, f"the sign '{sign.id}' has no translation", f"add '- id: {sign.id}' with its words in this edition's language"))
    return [found[s.id] for s in source if s.id in found], problems


def read_steps(path: Path, group_ids: list[str]) -> tuple[StepWords | None, list[Problem]]:
    """The step-by-step check's words: a label for every group of the source, other_label, self-care."""
    shown = display_path(path)
    root, problems = datafile.compose(path, "the translated steps")
    if root is None:
        return None, problems
    top = datafile.mapping(root) or {}
    labels_node = top.get("groups", (None, None))[1]
    labels = {key: datafile.scalar(value) for key, (_, value) in (datafile.mapping(labels_node) or {}).items()}
    for group in group_ids:
        if not (labels.get(group) or "").strip():
            problems.append(Problem(shown, datafile.line(labels_node) if labels_node is not None else 1, f"the group '{group}' has no label",
                                    f"add '{group}: ...' under groups: (the source's label in this edition's words)"))
    for group in sorted(set(labels) - set(group_ids)):
        problems.append(Problem(shown, datafile.line(labels_node), f"'{group}' is not a group of the source steps", "use the group ids of docs/_data/steps.yml"))
    other = datafile.scalar(top.get("other_label", (None, None))[1]) or ""
    care = datafile.mapping(top.get("self_care", (None, None))[1]) or {}
    home = datafile.strings(care.get("home", (None, None))[1]) or []
    if not other.strip() or not home:
        problems.append(Problem(shown, 1, "the translated steps need other_label and self_care.home", "translate both from docs/_data/steps.yml"))
    return StepWords(labels, other, tuple(h for h, _ in home)), problems
