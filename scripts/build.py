"""Build the site the one way the README, Makefile and CI use: strict, all checks, never half-written.

`python -m scripts.build [-f mkdocs.yml] [-d site]` builds into a temporary folder beside the
target and swaps it in only when everything succeeded, so a failed build leaves the previous
good site untouched. Never add --quiet: it hides the warnings that --strict counts.
`--renderer zensical` does the same with Zensical (in .venv-zensical), with the checks, which
Zensical cannot run itself (it runs no MkDocs hooks).

The checks run in a process of their own beside the renderer (render_beside_checks): on two cores
a build takes about as long as the renderer alone, and a failed check still stops it with the same
FILE:LINE problems and the same untouched site. A plain `mkdocs build` runs them in the hook first.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import IO

# Set (to the config's resolved path) for a renderer whose checks this build runs beside it:
# the hook (scripts/hook.py) then leaves them out instead of running them a second time.
CHECKS_BESIDE = "CONTENT_CHECKS_BESIDE"


def mkdocs_command(config_file: Path, out_dir: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config_file), "--site-dir", str(out_dir)]


def mkdocs_build(config_file: Path, out_dir: Path) -> int:
    """A plain strict `mkdocs build`, the checks run by the hook before any page."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    config_file = config_file.resolve()
    # From the config's folder: pymdownx.snippets resolves base_path against the working directory.
    return subprocess.run(mkdocs_command(config_file, out_dir), check=False, env=env, cwd=config_file.parent).returncode


# ------------------------------------------------------------------ the checks beside the renderer

def _start(command: list[str], cwd: Path, env: dict, log: IO[str]) -> subprocess.Popen:
    """A child in its own process group, its output kept in a file until we know whether to show it."""
    return subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)


def _stop(process: subprocess.Popen) -> None:
    """End the child's whole process group (MkDocs or Zensical and anything they started)."""
    if process.poll() is not None:
        return
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, sig)
            process.wait(timeout=10)
            return
        except ProcessLookupError:
            return
        except subprocess.TimeoutExpired:
            continue


def _show(log: IO[str], stream: IO[str]) -> None:
    log.seek(0)
    stream.write(log.read())
    stream.flush()


def render_beside_checks(config_file: Path, out_dir: Path, render: list[str], search_words: bool = False) -> int:
    """Run the content checks and the renderer at the same time, on two cores, instead of one after
    the other. The renderer writes only into out_dir, a throwaway folder (build() swaps it in only
    when everything succeeded), and its output is held back: when the checks fail it is stopped and
    only the checks' FILE:LINE problems are shown, exactly as when the hook stops a build. With
    search_words, the checks' process also writes the search box's words (it has worked them out for
    the search-words check already); they are copied into the built site afterwards."""
    config_file = config_file.resolve()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    with (tempfile.TemporaryDirectory(prefix=".checks-") as scratch,
          tempfile.TemporaryFile(mode="w+", encoding="utf-8") as checks_log,
          tempfile.TemporaryFile(mode="w+", encoding="utf-8") as render_log):
        words = Path(scratch) / "words"
        checks_command = [sys.executable, "-m", "scripts.build", "--checks-only", "-f", str(config_file)]
        checks_command += ["--search-words-to", str(words)] if search_words else []
        checks = _start(checks_command, config_file.parent, env, checks_log)
        renderer = _start(render, config_file.parent, dict(env, **{CHECKS_BESIDE: str(config_file)}), render_log)
        try:
            code = checks.wait()
            _show(checks_log, sys.stdout)
            if code:
                return code  # the renderer is stopped below, its output never shown
            code = renderer.wait()
            _show(render_log, sys.stderr)
        finally:  # Ctrl+C, or any error here: leave no child running
            _stop(checks)
            _stop(renderer)
        copied = words / search_words_output()
        target = out_dir / search_words_output()
        if not code and search_words and copied.is_file() and target.parent.is_dir():
            shutil.copyfile(copied, target)
        return code


def search_words_output() -> str:
    from scripts import search_words

    return search_words.OUTPUT


def checks_only(config_file: Path, search_words_to: Path | None) -> int:
    """The child process of render_beside_checks: `python -m scripts.check --strict`, then the search
    box's words for this edition into search_words_to/assets/javascripts/ (reusing the check's work)."""
    from scripts import check, search_words

    code = check.main(["--strict", "--config-file", str(config_file)])
    if code or search_words_to is None:
        return code
    (search_words_to / search_words.OUTPUT).parent.mkdir(parents=True, exist_ok=True)
    return search_words.step(config_file, search_words_to)


def readable_config(config_file: Path) -> bool:
    """Whether the configuration can be read at all; if not, its FILE:LINE problem is printed (before
    anything starts that would read it and stop with a traceback)."""
    from scripts import siteconfig

    try:
        siteconfig.load(config_file)  # quick; the content model's reader (slower to import) says what is wrong
        return True
    except Exception:
        from scripts.model import content

        config, problems = content.read_config(config_file)
        for problem in problems:
            print(problem, file=sys.stderr)
        if config is not None:
            raise
        return False


# Zensical's own environment in this checkout (`make build-zensical` creates it); ZENSICAL_PYTHON names another.
ZENSICAL_PYTHON = Path(os.environ.get("ZENSICAL_PYTHON") or Path(__file__).resolve().parent.parent / ".venv-zensical" / "bin" / "python")


def zensical_build(config_file: Path, out_dir: Path) -> int:
    """The checks (which Zensical cannot run itself), and beside them Zensical. Zensical has no option
    for the output folder: a throwaway config beside the real one names it."""
    config_file = config_file.resolve()
    if not readable_config(config_file):
        return 2
    if not ZENSICAL_PYTHON.exists():
        print(f"{ZENSICAL_PYTHON}: Zensical is not installed; run `make build-zensical`, which installs it", file=sys.stderr)
        return 2
    # The configuration with INHERIT already resolved (siteconfig.flat): Zensical's own INHERIT appends
    # lists, so a translation's nav and words would come after the English ones.
    from scripts import siteconfig

    temporary = config_file.with_name(f".{out_dir.parent.name}-{out_dir.name}.yml")
    temporary.write_text(siteconfig.flat(config_file, site_dir=str(out_dir)), encoding="utf-8")
    try:
        return render_beside_checks(config_file, out_dir, [str(ZENSICAL_PYTHON), "-m", "zensical", "build", "--clean", "--strict", "-f", str(temporary)])
    finally:
        temporary.unlink(missing_ok=True)


def swap_in(new_dir: Path, site_dir: Path) -> None:
    """Replace site_dir with new_dir using renames, so readers never see a partial site."""
    old_dir = site_dir.with_name(site_dir.name + ".old")
    shutil.rmtree(old_dir, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old_dir)
    new_dir.rename(site_dir)
    shutil.rmtree(old_dir, ignore_errors=True)


def default_steps(paper: str | None = None) -> list:
    """What a full build makes besides the pages: the PDF booklet and handouts (skipped for the kiosk)."""
    from scripts.pdf import render as pdf

    return [pdf.step(paper)]


def translation_of(config_file: Path) -> tuple[Path, str] | None:
    """The translated edition built inside this one: (its config, its folder), from extra.edition
    (translation: mkdocs.ru.yml, switch: "ru/"); None when there is none."""
    from scripts import siteconfig

    edition = siteconfig.extra_section(siteconfig.load(config_file), "edition")
    name, folder = edition.get("translation"), str(edition.get("switch") or "").strip("/")
    if not name or not folder or folder.startswith("."):
        return None
    return Path(config_file).resolve().parent / str(name), folder


def render(config_file: Path, out_dir: Path, renderer: str) -> int:
    """One edition's pages into out_dir, its checks run beside the renderer; with MkDocs also the search
    box's patient words, always fresh from the glossary and pages."""
    if renderer == "zensical":
        return zensical_build(config_file, out_dir)
    config_file = config_file.resolve()
    return render_beside_checks(config_file, out_dir, mkdocs_command(config_file, out_dir), search_words=True)


def build(config_file: Path, site_dir: Path, steps: list | None = None, renderer: str = "mkdocs") -> int:
    """Build to a temporary folder, run the extra steps on it (default: the PDFs), then swap it in.

    The translated edition's pages (extra.edition) are built inside this one (site/ru/) first; then
    each step runs once for both editions, as step(config_file, out_dir, (its config, its folder)),
    so the PDFs of both are made by one set of workers."""
    steps = default_steps() if steps is None else steps
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-build-", dir=site_dir.parent))
    out_dir = work / "site"
    try:
        code = render(config_file, out_dir, renderer)
        translated = translation_of(config_file) if not code else None
        more = [(translated[0], out_dir / translated[1])] if translated else []
        if more:
            code = render(*more[0], renderer)
        for step in steps:
            if code:
                break
            code = step(config_file, out_dir, *more)
        if code:
            print(f"\nBuild failed: {site_dir.name}/ was left as it was (the last good build).", file=sys.stderr)
            return code
        swap_in(out_dir, site_dir)
        print(f"Built {site_dir}")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", type=Path)
    parser.add_argument("-d", "--site-dir", default=None, type=Path, help="default: site_dir from the config")
    parser.add_argument("--no-pdf", action="store_true",
                        help="skip the PDF booklet and handouts: faster for editors, but their download links will not work")
    parser.add_argument("--renderer", choices=["mkdocs", "zensical"], default="mkdocs",
                        help="zensical: run the checks, then build with Zensical (no PDFs)")
    parser.add_argument("--paper", choices=["A4", "a4", "letter"], default=None,
                        help="paper size of the PDFs (default: extra.pdf.paper in the config, else A4)")
    parser.add_argument("--checks-only", action="store_true", help=argparse.SUPPRESS)  # render_beside_checks' child
    parser.add_argument("--search-words-to", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.checks_only:
        return checks_only(args.config_file, args.search_words_to)
    if not readable_config(args.config_file):
        return 2
    from scripts import siteconfig

    config = siteconfig.load(args.config_file)
    site_dir = args.site_dir or Path(config["config_dir"]) / config.get("site_dir", "site")
    project = Path(config["config_dir"]).resolve()
    if args.renderer == "zensical" and not site_dir.resolve().is_relative_to(project):
        # Zensical's own limit; said here, before any work, in the words of this command.
        print(f"{args.config_file}:1: Zensical builds only into a folder inside the project ({project}), not {site_dir}; "
              "give -d a folder inside it (e.g. -d site-zensical), or use --renderer mkdocs", file=sys.stderr)
        return 2
    no_pdf = args.no_pdf or args.renderer == "zensical"
    return build(args.config_file, site_dir, [] if no_pdf else default_steps(args.paper), args.renderer)


if __name__ == "__main__":
    sys.exit(main())
