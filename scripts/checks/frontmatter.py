"""Front matter of every content page: the facts a patient needs to judge a page (sources, review dates)."""

from __future__ import annotations

import datetime as dt
import difflib
import re

import yaml

from scripts.problems import NOTE, WARNING, Problem
from scripts.sources import Source, memo

REQUIRED = ("title", "description", "reviewed", "next_review", "sources")
# Every key a page may have, and what its value must be (dates and sources: checked below).
# symptom_page: the page is about symptoms, so it needs a care card (checks/carecards.py).
# hide, search, template, icon, status, subtitle, tags: Material for MkDocs' own keys.
TEXT_KEYS = ("title", "description", "template", "icon", "status", "subtitle")
YES_NO_KEYS = ("symptom_page",)
# english: in a translated edition, the hash of the source page it was made from (scripts/model/translation.py).
KNOWN_KEYS = (*REQUIRED, *YES_NO_KEYS, "hide", "search", "template", "icon", "status", "subtitle", "tags", "english")
MAX_DESCRIPTION = 160
MAX_REVIEW_YEARS = 3


def _key_line(source: Source, key: str) -> int:
    """The file line where `key:` is written, or the first front matter line."""
    pattern = re.compile(rf"{re.escape(key)}\s*:")
    for offset, line in enumerate(source.front_matter_text.split("\n")):
        if pattern.match(line):
            return offset + 2
    return 1


def _as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


class _StringDates(yaml.SafeLoader):
    """Keeps dates as text so an impossible date ('2026-13-40') is our clear error, not a crash."""


_StringDates.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _FastStringDates(getattr(yaml, "CSafeLoader", _StringDates)):
    """The same with libyaml's parser (when installed): 5-10 times faster. A page whose front matter
    it refuses is read again by _StringDates, whose messages the editor sees."""


_FastStringDates.yaml_implicit_resolvers = _StringDates.yaml_implicit_resolvers


def parse(source: Source) -> tuple[dict, list[Problem]]:
    """The front matter as a dict; YAML mistakes become problems with the file line."""
    if source.body_start == 1:
        return {}, [Problem(source.shown, 1, "the page has no front matter",
                            "start the file with a '---' block holding " + ", ".join(REQUIRED))]
    if source.body_start > len(source.text.split("\n")):
        return {}, [Problem(source.shown, 1, "the front matter is never closed",
                            "add a line with only '---' after the last front matter key")]
    try:
        try:
            data = yaml.load(source.front_matter_text, Loader=_FastStringDates)
        except yaml.YAMLError:
            data = yaml.load(source.front_matter_text, Loader=_StringDates)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        reason = getattr(err, "problem", None) or "not valid YAML"
        return {}, [Problem(source.shown, line, f"the front matter is not valid YAML ({reason})",
                            "check the indentation, and put text containing ':' in quotes")]
    if not isinstance(data, dict):
        return {}, [Problem(source.shown, 2, "the front matter is not a list of 'key: value' lines",
                            "write one 'key: value' per line")]
    return data, []


def parsed(source: Source) -> tuple[dict, list[Problem]]:
    """`parse`, once per Source (the front matter of an unchanged file is not read again)."""
    if "front_matter" not in source.cache:
        source.cache["front_matter"] = parse(source)
    return source.cache["front_matter"]


def check(sources: list[Source], today: dt.date, allow_overdue: bool = False) -> list[Problem]:
    problems: list[Problem] = []
    for source in sources:
        if source.is_snippet:
            continue
        meta, found = parsed(source)
        problems += found
        source.meta = meta
        if found:
            continue
        problems += memo(source, "frontmatter", (today, allow_overdue), lambda s: _check_meta(s, s.meta, today, allow_overdue))
    return problems


def _check_meta(source: Source, meta: dict, today: dt.date, allow_overdue: bool) -> list[Problem]:
    problems = []

    def report(key: str, message: str, fix: str, severity: str = "error") -> None:
        problems.append(Problem(source.shown, _key_line(source, key), message, fix, severity))

    for key in REQUIRED:
        if meta.get(key) in (None, "", []):
            report(key, f"the front matter has no '{key}'", f"add '{key}:' to the front matter (see EDITING.md, 'Front matter')")
    for key in meta:
        if str(key) not in KNOWN_KEYS:
            close = difflib.get_close_matches(str(key), KNOWN_KEYS, n=1)
            report(str(key), f"the front matter has an unknown key '{key}'",
                   f"did you mean '{close[0]}'?" if close else "remove it; the keys are: " + ", ".join(KNOWN_KEYS))
    for key in TEXT_KEYS:
        value = meta.get(key)
        if value not in (None, "") and not isinstance(value, str):
            report(key, f"'{key}' must be text, not {_kind(value)}: {value!r}",
                   f"write it on one line after '{key}: ' (put it in quotes if it is a number, yes/no or starts with '[' or '-')")
    for key in YES_NO_KEYS:
        if key in meta and not isinstance(meta[key], bool):
            report(key, f"'{key}' must be true or false, not {_kind(meta[key])}: {meta[key]!r}",
                   f"write '{key}: true' or '{key}: false' (no quotes)")
    description = meta.get("description")
    if isinstance(description, str) and len(description) > MAX_DESCRIPTION:
        report("description", f"the description is {len(description)} characters long",
               f"shorten it to at most {MAX_DESCRIPTION} characters")
    dates = {}
    for key in ("reviewed", "next_review"):
        if meta.get(key) in (None, ""):
            continue
        dates[key] = _as_date(meta[key])
        if dates[key] is None:
            report(key, f"'{key}' is not a real date: {meta[key]!r}", "write the date as YYYY-MM-DD, e.g. 2026-11-24")
    reviewed, next_review = dates.get("reviewed"), dates.get("next_review")
    if reviewed and next_review:
        if next_review <= reviewed:
            report("next_review", f"next_review ({next_review}) is not after reviewed ({reviewed})",
                   "set next_review to a later date, at most 3 years after reviewed")
        elif next_review > _add_years(reviewed, MAX_REVIEW_YEARS):
            report("next_review", f"next_review ({next_review}) is more than {MAX_REVIEW_YEARS} years after reviewed ({reviewed})",
                   f"set next_review no later than {_add_years(reviewed, MAX_REVIEW_YEARS)}")
        elif next_review < today and not allow_overdue:
            report("next_review", f"the page was due for review on {next_review}",
                   "review the page and update 'reviewed' and 'next_review' (or see SETTINGS.md, 'Overdue reviews', to override)", WARNING)
        elif next_review < today:  # the clinic knowingly allows it: still said, never counted
            report("next_review", f"the page was due for review on {next_review}",
                   "extra.checks.allow_overdue_reviews is true, so the build goes on; review the page soon", NOTE)
    if reviewed and reviewed > today:
        report("reviewed", f"'reviewed' ({reviewed}) is in the future", "use the date the page was actually reviewed")
    sources = meta.get("sources")
    if sources not in (None, "", []) and (
        not isinstance(sources, list) or not all(isinstance(s, str) and s.strip() for s in sources)
    ):
        report("sources", "'sources' must be a list of web addresses", "write each source on its own line as '  - https://…'")
    return problems


def _kind(value: object) -> str:
    """What a YAML value is, in an editor's words."""
    if isinstance(value, bool):
        return "yes/no"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of 'key: value' lines"
    return "text" if isinstance(value, str) else "empty"


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)
