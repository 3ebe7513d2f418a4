"""SVG drawings on paper: each in its print layout, printed at the size that makes its smallest text
PRINT_TEXT_PT points (UX review M4: body-map labels printed at 2-3 pt because the drawings were shrunk
to fit a height).

A drawing is made for a phone: narrow, its parts stacked (docs/images/*.svg). One that reads better
side by side on paper says so in its own file: `data-print-viewbox` on the <svg> gives the paper
layout's box, and `data-print-NAME` on any part replaces that part's NAME attribute on paper, mostly
`data-print-transform` to move a part (see docs/images/bodymap-neck.svg). Nothing else changes, so
the two layouts cannot drift apart. tests/test_pdf.py measures the printed size of every figure's text.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import quote

PRINT_TEXT_PT = 10.5  # the smallest text of a printed drawing; clear print asks for nothing under 10 pt
DEFAULT_FONT_SIZE = 16.0  # CSS's "medium": the size of SVG text that sets none
SVG_NS = "http://www.w3.org/2000/svg"
PRINT = "data-print-"
CAMEL_CASE = {"viewbox": "viewBox"}  # SVG's names are case-sensitive; HTML-style data- names are lower case
NUMBER = re.compile(r"^\s*([\d.]+)\s*(px)?\s*$")

ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")


class DrawingError(Exception):
    """A drawing cannot be prepared for paper; the message says why."""


def _font_size(element: ET.Element, inherited: float) -> float:
    """The element's own font size (attribute or style, in user units), else the inherited one."""
    style = {name.strip(): value for name, _, value in (part.partition(":") for part in element.get("style", "").split(";"))}
    for value in (style.get("font-size"), element.get("font-size")):
        match = NUMBER.match(value or "")
        if match:
            return float(match.group(1))
    return inherited


def smallest_text(root: ET.Element, inherited: float = DEFAULT_FONT_SIZE) -> float | None:
    """The smallest font size of any <text> in the drawing, in its own units; None without text."""
    size = _font_size(root, inherited)
    own = [size] if root.tag == f"{{{SVG_NS}}}text" and "".join(root.itertext()).strip() else []
    found = own + [s for child in root if (s := smallest_text(child, size)) is not None]
    return min(found) if found else None


def paper_layout(root: ET.Element) -> bool:
    """Switch the drawing to its print layout, if it has one; returns whether it did."""
    box = root.get(PRINT + "viewbox")
    if not box:
        return False
    for part in root.iter():
        for name in [n for n in part.attrib if n.startswith(PRINT)]:
            plain = name.removeprefix(PRINT)
            part.set(CAMEL_CASE.get(plain, plain), part.attrib.pop(name))
    _, _, width, height = box.split()
    root.set("width", width)
    root.set("height", height)
    return True


def for_print(path: Path) -> tuple[str | None, float] | None:
    """(the drawing's print layout as a data: URI, or None when it has none; its printed width in
    points) for an SVG file with text; None for a drawing without text (printed as it is)."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as error:
        raise DrawingError(f"the drawing {path.name} cannot be read ({error})") from None
    changed = paper_layout(root)
    smallest = smallest_text(root)
    if smallest is None:
        return None
    try:
        width = float(root.get("viewBox", "").split()[2])
    except (IndexError, ValueError):
        raise DrawingError(f"the drawing {path.name} has no viewBox; add viewBox=\"0 0 WIDTH HEIGHT\" to its <svg>") from None
    # user units -> points: the drawing is `width` units wide, printed so that `smallest` units = PRINT_TEXT_PT
    printed_width = width * PRINT_TEXT_PT / smallest
    source = f"data:image/svg+xml;charset=utf-8,{quote(ET.tostring(root, encoding='unicode'))}" if changed else None
    return source, printed_width


def fit(image: ET.Element, path: Path) -> None:
    """Set an <img> of an SVG drawing to its print layout and printed width (max-width: 100% in
    pdf.css keeps it inside the column; a drawing that needs more is found by the figure-text test)."""
    prepared = for_print(path)
    if prepared is None:
        return
    source, width = prepared
    if source:
        image.set("src", source)
    image.set("class", " ".join(sorted(set(image.get("class", "").split()) | {"print-drawing"})))
    image.set("style", f"width: {width:.1f}pt")
