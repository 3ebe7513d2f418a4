"""Figures that help a reader act (PEMAT-P item 15): the three patterns of numbness on the symptoms
page and the hand map on the other-causes page.

On a 360 x 740 phone every label drawn in these figures must be at least LABEL_MIN_PX as shown,
and each figure needs a text alternative and a caption a reader can act on. The drawings are <img>
files, whose text the page cannot reach: the test draws the same file at the width the page shows
it, in a shadow root (so the page's CSS does not touch it, as for an <img>), and measures there.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from conftest import ROOT

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
LABEL_MIN_PX = 12
FIGURES = [("symptoms.html", "numbness-patterns.svg"), ("other-causes.html", "hand-map.svg")]
SVG = "{http://www.w3.org/2000/svg}"

# The drawing at the width the page shows it: each <text>'s font size times its scale on screen.
MEASURE = """async (img) => {
  const source = await (await fetch(img.currentSrc || img.src)).text();
  const host = document.createElement('div');
  host.style.cssText = 'position: absolute; left: 0; top: 0; visibility: hidden';
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = `<style>svg { display: block; height: auto; width: ${img.getBoundingClientRect().width}px }</style>` + source;
  const labels = [...root.querySelectorAll('text')].map(t => ({
    text: t.textContent.trim(),
    px: parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a,
  }));
  host.remove();
  return labels;
}"""


@pytest.mark.parametrize("page_name, svg", FIGURES, ids=[svg for _, svg in FIGURES])
def test_figure_labels_are_large_enough_on_a_phone_and_the_figure_is_described(browser, site_url, page_name, svg):
    drawn = ET.parse(ROOT / "docs/images" / svg).getroot()
    texts = list(drawn.iter(f"{SVG}text"))
    assert texts, f"{svg} has no labels to measure"
    assert drawn.get("role") == "img" and (drawn.findtext(f"{SVG}title") or "").strip(), f"{svg}: role=\"img\" and a <title>"

    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.goto(site_url + page_name, wait_until="load")
        image = page.locator(f"article figure img[src$='{svg}']")
        assert image.count() == 1, f"{page_name} does not show {svg} in a <figure>"
        image.scroll_into_view_if_needed()
        page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle())

        alt = image.get_attribute("alt") or ""
        assert len(alt.split()) >= 15, f"{svg}: the alt text should describe the picture, not name it: {alt!r}"
        caption = image.locator("xpath=ancestor::figure//figcaption").inner_text().strip()
        assert len(caption.split()) >= 15, f"{svg}: the figure needs a caption or legend in text: {caption!r}"

        labels = image.evaluate(MEASURE)
        assert len(labels) == len(texts)
        small = [label for label in labels if label["px"] < LABEL_MIN_PX]
        assert not small, f"{svg}: labels under {LABEL_MIN_PX} px at {PHONE['width']} px: {small}"
    finally:
        context.close()
