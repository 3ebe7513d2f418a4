"""Build speed against stock, on both renderers, at chosen sizes: `python -m bench.speed [--sizes 16,100]`.

For each size a copy of the project with that many pages (bench/sites.py) is built four ways, in
child processes, alternating run by run so machine load hits all of them:

- stock Material: the same pages and Markdown extensions, no hook, no checks, no page transforms;
- ours on MkDocs: `python -m scripts.build --no-pdf` (every check, the page transforms, the search words);
- stock Zensical: the stock config above, built by `zensical build`;
- ours on Zensical: `python -m scripts.build --renderer zensical` (the checks, then Zensical with the transforms).

Then one in-process MkDocs build (bench/probe.py) gives the checks' and the page transforms' time per
page. `preview_seconds` times `make preview` (`mkdocs serve --strict`) from saving a page to serving it.
bench/run.py prints and records the table.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from bench import sites as bench_sites
from bench.sites import ROOT

TARGETS = {"ratio": 1.15, "checks ms/page": 2.0, "transforms ms/page": 2.0, "preview here s": 1.0, "preview 500 s": 3.0}
ZENSICAL_PYTHON = ROOT / ".venv-zensical" / "bin" / "python"
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", ZENSICAL_PYTHON=str(ZENSICAL_PYTHON))


def parse_sizes(text: str) -> list[int]:
    """'16 100' or '16,100' -> [16, 100]."""
    return [int(s) for s in text.replace(",", " ").split()]


def yes(ok: bool) -> str:
    return "met" if ok else "**not met**"


TRANSLATION = re.compile(r"(?m)^    translation: .*\n")


def make_project(work: Path, size: int, project: Path = ROOT) -> Path:
    """A copy of the project with `size` pages (at least the real ones) and its Zensical config.

    One edition, as stock builds one: the copy's mkdocs.yml names no translation, so `scripts.build`
    does not also build the Russian edition into it (that doubles `make build`; see results.md)."""
    config = bench_sites.make_scaled_project(work, size, project)
    shutil.copyfile(project / "mkdocs-zensical.yml", config.parent / "mkdocs-zensical.yml")
    config.write_text(TRANSLATION.sub("", config.read_text(encoding="utf-8")), encoding="utf-8")
    return config


def stock_configs(project: Path) -> tuple[Path, Path]:
    """Stock Material's config and stock Zensical's (the same, with its own output folder)."""
    stock = bench_sites.write_stock_config(project, project)
    zensical = project / "stock-zensical.yml"
    # Zensical wants docs_dir and site_dir relative to the config (an absolute one panics in 0.0.73).
    text = stock.read_text(encoding="utf-8").replace(f"docs_dir: {(project / 'docs').resolve()}\n", "docs_dir: docs\n")
    zensical.write_text(text + "site_dir: out-stock-zensical\n", encoding="utf-8")
    return stock, zensical


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if result.returncode:
        raise RuntimeError(f"`{' '.join(command)}` failed in {cwd}:\n{(result.stdout + result.stderr)[-3000:]}")
    return seconds


def commands(config: Path, stock: Path, stock_zensical: Path, out: Path) -> dict[str, list[str]]:
    py = sys.executable
    found = {
        "stock MkDocs": [py, "-m", "mkdocs", "build", "-f", str(stock), "-d", str(out / "stock")],
        "ours MkDocs": [py, "-m", "scripts.build", "--no-pdf", "-f", str(config), "-d", str(out / "ours")],
    }
    if ZENSICAL_PYTHON.exists():
        found["stock Zensical"] = [str(ZENSICAL_PYTHON), "-m", "zensical", "build", "--clean", "-f", str(stock_zensical)]
        found["ours Zensical"] = [py, "-m", "scripts.build", "--renderer", "zensical", "-f", str(config.with_name("mkdocs-zensical.yml")),
                                  "-d", str(out / "ours-zensical")]
    return found


def probe(config: Path) -> dict:
    result = subprocess.run([sys.executable, "-m", "bench.probe", str(config)], cwd=ROOT, env=ENV,
                            capture_output=True, text=True, check=False)
    if result.returncode:
        raise RuntimeError(f"bench.probe failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def measure_size(work: Path, size: int, runs: int, source: Path = ROOT) -> dict:
    """{'size', 'pages', 'seconds': {name: median}, 'checks ms/page', 'transforms ms/page'}."""
    config = make_project(work, size, source)
    project = config.parent
    stock, stock_zensical = stock_configs(project)
    found = commands(config, stock, stock_zensical, project / "out")
    seconds: dict[str, list[float]] = {name: [] for name in found}
    for _ in range(runs):
        for name, command in found.items():
            seconds[name].append(timed(command, project))
    probes = [probe(config) for _ in range(runs)]
    pages = probes[0]["pages"]
    shutil.rmtree(project, ignore_errors=True)
    return {
        "size": size,
        "pages": pages,
        "runs": runs,
        "seconds": {name: statistics.median(values) for name, values in seconds.items()},
        "checks ms/page": statistics.median(p["checks"] for p in probes) * 1000 / pages,
        "transforms ms/page": statistics.median(p["transforms"] for p in probes) * 1000 / pages,
    }


def table(results: list[dict]) -> list[str]:
    rows = [
        "| size | pages | renderer | stock s | ours s | ratio (<= 1.15) | checks ms/page (<= 2) | transforms ms/page (<= 2) | met / not met |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        checks, transforms = r["checks ms/page"], r["transforms ms/page"]
        for renderer in ("MkDocs", "Zensical"):
            stock, ours = r["seconds"].get(f"stock {renderer}"), r["seconds"].get(f"ours {renderer}")
            if stock is None or ours is None:
                rows.append(f"| {r['size']} | {r['pages']} | {renderer} | not measured (no .venv-zensical) | | | | | |")
                continue
            ratio = ours / stock
            failed = [name for name, bad in [("ratio", ratio > TARGETS["ratio"]),
                                             ("checks", checks > TARGETS["checks ms/page"]),
                                             ("transforms", transforms > TARGETS["transforms ms/page"])] if bad]
            verdict = yes(not failed) + (f" ({', '.join(failed)})" if failed else "")
            rows.append(f"| {r['size']} | {r['pages']} | {renderer} | {stock:.2f} | {ours:.2f} | {ratio:.2f} |"
                        f" {checks:.2f} | {transforms:.2f} | {verdict} |")
    rows.append("")
    rows.append(f"Seconds are wall-clock medians of child processes (Python start-up included), ours and stock alternating"
                f" run by run; runs per size: {', '.join(str(r['size']) + ': ' + str(r['runs']) for r in results)}."
                " Checks and transforms ms/page come from an in-process MkDocs build of the same pages (bench/probe.py):"
                " the hook's events (the checks) and every processor of scripts.transforms, divided by the Markdown pages.")
    return rows


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return None


def preview_seconds(config: Path, page: str = "neck.md", runs: int = 3, timeout: float = 600, extra: list[str] | None = None) -> list[float]:
    """`mkdocs serve --strict [extra]` (`make preview` adds --dirty): seconds from saving an edit to `page` to the server serving it."""
    port = free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "--strict", "-a", f"127.0.0.1:{port}", "-f", str(config), *(extra or [])]
    url = f"http://127.0.0.1:{port}/{page.removesuffix('.md')}.html"
    source = config.parent / "docs" / page
    original = source.read_text(encoding="utf-8")
    server = subprocess.Popen(command, cwd=config.parent, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds = []
    try:
        deadline = time.monotonic() + timeout
        while _get(url) is None:
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError(f"`{' '.join(command)}` did not serve {url}")
            time.sleep(0.2)
        time.sleep(1.5)  # let the watcher settle
        for run in range(runs):
            marker = f"Benchmark edit {run} {time.time_ns()}"
            source.write_text(original.rstrip("\n") + f"\n\n{marker}\n", encoding="utf-8")
            start = time.perf_counter()
            while True:
                body = _get(url)
                if body and marker in body:
                    break
                if time.perf_counter() - start > timeout or server.poll() is not None:
                    raise RuntimeError(f"the edit to {page} was not served within {timeout} s")
                time.sleep(0.02)
            seconds.append(time.perf_counter() - start)
            time.sleep(1.5)
    finally:
        source.write_text(original, encoding="utf-8")
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
    return seconds


def preview_rows(work: Path, sizes: list[int], runs: int, source: Path = ROOT) -> list[str]:
    """`make preview` as it is (`mkdocs serve --strict --dirty`: only the saved page rendered again, the
    checks run on every save), and for comparison a full rebuild on every save (`mkdocs serve --strict`)."""
    rows = ["| `make preview` | pages | save to served, s (median) | target | met |", "|---|---|---|---|---|"]
    for size, target in [(s, TARGETS["preview here s"] if s <= 17 else TARGETS["preview 500 s"]) for s in sizes]:
        config = make_project(work, size, source)
        pages = len(list((config.parent / "docs").glob("*.md")))
        label = "this site" if size <= 17 else f"generated, {size}"
        for how, extra in (("`make preview` (`mkdocs serve --strict --dirty`)", ["--dirty"]), ("every page again (`mkdocs serve --strict`)", [])):
            try:
                seconds = statistics.median(preview_seconds(config, runs=runs, extra=extra))
            except RuntimeError as error:  # a server that does not come up is a figure missing, not the end of the run
                rows.append(f"| {label}, {how} | {pages} | not measured: {error} | <= {target:g} | |")
                continue
            rows.append(f"| {label}, {how} | {pages} | {seconds:.2f} | <= {target:g} | {yes(seconds <= target)} |")
        shutil.rmtree(config.parent, ignore_errors=True)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="16,100,500,2000")
    parser.add_argument("--runs", type=int, default=3, help="runs per size up to 500 pages (default 3); 1 above")
    parser.add_argument("--preview", action="store_true", help="also time `make preview` at 16 and 500 pages")
    parser.add_argument("--project", type=Path, default=ROOT, help="the project to copy (default: this one)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-speed-") as work:
        results = []
        for size in parse_sizes(args.sizes):
            results.append(measure_size(Path(work), size, args.runs if size <= 500 else 1, args.project))
            print(json.dumps(results[-1]), file=sys.stderr, flush=True)
        print("\n".join(table(results)))
        if args.preview:
            print("\n".join(preview_rows(Path(work), [16, 500], 3, args.project)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
