"""Offer pages (``aanbod/<id>``): one per offer of help."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wijzer.core.catalogue import Catalogue
from wijzer.core.sorting import gemeente_sort_key
from wijzer.pages.context import Uris
from wijzer.pages.kinds.base import GeneratedPage, PageKind


class OfferKind(PageKind):
    name = "offer"
    search_label = "hulpaanbod"
    template = "offer.html"

    def pages(self, cat: Catalogue) -> Iterator[GeneratedPage]:
        for key, offer in cat.offers.items():
            yield GeneratedPage(Uris.offer(key), self.name, key, offer.name, offer.summary, *cat.origin("offers", key))

    def values(self, cat: Catalogue, key: str, ctx: dict[str, Any], env: Any) -> dict[str, Any]:
        offer = cat.offers[key]
        codes = cat.area_gemeenten(offer.area) or set()
        return {
            "offer": offer,
            "offer_tiers": [cat.tiers[t] for t in offer.tiers],
            "offer_gemeenten": sorted((cat.gemeenten[c] for c in codes), key=lambda g: gemeente_sort_key(g.name)),
            "providers": [cat.organisations[o] for o in offer.providers],
            "topics": cat.topics_by_offer.get(offer.id, []),
        }

    def quick_exit(self, cat: Catalogue, key: str) -> bool:
        """Every offer for parents, children or young people (docs/snel-weg.md); one only for
        professionals where the data asks for it."""
        offer = cat.offers[key]
        return offer.quick_exit or not offer.for_professionals_only
