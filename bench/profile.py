"""Profile the checks and a build of a generated site: `python -m bench.profile [--size 500] [--top 25]`.

Runs, in a copy of the project with `size` pages (bench/sites.py):

    python -m cProfile -o checks.prof -m scripts.check --strict
    python -m cProfile -o build.prof -m mkdocs build --strict -q -d out

and prints each profile's top entries by own time and by cumulative time, as Markdown, for
bench/results.md. `--keep DIR` keeps the project and the .prof files there.
"""

from __future__ import annotations

import argparse
import io
import os
import pstats
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.speed import make_project

RUNS = {
    "checks": ["-m", "scripts.check", "--strict"],
    "build": ["-m", "mkdocs", "build", "--strict", "-q", "-d", "out"],
}


def top(stats_file: Path, order: str, count: int, project: Path) -> list[str]:
    buffer = io.StringIO()
    stats = pstats.Stats(str(stats_file), stream=buffer)
    total = stats.total_tt
    rows = [f"| {order} | calls | own s | cumulative s | function |", "|---|---|---|---|---|"]
    entries = sorted(stats.stats.items(), key=lambda item: item[1][2 if order == "own" else 3], reverse=True)
    for (file, line, name), (_, calls, own, cumulative, _) in entries[:count]:
        where = file.replace(str(project) + "/", "").replace(sys.prefix + "/", "").split("site-packages/")[-1]
        rows.append(f"| | {calls} | {own:.3f} | {cumulative:.3f} | `{where}:{line}({name})` |")
    rows.append(f"| total | | {total:.2f} | | |")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=500)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--only", choices=sorted(RUNS), default=None)
    parser.add_argument("--project", type=Path, default=None, help="the project to copy (default: this one)")
    parser.add_argument("--keep", type=Path, default=None, help="a folder to keep the project and profiles in")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-profile-"))
    work.mkdir(parents=True, exist_ok=True)
    project = work / f"project-{args.size}"
    config = project / "mkdocs.yml" if project.exists() else make_project(work, args.size, *([args.project] if args.project else []))
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    for name, command in RUNS.items():
        if args.only and name != args.only:
            continue
        out = work / f"{name}-{args.size}.prof"
        subprocess.run([sys.executable, "-m", "cProfile", "-o", str(out), *command], cwd=config.parent, env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        print(f"### {name}, {args.size} pages: `python -m cProfile -o {out.name} {' '.join(command)}`\n")
        for order in ("own", "cumulative"):
            print("\n".join(top(out, order, args.top, project)) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
