"""Waiting-room kiosk launcher: build the kiosk site, serve it on 127.0.0.1, keep Chromium running on it.

    python -m scripts.kiosk [--headless] [--no-build] [--port 8765]

Why a local web server and not file://: the kiosk's Chromium policy (scripts/kiosk/kiosk-policy.json)
then blocks every address except 127.0.0.1, including file:// (no browsing the disk); storage
has one normal origin that the idle reset can wipe; and the server adds a Content-Security-Policy
that stops the page from loading anything from another machine. The server is a thread of this
process, bound to the loopback address only.

Chromium is restarted whenever it exits or crashes (with a pause if it keeps crashing). Ctrl+C or
SIGTERM (systemd stop) closes Chromium and the server cleanly.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_PORT = 8765
# Nothing may come from elsewhere; Material needs its inline config and palette scripts and styles.
CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-src 'none'; object-src 'none'; "
       "base-uri 'self'; form-action 'none'")
# Lock-down flags (the policy file does the rest, see the README). No flag disables zooming:
# patients who need bigger text must be able to pinch.
CHROMIUM_FLAGS = [
    "--kiosk", "--incognito", "--noerrdialogs", "--disable-infobars", "--no-first-run",
    "--disable-session-crashed-bubble", "--disable-translate", "--disable-features=Translate,TranslateUI",
    "--overscroll-history-navigation=0", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-extensions",
    "--disable-quic", "--check-for-update-interval=31536000", "--password-store=basic",
]
CRASH_WINDOW_S = 30   # this many restarts within this many seconds ...
CRASH_LIMIT = 5
CRASH_PAUSE_S = 10    # ... and we wait longer before the next start


class KioskHandler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, *args) -> None:  # a kiosk's log should show restarts, not every page view
        pass


def start_server(site_dir: Path, port: int) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(KioskHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name="kiosk-server", daemon=True).start()
    return server


def find_chromium(requested: str | None) -> str:
    for name in ([requested] if requested else ["chromium", "chromium-browser", "google-chrome"]):
        path = shutil.which(name)
        if path:
            return path
    raise SystemExit("kiosk: Chromium not found; install it with `sudo apt-get install chromium` or pass --chromium PATH")


def chromium_command(chromium: str, url: str, profile: Path, headless: bool, debug_port: int | None) -> list[str]:
    command = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}"]
    if headless:
        command += ["--headless=new", "--disable-gpu"]
    if debug_port is not None:
        command.append(f"--remote-debugging-port={debug_port}")
    if os.geteuid() == 0:  # Chromium refuses to run as root with its sandbox; a kiosk user should not be root
        command.append("--no-sandbox")
    return [*command, url]


class Launcher:
    def __init__(self, command: list[str], profile: Path) -> None:
        self.command = command
        self.profile = profile
        self.stopping = threading.Event()
        self.browser: subprocess.Popen | None = None

    def stop(self, signum=None, frame=None) -> None:
        self.stopping.set()
        if self.browser and self.browser.poll() is None:
            try:
                os.killpg(self.browser.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass

    def run(self) -> int:
        starts: list[float] = []
        while not self.stopping.is_set():
            starts = [t for t in starts if time.monotonic() - t < CRASH_WINDOW_S] + [time.monotonic()]
            # A fresh profile each time: nothing from the last run (or a crash) survives.
            shutil.rmtree(self.profile, ignore_errors=True)
            self.browser = subprocess.Popen(self.command, start_new_session=True,
                                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            print(f"kiosk: chromium started, pid {self.browser.pid}", flush=True)
            code = self.browser.wait()
            self._kill_leftovers()
            if self.stopping.is_set():
                break
            pause = CRASH_PAUSE_S if len(starts) >= CRASH_LIMIT else 1
            print(f"kiosk: chromium exited with code {code}; restarting in {pause} s", flush=True)
            self.stopping.wait(pause)
        self._close_browser()
        return 0

    def _kill_leftovers(self) -> None:
        """After a crash, Chromium's helper processes (renderers, GPU) can outlive it: end its whole group."""
        try:
            os.killpg(self.browser.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass

    def _close_browser(self) -> None:
        if self.browser and self.browser.poll() is None:
            try:
                os.killpg(self.browser.pid, signal.SIGTERM)
                self.browser.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.killpg(self.browser.pid, signal.SIGKILL)
                self.browser.wait()
            except ProcessLookupError:
                pass
        shutil.rmtree(self.profile, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config-file", "-f", type=Path, default=ROOT / "mkdocs-kiosk.yml")
    parser.add_argument("--site-dir", "-d", type=Path, default=ROOT / "site-kiosk")
    parser.add_argument("--no-build", action="store_true", help="serve the existing site-kiosk/ as it is")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"local port (default {DEFAULT_PORT}; 0 = any free port)")
    parser.add_argument("--headless", action="store_true", help="no screen needed (servers, CI, tests)")
    parser.add_argument("--chromium", help="Chromium executable (default: chromium from PATH)")
    parser.add_argument("--remote-debugging-port", type=int, default=None, help="for measurements (bench/kiosk.py)")
    args = parser.parse_args(argv)

    if not args.no_build:
        from scripts.build import build

        # No extra steps: the kiosk has no PDFs (nothing can be downloaded from it).
        if build(args.config_file, args.site_dir, steps=[]) != 0:
            return 1
    if not (args.site_dir / "index.html").is_file():
        print(f"kiosk: {args.site_dir}/index.html does not exist; build first (drop --no-build)", file=sys.stderr)
        return 1
    chromium = find_chromium(args.chromium)
    try:
        server = start_server(args.site_dir.resolve(), args.port)
    except OSError as error:
        print(f"kiosk: cannot serve on 127.0.0.1:{args.port}: {error.strerror}; is another kiosk running? "
              "Try --port 0", file=sys.stderr)
        return 1
    url = f"http://127.0.0.1:{server.server_address[1]}/index.html"
    print(f"kiosk: serving {args.site_dir} at {url}", flush=True)

    profile = Path(tempfile.mkdtemp(prefix="kiosk-chromium-"))
    launcher = Launcher(chromium_command(chromium, url, profile, args.headless, args.remote_debugging_port), profile)
    signal.signal(signal.SIGTERM, launcher.stop)
    signal.signal(signal.SIGINT, launcher.stop)
    try:
        return launcher.run()
    finally:
        server.shutdown()
        server.server_close()
        print("kiosk: stopped", flush=True)


if __name__ == "__main__":
    sys.exit(main())
