"""MkDocs events of the waiting-room kiosk build: scripts/hook.py calls them when the config has
`extra.kiosk` (mkdocs-kiosk.yml); they are not listed under `hooks:` themselves.

Connects MkDocs' events to scripts/kiosk/qr.py: language and topic tiles on the home page, the "Take
this page home" QR code (none while the public address is an example one), the note that ticks are not
kept, and QR cards for every link that leaves the site, in the edition's words (extra.words). No logic
of its own.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from scripts.kiosk import qr as kiosk_qr
from scripts.model.tiers import ENGLISH, with_words
from scripts.transforms import signs


def _settings(config: MkDocsConfig) -> dict:
    # Validated against the one settings schema (scripts/model/settings.py) by the checks that
    # scripts/hook.py runs in on_pre_build, before any page is rendered.
    return config.extra.get("kiosk") or {}


def _word(config: MkDocsConfig, name: str) -> str:
    """The edition's words (extra.words.NAME), English when not set (the settings check reports that)."""
    value = (config.extra.get("words") or {}).get(name)
    return value if isinstance(value, str) else ENGLISH[name]


def _languages(config: MkDocsConfig, home_url: str) -> list[tuple[str, str, str, bool]]:
    """This edition and the other one (extra.edition.switch: "ru/" from the English kiosk, "../" from the
    Russian one in site-kiosk/ru/), English first; none without another edition."""
    edition = config.extra.get("edition") or {}
    if not edition.get("switch") or not edition.get("switch_name"):
        return []
    this = (_word(config, "language_name"), str(edition.get("language", "en")), home_url, True)
    other = (str(edition["switch_name"]), str(edition.get("switch_language", "")), str(edition["switch"]) + home_url, False)
    return [other, this] if edition.get("translates") else [this, other]


def _clinic(config: MkDocsConfig) -> dict:
    """extra.clinic with the edition's words, as the emergency line (signs.emergency_strip) reads them."""
    return with_words(config.extra.get("clinic") or {}, config.extra.get("words") or {})


KIOSK_CSS = "assets/stylesheets/kiosk.css"
KIOSK_JS = "assets/javascripts/kiosk.js"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # Added here rather than listed in mkdocs-kiosk.yml: INHERIT replaces lists, so a kiosk list
    # would silently drop every stylesheet or script added to mkdocs.yml later.
    if KIOSK_CSS not in config.extra_css:
        config.extra_css.append(KIOSK_CSS)
    if KIOSK_JS not in [str(script) for script in config.extra_javascript]:
        config.extra_javascript.append(KIOSK_JS)
    return config


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    settings = _settings(config)
    # None while public_url is an example address: the partial then says to ask the staff instead.
    address = kiosk_qr.public_address(settings.get("public_url") or "", page.url)
    context["kiosk_page_address"] = address
    label = _word(config, "kiosk_qr_page").replace("{address}", address or "")
    context["kiosk_page_qr"] = kiosk_qr.qr_svg(address, label) if address else ""
    page.content = kiosk_qr.add_ticks_note(page.content or "", kiosk_qr.ticks_note(_word(config, "kiosk_ticks_note")))
    if page.is_homepage:
        topics = [(other.url, other.title, (other.meta or {}).get("description", ""))
                  for other in nav.pages if not other.is_homepage]
        urgent = next((other.url for other in nav.pages if other.file.src_uri == signs.FULL_LIST_PAGE), "")
        # Links relative to the home page, which sits at the site's root.
        strip = kiosk_qr.emergency_line(signs.emergency_strip(_clinic(config)))
        # On the first screen, under the emergency line: the languages, then the topics.
        languages = _languages(config, page.url or "index.html")
        tiles = kiosk_qr.language_tiles(languages, _word(config, "kiosk_languages")) if languages else ""
        tiles += kiosk_qr.topic_tiles(topics, urgent, _word(config, "kiosk_topics"))
        page.content = kiosk_qr.insert_after_h1(page.content, strip + tiles)
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    output = kiosk_qr.add_to_attract_screen(output, signs.emergency_strip(_clinic(config)))
    return kiosk_qr.external_links_to_qr(output, _word(config, "kiosk_qr_link"))


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    # 404.html is rendered as a theme template, not a page, and has Material's footer link too.
    return (kiosk_qr.external_links_to_qr(output_content, _word(config, "kiosk_qr_link"))
            if template_name.endswith(".html") else output_content)
