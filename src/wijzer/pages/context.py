"""What every page template of the pages layer gets: the catalogue, a linker, where each kind of
page lives (``Uris``) and the Dutch labels of the vocabularies. Also ``fragment``: a small
template (for the macros of hand-written pages) with the same parts and escaping."""

from __future__ import annotations

from markupsafe import Markup

from wijzer.core import models as m
from wijzer.core.catalogue import Catalogue
from wijzer.core.fields import phone_href
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


def context(cat: Catalogue, link: Linker) -> dict:
    return {"cat": cat, "link": link, "uri": Uris(cat), "labels": LABELS, "phone_href": phone_href, "tiers": cat.tier_order}


def fragment(template_source: str, cat: Catalogue, link: Linker, overrides: str | None = None, **values) -> Markup:
    """Render a small template (for macros) with the shared parts and the same escaping."""
    env = environment(overrides)
    ctx = context(cat, link)
    ctx.update(values)
    return for_markdown(env.from_string('{% import "_parts.html" as parts with context %}' + template_source).render(ctx))
