"""Fixed terms of a translated edition: one rendering per medical term (issue 19).

`<docs>/_data/fixed-terms.yml` lists, per term, the rendering the edition uses (`ru`) and the ones it
must not (`not`): "синдром лошадиного хвоста" for cauda equina syndrome, "микроинсульт" for TIA, a
Cyrillic "В12". A page, the glossary or a translated sign that uses a `not` rendering fails at its
line, with the fixed one as the fix. Matching ignores case and takes any ending ("синдрома лошадиного
хвоста" is caught too): each word of a rendering is matched as the start of a word.
"""

from __future__ import annotations

import re
from pathlib import Path

from scripts.model import datafile
from scripts.problems import Problem, display_path
from scripts.sources import Source

DATA_FILE = "_data/fixed-terms.yml"


def _pattern(rendering: str) -> re.Pattern:
    """Each word as the start of a word, in order, spaces between; hyphens and dashes as written (the
    fixed "Гийена — Барре" and the wrong "Гийена-Барре" differ only there)."""
    words = [re.escape(word) for word in rendering.split()]
    return re.compile(r"(?<!\w)" + r"\w*\s+".join(words), re.IGNORECASE)


def read(docs_dir: Path) -> tuple[list[tuple[str, str, re.Pattern]], list[Problem]]:
    """(wrong rendering, fixed rendering, pattern) for every `not` of every term; none without the file."""
    path = Path(docs_dir) / DATA_FILE
    if not path.is_file():
        return [], []
    root, problems = datafile.compose(path, "the fixed terms")
    data = datafile.to_python(root) if root is not None else None
    if root is not None and not (isinstance(data, dict) and isinstance(data.get("terms"), list)):
        return [], [Problem(display_path(path), datafile.line(root), "the fixed terms must be 'terms:' with a list of terms",
                            "write '- en: ...', 'ru: ...' and 'not: [...]' for each term")]
    found = []
    for term in (data or {}).get("terms") or []:
        if not isinstance(term, dict) or not term.get("ru"):
            continue
        for wrong in term.get("not") or []:
            if isinstance(wrong, str) and wrong.strip():
                found.append((wrong, str(term["ru"]), _pattern(wrong)))
    return found, problems


def check(sources: list[Source], docs_dir: Path) -> list[Problem]:
    terms, problems = read(docs_dir)
    if not terms:
        return problems
    texts = [(source.shown, number, line) for source in sources for number, line in source.body_lines()]
    signs_file = Path(docs_dir) / "_data"
    for path in sorted(signs_file.glob("warning-signs.*.yml")) + sorted(signs_file.glob("steps.*.yml")):
        text, found = datafile.read_text(path, "the translated data")
        problems += found
        texts += [(display_path(path), number, line) for number, line in enumerate((text or "").split("\n"), 1)
                  if not line.lstrip().startswith(("back_translation:", "#"))]
    for shown, number, line in texts:
        for wrong, fixed, pattern in terms:
            match = pattern.search(line)
            if match:
                problems.append(Problem(shown, number, f"'{match.group(0)}' is not this edition's term (it uses '{fixed}')",
                                        f"write '{fixed}' (with the ending the sentence needs); see {DATA_FILE}"))
    return problems
