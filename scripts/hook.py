"""MkDocs hook: runs the content checks before anything renders. No page logic of its own.

In a kiosk config (one with `extra.kiosk`, such as mkdocs-kiosk.yml) it also hands MkDocs' events
to scripts/kiosk/hook.py. That is why mkdocs-kiosk.yml needs no `hooks:` list of its own: INHERIT
replaces lists, so a kiosk list would have to repeat this file and drop any hook added here later.

The pages are transformed by the Markdown extension `scripts.transforms` (listed under
`markdown_extensions`), which Zensical runs too. Another renderer runs the same checks with
`python -m scripts.check`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # so `scripts.*` imports work

from scripts import preview, siteconfig
from scripts.build import CHECKS_BESIDE
from scripts.problems import ERROR, summary
from scripts.transforms import NAME as TRANSFORMS

# Imported where used: the checks (a fifth of a second of imports) are not needed when scripts.build
# runs them beside this build, nor the kiosk's hook (QR codes) outside a kiosk config.

log = get_plugin_logger("content-checks")


def on_startup(command: str, dirty: bool) -> None:
    """`make preview` (serve --dirty): see scripts/preview.py."""
    if command == "serve" and dirty:
        preview.expect_dirty_builds()


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Compiled templates outlive a rebuild of the preview (scripts/preview.py)."""
    env.bytecode_cache = preview.TEMPLATES
    return env


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Point the page transforms at the config being built, so a kiosk config (which INHERITs
    mkdocs.yml) gets kiosk mode and its own clinic settings."""
    if TRANSFORMS not in config.markdown_extensions:
        raise PluginError(f"{config.config_file_path}: markdown_extensions lacks '{TRANSFORMS}', so pages would show "
                          f"raw {{{{ }}}} and [[ ]]; add '- {TRANSFORMS}' under markdown_extensions")
    config.mdx_configs.setdefault(TRANSFORMS, {})["config_file"] = config.config_file_path
    return _kiosk().on_config(config) if _is_kiosk(config) else config


def on_pre_build(config: MkDocsConfig) -> None:
    """Check all content before anything is rendered; stop the build on any error. Not when
    scripts.build runs the same checks beside this build (it then throws the pages away on any error)."""
    if os.environ.get(CHECKS_BESIDE) == str(Path(config.config_file_path).resolve()):
        log.debug("content checks: run beside this build by scripts.build")
        return
    from scripts import check

    result = check.run(siteconfig.load(Path(config.config_file_path)))
    for note in result.notes:  # e.g. the public address is still an example: said on every build, never counted
        log.info(str(note))
    for problem in result.problems:
        (log.error if problem.severity == ERROR else log.warning)(str(problem))
    if result.errors:
        raise PluginError(f"{summary(result.problems)} The site was not built. Fix the problems listed above.")


def _is_kiosk(config: MkDocsConfig) -> bool:
    return bool(config.extra.get("kiosk"))


def _kiosk():
    from scripts.kiosk import hook

    return hook


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    return _kiosk().on_page_context(context, page, config, nav) if _is_kiosk(config) else context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _kiosk().on_post_page(output, page, config) if _is_kiosk(config) else output


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return _kiosk().on_post_template(output_content, template_name, config) if _is_kiosk(config) else output_content
