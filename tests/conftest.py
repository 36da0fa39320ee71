"""Shared fixtures: the real site, built once from the real data, served on loopback under a
sub-path, and a real Chromium (Debian's, driven by Playwright)."""

from __future__ import annotations

import contextlib
import functools
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
WIJZER = [sys.executable, "-m", "wijzer.cli"]
CHROMIUM = "/usr/bin/chromium"
SUBPATH = "/kennisplatform/"
# The address the shared site is built for: its path is SUBPATH, as a host would set WIJZER_SITE_URL.
TEST_SITE_URL = "https://wijzer.test" + SUBPATH
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
]


def run_wijzer(*args: str, cwd: Path = ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*WIJZER, *args], cwd=cwd, capture_output=True, text=True, env={**os.environ, "CI": "1", **(env or {})}, timeout=600
    )


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true", help="schrijf de golden files opnieuw")


@pytest.fixture(scope="session")
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built in strict mode from the shipped data (or WIJZER_TEST_SITE if set).

    Built once per test run: the parallel workers (pytest-xdist) share the run's temporary folder,
    and the first to take the lock builds; the others wait and use the same site."""
    from filelock import FileLock

    prebuilt = os.environ.get("WIJZER_TEST_SITE")
    if prebuilt:
        return Path(prebuilt)
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the run's folder, above each worker's own
    site = shared / "built-site"
    with FileLock(str(shared / "built-site.lock")):
        if not (site / "sitemap.xml").is_file():
            result = run_wijzer("build", "--strict", "--site-dir", str(site), env={"WIJZER_SITE_URL": TEST_SITE_URL})
            assert result.returncode == 0, result.stderr + result.stdout
    return site


class _Handler(SimpleHTTPRequestHandler):
    """Serves the site under SUBPATH only, like a host that puts it in a folder."""

    def translate_path(self, path: str) -> str:
        clean = path.split("?", 1)[0].split("#", 1)[0]
        if not clean.startswith(SUBPATH):
            return str(Path(self.directory) / "__outside_subpath__")
        return super().translate_path("/" + clean[len(SUBPATH):])

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@contextlib.contextmanager
def serve_subpath(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on loopback under SUBPATH; yields the site's URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{SUBPATH}"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    with serve_subpath(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} ontbreekt: 'make test' installeert Debian's chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, site_url: str):
    """A fresh page; records requests to other hosts and JavaScript errors, and fails on them."""
    context = browser.new_context(service_workers="block", locale="nl-NL")
    page = context.new_page()
    page.foreign_requests = []  # type: ignore[attr-defined]
    page.js_errors = []  # type: ignore[attr-defined]
    page.on("request", lambda r: None if r.url.startswith(("http://127.0.0.1", "data:", "blob:", "about:")) else page.foreign_requests.append(r.url))
    page.on("pageerror", lambda e: page.js_errors.append(str(e)))
    yield page
    context.close()
    assert not page.foreign_requests, f"verzoeken naar andere hosts: {page.foreign_requests}"
    assert not page.js_errors, f"JavaScript-fouten: {page.js_errors}"
