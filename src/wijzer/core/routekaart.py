"""The routekaart (``data/routekaart.yaml``): per role the ordered steps from first signal to help.

Declared once with a Dutch description on every field; ``attach`` checks that every tier, legal
topic, offer and organisation a step names exists, and stores the result in
``catalogue.extras["routekaart"]``. Rendering lives in ``flowpages`` and ``flowchart``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import Field

from wijzer.core import models as m
from wijzer.core.checks import _dates, _refs
from wijzer.core.fields import Markdown, PlainText, Slug
from wijzer.core.problems import Problem
from wijzer.core.yamlsource import Source

if TYPE_CHECKING:
    from wijzer.core.catalogue import Catalogue

# Pages of the site a step can send people to: source path and link text.
Destination = Literal["signaleren", "gemeenten", "hulp-zoeken", "juridisch"]
DESTINATIONS: dict[str, tuple[str, str]] = {
    "signaleren": ("signaleren/index.md", "Weeg de signalen: welke trede past?"),
    "gemeenten": ("gemeenten/index.md", "Zoek het aanspreekpunt in de gemeente"),
    "hulp-zoeken": ("hulp-zoeken.md", "Zoek hulp die past"),
    "juridisch": ("juridisch/index.md", "Wet en regels"),
}

RoleGroup = Literal["voorveld", "hulpverlening", "recht", "ouders"]
GROUP_LABELS: dict[str, str] = {
    "voorveld": "Eerste professional in het voorveld",
    "hulpverlening": "Hulpverlening",
    "recht": "Recht",
    "ouders": "Ouders",
}

TITLE_MAX = 60  # the title is drawn in a box of the flowchart


class Step(m.Entry):
    title: Annotated[PlainText, Field(max_length=TITLE_MAX)] = Field(
        description=f"Korte titel van de stap, hooguit {TITLE_MAX} tekens: hij staat ook in een vakje van het stroomschema."
    )
    text: PlainText = Field(description="Wat je in deze stap doet, in gewone taal (één tot drie zinnen).")
    tiers: list[Slug] = Field(
        min_length=1,
        description="Bij welke trede(n) van de ladder 'licht als het kan, zwaar als het moet' deze stap hoort (id's uit data/tiers.yaml).",
    )
    topics: list[Slug] = Field(
        default_factory=list, description="Juridische onderwerpen die je bij deze stap nodig hebt (id's uit data/legal.yaml)."
    )
    offers: list[Slug] = Field(default_factory=list, description="Aanbod dat bij deze stap past (id's uit data/offers.yaml).")
    organisations: list[Slug] = Field(
        default_factory=list,
        description="Organisaties die je bij deze stap belt of inschakelt (id's uit data/organisations.yaml).",
    )
    pages: list[Destination] = Field(
        default_factory=list,
        description=(
            "Pagina's van Wijzer waar deze stap naartoe leidt: 'signaleren' (de signaleringshulp), 'gemeenten' "
            "(het aanspreekpunt per gemeente), 'hulp-zoeken' of 'juridisch'."
        ),
    )
    safety: bool = Field(
        default=False,
        description="true voor de veiligheidsstap (meldcode, Veilig Thuis, 112): het stroomschema tekent die stap apart.",
    )


class Role(m.Entry):
    id: Slug = Field(description="Vaste korte naam van de rol; wordt het anker op de pagina (#rol-<id>).")
    label: Annotated[PlainText, Field(max_length=50)] = Field(
        description="Naam van de rol zoals bezoekers die zien, hooguit 50 tekens, bijvoorbeeld 'School'."
    )
    group: RoleGroup = Field(description="Waar de rol bij hoort: voorveld, hulpverlening, recht of ouders.")
    intro: PlainText = Field(description="Eén of twee zinnen: wie is deze rol en waar begint de route?")
    steps: list[Step] = Field(
        min_length=2, max_length=8, description="De stappen van signaal naar hulp, in volgorde (2 tot 8)."
    )


class RoutekaartInfo(m.Sourced):
    principle: Markdown = Field(
        description="Uitleg van het principe 'licht als het kan, zwaar als het moet' (Markdown), bovenaan de routekaart."
    )


class RoutekaartFile(m.Entry):
    routekaart: RoutekaartInfo = Field(description="Uitleg, bronnen en controledatum van de routekaart.")
    roles: list[Role] = Field(min_length=1, description="De rollen, elk met hun route.")


@dataclass(frozen=True)
class Routekaart:
    """What the pages need: the checked info block and the roles in file order."""

    info: RoutekaartInfo
    roles: list[Role]


def attach(catalogue: Catalogue, valid: dict[str, Any], src: Source) -> list[Problem]:
    problems: list[Problem] = []
    info = valid.get("routekaart")
    if info is not None:
        _dates(src, ("routekaart",), info, catalogue, catalogue.today, problems)
    roles: list[Role] = []
    seen: dict[str, int] = {}
    for i, role in valid.get("roles", []):
        if role.id in seen:
            first = src.where(("roles", seen[role.id]))[0]
            problems.append(src.problem(("roles", i, "id"), f"'{role.id}' komt twee keer voor (ook op regel {first}); een id moet uniek zijn"))
            continue
        seen[role.id] = i
        roles.append(role)
        for j, step in enumerate(role.steps):
            path = ("roles", i, "steps", j)
            _refs(src, (*path, "tiers"), step.tiers, catalogue.tiers, "trede", problems)
            _refs(src, (*path, "topics"), step.topics, catalogue.topics, "onderwerp", problems)
            _refs(src, (*path, "offers"), step.offers, catalogue.offers, "aanbod-id", problems)
            _refs(src, (*path, "organisations"), step.organisations, catalogue.organisations, "organisatie", problems)
    if info is not None:
        catalogue.extras["routekaart"] = Routekaart(info, roles)
    return problems


EXTENSION = ("routekaart.yaml", RoutekaartFile, attach)
