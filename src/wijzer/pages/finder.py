"""The offer finder ("Hulp zoeken"): Catalogue -> facets, per-offer facet values and the list.

Pure: no MkDocs. The ``finder()`` macro renders ``templates/finder.html`` with ``finder_context``.
The page carries the first page of cards (``cards_in_page``; with the shipped data every offer),
the others are in ``FINDER_CARDS`` next to it (``render_finder_cards``), which finder.js fetches on
the first interaction; without JavaScript the page links to the overview of every offer. Each card
carries its facet values as ``data-*`` attributes, which ``overrides/assets/finder.js`` reads once
and then filters on by toggling a class. The form's field names are the URL query keys.

Matching rules (the same in finder.js and in the tests):
- within one facet the chosen values are alternatives (OR), facets combine with AND;
- gemeente: national offers match every gemeente; others match when the gemeente is in their
  area (listed directly or through one of their regions). The typed name is matched as on the
  home page's "Waar woon je?" (gemeente_picker: aliases, typos, prefixes, no accents; one
  matcher in picker.js); a name that fits more than one gemeente ("Bergen") asks which;
- age: a whole number from 0 to 25; anything else gets a message above the field (and an error
  summary on submit) and is left out of the filter; offers without an age range match every age;
- audience: offers only for professionals are left out unless "Professionals" is chosen;
- order: with a gemeente chosen, its local and regional offers come before national ones
  (each group lightest tier first, then by name without leading punctuation: "!JES" under J);
- free text: every word must occur in the text of the card (name, summary, the facts on the card;
  case and accents ignored). Provider names are left out on purpose: at national scale they
  would cost about 50 kB (gzip) for little gain.

Size at national scale (5,000 offers): each card's facets are one short code (``data-f``), and
only the first ``settings.finder_summaries_inline`` cards carry their summary in the HTML; the
others' summaries are in ``hulp-zoeken/samenvattingen/<n>.json`` chunks that finder.js fetches
when those cards come into view, or all at once for a free-text search (docs/benchmarks.md).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from wijzer.core import models as m
from wijzer.core.catalogue import Catalogue
from wijzer.core.place_names import name_key
from wijzer.core.sorting import gemeente_sort_key, name_sort_key
from wijzer.pages.context import fragment
from wijzer.pages.render import Linker

# Well-known names people type instead of the official CBS name.
GEMEENTE_ALIASES: dict[str, str] = {"Den Haag": "GM0518", "Den Bosch": "GM0796"}


@dataclass(frozen=True)
class Facet:
    param: str  # URL query key and form field name (Dutch, visible in shared links)
    attribute: str  # data-* attribute on each card holding the offer's values
    legend: str
    options: tuple[tuple[str, str], ...]  # (value, label)
    more: bool = False  # shown under "Meer filters"


@dataclass(frozen=True)
class GemeenteOption:
    name: str  # what the visitor types or picks
    official: str  # CBS name, shown in the chip
    code: str
    slug: str
    province: str
    regions: str  # space-separated ids of regions that offers use
    note: str = ""  # shown next to the name in the list: the province, or which gemeente a former one is part of now


def _present(values: dict[str, str], used: set[str]) -> tuple[tuple[str, str], ...]:
    """Only options that at least one offer has: a filter should never be a dead end by design."""
    return tuple((value, label) for value, label in values.items() if value in used)


def facets(cat: Catalogue) -> list[Facet]:
    offers = list(cat.offers.values())

    def used(getter) -> set[str]:
        return {v for o in offers for v in getter(o)}

    return [
        Facet("voor", "audiences", "Voor wie", _present(m.AUDIENCE_LABELS, used(lambda o: o.audiences))),
        Facet("trede", "tiers", "Zwaarte van de hulp", _present({t.id: t.label for t in cat.tier_order}, used(lambda o: o.tiers))),
        Facet("fase", "phases", "Fase van de scheiding", _present(m.PHASE_LABELS, used(lambda o: o.phases)), more=True),
        Facet("vorm", "forms", "Vorm", _present(m.FORM_LABELS, used(lambda o: o.forms)), more=True),
        Facet("kosten", "costs", "Kosten", _present(m.COSTS_LABELS, used(lambda o: [o.costs])), more=True),
        Facet("toegang", "access", "Hoe kom je erbij", _present(m.ACCESS_LABELS, used(lambda o: [o.access])), more=True),
        Facet("bewijs", "evidence", "Bewezen effect", _present(m.EVIDENCE_LABELS, used(lambda o: [o.evidence.level])), more=True),
    ]


def chip_label(label: str) -> str:
    """Short form of an option label for its chip: ``'Verwijzing nodig (wijkteam, ...)'`` -> ``'Verwijzing nodig'``."""
    return re.split(r" \(|: ", label, maxsplit=1)[0]


def offer_values(offer: m.Offer) -> dict[str, list[str]]:
    """The facet values of one offer, by card attribute."""
    return {
        "audiences": list(offer.audiences),
        "tiers": list(offer.tiers),
        "phases": list(offer.phases),
        "forms": list(offer.forms),
        "costs": [offer.costs],
        "access": [offer.access],
        "evidence": [offer.evidence.level],
    }


def facet_codes(cat: Catalogue) -> dict[str, dict[str, str]]:
    """Per facet attribute, value -> a short code (one or two characters) used on the cards."""
    alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    out = {}
    for facet in facets(cat):
        if len(facet.options) > len(alphabet):  # pragma: no cover - the models allow far fewer values
            raise ValueError(f"te veel waarden voor {facet.attribute}")
        out[facet.attribute] = {value: alphabet[i] for i, (value, _) in enumerate(facet.options)}
    return out


def card_attributes(offer: m.Offer, codes: dict[str, dict[str, str]]) -> dict[str, str]:
    """``data-*`` attributes (without the prefix) of the finder card of ``offer``: ``f`` holds
    its facet values as codes, one group per facet separated by '-', in the order of the form."""
    values = offer_values(offer)
    attrs = {"f": "-".join("".join(codes[key][v] for v in values[key]) for key in codes)}
    if offer.area.national:
        attrs["national"] = ""
    else:
        if offer.area.gemeenten:
            attrs["gemeenten"] = " ".join(sorted(offer.area.gemeenten))
        if offer.area.regions:
            attrs["regions"] = " ".join(sorted(offer.area.regions))
    if for_professionals_only(offer):
        attrs["pro"] = ""  # hidden until the visitor picks "Professionals" (parents, children first)
    if offer.ages:
        attrs["ages"] = f"{offer.ages.min}-{offer.ages.max}"
    return attrs


SUMMARY_CHUNK = 250  # summaries per file after the inline ones
PAGE_SIZE = 60  # cards finder.js shows before "Toon meer" (divisible by 2, 3 and 4 columns)
SUMMARY_FOLDER = "hulp-zoeken/samenvattingen"
FINDER_CARDS = "kaarten.json"  # next to the finder's page: the cards after the first page (cards_in_page)


def for_professionals_only(offer: m.Offer) -> bool:
    return set(offer.audiences) == {"professionals"}


def cards_in_page(offers: list[m.Offer]) -> int:
    """How many of the sorted ``offers`` the page itself carries: up to and including the
    PAGE_SIZE-th one a parent sees (professional-only help is hidden until asked for), so the
    first view with JavaScript is complete. finder.js fetches the others (FINDER_CARDS) on the
    first interaction with the finder; without JavaScript the page links to the full overview."""
    seen = 0
    for index, offer in enumerate(offers):
        seen += not for_professionals_only(offer)
        if seen == PAGE_SIZE:
            return index + 1
    return len(offers)


def summary_chunks(cat: Catalogue, inline: int | None = None) -> dict[str, list[str]]:
    """``<n>.json`` -> the summaries of the cards after the first ``inline``, in page order."""
    inline = cat.settings.finder_summaries_inline if inline is None else inline
    rest = [o.summary for o in finder_offers(cat)][inline:]
    return {f"{i // SUMMARY_CHUNK}.json": rest[i : i + SUMMARY_CHUNK] for i in range(0, len(rest), SUMMARY_CHUNK)}


def gemeente_options(cat: Catalogue) -> list[GemeenteOption]:
    """One option per gemeente (plus well-known aliases, the former gemeenten and the towns that
    are not a gemeente, see core/place_names.py), sorted like a visitor expects."""
    used_regions = {r for o in cat.offers.values() for r in o.area.regions}
    regions = {code: " ".join(sorted(r.id for r in cat.regions_of.get(code, []) if r.id in used_regions)) for code in cat.gemeenten}

    def option(name: str, code: str, note: str = "") -> GemeenteOption:
        g = cat.gemeenten[code]
        return GemeenteOption(name, g.name, code, cat.gemeente_slugs[code], g.province, regions[code], note or g.province)

    own = [option(g.name, code) for code, g in cat.gemeenten.items()]
    options = [option(alias, code) for alias, code in GEMEENTE_ALIASES.items() if code in cat.gemeenten]
    for h in cat.herindelingen:
        part = "deels " if len(h.into) > 1 else ""
        options += [option(name, code, f"sinds {h.since.year} {part}gemeente {cat.gemeenten[code].name}") for name in h.former for code in h.into]
    # the village Haaren is one of the gemeenten the former gemeente Haaren went into: those options have it
    options += [option(w.name, w.gemeente, f"in gemeente {cat.gemeenten[w.gemeente].name}") for w in cat.woonplaatsen
                if not (w.former and name_key(w.former) == name_key(w.name))]
    # the gemeenten first: finder.js lists them in this order when it asks which one is meant ("Haaren")
    def key(o: GemeenteOption) -> tuple[str, str]:
        return (gemeente_sort_key(o.name), o.code)

    return sorted(own, key=key) + sorted(options, key=key)


def finder_offers(cat: Catalogue) -> list[m.Offer]:
    """Every offer, lightest tier first (licht als het kan), then by name."""
    level = cat.tier_levels
    return sorted(cat.offers.values(), key=lambda o: (min(level.get(t, 99) for t in o.tiers), name_sort_key(o.name)))


def finder_context(cat: Catalogue, link: Linker, *, all_inline: bool = False) -> dict:
    """``all_inline``: every card and summary in the page (the offline build cannot fetch files)."""
    offers = finder_offers(cat)
    codes = facet_codes(cat)
    in_page = len(offers) if all_inline else cards_in_page(offers)
    return {
        "offers": offers,
        "in_page": in_page,
        "cards_href": FINDER_CARDS if in_page < len(offers) else "",
        "for_parents": sum(not for_professionals_only(o) for o in offers),
        "card_attrs": {o.id: card_attributes(o, codes) for o in offers},
        "codes": codes,
        "inline": len(offers) if all_inline else cat.settings.finder_summaries_inline,
        "summary_chunk": SUMMARY_CHUNK,
        "page_size": PAGE_SIZE,
        "summary_href": link.asset(SUMMARY_FOLDER) + "/",
        "facets": facets(cat),
        "chip_label": chip_label,
        "gemeente_options": gemeente_options(cat),
        "gemeente_href": link("gemeenten/{slug}.md"),
    }


def render_finder_cards(cat: Catalogue, link: Linker, ctx: dict, overrides: str | None = None) -> str:
    """The cards after the page's own (``FINDER_CARDS``), as the JSON finder.js fetches:
    ``{"html": ...}``, the same ``<li>`` elements the page would carry. ``link`` and ``ctx``
    (``finder_context``) are the page's."""
    html = fragment('{% include "finder_cards.html" %}', cat, link, overrides, **ctx, cards=ctx["offers"][ctx["in_page"]:], first=ctx["in_page"])
    return json.dumps({"html": str(html)}, ensure_ascii=False, separators=(",", ":"))
