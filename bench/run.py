"""Benchmark against stock: `python -m bench [--sizes "16 100"] [--skip lighthouse]` (or `make bench SIZES="16 100"`).

Prints Markdown tables and writes them to bench/results.md: our build against stock Material and
stock Zensical at each size (bench/speed.py), the checks and the page transforms per page, `make
preview`, page weight, the PDFs and Lighthouse. Ours and stock alternate run by run, so machine load
hits both. Nothing here asserts: the targets are printed next to the figures.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import statistics
import sys
import tempfile
from pathlib import Path

from bench import sites as bench_sites
from bench import speed as bench_speed
from bench import web as bench_web
from bench.sites import ROOT

# Everything after this line in results.md (the profiles, before and after, and notes) is written by
# hand and kept when the figures above it are measured again.
KEPT = "<!-- kept: written by hand; `make bench` keeps everything below this line -->"
TARGETS = {"pdf s": 8.0, "performance": 95, "accessibility": 100, "best-practices": 100}


def median(values: list[float]) -> float:
    return statistics.median(values)


def yes(ok: bool) -> str:
    return "yes" if ok else "**no**"


def kb(n: int) -> str:
    return f"{n / 1024:.1f}"


def speed(sizes: list[int], runs: int, preview: bool) -> list[str]:
    """Stock and ours on both renderers at each size, and the checks and the transforms per page
    (bench/speed.py); `make preview`'s save-to-served time at 16 and 500 pages."""
    with tempfile.TemporaryDirectory(prefix="bench-speed-") as work:
        results = []
        for size in sizes:
            results.append(bench_speed.measure_size(Path(work), size, runs if size <= 500 else 1))
            print(f"  {size} pages measured: {results[-1]}", file=sys.stderr, flush=True)  # kept in the log if a later part fails
        rows = bench_speed.table(results)
        if preview:
            rows += ["", *bench_speed.preview_rows(Path(work), [16, 500], 3)]
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
    met = result["median_seconds"] <= TARGETS["pdf s"]
    return ["| PDFs (after the site build) | seconds | target | met |", "|---|---|---|---|",
            (f"| booklet ({result['booklet_pages']} pages, {result['booklet_kb']} KB) and {result['handouts']} handouts,"
             f" median of {result['runs']} | {result['median_seconds']} | <= {TARGETS['pdf s']:g} | {yes(met)} |")]


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
        "Stock = Material (or Zensical) with the same docs/, nav and Markdown extensions, without our hook and checks,",
        "page transforms, CSS, JavaScript, overrides and the offline plugin. Figures are medians; ours and stock",
        "alternate run by run.",
        "Nothing goes to the network: stock Material's request for Google's Roboto font is refused and counted,",
        "so its page weight here leaves out the web fonts a real visitor would download.",
        "",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="runs per size up to 500 pages, and of the PDFs (default 3; 1 above 500)")
    parser.add_argument("--sizes", default="16,100,500,2000",
                        help="pages of the generated sites, e.g. '16 100' or 16,100 (default 16,100,500,2000; 16 is this site)")
    parser.add_argument("--lighthouse-runs", type=int, default=3)
    parser.add_argument("--skip", default="", help="comma list of parts to leave out: speed, preview, weight, pdf, lighthouse")
    parser.add_argument("--output", type=Path, default=ROOT / "bench/results.md")
    args = parser.parse_args(argv)
    skip = set(filter(None, args.skip.split(",")))
    sizes = bench_speed.parse_sizes(args.sizes)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

    lines = header(args)
    with tempfile.TemporaryDirectory(prefix="bench-") as work:
        work = Path(work)
        stock_config = bench_sites.write_stock_config(work)
        ours_site, stock_site = work / "ours", work / "stock"
        try:
            if not {"weight", "lighthouse"} <= skip:
                bench_sites.build_site(ROOT / "mkdocs.yml", ours_site)
                bench_sites.build_site(stock_config, stock_site, strict=False)
        except RuntimeError as error:
            print(f"bench: {error}", file=sys.stderr)
            return 1
        for title, part in [
            ("Speed: stock and ours, MkDocs and Zensical", lambda: speed(sizes, args.runs, "preview" not in skip)
             if "speed" not in skip else ["Speed: skipped."]),
            ("Page weight", lambda: page_weight(ours_site, stock_site, typical_page(ours_site))
             if "weight" not in skip else ["Page weight: skipped."]),
            ("Page weight of every page", lambda: every_page_weight(ours_site, stock_site) if "weight" not in skip else []),
            ("PDF", lambda: pdf_time(min(args.runs, 3)) if "pdf" not in skip else ["PDF: skipped."]),
            ("Lighthouse", lambda: lighthouse(ours_site, ["index.html", longest_page(ours_site)], args.lighthouse_runs)
             if "lighthouse" not in skip else ["Lighthouse: skipped."]),
        ]:
            print(f"## {title}", flush=True)
            rows = part()
            print("\n".join(rows) + "\n", flush=True)
            lines += [f"## {title}", "", *rows, ""]
    args.output.parent.mkdir(parents=True, exist_ok=True)
    kept = args.output.read_text(encoding="utf-8").partition(KEPT)[2] if args.output.exists() else ""
    args.output.write_text("\n".join(lines) + (f"\n{KEPT}{kept}" if kept else "\n"), encoding="utf-8")
    print(f"Written to {args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
