"""Bad input an editor could write (issue 18, part 1): each case breaks one thing in a throwaway copy
and the checks must stop it with the exact `FILE:LINE: message; fix`, never a traceback.

Classes: text in data files gets the rules of page text; unclosed marks; only files inside the
project are published; front-matter types; pages in sub-folders; tel: links dial what they show.
Most cases use the small fixture site (fast); the step-by-step data (docs/_data/steps.yml) exists
only in the project, so those cases copy the project. The data loaders' own classes (undecodable
bytes, YAML errors, wrong types in the data files) are tested by the model's tests.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import copy_project, run_bounded
from sitecases import make_site, replace, write, write_append

from scripts import check

SIGNS = "docs/_data/warning-signs.yml"
STEPS = "docs/_data/steps.yml"
EXTERNAL = "save a copy under docs/ (e.g. docs/assets/) and use its relative address: the site loads nothing from other websites"
NOT_ALLOWED = "is not allowed in page text; remove it: page text (and the text in docs/_data) may not run code, post forms or embed other documents"
ON_HANDLER = "runs a script; remove it: pages may not run scripts (behaviour belongs in docs/assets/javascripts/)"
SCHEME_FIX = "link to a page (https://… or a file in docs/), a phone number (tel:…) or an e-mail address (mailto:…)"
IMAGE_FIX = "save the picture (or file) under docs/ and use its relative address, e.g. images/map.svg"
BRACES_FIX = "close it on the same line: {{ clinic.NAME }}, {{ sign: ID }}, {{ act: ID }} or {{ signs: TOPIC }}"
TERM_FIX = "close it on the same line: [[term]] or [[term|the words shown]]"
OUTSIDE = "outside the project folder, so what it points to would be published; copy the file into docs/ (and check that it may be published) instead of linking to it"
TEXT_FIX = "(put it in quotes if it is a number, yes/no or starts with '[' or '-')"
SUBFOLDER = "which do not resolve from a page in 'sub/'; move the page to the top of docs/ (as 'page.md'): pages in sub-folders cannot show it yet"
TEL_FIX = "show the number the link dials, e.g. [Call 111](tel:111)"
WHY = 'why: "Blood has stopped reaching part of the brain."'  # the fixture's sign 'stroke', line 5
SUB_PAGE = ("---\ntitle: Sub page\ndescription: A page in a sub-folder.\nreviewed: 2026-11-24\nnext_review: 2029-11-24\n"
            "sources:\n  - https://www.nhs.uk/\n---\n\n# Sub page\n\n")


@dataclass(frozen=True)
class Bad:
    kind: str  # the class of mistake
    name: str
    change: Callable[[Path], None]
    expected: str | Callable[[Path], str]  # the exact line the checks print (or how to work it out from the site)
    project: bool = False  # a copy of the whole project, not the fixture site
    xfail: str = ""  # a known gap in a file this test's author does not own: why


# scripts/search_words.py reads every docs/*.md itself and stops with a traceback on a link to a missing file.


def line_of(rel: str, needle: str) -> Callable[[Path], int]:
    def find(site: Path) -> int:
        return next(n for n, text in enumerate((site / rel).read_text(encoding="utf-8").split("\n"), 1) if needle in text)
    return find


def at(rel: str, needle: str, message: str) -> Callable[[Path], str]:
    """The expected line for a problem on the line of `rel` (as changed) that contains `needle`."""
    return lambda site: f"{rel}:{line_of(rel, needle)(site)}: {message}"


def steps_label(old: str, new: str) -> Callable[[Path], None]:
    return replace(STEPS, f'label: "{old}"', f'label: "{new}"')


def symlink(rel: str, target: str) -> Callable[[Path], None]:
    def change(site: Path) -> None:
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target, site / rel)
    return change


def sub_page(body: str) -> Callable[[Path], None]:
    def change(site: Path) -> None:
        (site / "docs" / "sub").mkdir()
        write("docs/sub/page.md", SUB_PAGE + body)(site)
        config = site / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8").replace("  - Glossary: glossary.md\n",
                                                                     "  - Glossary: glossary.md\n  - Sub: sub/page.md\n"), encoding="utf-8")
    return change


def both(*changes: Callable[[Path], None]) -> Callable[[Path], None]:
    def change(site: Path) -> None:
        for one in changes:
            one(site)
    return change


CASES = [
    # 1. Text in data files gets exactly the rules of page text (external.py, markup.py, allowlist).
    Bad("data text", "tracking picture in a sign's why",
        replace(SIGNS, WHY, WHY[:-1] + " <img src='https://tracker.example.net/p.gif' alt='x'>\""),
        f"{SIGNS}:5: the image 'https://tracker.example.net/p.gif' loads from another website; {EXTERNAL}"),
    Bad("data text", "Markdown picture from another website in a sign's text",
        replace(SIGNS, "weakness of one side of your body.", "weakness of one side of your body. ![Face](https://img.example.com/face.png)"),
        f"{SIGNS}:4: the image 'https://img.example.com/face.png' loads from another website; {EXTERNAL}"),
    Bad("data text", "script in a sign's why",
        replace(SIGNS, 'why: "It can be a mini-stroke."', 'why: "It can be a mini-stroke.<script>document.title=1</script>"'),
        f"{SIGNS}:20: <script> {NOT_ALLOWED}"),
    Bad("data text", "javascript: link in a sign's text",
        replace(SIGNS, "See [the neck page](neck.md).", "See [the neck page](javascript:alert%281%29)."),
        f"{SIGNS}:35: the link 'javascript:alert%281%29' uses the unsafe address scheme 'javascript:'; {SCHEME_FIX}"),
    Bad("data text", "data: picture in a sign's why",
        replace(SIGNS, 'why: "A doctor can look for the cause."', 'why: "A doctor can look for the cause. ![x](data:image/png;base64,iVBORw0KGgo)"'),
        f"{SIGNS}:53: the image 'data:image/png;base64,iVBORw0KGgo' uses the unsafe address scheme 'data:'; {IMAGE_FIX}"),
    Bad("data text", "style block in a sign's why",
        replace(SIGNS, WHY, WHY[:-1] + " <style>.md-header{display:none}</style>\""),
        f"{SIGNS}:5: <style> {NOT_ALLOWED}"),
    Bad("data text", "link to an untrusted website in a sign's why",
        replace(SIGNS, 'why: "A pressed nerve may need treatment."', 'why: "A pressed nerve may need [treatment](https://www.wellness-blog.example/cure)."'),
        f"{SIGNS}:36: 'www.wellness-blog.example' is not on the list of trusted sources; link to a trusted health body instead "
        "(see scripts/checks/allowlist.txt), or ask the clinical lead to add it"),
    Bad("data text", "sign text written as a block over several lines, with an event handler",
        replace(SIGNS, 'why: "A pressed nerve may need treatment."', 'why: >-\n    A pressed nerve may need\n    <b onmouseover="alert(1)">treatment</b>.'),
        f"{SIGNS}:36: the HTML attribute 'onmouseover' on <b> {ON_HANDLER}"),
    Bad("data text", "onclick in a glossary definition",
        replace("docs/glossary.md", ":   The part of a nerve where", ':   The <span onclick="steal()">part</span> of a nerve where'),
        f"docs/glossary.md:13: the HTML attribute 'onclick' on <span> {ON_HANDLER}"),
    Bad("data text", "script in a glossary definition",
        replace("docs/glossary.md", "down the middle of your back.", "down the middle of your back.<script>alert(1)</script>"),
        f"docs/glossary.md:16: <script> {NOT_ALLOWED}"),
    Bad("data text", "stylesheet from another website in a glossary definition",
        replace("docs/glossary.md", "down the middle of your back.", 'down the middle of your back. <link rel="stylesheet" href="https://cdn.example.net/x.css">'),
        f"docs/glossary.md:16: <link href=\"https://cdn.example.net/x.css\"> loads from another website; {EXTERNAL}"),
    Bad("data text", "embedded object in a glossary definition",
        replace("docs/glossary.md", "down the middle of your back.", 'down the middle of your back. <embed src="images/map.svg">'),
        f"docs/glossary.md:16: <embed> {NOT_ALLOWED}"),
    Bad("data text", "form in a care card snippet",
        write("docs/_snippets/tip.md", 'A tip.\n\n<form action="https://collect.example.net/"><input name="nhs-number"></form>\n'),
        f"docs/_snippets/tip.md:3: <form> {NOT_ALLOWED}"),
    Bad("data text", "video frame from another website in a step-by-step label",
        steps_label("Back or neck pain", "Back or neck pain <iframe src='https://www.youtube.com/embed/x'></iframe>"),
        at(STEPS, "Back or neck pain", f"<iframe src=\"https://www.youtube.com/embed/x\"> loads from another website; {EXTERNAL}"), project=True),
    Bad("data text", "CSS url() from another website in the self-care text",
        replace(STEPS, '"**Keep moving.**', '"<span style=\'background:url(https://img.example.net/bg.png)\'>**Keep moving.**</span>'),
        at(STEPS, "Keep moving.", f"the style of <span> loads 'https://img.example.net/bg.png' from another website; {EXTERNAL}"), project=True),
    Bad("data text", "vbscript: link in a step-by-step label",
        steps_label("You are pregnant", "You are <a href='vbscript:msgbox'>pregnant</a>"),
        at(STEPS, "You are <a", f"the link 'vbscript:msgbox' uses the unsafe address scheme 'vbscript:'; {SCHEME_FIX}"), project=True),
    Bad("data text", "picture with onerror in the 'Something else' label",
        replace(STEPS, 'other_label: "Something else"', 'other_label: "Something else <img src=x.png alt=x onerror=alert(1)>"'),
        at(STEPS, "other_label:", f"the HTML attribute 'onerror' on <img> {ON_HANDLER}"), project=True),
    Bad("data text", "javascript: link in a clinic setting",
        replace("mkdocs.yml", "report_problem: Tell the fixture team.", 'report_problem: "[Tell us](javascript:alert%28document.cookie%29)"'),
        at("mkdocs.yml", "report_problem:", f"the link 'javascript:alert%28document.cookie%29' uses the unsafe address scheme 'javascript:'; {SCHEME_FIX}")),
    Bad("data text", "picture from another website in a clinic setting",
        replace("mkdocs.yml", 'reception_note: ""', 'reception_note: "![Our team](https://cdn.example.net/team.jpg) Ask at reception."'),
        at("mkdocs.yml", "reception_note:", f"the image 'https://cdn.example.net/team.jpg' loads from another website; {EXTERNAL}")),

    # 2. Unclosed marks are shown raw to patients.
    Bad("unclosed mark", "setting not closed in a page",
        replace("docs/neck.md", "Call {{ clinic.emergency_number }} in", "Call {{ clinic.emergency_number in"),
        f"docs/neck.md:30: the mark '{{{{ clinic.emergency_number' is not closed with '}}}}'; {BRACES_FIX}"),
    Bad("unclosed mark", "glossary term not closed at the end of a line",
        write_append("docs/index.md", "\nPain down the leg is called [[sciatica\n"),
        f"docs/index.md:22: the mark '[[sciatica' is not closed with ']]'; {TERM_FIX}"),
    Bad("unclosed mark", "sign not closed in a page",
        replace("docs/index.md", "{{ sign: stroke }}", "{{ sign: stroke"),
        f"docs/index.md:20: the mark '{{{{ sign: stroke' is not closed with '}}}}'; {BRACES_FIX}"),
    Bad("unclosed mark", "action closed with one brace",
        replace("docs/neck.md", "{{ act: tia }}.", "{{ act: tia }."),
        f"docs/neck.md:18: the mark '{{{{ act: tia' is not closed with '}}}}'; {BRACES_FIX}"),
    Bad("unclosed mark", "sign block not closed",
        replace("docs/neck.md", "{{ signs: neck }}", "{{ signs: neck"),
        f"docs/neck.md:16: the mark '{{{{ signs: neck' is not closed with '}}}}'; {BRACES_FIX}"),
    Bad("unclosed mark", "term not closed before the next term",
        replace("docs/neck.md", "A [[nerve root]] leaves the spine", "A [[nerve root leaves the [[spine]]"),
        f"docs/neck.md:22: the mark '[[nerve' is not closed with ']]'; {TERM_FIX}"),
    Bad("unclosed mark", "setting not closed in a sign's why",
        replace(SIGNS, WHY, 'why: "Blood has stopped reaching part of the brain. Call {{ clinic.emergency_number now."'),
        f"{SIGNS}:5: the mark '{{{{ clinic.emergency_number' is not closed with '}}}}'; {BRACES_FIX}"),
    Bad("unclosed mark", "term not closed in a snippet",
        write("docs/_snippets/tip.md", "A tip about your [[spine.\n"),
        f"docs/_snippets/tip.md:1: the mark '[[spine.' is not closed with ']]'; {TERM_FIX}"),
    Bad("unclosed mark", "action not closed in a glossary definition",
        replace("docs/glossary.md", "down the middle of your back.", "down the middle of your back. If it breaks, {{ act: stroke"),
        f"docs/glossary.md:16: the mark '{{{{ act: stroke' is not closed with '}}}}'; {BRACES_FIX}"),
    Bad("unclosed mark", "term not closed in a step-by-step label",
        steps_label("Back or neck pain", "Back or [[neck pain"),
        at(STEPS, "Back or [[neck", f"the mark '[[neck' is not closed with ']]'; {TERM_FIX}"), project=True),

    # 3. Only files inside the project are published.
    Bad("outside link", "page that is a link to a system file",
        symlink("docs/x.md", "/etc/hostname"),
        lambda site: f"docs/x.md:1: 'x.md' is a link to '{os.path.realpath('/etc/hostname')}', {OUTSIDE}"),
    Bad("outside link", "picture that is a link to a file outside the project",
        symlink("docs/images/photo.svg", "/etc/os-release"),
        lambda site: f"docs/images/photo.svg:1: 'images/photo.svg' is a link to '{os.path.realpath('/etc/os-release')}', {OUTSIDE}"),
    Bad("outside link", "folder that is a link outside the project",
        symlink("docs/more", "/usr/share/doc"),
        lambda site: f"docs/more:1: 'more' is a link to '{os.path.realpath('/usr/share/doc')}', {OUTSIDE}"),
    Bad("outside link", "link to a file that is gone",
        symlink("docs/old.md", "/nonexistent/old.md"),
        f"docs/old.md:1: 'old.md' is a link to '/nonexistent/old.md', {OUTSIDE}"),
    Bad("outside link", "link to a file beside the project, through ..",
        both(lambda site: (site.parent / "notes.md").write_text("Private notes.\n"), symlink("docs/notes.md", "../../notes.md")),
        lambda site: f"docs/notes.md:1: 'notes.md' is a link to '{os.path.realpath(site.parent / 'notes.md')}', {OUTSIDE}"),

    # 4. Front-matter fields of the wrong type.
    Bad("front matter", "reviewed: soon",
        replace("docs/neck.md", "reviewed: 2026-11-24", "reviewed: soon"),
        "docs/neck.md:4: 'reviewed' is not a real date: 'soon'; write the date as YYYY-MM-DD, e.g. 2026-11-24"),
    Bad("front matter", "sources: one address, not a list",
        replace("docs/neck.md", "sources:\n  - https://www.nice.org.uk/guidance/ng59\n  - https://cks.nice.org.uk/topics/neck-pain-cervical-radiculopathy/\n",
                "sources: https://www.nice.org.uk/guidance/ng59\n"),
        "docs/neck.md:7: 'sources' must be a list of web addresses; write each source on its own line as '  - https://…'"),
    Bad("front matter", "description that is a number",
        replace("docs/neck.md", "description: A fixture symptom page.", "description: 42"),
        f"docs/neck.md:3: 'description' must be text, not a number: 42; write it on one line after 'description: ' {TEXT_FIX}"),
    Bad("front matter", "title written as a list",
        replace("docs/neck.md", "title: Numbness from the neck", "title: [Numbness, neck]"),
        f"docs/neck.md:2: 'title' must be text, not a list: ['Numbness', 'neck']; write it on one line after 'title: ' {TEXT_FIX}"),
    Bad("front matter", "description as a list of lines",
        replace("docs/neck.md", "description: A fixture symptom page.", "description:\n  - A fixture symptom page."),
        f"docs/neck.md:3: 'description' must be text, not a list: ['A fixture symptom page.']; write it on one line after 'description: ' {TEXT_FIX}"),
    Bad("front matter", "symptom_page in quotes",
        replace("docs/neck.md", "symptom_page: true", 'symptom_page: "true"'),
        "docs/neck.md:6: 'symptom_page' must be true or false, not text: 'true'; write 'symptom_page: true' or 'symptom_page: false' (no quotes)"),
    Bad("front matter", "misspelt key",
        replace("docs/neck.md", "description: A fixture symptom page.", "descripton: A fixture symptom page."),
        "docs/neck.md:3: the front matter has an unknown key 'descripton'; did you mean 'description'?"),
    Bad("front matter", "next review date as a list",
        replace("docs/neck.md", "next_review: 2029-11-24", "next_review: [2029-11-24]"),
        "docs/neck.md:5: 'next_review' is not a real date: ['2029-11-24']; write the date as YYYY-MM-DD, e.g. 2026-11-24"),

    # 5. Pages in sub-folders work (their generated links are rebased: test below); a snippet written for
    #    the top of docs/ cannot be, so it is refused there.
    Bad("sub-folder", "a snippet with a link, on a page in a sub-folder",
        both(write("docs/_snippets/tip.md", "A tip: read [the neck page](neck.md).\n"), sub_page('--8<-- "tip.md"\n')),
        f"docs/sub/page.md:12: the snippet 'tip.md' links to 'neck.md', {SUBFOLDER.replace('do not', 'does not')}"),

    # 6. A tel: link dials the number it shows.
    Bad("tel", "shows 111, dials 999",
        write_append("docs/neck.md", "\nNot urgent? [Call 111](tel:999).\n"),
        f"docs/neck.md:36: the phone link shows 'Call 111' but dials 999; {TEL_FIX}"),
    Bad("tel", "two digits swapped",
        write_append("docs/neck.md", "\nThe clinic: [0161 496 0000](tel:01614690000).\n"),
        f"docs/neck.md:36: the phone link shows '0161 496 0000' but dials 01614690000; {TEL_FIX}"),
    Bad("tel", "HTML phone link in a snippet",
        write("docs/_snippets/tip.md", 'In an emergency <a href="tel:112">call 999</a>.\n'),
        f"docs/_snippets/tip.md:1: the phone link shows 'call 999' but dials 112; {TEL_FIX}"),
    Bad("tel", "a sign's why with a number cut short",
        replace(SIGNS, WHY, 'why: "Blood has stopped reaching part of the brain. [Call 999](tel:99)."'),
        f"{SIGNS}:5: the phone link shows 'Call 999' but dials 99; {TEL_FIX}"),
    Bad("tel", "setting shown in the link, another number dialled",
        write_append("docs/neck.md", "\n[Call {{ clinic.urgent_number }}](tel:999) for advice.\n"),
        f"docs/neck.md:36: the phone link shows 'Call 111' but dials 999; {TEL_FIX}"),
    Bad("tel", "phone link with no number",
        write_append("docs/neck.md", "\n[Call the clinic](tel:) to book.\n"),
        f"docs/neck.md:36: the phone link 'tel:' has no number to dial; {TEL_FIX}"),
    Bad("tel", "a number shown in letters",
        write_append("docs/neck.md", "\nFree advice: [call 0800 NHS 111](tel:0800647111).\n"),
        f"docs/neck.md:36: the phone link shows 'call 0800 NHS 111' but dials 0800647111; {TEL_FIX}"),
    Bad("tel", "the reception's number dialled wrong in a clinic setting",
        replace("mkdocs.yml", 'reception_note: ""', 'reception_note: "Reception: [0161 496 0000](tel:01614960001)"'),
        at("mkdocs.yml", "reception_note:", f"the phone link shows '0161 496 0000' but dials 01614960001; {TEL_FIX}")),
    Bad("tel", "the wrong number in a glossary definition",
        replace("docs/glossary.md", "down the middle of your back.", "down the middle of your back. Hurt it? [Call 111](tel:101)."),
        f"docs/glossary.md:16: the phone link shows 'Call 111' but dials 101; {TEL_FIX}"),
]


def run_checks(site: Path, monkeypatch, capsys) -> list[str]:
    """`python -m scripts.check --strict` in the site's folder, in this process; its printed lines."""
    monkeypatch.chdir(site)
    code = check.main(["--strict", "-f", "mkdocs.yml"])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    lines = captured.out.strip().splitlines()
    assert lines[-1].startswith("Found ")
    return lines if code else []


def make(case: Bad, tmp_path: Path) -> Path:
    site = copy_project(tmp_path / "project") if case.project else make_site(tmp_path / "site")
    case.change(site)
    return site


@pytest.mark.parametrize("case", [pytest.param(c, marks=pytest.mark.xfail(reason=c.xfail, strict=True)) if c.xfail else c
                                  for c in CASES], ids=[f"{c.kind}: {c.name}" for c in CASES])
def test_bad_input_stops_the_checks_at_its_line(case, tmp_path, monkeypatch, capsys):
    site = make(case, tmp_path)
    expected = case.expected(site) if callable(case.expected) else case.expected
    assert expected in run_checks(site, monkeypatch, capsys)


def test_at_least_thirty_distinct_cases_in_six_classes():
    assert len({c.name for c in CASES}) == len(CASES) >= 30
    assert {c.kind for c in CASES} == {"data text", "unclosed mark", "outside link", "front matter", "sub-folder", "tel"}


GOOD_PHONE_LINKS = """
[Call +44 161 496 0000](tel:01614960000), [0161 496 0000](tel:+44-161-496-0000), [Call 0044 (0)161 496 0000](tel:+441614960000),
[Call 111, any time, 24 hours a day](tel:111), <a href="tel:0161-496-0000">0161 496 0000</a>, [Call {{ clinic.emergency_number }}](tel:999),
[Call the clinic](tel:01614960000).
"""


def test_phone_links_that_agree_pass(tmp_path, monkeypatch, capsys):
    site = make_site(tmp_path / "site")
    write_append("docs/neck.md", GOOD_PHONE_LINKS)(site)
    replace("mkdocs.yml", 'urgent_number: "111"', 'urgent_number: "0300 123 4567"')(site)
    assert run_checks(site, monkeypatch, capsys) == []


def test_a_link_inside_the_project_is_fine(tmp_path, monkeypatch, capsys):
    site = make_site(tmp_path / "site")
    (site / "assets").mkdir()
    (site / "assets" / "logo.svg").write_text((site / "docs" / "images" / "map.svg").read_text())
    symlink("docs/images/logo.svg", "../../assets/logo.svg")(site)
    assert run_checks(site, monkeypatch, capsys) == []


SUB_BODY = """The [[spine]] holds your back up. Read about [numbness from the neck](../neck.md#patterns) and the [glossary](../glossary.md).

![Arm with the areas each nerve root serves](../images/map.svg)

Know one warning sign: {{ sign: stroke }} If your face goes numb on one side, {{ act: tia }}.

Call {{ clinic.emergency_number }} in an emergency.
"""


def test_a_page_in_a_sub_folder_builds_and_its_links_resolve(tmp_path, monkeypatch, capsys):
    """One real build: glossary tooltips, signs, actions, settings and relative links on a page in a
    sub-folder; the strict build stops on any link that does not resolve."""
    site = make_site(tmp_path / "site")
    sub_page(SUB_BODY)(site)
    assert run_checks(site, monkeypatch, capsys) == []
    done = run_bounded([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out")], cwd=site)
    assert done.returncode == 0, done.stdout[-3000:]
    assert "Traceback" not in done.stdout
    page = (tmp_path / "out" / "sub" / "page.html").read_text(encoding="utf-8")
    assert 'href="../neck.html#patterns"' in page and 'src="../images/map.svg"' in page
    assert 'class="glossary-term"' in page and "{{" not in page and "[[" not in page


def test_signs_and_the_check_work_on_a_page_in_a_sub_folder(tmp_path):
    """Cards, an inserted sign with its own link, and the step-by-step check on docs/sub/page.md: the
    generated links are rebased (scripts/transforms/rebase.py) and the strict build finds none broken."""
    project = copy_project(tmp_path / "p")
    (project / "docs" / "sub").mkdir()
    (project / "docs" / "sub" / "page.md").write_text(
        SUB_PAGE + "{{ signs: neck }}\n\nIf you notice this: {{ sign: weakness-worsening }}\n\n{{ steps }}\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - About this guide: about.md\n",
                                                                  "  - About this guide: about.md\n  - Sub page: sub/page.md\n"), encoding="utf-8")
    done = run_bounded([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out")], cwd=project)
    assert done.returncode == 0, done.stdout[-3000:]
    page = (tmp_path / "out" / "sub" / "page.html").read_text(encoding="utf-8")
    assert 'href="../urgent-help.html"' in page and 'href="../what-to-do-now.html"' in page  # cards and the check's first Back
    assert 'href="../neck.html' in page  # the sign's own link
    top = (tmp_path / "out" / "what-to-do-now.html").read_text(encoding="utf-8")
    assert 'href="../urgent-help.html"' not in top  # pages at the top are unchanged
