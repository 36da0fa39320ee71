"""The routekaart in real Chromium: flowcharts with their step lists, working links, the way from
a school to the contact in the gemeente, and a one-page handout per role."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from conftest import each_case, printed_pages
from wijzer.core.catalogue import load_catalogue

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def cat():
    result = load_catalogue(ROOT / "data")
    assert not result.errors
    return result.catalogue


@pytest.fixture(scope="module")
def roles(cat):
    return cat.extras["routekaart"].roles


def test_flowcharts_and_step_lists_for_every_role(page, site_url, cat, roles):
    page.goto(site_url + "routekaart/")
    overview = page.get_by_role("img", name=re.compile("^Stroomschema: van signaal naar hulp"))
    assert overview.is_visible()
    drawn = overview.evaluate("svg => svg.textContent")
    assert "Acuut onveilig" in drawn and "Veilig Thuis: 0800-2000" in drawn
    assert "licht als het kan" in drawn and "zwaar als het moet" in drawn
    for tier in cat.tier_order:
        assert tier.label.split()[0] in drawn
    principle = page.locator(".wz-principle")
    assert "Licht als het kan, zwaar als het moet." in principle.inner_text()
    assert "Veiligheid gaat altijd voor." in principle.inner_text()

    for role in roles:
        section = page.locator(f"#rol-{role.id}")
        assert section.get_by_role("heading", level=2).inner_text().startswith(role.label)
        chart = section.get_by_role("img", name=re.compile(f"^Stroomschema: de route voor {re.escape(role.label)}"))
        assert chart.is_visible()
        box = chart.bounding_box()
        assert box["width"] > 500, "het schema moet de breedte van de inhoud gebruiken"
        steps = section.locator("ol.wz-steps > li")
        assert steps.count() == len(role.steps)
        for i, step in enumerate(role.steps):
            item = steps.nth(i)
            assert item.get_by_role("heading", level=3).inner_text() == step.title
            assert step.title in chart.evaluate("svg => svg.textContent")
            tiers_line = item.locator(".wz-step__tiers").inner_text()
            for tier_id in step.tiers:
                assert cat.tiers[tier_id].label in tiers_line
            for topic in step.topics:
                assert item.get_by_role("link", name=cat.topics[topic].title, exact=True).is_visible()
            for offer in step.offers:
                assert item.get_by_role("link", name=cat.offers[offer].name, exact=True).is_visible()
            if step.safety:
                assert "veiligheid gaat voor" in tiers_line


def test_every_link_in_the_routekaart_resolves(page, site_url):
    page.goto(site_url + "routekaart/")
    hrefs = page.locator(".wz-routekaart a[href]").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    internal = sorted({h for h in hrefs if not h.startswith(("http", "tel:", "mailto:"))})
    assert len(internal) > 40
    pages: dict[str, str] = {}
    for href in internal:
        url = urljoin(page.url, href)
        address = url.split("#", 1)[0]
        assert urlsplit(address).path.startswith("/kennisplatform/"), href  # relative links stay under the sub-path
        if address not in pages:
            response = page.request.get(address)
            assert response.status == 200, href
            pages[address] = response.text()
        if "#" in href:
            anchor = href.split("#", 1)[1]
            assert f'id="{anchor}"' in pages[address], f"anker ontbreekt: {href}"
    tel = {h for h in hrefs if h.startswith("tel:")}
    assert "tel:+318002000" in tel


def test_school_professional_follows_the_route_to_the_contact_in_their_gemeente(page, site_url, cat):
    code = "GM0193"
    entry = cat.organisations[cat.gemeenten[code].entry_point]
    page.goto(site_url + "routekaart/")
    page.get_by_role("link", name="School", exact=True).click()
    school = page.locator("#rol-school")
    step = school.locator("ol.wz-steps > li").filter(has_text="Verwijs naar het wijkteam")
    step.get_by_role("link", name="Zoek het aanspreekpunt in de gemeente").click()
    page.wait_for_url(re.compile(r"/gemeenten/$"))
    page.get_by_role("link", name="Zwolle", exact=True).click()
    page.wait_for_url(re.compile(r"/gemeenten/zwolle/$"))
    assert page.locator("h1").inner_text() == "Hulp bij scheiding in Zwolle"
    card = page.locator(f'[data-organisation="{entry.id}"]').first
    assert card.get_by_role("link", name=entry.name).is_visible()
    if entry.contact.website:
        assert card.get_by_role("link", name=re.compile(re.escape(entry.contact.website.split("//")[1].removeprefix("www.").rstrip("/")))).is_visible()


def test_gemeente_chooser_on_the_routekaart_works_with_keyboard_only(page, site_url):
    page.goto(site_url + "routekaart/")
    chooser = page.locator("#wz-rk-gemeente")
    page.get_by_role("button", name="Toon het aanspreekpunt").press("Enter")
    assert page.get_by_text("Kies eerst een gemeente.").is_visible()
    assert page.evaluate("document.activeElement.id") == "wz-rk-gemeente"
    page.keyboard.type("Deventer")
    assert chooser.evaluate("s => s.options[s.selectedIndex].text") == "Deventer"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Toon het aanspreekpunt"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/kennisplatform/gemeenten/deventer/$"))
    assert page.get_by_role("heading", name="Hier begin je").is_visible()


def test_each_role_prints_as_a_one_page_handout(fresh_page, site_url, roles):
    page = fresh_page
    page.add_init_script("window.print = () => { window.wzPrinted = (window.wzPrinted || 0) + 1; };")

    def check(role) -> None:
        page.emulate_media(media="screen")
        page.goto(site_url + "routekaart/")
        page.get_by_role("button", name=f"Print de route voor {role.label.lower()} (1 A4)").click()
        assert page.evaluate("window.wzPrinted") == 1
        page.emulate_media(media="print")
        assert page.locator(f"#rol-{role.id}").is_visible()
        printed = page.evaluate("ids => ids.filter((id) => document.getElementById(id).getClientRects().length > 0)",
                                [f"rol-{r.id}" for r in roles])  # the sections on paper; none is missing
        assert printed == [f"rol-{role.id}"], "alleen deze rol op papier"
        assert page.locator(".md-header").is_hidden()
        assert page.locator(".wz-principle").get_by_text("Licht als het kan, zwaar als het moet.").is_visible()
        assert "Veilig Thuis: 0800-2000" in page.locator(".wz-routekaart .wz-print-meta").inner_text()
        pages = printed_pages(page, format="A4", print_background=True)
        assert pages == 1, f"de handout voor {role.label} is {pages} pagina's"

    assert len(roles) >= 8  # every role of the routekaart, not a sample
    assert each_case(roles, check, name=lambda role: role.id) == {}


def test_without_javascript_the_routekaart_is_plain_content(new_page, site_url, roles):
    page = new_page(java_script_enabled=False)
    page.goto(site_url + "routekaart/")
    for role in roles:
        assert page.locator(f"#rol-{role.id} ol.wz-steps > li").count() == len(role.steps)
    assert page.locator("svg.wz-flowchart").count() == len(roles) + 1
    assert page.locator("#wz-rk-gemeente").is_hidden()  # the chooser needs the script
    assert page.get_by_role("link", name="Alle gemeenten op een rij").is_visible()


def test_on_a_phone_steps_per_role_fold_and_no_shrunken_diagrams(new_page, site_url, roles):
    page = new_page(viewport={"width": 390, "height": 844})
    page.goto(site_url + "routekaart/")
    role = roles[0]
    section = page.locator(f"#rol-{role.id}")
    assert section.locator(".wz-flow-figure").is_hidden()
    steps = section.locator("ol.wz-steps")
    assert steps.is_hidden()
    section.locator("summary").click()
    assert steps.is_visible()
    title = steps.locator(".wz-step__title").first
    assert float(title.evaluate("h => parseFloat(getComputedStyle(h).fontSize)")) >= 16
    # Much shorter than the 18,600 px of diagrams it was.
    assert page.evaluate("document.documentElement.scrollHeight") < 9000
    # A link to a role opens its steps.
    other = roles[-1]
    page.locator(".wz-role-nav").get_by_role("link", name=other.label, exact=True).click()
    # flow.js opens the section on the hashchange that follows the click: wait for it, not just after the click
    page.locator(f"#rol-{other.id} ol.wz-steps").wait_for(state="visible", timeout=5000)
