"""Using the site search as a visitor does, in Chromium: type into the field in the header and
read the results panel (overrides/partials/wz-search.html). Shared by the search tests."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

VERBOSE = False
QUERIES_FILE = Path(__file__).resolve().parent.parent / "search" / "queries.yaml"
# What focus on the search field may fetch (the search code, its word list and stemmer), and
# nothing else: the tools that keep answers private allow these requests and no others.
SEARCH_FILES = re.compile(r"/(assets/(v/)?search-engine(\.[0-9a-f]+)?\.js|search/(meta|stem)\.js)$")


def load_queries() -> dict[str, list[dict]]:
    data = yaml.safe_load(QUERIES_FILE.read_text(encoding="utf-8"))
    return {"tuning": data["tuning"], "held_out": data["held_out"]}


def search(page, query: str, timeout_ms: int = 15000) -> list[str]:
    """Type ``query`` into the search field; the result pages (paths under the site root), best first."""
    box = page.get_by_role("searchbox", name="Zoeken")
    box.click()
    box.fill(query)
    page.wait_for_function(
        "q => document.getElementById('wz-search-panel').getAttribute('data-wz-query') === q", arg=query, timeout=timeout_ms
    )
    hrefs = page.locator("#wz-search-results a.wz-search__link").evaluate_all("links => links.map(a => a.href)")
    root = page.evaluate("() => window.wzSearch.root")
    return [path_of(h, root) for h in hrefs]


def path_of(href: str, root: str) -> str:
    """A result link as a site path like 'juridisch/ouderlijk-gezag/' (also for the offline build's
    'juridisch/ouderlijk-gezag.html')."""
    path = href[len(root):] if href.startswith(root) else href
    path = path.split("#")[0].split("?")[0]
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    return re.sub(r"\.html$", "/", path)


# The query set, query by query as the field gets it: the whole text arrives in one input event, as
# a paste gives it (answered at once, without the wait for a next letter), and the answer is read
# when the panel says it shows this query. One call into the page per query: the ranking is what is
# tested here, the typing and the panel have their own tests in test_search.py.
RESULTS_FOR = """async (q) => {
  const box = document.getElementById("wz-search-input");
  const panel = document.getElementById("wz-search-panel");
  box.focus();
  box.value = q;
  box.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
  await new Promise((done) => {
    if (panel.getAttribute("data-wz-query") === q) return done();
    const shown = new MutationObserver(() => {
      if (panel.getAttribute("data-wz-query") === q) { shown.disconnect(); done(); }
    });
    shown.observe(panel, { attributes: true, attributeFilter: ["data-wz-query"] });
  });
  return [...document.querySelectorAll("#wz-search-results a.wz-search__link")].map((a) => a.href);
}"""


def score(page, queries: list[dict]) -> tuple[int, list[tuple[str, list[str]]]]:
    """How many queries have an acceptable page in the top three, and the misses."""
    good, misses = 0, []
    root = None
    for entry in queries:
        hrefs = page.evaluate(RESULTS_FOR, entry["q"])
        root = root or page.evaluate("() => window.wzSearch.root")
        top = [path_of(h, root) for h in hrefs][:3]
        print(entry["q"], top, flush=True) if VERBOSE else None
        if any(p in entry["answers"] for p in top):
            good += 1
        else:
            misses.append((entry["q"], top))
    return good, misses
