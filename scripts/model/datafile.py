"""Reading the project's text and YAML files so that every problem is `FILE:LINE: message; fix`.

An editor's file can be saved in another encoding, have a YAML slip or hold the wrong kind of value;
each becomes a Problem at the line where it happens, never a traceback. The loaders of the content
model (settings, warning signs, glossary, search words) read their files through here.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from scripts.problems import Problem, display_path

COMPOSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: its nodes keep line numbers too
UTF8_FIX = "save the file as UTF-8 text (in your editor: Save As, Encoding: UTF-8)"
YAML_FIX = "check the indentation (spaces, not tabs), and put text that contains ': ' or starts with a quote in quotes"


def read_text(path: Path, what: str) -> tuple[str | None, list[Problem]]:
    """The file's text, or the problem: missing, unreadable, or bytes that are not UTF-8 (with their line)."""
    shown = display_path(path)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        return None, [Problem(shown, 1, f"{what} is missing", "restore the file from the repository (git checkout -- FILE)")]
    except OSError as err:
        return None, [Problem(shown, 1, f"cannot read {what} ({err.strerror or err.__class__.__name__})", "check the file exists and can be read")]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        bad = data[err.start: err.end].hex(" ")
        return None, [Problem(shown, line, f"{what} has bytes that are not UTF-8 text on this line (byte {bad})", UTF8_FIX)]


OPEN_QUOTE = re.compile(r'^\s*(?:-\s+)?(?:[\w-]+:\s+)?"(?:[^"\\]|\\.)*$')  # a value that opens a quote and does not close it


def _unclosed_quote(text: str, first: int, last: int) -> int | None:
    """The line (1-based) between first and last whose double quote is never closed, if any."""
    lines = text.splitlines()
    for number in range(max(first, 1), min(last, len(lines)) + 1):
        if OPEN_QUOTE.match(lines[number - 1]):
            return number
    return None


def yaml_problem(shown: str, what: str, err: yaml.YAMLError, text: str = "") -> Problem:
    """A YAML error at the line of the editor's slip where it can be told, else where the parser stopped."""
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    if text and mark is not None:
        start = getattr(err, "context_mark", None) or mark
        opened = _unclosed_quote(text, start.line + 1, mark.line + 1)
        if opened is not None:
            return Problem(shown, opened, f"{what} is not valid YAML (a quote opened on this line is not closed)", YAML_FIX)
    context = getattr(err, "context", None) or ""
    # Something opened and never closed (a quote, a [ or {): the parser notices lines later, at the
    # next key; the editor's slip is where it was opened.
    if getattr(err, "context_mark", None) is not None and ("quoted scalar" in context or "flow" in context):
        mark = err.context_mark
    reason = getattr(err, "problem", None) or str(err).splitlines()[0]
    if "quoted scalar" in context:
        reason = f"a quote opened here is not closed: {reason}"
    elif "flow" in context:
        reason = f"a '[' or '{{' opened here is not closed: {reason}"
    return Problem(shown, mark.line + 1 if mark else 1, f"{what} is not valid YAML ({reason})", YAML_FIX)


def compose(path: Path, what: str, loader: type = COMPOSER) -> tuple[yaml.Node | None, list[Problem]]:
    """The file's YAML node tree (which keeps every line number), or the problems that stop reading it."""
    text, problems = read_text(path, what)
    if text is None:
        return None, problems
    try:
        return yaml.compose(text, Loader=loader), []
    except yaml.YAMLError as err:
        return None, [yaml_problem(display_path(path), what, err, text)]


def line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def scalar(node: yaml.Node | None) -> str | None:
    """A plain text value, or None for a list, a group or nothing."""
    return node.value if isinstance(node, yaml.ScalarNode) and node.tag != "tag:yaml.org,2002:null" else None


def strings(node: yaml.Node | None) -> list[tuple[str, int]] | None:
    """A list of text values with their lines; None when the node is not a list of text."""
    if not isinstance(node, yaml.SequenceNode):
        return None
    items = [(scalar(item), line(item)) for item in node.value]
    return None if any(value is None for value, _ in items) else items


def mapping(node: yaml.Node | None) -> dict[str, tuple[yaml.Node, yaml.Node]] | None:
    """A group's keys -> (key node, value node); None when the node is not a group."""
    if not isinstance(node, yaml.MappingNode):
        return None
    return {str(key.value): (key, value) for key, value in node.value if isinstance(key, yaml.ScalarNode)}


def kind(node: yaml.Node | None) -> str:
    """What a value is, in the words of a message."""
    if node is None or (isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null"):
        return "empty"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if isinstance(node, yaml.MappingNode):
        return "a group of 'key: value' lines"
    return f"'{node.value}'"


def to_python(node: yaml.Node | None):
    """Groups, lists and text of a node tree as dicts, lists and strings (values stay as written)."""
    if isinstance(node, yaml.MappingNode):
        return {str(key.value): to_python(value) for key, value in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [to_python(item) for item in node.value]
    return scalar(node)
