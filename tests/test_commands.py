"""The commands every MkDocs user types work from the project root with the environment active
(issue 18): `mkdocs build --strict`, `mkdocs serve`, `zensical build`, `zensical serve`. The Makefile
puts the project folder on each environment's import path (a .pth file), so the console scripts find
`scripts.transforms` and the hook without `python -m`."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import ROOT, copy_project, run_bounded

BIN = {"mkdocs": ROOT / ".venv" / "bin", "zensical": ROOT / ".venv-zensical" / "bin"}
LIMIT = 600  # seconds: a build takes seconds, but CI's machine may be busy


def active_env(tool: str) -> dict:
    """The environment a user has after `source .venv/bin/activate`: its bin first on PATH, no PYTHONPATH."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return env | {"PATH": f"{BIN[tool]}:{env.get('PATH', '')}", "VIRTUAL_ENV": str(BIN[tool].parent), "NO_MKDOCS_2_WARNING": "1"}


def console(tool: str) -> Path:
    script = BIN[tool] / tool
    if not script.exists():
        pytest.fail(f"{script} is missing: run `make test`, which installs both environments")
    return script


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return copy_project(tmp_path_factory.mktemp("commands") / "project")


def run(command: list, cwd: Path, env: dict) -> subprocess.CompletedProcess:
    return run_bounded(command, cwd, env, LIMIT)


@pytest.mark.parametrize("tool", ["mkdocs", "zensical"])
def test_plain_build_command_works_from_the_project_root(project, tool):
    site = project / "site"
    command = [str(console(tool)), "build", "--strict"] + (["--clean"] if tool == "zensical" else [])
    done = run(command, project, active_env(tool))
    assert done.returncode == 0, done.stdout[-4000:]
    assert "No module named 'scripts'" not in done.stdout
    home = (site / "index.html").read_text(encoding="utf-8")
    # The page transforms ran: no raw marks reach the reader, and the emergency number is filled in.
    assert "{{" not in home and "[[" not in home
    assert "tel:999" in home


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize("tool", ["mkdocs", "zensical"])
def test_plain_serve_command_serves_the_site(project, tool):
    port = free_port()
    command = [str(console(tool)), "serve", "-a", f"127.0.0.1:{port}"]
    process = subprocess.Popen(command, cwd=project, env=active_env(tool), stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + LIMIT
        body = None
        while time.monotonic() < deadline and process.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as response:
                    body = response.read().decode("utf-8")
                    break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.5)  # polling interval while the server starts, not a limit
        if body is None:
            os.killpg(process.pid, signal.SIGKILL)
            output = process.communicate(timeout=60)[0]
            pytest.fail(f"`{tool} serve` served nothing (exit {process.returncode}):\n{output[-4000:]}")
        assert "{{" not in body and "tel:999" in body
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.communicate(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.communicate()


def test_failed_zensical_build_leaves_the_last_good_site(project):
    """`make build-zensical` (scripts.build --renderer zensical): a failed build swaps nothing in."""
    from scripts import build

    command = [str(ROOT / ".venv" / "bin" / "python"), "-m", "scripts.build", "--renderer", "zensical", "-f", "mkdocs-zensical.yml"]
    env = active_env("mkdocs") | {"PYTHONPATH": str(ROOT), "ZENSICAL_PYTHON": str(build.ZENSICAL_PYTHON)}
    assert build.ZENSICAL_PYTHON.exists(), "make test creates .venv-zensical"
    first = run(command, project, env)
    assert first.returncode == 0, first.stdout[-4000:]
    good = (project / "site-zensical" / "index.html").read_text(encoding="utf-8")
    page = project / "docs" / "neck.md"
    original = page.read_text(encoding="utf-8")
    try:
        page.write_text(original + "\n{{ act: no-such-sign }}\n", encoding="utf-8")
        second = run(command, project, env)
        assert second.returncode != 0
        assert "neck.md" in second.stdout and "no-such-sign" in second.stdout
        assert (project / "site-zensical" / "index.html").read_text(encoding="utf-8") == good
        assert not list(project.glob(".site-zensical-build-*")) and not list(project.glob(".*.yml"))
    finally:
        page.write_text(original, encoding="utf-8")


def test_zensical_into_a_folder_outside_the_project_is_refused_with_a_fix(project, tmp_path):
    """Zensical writes only inside the project: said in one line, with the fix, before any work."""
    command = [str(ROOT / ".venv" / "bin" / "python"), "-m", "scripts.build", "--renderer", "zensical",
               "-f", "mkdocs-zensical.yml", "-d", str(tmp_path / "elsewhere")]
    from scripts import build

    result = run(command, project, active_env("mkdocs") | {"PYTHONPATH": str(ROOT), "ZENSICAL_PYTHON": str(build.ZENSICAL_PYTHON)})
    assert result.returncode == 2, result.stdout[-3000:]
    assert "mkdocs-zensical.yml:1: Zensical builds only into a folder inside the project" in result.stdout
    assert "Traceback" not in result.stdout and not (tmp_path / "elsewhere").exists()
