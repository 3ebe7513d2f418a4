"""Publishing on a real web server (issue 12, item 5): deploy/nginx.conf, tested as clinics will use it.

The headers come from the file itself: its `add_header` lines and the `map` they use are read here,
and a small server sends exactly those with the built site, which Chromium then opens page by page
under that Content-Security-Policy. Where nginx is installed (`scripts/setup-debian.sh --test`),
nginx itself checks the file (`nginx -t`) and serves the site with it, and its headers must be the
ones read here.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import http.server
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import ROOT

NGINX_CONF = ROOT / "deploy" / "nginx.conf"
NGINX = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin")  # sbin is not on every PATH

# ---- Reading deploy/nginx.conf -------------------------------------------------------------------


@dataclass
class Directive:
    name: str
    args: list[str]
    line: int
    block: list[Directive] | None = None

    def find(self, name: str) -> list[Directive]:
        return [child for child in self.block or [] if child.name == name]


_TOKEN = re.compile(r"""\s+|\#[^\n]*|"((?:\\.|[^"\\])*)"|'((?:\\.|[^'\\])*)'|([{};])|([^\s{};"'#]+)""")


def parse_nginx(text: str) -> list[Directive]:
    """nginx's configuration syntax as far as this file uses it: directives, quoted arguments, blocks."""
    root = Directive("", [], 0, [])
    stack, args, line_of_first = [root], [], 0
    for match in _TOKEN.finditer(text):
        double, single, punct, word = match.groups()
        if double is None and single is None and punct is None and word is None:
            continue  # whitespace or a comment
        line = text.count("\n", 0, match.start()) + 1
        if punct is None:
            quoted = double if double is not None else single
            # nginx unescapes only \" \' and \\ inside quotes; "\." in a regex stays as it is.
            value = re.sub(r"""\\(["'\\])""", r"\1", quoted) if quoted is not None else word
            line_of_first = line_of_first or line
            args.append(value)
        elif punct == ";":
            stack[-1].block.append(Directive(args[0], args[1:], line_of_first))
            args, line_of_first = [], 0
        elif punct == "{":
            directive = Directive(args[0], args[1:], line_of_first, [])
            stack[-1].block.append(directive)
            stack.append(directive)
            args, line_of_first = [], 0
        else:
            assert not args, f"{NGINX_CONF}:{line}: unfinished directive before '}}'"
            stack.pop()
    assert len(stack) == 1 and not args, f"{NGINX_CONF}: unbalanced braces or a missing ';'"
    return root.block


@dataclass
class SiteConfig:
    """The HTTPS server of deploy/nginx.conf: its headers (add_header) and the maps their values use."""

    headers: list[tuple[str, str]]
    maps: dict[str, tuple[str, list[tuple[str, str]]]] = field(default_factory=dict)
    server: Directive | None = None

    def headers_for(self, uri: str) -> dict[str, str]:
        return {name: re.sub(r"\$(\w+)", lambda m: self._variable(m.group(1), uri), value) for name, value in self.headers}

    def _variable(self, name: str, uri: str) -> str:
        source, entries = self.maps[name]
        assert source == "$uri", f"only maps over $uri are understood here, not {source}"
        values = dict(entries)
        if uri in values and not uri.startswith("~"):  # nginx: exact strings first, then regexes in order
            return values[uri]
        for pattern, value in entries:
            caseless = pattern.startswith("~*")
            if pattern.startswith("~") and re.search(pattern[2 if caseless else 1:], uri, re.IGNORECASE if caseless else 0):
                return value
        return values.get("default", "")


def read_config(path: Path = NGINX_CONF) -> SiteConfig:
    directives = parse_nginx(path.read_text(encoding="utf-8"))
    maps = {d.args[1].lstrip("$"): (d.args[0], [(entry.name, entry.args[0]) for entry in d.block])
            for d in directives if d.name == "map"}
    https = [d for d in directives if d.name == "server" and any("ssl" in listen.args for listen in d.find("listen"))]
    assert len(https) == 1, f"{path}: expected one HTTPS server block, found {len(https)}"
    server = https[0]
    for add_header in server.find("add_header"):
        assert add_header.args[-1] == "always", f"{path}:{add_header.line}: add_header without 'always' (error pages would lack it)"
    return SiteConfig([(d.args[0], d.args[1]) for d in server.find("add_header")], maps, server)


def _locations(block: list[Directive]):
    for directive in block:
        if directive.name == "location":
            yield directive
        if directive.block:
            yield from _locations(directive.block)


def csp_sources(csp: str, directive: str) -> list[str]:
    for part in csp.split(";"):
        words = part.split()
        if words and words[0] == directive:
            return words[1:]
    return []


# ---- The file itself -------------------------------------------------------------------------------

def test_the_config_sets_the_promised_headers_once_for_every_answer():
    config = read_config()
    headers = config.headers_for("/index.html")
    csp = headers["Content-Security-Policy"]
    assert csp_sources(csp, "default-src") == ["'none'"]
    assert csp_sources(csp, "frame-ancestors") == ["'none'"]
    for directive in ("script-src", "style-src", "img-src", "font-src", "connect-src", "worker-src"):
        sources = csp_sources(csp, directive)
        assert sources and sources[0] == "'self'", directive
        # Nothing from another website, no eval; inline scripts only by hash. Inline styles only
        # because each page has its own print header (overrides/main.html).
        allowed = ("'self'", "data:", "'unsafe-inline'") if directive == "style-src" else ("'self'", "data:")
        assert not [s for s in sources if s not in allowed and not s.startswith("'sha256-")], directive
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    # nginx drops every inherited add_header in a block that has one of its own: none may.
    for location in _locations([config.server]):
        assert not location.find("add_header"), f"{NGINX_CONF}:{location.line}: add_header inside a location"
    gzip = {d.name: d.args for d in config.server.block if d.name.startswith("gzip")}
    assert gzip["gzip"] == ["on"]
    assert {"text/css", "application/javascript", "application/json", "image/svg+xml"} <= set(gzip["gzip_types"])


def test_only_files_with_a_content_hash_are_cached_for_long(built_site):
    config = read_config()
    hashed = [p for p in built_site.glob("assets/**/*.min.*") if re.search(r"\.[0-9a-f]{8}\.min\.(js|css)$", p.name)]
    assert hashed, "no hashed Material assets in the built site"
    for path in hashed:
        assert "immutable" in config.headers_for("/" + path.relative_to(built_site).as_posix())["Cache-Control"]
    for name in ("/index.html", "/neck.html", "/assets/stylesheets/extra.css", "/search/search_index.js", "/images/", "/"):
        assert config.headers_for(name)["Cache-Control"] == "no-cache", name


def inline_script_hashes(site: Path) -> dict[str, str]:
    """sha256 source of every inline script in the built site -> the first file that has it."""
    found = {}
    for html in sorted(site.rglob("*.html")):
        for attrs, body in re.findall(r"<script([^>]*)>(.*?)</script>", html.read_text(encoding="utf-8"), re.DOTALL):
            if "src=" in attrs or "application/json" in attrs:  # files, and data that never runs
                continue
            digest = "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"
            found.setdefault(digest, f"{html.relative_to(site)}: {body[:60]}")
    return found


def test_the_policy_allows_exactly_the_inline_scripts_the_site_has(built_site):
    """A new Material version, a changed site_url or a new inline script in overrides/ changes these;
    this test then names the line to change."""
    allowed = {s for s in csp_sources(read_config().headers_for("/")["Content-Security-Policy"], "script-src")
               if s.startswith("'sha256-")}
    needed = inline_script_hashes(built_site)
    missing = [f"{digest} (for {where})" for digest, where in needed.items() if digest not in allowed]
    assert not missing, f"{NGINX_CONF}: add to script-src: " + "; ".join(missing)
    unused = sorted(allowed - set(needed))
    assert not unused, f"{NGINX_CONF}: no page has these inline scripts any more; remove from script-src: {' '.join(unused)}"


# ---- The built site in Chromium, under exactly these headers ---------------------------------------

class _Handler(http.server.SimpleHTTPRequestHandler):
    config: SiteConfig

    def end_headers(self) -> None:
        for name, value in self.config.headers_for(urllib.parse.unquote(self.path.split("?")[0])).items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def published(built_site):
    handler = functools.partial(type("Handler", (_Handler,), {"config": read_config()}), directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


# Collects policy violations in the page (workers report theirs to the console).
WATCH_CSP = """window.__csp = []; document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + e.sourceFile + ':' + e.lineNumber));"""


class Visitor:
    def __init__(self, browser) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 800})
        self.context.set_default_timeout(15_000)
        self.context.add_init_script(WATCH_CSP)
        self.problems: list[str] = []
        self.page = self.context.new_page()
        self.page.on("console", lambda message: message.type == "error" and self.problems.append(f"console: {message.text}"))
        self.page.on("pageerror", lambda error: self.problems.append(f"script error: {error}"))
        self.page.on("requestfailed", lambda request: self.problems.append(f"failed: {request.url}"))
        self.context.on("weberror", lambda error: self.problems.append(f"web error: {error.error}"))

    def visit(self, url: str) -> list[str]:
        self.problems.clear()
        answer = self.page.goto(url, wait_until="load")
        assert answer.headers.get("content-security-policy"), "the test server sent no policy"
        # Material sets itself up after load (search worker, tooltips); let it finish, then ask.
        self.page.wait_for_function("typeof document$ !== 'undefined'")
        self.page.wait_for_load_state("networkidle")
        return self.problems + [f"CSP: {v}" for v in self.page.evaluate("window.__csp")]


def test_every_page_works_under_the_policy(browser, built_site, published):
    visitor = Visitor(browser)
    try:
        pages = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html"))
        assert "index.html" in pages and "404.html" in pages
        found = {name: problems for name in pages if (problems := visitor.visit(published + name))}
        assert found == {}
    finally:
        visitor.context.close()


def test_search_works_under_the_policy(browser, built_site, published):
    visitor = Visitor(browser)
    try:
        assert visitor.visit(published + "index.html") == []
        page = visitor.page
        page.locator("input.md-search__input").click()
        page.keyboard.type("glossary")
        page.locator(".md-search-result__item a[href*='glossary.html']").first.wait_for(state="visible")
        assert visitor.problems + page.evaluate("window.__csp") == []
    finally:
        visitor.context.close()


def test_breaking_the_policy_is_seen(browser, built_site):
    """The watch above works: with one inline-script hash left out, the page reports the violation."""
    config = read_config()
    config.headers = [(name, re.sub(r"'sha256-[^']+'", "", value, count=1) if name == "Content-Security-Policy" else value)
                      for name, value in config.headers]
    handler = functools.partial(type("Handler", (_Handler,), {"config": config}), directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    visitor = Visitor(browser)
    try:
        problems = visitor.visit(f"http://127.0.0.1:{server.server_address[1]}/index.html")
        assert any(problem.startswith("CSP: script-src") for problem in problems), problems
    finally:
        visitor.context.close()
        server.shutdown()
        server.server_close()


# ---- nginx itself, where it is installed -----------------------------------------------------------

needs_nginx = pytest.mark.skipif(NGINX is None or shutil.which("openssl") is None,
                                 reason="nginx or openssl is not installed (scripts/setup-debian.sh --test installs them)")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def nginx_setup(tmp_path_factory, built_site):
    """deploy/nginx.conf with only the clinic's lines changed (folder, certificate, ports), inside a
    minimal main configuration as Debian's nginx.conf would include it."""
    folder = tmp_path_factory.mktemp("nginx")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
                    "-keyout", str(folder / "key.pem"), "-out", str(folder / "cert.pem")],
                   check=True, capture_output=True, timeout=60)
    http_port, https_port = _free_port(), _free_port()
    text = NGINX_CONF.read_text(encoding="utf-8")
    for old, new in [(r"root /var/www/numb-hands-and-feet;", f"root {built_site};"),
                     (r"ssl_certificate +\S+;", f"ssl_certificate {folder / 'cert.pem'};"),
                     (r"ssl_certificate_key +\S+;", f"ssl_certificate_key {folder / 'key.pem'};"),
                     (r"listen (\[::\]:)?443 ", f"listen 127.0.0.1:{https_port} "),
                     (r"listen (\[::\]:)?80;", f"listen 127.0.0.1:{http_port};")]:
        text, count = re.subn(old, new, text)
        assert count, f"{NGINX_CONF}: no line matches {old!r} any more; update this test"
    # Both IPv4 and IPv6 lines became the same address: keep one of each.
    text = re.sub(r"(\n\s*listen [^\n]+)\1", r"\1", text)
    (folder / "site.conf").write_text(text, encoding="utf-8")
    (folder / "main.conf").write_text(
        f"pid {folder}/nginx.pid;\nerror_log {folder}/error.log;\nevents {{}}\n"
        f"http {{\n  include /etc/nginx/mime.types;\n  access_log {folder}/access.log;\n  include {folder}/site.conf;\n}}\n",
        encoding="utf-8")
    return folder, http_port, https_port


@needs_nginx
def test_nginx_accepts_the_file(nginx_setup):
    folder, _, _ = nginx_setup
    done = subprocess.run([NGINX, "-t", "-c", str(folder / "main.conf"), "-p", str(folder), "-e", str(folder / "error.log")],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr


@needs_nginx
def test_nginx_sends_the_same_headers_and_compresses(nginx_setup, built_site):
    folder, http_port, https_port = nginx_setup
    server = subprocess.Popen([NGINX, "-c", str(folder / "main.conf"), "-p", str(folder), "-e", str(folder / "error.log"),
                               "-g", "daemon off; master_process off;"], start_new_session=True,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    tls = ssl.create_default_context()
    tls.check_hostname, tls.verify_mode = False, ssl.CERT_NONE  # our throwaway certificate

    def get(path: str, **headers) -> tuple[int, dict, bytes]:
        request = urllib.request.Request(f"https://127.0.0.1:{https_port}{path}", headers=headers)
        try:
            with urllib.request.urlopen(request, context=tls, timeout=15) as answer:
                return answer.status, {k.lower(): v for k, v in answer.headers.items()}, answer.read()
        except urllib.error.HTTPError as error:
            return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()

    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", https_port), timeout=1).close()
                break
            except OSError:
                assert server.poll() is None, server.stderr.read()
                assert time.monotonic() < deadline, "nginx did not start within 30 s"
                time.sleep(0.1)
        config = read_config()
        bundle = "/" + next(built_site.glob("assets/javascripts/bundle.*.min.js")).relative_to(built_site).as_posix()
        for path, status in [("/index.html", 200), ("/neck.html", 200), (bundle, 200), ("/no-such-page.html", 404)]:
            code, headers, _ = get(path)
            assert code == status, path
            for name, value in config.headers_for(path).items():
                assert headers.get(name.lower()) == value, f"{path}: {name}"
        assert get(bundle, **{"Accept-Encoding": "gzip"})[1].get("content-encoding") == "gzip"
        assert get("/index.html", **{"Accept-Encoding": "gzip"})[1].get("content-encoding") == "gzip"
        assert get("/no-such-page.html")[2] == (built_site / "404.html").read_bytes()  # the site's own 404 page
        # Plain HTTP sends to HTTPS.
        connection = socket.create_connection(("127.0.0.1", http_port), timeout=15)
        connection.sendall(b"GET /neck.html HTTP/1.0\r\nHost: numb-hands-and-feet.example.org\r\n\r\n")
        reply = connection.recv(4096).decode("latin-1")
        connection.close()
        assert reply.startswith("HTTP/1.1 301") and "Location: https://numb-hands-and-feet.example.org/neck.html" in reply
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait(timeout=15)
