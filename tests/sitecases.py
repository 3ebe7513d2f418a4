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
    Case("missing front matter key", replace("docs/neck.md", "description: A fixture symptom page.\n", ""),
         "docs/neck.md:1: the front matter has no 'description'; add 'description:' to the front matter (see README, 'Front matter')"),
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
         "docs/neck.md:30: unknown setting '{{ clinic.emergency_numbr }}'; use one of: clinic.emergency_number, clinic.reception_note (set in mkdocs.yml under extra.clinic)"),
    Case("symptom page without the emergency card first", replace("docs/neck.md", '--8<-- "cards/emergency.md"\n', ""),
         "docs/neck.md:19: this symptom page does not show the 'cards/emergency' card before its first section; add --8<-- \"cards/emergency.md\" (or a variant of it) above the first \"## \" heading"),
    Case("include of a missing snippet", replace("docs/neck.md", '"cards/urgent.md"', '"cards/urgnt.md"'),
         "docs/neck.md:18: the included file 'cards/urgnt.md' does not exist; check the name against the files in docs/_snippets/"),
    Case("overdue review", replace("docs/index.md", "reviewed: 2026-11-24\nnext_review: 2029-11-24", "reviewed: 2023-01-01\nnext_review: 2025-01-01"),
         "docs/index.md:5: warning: the page was due for review on 2025-01-01; review the page and update 'reviewed' and 'next_review' (or see README to override)",
         warning=True),
    Case("unused glossary term", write_append("docs/glossary.md", "\nTendon reflex\n:   A quick jerk of a muscle when the doctor taps it.\n"),
         "docs/glossary.md:18: warning: the glossary term 'Tendon reflex' is used on no page; use it on a page or remove it from the glossary",
         warning=True),
    # --- warning-signs cases (issue 10) go below this line ---
    # --- settings and build-enforced promises cases (issue 12) go below this line ---
]
