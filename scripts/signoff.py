"""Record that a clinician has checked a page, or list which pages are checked.

    python -m scripts.signoff PAGE --reviewer "Full name" --role "Their job" [--date YYYY-MM-DD]
    python -m scripts.signoff --list
    make signoff PAGE=neck REVIEWER="Full name" ROLE="Their job" [DATE=YYYY-MM-DD]   (no PAGE: the list)

Run it only for a clinician who has read the page as it is now, with its warning signs, and agrees
with it. The record (docs/_data/signoff.yml) keeps a hash of the page and of the warning signs it
shows; any later change to either voids it, and the page says again that it is not checked.
PAGE is `neck`, `neck.md` or `docs/neck.md`. The date is today unless given, never in the future.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import re
import sys
from pathlib import Path

import yaml

from scripts import siteconfig
from scripts.model import content, signoff
from scripts.problems import display_path

LETTER = re.compile(r"[^\W\d_]")


class Refused(Exception):
    """Bad input: said as one line, exit code 2."""


def page_name(given: str, docs_dir: Path, known: list[str]) -> str:
    """The page as named in docs/ ("neck.md") from what was typed: neck, neck.md or docs/neck.md."""
    name = given.strip().replace("\\", "/")
    docs = docs_dir.name + "/"
    name = name.removeprefix(docs)
    name = name if name.endswith(".md") else name + ".md"
    if name not in known:
        close = difflib.get_close_matches(name, known, n=1)
        hint = f"did you mean {Path(close[0]).stem}?" if close else f"use one of: {', '.join(Path(k).stem for k in known)}"
        raise Refused(f"{display_path(docs_dir / name)}: no such page with a `reviewed` date; {hint}")
    return name


def words(value: str | None, option: str, example: str) -> str:
    """A reviewer's name or role as given: one line with at least one letter, never made up here."""
    text = " ".join((value or "").split())
    if not LETTER.search(text) or "\n" in (value or ""):
        shown = "empty" if not text else f"'{text}'"
        raise Refused(f"{option} is {shown}; give the clinician's own {example}")
    return text


def check_date(value: str | None, today: dt.date) -> dt.date:
    if not value:
        return today
    try:
        day = dt.date.fromisoformat(value.strip())
    except ValueError:
        raise Refused(f"--date '{value}' is not a date; write it as YYYY-MM-DD, e.g. {today.isoformat()}") from None
    if day > today:
        raise Refused(f"--date {day} is in the future; give the day the clinician checked the page (today is {today})")
    return day


def sign(args: argparse.Namespace, docs_dir: Path, today: dt.date) -> str:
    statuses = {s.page: s for s in signoff.statuses(docs_dir)}
    page = page_name(args.page, docs_dir, sorted(statuses))
    reviewer = words(args.reviewer, "--reviewer (REVIEWER)", 'full name as they want it on the page, e.g. --reviewer "Dr Jane Smith"')
    role = words(args.role, "--role (ROLE)", 'job as they want it on the page, e.g. --role "GP" or --role "Consultant neurologist"')
    day = check_date(args.date, today)
    signoff.save_record(docs_dir, signoff.Record(page, reviewer, role, day, statuses[page].hash))
    return (f"{display_path(docs_dir / signoff.DATA_FILE)}: {page} checked by {reviewer} ({role}) on {signoff.long_date(day)}. "
            f"Any change to the page or to one of its warning signs voids this record. Rebuild the site to show it.")


def listing(docs_dir: Path) -> str:
    """One line per page: checked by whom, not checked, or changed since it was checked."""
    statuses = signoff.statuses(docs_dir)
    width = max((len(s.page) for s in statuses), default=0)
    lines = []
    for status in statuses:
        record = status.record
        if status.signed and record is not None:
            state = f"checked by {record.reviewer} ({record.role}) on {record.date}"
        elif record is not None:
            state = f"NOT CHECKED: changed since {record.reviewer} ({record.role}) checked it on {record.date}"
        else:
            state = "NOT CHECKED"
        lines.append(f"{status.page:<{width}}  {state}")
    checked = sum(s.signed for s in statuses)
    lines.append(f"{checked} of {len(statuses)} pages checked by a clinician.")
    return "\n".join(lines)


def main(argv: list[str] | None = None, today: dt.date | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("page", nargs="?", help="the page: neck, neck.md or docs/neck.md")
    parser.add_argument("--reviewer", help="the clinician's full name, as shown on the page")
    parser.add_argument("--role", help="the clinician's job, e.g. GP")
    parser.add_argument("--date", help="the day they checked it, YYYY-MM-DD (default: today)")
    parser.add_argument("--list", action="store_true", help="print each page's status and write nothing")
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", type=Path)
    args = parser.parse_args(argv)
    try:
        docs_dir = siteconfig.docs_dir(siteconfig.load(args.config_file))
        loaded = content.load(args.config_file)  # validated first; a translation's signs are its own words
        if loaded.problems:
            raise Refused("the content has problems; fix them first:\n" + "\n".join(str(p) for p in loaded.problems))
        if args.list:
            print(listing(docs_dir))
            return 0
        if not (args.page or "").strip():
            raise Refused("no page given; name the page the clinician checked, e.g. neck (make signoff PAGE=neck), "
                          "or use --list to see each page's status")
        print(sign(args, docs_dir, today or dt.date.today()))
        return 0
    except Refused as refused:
        print(f"signoff: {refused}", file=sys.stderr)
    except signoff.RecordError as err:
        print(f"{display_path(docs_dir / signoff.DATA_FILE)}:{err.line}: {err.message}; {err.fix}", file=sys.stderr)
    except (OSError, yaml.YAMLError) as err:
        print(f"{args.config_file}:1: cannot read the configuration ({err.__class__.__name__}: {err}); fix mkdocs.yml",
              file=sys.stderr)
    print("signoff: nothing was written.", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
