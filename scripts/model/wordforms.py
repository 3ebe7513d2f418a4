"""Word forms of a language with inflection (Russian), for the search words and the glossary tooltips.

English needs no library: a tooltip's spellings are the name and its plural (Term.forms). Russian
changes the ending of a word for its case and number ("остеохондроз", "остеохондрозом",
"остеохондрозы"), so a patient's query or a page's sentence rarely has the form the glossary gives.
The forms come from pymorphy3, the maintained fork of pymorphy2, with its Russian dictionaries
(OpenCorpora), which are a package (pymorphy3-dicts-ru): nothing is downloaded at build time, and
nothing runs in the browser (scripts/search_words.py writes the forms into search-words.js).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
NUMBERS = ("sing", "plur")
CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
# Forms nobody types or writes today: the old "-ье" spellings of "-ие" nouns ("онеменье") and
# the comparative, superlative and short forms of adjectives.
_SKIP_TAGS = {"V-ie", "V-be", "V-bi", "V-ey", "V-oy", "Arch", "Erro", "Dist", "COMP", "Cmp2", "ADJS", "Infr", "Supr"}


# Proper names and abbreviations: a reading the search and the tooltips leave out ("Пальцев" the surname).
_PROPER = {"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Init", "Abbr"}


def supported(language: str | None) -> bool:
    """Languages whose word forms come from the morphology library."""
    return language == "ru"


@lru_cache(maxsize=1)
def analyzer():
    import pymorphy3  # only a Russian edition needs it

    return pymorphy3.MorphAnalyzer(lang="ru")


def _usable(parse) -> bool:
    return not (_SKIP_TAGS & set(parse.tag.grammemes))


@cache
def lexemes(word: str) -> tuple[tuple[str, ...], ...]:
    """Every form of each dictionary word this spelling may be (lower case), best reading first:
    "пальцев" -> (("палец", "пальца", ... "пальцах"),). Words the dictionary does not know (or that
    are not Cyrillic) have none."""
    word = word.lower()
    if not CYRILLIC.search(word):
        return ()
    found: list[tuple[str, ...]] = []
    seen: set[tuple] = set()
    for parse in analyzer().parse(word):
        if not parse.is_known or _PROPER & set(parse.tag.grammemes):
            continue
        key = (parse.normal_form, str(parse.tag.POS))
        if key in seen:
            continue
        seen.add(key)
        forms = list(_lexeme(parse, key))
        if word not in forms:
            forms.insert(0, word)
        found.append(tuple(forms))
    return tuple(found)


_lexemes: dict[tuple, tuple[str, ...]] = {}


def _lexeme(parse, key: tuple) -> tuple[str, ...]:
    """The forms of one dictionary word, worked out once per process (its forms share them)."""
    if key not in _lexemes:
        forms: list[str] = []
        for form in parse.lexeme:
            if _usable(form) and form.word not in forms:
                forms.append(form.word)
        _lexemes[key] = tuple(forms)
    return _lexemes[key]


def _readings(word: str) -> list:
    """The readings of one word of a name: the dictionary's, or its guess from the ending for a word
    it does not know ("миелопатия"); none for Latin, numbers and abbreviations."""
    if not CYRILLIC.search(word) or word.isupper():
        return []
    return [p for p in analyzer().parse(word) if not (_PROPER & set(p.tag.grammemes))]


def _agree(adjective, case: str, number: str, gender: str | None, animacy: str | None):
    wanted = {case, number}
    if number == "sing" and gender:
        wanted.add(gender)
    if case == "accs" and animacy and (number == "plur" or gender == "masc"):
        wanted.add(animacy)  # "рассеянные склерозы", "локтевой нерв": the accusative follows animacy
    return adjective.inflect(wanted)


@cache
def phrase_forms(phrase: str) -> tuple[str, ...]:
    """A name in every case and number: its head noun inflected and the adjectives before it agreeing
    ("рассеянный склероз" -> "рассеянного склероза", ... "рассеянными склерозами"); the words after
    the head stay as they are ("грыжа диска" -> "грыжей диска"). A name of adjectives only
    ("шейный") keeps its gender. Words the library cannot read (abbreviations, Latin, numbers) stay
    as written. The name itself comes first."""
    words = phrase.split(" ")
    readings = [_readings(word) for word in words]
    head = None
    for index, options in enumerate(readings):
        if options and options[0].tag.POS in {"ADJF", "PRTF"}:
            continue
        noun = next((p for p in options if p.tag.POS == "NOUN" and p.tag.case == "nomn"), None)
        if noun is not None:
            head, readings[index] = index, [noun]
            break
    agreeing = []  # adjectives and participles before the head (all of them when there is none)
    for index in range(len(words) if head is None else head):
        adjective = next((p for p in readings[index] if p.tag.POS in {"ADJF", "PRTF"} and p.tag.case == "nomn"), None)
        if adjective is not None:
            agreeing.append((index, adjective))
    if head is None and not agreeing:
        return (phrase,)
    noun = readings[head][0] if head is not None else None
    gender = noun.tag.gender if noun is not None else agreeing[0][1].tag.gender
    animacy = noun.tag.animacy if noun is not None else "inan"
    numbers = NUMBERS
    if noun is not None and {"Sgtm", "Pltm"} & set(noun.tag.grammemes):
        numbers = (noun.tag.number or "sing",)
    forms = [phrase]
    for number in numbers:
        for case in CASES:
            out = list(words)
            if noun is not None:
                inflected = noun.inflect({case, number})
                if inflected is None:
                    continue
                out[head] = _like(words[head], inflected.word)
            inflected_all = [(index, _agree(adjective, case, number, gender, animacy)) for index, adjective in agreeing]
            if any(form is None for _, form in inflected_all):
                continue
            for index, form in inflected_all:
                out[index] = _like(words[index], form.word)
            spelled = " ".join(out)
            if spelled not in forms:
                forms.append(spelled)
    return tuple(forms)


def _like(original: str, form: str) -> str:
    """`form` with the original word's capital first letter (and its ё spelling, where pymorphy's
    dictionary writes е)."""
    if original[:1].isupper():
        form = form[:1].upper() + form[1:]
    return form
