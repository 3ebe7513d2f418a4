"""Clinical sign-off: the records file is sound, and which pages no clinician has checked.

By default the unchecked pages are one note (each page tells its readers so itself); with
`extra.checks.require_signoff: true`, which a clinic turns on before publishing, each one is an error.
The records and hashes are scripts/model/signoff.py; `make signoff` writes a record.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any

from scripts import siteconfig
from scripts.model import signoff
from scripts.model.signoff import PageStatus
from scripts.problems import NOTE, Problem, display_path
from scripts.sources import Source

SETTING = "extra.checks.require_signoff"


def check(sources: list[Source], config: dict[str, Any], today: dt.date) -> list[Problem]:
    docs_dir = siteconfig.docs_dir(config)
    records_file = display_path(docs_dir / signoff.DATA_FILE)
    try:
        records = signoff.load_records(docs_dir)
        statuses = signoff.statuses(docs_dir)
    except signoff.RecordError as err:
        return [Problem(records_file, err.line, err.message, err.fix)]
    problems = _bad_records(records, statuses, records_file, today)
    unchecked = [s for s in statuses if not s.signed]
    if not unchecked:
        return problems
    if siteconfig.check_settings(config).get("require_signoff") is True:
        lines = {source.rel: _reviewed_line(source) for source in sources}
        return problems + [Problem(display_path(docs_dir / s.page), lines.get(s.page, 1), _why(s),
                                   f"a clinician checks the page, then: {_command(Path(s.page).stem)} ({SETTING} is on)")
                           for s in unchecked]
    listed = ", ".join(_listed(s) for s in unchecked)
    return problems + [Problem(records_file, 1, f"{len(unchecked)} of {len(statuses)} pages are not checked by a clinician "
                               f"(each page says so to its readers): {listed}",
                               f"when a clinician has checked a page, record it: {_command(Path(unchecked[0].page).stem)} "
                               f"({SETTING}: true makes these errors; turn it on before publishing)", NOTE)]


def _bad_records(records: list[signoff.Record], statuses: list[PageStatus], shown: str, today: dt.date) -> list[Problem]:
    pages = {s.page for s in statuses}
    twice = {page for page, count in Counter(r.page for r in records).items() if count > 1}
    problems = []
    for record in records:
        if record.page not in pages:
            problems.append(Problem(shown, record.line, f"a sign-off record names '{record.page}', which is not a page with a "
                                    "`reviewed` date", "remove the record; pages are named as in docs/, e.g. neck.md"))
        elif record.page in twice:
            problems.append(Problem(shown, record.line, f"'{record.page}' has more than one sign-off record",
                                    "keep one: `make signoff` replaces the page's record"))
        if record.date > today:
            problems.append(Problem(shown, record.line, f"the sign-off of '{record.page}' is dated {record.date}, in the future",
                                    "a record gets the date the clinician checked the page; write it with `make signoff`"))
    return problems


def _why(status: PageStatus) -> str:
    record = status.record
    if record is not None and status.changed:
        return (f"the page or one of its warning signs changed since {record.reviewer} ({record.role}) checked it "
                f"on {record.date}, so it says it is not checked by a clinician")
    return "no clinician has checked this page, so it says it is not checked by a clinician"


def _listed(status: PageStatus) -> str:
    return f"{status.page} (changed since checked)" if status.changed else status.page


def _command(page: str) -> str:
    return f'make signoff PAGE={page} REVIEWER="Full name" ROLE="Their job"'


def _reviewed_line(source: Source) -> int:
    """The line of `reviewed:` in the page's front matter (line 1 if there is none)."""
    lines = source.text.split("\n")[:max(source.body_start - 1, 1)]
    return next((n for n, line in enumerate(lines, 1) if line.startswith("reviewed:")), 1)
