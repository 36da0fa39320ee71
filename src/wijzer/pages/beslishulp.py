"""Page HTML for the beslishulp "Mag ik …?", called by the macros ``beslishulp()`` and ``beslishulp_uitleg()``.

Every outcome block is rendered here, on the server, with the same escaping as every macro; the
page hides them and ``beslishulp.js`` shows the ones that apply. One JSON data block carries the
conditions (no inline executable JS), so the page works from ``file://`` and sends nothing.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from wijzer.core.beslishulp import Beslishulp, Citation, Outcome
from wijzer.core.catalogue import Catalogue
from wijzer.pages.blocks import for_markdown
from wijzer.pages.context import context
from wijzer.pages.flowpages import FlowDataMissing, _json_block, veilig_thuis
from wijzer.pages.render import Linker, environment


def _need(cat: Catalogue) -> Beslishulp:
    bh = cat.extras.get("beslishulp")
    if bh is None:
        raise FlowDataMissing("data/beslishulp.yaml ontbreekt: zonder dat bestand kan deze pagina niet worden gemaakt")
    return bh  # type: ignore[return-value]


def decision_data(bh: Beslishulp) -> dict[str, Any]:
    """Everything beslishulp.js needs: questions, sections and the conditions of every block."""
    return {
        "questions": [
            {"id": q.id, "answers": {a.id: {"label": a.label, "safety": a.safety, "holders": a.holders} for a in q.answers}}
            for q in bh.questions
        ],
        "sections": [{"id": s.id, "required": s.required} for s in bh.sections],
        "outcomes": [{"id": o.id, "section": o.section, "when": o.when, "unless": o.unless, "consent": o.consent} for o in bh.outcomes],
    }


def _citations(bh: Beslishulp, texts: list[str]) -> list[Citation]:
    return [bh.citations[t] for t in texts]


def condition_words(bh: Beslishulp, outcome: Outcome) -> list[str]:
    """The conditions of a block in words, for the explanation page: 'Hoe oud is het kind? 12 tot en met 15 jaar'."""
    labels = {q.id: (q.text, {a.id: a.label for a in q.answers}) for q in bh.questions}
    words = [f"{labels[q][0]} {' of '.join(labels[q][1][a] for a in ids)}" for q, ids in outcome.when.items()]
    words += [f"Niet bij: {labels[q][0]} {' of '.join(labels[q][1][a] for a in ids)}" for q, ids in outcome.unless.items()]
    return words or ["Altijd"]


def _render(template: str, cat: Catalogue, link: Linker, overrides: str | None, bh: Beslishulp) -> Markup:
    ctx = context(cat, link)
    by_section = {s.id: [o for o in bh.outcomes if o.section == s.id] for s in bh.sections}
    ctx.update(
        bh=bh,
        by_section=by_section,
        cite=lambda texts: _citations(bh, texts),
        conditions=lambda outcome: condition_words(bh, outcome),
        veilig_thuis=veilig_thuis(cat, bh.safety.organisations),
        safety_orgs=[cat.organisations[i] for i in bh.safety.organisations if i in cat.organisations],
    )
    return for_markdown(environment(overrides).get_template(template).render(ctx))


def render_beslishulp(cat: Catalogue, link: Linker, overrides: str | None = None) -> Markup:
    bh = _need(cat)
    html = _render("beslishulp.html", cat, link, overrides, bh)
    return Markup(html + "\n\n" + for_markdown(_json_block("wz-beslishulp-data", decision_data(bh))))


def render_beslishulp_uitleg(cat: Catalogue, link: Linker, overrides: str | None = None) -> Markup:
    return _render("beslishulp_uitleg.html", cat, link, overrides, _need(cat))
