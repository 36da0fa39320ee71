"""The editors' pages in the real built site, in real Chromium: the CMS at admin/ (served from the
site itself, zero requests to other hosts) and the unlisted content report at redactie/rapport/.

The CMS normally talks to GitHub, which a test cannot reach. To check that the generated
configuration really works in the CMS, one test swaps only the `backend` block of the served
config.yml for Sveltia's built-in `test-repo` backend (a repository in the browser's private file
system), puts the real data files in it, edits an offer through the form, and runs `wijzer validate`
on what the CMS saved."""

from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path

import pytest
import yaml

from conftest import listen, wijzer_in_process
from wijzer.core.models import DATA_FILES

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]

SEED = """async (files) => {
  const root = await navigator.storage.getDirectory();
  const repo = await root.getDirectoryHandle('sveltia-cms-test', {create: true});
  for (const [path, text] of Object.entries(files)) {
    let dir = repo;
    const parts = path.split('/');
    for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, {create: true});
    const handle = await dir.getFileHandle(parts.at(-1), {create: true});
    const out = await handle.createWritable();
    await out.write(text);
    await out.close();
  }
}"""
READ = """async (path) => {
  let dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('sveltia-cms-test');
  const parts = path.split('/');
  for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part);
  return await (await (await dir.getFileHandle(parts.at(-1))).getFile()).text();
}"""


def meaning(entry: dict) -> dict:
    """An entry without layout: defaults left out, text trimmed, Markdown as the HTML the site shows."""
    from wijzer.pages.render import markdown_html

    out = {}
    for key, value in entry.items():
        if isinstance(value, dict):
            value = {k: v for k, v in value.items() if v not in (False, None, [], "")}
        if value in (None, [], ""):
            continue
        out[key] = str(markdown_html(value)) if key == "description" else value.strip() if isinstance(value, str) else value
    return out


def test_admin_page_runs_the_cms_from_the_site_itself(page, site_url):
    failed = []
    listen(page, "response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page.goto(site_url + "admin/")
    # the CMS started, read the generated config and speaks Dutch (locale nl-NL)
    # (the CMS wraps names in Unicode isolation marks: "Inloggen met \u2068GitHub\u2069")
    page.get_by_role("button", name=re.compile("^Inloggen met \u2068?GitHub")).wait_for()
    assert page.get_by_role("button", name="Inloggen met een toegangstoken").is_visible()
    assert page.get_by_text("Wijzer redactie").first.is_visible()
    assert page.eval_on_selector_all("script", "els => els.map(e => e.src)") == [site_url + "admin/sveltia-cms.js"]
    assert page.get_attribute('meta[name="robots"]', "content") == "noindex, nofollow"
    # its icon font comes from the site, so icons are icons and not words like 'arrow_back'
    page.wait_for_function("document.fonts.check('24px \"Material Symbols Outlined\"', 'search')")
    assert page.evaluate("document.fonts.status") == "loaded"
    assert not failed, f"niet gevonden: {failed}"
    # the page fixture fails the test on any request to another host and on any JavaScript error


def test_editors_pages_are_not_linked_from_public_pages(page, site_url):
    for path in ("", "aanbod/", "over/", "over/redactie/", "gemeenten/"):
        page.goto(site_url + path)
        hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
        assert not [h for h in hrefs if "/admin/" in h or "/redactie/rapport" in h], path


def test_report_page_lists_what_the_command_lists(page, site_url, built_site):
    result = wijzer_in_process("report", cwd=ROOT)
    expected = dict(re.findall(r"^\| \[([^\]]+)\]\(#[a-z-]+\) \| (\d+) \|$", result.stdout, re.MULTILINE))
    page.goto(site_url + "redactie/rapport/")
    assert page.locator("h1").inner_text() == "Inhoudsrapport voor de redactie"
    assert page.get_attribute('meta[name="robots"]', "content") == "noindex, nofollow"
    rows = page.locator(".md-content table tbody tr")
    shown = {rows.nth(i).locator("td").nth(0).inner_text(): rows.nth(i).locator("td").nth(1).inner_text() for i in range(rows.count())}
    if os.environ.get("WIJZER_TEST_SITE") is None:  # built from the same data as the command just read
        assert shown == expected
    assert list(shown) == list(expected)
    # not in the search index, and each gemeente in the list links to its page
    pages = "".join(f.read_text(encoding="utf-8") for f in (built_site / "search" / "d").glob("*.js"))
    assert '"u":"redactie/rapport/"' not in pages and '"u":"redactie/' not in pages
    link = page.locator("#gemeenten-zonder-toegang + p + ul a").first
    name = link.inner_text()
    link.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == f"Hulp bij scheiding in {name}"


def test_an_offer_edited_in_the_cms_passes_validation(page, site_url, tmp_path):
    def test_backend(route):
        response = route.fetch()
        config = yaml.safe_load(response.text())
        assert config["backend"]["name"] == "github" and config["publish_mode"] == "editorial_workflow"
        config["backend"] = {"name": "test-repo"}
        route.fulfill(response=response, body=yaml.safe_dump(config, allow_unicode=True, sort_keys=False))

    page.route("**/admin/config.yml*", test_backend)
    before = {o["id"]: o for o in yaml.safe_load((ROOT / "data" / "offers.yaml").read_text(encoding="utf-8"))["offers"]}
    first = next(iter(before.values()))
    page.goto(site_url)  # same origin as admin/: put the real data in the browser's repository
    page.evaluate(SEED, {f"data/{name}": (ROOT / "data" / name).read_text(encoding="utf-8") for name in DATA_FILES})
    page.goto(site_url + "admin/")
    page.get_by_role("button", name="Werken met een testrepository").click()
    for label in ("Hulpaanbod", "Organisaties", "Wet en regels", "Ladder, gemeenten en instellingen"):
        page.get_by_text(label, exact=True).first.wait_for()
    page.goto(site_url + "admin/#/collections/aanbod/entries/offers")
    page.get_by_text(first["name"], exact=True).first.wait_for()
    page.get_by_role("button", name="Uitvouwen").first.click()  # the first offer in the file

    # the form uses the model's Dutch descriptions as help text
    assert page.get_by_text("Eén zin in gewone taal: wat is het en voor wie?").first.is_visible()
    summary = page.get_by_role("textbox", name="Samenvatting").first
    original = summary.input_value()
    summary.fill(original + " Aangepast via de redactieomgeving.")
    page.get_by_role("button", name="Opslaan").click()

    deadline = time.monotonic() + 20
    saved = ""
    while "Aangepast via de redactieomgeving." not in saved and time.monotonic() < deadline:
        page.wait_for_timeout(250)
        saved = page.evaluate(READ, "data/offers.yaml")
    assert "Aangepast via de redactieomgeving." in saved
    lines = changed_lines((ROOT / "data" / "offers.yaml").read_text(encoding="utf-8"), saved)
    print(f"\nCMS-wijziging van één veld in offers.yaml: {len(lines)} gewijzigde regels\n" + "\n".join(lines))
    assert len(lines) <= 5, "\n".join(lines)

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    (data / "offers.yaml").write_text(saved, encoding="utf-8")
    result = wijzer_in_process("validate", "--data", str(data), cwd=ROOT)
    assert result.returncode == 0, result.stderr
    offers = {o["id"]: o for o in yaml.safe_load(saved)["offers"]}
    assert list(offers) == list(before)
    assert original == first["summary"]
    assert offers[first["id"]]["summary"] == original + " Aangepast via de redactieomgeving."
    offers[first["id"]]["summary"] = original
    for key, offer in before.items():  # the CMS writes its own layout, but nothing else changed in meaning
        assert meaning(offers[key]) == meaning(offer), key


def changed_lines(before: str, after: str) -> list[str]:
    """The lines a reviewer sees in the pull request: removed (-) and added (+)."""
    import difflib

    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def test_a_one_field_change_in_the_cms_is_a_small_diff(page, site_url):
    """Issue 19: changing one phone number in the CMS gave a 1,621-line diff. With the data in the
    layout of `wijzer fmt` and the CMS's output settings, it is the changed line plus the comments the
    CMS cannot keep (it writes data, not text). Measured result in docs/cms.md."""

    def test_backend(route):
        response = route.fetch()
        config = yaml.safe_load(response.text())
        config["backend"] = {"name": "test-repo"}
        route.fulfill(response=response, body=yaml.safe_dump(config, allow_unicode=True, sort_keys=False))

    page.route("**/admin/config.yml*", test_backend)
    original = (ROOT / "data" / "organisations.yaml").read_text(encoding="utf-8")
    first = yaml.safe_load(original)["organisations"][0]
    page.goto(site_url)
    page.evaluate(SEED, {f"data/{name}": (ROOT / "data" / name).read_text(encoding="utf-8") for name in DATA_FILES})
    page.goto(site_url + "admin/")
    page.get_by_role("button", name="Werken met een testrepository").click()
    page.get_by_text("Organisaties", exact=True).first.wait_for()
    page.goto(site_url + "admin/#/collections/organisaties/entries/organisations")
    page.get_by_text(first["name"], exact=True).first.wait_for()
    page.get_by_role("button", name="Uitvouwen").first.click()  # the first organisation in the file
    name = page.get_by_role("textbox", name="Naam").first
    assert name.input_value() == first["name"]
    name.fill(first["name"] + " (test)")
    page.get_by_role("button", name="Opslaan").click()

    deadline = time.monotonic() + 20
    saved = original
    while "(test)" not in saved and time.monotonic() < deadline:
        page.wait_for_timeout(250)
        saved = page.evaluate(READ, "data/organisations.yaml")
    assert "(test)" in saved
    lines = changed_lines(original, saved)
    print(f"\nCMS-wijziging van één veld: {len(lines)} gewijzigde regels\n" + "\n".join(lines))
    data_lines = [line for line in lines if not line[1:].lstrip().startswith("#")]
    assert data_lines == [f"-    name: {first['name']}", f"+    name: {first['name']} (test)"]
    assert len(lines) <= 5, "\n".join(lines)
