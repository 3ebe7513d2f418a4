"""Clinical sign-off: which clinician checked a page, when, and a hash of exactly what they checked.

docs/_data/signoff.yml holds one record per checked page, written by `make signoff` (scripts/signoff.py):
the page, the reviewer's name and role, the date, and the hash of the page as it was checked. The hash
covers the page's Markdown (front matter left out, included snippets put in) and the full data entry
of every warning sign the page shows. Any later change to either gives another hash: the record no
longer matches, and the page says it has not been checked. Nothing is signed by default.

The same hash is worked out in two places, from the same text:
- the sign-off command and the check read the file and strip the front matter as scripts/sources.py does;
- the Markdown extension (scripts/transforms/signoff.py) hashes the text the renderer hands it, which
  MkDocs and Zensical have already stripped of front matter, before pymdownx.snippets changes it.
`normalise` removes what the two can differ in: a byte-order mark, line endings, spaces at line
ends and blank lines at either end.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import re
import stat
from dataclasses import dataclass
from pathlib import Path

import yaml

from scripts.model.signs import DATA_FILE as SIGNS_FILE
from scripts.sources import SNIPPET_INCLUDE, SNIPPETS_DIR, Source, split_front_matter

DATA_FILE = "_data/signoff.yml"
FIELDS = ("page", "reviewer", "role", "date", "hash")
HEADER = """\
# Clinical sign-off: one record per page a clinician has checked. Written by
#   make signoff PAGE=neck REVIEWER="Full name" ROLE="Their job"
# Never write or change a record by hand, and never for someone who did not check the page.
# `hash` is the page's text and the warning signs it shows, as they were checked: when either
# changes, the record no longer matches and the page says it has not been checked by a clinician.
# Empty by default: nothing is signed until a clinician checks a page.
"""

# The tokens that put clinical data on a page: warning signs (scripts/transforms/signs.py) and the
# step-by-step check, which shows every sign and docs/_data/steps.yml (scripts/transforms/steps.py).
# A new token that shows data belongs here (tests/test_signoff.py fails on a token it does not know).
# Read anywhere in the text, even in code blocks: data counted once too often only voids a record sooner.
SIGNS_TOKEN = re.compile(r"\{\{\s*signs\s*:\s*([^}]*?)\s*\}\}")
ONE_SIGN_TOKEN = re.compile(r"\{\{\s*(?:act|sign)\s*:\s*([^}]*?)\s*\}\}")
STEPS_TOKEN = re.compile(r"\{\{\s*steps\s*\}\}")
STEPS_FILE = "_data/steps.yml"
TIER_TOKEN = re.compile(r"^tier\s*=\s*(\S+)$")
ALL = "all"
NOT_CHECKED = "This page has not yet been checked by a clinician."  # what an unsigned page says
CLASS = "page-status"  # the class of that line in the HTML; data-signoff="checked" or "not-checked"
UPDATED_CLASS = "page-status__updated"  # its "The team updated it on ..." part, which the PDF footer already says

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: faster


class RecordError(ValueError):
    """docs/_data/signoff.yml cannot be read as records; `line` is where, in that file."""

    def __init__(self, line: int, message: str, fix: str) -> None:
        super().__init__(f"{DATA_FILE}:{line}: {message}; {fix}")
        self.line, self.message, self.fix = line, message, fix


@dataclass(frozen=True)
class Record:
    page: str  # relative to docs/, e.g. "neck.md"
    reviewer: str
    role: str
    date: dt.date
    hash: str
    line: int = 0  # in the records file; 0 for a record not written yet


@dataclass(frozen=True)
class PageStatus:
    """One content page (front matter with `reviewed`) and its sign-off."""

    page: str
    updated: dt.date | None  # front matter `reviewed`: the editors' date, not a clinical check
    hash: str
    record: Record | None  # this page's record, whether or not it still matches

    @property
    def signed(self) -> bool:
        return self.record is not None and self.record.hash == self.hash

    @property
    def changed(self) -> bool:
        """Signed once, but the page or one of its signs changed since."""
        return self.record is not None and self.record.hash != self.hash


# ------------------------------------------------------------------ the hash

def normalise(text: str) -> str:
    """The text as both renderers see it: no BOM, "\\n" line ends, no trailing spaces or outer blank lines."""
    text = text.lstrip("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join([line.rstrip() for line in text.split("\n")]).strip("\n")


def split_page(text: str) -> tuple[str, str]:
    """A page file's (front matter, body), split as scripts/sources.py splits it."""
    source = Source(Path(), "", normalise(text))
    split_front_matter(source)
    return source.front_matter_text, "\n".join(source.text.split("\n")[source.body_start - 1:])


def page_body(text: str) -> str:
    """A page file's text without its front matter."""
    return split_page(text)[1]


def with_snippets(text: str, docs_dir: Path, seen: tuple[str, ...] = ()) -> str:
    """Each `--8<-- "name"` line replaced by that snippet's text: a change to a snippet changes the
    pages that include it. A missing snippet stays a line (pymdownx.snippets stops the build)."""
    if "8<" not in text:
        return text  # no include line (SNIPPET_INCLUDE needs `8<`): each line would stay as it is

    def include(line: str) -> str:
        match = SNIPPET_INCLUDE.match(line)
        path = Path(docs_dir) / SNIPPETS_DIR / match.group(1) if match else None
        if path is None or not path.is_file() or match.group(1) in seen:
            return line
        return with_snippets(normalise(path.read_text(encoding="utf-8")), docs_dir, (*seen, match.group(1)))
    return "\n".join(include(line) for line in text.split("\n"))


_entries: dict[Path, tuple[int, list[dict]]] = {}
# docs folder -> (the translated edition, its entries): made again when the content loader registers a new one
_edition_entries: dict[Path, tuple[object, list[dict]]] = {}


def sign_entries(docs_dir: Path) -> list[dict]:
    """Every entry of the warning-signs file as written (all its fields), read again only when it changes.
    A translated edition's: each sign with the translation's words (what its readers see)."""
    from scripts.model import translation  # registered by the content loader

    edition = translation.edition_of(docs_dir)
    if edition is not None:
        made = _edition_entries.get(Path(docs_dir))
        if made is None or made[0] is not edition:
            made = _edition_entries[Path(docs_dir)] = (
                edition, [{k: v for k, v in dataclasses.asdict(sign).items() if k != "line"} for sign in edition.signs])
        return made[1]
    path = Path(docs_dir) / SIGNS_FILE
    try:
        found = path.stat()
        stamp = found.st_mtime_ns if stat.S_ISREG(found.st_mode) else 0
    except OSError:
        stamp = 0
    if path not in _entries or _entries[path][0] != stamp:
        try:
            entries = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) if stamp else []
        except (yaml.YAMLError, ValueError):
            entries = []  # the signs check reports the file; the build stops there
        _entries[path] = (stamp, [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else [])
    return _entries[path][1]


def shown_signs(text: str, entries: list[dict]) -> list[dict]:
    """The entries of the signs a page shows: `{{ signs: ... }}` blocks (topics, ids, `all`,
    `tier=...`), `{{ act: ID }}`, `{{ sign: ID }}` and `{{ steps }}` (every sign); in the data
    file's order, each once."""
    ids, topics, tiers = _named(text)
    return [e for e in entries
            if ALL in topics or str(e.get("id")) in ids or str(e.get("tier")) in tiers or topics & set(e.get("topics") or ())]


def _named(text: str) -> tuple[set[str], set[str], set[str]]:
    """The sign ids, topics (with `all`) and tiers the text's tokens name (see shown_signs)."""
    ids: set[str] = set()
    topics: set[str] = set()
    tiers: set[str] = set()
    for spec in SIGNS_TOKEN.findall(text):
        tier = TIER_TOKEN.match(spec.strip())
        if tier:
            tiers.add(tier.group(1))
        else:
            tokens = {token.strip() for token in spec.split(",") if token.strip()}
            ids |= tokens
            topics |= tokens
    ids |= set(ONE_SIGN_TOKEN.findall(text))
    if STEPS_TOKEN.search(text):
        topics.add(ALL)
    return ids, topics, tiers


def _entry_bytes(entry: dict) -> bytes:
    """What the hash takes of one sign's entry."""
    return b"\0sign\0" + json.dumps(entry, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8")


# id() of an entries list -> (that list, per entry: id, tier, topics, its bytes for the hash). Keyed on
# the list sign_entries keeps (a new one whenever the data file or the translation changes), never on
# a page; the list is held, so its id is not reused.
_prepared: dict[int, tuple[list[dict], list[tuple[str, str, frozenset, bytes]] | None]] = {}


def _prepare(entries: list[dict]) -> list[tuple[str, str, frozenset, bytes]] | None:
    made = _prepared.get(id(entries))
    if made is None or made[0] is not entries:
        try:
            rows = [(str(e.get("id")), str(e.get("tier")), frozenset(e.get("topics") or ()), _entry_bytes(e)) for e in entries]
        except TypeError:  # a topic that is no text (the signs check reports it): worked out per page
            rows = None
        if len(_prepared) > 8:
            _prepared.clear()
        made = _prepared[id(entries)] = (entries, rows)
    return made[1]


def content_hash(body: str, docs_dir: Path) -> str:
    """The hash a record keeps: the page's Markdown body (no front matter), its signs' entries and,
    on the page with the step-by-step check, docs/_data/steps.yml."""
    text = normalise(body)
    if "8<" in text:
        text = normalise(with_snippets(text, docs_dir))
    elif text.startswith("\ufeff"):
        text = normalise(text)  # else normalise(text) is text: it did all it does already
    digest = hashlib.sha256(text.encode("utf-8"))
    entries = sign_entries(docs_dir)
    rows = _prepare(entries)
    if rows is None:
        for entry in shown_signs(text, entries):
            digest.update(_entry_bytes(entry))
    elif "{{" in text:  # every token starts with `{{`: without one the page shows no sign
        ids, topics, tiers = _named(text)
        every = ALL in topics
        for sign_id, tier, sign_topics, dumped in rows:
            if every or sign_id in ids or tier in tiers or topics & sign_topics:
                digest.update(dumped)
    steps = Path(docs_dir) / STEPS_FILE
    if STEPS_TOKEN.search(text) and steps.is_file():
        digest.update(b"\0steps\0" + normalise(steps.read_text(encoding="utf-8")).encode("utf-8"))
    return digest.hexdigest()


# ------------------------------------------------------------------ the records file

def load_records(docs_dir: Path) -> list[Record]:
    """The records in docs/_data/signoff.yml; none when the file is missing or empty."""
    path = Path(docs_dir) / DATA_FILE
    if not path.is_file():
        return []
    text = path.read_text(encoding="utf-8")
    try:
        root = yaml.compose(text, Loader=_Loader)
        data = yaml.load(text, Loader=_Loader)
    except (yaml.YAMLError, ValueError) as err:  # ValueError: a date that is no date, e.g. 2026-13-01
        mark = getattr(err, "problem_mark", None)
        raise RecordError(mark.line + 1 if mark else 1, f"not valid YAML ({getattr(err, 'problem', None) or err})",
                          "undo the hand edit, or write records only with `make signoff`") from None
    if data is None:
        return []
    if not isinstance(data, list):
        raise RecordError(1, "the file must be a list of records", "write `[]` for no records, or use `make signoff`")
    return [_record(entry, node.start_mark.line + 1) for entry, node in zip(data, root.value, strict=True)]


def _record(entry: object, line: int) -> Record:
    if not isinstance(entry, dict):
        raise RecordError(line, "a record must have page, reviewer, role, date and hash", "write records only with `make signoff`")
    missing = [name for name in FIELDS if not str(entry.get(name) or "").strip()]
    if missing:
        raise RecordError(line, f"the record has no {', '.join(missing)}",
                          "a record names the clinician who checked the page; write it only with `make signoff`")
    unknown = sorted(set(map(str, entry)) - set(FIELDS))
    if unknown:
        raise RecordError(line, f"the record has unknown fields: {', '.join(unknown)}", f"keep only {', '.join(FIELDS)}")
    date = entry["date"]
    if not isinstance(date, dt.date):
        try:
            date = dt.date.fromisoformat(str(date))
        except ValueError:
            raise RecordError(line, f"the date '{date}' is not a date", "write it as YYYY-MM-DD") from None
    return Record(str(entry["page"]).strip(), str(entry["reviewer"]).strip(), str(entry["role"]).strip(),
                  date, str(entry["hash"]).strip(), line)


def save_record(docs_dir: Path, record: Record) -> None:
    """Add a record, replacing the page's earlier one (git keeps the history)."""
    records = [r for r in load_records(docs_dir) if r.page != record.page] + [record]
    entries = [{"page": r.page, "reviewer": r.reviewer, "role": r.role, "date": r.date, "hash": r.hash}
               for r in sorted(records, key=lambda r: r.page)]
    dumped = yaml.safe_dump(entries, sort_keys=False, allow_unicode=True, width=1000)
    (Path(docs_dir) / DATA_FILE).write_text(HEADER + dumped, encoding="utf-8")


# ------------------------------------------------------------------ each page's status

_statuses: dict[Path, tuple[tuple, list[PageStatus]]] = {}


def _stamp(docs_dir: Path) -> tuple:
    files = sorted(docs_dir.rglob("*.md")) + [docs_dir / SIGNS_FILE, docs_dir / STEPS_FILE, docs_dir / DATA_FILE]
    return tuple((str(f), f.stat().st_mtime_ns if f.exists() else None) for f in files)


def statuses(docs_dir: Path) -> list[PageStatus]:
    """Every content page (not a snippet; front matter with `reviewed`), by file name, with its
    record. Worked out again only when a page, a snippet, the signs or the records change."""
    docs_dir = Path(docs_dir)
    stamp = _stamp(docs_dir)
    if docs_dir in _statuses and _statuses[docs_dir][0] == stamp:
        return _statuses[docs_dir][1]
    records = records_by_page(docs_dir)
    found = []
    for path in sorted(docs_dir.rglob("*.md")):
        page = path.relative_to(docs_dir).as_posix()
        try:
            status = _status(page, path.read_text(encoding="utf-8"), docs_dir, records)
        except (UnicodeDecodeError, OSError):
            continue  # scripts/sources.py reports it (not UTF-8, or a link to a file that is gone)
        if status:
            found.append(status)
    _statuses[docs_dir] = (stamp, found)
    return found


def _status(page: str, text: str, docs_dir: Path, records: dict[str, Record]) -> PageStatus | None:
    """A content page's status from its file's text; None for a snippet or a page without `reviewed`."""
    if page.startswith(SNIPPETS_DIR + "/"):
        return None
    front_matter, body = split_page(text)
    meta = _meta(front_matter)
    if "reviewed" not in meta:
        return None
    updated = meta["reviewed"] if isinstance(meta["reviewed"], dt.date) else None
    return PageStatus(page, updated, content_hash(body, docs_dir), records.get(page))


# docs folder -> (size and time of its records file, the records by page)
_records: dict[Path, tuple[tuple | None, dict[str, Record]]] = {}


def records_by_page(docs_dir: Path) -> dict[str, Record]:
    """The records by page (the last one of a page wins), read again only when the file changes."""
    docs_dir = Path(docs_dir)
    try:
        info = (docs_dir / DATA_FILE).stat()
        stamp = (info.st_mtime_ns, info.st_size)
    except OSError:
        stamp = None
    cached = _records.get(docs_dir)
    if cached is None or cached[0] != stamp:
        cached = _records[docs_dir] = (stamp, {r.page: r for r in load_records(docs_dir)})
    return cached[1]


def status_of_page(page: str, docs_dir: Path) -> PageStatus | None:
    """The status of the page the renderer says it renders (`page`: its path in docs_dir), from that
    one file: the hash of its body as `make signoff` makes it, its `reviewed` date and its record.
    OSError or UnicodeDecodeError when the file cannot be read (the caller then goes by the text)."""
    docs_dir = Path(docs_dir)
    return _status(page, (docs_dir / page).read_text(encoding="utf-8"), docs_dir, records_by_page(docs_dir))


def _meta(front_matter: str) -> dict:
    try:
        meta = yaml.load(front_matter, Loader=_Loader)
    except (yaml.YAMLError, ValueError):  # ValueError: a date that is no date
        return {}  # the front matter check reports it
    return meta if isinstance(meta, dict) else {}


# docs folder -> (stamp of the data files, page status by hash, hashes of texts that are no page)
_by_hash: dict[Path, tuple[tuple, dict[str, PageStatus], set[str]]] = {}


def status_of_text(markdown: str, docs_dir: Path) -> PageStatus | None:
    """The content page whose body is this text (what a renderer hands the Markdown extension), if any:
    for a text whose file the renderer does not name (status_of_page when it does).

    Called for every text a renderer converts, so it must not look at every file each time: a hash
    seen before is answered after a stamp of the three data files only; a new one (a page edited or
    added since) takes the full look at every file in `statuses`."""
    docs_dir = Path(docs_dir)
    wanted = content_hash(markdown, docs_dir)
    data_stamp = tuple(f.stat().st_mtime_ns if f.exists() else None
                       for f in (docs_dir / SIGNS_FILE, docs_dir / STEPS_FILE, docs_dir / DATA_FILE))
    known = _by_hash.get(docs_dir)
    if known is None or known[0] != data_stamp or (wanted not in known[1] and wanted not in known[2]):
        known = (data_stamp, {s.hash: s for s in reversed(statuses(docs_dir))}, set())  # reversed: the first page wins
        _by_hash[docs_dir] = known
    found = known[1].get(wanted)
    if found is None:
        known[2].add(wanted)
    return found


def long_date(day: dt.date, months: list[str] | None = None) -> str:
    """"3 December 2026", with the edition's month names (extra.words.months) when given."""
    return f"{day.day} {months[day.month - 1]} {day.year}" if months else f"{day.day} {day:%B %Y}"
