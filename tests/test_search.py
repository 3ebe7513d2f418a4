"""Search finds what patients type: lay words, other names, brand names, typos, urgent words first.

The queries run in Debian's Chromium through Material's own search worker, with the site's query
helper (docs/assets/javascripts/search-patients.js) in front of it, exactly as the search box uses
it; two of them are also typed into the search box itself.
"""

from __future__ import annotations

import pytest
from conftest import ROOT

from scripts import search_words

pytestmark = pytest.mark.browser

# (what a patient types, the page that must be in the first 3 results). Misspellings are on purpose.
QUERIES = [
    # Urgent words: the urgent-help page must come first (checked separately below)
    ("can't control bladder", "urgent-help.html"),
    ("numb between legs", "urgent-help.html"),
    ("chest pain left arm", "urgent-help.html"),
    ("stroke", "urgent-help.html"),
    ("face numb suddenly", "urgent-help.html"),
    ("wet myself", "urgent-help.html"),
    ("emergency", "urgent-help.html"),
    # Other names of conditions (glossary) and lay words
    ("sciatica", "lower-back.html"),
    ("osteochondrosis", "spine-and-nerves.html"),
    ("slipped disc", "spine-and-nerves.html"),
    ("pinched nerve", "neck.html"),
    ("trapped nerve", "neck.html"),
    ("spondylosis", "spine-and-nerves.html"),
    ("carpal tunnel", "other-causes.html"),
    ("pins and needles", "symptoms.html"),
    ("foot drop", "lower-back.html"),
    ("spinal stenosis", "lower-back.html"),
    ("cauda equina", "lower-back.html"),
    ("leg cramps at night", "cramps.html"),
    ("numb fingers", "neck.html"),
    ("diabetes feet numb", "other-causes.html"),
    ("mri scan", "diagnosis.html"),
    ("exercises for neck", "living-with-it.html"),
    ("symptom diary", "appointment.html"),
    ("salt deposits", "myths.html"),
    ("body map", "where-is-it-numb.html"),
    # Medicines: generic and brand names
    ("ibuprofen", "treatment.html"),
    ("nurofen", "treatment.html"),
    ("naproxen", "treatment.html"),
    ("gabapentin", "treatment.html"),
    ("neurontin", "treatment.html"),
    ("pregabalin", "treatment.html"),
    ("lyrica", "treatment.html"),
    ("amitriptyline", "treatment.html"),
    ("duloxetine", "treatment.html"),
    ("paracetamol", "treatment.html"),
    ("co-codamol", "treatment.html"),
    ("quinine", "cramps.html"),
    # Misspellings
    ("sciatca", "lower-back.html"),
    ("numbnes in hands", "symptoms.html"),
    ("pins and neadles", "symptoms.html"),
    ("osteocondrosis", "spine-and-nerves.html"),
    ("carpel tunnel", "other-causes.html"),
    ("gabapentine", "treatment.html"),
    ("paracetemol", "treatment.html"),
    ("numb tows", "lower-back.html"),
]
URGENT = [(query, page) for query, page in QUERIES if page == "urgent-help.html"]

# Runs every query through Material's search worker (window.Worker is the site's stand-in).
_RUN_QUERIES = """async (queries) => {
  const config = JSON.parse(document.getElementById("__config").textContent);
  const index = await (await fetch(new URL("search/search_index.json", new URL(config.base, location.href)))).json();
  const worker = new Worker(new URL(config.search, location.href));
  const next = () => new Promise(resolve => worker.addEventListener("message", ev => resolve(ev.data), { once: true }));
  let reply = next();
  worker.postMessage({ type: 0, data: { config: index.config, docs: index.docs, options: {} } });
  await reply;  // READY
  const pages = [];
  for (const query of queries) {
    reply = next();
    worker.postMessage({ type: 2, data: query });
    const result = await reply;
    pages.push(result.data.items.map(group => group[0].location.split("#")[0].split("/").pop()));
  }
  worker.terminate();
  return pages;
}"""


@pytest.fixture(scope="module")
def results(browser, site_url) -> dict[str, list[str]]:
    """Each query -> the result pages, best first."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + "index.html")
    page.wait_for_function("typeof document$ !== 'undefined' && typeof searchPatients !== 'undefined'")
    pages = page.evaluate(_RUN_QUERIES, [query for query, _ in QUERIES])
    context.close()
    return dict(zip([query for query, _ in QUERIES], pages))


def test_at_least_30_patient_queries():
    assert len(QUERIES) >= 30


@pytest.mark.parametrize(("query", "page"), QUERIES)
def test_query_finds_its_page_in_the_top_3(results, query, page):
    assert page in results[query][:3], f"{query!r} -> {results[query][:5]}"


@pytest.mark.parametrize(("query", "page"), URGENT)
def test_urgent_words_find_urgent_help_first(results, query, page):
    assert results[query][:1] == [page], f"{query!r} -> {results[query][:5]}"


def test_hits_in_top_3_summary(results, capsys):
    hits = sum(page in results[query][:3] for query, page in QUERIES)
    with capsys.disabled():
        print(f"\nsearch: {hits} of {len(QUERIES)} patient queries find their page in the top 3")
    assert hits == len(QUERIES)


# --- The search box itself -----------------------------------------------------------------------

def _search_box(browser, url: str):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(url, wait_until="networkidle")
    page.wait_for_function("typeof document$ !== 'undefined'")
    return context, page, requests


@pytest.mark.parametrize(("typed", "first"), [("sciatca", "lower-back.html"), ("can't control bladder", "urgent-help.html")])
def test_search_box_puts_the_right_page_first(browser, site_url, typed, first):
    context, page, _ = _search_box(browser, site_url + "neck.html")
    page.locator("input.md-search__input").click()
    page.keyboard.type(typed)
    top = page.locator(".md-search-result__item").first.locator("a").first
    top.wait_for(state="visible")
    page.wait_for_function("(first) => (document.querySelector('.md-search-result__item a') || {}).href?.includes(first)", arg=first)
    # Words the helper added are never shown to the reader as "missing".
    shown = page.locator(".md-search-result").inner_text().lower()
    assert "zzpage" not in shown and "~" not in shown
    context.close()


def test_search_index_is_downloaded_only_when_the_reader_searches(browser, site_url):
    context, page, requests = _search_box(browser, site_url + "symptoms.html")
    assert not [url for url in requests if "search_index" in url or "/workers/" in url or "search-words" in url]
    page.locator("input.md-search__input").click()
    page.wait_for_function("document.querySelector('.md-search-result__meta')?.textContent.trim().length > 0")
    page.keyboard.type("gabapentin")
    page.locator(".md-search-result__item a[href*='treatment.html']").first.wait_for(state="visible")
    assert [url for url in requests if url.endswith("search/search_index.json")]
    context.close()


# --- The word lists --------------------------------------------------------------------------------

def test_search_words_file_is_up_to_date():
    assert search_words.check(ROOT / "docs") == []


def test_glossary_other_names_are_searched_together():
    data, problems = search_words.build(ROOT / "docs")
    assert problems == []
    groups = [set(group) for group in data["same"]]
    assert any({"osteochondrosis", "degenerative disc disease"} <= group for group in groups)
    assert any({"neurontin", "gabapentin"} <= group for group in groups)


def test_unknown_page_in_search_words_is_reported(tmp_path):
    docs = tmp_path / "docs"
    (docs / "_data").mkdir(parents=True)
    (docs / "neck.md").write_text("---\ntitle: Neck\ndescription: Neck.\n---\n# Neck\n", encoding="utf-8")
    (docs / "_data/search-words.yml").write_text("pages:\n  neck.md: [neck]\n  knee.md:\n    - knee\n", encoding="utf-8")
    problems = search_words.check(docs)
    assert [str(p) for p in problems] == [str(problems[0])] and problems[0].line == 3
    assert "'knee.md' is not a page in docs/" in problems[0].message


def test_build_step_writes_fresh_words_into_the_site(tmp_path):
    (tmp_path / "assets/javascripts").mkdir(parents=True)
    assert search_words.step(ROOT / "mkdocs.yml", tmp_path) == 0
    written = (tmp_path / search_words.OUTPUT).read_text(encoding="utf-8")
    assert written == search_words.render(search_words.build(ROOT / "docs")[0])
    assert '"lower-back.html"' in written and "sciatica" in written
