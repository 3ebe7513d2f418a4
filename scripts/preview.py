"""What keeps `make preview` (`mkdocs serve --strict --dirty`) quick: only the saved page is rendered
again, and what MkDocs would redo on every save without need is kept for the life of the server.

The hook (scripts/hook.py) is executed again on every rebuild, so what must outlive a rebuild lives
here, in a module imported once per process.
"""

from __future__ import annotations

import logging

import jinja2

DIRTY_WARNING = "A 'dirty' build is being performed"


class DirtyBuildIsExpected(logging.Filter):
    """MkDocs announces every `--dirty` rebuild with a warning, on which --strict would stop. The preview
    chooses it on purpose, so it is shown as information: every other warning still counts."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno == logging.WARNING and record.getMessage().startswith(DIRTY_WARNING):
            record.levelno, record.levelname = logging.INFO, "INFO"
        return True


def expect_dirty_builds() -> None:
    build_log = logging.getLogger("mkdocs.commands.build")
    if not any(isinstance(f, DirtyBuildIsExpected) for f in build_log.filters):
        build_log.addFilter(DirtyBuildIsExpected())


class TemplateCache(jinja2.BytecodeCache):
    """The theme's compiled templates, kept between rebuilds: MkDocs makes a new Jinja environment for
    every build and would compile the same templates again (half a second a save here). Jinja stores
    each template's checksum with it, so an edited template (overrides/) is compiled afresh."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._compiled:
            bucket.bytecode_from_string(self._compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


TEMPLATES = TemplateCache()
