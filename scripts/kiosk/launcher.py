"""Waiting-room kiosk launcher: build the kiosk site, serve it on 127.0.0.1, keep Chromium running on it.

    python -m scripts.kiosk [--headless] [--no-build] [--port 8765]

Why a local web server and not file://: the kiosk's Chromium policy (scripts/kiosk/kiosk-policy.json)
then blocks every address except 127.0.0.1, including file:// (no browsing the disk); storage
has one normal origin that the idle reset can wipe; and the server adds a Content-Security-Policy
that stops the page from loading anything from another machine. The server is a thread of this
process, bound to the loopback address only.

Chromium is restarted whenever it exits or crashes; a crash loop backs off (1 s, 2 s, 4 s ... up to
60 s, back to 1 s after a minute's stable run), and every restart is logged. Ctrl+C or SIGTERM
(systemd stop) ends Chromium's whole process group within a few seconds (SIGTERM, a bounded wait,
then SIGKILL) and stops the server.
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
# Lock-down flags (the policy file does the rest, see scripts/kiosk/README.md). No flag disables zooming:
# patients who need bigger text must be able to pinch.
CHROMIUM_FLAGS = [
    "--kiosk", "--incognito", "--noerrdialogs", "--disable-infobars", "--no-first-run",
    "--disable-session-crashed-bubble", "--disable-translate", "--disable-features=Translate,TranslateUI",
    "--overscroll-history-navigation=0", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-extensions",
    "--disable-quic", "--check-for-update-interval=31536000", "--password-store=basic",
]
# Crash-loop back-off: the first restart waits RESTART_DELAY_S, each quick crash after it twice as
# long, up to RESTART_DELAY_MAX_S; a run of STABLE_RUN_S or more starts the series again.
RESTART_DELAY_S = 1.0
RESTART_DELAY_MAX_S = 60.0
STABLE_RUN_S = 60.0
# On stop: how long Chromium may take to close after SIGTERM before its whole group gets SIGKILL.
STOP_GRACE_S = 3.0
# How often the launcher looks whether it was asked to stop (while Chromium runs or during a pause).
POLL_S = 0.2


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


class Backoff:
    """Pause before the next restart: doubles after each quick exit, capped; reset by a stable run."""

    def __init__(self, first: float = RESTART_DELAY_S, cap: float = RESTART_DELAY_MAX_S, stable: float = STABLE_RUN_S) -> None:
        self.first, self.cap, self.stable = first, cap, stable
        self.next = first

    def after_run(self, ran_for: float) -> float:
        if ran_for >= self.stable:
            self.next = self.first
        delay, self.next = self.next, min(self.next * 2, self.cap)
        return delay


def group_alive(pgid: int) -> bool:
    """Whether any process of the group still runs (zombies waiting for their parent do not count)."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended while we looked
            continue
        if int(fields[2]) == pgid and fields[0] not in "ZX":
            return True
    return False


def end_group(process: subprocess.Popen, grace: float) -> None:
    """SIGTERM to the process's whole group, at most `grace` seconds to close, then SIGKILL to the group.

    Chromium is started in a session of its own, so its group holds every helper (renderers, GPU,
    zygote); a bounded wait here is what lets systemd's stop finish within seconds on a busy machine."""
    pgid = process.pid

    def signal_group(signum: int) -> None:
        try:
            os.killpg(pgid, signum)
        except (ProcessLookupError, PermissionError):
            pass

    signal_group(signal.SIGTERM)
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        process.poll()  # reap our child, so it does not linger as a zombie group member
        if not group_alive(pgid):
            return
        time.sleep(0.05)
    signal_group(signal.SIGKILL)
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:  # not even SIGKILL: nothing more a user process can do
        print(f"kiosk: chromium (pid {pgid}) did not end after SIGKILL", flush=True)


class Launcher:
    def __init__(self, command: list[str], profile: Path, backoff: Backoff | None = None) -> None:
        self.command = command
        self.profile = profile
        self.backoff = backoff or Backoff()
        # A plain flag, not a threading.Event: a signal handler that takes a lock the interrupted
        # code already holds would deadlock the stop.
        self.stopping = False
        self.stop_asked: float | None = None  # time.monotonic() of the stop signal, for the log
        self.browser: subprocess.Popen | None = None

    def stop(self, signum=None, frame=None) -> None:
        """Signal handler: only sets the flag; run() notices within a fraction of a second and ends the group."""
        if not self.stopping:
            self.stop_asked = time.monotonic()
        self.stopping = True

    def run(self) -> int:
        restarts = 0
        while not self.stopping:
            # A fresh profile each time: nothing from the last run (or a crash) survives.
            shutil.rmtree(self.profile, ignore_errors=True)
            started = time.monotonic()
            self.browser = subprocess.Popen(self.command, start_new_session=True,
                                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            print(f"kiosk: chromium started, pid {self.browser.pid}", flush=True)
            code = self._wait_for_exit_or_stop()
            # After a crash (or on stop), helpers (renderers, GPU) can outlive the main process.
            end_group(self.browser, STOP_GRACE_S)
            if self.stopping:
                break
            ran_for = time.monotonic() - started
            pause = self.backoff.after_run(ran_for)
            restarts += 1
            print(f"kiosk: chromium exited with code {code} after {ran_for:.1f} s; "
                  f"restart {restarts} in {pause:.1f} s", flush=True)
            self._sleep_unless_stopped(pause)
        shutil.rmtree(self.profile, ignore_errors=True)
        return 0

    def _wait_for_exit_or_stop(self) -> int | None:
        """Chromium's exit code, or None when a stop was asked for first. Short waits in a loop, never
        one unbounded wait: a signal only sets a flag, and this loop is what notices it."""
        while not self.stopping:
            try:
                return self.browser.wait(timeout=POLL_S)
            except subprocess.TimeoutExpired:
                continue
        return None

    def _sleep_unless_stopped(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while not self.stopping and time.monotonic() < deadline:
            time.sleep(min(POLL_S, max(0.0, deadline - time.monotonic())))


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
        took = f" {time.monotonic() - launcher.stop_asked:.1f} s after the signal" if launcher.stop_asked else ""
        print(f"kiosk: stopped{took}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
