"""Time the PDF booklet and all handouts: `python -m bench.pdf [--runs 3]`.

Builds the site once (strict, as `make build`), then makes the PDFs `runs` times (as the build does: in
parallel, one worker process per core, scripts/pdf/workers.py) and reports the best and median time, the
booklet's page count and size. bench/run.py imports `measure`.
"""

from __future__ import annotations

import argparse
import logging
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from scripts import siteconfig
from scripts.build import mkdocs_build
from scripts.pdf import render as pdf
from scripts.pdf.workers import worker_count

ROOT = Path(__file__).resolve().parent.parent


def measure(runs: int = 3, config_file: Path = ROOT / "mkdocs.yml") -> dict:
    """{'runs', 'median_seconds', 'best_seconds', 'seconds', 'workers', 'booklet_pages', 'booklet_kb', 'handouts',
    'handout_pages', 'median_cpu_seconds', 'load_average'}."""
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    config = siteconfig.load(config_file)
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as work:
        site = Path(work) / "site"
        if mkdocs_build(config_file, site) != 0:
            raise RuntimeError("the site does not build; run `make build` to see why")
        seconds, cpu, counts = [], [], {}
        for _ in range(runs):
            start, used = time.perf_counter(), _cpu()
            counts = pdf.make_pdfs(config, site)
            seconds.append(time.perf_counter() - start)
            cpu.append(_cpu() - used)
        booklet = site / pdf.PDF_DIR / pdf.BOOKLET
        return {
            "runs": runs,
            "median_seconds": round(statistics.median(seconds), 2),
            "best_seconds": round(min(seconds), 2),
            "median_cpu_seconds": round(statistics.median(cpu), 2),  # this process and its workers: less load-dependent
            "load_average": round(os.getloadavg()[0], 2),
            "workers": worker_count(len(counts)),
            "seconds": [round(s, 2) for s in seconds],
            "booklet_pages": counts[pdf.BOOKLET],
            "booklet_kb": round(booklet.stat().st_size / 1024),
            "handouts": len(counts) - 1,
            "handout_pages": {name: n for name, n in counts.items() if name != pdf.BOOKLET},
        }


def _cpu() -> float:
    """CPU seconds used so far by this process and its finished child processes (the PDF workers)."""
    return sum(resource.getrusage(who).ru_utime + resource.getrusage(who).ru_stime
               for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    try:
        result = measure(args.runs)
    except (RuntimeError, pdf.RenderError) as error:
        print(f"bench_pdf: {error}", file=sys.stderr)
        return 1
    print(f"Booklet: {result['booklet_pages']} pages, {result['booklet_kb']} KB")
    print(f"Handouts: {result['handouts']} ({', '.join(f'{k} {v}p' for k, v in result['handout_pages'].items())})")
    print(f"Booklet + all handouts: best {result['best_seconds']} s, median {result['median_seconds']} s over "
          f"{result['runs']} runs {result['seconds']} ({result['workers']} worker processes; CPU time median "
          f"{result['median_cpu_seconds']} s; load average {result['load_average']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
