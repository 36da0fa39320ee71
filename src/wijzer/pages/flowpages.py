"""Page data and HTML for the routekaart and the taxatie (signaleren), called by the macros.

Pure functions of the Catalogue: the same escaping as every macro (``blocks.for_markdown``), and
for the taxatie one JSON data block with everything ``flow.js`` needs (no inline executable JS).
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from wijzer.core import crisis
from wijzer.core.catalogue import Catalogue
from wijzer.core.models import Organisation
from wijzer.core.routekaart import DESTINATIONS, GROUP_LABELS, Routekaart
from wijzer.core.sorting import gemeente_sort_key, name_sort_key
from wijzer.core.taxatie import Taxatie
from wijzer.pages import flowchart
from wijzer.pages.blocks import for_markdown
from wijzer.pages.context import Uris, context
from wijzer.pages.render import Linker, compact, environment, external_rel


class FlowDataMissing(Exception):
    """The page calls for data/routekaart.yaml or data/taxatie.yaml, but the data set has none."""


def _need(cat: Catalogue, key: str) -> Any:
    value = cat.extras.get(key)
    if value is None:
        raise FlowDataMissing(f"data/{key}.yaml ontbreekt: zonder dat bestand kan deze pagina niet worden gemaakt")
    return value


def _render(template: str, cat: Catalogue, link: Linker, overrides: str | None, **values: Any) -> Markup:
    ctx = context(cat, link)
    ctx.update(values, group_labels=GROUP_LABELS)
    return for_markdown(environment(overrides).get_template(template).render(ctx))


def tier_marks(cat: Catalogue) -> dict[str, flowchart.TierMark]:
    return {t.id: flowchart.TierMark(t.id, t.label, t.glasl, i) for i, t in enumerate(cat.tier_order)}


def veilig_thuis(cat: Catalogue, ids: list[str] | None = None) -> Organisation | None:
    """The Veilig Thuis organisation (kind veilig-thuis), among ``ids`` if given."""
    orgs = [cat.organisations[i] for i in ids if i in cat.organisations] if ids is not None else list(cat.organisations.values())
    return next((o for o in orgs if o.kind == "veilig-thuis"), None)


def gemeente_options(cat: Catalogue) -> list[tuple[str, str]]:
    """(code, name) sorted as people look for them: ``'s-Hertogenbosch`` under H."""
    return sorted(((code, g.name) for code, g in cat.gemeenten.items()), key=lambda item: gemeente_sort_key(item[1]))


# --------------------------------------------------------------------------- routekaart


def _vt_number(cat: Catalogue) -> str:
    """Veilig Thuis' number from data/organisations.yaml ("" when there is none)."""
    org = veilig_thuis(cat)
    return org.contact.phone if org and org.contact.phone else ""


def _phone(org: Organisation | None) -> dict[str, str]:
    return {"veilig_thuis": org.contact.phone} if org and org.contact.phone else {}


def render_routekaart(cat: Catalogue, link: Linker, overrides: str | None = None) -> Markup:
    rk: Routekaart = _need(cat, "routekaart")
    marks = tier_marks(cat)
    charts = {
        role.id: flowchart.route(
            f"wz-rol-{role.id}",
            role.label,
            [flowchart.StepBox(s.title, [marks[t] for t in s.tiers], s.safety) for s in role.steps],
        )
        for role in rk.roles
    }
    groups = [(g, label, [r for r in rk.roles if r.group == g]) for g, label in GROUP_LABELS.items()]
    return _render(
        "routekaart.html",
        cat,
        link,
        overrides,
        rk=rk,
        overview=flowchart.overview(list(marks.values()), **_phone(veilig_thuis(cat))),
        vt_phone=_vt_number(cat),
        charts=charts,
        groups=[g for g in groups if g[2]],
        destinations=DESTINATIONS,
        gemeenten=gemeente_options(cat),
    )


# --------------------------------------------------------------------------- taxatie


def _json_block(element_id: str, data: Any) -> Markup:
    """A JSON data block; ``<``, ``>`` and ``&`` are escaped so no text can end the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'\n<script type="application/json" id="{element_id}">{text}</script>')


def taxatie_offers(cat: Catalogue) -> list[dict[str, Any]]:
    """Every offer a result can show, with its tiers and area (at national scale most of the data)."""
    offers = []
    for offer in sorted(cat.offers.values(), key=lambda o: name_sort_key(o.name)):
        codes = cat.area_gemeenten(offer.area)
        offers.append({"id": offer.id, "tiers": offer.tiers, "national": codes is None, "gemeenten": sorted(codes or ())})
    return offers


def taxatie_data(cat: Catalogue, link: Linker, *, with_offers: bool = True) -> dict[str, Any]:
    """Everything flow.js needs, precomputed: the model, gemeenten and (``with_offers``; otherwise
    they come with the cards) the offers with their area."""
    tax: Taxatie = _need(cat, "taxatie")
    uri = Uris(cat)
    data = {
        "questions": [
            {
                "id": q.id,
                "theme": q.theme,
                "answers": {a.id: {"label": a.label, "weight": a.weight, "safety": a.safety, "min_tier": a.min_tier} for a in q.answers},
            }
            for q in tax.questions
        ],
        "tiers": [
            {"id": r.tier, "label": cat.tiers[r.tier].label, "level": cat.tiers[r.tier].level, "min_score": r.min_score, "contacts": r.contacts}
            for r in tax.rules
        ],
        "max_score": tax.reachable_score,
        "safety": {"offers": tax.safety.offers, "contacts": tax.safety.organisations, "phone": _vt_number(cat)},
        "gemeenten": {code: _gemeente_data(cat, code, link(uri.gemeente(code))) for code in cat.gemeenten},
        "veilig_thuis": (national_vt.id if (national_vt := crisis.veilig_thuis_for(cat, None)) else None),
    }
    if with_offers:
        data["offers"] = taxatie_offers(cat)
    return data


def _gemeente_data(cat: Catalogue, code: str, url: str) -> dict[str, Any]:
    """A gemeente for flow.js: its name, entry point, page and (if the data knows it) regional Veilig Thuis."""
    out: dict[str, Any] = {"name": cat.gemeenten[code].name, "entry": cat.gemeenten[code].entry_point, "url": url}
    vt = crisis.veilig_thuis_for(cat, code)
    if vt is not None and not vt.area.national:
        out["vt"] = vt.id
    return out


def _contact_ids(cat: Catalogue, tax: Taxatie) -> list[str]:
    """Every organisation a result can show: entry points, tier contacts, safety contacts, regional Veilig Thuis."""
    ids = {g.entry_point for g in cat.gemeenten.values() if g.entry_point}
    ids.update(vt.id for code in cat.gemeenten if (vt := crisis.veilig_thuis_for(cat, code)) is not None)
    ids.update(c for r in tax.rules for c in r.contacts)
    ids.update(tax.safety.organisations)
    return sorted(ids)


TAXATIE_CARDS = "kaarten.json"  # next to the page that shows the signaleringshulp


def _card_values(cat: Catalogue, tax: Taxatie) -> dict[str, Any]:
    return {
        "template_offers": sorted(cat.offers.values(), key=lambda o: name_sort_key(o.name)),
        "template_orgs": [cat.organisations[i] for i in _contact_ids(cat, tax)],
    }


def render_taxatie_cards(cat: Catalogue, link: Linker, overrides: str | None = None) -> str:
    """The card templates of every offer and contact a result can show, and the offers' data
    (``taxatie_offers``), as the JSON that flow.js fetches (``{"html": ..., "offers": [...]}``);
    ``link`` is the page's, so the cards' links work there."""
    tax: Taxatie = _need(cat, "taxatie")
    ctx = context(cat, link)
    ctx.update(_card_values(cat, tax), group_labels=GROUP_LABELS)
    html = compact(environment(overrides).get_template("taxatie_cards.html").render(ctx))
    # As on the page itself: links to other sites get rel="noopener noreferrer" (wijzer.site hooks).
    return json.dumps({"html": external_rel(str(html)), "offers": taxatie_offers(cat)}, ensure_ascii=False, separators=(",", ":"))


def render_taxatie(cat: Catalogue, link: Linker, overrides: str | None = None, *, cards_inline: bool = False) -> Markup:
    """The signaleringshulp. Unless ``cards_inline`` (the offline build, which cannot fetch), its cards
    and offers are in ``TAXATIE_CARDS`` next to the page (``render_taxatie_cards``), which flow.js
    fetches on the first interaction with the questions."""
    tax: Taxatie = _need(cat, "taxatie")
    html = _render(
        "taxatie.html",
        cat,
        link,
        overrides,
        tax=tax,
        rules=[(cat.tiers[r.tier], r) for r in tax.rules],
        veilig_thuis=veilig_thuis(cat, tax.safety.organisations),
        gemeenten=gemeente_options(cat),
        cards_href=None if cards_inline else TAXATIE_CARDS,
        **(_card_values(cat, tax) if cards_inline else {}),
    )
    return Markup(html + "\n\n" + for_markdown(_json_block("wz-taxatie-data", taxatie_data(cat, link, with_offers=cards_inline))))


def render_taxatie_model(cat: Catalogue, link: Linker, overrides: str | None = None) -> Markup:
    """The scoring model in words and tables, and the tiers as plain content (also without JS)."""
    tax: Taxatie = _need(cat, "taxatie")
    lifts = [(q, a) for q in tax.questions for a in q.answers if a.min_tier]
    unsafe = [(q, a) for q in tax.questions for a in q.answers if a.safety]
    return _render(
        "taxatie_model.html",
        cat,
        link,
        overrides,
        tax=tax,
        rules=[(cat.tiers[r.tier], r) for r in tax.rules],
        next_min={r.tier: (tax.rules[i + 1].min_score - 1 if i + 1 < len(tax.rules) else None) for i, r in enumerate(tax.rules)},
        lifts=lifts,
        unsafe=unsafe,
        vt_phone=_vt_number(cat),
    )
