"""The data model: one declaration per entity, a Dutch description on every field.

These classes are the single source of truth for the YAML files in ``data/``: the loader
validates against them, ``wijzer schema`` exports them as JSON Schema for editors, and the
editors' documentation is generated from the descriptions. Identifiers are English, the
descriptions (what an editor reads) are Dutch.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from wijzer.core.fields import (
    CbsCode,
    Email,
    HttpsUrl,
    IsoDate,
    Markdown,
    Phone,
    PlainText,
    ShortNumber,
    Slug,
)


class Entry(BaseModel):
    """Basis van elk item: onbekende velden zijn fouten en niets wordt stilletjes omgezet."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)



# --------------------------------------------------------------------------- vocabularies

Audience = Literal["ouders", "kinderen", "jongeren", "professionals"]
AUDIENCE_LABELS: dict[str, str] = {
    "ouders": "Ouders",
    "kinderen": "Kinderen (tot 12 jaar)",
    "jongeren": "Jongeren (12 jaar en ouder)",
    "professionals": "Professionals",
}

Phase = Literal["preventie", "tijdens-scheiding", "na-scheiding"]
PHASE_LABELS: dict[str, str] = {
    "preventie": "Voor de scheiding (preventie)",
    "tijdens-scheiding": "Tijdens de scheiding",
    "na-scheiding": "Na de scheiding",
}

Form = Literal["individueel", "gezin", "groep", "online", "telefoon-chat", "informatie"]
FORM_LABELS: dict[str, str] = {
    "individueel": "Individueel",
    "gezin": "Met het hele gezin of beide ouders",
    "groep": "In een groep",
    "online": "Online",
    "telefoon-chat": "Telefoon of chat",
    "informatie": "Informatie en advies",
}

Access = Literal["vrij-toegankelijk", "verwijzing-nodig", "beschikking"]
ACCESS_LABELS: dict[str, str] = {
    "vrij-toegankelijk": "Vrij toegankelijk: je kunt zelf contact opnemen",
    "verwijzing-nodig": "Verwijzing nodig (wijkteam, huisarts of jeugdarts)",
    "beschikking": "Alleen na een beslissing van de rechter of gemeente (beschikking)",
}

Costs = Literal["gratis", "vergoed", "eigen-bijdrage", "betaald"]
COSTS_LABELS: dict[str, str] = {
    "gratis": "Gratis",
    "vergoed": "Vergoed (meestal door de gemeente)",
    "eigen-bijdrage": "Met een eigen bijdrage",
    "betaald": "Je betaalt zelf",
}

EvidenceLevel = Literal[
    "niet-beoordeeld",
    "goed-onderbouwd",
    "effectief-eerste-aanwijzingen",
    "effectief-goede-aanwijzingen",
    "effectief-sterke-aanwijzingen",
]
# The NJi's recognition committee assesses an intervention again after five years.
REASSESSMENT_YEARS = 5
EVIDENCE_LABELS: dict[str, str] = {
    "niet-beoordeeld": "Effect niet beoordeeld",  # not "Niet beoordeeld": parents read that as "not checked"
    "goed-onderbouwd": "Goed onderbouwd",
    "effectief-eerste-aanwijzingen": "Effectief volgens eerste aanwijzingen",
    "effectief-goede-aanwijzingen": "Effectief volgens goede aanwijzingen",
    "effectief-sterke-aanwijzingen": "Effectief volgens sterke aanwijzingen",
}

Island = Literal["voorveld", "hulpverlening", "recht"]
ISLAND_LABELS: dict[str, str] = {
    "voorveld": "Voorveld (school, huisarts, wijkteam, jeugdgezondheidszorg)",
    "hulpverlening": "Hulpverlening (jeugdhulp, Veilig Thuis, jeugdbescherming)",
    "recht": "Recht (advocaat, mediator, rechter, Raad voor de Kinderbescherming)",
}

OrganisationKind = Literal[
    "gemeente",
    "wijkteam",
    "jeugdhulp",
    "veilig-thuis",
    "raad-voor-de-kinderbescherming",
    "jeugdbescherming",
    "rechtspraak",
    "juridisch-loket",
    "advocatuur-mediation",
    "onderwijs",
    "huisarts-jgz",
    "hulplijn",
    "ervaringsdeskundigen",
    "kennisinstituut",
    "overig",
]
KIND_LABELS: dict[str, str] = {
    "gemeente": "Gemeente",
    "wijkteam": "Wijkteam, sociaal team of CJG",
    "jeugdhulp": "Jeugdhulp",
    "veilig-thuis": "Veilig Thuis",
    "raad-voor-de-kinderbescherming": "Raad voor de Kinderbescherming",
    "jeugdbescherming": "Jeugdbescherming (gecertificeerde instelling)",
    "rechtspraak": "Rechtspraak",
    "juridisch-loket": "Juridisch advies",
    "advocatuur-mediation": "Advocatuur en mediation",
    "onderwijs": "Onderwijs",
    "huisarts-jgz": "Huisarts of jeugdgezondheidszorg",
    "hulplijn": "Hulplijn",
    "ervaringsdeskundigen": "Mensen die het zelf meemaakten",  # plain words: children read it on /kinderen/
    "kennisinstituut": "Kennisinstituut",
    "overig": "Overig",
}

# Kinds of organisation that count as a specific local entry point (a named team), as opposed to
# the gemeente as a whole; see Gemeente.entry_point_note and the check in checks.py.
ENTRY_TEAM_KINDS: frozenset[str] = frozenset({"wijkteam"})

RegionKind = Literal["jeugdregio", "provincie", "veiligheidsregio", "arrondissement"]


# --------------------------------------------------------------------------- shared parts


class SourceRef(Entry):
    """Wanneer een bron is geraadpleegd, als dat een andere dag was dan 'reviewed'."""

    url: HttpsUrl = Field(description="Webadres van de bron, precies zoals het onder 'sources' staat.")
    consulted: IsoDate = Field(
        description=(
            "Geraadpleegd op: de datum (JJJJ-MM-DD) waarop een redacteur deze bron heeft gelezen. "
            "Niet in de toekomst."
        )
    )


class Sourced(Entry):
    """Elk item zegt waar de gegevens vandaan komen en wanneer ze voor het laatst zijn gecontroleerd."""

    sources: list[HttpsUrl] = Field(
        min_length=1,
        description=(
            "Bronnen: webadressen (https) van officiële pagina's of de eigen website van de "
            "aanbieder waar de gegevens in dit item te controleren zijn. Minstens één. De site "
            "toont bij elke bron de datum van 'reviewed' als 'geraadpleegd op', tenzij die bron "
            "onder 'sources_consulted' een eigen datum heeft."
        ),
    )
    sources_consulted: list[SourceRef] = Field(
        default_factory=list,
        description=(
            "Bronnen die je op een andere dag hebt gelezen dan 'reviewed': per bron het webadres "
            "(zoals onder 'sources') en de datum. Laat weg als alle bronnen op de dag van "
            "'reviewed' zijn gelezen."
        ),
    )
    reviewed: IsoDate = Field(
        description=(
            "Laatst gecontroleerd: de datum (JJJJ-MM-DD) waarop een redacteur alle gegevens "
            "van dit item met de bronnen heeft vergeleken. Niet in de toekomst."
        )
    )
    quick_exit: bool = Field(
        default=False,
        description=(
            "De knop 'Snel weg' (zie docs/snel-weg.md) staat al op elke pagina voor ouders, kinderen of jongeren: "
            "elk juridisch onderwerp, elke organisatie en elk aanbod met zo'n doelgroep. Zet true om hem ook te "
            "tonen bij aanbod dat alleen voor professionals is, als het over onveiligheid of geweld gaat."
        ),
    )

    @property
    def source_urls(self) -> list[str]:
        """The web addresses of the sources, in the order of the data."""
        return list(self.sources)

    @property
    def consulted_sources(self) -> list[tuple[str, dt.date]]:
        """(url, date consulted) per source: its own date from sources_consulted, or else the
        entry's review date."""
        own = {ref.url: ref.consulted for ref in self.sources_consulted}
        return [(url, own.get(url, self.reviewed)) for url in self.sources]


class AgeRange(Entry):
    min: Annotated[int, Field(ge=0, le=25)] = Field(
        description="Jongste leeftijd (in jaren) van de kinderen voor wie dit bedoeld is."
    )
    max: Annotated[int, Field(ge=0, le=25)] = Field(
        description="Oudste leeftijd (in jaren) van de kinderen voor wie dit bedoeld is."
    )

    @model_validator(mode="after")
    def _ordered(self) -> AgeRange:
        if self.min > self.max:
            raise ValueError(f"min ({self.min}) is groter dan max ({self.max})")
        return self


class Evidence(Entry):
    level: EvidenceLevel = Field(
        description=(
            "Beoordeling in de Databank Effectieve Jeugdinterventies van het NJi. Gebruik "
            "'niet-beoordeeld' als de interventie niet (of niet meer) in de databank staat; "
            "dat zegt niets over of ze werkt."
        )
    )
    date: IsoDate | None = Field(
        default=None,
        description="Datum van de beoordeling door de erkenningscommissie (verplicht bij een beoordeling).",
    )
    url: HttpsUrl | None = Field(
        default=None,
        description="Link naar de beschrijving in de NJi-databank (verplicht bij een beoordeling).",
    )

    def reassessment_due(self, today: dt.date) -> bool:
        """True for a rating older than REASSESSMENT_YEARS on ``today``: the NJi assesses again
        after five years, so an older rating may no longer stand."""
        if self.date is None:
            return False
        try:
            expiry = self.date.replace(year=self.date.year + REASSESSMENT_YEARS)
        except ValueError:  # 29 February
            expiry = self.date.replace(year=self.date.year + REASSESSMENT_YEARS, day=28)
        return expiry < today

    @model_validator(mode="after")
    def _rated_needs_proof(self) -> Evidence:
        if self.level != "niet-beoordeeld" and (self.date is None or self.url is None):
            raise ValueError(
                f"niveau '{self.level}' heeft een datum (date) en een link (url) naar de NJi-databank nodig"
            )
        return self


class Address(Entry):
    street: PlainText = Field(description="Straat en huisnummer.")
    postcode: Annotated[str, Field(pattern=r"^[1-9][0-9]{3} ?[A-Z]{2}$")] = Field(
        description="Postcode, bijvoorbeeld 8011 PK."
    )
    city: PlainText = Field(description="Plaats.")


class Contact(Entry):
    phone: Phone | None = Field(
        default=None,
        description="Telefoonnummer zoals de organisatie het zelf publiceert, bijvoorbeeld 0800-2000.",
    )
    email: Email | None = Field(default=None, description="E-mailadres voor ouders of professionals.")
    website: HttpsUrl | None = Field(default=None, description="Website (https).")
    address: Address | None = Field(default=None, description="Bezoekadres.")
    opening_hours: PlainText | None = Field(
        default=None,
        description="Openingstijden of bereikbaarheid in gewone taal, bijvoorbeeld '24 uur per dag, 7 dagen per week'.",
    )
    chat: HttpsUrl | None = Field(
        default=None,
        description="Webadres (https) waar je kunt chatten, als de organisatie een chat heeft.",
    )
    short_number: ShortNumber | None = Field(
        default=None,
        description=(
            "Kort telefoonnummer van drie cijfers dat de organisatie zelf publiceert, zoals 113. "
            "Alleen voor landelijke hulplijnen met zo'n nummer; het gewone nummer staat in 'phone'."
        ),
    )


class Area(Entry):
    """Waar iets beschikbaar is: landelijk, of in een lijst gemeenten en/of regio's."""

    national: bool = Field(
        default=False, description="true als dit in heel Nederland beschikbaar is."
    )
    gemeenten: list[CbsCode] = Field(
        default_factory=list,
        description="Gemeenten waar dit beschikbaar is, als CBS-code (bijvoorbeeld GM0193 voor Zwolle).",
    )
    regions: list[Slug] = Field(
        default_factory=list,
        description="Regio's (id uit data/regions.yaml) waar dit in alle gemeenten beschikbaar is.",
    )

    @model_validator(mode="after")
    def _somewhere(self) -> Area:
        if self.national and (self.gemeenten or self.regions):
            raise ValueError("kies óf national: true, óf gemeenten/regions, niet allebei")
        if not self.national and not (self.gemeenten or self.regions):
            raise ValueError("geef national: true of minstens één gemeente of regio")
        return self


# --------------------------------------------------------------------------- entities


class Tier(Entry):
    id: Slug = Field(description="Vaste korte naam van de trede, bijvoorbeeld 'licht'.")
    level: Annotated[int, Field(ge=0, le=9)] = Field(
        description="Volgorde op de ladder: 0 is het lichtst; hoe hoger, hoe zwaarder."
    )
    label: PlainText = Field(description="Naam van de trede zoals bezoekers die zien.")
    summary: PlainText = Field(description="Eén zin: voor welke situatie is deze trede?")
    description: Markdown = Field(description="Uitleg van de trede (Markdown).")
    glasl: PlainText = Field(
        description="Welke fase(n) van de escalatieladder van Glasl bij deze trede horen."
    )


class Offer(Sourced):
    id: Slug = Field(description="Vaste korte naam (kleine letters, cijfers, streepjes); wordt het webadres.")
    name: PlainText = Field(description="Naam van het aanbod of de interventie.")
    summary: PlainText = Field(description="Eén zin in gewone taal: wat is het en voor wie?")
    description: Markdown = Field(description="Wat er gebeurt, in gewone taal (Markdown).")
    audiences: list[Audience] = Field(min_length=1, description="Voor wie het aanbod is.")
    ages: AgeRange | None = Field(
        default=None, description="Leeftijd van de kinderen; laat weg als het niet uitmaakt."
    )
    phases: list[Phase] = Field(min_length=1, description="In welke fase van de scheiding het past.")
    tiers: list[Slug] = Field(
        min_length=1,
        description="Treden van de ladder 'licht als het kan, zwaar als het moet' (id's uit data/tiers.yaml).",
    )
    forms: list[Form] = Field(min_length=1, description="Vorm van het aanbod.")
    sessions: PlainText | None = Field(
        default=None, description="Aantal bijeenkomsten en duur, bijvoorbeeld '8 bijeenkomsten van 1,5 uur'."
    )
    access: Access = Field(description="Hoe je er komt: zelf, met een verwijzing of met een beschikking.")
    costs: Costs = Field(description="Wat het kost.")
    costs_note: PlainText | None = Field(default=None, description="Toelichting op de kosten.")
    evidence: Evidence = Field(description="Beoordeling in de NJi-databank, of 'niet-beoordeeld'.")
    providers: list[Slug] = Field(
        default_factory=list, description="Organisaties (id's uit data/organisations.yaml) die dit aanbieden."
    )
    area: Area = Field(description="Waar het aanbod beschikbaar is.")
    website: HttpsUrl | None = Field(default=None, description="Website met meer informatie (https).")

    @property
    def for_professionals_only(self) -> bool:
        """A richtlijn or a databank: not help a parent or child can ask for."""
        return set(self.audiences) == {"professionals"}


class Organisation(Sourced):
    id: Slug = Field(description="Vaste korte naam (kleine letters, cijfers, streepjes); wordt het webadres.")
    name: PlainText = Field(description="Naam van de organisatie.")
    kind: OrganisationKind = Field(description="Soort organisatie.")
    island: Island = Field(
        description="Het 'eiland' van professionals waar de organisatie bij hoort: voorveld, hulpverlening of recht."
    )
    description: Markdown | None = Field(default=None, description="Wat de organisatie doet voor gezinnen in scheiding.")
    contact: Contact = Field(default_factory=Contact, description="Contactgegevens; alleen wat in de bronnen staat.")
    area: Area = Field(description="Voor welke gemeenten of regio's de organisatie werkt.")


class Gemeente(Entry):
    code: CbsCode = Field(description="CBS-code van de gemeente, bijvoorbeeld GM0193.")
    name: PlainText = Field(description="Officiële naam volgens het CBS.")
    province: PlainText = Field(description="Provincie.")
    entry_point: Slug | None = Field(
        default=None,
        description="De plek waar gezinnen in deze gemeente terechtkunnen (id van een organisatie, meestal het wijkteam).",
    )
    entry_point_note: PlainText | None = Field(
        default=None,
        description=(
            "Alleen als entry_point de algemene gemeente is (soort 'gemeente'): waarom er geen wijkteam, sociaal "
            "team of CJG als aanspreekpunt staat, bijvoorbeeld 'alleen algemene gemeentepagina gevonden'. "
            "Het inhoudsrapport toont deze reden."
        ),
    )
    website: HttpsUrl | None = Field(
        default=None,
        description=(
            "Adres van de eigen website van de gemeente, alleen de hoofdpagina (https://www.meierijstad.nl/). Staat er "
            "geen aanspreekpunt, dan stuurt de gemeentepagina ouders hierheen in plaats van naar overheid.nl."
        ),
    )
    website_consulted: IsoDate | None = Field(
        default=None,
        description="Datum (JJJJ-MM-DD) waarop een redacteur het adres van de website in een bron heeft gecontroleerd. Nodig bij website; niet in de toekomst.",
    )


class Region(Entry):
    id: Slug = Field(description="Vaste korte naam van de regio.")
    name: PlainText = Field(description="Naam van de regio.")
    kind: RegionKind = Field(description="Soort regio.")
    gemeenten: list[CbsCode] = Field(min_length=1, description="Gemeenten in deze regio (CBS-codes).")
    sources: list[HttpsUrl] = Field(min_length=1, description="Bronnen voor de indeling.")


class Herindeling(Entry):
    """Een gemeentelijke herindeling: gemeenten die zijn opgeheven en nu bij een of meer andere gemeenten horen.
    Wie bij 'Waar woon je?' de naam van een opgeheven gemeente typt, hoort bij welke gemeente die nu hoort."""

    since: IsoDate = Field(description="Datum waarop de herindeling inging (JJJJ-MM-DD). Niet in de toekomst.")
    former: list[PlainText] = Field(
        min_length=1,
        description=(
            "Namen van de opgeheven gemeenten, zoals ze officieel heetten. Niet de naam van een gemeente die nog "
            "bestaat: ging Weesp op in Amsterdam, dan staat hier alleen Weesp."
        ),
    )
    into: list[CbsCode] = Field(
        min_length=1,
        description=(
            "CBS-codes van de gemeenten waar ze nu bij horen. Meer dan één als een gemeente over "
            "meerdere gemeenten is verdeeld; de site vraagt dan welke."
        ),
    )
    sources: list[HttpsUrl] = Field(min_length=1, description="Bronnen die de herindeling noemen (webadressen, https).")
    consulted: IsoDate = Field(description="Datum (JJJJ-MM-DD) waarop een redacteur de bronnen heeft gelezen. Niet in de toekomst.")


class Woonplaats(Entry):
    """Een plaats die zelf geen gemeente is. Wie haar naam typt bij 'Waar woon je?', leest bij welke gemeente ze hoort."""

    name: PlainText = Field(
        description=(
            "Naam van de plaats zoals mensen hem schrijven (de BAG-woonplaats), bijvoorbeeld Zaandam. Een naam die in "
            "Nederland vaker voorkomt (Elst, Velp) zet je er niet in: het antwoord zou voor een deel van de mensen fout zijn."
        )
    )
    gemeente: CbsCode = Field(description="CBS-code van de gemeente waar de plaats bij hoort, bijvoorbeeld GM0479 voor Zaanstad.")
    former: PlainText | None = Field(
        default=None,
        description=(
            "Alleen bij een dorp van een opgeheven gemeente die over meer gemeenten is verdeeld: de naam van die "
            "gemeente, zoals bij herindelingen (Esch: Haaren). Wie de oude gemeentenaam typt, leest dan welk dorp bij "
            "welke gemeente hoort. Het dorp mag zo heten als die gemeente (het dorp Haaren)."
        ),
    )
    sources: list[HttpsUrl] = Field(min_length=1, description="Bronnen die zeggen dat de plaats in die gemeente ligt (webadressen, https).")
    consulted: IsoDate = Field(description="Datum (JJJJ-MM-DD) waarop een redacteur de bronnen heeft gelezen. Niet in de toekomst.")


class LawReference(Entry):
    ref: PlainText = Field(description="Korte verwijzing, bijvoorbeeld 'BW 1:251' of 'Jeugdwet art. 7.3.4'.")
    title: PlainText = Field(description="Waar het artikel over gaat, in een paar woorden.")
    url: HttpsUrl = Field(description="Link naar de officiële wettekst (wetten.overheid.nl of EUR-Lex).")


class LegalTopic(Sourced):
    id: Slug = Field(description="Vaste korte naam; wordt het webadres.")
    title: PlainText = Field(description="Titel van het onderwerp.")
    summary: PlainText = Field(description="Eén zin in gewone taal.")
    parents: Markdown = Field(description="Tekst voor ouders: gewone taal (B1), korte zinnen, 'je/jullie'.")
    professionals: Markdown = Field(description="Tekst voor professionals: precies, met wetsartikelen.")
    children: Markdown | None = Field(
        default=None, description="Korte tekst voor kinderen en jongeren, als het onderwerp voor hen belangrijk is."
    )
    law: list[LawReference] = Field(min_length=1, description="Wetsartikelen met link naar de officiële tekst.")
    related_offers: list[Slug] = Field(default_factory=list, description="Aanbod dat hierbij past (id's).")
    related_topics: list[Slug] = Field(default_factory=list, description="Andere onderwerpen die hierbij horen (id's).")


class Settings(Entry):
    review_interval_days: Annotated[int, Field(ge=30, le=1100)] = Field(
        default=365,
        description="Na hoeveel dagen een item opnieuw gecontroleerd moet worden (anders een waarschuwing).",
    )
    finder_summaries_inline: Annotated[int, Field(ge=0, le=100000)] = Field(
        default=250,
        description=(
            "Hoeveel hulpvormen op de pagina Hulp zoeken meteen hun korte beschrijving meekrijgen. De rest "
            "haalt de pagina op zodra ze in beeld komen, zodat de pagina ook met duizenden hulpvormen snel laadt."
        ),
    )


# --------------------------------------------------------------------------- files
# Each YAML file's top level is a mapping with one list (or block) in it.


class OffersFile(Entry):
    offers: list[Offer] = Field(description="Het hulpaanbod.")


class OrganisationsFile(Entry):
    organisations: list[Organisation] = Field(description="Organisaties en hun contactgegevens.")


class RegionsFile(Entry):
    gemeenten: list[Gemeente] = Field(description="Alle gemeenten (CBS-indeling).")
    regions: list[Region] = Field(description="Regio's die gemeenten groeperen.")
    herindelingen: list[Herindeling] = Field(
        default_factory=list,
        description="Opgeheven gemeenten en waar ze nu bij horen, zodat bewoners hun oude gemeentenaam kunnen typen.",
    )
    woonplaatsen: list[Woonplaats] = Field(
        default_factory=list,
        description="Plaatsen (steden en dorpen) die zelf geen gemeente zijn, met de gemeente waar ze bij horen.",
    )


class LegalFile(Entry):
    topics: list[LegalTopic] = Field(description="Juridische basiskennis per onderwerp.")


class TiersFile(Entry):
    tiers: list[Tier] = Field(min_length=2, description="De treden van licht naar zwaar.")


class SettingsFile(Entry):
    settings: Settings = Field(default_factory=Settings, description="Instellingen voor controles.")


# file name -> model; the order is the order of loading and of reporting
DATA_FILES: dict[str, type[Entry]] = {
    "settings.yaml": SettingsFile,
    "tiers.yaml": TiersFile,
    "regions.yaml": RegionsFile,
    "organisations.yaml": OrganisationsFile,
    "offers.yaml": OffersFile,
    "legal.yaml": LegalFile,
}
