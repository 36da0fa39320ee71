"""The parts of a gemeente page that stand on many of them, rendered once per build and folder:
offer and contact cards (``Cards``: a regional offer stands on every gemeente page of its
region) and the national lists (``NationalLists``: the same on all 342 pages). Relative links
from pages in one folder are identical, so one rendering serves them all."""

from __future__ import annotations

import posixpath
from typing import Any

from markupsafe import Markup

from wijzer.core import models as m
from wijzer.core.catalogue import Catalogue
from wijzer.core.fields import phone_href
from wijzer.core.sorting import name_sort_key
from wijzer.pages.context import LABELS, Uris
from wijzer.pages.render import Linker


def by_tier(cat: Catalogue, offers: list[m.Offer]) -> list[tuple[m.Tier, list[m.Offer]]]:
    """Group offers under the lightest tier they fit, light to heavy; each offer once."""
    groups: dict[str, list[m.Offer]] = {}
    order = cat.tier_levels
    for offer in sorted(offers, key=lambda o: name_sort_key(o.name)):
        lightest = min(offer.tiers, key=lambda t: order.get(t, 99))
        groups.setdefault(lightest, []).append(offer)
    return [(t, groups[t.id]) for t in cat.tier_order if t.id in groups]


class Cards:
    """Offer and contact cards rendered once per build and folder, not once per page."""

    _cache: dict[tuple, Markup] = {}
    _owner: object = None

    def __init__(self, cat: Catalogue, env: Any, link: Linker, uri: Uris) -> None:
        if Cards._owner is not cat:
            Cards._cache, Cards._owner = {}, cat
        self.env, self.link, self.uri, self.cat = env, link, uri, cat
        self.folder = posixpath.dirname(link.base)

    def _render(self, kind: str, item: Any, target: str, heading: str) -> Markup:
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
    """The national offers and organisations of a gemeente page, rendered once per build and folder."""

    _cache: dict[tuple, Markup] = {}
    _owner: object = None

    def __init__(self, cat: Catalogue, env: Any, ctx: dict[str, Any]) -> None:
        if NationalLists._owner is not cat:
            NationalLists._cache, NationalLists._owner = {}, cat
        self.cat, self.env, self.ctx = cat, env, ctx
        link: Linker = ctx["link"]
        self.where = (posixpath.dirname(link.base), link.directory_urls)

    def _macro(self, name: str) -> Any:
        return getattr(self.env.get_template("_gemeente_national.html").make_module(self.ctx), name)

    def offers(self) -> Markup:
        """The national help a parent or child can ask for, light to heavy."""
        key = ("offers", *self.where)
        if key not in self._cache:
            for_them = [o for o in self.cat.national_offers if not o.for_professionals_only]
            self._cache[key] = Markup(self._macro("offers")(by_tier(self.cat, for_them)))
        return self._cache[key]

    def professional_offers(self) -> Markup:
        """What is only for professionals (a richtlijn, a databank): in their part of the page."""
        key = ("professional_offers", *self.where)
        if key not in self._cache:
            theirs = sorted((o for o in self.cat.national_offers if o.for_professionals_only), key=lambda o: name_sort_key(o.name))
            self._cache[key] = Markup(self._macro("professional_offers")(theirs))
        return self._cache[key]

    def organisations(self, island: str) -> Markup:
        key = ("organisations", island, *self.where)
        if key not in self._cache:
            orgs = sorted((o for o in self.cat.national_organisations if o.island == island), key=lambda o: name_sort_key(o.name))
            self._cache[key] = Markup(self._macro("organisations")(orgs))
        return self._cache[key]
