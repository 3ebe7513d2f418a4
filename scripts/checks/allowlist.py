"""External links and page sources may only point to trusted health bodies (scripts/checks/allowlist.txt)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from scripts.checks.links import is_external, links
from scripts.problems import Problem
from scripts.sources import Source, memo

ALLOWLIST_FILE = Path(__file__).with_name("allowlist.txt")
SAFE_SCHEMES = {"mailto", "tel"}


def load(path: Path = ALLOWLIST_FILE) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip().lower() for line in lines if line.strip() and not line.startswith("#")]


def allowed(url: str, domains: list[str]) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return any(host == d or host.endswith("." + d) for d in domains)


def _check_url(source: Source, line: int, url: str, domains: list[str]) -> list[Problem]:
    scheme = urlsplit(url).scheme.lower()
    if scheme in SAFE_SCHEMES or scheme not in ("http", "https", ""):
        return []  # javascript:, data: and other schemes are refused by checks/markup.py
    if scheme != "https":
        return [Problem(source.shown, line, f"the address '{url}' does not start with https://",
                        "use the https:// address of the page")]
    if not allowed(url, domains):
        host = urlsplit(url).hostname
        return [Problem(source.shown, line, f"'{host}' is not on the list of trusted sources",
                        "link to a trusted health body instead (see scripts/checks/allowlist.txt), or ask the clinical lead to add it")]
    return []


def check(sources: list[Source], domains: list[str]) -> list[Problem]:
    problems: list[Problem] = []
    for source in sources:
        problems += memo(source, "allowlist", domains, lambda s: source_problems(s, domains))
    return problems


def source_problems(source: Source, domains: list[str]) -> list[Problem]:
    """Addresses of one page (its links, and the sources in its front matter) outside the allowlist."""
    problems: list[Problem] = []
    for link in links(source):
        if is_external(link.target):
            problems += _check_url(source, link.line, link.target, domains)
    listed = source.meta.get("sources")
    for url in listed if isinstance(listed, list) else []:
        if isinstance(url, str):
            problems += _check_url(source, _source_line(source, url), url.strip(), domains)
    return problems


def _source_line(source: Source, url: str) -> int:
    for offset, line in enumerate(source.front_matter_text.split("\n")):
        if url in line:
            return offset + 2
    return 1
