"""Benchmark in the browser: first-visit bytes of a page, and Lighthouse scores. Used by bench/run.py.

Sites are served on 127.0.0.1 only; Chromium is Debian's, started with its phoning-home switched off.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import shutil
import socketserver
import subprocess
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

from scripts.chromium import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent
KINDS = {"document": "HTML", "stylesheet": "CSS", "script": "JS", "font": "fonts", "image": "images"}


COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the browser asks, as any production web server sends them:
    Lighthouse should judge the site, not Python's test server."""

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or path.suffix not in COMPRESSIBLE or not path.is_file():
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def served(directory: Path):
    """The folder on http://127.0.0.1:<free port>/ for the duration of the block."""
    handler = functools.partial(_GzipHandler, directory=str(directory))
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def first_visit_bytes(site: Path, page: str) -> dict[str, dict[str, int]]:
    """Bytes a first visit to `page` downloads, by kind: {'HTML': {'raw': n, 'gzip': n}, ..., 'total': ...}.

    Every response body the page loads (until the network is idle), with an empty cache; gzip is
    each body compressed at level 6, as a typical web server would send it."""
    from playwright.sync_api import sync_playwright

    sizes = {kind: {"raw": 0, "gzip": 0} for kind in [*KINDS.values(), "other", "total", "off-site requests"]}
    with served(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context()
        # Requests to other websites (stock Material asks Google for its Roboto font) are refused and
        # counted: the benchmark never uses the network, and such bytes cannot be weighed here.
        def local_only(route) -> None:
            if route.request.url.startswith((base, "data:")):
                route.continue_()
            else:
                sizes["off-site requests"]["raw"] += 1
                route.abort()

        context.route("**/*", local_only)
        web_page = context.new_page()
        responses = []
        web_page.on("response", lambda response: responses.append(response))
        web_page.goto(base + page, wait_until="networkidle")
        for response in responses:
            if response.status >= 300 or not response.url.startswith(base):  # redirects have no body of their own
                continue
            body = response.body()
            kind = KINDS.get(response.request.resource_type, "other")
            for key in (kind, "total"):
                sizes[key]["raw"] += len(body)
                sizes[key]["gzip"] += len(gzip.compress(body, 6))
        browser.close()
    return sizes


def lighthouse(site: Path, page: str) -> dict:
    """One Lighthouse run (mobile settings) on the served page: scores 0-100 and LCP, TBT, CLS.
    Raises RuntimeError with the reason when Lighthouse cannot run here."""
    binary = ROOT / "node_modules/.bin/lighthouse"
    if not binary.exists():
        raise RuntimeError("node_modules/.bin/lighthouse is missing: run `make test` (npm ci) first")
    if not shutil.which("node"):
        raise RuntimeError("Node.js is missing: scripts/setup-debian.sh --test installs it")
    with served(site) as base, tempfile.TemporaryDirectory(prefix="bench-lh-") as work:
        report = Path(work) / "report.json"
        command = [
            str(binary), base + page, "--quiet", "--output=json", f"--output-path={report}",
            "--only-categories=performance,accessibility,best-practices",
            "--chrome-flags=--headless=new " + " ".join(CHROMIUM_ARGS),
        ]
        # CHROME_PATH: Debian's chromium. HOME in the temp folder: Chromium's profile stays there.
        env = dict(os.environ, CHROME_PATH=CHROMIUM, HOME=work)
        result = subprocess.run(command, check=False, capture_output=True, text=True, env=env, timeout=300)
        if result.returncode or not report.exists():
            reason = (result.stderr or result.stdout).strip().splitlines()[-3:]
            raise RuntimeError("Lighthouse failed: " + " | ".join(reason))
        data = json.loads(report.read_text(encoding="utf-8"))
    if data.get("runtimeError"):
        raise RuntimeError(f"Lighthouse: {data['runtimeError'].get('message')}")
    categories, audits = data["categories"], data["audits"]
    return {
        "performance": round(categories["performance"]["score"] * 100),
        "accessibility": round(categories["accessibility"]["score"] * 100),
        "best-practices": round(categories["best-practices"]["score"] * 100),
        "LCP s": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "TBT ms": audits["total-blocking-time"]["numericValue"],
        "CLS": audits["cumulative-layout-shift"]["numericValue"],
        "off-site requests": sum(1 for item in audits["network-requests"]["details"]["items"]
                                 if item["url"].startswith("http") and not item["url"].startswith(base)),
    }
