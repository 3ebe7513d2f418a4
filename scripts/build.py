"""Build the site the one way the README, Makefile and CI use: strict, all checks, never half-written.

`python -m scripts.build [-f mkdocs.yml] [-d site]` builds into a temporary folder beside the
target and swaps it in only when everything succeeded, so a failed build leaves the previous
good site untouched. Never add --quiet: it hides the warnings that --strict counts.
`--renderer zensical` does the same with Zensical (in .venv-zensical), after the checks, which
Zensical cannot run itself (it runs no MkDocs hooks).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def mkdocs_build(config_file: Path, out_dir: Path) -> int:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    config_file = config_file.resolve()
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config_file), "--site-dir", str(out_dir)]
    # From the config's folder: pymdownx.snippets resolves base_path against the working directory.
    return subprocess.run(command, check=False, env=env, cwd=config_file.parent).returncode


# Zensical's own environment in this checkout (`make build-zensical` creates it); ZENSICAL_PYTHON names another.
ZENSICAL_PYTHON = Path(os.environ.get("ZENSICAL_PYTHON") or Path(__file__).resolve().parent.parent / ".venv-zensical" / "bin" / "python")


def zensical_build(config_file: Path, out_dir: Path) -> int:
    """Zensical has no option for the output folder: a throwaway config beside the real one names it."""
    from scripts import check

    config_file = config_file.resolve()
    code = check.main(["--strict", "--config-file", str(config_file)])
    if code:
        return code
    if not ZENSICAL_PYTHON.exists():
        print(f"{ZENSICAL_PYTHON}: Zensical is not installed; run `make build-zensical`, which installs it", file=sys.stderr)
        return 2
    # The configuration with INHERIT already resolved (siteconfig.flat): Zensical's own INHERIT appends
    # lists, so a translation's nav and words would come after the English ones.
    from scripts import siteconfig

    temporary = config_file.with_name(f".{out_dir.parent.name}-{out_dir.name}.yml")
    temporary.write_text(siteconfig.flat(config_file, site_dir=str(out_dir)), encoding="utf-8")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    try:
        command = [str(ZENSICAL_PYTHON), "-m", "zensical", "build", "--clean", "--strict", "-f", str(temporary)]
        return subprocess.run(command, check=False, env=env, cwd=config_file.parent).returncode
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


def build_into(config_file: Path, out_dir: Path, steps: list, renderer: str) -> int:
    """One edition into out_dir (inside another edition's build folder): pages, search words, steps."""
    code = zensical_build(config_file, out_dir) if renderer == "zensical" else mkdocs_build(config_file, out_dir)
    if not code and renderer == "mkdocs":
        from scripts import search_words

        code = search_words.step(config_file, out_dir)
    for step in steps:
        if code:
            break
        code = step(config_file, out_dir)
    return code


def build(config_file: Path, site_dir: Path, steps: list | None = None, renderer: str = "mkdocs") -> int:
    """Build to a temporary folder, run the extra steps on it (default: the PDFs), then swap it in."""
    steps = default_steps() if steps is None else steps
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-build-", dir=site_dir.parent))
    out_dir = work / "site"
    try:
        if renderer == "zensical":
            code = zensical_build(config_file, out_dir)
        else:
            code = mkdocs_build(config_file, out_dir)
        if not code and renderer == "mkdocs":  # always: the search box's patient words, fresh from the glossary and pages
            from scripts import search_words

            code = search_words.step(config_file, out_dir)
        for step in steps:
            if code:
                break
            code = step(config_file, out_dir)
        translated = translation_of(config_file)
        if not code and translated:  # the translated edition, inside this one (site/ru/), with the same steps
            code = build_into(translated[0], out_dir / translated[1], steps, renderer)
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
    args = parser.parse_args(argv)
    from scripts import siteconfig

    config = siteconfig.load(args.config_file)
    site_dir = args.site_dir or Path(config["config_dir"]) / config.get("site_dir", "site")
    no_pdf = args.no_pdf or args.renderer == "zensical"
    return build(args.config_file, site_dir, [] if no_pdf else default_steps(args.paper), args.renderer)


if __name__ == "__main__":
    sys.exit(main())
