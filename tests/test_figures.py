"""Figures a reader can use on a phone (UX review M7, m10; PEMAT-P item 15).

On a 360 x 740 phone, every piece of text drawn in a figure (the body maps, spine diagram, hand map,
patterns of numbness, exercise drawings and the "Where is it numb?" picker) must be at least
FIGURE_TEXT_MIN_PX as drawn: its font size times the scale the figure is shown at. A drawing in an
<img> keeps its text out of the page's reach, so the test draws the same file at the width the page
shows it, in a shadow root (where the page's CSS does not touch it, as for an <img>), and measures
there; a figure inline in the page is measured where it is. The smallest size per page is reported.
The PDFs' figure text is measured in tests/test_pdf.py.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from conftest import ROOT

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
FIGURE_TEXT_MIN_PX = 16  # NHS.UK's smallest text size (UX review m10; issue 17 asks for at least 14)
SVG = "{http://www.w3.org/2000/svg}"
DRAWINGS = sorted(p for p in (ROOT / "docs/images").glob("*.svg") if ET.parse(p).getroot().find(f".//{SVG}text") is not None)
PAGES = sorted(p.stem + ".html" for p in (ROOT / "docs").glob("*.md")
               if re.search(r"\.svg\b|<svg", p.read_text(encoding="utf-8")))
PANELS = [("symptoms.html", "numbness-patterns.svg"), ("other-causes.html", "hand-map.svg")]

# Every figure's text on the page, as drawn: [{figure, text, px}]. Each drawing in an <img> is drawn
# again at the width the page shows it; each inline <svg> with text is measured in place.
MEASURE = """async () => {
  const found = [];
  const measure = (texts, figure) => { for (const t of texts) {
    const m = t.getScreenCTM();
    found.push({ figure, text: t.textContent.trim(), px: parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b) });
  } };
  for (const img of document.querySelectorAll('article img[src$=".svg"]')) {
    const source = await (await fetch(img.currentSrc || img.src)).text();
    const host = document.createElement('div');
    host.style.cssText = 'position: absolute; left: 0; top: 0; visibility: hidden';
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = `<style>svg { display: block; height: auto; width: ${img.getBoundingClientRect().width}px }</style>` + source;
    measure(root.querySelectorAll('text'), img.getAttribute('src').split('/').pop());
    host.remove();
  }
  for (const svg of document.querySelectorAll('article svg')) {
    if (svg.getBoundingClientRect().width) measure(svg.querySelectorAll('text'), 'inline svg in ' + (svg.closest('[class]')?.className || 'article'));
  }
  return found;
}"""


def _open_phone(browser, url: str):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(url, wait_until="load")
    # Lazy pictures get their size only once loaded: load them all, then measure.
    page.evaluate("() => document.querySelectorAll('img[loading=lazy]').forEach(img => { img.loading = 'eager'; })")
    page.wait_for_function("() => [...document.querySelectorAll('article img')].every(img => img.complete && img.naturalWidth > 0)")
    return context, page


@pytest.fixture(scope="module")
def measured() -> dict:
    return {}


@pytest.mark.parametrize("name", PAGES)
def test_figure_text_large_enough_on_a_phone(browser, site_url, name, measured):
    context, page = _open_phone(browser, site_url + name)
    try:
        labels = page.evaluate(MEASURE)
    finally:
        context.close()
    assert labels, f"{name} shows no figure with text"
    measured[name] = labels
    small = [f"{label['figure']}: {label['text']!r} {label['px']:.1f} px" for label in labels if label["px"] < FIGURE_TEXT_MIN_PX - 0.05]
    assert small == [], f"{name}: figure text under {FIGURE_TEXT_MIN_PX} px at {PHONE['width']} px:\n" + "\n".join(small)


def test_report_smallest_figure_text_on_a_phone(measured, capsys):
    """Prints the smallest figure text per page, and checks every drawing was measured somewhere."""
    if len(measured) < len(PAGES):
        pytest.skip("run with the per-page tests")
    with capsys.disabled():
        print(f"\nphone {PHONE['width']} px, smallest figure text per page:")
        for name, labels in sorted(measured.items()):
            smallest = min(labels, key=lambda label: label["px"])
            print(f"  {name}: {smallest['px']:.1f} px ({smallest['figure']}: {smallest['text']!r})")
    shown = {label["figure"] for labels in measured.values() for label in labels}
    assert {svg.name for svg in DRAWINGS} <= shown, "a drawing with text is on no page, or was not measured"


@pytest.mark.parametrize("page_name, svg", PANELS, ids=[svg for _, svg in PANELS])
def test_figure_is_described_in_words(browser, site_url, page_name, svg):
    """The drawing names itself (role="img", <title>), and the page gives an alt text that describes
    it and a caption or legend a reader can act on."""
    drawn = ET.parse(ROOT / "docs/images" / svg).getroot()
    assert drawn.get("role") == "img" and (drawn.findtext(f"{SVG}title") or "").strip(), f"{svg}: role=\"img\" and a <title>"
    context, page = _open_phone(browser, site_url + page_name)
    try:
        image = page.locator(f"article figure img[src$='{svg}']")
        assert image.count() == 1, f"{page_name} does not show {svg} in a <figure>"
        alt = image.get_attribute("alt") or ""
        assert len(alt.split()) >= 15, f"{svg}: the alt text should describe the picture, not name it: {alt!r}"
        caption = image.locator("xpath=ancestor::figure//figcaption").inner_text().strip()
        assert len(caption.split()) >= 15, f"{svg}: the figure needs a caption or legend in text: {caption!r}"
    finally:
        context.close()
