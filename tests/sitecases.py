"""Bad inputs for the content checks: each case breaks one thing in a copy of tests/fixtures/good-site.

One table, used both by the fast check tests and by the real build tests, so every bad input is
shown to stop the build the README uses, with the same message.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOOD_SITE = Path(__file__).resolve().parent / "fixtures" / "good-site"


def make_site(dest: Path) -> Path:
    """A fresh copy of the good fixture site, wired to the project's real scripts/."""
    shutil.copytree(GOOD_SITE, dest)
    os.symlink(ROOT / "scripts", dest / "scripts")
    return dest


def replace(rel: str, old: str, new: str) -> Callable[[Path], None]:
    def change(site: Path) -> None:
        path = site / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"fixture {rel} no longer contains {old!r}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return change


def write(rel: str, content: str | bytes) -> Callable[[Path], None]:
    def change(site: Path) -> None:
        path = site / rel
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return change


def write_append(rel: str, content: str) -> Callable[[Path], None]:
    def change(site: Path) -> None:
        with (site / rel).open("a", encoding="utf-8") as handle:
            handle.write(content)
    return change


def fixture_line(rel: str, line: str) -> int:
    """The number of the first line of a fixture file that is `line` (spaces around it aside), so a
    case's expected message follows the fixture when other keys are added to it."""
    lines = (GOOD_SITE / rel).read_text(encoding="utf-8").split("\n")
    return next(number for number, text in enumerate(lines, 1) if text.strip() == line)


SIGNS_DATA = "docs/_data/warning-signs.yml"
WHY_LINE = 'why: "A pressed nerve may need treatment."'  # of the fixture's sign 'weakness-worsening'


@dataclass(frozen=True)
class Case:
    name: str
    change: Callable[[Path], None]
    expected: str  # the exact line the checks must print
    warning: bool = False


NEW_PAGE = "---\ntitle: Extra\ndescription: An extra page.\nreviewed: 2026-11-24\nnext_review: 2029-11-24\nsources:\n  - https://www.nhs.uk/\n---\n\n# Extra\n"

CASES = [
    Case("broken page link", replace("docs/index.md", "(neck.md)", "(nek.md)"),
         "docs/index.md:12: the page or file 'nek.md' does not exist; did you mean 'neck.md'?"),
    Case("broken anchor on another page", replace("docs/index.md", "#what-is-a-nerve-root", "#what-is-a-nerve"),
         "docs/index.md:12: 'neck.md' has no heading or id '#what-is-a-nerve'; check the heading's anchor in neck.md, or link to the page without '#what-is-a-nerve'"),
    Case("broken anchor on the same page", replace("docs/neck.md", "(#patterns)", "(#pattern)"),
         "docs/neck.md:22: the link points to '#pattern', but this page has no such heading or id; use the heading's anchor (lower case, spaces as '-') or add {#pattern} to a heading"),
    Case("missing image", replace("docs/neck.md", "(images/map.svg)", "(images/mapp.svg)"),
         "docs/neck.md:24: the image 'images/mapp.svg' does not exist; did you mean 'images/map.svg'?"),
    Case("image without alt text", replace("docs/neck.md", "![Arm with the areas each nerve root serves]", "![]"),
         "docs/neck.md:24: the image 'images/map.svg' has no alt text; describe what the image shows in the [brackets] (or alt=\"…\"), for people who cannot see it"),
    Case("HTML image without alt text", replace("docs/neck.md", ' alt="The same map again"', ""),
         "docs/neck.md:26: the image 'images/map.svg' has no alt text; describe what the image shows in the [brackets] (or alt=\"…\"), for people who cannot see it"),
    Case("HTML link to a missing id", replace("docs/index.md", 'href="neck.md#patterns"', 'href="neck.md#pattern"'),
         "docs/index.md:18: 'neck.md' has no heading or id '#pattern'; check the heading's anchor in neck.md, or link to the page without '#pattern'"),
    Case("undefined reference-style link", replace("docs/index.md", "[words]: glossary.md", "[word]: glossary.md"),
         "docs/index.md:14: the link uses undefined reference: words; add a line '[label]: address' for it, or fix the label"),
    Case("unknown glossary term", replace("docs/neck.md", "[[nerve root]]", "[[nerve rot]]"),
         "docs/neck.md:22: 'nerve rot' is not in the glossary; did you mean 'nerve root'? (or remove the [[ ]])"),
    Case("duplicate glossary term", replace("docs/glossary.md", "Spine / backbone", "Spine / nerve root"),
         "docs/glossary.md:15: the glossary defines 'nerve root' twice (also on line 12); keep one definition and delete the other"),
    Case("empty glossary definition", replace("docs/glossary.md", ":   The column of bones down the middle of your back.", ":"),
         "docs/glossary.md:15: the glossary term 'Spine' has an empty definition; write one or two plain sentences after ':   '"),
    Case("glossary title without its mark", replace("docs/glossary.md", "# Glossary { #glossary .glossary-page }", "# Glossary"),
         "docs/glossary.md:10: the glossary's title lacks its mark, so its own words would get tooltips; "
         "write the title as '# Glossary { #glossary .glossary-page }'"),
    Case("missing front matter key", replace("docs/neck.md", "description: A fixture symptom page.\n", ""),
         "docs/neck.md:1: the front matter has no 'description'; add 'description:' to the front matter (see EDITING.md, 'Front matter')"),
    Case("malformed YAML", replace("docs/neck.md", "title: Numbness from the neck", "title: Numbness: from the neck"),
         "docs/neck.md:2: the front matter is not valid YAML (mapping values are not allowed here); check the indentation, and put text containing ':' in quotes"),
    Case("front matter never closed", replace("docs/index.md", "---\n\n# Home", "\n# Home"),
         "docs/index.md:1: the front matter is never closed; add a line with only '---' after the last front matter key"),
    Case("no front matter", write("docs/index.md", "# Home\n\nHello.\n"),
         "docs/index.md:1: the page has no front matter; start the file with a '---' block holding title, description, reviewed, next_review, sources"),
    Case("invalid date", replace("docs/neck.md", "reviewed: 2026-11-24", "reviewed: 2026-13-40"),
         "docs/neck.md:4: 'reviewed' is not a real date: '2026-13-40'; write the date as YYYY-MM-DD, e.g. 2026-11-24"),
    Case("next review before reviewed", replace("docs/neck.md", "next_review: 2029-11-24", "next_review: 2026-01-01"),
         "docs/neck.md:5: next_review (2026-01-01) is not after reviewed (2026-11-24); set next_review to a later date, at most 3 years after reviewed"),
    Case("next review more than 3 years on", replace("docs/neck.md", "next_review: 2029-11-24", "next_review: 2030-01-01"),
         "docs/neck.md:5: next_review (2030-01-01) is more than 3 years after reviewed (2026-11-24); set next_review no later than 2029-11-24"),
    Case("description too long", replace("docs/neck.md", "description: A fixture symptom page.", "description: " + "word " * 40),
         "docs/neck.md:3: the description is 199 characters long; shorten it to at most 160 characters"),
    Case("link to a domain not on the allowlist", replace("docs/neck.md", "https://www.nhs.uk/conditions/cervical-spondylosis/", "https://www.wellness-blog.example/neck"),
         "docs/neck.md:30: 'www.wellness-blog.example' is not on the list of trusted sources; link to a trusted health body instead (see scripts/checks/allowlist.txt), or ask the clinical lead to add it"),
    Case("source not on the allowlist", replace("docs/neck.md", "https://www.nice.org.uk/guidance/ng59", "https://osteochondrosis-cure.example/"),
         "docs/neck.md:8: 'osteochondrosis-cure.example' is not on the list of trusted sources; link to a trusted health body instead (see scripts/checks/allowlist.txt), or ask the clinical lead to add it"),
    Case("plain http link", replace("docs/neck.md", "https://www.nhs.uk/conditions/cervical-spondylosis/", "http://www.nhs.uk/conditions/cervical-spondylosis/"),
         "docs/neck.md:30: the address 'http://www.nhs.uk/conditions/cervical-spondylosis/' does not start with https://; use the https:// address of the page"),
    Case("page missing from the navigation", write("docs/extra.md", NEW_PAGE),
         "docs/extra.md:1: the page is not in the navigation; add 'extra.md' under 'nav:' in mkdocs.yml, where a reader would look for it"),
    Case("navigation entry without a page", replace("mkdocs.yml", "  - Glossary: glossary.md", "  - Glossary: glossary.md\n  - Gone: gone.md"),
         "mkdocs.yml:14: the navigation lists 'gone.md', but docs/gone.md does not exist; fix the file name in 'nav:' or create the page"),
    Case("file that is not UTF-8", write("docs/extra.md", NEW_PAGE.encode("utf-8") + "Café\n".encode("latin-1")),
         "docs/extra.md:11: the file is not UTF-8 text (byte 0xe9 at offset 139); save the file as UTF-8 in your editor"),
    Case("unknown clinic setting", replace("docs/neck.md", "{{ clinic.emergency_number }} in", "{{ clinic.emergency_numbr }} in"),
         "docs/neck.md:30: unknown setting '{{ clinic.emergency_numbr }}'; use one of: clinic.emergency_number, clinic.emergency_service, clinic.publisher, clinic.reception_note, clinic.report_problem, clinic.urgent_advice, clinic.urgent_number, clinic.urgent_service (set in mkdocs.yml under extra.clinic)"),
    Case("symptom page without warning signs first", replace("docs/neck.md", "{{ signs: neck }}\n", "\n"),
         "docs/neck.md:20: this symptom page does not show its warning signs before its first section; add a line '{{ signs: TOPIC }}' (topics and sign ids: docs/_data/warning-signs.yml) above the first \"## \" heading"),
    Case("include of a missing snippet", replace("docs/neck.md", "If your face goes numb on one side, even for a minute, {{ act: tia }}.", '--8<-- "tipp.md"'),
         "docs/neck.md:18: the included file 'tipp.md' does not exist; check the name against the files in docs/_snippets/"),
    Case("overdue review", replace("docs/index.md", "reviewed: 2026-11-24\nnext_review: 2029-11-24", "reviewed: 2023-01-01\nnext_review: 2025-01-01"),
         "docs/index.md:5: warning: the page was due for review on 2025-01-01; review the page and update 'reviewed' and 'next_review' (or see SETTINGS.md, 'Overdue reviews', to override)",
         warning=True),
    Case("unused glossary term", write_append("docs/glossary.md", "\nTendon reflex\n:   A quick jerk of a muscle when the doctor taps it.\n"),
         "docs/glossary.md:18: warning: the glossary term 'Tendon reflex' is used on no page; use it on a page or remove it from the glossary",
         warning=True),
    # --- warning-signs cases (issue 10, issue 15) go below this line ---
    Case("incomplete warning sign", replace(SIGNS_DATA, '  why: "A pressed nerve may need treatment."\n', ""),
         f"{SIGNS_DATA}:{fixture_line(SIGNS_DATA, '- id: weakness-worsening')}: the sign 'weakness-worsening' has no 'why'; "
         "add 'why:' with a value; every sign needs id, tier, text, why, topics, sources, watch"),
    Case("warning sign with an unknown tier", replace(SIGNS_DATA, "tier: today", "tier: later"),
         f"{SIGNS_DATA}:{fixture_line(SIGNS_DATA, 'tier: today')}: the sign 'weakness-worsening' has the unknown tier 'later'; "
         "use one of: emergency, today, soon"),
    Case("warning sign with an unknown topic", replace(SIGNS_DATA, "topics: [general]\n", "topics: [genral]\n"),
         f"{SIGNS_DATA}:{fixture_line(SIGNS_DATA, 'topics: [general]')}: the sign 'trapped-nerve-not-better' has the unknown topic 'genral'; "
         "use one of: general, face, arm, hand, leg, feet, back, neck, chest, circulation, diabetes, cramps, treatment, medicines"),
    Case("warning sign id used twice", replace(SIGNS_DATA, "- id: tia", "- id: stroke"),
         f"{SIGNS_DATA}:{fixture_line(SIGNS_DATA, '- id: tia')}: the sign id 'stroke' is used twice (also on line 2); give each sign its own id"),
    Case("warning sign source not on the allowlist", replace(SIGNS_DATA, "https://www.nice.org.uk/guidance/ng59", "https://osteo-cure.example/"),
         f"{SIGNS_DATA}:{fixture_line(SIGNS_DATA, '- https://www.nice.org.uk/guidance/ng59')}: the source 'https://osteo-cure.example/' "
         "of the sign 'weakness-worsening' is not on the list of trusted sources; use a trusted health body (scripts/checks/allowlist.txt), "
         "or ask the clinical lead to add it"),
    # Issue 15: no short labels (they narrowed signs); cards show each sign's own text.
    Case("warning sign with a short label", replace(SIGNS_DATA, '  why: "A pressed nerve may need treatment."\n',
                                                    '  short: "Weakness"\n  why: "A pressed nerve may need treatment."\n'),
         f"{SIGNS_DATA}:{fixture_line(SIGNS_DATA, WHY_LINE)}: the sign 'weakness-worsening' "
         "has an unknown key 'short'; remove it: cards show the sign's own 'text', so no label can drop an 'or', a 'new' or an 'either' "
         "(brief §8, one wording per sign)"),
    Case("unknown sign id in a page", replace("docs/neck.md", "{{ signs: neck }}", "{{ signs: neck, strok }}"),
         "docs/neck.md:16: 'strok' in '{{ signs: neck, strok }}' is neither a topic nor a sign id; use a topic (general, face, arm, hand, leg, feet, back, neck, chest, circulation, diabetes, cramps, treatment, medicines) or a sign id from docs/_data/warning-signs.yml"),
    Case("unknown sign id in an action", replace("docs/neck.md", "{{ act: tia }}", "{{ act: tai }}"),
         "docs/neck.md:18: '{{ act: tai }}' names no sign; use a sign id from docs/_data/warning-signs.yml"),
    Case("unknown sign id in a sign's words", replace("docs/index.md", "{{ sign: stroke }}", "{{ sign: strok }}"),
         "docs/index.md:20: '{{ sign: strok }}' names no sign; use a sign id from docs/_data/warning-signs.yml"),
    Case("page text gives a warning sign an urgency of its own", write_append("docs/neck.md", "\nIf numbness in your face comes and goes, see your doctor soon.\n"),
         "docs/neck.md:36: the sentence describes the warning sign 'tia' with an urgency of its own; insert '{{ sign: tia }}' (its own words and action)"),
    Case("page text uses an urgency that is no tier", write_append("docs/neck.md", "\nIf your arm feels odd, get help straight away.\n"),
         "docs/neck.md:36: 'straight away' is not one of the guide's three urgencies; say which one, with the sign it is about ('{{ sign: ID }}' or '{{ act: ID }}'): "
         "'call 999 now' (emergency), 'get help today: call 111' (today), 'see a GP soon' (soon)"),
    # --- settings and build-enforced promises cases (issue 12) go below this line ---
    # Settings (scripts/model/settings.py): the schema in SETTINGS, errors at the key's own line.
    Case("empty emergency number", replace("mkdocs.yml", 'emergency_number: "999"', 'emergency_number: ""'),
         "mkdocs.yml:34: extra.clinic.emergency_number is empty, but patients read it in the guide; write it, e.g. emergency_number: \"999\""),
    Case("emergency number not in quotes", replace("mkdocs.yml", 'emergency_number: "999"', "emergency_number: 999"),
         "mkdocs.yml:34: extra.clinic.emergency_number must be a phone number in quotes, not 999; put it in quotes: emergency_number: \"999\""),
    Case("phone number that is not a number", replace("mkdocs.yml", 'urgent_number: "111"', 'urgent_number: "one-one-one"'),
         "mkdocs.yml:37: extra.clinic.urgent_number is 'one-one-one', which is not a phone number; use digits only (spaces and a leading + are fine), e.g. urgent_number: \"111\""),
    Case("missing required clinic setting", replace("mkdocs.yml", "    publisher: The fixture team\n", ""),
         "mkdocs.yml:33: extra.clinic.publisher is missing; add 'publisher: The Numb Hands and Feet guide team' under 'clinic:' (see SETTINGS.md)"),
    Case("misspelt clinic setting", replace("mkdocs.yml", "urgent_service:", "urgent_servce:"),
         "mkdocs.yml:38: unknown setting extra.clinic.urgent_servce; did you mean 'urgent_service'? (or remove it; see SETTINGS.md)"),
    Case("clinic settings missing", replace("mkdocs.yml", "  clinic:\n", "  clinics:\n"),
         "mkdocs.yml:32: extra.clinic is missing; add the clinic's settings under 'extra: clinic:' (see SETTINGS.md)"),
    Case("switch that is not true or false", replace("mkdocs.yml", "allow_overdue_reviews: false", 'allow_overdue_reviews: "no"'),
         "mkdocs.yml:43: extra.checks.allow_overdue_reviews must be true or false, not 'no'; write it as true or false, e.g. allow_overdue_reviews: false"),
    Case("paper size not allowed", replace("mkdocs.yml", "  checks:\n", "  pdf:\n    paper: A5\n  checks:\n"),
         "mkdocs.yml:43: extra.pdf.paper is 'A5', which is not allowed; use A4 or letter"),
    Case("handout setting names a missing page", replace("mkdocs.yml", "  checks:\n", "  pdf:\n    no_handout: [glosary.md]\n  checks:\n"),
         "mkdocs.yml:43: extra.pdf.no_handout lists 'glosary.md', which is not a page; did you mean 'glossary.md'?"),
    Case("kiosk countdown not shorter than the idle time",
         replace("mkdocs.yml", "  checks:\n", "  kiosk:\n    public_url: https://guide.clinic.nhs.uk/\n    idle_seconds: 20\n"
                 "    warning_seconds: 30\n    attract_seconds: 300\n    language: en\n  checks:\n"),
         "mkdocs.yml:45: extra.kiosk.warning_seconds (30) is not less than idle_seconds (20); make the countdown shorter than the idle time, e.g. warning_seconds: 20 with idle_seconds: 120"),
    Case("kiosk idle time of zero",
         replace("mkdocs.yml", "  checks:\n", "  kiosk:\n    public_url: https://guide.clinic.nhs.uk/\n    idle_seconds: 0\n"
                 "    warning_seconds: 20\n    attract_seconds: 300\n    language: en\n  checks:\n"),
         "mkdocs.yml:44: extra.kiosk.idle_seconds is 0; use a whole number of seconds above 0, e.g. idle_seconds: 120"),
    Case("empty reception note on the kiosk",
         replace("mkdocs.yml", "  checks:\n", "  kiosk:\n    public_url: https://guide.clinic.nhs.uk/\n    idle_seconds: 120\n"
                 "    warning_seconds: 20\n    attract_seconds: 300\n    language: en\n  checks:\n"),
         "mkdocs.yml:39: extra.clinic.reception_note is empty, but patients read it on the kiosk; write it, e.g. reception_note: \"Tell the reception desk now.\""),
    Case("kiosk events listed as a hook of their own", replace("mkdocs.yml", "  - scripts/hook.py\n", "  - scripts/hook.py\n  - scripts/kiosk/hook.py\n"),
         "mkdocs.yml:14: hooks lists scripts/kiosk/hook.py, which scripts/hook.py already runs when extra.kiosk is set; remove '- scripts/kiosk/hook.py' from hooks: a config is a kiosk when it has extra.kiosk"),
    Case("example public address when a real one is required",
         replace("mkdocs.yml", "allow_overdue_reviews: false", "allow_overdue_reviews: false\n    require_public_url: true"),
         "mkdocs.yml:3: site_url is the example address https://example.org/, so the QR codes on printed handouts and the booklet point to a site that does not exist; set site_url in mkdocs.yml to the guide's real public address (or set extra.checks.require_public_url: false while you are only testing)"),
    # Nothing loads from another website (scripts/checks/external.py).
    Case("image from another website", replace("docs/neck.md", "(images/map.svg)", "(https://www.nhs.uk/map.svg)"),
         "docs/neck.md:24: the image 'https://www.nhs.uk/map.svg' loads from another website; save a copy under docs/ (e.g. docs/assets/) and use its relative address: the site loads nothing from other websites"),
    Case("protocol-relative HTML image", replace("docs/neck.md", '<img src="images/map.svg"', '<img src="//www.nhs.uk/map.svg"'),
         "docs/neck.md:26: the image '//www.nhs.uk/map.svg' loads from another website; save a copy under docs/ (e.g. docs/assets/) and use its relative address: the site loads nothing from other websites"),
    Case("image set from another website", replace("docs/neck.md", '<img src="images/map.svg"', '<img src="images/map.svg" srcset="https://cdn.example.net/map-2x.png 2x"'),
         "docs/neck.md:26: <img srcset=\"https://cdn.example.net/map-2x.png\"> loads from another website; save a copy under docs/ (e.g. docs/assets/) and use its relative address: the site loads nothing from other websites"),
    Case("frame from another website", write_append("docs/neck.md", '\n<iframe src="https://www.youtube.com/embed/abc" title="A video"></iframe>\n'),
         "docs/neck.md:36: <iframe src=\"https://www.youtube.com/embed/abc\"> loads from another website; save a copy under docs/ (e.g. docs/assets/) and use its relative address: the site loads nothing from other websites"),
    Case("script from another website", write_append("docs/neck.md", '\n<script src="https://cdn.example.net/widget.js"></script>\n'),
         "docs/neck.md:36: <script src=\"https://cdn.example.net/widget.js\"> loads from another website; save a copy under docs/ (e.g. docs/assets/) and use its relative address: the site loads nothing from other websites"),
    Case("stylesheet from another website", write_append("docs/neck.md", '\n<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">\n'),
         "docs/neck.md:36: <link href=\"https://fonts.googleapis.com/css?family=Roboto\"> loads from another website; save a copy under docs/ (e.g. docs/assets/) and use its relative address: the site loads nothing from other websites"),
    Case("video from another website", write_append("docs/neck.md", '\n<video controls>\n<source src="https://media.example.net/neck.mp4" type="video/mp4">\n</video>\n'),
         "docs/neck.md:37: <source src=\"https://media.example.net/neck.mp4\"> loads from another website; save a copy under docs/ (e.g. docs/assets/) and use its relative address: the site loads nothing from other websites"),
    Case("object from another website", write_append("docs/neck.md", '\n<object data="https://cdn.example.net/leaflet.pdf" type="application/pdf"></object>\n'),
         "docs/neck.md:36: <object data=\"https://cdn.example.net/leaflet.pdf\"> loads from another website; save a copy under docs/ (e.g. docs/assets/) and use its relative address: the site loads nothing from other websites"),
    Case("style attribute loading from another website", write_append("docs/neck.md", '\n<div style="background: url(https://cdn.example.net/bg.png)">Hello</div>\n'),
         "docs/neck.md:36: the style of <div> loads 'https://cdn.example.net/bg.png' from another website; save a copy under docs/ (e.g. docs/assets/) and use its relative address: the site loads nothing from other websites"),
    Case("inline style block importing from another website", write_append("docs/neck.md", '\n<style>\n@import "https://fonts.example.net/a.css";\n</style>\n'),
         "docs/neck.md:37: the <style> block loads 'https://fonts.example.net/a.css' from another website; save a copy under docs/ (e.g. docs/assets/) and use its relative address: the site loads nothing from other websites"),
    Case("attribute list loading from another website", write_append("docs/neck.md", '\nA framed note.\n{: style="background: url(https://cdn.example.net/bg.png)" }\n'),
         "docs/neck.md:37: the style of <{ }> loads 'https://cdn.example.net/bg.png' from another website; save a copy under docs/ (e.g. docs/assets/) and use its relative address: the site loads nothing from other websites"),
    Case("snippet with an image from another website",
         write_append("docs/_snippets/tip.md", '<img src="https://www.nhs.uk/ambulance.png" alt="An ambulance">\n'),
         "docs/_snippets/tip.md:2: the image 'https://www.nhs.uk/ambulance.png' loads from another website; save a copy under docs/ (e.g. docs/assets/) and use its relative address: the site loads nothing from other websites"),
    Case("stylesheet with a font from another website",
         lambda site: ((site / "docs" / "assets").mkdir(),
                       write("docs/assets/fonts.css", "@font-face {\n  font-family: Nice;\n  src: url(https://fonts.example.net/nice.woff2);\n}\n")(site)),
         "docs/assets/fonts.css:3: the stylesheet loads 'https://fonts.example.net/nice.woff2' from another website; save a copy under docs/ (e.g. docs/assets/) and use its relative address: the site loads nothing from other websites"),
    Case("script fetching from another website",
         lambda site: ((site / "docs" / "assets").mkdir(), write("docs/assets/count.js", 'const visits = 1;\nfetch("https://stats.example.net/hit");\n')(site)),
         "docs/assets/count.js:2: the script loads 'https://stats.example.net/hit' from another website; save a copy under docs/ (e.g. docs/assets/) and use its relative address: the site loads nothing from other websites"),
    Case("theme template loading from another website",
         lambda site: ((site / "overrides").mkdir(),
                       write("overrides/main.html", '{% extends "base.html" %}\n{% block extrahead %}<script src="https://cdn.example.net/x.js"></script>{% endblock %}\n')(site),
                       replace("mkdocs.yml", "  font: false\n", "  font: false\n  custom_dir: overrides\n")(site)),
         "overrides/main.html:2: <script src=\"https://cdn.example.net/x.js\"> loads from another website; save a copy under docs/ (e.g. docs/assets/) and use its relative address: the site loads nothing from other websites"),
    Case("extra stylesheet from another website", replace("mkdocs.yml", "hooks:\n", "extra_css:\n  - https://cdn.example.net/theme.css\nhooks:\n"),
         "mkdocs.yml:14: extra_css lists 'https://cdn.example.net/theme.css', which loads from another website; save a copy under docs/ (e.g. docs/assets/) and use its relative address: the site loads nothing from other websites"),
    Case("theme fonts from Google", replace("mkdocs.yml", "  font: false\n", ""),
         "mkdocs.yml:7: the theme loads its fonts from Google Fonts (theme.font is not false); set 'font: false' under 'theme:' to use the reader's system fonts"),
    # Plain text stays plain; no address can run code (scripts/checks/markup.py).
    Case("HTML in a page title", replace("docs/neck.md", "title: Numbness from the neck", "title: Numbness from the <em>neck</em>"),
         "docs/neck.md:2: the title contains HTML ('<em>'); write it as plain words (no < > & * _ ` [ ] or {{ }}): it is shown as-is in browser tabs, headers and search results"),
    Case("Markdown emphasis in a description", replace("docs/neck.md", "description: A fixture symptom page.", "description: A fixture **symptom** page."),
         "docs/neck.md:3: the description contains Markdown emphasis ('**symptom**'); write it as plain words (no < > & * _ ` [ ] or {{ }}): it is shown as-is in browser tabs, headers and search results"),
    Case("Markdown link in a title", replace("docs/neck.md", "title: Numbness from the neck", "title: Numbness from the [neck](neck.md)"),
         "docs/neck.md:2: the title contains a Markdown link ('[neck](neck.md)'); write it as plain words (no < > & * _ ` [ ] or {{ }}): it is shown as-is in browser tabs, headers and search results"),
    Case("HTML in the site name", replace("mkdocs.yml", "site_name: Fixture guide", "site_name: Fixture <b>guide</b>"),
         "mkdocs.yml:2: the site_name contains HTML ('<b>'); write it as plain words (no < > & * _ ` [ ] or {{ }}): it is shown as-is in browser tabs, headers and search results"),
    Case("javascript: link", replace("docs/index.md", "[numbness from the neck](neck.md)", "[numbness from the neck](javascript:alert%28document.cookie%29)"),
         "docs/index.md:12: the link 'javascript:alert%28document.cookie%29' uses the unsafe address scheme 'javascript:'; link to a page (https://… or a file in docs/), a phone number (tel:…) or an e-mail address (mailto:…)"),
    Case("vbscript: in an HTML link", replace("docs/index.md", 'href="neck.md#patterns"', 'href="VBScript:msgbox"'),
         "docs/index.md:18: the link 'VBScript:msgbox' uses the unsafe address scheme 'vbscript:'; link to a page (https://… or a file in docs/), a phone number (tel:…) or an e-mail address (mailto:…)"),
    Case("data: image", replace("docs/neck.md", '<img src="images/map.svg"', '<img src="data:image/svg+xml;base64,PHN2Zy8+"'),
         "docs/neck.md:26: the image 'data:image/svg+xml;base64,PHN2Zy8+' uses the unsafe address scheme 'data:'; save the picture (or file) under docs/ and use its relative address, e.g. images/map.svg"),
    Case("script in an HTML attribute", replace("docs/index.md", 'href="neck.md#patterns"', 'href="neck.md#patterns" onclick="steal()"'),
         "docs/index.md:18: the HTML attribute 'onclick' on <a> runs a script; remove it: pages may not run scripts (behaviour belongs in docs/assets/javascripts/)"),
]
