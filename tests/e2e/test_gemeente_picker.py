""""Waar woon je?" on the home page and /gemeenten/, in real Chromium on a phone and a desktop:
a parent gets from home to their own gemeente's first local step in two interactions (type, Enter)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import each_case
from wijzer.core.catalogue import load_catalogue

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent.parent
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="module")
def cat():
    result = load_catalogue(ROOT / "data")
    assert result.catalogue is not None, result.errors
    return result.catalogue


def slug_of(cat, name: str) -> str:
    return cat.gemeente_slugs[next(c for c, g in cat.gemeenten.items() if g.name == name)]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
def test_parent_reaches_the_first_local_step_in_two_interactions(page, site_url, cat, viewport):
    page.set_viewport_size(viewport)
    page.goto(site_url)
    field = page.get_by_label("Waar woon je?")
    box = field.bounding_box()
    assert box and box["y"] + box["height"] <= viewport["height"], "het veld staat boven de vouw"
    # The three doors stay.
    for door in ("Naar de pagina voor ouders", "Naar de pagina voor kinderen en jongeren", "Naar de pagina voor professionals"):
        assert page.get_by_role("link", name=door).count() == 1
    field.fill("Utrecht")  # interaction 1
    field.press("Enter")  # interaction 2
    page.wait_for_url(f"**/gemeenten/{slug_of(cat, 'Utrecht')}/")
    step = page.locator("#hier-begin-je")
    assert step.is_visible()


NAMES = [
    ("Den Bosch", "'s-Hertogenbosch"),
    ("s hertogenbosch", "'s-Hertogenbosch"),
    ("Hertogenbosch", "'s-Hertogenbosch"),
    ("den haag", "'s-Gravenhage"),
    ("sudwest fryslan", "Súdwest-Fryslân"),
    ("Hengelo", "Hengelo (O.)"),
]


def test_names_aliases_and_missing_accents_go_straight_to_the_gemeente(page, site_url, cat):
    def check(case: tuple[str, str]) -> None:
        typed, official = case
        page.goto(site_url)
        field = page.get_by_label("Waar woon je?")
        field.fill(typed)
        field.press("Enter")
        page.wait_for_url(f"**/gemeenten/{slug_of(cat, official)}/")
        if typed == "den haag":  # the page says the name the parent typed
            assert "'s-Gravenhage (Den Haag)" in page.locator(".wz-lead").inner_text()

    assert each_case(NAMES, check, name=lambda case: case[0]) == {}


def test_a_name_only_close_to_a_gemeente_is_asked_about_not_followed(page, site_url, cat):
    """A typo is forgiven with a question, never with a jump: a village that Wijzer does not know
    (Heeze, in Heeze-Leende) or a typo ("Bornee") is close to a gemeente, and a parent who lands on
    the wrong gemeente gets the wrong wijkteam. (Born, in Sittard-Geleen and close to Borne, is now a
    known town and gets its own answer: test_a_town_that_is_not_a_gemeente_says_which_gemeente_it_is_in.)"""
    page.goto(site_url)
    field = page.get_by_label("Waar woon je?")
    answer = page.locator("[data-wz-picker-answer]")
    field.fill("Utrehct")
    field.press("Enter")
    assert "Bedoel je deze gemeente?" in answer.inner_text()
    assert answer.locator(".wz-picker__choices a").all_inner_texts() == ["Utrecht"]
    assert page.evaluate("document.activeElement.textContent") == "Utrecht"
    page.keyboard.press("Enter")  # the suggestion has the focus: one more key
    page.wait_for_url(f"**/gemeenten/{slug_of(cat, 'Utrecht')}/")

    # a typo, beginnings; and a town in a hyphenated name gets that gemeente: Geleen is in Sittard-Geleen
    # (not Velsen), Heeze in Heeze-Leende
    for town, suggested in (("Bornee", "Borne"), ("Leeuward", "Leeuwarden"), ("Zwol", "Zwolle"), ("Geleen", "Sittard-Geleen"),
                            ("Heeze", "Heeze-Leende")):
        page.goto(site_url)
        field.fill(town)
        field.press("Enter")
        page.wait_for_timeout(200)  # time to leave, if the page were to
        assert page.url == site_url, town
        text = answer.inner_text()
        assert f"We vinden geen gemeente met de naam \u201c{town}\u201d. Bedoel je deze gemeente?" in text
        assert answer.locator(".wz-picker__choices a").all_inner_texts() == [suggested]
        assert "bij een grotere gemeente hoort" in text
        assert answer.get_by_role("link", name="alle gemeenten van A tot Z").count() == 1

    # Berkel begins Berkelland, Berkel en Rodenrijs (a town in Lansingerland) and Berkel-Enschot (in
    # Tilburg): all are asked about
    page.goto(site_url)
    field.fill("Berkel")
    field.press("Enter")
    assert sorted(" ".join(t.split()) for t in answer.locator(".wz-picker__choices li").all_inner_texts()) == [
        "Berkelland (Gelderland)", "Lansingerland (Zuid-Holland), waar Berkel en Rodenrijs bij hoort",
        "Tilburg (Noord-Brabant), waar Berkel-Enschot bij hoort"]


def test_bergen_asks_which_one_and_unknown_names_say_so(page, site_url, cat):
    page.goto(site_url)
    field = page.get_by_label("Waar woon je?")
    field.fill("Bergen")
    field.press("Enter")
    answer = page.locator("[data-wz-picker-answer]")
    assert "Welke bedoel je?" in answer.inner_text()
    choices = answer.get_by_role("link").all_inner_texts()
    assert choices == ["Bergen (L.)", "Bergen (NH.)"]
    assert "(NH.) (Noord-Holland)" not in answer.inner_text()  # the name says where it is: once is enough
    assert page.evaluate("document.activeElement.textContent") == "Bergen (L.)"
    answer.get_by_role("link", name="Bergen (NH.)").click()
    page.wait_for_url(f"**/gemeenten/{slug_of(cat, 'Bergen (NH.)')}/")

    page.goto(site_url)
    field = page.get_by_label("Waar woon je?")
    field.fill("Xyzzyplaats")
    field.press("Enter")
    assert "We vinden geen gemeente met de naam" in answer.inner_text()
    assert field.get_attribute("aria-invalid") == "true"
    assert answer.get_by_role("link", name="alle gemeenten van A tot Z").count() == 1


def test_without_javascript_the_form_leads_to_an_a_to_z_list(new_page, site_url, cat):
    page = new_page(java_script_enabled=False)
    page.goto(site_url)
    field = page.get_by_label("Waar woon je?")
    field.fill("Den Bosch")
    field.press("Enter")
    page.wait_for_url("**/gemeenten/?gemeente=Den+Bosch")
    letters = page.get_by_role("navigation", name="Gemeenten op beginletter")
    assert letters.bounding_box()["height"] < 300, "de letters A-Z staan naast elkaar, niet in een kolom van 26"
    letters.get_by_role("link", name="H", exact=True).click()
    letter_h = page.locator("#letter-h + ul")
    assert letter_h.get_by_role("link", name="'s-Hertogenbosch").is_visible()
    names = page.locator("#letter-s + ul a").all_inner_texts()
    assert "Schagen" in names and "'s-Hertogenbosch" not in names


def test_a_shared_gemeenten_link_with_a_name_opens_that_gemeente(page, site_url, cat):
    page.goto(site_url + "gemeenten/?gemeente=zwolle")
    page.wait_for_url(f"**/gemeenten/{slug_of(cat, 'Zwolle')}/")


def test_a_former_gemeente_says_which_gemeente_it_is_part_of_now(page, site_url, cat):
    """People still call their town by the gemeente it was before a merger. Weesp is not sent to a
    page that says Amsterdam without a word: the answer says why, and links there."""
    page.goto(site_url)
    field = page.get_by_label("Waar woon je?")
    answer = page.locator("[data-wz-picker-answer]")
    field.fill("weesp")
    field.press("Enter")
    assert " ".join(answer.locator("p").first.inner_text().split()) == (
        "Weesp is sinds 2022 geen aparte gemeente meer. Weesp hoort nu bij de gemeente Amsterdam.")
    link = answer.get_by_role("link", name="Amsterdam")
    assert page.evaluate("document.activeElement.textContent") == "Amsterdam"  # Enter again goes there
    assert link.get_attribute("href").endswith(f"gemeenten/{slug_of(cat, 'Amsterdam')}/")
    assert page.url == site_url

    # a gemeente divided over four: the answer names them all and asks which one
    field.fill("Haaren")
    field.press("Enter")
    assert "Het is verdeeld over de gemeenten Boxtel, Oisterwijk, Tilburg en Vught. Bij welke gemeente woon je nu?" in answer.inner_text()
    assert answer.locator(".wz-picker__choices a").all_inner_texts() == ["Boxtel", "Oisterwijk", "Tilburg", "Vught"]
    # ... and which of its villages went where: the village Haaren is in Oisterwijk
    assert [" ".join(li.split()) for li in answer.locator(".wz-picker__choices li").all_inner_texts()] == [
        "Boxtel (Noord-Brabant), voor Esch", "Oisterwijk (Noord-Brabant), voor het dorp Haaren",
        "Tilburg (Noord-Brabant), voor Biezenmortel", "Vught (Noord-Brabant), voor Helvoirt"]
    # one of those villages: where it was, and where it is now
    field.fill("Esch")
    field.press("Enter")
    assert answer.locator("p").first.inner_text() == "Esch hoorde tot 2021 bij de gemeente Haaren. Nu hoort Esch bij de gemeente Boxtel."
    assert answer.locator(".wz-picker__choices a").all_inner_texts() == ["Boxtel"]

    # a typo in a former name: the gemeente it is part of now, and why
    field.fill("Boxmer")
    field.press("Enter")
    assert " ".join(answer.locator(".wz-picker__choices li").first.inner_text().split()) == (
        "Land van Cuijk (Noord-Brabant), waar Boxmeer nu bij hoort")

    # the gemeente's own page says it too
    page.goto(site_url + f"gemeenten/{slug_of(cat, 'Land van Cuijk')}/")
    assert "Ook voor de vroegere gemeenten Boxmeer, Cuijk, Grave, Mill en Sint Hubert en Sint Anthonis: die horen sinds 2022 bij Land van Cuijk." in page.locator(".wz-former").all_inner_texts()
    page.goto(site_url + f"gemeenten/{slug_of(cat, 'Boxtel')}/")
    assert page.locator(".wz-former").all_inner_texts() == ["Een deel van de vroegere gemeente Haaren hoort sinds 2021 bij Boxtel (Esch)."]


def test_a_town_that_is_not_a_gemeente_says_which_gemeente_it_is_in(page, site_url, cat):
    """Zaandam is the largest town of Zaanstad: its name, or a typo in it, leads there with a word why."""
    page.goto(site_url)
    field = page.get_by_label("Waar woon je?")
    answer = page.locator("[data-wz-picker-answer]")
    field.fill("Zaandam")
    field.press("Enter")
    assert " ".join(answer.locator("p").first.inner_text().split()) == "Zaandam hoort bij de gemeente Zaanstad."
    assert page.evaluate("document.activeElement.textContent") == "Zaanstad"
    assert answer.get_by_role("link", name="Zaanstad").get_attribute("href").endswith(f"gemeenten/{slug_of(cat, 'Zaanstad')}/")
    field.fill("Zaandm")
    field.press("Enter")
    assert " ".join(answer.locator(".wz-picker__choices li").first.inner_text().split()) == (
        "Zaanstad (Noord-Holland), waar Zaandam bij hoort")
    # a village one letter from a gemeente far away: its own gemeente, not a guess (Born is not Borne)
    field.fill("Born")
    field.press("Enter")
    assert " ".join(answer.locator("p").first.inner_text().split()) == "Born hoort bij de gemeente Sittard-Geleen."
    # the Dutch name of a Frisian village, as many people write it (Grou in Frisian)
    field.fill("Grouw")
    field.press("Enter")
    assert " ".join(answer.locator("p").first.inner_text().split()) == "Grouw hoort bij de gemeente Leeuwarden."
    page.goto(site_url + f"gemeenten/{slug_of(cat, 'Zaanstad')}/")
    assert "Zaandam" in page.locator(".wz-towns").inner_text()


def test_on_a_touch_screen_each_answer_is_big_enough_to_tap(new_page, site_url):
    """A parent on a phone picks the gemeente from the answer with a thumb: each link is at least
    44 pixels high (they were 17)."""
    page = new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page.goto(site_url)
    field = page.get_by_label("Waar woon je?")
    field.fill("Haaren")
    field.press("Enter")
    links = page.locator("[data-wz-picker-answer] .wz-picker__choices a")
    assert links.count() == 4
    heights = links.evaluate_all("as => as.map(a => a.getBoundingClientRect().height)")
    assert min(heights) >= 44, heights
