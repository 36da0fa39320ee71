"""Pure page generation: Catalogue -> the list of generated pages and their HTML.

No MkDocs here: the hooks ask for ``generated_pages`` and ``render_page``; tests and the
benchmark floor call the same functions.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from markupsafe import Markup

from wijzer.core import clock, crisis
from wijzer.core import models as m
from wijzer.core.catalogue import Catalogue
from wijzer.core.fields import phone_href
from wijzer.core.sorting import gemeente_sort_key, name_sort_key
from wijzer.pages.blocks import for_markdown
from wijzer.pages.render import Linker, environment

LABELS = {
    "audience": m.AUDIENCE_LABELS,
    "phase": m.PHASE_LABELS,
    "form": m.FORM_LABELS,
    "access": m.ACCESS_LABELS,
    "costs": m.COSTS_LABELS,
    "evidence": m.EVIDENCE_LABELS,
    "island": m.ISLAND_LABELS,
    "kind": m.KIND_LABELS,
}


class Uris:
    """Where each kind of page lives (source paths; MkDocs turns them into URLs)."""

    offers_overview = "aanbod/index.md"
    organisations_overview = "organisaties/index.md"
    gemeenten_overview = "gemeenten/index.md"
    topics_overview = "juridisch/index.md"
    finder = "hulp-zoeken.md"

    def __init__(self, catalogue: Catalogue) -> None:
        self._slugs = catalogue.gemeente_slugs

    @staticmethod
    def offer(key: str) -> str:
        return f"aanbod/{key}.md"

    @staticmethod
    def organisation(key: str) -> str:
        return f"organisaties/{key}.md"

    @staticmethod
    def topic(key: str) -> str:
        return f"juridisch/{key}.md"

    def gemeente(self, code: str) -> str:
        return f"gemeenten/{self._slugs[code]}.md"


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    kind: str  # offer | organisation | gemeente | topic
    key: str
    title: str  # raw text; escape before use in HTML
    description: str
    edit_file: str
    edit_line: int


def generated_pages(cat: Catalogue) -> list[GeneratedPage]:
    uri = Uris(cat)
    pages: list[GeneratedPage] = []

    for key, offer in cat.offers.items():
        pages.append(GeneratedPage(uri.offer(key), "offer", key, offer.name, offer.summary, *cat.origin("offers", key)))
    for key, org in cat.organisations.items():
        pages.append(
            GeneratedPage(uri.organisation(key), "organisation", key, org.name, m.KIND_LABELS[org.kind], *cat.origin("organisations", key))
        )
    for key, topic in cat.topics.items():
        pages.append(GeneratedPage(uri.topic(key), "topic", key, topic.title, topic.summary, *cat.origin("topics", key)))
    for code, gemeente in cat.gemeenten.items():
        pages.append(
            GeneratedPage(
                uri.gemeente(code),
                "gemeente",
                code,
                f"Hulp bij scheiding in {gemeente.name}",
                f"Sociale kaart van {gemeente.name}: waar je terechtkunt en welke hulp er is bij scheiding.",
                *cat.origin("gemeenten", code),
            )
        )
    return pages


def _by_tier(cat: Catalogue, offers: list[m.Offer]) -> list[tuple[m.Tier, list[m.Offer]]]:
    """Group offers under the lightest tier they fit, light to heavy; each offer once."""
    groups: dict[str, list[m.Offer]] = {}
    order = cat.tier_levels
    for offer in sorted(offers, key=lambda o: name_sort_key(o.name)):
        lightest = min(offer.tiers, key=lambda t: order.get(t, 99))
        groups.setdefault(lightest, []).append(offer)
    return [(t, groups[t.id]) for t in cat.tier_order if t.id in groups]


class Cards:
    """Offer and contact cards rendered once per build and folder, not once per page.

    The same card stands on many pages (a regional offer on every gemeente page of its region);
    relative links from pages in one folder are identical, so one rendering serves them all."""

    _cache: dict[tuple, Markup] = {}
    _owner: object = None

    def __init__(self, cat: Catalogue, env, link: Linker, uri: Uris) -> None:
        if Cards._owner is not cat:
            Cards._cache, Cards._owner = {}, cat
        self.env, self.link, self.uri, self.cat = env, link, uri, cat
        self.folder = posixpath.dirname(link.base)

    def _render(self, kind: str, item, target: str, heading: str) -> Markup:
        key = (kind, item.id, heading, self.folder, self.link.directory_urls, target == self.link.current)
        if key not in self._cache:
            macro = getattr(self.env.get_template("_parts.html").make_module({"link": self.link, "uri": self.uri, "cat": self.cat,
                            "labels": LABELS, "phone_href": phone_href}), f"{kind}_card")
            self._cache[key] = Markup(macro(item, self.link, heading=heading))
        return self._cache[key]

    def offer(self, offer: m.Offer, heading: str = "h3") -> Markup:
        return self._render("offer", offer, self.uri.offer(offer.id), heading)

    def contact(self, org: m.Organisation, heading: str = "h3") -> Markup:
        return self._render("contact", org, self.uri.organisation(org.id), heading)


class NationalLists:
    """The national offers and organisations of a gemeente page: the same on all 342 of them, so
    rendered once per build and folder (as ``Cards``), not once per page."""

    _cache: dict[tuple, Markup] = {}
    _owner: object = None

    def __init__(self, cat: Catalogue, env, ctx: dict) -> None:
        if NationalLists._owner is not cat:
            NationalLists._cache, NationalLists._owner = {}, cat
        self.cat, self.env, self.ctx = cat, env, ctx
        link: Linker = ctx["link"]
        self.where = (posixpath.dirname(link.base), link.directory_urls)

    def _macro(self, name: str):
        return getattr(self.env.get_template("_gemeente_national.html").make_module(self.ctx), name)

    def offers(self) -> Markup:
        key = ("offers", *self.where)
        if key not in self._cache:
            self._cache[key] = Markup(self._macro("offers")(_by_tier(self.cat, self.cat.national_offers)))
        return self._cache[key]

    def organisations(self, island: str) -> Markup:
        key = ("organisations", island, *self.where)
        if key not in self._cache:
            orgs = sorted((o for o in self.cat.national_organisations if o.island == island), key=lambda o: name_sort_key(o.name))
            self._cache[key] = Markup(self._macro("organisations")(orgs))
        return self._cache[key]


def context(cat: Catalogue, link: Linker) -> dict:
    return {"cat": cat, "link": link, "uri": Uris(cat), "labels": LABELS, "phone_href": phone_href, "tiers": cat.tier_order}


def render_page(cat: Catalogue, page: GeneratedPage, *, directory_urls: bool = True, overrides: str | None = None) -> str:
    """The body HTML of a generated page, with ``[[telefoon:id]]`` references resolved."""
    from wijzer.core.contactrefs import resolve_html

    return resolve_html(_render_page(cat, page, directory_urls=directory_urls, overrides=overrides), cat.organisations)


def _render_page(cat: Catalogue, page: GeneratedPage, *, directory_urls: bool = True, overrides: str | None = None) -> str:
    env = environment(overrides)
    link = Linker(page.src_uri, directory_urls)
    ctx = context(cat, link)
    if page.kind == "offer":
        offer = cat.offers[page.key]
        codes = cat.area_gemeenten(offer.area) or set()
        ctx.update(
            offer=offer,
            offer_tiers=[cat.tiers[t] for t in offer.tiers],
            offer_gemeenten=sorted((cat.gemeenten[c] for c in codes), key=lambda g: gemeente_sort_key(g.name)),
            providers=[cat.organisations[o] for o in offer.providers],
            topics=cat.topics_by_offer.get(offer.id, []),
        )
        return env.get_template("offer.html").render(ctx)
    if page.kind == "organisation":
        org = cat.organisations[page.key]
        codes = cat.area_gemeenten(org.area) or set()
        ctx.update(
            org=org,
            org_gemeenten=sorted((cat.gemeenten[c] for c in codes), key=lambda g: gemeente_sort_key(g.name)),
            offers=sorted(cat.offers_by_provider.get(org.id, []), key=lambda o: name_sort_key(o.name)),
        )
        return env.get_template("organisation.html").render(ctx)
    if page.kind == "topic":
        topic = cat.topics[page.key]
        ctx.update(
            topic=topic,
            offers=[cat.offers[o] for o in topic.related_offers],
            related=[cat.topics[t] for t in topic.related_topics],
        )
        return env.get_template("topic.html").render(ctx)
    if page.kind == "gemeente":
        return render_gemeente(cat, page.key, env, ctx)
    raise ValueError(page.kind)  # pragma: no cover


def render_gemeente(cat: Catalogue, code: str, env, ctx: dict) -> str:
    gemeente = cat.gemeenten[code]
    ctx["cards"] = Cards(cat, env, ctx["link"], ctx["uri"])
    entry = cat.organisations.get(gemeente.entry_point) if gemeente.entry_point else None
    local = cat.local_offers(code)
    local_orgs = sorted((o for o in cat.local_organisations(code) if o is not entry), key=lambda o: name_sort_key(o.name))
    shown = [*local, *cat.national_offers, *local_orgs, *cat.national_organisations, *([entry] if entry else [])]
    dates = [x.reviewed for x in shown] or [clock.today()]
    ctx.update(
        gemeente=gemeente,
        regions=cat.regions_of.get(code, []),
        entry=entry,
        local_by_tier=_by_tier(cat, local),
        national=NationalLists(cat, env, ctx),
        local_orgs=[o for o in local_orgs if o.kind != "veilig-thuis"],
        orgs_by_island=[(island, [o for o in local_orgs if o.island == island]) for island in m.ISLAND_LABELS],
        veilig_thuis=(vt := crisis.veilig_thuis_for(cat, code)),
        veilig_thuis_site=crisis.website_of(cat, vt) if vt else None,
        kindertelefoon=crisis.kindertelefoon(cat),
        juridisch_loket=crisis.national_line(cat, "juridisch-loket"),
        oldest=min(dates),
        newest=max(dates),
    )
    return env.get_template("gemeente.html").render(ctx)


def fragment(template_source: str, cat: Catalogue, link: Linker, overrides: str | None = None, **values) -> Markup:
    """Render a small template (for macros) with the shared parts and the same escaping."""
    env = environment(overrides)
    ctx = context(cat, link)
    ctx.update(values)
    return for_markdown(env.from_string('{% import "_parts.html" as parts with context %}' + template_source).render(ctx))
