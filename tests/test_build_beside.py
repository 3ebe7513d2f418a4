"""The checks beside the renderer (scripts/build.py render_beside_checks): two processes at once, and
a failed check still stops the build, shows only the checks' problems and leaves no process behind."""

from __future__ import annotations

import sys
import time

from conftest import process_alive
from sitecases import CASES, ROOT, make_site

from scripts import build

HANGING_RENDERER = [sys.executable, "-c", "import time; print('renderer started', flush=True); time.sleep(600)"]


def test_a_failed_check_stops_the_renderer_and_hides_its_output(tmp_path, capfd, monkeypatch):
    site = make_site(tmp_path / "site")
    next(c for c in CASES if c.name == "broken page link").change(site)
    started = []
    real_start = build._start
    monkeypatch.setattr(build, "_start", lambda *args: started.append(real_start(*args)) or started[-1])
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    begun = time.monotonic()
    code = build.render_beside_checks(site / "mkdocs.yml", site / "out", HANGING_RENDERER)
    output = capfd.readouterr()
    assert code != 0
    assert time.monotonic() - begun < 300, "the renderer was waited for although the checks had failed"
    assert "does not exist" in output.out and "renderer started" not in output.out + output.err
    assert len(started) == 2 and not any(process_alive(p.pid) for p in started), "a child process was left running"


def test_passing_checks_show_the_renderer_and_copy_the_search_words(tmp_path, capfd, monkeypatch):
    site = make_site(tmp_path / "site")
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    out = tmp_path / "out"
    (out / "assets" / "javascripts").mkdir(parents=True)
    renderer = [sys.executable, "-c", "print('rendered', flush=True)"]
    code = build.render_beside_checks(site / "mkdocs.yml", out, renderer, search_words=True)
    output = capfd.readouterr()
    assert code == 0, output.out + output.err
    assert "rendered" in output.err
    words = out / "assets" / "javascripts" / "search-words.js"
    if (site / "docs" / "_data" / "search-words.yml").exists():
        assert words.is_file() and "__searchWords" in words.read_text(encoding="utf-8")


def test_the_hook_leaves_the_checks_out_only_for_the_build_that_runs_them(tmp_path, monkeypatch):
    """CHECKS_BESIDE names one configuration: any other build (or none set) still checks in its hook."""
    from types import SimpleNamespace

    import pytest
    from mkdocs.exceptions import PluginError

    from scripts import hook

    site = make_site(tmp_path / "site")
    next(c for c in CASES if c.name == "broken page link").change(site)
    config = SimpleNamespace(config_file_path=str(site / "mkdocs.yml"))
    monkeypatch.chdir(site)
    monkeypatch.delenv(build.CHECKS_BESIDE, raising=False)
    with pytest.raises(PluginError):
        hook.on_pre_build(config)
    monkeypatch.setenv(build.CHECKS_BESIDE, str(tmp_path / "other" / "mkdocs.yml"))
    with pytest.raises(PluginError):
        hook.on_pre_build(config)
    monkeypatch.setenv(build.CHECKS_BESIDE, str((site / "mkdocs.yml").resolve()))
    assert hook.on_pre_build(config) is None
