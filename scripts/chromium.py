"""Debian's Chromium, as the tests and the benchmark start it: headless and with nothing to fetch."""

CHROMIUM = "/usr/bin/chromium"
# Without these, Chromium tries to reach Google's servers on start; the machine has no network.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-extensions",
]
