"""The settings schema (scripts/model/settings.py) and the build-enforced promises (external.py, markup.py).

Each bad input is also a case in tests/sitecases.py, run through the checks, the CLI and the real
build; these tests cover what a case cannot show: the table in SETTINGS.md, INHERIT line numbers, the
public-address note (printed, never counted) and what must stay allowed.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

from sitecases import ROOT, make_site

from scripts import check, siteconfig
from scripts.checks import external, markup
from scripts.model import settings
from scripts.problems import ERROR

ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT))
TABLE = re.compile(r"<!-- settings table:[^\n]*-->\n(.*?)<!-- end of settings table -->", re.DOTALL)
REAL_ADDRESS = "https://guide.clinic.nhs.uk/"


def problems_of(config_file, monkeypatch) -> list[str]:
    monkeypatch.chdir(config_file.parent)
    return [str(p) for p in settings.check(siteconfig.load(config_file))]


def line_of(path, text: str) -> int:
    """The line of the fixture file that holds text (the fixture may grow above it)."""
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if text in line)


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_settings_md_table_is_printed_from_the_schema():
    printed = subprocess.run([sys.executable, "-m", "scripts.model.settings", "--doc"], check=True, cwd=ROOT,
                             capture_output=True, text=True, env=ENV).stdout
    in_doc = TABLE.search((ROOT / "SETTINGS.md").read_text(encoding="utf-8"))
    assert in_doc, "SETTINGS.md has no generated settings table"
    assert in_doc.group(1) == printed == settings.doc_table()
    for setting in settings.SETTINGS:
        assert f"| `{setting.path}` |" in printed


def test_write_puts_the_table_between_the_marks_and_keeps_the_rest(tmp_path):
    doc = tmp_path / "SETTINGS.md"
    doc.write_text("# Settings\n\nBefore.\n\n<!-- settings table: generated -->\n| stale |\n<!-- end of settings table -->\n\nAfter.\n",
                   encoding="utf-8")
    assert settings.write_doc(doc) is None
    text = doc.read_text(encoding="utf-8")
    assert TABLE.search(text).group(1) == settings.doc_table()
    assert text.startswith("# Settings\n\nBefore.\n\n") and text.endswith("<!-- end of settings table -->\n\nAfter.\n")
    assert "| stale |" not in text
    doc.write_text("# Settings\n\nNo table here.\n", encoding="utf-8")
    assert "SETTINGS.md:1: no settings table marks; put '<!-- settings table:" in settings.write_doc(doc)
    assert doc.read_text(encoding="utf-8") == "# Settings\n\nNo table here.\n"


def test_every_setting_the_project_writes_is_declared_and_valid(monkeypatch):
    monkeypatch.chdir(ROOT)
    for name in ("mkdocs.yml", "mkdocs-kiosk.yml", "mkdocs.ru.yml", "mkdocs-kiosk.ru.yml"):
        config = siteconfig.load(ROOT / name)
        assert [str(p) for p in settings.check(config)] == [], name
        for section in settings.SECTIONS:
            declared = {s.name for s in settings.SETTINGS if s.section == section}
            assert set(siteconfig.extra_section(config, section)) <= declared


def test_a_key_is_reported_in_the_file_that_writes_it(tmp_path, monkeypatch):
    base = make_site(tmp_path / "site") / "mkdocs.yml"
    edit(base, 'emergency_number: "999"', 'emergency_number: ""')
    kiosk = base.with_name("mkdocs-kiosk.yml")
    kiosk.write_text("# kiosk\nINHERIT: mkdocs.yml\nextra:\n  kiosk:\n    public_url: https://guide.clinic.nhs.uk/\n"
                     "    idle_seconds: soon\n    warning_seconds: 20\n    attract_seconds: 300\n    language: en\n"
                     "  clinic:\n    reception_note: Tell the desk.\n    emergncy_service: x\n", encoding="utf-8")
    found = problems_of(kiosk, monkeypatch)
    assert f"mkdocs.yml:{line_of(base, 'emergency_number:')}: extra.clinic.emergency_number is empty, but patients read it in the guide; " \
           'write it, e.g. emergency_number: "999"' in found
    assert "mkdocs-kiosk.yml:6: extra.kiosk.idle_seconds must be a whole number of seconds above 0, not 'soon'; " \
           "write it as a whole number of seconds above 0, e.g. idle_seconds: 120" in found
    assert "mkdocs-kiosk.yml:12: unknown setting extra.clinic.emergncy_service; did you mean 'emergency_service'? " \
           "(or remove it; see SETTINGS.md)" in found
    assert len(found) == 3


def test_true_is_not_a_number_of_seconds(tmp_path, monkeypatch):
    config = make_site(tmp_path / "site") / "mkdocs.yml"
    edit(config, "  checks:\n", "  kiosk:\n    public_url: https://guide.clinic.nhs.uk/\n    idle_seconds: true\n"
                                "    warning_seconds: 20\n    attract_seconds: 300\n    language: EN\n  checks:\n")
    edit(config, 'reception_note: ""', "reception_note: Tell the desk.")
    found = problems_of(config, monkeypatch)
    assert found == [(f"mkdocs.yml:{line_of(config, 'idle_seconds:')}: extra.kiosk.idle_seconds must be a whole number of seconds above 0, not True; "
                     "write it as a whole number of seconds above 0, e.g. idle_seconds: 120")]  # and "EN" is fine


def test_the_example_public_address_is_a_note_that_never_fails_the_build(tmp_path):
    site = make_site(tmp_path / "site")
    note = ("mkdocs.yml:3: note: site_url is the example address https://example.org/, so the QR codes on printed "
            "handouts and the booklet point to a site that does not exist; set site_url in mkdocs.yml to the guide's "
            "real public address before printing (extra.checks.require_public_url: true makes this an error)")
    done = subprocess.run([sys.executable, "-m", "scripts.check", "--strict"], check=False, cwd=site,
                          capture_output=True, text=True, env=ENV)
    assert done.returncode == 0 and note in done.stdout.splitlines()
    assert done.stdout.splitlines()[-1] == "Found 0 error(s) and 0 warning(s)."
    built = subprocess.run([sys.executable, "-m", "scripts.build", "--no-pdf"], check=False, cwd=site,
                           capture_output=True, text=True, env=ENV)
    assert built.returncode == 0, built.stdout + built.stderr
    assert note in built.stdout + built.stderr  # strict MkDocs still built: a note is not a warning
    assert (site / "site" / "index.html").exists()


def test_a_real_public_address_gives_no_note_and_passes_when_required(tmp_path, monkeypatch):
    config = make_site(tmp_path / "site") / "mkdocs.yml"
    edit(config, "site_url: https://example.org/", f"site_url: {REAL_ADDRESS}")
    edit(config, "allow_overdue_reviews: false", "allow_overdue_reviews: false\n    require_public_url: true")
    monkeypatch.chdir(config.parent)
    loaded = siteconfig.load(config)
    assert settings.notes(loaded) == [] and settings.check(loaded) == []


def test_the_pdf_address_wins_over_site_url_and_a_missing_one_is_an_error_when_required(tmp_path, monkeypatch):
    config = make_site(tmp_path / "site") / "mkdocs.yml"
    edit(config, "  checks:\n", "  pdf:\n    public_url: https://leaflets.example.com/\n  checks:\n")
    monkeypatch.chdir(config.parent)
    [note] = settings.notes(siteconfig.load(config))
    assert str(note).startswith(f"mkdocs.yml:{line_of(config, 'public_url:')}: note: extra.pdf.public_url is the example address https://leaflets.example.com/")
    edit(config, "site_url: https://example.org/\n", "")
    edit(config, "    public_url: https://leaflets.example.com/\n", "")
    edit(config, "allow_overdue_reviews: false", "allow_overdue_reviews: false\n    require_public_url: true")
    assert problems_of(config, monkeypatch) == [
        ("mkdocs.yml:1: site_url is not set, so the QR codes on printed handouts and the booklet have no address to point "
        "to; set site_url in mkdocs.yml to the guide's real public address (or set extra.checks.require_public_url: "
        "false while you are only testing)")]


def test_the_kiosk_note_points_to_the_kiosk_file(monkeypatch):
    monkeypatch.chdir(ROOT)
    config = siteconfig.load(ROOT / "mkdocs-kiosk.yml")
    notes = [str(n) for n in settings.notes(config)]
    if settings.is_example_address(config["extra"]["kiosk"]["public_url"]):
        line = siteconfig.key_lines(ROOT / "mkdocs-kiosk.yml")[("extra", "kiosk", "public_url")][1]
        assert notes == [(f"mkdocs-kiosk.yml:{line}: note: extra.kiosk.public_url is the example address "
                         f"{config['extra']['kiosk']['public_url']}, so the kiosk's \"Take this page home\" QR codes point to "
                         "a site that does not exist; set extra.kiosk.public_url in mkdocs-kiosk.yml to the guide's real "
                         "public address before the kiosk goes into the waiting room (extra.checks.require_public_url: true "
                         "makes this an error)")]
    else:
        assert notes == []


ALLOWED_PAGE = """
Call [{{ clinic.emergency_number }}](tel:999) or [e-mail us](mailto:clinic@nhs.uk).
Read the [NHS page](https://www.nhs.uk/conditions/) or <a href="https://www.nhs.uk/">the NHS</a>.

<a href="tel:+44 20 7946 0000">Ring the clinic</a>

<img src="images/map.svg" srcset="images/map.svg 2x" alt="A map" style="width: 50%">

<div style="background: url(images/map.svg)">Local picture</div>

```html
<script src="https://cdn.example.net/in-a-code-block-is-only-text.js"></script>
```

Inline code is text too: `<img src="https://cdn.example.net/x.png">`.
"""


def test_what_must_stay_allowed_passes(tmp_path, monkeypatch):
    site = make_site(tmp_path / "site")
    with (site / "docs" / "neck.md").open("a", encoding="utf-8") as page:
        page.write(ALLOWED_PAGE)
    (site / "docs" / "assets").mkdir()
    # Our own CSS may use data: icons; the SVG namespace inside is not a request.
    (site / "docs" / "assets" / "icons.css").write_text(
        ":root { --icon: url('data:image/svg+xml;charset=utf-8,<svg xmlns=\"http://www.w3.org/2000/svg\"/>'); }\n"
        "@import url(print.css);\n", encoding="utf-8")
    (site / "docs" / "assets" / "app.js").write_text("// See https://example.org/docs for the API.\n"
                                                    "const here = new URL('page.html', location.href);\n", encoding="utf-8")
    monkeypatch.chdir(site)
    assert [str(p) for p in check.run(siteconfig.load(site / "mkdocs.yml")).problems] == []


def test_tricks_that_browsers_still_read_as_javascript_are_refused():
    for address in ("javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:alert(1)", "&#106;avascript:alert(1)",
                    "vbscript:x", "data:text/html,<script>", "file:///etc/passwd"):
        assert markup.unsafe_scheme(address), address
    for address in ("https://www.nhs.uk/", "tel:999", "mailto:a@b.org", "neck.md#x", "images/map.svg", "#top", "{{ base_url }}/x"):
        assert markup.unsafe_scheme(address) is None, address


def test_remote_addresses_include_protocol_relative_ones():
    assert all(external.is_remote(a) for a in ("https://a.org/x", "http://a.org", "//a.org/x", " //a.org", "wss://a.org"))
    assert not any(external.is_remote(a) for a in ("x.png", "/x.png", "data:image/png;base64,AA", "tel:999", "#x"))


def test_css_addresses_are_found_where_css_can_load():
    css = '@import "https://a.org/1.css";\n@import url(https://a.org/2.css);\n.x { background: image-set("https://a.org/3.png" 1x); }\n' \
          '@font-face { src: url("//a.org/4.woff2") format("woff2"); }\n/* url(https://a.org/comment) */\n'
    assert external.css_addresses(css) == [(1, "https://a.org/1.css"), (2, "https://a.org/2.css"),
                                           (3, "https://a.org/3.png"), (4, "//a.org/4.woff2")]


def test_plain_text_with_ordinary_punctuation_is_fine():
    for text in ("Treatment: what works and what does not", "Numbness (pins and needles) in 1 hand, or both?",
                 "Tests & scans: what to expect", "A 5-minute read about the neck's nerves"):
        assert markup.markup_in(text) is None, text
    for text in ("Your <b>spine</b>", "Your *spine*", "Your _spine_", "See [this](x.md)", "Call {{ clinic.emergency_number }}",
                 "Fish &amp; chips", "Use `code`"):
        assert markup.markup_in(text), text


def test_problems_are_errors_and_notes_are_not_counted(tmp_path, monkeypatch):
    site = make_site(tmp_path / "site")
    monkeypatch.chdir(site)
    result = check.run(siteconfig.load(site / "mkdocs.yml"))
    # Notes: the example public address, and the pages no clinician has checked (checks/signoff.py).
    assert result.problems == [] and [n.severity for n in result.notes] == [settings.NOTE, settings.NOTE]
    edit(site / "mkdocs.yml", 'urgent_number: "111"', 'urgent_number: ""')
    result = check.run(siteconfig.load(site / "mkdocs.yml"))
    assert result.problems and all(p.severity == ERROR for p in result.problems)
    assert any(p.message == "extra.clinic.urgent_number is empty, but patients read it in the guide" for p in result.problems)
