"""MkDocs hook for the waiting-room kiosk build only (listed under `hooks:` in mkdocs-kiosk.yml).

Connects MkDocs' events to scripts/kiosk/qr.py: topic tiles on the home page, the "Take this page
home" QR code, and QR cards for every link that leaves the site. No logic of its own.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # so `scripts.*` imports work

from scripts.kiosk import qr as kiosk_qr

REQUIRED = ("public_url", "idle_seconds", "warning_seconds", "attract_seconds", "language")


def _settings(config: MkDocsConfig) -> dict:
    settings = config.extra.get("kiosk")
    if not isinstance(settings, dict):
        raise PluginError(f"{config.config_file_path}: extra.kiosk is missing; the kiosk hook needs the kiosk settings")
    missing = [key for key in REQUIRED if key not in settings]
    if missing:
        raise PluginError(f"{config.config_file_path}: extra.kiosk lacks {', '.join(missing)}; add them (see mkdocs-kiosk.yml)")
    for key in ("idle_seconds", "warning_seconds", "attract_seconds"):
        if not isinstance(settings[key], int) or settings[key] < 1:
            raise PluginError(f"{config.config_file_path}: extra.kiosk.{key} must be a whole number of seconds above 0")
    return settings


KIOSK_CSS = "assets/stylesheets/kiosk.css"
KIOSK_JS = "assets/javascripts/kiosk.js"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _settings(config)  # fail early, with the file name, on bad kiosk settings
    # Added here rather than listed in mkdocs-kiosk.yml: INHERIT replaces lists, so a kiosk list
    # would silently drop every stylesheet or script added to mkdocs.yml later.
    if KIOSK_CSS not in config.extra_css:
        config.extra_css.append(KIOSK_CSS)
    if KIOSK_JS not in [str(script) for script in config.extra_javascript]:
        config.extra_javascript.append(KIOSK_JS)
    return config


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    settings = _settings(config)
    address = kiosk_qr.public_address(settings["public_url"], page.url)
    context["kiosk_page_address"] = address
    context["kiosk_page_qr"] = kiosk_qr.qr_svg(address, f"QR code for this page: {address}")
    if page.is_homepage:
        topics = [(other.url, other.title, (other.meta or {}).get("description", ""))
                  for other in nav.pages if not other.is_homepage]
        # Links relative to the home page, which sits at the site's root.
        page.content = kiosk_qr.insert_after_h1(page.content or "", kiosk_qr.topic_tiles(topics))
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return kiosk_qr.external_links_to_qr(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    # 404.html is rendered as a theme template, not a page, and has Material's footer link too.
    return kiosk_qr.external_links_to_qr(output_content) if template_name.endswith(".html") else output_content
