"""Sites for the benchmark: a stock Material config of our docs/, generated large sites, timed builds.

Used by bench/run.py. Everything is written to temporary folders; nothing in the project changes.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scripts.build import mkdocs_build

ROOT = Path(__file__).resolve().parent.parent
HOOK_NAME = "scripts/hook.py"  # as registered under `hooks:` in mkdocs.yml


def top_level_blocks(config_text: str) -> dict[str, str]:
    """mkdocs.yml split into its top-level keys, as text: keeps the !!python/name tags as they are."""
    blocks: dict[str, str] = {}
    key = None
    for line in config_text.splitlines(keepends=True):
        match = re.match(r"([A-Za-z_]+):", line)
        if match:
            key = match.group(1)
            blocks[key] = ""
        if key:
            blocks[key] += line
    return blocks


def write_stock_config(work: Path, project: Path = ROOT) -> Path:
    """Stock Material over the same docs/ and nav: no hook, no extra CSS/JS, no overrides, no plugins
    beyond the default search. The Markdown extensions stay (the pages need them to parse); [[term]]
    markup then stays as plain text."""
    blocks = top_level_blocks((project / "mkdocs.yml").read_text(encoding="utf-8"))
    docs = (project / "docs").resolve()
    extensions = blocks["markdown_extensions"].replace("[docs/_snippets]", f"[{docs / '_snippets'}]")
    extensions = re.sub(r"(?m)^  - scripts\.transforms:?\n(?:    .*\n)*", "", extensions)  # our page transforms: not stock
    text = "".join([
        blocks["site_name"],
        f"docs_dir: {docs}\n",
        blocks.get("use_directory_urls", ""),
        blocks.get("exclude_docs", ""),
        "theme:\n  name: material\n",
        blocks["nav"],
        extensions,
    ])
    config = work / "stock.yml"
    config.write_text(text, encoding="utf-8")
    return config


def make_scaled_project(work: Path, pages: int, project: Path = ROOT) -> Path:
    """A copy of the project whose site has `pages` pages: the real ones plus renamed copies of the
    content pages (same folder, so their links still resolve), all in the nav. Returns its mkdocs.yml."""
    dest = work / f"project-{pages}"
    for part in ("docs", "overrides", "scripts"):
        shutil.copytree(project / part, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
    docs = dest / "docs"
    originals = sorted(p for p in docs.glob("*.md") if p.name not in ("index.md", "glossary.md"))
    extra = max(0, pages - len(list(docs.glob("*.md"))))
    nav_lines = []
    for number in range(extra):
        source = originals[number % len(originals)]
        name = f"copy-{number + 1:04d}-{source.name}"
        shutil.copyfile(source, docs / name)
        nav_lines.append(f"      - 'Copy {number + 1}': {name}\n")
    blocks = top_level_blocks((project / "mkdocs.yml").read_text(encoding="utf-8"))
    if nav_lines:
        blocks["nav"] = blocks["nav"].rstrip("\n") + "\n  - Copies:\n" + "".join(nav_lines)
    (dest / "mkdocs.yml").write_text("".join(blocks.values()), encoding="utf-8")
    return dest / "mkdocs.yml"


@contextlib.contextmanager
def quiet():
    """Silence MkDocs' log lines (also those of child processes) while timing."""
    sys.stdout.flush()
    sys.stderr.flush()
    saved = os.dup(1), os.dup(2)
    with open(os.devnull, "w") as devnull:
        os.dup2(devnull.fileno(), 1)
        os.dup2(devnull.fileno(), 2)
        try:
            yield
        finally:
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            os.close(saved[0])
            os.close(saved[1])


def build_site(config_file: Path, out_dir: Path, strict: bool = True) -> None:
    """One quiet `mkdocs build` in a child process; ours goes through scripts.build.mkdocs_build (strict).
    Stock is built without --strict: its warnings (e.g. our pages' raw HTML) do not change its speed."""
    with quiet():
        if strict:
            code = mkdocs_build(config_file, out_dir)
        else:
            command = [sys.executable, "-m", "mkdocs", "build", "-f", str(config_file), "-d", str(out_dir)]
            code = subprocess.run(command, check=False, cwd=config_file.parent,
                                  env=dict(os.environ, NO_MKDOCS_2_WARNING="1")).returncode
    if code:
        raise RuntimeError(f"building {config_file} failed; run `mkdocs build -f {config_file}` to see why")


def time_cli_build(config_file: Path, strict: bool = True) -> float:
    """Seconds for one build_site() into a throwaway folder."""
    with tempfile.TemporaryDirectory(prefix="bench-build-") as out:
        start = time.perf_counter()
        build_site(config_file, Path(out) / "site", strict)
        return time.perf_counter() - start


def time_build_and_hook(config_file: Path, strict: bool = True) -> tuple[float, float, int]:
    """One in-process build with the hook's event functions timed: (build s, hook s, pages)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    hook_seconds = [0.0]

    def timed(method):
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return method(*args, **kwargs)
            finally:
                hook_seconds[0] += time.perf_counter() - start
        return wrapper

    with tempfile.TemporaryDirectory(prefix="bench-hook-") as out, quiet(), contextlib.chdir(config_file.parent):
        config = load_config(str(config_file), site_dir=str(Path(out) / "site"), strict=strict)
        plugins = config.plugins
        for methods in plugins.events.values():
            for index, method in enumerate(methods):
                if plugins._event_origins.get(method) == HOOK_NAME:
                    methods[index] = timed(method)
        start = time.perf_counter()
        build(config)
        total = time.perf_counter() - start
        pages = len(list((Path(out) / "site").rglob("*.html")))
    return total, hook_seconds[0], pages
