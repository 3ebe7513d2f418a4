"""Search finds what patients type: lay words, other names, brand names, typos, phone slips, red flags
first, common words never on their own, no "Missing:" lines, and a count of the pages really found.

Every query is typed into the real search box of the built site, on a phone-sized screen in Debian's
Chromium: Material's own search worker, with the site's helper (docs/assets/javascripts/
search-patients.js) in front of it. The queries and the pages they must find are in
tests/search_queries.yml. `pytest tests/test_search.py -k table -s` prints the top 3 of each.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from searchbox import Answer, SearchBox

from scripts import search_words

pytestmark = pytest.mark.browser

SPEC = yaml.safe_load(Path(__file__).with_name("search_queries.yml").read_text(encoding="utf-8"))
CASES = SPEC["review"] + SPEC["queries"]
COMMON = [str(q) for q in SPEC["none"]]
PHONE = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}


@pytest.fixture(scope="module")
def search(browser, site_url):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(site_url + "index.html")
    page.wait_for_function("typeof document$ !== 'undefined'")
    yield SearchBox(page)
    context.close()


@pytest.fixture(scope="module")
def answers(search) -> dict[str, Answer]:
    """Each query of search_queries.yml -> what the search box shows (one page, one query after another)."""
    return {query: search.ask(query) for query in [case["q"] for case in CASES] + COMMON}


def _top(case: dict, answer: Answer) -> list[str]:
    """What is wrong with a query's first 3 results (empty: nothing)."""
    top = answer.pages[:3]
    wrong = [f"{page} not in the top 3" for page in case.get("top", []) if page not in top]
    if case.get("first") and answer.pages[:1] != [case["first"]]:
        wrong.append(f"{case['first']} not first")
    return wrong


# --- The query list ----------------------------------------------------------------------------------

def test_query_list_covers_the_review_and_40_more():
    assert [case["q"] for case in SPEC["review"]] == ["pins and needles in fingers", "sciatca", "cant feel my feet", "numb bum"]
    queries = [case["q"] for case in CASES]
    assert len(SPEC["queries"]) >= 40 and len(set(queries)) == len(queries)
    pages = {p.name.replace(".md", ".html") for p in (ROOT / "docs").glob("*.md")}
    named = {page for case in CASES for page in [*case.get("top", []), *filter(None, [case.get("first")])]}
    assert named <= pages, f"not pages of the site: {sorted(named - pages)}"
    assert all(case.get("top") or case.get("first") for case in CASES)


# --- Each query --------------------------------------------------------------------------------------

@pytest.mark.parametrize("case", CASES, ids=[case["q"] for case in CASES])
def test_query_finds_its_pages_in_the_top_3(answers, case):
    answer = answers[case["q"]]
    assert _top(case, answer) == [], f"{case['q']!r} -> {answer.pages[:5]} ({answer.meta})"


@pytest.mark.parametrize("query", COMMON)
def test_common_words_alone_find_nothing(answers, query):
    assert (answers[query].meta, answers[query].pages) == ("No matching pages", [])


def test_results_never_say_missing(answers):
    shown = {query: answer.text for query, answer in answers.items() if "Missing" in answer.text or "zzpage" in answer.text}
    assert shown == {}


def test_the_count_is_the_pages_listed(answers):
    wrong = {query: (a.meta, len(a.pages)) for query, a in answers.items() if a.count != len(a.pages) or len(set(a.pages)) != len(a.pages)}
    assert wrong == {}


@pytest.mark.parametrize("query", ["pins and needles in fingers", "numb toes at night", "sudden weakness in my leg"])
def test_common_words_change_nothing(search, answers, query):
    # The review: About came 2nd for "pins and needles in fingers" on "in" alone.
    stop = search_words.build(ROOT / "docs")[0]["stop"]
    plain = " ".join(word for word in query.split() if word not in stop)
    assert plain != query and search.ask(plain).pages == answers[query].pages


# --- The count against the index itself --------------------------------------------------------------

def _pages_with_words(built_site: Path) -> dict[str, set[str]]:
    """Each word of the built search index (titles and text) -> the pages that have it."""
    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    found: dict[str, set[str]] = {}
    for doc in index["docs"]:
        page = doc["location"].split("#")[0] or "index.html"
        for word in search_words.words(re.sub(r"<[^>]+>", " ", doc["title"] + " " + doc["text"])):
            found.setdefault(word, set()).add(page)
    return found


def _plain_words(built_site: Path, how_many: int) -> list[tuple[str, set[str]]]:
    """Long words of the site on 2 to 6 pages that the helper leaves as they are: no list knows them,
    no other word starts with them and they are not plurals (it also looks for "finger" in "fingers")."""
    data, _ = search_words.build(ROOT / "docs")
    listed = set(search_words.words(json.dumps(data)))
    found = _pages_with_words(built_site)
    plain = [(w, pages) for w, pages in sorted(found.items()) if len(w) >= 9 and w.isalpha() and w[-1] != "s" and w not in listed
             and 2 <= len(pages) <= 6 and not any(o != w and o.startswith(w) for o in found)]
    return plain[:: max(1, len(plain) // how_many)][:how_many]


def test_count_is_the_pages_that_have_the_word(search, built_site):
    # A word no list knows: exactly the pages that have it, whatever common words come with it.
    for word, pages in _plain_words(built_site, 3):
        for query in (word, f"in my {word} and the"):
            answer = search.ask(query)
            assert (answer.count, set(answer.pages)) == (len(pages), pages), query


def test_count_is_the_pages_that_have_every_word(search, built_site):
    # Two words: only the pages that have both (lunr alone would list the pages with either).
    plain = _plain_words(built_site, 40)
    pairs = [(a, b, pa & pb) for i, (a, pa) in enumerate(plain) for b, pb in plain[i + 1:] if pa & pb and pa != pb]
    assert pairs, "no two plain words share a page"
    a, b, both = pairs[0]
    answer = search.ask(f"{a} {b}")
    assert (answer.count, set(answer.pages)) == (len(both), both)


# --- The search box, typed key by key, and opened from disk ------------------------------------------

def test_typed_key_by_key_the_red_flag_page_comes_first(browser, site_url):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(site_url + "neck.html")
    page.wait_for_function("typeof document$ !== 'undefined'")
    SearchBox(page).box.press_sequentially("numb bum")  # a search after every key, as on a phone
    first = "document.querySelector('.md-search-result__item a')?.href.split('?')[0].endsWith('urgent-help.html')"
    page.wait_for_function(f"document.querySelector('.md-search-result__meta').textContent.includes('matching') && {first}")
    assert page.locator(".md-search-result__terms").count() == 0
    context.close()


def test_search_works_opened_from_disk(browser, built_site):
    # From file:// Material runs its worker through the iframe-worker shim; the helper wraps that too.
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto((built_site / "index.html").as_uri())
    answer = SearchBox(page).ask("cant pee")
    assert answer.pages[:1] == ["urgent-help.html"] and answer.count == len(answer.pages)
    context.close()


def test_search_index_is_downloaded_only_when_the_reader_searches(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url + "symptoms.html", wait_until="networkidle")
    page.wait_for_function("typeof document$ !== 'undefined'")
    assert not [url for url in requests if "search_index" in url or "/workers/" in url or "search-words" in url]
    page.locator("input.md-search__input").click()
    page.wait_for_function("document.querySelector('.md-search-result__meta')?.textContent.trim() === 'Type to start searching'")
    page.keyboard.type("gabapentin")
    page.locator(".md-search-result__item a[href*='treatment.html']").first.wait_for(state="visible")
    assert [url for url in requests if url.endswith("search/search_index.json")]
    context.close()


# --- The table for the report ------------------------------------------------------------------------

def test_top_3_table(answers, capsys):
    """Prints each query's count and first 3 pages (the closing note's table); all must be right."""
    rows = ["| Typed | Found | 1st | 2nd | 3rd | Must | OK |", "|---|---|---|---|---|---|---|"]
    passed = 0
    for case in CASES:
        answer = answers[case["q"]]
        must = ", ".join(([f"first {case['first']}"] if case.get("first") else []) + case.get("top", []))
        ok = not _top(case, answer)
        passed += ok
        top = [page.removesuffix(".html") for page in answer.pages[:3]] + [""] * 3
        rows.append(f"| {case['q']} | {answer.count} | {' | '.join(top[:3])} | {must.replace('.html', '')} | {'yes' if ok else 'NO'} |")
    for query in COMMON:
        rows.append(f"| {query} | {answers[query].count} | | | | nothing | {'yes' if not answers[query].pages else 'NO'} |")
    with capsys.disabled():
        print("\n" + "\n".join(rows))
        print(f"search: {passed} of {len(CASES)} patient queries find their pages; "
              f"{sum(not answers[q].pages for q in COMMON)} of {len(COMMON)} common-word queries find nothing")
    assert passed == len(CASES)


# --- The word lists ----------------------------------------------------------------------------------

def test_search_words_file_is_up_to_date():
    assert search_words.check(ROOT / "docs") == []


def test_glossary_other_names_are_searched_together():
    data, problems = search_words.build(ROOT / "docs")
    assert problems == []
    groups = [set(group) for group in data["same"]]
    assert any({"osteochondrosis", "degenerative disc disease"} <= group for group in groups)
    assert any({"neurontin", "gabapentin"} <= group for group in groups)
    assert {"in", "my", "cant", "the", "and", "i"} <= set(data["stop"])
    assert {"bum", "bottom", "saddle", "pee", "bladder", "chest"} <= set(data["first"]["urgent-help.html"])


def test_unknown_page_in_search_words_is_reported(tmp_path):
    docs = tmp_path / "docs"
    (docs / "_data").mkdir(parents=True)
    (docs / "neck.md").write_text("---\ntitle: Neck\ndescription: Neck.\n---\n# Neck\n", encoding="utf-8")
    (docs / "_data/search-words.yml").write_text("pages:\n  neck.md: [neck]\n  knee.md:\n    - knee\n", encoding="utf-8")
    problems = search_words.check(docs)
    assert [str(p) for p in problems] == [str(problems[0])] and problems[0].line == 3
    assert "'knee.md' is not a page in docs/" in problems[0].message


def test_a_phrase_under_stop_is_reported(tmp_path):
    docs = tmp_path / "docs"
    (docs / "_data").mkdir(parents=True)
    (docs / "neck.md").write_text("---\ntitle: Neck\ndescription: Neck.\n---\n# Neck\n", encoding="utf-8")
    (docs / "_data/search-words.yml").write_text("stop:\n  - in\n  - help me\n", encoding="utf-8")
    problems = [p for p in search_words.check(docs) if "not one word" in p.message]
    assert [(p.path, p.line) for p in problems] == [("docs/_data/search-words.yml", 3)]


def test_build_step_writes_fresh_words_into_the_site(tmp_path):
    (tmp_path / "assets/javascripts").mkdir(parents=True)
    assert search_words.step(ROOT / "mkdocs.yml", tmp_path) == 0
    written = (tmp_path / search_words.OUTPUT).read_text(encoding="utf-8")
    assert written == search_words.render(search_words.build(ROOT / "docs")[0])
    assert '"lower-back.html"' in written and "sciatica" in written and '"stop"' in written
