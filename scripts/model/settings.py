"""The site's own settings (extra.clinic, extra.pdf, extra.kiosk, extra.checks), declared once.

SETTINGS below is the one declaration. `check()` validates mkdocs.yml (and a kiosk file that
INHERITs it) against it before anything renders, reporting `mkdocs.yml:LINE: message; fix` with
the line where the key is written; `python -m scripts.model.settings --doc` prints the table that
SETTINGS.md shows, and `--write` puts it there (tests/test_settings.py keeps the two equal).

Why a small local table rather than MkDocs' `config_options`: the checks must also run without
MkDocs (`python -m scripts.check`, and before a Zensical build, which runs no MkDocs code), and
they report the line of each key, which MkDocs' config validation does not know. JSON Schema would
add a dependency and still need the YAML line numbers and the patient-facing rules written here.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from scripts import siteconfig
from scripts.model.words import WORDS, WORDS_OPTIONAL
from scripts.problems import NOTE, Problem, display_path

KIOSK_HOOK = "scripts/kiosk/hook.py"
# Reserved names (RFC 2606, RFC 6761): an address on them can never reach the guide.
EXAMPLE_DOMAINS = ("example.org", "example.com", "example.net", "example", "test", "invalid", "localhost")
PHONE = re.compile(r"^\+?[0-9][0-9 ]*$")


@dataclass(frozen=True)
class Kind:
    python_type: type
    words: str  # what a value must be, in messages and the SETTINGS.md table


KINDS = {
    "text": Kind(str, "text"),
    "phone": Kind(str, "a phone number in quotes"),
    "url": Kind(str, "an https:// address"),
    "seconds": Kind(int, "a whole number of seconds above 0"),
    "switch": Kind(bool, "true or false"),
    "pages": Kind(list, "a list of page files"),
    "texts": Kind(list, "a list of text"),
    "page_texts": Kind(dict, "page files, each with a list of text"),
    "page_counts": Kind(dict, "page files, each with a whole number of printed pages"),
}


@dataclass(frozen=True)
class Setting:
    section: str  # under extra: clinic, pdf, kiosk or checks
    name: str
    kind: str  # a key of KINDS
    example: str  # as written in mkdocs.yml; also the default when not required
    description: str
    required: bool = False
    patients_read: str = ""  # "always", or "kiosk" (only in a kiosk build): then it must not be empty
    allowed: tuple[str, ...] = ()  # compared ignoring case

    @property
    def path(self) -> str:
        return f"extra.{self.section}.{self.name}"


SECTIONS = {
    "clinic": "The clinic's own words and numbers, used in pages as `{{ clinic.NAME }}`. Required.",
    "pdf": "The PDF booklet and handouts. Optional.",
    "kiosk": "The waiting-room kiosk (`mkdocs-kiosk.yml`). Required in a config that runs the kiosk hook.",
    "checks": "How strict the build is. Optional.",
    "edition": "This edition's language, and for a translation the edition it translates (`mkdocs.ru.yml`). Required.",
    "words": "The words the build puts into pages and templates, in this edition's language: an edition in another "
             "language (`mkdocs.ru.yml`) sets every one. `{name}` marks are filled in by the build (clinic settings, "
             "numbers, names, dates). Required.",
}

REQUIRED_SECTIONS = ("clinic", "edition")

SETTINGS = (
    Setting("clinic", "country", "text", "United Kingdom", "The country whose services the numbers below belong to."),
    Setting("clinic", "emergency_number", "phone", '"999"', "The emergency phone number, in every emergency card and tap-to-call link.",
            required=True, patients_read="always"),
    Setting("clinic", "emergency_service", "text", "an ambulance", "What that number sends (\"Call 999 for an ambulance\").",
            required=True, patients_read="always"),
    Setting("clinic", "urgent_advice", "text", "call NHS 111 or your GP surgery", "Where to get help today, in running text.",
            required=True, patients_read="always"),
    Setting("clinic", "urgent_number", "phone", '"111"', "The same-day help line.", required=True, patients_read="always"),
    Setting("clinic", "urgent_service", "text", "NHS 111", "The name of that help line.", required=True, patients_read="always"),
    Setting("clinic", "urgent_online", "url", '""', "The same-day help line's website (e.g. `https://111.nhs.uk/`): a link "
            "beside its Call button on the website. Empty: no link."),
    Setting("clinic", "urgent_online_label", "text", '""', "The words of that link after \"Or use\" (e.g. `NHS 111 online`). "
            "Empty: the address itself."),
    Setting("clinic", "reception_note", "text", '""', "Added to the emergency card: empty on the web; "
            "in the kiosk config, what to tell staff (\"Tell the reception desk now.\").", patients_read="kiosk"),
    Setting("clinic", "publisher", "text", "The Numb Hands and Feet guide team", "Who publishes this copy of the guide (About page).",
            required=True, patients_read="always"),
    Setting("clinic", "report_problem", "text", "Tell the staff at the clinic that gave you this guide.",
            "How a reader reports a mistake (About page).", required=True, patients_read="always"),
    Setting("pdf", "paper", "text", "A4", "Paper size of the PDFs; `make pdf PAPER=letter` overrides it for one build.",
            allowed=("A4", "letter")),
    Setting("pdf", "public_url", "url", '""', "The address the PDFs' QR codes point to; empty means `site_url`."),
    Setting("pdf", "no_handout", "pages", "[]", "Pages without a handout of their own (they are in the booklet)."),
    Setting("pdf", "call_sheet", "pages", "[]", "Handouts to keep by the phone: they open with the numbers to call in large print and fit one side unless max_pages says otherwise (the others: two sides)."),
    Setting("pdf", "max_pages", "page_counts", "{urgent-help.md: 4}",
            "Handouts that may have more printed pages than their kind allows (1 for call_sheet, else 2): say why in a comment."),
    Setting("pdf", "handout_sections", "texts", "[]", "Section titles a handout keeps, with the introduction, care cards and sources."),
    Setting("pdf", "handout_page_sections", "page_texts", '{neck.md: ["Which part of my arm goes numb?"]}',
            "The sections one page's handout keeps, instead of `handout_sections`."),
    Setting("kiosk", "public_url", "url", "https://guide.your-clinic.org/", "The address the kiosk's \"Take this page home\" QR codes point to.",
            required=True, patients_read="always"),
    Setting("kiosk", "idle_seconds", "seconds", "120", "Seconds without touch before \"Still reading?\" appears.", required=True),
    Setting("kiosk", "warning_seconds", "seconds", "20", "Seconds the \"Still reading?\" countdown runs; less than `idle_seconds`.",
            required=True),
    Setting("kiosk", "attract_seconds", "seconds", "300", "Seconds on the unused home screen before \"Touch the screen to start\".",
            required=True),
    Setting("kiosk", "language", "text", "en", "Language of the kiosk's own buttons and messages.", required=True, allowed=("en", "ru")),
    Setting("checks", "allow_overdue_reviews", "switch", "false",
            "`true` lets a build go ahead with pages past their `next_review` date."),
    Setting("checks", "require_public_url", "switch", "false",
            "`true` makes an example or missing public address (`site_url`, `public_url`) an error: turn it on before printing "
            "handouts or setting up the kiosk."),
    Setting("edition", "language", "text", "en", "The language of this edition's pages (an IETF tag: `en`, `ru`); the pages' "
            "`lang`, the words and the checks follow it.", required=True, allowed=("en", "ru")),
    Setting("edition", "translates", "text", '""', "For a translation: the configuration of the edition it translates "
            "(`mkdocs.yml`); its warning signs, steps and pages are the source, and every page and sign must be translated."),
    Setting("edition", "translation", "text", '""', "In the original: the configuration of its translated edition "
            "(`mkdocs.ru.yml`), which every build makes too, into the folder `switch` names (`site/ru/`). A kiosk config "
            "names the translated kiosk's."),
    Setting("edition", "switch", "text", '""', "Where the other edition's pages are, relative to this one's "
            "(`ru/` in the English edition, `../` in the Russian one): the language link on every page. Empty: no link."),
    Setting("edition", "switch_name", "text", '""', "The other edition's language, in its own words (`Русский`, `English`)."),
    Setting("edition", "switch_language", "text", '""', "The other edition's language tag (`ru`, `en`), for the link's `hreflang` and `lang`."),
    *(Setting("words", name, "texts" if name == "months" else "text", english, about, patients_read="always",
              allowed=("one-other", "one-few-many") if name == "plural" else ())
      for name, (english, about) in WORDS.items()),
    *(Setting("words", name, "text", english or '""', about) for name, (english, about) in WORDS_OPTIONAL.items()),
    Setting("checks", "require_signoff", "switch", "false",
            "`true` makes every page that no clinician has checked an error (no record in `docs/_data/signoff.yml` that "
            "matches the page and its warning signs; `make signoff` writes one): turn it on before publishing. "
            "Otherwise the build lists them in one note, and each page says it is not checked."),
)


class _Where:
    """File and line of a key, from the YAML nodes; a missing key points to its nearest written parent."""

    def __init__(self, config: dict[str, Any]) -> None:
        self.config_file = Path(config.get("config_file") or "mkdocs.yml")
        try:
            self.lines = key_lines(self.config_file)
        except (OSError, yaml.YAMLError):  # a config given as a dict only: report at line 1
            self.lines = {}

    def file(self, *path: str) -> str:
        return display_path(self._find(path)[0])

    def __call__(self, *path: str) -> tuple[str, int]:
        file, line = self._find(path)
        return display_path(file), line

    def _find(self, path: tuple[str, ...]) -> tuple[Path, int]:
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.config_file, 1


def _problem(where: _Where, path: tuple[str, ...], message: str, fix: str) -> Problem:
    return Problem(*where(*path), message, fix)


def is_kiosk(config: dict[str, Any]) -> bool:
    """A kiosk build: extra.kiosk is set (the templates and PDF step decide the same way)."""
    return bool(siteconfig.extra_section(config, "kiosk"))



# config file -> (stamps of the files its keys come from, where each key is written). siteconfig.key_lines
# composes the configuration with the pure-Python reader; the checks ask several times per run, and a
# long-lived process (`make preview`) on every save. In memory only.
_key_lines: dict[Path, tuple[tuple, dict]] = {}


def _stamps(files) -> tuple:
    found = []
    for file in sorted({str(f) for f in files}):
        try:
            info = Path(file).stat()
            found.append((file, info.st_mtime_ns, info.st_size))
        except OSError:
            found.append((file, None, None))
    return tuple(found)


def key_lines(config_file: Path) -> dict[tuple[str, ...], tuple[Path, int]]:
    """siteconfig.key_lines, read again only when the configuration or a file it INHERITs changed
    (a new INHERIT line changes the file that has it). Do not change the answer: it is shared."""
    path = Path(config_file)
    kept = _key_lines.get(path)
    if kept is not None and _stamps(f for f, _, _ in kept[0]) == kept[0]:
        return kept[1]
    found = siteconfig.key_lines(path)
    _key_lines[path] = (_stamps([path, *(file for file, _ in found.values())]), found)
    return found


_known_pages: dict[Path, list[str]] = {}  # docs folder -> its pages, during one `check`


def check(config: dict[str, Any]) -> list[Problem]:
    """Every settings problem: wrong types, missing or empty values, unknown keys, invalid values."""
    _known_pages.clear()
    where = _Where(config)
    extra = config.get("extra")
    if extra is not None and not isinstance(extra, dict):
        return [_problem(where, ("extra",), "'extra' must be a group of settings", "write 'key: value' lines indented under 'extra:'")]
    extra = extra or {}
    kiosk = is_kiosk(config)
    problems: list[Problem] = []
    if KIOSK_HOOK in [str(hook) for hook in config.get("hooks") or []]:
        problems.append(_problem(where, ("hooks",), f"hooks lists {KIOSK_HOOK}, which scripts/hook.py already runs when extra.kiosk is set",
                                 f"remove '- {KIOSK_HOOK}' from hooks: a config is a kiosk when it has extra.kiosk"))
    for section in SECTIONS:
        problems += _check_section(config, section, extra.get(section), kiosk, where)
    problems += _check_kiosk_times(siteconfig.extra_section(config, "kiosk"), where)
    problems += _check_translated_words(config, where)
    if siteconfig.check_settings(config).get("require_public_url") is True:
        problems += [Problem(*where(*path), message, fix) for path, message, fix in _public_address_findings(config, where, True)]
    return problems


def notes(config: dict[str, Any]) -> list[Problem]:
    """What every build says but never fails on: the public address is still an example (or unset)."""
    if siteconfig.check_settings(config).get("require_public_url") is True:
        return []  # then check() reports them as errors
    where = _Where(config)
    return [Problem(*where(*path), message, fix, NOTE) for path, message, fix in _public_address_findings(config, where, False)]


def _check_section(config: dict[str, Any], section: str, values: Any, kiosk: bool, where: _Where) -> list[Problem]:
    path = ("extra", section)
    if values is None:
        if section in REQUIRED_SECTIONS:
            what = "the clinic's settings" if section == "clinic" else "this edition's settings"
            return [_problem(where, path, f"extra.{section} is missing", f"add {what} under 'extra: {section}:' (see SETTINGS.md)")]
        return []
    if not isinstance(values, dict):
        return [_problem(where, path, f"extra.{section} must be a group of settings",
                         f"write 'key: value' lines indented under '{section}:'")]
    declared = {s.name: s for s in SETTINGS if s.section == section}
    problems = []
    for name in values:
        if name not in declared:
            close = difflib.get_close_matches(str(name), list(declared), n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"known settings: {', '.join(declared)}"
            problems.append(_problem(where, (*path, str(name)), f"unknown setting extra.{section}.{name}",
                                     f"{hint} (or remove it; see SETTINGS.md)"))
    for setting in declared.values():
        if setting.name in values:
            problems += _check_value(config, setting, values[setting.name], kiosk, where)
        elif setting.required:
            problems.append(_problem(where, path, f"{setting.path} is missing",
                                     f"add '{setting.name}: {setting.example}' under '{section}:' (see SETTINGS.md)"))
    return problems


def _check_value(config: dict[str, Any], setting: Setting, value: Any, kiosk: bool, where: _Where) -> list[Problem]:
    kind = KINDS[setting.kind]
    path = ("extra", setting.section, setting.name)

    def problem(message: str, fix: str) -> list[Problem]:
        return [_problem(where, path, message, fix)]

    wrong_type = not isinstance(value, kind.python_type) or (kind.python_type is int and isinstance(value, bool))
    if kind.python_type is list and not wrong_type:
        wrong_type = not all(isinstance(item, str) for item in value)
    if setting.kind == "page_counts" and not wrong_type:
        wrong_type = not all(isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool) and v >= 1
                             for k, v in value.items())
    elif kind.python_type is dict and not wrong_type:
        wrong_type = not all(isinstance(k, str) and isinstance(v, list) and all(isinstance(i, str) for i in v)
                             for k, v in value.items())
    if wrong_type:
        shown = "empty" if value is None else repr(value)
        if kind.python_type is str and isinstance(value, (int, float)) and not isinstance(value, bool):
            fix = f"put it in quotes: {setting.name}: \"{value}\""
        else:
            fix = f"write it as {kind.words}, e.g. {setting.name}: {setting.example}"
        return problem(f"{setting.path} must be {kind.words}, not {shown}", fix)
    if isinstance(value, str) and not value.strip():
        if setting.patients_read == "always" or (setting.patients_read == "kiosk" and kiosk):
            where_read = "on the kiosk" if setting.patients_read == "kiosk" else "in the guide"
            example = setting.example if setting.example != '""' else '"Tell the reception desk now."'
            return problem(f"{setting.path} is empty, but patients read it {where_read}",
                           f"write it, e.g. {setting.name}: {example}")
        return []
    if setting.allowed and str(value).casefold() not in [a.casefold() for a in setting.allowed]:
        return problem(f"{setting.path} is '{value}', which is not allowed", f"use {' or '.join(setting.allowed)}")
    if setting.kind == "phone" and not PHONE.match(value):
        return problem(f"{setting.path} is '{value}', which is not a phone number",
                       f"use digits only (spaces and a leading + are fine), e.g. {setting.name}: {setting.example}")
    if setting.kind == "url" and not (urlsplit(value).scheme == "https" and urlsplit(value).hostname):
        example = "https://111.nhs.uk/" if setting.section == "clinic" else "https://guide.your-clinic.org/"  # a service's site, or the guide's
        return problem(f"{setting.path} is '{value}', which is not an https:// address",
                       f"write the full address, starting with https://, e.g. {setting.name}: {example}")
    if setting.name == "months" and len(value) != 12:
        return problem(f"{setting.path} has {len(value)} names", "list the 12 month names, January first, as dates use them")
    if setting.kind == "seconds" and value < 1:
        return problem(f"{setting.path} is {value}", f"use {KINDS['seconds'].words}, e.g. {setting.name}: {setting.example}")
    if setting.kind in ("pages", "page_texts", "page_counts"):
        return _check_pages(config, setting, list(value), problem)
    return []


def _check_pages(config: dict[str, Any], setting: Setting, pages: list[str], problem) -> list[Problem]:
    docs_dir = siteconfig.docs_dir(config)
    if not docs_dir.is_dir():
        return []  # check.run reports the missing docs folder
    if docs_dir not in _known_pages:  # one walk of docs/ per check, not one per setting that lists pages
        _known_pages[docs_dir] = sorted(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md"))
    known = _known_pages[docs_dir]
    found = []
    for page in pages:
        if page not in known:
            close = difflib.get_close_matches(page, known, n=1)
            hint = f"did you mean '{close[0]}'?" if close else "use a file name relative to docs/, e.g. about.md"
            found += problem(f"{setting.path} lists '{page}', which is not a page", hint)
    return found


def _check_translated_words(config: dict[str, Any], where: _Where) -> list[Problem]:
    """A translated edition sets every word: otherwise its readers would meet English."""
    edition = siteconfig.extra_section(config, "edition")
    if not edition.get("translates"):
        return []
    # The edition's own files, not the merged config: INHERIT would fill a missing word with the English one.
    # Its own files: this one and those it INHERITs up to the edition it translates (mkdocs-kiosk.ru.yml -> mkdocs.ru.yml).
    text = where.config_file.read_text(encoding="utf-8") if where.config_file.is_file() else ""
    try:
        own = _translation_own(where.config_file, where.config_file.parent / str(edition["translates"]))
    except (OSError, yaml.YAMLError):
        return []  # the configuration's own YAML error is reported where it is read
    extra = own.get("extra") if isinstance(own, dict) else None
    extra = extra if isinstance(extra, dict) else {}
    shown = display_path(where.config_file)
    problems = []
    # Every word, and every clinic text patients read (the numbers may stay: a UK clinic keeps 999 and 111).
    wanted = {"words": [(name, english) for name, (english, _) in WORDS.items()],
              "clinic": [(s.name, s.example) for s in SETTINGS if s.section == "clinic" and s.kind == "text" and s.patients_read == "always"]}
    for section, names in wanted.items():
        written = extra.get(section) if isinstance(extra.get(section), dict) else {}
        line = next((n for n, row in enumerate(text.split("\n"), 1) if row.strip() == f"{section}:"), 1)
        problems += [Problem(shown, line, f"extra.{section}.{name} is missing, so this translation would show the English "
                             f"'{english}'", f"add '{name}: ...' under '{section}:' in this edition's language (see SETTINGS.md)")
                     for name, english in names if name not in written]
    return problems


def _translation_own(config_file: Path, source: Path) -> dict[str, Any]:
    """What a translation's files set themselves: config_file merged over the files it INHERITs, up to (not
    including) `source`, the configuration of the edition it translates."""
    own = yaml.load(config_file.read_text(encoding="utf-8"), Loader=siteconfig._TolerantLoader) if config_file.is_file() else {}
    own = own if isinstance(own, dict) else {}
    parent = own.pop("INHERIT", None)
    if parent and (config_file.parent / str(parent)).resolve() != source.resolve():
        own = siteconfig._merge(_translation_own(config_file.parent / str(parent), source), own)
    return own


def _check_kiosk_times(kiosk: dict[str, Any], where: _Where) -> list[Problem]:
    idle, warning = kiosk.get("idle_seconds"), kiosk.get("warning_seconds")
    if not all(isinstance(v, int) and not isinstance(v, bool) and v > 0 for v in (idle, warning)):
        return []  # the type and range are reported per key
    if warning >= idle:
        return [_problem(where, ("extra", "kiosk", "warning_seconds"),
                         f"extra.kiosk.warning_seconds ({warning}) is not less than idle_seconds ({idle})",
                         "make the countdown shorter than the idle time, e.g. warning_seconds: 20 with idle_seconds: 120")]
    return []


def is_example_address(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return any(host == domain or host.endswith("." + domain) for domain in EXAMPLE_DOMAINS)


def _public_address_findings(config: dict[str, Any], where: _Where, as_error: bool) -> list[tuple[tuple[str, ...], str, str]]:
    """(key path, message, fix) for each public address that QR codes use and that cannot work."""
    if is_kiosk(config):
        path, url = ("extra", "kiosk", "public_url"), siteconfig.extra_section(config, "kiosk").get("public_url")
        readers, before = "the kiosk's \"Take this page home\" QR codes", "before the kiosk goes into the waiting room"
    else:
        pdf_url = siteconfig.extra_section(config, "pdf").get("public_url")
        path, url = (("extra", "pdf", "public_url"), pdf_url) if pdf_url else (("site_url",), config.get("site_url"))
        readers, before = "the QR codes on printed handouts and the booklet", "before printing"
    name = ".".join(path)
    url = "" if url is None else url
    if not isinstance(url, str):
        return []  # a wrong type is reported by check()
    if not url.strip():
        message = f"{name} is not set, so {readers} have no address to point to"
    elif is_example_address(url):
        message = f"{name} is the example address {url}, so {readers} point to a site that does not exist"
    else:
        return []
    fix = f"set {name} in {where.file(*path)} to the guide's real public address"
    if as_error:
        fix += " (or set extra.checks.require_public_url: false while you are only testing)"
    else:
        fix += f" {before} (extra.checks.require_public_url: true makes this an error)"
    return [(path, message, fix)]


def doc_table() -> str:
    """The settings table of SETTINGS.md, from SETTINGS (the one declaration)."""
    rows = ["| setting | value | required | default | what it is |", "|---|---|---|---|---|"]
    for section, about in SECTIONS.items():
        rows.append(f"| **`extra.{section}`** | | | | {about} |")
        for s in (s for s in SETTINGS if s.section == section):
            value = " or ".join(f"`{a}`" for a in s.allowed) if s.allowed else KINDS[s.kind].words
            default = f"(e.g. `{s.example}`)" if s.required else f"`{s.example}`"
            about_it = s.description
            if s.patients_read == "always":
                about_it += " Patients read it: may not be empty."
            elif s.patients_read == "kiosk":
                about_it += " May not be empty in a kiosk config."
            rows.append(f"| `{s.path}` | {value} | {'yes' if s.required else 'no'} | {default} | {about_it} |")
    return "\n".join(rows) + "\n"


# SETTINGS.md at the project root, beside mkdocs.yml: the table sits between these two marks.
DOC_FILE = Path(__file__).resolve().parent.parent.parent / "SETTINGS.md"
DOC_TABLE = re.compile(r"(<!-- settings table:[^\n]*-->\n)(.*?)(<!-- end of settings table -->)", re.DOTALL)


def write_doc(path: Path = DOC_FILE) -> str | None:
    """Replace the table between the marks in SETTINGS.md with doc_table(); a message when it cannot."""
    marks = "put '<!-- settings table: ... -->' and '<!-- end of settings table -->' on lines of their own where the table goes"
    if not path.is_file():
        return f"{display_path(path)}:1: the file is missing; create it and {marks}"
    text = path.read_text(encoding="utf-8")
    if not DOC_TABLE.search(text):
        return f"{display_path(path)}:1: no settings table marks; {marks}"
    path.write_text(DOC_TABLE.sub(lambda m: m.group(1) + doc_table() + m.group(3), text, count=1), encoding="utf-8")
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check the site's settings, or print their table for SETTINGS.md.")
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", type=Path)
    parser.add_argument("--doc", action="store_true", help="print the settings table (Markdown) and exit")
    parser.add_argument("--write", action="store_true", help="write the settings table into SETTINGS.md and exit")
    args = parser.parse_args(argv)
    if args.doc:
        sys.stdout.write(doc_table())
        return 0
    if args.write:
        failed = write_doc()
        print(failed or f"wrote the settings table into {display_path(DOC_FILE)}")
        return 1 if failed else 0
    config = siteconfig.load(args.config_file)
    found = check(config)
    for problem in [*notes(config), *found]:
        print(problem)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
