"""/ouders/ and /kinderen/ on a phone (390×844) and a desktop: jump links by question and age at the
top, the finder near the top, few offers inline, and a child reaches De Kindertelefoon in two taps."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
def test_child_reaches_de_kindertelefoon_call_or_chat_in_two_interactions(page, site_url, viewport):
    page.set_viewport_size(viewport)
    page.goto(site_url)
    page.get_by_role("link", name="Naar de pagina voor kinderen en jongeren").click()  # 1
    page.wait_for_url("**/kinderen/")
    call = page.get_by_role("link", name="Bel gratis 0800-0432")
    chat = page.get_by_role("link", name="Chat op kindertelefoon.nl")
    for link in (call, chat):
        box = link.bounding_box()
        assert box and box["y"] + box["height"] <= viewport["height"], "zonder scrollen te zien"
    assert call.get_attribute("href") == "tel:+318000432"  # 2: one tap calls
    assert chat.get_attribute("href").startswith("https://www.kindertelefoon.nl")
    # The child-facing page, not the organisation page written for professionals.
    page.get_by_role("link", name="Wat is De Kindertelefoon?").click()
    page.wait_for_url("**/kinderen/kindertelefoon/")
    assert page.locator("h1").inner_text().rstrip("¶") == "Praten met De Kindertelefoon"
    assert page.locator("a[href='tel:+318000432']").count() >= 1
    assert page.locator("a[data-wz-quick-exit]").count() == 1
    assert page.locator(".md-footer__link--next").count() == 0


def test_children_page_has_jump_links_by_age_and_no_next_page_for_professionals(page, site_url):
    page.set_viewport_size(PHONE)
    page.goto(site_url + "kinderen/")
    jump = page.get_by_role("navigation", name="Op deze pagina")
    for name, target in [("Ben je 8 tot 12?", "ben-je-8-tot-12"), ("Ben je 12 of ouder?", "ben-je-12-of-ouder")]:
        jump.get_by_role("link", name=name).click()
        assert page.evaluate("location.hash") == "#" + target
        assert page.locator("#" + target).is_visible()
    assert "Voor professionals" not in page.locator(".md-footer").inner_text()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
def test_parents_page_starts_with_the_finder_and_jump_links(page, site_url, viewport):
    page.set_viewport_size(viewport)
    page.goto(site_url + "ouders/")
    finder = page.get_by_role("link", name="Zoek hulp bij jou in de buurt")
    box = finder.bounding_box()
    assert box and box["y"] + box["height"] <= viewport["height"], "de zoeker staat bovenaan"
    jump = page.get_by_role("navigation", name="Op deze pagina")
    names = jump.get_by_role("link").all_inner_texts()
    assert "Is het thuis niet veilig?" in names and "12 jaar en ouder" in names
    for link in jump.get_by_role("link").all():
        target = link.get_attribute("href")
        assert page.locator(target).count() == 1, target
    # Stap 3: at most three offers inline, and a link to the rest.
    step3 = page.locator("#stap-3-vraag-hulp-als-het-vastloopt ~ .wz-cards").first
    assert 1 <= step3.locator(".wz-offer").count() <= 3
    assert page.locator("#stap-3-vraag-hulp-als-het-vastloopt ~ .wz-more a").first.inner_text().startswith("Bekijk alle")
    page_height = page.evaluate("document.documentElement.scrollHeight")
    if viewport is PHONE:
        assert page_height < 11 * viewport["height"], page_height


@pytest.mark.parametrize("path", ["kinderen/", "ouders/", "kinderen/kindertelefoon/", "gemeenten/utrecht/"])
def test_every_112_in_the_text_is_a_call_link(page, site_url, path):
    page.goto(site_url + path)
    loose = page.evaluate(
        """() => {
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          const found = [];
          let calls = 0;
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const el = node.parentElement;
            if (!/\\b112\\b/.test(node.data) || !el || !el.getClientRects().length) continue;
            if (el.closest('a[href="tel:112"]')) calls++;
            else if (!el.closest("a[href]")) found.push(node.data.trim());  // a link to a page may carry the name "Alarmnummer 112"
          }
          return {found, calls};
        }"""
    )
    assert loose["found"] == []
    assert loose["calls"] >= 2  # the banner and the page's own text or crisis block
    if path.startswith("gemeenten/"):
        assert page.locator('.wz-crisis a[href="tel:112"]').count() == 1


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
def test_a_table_wider_than_the_screen_says_it_scrolls_sideways(page, site_url, viewport):
    """professionals/: the ladder's table is wider than a phone. Its right-hand column is cut off,
    so a line above it says to slide it, and a keyboard can scroll it; on a desktop it fits and says nothing."""
    page.set_viewport_size(viewport)
    page.goto(site_url + "professionals/")
    wrap = page.locator(".md-typeset__scrollwrap").first
    hint = page.locator(".wz-scroll-hint")
    if viewport is PHONE:
        hint.first.wait_for()  # a11y.js measures the table once the page has loaded
        assert hint.count() == 1 and hint.is_visible()
        assert hint.inner_text().startswith("Schuif de tabel opzij om alles te zien")
        assert hint.bounding_box()["y"] < wrap.bounding_box()["y"]  # above the table
        assert wrap.get_attribute("tabindex") == "0"
        wrap.focus()
        page.keyboard.press("ArrowRight")
        page.wait_for_function("el => el.scrollLeft > 0", arg=wrap.element_handle())
    else:
        page.wait_for_load_state("load")
        page.evaluate("() => new Promise((done) => setTimeout(done, 150))")  # after a11y.js has measured
        assert hint.count() == 0
        assert wrap.get_attribute("tabindex") is None


def test_a_flowchart_on_a_phone_keeps_readable_text_and_scrolls_sideways(page, site_url):
    """routekaart/: shrunk to a phone's width the chart's text was 5 pixels high. It keeps its own
    width, says that it scrolls, and a keyboard can scroll it; the same steps follow in words."""
    page.set_viewport_size(PHONE)
    page.goto(site_url + "routekaart/")
    chart = page.locator(".wz-flow-overview svg.wz-flowchart")
    wrap = page.locator(".wz-flow-overview .wz-flow-scroll")
    hint = page.locator(".wz-flow-overview .wz-scroll-hint")
    hint.wait_for()
    assert hint.inner_text().startswith("Schuif het schema opzij om alles te zien")
    smallest = chart.evaluate("svg => Math.min(...[...svg.querySelectorAll('text')].map(t => t.getBoundingClientRect().height))")
    assert smallest >= 11, f"tekst in het schema is {smallest:.1f} pixels hoog"
    assert wrap.get_attribute("tabindex") == "0" and wrap.get_attribute("aria-label").startswith("Stroomschema")
    wrap.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("el => el.scrollLeft > 0", arg=wrap.element_handle())
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # the page itself does not scroll sideways


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
def test_on_a_phone_the_finder_lets_a_parent_skip_the_filters(page, site_url, viewport):
    """Hulp zoeken: on a phone nearly two screens of filters come before the help; one link goes
    straight to it. On a wide screen the help stands beside the filters and the link is not there."""
    page.set_viewport_size(viewport)
    page.goto(site_url + "hulp-zoeken/")
    skip = page.get_by_role("link", name="Sla de filters over en bekijk de hulp")
    if viewport is PHONE:
        assert skip.is_visible()
        assert skip.bounding_box()["height"] >= 44  # a thumb's target
        skip.click()
        heading = page.locator("#wz-f-results")
        page.wait_for_function("el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < 200; }", arg=heading.element_handle())
    else:
        assert skip.is_hidden()
