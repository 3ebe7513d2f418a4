"""The project's own documents (README.md and the short documents it links to, issue 18): the README
stays short, every link between them resolves, and every "see FILE, 'Section'" that a check prints
as its fix names a file and a section that exist."""

from __future__ import annotations

import re
from pathlib import Path

from sitecases import ROOT

# Not docs/: everything there is published as a page. These are for editors and developers.
DOCUMENTS = [ROOT / "README.md", ROOT / "EDITING.md", ROOT / "SETTINGS.md",
             *(ROOT / folder / "README.md" for folder in ("scripts", "scripts/pdf", "scripts/kiosk", "deploy", "tests", "bench"))]
README_LIMIT = 6000  # bytes: what a newcomer reads in about five minutes
LINK = re.compile(r"\]\(([^)\s]+)\)")
FENCE = re.compile(r"^```.*?^```", re.DOTALL | re.MULTILINE)
CODE = re.compile(r"`[^`\n]*`")  # inline code: examples of page syntax, not links
SEE = re.compile(r"see ([A-Z]+\.md|[\w/]+/README\.md)(?:, '([^']+)')?")


def anchor(heading: str) -> str:
    """GitHub's id for a heading: lower case, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def headings(path: Path) -> dict[str, str]:
    text = FENCE.sub("", path.read_text(encoding="utf-8"))
    return {anchor(h): h for h in re.findall(r"^#+ (.+)$", text, re.MULTILINE)}


def test_readme_is_short_and_keeps_the_set_up_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.encode("utf-8")) <= README_LIMIT, "README.md grew: move the detail to the document it belongs to"
    assert "make serve   # installs what is missing" in readme and "make test    # installs the test tools" in readme


def test_every_document_exists_and_the_readme_links_each_one():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for document in DOCUMENTS[1:]:
        assert document.is_file(), document
        assert f"]({document.relative_to(ROOT)})" in readme, f"README.md does not link {document.relative_to(ROOT)}"


def test_every_link_between_the_documents_resolves():
    broken = []
    for document in DOCUMENTS:
        text = CODE.sub("", FENCE.sub("", document.read_text(encoding="utf-8")))
        for target in LINK.findall(text):
            if re.match(r"[a-z]+:", target):
                continue  # http(s), mailto: not ours to resolve offline
            file_part, _, fragment = target.partition("#")
            path = (document.parent / file_part).resolve() if file_part else document
            if not path.exists():
                broken.append(f"{document.relative_to(ROOT)}: {target} (no such file)")
            elif fragment and path.suffix == ".md" and fragment not in headings(path):
                broken.append(f"{document.relative_to(ROOT)}: {target} (no such heading)")
    assert broken == []


def test_every_see_in_a_fix_names_an_existing_document_and_section():
    sources = [*(ROOT / "scripts").rglob("*.py"), ROOT / "tests" / "sitecases.py"]
    seen = 0
    for source in sources:
        text = source.read_text(encoding="utf-8")
        assert "see README, '" not in text, f"{source.relative_to(ROOT)} points at a README section that moved"
        for name, section in SEE.findall(text):
            seen += 1
            document = ROOT / name
            assert document.is_file(), f"{source.relative_to(ROOT)}: 'see {name}' names no file"
            if section:
                assert anchor(section) in headings(document), f"{source.relative_to(ROOT)}: {name} has no section '{section}'"
    assert seen >= 5  # the front-matter and settings fixes at least
