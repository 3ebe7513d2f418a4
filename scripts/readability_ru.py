"""Reading ease of the Russian pages: `python -m scripts.readability_ru` prints a table per page.

Formula: Oborneva's reading ease, the Flesch reading ease recalibrated for Russian
(Оборнева И.В. «Автоматизированная оценка сложности учебных текстов на основе статистических
параметров», дисс. канд. пед. наук, Москва, 2006):

    ease = 206.835 − 1.3 × (words / sentences) − 60.1 × (syllables / words)

Higher is easier. Counted on the text a reader reads, stripped exactly as the English tool strips it
(scripts/readability.body_text: no front matter, headings, tables, code, HTML, link addresses; a
`{{ … }}` mark is not read; `[[headword|form]]` reads as the form); the glossary page is left out, as
in English. The words of the warning-sign cards (`text` and `why` in docs-ru/_data/warning-signs.ru.yml)
are shown as one extra row, because every card on a page shows them.

Counting rules (the test holds a second implementation to them):
- a syllable is a vowel letter: а е ё и о у ы э ю я (й is not a vowel; text is NFC-normalised first);
- a word is a run of letters, with inner hyphens or apostrophes («кто-то» is one word); a number
  alone (999, 7) is not a word, a letter-and-digit code (C5) is one, with no Russian syllables;
- a sentence ends at . ! ? or … followed by a space and a word that does not start with a small
  letter («см. ниже» does not end a sentence), and at the end of every paragraph, list item or title.
A long word has 4 or more syllables.

Report only: the exit code is 0 whatever the scores (the lead decides when Russian ease gates the
build); `--strict` returns 1 if a page is below TARGET_EASE. `--worst N` lists each page's N hardest
sentences; `--text FILE` measures a plain-text or Markdown file (how the leaflets were measured).
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from scripts.readability import EXCLUDED_PAGES, body_text
from scripts.sources import Source, pages, read_sources, split_front_matter

DOCS_RU = Path("docs-ru")
SIGNS_RU = Path("_data/warning-signs.ru.yml")
SIGNS_ROW = "(warning-sign cards)"

# Oborneva 2006. The same constants in ruTS (SergeyShk/ruTS, ruts/constants.py, preset "fiction":
# «Оборнева (2005/2006)», flesch_reading_easy = (1.3, 60.1, 206.835)).
BASE, SENTENCE_WEIGHT, SYLLABLE_WEIGHT = 206.835, 1.3, 60.1
VOWELS = frozenset("аеёиоуыэюяАЕЁИОУЫЭЮЯ")
LONG_WORD_SYLLABLES = 4

# The target, from five published Russian patient leaflets measured with this formula
# (tests/fixtures/ru-leaflets/leaflets.yml: 16.7 to 38.0, median 19.6): the easiest of them, rounded
# down. Their median sits in Flesch's "very difficult" band, so matching it would let a page read like
# a clinical guideline; a guide that promises plain Russian should read at least as easily as the
# easiest leaflet a Russian health body has published.
TARGET_EASE = 38.0

_LETTER = re.compile(r"[^\W\d_]")
# A possible sentence end: a terminator, closing quotes or brackets, then space.
_END = re.compile(r"[.!?…][»”\")\]]*\s+")


@dataclass(frozen=True)
class Counts:
    sentences: int
    words: int
    syllables: int
    long_words: int

    @property
    def ease(self) -> float:
        return reading_ease(self.sentences, self.words, self.syllables)

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def long_share(self) -> float:
        return self.long_words / self.words if self.words else 0.0


@dataclass(frozen=True)
class Score:
    page: str
    counts: Counts

    @property
    def ease(self) -> float:
        return round(self.counts.ease, 1)


def reading_ease(sentences: int, words: int, syllables: int) -> float:
    if not sentences or not words:
        return 0.0
    return BASE - SENTENCE_WEIGHT * words / sentences - SYLLABLE_WEIGHT * syllables / words


def syllables(word: str) -> int:
    return sum(1 for ch in unicodedata.normalize("NFC", word) if ch in VOWELS)


def words(text: str) -> list[str]:
    """The words of a text: runs of letters (and digits, if a letter is among them) joined by
    inner hyphens or apostrophes; a token of digits alone is not a word."""
    tokens = re.findall(r"\w+(?:[-‐'’]\w+)*", unicodedata.normalize("NFC", text))
    return [t for t in tokens if _LETTER.search(t)]


def _split(line: str) -> list[str]:
    """Split one block where a terminator and a space come before a word that does not start
    with a small letter («см. ниже» and «т. е. так» stay one sentence)."""
    parts, start = [], 0
    for end in _END.finditer(line):
        following = line[end.end():].lstrip("«“\"([—–- ")
        if following and not following[0].islower():
            parts.append(line[start:end.end()])
            start = end.end()
    return parts + [line[start:]]


def sentences(text: str) -> list[str]:
    """Sentences with at least one word; every line of `text` (a block from body_text) ends one."""
    return [s.strip() for line in unicodedata.normalize("NFC", text).split("\n") for s in _split(line) if words(s)]


def count(text: str) -> Counts:
    found = sentences(text)
    all_words = [w for s in found for w in words(s)]
    per_word = [syllables(w) for w in all_words]
    return Counts(len(found), len(all_words), sum(per_word),
                  sum(1 for n in per_word if n >= LONG_WORD_SYLLABLES))


def sentence_ease(sentence: str) -> float:
    found = words(sentence)
    return reading_ease(1, len(found), sum(syllables(w) for w in found))


def worst_sentences(text: str, n: int) -> list[tuple[float, str]]:
    return sorted((round(sentence_ease(s), 1), s) for s in sentences(text))[:n]


def markdown_source(path: Path, rel: str | None = None) -> Source:
    source = Source(path, rel or path.name, path.read_text(encoding="utf-8").lstrip("\ufeff").replace("\r\n", "\n"))
    split_front_matter(source)
    return source


def signs_text(docs_dir: Path = DOCS_RU) -> str:
    """The words of every warning-sign card (`text`, then `why`), one paragraph each."""
    path = docs_dir / SIGNS_RU
    if not path.exists():
        return ""
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    paragraphs = [e[key] for e in entries if isinstance(e, dict) for key in ("text", "why") if e.get(key)]
    return body_text(Source(path, SIGNS_RU.as_posix(), "\n\n".join(paragraphs)))


def page_texts(docs_dir: Path = DOCS_RU) -> dict[str, str]:
    """Body text of every Russian page (the glossary left out), by file name, then the sign cards."""
    sources, _ = read_sources(docs_dir)
    texts = {s.rel: body_text(s) for s in pages(sources) if s.rel not in EXCLUDED_PAGES and not s.is_data}
    cards = signs_text(docs_dir)
    if cards:
        texts[SIGNS_ROW] = cards
    return texts


def scores(docs_dir: Path = DOCS_RU) -> list[Score]:
    return [Score(name, count(text)) for name, text in page_texts(docs_dir).items()]


def report(results: list[Score], target: float = TARGET_EASE) -> str:
    lines = [f"{'page (Russian)':28} {'ease':>5} {'words':>6} {'sent':>5} {'w/sent':>6} {'syl/w':>5} {'long%':>5}"]
    for r in results:
        c = r.counts
        flag = f"  <- below target {target:g}" if r.ease < target else ""
        lines.append(f"{r.page:28} {r.ease:5.1f} {c.words:6d} {c.sentences:5d} {c.words_per_sentence:6.1f} "
                     f"{c.syllables / c.words if c.words else 0:5.2f} {100 * c.long_share:5.1f}{flag}")
    page_scores = [r.ease for r in results if r.page != SIGNS_ROW]
    if page_scores:
        lines.append(f"median ease {statistics.median(page_scores):.1f} over {len(page_scores)} pages "
                     f"(Oborneva 2006; higher is easier; target: every page >= {target:g}, "
                     "the easiest of 5 published Russian patient leaflets; report only)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.readability_ru", description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=Path, default=DOCS_RU, help="the Russian docs folder (default docs-ru)")
    parser.add_argument("--worst", type=int, default=0, metavar="N", help="list each page's N hardest sentences")
    parser.add_argument("--text", type=Path, action="append", default=[], metavar="FILE",
                        help="measure this Markdown or plain-text file instead of the pages (repeatable)")
    parser.add_argument("--strict", action="store_true", help="exit 1 if a page is below the target")
    args = parser.parse_args(argv)
    if args.text:
        texts = {p.name: body_text(markdown_source(p)) for p in args.text}
    elif not args.docs.is_dir():
        print(f"{args.docs}: no Russian pages yet; nothing to measure")
        return 0
    else:
        texts = page_texts(args.docs)
    results = [Score(name, count(text)) for name, text in texts.items()]
    print(report(results))
    if args.worst:
        for name, text in texts.items():
            print(f"\n{name}: hardest sentences")
            for ease, sentence in worst_sentences(text, args.worst):
                print(f"  {ease:6.1f}  {sentence}")
    below = [r for r in results if r.page != SIGNS_ROW and r.ease < TARGET_EASE]
    return 1 if args.strict and below else 0


if __name__ == "__main__":
    sys.exit(main())
