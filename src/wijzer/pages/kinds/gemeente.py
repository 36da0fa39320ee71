"""Gemeente pages (``gemeenten/<slug>``): the local hub of one gemeente. Where to start, the crisis
lines, local help light to heavy, nearby organisations and a compact national list."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from wijzer.core import clock, crisis
from wijzer.core import models as m
from wijzer.core.catalogue import Catalogue
from wijzer.core.place_names import name_key
from wijzer.core.sorting import name_sort_key
from wijzer.pages.context import Uris
from wijzer.pages.finder import GEMEENTE_ALIASES
from wijzer.pages.kinds.base import GeneratedPage, PageKind
from wijzer.pages.kinds.gemeente_lists import Cards, NationalLists, by_tier
from wijzer.pages.page_text import plain_text, without_excluded


class GemeenteKind(PageKind):
    name = "gemeente"
    search_label = "gemeente"
    template = "gemeente.html"
    # Parts of gemeente.html that are not about this gemeente as such: what says the same on
    # every gemeente page and would make every gemeente match every question ("veilig thuis",
    # "wijkteam") — the crisis block, the next steps where no entry point is known, what is not
    # printed (explanations, the national lists, the organisations per island), the review
    # dates — and the local offers (``wz-flow``), whose own pages come first for their names.
    # tests/pages/test_kinds.py checks that each class still stands on a gemeente page.
    search_skip: ClassVar[tuple[str, ...]] = ("wz-crisis", "wz-next-steps", "wz-noprint", "wz-reviewed", "wz-flow")

    def pages(self, cat: Catalogue) -> Iterator[GeneratedPage]:
        uri = Uris(cat)
        for code, gemeente in cat.gemeenten.items():
            yield GeneratedPage(
                uri.gemeente(code),
                self.name,
                code,
                f"Hulp bij scheiding in {gemeente.name}",
                f"Sociale kaart van {gemeente.name}: waar je terechtkunt en welke hulp er is bij scheiding.",
                *cat.origin("gemeenten", code),
            )

    def values(self, cat: Catalogue, key: str, ctx: dict[str, Any], env: Any) -> dict[str, Any]:
        gemeente = cat.gemeenten[key]
        entry = self._entry(cat, key)
        local = cat.local_offers(key)
        local_orgs = sorted((o for o in cat.local_organisations(key) if o is not entry), key=lambda o: name_sort_key(o.name))
        shown = [*local, *cat.national_offers, *local_orgs, *cat.national_organisations, *([entry] if entry else [])]
        dates = [x.reviewed for x in shown] or [clock.today()]
        vt = crisis.veilig_thuis_for(cat, key)
        return {
            "cards": Cards(cat, env, ctx["link"], ctx["uri"]),
            "gemeente": gemeente,
            # "Den Haag" for 's-Gravenhage: the name people use, on the page and in its search text
            "also_known_as": [alias for alias, code in GEMEENTE_ALIASES.items() if code == key],
            # on Amsterdam's page "Ook voor de vroegere gemeente Weesp", on Zaanstad's "Ook voor Zaandam, …":
            # the names people know their place by (data/regions.yaml), on the page and in its search text
            "former": former_gemeenten(cat, key),
            "towns": in_words(sorted((w.name for w in cat.woonplaatsen if w.gemeente == key and not w.former), key=name_sort_key)),
            "regions": cat.regions_of.get(key, []),
            "entry": entry,
            "local_by_tier": by_tier(cat, local),
            "national": NationalLists(cat, env, ctx),
            "local_orgs": [o for o in local_orgs if o.kind != "veilig-thuis"],
            "orgs_by_island": [(island, [o for o in local_orgs if o.island == island]) for island in m.ISLAND_LABELS],
            "veilig_thuis": vt,
            "veilig_thuis_site": crisis.website_of(cat, vt) if vt else None,
            "kindertelefoon": crisis.kindertelefoon(cat),
            "juridisch_loket": crisis.national_line(cat, "juridisch-loket"),
            "oldest": min(dates),
            "newest": max(dates),
        }

    def quick_exit(self, cat: Catalogue, key: str) -> bool:
        """Every gemeente page: it says where to go when it is not safe at home, and it is the step
        after the parents' page on the way to local help (docs/snel-weg.md)."""
        return True

    def phone(self, cat: Catalogue, key: str) -> str | None:
        """The entry point's number: where to start in this gemeente."""
        entry = self._entry(cat, key)
        return entry.contact.phone if entry else None

    def search_text(self, body: str) -> str:
        """What the page says about this gemeente: its name, where to start and the organisations
        nearby. The parts marked ``data-search-exclude`` or named in ``search_skip`` stay out."""
        return plain_text(without_excluded(body, self.search_skip))

    @staticmethod
    def _entry(cat: Catalogue, key: str) -> m.Organisation | None:
        code = cat.gemeenten[key].entry_point
        return cat.organisations.get(code) if code else None


def former_gemeenten(cat: Catalogue, key: str) -> list[tuple[str, int, bool, bool, str]]:
    """(names in words, year, only partly, more than one, its villages here in words) per herindeling
    that went (partly) into gemeente ``key``; the villages are known for a divided gemeente."""
    out = []
    for h in sorted(cat.herindelingen, key=lambda h: h.since):
        if key in h.into:
            names = {name_key(name) for name in h.former}
            villages = sorted((w.name for w in cat.woonplaatsen if w.gemeente == key and w.former and name_key(w.former) in names), key=name_sort_key)
            # the village that shares the former gemeente's name is "het dorp Haaren", not the whole of it
            villages = [f"het dorp {v}" if name_key(v) in names else v for v in villages]
            out.append((in_words(h.former), h.since.year, len(h.into) > 1, len(h.former) > 1, in_words(villages)))
    return out


def in_words(names: list[str]) -> str:
    """"A", "A en B", "A, B en C"; empty for no names."""
    return ", ".join(names[:-1]) + " en " + names[-1] if len(names) > 1 else "".join(names)
