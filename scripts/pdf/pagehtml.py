"""Turn the built web pages into print HTML: the booklet (all pages in nav order) and one handout per page.

Works on the HTML MkDocs already rendered (so snippets, glossary tooltips and clinic settings are
filled in), taking only each page's <article>. Web-only parts are dropped, ids are made unique per
page, and links are rewritten for paper. WeasyPrint then lays it out with scripts/pdf/pdf.css.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, unquote, urljoin, urlsplit

import tinyhtml5

from scripts.model.signoff import CLASS as SIGNOFF_CLASS
from scripts.model.signoff import UPDATED_CLASS as SIGNOFF_UPDATED_CLASS
from scripts.pdf.drawings import DrawingError, fit

# Parts of a built page that make no sense on paper.
WEB_ONLY_CLASSES = {"screen-only", "headerlink", "md-content__button", "pdf-links", "md-source-file", "md-top"}
WEB_ONLY_CLASS_PREFIXES = ("kiosk-",)
WEB_ONLY_TAGS = {"script", "noscript", "style", "button", "form"}
LONG_CARD_SIGNS = 8  # a card with more signs than this may break across pages
EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


class RenderError(Exception):
    """A page cannot be printed; the message names the file and what is wrong."""


@dataclass
class NavEntry:
    title: str
    file: str | None = None  # Markdown file relative to docs/, None for a section
    children: list[NavEntry] = field(default_factory=list)


def nav_entries(nav: object) -> list[NavEntry]:
    """mkdocs.yml's nav as titled entries (external links left out)."""
    entries = []
    for item in nav or []:
        if isinstance(item, str):
            if not EXTERNAL.match(item):
                entries.append(NavEntry(Path(item).stem.replace("-", " ").capitalize(), item))
        elif isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, str) and not EXTERNAL.match(value):
                    entries.append(NavEntry(str(title), value))
                elif isinstance(value, list):
                    entries.append(NavEntry(str(title), None, nav_entries(value)))
    return entries


def slug(md_file: str) -> str:
    """'urgent-help.md' -> 'urgent-help'; used for anchors and handout file names."""
    return re.sub(r"[^A-Za-z0-9_-]+", "-", md_file.removesuffix(".md")).strip("-")


def html_file(md_file: str) -> str:
    """The built page of a Markdown file (use_directory_urls is false)."""
    return md_file.removesuffix(".md") + ".html"


def _classes(element: ET.Element) -> set[str]:
    return set(element.get("class", "").split())


def _is_web_only(element: ET.Element) -> bool:
    classes = _classes(element)
    return (element.tag in WEB_ONLY_TAGS or bool(classes & WEB_ONLY_CLASSES)
            or any(c.startswith(WEB_ONLY_CLASS_PREFIXES) for c in classes)
            or element.get("data-kiosk-control") is not None)


def _remove_where(root: ET.Element, predicate) -> None:
    for parent in list(root.iter()):
        for child in list(parent):
            if predicate(child):
                _remove_keeping_tail(parent, child)


def _remove_keeping_tail(parent: ET.Element, child: ET.Element) -> None:
    """Remove an element but keep the text that follows it."""
    if child.tail:
        index = list(parent).index(child)
        if index:
            previous = parent[index - 1]
            previous.tail = (previous.tail or "") + child.tail
        else:
            parent.text = (parent.text or "") + child.tail
    parent.remove(child)


def _strip_namespaces(root: ET.Element) -> None:
    """tinyhtml5 puts SVG/MathML in namespaces; HTML serialisation wants plain names."""
    for element in root.iter():
        if element.tag.startswith("{"):
            namespace, element.tag = element.tag[1:].split("}", 1)
            if element.tag == "svg":
                element.set("xmlns", namespace)
        for name in [n for n in element.attrib if n.startswith("{")]:
            value = element.attrib.pop(name)
            element.set("xlink:" + name.split("}", 1)[1] if "xlink" in name else name.split("}", 1)[1], value)


def read_article(page_path: Path) -> ET.Element:
    """The <article> of a built page, without web-only parts."""
    try:
        text = page_path.read_text(encoding="utf-8")
    except OSError as error:
        raise RenderError(f"{page_path}: cannot read the built page ({error.strerror})") from None
    # Only the <article> is parsed (a fifth of the page; the theme's navigation, search and scripts are
    # the rest): the same elements as parsing the whole page, as the parser treats them alike in <body>.
    start, end = text.find("<article"), text.rfind("</article>")
    if 0 <= start < end and text.count("<article") == 1:
        after = text.find("<", end + len("</article>"))  # with the white space after it (its tail), as before
        text = text[start:after if after > 0 else len(text)]
    document = tinyhtml5.parse(text, namespace_html_elements=False)
    article = next(document.iter("article"), None)
    if article is None:
        raise RenderError(f"{page_path}: the built page has no <article>; is the theme override intact?")
    _strip_namespaces(article)
    _remove_where(article, _is_web_only)
    _print_friendly_widgets(article)
    _signoff_into_footer(article)
    _tag_for_print(article)
    article.tag = "div"
    article.set("class", "page-body")
    return article


def _signoff_into_footer(article: ET.Element) -> None:
    """On paper, whether a clinician checked the page goes with its dates in the footer, where it takes
    no line of its own (a handout's room is tight); the footer already says when the team updated it."""
    dates = next((e for e in article.iter("p") if "page-meta__dates" in _classes(e)), None)
    line = next((e for e in article.iter("p") if SIGNOFF_CLASS in _classes(e)), None)
    parent = next((p for p in article.iter() if line is not None and line in list(p)), None)
    if dates is None or line is None or parent is None:
        return
    parent.remove(line)
    for updated in [e for e in line if SIGNOFF_UPDATED_CLASS in _classes(e)]:
        line.remove(updated)
    line.tag, line.tail = "span", None
    line.text = (line.text or "").strip()
    dates.append(ET.Element("br"))
    dates.append(line)


def _print_friendly_widgets(root: ET.Element) -> None:
    """Collapsed blocks open, tabs one after another with their titles, tick boxes as text."""
    for details in root.iter("details"):
        details.set("open", "open")
    for tabbed in [e for e in root.iter("div") if "tabbed-set" in _classes(e)]:
        labels = [e for e in tabbed.iter("label") if e.get("for")]
        blocks = [e for e in tabbed.iter("div") if "tabbed-block" in _classes(e)]
        for label, block in zip(labels, blocks):
            title = ET.Element("p", {"class": "tab-title"})
            title.text = "".join(label.itertext()).strip()
            block.insert(0, title)
    _remove_where(root, lambda e: "tabbed-labels" in _classes(e) or (e.tag == "input" and e.get("type") == "radio"))
    for parent in list(root.iter()):
        for child in list(parent):
            if child.tag == "label" and "task-list-control" in _classes(child):
                _print_tick_box(child)


def _tag_for_print(root: ET.Element) -> None:
    """What a tagged PDF needs from the HTML (see WeasyPrint's pdf/tags.py):
    - a picture that means something carries its words: an inline SVG its aria-label as <title>;
    - a decorative icon (Material/emoji SVG, `alt=""` image) is drawn as a CSS background, which
      WeasyPrint marks as an artifact, so screen readers skip it instead of meeting a nameless figure;
    - every table header says what it heads (scope="col" in the head row, scope="row" in the body);
    - a drawing coloured by the site's CSS gets colours of its own, for paper."""
    for parent in list(root.iter()):
        for index, child in enumerate(list(parent)):
            if child.tag == "svg":
                label = child.get("aria-label")
                has_title = any(e.tag == "title" and (e.text or "").strip() for e in child)
                if label and not has_title and child.get("aria-hidden") != "true":
                    title = ET.Element("title")
                    title.text = label
                    child.insert(0, title)
                if (label or has_title) and child.get("aria-hidden") != "true":
                    _paper_colours(child)
                elif child.get("aria-hidden") == "true" or not has_title:
                    parent[index] = _as_background(child, ET.tostring(child, encoding="unicode"), "image/svg+xml")
            elif child.tag == "img" and child.get("alt") == "":
                parent[index] = _as_background(child, None, None)
    _mark_for_print(root)
    for table in root.iter("table"):
        for section in table:
            for row in section.iter("tr"):
                for cell in row.iter("th"):
                    cell.set("scope", "col" if section.tag == "thead" else cell.get("scope", "row"))


def _paper_colours(svg: ET.Element) -> None:
    """An inline drawing coloured by the site's CSS (which WeasyPrint does not apply inside SVG) would
    print as black shapes: give shapes without their own colours a light fill and a black outline."""
    for shape in svg.iter():
        if shape.tag in ("path", "rect", "ellipse", "circle", "polygon") and shape.get("fill") is None:
            shape.set("fill", "#e6e6e6")
            shape.set("stroke", shape.get("stroke", "#000"))
        elif shape.tag in ("line", "polyline") and shape.get("stroke") is None:
            shape.set("stroke", "#000")


def _mark_for_print(root: ET.Element) -> None:
    """Classes for pdf.css, which avoids :has() (WeasyPrint tests it on every element): a paragraph
    that is only a picture, and a table cell that starts with an icon, and that cell's table."""
    def add_class(element: ET.Element, name: str) -> None:
        element.set("class", " ".join(sorted(_classes(element) | {name})))

    def starts_with_icon(cell: ET.Element) -> bool:
        first = _classes(cell[0]) if len(cell) else set()
        return bool(first & {"print-icon", "twemoji"}) or any(c.startswith("advice-") for c in first)

    for paragraph in root.iter("p"):
        if len(paragraph) == 1 and paragraph[0].tag == "img" and not (paragraph.text or "").strip() \
                and not (paragraph[0].tail or "").strip():
            add_class(paragraph, "print-picture")
    # A care card longer than a third of a page may run on to the next one (pdf.css), rather than
    # leave most of a page empty before it (the urgent-help handout's 24-sign emergency card).
    for card in root.iter():
        if (card.tag == "details" or "admonition" in _classes(card)) and len(list(card.iter("li"))) > LONG_CARD_SIGNS:
            add_class(card, "print-long")
    for table in root.iter("table"):
        cells = [td for td in table.iter("td") if starts_with_icon(td)]
        for cell in cells:
            add_class(cell, "print-icon-cell")
        if cells:
            add_class(table, "print-icon-table")


def _as_background(element: ET.Element, markup: str | None, media_type: str | None) -> ET.Element:
    """A decorative picture as a span whose background is the picture (an artifact in the PDF)."""
    source = f"data:{media_type};charset=utf-8,{quote(markup)}" if markup else element.get("src", "")
    span = ET.Element("span", {"class": "print-icon", "aria-hidden": "true",
                               "style": f"background-image: url('{source}')"})
    span.tail = element.tail
    return span


def _print_tick_box(label: ET.Element) -> None:
    """A checklist's tick box as a printed box character; the label (which holds the item's
    words, see scripts/transforms/checklists.py) becomes a plain span so the words stay where they are."""
    box = next(label.iter("input"), None)
    mark = ET.Element("span", {"class": "task-box"})
    mark.text = "\u2611 " if box is not None and box.get("checked") is not None else "\u2610 "
    head = (label.text or "").strip()
    for element in [e for e in label if e.tag == "input" or "task-list-indicator" in _classes(e)]:
        head += (element.tail or "")
        label.remove(element)
    mark.tail = head.lstrip()
    label.text = None
    label.insert(0, mark)
    label.tag, label.attrib = "span", {"class": "task-item"}


def _section_heading(element: ET.Element) -> ET.Element | None:
    """The h2 that starts a section: the element itself, or the first child of a wrapper such as
    <div class="symptom-diary"><h2>..."""
    if element.tag == "h2":
        return element
    if element.tag in ("div", "section") and len(element) and element[0].tag == "h2":
        return element[0]
    return None


def drop_link_grids(article: ET.Element) -> None:
    """Card grids of links (the home page's) repeat the booklet's contents: leave them out, and
    the headings whose section then says nothing."""
    _remove_where(article, lambda e: {"grid", "cards"} <= _classes(e))
    children = list(article)
    for index, child in enumerate(children):
        if child.tag == "h2":
            following = children[index + 1] if index + 1 < len(children) else None
            if following is None or following.tag in ("h2", "footer"):
                article.remove(child)


def title_key(title: str) -> str:
    """A section title as the settings name it: case, punctuation and spacing do not count."""
    return " ".join(re.sub(r"[^\w\s]", " ", title.lower()).split())


def section_titles(article: ET.Element) -> list[str]:
    """The titles of a page's sections (its h2s), in order."""
    return [" ".join("".join(h.itertext()).split()) for c in article if (h := _section_heading(c)) is not None]


def keep_handout_sections(article: ET.Element, titles: list[str]) -> bool:
    """Shorten a page to its handout: the introduction and care cards (everything before the first
    section), the sections named in extra.pdf.handout_sections, and the sources footer.
    Returns False (page left whole) when the page has none of those sections."""
    wanted = {title_key(t) for t in titles}
    children = list(article)
    if not any(title_key(t) in wanted for t in section_titles(article)):
        return False
    keep = True
    for child in children:
        heading = _section_heading(child)
        if heading is not None:
            keep = title_key("".join(heading.itertext())) in wanted
        elif child.tag == "footer":
            keep = True
        if not keep and SIGNOFF_CLASS not in _classes(child):  # whether a clinician checked it: always said
            article.remove(child)
    return True


def signoff_state(article: ET.Element) -> str | None:
    """"checked" or "not-checked": the page's sign-off line (scripts/transforms/signoff.py); None without one."""
    line = next((e for e in article.iter() if SIGNOFF_CLASS in _classes(e)), None)
    return line.get("data-signoff") if line is not None else None


def reviewed_date(article: ET.Element) -> str | None:
    """The page's review date (ISO), from the page-meta footer."""
    for element in article.iter():
        if "page-meta__dates" in _classes(element):
            time = next(element.iter("time"), None)
            return time.get("datetime") if time is not None else None
    return None


def address(url: str) -> str:
    """How an address is printed: without https:// and a trailing slash."""
    if url.startswith(("mailto:", "tel:")):
        return url.split(":", 1)[1]
    return re.sub(r"^https?://", "", url).rstrip("/")


def _same_text(text: str, url: str) -> bool:
    simple = lambda s: re.sub(r"^(https?://)?(www\.)?", "", s.strip().lower()).rstrip("/")
    return simple(text) == simple(url) or simple(text) == simple(address(url))


def _print_address_after(parent: ET.Element, link: ET.Element, url: str) -> None:
    """Paper cannot be clicked: show the address after the link text, unless the text is the address."""
    text = "".join(link.itertext())
    if _same_text(text, url) or (url.startswith("tel:") and address(url) in text):
        return  # the words already are the address ("Call 999")
    shown = ET.Element("span", {"class": "link-url"})
    shown.text = f" ({address(url)})"
    shown.tail, link.tail = link.tail, None
    parent.insert(list(parent).index(link) + 1, shown)


def _check_images(root: ET.Element, page_path: Path, site_dir: Path, docs_dir: str, page: str) -> None:
    """Point images at their files, and stop with the file's name (docs_dir/page) if one is missing."""
    source = f"{docs_dir}/{page}"
    for image in root.iter("img"):
        src = image.get("src", "")
        if src.startswith("data:"):
            continue
        if EXTERNAL.match(src):
            raise RenderError(f"{source}: the image {src} is not part of the site; a printout cannot load it. "
                              f"Save the image under {docs_dir}/assets/ and link to it there")
        target = (page_path.parent / unquote(urlsplit(src).path)).resolve()
        if not target.is_file():
            shown = target.relative_to(site_dir) if target.is_relative_to(site_dir) else target
            raise RenderError(f"{source}: the image '{src}' is missing (looked for {shown} in the built site); "
                              f"fix the image path or add the file under {docs_dir}/")
        image.set("src", target.as_uri())
        if target.suffix == ".svg":  # a drawing: its paper layout, at the size its text needs (drawings.py)
            try:
                fit(image, target)
            except DrawingError as error:
                raise RenderError(f"{source}: {error}; fix {docs_dir}/{target.relative_to(site_dir)}") from None


@dataclass
class LinkContext:
    """What a page's links need to know to be rewritten for one printout."""

    page: str  # the page's Markdown file
    site_dir: Path
    public_url: str  # the online site, ending with /
    in_booklet: set[str]  # built .html files that are part of this printout
    ids: set[str]  # anchors that exist in this printout (from prefix_ids)
    docs_dir: str = "docs"  # the edition's Markdown folder, for messages (docs-ru for the Russian one)


def prefix_ids(root: ET.Element, page: str) -> set[str]:
    """Make ids unique in a printout of many pages ('x' -> 'page--x'); returns the anchors it now has."""
    prefix = slug(page)
    for element in root.iter():
        if element.get("id"):
            element.set("id", f"{prefix}--{element.get('id')}")
    return {prefix} | {e.get("id") for e in root.iter() if e.get("id")}


def rewrite(root: ET.Element, context: LinkContext) -> None:
    """Make links work on paper: inside the PDF where the target is in it, else as printed addresses."""
    page_html = html_file(context.page)
    _check_images(root, context.site_dir / page_html, context.site_dir, context.docs_dir, context.page)
    for parent in list(root.iter()):
        for link in [c for c in parent if c.tag == "a" and c.get("href") is not None]:
            _rewrite_link(parent, link, context, page_html)
    # A paragraph that only points to a part of the page that a handout leaves out says nothing on paper.
    for parent in list(root.iter()):
        for child in list(parent):
            if child.tag == "p" and not (child.text or "").strip() and len(child) == 1 \
                    and "left-out" in _classes(child[0]) and not (child[0].tail or "").strip():
                _remove_keeping_tail(parent, child)


def _rewrite_link(parent: ET.Element, link: ET.Element, context: LinkContext, page_html: str) -> None:
    href = link.get("href", "")
    if EXTERNAL.match(href):
        _print_address_after(parent, link, href)
        return
    target, _, fragment = urljoin(page_html, href).partition("#")
    target = target or page_html
    inside = f"#{slug(target.removesuffix('.html'))}" + (f"--{fragment}" if fragment else "")
    if target in context.in_booklet and inside[1:] in context.ids:
        link.set("href", inside)
        if target != page_html:  # on paper: "(page 12)" after it, from pdf.css's target-counter()
            link.set("class", " ".join(sorted(_classes(link) | {"xref"})))
    elif not context.public_url:  # no real address yet (example domain): print no dead address, keep the words
        link.attrib.pop("href", None)
    elif target == page_html:  # a part of this page that a handout leaves out: its footer gives the address
        link.set("href", context.public_url + page_html + (f"#{fragment}" if fragment else ""))
        link.set("class", "left-out")
    else:  # another page of the site: print its online address
        online = context.public_url + target + (f"#{fragment}" if fragment else "")
        link.set("href", online)
        _print_address_after(parent, link, context.public_url + target)  # the page is enough to type


def serialize(element: ET.Element) -> str:
    return ET.tostring(element, encoding="unicode", method="html")


def escape(text: str) -> str:
    return html.escape(text, quote=True)
