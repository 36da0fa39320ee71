"""Any static host: the built site works from a sub-path (the test server puts it under
/kennisplatform/) and so from the domain root too, with zero broken links, anchors or assets;
the 404 page and the sitemap work. Plain HTTP against the real built site, no browser needed
except to see the 404 page styled."""

from __future__ import annotations

import gzip
import html
import re
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit
from xml.etree import ElementTree

import pytest

from conftest import REGION_SITE_ENV, SUBPATH, _Handler, serve_subpath

pytestmark = pytest.mark.browser

LINK = re.compile(r"""<(?:a|link|script|img|source|iframe|use)\b[^>]*?\s(?:href|src|xlink:href)=["']([^"']*)["']""", re.IGNORECASE)
ANCHOR = re.compile(r"""\s(?:id|name)=["']([^"']+)["']""")
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")
SKIP = ("mailto:", "tel:", "data:", "javascript:")


def page_url(site: Path, file: Path, base: str) -> str:
    rel = file.relative_to(site).as_posix()
    return base + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


def links_of(text: str) -> list[str]:
    return [html.unescape(u) for u in LINK.findall(text)]


class Fetcher:
    """GETs each URL once; remembers status, body and anchors (read once per page)."""

    def __init__(self) -> None:
        self.cache: dict[str, tuple[int, bytes]] = {}
        self.anchor_cache: dict[str, set[str]] = {}
        self.lock = threading.Lock()

    def get(self, url: str) -> tuple[int, bytes]:
        with self.lock:
            if url in self.cache:
                return self.cache[url]
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                result = (response.status, response.read())
        except urllib.error.HTTPError as error:
            result = (error.code, b"")
        with self.lock:
            self.cache[url] = result
        return result

    def anchors(self, url: str) -> set[str]:
        with self.lock:
            if url in self.anchor_cache:
                return self.anchor_cache[url]
        status, body = self.get(url)
        found = set(ANCHOR.findall(body.decode("utf-8", "replace"))) if status == 200 else set()
        with self.lock:
            self.anchor_cache[url] = found
        return found


@pytest.fixture(scope="module")
def crawl(built_site: Path, site_url: str) -> dict:
    """Every link of every page (and every url() in our stylesheets), checked over HTTP under the sub-path."""
    fetcher = Fetcher()
    pages = sorted(p for p in built_site.rglob("*.html") if p.name != "404.html" and "wijzer-inline" not in p.parts)
    checks: list[tuple[str, str]] = []  # (page, absolute target)
    absolute_paths: list[tuple[str, str]] = []
    for file in pages:
        url = page_url(built_site, file, site_url)
        for link in links_of(file.read_text(encoding="utf-8")):
            if not link or link == "#" or link.startswith(SKIP):
                continue
            target = urljoin(url, link)
            if urlsplit(target).netloc != urlsplit(site_url).netloc:
                continue  # another site: not ours to check here (no request leaves the machine)
            if link.startswith("/"):
                absolute_paths.append((url, link))
            checks.append((url, target))
    for css in sorted((built_site / "assets").glob("*.css")):
        css_url = page_url(built_site, css, site_url)
        for link in CSS_URL.findall(css.read_text(encoding="utf-8")):
            if not link.startswith(("data:", "#")):
                checks.append((css_url, urljoin(css_url, link)))

    broken: list[str] = []

    def check(item: tuple[str, str]) -> None:
        source, target = item
        address, fragment = urldefrag(target)
        if not address.startswith(site_url):
            broken.append(f"{source} -> {target} (buiten de submap)")
            return
        status, _ = fetcher.get(address)
        if status != 200:
            broken.append(f"{source} -> {target} (HTTP {status})")
        elif fragment and unquote(fragment) not in fetcher.anchors(address):
            broken.append(f"{source} -> {target} (anker ontbreekt)")

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(check, checks))
    return {"pages": pages, "checks": checks, "broken": sorted(set(broken)), "absolute": absolute_paths}


def test_every_page_and_asset_link_works_under_a_sub_path(crawl):
    assert len(crawl["pages"]) > 500, "de site is niet volledig gebouwd"
    assert len(crawl["checks"]) > 10000
    print(f"{len(crawl['pages'])} pagina's, {len(crawl['checks'])} links gecontroleerd")
    assert not crawl["broken"], f"{len(crawl['broken'])} kapotte links, bijvoorbeeld:\n" + "\n".join(crawl["broken"][:25])


def test_no_link_depends_on_the_domain_root(crawl):
    """Relative links only: then the same files work from the root and from any sub-path."""
    assert not crawl["absolute"], crawl["absolute"][:10]


def test_sitemap_lists_every_page_and_nothing_else(built_site, site_url):
    tree = ElementTree.parse(built_site / "sitemap.xml")
    locs = [el.text for el in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    base = locs[0]
    assert all(loc.startswith(base) for loc in locs)
    listed = {loc[len(base):] for loc in locs}
    pages = {
        page_url(built_site, p, "")
        for p in built_site.rglob("index.html")
        if "noindex" not in p.read_text(encoding="utf-8")[:4000]  # pages for editors say so and stay out
    }
    missing = pages - listed
    assert not missing, sorted(missing)[:10]
    for path in listed:
        assert (built_site / path / "index.html").exists() or (built_site / path).is_file(), path
    assert gzip.decompress((built_site / "sitemap.xml.gz").read_bytes()) == (built_site / "sitemap.xml").read_bytes()


class _RootHandler(_Handler):
    """A host that serves the site under SUBPATH and answers unknown addresses with the site's 404 page."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            return super().send_error(code, message, explain)
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def root_url(built_site: Path) -> Iterator[str]:
    with serve_subpath(built_site, _RootHandler) as url:
        yield url


def test_the_404_page_is_dutch_styled_and_leads_back_from_any_depth(page, built_site, root_url):
    # MkDocs writes the 404 page with addresses from the path of site_url (here /kennisplatform/),
    # because a host shows it at any depth; docs/hosting.md says to set WIJZER_SITE_URL.
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    base_path = urlsplit(re.search(r"<loc>([^<]+)</loc>", sitemap).group(1)).path
    assert base_path == SUBPATH
    text = (built_site / "404.html").read_text(encoding="utf-8")
    assert f'href="{base_path}hulp-zoeken/"' in text
    page.goto(root_url + "bestaat/niet/diep/")
    assert page.locator("h1").inner_text() == "Pagina niet gevonden"
    assert page.locator(".wz-emergency").is_visible()
    color = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
    assert color != "rgba(0, 0, 0, 0)", "de stijl van de 404-pagina laadt niet"
    page.get_by_role("link", name="Hulp zoeken bij jou in de buurt").click()
    page.wait_for_url(root_url + "hulp-zoeken/")
    assert page.locator("h1").first.is_visible()


def test_without_a_real_address_no_canonical_links_and_no_sitemap(region_site):
    """No example.nl in a build without WIJZER_SITE_URL: no canonical links, no sitemap with wrong addresses.
    The build is the run's shared one without an address (conftest.region_site)."""
    site, status, output = region_site
    assert REGION_SITE_ENV["WIJZER_SITE_URL"] == ""
    assert status == 0, output[-3000:]
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'rel="canonical"' not in home and "example.nl" not in home
    assert not (site / "sitemap.xml").exists() and not (site / "sitemap.xml.gz").exists()
    assert "WIJZER_SITE_URL" in output
