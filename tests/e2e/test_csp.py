"""Content-Security-Policy in real Chromium: the site's own scripts work under it, injected code does not.

Visits every kind of page (all hand-written pages from the sitemap, two of each generated kind,
the 404 page), uses the search (lunr in a web worker) and records every `securitypolicyviolation`
event and every CSP message on the console. There must be none. Then proves the policy is really
in force: markup injected after load cannot run an inline handler or an inline script.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

import pytest

from conftest import SUBPATH
from wijzer.site.csp import header_policy, meta_policy

pytestmark = pytest.mark.browser

GENERATED = {"aanbod", "organisaties", "gemeenten", "juridisch"}

RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`);
});
"""


def page_paths(site: Path) -> list[str]:
    """Every hand-written page, and the overview plus two pages of each generated kind."""
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = [loc.text or "" for loc in ET.parse(site / "sitemap.xml").getroot().findall("s:url/s:loc", ns)]
    # addresses relative to the site, whether it is built for a domain root or for a sub-path
    paths = [re.sub(r"^https?://[^/]+/(.*)$", r"\1", u).removeprefix(SUBPATH.lstrip("/")) for u in urls]
    per_kind: dict[str, list[str]] = defaultdict(list)
    chosen = []
    for path in paths:
        first = path.split("/", 1)[0]
        if first in GENERATED and path.count("/") > 1:
            per_kind[first].append(path)
        else:
            chosen.append(path)
    for kind in sorted(per_kind):
        chosen += per_kind[kind][:2]
    return chosen


@pytest.fixture
def watched(fresh_page):
    page = fresh_page
    page.csp_console = []  # type: ignore[attr-defined]
    page.add_init_script(RECORD_VIOLATIONS)
    page.on(
        "console",
        lambda msg: page.csp_console.append(msg.text) if "Content Security Policy" in msg.text else None,
    )
    return page


def violations(page) -> list[str]:
    return page.evaluate("window.__csp") + page.csp_console


def test_every_page_type_runs_without_a_csp_violation(watched, site_url, built_site):
    paths = page_paths(built_site)
    kinds = {p.split("/", 1)[0] for p in paths}
    assert kinds >= GENERATED
    assert set(paths) >= {"", "hulp-zoeken/"}
    found = {}
    for path in [*paths, "404.html"]:
        watched.goto(site_url + path)  # waits for the load event
        # the policies in the page, and what was blocked, read after late violations (workers, timers) could arrive
        policies, blocked = watched.evaluate("""() => new Promise((done) => setTimeout(() => done([
            [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')].map((m) => m.content),
            window.__csp]), 50))""")
        assert policies == [meta_policy()], path
        if blocked + watched.csp_console:
            found[path] = blocked + watched.csp_console
    assert found == {}


def test_search_works_under_the_policy(watched, site_url):
    watched.goto(site_url)
    box = watched.get_by_role("searchbox", name="Zoeken")
    box.click()
    box.press_sequentially("1:377c", delay=20)  # an article number: index, engine and snippet all run
    watched.wait_for_function("() => document.getElementById('wz-search-panel').getAttribute('data-wz-query') === '1:377c'",
                              timeout=15000)  # the list shows the whole query, not a letter typed on the way
    results = watched.locator("#wz-search-results .wz-search__result")
    assert "Informatie en overleg over je kind" in results.all_inner_texts()[0] + results.all_inner_texts()[1]
    assert watched.locator("#wz-search-results mark").count() > 0  # the snippet marks the article
    assert violations(watched) == []


def test_injected_markup_cannot_run(watched, site_url):
    """What an XSS would try after the page loaded: an inline handler and an inline script. Both blocked."""
    watched.goto(site_url + "aanbod/")
    watched.evaluate(
        """() => {
        document.body.insertAdjacentHTML("beforeend", '<img src="x-geen-plaatje" onerror="window.__pwned = 1">');
        const s = document.createElement("script");
        s.textContent = "window.__pwned = 2";
        document.body.appendChild(s);
        const a = document.createElement("a");
        a.href = "javascript:window.__pwned = 3";
        document.body.appendChild(a);
        a.click();
    }"""
    )
    watched.wait_for_timeout(300)
    assert watched.evaluate("window.__pwned") is None
    blocked = watched.evaluate("window.__csp")
    assert sum("script-src" in v for v in blocked) >= 3, blocked
    watched.csp_console.clear()  # the expected violations above are not a failure of the site


def test_docs_and_host_configs_state_the_same_policy():
    """The header text for hosts (docs/security.md and every deploy/ config that sets a CSP) is the policy of the build."""
    root = Path(__file__).resolve().parents[2]
    assert f"Content-Security-Policy: {header_policy()}" in (root / "docs" / "security.md").read_text(encoding="utf-8")
    assert meta_policy() in (root / "docs" / "security.md").read_text(encoding="utf-8")
    deploy = root / "deploy"
    configs = [p for p in deploy.rglob("*") if p.is_file()] if deploy.is_dir() else []
    for config in configs:
        text = config.read_text(encoding="utf-8", errors="replace")
        if "Content-Security-Policy" in text:
            assert header_policy() in text, f"{config.relative_to(root)} wijkt af van csp.header_policy()"
