"""The downloadable offline build: the real zip, unpacked, opened from the file system in
Chromium. Pages link to each other, the search finds, nothing is asked of any server."""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path

import pytest

from wijzer.site.offline import build_offline

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory) -> Path:
    """WIJZER_TEST_OFFLINE_ZIP reuses a zip made by `make offline`; otherwise it is built here."""
    tmp = tmp_path_factory.mktemp("offline")
    archive = Path(os.environ.get("WIJZER_TEST_OFFLINE_ZIP") or tmp / "wijzer-offline.zip")
    if not archive.exists():
        assert build_offline(archive) == 0
    with zipfile.ZipFile(archive) as z:
        names = z.namelist()
        assert all(n.startswith("wijzer/") for n in names), "alles staat in één map 'wijzer/'"
        z.extractall(tmp)
    return tmp / "wijzer"


@pytest.fixture
def local_page(new_page):
    page = new_page()
    outside: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(("file://", "data:", "blob:", "about:")) else outside.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    assert not outside, f"verzoeken buiten de bestanden: {outside}"
    assert not errors, errors


def test_pages_open_and_link_from_the_file_system(offline_site, local_page):
    page = local_page
    page.goto((offline_site / "index.html").as_uri())
    assert page.title().startswith("Wijzer")
    page.locator(".md-content").get_by_role("link", name=re.compile("Voor ouders", re.IGNORECASE)).first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/ouders/index.html")
    assert page.locator("h1").inner_text().startswith("Voor ouders")
    page.goto((offline_site / "aanbod" / "kies.html").as_uri())
    assert page.locator("h1").inner_text().startswith("KIES")
    assert page.locator(".wz-emergency").is_visible()


def test_search_works_offline(offline_site, local_page):
    page = local_page
    page.goto((offline_site / "kinderen" / "index.html").as_uri())
    box = page.get_by_role("searchbox", name="Zoeken")
    box.click()
    box.fill("omgangsregelingen")  # plural: the Dutch query help runs offline too
    first = page.locator("#wz-search-results a.wz-search__link").first
    first.wait_for(timeout=20000)
    assert "zorgregeling-en-omgang.html" in first.get_attribute("href")
    first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Zorgregeling en omgang"


def test_offline_pages_link_to_files_not_folders(offline_site):
    text = (offline_site / "ouders" / "index.html").read_text(encoding="utf-8")
    folder_links = re.findall(r'href="(?!https?:|mailto:|tel:|#)([^"]*/)"', text)
    assert not folder_links, folder_links[:5]


def test_beslishulp_works_from_the_file_system(offline_site, local_page):
    """The beslishulp answers from file:// too: its data is in the page, nothing is fetched."""
    page = local_page
    page.goto((offline_site / "professionals" / "beslishulp.html").as_uri())
    chosen = {"veiligheid": "nee", "leeftijd": "12-15", "gezag": "gezamenlijk", "hulp": "medisch", "doel": "hulp-starten"}
    for question, choice in chosen.items():
        page.locator(f'input[name="wz-bh-{question}"][value="{choice}"]').check()
    page.get_by_role("button", name="Bekijk de uitkomst").click()
    assert page.locator("[data-wz-beslishulp-consent-line]").inner_text() == "Wie geeft toestemming: het kind en beide ouders met gezag"
    page.get_by_role("link", name="Zo redeneert de beslishulp").last.click()
    page.wait_for_load_state()
    assert page.url.endswith("/professionals/beslishulp-uitleg.html")
