"""Macros for hand-written pages. Each returns escaped HTML; data never becomes a template.

Registered by ``macros/main.py`` (the mkdocs-macros module), which only calls ``register``.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any

from markupsafe import Markup

from wijzer.core.catalogue import Catalogue
from wijzer.pages.generated import Uris, fragment
from wijzer.pages.render import Linker, for_markdown, page_url
from wijzer.site.hooks import catalogue_for


def write_companions(env: Any) -> None:
    """Files a macro made next to its page (the signaleringshulp's cards), once the site is written."""
    site_dir = Path(env.conf.site_dir)
    for path, text in env.variables.get(COMPANIONS, {}).items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


class MacroError(Exception):
    pass


COMPANIONS = "wijzer_companions"  # env.variables key: site path -> text, written after the build


def register(env: Any) -> None:
    config = env.conf
    companions: dict[str, str] = {}
    env.variables[COMPANIONS] = companions
    overrides = str(Path(config.config_file_path).parent / "overrides")

    def cat() -> Catalogue:
        return catalogue_for(config)

    def link() -> Linker:
        return Linker(env.page.file.src_uri, config.use_directory_urls)

    def need(table: dict, key: str, what: str) -> Any:
        if key not in table:
            raise MacroError(f"{env.page.file.src_uri}: onbekende {what} '{key}'")
        return table[key]

    def render(source: str, **values: Any) -> Markup:
        return fragment(source, cat(), link(), overrides, **values)

    @env.macro
    def offer_card(offer_id: str) -> Markup:
        """Kaart van één aanbod."""
        return render("{{ parts.offer_card(offer, link) }}", offer=need(cat().offers, offer_id, "aanbod-id"))

    @env.macro
    def contact_card(org_id: str) -> Markup:
        """Contactkaart van één organisatie."""
        return render("{{ parts.contact_card(org, link) }}", org=need(cat().organisations, org_id, "organisatie"))

    def select(audience: str | None, tier: str | None, phase: str | None, gemeente: str | None) -> list:
        c = cat()
        if tier is not None:
            need(c.tiers, tier, "trede")
        if gemeente is not None:
            need(c.gemeenten, gemeente, "gemeente")
        found = []
        for offer in c.offers.values():
            if audience and audience not in offer.audiences:
                continue
            if tier and tier not in offer.tiers:
                continue
            if phase and phase not in offer.phases:
                continue
            if gemeente:
                codes = c.area_gemeenten(offer.area)
                if codes is not None and gemeente not in codes:
                    continue
            found.append(offer)
        return sorted(found, key=lambda o: o.name.lower())

    @env.macro
    def offer_list(
        audience: str | None = None, tier: str | None = None, phase: str | None = None, gemeente: str | None = None, limit: int = 24
    ) -> Markup:
        """Kaarten van het aanbod dat past bij doelgroep, trede, fase en/of gemeente. Zijn het er meer
        dan ``limit``, dan eerst het landelijke aanbod en een link naar alles in Hulp zoeken."""
        from urllib.parse import urlencode

        offers = select(audience, tier, phase, gemeente)
        total = len(offers)
        if total > limit:
            offers = sorted(offers, key=lambda o: (not o.area.national, o.name.lower()))[:limit]
        query = urlencode([(k, v) for k, v in (("voor", audience), ("trede", tier), ("fase", phase)) if v])
        return render(
            '<div class="wz-cards" data-search-exclude>{% for o in offers %}{{ parts.offer_card(o, link) }}{% endfor %}</div>'
            "{% if not offers %}<p>Geen aanbod gevonden.</p>{% endif %}"
            '{% if total > offers|length %}<p class="wz-more"><a href="{{ link(uri.finder) }}{{ "?" ~ query if query }}">'
            "Bekijk alle {{ total }} in Hulp zoeken</a></p>{% endif %}",
            offers=offers,
            total=total,
            query=query,
        )

    @env.macro
    def finder() -> Markup:
        """De hulpzoeker: al het aanbod als kaarten, met filters (met JavaScript) en de filterwaarden per kaart."""
        from wijzer.pages.finder import finder_context

        offline = bool(env.conf.get("extra", {}).get("wijzer", {}).get("offline"))  # file:// cannot fetch summaries
        return render('{% include "finder.html" %}', **finder_context(cat(), link(), all_inline=offline))

    @env.macro
    def offer_overview() -> Markup:
        """Al het aanbod, gegroepeerd per trede van licht naar zwaar."""
        c = cat()
        groups = [(t, sorted((o for o in c.offers.values() if t.id in o.tiers), key=lambda o: o.name.lower())) for t in c.tier_order]
        return render(
            "{% for t, offers in groups %}"
            '<h2 id="trede-{{ t.id }}">{{ t.label }}</h2><p>{{ t.summary }}</p>'
            '<ul class="wz-index" data-search-exclude>{% for o in offers %}<li><a href="{{ link(uri.offer(o.id)) }}">{{ o.name }}</a>: {{ o.summary }}</li>{% endfor %}</ul>'
            "{% endfor %}",
            groups=groups,
        )

    @env.macro
    def organisation_overview() -> Markup:
        """Alle organisaties, per eiland."""
        from wijzer.core.models import ISLAND_LABELS

        c = cat()
        groups = [
            (island, label, sorted((o for o in c.organisations.values() if o.island == island), key=lambda o: o.name.lower()))
            for island, label in ISLAND_LABELS.items()
        ]
        return render(
            "{% for island, label, orgs in groups %}"
            '<h2 id="eiland-{{ island }}">{{ label }}</h2>'
            '<ul class="wz-index wz-columns" data-search-exclude>{% for o in orgs %}<li><a href="{{ link(uri.organisation(o.id)) }}">{{ o.name }}</a></li>{% endfor %}</ul>'
            "{% endfor %}",
            groups=groups,
        )

    @env.macro
    def gemeente_overview() -> Markup:
        """Alle gemeenten per provincie, met een link naar hun sociale kaart."""
        c = cat()
        provinces: dict[str, list] = {}
        for g in sorted(c.gemeenten.values(), key=lambda g: g.name.lower().lstrip("'")):
            provinces.setdefault(g.province, []).append(g)
        return render(
            "{% for province, items in provinces %}"
            '<h2 id="provincie-{{ loop.index }}">{{ province }}</h2>'
            '<ul class="wz-index wz-columns" data-search-exclude>{% for g in items %}<li><a href="{{ link(uri.gemeente(g.code)) }}">{{ g.name }}</a>'
            '{% if g.entry_point %} <span class="wz-has-entry" title="Met aanspreekpunt">✓</span>{% endif %}</li>{% endfor %}</ul>'
            "{% endfor %}",
            provinces=sorted(provinces.items()),
        )

    @env.macro
    def topic_list() -> Markup:
        """Alle juridische onderwerpen met hun samenvatting."""
        return render(
            '<ul class="wz-index">{% for t in topics %}<li><a href="{{ link(uri.topic(t.id)) }}">{{ t.title }}</a>: {{ t.summary }}</li>{% endfor %}</ul>',
            topics=list(cat().topics.values()),
        )

    @env.macro
    def topic_link(topic_id: str) -> Markup:
        """Link naar één juridisch onderwerp."""
        topic = need(cat().topics, topic_id, "onderwerp")
        return render('<a href="{{ link(uri.topic(t.id)) }}">{{ t.title }}</a>', t=topic)

    @env.macro
    def telefoon(org_id: str) -> Markup:
        """Het telefoonnummer van een organisatie als link (tel:), uit data/organisations.yaml."""
        from wijzer.core.contactrefs import numbers_html

        org = need(cat().organisations, org_id, "organisatie")
        if not numbers_html(org):
            raise MacroError(f"{env.page.file.src_uri}: organisatie '{org_id}' heeft geen telefoonnummer")
        return for_markdown(numbers_html(org))

    @env.macro
    def offer_count() -> int:
        return len(cat().offers)

    @env.macro
    def routekaart() -> Markup:
        """De routekaart: stroomschema's en stappen per rol, uit data/routekaart.yaml."""
        from wijzer.pages.flowpages import render_routekaart

        return render_routekaart(cat(), link(), overrides)

    @env.macro
    def taxatie() -> Markup:
        """De signaleringshulp: vragen, gemeentekeuze en uitkomst (met JavaScript), uit data/taxatie.yaml."""
        from wijzer.pages.flowpages import TAXATIE_CARDS, render_taxatie, render_taxatie_cards

        offline = bool(env.conf.get("extra", {}).get("wijzer", {}).get("offline"))  # file:// cannot fetch
        if not offline:  # written next to the page after the build (on_post_build below)
            url = page_url(env.page.file.src_uri, config.use_directory_urls)
            folder = url.rstrip("/") if url.endswith("/") or not url else posixpath.dirname(url)
            companions[posixpath.join(folder, TAXATIE_CARDS)] = render_taxatie_cards(cat(), link(), overrides)
        return render_taxatie(cat(), link(), overrides, cards_inline=offline)

    @env.macro
    def taxatie_uitleg() -> Markup:
        """Hoe de uitkomst van de signaleringshulp werkt: model, drempels, gewichten en de treden."""
        from wijzer.pages.flowpages import render_taxatie_model

        return render_taxatie_model(cat(), link(), overrides)

    @env.macro
    def beslishulp() -> Markup:
        """De beslishulp Mag ik …?: vragen en uitkomst (met JavaScript), uit data/beslishulp.yaml."""
        from wijzer.pages.beslishulp import render_beslishulp

        return render_beslishulp(cat(), link(), overrides)

    @env.macro
    def beslishulp_uitleg() -> Markup:
        """Alle uitkomsten van de beslishulp met hun voorwaarden en wetsartikelen."""
        from wijzer.pages.beslishulp import render_beslishulp_uitleg

        return render_beslishulp_uitleg(cat(), link(), overrides)

    env.variables["wijzer_uris"] = Uris
