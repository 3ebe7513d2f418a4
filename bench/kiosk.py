"""Measured figures for the waiting-room kiosk (issue 6), printed as a small table.

    python -m bench.kiosk [--site-dir site-kiosk] [--runs 5]

- idle-to-reset timing error: real clock, with the kiosk's settings turned down to idle 5 s and
  warning 3 s (in a copy of the built site), the "Still reading?" dialog and the reset are timed
  against the last touch;
- launch to first paint: from starting scripts/kiosk/launcher.py (no build, headless) to the first
  contentful paint of the home screen in its Chromium;
- the 100-patient run of tests/test_kiosk.py, with its own helpers, and how long it took.

`measure()` returns the same figures as a dict (bench/run.py may import it).
"""

from __future__ import annotations

import argparse
import json
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

ROOT = Path(__file__).resolve().parent.parent
IDLE_S, WARNING_S = 5, 3
# Reports the last touch and the dialog opening (epoch ms); the reset is the home page's navigation start.
PROBE = """
addEventListener('pointerdown', () => console.log('bench touch ' + Date.now()), true);
addEventListener('DOMContentLoaded', () => {
  const dialog = document.getElementById('kiosk-idle');
  if (dialog) new MutationObserver(() => { if (dialog.open) console.log('bench dialog ' + Date.now()); })
    .observe(dialog, {attributes: true, attributeFilter: ['open']});
});
"""


def _short_timeouts_copy(site_dir: Path, into: Path) -> Path:
    copy = into / "site"
    shutil.copytree(site_dir, copy)
    for page in copy.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        text = re.sub(r'"idle_seconds": \d+', f'"idle_seconds": {IDLE_S}', text)
        text = re.sub(r'"warning_seconds": \d+', f'"warning_seconds": {WARNING_S}', text)
        page.write_text(text, encoding="utf-8")
    return copy


def _one_idle_run(browser, url: str) -> tuple[float, float]:
    context = browser.new_context(has_touch=True)
    page = context.new_page()
    page.add_init_script(PROBE)
    events: dict[str, float] = {}

    def on_console(message) -> None:
        if message.text.startswith("bench "):
            events[message.text.split()[1]] = float(message.text.split()[2])

    page.on("console", on_console)
    with page.expect_navigation():
        page.evaluate("url => location.replace(url)", url + "neck.html")
    page.locator("article h1").tap()
    with page.expect_event("load", timeout=(IDLE_S + WARNING_S + 10) * 1000):
        pass
    # The home page's navigation start is the moment the reset called location.replace.
    events["reset"] = page.evaluate("performance.timeOrigin")
    context.close()
    touch = events["touch"]
    return events["dialog"] - (touch + IDLE_S * 1000), events["reset"] - (touch + (IDLE_S + WARNING_S) * 1000)


def _idle_timing(browser, url: str, runs: int) -> dict:
    dialog_errors, reset_errors = zip(*(_one_idle_run(browser, url) for _ in range(runs)))
    return {"dialog_error_ms_mean": statistics.mean(dialog_errors), "dialog_error_ms_max": max(dialog_errors, key=abs),
            "reset_error_ms_mean": statistics.mean(reset_errors), "reset_error_ms_max": max(reset_errors, key=abs)}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _launch_to_first_paint(playwright, site_dir: Path) -> float:
    debug_port = _free_port()
    started = time.time()
    launcher = subprocess.Popen([sys.executable, "-m", "scripts.kiosk", "--no-build", "-d", str(site_dir), "--headless",
                                 "--port", "0", "--remote-debugging-port", str(debug_port)],
                                cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{debug_port}/json/version", timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("the kiosk's Chromium did not start within 30 s") from None
                time.sleep(0.05)
        browser = playwright.chromium.connect_over_cdp(f"http://127.0.0.1:{debug_port}")
        page = next(p for context in browser.contexts for p in context.pages if p.url.startswith("http://127.0.0.1"))
        paint = page.wait_for_function("""() => {
            const fcp = performance.getEntriesByName('first-contentful-paint')[0];
            return fcp && performance.timeOrigin + fcp.startTime; }""").json_value()
        browser.close()
        return paint - started * 1000
    finally:
        launcher.terminate()
        launcher.wait(timeout=15)


def _hundred_patients(browser, url: str) -> dict:
    sys.path.insert(0, str(ROOT / "tests"))
    import random

    from test_kiosk import CLEAN, IDLE_MS, WARNING_MS, Kiosk, _random_patient

    context = browser.new_context(viewport={"width": 1080, "height": 1920}, has_touch=True)
    page = context.new_page()
    kiosk = Kiosk(page, url)
    page.on("request", lambda request: None if request.url.startswith(("http://127.0.0.1:", "data:"))
            else kiosk.outside.append(request.url))
    page.clock.install()
    kiosk.open()
    rng = random.Random(6)
    clean = 0
    started = time.monotonic()
    for _ in range(100):
        _random_patient(kiosk, rng)
        with page.expect_event("load"):
            page.clock.run_for(IDLE_MS + WARNING_MS + 1000)
        clean += page.url == kiosk.home and kiosk.state() == CLEAN and context.cookies() == []
    seconds = time.monotonic() - started
    context.close()
    return {"patients_clean": clean, "patients": 100, "patients_seconds": seconds, "requests_outside": len(kiosk.outside)}


def measure(site_dir: Path | None = None, runs: int = 5) -> dict:
    """All figures as a dict. Builds the kiosk site into a temporary folder when none is given."""
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import CHROMIUM, CHROMIUM_ARGS, serve

    with tempfile.TemporaryDirectory() as temp:
        if site_dir is None:
            from scripts.build import build

            site_dir = Path(temp) / "site-kiosk"
            if build(ROOT / "mkdocs-kiosk.yml", site_dir, steps=[]) != 0:
                raise SystemExit("bench_kiosk: the kiosk site does not build")
        fast = _short_timeouts_copy(site_dir, Path(temp))
        results: dict = {}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            fast_url, fast_server = serve(fast)
            real_url, real_server = serve(site_dir)
            try:
                results.update(_idle_timing(browser, fast_url, runs))
                results.update(_hundred_patients(browser, real_url))
            finally:
                fast_server.shutdown()
                real_server.shutdown()
                browser.close()
            results["launch_to_first_paint_ms"] = statistics.median(
                _launch_to_first_paint(playwright, site_dir) for _ in range(3))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site-dir", "-d", type=Path, default=None, help="a built kiosk site (default: build one)")
    parser.add_argument("--runs", type=int, default=5, help="idle-timing runs (default 5)")
    args = parser.parse_args(argv)
    if args.site_dir and not (args.site_dir / "index.html").is_file():
        print(f"bench_kiosk: {args.site_dir}/index.html does not exist; run `make kiosk-build` first", file=sys.stderr)
        return 1
    results = measure(args.site_dir, args.runs)
    print(f"idle dialog vs. idle_seconds ({IDLE_S} s): mean {results['dialog_error_ms_mean']:+.0f} ms, "
          f"max {results['dialog_error_ms_max']:+.0f} ms ({args.runs} runs, real clock)")
    print(f"reset vs. idle+warning ({IDLE_S}+{WARNING_S} s): mean {results['reset_error_ms_mean']:+.0f} ms, "
          f"max {results['reset_error_ms_max']:+.0f} ms")
    print(f"launch to first paint (scripts/kiosk/launcher.py --no-build --headless, median of 3): {results['launch_to_first_paint_ms']:.0f} ms")
    print(f"100 patients: {results['patients_clean']}/{results['patients']} left no state; "
          f"{results['patients_seconds']:.1f} s; requests outside 127.0.0.1: {results['requests_outside']}")
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
