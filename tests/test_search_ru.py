"""Search in the Russian edition (issue 19, part 4): inflected forms, lay words, typos, queries typed
with the English keyboard layout, red flags first, and every glossary headword.

The Russian edition (mkdocs.ru.yml) is built once, as `make build` builds it, and every query is typed
into its real search box on a phone-sized screen in Debian's Chromium: Material's own search worker
(lunr with its Russian stop words) with our helper (docs/assets/javascripts/search-patients.js) in
front of it, fed by docs-ru/assets/javascripts/search-words.js (`python -m scripts.search_words
--docs docs-ru`: the hand-written words, the glossary and every form of every word, from pymorphy3).
The queries and the pages they must find are in tests/search_queries_ru.yml; known misses are marked
there as expected failures with the reason. `pytest tests/test_search_ru.py -k table -s` prints the
top 3 of each query and the hit rate.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, serve
from searchbox import Answer, SearchBox

from scripts import search_words
from scripts.model import glossary

pytestmark = pytest.mark.browser

DOCS = ROOT / "docs-ru"
SPEC = yaml.safe_load(Path(__file__).with_name("search_queries_ru.yml").read_text(encoding="utf-8"))
CASES = SPEC["queries"]
COMMON = [str(q) for q in SPEC["none"]]
HEADWORDS_XFAIL = SPEC.get("headwords_xfail") or {}
PHONE = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
TERMS = glossary.read(DOCS, "ru")[0]
DATA = search_words.build(DOCS, "ru")[0]


class RussianSearchBox(SearchBox):
    PLACEHOLDER = "Начните печатать для поиска"  # Material's Russian line while the box is empty
    COUNT = re.compile(r"Найдено страниц: (\d+)|Найдена (1) страница|Подходящих страниц нет")


@pytest.fixture(scope="module")
def built_ru(tmp_path_factory) -> Path:
    """The Russian edition, built as `make build` builds it (without the PDFs)."""
    from scripts.build import build

    site = tmp_path_factory.mktemp("built-ru") / "site"
    assert build(ROOT / "mkdocs.ru.yml", site, steps=[]) == 0, "the Russian edition does not build"
    return site


@pytest.fixture(scope="module")
def ru_url(built_ru):
    url, server = serve(built_ru)
    yield url
    server.shutdown()


@pytest.fixture(scope="module")
def search(browser, ru_url):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(ru_url + "index.html")
    page.wait_for_function("typeof document$ !== 'undefined'")
    yield RussianSearchBox(page)
    context.close()


def _headword_cases() -> list[dict]:
    """Each glossary headword (a term's first name) -> the page the search words send it to (a red-flag
    page first; else the hand-written list's page, else the page that mentions it most), else the glossary."""
    cases = []
    for term in TERMS:
        phrase = " ".join(search_words.words(term.name))
        first = [page for page, phrases in DATA["first"].items() if phrase in phrases]
        routed = [page for page, phrases in DATA["pages"].items() if phrase in phrases]
        case = {"q": term.name, **({"first": first[0]} if first else {"top": (routed or ["glossary.html"])[:1]})}
        if term.name in HEADWORDS_XFAIL:
            case["xfail"] = HEADWORDS_XFAIL[term.name]
        cases.append(case)
    return cases


HEADWORDS = _headword_cases()


@pytest.fixture(scope="module")
def answers(search) -> dict[str, Answer]:
    """Each query (the list, the headwords, the common words) -> what the search box shows."""
    queries = list(dict.fromkeys([case["q"] for case in CASES] + [case["q"] for case in HEADWORDS] + COMMON))
    return {query: search.ask(query) for query in queries}


def _top(case: dict, answer: Answer) -> list[str]:
    """What is wrong with a query's first 3 results (empty: nothing)."""
    top = answer.pages[:3]
    wrong = [f"{page} not in the top 3" for page in case.get("top", []) if page not in top]
    if case.get("first") and answer.pages[:1] != [case["first"]]:
        wrong.append(f"{case['first']} not first")
    return wrong


def _params(cases: list[dict]) -> list:
    return [pytest.param(case, id=case["q"], marks=[pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else [])
            for case in cases]


# --- The query list ----------------------------------------------------------------------------------

def test_query_list_has_40_patient_queries_of_every_kind():
    queries = [case["q"] for case in CASES]
    assert len(queries) >= 40 and len(set(queries)) == len(queries)
    pages = {p.name.replace(".md", ".html") for p in DOCS.glob("*.md")}
    named = {page for case in CASES for page in [*case.get("top", []), *filter(None, [case.get("first")])]}
    assert named <= pages, f"not pages of the Russian edition: {sorted(named - pages)}"
    assert all(case.get("top") or case.get("first") for case in CASES)
    why = " ".join(str(case.get("why", "")) for case in CASES)
    assert all(kind in why for kind in ["inflected", "typo", "English layout", "transliteration", "lay word"])
    assert all(str(case.get("xfail", "x")).strip() for case in CASES), "an expected failure needs its reason"
    assert len(TERMS) >= 50 and set(HEADWORDS_XFAIL) <= {term.name for term in TERMS}


# --- Each query and each glossary headword -----------------------------------------------------------

@pytest.mark.parametrize("case", _params(CASES))
def test_query_finds_its_pages_in_the_top_3(answers, case):
    answer = answers[case["q"]]
    assert _top(case, answer) == [], f"{case['q']!r} -> {answer.pages[:5]} ({answer.meta})"


@pytest.mark.parametrize("case", _params(HEADWORDS))
def test_glossary_headword_finds_its_page_in_the_top_3(answers, case):
    answer = answers[case["q"]]
    assert _top(case, answer) == [], f"{case['q']!r} -> {answer.pages[:5]} ({answer.meta})"


@pytest.mark.parametrize("query", COMMON)
def test_common_words_alone_find_nothing(answers, query):
    assert (answers[query].meta, answers[query].pages) == ("Подходящих страниц нет", [])


def test_results_never_say_missing(answers):
    shown = {query: answer.text for query, answer in answers.items() if "Отсутствует" in answer.text or "zzpage" in answer.text}
    assert shown == {}


def test_the_count_is_the_pages_listed(answers):
    wrong = {query: (a.meta, len(a.pages)) for query, a in answers.items() if a.count != len(a.pages) or len(set(a.pages)) != len(a.pages)}
    assert wrong == {}


def test_english_layout_is_read_as_russian_only_when_that_finds_more(search):
    plan = "(q) => window.searchPatients.plan(q).query"
    assert "остеохондроз" in search.page.evaluate(plan, "jcntj[jylhjp")
    assert "b12" in search.page.evaluate(plan, "b12")  # Latin that the site has stays Latin
    assert "nhs" in search.page.evaluate(plan, "NHS 111")


def test_an_inflected_query_looks_for_the_forms_the_pages_have(search, built_ru):
    terms = search.page.evaluate("(q) => window.searchPatients.plan(q).query", "пальцев").split()
    docs = json.loads((built_ru / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    index = set(search_words.words(" ".join(re.sub(r"<[^>]+>", " ", doc["title"] + " " + doc["text"]) for doc in docs)))
    on_site = [t.rstrip("^1") for t in terms if not t.startswith("zzpage")]
    assert {"пальцы", "пальцев"} & set(on_site) and len(on_site) > 2
    assert all(word in index for word in on_site if word != "пальцев")


def test_search_works_opened_from_disk(browser, built_ru):
    # From file:// Material runs its worker through the iframe-worker shim; the helper and the Russian
    # words (a script tag, not a download) work there too.
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto((built_ru / "index.html").as_uri())
    answer = RussianSearchBox(page).ask("не могу пописать")
    assert answer.pages[:1] == ["urgent-help.html"] and answer.count == len(answer.pages)
    context.close()


# --- The table for the report ------------------------------------------------------------------------

def test_top_3_table(answers, capsys):
    """Prints each query's count and first 3 pages, and the hit rate; all but the expected failures must pass."""
    rows = ["| Typed | Found | 1st | 2nd | 3rd | Must | OK |", "|---|---|---|---|---|---|---|"]
    passed, unexpected = 0, []
    for case in CASES:
        answer = answers[case["q"]]
        must = ", ".join(([f"first {case['first']}"] if case.get("first") else []) + case.get("top", []))
        ok = not _top(case, answer)
        passed += ok
        if not ok and not case.get("xfail"):
            unexpected.append(case["q"])
        top = [page.removesuffix(".html") for page in answer.pages[:3]] + [""] * 3
        mark = "yes" if ok else ("no (expected: " + case["xfail"] + ")" if case.get("xfail") else "NO")
        rows.append(f"| {case['q']} | {answer.count} | {' | '.join(top[:3])} | {must.replace('.html', '')} | {mark} |")
    for query in COMMON:
        rows.append(f"| {query} | {answers[query].count} | | | | nothing | {'yes' if not answers[query].pages else 'NO'} |")
    heads = sum(not _top(case, answers[case["q"]]) for case in HEADWORDS)
    with capsys.disabled():
        print("\n" + "\n".join(rows))
        print(f"search (ru): {passed} of {len(CASES)} patient queries find their pages in the top 3 ({100 * passed / len(CASES):.0f}%); "
              f"{heads} of {len(HEADWORDS)} glossary headwords; "
              f"{sum(not answers[q].pages for q in COMMON)} of {len(COMMON)} common-word queries find nothing")
    assert unexpected == []


# --- The word lists and the glossary's word forms ----------------------------------------------------

def test_russian_search_words_file_is_up_to_date():
    # Errors only: the words of every page feed the word forms, so a page edited without running
    # `python -m scripts.search_words --docs docs-ru` leaves a note (the build writes fresh words anyway).
    assert search_words.language_of(DOCS) == "ru"
    assert [p for p in search_words.check(DOCS) if p.severity != "note"] == []


def test_the_build_writes_the_russian_words_into_the_russian_site(built_ru):
    written = (built_ru / search_words.OUTPUT).read_text(encoding="utf-8")
    assert written == search_words.render(search_words.build(DOCS, "ru")[0])
    assert '"language": "ru"' in written and "остеохондроз" in written and '"lexicon"' in written


def test_russian_words_and_their_forms():
    data, problems = search_words.build(DOCS, "ru")
    assert problems == []
    assert {"не", "и", "в", "у", "меня"} <= set(data["stop"])
    assert {"инсульт", "скорая", "не могу помочиться"} <= set(data["first"]["urgent-help.html"])
    assert search_words.words("Мини-инсульт, остеохондрозом!") == ["мини", "инсульт", "остеохондрозом"]
    endings = [ending.split("|") for ending in data["lexicon"]["endings"]]
    lexemes = {}
    for entry in data["lexicon"]["stems"].split():
        stem, number = entry.rsplit(".", 1)
        forms = [stem + ending for ending in endings[int(number, 36)]]
        lexemes[forms[0]] = forms
    assert {"остеохондрозом", "остеохондрозов"} <= set(lexemes["остеохондроз"])
    assert {"пальцев", "пальцах"} <= set(lexemes["палец"])
    assert {"немеют", "немеющие"} <= set(lexemes["неметь"])


def test_russian_tooltips_have_every_case_and_english_ones_the_plural():
    forms = {name: term.forms() for term in TERMS for name in [term.name]}
    assert {"остеохондрозом", "Остеохондрозом", "остеохондрозы"} <= set(forms["Остеохондроз"])
    spine = next(term for term in TERMS if "шейный отдел позвоночника" in term.names).forms()
    assert {"шейного отдела позвоночника", "шейным отделом позвоночника", "шейного"} <= set(spine)
    assert "грыжей диска" in next(term for term in TERMS if term.name == "Грыжа диска").forms()
    assert "синдромом конского хвоста" in next(term for term in TERMS if term.name == "Синдром конского хвоста").forms()
    english = glossary.Term(("Nerve root",), "Where a nerve leaves the spine.", 1)
    assert english.forms() == ["Nerve root", "nerve root", "Nerve roots", "nerve roots"]


def test_inflected_mentions_get_the_tooltip_in_the_built_pages(built_ru):
    page = (built_ru / "neck.html").read_text(encoding="utf-8")
    shown = re.findall(r"<abbr[^>]*>([^<]+)</abbr>", page)
    assert any(word.lower() not in {n.lower() for t in TERMS for n in t.names} for word in shown), shown
    assert any(re.search(r"(ом|ой|ем|а|ы|ей)$", word.split()[0]) for word in shown), shown
