"""Benchmark against stock Material: `python -m bench [--runs 5]` (or `make bench`).

Prints a Markdown table and writes it to bench/results.md. Each figure is the median of several
runs, ours and stock measured side by side (alternating) in one run, so machine load hits both.
Nothing here asserts: the targets are printed next to the figures.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import sites as bench_sites
from bench import web as bench_web
from bench.sites import ROOT

TARGETS = {"build ratio": 1.2, "hook ms/page": 5.0, "performance": 95, "accessibility": 100, "best-practices": 100}


def median(values: list[float]) -> float:
    return statistics.median(values)


def yes(ok: bool) -> str:
    return "yes" if ok else "**no**"


def kb(n: int) -> str:
    return f"{n / 1024:.1f}"


def build_times(stock_config: Path, runs: int) -> list[str]:
    ours, stock = [], []
    for _ in range(runs):
        ours.append(bench_sites.time_cli_build(ROOT / "mkdocs.yml"))
        stock.append(bench_sites.time_cli_build(stock_config, strict=False))
    ratio = median(ours) / median(stock)
    return [
        "| Site build (`mkdocs build`, no PDFs) | ours | stock Material | ratio | target | met |",
        "|---|---|---|---|---|---|",
        (f"| seconds, median of {runs} | {median(ours):.2f} | {median(stock):.2f} | {ratio:.2f} | <= {TARGETS['build ratio']} |"
         f" {yes(ratio <= TARGETS['build ratio'])} |"),
    ]


def hook_times(config: Path, runs: int) -> tuple[float, float, int, float]:
    """Medians of in-process builds with the hook's events timed, alternating with stock builds of
    the same pages: (build s, hook s, pages, stock build s)."""
    results, stock = [], []
    with tempfile.TemporaryDirectory(prefix="bench-stock-") as work:
        stock_config = bench_sites.write_stock_config(Path(work), config.parent)
        for _ in range(runs):
            results.append(bench_sites.time_build_and_hook(config))
            stock.append(bench_sites.time_build_and_hook(stock_config, strict=False)[0])
    pages = results[0][2] - 1  # minus 404.html
    return median([r[0] for r in results]), median([r[1] for r in results]), pages, median(stock)


def hook_and_scaling(sizes: list[int], runs: int, scale_runs: int) -> list[str]:
    rows = [
        "| Site | pages | build s | build ms/page | stock ms/page | hook ms total | hook ms/page | target | met |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    measured = [("this site", *hook_times(ROOT / "mkdocs.yml", runs), runs)]
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as work:
        for size in sizes:
            config = bench_sites.make_scaled_project(Path(work), size)
            measured.append((f"generated, {size}", *hook_times(config, scale_runs), scale_runs))
    for label, build_s, hook_s, pages, stock_s, n in measured:
        per_page = hook_s * 1000 / pages
        rows.append(f"| {label} (median of {n}) | {pages} | {build_s:.2f} | {build_s * 1000 / pages:.1f} |"
                    f" {stock_s * 1000 / pages:.1f} | {hook_s * 1000:.0f} |"
                    f" {per_page:.2f} | <= {TARGETS['hook ms/page']} | {yes(per_page <= TARGETS['hook ms/page'])} |")
    rows.append("")
    rows.append("Both builds here run in-process (no Python start-up), stock over the same generated pages.")
    return rows


def typical_page(site: Path) -> str:
    """The content page whose HTML size is the median one."""
    pages = sorted((p.stat().st_size, p.name) for p in site.glob("*.html") if p.name not in ("404.html", "glossary.html"))
    return pages[len(pages) // 2][1]


def longest_page(site: Path) -> str:
    return max((p.stat().st_size, p.name) for p in site.glob("*.html") if p.name != "404.html")[1]


def page_weight(ours_site: Path, stock_site: Path, page: str) -> list[str]:
    ours = bench_web.first_visit_bytes(ours_site, page)
    stock = bench_web.first_visit_bytes(stock_site, page)
    rows = [
        f"| First visit to `{page}` (KB) | ours raw | ours gzip | stock raw | stock gzip |",
        "|---|---|---|---|---|",
    ]
    for kind in [*bench_web.KINDS.values(), "other", "total"]:
        name = "**total**" if kind == "total" else kind
        rows.append(f"| {name} | {kb(ours[kind]['raw'])} | {kb(ours[kind]['gzip'])} | {kb(stock[kind]['raw'])} | {kb(stock[kind]['gzip'])} |")
    rows.append(f"| off-site requests (refused, not weighed) | {ours['off-site requests']['raw']} | | {stock['off-site requests']['raw']} | |")
    met = ours["total"]["gzip"] <= stock["total"]["gzip"]
    rows.append(f"| target: ours <= stock (gzip) | | {yes(met)} | | |")
    return rows


def every_page_weight(ours_site: Path, stock_site: Path) -> list[str]:
    """First-visit gzip bytes of every page, ours against stock (issue 11: at or below stock on every page)."""
    rows = ["| page | ours gzip KB | stock gzip KB | ours / stock |", "|---|---|---|---|"]
    ratios = []
    for page in sorted(p.name for p in ours_site.glob("*.html") if p.name != "404.html" and (stock_site / p.name).exists()):
        ours = bench_web.first_visit_bytes(ours_site, page)["total"]["gzip"]
        stock = bench_web.first_visit_bytes(stock_site, page)["total"]["gzip"]
        ratios.append(ours / stock)
        rows.append(f"| `{page}` | {kb(ours)} | {kb(stock)} | {ours / stock:.2f} |")
    rows.append(f"| target: every page <= stock | | | {yes(max(ratios) <= 1)} (highest {max(ratios):.2f}) |")
    return rows


def zensical_command() -> list[str] | None:
    python = ROOT / ".venv-zensical/bin/python"
    return [str(python), "-m", "zensical", "build", "--clean", "--strict", "-f", "mkdocs-zensical.yml"] if python.exists() else None


def renderer_times(runs: int) -> list[str]:
    """The same docs/ built by MkDocs (strict, checks in its hook) and by Zensical (after the same checks,
    as `make build-zensical` does), alternating run by run; no PDFs in either."""
    command = zensical_command()
    if command is None:
        return ["Zensical: not measured (no .venv-zensical; `make .venv-zensical/.installed` makes it)."]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    mkdocs, zensical = [], []
    for _ in range(runs):
        mkdocs.append(bench_sites.time_cli_build(ROOT / "mkdocs.yml"))
        start = time.perf_counter()
        for step in ([sys.executable, "-m", "scripts.check", "--strict"], command):
            if subprocess.run(step, cwd=ROOT, env=env, capture_output=True, check=False).returncode:
                return [f"Zensical: the build failed (`{' '.join(step)}`)."]
        zensical.append(time.perf_counter() - start)
        shutil.rmtree(ROOT / "site-zensical", ignore_errors=True)
    m, z = median(mkdocs), median(zensical)
    return [f"| renderer (checks included, no PDFs) | seconds (median of {runs}) |", "|---|---|",
            f"| MkDocs + Material (`scripts.build --no-pdf` equivalent) | {m:.2f} |",
            f"| Zensical (`make build-zensical`: checks, then `zensical build`) | {z:.2f} |",
            f"| Zensical / MkDocs | {z / m:.2f} |"]


def pdf_time(runs: int) -> list[str]:
    try:
        from bench.pdf import measure
    except ImportError:
        return ["PDF booklet: n/a (bench/pdf.py is not there)."]
    try:
        with bench_sites.quiet():
            result = measure(runs)
    except Exception as error:  # noqa: BLE001 -- report it and go on with the rest of the benchmark
        return [f"PDF booklet: not measured ({error})."]
    return [(f"PDF booklet ({result['booklet_pages']} pages, {result['booklet_kb']} KB) and {result['handouts']} handouts:"
             f" {result['median_seconds']} s, median of {result['runs']} runs (after the site build).")]


def lighthouse(site: Path, pages: list[str], runs: int) -> list[str]:
    rows = [
        "| Lighthouse 12, mobile | performance | accessibility | best practices | LCP s | TBT ms | CLS | off-site requests |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for page in pages:
        try:
            results = [bench_web.lighthouse(site, page) for _ in range(runs)]
        except (RuntimeError, OSError) as error:
            rows.append(f"| `{page}` | could not run: {error} | | | | | | |")
            continue
        m = {key: median([r[key] for r in results]) for key in results[0]}
        rows.append(f"| `{page}` (median of {runs}) | {m['performance']:.0f} | {m['accessibility']:.0f} | {m['best-practices']:.0f}"
                    f" | {m['LCP s']:.2f} | {m['TBT ms']:.0f} | {m['CLS']:.3f} | {m['off-site requests']:.0f} |")
    rows.append(f"| target | >= {TARGETS['performance']} | {TARGETS['accessibility']} | {TARGETS['best-practices']} | | | | 0 |")
    return rows


def header(args) -> list[str]:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return [
        "# Benchmark results",
        "",
        f"Measured {now} with `python -m bench {' '.join(sys.argv[1:])}`".rstrip() + " (`make bench`).",
        f"Machine: {os.cpu_count()} CPU, Python {platform.python_version()}, load average {load:.1f} at the start.",
        "Stock = Material with the same docs/, nav and Markdown extensions, without our hook, CSS, JavaScript,",
        "overrides and the offline plugin. Figures are medians; ours and stock alternate run by run.",
        "Nothing goes to the network: stock Material's request for Google's Roboto font is refused and counted,",
        "so its page weight here leaves out the web fonts a real visitor would download.",
        "",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (default 5)")
    parser.add_argument("--scale-runs", type=int, default=3, help="runs per generated site (default 3)")
    parser.add_argument("--sizes", default="100,500,2000", help="pages of the generated sites (default 100,500,2000)")
    parser.add_argument("--lighthouse-runs", type=int, default=3)
    parser.add_argument("--skip", default="", help="comma list of parts to leave out: scaling, pdf, lighthouse")
    parser.add_argument("--output", type=Path, default=ROOT / "bench/results.md")
    args = parser.parse_args(argv)
    skip = set(filter(None, args.skip.split(",")))
    sizes = [int(s) for s in args.sizes.split(",") if s] if "scaling" not in skip else []
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

    lines = header(args)
    with tempfile.TemporaryDirectory(prefix="bench-") as work:
        work = Path(work)
        stock_config = bench_sites.write_stock_config(work)
        ours_site, stock_site = work / "ours", work / "stock"
        try:
            bench_sites.build_site(ROOT / "mkdocs.yml", ours_site)
            bench_sites.build_site(stock_config, stock_site, strict=False)
        except RuntimeError as error:
            print(f"bench: {error}", file=sys.stderr)
            return 1
        for title, part in [
            ("Build time", lambda: build_times(stock_config, args.runs)),
            ("Hook time and scaling", lambda: hook_and_scaling(sizes, args.runs, args.scale_runs)),
            ("Page weight", lambda: page_weight(ours_site, stock_site, typical_page(ours_site))),
            ("Page weight of every page", lambda: every_page_weight(ours_site, stock_site)),
            ("Renderers: MkDocs and Zensical", lambda: renderer_times(min(args.runs, 3))),
            ("PDF", lambda: pdf_time(min(args.runs, 3)) if "pdf" not in skip else ["PDF: skipped."]),
            ("Lighthouse", lambda: lighthouse(ours_site, ["index.html", longest_page(ours_site)], args.lighthouse_runs)
             if "lighthouse" not in skip else ["Lighthouse: skipped."]),
        ]:
            print(f"## {title}", flush=True)
            rows = part()
            print("\n".join(rows) + "\n", flush=True)
            lines += [f"## {title}", "", *rows, ""]
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text("\n".join(lines), encoding="utf-8")
    print(f"Written to {args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
