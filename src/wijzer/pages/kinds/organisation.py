"""Organisation pages (``organisaties/<id>``): one per organisation, with its contact details and offers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wijzer.core import models as m
from wijzer.core.catalogue import Catalogue
from wijzer.core.sorting import gemeente_sort_key, name_sort_key
from wijzer.pages.context import Uris
from wijzer.pages.kinds.base import GeneratedPage, PageKind


class OrganisationKind(PageKind):
    name = "organisation"
    search_label = "organisatie"
    template = "organisation.html"

    def pages(self, cat: Catalogue) -> Iterator[GeneratedPage]:
        for key, org in cat.organisations.items():
            yield GeneratedPage(Uris.organisation(key), self.name, key, org.name, m.KIND_LABELS[org.kind], *cat.origin("organisations", key))

    def values(self, cat: Catalogue, key: str, ctx: dict[str, Any], env: Any) -> dict[str, Any]:
        org = cat.organisations[key]
        codes = cat.area_gemeenten(org.area) or set()
        return {
            "org": org,
            "org_gemeenten": sorted((cat.gemeenten[c] for c in codes), key=lambda g: gemeente_sort_key(g.name)),
            "offers": sorted(cat.offers_by_provider.get(org.id, []), key=lambda o: name_sort_key(o.name)),
        }

    def phone(self, cat: Catalogue, key: str) -> str | None:
        return cat.organisations[key].contact.phone

    def quick_exit(self, cat: Catalogue, key: str) -> bool:
        """Every organisation page: parents reach it from their gemeente's page (docs/snel-weg.md)."""
        return True
