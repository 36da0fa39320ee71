"""Macros for hand-written pages. Each returns escaped HTML; data never becomes a template.

Registered by ``macros/main.py`` (the mkdocs-macros module), which only calls ``register``, or
directly as a mkdocs-macros "pluglet" (``macros: modules: [wijzer.site.macros]``, as ``wijzer init``
writes it), through ``define_env``.
"""

from __future__ import annotations

import posixpath
from typing import Any

from markupsafe import Markup

from wijzer.core.catalogue import Catalogue
from wijzer.core.sorting import name_sort_key
from wijzer.pages.blocks import for_markdown
from wijzer.pages.context import fragment
from wijzer.pages.render import Linker, page_url
from wijzer.site.plugin import WijzerPlugin


class MacroError(Exception):
    pass


def register(env: Any) -> None:
    config = env.conf
    plugin = config.plugins.get("wijzer")
    if not isinstance(plugin, WijzerPlugin):
        raise MacroError("de macro's van Wijzer hebben de wijzer-plugin nodig (plugins: - wijzer in mkdocs.yml)")
    overrides = plugin.overrides

    def cat() -> Catalogue:
        return plugin.catalogue

    def link() -> Linker:
        return Linker(env.page.file.src_uri, config.use_directory_urls)

    def need(table: dict, key: str, what: str) -> Any:
        if key not in table:
            raise MacroError(f"{env.page.file.src_uri}: onbekende {what} '{key}'")
        return table[key]

    def render(source: str, **values: Any) -> Markup:
        return fragment(source, cat(), link(), overrides, **values)

    def companion(name: str, text: str) -> None:
        """A file next to the current page (written by the plugin after the build), which its script fetches."""
        url = page_url(env.page.file.src_uri, config.use_directory_urls)
        folder = url.rstrip("/") if url.endswith("/") or not url else posixpath.dirname(url)
        plugin.state.companions[posixpath.join(folder, name)] = text

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
        return sorted(found, key=lambda o: name_sort_key(o.name))

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
            offers = sorted(offers, key=lambda o: (not o.area.national, name_sort_key(o.name)))[:limit]
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
        from wijzer.pages.finder import FINDER_CARDS, finder_context, render_finder_cards

        offline = plugin.config.offline  # file:// cannot fetch: every card and summary stays in the page
        context = finder_context(cat(), link(), all_inline=offline)
        if context["cards_href"]:
            companion(FINDER_CARDS, render_finder_cards(cat(), link(), context, overrides))
        return render('{% include "finder.html" %}', **context)

    @env.macro
    def offer_overview() -> Markup:
        """Al het aanbod, gegroepeerd per trede van licht naar zwaar."""
        c = cat()
        groups = [(t, sorted((o for o in c.offers.values() if t.id in o.tiers), key=lambda o: name_sort_key(o.name))) for t in c.tier_order]
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
            (island, label, sorted((o for o in c.organisations.values() if o.island == island), key=lambda o: name_sort_key(o.name)))
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
        """Alle gemeenten van A tot Z, met een letterindex en een link naar hun sociale kaart."""
        from wijzer.pages.gemeente_picker import letter_groups

        return render('{% include "gemeente_az.html" %}', groups=letter_groups(cat()))

    @env.macro
    def gemeente_kiezer(label: str = "Waar woon je?", resolve_query: bool = False) -> Markup:
        """Het veld 'Waar woon je?': een gemeentenaam brengt je naar de pagina van die gemeente."""
        from wijzer.pages.gemeente_picker import picker_data

        return render('{% include "gemeente_picker.html" %}', label=label, data=picker_data(cat()), resolve_query=resolve_query)

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
    def trede(tier_id: str) -> Markup:
        """De naam van een trede (zwaarte van de hulp) uit data/tiers.yaml, zoals de rest van de site hem noemt."""
        tier = need(cat().tiers, tier_id, "trede")
        return render("{{ t.label }}", t=tier)

    @env.macro
    def telefoon(org_id: str) -> Markup:
        """Het telefoonnummer van een organisatie als link (tel:), uit data/organisations.yaml."""
        from wijzer.core.contactrefs import numbers_html

        org = need(cat().organisations, org_id, "organisatie")
        if not numbers_html(org):
            raise MacroError(f"{env.page.file.src_uri}: organisatie '{org_id}' heeft geen telefoonnummer")
        return for_markdown(numbers_html(org))

    @env.macro
    def routekaart() -> Markup:
        """De routekaart: stroomschema's en stappen per rol, uit data/routekaart.yaml."""
        from wijzer.pages.flowpages import render_routekaart

        return render_routekaart(cat(), link(), overrides)

    @env.macro
    def taxatie() -> Markup:
        """De signaleringshulp: vragen, gemeentekeuze en uitkomst (met JavaScript), uit data/taxatie.yaml."""
        from wijzer.pages.flowpages import TAXATIE_CARDS, render_taxatie, render_taxatie_cards

        offline = plugin.config.offline  # file:// cannot fetch: the cards stay in the page
        if not offline:
            companion(TAXATIE_CARDS, render_taxatie_cards(cat(), link(), overrides))
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

    from wijzer.site import help_macros

    help_macros.register(env, render, lambda: cat().organisations)


def define_env(env: Any) -> None:
    """The mkdocs-macros entry point when this module is listed under ``modules:``."""
    register(env)
