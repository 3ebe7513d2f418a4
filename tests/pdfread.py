"""Reading printed PDFs back with pypdf: text sizes and where text and pictures sit on each page.
Shared by tests/test_pdf.py (WeasyPrint's booklet and handouts) and tests/test_print.py (Chromium's print)."""

from __future__ import annotations

import collections
from dataclasses import dataclass, field

from pypdf import PageObject, PdfReader

MM = 72 / 25.4  # PDF points per millimetre


def _multiply(m: list[float], n: list[float]) -> list[float]:
    """The 2D affine matrix product m × n, PDF order [a b c d e f]."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return [a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u]


@dataclass
class PageLayout:
    """One page: the text's sizes (points -> number of characters), separately for text in tables,
    its lines as (distance of the baseline from the top of the page, size, text), in points, and
    the text drawn inside pictures (tagged /Figure: the labels of an SVG drawing) as (size, text)."""

    height: float
    sizes: collections.Counter = field(default_factory=collections.Counter)
    table_sizes: collections.Counter = field(default_factory=collections.Counter)
    texts: list[tuple[float, float, str]] = field(default_factory=list)
    figure_texts: list[tuple[float, str]] = field(default_factory=list)


def _parent_tree(reader: PdfReader) -> dict[int, list]:
    """The structure tree's ParentTree: a page's /StructParents key -> its struct elements by MCID."""
    root = reader.trailer["/Root"]
    if "/StructTreeRoot" not in root:
        return {}
    numbers = root["/StructTreeRoot"]["/ParentTree"].get_object().get("/Nums", [])
    return {int(numbers[i]): numbers[i + 1].get_object() for i in range(0, len(numbers), 2)}


def _inside(element, roles: tuple[str, ...]) -> bool:
    """Whether a struct element or one of its ancestors has one of these roles."""
    while element is not None and hasattr(element, "get"):
        if element.get("/S") in roles:
            return True
        element = element.get("/P")
        element = element.get_object() if element is not None else None
    return False


def layout(page: PageObject, parents: dict[int, list] | None = None) -> PageLayout:
    """What is on a page; pass `parents` (from _parent_tree) to tell table text apart."""
    found = PageLayout(float(page.mediabox.height))
    by_mcid = (parents or {}).get(page.get("/StructParents", -1), [])
    marks: list[int | None] = []  # the marked-content ids open at this point of the page's stream

    def on_operator(operator, args, cm, tm):
        if operator in (b"BDC", b"BMC"):
            properties = args[1] if operator == b"BDC" and len(args) > 1 else None
            marks.append(properties.get("/MCID") if hasattr(properties, "get") else None)
        elif operator == b"EMC" and marks:
            marks.pop()

    def on_text(text, cm, tm, font, size):
        if not text.strip():
            return
        matrix = _multiply(tm, cm)
        points = size * (matrix[2] ** 2 + matrix[3] ** 2) ** 0.5
        mcid = next((m for m in reversed(marks) if m is not None), None)
        element = by_mcid[mcid].get_object() if mcid is not None and mcid < len(by_mcid) else None
        (found.table_sizes if _inside(element, ("/TD", "/TH", "/Table")) else found.sizes)[round(points, 1)] += len(text.strip())
        found.texts.append((found.height - matrix[5], points, text.strip()))
        if _inside(element, ("/Figure",)):
            found.figure_texts.append((points, text.strip()))

    page.extract_text(visitor_text=on_text, visitor_operand_before=on_operator)
    return found


def figures(reader: PdfReader) -> dict[int, list[tuple[float, float]]]:
    """Tagged figures per page index: (top, bottom) in points from the top of the page, from the
    structure tree's /Figure elements and their layout box (WeasyPrint writes it in CSS px)."""
    pages = {page.indirect_reference.idnum: index for index, page in enumerate(reader.pages)}
    found: dict[int, list[tuple[float, float]]] = collections.defaultdict(list)

    def walk(node) -> None:
        node = node.get_object()
        if isinstance(node, list):
            for kid in node:
                walk(kid)
            return
        if not hasattr(node, "get"):
            return
        if node.get("/S") == "/Figure" and "/A" in node and "/Pg" in node:
            box = node["/A"].get_object().get("/BBox")
            if box is not None:
                found[pages[node.raw_get("/Pg").idnum]].append((float(box[1]) * 0.75, float(box[3]) * 0.75))
        if "/K" in node:
            walk(node["/K"])

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return found


def text_sizes(reader: PdfReader) -> tuple[collections.Counter, collections.Counter]:
    """Characters of text per font size (points, rounded to 0.1) over the whole document:
    (text outside tables, text in tables). Untagged PDFs count everything as outside."""
    parents = _parent_tree(reader)
    outside: collections.Counter = collections.Counter()
    tables: collections.Counter = collections.Counter()
    for page in reader.pages:
        found = layout(page, parents)
        outside.update(found.sizes)
        tables.update(found.table_sizes)
    return outside, tables


@dataclass
class FigureText:
    """A piece of text drawn inside a picture: its size in points, its 1-based page and its words."""

    points: float
    page: int
    text: str


def figure_texts(reader: PdfReader) -> list[FigureText]:
    """Every piece of text drawn inside a tagged picture, smallest first. WeasyPrint draws an SVG's
    <text> as real text inside the picture's marked content, so its size is what the reader sees."""
    parents = _parent_tree(reader)
    found = [FigureText(round(points, 1), number, text)
             for number, page in enumerate(reader.pages, 1) for points, text in layout(page, parents).figure_texts]
    return sorted(found, key=lambda f: f.points)


def share_under(sizes: collections.Counter, points: float) -> float:
    return sum(n for size, n in sizes.items() if size < points) / max(1, sum(sizes.values()))


def body_size(sizes: collections.Counter) -> float:
    """The size most of the text is set in."""
    return sizes.most_common(1)[0][0]
