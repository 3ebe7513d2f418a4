"""`make preview` (`mkdocs serve --strict --dirty`, scripts/preview.py): MkDocs' own warning about a
dirty rebuild does not stop it, every other warning still does, and templates kept between rebuilds
are compiled again when they change."""

from __future__ import annotations

import logging

import jinja2
from mkdocs import utils

from scripts import preview


def _counted(message: str, logger_name: str = "mkdocs.commands.build") -> list:
    counter = utils.CountHandler()
    counter.setLevel(logging.WARNING)
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(counter)
    try:
        logging.getLogger(logger_name).warning(message)
    finally:
        mkdocs_log.removeHandler(counter)
    return counter.get_counts()


def test_the_dirty_build_warning_is_information_and_other_warnings_still_count():
    dirty = "A 'dirty' build is being performed, this will likely lead to inaccurate navigation"
    assert _counted(dirty), "without the filter MkDocs counts it (strict mode would stop)"
    preview.expect_dirty_builds()
    preview.expect_dirty_builds()  # once per process, however often MkDocs calls on_startup
    build_log = logging.getLogger("mkdocs.commands.build")
    try:
        assert sum(isinstance(f, preview.DirtyBuildIsExpected) for f in build_log.filters) == 1
        assert _counted(dirty) == []
        assert _counted("Doc file 'a.md' contains a link 'b.md', but the target is not found") == [("WARNING", 1)]
        assert _counted(dirty, "mkdocs.plugins") == [("WARNING", 1)], "only MkDocs' own build announcement is let through"
    finally:
        for f in [f for f in build_log.filters if isinstance(f, preview.DirtyBuildIsExpected)]:
            build_log.removeFilter(f)


def test_kept_templates_are_compiled_again_when_edited(tmp_path):
    template = tmp_path / "page.html"
    template.write_text("one {{ x }}", encoding="utf-8")
    cache = preview.TemplateCache()

    def render() -> str:  # a new environment each time, as MkDocs makes for every rebuild
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path)), bytecode_cache=cache)
        return env.get_template("page.html").render(x=1)

    assert render() == "one 1"
    assert len(cache._compiled) == 1
    assert render() == "one 1"
    template.write_text("two {{ x }}", encoding="utf-8")
    assert render() == "two 1"


def test_make_preview_serves_an_edit_and_stays_strict(tmp_path):
    """The Makefile's preview command, end to end: it starts, a saved edit is served (rendered again
    without a full rebuild), and --strict has not stopped it on MkDocs' dirty-build warning."""
    import os
    import re
    import signal
    import subprocess
    import sys
    import time
    import urllib.error
    import urllib.request

    from conftest import ROOT, copy_project
    from test_commands import LIMIT, free_port

    recipe = re.search(r"^preview:.*\n\t(.+)$", (ROOT / "Makefile").read_text(encoding="utf-8"), re.MULTILINE).group(1)
    assert "mkdocs serve --strict --dirty" in recipe
    project = copy_project(tmp_path / "project")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | {"NO_MKDOCS_2_WARNING": "1"}
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--strict", "--dirty", "-a", f"127.0.0.1:{port}"],
                               cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               start_new_session=True)

    def served(marker: str | None = None) -> bool:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/neck.html", timeout=10) as response:
                return marker is None or marker in response.read().decode("utf-8")
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return False

    def wait_for(marker: str | None) -> bool:
        deadline = time.monotonic() + LIMIT
        while time.monotonic() < deadline and process.poll() is None:
            if served(marker):
                return True
            time.sleep(0.2)  # polling interval, not a limit
        return False

    try:
        assert wait_for(None), "the preview served nothing"
        page = project / "docs" / "neck.md"
        page.write_text(page.read_text(encoding="utf-8") + "\n\nPreview edit marker 1234.\n", encoding="utf-8")
        assert wait_for("Preview edit marker 1234."), "the saved edit was not served"
        assert process.poll() is None, "the preview stopped"
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            output = process.communicate(timeout=60)[0]
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            output = process.communicate()[0]
    assert "Aborted" not in output, output[-3000:]
