"""Shared fixtures: the real site, built once from the real data, served on loopback under a
sub-path, and a real Chromium (Debian's, driven by Playwright)."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import json
import os
import pty
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Error as PlaywrightError

ROOT = Path(__file__).resolve().parent.parent
WIJZER = [sys.executable, "-m", "wijzer.cli"]
CHROMIUM = "/usr/bin/chromium"
SUBPATH = "/kennisplatform/"
# The address the shared site is built for: its path is SUBPATH, as a host would set WIJZER_SITE_URL.
TEST_SITE_URL = "https://wijzer.test" + SUBPATH
# Everything the shared site's build depends on besides the sources: a test that builds the same site
# again (determinism, atomic builds) uses the same settings and can compare its build with this one.
BUILT_SITE_ENV = {"WIJZER_SITE_URL": TEST_SITE_URL, "SOURCE_DATE_EPOCH": "1767225600", "PYTHONHASHSEED": "1"}
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
# Tried for speed and left out (Chromium 156, 7 December 2026): --disable-threaded-compositing made a visit
# a quarter cheaper only because the page then never draws a frame: requestAnimationFrame never fires, and
# Playwright's clicks wait for it. --single-process, --in-process-gpu, --disable-gpu-compositing,
# --disable-gpu-rasterization, --num-raster-threads=1, --disable-renderer-accessibility,
# --disable-client-side-phishing-detection and --js-flags=--max-opt=2 changed nothing beyond the noise.


def run_wijzer(*args: str, cwd: Path = ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*WIJZER, *args], cwd=cwd, capture_output=True, text=True, env={**os.environ, "CI": "1", **(env or {})}, timeout=600
    )


def wijzer_in_process(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """``wijzer <args>`` run by the command's own ``main`` in this process, as the command line runs
    it: in ``cwd``, with ``env`` as the whole environment (default: this one), and the exit status
    and both outputs as a subprocess gives them. The same code as the command, without the half
    second of starting Python and importing the models for each of the ~100 validation cases. An
    exception is not caught: it fails the test, as a traceback for the editor would."""
    import contextlib
    import io

    from wijzer import cli

    out, err = io.StringIO(), io.StringIO()
    saved_env, saved_cwd = dict(os.environ), os.getcwd()
    try:
        os.chdir(cwd)
        if env is not None:
            os.environ.clear()
            os.environ.update(env)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                status = cli.main(list(args))
            except SystemExit as stop:  # argparse: a wrong option (it has printed why)
                status = 0 if stop.code is None else stop.code if isinstance(stop.code, int) else 1
    finally:
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
    return subprocess.CompletedProcess(["wijzer", *args], status, out.getvalue(), err.getvalue())


def pytest_configure(config: pytest.Config) -> None:
    """One day for the whole run: every build and report counts from the day the run started, also
    when the run passes midnight in the Netherlands (the parallel workers inherit this setting)."""
    from wijzer.core import clock

    os.environ.setdefault(clock.FIXED_DAY, clock.today().isoformat())


# The test files that keep a worker busy longest, longest first (seconds on one of two workers, measured 7 December 2026).
# `make test` hands out whole files in collection order (--dist loadfile --no-loadscope-reorder), so
# these start first and the short files fill the gaps at the end. Without this, xdist starts the files
# with the most tests first, and a long file with few tests (axe on every page type, all gemeente
# handouts) started last, while the other workers had nothing left to do. A file not listed here
# keeps its place after these; the order decides only when a file runs, never what it checks.
LONGEST_FIRST = (
    "e2e/test_hostile.py",  # 35, with the build of its hostile site
    "core/test_loader_fuzz.py",  # 14, no site: it runs while the other worker builds the shared site
    "e2e/test_a11y.py",  # 39, with the build of the shared site
    "e2e/test_finder.py",  # 29
    "e2e/test_gemeente_print.py",  # 22: a handout for every gemeente with an entry point
    "e2e/test_safety.py",  # 20
    "e2e/test_taxatie.py",  # 19
    "e2e/test_search.py",  # 16
    "e2e/test_admin.py",  # 16
    "e2e/test_beslishulp.py",  # 13
    "e2e/test_finder_scale.py",  # 12
    "site/test_serve.py",  # 11
    "editors/test_fmt.py",  # 10
    "e2e/test_hosting.py",  # 10
    "site/test_build.py",  # 10
    "e2e/test_csp.py",  # 9
    "e2e/test_privacy.py",  # 8
    "e2e/test_offline.py",  # 8
    "core/test_validate_rules.py",  # 8
    "e2e/test_routekaart.py",  # 8
    "e2e/test_html_valid.py",  # 7
    "e2e/test_gemeente_picker.py",  # 6
    "e2e/test_layout_shift.py",  # 6
    "editors/test_init.py",  # 6
    "e2e/test_look.py",  # 5
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {ROOT / "tests" / name: number for number, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path, len(rank)))  # stable: a file's tests keep their order


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true", help="schrijf de golden files opnieuw")


@pytest.fixture(scope="session")
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


def once_per_run(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]) -> Path:
    """The folder ``name``, made by ``make`` once per test run: the parallel workers (pytest-xdist)
    share the run's temporary folder, the first to take the lock makes it, the others wait and use it.
    A full build costs seconds of CPU, so builds that several test files need are made here once."""
    from filelock import FileLock

    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the run's folder, above each worker's own
    target, done = shared / name, shared / f"{name}.done"
    with FileLock(str(shared / f"{name}.lock")):
        if not done.exists():
            shutil.rmtree(target, ignore_errors=True)
            make(target)
            done.touch()
    return target


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built in strict mode from the shipped data (or WIJZER_TEST_SITE if set), as CI builds it.

    Built once per test run (see once_per_run). What the build printed is kept next to the site
    (see built_site_output)."""
    prebuilt = os.environ.get("WIJZER_TEST_SITE")
    if prebuilt:
        return Path(prebuilt)

    def build(folder: Path) -> None:
        result = run_wijzer("build", "--strict", "--site-dir", str(folder / "site"), env=BUILT_SITE_ENV)
        assert result.returncode == 0, result.stderr + result.stdout
        printed = {"stdout": result.stdout, "stderr": result.stderr}
        (folder / "output.json").write_text(json.dumps(printed), encoding="utf-8")

    return once_per_run(tmp_path_factory, "built-site", build) / "site"


@pytest.fixture(scope="session")
def built_site_output(built_site: Path) -> dict[str, str] | None:
    """What the shared site's build printed (a build with CI=1), or None for a site built elsewhere."""
    record = built_site.parent / "output.json"
    if os.environ.get("WIJZER_TEST_SITE") or not record.is_file():
        return None
    return json.loads(record.read_text(encoding="utf-8"))


def build_in_terminal(site: Path, env: dict[str, str] | None = None) -> tuple[int, str]:
    """`wijzer build` with a pseudo-terminal as its output, as an editor runs it (not in CI)."""
    env = {k: v for k, v in {**os.environ, **(env or {})}.items() if k != "CI"}
    master, slave = pty.openpty()
    proc = subprocess.Popen([*WIJZER, "build", "--site-dir", str(site)], cwd=ROOT,
                            stdin=subprocess.DEVNULL, stdout=slave, stderr=slave, env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # the terminal closes when the build has ended
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    return proc.wait(timeout=600), b"".join(chunks).decode("utf-8", "replace")


# The second shared site: built in a terminal, without a site address, with a region's own look and
# manager. Each test that uses it checks only its own part: the terminal output (test_build_progress),
# no canonical links or sitemap without an address (test_hosting), the design tokens (test_look).
REGION_SITE_ENV = {"WIJZER_SITE_URL": "", "WIJZER_THEME": "voorbeeld", "WIJZER_BEHEERDER": "regio voorbeeld"}


@pytest.fixture(scope="session")
def region_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, str]:
    """(site, exit status, terminal output) of a build with REGION_SITE_ENV in a pseudo-terminal."""

    def build(folder: Path) -> None:
        folder.mkdir(parents=True)
        status, out = build_in_terminal(folder / "site", env=REGION_SITE_ENV)
        (folder / "output.json").write_text(json.dumps({"status": status, "output": out}), encoding="utf-8")

    folder = once_per_run(tmp_path_factory, "region-site", build)
    printed = json.loads((folder / "output.json").read_text(encoding="utf-8"))
    return folder / "site", printed["status"], printed["output"]


class _Handler(SimpleHTTPRequestHandler):
    """Serves the site under SUBPATH only, like a host that puts it in a folder."""

    def translate_path(self, path: str) -> str:
        clean = path.split("?", 1)[0].split("#", 1)[0]
        if not clean.startswith(SUBPATH):
            return str(Path(self.directory) / "__outside_subpath__")
        return super().translate_path("/" + clean[len(SUBPATH):])

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


class _Server(ThreadingHTTPServer):
    """Quiet when the browser hangs up halfway through a file (it left the page, or had it cached):
    that is a visitor's right, not an error of the site."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve_subpath(directory: Path, handler: type[SimpleHTTPRequestHandler] | None = None) -> Iterator[str]:
    """Serve ``directory`` on loopback under SUBPATH (with ``handler``, a subclass of the quiet
    ``_Handler``, where a test needs the server to answer differently); yields the site's URL."""
    server = _Server(("127.0.0.1", 0), functools.partial(handler or _Handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{SUBPATH}"
    finally:
        server.shutdown()


# Hosts whose files stay the same for the whole run: the shared site's server. What a browser keeps
# of them in its HTTP cache is what a returning visitor has; it is the same as a first visit's.
LASTING_ORIGINS: set[str] = set()


def origin_of(url: str) -> str:
    """The scheme, host and port of ``url``: http://127.0.0.1:8000 of http://127.0.0.1:8000/a/b/."""
    return "/".join(url.split("/", 3)[:3])


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    with serve_subpath(built_site) as url:
        LASTING_ORIGINS.add(origin_of(url))
        yield url


def each_case(cases: Iterable[Any], check: Callable[[Any], None], name: Callable[[Any], str] = str) -> dict[str, str]:
    """Run ``check(case)`` for every case, in the same browser tab where the check uses one, and
    return what failed, by case: one failing case does not hide the next. A tab is much cheaper
    to reuse than to open, which is why a walk over many pages is one test."""
    failed: dict[str, str] = {}
    for case in cases:
        try:
            check(case)
        except (AssertionError, PlaywrightError) as problem:
            failed[name(case)] = str(problem).strip()[:400]
    return failed


@contextlib.contextmanager
def requests_in_flight(page) -> Iterator[set]:
    """The requests of ``page`` that have no answer yet, kept up to date while the block runs. The
    site's icon is left out: the browser fetches it on its own schedule, and it changes nothing in
    the page."""
    pending: set = set()

    def asked(request) -> None:
        if "/favicon" not in request.url:
            pending.add(request)

    def answered(request) -> None:
        pending.discard(request)

    page.on("request", asked)
    page.on("requestfinished", answered)
    page.on("requestfailed", answered)
    try:
        yield pending
    finally:
        page.remove_listener("request", asked)
        page.remove_listener("requestfinished", answered)
        page.remove_listener("requestfailed", answered)


def settled(page, pending: set, timeout_s: float = 15) -> None:
    """Wait, after the load event, until the page is complete: two frames have been drawn (the
    observers that fetch content when it comes into view have run) and every request it made has
    its answer (``pending``, from requests_in_flight). What Playwright's "networkidle" gives,
    without its half second of silence on every page."""
    deadline = time.monotonic() + timeout_s
    while True:
        page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
        if not pending:
            return
        assert time.monotonic() < deadline, f"geen antwoord op: {sorted(r.url for r in pending)}"
        page.wait_for_timeout(20)


def pdf_pages(pdf: bytes) -> int:
    """The number of pages in a PDF that Chromium wrote (its /Type /Page objects)."""
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))


def printed_pages(page, **pdf_options: Any) -> int:
    """On how many pages the tab prints (``page.pdf`` options, e.g. ``format="A4"``). Chromium lays
    out the whole print and refuses a page range beyond its last page, so asking for page 2 alone
    tells one page from more without writing out the first; only a longer print is written whole,
    to count its pages."""
    try:
        page.pdf(**pdf_options, page_ranges="2")
    except PlaywrightError as refused:
        assert "exceeds page count" in str(refused), refused
        return 1
    return pdf_pages(page.pdf(**pdf_options))


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} ontbreekt: 'make test' installeert Debian's chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@dataclasses.dataclass
class _Profile:
    context: Any
    keeper: Any  # an open tab keeps the profile's processes warm
    session: Any  # CDP, for clearing what the sites stored
    origins: set[str]  # the hosts its tabs asked something of since the last reset
    reused: Any = None  # the tab the `page` fixture hands from test to test
    reused_by_test: bool = False


class BrowserProfiles:
    """Browser profiles (contexts) shared by one worker's tests, one per set of options (JavaScript
    off, a phone screen, ...). A new profile costs Chromium about a CPU-second and a new tab about
    a third of that, so the `page` fixture hands one tab from test to test. Each test still starts
    as a first-time visitor: after a test its other tabs are closed, the reused tab is emptied (no
    routes, no media or screen-size emulation, a blank page and no history), and every cookie and
    all stored data (Web Storage, IndexedDB, caches) of the hosts it visited are cleared. The HTTP
    cache is emptied too, unless the test asked nothing of any host but the shared site: its files
    do not change during the run, so the cache holds what a first visit fetches (and Playwright
    still reports each request). A route turns the cache off for its tab. What Playwright cannot
    take back from a tab (init scripts, exposed functions, a clock) needs a tab of its own: the
    `fresh_page` fixture or ``new_page()``. A test that needs something else of a profile makes its
    own context."""

    DEFAULTS = {"service_workers": "block", "locale": "nl-NL"}
    VIEWPORT = {"width": 1280, "height": 720}  # Playwright's default

    def __init__(self, browser) -> None:
        self.browser = browser
        self.profiles: dict[str, _Profile] = {}

    def _profile(self, options: dict[str, object]) -> _Profile:
        key = json.dumps(options, sort_keys=True)
        if key not in self.profiles:
            context = self.browser.new_context(**{**self.DEFAULTS, **options})
            keeper = context.new_page()
            profile = self.profiles[key] = _Profile(context, keeper, context.new_cdp_session(keeper), set())
            context.on("request", lambda r: profile.origins.add(origin_of(r.url)) if r.url.startswith("http") else None)
        return self.profiles[key]

    def new_page(self, **options: object):
        """A new tab, closed after the test."""
        return self._profile(options).context.new_page()

    def reused_page(self):
        """The default profile's tab that goes from test to test, emptied after each."""
        profile = self._profile({})
        if profile.reused is None or profile.reused.is_closed():
            profile.reused = profile.context.new_page()
        profile.reused_by_test = True
        return profile.reused

    def reset(self) -> None:
        """Close the tests' tabs, empty the reused one, forget what the sites stored."""
        for profile in self.profiles.values():
            for tab in profile.context.pages:
                if tab is profile.reused:
                    if profile.reused_by_test:
                        self._empty(profile)
                elif tab is not profile.keeper:
                    tab.close()
            for origin in sorted(profile.origins):
                profile.session.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
            if profile.origins - LASTING_ORIGINS:  # a host whose files may change, or a port a later server gets
                profile.session.send("Network.clearBrowserCache")
            profile.origins.clear()
            profile.reused_by_test = False
            profile.context.clear_cookies()
            profile.context.clear_permissions()

    def _empty(self, profile: _Profile) -> None:
        tab = profile.reused
        try:
            tab.unroute_all(behavior="ignoreErrors")
            tab.emulate_media(media="null", color_scheme="null", reduced_motion="null", forced_colors="null", contrast="null")
            if tab.viewport_size != self.VIEWPORT:
                tab.set_viewport_size(self.VIEWPORT)
            tab.goto("about:blank")
            # A CDP session that stays attached to a tab undoes Playwright's media emulation in it.
            session = profile.context.new_cdp_session(tab)
            session.send("Page.resetNavigationHistory")
            session.detach()
        except PlaywrightError:  # a crashed or stuck tab is not handed on
            tab.close()
            profile.reused = None


@pytest.fixture(scope="session")
def browser_profiles(browser) -> Iterator[BrowserProfiles]:
    profiles = BrowserProfiles(browser)
    yield profiles
    for profile in profiles.profiles.values():
        profile.context.close()


@pytest.fixture
def new_page(browser_profiles: BrowserProfiles) -> Iterator[Callable[..., object]]:
    """``new_page(**context_options)``: a fresh tab for a first-time visitor (see BrowserProfiles)."""
    yield browser_profiles.new_page
    browser_profiles.reset()


def listen(page, event: str, handler: Callable[[Any], None]) -> None:
    """``page.on(event, handler)`` for this test only: the tab that the `page` fixture hands on to
    the next test loses the listener when the test ends (other tabs are closed then anyway)."""
    page.on(event, handler)
    getattr(page, "test_listeners", []).append((event, handler))


def _watched(page):
    """Record the page's requests to other hosts and its JavaScript errors."""
    page.foreign_requests = []  # type: ignore[attr-defined]
    page.js_errors = []  # type: ignore[attr-defined]
    page.test_listeners = []  # type: ignore[attr-defined]  # added with listen()

    def on_request(request) -> None:
        if not request.url.startswith(("http://127.0.0.1", "data:", "blob:", "about:")):
            page.foreign_requests.append(request.url)

    def on_error(error) -> None:
        page.js_errors.append(str(error))

    page.on("request", on_request)
    page.on("pageerror", on_error)
    yield page
    page.remove_listener("request", on_request)
    page.remove_listener("pageerror", on_error)
    for event, handler in page.test_listeners:
        page.remove_listener(event, handler)
    assert not page.foreign_requests, f"verzoeken naar andere hosts: {page.foreign_requests}"
    assert not page.js_errors, f"JavaScript-fouten: {page.js_errors}"


@pytest.fixture
def page(browser_profiles: BrowserProfiles, new_page, site_url: str):
    """A first-time visitor's tab (see BrowserProfiles); fails the test on requests to other hosts
    and on JavaScript errors. The tab goes on to the next test: add no init scripts to it."""
    yield from _watched(browser_profiles.reused_page())


@pytest.fixture
def fresh_page(new_page, site_url: str):
    """As `page`, in a tab of its own, for a test that adds init scripts."""
    yield from _watched(new_page())
