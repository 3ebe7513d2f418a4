"""Shared fixtures: the real site built once, a loopback web server, and Debian's Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import signal
import socketserver
import subprocess
import threading
from pathlib import Path

import pytest

from scripts.chromium import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once per test run with the same command as `make build`."""
    from scripts.build import build

    site = tmp_path_factory.mktemp("built") / "site"
    assert build(ROOT / "mkdocs.yml", site) == 0, "the real site does not build"
    return site


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output readable
        pass


def serve(directory: Path):
    """Serve a folder on 127.0.0.1 (a free port) in a thread; returns (base_url, server)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


@pytest.fixture(scope="session")
def site_url(built_site):
    url, server = serve(built_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is not installed: run `make test`, which installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


def copy_project(dest: Path) -> Path:
    """A throwaway copy of the project's sources (no venv, no site) for tests that break things."""
    ignore = shutil.ignore_patterns(".venv", ".venv-*", "site", "site-*", ".site-*", ".git", "__pycache__", ".pytest_cache", "node_modules")
    shutil.copytree(ROOT, dest, ignore=ignore)
    return dest


os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def process_alive(pid: int) -> bool:
    """Whether a process with this id still exists (a child left running after a test's clean-up)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


BUILD_TIMEOUT = 600  # seconds; builds take seconds, but CI's machine may be busy


def run_bounded(command: list, cwd: Path, env: dict | None = None, limit: int = BUILD_TIMEOUT,
                separate_stderr: bool = False) -> subprocess.CompletedProcess:
    """Run a command in its own process group; end the whole group if it outlives `limit`.
    Without `env`: this environment less PYTHONPATH (the renderers find `scripts` as `make` does).
    Its output is in stdout, stderr included unless separate_stderr."""
    if env is None:
        env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"} | {"NO_MKDOCS_2_WARNING": "1"}
    stderr = subprocess.PIPE if separate_stderr else subprocess.STDOUT
    with subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=stderr, text=True,
                          start_new_session=True) as process:
        try:
            output, errors = process.communicate(timeout=limit)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            output, errors = process.communicate()
            pytest.fail(f"{' '.join(map(str, command))} did not finish within {limit} s:\n{output[-3000:]}{(errors or '')[-3000:]}")
    return subprocess.CompletedProcess(command, process.returncode, output, errors or "")
